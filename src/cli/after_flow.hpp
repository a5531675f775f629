#pragma once
/// What today, checkin, remind, streak and reflect show and do once a programme is over: the
/// review offer, the kept practice (attune keep) and the follow-up self-checks (after.hpp).
#include <optional>
#include <string>
#include <vector>

#include "attune/after.hpp"
#include "attune/checkin_command.hpp"
#include "attune/journal.hpp"
#include "attune/json.hpp"
#include "attune/plan.hpp"

namespace attune::cli {

class Session;

/// `checkin` for a day after the end: the kept exercises (and notes), decided by the core
/// (decide_kept_checkin); `ask` on a terminal, when nothing was named.
int run_kept_checkin(Session &session, CheckinRequest request, bool ask);

/// True when `day` is after the end of the run check-ins would go to (so run_kept_checkin
/// takes the check-in).
bool checkin_after_end(Session &session, const History &history, Day day);

} // namespace attune::cli
