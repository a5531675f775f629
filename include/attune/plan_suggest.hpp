#pragma once
/// Helping someone choose a plan: six short questions and the rule that turns the answers
/// into a suggestion. A suggestion, never a diagnosis: nothing is saved.
#include <string>
#include <vector>

namespace attune {

/// Which pattern a question listens for.
enum class Lean {
  pull_back, ///< stepping back from closeness (the avoidant plan)
  worry,     ///< worrying about closeness, seeking reassurance (the anxious plan)
};

struct SuggestQuestion {
  std::string text; ///< a statement, answered from 1 (not like me) to 5 (very like me)
  Lean lean;
};

/// The answer scale of the questions.
inline constexpr int suggest_scale_min = 1;
inline constexpr int suggest_scale_max = 5;

/// The six questions, in the order they are asked: three for each lean, alternating. Written
/// for attune (not taken from any published questionnaire); none assumes a partner.
const std::vector<SuggestQuestion> &suggest_questions();

/// Said with every suggestion.
inline constexpr const char *suggestion_not_a_diagnosis =
    "This is a suggestion, not a diagnosis: six questions cannot describe a person, and any "
    "plan is fine to try. Nothing you answered is saved.";

/// What the answers suggest.
struct PlanSuggestion {
  std::string plan_id; ///< "avoidant", "anxious" or "fearful-avoidant"
  std::string reason;  ///< one or two sentences, addressed to the person ("You said ...")
  int pull_back = 0;   ///< sum of the three pull-back answers, 3..15
  int worry = 0;       ///< sum of the three worry answers, 3..15
};

/// The suggestion rule. `answers` are the six answers in question order (1..5 each); throws
/// Error(invalid) for another count or a value off the scale. With P and W the sums of the
/// three pull-back and the three worry answers (3..15; 9 is the middle of the scale):
///   1. P >= 10 and W >= 10 (both above the middle)   -> fearful-avoidant
///   2. P - W >= 2                                     -> avoidant
///   3. W - P >= 2                                     -> anxious
///   4. otherwise (within one point: no clear lean)    -> avoidant, the default plan
/// Worked examples (answers in question order: pull, worry, pull, worry, pull, worry):
///   4,2,5,1,4,2 -> P 13, W 5  -> avoidant
///   2,4,1,5,2,4 -> P 5,  W 13 -> anxious
///   4,4,4,5,3,4 -> P 11, W 13 -> fearful-avoidant (both above the middle)
///   3,3,3,3,3,3 -> P 9,  W 9  -> avoidant (no clear lean; the default)
///   1,1,2,1,1,1 -> P 4,  W 3  -> avoidant (no clear lean; the reason says few fit)
PlanSuggestion suggest_plan(const std::vector<int> &answers);

} // namespace attune
