#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>

#include "attune/error.hpp"
#include "attune/plan_suggest.hpp"
#include "attune/prebuilt_plan.hpp"

using namespace attune;
namespace bdata = boost::unit_test::data;

namespace {

struct Example {
  std::vector<int> answers; // pull, worry, pull, worry, pull, worry
  int pull_back;
  int worry;
  const char *plan;
};

std::ostream &operator<<(std::ostream &os, const Example &e) {
  for (int a : e.answers)
    os << a << ' ';
  return os << "-> " << e.plan;
}

// The worked examples of suggest_plan's comment, and the edges of each rule.
const std::vector<Example> examples = {
    {{4, 2, 5, 1, 4, 2}, 13, 5, "avoidant"},
    {{2, 4, 1, 5, 2, 4}, 5, 13, "anxious"},
    {{4, 4, 4, 5, 3, 4}, 11, 13, "fearful-avoidant"},
    {{3, 3, 3, 3, 3, 3}, 9, 9, "avoidant"},
    {{1, 1, 2, 1, 1, 1}, 4, 3, "avoidant"},
    // Both just above the middle (10 each): fearful-avoidant, though neither leads.
    {{4, 4, 3, 3, 3, 3}, 10, 10, "fearful-avoidant"},
    // One side at 10, the other at 9: no longer both above the middle; within one point.
    {{4, 3, 3, 3, 3, 3}, 10, 9, "avoidant"},
    // Two points apart is a clear lean, either way.
    {{3, 4, 3, 4, 3, 3}, 9, 11, "anxious"},
    {{5, 3, 3, 3, 3, 2}, 11, 8, "avoidant"},
    {{5, 5, 5, 5, 5, 5}, 15, 15, "fearful-avoidant"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(plan_suggest)

BOOST_DATA_TEST_CASE(answers_suggest_the_plan_of_the_rule, bdata::make(examples), e) {
  const PlanSuggestion s = suggest_plan(e.answers);
  BOOST_TEST(s.pull_back == e.pull_back);
  BOOST_TEST(s.worry == e.worry);
  BOOST_TEST(s.plan_id == e.plan);
  BOOST_TEST(!s.reason.empty());
}

BOOST_AUTO_TEST_CASE(reasons_say_why_in_the_persons_terms) {
  BOOST_TEST(
      suggest_plan({2, 4, 1, 5, 2, 4})
          .reason.rfind("You said that worrying about the people close to you sounds more like you",
                        0) == 0U);
  const std::string neutral = suggest_plan({3, 3, 3, 3, 3, 3}).reason;
  BOOST_TEST(neutral.rfind("Your answers do not lean clearly one way", 0) == 0U);
  BOOST_TEST(neutral.find("take this suggestion lightly") == std::string::npos);
  // Few statements fit: said, whichever plan it is.
  BOOST_TEST(suggest_plan({1, 1, 2, 1, 1, 1}).reason.find("take this suggestion lightly") !=
             std::string::npos);
  BOOST_TEST(suggest_plan({3, 1, 2, 1, 1, 1}).reason.find("take this suggestion lightly") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_suggestion_is_a_shipped_plan) {
  std::vector<std::string> ids;
  for (const ShippedPlan &p : shipped_plans())
    ids.emplace_back(p.id);
  for (const Example &e : examples)
    BOOST_TEST((std::find(ids.begin(), ids.end(), e.plan) != ids.end()), e.plan);
}

BOOST_AUTO_TEST_CASE(six_questions_three_per_lean_alternating_and_one_statement_each) {
  const auto &q = suggest_questions();
  BOOST_REQUIRE(q.size() == 6U);
  for (std::size_t i = 0; i < q.size(); ++i) {
    BOOST_TEST((q[i].lean == (i % 2 == 0 ? Lean::pull_back : Lean::worry)));
    // One statement: a single sentence, no "and"/"or" joining two asks, no partner assumed.
    BOOST_TEST(std::count(q[i].text.begin(), q[i].text.end(), '.') == 1);
    BOOST_TEST(q[i].text.find(" and ") == std::string::npos, q[i].text);
    BOOST_TEST(q[i].text.find(" or ") == std::string::npos, q[i].text);
    BOOST_TEST(q[i].text.find("partner") == std::string::npos, q[i].text);
  }
}

BOOST_AUTO_TEST_CASE(wrong_count_or_off_scale_answers_are_refused_with_words) {
  try {
    suggest_plan({3, 3, 3});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::invalid));
    BOOST_TEST(std::string(e.what()) == "got 3 answers for 6 questions");
    BOOST_TEST(e.hint() == "give one answer from 1 to 5 per question, in order");
  }
  try {
    suggest_plan({3, 3, 3, 6, 3, 3});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()) == "answer 4 (6) is not on the scale 1 to 5");
  }
}

BOOST_AUTO_TEST_SUITE_END()
