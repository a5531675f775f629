#include <boost/test/unit_test.hpp>

#include "attune/daily.hpp"
#include "attune/error.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

BOOST_AUTO_TEST_SUITE(daily_rules)

BOOST_AUTO_TEST_CASE(a_date_is_resolved_for_the_run_and_never_in_the_future) {
  const Run run = make_run(start_mon); // Mon 2026-11-02
  const Day thu = d("2026-11-05");
  BOOST_TEST(format_day(resolve_run_day(std::nullopt, thu, &run)) == "2026-11-05");
  BOOST_TEST(format_day(resolve_run_day(std::string("yesterday"), thu, &run)) == "2026-11-04");
  BOOST_TEST(error_text([&] { resolve_run_day(std::string("2026-11-06"), thu, &run); }) ==
             "2026-11-06 is in the future | today is 2026-11-05; you can record today or "
             "earlier days");
  BOOST_TEST(error_text([&] { resolve_run_day(std::string("2026-11-01"), thu, &run); }) ==
             "2026-11-01 is before the programme started | it started on 2026-11-02");
  // A word is quoted as typed, with the day it means.
  BOOST_TEST(error_text([&] { resolve_run_day(std::string("tomorrow"), thu, &run); }) !=
             "no error");
  BOOST_TEST(error_text([&] { resolve_run_day(std::string("someday"), thu, &run); }) ==
             "\"someday\" is not a date I can read | use YYYY-MM-DD, today, yesterday, -N (N "
             "days ago) or a weekday name");
}

BOOST_AUTO_TEST_CASE(an_exercise_is_named_by_id_or_unique_prefix) {
  const std::vector<std::string> ids = {"breathe", "body-check", "share"};
  BOOST_TEST(match_exercise("sh", ids, "this week") == "share");
  BOOST_TEST(match_exercise("breathe", ids, "this week") == "breathe");
  BOOST_TEST(error_text([&] { match_exercise("b", ids, "this week"); }) ==
             "\"b\" could be breathe, body-check | type a little more of the name");
  BOOST_TEST(error_text([&] { match_exercise("breath", {"share"}, "this week"); }) ==
             "no exercise \"breath\" in this week | this week: share");
  BOOST_TEST(error_text([&] {
               match_exercise("shar", {"shared", "sharp"}, "this week");
             }) == "\"shar\" could be shared, sharp | type a little more of the name");
}

BOOST_AUTO_TEST_CASE(a_day_is_summed_up_kindly) {
  const Plan plan = make_plan({{daily("a"), on_days("b", {1, 3, 5}), per_week("c", 2)}});
  Run run = make_run(start_mon);
  const Day wed = d("2026-11-04");
  BOOST_TEST(day_summary(day_view(plan, run, wed), "today") ==
             "0 of 2 for today taken care of, 1 more open this week.");
  add(run, RecordType::done, "2026-11-04", "a");
  add(run, RecordType::skip, "2026-11-04", "b");
  BOOST_TEST(day_summary(day_view(plan, run, wed), "today") ==
             "Both for today are taken care of, 1 more open this week.");
  BOOST_TEST(day_summary(day_view(plan, run, d("2026-11-05")), "that day") ==
             "0 of 1 for that day taken care of, 1 more open this week.");
  BOOST_TEST(streak_phrase(Streak{0, 3}).empty());
  BOOST_TEST(streak_phrase(Streak{1, 3}) == "a streak of 1 day");
  BOOST_TEST(streak_phrase(Streak{4, 4}) == "a streak of 4 days");
  BOOST_TEST(std::string(state_word(ExerciseState::not_arisen)) == "not_arisen");
  BOOST_TEST(position_line(day_view(plan, run, wed).pos) == "Week 1 · Day 3 of 7");
}

BOOST_AUTO_TEST_CASE(a_weekly_quota_says_how_far_it_is) {
  const Plan plan = make_plan({{per_week("c", 2)}, {per_week("c", 2)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "c");
  const auto item = [&](const char *day) { return day_view(plan, run, d(day)).items.front(); };
  BOOST_TEST(weekly_progress(item("2026-11-04")) == "1 of 2 this week, today and 4 more days left");
  add(run, RecordType::done, "2026-11-03", "c");
  add(run, RecordType::done, "2026-11-04", "c");
  BOOST_TEST(weekly_progress(item("2026-11-04")) == "2 of 2 this week, plus 1 extra");
}

BOOST_AUTO_TEST_CASE(the_active_run_is_required_with_a_way_to_start) {
  const History none;
  BOOST_TEST(error_text([&] { require_active_run(none); }) ==
             "no programme is running | start one with 'attune start' (see 'attune plan list' "
             "for the plans)");
  BOOST_TEST(error_text([&] { require_latest_run(none); }).find("no programme is running") == 0u);
}

BOOST_AUTO_TEST_CASE(before_the_day_boundary_today_is_the_calendars_yesterday) {
  // The day starts at 04:00: at 01:30 on 2026-03-10 the logical day is still 03-09.
  BOOST_TEST(before_day_start(*parse_local_time("2026-03-10T01:30"), d("2026-03-09")));
  BOOST_TEST(!before_day_start(*parse_local_time("2026-03-10T09:00"), d("2026-03-10")));
  BOOST_TEST(!before_day_start(*parse_local_time("2026-03-10T00:00"), d("2026-03-10")));
}

BOOST_AUTO_TEST_SUITE_END()
