#include "after_flow.hpp"

#include <ostream>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "checkin_prompt.hpp"
#include "daily.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

std::string kept_title(const MaintenanceItem &item) {
  return item.plan_exercise != nullptr ? printable(item.plan_exercise->title)
                                       : printable(item.exercise);
}

} // namespace

std::string after_today_text(const Plan &plan, const Run &run, Day day, bool color,
                             std::size_t width) {
  const AfterView v = after_view(plan, run, day);
  std::string out;
  if (!programme_over(plan, run, day)) {
    // The last day: the list was shown; the review is offered after it.
    if (review_offered(plan, run, day))
      out += "\n" + wrap_words("This is the last day of your programme. When you are ready, "
                               "'attune review' asks three short questions to carry with you.",
                               width, "", "");
    return out;
  }
  const bool early = run.ended && *run.ended < position(plan, run, run.start).last;
  out += wrap_words("Your programme (" + printable(plan.name) + ") " +
                        (early ? "ended on " + format_day(v.end)
                               : "ran from " + format_day(run.start) + " to " + format_day(v.end)) +
                        ". What you practised is yours to keep.",
                    width, "", "");
  if (v.maintenance.active) {
    const auto items = maintenance_day(plan, v.maintenance, run, day);
    const MaintenanceWeek week = maintenance_week(v.maintenance.since, day);
    out += "\n" + paint(color, "1", "Your kept practice") + ", week " +
           std::to_string(week.number) + " (since " + format_day(v.maintenance.since) + ")\n";
    const std::string hang(12, ' ');
    for (const MaintenanceItem &item : items) {
      std::string mark = item.state == ExerciseState::done      ? paint(color, "32", "[done]   ")
                         : item.state == ExerciseState::skipped ? paint(color, "2", "[skipped]")
                                                                : "[open]   ";
      out += wrap_words(kept_title(item) + " (" + printable(item.exercise) +
                            "): " + kept_progress(item),
                        width, "  " + mark + " ", hang);
      if (item.state == ExerciseState::open && !item.quota.met && item.plan_exercise != nullptr &&
          !item.plan_exercise->what.empty())
        out += wrap_words(printable(item.plan_exercise->what), width, hang, hang);
    }
  }
  if (v.followup_due)
    out += "\n" + wrap_words("It is " + std::to_string(*v.followup_due) +
                                 " weeks since your programme ended: 'attune reflect' takes the "
                                 "follow-up self-check, to see where you are now.",
                             width, "", "");
  if (review_offered(plan, run, day))
    out += "\n" + wrap_words("When you are ready, 'attune review' asks three short questions: "
                             "what helped, the early signs of pulling away, and what you will "
                             "keep doing.",
                             width, "", "");
  if (!v.maintenance.active)
    out += "\n" + wrap_words("To carry up to three exercises on as a light practice, use "
                             "'attune keep EXERCISE...'; 'attune report' shows how it went, and "
                             "'attune start' begins a new programme whenever you like.",
                             width, "", "");
  return out;
}

void after_today_json(JsonWriter &json, const Plan &plan, const Run &run, Day day) {
  json.key("review_offered").value(review_offered(plan, run, day));
  const Maintenance m = maintenance_of(run);
  json.key("maintenance");
  if (!m.active || day < m.since || !programme_over(plan, run, day)) {
    json.null();
  } else {
    const MaintenanceWeek week = maintenance_week(m.since, day);
    json.begin_object();
    json.key("since").value(format_day(m.since));
    json.key("times_per_week").value(m.times_per_week);
    json.key("week").value(week.number);
    json.key("week_from").value(format_day(week.from));
    json.key("week_to").value(format_day(week.to));
    json.key("exercises").begin_array();
    for (const MaintenanceItem &item : maintenance_day(plan, m, run, day)) {
      json.begin_object();
      json.key("id").value(item.exercise);
      json.key("title").value(item.plan_exercise != nullptr ? item.plan_exercise->title
                                                            : item.exercise);
      json.key("state").value(state_word(item.state));
      json.key("week_done").value(item.quota.done);
      json.key("week_target").value(item.quota.target);
      json.key("week_skipped").value(item.quota.skipped);
      json.key("week_extra").value(item.quota.extra);
      json.key("week_met").value(item.quota.met);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.key("followup_due");
  if (const auto due = followup_due(plan, run, day))
    json.value(*due);
  else
    json.null();
}

bool checkin_after_end(Session &session, const History &history, Day day) {
  const Run *run = history.active();
  if (run == nullptr)
    run = ended_run(history);
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
    const Maintenance m = maintenance_of(run);
    ask_kept_checkin(ctx,
                     m.active && day >= m.since ? maintenance_day(plan, m, run, day)
                                                : std::vector<MaintenanceItem>{},
                     day, req);
    if (req.done.empty() && req.skip.empty()) {
      ctx.out << "\nNothing recorded. That is fine; come back when you are ready.\n";
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
