#include <boost/test/unit_test.hpp>

#include <boost/crc.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "attune/journal.hpp"
#include "attune/text.hpp"
#include "fixtures.hpp"
#include "journal_detail.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record make(const std::string &id, RecordType type, unsigned run = 1,
            const char *day = "2026-11-20") {
  Record r = record_at(id, type, day, "2026-11-20T08:30:00Z", "Europe/Berlin", run);
  switch (type) {
  case RecordType::start:
    r.plan_id = "avoidant";
    r.plan_hash = "0123abcd";
    break;
  case RecordType::done:
  case RecordType::skip:
    r.exercise = "name-a-need";
    break;
  case RecordType::note:
    r.text = "a note";
    break;
  case RecordType::check:
    r.week = 2;
    r.answers = {3, 5, 2};
    break;
  default:
    break;
  }
  return r;
}

std::string sample_journal() {
  std::string text = journal_header();
  text += format_record(make(id_n(1), RecordType::start));
  text += format_record(make(id_n(2), RecordType::done));
  text += format_record(make(id_n(3), RecordType::note));
  return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(journal)

BOOST_AUTO_TEST_CASE(formats_a_record_as_one_tab_separated_line_with_crc) {
  const std::string line = format_record(make(id_n(2), RecordType::done));
  BOOST_TEST(line == "0000000000000002\tdone\t2026-11-20\t2026-11-20T08:30:00Z\tEurope/Berlin"
                     "\trun=1\texercise=name-a-need\t~" +
                         line.substr(line.size() - 9, 8) + "\n");
  BOOST_TEST(journal_header() == "attune-journal 1\n");
}

BOOST_AUTO_TEST_CASE(crc_is_ieee_crc32_of_the_bytes_before_the_last_tab) {
  // CRC-32 of "123456789" is cbf43926; build a line whose body we know.
  Record r = make(id_n(9), RecordType::end);
  const std::string line = format_record(r);
  const std::string body = line.substr(0, line.rfind('\t'));
  BOOST_TEST(body ==
             "0000000000000009\tend\t2026-11-20\t2026-11-20T08:30:00Z\tEurope/Berlin\trun=1");
  // Known value computed with Python's zlib.crc32 over the body above.
  BOOST_TEST(line.substr(line.rfind('\t')) == "\t~49f23db1\n");
}

BOOST_AUTO_TEST_CASE(every_record_type_round_trips) {
  std::string text = journal_header();
  std::vector<Record> written;
  unsigned n = 1;
  for (const RecordType type :
       {RecordType::start, RecordType::end, RecordType::done, RecordType::skip, RecordType::note,
        RecordType::check, RecordType::undo, RecordType::cue}) {
    Record r = make(id_n(n++), type);
    if (type == RecordType::skip)
      r.text = "too tired";
    if (type == RecordType::cue)
      r.text = "when I get home";
    if (type == RecordType::undo)
      r.ref = id_n(3);
    written.push_back(r);
    text += format_record(r);
  }
  const Journal j = parse_journal(text);
  BOOST_TEST(j.problems.empty());
  BOOST_TEST(j.has_header);
  BOOST_TEST(!j.torn_tail);
  BOOST_REQUIRE(j.records.size() == written.size());
  for (std::size_t i = 0; i < written.size(); ++i)
    BOOST_TEST(format_record(j.records[i]) == format_record(written[i]));
  BOOST_TEST(j.records[3].text == "too tired");
  BOOST_TEST(j.records[5].answers == (std::vector<int>{3, 5, 2}));
  BOOST_TEST(j.records[5].week == 2U);
  BOOST_TEST(j.records[6].ref == id_n(3));
  BOOST_TEST(j.records[7].text == "when I get home");
}

BOOST_AUTO_TEST_CASE(hostile_note_text_round_trips_exactly) {
  std::string hostile = "tab\there\nnew line\r\\n literal \"quotes\" 'single' 🙂 ünï";
  hostile += std::string(1, '\0') + "\x01\x1f\x7f" + "\xff\xfe bad utf8 \xc3";
  hostile += std::string(100000, 'x');
  Record r = make(id_n(4), RecordType::note);
  r.text = hostile;
  const std::string line = format_record(r);
  BOOST_TEST(line.find('\n') == line.size() - 1);
  BOOST_TEST(line.find('\r') == std::string::npos);
  BOOST_TEST(line.find('\0') == std::string::npos);
  const Journal j = parse_journal(journal_header() + line);
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 1U);
  BOOST_TEST(j.records[0].text == hostile);
}

BOOST_AUTO_TEST_CASE(random_bytes_in_notes_round_trip) {
  std::mt19937 rng(12345);
  std::string text = journal_header();
  std::vector<std::string> notes;
  for (unsigned i = 0; i < 2000; ++i) {
    std::string note(rng() % 40, '\0');
    for (char &c : note)
      c = static_cast<char>(rng() % 256);
    Record r = make(id_n(i + 1), RecordType::note);
    r.text = note;
    notes.push_back(note);
    text += format_record(r);
  }
  const Journal j = parse_journal(text);
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == notes.size());
  for (std::size_t i = 0; i < notes.size(); ++i)
    BOOST_TEST(j.records[i].text == notes[i]);
}

BOOST_AUTO_TEST_CASE(empty_text_is_an_empty_journal) {
  const Journal j = parse_journal("");
  BOOST_TEST(j.records.empty());
  BOOST_TEST(j.problems.empty());
  BOOST_TEST(!j.torn_tail);
  BOOST_TEST(!j.has_header);
  BOOST_TEST(j.version == journal_version);
}

BOOST_AUTO_TEST_CASE(torn_last_line_is_reported_with_its_number_and_not_counted) {
  std::string text = sample_journal();
  const std::string extra = format_record(make(id_n(7), RecordType::done));
  text += extra.substr(0, extra.size() - 1); // everything but the LF
  const Journal j = parse_journal(text);
  BOOST_TEST(j.torn_tail);
  BOOST_TEST(j.records.size() == 3U);
  BOOST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].line == 5U);
  BOOST_TEST(j.problems[0].message ==
             "line 5 is cut short (no newline at the end): kept, not counted");
}

BOOST_AUTO_TEST_CASE(damaged_line_is_reported_and_skipped) {
  std::string text = sample_journal();
  const auto at = text.find("name-a-need");
  text[at] = 'N';
  const Journal j = parse_journal(text);
  BOOST_TEST(j.records.size() == 2U);
  BOOST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].line == 3U);
  BOOST_TEST(j.problems[0].message == "line 3 is damaged (checksum does not match): skipped");
}

BOOST_AUTO_TEST_CASE(a_cut_line_closed_by_the_next_writer_is_reported_as_incomplete) {
  const std::string cut = format_record(make(id_n(7), RecordType::done)).substr(0, 50);
  const Journal j =
      parse_journal(sample_journal() + cut + "\n" + format_record(make(id_n(8), RecordType::done)));
  BOOST_TEST(j.records.size() == 4U);
  BOOST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].message == "line 5 is incomplete (no checksum at the end; a crash may "
                                      "have cut it short): kept, not counted");
}

BOOST_AUTO_TEST_CASE(duplicate_ids_from_joined_journals_count_once) {
  const std::string one = sample_journal();
  std::string two = journal_header();
  two += format_record(make(id_n(2), RecordType::done));
  two += format_record(make(id_n(8), RecordType::skip));
  const Journal j = parse_journal(one + two);
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 4U);
  BOOST_TEST(j.records[3].id == id_n(8));
}

BOOST_AUTO_TEST_CASE(same_id_with_different_content_is_reported) {
  Record other = make(id_n(2), RecordType::skip);
  const Journal j = parse_journal(sample_journal() + format_record(other));
  BOOST_TEST(j.records.size() == 3U);
  BOOST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].message ==
             "line 5 reuses the id of line 3 with different content: skipped");
}

BOOST_AUTO_TEST_CASE(newer_version_is_flagged_and_read_as_far_as_possible) {
  std::string text = "attune-journal 2\n";
  text += format_record(make(id_n(1), RecordType::start));
  text += "0000000000000005\tnewtype\t2026-11-20\t2026-11-20T08:30:00Z\tUTC\t~00000000\n";
  const Journal j = parse_journal(text);
  BOOST_TEST(j.newer_version);
  BOOST_TEST(j.version == 2U);
  BOOST_TEST(j.records.size() == 1U);
  BOOST_TEST(j.problems.size() == 1U);
}

// A version line names a format: 0 was never written and a number too long for 32 bits is
// still a (newer) version line, not a damaged record that attune would append after.
BOOST_AUTO_TEST_CASE(version_zero_and_huge_versions_are_never_written_to) {
  for (const std::string header :
       {"attune-journal 0\n", "attune-journal 99999999999999999999999\n"}) {
    const Journal j = parse_journal(header + format_record(make(id_n(1), RecordType::start)));
    BOOST_TEST(j.newer_version);
    BOOST_TEST(j.has_header);
    BOOST_TEST(j.records.size() == 1U);
    BOOST_TEST(j.problems.empty());
  }
  BOOST_TEST(describe_unwritable_version(0) == "names format 0, which no attune writes");
  BOOST_TEST(describe_unwritable_version(7) == "was written by a newer attune (format 7)");
  BOOST_TEST(!parse_journal("attune-journal 1x\n").has_header);
}

BOOST_AUTO_TEST_CASE(missing_version_line_is_reported_and_records_still_read) {
  const std::string text = format_record(make(id_n(1), RecordType::start));
  const Journal j = parse_journal(text);
  BOOST_TEST(!j.has_header);
  BOOST_TEST(j.records.size() == 1U);
  BOOST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].line == 1U);
  BOOST_TEST(j.problems[0].message ==
             "line 1 is not the version line \"attune-journal 1\": reading on as version 1");
}

BOOST_AUTO_TEST_CASE(crlf_line_endings_from_sync_tools_are_accepted) {
  std::string text = sample_journal();
  std::string crlf;
  for (const char c : text) {
    if (c == '\n')
      crlf += '\r';
    crlf += c;
  }
  const Journal j = parse_journal(crlf);
  BOOST_TEST(j.problems.empty());
  BOOST_TEST(j.records.size() == 3U);
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_accepted_and_ignored) {
  const std::string body = "0000000000000002\tdone\t2026-11-20\t2026-11-20T08:30:00Z\tUTC"
                           "\trun=1\texercise=x\tmood=good";
  const Journal j = parse_journal(journal_header() + with_crc(body));
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 1U);
  BOOST_TEST(j.records[0].exercise == "x");
}

BOOST_AUTO_TEST_CASE(lines_breaking_a_rule_are_reported_with_the_reason) {
  const std::string base = "0000000000000002\tdone\t2026-11-20\t2026-11-20T08:30:00Z\tUTC";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {base + "\texercise=x", "no run"},
      {base + "\trun=1", "no exercise"},
      {base + "\trun=1\trun=2\texercise=x", "repeats the key \"run\""},
      {base + "\trun=x\texercise=x", "bad run"},
      {base + "\trun=1\texercise=\\q", "bad escape in \"exercise\""},
      {base + "\trun=1\texercise=a\x01", "holds a raw control character"},
      {"000000000000000G\tdone\t2026-11-20\t2026-11-20T08:30:00Z\tUTC\trun=1\texercise=x",
       "bad id"},
      {"0000000000000002\tdone\t2026-02-30\t2026-11-20T08:30:00Z\tUTC\trun=1\texercise=x",
       "bad day"},
      {"0000000000000002\tlater\t2026-11-20\t2026-11-20T08:30:00Z\tUTC\trun=1",
       "unknown record type \"later\""},
  };
  for (const auto &[body, reason] : cases) {
    const Journal j = parse_journal(journal_header() + with_crc(body));
    BOOST_TEST(j.records.empty());
    BOOST_REQUIRE(j.problems.size() == 1U);
    BOOST_TEST(j.problems[0].message == "line 2 is not a valid record (" + reason + "): skipped");
  }
}

BOOST_AUTO_TEST_CASE(every_byte_at_every_place_in_a_word_is_judged_as_one_byte_at_a_time) {
  // The reader checks a line's bytes sixteen at a time while they are ASCII (journal.cpp,
  // classify_body); the answer must be the byte-by-byte rule's: a raw control byte (below
  // 0x20 but TAB, or 0x7F) is named before bytes that are not UTF-8.
  const std::string base = "0000000000000002\tnote\t2026-11-20\t2026-11-20T08:30:00Z\tUTC"
                           "\trun=1\ttext=";
  const auto reason_for = [](const std::string &text) -> std::string {
    bool control = false;
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      control = control || (u < 0x20 && u != '\t') || u == 0x7F;
    }
    if (control)
      return "holds a raw control character";
    return is_valid_utf8(text) ? "" : "not valid UTF-8";
  };
  std::size_t checked = 0;
  for (unsigned b = 1; b < 256; ++b) {
    if (b == '\t' || b == '\n' || b == '\\') // a field break, a line break, an escape
      continue;
    for (std::size_t at = 0; at < 17; ++at) { // every lane of a 16-byte step, and the tail
      for (const char *other : {"", "\xc3\xa9", "\xff", "\x01"}) {
        std::string text = std::string(at, 'a') + static_cast<char>(b) + "bcdefgh" + other;
        const Journal j = parse_journal(journal_header() + with_crc(base + text));
        const std::string want = reason_for(text);
        if (want.empty()) {
          BOOST_TEST(j.problems.empty(), "byte " << b << " at " << at);
          BOOST_TEST(j.records.size() == 1U);
        } else {
          BOOST_REQUIRE(j.problems.size() == 1U);
          BOOST_TEST(j.problems[0].message ==
                         "line 2 is not a valid record (" + want + "): skipped",
                     "byte " << b << " at " << at);
        }
        ++checked;
      }
    }
  }
  BOOST_TEST(checked > 10000U);
}

BOOST_AUTO_TEST_CASE(hostile_bytes_never_crash_the_parser) {
  std::vector<std::string> inputs = {
      std::string(4096, '\0'),
      std::string("attune-journal 1\n") + std::string(4096, '\0'),
      std::string(10 * 1024 * 1024, 'a') + "\n",
      "\xff\xfe\xfd\n\n\n\r\r\r",
      "attune-journal\n",
      "attune-journal 99999999999999999999\n",
      "\t\t\t\t\t~\n",
      "0000000000000002\tdone\t2026-11-20\t2026-11-20T08:30:00Z\tUTC\trun=1\texercise=\\x\t~"
      "00000000\n",
      "\\",
      "\n",
  };
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::string s(rng() % 300, '\0');
    for (char &c : s)
      c = "\t\n\r\\=~ax0\xff"[rng() % 11];
    inputs.push_back(s);
  }
  for (const auto &input : inputs) {
    const Journal j = parse_journal(input);
    BOOST_TEST(j.records.empty());
  }
  BOOST_TEST(parse_journal(std::string(4096, '\0')).problems.size() == 1U);
  // No version line, and not a record.
  BOOST_TEST(parse_journal(std::string(10 * 1024 * 1024, 'a') + "\n").problems.size() == 2U);
}

BOOST_AUTO_TEST_CASE(truncation_at_every_offset_is_reported_and_never_crashes) {
  const std::string text = sample_journal();
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    const Journal j = parse_journal(text.substr(0, cut));
    const bool ends_clean = cut == 0 || text[cut - 1] == '\n';
    BOOST_TEST(j.torn_tail == !ends_clean);
    if (!ends_clean)
      BOOST_TEST(!j.problems.empty());
    // Every complete line is still read.
    std::size_t complete = 0;
    for (std::size_t i = 0; i < cut; ++i)
      complete += text[i] == '\n' ? 1 : 0;
    BOOST_TEST(j.records.size() == (complete == 0 ? 0 : complete - 1));
  }
}

BOOST_AUTO_TEST_CASE(flipped_bytes_never_invent_or_alter_a_record) {
  const std::string text = sample_journal() + sample_journal();
  std::set<std::string> genuine;
  for (const Record &r : parse_journal(text).records)
    genuine.insert(format_record(r));
  std::mt19937 rng(99);
  for (int round = 0; round < 3000; ++round) {
    std::string damaged = text;
    const int flips = 1 + static_cast<int>(rng() % 3);
    for (int f = 0; f < flips; ++f)
      damaged[rng() % damaged.size()] ^= static_cast<char>(1U << (rng() % 8));
    const Journal j = parse_journal(damaged);
    for (const Record &r : j.records)
      BOOST_TEST_REQUIRE(genuine.count(format_record(r)) == 1U);
  }
}

BOOST_AUTO_TEST_CASE(history_groups_runs_and_applies_undo) {
  Journal j;
  j.records.push_back(make(id_n(1), RecordType::start, 1, "2026-10-01"));
  j.records.push_back(make(id_n(2), RecordType::done, 1, "2026-10-02"));
  j.records.push_back(make(id_n(3), RecordType::end, 1, "2026-10-05"));
  j.records.push_back(make(id_n(4), RecordType::start, 2, "2026-10-06"));
  j.records.push_back(make(id_n(5), RecordType::done, 2, "2026-10-06"));
  Record note = make(id_n(6), RecordType::note, 2, "2026-10-07");
  note.recorded = *parse_instant("2026-10-07T20:00:00Z");
  j.records.push_back(note);
  Record undo = make(id_n(7), RecordType::undo, 2, "2026-10-07");
  undo.ref = id_n(5);
  j.records.push_back(undo);
  const History h = build_history(j);
  BOOST_REQUIRE(h.runs.size() == 2U);
  BOOST_TEST(h.runs[0].number == 1U);
  BOOST_TEST(format_day(*h.runs[0].ended) == "2026-10-05");
  BOOST_TEST(h.runs[0].plan_id == "avoidant");
  BOOST_REQUIRE(h.active() != nullptr);
  BOOST_TEST(h.active()->number == 2U);
  BOOST_TEST(format_day(h.active()->start) == "2026-10-06");
  BOOST_TEST(h.active()->records.size() == 2U); // start and the note; done withdrawn
  BOOST_TEST(h.find(1) == &h.runs[0]);
  BOOST_TEST(h.find(3) == nullptr);
  BOOST_REQUIRE(h.last_checkin() != nullptr);
  BOOST_TEST(h.last_checkin()->id == id_n(6));
}

BOOST_AUTO_TEST_CASE(undo_of_an_undo_is_ignored_and_undo_before_target_applies) {
  Journal j;
  j.records.push_back(make(id_n(1), RecordType::start));
  Record undo = make(id_n(2), RecordType::undo);
  undo.ref = id_n(3); // before its target, as a union merge may order it
  j.records.push_back(undo);
  j.records.push_back(make(id_n(3), RecordType::done));
  Record undo_undo = make(id_n(4), RecordType::undo);
  undo_undo.ref = id_n(2);
  j.records.push_back(undo_undo);
  Record undo_start = make(id_n(5), RecordType::undo);
  undo_start.ref = id_n(1);
  j.records.push_back(undo_start);
  const History h = build_history(j);
  BOOST_REQUIRE(h.active() != nullptr);
  BOOST_TEST(h.active()->records.size() == 1U);
  BOOST_TEST(h.active()->plan_id == "avoidant");
  BOOST_TEST(h.last_checkin() == nullptr);
}

BOOST_AUTO_TEST_CASE(ended_newest_run_leaves_no_active_run) {
  Journal j;
  j.records.push_back(make(id_n(1), RecordType::start));
  j.records.push_back(make(id_n(2), RecordType::end));
  const History h = build_history(j);
  BOOST_TEST(h.active() == nullptr);
  BOOST_TEST(h.last_checkin() == nullptr);
  BOOST_TEST(build_history(Journal{}).runs.empty());
}

BOOST_AUTO_TEST_CASE(the_version_1_fixture_reads_exactly_and_formats_back_byte_for_byte) {
  std::ifstream in(std::string(ATTUNE_FIXTURES) + "/journal/v1.journal", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  const Journal j = parse_journal(text);
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 10U);
  std::string again = journal_header();
  for (const Record &r : j.records)
    again += format_record(r);
  BOOST_TEST(again == text);
  BOOST_TEST(j.records[3].text ==
             "Said \"I missed you\" out loud.\nIt felt odd \\ good.\tReally 🙂");
  BOOST_TEST(j.records[4].text == "travelling\x07");
  BOOST_TEST(j.records[5].zone == "America/New_York");
  const History h = build_history(j);
  BOOST_REQUIRE(h.runs.size() == 2U);
  BOOST_TEST(h.runs[0].records.size() == 6U); // the undone done and the undo are gone
  BOOST_TEST(h.active()->number == 2U);
  BOOST_TEST(h.last_checkin()->exercise == "reach-out-first");
}

BOOST_AUTO_TEST_CASE(record_id_is_sixteen_lowercase_hex_digits_read_as_a_number) {
  using detail::parse_record_id;
  BOOST_TEST(parse_record_id("000000000000002a").value_or(0) == 42U);
  BOOST_TEST(parse_record_id("0123456789abcdef").value_or(0) == 0x0123456789abcdefULL);
  BOOST_TEST(parse_record_id("ffffffffffffffff").value_or(0) == 0xffffffffffffffffULL);
  BOOST_TEST(!parse_record_id("000000000000002A"));  // uppercase: not an id attune writes
  BOOST_TEST(!parse_record_id("00000000000002a"));   // 15 digits
  BOOST_TEST(!parse_record_id("0000000000000002a")); // 17 digits
  BOOST_TEST(!parse_record_id("000000000000002g"));  // not hex
  BOOST_TEST(!parse_record_id("00000000 000002a"));
  BOOST_TEST(!parse_record_id(""));
  // The id at the start of a line, as the streaming readers take it.
  const std::string line = "000000000000002a\tdone\t2026-11-20";
  BOOST_TEST(parse_record_id(std::string_view(line).substr(0, 16)).value_or(0) == 42U);
  BOOST_TEST(!parse_record_id(std::string_view("00000002a\tdone").substr(0, 16)));
  // is_record_id is the same rule.
  BOOST_TEST(detail::is_record_id("000000000000002a"));
  BOOST_TEST(!detail::is_record_id("000000000000002A"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(journal_escaping)

BOOST_AUTO_TEST_CASE(one_byte_needing_escape_at_any_lane_is_escaped) {
  // format_record copies a value that needs no escape as it is, checking sixteen bytes a
  // step (journal.cpp, append_escaped): one byte that needs one, at any place of a step or
  // of the tail, must still be escaped, so the line reads back to the same text.
  Record plain = record_on("00000000000000e1", RecordType::note);
  plain.text = std::string(40, 'a');
  const std::string plain_line = format_record(plain);
  const auto plain_tabs = std::count(plain_line.begin(), plain_line.end(), '\t');
  for (int b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(40, 'a');
      text[at] = static_cast<char>(b);
      Record r = record_on("00000000000000e1", RecordType::note);
      r.text = text;
      const std::string line = format_record(r);
      BOOST_TEST(std::count(line.begin(), line.end(), '\t') == plain_tabs);
      BOOST_TEST(line.find_first_of("\r\n") == line.size() - 1);
      BOOST_TEST(is_valid_utf8(line), "byte " << b << " at " << at);
      Record back;
      const auto why = detail::parse_record_line(line.substr(0, line.size() - 1), back);
      BOOST_TEST(!why, "byte " << b << " at " << at);
      BOOST_TEST(back.text == text, "byte " << b << " at " << at);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(journal_split)

BOOST_AUTO_TEST_CASE(split_at_tabs_finds_every_tab_at_every_lane) {
  // Sixteen bytes a step (journal.cpp): a TAB at any place, or several, or none, splits
  // as a plain scan does.
  BOOST_TEST(([] {
    std::vector<std::string_view> f;
    detail::split_at_tabs("a\tb\t", f);
    return f == std::vector<std::string_view>{"a", "b", ""};
  }()));
  std::mt19937 random(7);
  std::vector<std::string_view> got;
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 70, 'x');
    for (char &c : text)
      if (random() % 5 == 0)
        c = '\t';
    std::vector<std::string_view> want;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\t') {
        want.push_back(std::string_view(text).substr(start, i - start));
        start = i + 1;
      }
    want.push_back(std::string_view(text).substr(start));
    detail::split_at_tabs(text, got);
    BOOST_TEST((got == want), "text of " << text.size() << " bytes");
  }
}

BOOST_AUTO_TEST_SUITE_END()
