// The decisions of `attune today` and the words the daily views share (moved from the front
// end: cmd_today.cpp, daily.cpp, after_flow.cpp).
#include "attune/today_view.hpp"

#include "attune/text.hpp"

namespace attune {

const Run *run_to_show(const History &history) {
  return active_or_ended_run(history);
}

std::string kept_title(const MaintenanceItem &item) {
  return item.plan_exercise != nullptr ? printable(item.plan_exercise->title)
                                       : printable(item.exercise);
}

TodayView decide_today(const Plan &plan, const Run &run, Day today, Day day) {
  TodayView v;
  v.plan = &plan;
  v.run = &run;
  v.today = today;
  v.day = day;
  v.view = day_view(plan, run, day);
  v.over = programme_over(plan, run, day);
  v.cues = personal_cues(run);
  v.away = away(plan, run, day);
  v.this_week = day == today && v.view.pos.phase == Phase::active;
  return v;
}

bool today_intro(const TodayView &view, bool quiet, const std::optional<WeekSeen> &seen) {
  // --quiet leaves the introduction out and does not count as having shown it.
  if (!view.this_week || quiet || view.over || view.run == nullptr)
    return false;
  return week_is_new(seen, programme_key(*view.run), view.view.pos.week, WeekSeenKind::intro);
}

} // namespace attune
