// Programmes are identified by their start records: joined journals read the same in any
// line order, two starts that claim one number stay two programmes, and both readers agree.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "attune/exchange.hpp"
#include "attune/journal.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record rec(const std::string &id, RecordType type, const char *day, const char *recorded,
           unsigned run = 1) {
  Record r = record_at(id, type, day, recorded, "Europe/Berlin", run);
  if (type == RecordType::done)
    r.exercise = "catch-the-urge";
  if (type == RecordType::note)
    r.text = "a note";
  return r;
}

Record start(const std::string &id, const char *day, const char *recorded, const char *plan,
             unsigned run = 1) {
  Record r = rec(id, RecordType::start, day, recorded, run);
  r.plan_id = plan;
  r.plan_hash = std::string(64, plan[1]);
  return r;
}

/// Device P: avoidant from Mon 2 March, one check-in on the 3rd.
std::string device_p() {
  return format_record(
             start("00000000000000a1", "2026-03-02", "2026-03-02T08:00:00Z", "avoidant")) +
         format_record(
             rec("00000000000000a2", RecordType::done, "2026-03-03", "2026-03-03T19:00:00Z"));
}

/// Device Q: anxious from Mon 9 March (started on the 4th), a check-in and a note on the 9th.
std::string device_q() {
  return format_record(start("00000000000000b1", "2026-03-09", "2026-03-04T09:00:00Z", "anxious")) +
         format_record(
             rec("00000000000000b2", RecordType::done, "2026-03-09", "2026-03-09T19:00:00Z")) +
         format_record(
             rec("00000000000000b3", RecordType::note, "2026-03-09", "2026-03-09T19:01:00Z"));
}

std::string describe(const History &h) {
  std::string out;
  for (const Run &run : h.runs) {
    out += std::to_string(run.number) + " claim " + std::to_string(run.claim) + " " + run.plan_id +
           " " + format_day(run.start) + " start " + run.start_id + "\n";
    std::vector<std::string> lines;
    for (const Record &r : run.records)
      lines.push_back(format_record(r));
    std::sort(lines.begin(), lines.end());
    for (const auto &l : lines)
      out += "  " + l;
  }
  out += "active " + std::to_string(h.active() ? h.active()->number : 0) + "\n";
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(programme_identity)

BOOST_AUTO_TEST_CASE(two_starts_claiming_run_1_give_identical_runs_in_either_order) {
  const History pq = build_history(parse_journal(journal_header() + device_p() + device_q()));
  const History qp = build_history(parse_journal(journal_header() + device_q() + device_p()));
  BOOST_TEST(describe(pq) == describe(qp));
  BOOST_REQUIRE(pq.runs.size() == 2U);
  // P started first: programme 1 with its check-in; Q is programme 2, written as 1.
  BOOST_TEST(pq.runs[0].plan_id == "avoidant");
  BOOST_TEST(format_day(pq.runs[0].start) == "2026-03-02");
  BOOST_TEST(pq.runs[0].records.size() == 2U);
  BOOST_TEST(pq.runs[1].number == 2U);
  BOOST_TEST(pq.runs[1].claim == 1U);
  BOOST_TEST(pq.runs[1].plan_id == "anxious");
  BOOST_TEST(format_day(pq.runs[1].start) == "2026-03-09");
  BOOST_TEST(pq.runs[1].records.size() == 3U);
  // The running programme is the one started last.
  BOOST_TEST(pq.active()->start_id == "00000000000000b1");
}

BOOST_AUTO_TEST_CASE(a_record_belongs_to_the_start_recorded_last_before_it) {
  // A at 09:00, B at 10:00, both run=1: 09:30 is A's, 10:30 is B's; 08:00 is before both: A's.
  const std::string text =
      journal_header() +
      format_record(
          rec("00000000000000c1", RecordType::done, "2026-03-02", "2026-03-02T10:30:00Z")) +
      format_record(start("00000000000000b1", "2026-03-02", "2026-03-02T10:00:00Z", "anxious")) +
      format_record(
          rec("00000000000000c2", RecordType::done, "2026-03-02", "2026-03-02T09:30:00Z")) +
      format_record(start("00000000000000a1", "2026-03-02", "2026-03-02T09:00:00Z", "avoidant")) +
      format_record(
          rec("00000000000000c3", RecordType::note, "2026-03-02", "2026-03-02T08:00:00Z"));
  const History h = build_history(parse_journal(text));
  BOOST_REQUIRE(h.runs.size() == 2U);
  BOOST_TEST(h.runs[0].start_id == "00000000000000a1");
  BOOST_TEST(h.runs[0].records.size() == 3U); // its start, c2 and c3
  BOOST_TEST(h.runs[1].start_id == "00000000000000b1");
  BOOST_TEST(h.runs[1].records.size() == 2U); // its start and c1
  BOOST_TEST(h.runs[1].records[0].id == "00000000000000c1");
}

BOOST_AUTO_TEST_CASE(equal_start_instants_are_ordered_by_number_then_id) {
  const std::string a =
      format_record(start("00000000000000f1", "2026-03-02", "2026-03-02T09:00:00Z", "avoidant"));
  const std::string b =
      format_record(start("00000000000000e1", "2026-03-02", "2026-03-02T09:00:00Z", "anxious"));
  const History h = build_history(parse_journal(journal_header() + a + b));
  BOOST_REQUIRE(h.runs.size() == 2U);
  BOOST_TEST(h.runs[0].start_id == "00000000000000e1");
  BOOST_TEST(h.runs[1].start_id == "00000000000000f1");
}

BOOST_AUTO_TEST_CASE(a_clash_is_noted_once_with_the_numbers) {
  const Journal j = parse_journal(journal_header() + device_q() + device_p());
  BOOST_REQUIRE(j.notes.size() == 1U);
  BOOST_TEST(j.notes[0] ==
             "2 programmes were started separately as programme 1 (journals from two devices "
             "joined): each is kept, and programmes are numbered by when they started: "
             "1 = avoidant from 2026-03-02; 2 = anxious from 2026-03-09 (written as 1)");
  BOOST_TEST(parse_journal(journal_header() + device_p()).notes.empty());
}

BOOST_AUTO_TEST_CASE(without_a_clash_numbers_and_the_newest_run_are_as_written) {
  // Run 2 recorded before run 1 (a clock set wrong): still numbered as written.
  const std::string text =
      journal_header() +
      format_record(start("00000000000000a1", "2026-03-02", "2026-03-10T08:00:00Z", "avoidant")) +
      format_record(start("00000000000000a2", "2026-03-09", "2026-03-09T08:00:00Z", "anxious", 2));
  const History h = build_history(parse_journal(text));
  BOOST_REQUIRE(h.runs.size() == 2U);
  BOOST_TEST(h.runs[0].number == 1U);
  BOOST_TEST(h.active()->number == 2U);
  BOOST_TEST(h.runs[1].claim == 2U);
}

BOOST_AUTO_TEST_CASE(the_earliest_end_ends_a_run_in_either_order) {
  const std::string s =
      format_record(start("00000000000000a1", "2026-03-02", "2026-03-02T08:00:00Z", "avoidant"));
  const std::string e1 =
      format_record(rec("00000000000000d1", RecordType::end, "2026-03-05", "2026-03-05T08:00:00Z"));
  const std::string e2 =
      format_record(rec("00000000000000d2", RecordType::end, "2026-03-04", "2026-03-04T08:00:00Z"));
  for (const auto &text : {journal_header() + s + e1 + e2, journal_header() + e2 + s + e1}) {
    const History h = build_history(parse_journal(text));
    BOOST_REQUIRE(h.runs.size() == 1U);
    BOOST_TEST(format_day(*h.runs[0].ended) == "2026-03-04");
  }
}

BOOST_AUTO_TEST_CASE(the_one_run_reader_reads_a_clash_as_the_full_reader_does) {
  for (const std::string &text :
       {journal_header() + device_p() + device_q(), journal_header() + device_q() + device_p()}) {
    const History full = build_history(parse_journal(text));
    JournalSummary summary;
    const Journal newest =
        parse_journal_run(pieces_of(text, 7), std::nullopt, text.size(), &summary);
    BOOST_TEST(summary.size == 0U); // no index: every read must see the clash
    BOOST_TEST(newest.notes.size() == 1U);
    const History part = build_history(newest);
    BOOST_REQUIRE(part.runs.size() == 1U);
    BOOST_TEST(part.runs[0].number == 2U);
    BOOST_TEST(part.newest_run == 2U);
    for (const Run &run : full.runs) {
      const History one = build_history(parse_journal_run(pieces_of(text, 7), run.number));
      BOOST_REQUIRE(one.runs.size() == 1U);
      Run a = one.runs[0];
      BOOST_TEST(a.number == run.number);
      BOOST_TEST(a.claim == run.claim);
      BOOST_TEST(a.plan_id == run.plan_id);
      BOOST_TEST(format_day(a.start) == format_day(run.start));
      BOOST_TEST(a.records.size() == run.records.size());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_start_whose_plan_is_a_path_is_a_bad_record) {
  for (const char *plan : {"/etc/passwd", "../plan", "plans/x.toml", "Avoidant", ""}) {
    Record r = start("00000000000000a1", "2026-03-02", "2026-03-02T08:00:00Z", "avoidant");
    r.plan_id = plan;
    const Journal j = parse_journal(journal_header() + format_record(r));
    BOOST_TEST(j.records.empty());
    BOOST_REQUIRE(j.problems.size() == 1U);
    BOOST_TEST(j.problems[0].message == "line 2 is not a valid record (bad plan id): skipped");
  }
  BOOST_TEST(is_journal_plan_id("fearful-avoidant"));
  BOOST_TEST(!is_journal_plan_id("a.toml"));
}

BOOST_AUTO_TEST_CASE(import_refuses_a_plan_id_that_is_not_an_id) {
  Record r = start("00000000000000a1", "2026-03-02", "2026-03-02T08:00:00Z", "avoidant");
  std::string json = export_json({r}, {});
  json.replace(json.find("\"avoidant\""), 10, "\"/etc/passwd\"");
  try {
    (void)read_exchange(json, "f.json");
    BOOST_FAIL("accepted");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()) == "plan \"/etc/passwd\" is not a plan id");
    BOOST_REQUIRE(e.where().has_value());
    BOOST_TEST(e.where()->line > 0);
  }
}

BOOST_AUTO_TEST_CASE(import_keeps_a_separately_started_programme_separate) {
  // Here: P. The file: Q, also written as programme 1 but started later.
  const Journal here = parse_journal(journal_header() + device_p());
  const ImportData data = read_exchange(journal_header() + device_q(), "q");
  const ImportSelection s = select_new_records(here, data);
  BOOST_TEST(s.fresh.size() == 3U);
  BOOST_REQUIRE(s.programmes.size() == 1U);
  BOOST_TEST(s.programmes[0].number == 2U);
  BOOST_TEST(!s.programmes[0].was.has_value());
  BOOST_TEST(s.programmes[0].plan_id == "anxious");
  BOOST_TEST(s.programmes[0].records == 3U);
  BOOST_TEST(*s.running_before == 1U);
  BOOST_TEST(*s.running_after == 2U);
  // The other way round, Q here is renumbered 2 and P is added as 1.
  const ImportSelection back =
      select_new_records(parse_journal(journal_header() + device_q()),
                         read_exchange(journal_header() + device_p(), "p"));
  BOOST_REQUIRE(back.programmes.size() == 2U);
  BOOST_TEST(back.programmes[0].number == 1U);
  BOOST_TEST(!back.programmes[0].was.has_value());
  BOOST_TEST(back.programmes[1].number == 2U);
  BOOST_TEST(*back.programmes[1].was == 1U);
  BOOST_TEST(*back.running_before == 1U);
  BOOST_TEST(*back.running_after == 2U); // the same programme, Q, now numbered 2
}

BOOST_AUTO_TEST_SUITE_END()
