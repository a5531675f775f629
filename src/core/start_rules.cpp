// The rules of `attune start` (start_rules.hpp).
#include "attune/start_rules.hpp"

#include "attune/progress.hpp"

namespace attune {

bool still_running(const Plan &plan, const Run *active, Day today) noexcept {
  return active != nullptr && position(plan, *active, today).phase != Phase::finished;
}

} // namespace attune
