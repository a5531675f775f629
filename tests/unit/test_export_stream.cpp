#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "attune/exchange.hpp"
#include "attune/export_stream.hpp"
#include "attune/forget.hpp"
#include "attune/journal.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

std::map<std::string, std::string> some_plans() {
  return {{"0123abcd1", "id = \"avoidant\"\n"}, {"0123abcd2", "x = \"\\u00e9\"\n"}};
}

/// Pass 1 read in two halves at once (as a long journal is) gives what one read gives: cut
/// at every place in a line's length around the middle, and with a hint far too large.
void check_halves(const std::string &text) {
  const JournalSource source = pieces_of(text, 7);
  const ExportPrescan whole = prescan_for_export(source, text.size(), true);
  std::vector<std::size_t> hints = {text.size() * 3};
  for (std::size_t cut = text.size() / 2; cut < text.size() / 2 + 130; ++cut)
    hints.push_back(2 * cut); // the halves meet at the line ending at or after cut - 1
  for (const std::size_t hint : hints) {
    const ExportPrescan halves = prescan_for_export(source, hint, true, 0);
    BOOST_TEST(halves.ids == whole.ids, "hint " << hint);
    BOOST_TEST(halves.repeated == whole.repeated);
    BOOST_REQUIRE(halves.starts.size() == whole.starts.size());
    for (std::size_t i = 0; i < whole.starts.size(); ++i)
      BOOST_TEST(format_record(halves.starts[i]) == format_record(whole.starts[i]));
  }
}

ExportPrescan scan_for_export_check(const JournalSource &source, std::size_t size) {
  return prescan_for_export(source, size);
}

/// `got` (export_records) says what parse_journal said, and holds its start records.
void check_journal(const Journal &got, const Journal &whole) {
  BOOST_TEST(got.version == whole.version);
  BOOST_TEST(got.newer_version == whole.newer_version);
  BOOST_TEST(got.torn_tail == whole.torn_tail);
  BOOST_TEST(got.has_header == whole.has_header);
  BOOST_TEST(got.record_count == whole.record_count);
  BOOST_TEST(got.notes == whole.notes, boost::test_tools::per_element());
  BOOST_REQUIRE(got.problems.size() == whole.problems.size());
  for (std::size_t i = 0; i < whole.problems.size(); ++i) {
    BOOST_TEST(got.problems[i].line == whole.problems[i].line);
    BOOST_TEST(got.problems[i].message == whole.problems[i].message);
  }
  std::vector<Record> starts;
  std::copy_if(whole.records.begin(), whole.records.end(), std::back_inserter(starts),
               [](const Record &r) { return r.type == RecordType::start; });
  BOOST_REQUIRE(got.records.size() == starts.size());
  for (std::size_t i = 0; i < starts.size(); ++i)
    BOOST_TEST(format_record(got.records[i]) == format_record(starts[i]));
}

/// The streaming export equals the whole-journal one: the same bytes (JSON and CSV, with and
/// without --no-notes) and the same problems, notes and flags, whatever the piece size.
void check_same(const std::string &text, bool halves = false) {
  if (halves)
    check_halves(text);
  const Journal whole = parse_journal(text);
  for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
    const JournalSource source = pieces_of(text, piece);
    const ExportPrescan prescan = scan_for_export_check(source, text.size());
    Journal got;
    for (const bool no_notes : {false, true})
      for (const bool alongside : {false, true}) { // read on this thread, or on a second one
        const std::vector<Record> records = no_notes ? without_notes(whole.records) : whole.records;
        const RecordFeed feed = [&](const std::function<void(const Record &)> &each) {
          got = alongside ? export_records_alongside(source, prescan, no_notes, each)
                          : export_records(source, prescan, no_notes, each);
        };
        std::string json;
        const std::size_t n =
            export_json(feed, some_plans(), [&json](std::string_view s) { json += s; });
        BOOST_TEST(n == records.size());
        BOOST_TEST(json == export_json(records, some_plans()));
        std::string csv;
        BOOST_TEST(export_csv(feed, [&csv](std::string_view s) { csv += s; }) == records.size());
        BOOST_TEST(csv == export_csv(records));
        check_journal(got, whole);
      }
  }
}

std::string journal_of(const std::vector<Record> &records) {
  std::string text = journal_header();
  for (const Record &r : records)
    text += format_record(r);
  return text;
}

std::vector<Record> every_type() {
  std::vector<Record> records;
  unsigned id = 1;
  int day = 0;
  for (const unsigned run : {1U, 2U}) {
    records.push_back(record_n(id++, RecordType::start, run, day));
    for (const RecordType type :
         {RecordType::done, RecordType::skip, RecordType::note, RecordType::check, RecordType::undo,
          RecordType::not_arisen, RecordType::review, RecordType::keep, RecordType::keep_stop,
          RecordType::cue, RecordType::pause, RecordType::resume, RecordType::forgotten,
          RecordType::end})
      records.push_back(record_n(id++, type, run, ++day));
  }
  records[3].cmd = records[2].id;
  records[5].text = std::string("bad \xff utf-8"); // written as hex in exports
  return records;
}

} // namespace

BOOST_AUTO_TEST_SUITE(export_stream)

BOOST_AUTO_TEST_CASE(empty_and_header_only) {
  check_same("");
  check_same(journal_header());
  check_same("\n\n");
}

BOOST_AUTO_TEST_CASE(every_record_type_and_undone_records_are_exported_as_they_are) {
  // Export holds the undo records and what they withdraw (it is the journal, not a view).
  check_same(journal_of(every_type()), true);
}

BOOST_AUTO_TEST_CASE(a_record_read_after_one_with_every_field_keeps_none_of_them) {
  // The reader reuses one Record from line to line (no allocation per value): every field
  // of a line with all of them (a reader keeps a known key whatever the type) must be gone
  // from the next, short one. check_same compares with parse_journal's fresh records.
  const std::string head = "\t2026-01-05\t2026-01-05T09:00:00Z\tAmerica/New_York\t";
  const auto every = [&head](unsigned id) {
    return id_n(id) + "\tdone" + head + "run=2\texercise=a-long-exercise-name\tplan=avoidant" +
           "\thash=0123abcd\tweek=3\tanswers=1,2,3,4,5,6,7\tfollowup=4\tref=" + id_n(9) +
           "\trefs=" + id_n(8) + "," + id_n(7) + "\tquestion=helped\tuntil=2026-01-09" +
           "\treason=tired today, and that is fine\ttext=a longer note \\x01 with an escape" +
           "\ttimes=3\tcmd=" + id_n(6);
  };
  const std::string short_done = id_n(2) + "\tdone" + head + "run=1\texercise=x";
  const std::string short_check = id_n(3) + "\tcheck" + head + "run=1\tweek=1\tanswers=";
  const std::string text = journal_header() + with_crc(every(1)) + with_crc(short_done) +
                           with_crc(every(4)) + with_crc(short_check);
  const Journal whole = parse_journal(text);
  BOOST_TEST(whole.problems.empty());
  BOOST_REQUIRE(whole.records.size() == 4U);
  BOOST_TEST(whole.records[1].text.empty());
  BOOST_TEST(whole.records[3].answers.empty());
  check_same(text);
}

BOOST_AUTO_TEST_CASE(duplicates_same_and_different_content) {
  std::vector<Record> records = every_type();
  std::string text = journal_of(records);
  text += format_record(records[2]); // joined journals: the same record again
  text += format_record(records[2]);
  Record changed = records[3]; // a note
  changed.text = "another text";
  text += format_record(changed); // the same id, other content: skipped, reported
  text += format_record(records[3]);
  check_same(text);
}

BOOST_AUTO_TEST_CASE(torn_tail_damage_crlf_and_blank_lines) {
  const std::vector<Record> records = every_type();
  std::string text = journal_header() + "\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::string line = format_record(records[i]);
    if (i % 5 == 1)
      line[20] = line[20] == 'x' ? 'y' : 'x'; // damaged: the checksum does not match
    if (i % 7 == 2)
      line.insert(line.size() - 1, "\r"); // a file-sync tool's CR LF
    if (i % 9 == 3)
      line = line.substr(0, line.size() - 12) + "\n"; // cut: no checksum
    text += line;
  }
  text += "not a record at all\n";
  text += "0123456789abcdef\tnote\n";
  const std::string torn = format_record(records[1]);
  check_same(text + torn.substr(0, torn.size() / 2));
  check_same(text + torn.substr(0, torn.size() - 1)); // all but its LF
}

BOOST_AUTO_TEST_CASE(no_header_newer_version_and_repeated_header) {
  const std::vector<Record> records = every_type();
  const std::string body = journal_of(records).substr(journal_header().size());
  check_same(body);
  check_same("attune-journal 7\n" + body);
  check_same(journal_header() + body + "attune-journal 2\n" + journal_header());
  check_same("attune-journal 99999999999999999999\n" + body);
}

BOOST_AUTO_TEST_CASE(two_starts_claiming_one_number_note_the_programmes) {
  std::vector<Record> records = every_type();
  Record second = record_n(900, RecordType::start, 1, 30);
  second.plan_hash = "0123abcd2";
  records.push_back(second);
  records.push_back(record_n(901, RecordType::done, 1, 31));
  check_same(journal_of(records));
}

BOOST_AUTO_TEST_CASE(a_line_longer_than_a_piece_and_random_journals) {
  std::vector<Record> records = every_type();
  records[3].text = std::string(20000, 'a') + "\tz";
  check_same(journal_of(records));
  std::mt19937 rng(15);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> lines;
    const std::vector<Record> base = every_type();
    for (int i = 0; i < 60; ++i) {
      Record r = base[rng() % base.size()];
      if (rng() % 3 != 0)
        r.id = id_n(100 + static_cast<unsigned>(rng() % 40)); // many repeated ids
      if (rng() % 4 == 0)
        r.text = "variant " + std::to_string(rng() % 3);
      std::string line = format_record(r);
      if (rng() % 10 == 0)
        line[rng() % (line.size() - 1)] ^= 1;
      lines.push_back(line);
    }
    std::string text = rng() % 2 ? journal_header() : std::string();
    for (const auto &line : lines)
      text += line;
    if (rng() % 2)
      text.resize(text.size() - 1 - rng() % 30);
    check_same(text, round < 4); // pass 1 in halves: every cut near the middle, 4 journals
  }
}

BOOST_AUTO_TEST_CASE(read_alongside_many_batches_and_what_either_side_throws) {
  // 3,000 records: six batches through a queue of three.
  std::vector<Record> records;
  const std::vector<Record> base = every_type();
  for (unsigned i = 0; i < 3000; ++i) {
    Record r = base[i % base.size()];
    r.id = id_n(1000 + i);
    records.push_back(r);
  }
  const std::string text = journal_of(records);
  const JournalSource source = pieces_of(text, 4096);
  const ExportPrescan prescan = prescan_for_export(source, text.size());
  std::vector<std::string> read_here;
  std::vector<std::string> read_alongside;
  const Journal here = export_records(
      source, prescan, false, [&](const Record &r) { read_here.push_back(format_record(r)); });
  const Journal alongside = export_records_alongside(
      source, prescan, false, [&](const Record &r) { read_alongside.push_back(format_record(r)); });
  BOOST_TEST(read_alongside.size() == records.size());
  BOOST_TEST((read_alongside == read_here));
  BOOST_TEST(alongside.record_count == here.record_count);
  // The writer fails (a full disk): the reading stops, and the writer's error is told.
  std::size_t written = 0;
  BOOST_TEST(error_text([&] {
               export_records_alongside(source, prescan, false, [&](const Record &) {
                 if (++written == 1000)
                   throw Error(ErrorKind::io, "the disk is full");
               });
             }) == "the disk is full | ");
  BOOST_TEST(written == 1000U);
  // The reading fails (the journal cannot be read): told after the records read before it.
  const JournalSource failing = [&](std::uint64_t from,
                                    const std::function<bool(std::string_view)> &sink) {
    std::size_t pieces = 0;
    source(from, [&](std::string_view piece) {
      if (++pieces == 40)
        throw Error(ErrorKind::io, "cannot read the journal");
      return sink(piece);
    });
  };
  written = 0;
  BOOST_TEST(error_text([&] {
               export_records_alongside(failing, prescan, false,
                                        [&](const Record &) { ++written; });
             }) == "cannot read the journal | ");
  BOOST_TEST(written > 0U);
  BOOST_TEST(written < records.size());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_sort_ids)

BOOST_AUTO_TEST_CASE(sort_ids_sorts_as_std_sort_does_with_repeats_and_extremes) {
  // Few ids: std::sort; many (4,096 and more): a pass on the top 11 bits, then std::sort
  // in each range. Small ids (a third here; all of them in the last case) share one range.
  std::mt19937_64 random(11);
  for (const std::size_t n :
       {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{4096}, std::size_t{50000}}) {
    std::vector<std::uint64_t> ids(n);
    for (std::uint64_t &id : ids)
      id = random() % 3 == 0 ? random() % 64 : random(); // small ones repeat
    if (n > 2) {
      ids[0] = ~std::uint64_t{0};
      ids[1] = 0;
    }
    std::vector<std::uint64_t> want = ids;
    std::sort(want.begin(), want.end());
    sort_ids(ids);
    BOOST_TEST((ids == want), n << " ids");
  }
  std::vector<std::uint64_t> counted(20000);
  for (std::size_t i = 0; i < counted.size(); ++i)
    counted[i] = (counted.size() - i) / 2; // hand-made ids, descending, each twice
  std::vector<std::uint64_t> want = counted;
  std::sort(want.begin(), want.end());
  sort_ids(counted);
  BOOST_TEST((counted == want));
}

BOOST_AUTO_TEST_SUITE_END()
