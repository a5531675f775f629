// The streaming import reader gives select_new_records the same answer as a journal read whole.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "attune/exchange.hpp"
#include "attune/import_stream.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record started(const std::string &id, unsigned run, const std::string &day, const std::string &at) {
  Record r = record_at(id, RecordType::start, day, at, "UTC", run);
  r.plan_id = "avoidant";
  r.plan_hash = "0123abcd";
  return r;
}

Record done_of(const std::string &id, unsigned run, const std::string &day) {
  Record r = record_at(id, RecordType::done, day, day + "T09:00:00Z", "UTC", run);
  r.exercise = "catch-the-urge";
  return r;
}

std::string text_of(const std::vector<Record> &records) {
  std::string text = journal_header();
  for (const Record &r : records)
    text += format_record(r);
  return text;
}

ImportData data_of(const std::vector<Record> &records) {
  ImportData data;
  for (std::size_t i = 0; i < records.size(); ++i)
    data.records.push_back({records[i], Location{"f", static_cast<int>(i + 1), 1}});
  return data;
}

/// Everything an ImportSelection says, as lines, so two can be compared at once.
std::vector<std::string> said(const ImportSelection &s) {
  std::vector<std::string> out;
  for (const Record &r : s.fresh)
    out.push_back(format_record(r));
  out.push_back("already " + std::to_string(s.already));
  for (const ImportedProgramme &p : s.programmes)
    out.push_back("programme " + std::to_string(p.number) + " was " +
                  (p.was ? std::to_string(*p.was) : "-") + " " + p.plan_id + " " +
                  format_day(p.start) + " +" + std::to_string(p.records));
  out.push_back("running " + (s.running_before ? std::to_string(*s.running_before) : "-") + " -> " +
                (s.running_after ? std::to_string(*s.running_after) : "-"));
  return out;
}

/// The selection from the streaming base equals the one from the whole journal, for pieces
/// of several sizes; returns it.
std::vector<std::string> same_both_ways(const std::string &text, const ImportData &data) {
  const std::vector<std::string> whole = said(select_new_records(parse_journal(text), data));
  for (const std::size_t piece : {7U, 100U, 4096U}) {
    ImportBase base;
    const Journal j = scan_for_import(pieces_of(text, piece), text.size(), data, base);
    BOOST_TEST(j.record_count == parse_journal(text).record_count);
    BOOST_TEST(said(select_new_records(base, data)) == whole, "piece " << piece);
  }
  return whole;
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_stream)

BOOST_AUTO_TEST_CASE(only_starts_ends_undos_and_runs_without_a_start_decide) {
  const std::set<unsigned> claimed{1};
  BOOST_TEST(decides_programmes(
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"), claimed));
  BOOST_TEST(!decides_programmes(done_of("00000000000000a2", 1, "2026-11-03"), claimed));
  BOOST_TEST(decides_programmes(done_of("00000000000000a3", 2, "2026-11-03"), claimed));
  Record undo = record_on("00000000000000a4", RecordType::undo);
  undo.ref = "00000000000000a2";
  BOOST_TEST(decides_programmes(undo, claimed));
  BOOST_TEST(decides_programmes(record_on("00000000000000a5", RecordType::end), claimed));
  Record forgotten =
      record_on("00000000000000a6", RecordType::forgotten, "2026-11-02", "Europe/Berlin", 0);
  forgotten.refs = {"00000000000000a2"};
  BOOST_TEST(!decides_programmes(forgotten, claimed));
}

BOOST_AUTO_TEST_CASE(a_plain_journal_and_a_file_with_old_and_new_records) {
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"),
      done_of("00000000000000a2", 1, "2026-11-02"), done_of("00000000000000a3", 1, "2026-11-03")};
  const ImportData data =
      data_of({here[1], done_of("00000000000000b1", 1, "2026-11-04"),
               started("00000000000000b2", 2, "2026-11-05", "2026-11-05T08:00:00Z"),
               done_of("00000000000000b3", 2, "2026-11-05")});
  const std::vector<std::string> expected = {format_record(data.records[1].record),
                                             format_record(data.records[2].record),
                                             format_record(data.records[3].record),
                                             "already 1",
                                             "programme 1 was 1 avoidant 2026-11-02 +1",
                                             "programme 2 was - avoidant 2026-11-05 +2",
                                             "running 1 -> 2"};
  const std::vector<std::string> got = same_both_ways(text_of(here), data);
  BOOST_TEST(got == expected);
}

BOOST_AUTO_TEST_CASE(a_run_without_a_start_begins_on_its_earliest_record) {
  // Run 2 has no start here: its start day is its earliest record's, which only a reader
  // that keeps all its records can know.
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"),
      done_of("00000000000000a2", 2, "2026-11-09"), done_of("00000000000000a3", 2, "2026-11-07"),
      done_of("00000000000000a4", 1, "2026-11-03")};
  const ImportData data = data_of({done_of("00000000000000b1", 2, "2026-11-10")});
  const std::vector<std::string> got = same_both_ways(text_of(here), data);
  BOOST_TEST(got[2] == "programme 2 was 2  2026-11-07 +1");
}

BOOST_AUTO_TEST_CASE(an_undo_here_withdraws_a_record_the_file_brings) {
  Record undo = record_on("00000000000000a9", RecordType::undo, "2026-11-04", "UTC");
  undo.ref = "00000000000000b1";
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"), undo};
  const ImportData data = data_of(
      {done_of("00000000000000b1", 1, "2026-11-03"), done_of("00000000000000b2", 1, "2026-11-03")});
  const std::vector<std::string> got = same_both_ways(text_of(here), data);
  BOOST_TEST(got[3] == "programme 1 was 1 avoidant 2026-11-02 +1"); // b1 is withdrawn
}

BOOST_AUTO_TEST_CASE(clashing_starts_and_an_erased_text) {
  // Two devices each started a run 1: numbered by start, a check-in goes to the one
  // started last before it. A note whose text `forget` erased here is the same record.
  Record note = record_at("00000000000000a5", RecordType::note, "2026-11-04",
                          "2026-11-04T12:00:00Z", "UTC", 1);
  Record forgotten = record_at("00000000000000a6", RecordType::forgotten, "2026-11-05",
                               "2026-11-05T12:00:00Z", "UTC", 0);
  forgotten.refs = {note.id};
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"),
      started("00000000000000a2", 1, "2026-11-03", "2026-11-03T08:00:00Z"),
      done_of("00000000000000a3", 1, "2026-11-04"), note, forgotten};
  Record with_text = note;
  with_text.text = "what I wrote";
  const ImportData data =
      data_of({with_text, started("00000000000000b1", 1, "2026-11-06", "2026-11-06T08:00:00Z"),
               done_of("00000000000000b2", 1, "2026-11-07")});
  const std::vector<std::string> got = same_both_ways(text_of(here), data);
  BOOST_TEST(got[2] == "already 1");
  BOOST_TEST(got[3] == "programme 3 was - avoidant 2026-11-06 +2");
}

BOOST_AUTO_TEST_CASE(a_start_line_that_does_not_count_is_not_taken_as_a_start) {
  // Line 3 reuses the id of line 2 (a done of run 2) as a start of run 2: parse_journal
  // skips it, so run 2 has no start and begins on its earliest record. Only the second pass
  // of the streaming reader knows that.
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"),
      done_of("00000000000000a2", 2, "2026-11-08"),
      started("00000000000000a2", 2, "2026-11-09", "2026-11-09T08:00:00Z"),
      done_of("00000000000000a3", 2, "2026-11-06")};
  const ImportData data = data_of({done_of("00000000000000b1", 2, "2026-11-10")});
  const std::vector<std::string> got = same_both_ways(text_of(here), data);
  BOOST_TEST(got[2] == "programme 2 was 2  2026-11-06 +1");
}

BOOST_AUTO_TEST_CASE(lines_the_file_does_not_name_have_the_light_check) {
  // A check-in of a started run that the file does not name is not parsed: damage is still
  // found by its checksum, but a line whose checksum was made for a day the parser refuses
  // is counted unread (the rule of `today` for other runs' lines).
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"),
      done_of("00000000000000a2", 1, "2026-11-02")};
  std::string damaged = format_record(done_of("00000000000000a3", 1, "2026-11-03"));
  damaged.replace(damaged.find("catch"), 5, "catcH");
  std::string forged = format_record(done_of("00000000000000a4", 1, "2026-11-04"));
  forged.replace(forged.find("2026-11-04"), 10, "2026-02-30"); // no such day
  forged = with_crc(forged.substr(0, forged.rfind('\t')));
  const std::string text = text_of(here) + damaged + forged;
  const ImportData data = data_of({done_of("00000000000000b1", 1, "2026-11-05")});
  const Journal whole = parse_journal(text);
  BOOST_TEST_REQUIRE(whole.problems.size() == 2U);
  ImportBase base;
  const Journal j = scan_for_import(pieces_of(text, 100), text.size(), data, base);
  BOOST_TEST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].message == whole.problems[0].message); // line 4's checksum
  BOOST_TEST(j.record_count == whole.record_count + 1);
  BOOST_TEST(said(select_new_records(base, data)) == said(select_new_records(whole, data)));
}

BOOST_AUTO_TEST_CASE(an_import_of_new_records_reads_the_journal_once) {
  // The scan keeps every line's id: when the file names none of them, the records it names
  // are known to be none without another pass; when it does, one more pass finds them.
  const std::vector<Record> here = {
      started("00000000000000a1", 1, "2026-11-02", "2026-11-02T08:00:00Z"),
      done_of("00000000000000a2", 1, "2026-11-02"), done_of("00000000000000a3", 1, "2026-11-03")};
  const std::string text = text_of(here);
  int reads = 0;
  const JournalSource whole = pieces_of(text, 4096);
  const JournalSource counted = [&](std::uint64_t from,
                                    const std::function<bool(std::string_view)> &sink) {
    ++reads;
    whole(from, sink);
  };
  const ImportScan scan = scan_journal_for_import(counted, text.size());
  BOOST_TEST(reads == 2); // the two passes
  BOOST_TEST(scan.base.named.empty());
  BOOST_TEST(scan.base.deciding.size() == 1U); // the start
  reads = 0;
  const ImportBase fresh =
      name_for_import(counted, scan, data_of({done_of("00000000000000b1", 1, "2026-11-04")}));
  BOOST_TEST(reads == 0);
  BOOST_TEST(fresh.named.empty());
  const ImportBase overlap = name_for_import(
      counted, scan, data_of({done_of("00000000000000b1", 1, "2026-11-04"), here[2], here[0]}));
  BOOST_TEST(reads == 1);
  BOOST_TEST(overlap.named.size() == 2U);
  BOOST_TEST(format_record(overlap.named.at("00000000000000a3")) == format_record(here[2]));
  BOOST_TEST(overlap.named.count("00000000000000a1") == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
