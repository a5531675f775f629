// Exercises for situations that may not arise (schedule = "when-it-arises"): never open or
// missed, counted when done, "it did not come up" (not_arisen) neutral everywhere.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "attune/checkin_rules.hpp"
#include "attune/journal.hpp"
#include "attune/progress.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Exercise situational(const std::string &id) {
  Exercise e = daily(id);
  e.schedule.kind = ScheduleKind::when_it_arises;
  e.cue = "whenever you want to leave a conversation";
  return e;
}

const DueItem *item_of(const DayView &view, const std::string &id) {
  for (const DueItem &item : view.items)
    if (item.exercise->id == id)
      return &item;
  return nullptr;
}

} // namespace

BOOST_AUTO_TEST_SUITE(when_it_arises)

// Start Mon 2026-11-02 throughout: week 1 is Mon 11-02 .. Sun 11-08.

/// daily a, situational b: Mon a; Tue a, b not_arisen; Wed a; b silent otherwise; Thu (today,
/// open) -> current 3: b never breaks a streak. Thu a missed, b done -> partial: broken on Fri.
BOOST_AUTO_TEST_CASE(never_breaks_a_streak_and_not_arisen_is_neutral) {
  const Plan plan = make_plan({{daily("a"), situational("b")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-03", "a");
  add(run, RecordType::not_arisen, "2026-11-03", "b");
  add(run, RecordType::done, "2026-11-04", "a");
  Streak s = streak(plan, run, d("2026-11-05"));
  BOOST_TEST(s.current == 3u);
  BOOST_TEST(s.longest == 3u);
  // The scheduled one missed on Thursday: doing the situational one does not make up for it.
  add(run, RecordType::done, "2026-11-05", "b");
  s = streak(plan, run, d("2026-11-06"));
  BOOST_TEST(s.current == 0u);
  BOOST_TEST(s.longest == 3u);
  const Progress p = compute_progress(plan, run, d("2026-11-06"));
  BOOST_TEST(p.days[3].status == DayStatus::partial);
}

/// A week of situational exercises only: Mon b done, Tue silent, Wed not_arisen, Thu b done,
/// Fri (today) silent -> Tue and Wed are rest days, current 2 (Mon, Thu), nothing missed.
BOOST_AUTO_TEST_CASE(a_silent_day_is_rest_and_a_done_day_is_kept) {
  const Plan plan = make_plan({{situational("b")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "b");
  add(run, RecordType::not_arisen, "2026-11-04", "b");
  add(run, RecordType::done, "2026-11-05", "b");
  const Progress p = compute_progress(plan, run, d("2026-11-06"));
  BOOST_TEST(p.days[0].status == DayStatus::kept);
  BOOST_TEST(p.days[1].status == DayStatus::rest);
  BOOST_TEST(p.days[2].status == DayStatus::rest);
  BOOST_TEST(p.days[3].status == DayStatus::kept);
  BOOST_TEST(p.days[4].status == DayStatus::rest); // today: nothing is open
  BOOST_TEST(p.streak.current == 2u);
  // The cells: done, not_due (silent), not_arisen, done, not_due; never missed or open.
  std::vector<CellState> cells;
  for (const ExerciseDay &c : p.cells)
    if (c.day <= d("2026-11-06"))
      cells.push_back(c.state);
  const std::vector<CellState> want{CellState::done, CellState::not_due, CellState::not_arisen,
                                    CellState::done, CellState::not_due};
  BOOST_TEST(cells == want, boost::test_tools::per_element());
}

/// Situational b done Mon and Thu, not_arisen Tue, silent the rest; daily a done Mon..Fri.
/// Sat 11-07 (today, open) -> b: practised 2, not_arisen 1, done 0, planned 0; the total is
/// a's alone: 5 / 5. Strength: b has none (it plans nothing), a's is unchanged by b.
BOOST_AUTO_TEST_CASE(adherence_counts_practised_days_not_a_ratio) {
  const Plan plan = make_plan({{daily("a"), situational("b")}});
  Run run = make_run(start_mon);
  for (const char *day : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"})
    add(run, RecordType::done, day, "a");
  add(run, RecordType::done, "2026-11-02", "b");
  add(run, RecordType::not_arisen, "2026-11-03", "b");
  add(run, RecordType::done, "2026-11-05", "b");
  const Progress p = compute_progress(plan, run, d("2026-11-07"));
  BOOST_REQUIRE(p.exercises.size() == 2u);
  const ExerciseStats &b = p.exercises[1];
  BOOST_TEST(b.adherence.practised == 2u);
  BOOST_TEST(b.adherence.not_arisen == 1u);
  BOOST_TEST(b.adherence.done == 0u);
  BOOST_TEST(b.adherence.planned == 0u);
  BOOST_TEST(b.done_total == 2u);
  BOOST_TEST(b.strength == 0.0);
  BOOST_TEST(p.total.done == 5u);
  BOOST_TEST(p.total.planned == 5u);
  BOOST_TEST(p.total.practised == 2u);
  Run without = run;
  without.records.erase(std::remove_if(without.records.begin(), without.records.end(),
                                       [](const Record &r) { return r.exercise == "b"; }),
                        without.records.end());
  BOOST_TEST(p.exercises[0].strength ==
             compute_progress(plan, without, d("2026-11-07")).exercises[0].strength);
  BOOST_TEST(p.streak.current == 5u);
}

/// 2 a week c and situational b: Mon c done, b not_arisen Mon..Wed -> c's quota is 1 of 2,
/// still open; b's records change nothing about c. Week met after Thu c done.
BOOST_AUTO_TEST_CASE(not_arisen_is_neutral_for_a_weekly_quota) {
  const Plan plan = make_plan({{per_week("c", 2), situational("b")}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "c");
  for (const char *day : {"2026-11-02", "2026-11-03", "2026-11-04"})
    add(run, RecordType::not_arisen, day, "b");
  DayView view = day_view(plan, run, d("2026-11-04"));
  const DueItem *c = item_of(view, "c");
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(c->week_done == 1u);
  BOOST_TEST(c->week_skipped == 0u);
  BOOST_TEST(!c->week_met);
  add(run, RecordType::done, "2026-11-05", "c");
  view = day_view(plan, run, d("2026-11-05"));
  BOOST_TEST(item_of(view, "c")->week_met);
  const Progress p = compute_progress(plan, run, d("2026-11-09"));
  BOOST_TEST(p.weeks[0].adherence.done == 2u);
  BOOST_TEST(p.weeks[0].adherence.planned == 2u);
  BOOST_TEST(p.weeks[0].adherence.skipped == 0u);
  BOOST_TEST(p.weeks[0].adherence.not_arisen == 3u);
}

/// Thursday: daily a open, situational b silent, situational e not_arisen ->
/// open {a}; asked as situational {b}; b is listed but never due; e shows not_arisen.
BOOST_AUTO_TEST_CASE(day_view_lists_it_but_never_as_open) {
  Exercise e = situational("e");
  e.cue = "before sending a message while worried";
  const Plan plan = make_plan({{daily("a"), situational("b"), e}});
  Run run = make_run(start_mon);
  add(run, RecordType::not_arisen, "2026-11-05", "e");
  const DayView view = day_view(plan, run, d("2026-11-05"));
  BOOST_REQUIRE(view.items.size() == 3u);
  BOOST_TEST(!item_of(view, "b")->due_today);
  BOOST_TEST((item_of(view, "b")->state == ExerciseState::open));
  BOOST_TEST((item_of(view, "e")->state == ExerciseState::not_arisen));
  const auto open = open_exercises(view);
  BOOST_REQUIRE(open.size() == 1u);
  BOOST_TEST(open[0]->id == "a");
  const auto ask = situational_unrecorded(view);
  BOOST_REQUIRE(ask.size() == 1u);
  BOOST_TEST(ask[0]->id == "b");
  // A silent situational day never leaves an earlier day unanswered.
  BOOST_TEST(unanswered_exercises(day_view(plan, run, d("2026-11-04"))).size() == 1u); // a only
  // Done later the same day (the moment came after all): done wins over not_arisen.
  add(run, RecordType::done, "2026-11-05", "e");
  BOOST_TEST((item_of(day_view(plan, run, d("2026-11-05")), "e")->state == ExerciseState::done));
}

BOOST_AUTO_TEST_CASE(not_arisen_is_refused_for_a_scheduled_exercise) {
  const auto refusal = refuse_not_arisen(on_days("body-check", {1, 3, 5}));
  BOOST_REQUIRE(refusal.has_value());
  BOOST_TEST(refusal->message == "body-check is not a when-it-arises exercise");
  BOOST_TEST(refusal->hint == "--not-arisen is for an exercise tied to a situation; to say it "
                              "was not done, use --skip body-check");
  BOOST_TEST(!refuse_not_arisen(situational("catch-the-urge")).has_value());
}

/// The record's line round-trips, and undo withdraws it like done and skip.
BOOST_AUTO_TEST_CASE(not_arisen_record_round_trips_and_undo_withdraws_it) {
  BOOST_TEST(to_string(RecordType::not_arisen) == "not_arisen");
  BOOST_TEST((parse_record_type("not_arisen") == RecordType::not_arisen));
  BOOST_TEST(is_withdrawable(RecordType::not_arisen));
  Record start;
  start.id = "00000000000000a1";
  start.type = RecordType::start;
  start.day = start_mon;
  start.recorded = date::sys_days{start_mon} + std::chrono::hours(9);
  start.zone = "UTC";
  start.run = 1;
  start.plan_id = "test";
  start.plan_hash = "abc";
  Record r = start;
  r.id = "00000000000000b2";
  r.type = RecordType::not_arisen;
  r.day = d("2026-11-03");
  r.plan_id.clear();
  r.plan_hash.clear();
  r.exercise = "catch-the-urge";
  const std::string line = format_record(r);
  BOOST_TEST(line.find("\tnot_arisen\t2026-11-03\t") != std::string::npos);
  BOOST_TEST(line.find("\texercise=catch-the-urge\t") != std::string::npos);
  const Journal j = parse_journal(journal_header() + format_record(start) + line);
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 2u);
  BOOST_TEST((j.records[1].type == RecordType::not_arisen));
  BOOST_TEST(j.records[1].exercise == "catch-the-urge");
  const auto count_not_arisen = [](const Journal &journal) {
    const History h = build_history(journal);
    BOOST_REQUIRE(h.active() != nullptr);
    return std::count_if(h.active()->records.begin(), h.active()->records.end(),
                         [](const Record &x) { return x.type == RecordType::not_arisen; });
  };
  BOOST_TEST(count_not_arisen(j) == 1);
  BOOST_TEST(build_history(j).last_checkin()->id == r.id);
  Record undo = start;
  undo.id = "00000000000000c3";
  undo.type = RecordType::undo;
  undo.ref = r.id;
  BOOST_TEST(count_not_arisen(parse_journal(journal_header() + format_record(start) + line +
                                            format_record(undo))) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
