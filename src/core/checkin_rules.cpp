#include "attune/checkin_rules.hpp"

#include <vector>

namespace attune {
namespace {

/// "Monday", "Monday and Thursday", "Monday, Wednesday and Friday".
std::string and_list(const std::vector<std::string> &items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

} // namespace

std::vector<const Exercise *> open_exercises(const DayView &view) {
  std::vector<const Exercise *> out;
  for (const DueItem &item : view.items)
    if (item.exercise != nullptr && item.state == ExerciseState::open &&
        (item.due_today ||
         (item.exercise->schedule.kind == ScheduleKind::times_per_week && !item.week_met)))
      out.push_back(item.exercise);
  return out;
}

std::vector<const Exercise *> situational_unrecorded(const DayView &view) {
  std::vector<const Exercise *> out;
  for (const DueItem &item : view.items)
    if (item.exercise != nullptr && item.state == ExerciseState::open &&
        item.exercise->schedule.situational())
      out.push_back(item.exercise);
  return out;
}

std::optional<SkipRefusal> refuse_not_arisen(const Exercise &exercise) {
  if (exercise.schedule.situational())
    return std::nullopt;
  return SkipRefusal{exercise.id + " is not a when-it-arises exercise",
                     "--not-arisen is for an exercise tied to a situation; to say it was not "
                     "done, use --skip " +
                         exercise.id};
}

std::vector<const Exercise *> unanswered_exercises(const DayView &view) {
  std::vector<const Exercise *> out;
  for (const DueItem &item : view.items)
    if (item.exercise != nullptr && item.state == ExerciseState::open && item.due_today)
      out.push_back(item.exercise);
  return out;
}

std::vector<Day> unanswered_days(const Plan &plan, const Run &run, Day today) {
  std::vector<Day> days;
  const DayView now = day_view(plan, run, today);
  if (now.pos.phase != Phase::active)
    return days;
  const Day week_from = run.start + date::days(7 * (now.pos.week - 1));
  for (Day d = today - date::days(1); d >= week_from; d -= date::days(1))
    if (!unanswered_exercises(day_view(plan, run, d)).empty())
      days.push_back(d);
  return days;
}

std::optional<SkipRefusal> refuse_skip(const Exercise &exercise, Day day) {
  const Schedule &schedule = exercise.schedule;
  const date::weekday wd{day};
  if (schedule.kind != ScheduleKind::weekdays || schedule.due_on(wd))
    return std::nullopt;
  // Monday first, as people list a week.
  std::vector<std::string> days;
  for (unsigned i = 1; i <= 7; ++i)
    if (schedule.due_on(date::weekday{i % 7}))
      days.push_back(weekday_long(date::weekday{i % 7}));
  if (days.empty())
    return std::nullopt; // the loader never allows it; nothing to name
  // The hint names the planned day just before, which --date WEEKDAY reaches.
  date::weekday recent = wd;
  for (int back = 1; back <= 7; ++back)
    if (schedule.due_on(date::weekday{day - date::days{back}})) {
      recent = date::weekday{day - date::days{back}};
      break;
    }
  std::string lower = weekday_long(recent);
  for (char &c : lower)
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return SkipRefusal{exercise.id + " is planned on " + and_list(days) + ", not on " +
                         weekday_long(wd) + " " + format_day(day),
                     "a day it is not planned needs no skip; to skip " + weekday_long(recent) +
                         ", add --date " + lower};
}

} // namespace attune
