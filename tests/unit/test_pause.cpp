#include <boost/test/unit_test.hpp>

#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/forget.hpp"
#include "attune/pause.hpp"
#include "attune/progress.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

void add_pause(Run &run, const char *from, const char *until = nullptr, const char *reason = "") {
  Record r;
  r.type = RecordType::pause;
  r.day = d(from);
  if (until != nullptr)
    r.until = d(until);
  r.text = reason;
  r.run = run.number;
  r.id = "p" + std::to_string(run.records.size());
  run.records.push_back(r);
  run.pauses = pauses_of(run.records);
}

void add_resume(Run &run, const char *day) {
  Record r;
  r.type = RecordType::resume;
  r.day = d(day);
  r.run = run.number;
  run.records.push_back(r);
  run.pauses = pauses_of(run.records);
}

Plan daily_plan(unsigned weeks = 6) {
  std::vector<std::vector<Exercise>> w(weeks, std::vector<Exercise>{daily("a")});
  return make_plan(w);
}

std::string refusal(const Plan &plan, const Run &run, Day today, PauseRequest req) {
  try {
    (void)decide_pause(plan, run, today, req);
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(pause_and_return)

BOOST_AUTO_TEST_CASE(pauses_of_closes_an_open_pause_the_day_before_the_resume) {
  Run run = make_run(start_mon);
  add_pause(run, "2026-11-10");
  add_resume(run, "2026-11-15");
  add_pause(run, "2026-11-20", nullptr, "ill");
  BOOST_REQUIRE(run.pauses.size() == 2u);
  BOOST_TEST(format_day(*run.pauses[0].until) == "2026-11-14");
  BOOST_TEST(!run.pauses[1].until);
  BOOST_TEST(run.pauses[1].reason == "ill");
  add_resume(run, "2026-11-20"); // back on its first day: nothing was paused
  BOOST_TEST(run.pauses.size() == 1u);
  // Back early from a planned pause: the resume shortens it.
  Run early = make_run(start_mon);
  add_pause(early, "2026-11-10", "2026-11-20");
  add_resume(early, "2026-11-13");
  BOOST_TEST(format_day(*early.pauses[0].until) == "2026-11-12");
}

// Start Mon 2026-11-23, paused Sat 11-28 .. Thu 12-03 (6 days, across the month end): Fri
// 11-27 is day 5, Fri 12-04 day 6, week 1 ends Sat 12-05 instead of Sun 11-29, week 2 begins
// Sun 12-06, and the last day moves 6 days later (2027-01-03 -> 2027-01-09).
BOOST_AUTO_TEST_CASE(pause_moves_the_weeks_later_across_a_month_end) {
  const Plan plan = daily_plan();
  Run run = make_run(d("2026-11-23"));
  const Position before = position(plan, run, d("2026-11-23"));
  BOOST_TEST(format_day(before.last) == "2027-01-03");
  add_pause(run, "2026-11-28", "2026-12-03");
  BOOST_TEST(position(plan, run, d("2026-11-27")).day == 5u);
  const Position paused = position(plan, run, d("2026-12-01"));
  BOOST_TEST(int(paused.phase) == int(Phase::paused));
  BOOST_TEST(paused.week == 1u);
  BOOST_TEST(paused.day == 6u); // the day it goes on with
  BOOST_TEST(format_day(paused.pause_from) == "2026-11-28");
  BOOST_TEST(format_day(*paused.pause_until) == "2026-12-03");
  const Position back = position(plan, run, d("2026-12-04"));
  BOOST_TEST(int(back.phase) == int(Phase::active));
  BOOST_TEST(back.day == 6u);
  BOOST_TEST(back.week == 1u);
  BOOST_TEST(position(plan, run, d("2026-12-05")).week == 1u);
  BOOST_TEST(position(plan, run, d("2026-12-05")).day == 7u);
  BOOST_TEST(position(plan, run, d("2026-12-06")).week == 2u);
  BOOST_TEST(position(plan, run, d("2026-12-06")).day == 8u);
  BOOST_TEST(format_day(back.last) == "2027-01-09");
  BOOST_TEST(int(position(plan, run, d("2027-01-09")).phase) == int(Phase::active));
  BOOST_TEST(int(position(plan, run, d("2027-01-10")).phase) == int(Phase::finished));
}

// Days are plain local dates: a pause across Europe/Berlin's change to winter time (Sun
// 2026-10-25, a 25-hour day) is counted in days like any other. Start Mon 10-19, paused Fri
// 10-23 .. Tue 10-27 (5 days): day 4 is Thu 10-22, day 5 Wed 10-28, week 2 begins Sat 10-31
// (not Mon 10-26), and the last day moves from 11-29 to 12-04.
BOOST_AUTO_TEST_CASE(pause_across_a_dst_change_counts_whole_days) {
  const Plan plan = daily_plan();
  Run run = make_run(d("2026-10-19"));
  add_pause(run, "2026-10-23", "2026-10-27");
  BOOST_TEST(position(plan, run, d("2026-10-22")).day == 4u);
  BOOST_TEST(int(position(plan, run, d("2026-10-25")).phase) == int(Phase::paused));
  BOOST_TEST(position(plan, run, d("2026-10-28")).day == 5u);
  BOOST_TEST(position(plan, run, d("2026-10-30")).day == 7u);
  BOOST_TEST(position(plan, run, d("2026-10-31")).week == 2u);
  BOOST_TEST(format_day(position(plan, run, d("2026-10-31")).last) == "2026-12-04");
}

BOOST_AUTO_TEST_CASE(an_open_pause_counts_through_the_day_asked_about) {
  const Plan plan = daily_plan();
  Run run = make_run(start_mon); // last day 2026-12-13 without a pause
  add_pause(run, "2026-11-10");
  BOOST_TEST(format_day(position(plan, run, d("2026-11-09")).last) == "2026-12-13");
  const Position p = position(plan, run, d("2026-11-12"));
  BOOST_TEST(int(p.phase) == int(Phase::paused));
  BOOST_TEST(!p.pause_until);
  BOOST_TEST(format_day(p.last) == "2026-12-16"); // as if back tomorrow
}

BOOST_AUTO_TEST_CASE(paused_days_are_neither_planned_nor_missed) {
  const Plan plan = daily_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-03", "a");
  add_pause(run, "2026-11-04", "2026-11-08");
  add(run, RecordType::done, "2026-11-09", "a");
  const Progress p = compute_progress(plan, run, d("2026-11-10"));
  // Mon, Tue, Mon done; today Tue 11-10 open: 3 of 3, the streak goes across the pause.
  BOOST_TEST(p.total.done == 3u);
  BOOST_TEST(p.total.planned == 3u);
  BOOST_TEST(p.streak.current == 3u);
  BOOST_TEST(format_day(p.weeks[0].from) == "2026-11-02");
  BOOST_TEST(format_day(p.weeks[0].to) == "2026-11-13");
  for (const DayCell &c : p.days)
    BOOST_TEST(!(c.day >= d("2026-11-04") && c.day <= d("2026-11-08")));
  // Without the pause, the same days are three missed: the streak breaks.
  Run plain = make_run(start_mon);
  plain.records = run.records;
  plain.records.erase(plain.records.begin() + 2);
  BOOST_TEST(compute_progress(plan, plain, d("2026-11-10")).streak.current == 1u);
}

BOOST_AUTO_TEST_CASE(strength_does_not_decay_across_a_pause) {
  const Plan plan = daily_plan();
  Run run = make_run(start_mon);
  for (const char *day : {"2026-11-02", "2026-11-03", "2026-11-04"})
    add(run, RecordType::done, day, "a");
  const double before = compute_progress(plan, run, d("2026-11-05")).exercises[0].strength;
  add_pause(run, "2026-11-05", "2026-11-18");
  const double after = compute_progress(plan, run, d("2026-11-19")).exercises[0].strength;
  BOOST_TEST(after == before); // two weeks away, and the habit is where it was
  Run away = make_run(start_mon);
  away.records.assign(run.records.begin(), run.records.begin() + 3);
  BOOST_TEST(compute_progress(plan, away, d("2026-11-19")).exercises[0].strength < before);
}

BOOST_AUTO_TEST_CASE(day_view_and_checkin_see_the_moved_week) {
  const Plan plan = make_plan({{daily("a")}, {daily("b")}});
  Run run = make_run(start_mon);
  add_pause(run, "2026-11-04", "2026-11-06");
  // Without the pause, Mon 11-09 is week 2; with it, week 1 day 5.
  const DayView v = day_view(plan, run, d("2026-11-09"));
  BOOST_TEST(v.pos.week == 1u);
  BOOST_REQUIRE(v.items.size() == 1u);
  BOOST_TEST(v.items[0].exercise->id == "a");
  BOOST_TEST(v.items[0].days_left == 2u);
  BOOST_TEST(day_view(plan, run, d("2026-11-05")).items.empty());
}

BOOST_AUTO_TEST_CASE(a_pause_never_overlaps_a_checkin) {
  const Plan plan = daily_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-05", "a");
  const Day today = d("2026-11-12");
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-06"), d("2026-11-10"), ""}).empty());
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-04"), d("2026-11-06"), ""}) ==
             "2026-11-05 has a check-in, so it cannot be part of a pause");
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-05"), std::nullopt, ""}) ==
             "2026-11-05 has a check-in, so it cannot be part of a pause");
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-10"), d("2026-11-09"), ""}) ==
             "the pause would end (2026-11-09) before it begins (2026-11-10)");
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-01"), d("2026-11-03"), ""}) ==
             "the programme began on 2026-11-02, after 2026-11-01");
  add_pause(run, "2026-11-08", "2026-11-10");
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-10"), d("2026-11-11"), ""}) ==
             "there is a pause already from 2026-11-08 until 2026-11-10");
  add_pause(run, "2026-11-12");
  BOOST_TEST(refusal(plan, run, today, {d("2026-11-20"), d("2026-11-21"), ""}) ==
             "a pause is already open, since 2026-11-12");
}

BOOST_AUTO_TEST_CASE(resume_needs_a_pause_that_holds_today) {
  Run run = make_run(start_mon);
  BOOST_CHECK_THROW(decide_resume(run, d("2026-11-05")), Error);
  add_pause(run, "2026-11-04");
  BOOST_TEST(format_day(decide_resume(run, d("2026-11-07"))) == "2026-11-07");
  Run later = make_run(start_mon);
  add_pause(later, "2026-11-20");
  BOOST_CHECK_THROW(decide_resume(later, d("2026-11-07")), Error);
}

// Start Mon 2026-11-02, all daily, done Tue 11-03: on Sat 11-07 Wed, Thu and Fri were quiet.
BOOST_AUTO_TEST_CASE(welcome_back_after_three_quiet_scheduled_days) {
  const Plan plan = daily_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-03", "a");
  const Away fri = away(plan, run, d("2026-11-06"));
  BOOST_TEST(fri.away_days == 2u);
  BOOST_TEST(!fri.welcome);
  BOOST_TEST(welcome_back_line(fri).empty());
  const Away sat = away(plan, run, d("2026-11-07"));
  BOOST_TEST(sat.away_days == 3u);
  BOOST_TEST(sat.since_days == 4u);
  BOOST_TEST(sat.welcome);
  BOOST_TEST(welcome_back_line(sat) ==
             "Welcome back: your last check-in was 4 days ago. If you were away, 'attune pause "
             "--from 2026-11-04 --until 2026-11-06' counts that time as a pause; or simply "
             "carry on from today.");
  // Counted as a pause, the gap is no longer quiet.
  add_pause(run, "2026-11-04", "2026-11-06");
  BOOST_TEST(!away(plan, run, d("2026-11-07")).welcome);
  // Days with nothing scheduled are not counted: b on Mondays only.
  const Plan mondays = make_plan({{on_days("b", {1})}, {on_days("b", {1})}});
  Run run2 = make_run(start_mon);
  add(run2, RecordType::done, "2026-11-02", "b");
  BOOST_TEST(away(mondays, run2, d("2026-11-08")).away_days == 0u);
}

BOOST_AUTO_TEST_CASE(paused_line_names_the_return_day) {
  BOOST_TEST(paused_line(d("2026-11-10"), d("2026-11-14")) ==
             "You are pausing until 2026-11-14 and back on 2026-11-15. Rest well: nothing is "
             "due, and your weeks wait for you.");
  BOOST_TEST(paused_line(d("2026-11-10"), std::nullopt) ==
             "You are pausing since 2026-11-10. Nothing is due; 'attune resume' when you are "
             "ready to come back.");
}

namespace {

Record pause_record(const char *id, const char *day, const char *until, const char *reason) {
  Record r;
  r.id = id;
  r.type = RecordType::pause;
  r.day = d(day);
  if (until != nullptr)
    r.until = d(until);
  r.text = reason;
  r.recorded = Instant{} + std::chrono::seconds(1794268800); // 2026-11-10T00:00:00Z
  r.zone = "Europe/Berlin";
  r.run = 1;
  return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(pause_and_resume_records_round_trip_through_the_journal) {
  const Record p = pause_record("00000000000000a1", "2026-11-04", "2026-11-08", "flu\tand rest");
  const std::string line = format_record(p);
  BOOST_TEST(line.find("\tpause\t2026-11-04\t") != std::string::npos);
  BOOST_TEST(line.find("\tuntil=2026-11-08\treason=flu\\tand rest\t~") != std::string::npos);
  Record back = p;
  back.id = "00000000000000a2";
  back.type = RecordType::resume;
  back.until.reset();
  back.text.clear();
  const Journal j = parse_journal(journal_header() + line + format_record(back));
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 2u);
  BOOST_TEST(format_day(*j.records[0].until) == "2026-11-08");
  BOOST_TEST(j.records[0].text == "flu\tand rest");
  BOOST_TEST(int(j.records[1].type) == int(RecordType::resume));
  BOOST_TEST(format_record(j.records[0]) == line);
  // A pause that ends before it begins is a line that cannot be read.
  const Record bad = pause_record("00000000000000a3", "2026-11-04", "2026-11-03", "");
  const Journal jb = parse_journal(journal_header() + format_record(bad));
  BOOST_REQUIRE(jb.problems.size() == 1u);
  BOOST_TEST(jb.problems[0].message.find("a pause that ends before it begins") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(undo_withdraws_a_pause_and_build_history_sets_the_pauses) {
  Record start;
  start.id = "00000000000000b0";
  start.type = RecordType::start;
  start.day = d("2026-11-02");
  start.zone = "UTC";
  start.run = 1;
  start.plan_id = "test";
  start.plan_hash = "ab";
  const Record p = pause_record("00000000000000b1", "2026-11-04", "2026-11-08", "");
  BOOST_TEST(is_withdrawable(RecordType::pause));
  BOOST_TEST(is_withdrawable(RecordType::resume));
  std::string text = journal_header() + format_record(start) + format_record(p);
  BOOST_TEST(build_history(parse_journal(text)).runs[0].pauses.size() == 1u);
  Record u = start;
  u.id = "00000000000000b2";
  u.type = RecordType::undo;
  u.ref = p.id;
  text += format_record(u);
  BOOST_TEST(build_history(parse_journal(text)).runs[0].pauses.empty());
}

BOOST_AUTO_TEST_CASE(export_and_import_carry_until_and_reason) {
  const std::vector<Record> records = {
      pause_record("00000000000000c1", "2026-11-04", "2026-11-08", "flu"),
      pause_record("00000000000000c2", "2026-11-25", nullptr, "")};
  for (const std::string &text : {export_json(records, {}), export_csv(records)}) {
    const ImportData data = read_exchange(text, "x");
    BOOST_REQUIRE(data.records.size() == 2u);
    BOOST_TEST(format_record(data.records[0].record) == format_record(records[0]));
    BOOST_TEST(format_record(data.records[1].record) == format_record(records[1]));
  }
  // The reason in its own column (before this version: in text), after until.
  BOOST_TEST(export_csv(records).find(",2026-11-08,flu,\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(forget_erases_a_pause_reason) {
  const Record p = pause_record("00000000000000d1", "2026-11-04", "2026-11-08", "flu");
  const std::string text = journal_header() + format_record(p);
  const Journal j = parse_journal(text);
  ForgetTarget all;
  const auto ids = texts_to_forget(j, all);
  BOOST_REQUIRE(ids.size() == 1u);
  const ErasedJournal erased = erase_texts(text, {ids.begin(), ids.end()}, {});
  BOOST_TEST(erased.text.find("flu") == std::string::npos);
  BOOST_TEST(erased.text.find("until=2026-11-08") != std::string::npos);
  BOOST_TEST(without_notes({p})[0].text.empty());
}

BOOST_AUTO_TEST_SUITE_END()
