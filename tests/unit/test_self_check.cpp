#include <boost/test/unit_test.hpp>

#include "attune/progress.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

BOOST_AUTO_TEST_SUITE(self_check)

/// Scale 1..5, items [avoid-a, avoid-b reversed, anx-c, aware-d], distress; answers 4,2,3,5,4
/// -> avoidance (4 + 4) / 2 = 4, anxiety 3, noticing 5, distress 4; security counts only
/// avoidance and anxiety, turned around: (2 + 2 + 3) / 3 = 2.333 -> 33.3 %.
BOOST_AUTO_TEST_CASE(each_dimension_is_scored_on_its_own) {
  const SelfCheck check = make_dimension_check();
  BOOST_TEST(check.answer_count() == 5u);
  const auto s = score_self_check(check, {4, 2, 3, 5, 4});
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(*s->avoidance == 4.0);
  BOOST_TEST(*s->anxiety == 3.0);
  BOOST_TEST(*s->awareness == 5.0);
  BOOST_TEST(*s->distress == 4);
  BOOST_TEST(s->mean == 7.0 / 3.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(s->percent == 100.0 * (7.0 / 3.0 - 1) / 4, boost::test_tools::tolerance(1e-9));
  // Noticing more, or a harder week, never moves security: only awareness and distress differ.
  const auto calm = score_self_check(check, {4, 2, 3, 1, 1});
  BOOST_TEST(calm->percent == s->percent, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*calm->awareness == 1.0);
  // Without the distress answer (an older record) there is simply none.
  BOOST_TEST(!score_self_check(check, {4, 2, 3, 5})->distress.has_value());
}

/// An older plan (no dimension on any item) scores as before: one unnamed dimension.
BOOST_AUTO_TEST_CASE(a_plan_without_dimensions_scores_as_before) {
  const SelfCheck check = make_check();
  const auto s = score_self_check(check, {4, 2});
  BOOST_TEST(s->mean == 4.0);
  BOOST_TEST(s->percent == 75.0);
  BOOST_TEST(!s->avoidance.has_value());
  BOOST_TEST(!s->anxiety.has_value());
  BOOST_TEST(!s->awareness.has_value());
  BOOST_TEST(!check.has_distress());
}

/// The top quarter of the scale: on 1..5, 4 and 5; on 0..10, 8 and above; on 1..7, 6 and 7.
BOOST_AUTO_TEST_CASE(distress_is_high_in_the_top_quarter_of_the_scale) {
  SelfCheck check = make_dimension_check();
  BOOST_TEST(!distress_high(check, 3));
  BOOST_TEST(distress_high(check, 4));
  BOOST_TEST(distress_high(check, 5));
  check.scale_min = 0;
  check.scale_max = 10;
  BOOST_TEST(!distress_high(check, 7));
  BOOST_TEST(distress_high(check, 8));
  check.scale_min = 1;
  check.scale_max = 7;
  BOOST_TEST(!distress_high(check, 5));
  BOOST_TEST(distress_high(check, 6));
}

/// More than half a point: -0.5 is about the same, -0.75 lower, +0.51 higher.
BOOST_AUTO_TEST_CASE(a_change_counts_when_it_is_more_than_half_a_point) {
  BOOST_TEST(dimension_change_threshold == 0.5);
  BOOST_TEST(direction_of(0.0) == Direction::about_the_same);
  BOOST_TEST(direction_of(-0.5) == Direction::about_the_same);
  BOOST_TEST(direction_of(0.5) == Direction::about_the_same);
  BOOST_TEST(direction_of(3.0 - 2.5) == Direction::about_the_same);
  BOOST_TEST(direction_of(-0.75) == Direction::lower);
  BOOST_TEST(direction_of(0.51) == Direction::higher);
  BOOST_TEST(std::string(to_string(Direction::about_the_same)) == "about the same");
}

/// Baseline (week 0) 4,2,3,2,3 -> avoidance 4, anxiety 3, noticing 2.
/// Week 3: 3,3,3,4,2 -> avoidance 3 (-1: lower), anxiety 3 (about the same), noticing 4 (higher).
BOOST_AUTO_TEST_CASE(each_dimension_has_its_own_trend_from_the_baseline) {
  Plan plan = six_week_plan();
  plan.self_check = make_dimension_check();
  Run run = make_run(start_mon);
  add_check(run, "2026-11-02", 0, {4, 2, 3, 2, 3});
  add_check(run, "2026-11-20", 3, {3, 3, 3, 4, 2});
  const Progress p = compute_progress(plan, run, d("2026-11-21"));
  const SelfCheckTrend &t = p.self_check;
  BOOST_TEST(!t.baseline_from_first);
  BOOST_REQUIRE(t.dimensions.size() == 3u);
  const DimensionTrend *avoid = t.dimension(Dimension::avoidance);
  BOOST_REQUIRE(avoid != nullptr);
  BOOST_TEST(*avoid->baseline == 4.0);
  BOOST_TEST(*avoid->latest == 3.0);
  BOOST_TEST(*avoid->change == -1.0);
  BOOST_TEST(avoid->direction == Direction::lower);
  BOOST_TEST(avoid->points.size() == 2u);
  BOOST_TEST(t.dimension(Dimension::anxiety)->direction == Direction::about_the_same);
  BOOST_TEST(t.dimension(Dimension::awareness)->direction == Direction::higher);
  BOOST_TEST(!t.early_dip);
}

/// No week-0 self-check: the first one (week 2) is the baseline, and says so.
BOOST_AUTO_TEST_CASE(without_a_baseline_the_first_self_check_is_the_starting_point) {
  Plan plan = six_week_plan();
  plan.self_check = make_dimension_check();
  Run run = make_run(start_mon);
  add_check(run, "2026-11-13", 2, {3, 3, 3, 3, 1});
  add_check(run, "2026-11-27", 4, {2, 4, 2, 3, 1});
  const Progress p = compute_progress(plan, run, d("2026-11-28"));
  BOOST_REQUIRE(p.self_check.baseline.has_value());
  BOOST_TEST(p.self_check.baseline->week == 2u);
  BOOST_TEST(p.self_check.baseline_from_first);
  BOOST_TEST(p.self_check.change.has_value());
  BOOST_TEST(*p.self_check.dimension(Dimension::avoidance)->change == -1.0);
  // One self-check only: a starting point, no change yet.
  Run one = make_run(start_mon);
  add_check(one, "2026-11-13", 2, {3, 3, 3, 3, 1});
  const Progress q = compute_progress(plan, one, d("2026-11-14"));
  BOOST_TEST(q.self_check.baseline_from_first);
  BOOST_TEST(!q.self_check.dimension(Dimension::avoidance)->change.has_value());
}

/// Baseline anxiety 2; week 2 anxiety 3 (one whole point higher): the early dip. The same
/// rise first seen in week 3 is not "early".
BOOST_AUTO_TEST_CASE(the_early_dip_is_a_rise_in_weeks_one_or_two) {
  Plan plan = six_week_plan();
  plan.self_check = make_dimension_check();
  Run run = make_run(start_mon);
  add_check(run, "2026-11-02", 0, {3, 3, 2, 2, 2});
  add_check(run, "2026-11-13", 2, {3, 3, 3, 4, 3});
  BOOST_TEST(compute_progress(plan, run, d("2026-11-14")).self_check.early_dip);
  Run later = make_run(start_mon);
  add_check(later, "2026-11-02", 0, {3, 3, 2, 2, 2});
  add_check(later, "2026-11-20", 3, {3, 3, 3, 4, 3});
  BOOST_TEST(!compute_progress(plan, later, d("2026-11-21")).self_check.early_dip);
  // Half a point is within the wobble: no dip to explain.
  SelfCheckScore base, week1;
  base.week = 0;
  base.anxiety = 2.0;
  week1.week = 1;
  week1.anxiety = 2.5;
  BOOST_TEST(!self_check_trend({base, week1}).early_dip);
  week1.anxiety = 2.75;
  BOOST_TEST(self_check_trend({base, week1}).early_dip);
}

/// The kind line after reflect: a high distress answer, or a sharp fall in security; never
/// anything else. Baseline security 75 %: distress 4 -> the hard-week line; a fall to 50 %
/// (a quarter of the scale) -> the harder-than-last line; distress 3 and steady -> none.
BOOST_AUTO_TEST_CASE(distress_or_a_sharp_drop_brings_one_support_line) {
  const SelfCheck check = make_dimension_check();
  const auto before = score_self_check(check, {2, 4, 2, 3, 2}); // security 4 -> 75 %
  BOOST_TEST(before->percent == 75.0);
  const auto steady = score_self_check(check, {2, 4, 2, 3, 3});
  BOOST_TEST(support_line_after_check(check, before, *steady).empty());
  const auto hard = score_self_check(check, {2, 4, 2, 3, 4});
  const std::string hard_line = support_line_after_check(check, before, *hard);
  BOOST_TEST(hard_line.find("hard week") != std::string::npos);
  BOOST_TEST(hard_line.find("'attune support'") != std::string::npos);
  BOOST_TEST(!support_line_after_check(check, std::nullopt, *hard).empty()); // first check too
  const auto fell = score_self_check(check, {3, 3, 3, 3, 1});                // security 3 -> 50 %
  const std::string fell_line = support_line_after_check(check, before, *fell);
  BOOST_TEST(fell_line.find("harder than the last") != std::string::npos);
}

/// Week 1 only: start Mon 2 Nov -> Sun 8 Nov yes, Mon 9 Nov no; before the start, yes.
BOOST_AUTO_TEST_CASE(the_baseline_may_be_taken_during_week_one) {
  const Plan plan = six_week_plan();
  BOOST_TEST(baseline_open(plan, start_mon, d("2026-11-02")));
  BOOST_TEST(baseline_open(plan, start_mon, d("2026-11-08")));
  BOOST_TEST(!baseline_open(plan, start_mon, d("2026-11-09")));
  BOOST_TEST(baseline_open(plan, start_mon, d("2026-11-01")));
}

BOOST_AUTO_TEST_SUITE_END()
