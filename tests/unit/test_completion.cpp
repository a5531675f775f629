#include <boost/test/unit_test.hpp>

#include <sstream>

#include "attune/completion.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

std::string words_of(const CompletionCandidates &candidates) {
  std::ostringstream out;
  for (const CompletionCandidate &c : candidates)
    out << c.word << '=' << c.description << ';';
  return out.str();
}

Exercise when_it_arises(const std::string &id) {
  Exercise e = daily(id);
  e.schedule.kind = ScheduleKind::when_it_arises;
  e.cue = "whenever you want to leave a conversation";
  return e;
}

/// A keep command on `day` keeping `exercise` (one record of command `cmd`).
void kept(Run &run, const char *day, const char *exercise) {
  Record r;
  r.id = "00000000000000c1";
  r.cmd = r.id;
  r.type = RecordType::keep;
  r.day = d(day);
  r.recorded = *parse_instant("2026-12-16T09:00:00Z");
  r.run = run.number;
  r.exercise = exercise;
  r.times = 3;
  run.records.push_back(r);
}

/// A recording command: one done record of `exercise` on `day`, recorded at `at`.
void recorded_done(Run &run, const std::string &id, const char *day, const std::string &at,
                   const char *exercise) {
  Record r;
  r.id = id;
  r.cmd = id;
  r.type = RecordType::done;
  r.day = d(day);
  r.recorded = *parse_instant(at);
  r.run = run.number;
  r.exercise = exercise;
  run.records.push_back(r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(completion)

// six_week_plan: weeks 1-3 breathe daily and share on Mondays, weeks 4-6 reach-out daily and
// share; the programme starts Mon 2026-11-02 and its last day is Sun 2026-12-13.

BOOST_AUTO_TEST_CASE(every_exercise_of_the_plan_once_in_plan_order_with_its_title) {
  BOOST_TEST(words_of(exercise_candidates(six_week_plan())) ==
             "breathe=Exercise breathe;share=Exercise share;reach-out=Exercise reach-out;");
}

BOOST_AUTO_TEST_CASE(checkin_offers_the_current_programme_week_only) {
  const Plan plan = six_week_plan();
  const Run run = make_run(start_mon);
  // Wed 2026-11-04 is in week 1; Mon 2026-11-23 in week 4.
  BOOST_TEST(words_of(checkin_candidates(plan, run, d("2026-11-04"))) ==
             "breathe=Exercise breathe;share=Exercise share;");
  BOOST_TEST(words_of(checkin_candidates(plan, run, d("2026-11-23"))) ==
             "reach-out=Exercise reach-out;share=Exercise share;");
}

BOOST_AUTO_TEST_CASE(not_arisen_offers_only_the_when_it_arises_exercises) {
  const Plan plan = make_plan({{daily("a"), when_it_arises("b")}});
  const Run run = make_run(start_mon);
  BOOST_TEST(words_of(checkin_candidates(plan, run, d("2026-11-03"))) ==
             "a=Exercise a;b=Exercise b;");
  BOOST_TEST(words_of(checkin_candidates(plan, run, d("2026-11-03"), true)) == "b=Exercise b;");
}

BOOST_AUTO_TEST_CASE(after_the_end_checkin_offers_the_kept_practice_or_nothing) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  BOOST_TEST(checkin_candidates(plan, run, d("2026-12-16")).empty()); // over, nothing kept
  kept(run, "2026-12-16", "share");
  BOOST_TEST(words_of(checkin_candidates(plan, run, d("2026-12-16"))) == "share=kept;");
  // On the last day the programme week still counts.
  BOOST_TEST(words_of(checkin_candidates(plan, run, d("2026-12-13"))) ==
             "reach-out=Exercise reach-out;share=Exercise share;");
}

BOOST_AUTO_TEST_CASE(runs_are_offered_by_number_with_their_plan) {
  History history;
  history.runs.push_back(make_run(start_mon));
  history.runs.push_back(make_run(d("2027-01-04")));
  history.runs[1].number = 2;
  history.runs[1].plan_id = "anxious";
  BOOST_TEST(words_of(run_candidates(history)) == "1=test;2=anxious;");
}

BOOST_AUTO_TEST_CASE(undo_offers_the_last_commands_newest_first_up_to_the_limit) {
  Run run = make_run(start_mon);
  // Twelve check-ins, one a day at 09:00 from Mon 2026-11-02; ids a010000000000000 ...
  for (int i = 1; i <= 12; ++i) {
    std::ostringstream id, at, day;
    id << 'a' << (i < 10 ? "0" : "") << i << "0000000000000";
    day << "2026-11-" << (i + 1 < 10 ? "0" : "") << i + 1;
    at << day.str() << "T09:00:00Z";
    const std::string day_text = day.str();
    recorded_done(run, id.str(), day_text.c_str(), at.str(), "breathe");
  }
  const CompletionCandidates got = undo_candidates(run, 10);
  BOOST_REQUIRE(got.size() == 10U);
  BOOST_TEST(got.front().word == "a1200000"); // short ids: the first 8 hex digits
  BOOST_TEST(got.front().description == "breathe done on 2026-11-13");
  BOOST_TEST(got.back().description == "breathe done on 2026-11-04");
  BOOST_TEST(undo_candidates(run, 3).size() == 3U);
}

BOOST_AUTO_TEST_CASE(dates_offer_today_yesterday_and_the_weekdays) {
  BOOST_TEST(words_of(date_candidates()) ==
             "today=;yesterday=;mon=;tue=;wed=;thu=;fri=;sat=;sun=;");
}

BOOST_AUTO_TEST_CASE(words_already_typed_are_not_offered_again) {
  const CompletionCandidates all = {{"a", "A"}, {"b", "B"}, {"c", "C"}};
  BOOST_TEST(words_of(without_typed(all, {"checkin", "b"})) == "a=A;c=C;");
  BOOST_TEST(words_of(without_typed(all, {})) == "a=A;b=B;c=C;");
}

BOOST_AUTO_TEST_SUITE_END()
