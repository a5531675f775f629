#include "attune/plan_suggest.hpp"

#include "attune/error.hpp"

namespace attune {

const std::vector<SuggestQuestion> &suggest_questions() {
  // Plain words, one statement each, about anyone close (a friend, family, a partner), so
  // every one makes sense for someone who lives alone. Written for attune.
  static const std::vector<SuggestQuestion> questions = {
      {"When someone close to me wants to talk about feelings, part of me wants to leave "
       "the conversation.",
       Lean::pull_back},
      {"When someone close to me is slow to reply, I start to wonder what it means.", Lean::worry},
      {"I would rather get through a hard time on my own than lean on anyone.", Lean::pull_back},
      {"I often want to hear that the people close to me still care about me.", Lean::worry},
      {"After feeling close to someone, I find myself wanting some space.", Lean::pull_back},
      {"When someone I care about goes quiet, I wonder if something is wrong.", Lean::worry},
  };
  return questions;
}

PlanSuggestion suggest_plan(const std::vector<int> &answers) {
  const auto &questions = suggest_questions();
  if (answers.size() != questions.size())
    throw Error(ErrorKind::invalid,
                "got " + std::to_string(answers.size()) + " answer" +
                    (answers.size() == 1 ? "" : "s") + " for " + std::to_string(questions.size()) +
                    " questions",
                "give one answer from 1 to 5 per question, in order");
  PlanSuggestion s;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const int a = answers[i];
    if (a < suggest_scale_min || a > suggest_scale_max)
      throw Error(ErrorKind::invalid,
                  "answer " + std::to_string(i + 1) + " (" + std::to_string(a) +
                      ") is not on the scale 1 to 5",
                  "give one whole number from 1 to 5 per question");
    (questions[i].lean == Lean::pull_back ? s.pull_back : s.worry) += a;
  }
  // 10 of 15 is the lowest sum above the middle of the scale (3 + 3 + 3 = 9).
  constexpr int above_middle = 10;
  constexpr int clear_lean = 2;
  if (s.pull_back >= above_middle && s.worry >= above_middle) {
    s.plan_id = "fearful-avoidant";
    s.reason = "You said that worrying about people close to you and wanting to step back "
               "from them both sound like you. That push and pull is what this plan is for, "
               "at a pace that is yours.";
  } else if (s.pull_back - s.worry >= clear_lean) {
    s.plan_id = "avoidant";
    s.reason = "You said that stepping back when someone gets close sounds more like you than "
               "worrying about them. This plan practises staying a little longer.";
  } else if (s.worry - s.pull_back >= clear_lean) {
    s.plan_id = "anxious";
    s.reason = "You said that worrying about the people close to you sounds more like you "
               "than stepping back. This plan practises settling yourself and asking for what "
               "you need.";
  } else {
    s.plan_id = "avoidant";
    s.reason = "Your answers do not lean clearly one way, so this is the default plan, a "
               "gentle place to begin. If worrying about others fits you better, the anxious "
               "plan is there too.";
  }
  if (s.pull_back <= 6 && s.worry <= 6)
    s.reason += " Few of these statements sound much like you, so take this suggestion lightly.";
  return s;
}

} // namespace attune
