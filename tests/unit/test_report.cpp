#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "attune/report.hpp"
#include "attune/text.hpp"
#include "progress_fixtures.hpp"
#include "report_common.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// A fixed six-week history: three exercises, a grace day, skips, notes, weekly self-checks.
/// Start Mon 2026-11-02; the person misses a few days in week 2, has a strong week 4.
Plan golden_plan() {
  std::vector<std::vector<Exercise>> weeks;
  for (unsigned w = 1; w <= 6; ++w) {
    Exercise notice = daily("notice-urge");
    notice.title = "Notice the urge to pull away";
    Exercise share = on_days("share-feeling", {1, 4});
    share.title = "Share one feeling with someone close";
    Exercise ask = per_week("ask-for-help", w <= 3 ? 2 : 3);
    ask.title = "Ask for help with something small";
    if (w <= 3)
      weeks.push_back({notice, share});
    else
      weeks.push_back({notice, share, ask});
  }
  Plan p = make_plan(std::move(weeks));
  p.id = "avoidant";
  p.name = "Toward secure: six weeks of small steps";
  p.streak.grace_days = 1;
  p.support = "If things feel heavy, a counsellor or therapist can walk alongside you.";
  const char *themes[] = {"Noticing", "Naming", "Staying", "Asking", "Allowing", "Keeping"};
  for (unsigned w = 0; w < 6; ++w)
    p.week_plans[w].theme = themes[w];
  return p;
}

Run golden_run() {
  Run run = make_run(start_mon);
  for (int i = 0; i < 42; ++i) {
    const Day day = start_mon + date::days(i);
    const std::string ds = format_day(day);
    const bool week2_gap = i == 9 || i == 10 || i == 12;
    if (i == 20) {
      add(run, RecordType::skip, ds, "notice-urge", "visiting family, \"no\" time");
    } else if (!week2_gap && i % 11 != 5) {
      add(run, RecordType::done, ds, "notice-urge");
    }
    const auto wd = date::weekday{day};
    if ((wd == date::Monday || wd == date::Thursday) && i != 10 && i != 31)
      add(run, RecordType::done, ds, "share-feeling");
    if (i % 3 == 1)
      add(run, RecordType::done, ds, "ask-for-help");
  }
  add_check(run, "2026-11-02", 0, {2, 4});
  add_check(run, "2026-11-08", 1, {2, 3});
  add_check(run, "2026-11-22", 3, {3, 3});
  add_check(run, "2026-11-29", 4, {4, 3});
  add_check(run, "2026-12-13", 6, {4, 2});
  Record note;
  note.type = RecordType::note;
  note.day = d("2026-11-12");
  note.text = "Told A. I felt left out | and it went <fine>.";
  run.records.push_back(note);
  note.day = d("2026-12-01");
  note.text = "Asked for a hug, *first time* in ages";
  run.records.push_back(note);
  return run;
}

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Compares with tests/golden/NAME; ATTUNE_UPDATE_GOLDEN=1 rewrites the file instead.
void check_golden(const std::string &name, const std::string &actual) {
  const std::string path = std::string(ATTUNE_SOURCE_DIR) + "/tests/golden/" + name;
  if (const char *u = std::getenv("ATTUNE_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = read_file(path);
  BOOST_TEST(!expected.empty(), name << " is missing: run with ATTUNE_UPDATE_GOLDEN=1");
  BOOST_TEST(actual == expected, name << " differs: review, then ATTUNE_UPDATE_GOLDEN=1");
}

std::size_t widest_line(const std::string &text) {
  std::size_t widest = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    widest = std::max(widest, display_width(text.substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

} // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(text_report_mid_programme_matches_golden) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-11-18"));
  ReportOptions o;
  o.week = 3;
  check_golden("report_mid.txt", render_text(p, o));
}

BOOST_AUTO_TEST_CASE(text_report_after_the_programme_matches_golden) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  check_golden("report_final.txt", render_text(p, ReportOptions{}));
}

/// Weeks 1-2: a daily, b when it arises; week 2 adds c (per week). Today Wed 2026-11-04:
/// a done Mon -> a scheduled row; b done Tue -> a situational row; c untouched and its week not
/// begun -> no row. The HTML, Markdown and text tables all take their rows from here.
BOOST_AUTO_TEST_CASE(exercise_rows_skip_what_nobody_could_have_done_and_split_by_schedule) {
  Exercise b = daily("b");
  b.schedule.kind = ScheduleKind::when_it_arises;
  const Plan plan = make_plan({{daily("a"), b}, {daily("a"), b, per_week("c", 2)}});
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "a");
  add(run, RecordType::done, "2026-11-03", "b");
  const Progress p = compute_progress(plan, run, d("2026-11-04"));
  std::string rows;
  report_detail::each_exercise_row(
      p, [&](const ExerciseStats &e) { rows += "situational " + e.exercise->id + "\n"; },
      [&](const ExerciseStats &e) { rows += "scheduled " + e.exercise->id + "\n"; });
  BOOST_TEST(rows == "scheduled a\nsituational b\n");
  BOOST_TEST(p.exercises.size() == 3U); // c is in the progress, only left out of the table
}

BOOST_AUTO_TEST_CASE(markdown_and_json_match_golden) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  check_golden("report_final.md", render_markdown(p, ReportOptions{}));
  check_golden("report_final.json", render_json(p));
}

BOOST_AUTO_TEST_CASE(text_report_fits_the_width_it_is_given) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  for (unsigned width : {80u, 72u, 60u, 50u, 40u}) {
    ReportOptions o;
    o.width = width;
    o.week = 2;
    BOOST_TEST(widest_line(render_text(p, o)) <= width, "width " << width);
  }
}

BOOST_AUTO_TEST_CASE(colour_is_optional_and_symbols_stay) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-11-18"));
  ReportOptions o;
  const std::string plain = render_text(p, o);
  o.color = true;
  const std::string coloured = render_text(p, o);
  BOOST_TEST(plain.find('\x1b') == std::string::npos);
  BOOST_TEST(coloured.find("\x1b[32m\xe2\x97\x8f\x1b[0m") != std::string::npos);
  BOOST_TEST(plain.find("\xe2\x97\x8f kept") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_quotes_fields_as_rfc_4180_says) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  const std::string csv = render_csv(p);
  BOOST_TEST(csv.rfind("date,week,day,exercise,title,status,reason\r\n", 0) == 0);
  BOOST_TEST(csv.find("2026-11-22,3,21,notice-urge,Notice the urge to pull away,skipped,"
                      "\"visiting family, \"\"no\"\" time\"\r\n") != std::string::npos);
  // Weeks 1-3 list 2 exercises, weeks 4-6 three: 21*2 + 21*3 rows and a header.
  BOOST_TEST(std::count(csv.begin(), csv.end(), '\n') == 1 + 42 + 63);
}

BOOST_AUTO_TEST_CASE(html_is_self_contained_and_escapes_text) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  const std::string html = render_html(p, ReportOptions{});
  check_golden("report_final.html", html);
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("http://") == std::string::npos);
  BOOST_TEST(html.find("https://") == std::string::npos);
  BOOST_TEST(html.find("&lt;fine&gt;") != std::string::npos);
  BOOST_TEST(html.find("<fine>") == std::string::npos);
  BOOST_TEST(html.find("id=\"chart-adherence\"") != std::string::npos);
  BOOST_TEST(html.find("id=\"chart-calendar\"") != std::string::npos);
  BOOST_TEST(html.find("id=\"chart-self-check\"") != std::string::npos);
  BOOST_TEST(html.find("not a diagnosis") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(human_formats_show_control_characters_and_json_csv_keep_them) {
  Plan plan = golden_plan();
  plan.name = "Evil\x1b]0;PWNED\x07 plan";
  Run run = golden_run();
  Record note;
  note.type = RecordType::note;
  note.day = d("2026-12-02");
  note.text = "calm\x1b[2J\nforged & <b>";
  run.records.push_back(note);
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  const std::string text = render_text(p, ReportOptions{});
  const std::string md = render_markdown(p, ReportOptions{});
  const std::string html = render_html(p, ReportOptions{});
  for (const std::string *out : {&text, &md, &html}) {
    BOOST_TEST(out->find('\x1b') == std::string::npos);
    BOOST_TEST(out->find('\x07') == std::string::npos);
    BOOST_TEST(out->find("\nforged") == std::string::npos); // no line of its own
  }
  BOOST_TEST(text.find("Evil\\e]0;PWNED\\x07 plan") != std::string::npos);
  BOOST_TEST(text.find("calm\\e[2J\xe2\x8f\x8e"
                       "forged & <b>") != std::string::npos);
  // Markdown escapes the backslash printable() wrote, so it reads \e once rendered.
  BOOST_TEST(md.find("calm\\\\e\\[2J\xe2\x8f\x8e"
                     "forged & \\<b\\>") != std::string::npos);
  BOOST_TEST(html.find("calm\\e[2J\xe2\x8f\x8e"
                       "forged &amp; &lt;b&gt;") != std::string::npos);
  BOOST_TEST(html.find("<title>Evil\\e]0;PWNED\\x07 plan") != std::string::npos);
  // JSON keeps the exact text, escaped as JSON.
  BOOST_TEST(render_json(p).find("Evil\\u001b]0;PWNED\\u0007 plan") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(renders_kindly_before_and_on_the_first_day) {
  const Plan plan = golden_plan();
  const Run run = make_run(start_mon);
  const Progress before = compute_progress(plan, run, d("2026-11-01"));
  const std::string early = render_text(before, ReportOptions{});
  BOOST_TEST(early.find("Starts Mon 2 Nov 2026") != std::string::npos);
  BOOST_TEST(early.find("the programme has not begun") != std::string::npos);
  const Progress first = compute_progress(plan, run, start_mon);
  const std::string text = render_text(first, ReportOptions{});
  BOOST_TEST(text.find("Week 1 \xc2\xb7 Day 1 of 42") != std::string::npos);
  BOOST_TEST(text.find("today is a fine day to begin") != std::string::npos);
  BOOST_TEST(text.find("not answered yet") != std::string::npos);
  BOOST_TEST(render_json(first).find("\"summary\": null") != std::string::npos);
  const std::string md = render_markdown(first, ReportOptions{});
  BOOST_TEST(md.find("- Practised on 0 days, 0 practices done.") != std::string::npos);
  BOOST_TEST(md.find("Planned practices done: 0 of 0") != std::string::npos);
  // Nothing is lost on day 1: no "0 days current streak", no rows of zeros for later weeks.
  BOOST_TEST(md.find("current") == std::string::npos);
  BOOST_TEST(text.find("Current streak") == std::string::npos);
  for (const ExerciseStats &e : first.exercises)
    if (e.exercise->id != first.plan->week_plans[0].exercises[0].id &&
        e.exercise->id != first.plan->week_plans[0].exercises.back().id)
      BOOST_TEST(text.find(e.exercise->title) == std::string::npos, e.exercise->title);
  BOOST_TEST(render_html(first, ReportOptions{}).find("No self-check yet") != std::string::npos);
}

/// Mon 2 Nov kept, Tue 3 Nov nothing, Wed 4 Nov (today, open): never miss twice. On Thu 5 Nov,
/// after two missed days, the line is not said (it would only count a loss).
BOOST_AUTO_TEST_CASE(one_missed_day_brings_never_miss_twice) {
  const Plan plan = golden_plan();
  Run run = make_run(start_mon);
  add(run, RecordType::done, "2026-11-02", "notice-urge");
  add(run, RecordType::done, "2026-11-02", "share-feeling");
  const std::string wed =
      render_text(compute_progress(plan, run, d("2026-11-04")), ReportOptions{});
  BOOST_TEST(wed.find("Never miss twice: today keeps it going.") != std::string::npos);
  const std::string thu =
      render_text(compute_progress(plan, run, d("2026-11-05")), ReportOptions{});
  BOOST_TEST(thu.find("Never miss twice") == std::string::npos);
  add(run, RecordType::done, "2026-11-04", "notice-urge");
  const std::string kept =
      render_text(compute_progress(plan, run, d("2026-11-04")), ReportOptions{});
  BOOST_TEST(kept.find("Never miss twice") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ended_run_says_when_it_ended) {
  const Plan plan = golden_plan();
  Run run = golden_run();
  run.ended = d("2026-11-20");
  const Progress p = compute_progress(plan, run, d("2026-11-25"));
  BOOST_TEST(render_text(p, ReportOptions{}).find("Ended on Fri 20 Nov 2026") != std::string::npos);
  BOOST_TEST(p.days[18].status == DayStatus::kept);   // Fri 20 Nov, the last counted day
  BOOST_TEST(p.days[19].status == DayStatus::future); // after the end: not counted
}

BOOST_AUTO_TEST_CASE(parses_report_format_names) {
  BOOST_TEST((parse_report_format("md") == ReportFormat::markdown));
  BOOST_TEST(!parse_report_format("pdf").has_value());
}

BOOST_AUTO_TEST_CASE(renders_a_million_records_in_well_under_a_second) {
  // Not a timed assertion (machines differ): counts prove every record was indexed once;
  // tests/e2e measures the whole command.
  const Plan plan = golden_plan();
  Run run = make_run(start_mon);
  run.records.reserve(1000000);
  for (int i = 0; i < 1000000; ++i)
    add(run, RecordType::done, format_day(start_mon + date::days(i % 42)), "notice-urge");
  const Progress p = compute_progress(plan, run, d("2026-12-20"));
  BOOST_TEST(p.exercises[0].adherence.done == 42u);
  BOOST_TEST(!render_html(p, ReportOptions{}).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_runs)

/// Worked example: run 1 is the golden six weeks (finished by 2026-12-24); run 2 is a
/// three-week plan with dimensions started Mon 2026-12-21: done Mon, Tue and Thu (today),
/// Wed missed, no grace day, a baseline self-check only.
///   run 2: 3 days practised, 3 of 4 planned (75%), longest streak 2 (Mon-Tue),
///   week_adherence {null, 0.75, null, null}, avoidance 3.0 with no latest yet;
///   the shared axis is the longer plan's: 6 weeks.
BOOST_AUTO_TEST_CASE(two_runs_side_by_side_on_one_axis) {
  const Plan plan1 = golden_plan();
  Run run1 = golden_run();
  Plan plan2 = make_plan({{daily("notice-urge")}, {daily("notice-urge")}, {daily("notice-urge")}});
  plan2.id = "short";
  plan2.name = "Three short weeks";
  plan2.self_check = make_dimension_check();
  plan2.streak.grace_days = 0;
  Run run2 = make_run(d("2026-12-21"));
  run2.number = 2;
  for (const char *day : {"2026-12-21", "2026-12-22", "2026-12-24"})
    add(run2, RecordType::done, day, "notice-urge");
  add_check(run2, "2026-12-21", 0, {3, 3, 4, 2, 3});
  const Day today = d("2026-12-24");
  const std::vector<Progress> progress{compute_progress(plan1, run1, today),
                                       compute_progress(plan2, run2, today)};

  const RunComparison c = compare_runs(progress);
  BOOST_TEST(c.weeks == 6u);
  BOOST_TEST(format_day(c.today) == "2026-12-24");
  BOOST_TEST_REQUIRE(c.runs.size() == 2u);

  const RunRow &first = c.runs[0];
  BOOST_TEST(first.run == 1u);
  BOOST_TEST((first.phase == Phase::finished));
  BOOST_TEST(format_day(first.end) == "2026-12-13");
  BOOST_TEST(first.adherence.done == progress[0].total.done);
  BOOST_TEST(first.longest_streak == progress[0].streak.longest);
  BOOST_TEST(first.week_adherence.size() == 7u);
  BOOST_TEST(!first.week_adherence[0].has_value());
  BOOST_TEST(first.week_self_check[0].has_value());  // the baseline
  BOOST_TEST(!first.week_self_check[2].has_value()); // week 2 not answered
  BOOST_TEST(first.dimensions.empty());              // an older, one-number self-check
  BOOST_TEST(*first.self_check_baseline == progress[0].self_check.baseline->percent);

  const RunRow &second = c.runs[1];
  BOOST_TEST(second.run == 2u);
  BOOST_TEST(second.plan_id == "short");
  BOOST_TEST((second.phase == Phase::active));
  BOOST_TEST(format_day(second.end) == "2027-01-10");
  BOOST_TEST(second.days_practised == 3u);
  BOOST_TEST(second.adherence.done == 3u);
  BOOST_TEST(second.adherence.planned == 4u);
  BOOST_TEST(second.longest_streak == 2u);
  BOOST_TEST_REQUIRE(second.week_adherence.size() == 4u);
  BOOST_TEST(*second.week_adherence[1] == 0.75);
  BOOST_TEST(!second.week_adherence[2].has_value()); // not begun
  BOOST_TEST_REQUIRE(second.dimensions.size() == 3u);
  BOOST_TEST(*second.dimensions[0].baseline == 3.0);
  BOOST_TEST(!second.dimensions[0].change.has_value());

  // The renderers: strings, one row per programme.
  ReportOptions o;
  o.width = 80;
  const std::string text = render_runs_text(c, o);
  BOOST_TEST(widest_line(text) <= 80u);
  BOOST_TEST(text.find("  2  short     2026-12-21 \xe2\x80\x93 2027-01-10  running       3 days"
                       "        75%   2 days\n") != std::string::npos,
             text);
  BOOST_TEST(text.find("  2  3.0             4.0             2.0") != std::string::npos, text);
  const std::string json = render_runs_json(c);
  BOOST_TEST(json.rfind("{\n  \"schema\": 1,\n  \"today\": \"2026-12-24\",\n  \"weeks\": 6,", 0) ==
                 0u,
             json);
  BOOST_TEST(
      render_runs_markdown(c).find("| 2 | Three short weeks | 2026-12-21 \xe2\x80\x93 2027-01-10 "
                                   "| running | 3 | 75% (3 of 4) | 2 days |") != std::string::npos);
  const std::string html = render_runs_html(c);
  BOOST_TEST(
      html.find(
          "<svg id=\"chart-run-1\" class=\"run-chart\" role=\"img\" viewBox=\"0 0 370 220\"") !=
      std::string::npos);
  BOOST_TEST(
      html.find(
          "<svg id=\"chart-run-2\" class=\"run-chart\" role=\"img\" viewBox=\"0 0 370 220\"") !=
      std::string::npos);
}

BOOST_AUTO_TEST_CASE(streak_json_carries_the_schema_and_the_days_behind_it) {
  const Plan plan = golden_plan();
  const Run run = golden_run();
  const Progress p = compute_progress(plan, run, d("2026-11-10"));
  const std::string json = render_streak_json(p, 3);
  BOOST_TEST(json.rfind("{\n  \"schema\": 1,\n  \"run\": 1,\n  \"phase\": \"active\",", 0) == 0u,
             json);
  BOOST_TEST(json.find("\"through\": \"2026-11-10\"") != std::string::npos, json);
  // The last three counted days, oldest first.
  BOOST_TEST(json.find("\"date\": \"2026-11-08\"") != std::string::npos, json);
  BOOST_TEST(json.find("\"date\": \"2026-11-07\"") == std::string::npos, json);
}

BOOST_AUTO_TEST_SUITE_END()
