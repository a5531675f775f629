#pragma once
/// The six questions that suggest a plan: `plan suggest`, and `start` with no plan chosen.
#include <optional>
#include <string>
#include <vector>

#include "attune/plan_suggest.hpp"
#include "attune/plan_view.hpp" // parse_suggest_answers

namespace attune::cli {

class Session;

/// Asks the six questions on the terminal; nullopt when the person stops (an empty line or
/// end of input). Re-asks after an answer off the scale.
std::optional<std::vector<int>> ask_suggest_answers(Session &session);

/// The suggestion, as shown (plan_view.hpp render_suggestion), with the plan found through
/// the session (only the id when it cannot be found or read).
std::string render_suggestion(Session &session, const PlanSuggestion &suggestion);

/// What `start` does after offering the questions.
struct StartChoice {
  bool start = true;               ///< false: the person stopped; nothing is started
  std::optional<std::string> plan; ///< the plan chosen; nullopt: the default, as before
};

/// `start` with no plan chosen, on a terminal: offers the questions, shows the suggestion and
/// asks which plan to begin (Enter takes the suggestion; another id is checked).
StartChoice offer_plan_suggestion(Session &session);

} // namespace attune::cli
