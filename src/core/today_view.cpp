// The decisions of `attune today` and the words the daily views share (moved from the front
// end: cmd_today.cpp, daily.cpp, after_flow.cpp).
#include "attune/today_view.hpp"

#include "attune/text.hpp"

namespace attune {

const Run *ended_run(const History &history) {
  if (history.active() != nullptr || history.runs.empty() || !history.runs.back().ended)
    return nullptr;
  return &history.runs.back();
}

const Run *run_to_show(const History &history) {
  const Run *run = history.active();
  return run != nullptr ? run : ended_run(history);
}

const char *state_word(ExerciseState state) noexcept {
  switch (state) {
  case ExerciseState::done:
    return "done";
  case ExerciseState::skipped:
    return "skipped";
  case ExerciseState::not_arisen:
    return "not_arisen";
  case ExerciseState::open:
    break;
  }
  return "open";
}

std::string position_line(const Position &pos) {
  return "Week " + std::to_string(pos.week) + " · Day " + std::to_string(pos.day) + " of " +
         std::to_string(pos.total_days);
}

std::string weekly_progress(const DueItem &item) {
  if (item.exercise == nullptr || item.exercise->schedule.kind != ScheduleKind::times_per_week)
    return "";
  std::string out =
      std::to_string(item.week_done) + " of " + std::to_string(item.week_target) + " this week";
  if (item.week_extra > 0)
    out += ", plus " + std::to_string(item.week_extra) + " extra";
  if (!item.week_met)
    out += ", " + days_left_phrase(item.days_left);
  return out;
}

std::string day_summary(const DayView &view, const std::string &label) {
  unsigned due = 0, settled = 0, open_week = 0;
  for (const auto &item : view.items) {
    if (item.due_today) {
      ++due;
      if (item.state != ExerciseState::open)
        ++settled;
    } else if (item.state == ExerciseState::open && item.exercise != nullptr &&
               !item.exercise->schedule.situational()) {
      ++open_week;
    }
  }
  std::string out;
  if (due == 0)
    out = "Nothing is set for " + label + " itself";
  else if (settled == due)
    out = due == 1   ? "The one for " + label + " is taken care of"
          : due == 2 ? "Both for " + label + " are taken care of"
                     : "All " + std::to_string(due) + " for " + label + " are taken care of";
  else
    out =
        std::to_string(settled) + " of " + std::to_string(due) + " for " + label + " taken care of";
  if (open_week > 0)
    out += ", " + std::to_string(open_week) + " more open this week";
  return out + ".";
}

std::string kept_progress(const MaintenanceItem &item) {
  const QuotaCount &q = item.quota;
  std::string out = std::to_string(q.done) + " of " + std::to_string(q.target) + " this week";
  if (q.extra > 0)
    out += ", plus " + std::to_string(q.extra) + " extra";
  else if (!q.met)
    out += ", " + days_left_phrase(item.days_left);
  return out;
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
