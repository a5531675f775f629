// The rules of `attune reflect` (reflect_rules.hpp), on hand-built runs and fixed dates.
#include <boost/test/unit_test.hpp>

#include "attune/error.hpp"
#include "attune/reflect_rules.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// The message of the Error `f` throws ("" when it throws none).
template <typename F> std::string error_of(F f) {
  try {
    f();
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

/// A two-week plan from Mon 2026-11-02 (last day Sun 11-15; follow-ups due 12-13 and
/// 2027-02-07).
Plan two_weeks() {
  return make_plan({{daily("breathe")}, {daily("breathe")}});
}

void add_followup(Run &run, const std::string &day, unsigned weeks) {
  add_check(run, day, 2, {3, 3});
  run.records.back().followup = weeks;
}

} // namespace

BOOST_AUTO_TEST_SUITE(reflect_rules)

BOOST_AUTO_TEST_CASE(answers_on_the_scale) {
  const SelfCheck check = make_check(); // two statements on 1..5
  BOOST_TEST(scale_text(check) == "1 to 5");
  BOOST_TEST(*parse_scale_answer("4", check) == 4);
  BOOST_TEST(!parse_scale_answer("6", check));
  BOOST_TEST(!parse_scale_answer("0004", check));
  BOOST_TEST(!parse_scale_answer(" 4", check));
  BOOST_TEST(!parse_scale_answer("", check));
  BOOST_TEST(parse_answers(" 4 , 2", check) == (std::vector<int>{4, 2}));
  BOOST_TEST(error_of([&] { parse_answers("4,x", check); }) ==
             "answer 2 \"x\" is not on the scale 1 to 5");
  BOOST_TEST(error_of([&] { parse_answers("4", check); }) == "got 1 answer for 2 statements");
  BOOST_TEST(example_answers(check) == "1,1");
}

BOOST_AUTO_TEST_CASE(names_and_the_redo_hint) {
  BOOST_TEST(week_name(0) == "your starting point (baseline)");
  BOOST_TEST(week_name(3) == "week 3");
  BOOST_TEST(check_name(2, 4) == "the 4-week follow-up");
  BOOST_TEST(check_name(0, 0) == "the baseline self-check");
  BOOST_TEST(check_name(3, 0) == "the self-check for week 3");
  Record r;
  r.id = "3f9c0a1b22334455";
  BOOST_TEST(redo_hint(r) ==
             "to redo it, run 'attune undo 3f9c0a1b' first (it withdraws only that self-check)");
}

BOOST_AUTO_TEST_CASE(which_week_during_the_programme) {
  const Plan plan = two_weeks();
  Run run = make_run(start_mon);
  // In week 1 the first self-check is the baseline; once it is taken, week 1's.
  BOOST_TEST(reflect_target(plan, run, d("2026-11-04"), {}, false).week == 0u);
  add_check(run, "2026-11-02", 0, {3, 3});
  const ReflectTarget mid = reflect_target(plan, run, d("2026-11-04"), {}, false);
  BOOST_TEST(mid.followup == 0u);
  BOOST_TEST(mid.week == 1u);
  BOOST_TEST(!mid.other);
  BOOST_TEST(!mid.chose);
  // Monday of week 2, week 1 without a self-check: week 1, or this one if the person says so.
  const ReflectTarget monday = reflect_target(plan, run, d("2026-11-09"), {}, false);
  BOOST_TEST(monday.week == 1u);
  BOOST_TEST(*monday.other == 2u);
  const ReflectTarget picked = reflect_target(plan, run, d("2026-11-09"), 2u, false);
  BOOST_TEST(picked.week == 2u);
  BOOST_TEST(picked.chose);
  BOOST_TEST(!picked.other);
  const ReflectTarget baseline = reflect_target(plan, run, d("2026-11-04"), {}, true);
  BOOST_TEST(baseline.week == 0u);
  BOOST_TEST(baseline.chose);
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-04"), 2u, false); }) ==
             "week 2 has not begun yet (2026-11-04 is in week 1)");
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-09"), {}, true); }) ==
             "the baseline self-check is taken during week 1, and 2026-11-09 is not in week 1");
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-04"), 1u, true); }) ==
             "--baseline and --week 1 name different weeks");
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-04"), 0u, true); }) == "");
}

BOOST_AUTO_TEST_CASE(which_self_check_after_the_end) {
  const Plan plan = two_weeks();
  Run run = make_run(start_mon);
  // The last week's self-check may still come late...
  const ReflectTarget late = reflect_target(plan, run, d("2026-11-20"), {}, false);
  BOOST_TEST(late.followup == 0u);
  BOOST_TEST(late.week == 2u);
  // ...and once it is taken, the next is the 4-week follow-up.
  add_check(run, "2026-11-15", 2, {3, 3});
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-20"), {}, false); }) ==
             "the next self-check is the follow-up on 2026-12-13, 23 days from now");
  const ReflectTarget four = reflect_target(plan, run, d("2026-12-13"), {}, false);
  BOOST_TEST(four.followup == 4u);
  BOOST_TEST(four.week == 2u);
  add_followup(run, "2026-12-13", 4);
  add_followup(run, "2027-02-07", 12);
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2027-02-10"), {}, false); }) ==
             "both follow-up self-checks are recorded");
  // --week still names a programme week after the end.
  BOOST_TEST(reflect_target(plan, run, d("2026-11-20"), 1u, false).week == 1u);
}

BOOST_AUTO_TEST_CASE(a_week_is_taken_once) {
  Run run = make_run(start_mon);
  add_check(run, "2026-11-08", 1, {3, 3});
  run.records.back().id = "aaaabbbbccccdddd";
  add_followup(run, "2026-12-13", 4);
  BOOST_CHECK_NO_THROW(require_week_free(run, 2));
  BOOST_TEST(error_of([&] { require_week_free(run, 1); }) ==
             "the self-check for week 1 is already recorded");
}

BOOST_AUTO_TEST_CASE(when_start_offers_the_baseline) {
  Plan plan = make_plan({{daily("breathe")}});
  BOOST_TEST((baseline_offer(plan, false, true) == BaselineOffer::ask));
  BOOST_TEST((baseline_offer(plan, false, false) == BaselineOffer::hint));
  BOOST_TEST((baseline_offer(plan, true, true) == BaselineOffer::none));
  plan.self_check.items.clear();
  BOOST_TEST((baseline_offer(plan, false, true) == BaselineOffer::none));
}

BOOST_AUTO_TEST_SUITE_END()
