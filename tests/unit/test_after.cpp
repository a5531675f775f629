#include <boost/test/unit_test.hpp>

#include "attune/after.hpp"
#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "attune/journal.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// A record with an id and a recorded instant, so "latest" is well defined.
Record after_record(Run &run, RecordType type, const char *day, const char *id,
                    const char *recorded) {
  Record r;
  r.id = id;
  r.type = type;
  r.day = d(day);
  r.recorded = *parse_instant(recorded);
  r.run = run.number;
  return r;
}

void keep(Run &run, const char *day, const char *id, const char *exercise, unsigned times,
          const char *cmd) {
  Record r = after_record(run, RecordType::keep, day, id, "2026-12-16T09:00:00Z");
  r.exercise = exercise;
  r.times = times;
  r.cmd = cmd;
  run.records.push_back(r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(after)

// Six weeks from Mon 2026-11-02 throughout: the last day is Sun 2026-12-13.

BOOST_AUTO_TEST_CASE(programme_end_is_the_last_day_or_the_end_record) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  BOOST_TEST(format_day(programme_end(plan, run)) == "2026-12-13");
  BOOST_TEST(!programme_over(plan, run, d("2026-12-13")));
  BOOST_TEST(programme_over(plan, run, d("2026-12-14")));
  run.ended = d("2026-11-20"); // attune end on Fri of week 3
  BOOST_TEST(format_day(programme_end(plan, run)) == "2026-11-20");
  BOOST_TEST(programme_over(plan, run, d("2026-11-20")));
  BOOST_TEST(!programme_over(plan, run, d("2026-11-19")));
}

BOOST_AUTO_TEST_CASE(check_ins_go_to_the_active_run_else_the_ended_one) {
  History history;
  BOOST_TEST(active_or_ended_run(history) == nullptr); // nothing started
  history.runs.push_back(make_run(start_mon));
  history.newest_run = 1;
  BOOST_TEST(active_or_ended_run(history) == &history.runs.back()); // active
  history.runs.back().ended = d("2026-11-10");
  BOOST_TEST(history.active() == nullptr);
  BOOST_TEST(active_or_ended_run(history) == &history.runs.back()); // ended on 11-10
}

BOOST_AUTO_TEST_CASE(review_is_offered_on_the_last_day_and_after_until_answered) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  BOOST_TEST(!review_offered(plan, run, d("2026-12-12")));
  BOOST_TEST(review_offered(plan, run, d("2026-12-13"))); // the last day
  BOOST_TEST(review_offered(plan, run, d("2026-12-14")));
  BOOST_TEST(review_offered(plan, run, d("2027-03-01")));
  Record r = after_record(run, RecordType::review, "2026-12-14", "00000000000000a1",
                          "2026-12-14T09:00:00Z");
  r.question = "helped";
  r.text = "naming the feeling";
  run.records.push_back(r);
  BOOST_TEST(!review_offered(plan, run, d("2026-12-15")));

  Run early = make_run(start_mon);
  early.ended = d("2026-11-20");
  BOOST_TEST(review_offered(plan, early, d("2026-11-20")));
  BOOST_TEST(!review_open(plan, make_run(start_mon), d("2026-11-20")));
}

BOOST_AUTO_TEST_CASE(review_keeps_the_latest_answer_per_question_in_question_order) {
  Run run = make_run(start_mon);
  const auto answer = [&](const char *id, const char *at, const char *q, const char *text) {
    Record r = after_record(run, RecordType::review, "2026-12-14", id, at);
    r.question = q;
    r.text = text;
    run.records.push_back(r);
  };
  answer("00000000000000a2", "2026-12-14T09:00:00Z", "keep", "Sunday walks");
  answer("00000000000000a1", "2026-12-14T09:00:00Z", "helped", "first");
  answer("00000000000000a3", "2026-12-15T09:00:00Z", "helped", "second");
  const Review review = review_of(run);
  BOOST_REQUIRE(review.answers.size() == 2u);
  BOOST_TEST(int(review.answers[0].question) == int(ReviewQuestion::helped));
  BOOST_TEST(review.answers[0].text == "second");
  BOOST_TEST(review.answers[1].text == "Sunday walks");
}

BOOST_AUTO_TEST_CASE(answers_file_reads_keys_continuations_and_comments) {
  const ReviewTexts t = parse_review_answers(
      "# mine\nhelped: naming it\n  out loud\n\nkeep: Sundays\r\n", "answers.txt");
  BOOST_TEST(t[0] == "naming it\nout loud");
  BOOST_TEST(t[1] == "");
  BOOST_TEST(t[2] == "Sundays");
  try {
    (void)parse_review_answers("helped: a\nhoped: b\n", "answers.txt");
    BOOST_FAIL("an unknown key must be refused");
  } catch (const Error &e) {
    BOOST_TEST(format_location(*e.where()) == "answers.txt:2:1");
    BOOST_TEST(std::string(e.what()).find("\"hoped\"") != std::string::npos);
  }
  BOOST_CHECK_THROW((void)parse_review_answers("keep: a\nkeep: b\n", "f"), Error);
  BOOST_CHECK_THROW((void)parse_review_answers("  before any key\n", "f"), Error);
}

BOOST_AUTO_TEST_CASE(maintenance_is_the_latest_keep_command_until_stopped) {
  Run run = make_run(start_mon);
  BOOST_TEST(!maintenance_of(run).exists);
  keep(run, "2026-12-16", "00000000000000b1", "breathe", 3, "00000000000000b1");
  keep(run, "2026-12-16", "00000000000000b2", "share", 3, "00000000000000b1");
  Maintenance m = maintenance_of(run);
  BOOST_TEST(m.active);
  BOOST_TEST(format_day(m.since) == "2026-12-16");
  BOOST_TEST(m.times_per_week == 3u);
  BOOST_TEST((m.exercises == std::vector<std::string>{"breathe", "share"}));
  run.records.push_back(after_record(run, RecordType::keep_stop, "2027-01-13", "00000000000000b3",
                                     "2027-01-13T09:00:00Z"));
  m = maintenance_of(run);
  BOOST_TEST(m.exists);
  BOOST_TEST(!m.active);
  BOOST_TEST(format_day(*m.stopped) == "2027-01-13");
}

BOOST_AUTO_TEST_CASE(maintenance_weeks_are_seven_days_from_the_keep_day) {
  // Keep on Wed 2026-12-16: week 1 is Wed 12-16 .. Tue 12-22, week 2 from Wed 12-23.
  const Day since = d("2026-12-16");
  BOOST_TEST(maintenance_week(since, d("2026-12-15")).number == 0u);
  const MaintenanceWeek w1 = maintenance_week(since, d("2026-12-22"));
  BOOST_TEST(w1.number == 1u);
  BOOST_TEST(format_day(w1.from) == "2026-12-16");
  BOOST_TEST(format_day(w1.to) == "2026-12-22");
  const MaintenanceWeek w2 = maintenance_week(since, d("2026-12-23"));
  BOOST_TEST(w2.number == 2u);
  BOOST_TEST(format_day(w2.from) == "2026-12-23");
  // Across the year end: week 3 is Wed 12-30 .. Tue 2027-01-05.
  BOOST_TEST(format_day(maintenance_week(since, d("2027-01-05")).to) == "2027-01-05");
}

BOOST_AUTO_TEST_CASE(maintenance_quota_counts_a_maintenance_week_with_count_quota) {
  // 3 a week, keep Wed 12-16: done Wed and Fri; as of Sat 12-19 (open): done 2, to go 1,
  // 4 days available (Sat..Tue), nothing missed; as of Tue 12-22 with nothing more: missed 1.
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  keep(run, "2026-12-16", "00000000000000b1", "breathe", 3, "");
  add(run, RecordType::done, "2026-12-16", "breathe");
  add(run, RecordType::done, "2026-12-18", "breathe");
  const Maintenance m = maintenance_of(run);
  auto items = maintenance_day(plan, m, run, d("2026-12-19"));
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].quota.done == 2u);
  BOOST_TEST(items[0].quota.to_go == 1u);
  BOOST_TEST(items[0].quota.missed == 0u);
  BOOST_TEST(items[0].days_left == 3u);
  BOOST_TEST(int(items[0].state) == int(ExerciseState::open));
  BOOST_TEST(items[0].plan_exercise != nullptr);
  items = maintenance_day(plan, m, run, d("2026-12-22"));
  BOOST_TEST(items[0].quota.missed == 0u); // Tue itself is still open
  items = maintenance_day(plan, m, run, d("2026-12-22"), true);
  BOOST_TEST(items[0].quota.missed == 1u); // the week is over
  add(run, RecordType::skip, "2026-12-22", "breathe");
  items = maintenance_day(plan, m, run, d("2026-12-22"));
  BOOST_TEST(items[0].quota.missed == 0u); // the skip excuses the third
  BOOST_TEST(items[0].quota.excused == 1u);
  // Week 2 starts afresh.
  items = maintenance_day(plan, m, run, d("2026-12-23"));
  BOOST_TEST(items[0].quota.done == 0u);
}

BOOST_AUTO_TEST_CASE(kept_items_apply_from_the_keep_day_until_stopped) {
  // Keep breathe 3 a week on Wed 2026-12-16: nothing on Tue 12-15, breathe on Sat 12-19.
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  keep(run, "2026-12-16", "00000000000000b1", "breathe", 3, "");
  Maintenance m = maintenance_of(run);
  BOOST_TEST(!kept_on(m, d("2026-12-15")));
  BOOST_TEST(kept_on(m, d("2026-12-16")));
  BOOST_TEST(kept_items_on(plan, m, run, d("2026-12-15")).empty());
  const auto items = kept_items_on(plan, m, run, d("2026-12-19"));
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].exercise == "breathe");
  // Stopped on 2027-01-13: no longer kept, on any day.
  run.records.push_back(after_record(run, RecordType::keep_stop, "2027-01-13", "00000000000000b3",
                                     "2027-01-13T09:00:00Z"));
  m = maintenance_of(run);
  BOOST_TEST(!kept_on(m, d("2026-12-19")));
  BOOST_TEST(kept_items_on(plan, m, run, d("2026-12-19")).empty());
}

BOOST_AUTO_TEST_CASE(maintenance_streak_counts_met_weeks) {
  // Weeks met, met, missed, met, current (met) -> current 2, longest 2;
  // met, met, current (not met yet) -> current 2.
  const auto week = [](bool met, bool current) {
    MaintenanceWeekStats w;
    w.current = current;
    MaintenanceItem i;
    i.quota = count_quota(3, met ? 3 : 1, 0, current ? 3 : 0);
    w.items.push_back(i);
    return w;
  };
  Streak s = maintenance_streak({week(true, false), week(true, false), week(false, false),
                                 week(true, false), week(true, true)});
  BOOST_TEST(s.current == 2u);
  BOOST_TEST(s.longest == 2u);
  s = maintenance_streak({week(true, false), week(true, false), week(false, true)});
  BOOST_TEST(s.current == 2u);
}

BOOST_AUTO_TEST_CASE(maintenance_weeks_through_today_say_which_were_kept) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  keep(run, "2026-12-16", "00000000000000b1", "breathe", 2, "");
  add(run, RecordType::done, "2026-12-16", "breathe");
  add(run, RecordType::done, "2026-12-17", "breathe"); // week 1 met
  add(run, RecordType::done, "2026-12-24", "breathe"); // week 2: 1 of 2 -> missed 1
  const auto weeks = maintenance_weeks(plan, maintenance_of(run), run, d("2027-01-01"));
  BOOST_REQUIRE(weeks.size() == 3u); // 12-16, 12-23, 12-30 (current)
  BOOST_TEST(weeks[0].kept);
  BOOST_TEST(!weeks[1].kept);
  BOOST_TEST(weeks[2].current);
  BOOST_TEST(weeks[2].kept); // nothing missed yet
  BOOST_TEST(maintenance_streak(weeks).current == 0u);
  BOOST_TEST(maintenance_streak(weeks).longest == 1u);
}

BOOST_AUTO_TEST_CASE(followups_fall_due_4_and_12_weeks_after_the_end) {
  // Last day Sun 12-13: 4 weeks -> Sun 2027-01-10, 12 weeks -> Sun 2027-03-07.
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  BOOST_TEST(format_day(followup_due_day(plan, run, 4)) == "2027-01-10");
  BOOST_TEST(format_day(followup_due_day(plan, run, 12)) == "2027-03-07");
  BOOST_TEST(!followup_due(plan, run, d("2027-01-09")));
  BOOST_TEST(*followup_due(plan, run, d("2027-01-10")) == 4u);
  BOOST_TEST(*followup_due(plan, run, d("2027-02-20")) == 4u);  // until taken
  BOOST_TEST(*followup_due(plan, run, d("2027-03-07")) == 12u); // the later one replaces it
  add_check(run, "2027-01-11", plan.weeks, {3, 3});
  run.records.back().followup = 4;
  BOOST_TEST(!followup_due(plan, run, d("2027-01-11")));
  BOOST_TEST(!followup_due(plan, run, d("2027-03-06")));
  BOOST_TEST(*followup_due(plan, run, d("2027-03-07")) == 12u);
  add_check(run, "2027-03-08", plan.weeks, {4, 2});
  run.records.back().followup = 12;
  BOOST_TEST(!followup_due(plan, run, d("2027-06-01")));

  const auto points = followup_points(plan, run);
  BOOST_REQUIRE(points.size() == 2u);
  BOOST_TEST(points[0].weeks == 4u);
  BOOST_TEST(format_day(points[0].due) == "2027-01-10");
  BOOST_TEST(format_day(points[1].score.day) == "2027-03-08");
  // An early end moves them: ended Fri 11-20 -> due Fri 12-18.
  Run early = make_run(start_mon);
  early.ended = d("2026-11-20");
  BOOST_TEST(format_day(followup_due_day(plan, early, 4)) == "2026-12-18");
}

BOOST_AUTO_TEST_CASE(followup_checks_stay_out_of_the_programme_trend) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  add_check(run, "2026-12-13", 6, {2, 4});
  add_check(run, "2027-01-10", 6, {5, 1});
  run.records.back().followup = 4;
  const Progress p = compute_progress(plan, run, d("2027-01-10"));
  BOOST_REQUIRE(p.self_check.scores.size() == 1u);
  BOOST_TEST(format_day(p.self_check.scores[0].day) == "2026-12-13");
  BOOST_TEST(format_day(previous_self_check(plan.self_check, run, 7)->day) == "2026-12-13");
}

BOOST_AUTO_TEST_CASE(new_records_round_trip_through_the_journal_line) {
  Record r;
  r.id = "00000000000000c1";
  r.type = RecordType::review;
  r.day = d("2026-12-14");
  r.recorded = *parse_instant("2026-12-14T09:00:00Z");
  r.zone = "UTC";
  r.run = 1;
  r.question = "signs";
  r.text = "I stop answering\tmessages";
  Record k = r;
  k.id = "00000000000000c2";
  k.type = RecordType::keep;
  k.question.clear();
  k.text.clear();
  k.exercise = "breathe";
  k.times = 3;
  Record s = k;
  s.id = "00000000000000c3";
  s.type = RecordType::keep_stop;
  s.exercise.clear();
  s.times = 0;
  Record c = s;
  c.id = "00000000000000c4";
  c.type = RecordType::check;
  c.week = 6;
  c.answers = {3, 4};
  c.followup = 12;
  Record e = s;
  e.id = "00000000000000c5";
  e.type = RecordType::end;
  e.text = "too much right now";
  const std::string text = journal_header() + format_record(r) + format_record(k) +
                           format_record(s) + format_record(c) + format_record(e);
  const Journal j = parse_journal(text);
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 5u);
  BOOST_TEST(j.records[0].question == "signs");
  BOOST_TEST(j.records[0].text == "I stop answering\tmessages");
  BOOST_TEST(j.records[1].times == 3u);
  BOOST_TEST(to_string(j.records[2].type) == "keep_stop");
  BOOST_TEST(j.records[3].followup == 12u);
  BOOST_TEST(j.records[4].text == "too much right now");
  BOOST_TEST(is_withdrawable(RecordType::review));
  BOOST_TEST(is_withdrawable(RecordType::keep));
  BOOST_TEST(is_withdrawable(RecordType::keep_stop));
  // A bad question, times or followup is not a record.
  const Journal bad = parse_journal(journal_header() + format_record([&] {
                                      Record x = k;
                                      x.times = 9;
                                      return x;
                                    }()));
  BOOST_TEST(bad.records.empty());
}

BOOST_AUTO_TEST_CASE(forget_erases_review_answers_and_end_reasons) {
  Journal j;
  Record review;
  review.id = "00000000000000d1";
  review.type = RecordType::review;
  review.question = "signs";
  review.text = "I go quiet";
  Record keep_rec = review;
  keep_rec.id = "00000000000000d2";
  keep_rec.type = RecordType::keep;
  keep_rec.text.clear();
  keep_rec.exercise = "breathe";
  keep_rec.times = 3;
  Record end = review;
  end.id = "00000000000000d3";
  end.type = RecordType::end;
  end.text = "too much";
  j.records = {review, keep_rec, end};
  ForgetTarget all;
  all.by = ForgetTarget::By::all_notes;
  BOOST_TEST((texts_to_forget(j, all) == std::vector<std::string>{review.id, end.id}));
  const auto shared = without_notes(j.records);
  BOOST_REQUIRE(shared.size() == 2u); // the review is left out, the end keeps no reason
  BOOST_TEST(int(shared[0].type) == int(RecordType::keep));
  BOOST_TEST(shared[1].text.empty());
}

BOOST_AUTO_TEST_SUITE_END()
