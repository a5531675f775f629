// remind's rules and renderers (remind.hpp), with fixed dates and hand-built plans.
#include <boost/test/unit_test.hpp>

#include "attune/remind.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// One week: breathe daily, call 3 a week, share on Mondays, upset when it arises.
Plan remind_plan() {
  Exercise upset = daily("upset");
  upset.schedule.kind = ScheduleKind::when_it_arises;
  return make_plan({{daily("breathe"), per_week("call", 3), on_days("share", {1}), upset}});
}

std::vector<std::string> ids(const Reminder &r) {
  std::vector<std::string> out;
  for (const RemindItem &item : r.open)
    out.push_back(item.id);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(remind)

BOOST_AUTO_TEST_CASE(open_means_due_today_or_a_weekly_target_not_yet_met) {
  const Plan plan = remind_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "call");
  add(run, RecordType::done, "2026-11-03", "call");
  // Wednesday: breathe due; call 2 of 3 stays open; share is Mondays only; upset never.
  const DayView view = day_view(plan, run, d("2026-11-04"));
  std::vector<std::string> open;
  for (const DueItem &item : view.items)
    if (is_open(item))
      open.push_back(item.exercise->id);
  BOOST_TEST(open == (std::vector<std::string>{"breathe", "call"}),
             boost::test_tools::per_element());
  // The third time meets the target: call is no longer open on Thursday.
  add(run, RecordType::done, "2026-11-04", "call");
  add(run, RecordType::done, "2026-11-04", "breathe");
  const Reminder thursday = decide_remind(&plan, &run, d("2026-11-05"));
  BOOST_TEST(ids(thursday) == (std::vector<std::string>{"breathe"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(decides_the_state) {
  const Plan plan = remind_plan();
  BOOST_TEST(to_string(decide_remind(nullptr, nullptr, d("2026-11-04")).state) ==
             std::string("idle"));
  Run run = make_run(start_mon);
  const Reminder monday = decide_remind(&plan, &run, d("2026-11-02"));
  BOOST_TEST(to_string(monday.state) == std::string("open"));
  BOOST_TEST(monday.week == 1u);
  BOOST_TEST(monday.day_number == 1u);
  BOOST_TEST(ids(monday) == (std::vector<std::string>{"breathe", "call", "share"}),
             boost::test_tools::per_element());
  for (const char *id : {"breathe", "share"})
    add(run, RecordType::done, "2026-11-02", id);
  add(run, RecordType::skip, "2026-11-02", "call");
  BOOST_TEST(to_string(decide_remind(&plan, &run, d("2026-11-02")).state) == std::string("clear"));
  // Before the start: idle; while paused: paused, nothing listed.
  BOOST_TEST(to_string(decide_remind(&plan, &run, d("2026-11-01")).state) == std::string("idle"));
  run.pauses.push_back({d("2026-11-03"), std::nullopt, "", "p"});
  const Reminder paused = decide_remind(&plan, &run, d("2026-11-04"));
  BOOST_TEST(to_string(paused.state) == std::string("paused"));
  BOOST_TEST(paused.open.empty());
  // After the end with no kept practice and no follow-up due: idle.
  const Run plain = make_run(start_mon);
  BOOST_TEST(to_string(decide_remind(&plan, &plain, d("2026-11-12")).state) == std::string("idle"));
}

BOOST_AUTO_TEST_CASE(the_last_day_of_a_week_says_its_self_check_is_due) {
  const Plan plan = remind_plan();
  Run run = make_run(start_mon);
  const Reminder sunday = decide_remind(&plan, &run, d("2026-11-08"));
  BOOST_TEST(sunday.self_check_due);
  BOOST_TEST(render_remind_text(sunday, false) ==
             "attune: 2 practices open today: breathe, call\n"
             "attune: today ends week 1; its self-check is there when you are ready ('attune "
             "reflect')\n");
  // Notified on the desktop: only the self-check line is left to print.
  BOOST_TEST(render_remind_text(sunday, true) ==
             "attune: today ends week 1; its self-check is there when you are ready ('attune "
             "reflect')\n");
  add_check(run, "2026-11-08", 1, {3, 3});
  BOOST_TEST(!decide_remind(&plan, &run, d("2026-11-08")).self_check_due);
}

BOOST_AUTO_TEST_CASE(summary_and_json) {
  Reminder r;
  r.state = RemindState::open;
  r.day = d("2026-11-04");
  r.week = 1;
  r.day_number = 3;
  r.open = {{"stay-present", "Stay present", true, 0, 0}};
  BOOST_TEST(remind_summary(r) == "1 practice open today: stay-present");
  r.followup_due = 4;
  BOOST_TEST(remind_summary(r) == "1 practice open today: stay-present; the 4-week follow-up "
                                  "self-check is due ('attune reflect')");
  r.open.clear();
  BOOST_TEST(remind_summary(r) == "the 4-week follow-up self-check is due ('attune reflect')");
  r.open = {{"call", "Call", false, 2, 3}};
  r.followup_due.reset();
  BOOST_TEST(render_remind_json(r) ==
             "{\"schema\":1,\"state\":\"open\",\"date\":\"2026-11-04\",\"week\":1,\"day\":3,"
             "\"text\":\"attune: 1 practice open today: call\",\"self_check_due\":false,"
             "\"open\":[{\"id\":\"call\",\"title\":\"Call\",\"due_today\":false,\"week_done\":2,"
             "\"week_target\":3}],\"maintenance\":false,\"followup_due\":null}\n");
  BOOST_TEST(render_remind_text(Reminder{}, false) == "");
}

BOOST_AUTO_TEST_SUITE_END()
