#pragma once
/// The weekly self-check, shared by `reflect` and the baseline offered at `start`: asking
/// and writing (the rules are the core's reflect_rules.hpp).
#include <optional>
#include <string>
#include <vector>

#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/reflect_rules.hpp"

namespace attune::cli {

class Session;

/// Asks each statement in turn on the terminal; nullopt when the person stops (empty input
/// or end of input). Re-asks after an answer out of the scale.
std::optional<std::vector<int>> ask_answers(Session &session, const SelfCheck &check);

/// Writes the check record of `entry` (self_check_record) under the lock, which re-checks that
/// the week (or the follow-up) is still free, then runs the reflect hook.
void save_self_check(Session &session, unsigned run_number, const SelfCheckEntry &entry);

/// After `start`: on a terminal, offers the baseline self-check (skippable); otherwise says
/// how to take it later.
void offer_baseline(Session &session, const Plan &plan, const Run &run);

} // namespace attune::cli
