// attune start [--plan ID|FILE] [--on DATE] [--restart]: begin a six-week programme.
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/start_command.hpp"
#include "attune/start_rules.hpp"
#include "attune/support.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "hooks.hpp"
#include "reflect_flow.hpp"
#include "session.hpp"
#include "suggest_flow.hpp"

#include <sys/stat.h>

namespace attune::cli {
namespace {

struct StartOptions {
  std::optional<std::string> plan;
  std::optional<std::string> on;
  bool restart = false;
};

/// Decides the start under one lock (start_command.hpp), saves the plan copy and appends
/// `end` (on --restart) and `start`. The lock is released on return, before any question.
StartDecision write_start(Session &session, const Plan &plan, const std::string &text,
                          const StartRequest &request, Day today) {
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  // The newest programme (journal.index) says all a start needs: whether one is running and
  // the highest number in use. After two starts clashed (the reader's note says so) the
  // numbers shown and written differ, and every programme is needed: read them all (rare).
  Journal journal = session.read_journal_run(std::nullopt, &lock);
  if (!journal.notes.empty())
    journal = session.read_journal(&lock);
  const History history = build_history(journal);
  const Run *active = history.active();
  const std::optional<Plan> running =
      active != nullptr ? std::optional<Plan>(session.plan_for_run(*active)) : std::nullopt;
  StartDecision decision = decide_start(history, running ? &*running : nullptr, plan, today,
                                        request, record_stamp(session));
  store.save_plan_copy(lock, plan.hash, text);
  store.append(lock, journal, decision.records);
  return decision;
}

/// True when a start now would be refused because a programme is still running (checked
/// again under the lock by write_start). Reading never creates the data folder.
bool still_running(Session &session, Day today) {
  struct stat info {};
  if (::stat(session.store().journal_path().c_str(), &info) != 0)
    return false;
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run *active = history.active();
  return active != nullptr && attune::still_running(session.plan_for_run(*active), active, today);
}

/// No plan chosen (no --plan, none in config), on a terminal, and a start would go ahead:
/// then the questions of 'plan suggest' are offered first. Off a terminal nothing changes:
/// scripts rely on the default plan.
bool offer_suggestion(Session &session, const StartOptions &opts) {
  const Context &ctx = session.ctx();
  return !opts.plan && session.config().plan.value.empty() && ctx.in_tty && ctx.out_tty &&
         !ctx.global.quiet && (opts.restart || !still_running(session, session.today()));
}

int run_start(Session &session, const StartOptions &opts) {
  Context &ctx = session.ctx();
  std::string wanted = opts.plan ? *opts.plan : session.chosen_plan();
  if (offer_suggestion(session, opts)) {
    const StartChoice choice = offer_plan_suggestion(session);
    if (!choice.start)
      return exit_code::ok;
    if (choice.plan)
      wanted = *choice.plan;
  }
  const PlanSearchPath search = session.plan_search_path();
  const PlanSource source = find_plan_source(wanted, search);
  PlanLoadResult loaded = load_plan_source(source, search);
  if (!loaded.plan)
    throw Error(ErrorKind::invalid, "the plan \"" + wanted + "\" is not valid",
                "see 'attune plan validate'");
  const Plan &plan = *loaded.plan;

  const Day today = session.today();
  const StartRequest request{start_day(opts.on, plan, today), opts.restart};
  const StartDecision decision = write_start(session, plan, source.text, request, today);
  run_hooks(session, HookCommand::start, decision.records);
  const std::size_t width = ctx.text_width();
  if (!ctx.global.quiet)
    ctx.out << render_started(plan, decision, today, width);
  Run run;
  run.number = decision.numbers.shown;
  run.claim = decision.numbers.claim;
  run.start = decision.start;
  offer_baseline(session, plan, run);
  if (!ctx.global.quiet)
    ctx.out << '\n' << wrap_words(safety_note, width, "", "");
  return exit_code::ok;
}

} // namespace

Command register_start(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<StartOptions>();
  sub->add_option("--plan", opts->plan,
                  "Plan id or TOML file (default: the built-in plan; on a terminal, six "
                  "questions suggest one first)")
      ->type_name("ID|FILE");
  sub->add_option("--on", opts->on, "Start day, if you began earlier (YYYY-MM-DD, -N, ...)")
      ->type_name("DATE");
  sub->add_flag("--restart", opts->restart,
                "End the running programme (kept in history) and start anew");
  return {sub, [&session, opts]() { return run_start(session, *opts); }};
}

} // namespace attune::cli
