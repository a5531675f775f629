#include <boost/test/unit_test.hpp>

#include "attune/after_command.hpp"
#include "attune/error.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

RecordStamp fixed_stamp() {
  return counting_stamp("e", "2026-12-16T09:00:00Z", "UTC");
}

} // namespace

BOOST_AUTO_TEST_SUITE(after_command)

// Six weeks from Mon 2026-11-02: the last day is Sun 2026-12-13.

BOOST_AUTO_TEST_CASE(end_records_the_day_and_is_refused_once_the_programme_is_over) {
  const Plan plan = six_week_plan();
  const Run run = make_run(start_mon);
  const Record end = decide_end(plan, run, d("2026-11-20"), std::string("enough"), fixed_stamp());
  BOOST_TEST(int(end.type) == int(RecordType::end));
  BOOST_TEST(format_day(end.day) == "2026-11-20");
  BOOST_TEST(end.text == "enough");
  BOOST_TEST(end.id == "e1");
  BOOST_TEST(error_text([&] { decide_end(plan, run, d("2026-12-14"), {}, fixed_stamp()); }) ==
             "programme 1 already came to its end on 2026-12-13 | nothing to end; 'attune "
             "review' looks back on it, 'attune keep' carries exercises on");
  BOOST_TEST(render_end(plan, run, d("2026-11-20"), 400) ==
             "Programme 1 (Toward secure, 2026-11-02 to 2026-11-20) has ended. Stopping is a "
             "choice you are free to make, and everything you practised stays in your journal. "
             "'attune review' looks back on it, 'attune keep' carries a few exercises on, and "
             "'attune start' begins again whenever you like.\n");
  History history;
  BOOST_TEST(error_text([&] { run_to_end(history); }).find("no programme is running") == 0u);
  Run ended = run;
  ended.ended = d("2026-11-20");
  history.runs.push_back(ended);
  BOOST_TEST(error_text([&] { run_to_end(history); }) ==
             "programme 1 has already ended | 'attune review' looks back on it; 'attune start' "
             "begins a new one");
}

BOOST_AUTO_TEST_CASE(the_review_keeps_answers_that_are_not_blank_in_question_order) {
  const Plan plan = six_week_plan();
  const Run run = make_run(start_mon);
  BOOST_TEST(error_text([&] { refuse_early_review(plan, run, d("2026-12-12")); }) ==
             "the review looks back on a whole programme, and yours runs until 2026-12-13 | it "
             "is offered on the last day; to stop early, 'attune end' ends the programme first");
  BOOST_TEST(error_text([&] { refuse_early_review(plan, run, d("2026-12-13")); }) == "no error");
  const ReviewTexts texts = {"naming it ", " ", "Sundays"};
  BOOST_TEST(has_review_answer(texts));
  BOOST_TEST(!has_review_answer(ReviewTexts{"", " ", "\t"}));
  const auto records = decide_review(texts, run, d("2026-12-14"), fixed_stamp());
  BOOST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].question == "helped");
  BOOST_TEST(records[0].text == "naming it");
  BOOST_TEST(records[1].question == "keep");
  BOOST_TEST(render_review_saved(2, 400).find("Saved your review (2 answers).") == 0u);
}

BOOST_AUTO_TEST_CASE(keep_takes_up_to_three_distinct_exercises_after_the_end) {
  const Plan plan = six_week_plan();
  const Run run = make_run(start_mon);
  BOOST_TEST(error_text([&] { check_keep_request({"breathe"}, 8, false); }) ==
             "--times-per-week 8 is not 1 to 7 | a light practice is a few days a week; 3 is "
             "the default");
  BOOST_TEST(error_text([&] {
               check_keep_request({"breathe"}, 3, true);
             }).find("--stop ends the kept practice") == 0u);
  BOOST_TEST(error_text([&] {
               check_keep_request({}, 3, false);
             }).find("name the exercises to keep") == 0u);
  BOOST_TEST(error_text([&] {
               decide_keep(plan, run, d("2026-12-13"), {"breathe"}, 3, fixed_stamp());
             }) == "your programme runs until 2026-12-13, and its own exercises are what to "
                   "practise until then | 'attune keep' carries exercises on after the end (or "
                   "after 'attune end')");
  BOOST_TEST(error_text([&] {
               decide_keep(plan, run, d("2026-12-16"), {"a", "b", "c", "d"}, 3, fixed_stamp());
             }).find("4 exercises is more than a light practice holds") == 0u);
  const auto records =
      decide_keep(plan, run, d("2026-12-16"), {"bre", "share", "breathe"}, 2, fixed_stamp());
  BOOST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].exercise == "breathe");
  BOOST_TEST(records[0].times == 2u);
  BOOST_TEST(records[1].exercise == "share");
  BOOST_TEST(render_keep(records, 2, 400).find("Keeping breathe and share, 2 times a week each") ==
             0u);
  BOOST_TEST(error_text([&] { decide_keep_stop(run, d("2026-12-16"), fixed_stamp()); }) ==
             "no exercise is being kept | 'attune keep EXERCISE...' begins a kept practice "
             "after the programme");
  Run kept = run;
  for (Record r : records) {
    r.cmd = "e1";
    kept.records.push_back(r);
  }
  BOOST_TEST(int(decide_keep_stop(kept, d("2026-12-20"), fixed_stamp()).type) ==
             int(RecordType::keep_stop));
}

BOOST_AUTO_TEST_CASE(journal_text_is_refused_when_blank_or_not_utf8) {
  BOOST_TEST(error_text([] { check_journal_text(std::string(" "), "the reason"); }) ==
             "the reason is empty | write a few words, or leave it out; nothing was saved");
  BOOST_TEST(error_text([] { check_journal_text(std::string("\xc3"), "--helped"); }) ==
             "--helped is not valid UTF-8 text | check your terminal's character encoding; "
             "nothing was saved");
  BOOST_TEST(error_text([] { check_journal_text(std::nullopt, "x"); }) == "no error");
}

BOOST_AUTO_TEST_SUITE_END()
