#pragma once
/// The terminal questions of `attune checkin` (the programme's and the kept practice's): they
/// only gather answers into a CheckinRequest; checkin_command.hpp decides what is recorded.
#include <vector>

#include "attune/checkin_command.hpp"
#include "attune/pause.hpp"

namespace attune::cli {

class Session;
struct Context;

/// Asks about each open exercise of the view's day (and the when-it-arises ones with nothing
/// recorded), then, when `offer_earlier`, about each earlier day of the programme week left
/// unanswered (newest first), then offers a note. Fills `request`; end of input keeps what
/// was answered.
void ask_checkin(Session &session, const Plan &plan, const Run &run, const DayView &view, Day day,
                 bool offer_earlier, CheckinRequest &request);

/// "Welcome back: end the pause and check in for today? [Y/n]": true unless declined (or no
/// answer came).
bool ask_to_end_pause(Context &ctx, const Pause &open);

/// The kept practice's questions: done / skip / not yet for each kept item still open that
/// week (kept_items_to_ask); says so when everything is taken care of for `day`.
void ask_kept_checkin(Context &ctx, const std::vector<MaintenanceItem> &items, Day day,
                      CheckinRequest &request);

} // namespace attune::cli
