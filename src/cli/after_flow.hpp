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

/// The text `today` shows once the programme is over (the day is after its end), or on its
/// last day the lines added after the list (the review offer).
std::string after_today_text(const Plan &plan, const Run &run, Day day, bool color,
                             std::size_t width);

/// The keys `today --format json` adds: review_offered, maintenance, followup_due.
void after_today_json(JsonWriter &json, const Plan &plan, const Run &run, Day day);

/// `checkin` for a day after the end: the kept exercises (and notes), decided by the core
/// (decide_kept_checkin); `ask` on a terminal, when nothing was named.
int run_kept_checkin(Session &session, CheckinRequest request, bool ask);

/// True when `day` is after the end of the run check-ins would go to (so run_kept_checkin
/// takes the check-in).
bool checkin_after_end(Session &session, const History &history, Day day);

} // namespace attune::cli
