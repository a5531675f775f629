// Temporary: Schedule and Plan member functions belong to src/core/plan.cpp (another issue).
// Until it lands, these weak definitions let the progress tests link; once plan.cpp is in the
// core library its strong definitions win and this file can be deleted.
#include <algorithm>

#include "attune/plan.hpp"

namespace attune {

__attribute__((weak)) bool Schedule::due_on(date::weekday wd) const noexcept {
  switch (kind) {
  case ScheduleKind::daily:
    return true;
  case ScheduleKind::weekdays:
    return on[wd.c_encoding()];
  case ScheduleKind::times_per_week:
    return false;
  }
  return false;
}

__attribute__((weak)) unsigned Schedule::weekly_target() const noexcept {
  switch (kind) {
  case ScheduleKind::daily:
    return 7;
  case ScheduleKind::weekdays:
    return static_cast<unsigned>(std::count(on.begin(), on.end(), true));
  case ScheduleKind::times_per_week:
    return times;
  }
  return 0;
}

__attribute__((weak)) const Week *Plan::week(unsigned n) const noexcept {
  return n >= 1 && n <= week_plans.size() ? &week_plans[n - 1] : nullptr;
}

__attribute__((weak)) std::vector<std::string> Plan::exercise_ids() const {
  std::vector<std::string> ids;
  for (const Week &w : week_plans)
    for (const Exercise &e : w.exercises)
      if (std::find(ids.begin(), ids.end(), e.id) == ids.end())
        ids.push_back(e.id);
  return ids;
}

} // namespace attune
