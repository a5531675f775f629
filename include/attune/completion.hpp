#pragma once
/// What the shell completion offers (`attune complete`): the words a command accepts and
/// their descriptions, decided from the plan and the journal. The front end walks its
/// options, reads the journal and prints; the lists come from here.
#include <cstddef>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune {

/// A word the shell may offer, with a one-line description (may be empty).
struct CompletionCandidate {
  std::string word;
  std::string description;
  bool operator==(const CompletionCandidate &other) const {
    return word == other.word && description == other.description;
  }
};
using CompletionCandidates = std::vector<CompletionCandidate>;

/// Every exercise id of `plan`, in plan order, with its title (the first title an id has
/// when it appears in several weeks).
CompletionCandidates exercise_candidates(const Plan &plan);

/// The exercise ids `checkin` accepts on `today` for `run` (of `plan`): the current
/// programme week's (checkin_exercise_ids) with their titles; once the programme is over,
/// the kept practice's exercises (described "kept"), or nothing when none is kept.
/// `situational_only` keeps only the when-it-arises exercises (for --not-arisen).
///   week 2 with daily a and when-it-arises b -> [a, b]; situational_only -> [b]
CompletionCandidates checkin_candidates(const Plan &plan, const Run &run, Day today,
                                        bool situational_only = false);

/// The programmes of the journal by number, with their plan ids: [{"1", "avoidant"}, ...].
CompletionCandidates run_candidates(const History &history);

/// The ids `undo ID` accepts: the short ids of `run`'s last `limit` recording commands,
/// newest first, each described by what it recorded (describe_command).
CompletionCandidates undo_candidates(const Run &run, std::size_t limit = 10);

/// The words a DATE option offers besides a date: today, yesterday and the weekdays.
CompletionCandidates date_candidates();

/// `candidates` without those whose word is in `typed` (an id already on the line).
CompletionCandidates without_typed(CompletionCandidates candidates,
                                   const std::vector<std::string> &typed);

} // namespace attune
