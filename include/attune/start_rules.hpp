#pragma once
/// The rules of `attune start` that do not need the session.
#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune {

/// Whether a programme is still running on `today`: there is an active run (`active`, from
/// History::active(); nullptr when none) and `today` is not after its end (paused, not begun
/// or under way). A six-week run from Mon 2026-11-02: 2026-12-13 -> true, 12-14 -> false.
bool still_running(const Plan &plan, const Run *active, Day today) noexcept;

} // namespace attune
