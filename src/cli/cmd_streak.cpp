// attune streak [--format text|json]: the current and longest streak, and the days behind them.
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "attune/progress.hpp"
#include "attune/report.hpp"
#include "attune/run_select.hpp"
#include "attune/streak_view.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

int run_streak(Session &session, const std::string &format) {
  Context &ctx = session.ctx();
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run &run = select_run(history, std::nullopt);
  const Plan plan = session.plan_for_run(run);
  const Progress p = compute_progress(plan, run, session.today(), session.recorded_day());
  if (format == "json")
    ctx.out << render_streak_json(p, 14);
  else
    ctx.out << render_streak_text(plan, run, p, ctx.use_color(), ctx.global.quiet,
                                  ctx.text_width());
  return 0;
}

} // namespace

Command register_streak(CLI::App *sub, Session &session) {
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  return {sub, [&session, format]() { return run_streak(session, *format); }};
}

} // namespace attune::cli
