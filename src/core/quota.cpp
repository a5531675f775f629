#include "attune/quota.hpp"

#include <algorithm>

namespace attune {

QuotaCount count_quota(unsigned target, unsigned done_days, unsigned skip_days,
                       unsigned days_available) noexcept {
  QuotaCount q;
  q.target = target;
  q.done = std::min(done_days, target);
  q.extra = done_days - q.done;
  q.skipped = skip_days;
  q.met = done_days >= target;
  q.to_go = target - q.done;
  // Only what can no longer fit in the days ahead is owed; a skip accounts for one of those.
  const unsigned cannot_fit = q.to_go > days_available ? q.to_go - days_available : 0;
  q.excused = std::min(skip_days, cannot_fit);
  q.missed = cannot_fit - q.excused;
  return q;
}

} // namespace attune
