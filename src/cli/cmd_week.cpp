// attune week [N] [--format text|json]: one programme week's theme, rationale and exercises.
#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/text.hpp"
#include "attune/week_view.hpp"
#include "commands.hpp"
#include "session.hpp"

#include <sys/stat.h>

namespace attune::cli {
namespace {

struct WeekOptions {
  std::string number; ///< as typed; parsed here so a bad one gets attune's own words
  std::string format = "text";
};

/// The active run, if the journal exists and has one. Reading never creates the data folder.
std::optional<Run> week_active_run(Session &session) {
  struct stat info {};
  if (::stat(session.store().journal_path().c_str(), &info) != 0)
    return std::nullopt;
  const History history = build_history(session.read_journal_run(std::nullopt));
  if (const Run *run = history.active())
    return *run;
  return std::nullopt;
}

int run_week(Session &session, const WeekOptions &opts) {
  Context &ctx = session.ctx();
  const std::optional<Run> run = week_active_run(session);
  const Run *running = run ? &*run : nullptr;
  const WeekPlan source = week_plan(running, ctx.global.plan.has_value());
  Plan plan;
  if (source == WeekPlan::running_copy) {
    plan = session.plan_for_run(*run);
  } else { // --plan, or the plan `start` would use (chosen_plan() honours --plan)
    const PlanSearchPath search = session.plan_search_path();
    plan = *load_plan_source(find_plan_source(session.chosen_plan(), search), search).plan;
  }
  Day today{};
  if (opts.number.empty() && run) { // only the current week needs the clock
    session.check_now_setting();
    today = session.today();
  }
  const Week &week = week_to_show(opts.number, plan, running, today);
  const std::map<std::string, std::string> cues = week_cues(running, source);
  if (opts.format == "json")
    ctx.out << render_week_json(week, cues);
  else
    ctx.out << render_week_text(plan, week, ctx.text_width(), cues);
  return exit_code::ok;
}

} // namespace

Command register_week(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<WeekOptions>();
  sub->add_option("week", opts->number,
                  "Programme week (default: the running programme's current week)")
      ->type_name("N");
  sub->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
  return {sub, [&session, opts]() { return run_week(session, *opts); }};
}

} // namespace attune::cli
