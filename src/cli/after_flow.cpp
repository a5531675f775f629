#include "after_flow.hpp"

#include <ostream>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "checkin_prompt.hpp"
#include "daily.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {

bool checkin_after_end(Session &session, const History &history, Day day) {
  const Run *run = active_or_ended_run(history);
  if (run == nullptr)
    return false;
  const Plan plan = session.plan_for_run(*run);
  return programme_over(plan, *run, day);
}

int run_kept_checkin(Session &session, CheckinRequest req, bool ask) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  if (ask) {
    // The items point into their plan (MaintenanceItem::plan_exercise): it lives while asked.
    const History history = build_history(session.read_journal_run(std::nullopt));
    const Run &run = require_latest_run(history);
    const Day day = resolve_run_day(req.date, today, &run);
    const Plan plan = session.plan_for_run(run);
    refuse_kept_checkin(plan, run, day, true);
    ask_kept_checkin(ctx, kept_items_on(plan, maintenance_of(run), run, day), day, req);
    if (req.done.empty() && req.skip.empty()) {
      ctx.out << nothing_recorded_line();
      return exit_code::ok;
    }
  }
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const Run &run = require_latest_run(history);
  const Day day = resolve_run_day(req.date, today, &run);
  const Plan plan = session.plan_for_run(run);
  const CheckinOutcome outcome = decide_kept_checkin(plan, run, day, req, record_stamp(session));
  if (!outcome.records.empty())
    store.append(lock, journal, outcome.records);
  CheckinWording how;
  how.today = today;
  how.quiet = ctx.global.quiet;
  how.width = ctx.text_width();
  ctx.out << render_kept_checkin(outcome, plan, run_after_checkin(run, outcome), how);
  return exit_code::ok;
}

} // namespace attune::cli
