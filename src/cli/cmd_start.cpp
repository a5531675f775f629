// attune start [--plan ID|FILE] [--on DATE] [--restart]: begin a six-week programme.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/progress.hpp"
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

/// Appends `end` (on --restart) and `start` under one lock, saving the plan copy first.
/// The number a new start is written with (its claim) and the number it is shown as. They
/// differ only after two starts clashed: then programmes are numbered by start, and the new
/// one, started last, comes after all of them.
struct StartNumbers {
  unsigned claim;
  unsigned shown;
  /// With --restart: the programme it ended, in words ("programme 1 (Acting less avoidantly,
  /// 2026-11-02 to 2026-11-20)"); empty when nothing was running.
  std::string ended;
  std::vector<Record> written; ///< for the hooks, once the lock is released
};

/// Returns the new run's numbers. The lock is released on return, before any question.
StartNumbers write_start(Session &session, const Plan &plan, const std::string &text, Day start,
                         Day today, bool restart) {
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  // The newest programme (journal.index) says all a start needs: whether one is running and
  // the highest number in use. After two starts clashed (the reader's note says so) the
  // numbers shown and written differ, and every programme is needed: read them all (rare).
  Journal journal = session.read_journal_run(std::nullopt, &lock);
  if (!journal.notes.empty())
    journal = session.read_journal(&lock);
  const History history = build_history(journal);

  std::vector<Record> records;
  std::string ended;
  // Past every number in use, shown or written (they differ after two starts clashed).
  unsigned number = history.newest_run + 1;
  for (const Run &r : history.runs)
    number = std::max({number, r.number + 1, r.claim + 1});
  if (const Run *active = history.active()) {
    const Plan active_plan = session.plan_for_run(*active);
    const Position pos = position(active_plan, *active, today);
    if (pos.phase != Phase::finished) {
      if (!restart)
        throw Error(ErrorKind::invalid,
                    "programme " + std::to_string(active->number) + " is still running (" +
                        (pos.phase == Phase::active ? position_line(pos)
                                                    : "starting " + format_day(active->start)) +
                        ")",
                    "to end it and begin again, use 'attune start --restart' (your history "
                    "is kept)");
      Record end;
      end.id = session.new_record_id();
      end.type = RecordType::end;
      end.day = today;
      end.recorded = session.now();
      end.zone = session.zone_name();
      end.run = active->claim;
      records.push_back(end);
      ended = "programme " + std::to_string(active->number) + " (" + printable(active_plan.name) +
              ", " + format_day(active->start) + " to " + format_day(today) +
              "); it stays in your history ('attune report --run " +
              std::to_string(active->number) + "')";
    }
  }

  Record rec;
  rec.id = session.new_record_id();
  rec.type = RecordType::start;
  rec.day = start;
  rec.recorded = session.now();
  rec.zone = session.zone_name();
  rec.run = number;
  rec.plan_id = plan.id;
  rec.plan_hash = plan.hash;
  records.push_back(rec);

  store.save_plan_copy(lock, plan.hash, text);
  store.append(lock, journal, records);

  const bool clashed = std::any_of(history.runs.begin(), history.runs.end(),
                                   [](const Run &r) { return r.number != r.claim; });
  return {number, clashed ? static_cast<unsigned>(history.runs.size()) + 1 : number, ended,
          records};
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
  Day start = today;
  if (opts.on) {
    const auto day = resolve_day(*opts.on, today);
    if (!day)
      throw Error(ErrorKind::invalid, "\"" + *opts.on + "\" is not a date I can read",
                  "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
    if (*day > today)
      throw Error(ErrorKind::invalid, quote_typed_day(*opts.on, *day) + " is in the future",
                  "start today, or on an earlier day to count days already practised");
    if (*day < today - date::days{plan.weeks * 7 - 1})
      throw Error(ErrorKind::invalid, quote_typed_day(*opts.on, *day) + " is too long ago",
                  "a programme started then would already be over");
    start = *day;
  }

  const StartNumbers numbers = write_start(session, plan, source.text, start, today, opts.restart);
  run_hooks(session, HookCommand::start, numbers.written);
  const unsigned number = numbers.shown;
  const Position pos = position(plan, start, today);
  const std::size_t width = ctx.text_width();
  if (!ctx.global.quiet) {
    if (!numbers.ended.empty())
      ctx.out << wrap_words("Ended " + numbers.ended + ".", width, "", "");
    ctx.out << wrap_words("Programme " + std::to_string(number) +
                              " started: " + printable(plan.name) + ".",
                          width, "", "");
    ctx.out << wrap_words(
        std::to_string(plan.weeks) + " weeks from " + format_day(start) + " to " +
            format_day(pos.last) +
            (pos.phase == Phase::active ? "; today is " + position_line(pos) : std::string()) + ".",
        width, "", "");
    if (!plan.notice.empty())
      ctx.out << wrap_words(printable(plan.notice, LineBreaks::kept), width, "", "");
  }
  Run run;
  run.number = numbers.shown;
  run.claim = numbers.claim;
  run.start = start;
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
