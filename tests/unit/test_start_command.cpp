// attune start as a core command (start_command.hpp), with fixed dates.
#include <boost/test/unit_test.hpp>

#include <memory>

#include "attune/error.hpp"
#include "attune/start_command.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

RecordStamp start_stamp() {
  return counting_stamp("r", "2026-11-04T08:00:00Z", "UTC");
}

/// A run numbered `number`, written with `claim`, from `start`.
Run run_of(unsigned number, unsigned claim, const char *start) {
  Run r = make_run(d(start));
  r.number = number;
  r.claim = claim;
  return r;
}

/// The plan a start begins: six weeks, id "avoidant", hash "abcd1234".
Plan new_plan() {
  Plan p = six_week_plan();
  p.hash = "abcd1234";
  return p;
}

std::string start_error(const History &history, const Plan &running, Day today) {
  return error_text([&] {
    decide_start(history, &running, new_plan(), today, {today, false}, start_stamp());
  });
}

} // namespace

BOOST_AUTO_TEST_SUITE(start_command)

// A six-week plan, today Wed 2026-11-04: --on may go back 41 days, to Thu 2026-09-24.
BOOST_AUTO_TEST_CASE(the_start_day_is_today_or_on_not_in_the_future_nor_already_over) {
  const Plan plan = six_week_plan();
  const Day wed = d("2026-11-04");
  BOOST_TEST(format_day(start_day(std::nullopt, plan, wed)) == "2026-11-04");
  BOOST_TEST(format_day(start_day(std::string("monday"), plan, wed)) == "2026-11-02");
  BOOST_TEST(format_day(start_day(std::string("-2"), plan, wed)) == "2026-11-02");
  BOOST_TEST(format_day(start_day(std::string("2026-09-24"), plan, wed)) == "2026-09-24");
  BOOST_TEST(error_text([&] { start_day(std::string("2026-09-23"), plan, wed); }) ==
             "2026-09-23 is too long ago | a programme started then would already be over");
  BOOST_TEST(error_text([&] { start_day(std::string("-42"), plan, wed); }) ==
             "\"-42\" (2026-09-23) is too long ago | a programme started then would already be "
             "over");
  BOOST_TEST(error_text([&] { start_day(std::string("2026-11-05"), plan, wed); }) ==
             "2026-11-05 is in the future | start today, or on an earlier day to count days "
             "already practised");
  BOOST_TEST(error_text([&] { start_day(std::string("soon"), plan, wed); }) ==
             "\"soon\" is not a date I can read | use YYYY-MM-DD, today, yesterday, -N (N days "
             "ago) or a weekday name");
  Plan one_week = plan;
  one_week.weeks = 1; // back 6 days at most
  BOOST_TEST(format_day(start_day(std::string("2026-10-29"), one_week, wed)) == "2026-10-29");
  BOOST_TEST(error_text([&] {
               start_day(std::string("2026-10-28"), one_week, wed);
             }).find("is too long ago") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_new_programme_comes_after_every_number_shown_or_written) {
  History none;
  BOOST_TEST(start_numbers(none).claim == 1u);
  BOOST_TEST(start_numbers(none).shown == 1u);

  History two;
  two.runs = {run_of(1, 1, "2026-09-07"), run_of(2, 2, "2026-10-19")};
  two.newest_run = 2;
  BOOST_TEST(start_numbers(two).claim == 3u);
  BOOST_TEST(start_numbers(two).shown == 3u);

  // Only the newest programme read (journal.index): newest_run still says 4 is in use.
  History newest;
  newest.runs = {run_of(4, 4, "2026-10-19")};
  newest.newest_run = 4;
  BOOST_TEST(start_numbers(newest).claim == 5u);
  BOOST_TEST(start_numbers(newest).shown == 5u);

  // Two starts claimed 1 (journals joined): shown as 1 and 2 by start, both written as 1.
  // The new one is written past both numbers, as 3, and shown after both, as 3.
  History clashed;
  clashed.runs = {run_of(1, 1, "2026-09-07"), run_of(2, 1, "2026-10-19")};
  clashed.newest_run = 1;
  BOOST_TEST(start_numbers(clashed).claim == 3u);
  BOOST_TEST(start_numbers(clashed).shown == 3u);
  // Two starts both claimed 5: the new one is written as 6 and shown as 3.
  History high_claims;
  high_claims.runs = {run_of(1, 5, "2026-09-07"), run_of(2, 5, "2026-10-19")};
  high_claims.newest_run = 5;
  BOOST_TEST(start_numbers(high_claims).claim == 6u);
  BOOST_TEST(start_numbers(high_claims).shown == 3u);
}

BOOST_AUTO_TEST_CASE(the_first_start_writes_one_start_record) {
  const History none;
  const Day wed = d("2026-11-04");
  const StartDecision decision =
      decide_start(none, nullptr, new_plan(), wed, {d("2026-11-02"), false}, start_stamp());
  BOOST_TEST_REQUIRE(decision.records.size() == 1u);
  const Record &r = decision.records[0];
  BOOST_TEST(r.id == "r1");
  BOOST_TEST(int(r.type) == int(RecordType::start));
  BOOST_TEST(format_day(r.day) == "2026-11-02");
  BOOST_TEST(format_instant(r.recorded) == "2026-11-04T08:00:00Z");
  BOOST_TEST(r.zone == "UTC");
  BOOST_TEST(r.run == 1u);
  BOOST_TEST(r.plan_id == "avoidant");
  BOOST_TEST(r.plan_hash == "abcd1234");
  BOOST_TEST(decision.numbers.claim == 1u);
  BOOST_TEST(decision.numbers.shown == 1u);
  BOOST_TEST(format_day(decision.start) == "2026-11-02");
  BOOST_TEST(decision.ended.empty());
}

// Programme 1 from Mon 2026-11-02 (six weeks, last day Sun 12-13).
BOOST_AUTO_TEST_CASE(a_start_is_refused_kindly_while_a_programme_runs) {
  const Plan running = six_week_plan();
  History history;
  history.runs = {run_of(1, 1, "2026-11-02")};
  history.newest_run = 1;
  const std::string hint =
      " | to end it and begin again, use 'attune start --restart' (your history is kept)";
  BOOST_TEST(start_error(history, running, d("2026-11-04")) ==
             "programme 1 is still running (Week 1 · Day 3 of 42)" + hint);
  BOOST_TEST(start_error(history, running, d("2026-11-01")) ==
             "programme 1 is still running (starting 2026-11-02)" + hint);
  BOOST_TEST(start_error(history, running, d("2026-12-13")) ==
             "programme 1 is still running (Week 6 · Day 42 of 42)" + hint);
  // Over after its last day: a new one starts without --restart and nothing is ended.
  const StartDecision after = decide_start(history, &running, new_plan(), d("2026-12-14"),
                                           {d("2026-12-14"), false}, start_stamp());
  BOOST_TEST_REQUIRE(after.records.size() == 1u);
  BOOST_TEST(after.records[0].run == 2u);
  BOOST_TEST(after.ended.empty());
  // Ended with `attune end`: nothing is active.
  history.runs[0].ended = d("2026-11-03");
  BOOST_TEST(decide_start(history, nullptr, new_plan(), d("2026-11-04"), {d("2026-11-04"), false},
                          start_stamp())
                 .records.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_restart_ends_the_running_programme_on_today_then_starts) {
  const Plan running = six_week_plan();
  History history;
  history.runs = {run_of(1, 1, "2026-09-07"), run_of(2, 1, "2026-10-19")}; // clashed
  history.newest_run = 2;
  const Day fri = d("2026-11-20");
  const StartDecision decision =
      decide_start(history, &running, new_plan(), fri, {fri, true}, start_stamp());
  BOOST_TEST_REQUIRE(decision.records.size() == 2u);
  const Record &end = decision.records[0];
  BOOST_TEST(end.id == "r1");
  BOOST_TEST(int(end.type) == int(RecordType::end));
  BOOST_TEST(format_day(end.day) == "2026-11-20");
  BOOST_TEST(end.run == 1u); // programme 2's claim
  BOOST_TEST(end.plan_id.empty());
  const Record &start = decision.records[1];
  BOOST_TEST(start.id == "r2");
  BOOST_TEST(int(start.type) == int(RecordType::start));
  BOOST_TEST(start.run == 3u);
  BOOST_TEST(decision.numbers.shown == 3u);
  BOOST_TEST(decision.ended ==
             "programme 2 (Toward secure, 2026-10-19 to 2026-11-20); it stays in your history "
             "('attune report --run 2')");
  BOOST_TEST(ended_programme(running, history.runs[0], fri) ==
             "programme 1 (Toward secure, 2026-09-07 to 2026-11-20); it stays in your history "
             "('attune report --run 1')");
}

BOOST_AUTO_TEST_CASE(the_confirmation_names_the_programme_its_weeks_and_today) {
  Plan plan = new_plan();
  StartDecision decision;
  decision.numbers = {2, 2};
  decision.start = d("2026-11-02");
  BOOST_TEST(render_started(plan, decision, d("2026-11-04"), 400) ==
             "Programme 2 started: Toward secure.\n"
             "6 weeks from 2026-11-02 to 2026-12-13; today is Week 1 · Day 3 of 42.\n");
  decision.ended = "programme 1 (Toward secure, 2026-10-19 to 2026-11-04); it stays in your "
                   "history ('attune report --run 1')";
  plan.notice = "Go gently.";
  BOOST_TEST(render_started(plan, decision, d("2026-11-04"), 40) ==
             "Ended programme 1 (Toward secure,\n"
             "2026-10-19 to 2026-11-04); it stays in\n"
             "your history ('attune report --run 1').\n"
             "Programme 2 started: Toward secure.\n"
             "6 weeks from 2026-11-02 to 2026-12-13;\n"
             "today is Week 1 · Day 3 of 42.\n"
             "Go gently.\n");
}

BOOST_AUTO_TEST_SUITE_END()
