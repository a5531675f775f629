#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/prompts.hpp"

using namespace attune;

BOOST_AUTO_TEST_SUITE(prompts)

BOOST_AUTO_TEST_CASE(answers_are_labelled_by_their_question_and_blanks_left_out) {
  const std::vector<std::string> questions = {"What happened?", "What did I feel?",
                                              "How strong was the urge, 0 to 10?", "What I did"};
  BOOST_TEST(labelled_answers("Write down the trigger", questions,
                              {" Went quiet at dinner ", "", "7", "stayed"}) ==
             "Write down the trigger: What happened? Went quiet at dinner / How strong was the "
             "urge, 0 to 10? 7 / What I did: stayed");
  BOOST_TEST(labelled_answers("Write down the trigger", questions, {"", " ", ""}) == "");
  BOOST_TEST(labelled_answers("", {"What happened?"}, {"A call"}) == "What happened? A call");
  // Fewer answers than questions (input ended): what was said is kept.
  BOOST_TEST(labelled_answers("T", questions, {"x"}) == "T: What happened? x");
}

BOOST_AUTO_TEST_SUITE_END()
