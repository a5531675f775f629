// attune pause [--from DATE] [--until DATE] [--reason TEXT] and attune resume: rest days that
// are neither planned nor missed (the rules are the core's: pause.hpp). One file for the pair:
// resume only ends what pause began.
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/pause.hpp"
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

/// A DATE for a pause: YYYY-MM-DD (past or future), or the words resolve_day knows.
Day pause_day(const std::string &text, Day today, const char *option) {
  if (const auto day = parse_iso_day(text))
    return *day;
  if (const auto day = resolve_day(text, today))
    return *day;
  // A long value is not echoed whole: its start says enough.
  const std::string shown = text.size() > 40 ? text.substr(0, 32) + "..." : text;
  throw Error(ErrorKind::invalid,
              std::string(option) + " \"" + printable(shown) + "\" is not a date I can read",
              "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
}

int run_pause(Session &session, const PauseOptions &opts) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  const Day from = opts.from ? pause_day(*opts.from, today, "--from") : today;
  const std::optional<Day> until =
      opts.until ? std::optional<Day>(pause_day(*opts.until, today, "--until")) : std::nullopt;
  std::string reason;
  if (opts.reason) {
    if (!is_valid_utf8(*opts.reason))
      throw Error(ErrorKind::invalid, "the reason is not valid UTF-8 text",
                  "check your terminal's character encoding; nothing was saved");
    reason = trim_blanks(*opts.reason);
    if (reason.empty())
      throw Error(ErrorKind::invalid, "the reason is empty",
                  "write a few words, or leave out --reason; nothing was saved");
  }
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const Run &run = require_active_run(history);
  const Plan plan = session.plan_for_run(run);
  const Pause pause = decide_pause(plan, run, today, {from, until, reason});
  Record r = new_record(RecordType::pause, run, pause.from, record_stamp(session));
  r.until = pause.until;
  r.text = pause.reason;
  store.append(lock, journal, {r});
  if (ctx.global.quiet)
    return exit_code::ok;
  const Run after = with_records(run, {r});
  const Day horizon = until ? *until : std::max(today, from);
  const Position pos = position(plan, after, horizon);
  std::string line = "Paused from " + format_day(pause.from) +
                     (until ? " until " + format_day(*until) + " (back on " +
                                  format_day(*until + date::days(1)) + ")"
                            : std::string(", until you come back ('attune resume', or simply "
                                          "check in)")) +
                     ". Those days are neither planned nor missed";
  if (pos.phase != Phase::not_started && until)
    line += "; your programme now ends on " + format_day(pos.last);
  line += ". Take good care.";
  ctx.out << wrap_words(line, ctx.text_width(), "", "");
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
  if (ctx.global.quiet)
    return exit_code::ok;
  const Run after = with_records(run, {r});
  const Position pos = position(plan, after, today);
  std::string line = "Welcome back.";
  if (pos.phase == Phase::active)
    line += " Today is " + position_line(pos) + "; your programme ends on " + format_day(pos.last) +
            ". 'attune today' shows what is set.";
  ctx.out << wrap_words(line, ctx.text_width(), "", "");
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
