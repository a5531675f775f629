#include <boost/test/unit_test.hpp>

#include <string>

#include "attune/text.hpp"
#include "attune/week_view.hpp"

using namespace attune;

BOOST_AUTO_TEST_SUITE(week_view)

namespace {

/// Week 2 of a six-week plan: one daily exercise with a cue, one on two weekdays without.
Plan week_view_plan() {
  Plan plan;
  plan.weeks = 6;
  Week w;
  w.number = 2;
  w.theme = "Noticing";
  w.rationale = "Before changing a habit, see it. This week you only watch.";
  Exercise a;
  a.id = "name-it";
  a.title = "Name it";
  a.what = "When you want to pull away, say the feeling to yourself.";
  a.why = "Naming a feeling calms it.";
  a.cue = "After dinner";
  a.schedule.kind = ScheduleKind::daily;
  Exercise b;
  b.id = "reach";
  b.title = "Reach\x1b[2J out";
  b.what = "Send one message.";
  b.why = "Small steps.";
  b.schedule.kind = ScheduleKind::weekdays;
  b.schedule.on[1] = b.schedule.on[4] = true; // Monday, Thursday
  w.exercises = {a, b};
  plan.week_plans = {Week{}, w};
  return plan;
}

} // namespace

BOOST_AUTO_TEST_CASE(describes_schedules_in_words) {
  Schedule s;
  BOOST_TEST(describe_schedule(s) == "daily");
  s.kind = ScheduleKind::times_per_week;
  s.times = 1;
  BOOST_TEST(describe_schedule(s) == "once a week");
  s.times = 2;
  BOOST_TEST(describe_schedule(s) == "twice a week");
  s.times = 3;
  BOOST_TEST(describe_schedule(s) == "3 times a week");
  s.kind = ScheduleKind::weekdays;
  s.on[0] = s.on[1] = true; // Sunday and Monday: Monday first
  BOOST_TEST(describe_schedule(s) == "on Monday, Sunday");
}

BOOST_AUTO_TEST_CASE(text_shows_theme_rationale_and_each_exercise_wrapped_and_printable) {
  const Plan plan = week_view_plan();
  const std::string out = render_week_text(plan, plan.week_plans[1], 40);
  const std::string expected = "Week 2 of 6: Noticing\n"
                               "Before changing a habit, see it. This\n"
                               "week you only watch.\n"
                               "\n"
                               "- Name it (name-it), daily\n"
                               "    What: When you want to pull away,\n"
                               "          say the feeling to yourself.\n"
                               "    Why:  Naming a feeling calms it.\n"
                               "    Cue:  After dinner\n"
                               "\n"
                               "- Reach\\e[2J out (reach), on Monday,\n"
                               "  Thursday\n"
                               "    What: Send one message.\n"
                               "    Why:  Small steps.\n";
  BOOST_TEST(out == expected);
}

BOOST_AUTO_TEST_CASE(json_keeps_the_exact_text_and_names_the_cue_source) {
  const Plan plan = week_view_plan();
  std::string out;
  for (const char c : render_week_json(plan.week_plans[1])) // compact the pretty printing
    if (c != '\n')
      out += c;
  while (out.find("  ") != std::string::npos)
    out.erase(out.find("  "), 1);
  BOOST_TEST(out.find("{ \"schema\": 1, \"week\": 2, \"theme\": \"Noticing\", \"rationale\": "
                      "\"Before") == 0u);
  BOOST_TEST(out.find("\"id\": \"name-it\", \"title\": \"Name it\", \"what\": \"When you want "
                      "to pull away, say the feeling to yourself.\", \"why\": \"Naming a feeling "
                      "calms it.\", \"cue\": \"After dinner\", \"cue_source\": \"plan\", "
                      "\"schedule\": \"daily\" }") != std::string::npos);
  BOOST_TEST(out.find("\"title\": \"Reach\\u001b[2J out\"") != std::string::npos);
  BOOST_TEST(out.find("\"cue\": \"\", \"cue_source\": \"plan\", \"schedule\": \"on Monday, "
                      "Thursday\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrap_words_fills_lines_with_an_indent) {
  BOOST_TEST(wrap_words("a bb cc", 6, "  ") == "  a bb\n  cc\n");
  BOOST_TEST(wrap_words("a bb cc", 0, "  ") == "  a bb cc\n");
}

// attune week: --plan wins; else the running programme's own copy; else the chosen plan.
BOOST_AUTO_TEST_CASE(week_shows_the_plan_option_else_the_running_copy) {
  const Run run;
  BOOST_TEST((week_plan(&run, true) == WeekPlan::option));
  BOOST_TEST((week_plan(&run, false) == WeekPlan::running_copy));
  BOOST_TEST((week_plan(nullptr, true) == WeekPlan::option));
  BOOST_TEST((week_plan(nullptr, false) == WeekPlan::chosen));
}

// The person's cue "When I get home" for name-it shows only with the running programme's plan.
BOOST_AUTO_TEST_CASE(own_cues_only_with_the_running_programmes_plan) {
  Run run;
  run.number = 1;
  Record cue;
  cue.type = RecordType::cue;
  cue.day = *parse_iso_day("2026-11-05");
  cue.recorded = *parse_instant("2026-11-05T09:00:00Z");
  cue.run = 1;
  cue.exercise = "name-it";
  cue.text = "When I get home";
  run.records.push_back(cue);
  const std::map<std::string, std::string> mine{{"name-it", "When I get home"}};
  BOOST_TEST((week_cues(&run, WeekPlan::running_copy) == mine));
  BOOST_TEST(week_cues(&run, WeekPlan::option).empty()); // another plan, as written
  BOOST_TEST(week_cues(nullptr, WeekPlan::chosen).empty());
}

BOOST_AUTO_TEST_SUITE_END()
