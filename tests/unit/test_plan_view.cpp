// plan show / list / suggest renderers (plan_view.hpp), on hand-built plans.
#include <boost/test/unit_test.hpp>

#include "attune/error.hpp"
#include "attune/plan_view.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Plan shown_plan() {
  Exercise e = daily("name-it");
  e.title = "Name it";
  e.what = "Say the feeling.";
  e.why = "Naming calms.";
  e.cue = "After dinner.";
  e.caution = "Gently.";
  Plan p = make_plan({{e}});
  p.description = "A short plan.";
  p.notice = "Not therapy.";
  p.week_plans[0].theme = "Noticing";
  p.week_plans[0].rationale = "First, notice.";
  p.streak.grace_days = 1;
  p.hash = "abc";
  p.self_check.min_label = "not at all";
  p.self_check.max_label = "very much";
  return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_view)

BOOST_AUTO_TEST_CASE(grace_in_words) {
  BOOST_TEST(grace_sentence(0) == "every day with something due counts toward your streak.");
  BOOST_TEST(grace_sentence(1) ==
             "one missed day between kept days is forgiven; two in a row start a new streak.");
  BOOST_TEST(grace_sentence(2) == "up to 2 missed days in a row are forgiven between kept days.");
}

BOOST_AUTO_TEST_CASE(text_shows_every_part_of_the_plan) {
  const std::string text = render_plan_text(shown_plan(), "built-in", false, 80);
  const std::string expected = "Test plan\n"
                               "id test · 1 week · built-in\n"
                               "\n"
                               "A short plan.\n"
                               "\n"
                               "Not therapy.\n"
                               "\n"
                               "Week 1: Noticing\n"
                               "  First, notice.\n"
                               "\n"
                               "  - Name it (name-it), daily\n"
                               "    What: Say the feeling.\n"
                               "    Why:  Naming calms.\n"
                               "    Cue:  After dinner.\n"
                               "    Take care: Gently.\n"
                               "\n"
                               "Weekly self-check\n"
                               "  How true is this for you this week?\n"
                               "  1 = not at all ... 5 = very much\n"
                               "  - I can ask for help.\n"
                               "  - I pull away when close. (reverse-scored)\n"
                               "\n"
                               "Streak: one missed day between kept days is forgiven; two in a "
                               "row start a new\n"
                               "        streak.\n";
  BOOST_TEST(text == expected);
  // Colour only makes the headings bold.
  BOOST_TEST(render_plan_text(shown_plan(), "built-in", true, 80).find("\x1b[1mTest plan\x1b[0m") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_keeps_the_exact_text) {
  const std::string json = render_plan_json(shown_plan(), "built-in");
  BOOST_TEST(json.find("\"id\": \"test\"") != std::string::npos);
  BOOST_TEST(json.find("\"origin\": \"built-in\"") != std::string::npos);
  BOOST_TEST(json.find("\"grace_days\": 1") != std::string::npos);
  BOOST_TEST(json.find("\"audience\": null") != std::string::npos);
  BOOST_TEST(json.find("\"kind\": \"daily\"") != std::string::npos);
  BOOST_TEST(json.find("\"if_it_goes_badly\": null") != std::string::npos);
  BOOST_TEST(json.find("\"distress\": null") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(list_entries_pad_the_id_and_mark_the_default) {
  Plan p = shown_plan();
  p.audience = "For people who pull away.";
  BOOST_TEST(render_plan_list_entry("test", "/plans/test.toml", &p, 8) ==
             "test      Test plan  (/plans/test.toml)\n    For people who pull away.\n");
  BOOST_TEST(render_plan_list_entry("avoidant", "built-in", nullptr, 8) ==
             "avoidant    (built-in, default)\n");
}

BOOST_AUTO_TEST_CASE(suggest_answers_are_read_and_refused_in_attunes_words) {
  BOOST_TEST(suggest_answer("3").value_or(0) == 3);
  BOOST_TEST(!suggest_answer("6"));
  BOOST_TEST(!suggest_answer(" 3"));
  BOOST_TEST(parse_suggest_answers("4, 2,5,1 ,4,2") == (std::vector<int>{4, 2, 5, 1, 4, 2}),
             boost::test_tools::per_element());
  try {
    (void)parse_suggest_answers("4,x,5,1,4,2");
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()) == "answer 2 \"x\" is not on the scale 1 to 5");
  }
  BOOST_CHECK_THROW((void)parse_suggest_answers("4,2"), Error);
}

BOOST_AUTO_TEST_CASE(a_suggestion_names_the_plan_when_it_is_found) {
  PlanSuggestion s;
  s.plan_id = "test";
  s.reason = "Because.";
  Plan p = shown_plan();
  p.audience = "For you.";
  BOOST_TEST(render_suggestion(s, &p) == "Suggested plan: test (Test plan)\nFor you.\nBecause.\n" +
                                             std::string(suggestion_not_a_diagnosis) + "\n");
  BOOST_TEST(render_suggestion(s, nullptr) ==
             "Suggested plan: test\nBecause.\n" + std::string(suggestion_not_a_diagnosis) + "\n");
}

BOOST_AUTO_TEST_SUITE_END()
