#include <boost/test/unit_test.hpp>

#include "attune/checkin_rules.hpp"
#include "progress_fixtures.hpp"

using namespace attune;

namespace {

Exercise with_schedule(ScheduleKind kind, std::initializer_list<unsigned> weekdays = {},
                       unsigned times = 0) {
  Exercise e;
  e.id = "body-check";
  e.schedule.kind = kind;
  e.schedule.times = times;
  for (const unsigned wd : weekdays)
    e.schedule.on[wd] = true; // c_encoding: Sunday = 0
  return e;
}

Day on(int y, unsigned m, unsigned d) {
  return Day{date::year{y} / date::month{m} / date::day{d}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(checkin_rules)

// Worked example of attune-plan(5): Monday, Wednesday and Friday; 2026-11-03 is a Tuesday.
BOOST_AUTO_TEST_CASE(a_skip_on_a_day_the_exercise_is_not_planned_is_refused) {
  const Exercise e = with_schedule(ScheduleKind::weekdays, {1, 3, 5});
  const auto refusal = refuse_skip(e, on(2026, 11, 3));
  BOOST_REQUIRE(refusal.has_value());
  BOOST_TEST(refusal->message ==
             "body-check is planned on Monday, Wednesday and Friday, not on Tuesday 2026-11-03");
  BOOST_TEST(refusal->hint ==
             "a day it is not planned needs no skip; to skip Monday, add --date monday");
  BOOST_TEST(!refuse_skip(e, on(2026, 11, 4)).has_value()); // Wednesday: planned
}

BOOST_AUTO_TEST_CASE(the_hint_names_the_planned_day_just_before) {
  // Tuesday and Sunday; on Saturday 2026-11-07 the planned day just before is Tuesday.
  const Exercise e = with_schedule(ScheduleKind::weekdays, {2, 0});
  const auto refusal = refuse_skip(e, on(2026, 11, 7));
  BOOST_REQUIRE(refusal.has_value());
  BOOST_TEST(refusal->message ==
             "body-check is planned on Tuesday and Sunday, not on Saturday 2026-11-07");
  BOOST_TEST(refusal->hint ==
             "a day it is not planned needs no skip; to skip Tuesday, add --date tuesday");
}

BOOST_AUTO_TEST_CASE(daily_and_weekly_quota_skips_are_always_accepted) {
  BOOST_TEST(!refuse_skip(with_schedule(ScheduleKind::daily), on(2026, 11, 3)).has_value());
  BOOST_TEST(!refuse_skip(with_schedule(ScheduleKind::times_per_week, {}, 2), on(2026, 11, 3))
                  .has_value());
}

// Start Monday 2026-11-02: a daily, b on Mon/Wed/Fri, c twice a week.
BOOST_AUTO_TEST_CASE(open_exercises_are_what_today_shows_open_and_a_met_quota_is_not) {
  using namespace attune::testing;
  const Plan plan = make_plan({{daily("a"), on_days("b", {1, 3, 5}), per_week("c", 2)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-05", "a"); // Thu
  add(run, RecordType::done, "2026-11-02", "c");
  auto ids = [](const std::vector<const Exercise *> &list) {
    std::string out;
    for (const Exercise *e : list)
      out += (out.empty() ? "" : ",") + e->id;
    return out;
  };
  BOOST_TEST(ids(open_exercises(day_view(plan, run, d("2026-11-05")))) == "c");
  BOOST_TEST(ids(open_exercises(day_view(plan, run, d("2026-11-06")))) == "a,b,c");
  add(run, RecordType::skip, "2026-11-04", "c"); // a skip does not meet the quota
  BOOST_TEST(ids(open_exercises(day_view(plan, run, d("2026-11-05")))) == "c");
  add(run, RecordType::done, "2026-11-05", "c");
  BOOST_TEST(ids(open_exercises(day_view(plan, run, d("2026-11-06")))) == "a,b");
  // Earlier days owe only what was scheduled on them.
  BOOST_TEST(ids(unanswered_exercises(day_view(plan, run, d("2026-11-04")))) == "a,b");
}

BOOST_AUTO_TEST_CASE(unanswered_days_are_this_weeks_earlier_days_newest_first) {
  using namespace attune::testing;
  const Plan plan = make_plan({{daily("a"), per_week("c", 2)}, {daily("a")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a"); // Mon answered
  add(run, RecordType::skip, "2026-11-04", "a"); // Wed answered (a skip is an answer)
  const auto days = unanswered_days(plan, run, d("2026-11-06")); // Fri
  BOOST_REQUIRE(days.size() == 2u);
  BOOST_TEST(format_day(days[0]) == "2026-11-05"); // Thu, then Tue
  BOOST_TEST(format_day(days[1]) == "2026-11-03");
  // A new programme week starts afresh: Monday 11-09 offers nothing from week 1.
  BOOST_TEST(unanswered_days(plan, run, d("2026-11-09")).empty());
  BOOST_TEST(unanswered_days(plan, run, d("2026-12-30")).empty()); // after the programme
}

BOOST_AUTO_TEST_SUITE_END()
