#pragma once
/// Answers to an exercise's reflection prompts (plan.hpp Exercise::prompts), kept as a note.
#include <string>
#include <vector>

namespace attune {

/// One line, each answered prompt labelled by its question, the exercise title first; prompts
/// left blank are left out, and "" when none was answered. Answers are trimmed; a question
/// that does not end in '?' or ':' gets a ':'.
/// ("Write down the trigger", {"What happened?", "What did I feel?"}, {"Went quiet", ""})
///   -> "Write down the trigger: What happened? Went quiet"
std::string labelled_answers(const std::string &title, const std::vector<std::string> &prompts,
                             const std::vector<std::string> &answers);

} // namespace attune
