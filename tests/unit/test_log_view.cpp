// `attune log`'s filters and text renderer (log_view.hpp), on hand-built runs and fixed dates.
#include <boost/test/unit_test.hpp>

#include "attune/error.hpp"
#include "attune/log_view.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

const std::chrono::minutes four_am{4 * 60};

Instant at(const char *day, int hour, int minute) {
  return Instant{d(day)} + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

/// A one-week run from Monday 2026-11-02: a start, a done and a note (both at 21:05 on their
/// own day), a skip recorded the next day (backdated), a baseline self-check and an undo.
Run logged_run() {
  Run run = make_run(start_mon);
  run.number = 2;
  add(run, RecordType::start, "2026-11-02", "");
  run.records.back().plan_id = "test";
  add(run, RecordType::done, "2026-11-03", "name-it");
  add(run, RecordType::note, "2026-11-03", "", "Dinner was calm");
  add(run, RecordType::skip, "2026-11-04", "name-it", "tired");
  add_check(run, "2026-11-01", 0, {3, 4, 1});
  add(run, RecordType::undo, "2026-11-04", "");
  for (Record &r : run.records)
    r.recorded = at(format_day(r.day).c_str(), 21, 5);
  run.records[3].recorded = at("2026-11-05", 9, 30);
  return run;
}

} // namespace

BOOST_AUTO_TEST_SUITE(log_view)

BOOST_AUTO_TEST_CASE(folding_and_searchable_words) {
  BOOST_TEST(fold_ascii("Dinner \xc3\x84"
                        "B") == "dinner \xc3\x84"
                                "b");
  Record r;
  r.exercise = "Name-It";
  r.text = "Calm";
  r.plan_id = "avoidant";
  BOOST_TEST(log_searchable(r) == "name-it\ncalm\navoidant");
  BOOST_TEST(answers_text({3, 4, 1}) == "3,4,1");
  BOOST_TEST(answers_text({}) == "");
}

BOOST_AUTO_TEST_CASE(filter_reads_options_in_order) {
  const Plan plan = make_plan({{daily("name-it")}});
  const Day today = d("2026-11-05"); // a Thursday
  const LogFilter f = make_log_filter(plan, 1u, std::string("tue"), std::string("DINNER"), today);
  BOOST_TEST(*f.week == 1u);
  BOOST_TEST(format_day(*f.since) == "2026-11-03");
  BOOST_TEST(f.grep == "dinner");
  BOOST_TEST(f.any());
  BOOST_TEST(!make_log_filter(plan, {}, {}, {}, today).any());
  try {
    make_log_filter(plan, 2u, std::string("nonsense"), std::string(""), today);
    BOOST_FAIL("week 2 of a one-week plan");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()) == "--week 2 is not a week of the programme");
    BOOST_TEST(e.hint() == "use 1 to 1");
  }
  BOOST_CHECK_THROW(make_log_filter(plan, {}, std::string("nonsense"), {}, today), Error);
  try {
    make_log_filter(plan, {}, {}, std::string(""), today);
    BOOST_FAIL("an empty --grep");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::usage));
  }
}

BOOST_AUTO_TEST_CASE(shows_everything_but_undo_and_what_filters_leave_out) {
  const Plan plan = make_plan({{daily("name-it")}});
  const Run run = logged_run();
  const std::vector<LogEntry> all = log_entries(plan, run, {});
  BOOST_TEST(all.size() == 5u);
  BOOST_TEST(all[0].record.run == 2u);
  BOOST_TEST(all[4].programme_week == 0u); // the baseline, before the start
  LogFilter week1;
  week1.week = 1;
  BOOST_TEST(log_entries(plan, run, week1).size() == 4u);
  LogFilter since;
  since.since = d("2026-11-04");
  BOOST_TEST(log_entries(plan, run, since).size() == 1u);
  LogFilter grep;
  grep.grep = "calm";
  BOOST_TEST(log_entries(plan, run, grep).size() == 1u);
  grep.grep = "it\ncalm"; // never across two fields
  BOOST_TEST(log_entries(plan, run, grep).empty());
}

BOOST_AUTO_TEST_CASE(clock_is_blank_for_a_backdated_record) {
  const Zone utc = Zone::fixed("UTC", std::chrono::seconds{0});
  const Run run = logged_run();
  BOOST_TEST(log_clock(run.records[1], utc, four_am) == "21:05");
  BOOST_TEST(log_clock(run.records[3], utc, four_am) == "     ");
  // 01:30 on the 4th is still the 3rd when days start at 04:00.
  Record late = run.records[1];
  late.recorded = at("2026-11-04", 1, 30);
  BOOST_TEST(log_clock(late, utc, four_am) == "01:30");
}

BOOST_AUTO_TEST_CASE(text_lines_worked_example) {
  const Plan plan = make_plan({{daily("name-it")}});
  const Zone utc = Zone::fixed("UTC", std::chrono::seconds{0});
  const std::string text = render_log_text(plan, logged_run(), {}, utc, four_am, 80);
  const std::string expected = "2026-11-02  W1 D1  21:05  started programme 2 (test)\n"
                               "2026-11-03  W1 D2  21:05  done     name-it\n"
                               "2026-11-03  W1 D2  21:05  note     Dinner was calm\n"
                               "2026-11-04  W1 D3         skipped  name-it: tired\n"
                               "2026-11-01         21:05  self-check (baseline) 3,4,1\n";
  BOOST_TEST(text == expected);
}

BOOST_AUTO_TEST_CASE(long_notes_hang_under_their_text) {
  Record r;
  r.type = RecordType::note;
  r.day = d("2026-11-03");
  r.text = "one two three four five";
  Position pos;
  pos.week = 1;
  pos.day = 2;
  BOOST_TEST(render_log_line(r, pos, 1, "21:05", 50) ==
             "2026-11-03  W1 D2  21:05  note     one two three\n"
             "                                   four five\n");
  r.text.clear();
  BOOST_TEST(render_log_line(r, pos, 1, "21:05", 80) ==
             "2026-11-03  W1 D2  21:05  note     (text erased)\n");
}

BOOST_AUTO_TEST_CASE(nothing_to_show) {
  const Plan plan = make_plan({{daily("name-it")}});
  const Zone utc = Zone::fixed("UTC", std::chrono::seconds{0});
  const Run empty = make_run(start_mon);
  BOOST_TEST(render_log_text(plan, empty, {}, utc, four_am, 80) == "Nothing recorded yet.\n");
  LogFilter f;
  f.grep = "x";
  BOOST_TEST(render_log_text(plan, empty, f, utc, four_am, 80) == "Nothing recorded matches.\n");
}

BOOST_AUTO_TEST_SUITE_END()
