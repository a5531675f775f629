#include <boost/test/unit_test.hpp>

#include "attune/checkin_command.hpp"
#include "attune/error.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

RecordStamp checkin_stamp() {
  return counting_stamp("c", "2026-11-04T08:00:00Z", "Europe/Berlin");
}

/// Week 1 from Mon 2026-11-02: a daily, b on Mon/Wed/Fri, c twice a week, w when it arises;
/// week 2: z daily.
Plan two_week_plan() {
  Exercise w = daily("w");
  w.schedule.kind = ScheduleKind::when_it_arises;
  w.cue = "a hard talk";
  return make_plan({{daily("a"), on_days("b", {1, 3, 5}), per_week("c", 2), w}, {daily("z")}});
}

Run active_run() {
  Run run = make_run(start_mon);
  run.claim = 1;
  return run;
}

std::string error_of(const std::function<void()> &f) {
  try {
    f();
  } catch (const Error &e) {
    return std::string(e.what()) + " | " + e.hint();
  }
  return "no error";
}

std::string joined(const std::vector<std::string> &list) {
  std::string out;
  for (const auto &s : list)
    out += (out.empty() ? "" : ",") + s;
  return out;
}

const auto no_examples = []() { return std::vector<std::string>{"a", "b"}; };

void keep(Run &run, const char *day, const char *exercise, const char *id) {
  Record r;
  r.id = id;
  r.type = RecordType::keep;
  r.day = d(day);
  r.recorded = *parse_instant("2026-12-16T09:00:00Z");
  r.run = run.number;
  r.exercise = exercise;
  r.times = 3;
  r.cmd = "k1";
  run.records.push_back(r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(checkin_command)

BOOST_AUTO_TEST_CASE(new_record_stamps_id_instant_zone_and_the_run_claim) {
  Run run = active_run();
  run.claim = 3;
  const Record r = new_record(RecordType::done, run, d("2026-11-05"), checkin_stamp());
  BOOST_TEST(r.id == "c1");
  BOOST_TEST(int(r.type) == int(RecordType::done));
  BOOST_TEST(format_day(r.day) == "2026-11-05");
  BOOST_TEST(format_instant(r.recorded) == "2026-11-04T08:00:00Z");
  BOOST_TEST(r.zone == "Europe/Berlin");
  BOOST_TEST(r.run == 3u);
  BOOST_TEST(r.exercise.empty());
  BOOST_TEST(r.text.empty());
}

BOOST_AUTO_TEST_CASE(options_that_cannot_mean_anything_are_refused_before_reading) {
  CheckinRequest both;
  both.all = both.skip_all = true;
  BOOST_TEST(error_of([&] { check_checkin_request(both, true, no_examples); }) ==
             "--all and --skip-all cannot be used together | --all records everything open as "
             "done, --skip-all as skipped; choose one");
  CheckinRequest none;
  BOOST_TEST(error_of([&] { check_checkin_request(none, false, no_examples); }) ==
             "nothing to record | name what you did, e.g. 'attune checkin a', or run it in a "
             "terminal to be asked");
  BOOST_TEST(error_of([&] { check_checkin_request(none, true, no_examples); }) == "no error");
  CheckinRequest reason;
  reason.done = {"a"};
  reason.reason = "a long day";
  BOOST_TEST(error_of([&] { check_checkin_request(reason, true, no_examples); }) ==
             "--reason goes with --skip or --skip-all | e.g. 'attune checkin --skip b --reason "
             "\"a long day\"'");
  BOOST_TEST(error_of([&] { check_checkin_request(reason, true, {}); }) ==
             "--reason goes with --skip or --skip-all | e.g. 'attune checkin --skip EXERCISE "
             "--reason \"a long day\"'");
  CheckinRequest blank;
  blank.note = "  ";
  BOOST_TEST(error_of([&] { check_checkin_request(blank, true, no_examples); }) ==
             "the note is empty | write a few words, or leave out --note; nothing was saved");
  CheckinRequest bad;
  bad.note = "\xff";
  BOOST_TEST(error_of([&] { check_checkin_request(bad, true, no_examples); }) ==
             "the note is not valid UTF-8 text | check your terminal's character encoding; "
             "nothing was saved");
}

// Wednesday 2026-11-04 of week 1: a, b open, c open (0 of 2), w never open.
BOOST_AUTO_TEST_CASE(names_resolve_by_prefix_and_all_takes_what_is_open_but_the_named) {
  const Plan plan = two_week_plan();
  const Run run = active_run();
  const Day wed = d("2026-11-04");
  const DayView view = day_view(plan, run, wed);
  CheckinRequest req;
  req.all = true;
  req.skip = {"b"};
  const CheckinRequest out = resolve_checkin_request(req, plan, view, wed);
  BOOST_TEST(joined(out.done) == "a,c");
  BOOST_TEST(joined(out.skip) == "b");
  BOOST_TEST(!nothing_open(out));

  CheckinRequest other_week;
  other_week.done = {"z"};
  BOOST_TEST(error_of([&] { resolve_checkin_request(other_week, plan, view, wed); }) ==
             "\"z\" is not part of week 1's plan | this week: a, b, c, w");
  CheckinRequest twice;
  twice.done = {"a"};
  twice.skip = {"a"};
  BOOST_TEST(error_of([&] { resolve_checkin_request(twice, plan, view, wed); }) ==
             "\"a\" is named as both done and skipped | choose one");
  // b is planned Mon/Wed/Fri: a skip on Tuesday is refused (checkin_rules: refuse_skip).
  CheckinRequest tue;
  tue.skip = {"b"};
  const Day tuesday = d("2026-11-03");
  BOOST_TEST(error_of([&] {
               resolve_checkin_request(tue, plan, day_view(plan, run, tuesday), tuesday);
             }).find("b is planned on Monday, Wednesday and Friday") == 0u);
  CheckinRequest arisen;
  arisen.not_arisen = {"a"};
  BOOST_TEST(error_of([&] {
               resolve_checkin_request(arisen, plan, view, wed);
             }).find("a is not a when-it-arises exercise") == 0u);
}

BOOST_AUTO_TEST_CASE(all_with_nothing_open_records_nothing) {
  const Plan plan = two_week_plan();
  Run run = active_run();
  // Saturday 11-07: a done, b not planned, c met twice this week.
  add(run, RecordType::done, "2026-11-07", "a");
  add(run, RecordType::done, "2026-11-02", "c");
  add(run, RecordType::done, "2026-11-03", "c");
  const Day sat = d("2026-11-07");
  CheckinRequest req;
  req.all = true;
  const CheckinRequest out = resolve_checkin_request(req, plan, day_view(plan, run, sat), sat);
  BOOST_TEST(nothing_open(out));
  BOOST_TEST(nothing_open_line(sat, sat) == "Nothing is open for today; nothing recorded.\n");
  BOOST_TEST(nothing_open_line(sat, d("2026-11-08")) ==
             "Nothing is open for 2026-11-07; nothing recorded.\n");
}

BOOST_AUTO_TEST_CASE(a_day_after_the_end_takes_no_programme_check_in) {
  const Plan plan = two_week_plan(); // two weeks: the last day is Sun 11-15
  const Run run = active_run();
  const Day day = d("2026-11-16");
  BOOST_TEST(error_of([&] { refuse_ended_day(day_view(plan, run, day), day); }) ==
             "the programme ended on 2026-11-15, so 2026-11-16 cannot take check-ins | see "
             "'attune report', or begin again with 'attune start --restart'");
}

// Wednesday 11-04, a already done: checkin a b -> b recorded, a listed as already done.
BOOST_AUTO_TEST_CASE(a_check_in_records_what_is_still_open_and_lists_the_rest) {
  const Plan plan = two_week_plan();
  Run run = active_run();
  add(run, RecordType::done, "2026-11-04", "a");
  const Day wed = d("2026-11-04");
  CheckinRequest req;
  req.done = {"a", "b"};
  req.skip = {"c"};
  req.reason = "a long day";
  req.skip_reasons["c"] = "tired";
  req.note = "went well";
  const CheckinOutcome out = decide_checkin(plan, run, wed, wed, req, checkin_stamp());
  BOOST_TEST(!out.resume.has_value());
  BOOST_REQUIRE(out.records.size() == 3u);
  BOOST_TEST(out.records[0].id == "c1");
  BOOST_TEST(out.records[0].exercise == "b");
  BOOST_TEST(int(out.records[1].type) == int(RecordType::skip));
  BOOST_TEST(out.records[1].text == "tired"); // the interactive reason wins over --reason
  BOOST_TEST(int(out.records[2].type) == int(RecordType::note));
  BOOST_TEST(out.records[2].text == "went well");
  BOOST_TEST(joined(out.saved) == "b done,c skipped,a note");
  BOOST_TEST(joined(out.already) == "a (done)");
  BOOST_TEST(out.to_append().size() == 3u);
}

BOOST_AUTO_TEST_CASE(earlier_days_are_recorded_only_where_still_unanswered) {
  const Plan plan = two_week_plan();
  Run run = active_run();
  add(run, RecordType::done, "2026-11-02", "a"); // Monday: a answered, b not
  const Day thu = d("2026-11-05");
  CheckinRequest req;
  req.earlier.push_back({d("2026-11-04"), {"a"}, {"b"}});
  req.earlier.push_back({d("2026-11-02"), {"a", "b"}, {}});
  const CheckinOutcome out = decide_checkin(plan, run, thu, thu, req, checkin_stamp());
  BOOST_REQUIRE(out.records.size() == 3u);
  BOOST_TEST(format_day(out.records[2].day) == "2026-11-02");
  BOOST_TEST(joined(out.earlier_saved) == "2026-11-04: a done, b skipped,2026-11-02: b done");
  BOOST_TEST(out.saved.empty());
}

// Paused since Tue 11-03 (open): a check-in today, Thu 11-05, ends the pause first.
BOOST_AUTO_TEST_CASE(a_check_in_today_ends_an_open_pause_with_a_resume_first) {
  const Plan plan = two_week_plan();
  Run run = active_run();
  Record p;
  p.type = RecordType::pause;
  p.day = d("2026-11-03");
  p.run = 1;
  run.records.push_back(p);
  run.pauses = pauses_of(run.records);
  const Day thu = d("2026-11-05");
  CheckinRequest req;
  req.done = {"a"};
  const CheckinOutcome out = decide_checkin(plan, run, thu, thu, req, checkin_stamp());
  BOOST_REQUIRE(out.resume.has_value());
  BOOST_TEST(int(out.resume->type) == int(RecordType::resume));
  BOOST_TEST(format_day(out.resume->day) == "2026-11-05");
  const auto all = out.to_append();
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].id == "c1"); // the resume is written first
  BOOST_TEST(all[1].exercise == "a");
  BOOST_TEST(run_after_checkin(run, out).pauses.back().until.has_value());
  // An earlier day of the pause takes no check-in.
  const Day wed = d("2026-11-04");
  BOOST_TEST(error_of([&] { decide_checkin(plan, run, wed, thu, req, checkin_stamp()); }) ==
             "2026-11-04 is a day of your pause (since 2026-11-03), so it takes no check-ins | "
             "'attune resume' ends a pause; 'attune undo' withdraws one made by mistake");
  // Nothing to record: nothing to append, not even the resume.
  const CheckinOutcome none = decide_checkin(plan, run, thu, thu, {}, checkin_stamp());
  BOOST_TEST(none.to_append().empty());
}

BOOST_AUTO_TEST_CASE(the_confirmation_says_where_it_went_and_how_the_day_stands) {
  const Plan plan = two_week_plan();
  Run run = active_run();
  add(run, RecordType::done, "2026-11-03", "a"); // Tuesday
  const Day wed = d("2026-11-04");
  CheckinRequest req;
  req.done = {"a", "b"};
  const CheckinOutcome out = decide_checkin(plan, run, wed, wed, req, checkin_stamp());
  CheckinWording how;
  how.today = wed;
  how.width = 200;
  BOOST_TEST(render_checkin(out, plan, run_after_checkin(run, out), how) ==
             "Saved for today: a done, b done. Both for today are taken care of, 1 more open "
             "this week. You have a streak of 2 days.\n");
  how.early = true;
  how.day_starts = "04:00";
  BOOST_TEST(render_checkin(out, plan, run_after_checkin(run, out), how) ==
             "Saved for 2026-11-04 (before 04:00 still counts as the day before): a done, b "
             "done. Both for that day are taken care of, 1 more open this week. You have a "
             "streak of 2 days.\n");
  how.quiet = true;
  BOOST_TEST(render_checkin(out, plan, run_after_checkin(run, out), how).empty());
  // What was recorded before is said even with --quiet.
  const Run after = run_after_checkin(run, out);
  const CheckinOutcome again = decide_checkin(plan, after, wed, wed, req, checkin_stamp());
  BOOST_TEST(render_checkin(again, plan, after, how) ==
             "Already recorded for 2026-11-04: a (done), b (done).\n");
}

// Six weeks from Mon 11-02 end on Sun 12-13; a and b kept from Wed 12-16.
BOOST_AUTO_TEST_CASE(after_the_end_the_kept_practice_takes_the_check_in) {
  const Plan plan = make_plan(std::vector<std::vector<Exercise>>(6, {daily("a"), daily("b")}));
  Run run = active_run();
  const Day fri = d("2026-12-18");
  CheckinRequest req;
  req.done = {"a"};
  BOOST_TEST(error_of([&] { decide_kept_checkin(plan, run, fri, req, checkin_stamp()); }) ==
             "the programme ended on 2026-12-13, and no exercise is kept after it | 'attune "
             "keep EXERCISE...' carries up to three on as a light practice; 'attune start' "
             "begins a new programme");
  CheckinRequest note_only; // a note needs no kept practice
  note_only.note = "still here";
  BOOST_TEST(decide_kept_checkin(plan, run, fri, note_only, checkin_stamp()).records.size() == 1u);
  keep(run, "2026-12-16", "a", "k1");
  keep(run, "2026-12-16", "b", "k2");
  BOOST_TEST(error_of([&] {
               decide_kept_checkin(plan, run, d("2026-12-15"), req, checkin_stamp());
             }) == "your kept practice began on 2026-12-16, after 2026-12-15 | check-ins for the "
                   "kept exercises count from 2026-12-16 on");
  add(run, RecordType::done, "2026-12-18", "b");
  CheckinRequest all;
  all.all = true;
  const CheckinOutcome out = decide_kept_checkin(plan, run, fri, all, checkin_stamp());
  BOOST_REQUIRE(out.records.size() == 1u); // b is done that day already
  BOOST_TEST(out.records[0].exercise == "a");
  CheckinWording how;
  how.today = fri;
  how.width = 200;
  BOOST_TEST(render_kept_checkin(out, plan, run_after_checkin(run, out), how) ==
             "Saved for today: a done. So far: a 1 of 3 this week, today and 4 more days left; b 1 "
             "of 3 this week, today and 4 more days left.\n");
  CheckinRequest again;
  again.done = {"b"};
  const CheckinOutcome twice = decide_kept_checkin(plan, run, fri, again, checkin_stamp());
  BOOST_TEST(twice.records.empty());
  BOOST_TEST(render_kept_checkin(twice, plan, run, how) ==
             "Already recorded for 2026-12-18: b (done).\n");
  CheckinOutcome nothing;
  nothing.day = fri;
  BOOST_TEST(render_kept_checkin(nothing, plan, run, how) ==
             "Nothing is open for today; nothing recorded.\n");
  BOOST_TEST(error_of([&] {
               CheckinRequest unknown;
               unknown.done = {"x"};
               decide_kept_checkin(plan, run, fri, unknown, checkin_stamp());
             }).find("no exercise \"x\" in your kept practice") == 0u);
  BOOST_TEST(kept_items_to_ask(maintenance_day(plan, maintenance_of(run), run, fri)).size() ==
             1u); // a only: b is done that day
}

BOOST_AUTO_TEST_CASE(the_note_puts_the_prompt_answers_first_then_the_free_note) {
  BOOST_TEST(!checkin_note({}).has_value());
  BOOST_TEST(*checkin_note({"a long day"}) == "a long day");
  BOOST_TEST(*checkin_note({"Breathe: calm", "Call: my sister", "a long day"}) ==
             "Breathe: calm / Call: my sister / a long day");
}

BOOST_AUTO_TEST_CASE(the_kind_words_around_a_check_in_that_records_nothing) {
  BOOST_TEST(nothing_recorded_line() ==
             "\nNothing recorded. That is fine; come back when you are ready.\n");
  BOOST_TEST(pause_goes_on_line() == "\nYour pause goes on; nothing recorded. Rest well.\n");
  BOOST_TEST(kept_all_taken_care_line(d("2026-12-16")) ==
             "\nEverything you keep is taken care of for 2026-12-16.\n");
}

BOOST_AUTO_TEST_CASE(a_check_in_in_an_open_pause_asks_or_says_that_it_ends_it) {
  BOOST_TEST(pause_ends_note(d("2026-11-10")) ==
             "your pause since 2026-11-10 ends with this check-in: welcome back");
  BOOST_TEST(end_pause_question(d("2026-11-10"), 80) ==
             "You are pausing since 2026-11-10. Welcome back: end the pause and check in for\n"
             "today? [Y/n]\n");
  BOOST_TEST(end_pause_question(d("2026-11-10"), 200) ==
             "You are pausing since 2026-11-10. Welcome back: end the pause and check in for "
             "today? [Y/n]\n");
}

BOOST_AUTO_TEST_SUITE_END()
