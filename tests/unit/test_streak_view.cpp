// `attune streak` as text (streak_view.hpp), on hand-built runs and fixed dates.
#include <boost/test/unit_test.hpp>

#include "attune/streak_view.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

BOOST_AUTO_TEST_SUITE(streak_view)

BOOST_AUTO_TEST_CASE(each_day_has_the_reports_symbol) {
  BOOST_TEST(std::string(look_for(DayStatus::kept).glyph) == "\xe2\x97\x8f");
  BOOST_TEST(std::string(look_for(DayStatus::kept).sgr) == "32");
  BOOST_TEST(std::string(look_for(DayStatus::skipped).glyph) == "\xe2\x97\x87");
  BOOST_TEST(std::string(look_for(DayStatus::open).sgr) == "1");
  BOOST_TEST(std::string(look_for(DayStatus::future).glyph) == "\xc2\xb7");
  BOOST_TEST(days_text(1) == "1 day");
  BOOST_TEST(days_text(14) == "14 days");
}

BOOST_AUTO_TEST_CASE(before_the_start) {
  const Plan plan = make_plan({{daily("breathe")}});
  const Run run = make_run(start_mon);
  const Progress p = compute_progress(plan, run, d("2026-11-01"));
  BOOST_TEST(render_streak_text(plan, run, p, false, false, 80) ==
             "Your programme begins on 2026-11-02. Streaks start counting then.\n");
}

BOOST_AUTO_TEST_CASE(worked_example_two_kept_a_skip_and_today) {
  Plan plan = make_plan({{daily("breathe")}});
  plan.streak.grace_days = 1;
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "breathe");
  add(run, RecordType::done, "2026-11-03", "breathe");
  add(run, RecordType::skip, "2026-11-04", "breathe", "tired");
  const Progress p = compute_progress(plan, run, d("2026-11-05"));
  const std::string text = render_streak_text(plan, run, p, false, false, 80);
  BOOST_TEST(text == "Current streak: 3 days. Longest: 3 days.\n"
                     "Last 4 days: \xe2\x97\x8f \xe2\x97\x8f \xe2\x97\x87 \xe2\x97\x8c\n"
                     "\xe2\x97\x8f kept  \xe2\x97\x87 skipped  \xe2\x97\x90 partly  \xe2\x97\x8b "
                     "no check-in  \xe2\x80\x93 rest day  \xe2\x97\x8c today\n"
                     "Up to 1 day in a row can be missed without breaking a streak.\n"
                     "A skipped day still counts as kept; a day with nothing planned is a rest.\n");
  // --quiet keeps the numbers and the row; colour paints the streak and each day.
  const std::string quiet = render_streak_text(plan, run, p, true, true, 80);
  BOOST_TEST(quiet == "Current streak: \x1b[1m3 days\x1b[0m. Longest: 3 days.\n"
                      "Last 4 days: \x1b[32m\xe2\x97\x8f\x1b[0m \x1b[32m\xe2\x97\x8f\x1b[0m "
                      "\x1b[36m\xe2\x97\x87\x1b[0m \x1b[1m\xe2\x97\x8c\x1b[0m\n");
}

BOOST_AUTO_TEST_CASE(no_current_streak_is_said_kindly) {
  const Plan plan = make_plan({{daily("breathe")}});
  const Run run = make_run(start_mon);
  const Progress p = compute_progress(plan, run, d("2026-11-05"));
  const std::string text = render_streak_text(plan, run, p, false, true, 80);
  BOOST_TEST(text.rfind("No current streak: any day is a good day to begin again.\n", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
