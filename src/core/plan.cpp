#include "attune/plan.hpp"

#include <algorithm>

namespace attune {

const char *to_string(Dimension d) noexcept {
  switch (d) {
  case Dimension::unnamed:
    return "";
  case Dimension::avoidance:
    return "avoidance";
  case Dimension::anxiety:
    return "anxiety";
  case Dimension::awareness:
    return "awareness";
  }
  return "";
}

bool Schedule::due_on(date::weekday wd) const noexcept {
  switch (kind) {
  case ScheduleKind::daily:
    return true;
  case ScheduleKind::times_per_week:
    return false;
  case ScheduleKind::weekdays:
    return on[wd.c_encoding()];
  case ScheduleKind::when_it_arises:
    return false;
  }
  return false;
}

unsigned Schedule::weekly_target() const noexcept {
  switch (kind) {
  case ScheduleKind::daily:
    return 7;
  case ScheduleKind::times_per_week:
    return times;
  case ScheduleKind::weekdays:
    return static_cast<unsigned>(std::count(on.begin(), on.end(), true));
  case ScheduleKind::when_it_arises:
    return 0;
  }
  return 0;
}

const Week *Plan::week(unsigned n) const noexcept {
  // Weeks are validated to be numbered 1..weeks in order, but a hand-built plan may not be.
  for (const Week &w : week_plans)
    if (w.number == n)
      return &w;
  return nullptr;
}

std::vector<std::string> Plan::exercise_ids() const {
  std::vector<std::string> ids;
  for (const Week &w : week_plans)
    for (const Exercise &e : w.exercises)
      if (std::find(ids.begin(), ids.end(), e.id) == ids.end())
        ids.push_back(e.id);
  return ids;
}

} // namespace attune
