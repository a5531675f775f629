#include <boost/test/unit_test.hpp>

#include <cmath>

#include "attune/progress.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

BOOST_AUTO_TEST_SUITE(progress)

// Start Mon 2026-11-02 throughout: week 1 is Mon 11-02 .. Sun 11-08.

BOOST_AUTO_TEST_CASE(position_counts_programme_weeks_from_the_start_day) {
  Plan plan = make_plan({{daily("a")}});
  plan.weeks = 6;
  const Day start = d("2026-11-05"); // a Thursday
  BOOST_TEST(int(position(plan, start, d("2026-11-04")).phase) == int(Phase::not_started));
  Position p = position(plan, start, d("2026-11-05"));
  BOOST_TEST(int(p.phase) == int(Phase::active));
  BOOST_TEST(p.week == 1u);
  BOOST_TEST(p.day == 1u);
  BOOST_TEST(position(plan, start, d("2026-11-11")).day == 7u);
  BOOST_TEST(position(plan, start, d("2026-11-12")).week == 2u);
  BOOST_TEST(position(plan, start, d("2026-11-12")).day == 8u);
  BOOST_TEST(p.total_days == 42u);
  BOOST_TEST(format_day(p.last) == "2026-12-16");
  BOOST_TEST(position(plan, start, d("2026-12-16")).day == 42u);
  BOOST_TEST(int(position(plan, start, d("2026-12-17")).phase) == int(Phase::finished));
}

BOOST_AUTO_TEST_CASE(day_view_lists_due_and_still_open_exercises) {
  // Week 1: a daily, b on Mondays and Thursdays, c twice a week.
  Plan plan = make_plan({{daily("a"), on_days("b", {1, 4}), per_week("c", 2)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-03", "c");         // Tue
  add(run, RecordType::done, "2026-11-04", "c");         // Wed: c is complete for the week
  add(run, RecordType::skip, "2026-11-05", "a", "away"); // Thu
  DayView v = day_view(plan, run, d("2026-11-05"));
  BOOST_TEST(v.pos.week == 1u);
  BOOST_TEST(v.pos.day == 4u);
  BOOST_REQUIRE(v.items.size() == 2u); // a (skipped) and b (due Thu); c is done for the week
  BOOST_TEST(v.items[0].exercise->id == "a");
  BOOST_TEST(int(v.items[0].state) == int(ExerciseState::skipped));
  BOOST_TEST(v.items[0].skip_reason == "away");
  BOOST_TEST(v.items[1].exercise->id == "b");
  BOOST_TEST(v.items[1].due_today);
  BOOST_TEST(int(v.items[1].state) == int(ExerciseState::open));
  BOOST_TEST(v.items[1].days_left == 3u);

  DayView tue = day_view(plan, run, d("2026-11-03"));
  BOOST_REQUIRE(tue.items.size() == 2u); // a due, c done today (1 of 2); b not due on Tue
  BOOST_TEST(tue.items[1].exercise->id == "c");
  BOOST_TEST(int(tue.items[1].state) == int(ExerciseState::done));
  BOOST_TEST(tue.items[1].week_done == 1u);
  BOOST_TEST(tue.items[1].week_target == 2u);
}

BOOST_AUTO_TEST_CASE(day_view_is_empty_outside_the_run) {
  Plan plan = make_plan({{daily("a")}});
  Run run = make_run(start_mon);
  BOOST_TEST(day_view(plan, run, d("2026-11-01")).items.empty());
  BOOST_TEST(int(day_view(plan, run, d("2026-11-01")).pos.phase) == int(Phase::not_started));
  run.ended = d("2026-11-03");
  BOOST_TEST(int(day_view(plan, run, d("2026-11-04")).pos.phase) == int(Phase::finished));
}

/// Week 1 has a and b, week 2 has c: a check-in in week 2 accepts only c, whatever was done;
/// before the start and after the end it accepts nothing.
BOOST_AUTO_TEST_CASE(checkin_accepts_only_the_current_weeks_exercises) {
  Plan plan = make_plan({{daily("a"), per_week("b", 2)}, {daily("c")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-09", "c");
  using Ids = std::vector<std::string>;
  BOOST_TEST(checkin_exercise_ids(day_view(plan, run, d("2026-11-03"))) == (Ids{"a", "b"}));
  BOOST_TEST(checkin_exercise_ids(day_view(plan, run, d("2026-11-10"))) == Ids{"c"});
  BOOST_TEST(checkin_exercise_ids(day_view(plan, run, d("2026-11-01"))).empty());
  BOOST_TEST(checkin_exercise_ids(day_view(plan, run, d("2026-11-16"))).empty());
}

/// Mon done, Tue done, Wed nothing due, Thu done, Fri (today, not yet) -> current streak 3
BOOST_AUTO_TEST_CASE(day_with_nothing_due_neither_extends_nor_breaks_and_open_today_waits) {
  Plan plan = make_plan({{on_days("a", {1, 2, 4, 5})}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-03", "a");
  add(run, RecordType::done, "2026-11-05", "a");
  Streak s = streak(plan, run, d("2026-11-06"));
  BOOST_TEST(s.current == 3u);
  BOOST_TEST(s.longest == 3u);
}

/// grace 0: Mon done, Tue missed, Wed done, Thu (today, done) -> current 2, longest 2
BOOST_AUTO_TEST_CASE(missed_day_breaks_the_streak_without_grace) {
  Plan plan = make_plan({{daily("a")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-04", "a");
  add(run, RecordType::done, "2026-11-05", "a");
  Streak s = streak(plan, run, d("2026-11-05"));
  BOOST_TEST(s.current == 2u);
  BOOST_TEST(s.longest == 2u);
  // Friday over and nothing done: the streak is broken.
  BOOST_TEST(streak(plan, run, d("2026-11-07")).current == 0u);
  BOOST_TEST(streak(plan, run, d("2026-11-07")).longest == 2u);
}

/// grace 1: Mon done, Tue missed, Wed done -> 2; then Thu, Fri missed, Sat done -> 1
BOOST_AUTO_TEST_CASE(missed_day_between_kept_days_is_forgiven_once) {
  Plan plan = make_plan({{daily("a")}});
  plan.streak.grace_days = 1;
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-04", "a");
  BOOST_TEST(streak(plan, run, d("2026-11-04")).current == 2u);
  // Thu missed, Fri (today) open: one miss is still forgivable, the streak stands.
  BOOST_TEST(streak(plan, run, d("2026-11-06")).current == 2u);
  add(run, RecordType::done, "2026-11-07", "a");
  Streak s = streak(plan, run, d("2026-11-07"));
  BOOST_TEST(s.current == 1u);
  BOOST_TEST(s.longest == 2u);
}

/// grace 2: Mon done, Tue and Wed missed, Thu done -> 2
BOOST_AUTO_TEST_CASE(grace_days_forgive_that_many_in_a_row) {
  Plan plan = make_plan({{daily("a")}});
  plan.streak.grace_days = 2;
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-05", "a");
  BOOST_TEST(streak(plan, run, d("2026-11-05")).current == 2u);
}

/// Mon done, Tue skipped ("ill"), Wed done -> 3: a skip keeps the day
BOOST_AUTO_TEST_CASE(skipped_day_counts_as_kept) {
  Plan plan = make_plan({{daily("a")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::skip, "2026-11-03", "a", "ill");
  add(run, RecordType::done, "2026-11-04", "a");
  BOOST_TEST(streak(plan, run, d("2026-11-04")).current == 3u);
}

namespace {
/// A skip for `day` written on `written` (at noon UTC, so utc_day gives that day).
void add_skip_written(Run &run, const std::string &day, const std::string &exercise,
                      const std::string &written) {
  add(run, RecordType::skip, day, exercise, "written later");
  run.records.back().recorded = Instant{d(written.c_str())} + std::chrono::hours{12};
}
} // namespace

/// A skip is late when written more than 2 days after its day: for Tue, Thu is on time
/// (2 days back), Fri is late (3 days back); the day comes from the front end's clock.
BOOST_AUTO_TEST_CASE(a_skip_written_more_than_two_days_after_its_day_is_late) {
  Run run = make_run(start_mon);
  add_skip_written(run, "2026-11-03", "a", "2026-11-05");
  BOOST_TEST(!late_skip(run.records.back(), utc_day));
  add_skip_written(run, "2026-11-03", "a", "2026-11-06");
  BOOST_TEST(late_skip(run.records.back(), utc_day));
  // Written at 12:00 UTC on Fri, but "today" is still Thu where the person is.
  const RecordedDay a_day_behind = [](Instant t) { return utc_day(t) - date::days{1}; };
  BOOST_TEST(!late_skip(run.records.back(), a_day_behind));
  add(run, RecordType::done, "2026-11-02", "a");
  run.records.back().recorded = Instant{d("2026-11-30")};
  BOOST_TEST(!late_skip(run.records.back(), utc_day)); // only skips are ever late
}

/// grace 0: Mon done, Tue missed, Wed done, Thu done. A skip for Tue written on Thu (2 days
/// back) mends the streak: 4. Written on Fri (3 days back) it still counts (the calendar
/// shows Tue skipped, done of planned leaves it out) but the streak Tue broke stays broken:
/// current 2 (Wed, Thu), longest 2.
BOOST_AUTO_TEST_CASE(a_late_skip_does_not_mend_a_broken_streak_but_still_counts) {
  Plan plan = make_plan({{daily("a")}});
  Run base = make_run(start_mon);
  add(base, RecordType::done, "2026-11-02", "a");
  add(base, RecordType::done, "2026-11-04", "a");
  add(base, RecordType::done, "2026-11-05", "a");
  BOOST_TEST(streak(plan, base, d("2026-11-06")).current == 2u);

  Run on_time = base;
  add_skip_written(on_time, "2026-11-03", "a", "2026-11-05");
  BOOST_TEST(streak(plan, on_time, d("2026-11-06")).current == 4u);

  Run late = base;
  add_skip_written(late, "2026-11-03", "a", "2026-11-06");
  const Progress p = compute_progress(plan, late, d("2026-11-06"), utc_day);
  BOOST_TEST(p.streak.current == 2u);
  BOOST_TEST(p.streak.longest == 2u);
  BOOST_TEST(p.days[1].status == DayStatus::skipped); // still counts
  BOOST_TEST(p.total.skipped == 1u);
  BOOST_TEST(p.total.planned == 3u);
}

/// grace 1: Mon done, Tue missed, Wed done. A late skip for Tue (written Sat) finds a streak
/// that was never broken (one miss is forgiven), so it counts as a kept day: 3, not 2.
/// Tue and Wed missed, Thu done, late skips for both: that gap broke it -> current 1.
BOOST_AUTO_TEST_CASE(a_late_skip_in_a_forgiven_gap_adds_its_day) {
  Plan plan = make_plan({{daily("a")}});
  plan.streak.grace_days = 1;
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-04", "a");
  BOOST_TEST(streak(plan, run, d("2026-11-04")).current == 2u);
  add_skip_written(run, "2026-11-03", "a", "2026-11-07");
  BOOST_TEST(streak(plan, run, d("2026-11-04")).current == 3u);

  Run gap = make_run(start_mon);
  add(gap, RecordType::done, "2026-11-02", "a");
  add(gap, RecordType::done, "2026-11-05", "a");
  add_skip_written(gap, "2026-11-03", "a", "2026-11-07");
  add_skip_written(gap, "2026-11-04", "a", "2026-11-07");
  const Streak s = streak(plan, gap, d("2026-11-05"));
  BOOST_TEST(s.current == 1u);
  BOOST_TEST(s.longest == 1u);
  // One of the two skips on time (Thu for Wed): the gap left without the late one is Tue
  // alone, which was forgiven, so the late skip counts as well -> 4.
  Run mixed = make_run(start_mon);
  add(mixed, RecordType::done, "2026-11-02", "a");
  add(mixed, RecordType::done, "2026-11-05", "a");
  add_skip_written(mixed, "2026-11-03", "a", "2026-11-07");
  add_skip_written(mixed, "2026-11-04", "a", "2026-11-05");
  BOOST_TEST(streak(plan, mixed, d("2026-11-05")).current == 4u);
}

/// Sat, Sun of week 1 and Mon, Tue of week 2 done (week 2 has other exercises) -> 4
BOOST_AUTO_TEST_CASE(streak_runs_across_programme_weeks) {
  Plan plan = make_plan({{daily("a")}, {daily("b")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-07", "a");
  add(run, RecordType::done, "2026-11-08", "a");
  add(run, RecordType::done, "2026-11-09", "b");
  add(run, RecordType::done, "2026-11-10", "b");
  Streak s = streak(plan, run, d("2026-11-10"));
  BOOST_TEST(s.current == 4u);
  BOOST_TEST(s.longest == 4u);
}

/// Only a 3-a-week exercise: nothing is ever due, doing it keeps the day.
BOOST_AUTO_TEST_CASE(doing_a_flexible_exercise_keeps_a_day_with_nothing_due) {
  Plan plan = make_plan({{per_week("c", 3)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "c");
  add(run, RecordType::done, "2026-11-04", "c");
  Streak s = streak(plan, run, d("2026-11-05"));
  BOOST_TEST(s.current == 2u); // Tue and Thu had nothing due and nothing done
}

/// Daily a, Mon..Thu: done Mon, Tue; skipped Wed; Thu (today) open -> 2 done / 2 planned, 1 skipped
BOOST_AUTO_TEST_CASE(adherence_counts_reached_days_and_keeps_skips_apart) {
  Plan plan = make_plan({{daily("a")}, {daily("a")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-03", "a");
  add(run, RecordType::skip, "2026-11-04", "a", "tired");
  Progress p = compute_progress(plan, run, d("2026-11-05"));
  BOOST_TEST(p.total.done == 2u);
  BOOST_TEST(p.total.planned == 2u);
  BOOST_TEST(p.total.skipped == 1u);
  BOOST_TEST(p.total.ratio() == 1.0);
  BOOST_REQUIRE(p.weeks.size() == 2u);
  BOOST_TEST(!p.weeks[1].reached);
  BOOST_TEST(p.weeks[1].adherence.planned == 0u);
  // Today done: it now counts as planned and done.
  add(run, RecordType::done, "2026-11-05", "a");
  BOOST_TEST(compute_progress(plan, run, d("2026-11-05")).total.planned == 3u);
  // Friday over with nothing done: 3 of 4.
  Progress later = compute_progress(plan, run, d("2026-11-07"));
  BOOST_TEST(later.total.done == 3u);
  BOOST_TEST(later.total.planned == 4u);
  BOOST_TEST(later.days[4].status == DayStatus::missed);
  BOOST_TEST(later.days[5].status == DayStatus::open);
}

/// Mondays-only b, done on Tuesday instead: shown (done that day) but not counted.
BOOST_AUTO_TEST_CASE(weekday_exercise_counts_on_its_days_only) {
  Plan plan = make_plan({{on_days("b", {1})}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-03", "b");
  Progress p = compute_progress(plan, run, d("2026-11-08"));
  BOOST_TEST(p.total.done == 0u);
  BOOST_TEST(p.total.planned == 1u);
  BOOST_TEST(p.exercises[0].done_total == 1u);
  BOOST_TEST(p.days[1].status == DayStatus::kept); // Tue: nothing due, practised anyway
}

/// 3 a week, done Mon only. Sat (open): 1/1. Sun (open): 1/2. Week over: 1/3.
BOOST_AUTO_TEST_CASE(n_a_week_is_owed_only_once_it_can_no_longer_fit) {
  Plan plan = make_plan({{per_week("c", 3)}, {per_week("c", 3)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "c");
  Adherence sat = compute_progress(plan, run, d("2026-11-07")).total;
  BOOST_TEST(sat.done == 1u);
  BOOST_TEST(sat.planned == 1u);
  Adherence sun = compute_progress(plan, run, d("2026-11-08")).total;
  BOOST_TEST(sun.planned == 2u);
  Progress mon = compute_progress(plan, run, d("2026-11-09"));
  BOOST_TEST(mon.weeks[0].adherence.done == 1u);
  BOOST_TEST(mon.weeks[0].adherence.planned == 3u);
  BOOST_TEST(mon.weeks[1].adherence.planned == 0u);
}

/// 2 a week, done Mon, Tue, Wed, Thu: 2/2, the extra two are not counted twice.
BOOST_AUTO_TEST_CASE(done_beyond_n_a_week_is_not_counted_twice) {
  Plan plan = make_plan({{per_week("c", 2)}});
  Run run = make_run(start_mon);
  for (const char *day : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"})
    add(run, RecordType::done, day, "c");
  add(run, RecordType::done, "2026-11-05", "c"); // twice the same day counts once
  Progress p = compute_progress(plan, run, d("2026-11-20"));
  BOOST_TEST(p.total.done == 2u);
  BOOST_TEST(p.total.planned == 2u);
  BOOST_TEST(p.exercises[0].done_total == 4u);
}

/// 3 a week: done Mon, skipped Tue, nothing else -> week over: 1 done / 2 planned, 1 skipped.
BOOST_AUTO_TEST_CASE(skipping_a_flexible_exercise_settles_one_occurrence) {
  Plan plan = make_plan({{per_week("c", 3)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "c");
  add(run, RecordType::skip, "2026-11-03", "c");
  Adherence a = compute_progress(plan, run, d("2026-11-09")).total;
  BOOST_TEST(a.done == 1u);
  BOOST_TEST(a.planned == 2u);
  BOOST_TEST(a.skipped == 1u);
}

/// Issue 18, the worked example of count_quota: 2 a week, done Mon, skipped Tue, done Thu.
/// today, remind (day_view), report (compute_progress) and the CSV cells tell one story.
BOOST_AUTO_TEST_CASE(quota_rule_is_the_same_for_today_report_and_csv) {
  Plan plan = make_plan({{per_week("c", 2)}, {per_week("c", 2)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "c");
  add(run, RecordType::skip, "2026-11-03", "c", "long day");
  DayView wed = day_view(plan, run, d("2026-11-04"));
  BOOST_REQUIRE(wed.items.size() == 1u); // still open: the skip did not lower the target
  BOOST_TEST(wed.items[0].week_done == 1u);
  BOOST_TEST(wed.items[0].week_skipped == 1u);
  BOOST_TEST(!wed.items[0].week_met);
  add(run, RecordType::done, "2026-11-05", "c");
  DayView thu = day_view(plan, run, d("2026-11-05"));
  BOOST_REQUIRE(thu.items.size() == 1u);
  BOOST_TEST(thu.items[0].week_done == 2u);
  BOOST_TEST(thu.items[0].week_target == 2u);
  BOOST_TEST(thu.items[0].week_skipped == 1u);
  BOOST_TEST(thu.items[0].week_met);
  BOOST_TEST(day_view(plan, run, d("2026-11-08")).items.empty()); // Sunday: nothing open

  Progress p = compute_progress(plan, run, d("2026-11-08"));
  BOOST_TEST(p.exercises[0].adherence.done == 2u);
  BOOST_TEST(p.exercises[0].adherence.planned == 2u);
  BOOST_TEST(p.exercises[0].adherence.skipped == 1u);
  BOOST_TEST(p.exercises[0].adherence.extra == 0u);
  BOOST_TEST(p.exercises[0].done_total == 2u);
  BOOST_TEST(p.cells[1].state == CellState::skipped);
  BOOST_TEST(p.cells[6].state == CellState::not_due); // Sunday after the quota was met

  add(run, RecordType::done, "2026-11-06", "c"); // Fri: extra practice, kept
  Progress more = compute_progress(plan, run, d("2026-11-08"));
  BOOST_TEST(more.exercises[0].adherence.done == 2u);
  BOOST_TEST(more.exercises[0].adherence.extra == 1u);
  BOOST_TEST(more.exercises[0].done_total == 3u);
}

BOOST_AUTO_TEST_CASE(ended_run_counts_nothing_after_its_end) {
  Plan plan = make_plan({{daily("a")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  run.ended = d("2026-11-03");
  Progress p = compute_progress(plan, run, d("2026-11-30"));
  BOOST_TEST(p.total.planned == 2u);
  BOOST_TEST(int(p.pos.phase) == int(Phase::finished));
  BOOST_TEST(p.days[2].status == DayStatus::future);
  BOOST_REQUIRE(p.summary.has_value());
}

BOOST_AUTO_TEST_CASE(perfect_programme_reaches_strength_100_on_its_last_day) {
  Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  for (int i = 0; i < 42; ++i) {
    const Day day = start_mon + date::days(i);
    add(run, RecordType::done, format_day(day), i < 21 ? "breathe" : "reach-out");
    if (date::weekday{day} == date::Monday)
      add(run, RecordType::done, format_day(day), "share");
  }
  Progress mid = compute_progress(plan, run, d("2026-11-08"));
  BOOST_TEST(mid.exercises[0].strength == 100 * 0.5 / (1 - std::pow(0.5, 3)),
             boost::test_tools::tolerance(1e-9));
  Progress end = compute_progress(plan, run, d("2026-12-13"));
  for (const ExerciseStats &e : end.exercises)
    BOOST_TEST(e.strength == 100.0, boost::test_tools::tolerance(1e-9));
  // A day before the end it is not quite there yet.
  BOOST_TEST(compute_progress(plan, run, d("2026-12-12")).exercises[2].strength < 100.0);
}

BOOST_AUTO_TEST_CASE(single_lapse_is_mostly_forgiven_by_the_end) {
  Plan plan = make_plan(
      {{daily("a")}, {daily("a")}, {daily("a")}, {daily("a")}, {daily("a")}, {daily("a")}});
  Run run = make_run(start_mon);
  for (int i = 0; i < 42; ++i)
    if (i != 17)
      add(run, RecordType::done, format_day(start_mon + date::days(i)), "a");
  const double end = compute_progress(plan, run, d("2026-12-13")).exercises[0].strength;
  BOOST_TEST(end > 98.0);
  BOOST_TEST(end < 100.0);
  // Missing yesterday costs more than a lapse three weeks ago, but the habit still shows.
  Run late = make_run(start_mon);
  for (int i = 0; i < 41; ++i)
    add(late, RecordType::done, format_day(start_mon + date::days(i)), "a");
  const double yesterday = compute_progress(plan, late, d("2026-12-14")).exercises[0].strength;
  BOOST_TEST(yesterday < end);
  BOOST_TEST(yesterday > 85.0);
}

BOOST_AUTO_TEST_CASE(strength_formula_matches_its_documented_values) {
  // Daily for 6 weeks: m = 0.5^(6/42); one week perfect -> S = 1 - m^7 = 0.5.
  BOOST_TEST(strength(0.5, 42, 6, 0) == 100 * 0.5 / (1 - std::pow(0.5, 6)),
             boost::test_tools::tolerance(1e-9));
  BOOST_TEST(strength(0.0, 0, 0, 0) == 0.0);
  BOOST_TEST(strength(2.0, 42, 6, 0) == 100.0);
}

/// Scale 1..5, items [a, b reversed], answers 4,2 -> scores 4,4 -> mean 4, percent 75.
BOOST_AUTO_TEST_CASE(self_check_reverse_scores_items) {
  SelfCheck check = make_check();
  auto s = score_self_check(check, {4, 2});
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->mean == 4.0);
  BOOST_TEST(s->percent == 75.0);
  BOOST_TEST(score_self_check(check, {9, 0})->mean == 5.0); // clamped: 5 and 1 reversed -> 5
  BOOST_TEST(!score_self_check(check, {}).has_value());
}

/// Baseline 2,4 (25 %), week 3: 4,2 (75 %), week 6: 5,1 (100 %) -> change +75 points.
BOOST_AUTO_TEST_CASE(self_check_trend_compares_latest_with_baseline) {
  Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  add_check(run, "2026-11-02", 0, {2, 4});
  add_check(run, "2026-11-22", 3, {4, 2});
  add_check(run, "2026-11-23", 3, {3, 3}); // answered again: the last one counts
  add_check(run, "2026-12-13", 6, {5, 1});
  Progress p = compute_progress(plan, run, d("2026-12-13"));
  BOOST_REQUIRE(p.self_check.baseline.has_value());
  BOOST_TEST(p.self_check.baseline->percent == 25.0);
  BOOST_TEST(p.weeks[2].self_check->percent == 50.0);
  BOOST_TEST(p.self_check.latest->week == 6u);
  BOOST_TEST(*p.self_check.change == 75.0);
  BOOST_TEST(!p.weeks[0].self_check.has_value());
}

BOOST_AUTO_TEST_CASE(summary_names_most_practised_best_week_and_notes) {
  Plan plan = six_week_plan();
  plan.support = "A therapist can help too.";
  Run run = make_run(start_mon);
  for (int i = 0; i < 7; ++i)
    add(run, RecordType::done, format_day(start_mon + date::days(i)), "breathe");
  add(run, RecordType::done, "2026-11-02", "share");
  add(run, RecordType::done, "2026-11-09", "share");
  Record note;
  note.type = RecordType::note;
  note.day = d("2026-11-05");
  note.text = "Told M. I was hurt.";
  run.records.push_back(note);
  BOOST_TEST(!compute_progress(plan, run, d("2026-12-13")).summary.has_value());
  Progress p = compute_progress(plan, run, d("2026-12-14"));
  BOOST_REQUIRE(p.summary.has_value());
  BOOST_TEST(p.summary->most_practised->id == "breathe");
  BOOST_TEST(p.summary->best_week == 1u);
  BOOST_TEST(p.summary->longest_streak == 7u);
  BOOST_REQUIRE(p.summary->notes.size() == 1u);
  BOOST_TEST(p.summary->notes[0].text == "Told M. I was hurt.");
  // Help is pointed to whatever the practice was, and the plan's crisis text is never put
  // next to a practice number (here: one week of seven practised, no self-check at all).
  BOOST_TEST(p.summary->suggestion.find("A therapist can help too.") == std::string::npos);
  BOOST_TEST(p.summary->suggestion.find("'attune support'") != std::string::npos);
}

/// 1..5 scale, two items, the second reversed. Baseline 4,2 -> 75 %; week 3: 3,3 -> 50 %
/// (exactly a quarter of the scale lower: sharp); week 4: 2,3 -> 37.5 % (12.5 lower: not).
BOOST_AUTO_TEST_CASE(a_sharp_drop_is_a_quarter_of_the_scale_from_the_previous_check) {
  Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  add_check(run, "2026-11-02", 0, {4, 2});
  add_check(run, "2026-11-16", 3, {3, 3});
  const auto before = previous_self_check(plan.self_check, run, 3);
  BOOST_REQUIRE(before.has_value());
  BOOST_TEST(before->week == 0u);
  BOOST_TEST(before->percent == 75.0);
  const auto week3 = score_self_check(plan.self_check, {3, 3});
  BOOST_TEST(week3->percent == 50.0);
  BOOST_TEST(fell_sharply(*before, *week3));
  const auto before4 = previous_self_check(plan.self_check, run, 4);
  BOOST_TEST(before4->week == 3u);
  BOOST_TEST(!fell_sharply(*before4, *score_self_check(plan.self_check, {2, 3})));
  // Rising, or falling a little, never counts; nothing before the baseline.
  BOOST_TEST(!fell_sharply(*week3, *before));
  BOOST_TEST(!previous_self_check(plan.self_check, run, 0).has_value());
  SelfCheckScore a, b;
  a.percent = 80;
  b.percent = 55.5;
  BOOST_TEST(!fell_sharply(a, b)); // 24.5 points
}

/// A two-week plan with nothing done: no "best week" (it would be "week 1 (0%)"), and the
/// closing words name two weeks, not six.
BOOST_AUTO_TEST_CASE(summary_of_a_short_plan_names_its_length_and_no_empty_best_week) {
  Plan plan = make_plan({{daily("breathe")}, {daily("breathe")}});
  Run run = make_run(start_mon);
  Progress p = compute_progress(plan, run, d("2026-11-16"));
  BOOST_REQUIRE(p.summary.has_value());
  BOOST_TEST(p.summary->best_week == 0u);
  BOOST_TEST(p.summary->suggestion.find("Two weeks is a beginning") == 0u);
  BOOST_TEST(p.summary->suggestion.find("Six weeks") == std::string::npos);
  add(run, RecordType::done, "2026-11-10", "breathe");
  p = compute_progress(plan, run, d("2026-11-16"));
  BOOST_TEST(p.summary->best_week == 2u);
}

/// "1 day left" on a Saturday read as impossible for 2 more of a weekly quota: the day
/// itself counts.
BOOST_AUTO_TEST_CASE(days_left_counts_the_day_itself) {
  BOOST_TEST(days_left_phrase(0) == "today is the last day of the week");
  BOOST_TEST(days_left_phrase(1) == "today and tomorrow left");
  BOOST_TEST(days_left_phrase(4) == "today and 4 more days left");
}

BOOST_AUTO_TEST_CASE(a_million_records_are_indexed_quickly_and_correctly) {
  Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  run.records.reserve(1000000);
  for (int i = 0; i < 1000000; ++i)
    add(run, RecordType::done, format_day(start_mon + date::days(i % 42)), "breathe");
  Progress p = compute_progress(plan, run, d("2026-12-14"));
  BOOST_TEST(p.exercises[0].adherence.done == 21u);
  BOOST_TEST(p.exercises[0].adherence.planned == 21u);
}

// Worked example of reflect_week (progress.hpp): start Mon 2026-11-02, six weeks.
BOOST_AUTO_TEST_CASE(reflect_early_in_a_week_offers_the_week_that_just_ended) {
  const Plan plan = six_week_plan();
  const auto week_of = [&](const char *day, std::vector<unsigned> taken) {
    return reflect_week(plan, start_mon, d(day), taken);
  };
  // No baseline yet, in week 1: the baseline.
  BOOST_TEST(week_of("2026-11-02", {}).week == 0U);
  // Baseline taken: week 1 counts for week 1.
  BOOST_TEST(week_of("2026-11-04", {0}).week == 1U);
  BOOST_TEST(!week_of("2026-11-04", {0}).other.has_value());
  // Mon 11-09 and Tue 11-10 (days 1 and 2 of week 2), week 1 unanswered: 1, or 2.
  for (const char *day : {"2026-11-09", "2026-11-10"}) {
    const ReflectWeek w = week_of(day, {0});
    BOOST_TEST(w.week == 1U);
    BOOST_REQUIRE(w.other.has_value());
    BOOST_TEST(*w.other == 2U);
    BOOST_TEST(w.latest == 2U);
  }
  // Wed 11-11 (day 3): this week only.
  BOOST_TEST(week_of("2026-11-11", {0}).week == 2U);
  BOOST_TEST(!week_of("2026-11-11", {0}).other.has_value());
  // Week 1 answered: Monday counts for week 2.
  BOOST_TEST(week_of("2026-11-09", {0, 1}).week == 2U);
  BOOST_TEST(!week_of("2026-11-09", {0, 1}).other.has_value());
  // Week 2 answered already, week 1 not: only week 1 is left.
  BOOST_TEST(week_of("2026-11-09", {0, 2}).week == 1U);
  BOOST_TEST(!week_of("2026-11-09", {0, 2}).other.has_value());
  // After the end (last day Sun 12-13), week 6 unanswered: week 6, nothing to choose.
  BOOST_TEST(week_of("2026-12-14", {0, 1, 2, 3, 4, 5}).week == 6U);
  BOOST_TEST(!week_of("2026-12-14", {0, 1, 2, 3, 4, 5}).other.has_value());
  BOOST_TEST(week_of("2026-12-14", {0}).latest == 6U);
}

BOOST_AUTO_TEST_SUITE_END()
