// today's decision and renderers (today_view.hpp), with fixed dates and hand-built plans.
#include <boost/test/unit_test.hpp>

#include "attune/json.hpp"
#include "attune/today_view.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// Weeks 1-2: breathe daily (what + caution), call 3 a week, and when-upset when it arises.
Plan today_plan() {
  Exercise breathe = daily("breathe");
  breathe.title = "Breathe";
  breathe.what = "Three slow breaths.";
  breathe.caution = "Stop if it feels bad.";
  Exercise call = per_week("call", 3);
  call.title = "Call someone";
  call.cue = "After lunch.";
  Exercise upset = daily("when-upset");
  upset.title = "When upset";
  upset.schedule.kind = ScheduleKind::when_it_arises;
  Plan p = make_plan({{breathe, call, upset}, {breathe, call, upset}});
  p.week_plans[0].theme = "Noticing";
  p.week_plans[0].rationale = "Why this week.";
  return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(today_view)

BOOST_AUTO_TEST_CASE(words_of_a_day) {
  BOOST_TEST(std::string(state_word(ExerciseState::done)) == "done");
  BOOST_TEST(std::string(state_word(ExerciseState::not_arisen)) == "not_arisen");
  BOOST_TEST(std::string(state_word(ExerciseState::open)) == "open");
  Position pos;
  pos.week = 3;
  pos.day = 17;
  pos.total_days = 42;
  BOOST_TEST(position_line(pos) == "Week 3 · Day 17 of 42");

  const Plan plan = today_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "call");
  add(run, RecordType::done, "2026-11-04", "breathe");
  // Wednesday 11-04: breathe done, call 1 of 3 with today and 4 more days left.
  const DayView view = day_view(plan, run, d("2026-11-04"));
  for (const DueItem &item : view.items)
    if (item.exercise->id == "call")
      BOOST_TEST(weekly_progress(item) == "1 of 3 this week, today and 4 more days left");
    else
      BOOST_TEST(weekly_progress(item) == "");
  BOOST_TEST(day_summary(view, "today") ==
             "The one for today is taken care of, 1 more open this week.");
  const DayView thursday = day_view(plan, run, d("2026-11-05"));
  BOOST_TEST(day_summary(thursday, "that day") ==
             "0 of 1 for that day taken care of, 1 more open this week.");
}

BOOST_AUTO_TEST_CASE(the_run_to_show_is_the_active_one_else_an_ended_one) {
  History history;
  BOOST_TEST(run_to_show(history) == nullptr);
  history.runs.push_back(make_run(start_mon));
  history.newest_run = 1;
  BOOST_TEST(run_to_show(history) == &history.runs.back());
  BOOST_TEST(ended_run(history) == nullptr); // active: nothing ended
  history.runs.back().ended = d("2026-11-10");
  BOOST_TEST(history.active() == nullptr);
  BOOST_TEST(ended_run(history) == &history.runs.back());
  BOOST_TEST(run_to_show(history) == &history.runs.back());
}

BOOST_AUTO_TEST_CASE(decides_the_day_and_whether_the_week_introduces_itself) {
  const Plan plan = today_plan();
  const Run run = make_run(start_mon);
  // Wednesday of week 1, seen on that day: the week may introduce itself.
  const TodayView v = decide_today(plan, run, d("2026-11-04"), d("2026-11-04"));
  BOOST_TEST(v.view.pos.week == 1u);
  BOOST_TEST(v.view.pos.day == 3u);
  BOOST_TEST(v.this_week);
  BOOST_TEST(!v.over);
  BOOST_TEST(today_intro(v, false, std::nullopt));
  BOOST_TEST(!today_intro(v, true, std::nullopt)); // --quiet
  WeekSeen seen;
  seen.programme = programme_key(run);
  seen.intro = 1;
  BOOST_TEST(!today_intro(v, false, seen)); // already introduced
  // Another day (--date) never introduces; nor does a day after the end.
  const TodayView before = decide_today(plan, run, d("2026-11-04"), d("2026-11-03"));
  BOOST_TEST(!before.this_week);
  BOOST_TEST(!today_intro(before, false, std::nullopt));
  const TodayView after = decide_today(plan, run, d("2026-11-20"), d("2026-11-20"));
  BOOST_TEST(after.over);
  BOOST_TEST(!today_intro(after, false, std::nullopt));
}

BOOST_AUTO_TEST_CASE(text_lists_the_scheduled_then_the_situational_and_a_summary) {
  const Plan plan = today_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "breathe");
  TodayView v = decide_today(plan, run, d("2026-11-02"), d("2026-11-02"));
  v.intro = true;
  const std::string expected = "Week 1 · Day 1 of 14  Today, Monday\n"
                               "This week: Noticing\n"
                               "\n"
                               "Why this week.\n"
                               "\n"
                               "  [done]    Breathe (breathe)\n"
                               "  [open]    Call someone (call): 0 of 3 this week, today and 6 "
                               "more days left\n"
                               "            When: After lunch.\n"
                               "\n"
                               "If it comes up:\n"
                               "            When upset (when-upset)\n"
                               "These are for when the moment comes; a day without it counts "
                               "against nothing. 'attune checkin --not-arisen ID' notes that it "
                               "did not come up.\n"
                               "\n"
                               "The one for today is taken care of, 1 more open this week.\n";
  BOOST_TEST(render_today_text(v, false, 200) == expected);
}

BOOST_AUTO_TEST_CASE(text_of_a_paused_day_before_the_start_and_after_the_end) {
  const Plan plan = today_plan();
  Run run = make_run(start_mon);
  run.pauses.push_back({d("2026-11-03"), d("2026-11-05"), "", "p1"});
  const TodayView paused = decide_today(plan, run, d("2026-11-04"), d("2026-11-04"));
  BOOST_TEST(render_today_text(paused, false, 200) ==
             paused_line(d("2026-11-03"), d("2026-11-05")) + "\n");
  const Run fresh = make_run(start_mon); // the view points at its run: a named one, not a temporary
  const TodayView early = decide_today(plan, fresh, d("2026-10-30"), d("2026-10-30"));
  BOOST_TEST(render_today_text(early, false, 200) ==
             "Your programme begins on 2026-11-02. Until then, nothing is due.\n");
  const Run plain = make_run(start_mon);
  const TodayView over = decide_today(plan, plain, d("2026-11-20"), d("2026-11-20"));
  const std::string text = render_today_text(over, false, 200);
  BOOST_TEST(text.rfind("Your programme (Test plan) ran from 2026-11-02 to 2026-11-15. What you "
                        "practised is yours to keep.\n",
                        0) == 0);
  BOOST_TEST(text.find("'attune keep EXERCISE...'") != std::string::npos);
  BOOST_TEST(text == render_after_today_text(plan, plain, d("2026-11-20"), false, 200));
}

BOOST_AUTO_TEST_CASE(json_keeps_the_fields_of_today) {
  const Plan plan = today_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::skip, "2026-11-02", "breathe", "tired");
  const TodayView v = decide_today(plan, run, d("2026-11-02"), d("2026-11-02"));
  const std::string json = render_today_json(v);
  BOOST_TEST(json.find("\"date\": \"2026-11-02\"") != std::string::npos);
  BOOST_TEST(json.find("\"phase\": \"active\"") != std::string::npos);
  BOOST_TEST(json.find("\"paused\": null") != std::string::npos);
  BOOST_TEST(json.find("\"state\": \"skipped\"") != std::string::npos);
  BOOST_TEST(json.find("\"reason\": \"tired\"") != std::string::npos);
  BOOST_TEST(json.find("\"state\": \"if_it_comes_up\"") != std::string::npos);
  BOOST_TEST(json.find("\"week_target\": 3") != std::string::npos);
  BOOST_TEST(json.find("\"cue_source\": \"plan\"") != std::string::npos);
  BOOST_TEST(json.find("\"review_offered\": false") != std::string::npos);
  BOOST_TEST(json.find("\"followup_due\": null") != std::string::npos);
  const std::string none = render_no_programme_json(d("2026-11-02"));
  BOOST_TEST(none.find("\"phase\": \"none\"") != std::string::npos);
  BOOST_TEST(render_no_programme_text(200) ==
             "No programme is running yet.\nWhen you are ready, 'attune start' begins six weeks "
             "of small steps ('attune plan list' shows the plans).\n");
}

BOOST_AUTO_TEST_CASE(the_last_day_offers_the_review_after_the_list) {
  const Plan plan = today_plan();
  const Run run = make_run(start_mon);
  const std::string after = render_after_today_text(plan, run, d("2026-11-15"), false, 200);
  BOOST_TEST(after == "\nThis is the last day of your programme. When you are ready, 'attune "
                      "review' asks three short questions to carry with you.\n");
  BOOST_TEST(render_after_today_text(plan, run, d("2026-11-10"), false, 200) == "");
}

BOOST_AUTO_TEST_SUITE_END()
