// The rules of `attune reflect` (reflect_rules.hpp), on hand-built runs and fixed dates.
#include <boost/test/unit_test.hpp>

#include <memory>

#include "attune/error.hpp"
#include "attune/reflect_rules.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// The message of the Error `f` throws ("" when it throws none).
template <typename F> std::string error_of(F f) {
  try {
    f();
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

/// A two-week plan from Mon 2026-11-02 (last day Sun 11-15; follow-ups due 12-13 and
/// 2027-02-07).
Plan two_weeks() {
  return make_plan({{daily("breathe")}, {daily("breathe")}});
}

RecordStamp check_stamp() {
  return counting_stamp("c", "2026-11-02T20:00:00Z", "Europe/Berlin");
}

SelfCheckEntry entry_of(unsigned week, unsigned followup, const char *day,
                        std::vector<int> answers) {
  SelfCheckEntry e;
  e.week = week;
  e.followup = followup;
  e.day = d(day);
  e.answers = std::move(answers);
  return e;
}

void add_followup(Run &run, const std::string &day, unsigned weeks) {
  add_check(run, day, 2, {3, 3});
  run.records.back().followup = weeks;
}

} // namespace

BOOST_AUTO_TEST_SUITE(reflect_rules)

BOOST_AUTO_TEST_CASE(answers_on_the_scale) {
  const SelfCheck check = make_check(); // two statements on 1..5
  BOOST_TEST(scale_text(check) == "1 to 5");
  BOOST_TEST(*parse_scale_answer("4", check) == 4);
  BOOST_TEST(!parse_scale_answer("6", check));
  BOOST_TEST(!parse_scale_answer("0004", check));
  BOOST_TEST(!parse_scale_answer(" 4", check));
  BOOST_TEST(!parse_scale_answer("", check));
  BOOST_TEST(parse_answers(" 4 , 2", check) == (std::vector<int>{4, 2}));
  BOOST_TEST(error_of([&] { parse_answers("4,x", check); }) ==
             "answer 2 \"x\" is not on the scale 1 to 5");
  BOOST_TEST(error_of([&] { parse_answers("4", check); }) == "got 1 answer for 2 statements");
  BOOST_TEST(example_answers(check) == "1,1");
}

BOOST_AUTO_TEST_CASE(names_and_the_redo_hint) {
  BOOST_TEST(week_name(0) == "your starting point (baseline)");
  BOOST_TEST(week_name(3) == "week 3");
  BOOST_TEST(check_name(2, 4) == "the 4-week follow-up");
  BOOST_TEST(check_name(0, 0) == "the baseline self-check");
  BOOST_TEST(check_name(3, 0) == "the self-check for week 3");
  Record r;
  r.id = "3f9c0a1b22334455";
  BOOST_TEST(redo_hint(r) ==
             "to redo it, run 'attune undo 3f9c0a1b' first (it withdraws only that self-check)");
}

BOOST_AUTO_TEST_CASE(which_week_during_the_programme) {
  const Plan plan = two_weeks();
  Run run = make_run(start_mon);
  // In week 1 the first self-check is the baseline; once it is taken, week 1's.
  BOOST_TEST(reflect_target(plan, run, d("2026-11-04"), {}, false).week == 0u);
  add_check(run, "2026-11-02", 0, {3, 3});
  const ReflectTarget mid = reflect_target(plan, run, d("2026-11-04"), {}, false);
  BOOST_TEST(mid.followup == 0u);
  BOOST_TEST(mid.week == 1u);
  BOOST_TEST(!mid.other);
  BOOST_TEST(!mid.chose);
  // Monday of week 2, week 1 without a self-check: week 1, or this one if the person says so.
  const ReflectTarget monday = reflect_target(plan, run, d("2026-11-09"), {}, false);
  BOOST_TEST(monday.week == 1u);
  BOOST_TEST(*monday.other == 2u);
  const ReflectTarget picked = reflect_target(plan, run, d("2026-11-09"), 2u, false);
  BOOST_TEST(picked.week == 2u);
  BOOST_TEST(picked.chose);
  BOOST_TEST(!picked.other);
  const ReflectTarget baseline = reflect_target(plan, run, d("2026-11-04"), {}, true);
  BOOST_TEST(baseline.week == 0u);
  BOOST_TEST(baseline.chose);
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-04"), 2u, false); }) ==
             "week 2 has not begun yet (2026-11-04 is in week 1)");
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-09"), {}, true); }) ==
             "the baseline self-check is taken during week 1, and 2026-11-09 is not in week 1");
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-04"), 1u, true); }) ==
             "--baseline and --week 1 name different weeks");
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-04"), 0u, true); }) == "");
}

BOOST_AUTO_TEST_CASE(which_self_check_after_the_end) {
  const Plan plan = two_weeks();
  Run run = make_run(start_mon);
  // The last week's self-check may still come late...
  const ReflectTarget late = reflect_target(plan, run, d("2026-11-20"), {}, false);
  BOOST_TEST(late.followup == 0u);
  BOOST_TEST(late.week == 2u);
  // ...and once it is taken, the next is the 4-week follow-up.
  add_check(run, "2026-11-15", 2, {3, 3});
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2026-11-20"), {}, false); }) ==
             "the next self-check is the follow-up on 2026-12-13, 23 days from now");
  const ReflectTarget four = reflect_target(plan, run, d("2026-12-13"), {}, false);
  BOOST_TEST(four.followup == 4u);
  BOOST_TEST(four.week == 2u);
  add_followup(run, "2026-12-13", 4);
  add_followup(run, "2027-02-07", 12);
  BOOST_TEST(error_of([&] { reflect_target(plan, run, d("2027-02-10"), {}, false); }) ==
             "both follow-up self-checks are recorded");
  // --week still names a programme week after the end.
  BOOST_TEST(reflect_target(plan, run, d("2026-11-20"), 1u, false).week == 1u);
}

BOOST_AUTO_TEST_CASE(a_week_is_taken_once) {
  Run run = make_run(start_mon);
  add_check(run, "2026-11-08", 1, {3, 3});
  run.records.back().id = "aaaabbbbccccdddd";
  add_followup(run, "2026-12-13", 4);
  BOOST_CHECK_NO_THROW(require_week_free(run, 2));
  BOOST_TEST(error_of([&] { require_week_free(run, 1); }) ==
             "the self-check for week 1 is already recorded");
}

BOOST_AUTO_TEST_CASE(when_start_offers_the_baseline) {
  Plan plan = make_plan({{daily("breathe")}});
  BOOST_TEST((baseline_offer(plan, false, true) == BaselineOffer::ask));
  BOOST_TEST((baseline_offer(plan, false, false) == BaselineOffer::hint));
  BOOST_TEST((baseline_offer(plan, true, true) == BaselineOffer::none));
  plan.self_check.items.clear();
  BOOST_TEST((baseline_offer(plan, false, true) == BaselineOffer::none));
}

BOOST_AUTO_TEST_CASE(the_check_record_and_its_recheck_under_the_lock) {
  // Run 2 (claim 3: two starts claimed 2) from Mon 2026-11-02, its baseline and a 4-week
  // follow-up already recorded.
  History history;
  history.runs.push_back(make_run(start_mon));
  Run &run = history.runs.back();
  run.number = 2;
  run.claim = 3;
  add_check(run, "2026-11-02", 0, {4, 2});
  run.records.back().id = "aaaabbbbccccdddd";
  add_followup(run, "2026-12-13", 4);
  run.records.back().id = "1111222233334444";
  history.newest_run = 2;

  const Record week1 =
      self_check_record(history, 2, entry_of(1, 0, "2026-11-08", {3, 4}), check_stamp());
  BOOST_TEST(week1.id == "c1");
  BOOST_TEST((week1.type == RecordType::check));
  BOOST_TEST(format_day(week1.day) == "2026-11-08");
  BOOST_TEST(format_instant(week1.recorded) == "2026-11-02T20:00:00Z");
  BOOST_TEST(week1.zone == "Europe/Berlin");
  BOOST_TEST(week1.run == 3u); // the claim, not the number
  BOOST_TEST(week1.week == 1u);
  BOOST_TEST(week1.answers == (std::vector<int>{3, 4}));
  BOOST_TEST(week1.followup == 0u);
  // The 12-week follow-up is free; the 4-week one and the baseline are taken.
  const Record twelve =
      self_check_record(history, 2, entry_of(2, 12, "2027-02-07", {3, 3}), check_stamp());
  BOOST_TEST(twelve.followup == 12u);
  BOOST_TEST(twelve.week == 2u);
  BOOST_TEST(error_text([&] {
               self_check_record(history, 2, entry_of(0, 0, "2026-11-03", {3, 3}), check_stamp());
             }) == "the baseline self-check is already recorded | to redo it, run 'attune undo "
                   "aaaabbbb' first (it withdraws only that self-check)");
  BOOST_TEST(error_text([&] {
               self_check_record(history, 2, entry_of(2, 4, "2026-12-14", {3, 3}), check_stamp());
             }) == "the 4-week follow-up is already recorded | to redo it, run 'attune undo "
                   "11112222' first (it withdraws only that self-check)");
  // A follow-up never takes a programme week: week 2 is still free.
  BOOST_TEST(
      self_check_record(history, 2, entry_of(2, 0, "2026-11-15", {3, 3}), check_stamp()).week ==
      2u);
  // A run the journal no longer holds is still named by its number.
  const Record gone =
      self_check_record(History{}, 5, entry_of(0, 0, "2026-11-02", {3, 3}), check_stamp());
  BOOST_TEST(gone.run == 5u);
  BOOST_TEST(gone.week == 0u);
}

BOOST_AUTO_TEST_CASE(the_support_line_compares_a_followup_with_the_last_week) {
  // make_check: "I can ask for help." and "I pull away when close." (reversed) on 1..5.
  // Week 1: 3,3 -> 50 %; week 2: 4,2 -> 75 %.
  const Plan plan = two_weeks();
  Run run = make_run(start_mon);
  add_check(run, "2026-11-08", 1, {3, 3});
  add_check(run, "2026-11-15", 2, {4, 2});
  const std::string harder = "This week sounds harder than the last. You do not have to carry "
                             "it alone: 'attune support' shows where help is.";
  // A follow-up of 3,3 (50 %) is a quarter of the scale below week 2's 75 %.
  BOOST_TEST(self_check_support_line(plan, run, entry_of(2, 4, "2026-12-13", {3, 3})) == harder);
  // Week 2's own self-check of 3,3 is compared with week 1 (50 %): no line.
  BOOST_TEST(self_check_support_line(plan, run, entry_of(2, 0, "2026-11-15", {3, 3})) == "");
  // The same answers as week 2: no line.
  BOOST_TEST(self_check_support_line(plan, run, entry_of(2, 4, "2026-12-13", {4, 2})) == "");
  // No answers to score: no line.
  BOOST_TEST(self_check_support_line(plan, run, entry_of(2, 4, "2026-12-13", {})) == "");
}

BOOST_AUTO_TEST_CASE(what_reflect_says) {
  BOOST_TEST(render_self_check_heading(3) == "Self-check for week 3.\n");
  BOOST_TEST(render_self_check_heading(0) == "Self-check for your starting point (baseline).\n");
  BOOST_TEST(render_self_check_saved(0, 200) ==
             "Saved the self-check for your starting point (baseline). Thank you for taking a "
             "moment to look inward; 'attune report' shows how it changes over the weeks.\n");
  BOOST_TEST(render_self_check_saved(3, 40) == "Saved the self-check for week 3. Thank\n"
                                               "you for taking a moment to look inward;\n"
                                               "'attune report' shows how it changes\n"
                                               "over the weeks.\n");
  BOOST_TEST(render_counted_for_ended_week(2, 3, 200) ==
             "It counts for week 2, the week that just ended; to count it for this week instead, "
             "run 'attune undo' and then 'attune reflect --week 3'.\n");
  BOOST_TEST(render_followup_intro(12, 200) == "The follow-up self-check, 12 weeks after your "
                                               "programme: the same statements as before.\n");
  BOOST_TEST(render_followup_saved(4, 200) ==
             "Saved the 4-week follow-up. Thank you for checking in with yourself; 'attune "
             "report' shows it beside the programme's self-checks.\n");
  BOOST_TEST(render_self_check_stopped() ==
             "\nStopped; nothing saved. Come back to it whenever you like.\n");
}

BOOST_AUTO_TEST_CASE(the_baseline_offer_and_its_replies) {
  BOOST_TEST(render_baseline_hint(6, 200) ==
             "When you have two minutes, 'attune reflect --baseline' takes a short self-check (6 "
             "statements) as your starting point, any time this first week.\n");
  BOOST_TEST(render_baseline_hint(1, 200).find("(1 statement)") != std::string::npos);
  BOOST_TEST(render_baseline_question(6, 200) ==
             "\nWould you like to take the short self-check now (6 statements), as your starting "
             "point? [Y/n] ");
  // Wrapped: the answer goes on the question's last line.
  BOOST_TEST(render_baseline_question(6, 40) == "\nWould you like to take the short\n"
                                                "self-check now (6 statements), as your\n"
                                                "starting point? [Y/n] ");
  BOOST_TEST(baseline_reply_yes(""));
  BOOST_TEST(baseline_reply_yes("  "));
  BOOST_TEST(baseline_reply_yes("y"));
  BOOST_TEST(baseline_reply_yes(" Y "));
  BOOST_TEST(baseline_reply_yes("yes"));
  BOOST_TEST(!baseline_reply_yes("n"));
  BOOST_TEST(!baseline_reply_yes("no"));
  BOOST_TEST(!baseline_reply_yes("YES"));
  BOOST_TEST(!baseline_reply_yes("x"));
  BOOST_TEST(render_baseline_outcome(BaselineOutcome::declined) ==
             "No problem. You can take it any time this first week with 'attune reflect "
             "--baseline'.\n");
  BOOST_TEST(render_baseline_outcome(BaselineOutcome::stopped) ==
             "\nStopped; nothing saved. You can take it any time with 'attune reflect'.\n");
  BOOST_TEST(render_baseline_outcome(BaselineOutcome::saved) ==
             "\nThank you. Your starting point is saved.\n");
}

BOOST_AUTO_TEST_SUITE_END()
