#include <boost/test/unit_test.hpp>

#include <boost/crc.hpp>

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "attune/journal.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// A journal with everything the rules care about: several runs (one ended, one with a
/// second start unless clean, one whose only check-in is withdrawn), duplicates from a joined copy,
/// a reused id, undo before its target and across runs, damaged and foreign lines, CR LF, a line
/// with an unknown key, a repeated header. Deterministic for a seed. `clean`: none of the cases
/// that make problems (damage, reused ids, foreign lines), so a summary can be made of it;
/// duplicates, undo across runs and repeated headers stay.
std::string hostile_journal(unsigned seed, bool torn, bool clean = false) {
  std::mt19937 rng(seed);
  std::vector<std::string> lines;
  std::vector<unsigned> checkins; // ids of check-ins written so far
  unsigned next = 1;
  const auto add = [&](const Record &r) {
    lines.push_back(format_record(r));
    return r;
  };
  lines.push_back(journal_header());
  const unsigned run_count = 3 + rng() % 4;
  for (unsigned run = 1; run <= run_count; ++run) {
    add(record_n(next++, RecordType::start, run, static_cast<int>(run * 50)));
    // A second start claiming the number: a separate programme (build_history), and like
    // damage a reason for no summary, so a clean journal has none.
    if (rng() % 3 == 0 && !clean)
      add(record_n(next++, RecordType::start, run, static_cast<int>(run * 50 + 1)));
    const unsigned days = 5 + rng() % 20;
    for (unsigned d = 0; d < days; ++d) {
      const auto type = std::vector<RecordType>{RecordType::done, RecordType::skip,
                                                RecordType::note, RecordType::check}[rng() % 4];
      add(record_n(next, type, run, static_cast<int>(run * 50 + d)));
      checkins.push_back(next++);
      unsigned pick = rng() % 12;
      if (clean && (pick == 1 || pick == 3 || pick == 5))
        pick = 11;
      switch (pick) {
      case 0: // undo anything earlier, possibly of another run
        add([&] {
          Record u = record_n(next++, RecordType::undo, run, static_cast<int>(run * 50 + d));
          u.ref = id_n(checkins[rng() % checkins.size()]);
          return u;
        }());
        break;
      case 1: { // damaged line
        std::string bad = format_record(record_n(next++, RecordType::done, run, 1));
        bad[20] = bad[20] == 'x' ? 'y' : 'x';
        lines.push_back(bad);
        break;
      }
      case 2: { // the same record again (joined journals)
        const std::string copy = lines[1 + rng() % (lines.size() - 1)];
        if (!clean || copy.compare(0, 15, "attune-journal ") != 0)
          lines.push_back(copy);
        break;
      }
      case 3: // a reused id with other content
        add(record_n(checkins[rng() % checkins.size()], RecordType::note, run, 2));
        break;
      case 4: // an undo of something not written yet, or of a start (ignored)
        add([&] {
          Record u = record_n(next++, RecordType::undo, run, 3);
          u.ref = id_n(rng() % 2 == 0 ? next + 1 : 1);
          return u;
        }());
        break;
      case 5: { // a line from elsewhere, a CR LF line, an unknown key
        lines.push_back("not a record at all\n");
        std::string crlf = format_record(record_n(next++, RecordType::done, run, 4));
        crlf.insert(crlf.size() - 1, "\r");
        lines.push_back(crlf);
        std::string body = format_record(record_n(next++, RecordType::note, run, 5));
        body = body.substr(0, body.rfind('\t')) + "\tmood=calm"; // kept and ignored
        lines.push_back(with_crc(body));
        lines.push_back(body + "\t~00000000\n"); // the same with a bad checksum: reported
        break;
      }
      case 6:
        lines.push_back(journal_header());
        break;
      default:
        break;
      }
    }
    if (rng() % 3 == 0 && run < run_count)
      add(record_n(next++, RecordType::end, run, static_cast<int>(run * 50 + days)));
  }
  if (rng() % 2 == 0) { // a newest run whose only check-in is withdrawn: it does not exist
    const Record r = add(record_n(next++, RecordType::done, run_count + 1, 400));
    Record u = record_n(next++, RecordType::undo, run_count, 400);
    u.ref = r.id;
    add(u);
  }
  std::string text;
  for (const auto &l : lines)
    text += l;
  if (torn)
    text += format_record(record_n(next++, RecordType::done, 1, 1)).substr(0, 30);
  return text;
}

std::string lines_of(const Run &run) {
  std::string out;
  for (const Record &r : run.records)
    out += format_record(r);
  return out;
}

void same_run(const Run &a, const Run &b) {
  BOOST_TEST(a.number == b.number);
  BOOST_TEST(a.plan_id == b.plan_id);
  BOOST_TEST(a.plan_hash == b.plan_hash);
  BOOST_TEST(format_day(a.start) == format_day(b.start));
  BOOST_TEST(a.ended.has_value() == b.ended.has_value());
  BOOST_TEST(lines_of(a) == lines_of(b));
}

std::vector<std::string> messages(const Journal &j) {
  std::vector<std::string> out;
  for (const auto &p : j.problems)
    out.push_back(std::to_string(p.line) + ": " + p.message);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(journal_run)

BOOST_AUTO_TEST_CASE(newest_run_is_read_as_the_full_parser_reads_it) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    const std::string text = hostile_journal(seed, seed % 5 == 0);
    const Journal full = parse_journal(text);
    const History expected = build_history(full);
    for (const std::size_t piece : {std::size_t{1}, std::size_t{13}, std::size_t{4096}}) {
      const Journal part = parse_journal_run(pieces_of(text, piece), std::nullopt, text.size());
      BOOST_TEST(messages(part) == messages(full), "seed " << seed << " piece " << piece);
      BOOST_TEST(part.record_count == full.records.size());
      BOOST_TEST(part.torn_tail == full.torn_tail);
      BOOST_TEST(part.has_header == full.has_header);
      const History got = build_history(part);
      BOOST_REQUIRE(!expected.runs.empty());
      BOOST_REQUIRE(got.runs.size() == 1U);
      same_run(got.runs[0], expected.runs.back());
      BOOST_TEST(got.newest_run == expected.runs.back().number);
      BOOST_TEST((got.active() == nullptr) == (expected.active() == nullptr));
    }
  }
}

BOOST_AUTO_TEST_CASE(any_run_asked_for_is_read_as_the_full_parser_reads_it) {
  for (unsigned seed = 100; seed <= 120; ++seed) {
    const std::string text = hostile_journal(seed, false);
    const History expected = build_history(parse_journal(text));
    for (const Run &run : expected.runs) {
      const Journal part = parse_journal_run(pieces_of(text, 97), run.number);
      BOOST_TEST(part.kept_run.value_or(0U) == run.number);
      const History got = build_history(part);
      BOOST_REQUIRE(got.runs.size() == 1U);
      same_run(got.runs[0], run);
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_run_gives_no_records_but_the_newest_number) {
  const std::string text = hostile_journal(7, false);
  const Journal part = parse_journal_run(pieces_of(text, 4096), 999U);
  BOOST_TEST(part.records.empty());
  BOOST_TEST(!part.kept_run);
  const History got = build_history(part);
  BOOST_TEST(got.runs.empty());
  BOOST_TEST(got.newest_run == build_history(parse_journal(text)).runs.back().number);
}

BOOST_AUTO_TEST_CASE(empty_source_is_an_empty_journal) {
  const Journal part = parse_journal_run(pieces_of("", 10), std::nullopt);
  BOOST_TEST(part.records.empty());
  BOOST_TEST(part.problems.empty());
  BOOST_TEST(!part.has_header);
  BOOST_TEST(build_history(part).newest_run == 0U);
}

BOOST_AUTO_TEST_CASE(reused_id_in_another_run_is_reported_with_both_lines) {
  std::string text = journal_header();
  text += format_record(record_n(1, RecordType::start, 1, 0));
  text += format_record(record_n(2, RecordType::done, 1, 0));
  text += format_record(record_n(3, RecordType::start, 2, 9));
  text += format_record(record_n(2, RecordType::done, 2, 9));
  const Journal part = parse_journal_run(pieces_of(text, 4096), std::nullopt);
  BOOST_REQUIRE(part.problems.size() == 1U);
  BOOST_TEST(part.problems[0].message ==
             "line 5 reuses the id of line 3 with different content: skipped");
  BOOST_TEST(part.records.size() == 1U); // run 2's start only
}

BOOST_AUTO_TEST_CASE(withdrawn_record_and_its_undo_from_another_run_are_kept) {
  std::string text = journal_header();
  text += format_record(record_n(1, RecordType::start, 1, 0));
  text += format_record(record_n(2, RecordType::done, 1, 0));
  Record undo = record_n(3, RecordType::undo, 2, 1);
  undo.ref = id_n(2);
  text += format_record(undo);
  text += format_record(record_n(4, RecordType::start, 2, 9));
  const Journal part = parse_journal_run(pieces_of(text, 4096), 1U);
  BOOST_REQUIRE(part.records.size() == 3U);
  BOOST_TEST(part.records[2].id == id_n(3));
  const History got = build_history(part);
  BOOST_REQUIRE(got.runs.size() == 1U);
  BOOST_TEST(got.runs[0].records.size() == 1U); // the start; the done is withdrawn
}

BOOST_AUTO_TEST_CASE(a_wrong_field_under_a_right_checksum_in_the_kept_run_is_read_strictly) {
  std::string text = journal_header();
  text += format_record(record_n(1, RecordType::start, 1, 0));
  text += with_crc("0000000000000009\tdone\t2026-13-45\t2026-01-05T09:00:00Z\tUTC\trun=1\t"
                   "exercise=name-a-need");
  text += format_record(record_n(2, RecordType::done, 1, 0));
  const Journal full = parse_journal(text);
  const Journal part = parse_journal_run(pieces_of(text, 4096), std::nullopt);
  BOOST_REQUIRE(part.problems.size() == 1U);
  BOOST_TEST(part.problems[0].message == full.problems[0].message);
  BOOST_TEST(part.problems[0].message == "line 3 is not a valid record (bad day): skipped");
  BOOST_TEST(part.records.size() == 2U);
}

BOOST_AUTO_TEST_CASE(a_wrong_field_under_a_right_checksum_in_another_run_goes_unreported) {
  std::string text = journal_header();
  text += format_record(record_n(1, RecordType::start, 1, 0));
  text += with_crc("0000000000000009\tdone\t2026-13-45\t2026-01-05T09:00:00Z\tUTC\trun=1\t"
                   "exercise=name-a-need");
  text += format_record(record_n(2, RecordType::start, 2, 9));
  const Journal part = parse_journal_run(pieces_of(text, 4096), std::nullopt);
  BOOST_TEST(part.problems.empty()); // documented: only the kept run's fields are checked
  BOOST_TEST(parse_journal(text).problems.size() == 1U);
  BOOST_TEST(part.records.size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

/// Counts the bytes a source hands out.
JournalSource counting(const JournalSource &source, std::size_t &bytes) {
  return [&source, &bytes](std::uint64_t from, const std::function<bool(std::string_view)> &sink) {
    source(from, [&](std::string_view piece) {
      bytes += piece.size();
      return sink(piece);
    });
  };
}

} // namespace

BOOST_AUTO_TEST_SUITE(journal_summary)

BOOST_AUTO_TEST_CASE(is_made_only_for_a_clean_whole_journal) {
  for (unsigned seed = 1; seed <= 30; ++seed) {
    for (const bool clean : {false, true}) {
      const std::string text = hostile_journal(seed, seed % 5 == 0, clean);
      const Journal full = parse_journal(text);
      JournalSummary summary;
      (void)parse_journal_run(pieces_of(text, 4096), std::nullopt, text.size(), &summary);
      const bool expect = full.problems.empty() && !full.torn_tail && full.notes.empty();
      BOOST_TEST((summary.size == text.size()) == expect, "seed " << seed);
      BOOST_TEST((summary.size == 0U) == !expect, "seed " << seed);
    }
  }
}

BOOST_AUTO_TEST_CASE(reading_through_it_gives_what_the_whole_read_gives) {
  unsigned checked = 0;
  for (unsigned seed = 200; seed <= 260; ++seed) {
    const std::string text = hostile_journal(seed, false, true);
    JournalSummary summary;
    const auto whole = pieces_of(text, 4096);
    (void)parse_journal_run(whole, std::nullopt, text.size(), &summary);
    BOOST_REQUIRE(summary.size == text.size());
    summary.stamp = "1:2:3:4.5:6.7";
    const auto reread = parse_journal_summary(format_journal_summary(summary));
    BOOST_REQUIRE(reread.has_value());
    BOOST_TEST(format_journal_summary(*reread) == format_journal_summary(summary));

    const History history = build_history(parse_journal(text));
    std::vector<std::optional<unsigned>> asks{std::nullopt, 999U, 0U};
    for (const Run &run : history.runs)
      asks.emplace_back(run.number);
    for (const auto &ask : asks) {
      for (const std::size_t piece : {std::size_t{7}, std::size_t{4096}}) {
        const auto source = pieces_of(text, piece);
        std::size_t whole_bytes = 0;
        const Journal expected = parse_journal_run(counting(source, whole_bytes), ask, text.size());
        std::size_t bytes = 0;
        const Journal got = parse_journal_run(counting(source, bytes), *reread, ask);
        const std::string what = "seed " + std::to_string(seed) + " run " +
                                 (ask ? std::to_string(*ask) : std::string("newest"));
        BOOST_TEST(messages(got).empty(), what);
        BOOST_TEST(got.kept_run.value_or(0U) == expected.kept_run.value_or(0U), what);
        BOOST_TEST(got.kept_run.has_value() == expected.kept_run.has_value(), what);
        BOOST_TEST(got.record_count == expected.record_count, what);
        BOOST_TEST(got.newest_run == expected.newest_run, what);
        BOOST_TEST(got.has_header == expected.has_header, what);
        BOOST_TEST(got.version == expected.version, what);
        std::string a, b;
        for (const Record &r : got.records)
          a += format_record(r);
        for (const Record &r : expected.records)
          b += format_record(r);
        BOOST_TEST(a == b, what);
        const History h = build_history(got);
        const History e = build_history(expected);
        BOOST_TEST(h.runs.size() == e.runs.size(), what);
        if (!h.runs.empty() && !e.runs.empty())
          same_run(h.runs[0], e.runs[0]);
        BOOST_TEST(bytes <= whole_bytes, what);
        if (!ask && history.runs.size() >= 2) {
          BOOST_TEST(bytes < whole_bytes, what << ": read " << bytes << " of " << whole_bytes);
          ++checked;
        }
      }
    }
  }
  BOOST_TEST(checked > 20U); // the newest run was read from its span, not the whole file
}

BOOST_AUTO_TEST_CASE(file_form_refuses_any_change) {
  const std::string text = hostile_journal(210, false, true);
  JournalSummary summary;
  (void)parse_journal_run(pieces_of(text, 4096), std::nullopt, text.size(), &summary);
  summary.stamp = "2049:1234:99:1700000000.5:1700000000.5";
  const std::string form = format_journal_summary(summary);
  BOOST_REQUIRE(parse_journal_summary(form).has_value());
  for (std::size_t i = 0; i < form.size(); ++i) {
    std::string bent = form;
    bent[i] = static_cast<char>(bent[i] ^ 0x01);
    BOOST_TEST(!parse_journal_summary(bent).has_value(), "byte " << i);
    BOOST_TEST(!parse_journal_summary(form.substr(0, i)).has_value(), "cut at " << i);
  }
  BOOST_TEST(!parse_journal_summary(form + form).has_value());
  BOOST_TEST(!parse_journal_summary("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
