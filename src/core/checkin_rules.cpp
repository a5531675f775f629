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
