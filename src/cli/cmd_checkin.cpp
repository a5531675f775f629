// attune checkin [EXERCISE...] [--skip EXERCISE...] [--not-arisen EXERCISE...]
//                [--all | --skip-all] [--reason TEXT] [--note TEXT] [--date DATE]
// The decisions are the core's (checkin_command.hpp); here the options, the questions
// (checkin_prompt.cpp), the lock, the write, the hooks and the printing.
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "after_flow.hpp"
#include "attune/checkin_command.hpp"
#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/pause.hpp"
#include "attune/text.hpp"
#include "attune/zone.hpp"
#include "checkin_prompt.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "hooks.hpp"
#include "session.hpp"
#include "week_intro.hpp"

namespace attune::cli {
namespace {

bool journal_exists(Session &session) {
  struct stat info {};
  return ::stat(session.store().journal_path().c_str(), &info) == 0;
}

/// Exercise ids for an example in a hint, from the plan in use: today's exercises, so the
/// hint never names an id this plan lacks (empty when none is known).
std::vector<std::string> example_ids(Session &session) {
  std::vector<std::string> ids;
  try {
    const History history = build_history(session.read_journal_run(std::nullopt, nullptr));
    if (const Run *run = history.active()) {
      const Plan plan = session.plan_for_run(*run);
      for (const DueItem &item : day_view(plan, *run, session.today()).items)
        ids.push_back(item.exercise->id);
    }
  } catch (const Error &) {
    // Only an example: the command's own error follows.
  }
  return ids;
}

/// The first look, before the lock when asking (a person may take minutes): refuses a paused
/// or ended day, ends an open pause (asked or said), asks the questions, resolves the names.
/// False when there is nothing to write (the reason already said).
bool prepare_checkin(Session &session, const Journal &journal, bool named, CheckinRequest &req) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  const History history = build_history(journal);
  const Run &active = require_active_run(history);
  const Day day = resolve_run_day(req.date, today, &active);
  const Plan plan = session.plan_for_run(active);
  const DayView paused_view = day_view(plan, active, day);
  const Pause *open = day == today ? open_pause(active, today) : nullptr;
  refuse_paused_day(paused_view, day, today, open != nullptr);
  std::optional<Run> resumed;
  if (open != nullptr) {
    // The open pause ends with this check-in: asked on a terminal, said off one.
    if (!named && !ask_to_end_pause(ctx, *open)) {
      ctx.out << pause_goes_on_line();
      return false;
    }
    if (named)
      ctx.note(pause_ends_note(open->from));
    // As the run will stand: decide_checkin writes this resume, stamped, under the lock.
    resumed = with_records(active, {new_record(RecordType::resume, active, today, {})});
  }
  const Run &run = resumed ? *resumed : active;
  const DayView view = resumed ? day_view(plan, run, day) : paused_view;
  if (!named && day == today && !resumed) {
    const std::string welcome = welcome_back_line(away(plan, run, today));
    if (!welcome.empty())
      ctx.out << wrap_words(welcome, ctx.text_width(), "", "") << "\n";
  }
  refuse_ended_day(view, day);
  if (!named) {
    // The first interactive check-in of a programme week offers the week's new cues
    // (once, with `today`; see week_intro.hpp), before the questions.
    if (!req.date)
      offer_week_cues(session, plan, run, view.pos.week);
    ask_checkin(session, plan, run, view, day, !req.date, req);
    if (req.empty()) {
      ctx.out << nothing_recorded_line();
      return false;
    }
  }
  req = resolve_checkin_request(std::move(req), plan, view, day);
  if (nothing_open(req)) {
    ctx.out << nothing_open_line(day, today);
    return false;
  }
  return true;
}

int run_checkin(Session &session, CheckinRequest req) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  check_checkin_request(req, ctx.in_tty, [&session] { return example_ids(session); });
  const bool named = req.names_something();

  // After the programme's end, check-ins are for the kept practice (after_flow).
  if (journal_exists(session)) {
    const History now = build_history(session.read_journal_run(std::nullopt));
    const Run *latest = active_or_ended_run(now);
    if (latest != nullptr &&
        checkin_after_end(session, now, resolve_run_day(req.date, today, latest)))
      return run_kept_checkin(session, std::move(req), !named);
  }

  // A first look, to resolve names and ask questions: without the lock when asking, else
  // under the lock kept for the write, so the journal is read once. No journal yet: nothing
  // is running, and the error must not create the folder.
  JournalStore &store = session.store();
  std::optional<JournalStore::Lock> held;
  if (named && journal_exists(session))
    held.emplace(store.lock(session.lock_timeout()));
  std::optional<Journal> journal = session.read_journal_run(std::nullopt, held ? &*held : nullptr);
  if (!prepare_checkin(session, *journal, named, req))
    return exit_code::ok;

  // Read, check and write under one lock: another attune may have written meanwhile.
  if (!held) {
    held.emplace(store.lock(session.lock_timeout()));
    journal = session.read_journal_run(std::nullopt, &*held);
  }
  const History history = build_history(*journal);
  const Run &active = require_active_run(history);
  const Day day = resolve_run_day(req.date, today, &active);
  const Plan plan = session.plan_for_run(active);
  const CheckinOutcome outcome =
      decide_checkin(plan, active, day, today, req, record_stamp(session));
  if (const auto records = outcome.to_append(); !records.empty())
    store.append(*held, *journal, records);

  // Feedback from the journal as it now stands.
  CheckinWording how;
  how.today = today;
  how.early = before_day_start(to_local(session.now(), session.zone()), today);
  how.day_starts = format_clock_time(session.config().day_starts_at.value);
  how.recorded_day = session.recorded_day();
  how.quiet = ctx.global.quiet;
  how.width = ctx.text_width();
  ctx.out << render_checkin(outcome, plan, run_after_checkin(active, outcome), how);
  held.reset(); // a hook may run attune (log, report): not under our lock
  run_hooks(session, HookCommand::checkin, outcome.records);
  return exit_code::ok;
}

} // namespace

Command register_checkin(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<CheckinRequest>();
  sub->add_option("exercise", opts->done, "Exercises done (id or unique prefix)")
      ->type_name("EXERCISE");
  // One exercise per -s (or a comma list), so `checkin -s catch trigger` skips catch and
  // records trigger as done, rather than swallowing every word after it.
  sub->add_option("-s,--skip", opts->skip,
                  "An exercise skipped on purpose; repeat -s or give a comma list (a,b)")
      ->type_name("EXERCISE")
      ->allow_extra_args(false)
      ->delimiter(',');
  sub->add_option("--not-arisen", opts->not_arisen,
                  "A when-it-arises exercise whose situation did not come up; repeat or a,b")
      ->type_name("EXERCISE")
      ->allow_extra_args(false)
      ->delimiter(',');
  sub->add_flag("-a,--all", opts->all, "Everything open that day done (but what --skip names)");
  sub->add_flag("--skip-all", opts->skip_all,
                "Everything open that day skipped on purpose (but what is named done)");
  sub->add_option("-r,--reason", opts->reason, "Why they were skipped")->type_name("TEXT");
  sub->add_option("-n,--note", opts->note, "A note for the day")->type_name("TEXT");
  sub->add_option("-d,--date", opts->date, "Another day (YYYY-MM-DD, yesterday, -N, mon...)")
      ->type_name("DATE");
  return {sub, [&session, opts]() { return run_checkin(session, *opts); }};
}

} // namespace attune::cli
