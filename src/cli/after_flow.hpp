#pragma once
/// What today, checkin, remind, streak and reflect show and do once a programme is over: the
/// review offer, the kept practice (attune keep) and the follow-up self-checks (after.hpp).
#include <optional>
#include <string>
#include <vector>

#include "attune/after.hpp"
#include "attune/journal.hpp"
#include "attune/json.hpp"
#include "attune/plan.hpp"
#include "attune/today_view.hpp" // ended_run, kept_progress, the after-end renderers

namespace attune::cli {

class Session;

/// `checkin` for a day after the end: the kept exercises (and notes). `ask` on a terminal.
struct KeptCheckin {
  std::vector<std::string> done, skip;
  std::optional<std::string> reason, note;
  std::optional<std::string> date;
  bool all = false, skip_all = false, ask = false;
};
int run_kept_checkin(Session &session, KeptCheckin opts);

/// True when `day` is after the end of the run check-ins would go to (so run_kept_checkin
/// takes the check-in).
bool checkin_after_end(Session &session, const History &history, Day day);

} // namespace attune::cli
