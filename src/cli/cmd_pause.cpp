// attune pause [--from DATE] [--until DATE] [--reason TEXT] and attune resume: rest days that
// are neither planned nor missed (the rules are the core's: pause.hpp). One file for the pair:
// resume only ends what pause began. The decisions and words are the core's
// (pause.hpp, pause_command.hpp).
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/pause.hpp"
#include "attune/pause_command.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct PauseOptions {
  std::optional<std::string> from;
  std::optional<std::string> until;
  std::optional<std::string> reason;
};

int run_pause(Session &session, const PauseOptions &opts) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  const Day from = opts.from ? parse_pause_day(*opts.from, today, "--from") : today;
  const std::optional<Day> until =
      opts.until ? std::optional<Day>(parse_pause_day(*opts.until, today, "--until"))
                 : std::nullopt;
  const std::string reason = pause_reason(opts.reason);
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const Run &run = require_active_run(history);
  const Plan plan = session.plan_for_run(run);
  const Pause pause = decide_pause(plan, run, today, {from, until, reason});
  const Record r = pause_record(pause, run, record_stamp(session));
  store.append(lock, journal, {r});
  if (!ctx.global.quiet)
    ctx.out << render_paused(plan, with_records(run, {r}), pause, today, ctx.text_width());
  return exit_code::ok;
}

int run_resume(Session &session) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const Run &run = require_active_run(history);
  const Plan plan = session.plan_for_run(run);
  const Day back = decide_resume(run, today);
  const Record r = new_record(RecordType::resume, run, back, record_stamp(session));
  store.append(lock, journal, {r});
  if (!ctx.global.quiet)
    ctx.out << render_resumed(plan, with_records(run, {r}), today, ctx.text_width());
  return exit_code::ok;
}

} // namespace

Command register_pause(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<PauseOptions>();
  sub->add_option("--from", opts->from, "The first day of the pause (default today; may be past)")
      ->type_name("DATE");
  sub->add_option("--until", opts->until,
                  "The last day of the pause (inclusive; leave out to pause until 'resume')")
      ->type_name("DATE");
  sub->add_option("--reason", opts->reason, "A few words for yourself (private, like a note)")
      ->type_name("TEXT");
  return {sub, [&session, opts]() { return run_pause(session, *opts); }};
}

Command register_resume(CLI::App *sub, Session &session) {
  return {sub, [&session]() { return run_resume(session); }};
}

} // namespace attune::cli
