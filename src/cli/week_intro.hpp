#pragma once
/// A week that introduces itself: the memory of which week's introduction and cue offer
/// were shown (STATE/weeks.seen: $XDG_STATE_HOME/attune or ~/.local/state/attune, see
/// attune(1) FILES), and the cue offer on a terminal.
#include <optional>
#include <string>

#include "attune/cue.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune::cli {

class Session;

/// What STATE/weeks.seen remembers; nullopt when it is missing or not such a file.
std::optional<WeekSeen> read_week_seen(Session &session);

/// Replaces STATE/weeks.seen (temporary file, rename), making the state folder (0700) when
/// needed. Only a memory: a failure is ignored (the introduction or offer is shown again).
void write_week_seen(Session &session, const WeekSeen &seen);

/// On a terminal (stdin and stdout), not --quiet, and when week `week`'s cue offer is still
/// owed (week_is_new): asks, for each new exercise of the week without a cue of the person's
/// own (exercises_to_offer), for one; Enter keeps the plan's. Records what was given as one
/// command, then remembers the offer. Off a terminal it does nothing and remembers nothing.
void offer_week_cues(Session &session, const Plan &plan, const Run &run, unsigned week);

} // namespace attune::cli
