// The decisions of `attune cue`, the weekly offer's words, and `attune week`'s choice of week.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/week_view.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Exercise cued(const std::string &cue) {
  Exercise e = daily("name-it");
  e.title = "Name it";
  e.cue = cue;
  return e;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cue_command)

BOOST_AUTO_TEST_CASE(decides_what_cue_does) {
  const EffectiveCue plans{"after work", CueSource::plan};
  const EffectiveCue mine{"after dinner", CueSource::mine};
  BOOST_TEST((decide_cue(plans, std::nullopt, false) == CueAction::show));
  BOOST_TEST((decide_cue(plans, std::nullopt, true) == CueAction::already_plan));
  BOOST_TEST((decide_cue(plans, std::string("after dinner"), false) == CueAction::set));
  BOOST_TEST((decide_cue(mine, std::string("after dinner"), false) == CueAction::already_mine));
  BOOST_TEST((decide_cue(mine, std::string("at noon"), false) == CueAction::set));
  BOOST_TEST((decide_cue(mine, std::nullopt, true) == CueAction::clear));
  BOOST_TEST(error_text([] { check_cue_request("name", true, true); }) ==
             "--clear and a cue cannot be given together | 'attune cue name --clear' returns to "
             "the plan's cue; name a cue to set your own");
  BOOST_TEST(error_text([] { check_cue_request("name", true, false); }) == "no error");
}

BOOST_AUTO_TEST_CASE(says_what_it_did) {
  const Exercise e = cued("After work.");
  const EffectiveCue plans{"After work.", CueSource::plan};
  const EffectiveCue mine{"When I get home.", CueSource::mine};
  BOOST_TEST(render_cue_result(CueAction::show, e, plans, std::nullopt, 80) ==
             "The plan's cue: After work.\n");
  BOOST_TEST(render_cue_result(CueAction::show, e, mine, std::nullopt, 80) ==
             "Your cue: When I get home.\n");
  BOOST_TEST(render_cue_result(CueAction::show, cued(""), EffectiveCue{}, std::nullopt, 200) ==
             "The plan names no cue for name-it. Set your own with 'attune cue name-it \"when "
             "...\"'.\n");
  BOOST_TEST(render_cue_result(CueAction::set, e, plans, std::string("at noon"), 80) ==
             "Saved as your cue for Name it (name-it): at noon.\n");
  BOOST_TEST(render_cue_result(CueAction::clear, e, mine, std::nullopt, 80) ==
             "Back to the plan's cue for name-it: After work.\n");
  BOOST_TEST(render_cue_result(CueAction::clear, cued(""), mine, std::nullopt, 80) ==
             "Back to the plan's cue for name-it (it names none).\n");
  BOOST_TEST(render_cue_result(CueAction::already_plan, e, plans, std::nullopt, 80) ==
             "name-it already follows the plan's cue; nothing changed.\n");
  BOOST_TEST(render_cue_result(CueAction::already_mine, e, mine, std::string("x"), 80) ==
             "That is already your cue for name-it; nothing changed.\n");
}

BOOST_AUTO_TEST_CASE(a_cue_before_the_start_is_dated_at_the_start) {
  const Run run = make_run(start_mon);
  BOOST_TEST(format_day(cue_record_day(run, d("2026-10-30"))) == "2026-11-02");
  BOOST_TEST(format_day(cue_record_day(run, d("2026-11-05"))) == "2026-11-05");
}

RecordStamp cue_stamp() {
  return counting_stamp("k", "2026-11-05T18:00:00Z", "Europe/Berlin");
}

BOOST_AUTO_TEST_CASE(the_cue_record) {
  Run run = make_run(start_mon); // Mon 2026-11-02
  run.claim = 1;
  const Record set = cue_record(run, d("2026-10-30"), "name-it", "after dinner", cue_stamp());
  BOOST_TEST(set.id == "k1");
  BOOST_TEST((set.type == RecordType::cue));
  BOOST_TEST(format_day(set.day) == "2026-11-02"); // before the start: the start
  BOOST_TEST(format_instant(set.recorded) == "2026-11-05T18:00:00Z");
  BOOST_TEST(set.zone == "Europe/Berlin");
  BOOST_TEST(set.run == 1u);
  BOOST_TEST(set.exercise == "name-it");
  BOOST_TEST(set.text == "after dinner");
  const Record cleared = cue_record(run, d("2026-11-05"), "name-it", "", cue_stamp());
  BOOST_TEST(format_day(cleared.day) == "2026-11-05");
  BOOST_TEST(cleared.text == "");
}

BOOST_AUTO_TEST_CASE(the_offered_cues_go_to_the_programme_they_were_offered_in) {
  // Offered in run 1 (start record "s1", from Mon 2026-11-02), read again under the lock.
  Run offered = make_run(start_mon);
  offered.start_id = "s1";
  History history;
  history.runs.push_back(offered);
  history.runs.back().claim = 2; // written with its claim
  history.newest_run = 1;
  const std::vector<std::pair<std::string, std::string>> chosen = {{"name-it", "after dinner"},
                                                                   {"breathe", "at the bus stop"}};
  const std::vector<Record> records =
      offered_cue_records(history, offered, chosen, d("2026-11-09"), cue_stamp());
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].id == "k1");
  BOOST_TEST(records[0].exercise == "name-it");
  BOOST_TEST(records[0].text == "after dinner");
  BOOST_TEST(records[0].run == 2u);
  BOOST_TEST(format_day(records[0].day) == "2026-11-09");
  BOOST_TEST(records[1].id == "k2");
  BOOST_TEST(records[1].exercise == "breathe");
  BOOST_TEST(records[1].text == "at the bus stop");
  // Another programme started meanwhile (start record "s2"): nothing to attach them to.
  History other = history;
  other.runs.back().start_id = "s2";
  BOOST_TEST(offered_cue_records(other, offered, chosen, d("2026-11-09"), cue_stamp()).empty());
  // The programme ended meanwhile: no active run.
  History ended = history;
  ended.runs.back().ended = d("2026-11-08");
  BOOST_TEST(offered_cue_records(ended, offered, chosen, d("2026-11-09"), cue_stamp()).empty());
}

BOOST_AUTO_TEST_CASE(the_weekly_offer_in_words) {
  BOOST_TEST(render_cue_offer_intro(1, 200) ==
             "\nA new exercise this week. If you like, put its cue in your own words, as a "
             "plan: when this happens, I will do it. Enter keeps the plan's.\n");
  BOOST_TEST(render_cue_offer_intro(2, 200).find("New exercises this week. If you like, put each "
                                                 "one's cue") != std::string::npos);
  BOOST_TEST(render_cue_offer_item(cued("After work."), 80) ==
             "\n  Name it (name-it)\n    The plan's cue: After work.\n    Your cue> ");
  BOOST_TEST(render_cue_offer_item(cued(""), 80) ==
             "\n  Name it (name-it)\n    The plan names no cue.\n    Your cue> ");
  BOOST_TEST(render_cue_not_saved("too long", "name-it", 200) ==
             "    Not saved: too long. 'attune cue name-it \"...\"' sets it any time.\n");
  BOOST_TEST(render_cues_saved(1) ==
             "\nSaved as your cue. 'attune cue EXERCISE --clear' returns to the plan's.\n");
  BOOST_TEST(render_cues_saved(2) ==
             "\nSaved as your cues. 'attune cue EXERCISE --clear' returns to the plan's.\n");
}

BOOST_AUTO_TEST_CASE(week_to_show_names_a_week_or_takes_the_current_one) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  BOOST_TEST(week_to_show("3", plan, nullptr, Day{}).number == 3u);
  BOOST_TEST(week_to_show("", plan, &run, d("2026-11-10")).number == 2u);
  BOOST_TEST(week_to_show("", plan, &run, d("2026-11-01")).number == 1u); // before the start
  BOOST_TEST(error_text([&] { (void)week_to_show("7", plan, nullptr, Day{}); }) ==
             "there is no week 7 in this plan | this plan has weeks 1 to 6: try 'attune week 1'");
  BOOST_TEST(error_text([&] { (void)week_to_show("x2", plan, nullptr, Day{}); }) ==
             "there is no week x2 in this plan | this plan has weeks 1 to 6: try 'attune week 1'");
  BOOST_TEST(error_text([&] { (void)week_to_show("", plan, nullptr, Day{}); }) ==
             "no programme is running, so there is no current week | name the week you want to "
             "read about; this plan has weeks 1 to 6: try 'attune week 1'");
  BOOST_TEST(error_text([&] {
               (void)week_to_show("", plan, &run, d("2026-12-20"));
             }).rfind("your programme is complete, so there is no current week", 0) == 0);
  run.ended = d("2026-11-05");
  BOOST_TEST(error_text([&] {
               (void)week_to_show("", plan, &run, d("2026-11-06"));
             }).rfind("your programme is complete", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
