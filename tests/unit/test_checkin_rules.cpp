#include <boost/test/unit_test.hpp>

#include "attune/checkin_rules.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
