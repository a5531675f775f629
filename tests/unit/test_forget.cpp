// attune forget: the `forgotten` record, choosing texts, erasing them from the journal text.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/forget.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record rec(const std::string &id, RecordType type, const std::string &day, unsigned run = 1) {
  return record_on(id, type, day, "UTC", run);
}

/// start a0; note a1 (Jan 5) "private one"; note a2 (Jan 6) "withdrawn words", undone by a3;
/// skip a4 (Jan 6) "ill"; skip a5 (Jan 6) without reason; done a6.
std::vector<Record> history_records() {
  std::vector<Record> out;
  Record start = rec("00000000000000a0", RecordType::start, "2026-01-05");
  start.plan_id = "avoidant";
  start.plan_hash = std::string(64, 'a');
  out.push_back(start);
  Record a1 = rec("00000000000000a1", RecordType::note, "2026-01-05");
  a1.text = "private one";
  out.push_back(a1);
  Record a2 = rec("00000000000000a2", RecordType::note, "2026-01-06");
  a2.text = "withdrawn words";
  out.push_back(a2);
  Record a3 = rec("00000000000000a3", RecordType::undo, "2026-01-06");
  a3.ref = "00000000000000a2";
  out.push_back(a3);
  Record a4 = rec("00000000000000a4", RecordType::skip, "2026-01-06");
  a4.exercise = "body-check";
  a4.text = "ill";
  out.push_back(a4);
  Record a5 = rec("00000000000000a5", RecordType::skip, "2026-01-06");
  a5.exercise = "catch-the-urge";
  out.push_back(a5);
  Record a6 = rec("00000000000000a6", RecordType::done, "2026-01-06");
  a6.exercise = "catch-the-urge";
  out.push_back(a6);
  return out;
}

std::string text_of(const std::vector<Record> &records) {
  std::string text = journal_header();
  for (const Record &r : records)
    text += format_record(r);
  return text;
}

Record forgotten(const std::vector<std::string> &refs) {
  Record r = rec("00000000000000f0", RecordType::forgotten, "2026-01-07", 0);
  r.refs = refs;
  return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(forget)

BOOST_AUTO_TEST_CASE(forgotten_record_round_trips_through_journal_json_and_csv) {
  const Record f = forgotten({"00000000000000a1", "00000000000000a2"});
  BOOST_TEST(format_record(f).find("\tforgotten\t") != std::string::npos);
  BOOST_TEST(format_record(f).find("\trefs=00000000000000a1,00000000000000a2\t") !=
             std::string::npos);
  const Journal j = parse_journal(text_of({f}));
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 1U);
  BOOST_TEST(format_record(j.records[0]) == format_record(f));
  for (const std::string &exported : {export_json({f}, {}), export_csv({f})}) {
    const ImportData back = read_exchange(exported, "f");
    BOOST_REQUIRE(back.records.size() == 1U);
    BOOST_TEST(format_record(back.records[0].record) == format_record(f));
  }
}

BOOST_AUTO_TEST_CASE(forgotten_without_refs_or_with_a_bad_id_is_not_a_record) {
  Record f = forgotten({"00000000000000a1"});
  std::string line = format_record(f);
  const Journal bad =
      parse_journal(journal_header() + "00000000000000f0\tforgotten\t2026-01-07\t"
                                       "2026-01-07T08:30:00Z\tUTC\trun=0\t~00000000\n");
  BOOST_TEST(bad.records.empty());
  f.refs = {"not-an-id"};
  BOOST_TEST(parse_journal(journal_header() + format_record(f)).records.empty());
}

BOOST_AUTO_TEST_CASE(forgotten_belongs_to_no_run_in_either_reader) {
  std::vector<Record> records = history_records();
  records.push_back(forgotten({"00000000000000a1"}));
  const std::string text = text_of(records);
  const History full = build_history(parse_journal(text));
  BOOST_REQUIRE(full.runs.size() == 1U);
  BOOST_TEST(full.runs[0].number == 1U);
  const JournalSource source = [&](std::uint64_t from,
                                   const std::function<bool(std::string_view)> &sink) {
    sink(std::string_view(text).substr(from));
  };
  const Journal one = parse_journal_run(source, std::nullopt);
  BOOST_TEST(one.problems.empty());
  BOOST_TEST(one.newest_run == 1U);
  BOOST_REQUIRE(one.kept_run.has_value());
  BOOST_TEST(*one.kept_run == 1U);
  BOOST_TEST(build_history(one).runs[0].records.size() == full.runs[0].records.size());
}

BOOST_AUTO_TEST_CASE(chooses_texts_by_record_day_or_all_withdrawn_ones_included) {
  const Journal j = parse_journal(text_of(history_records()));
  ForgetTarget all;
  BOOST_TEST(
      texts_to_forget(j, all) ==
          std::vector<std::string>({"00000000000000a1", "00000000000000a2", "00000000000000a4"}),
      boost::test_tools::per_element());
  ForgetTarget day{ForgetTarget::By::day, {}, *parse_iso_day("2026-01-06")};
  BOOST_TEST(texts_to_forget(j, day) ==
                 std::vector<std::string>({"00000000000000a2", "00000000000000a4"}),
             boost::test_tools::per_element());
  ForgetTarget one{ForgetTarget::By::record, "00000000000000a2", {}};
  BOOST_TEST(texts_to_forget(j, one) == std::vector<std::string>({"00000000000000a2"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_record_without_text_or_an_unknown_id_is_refused_in_words) {
  const Journal j = parse_journal(text_of(history_records()));
  try {
    (void)texts_to_forget(j, {ForgetTarget::By::record, "00000000000000a5", {}});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::no_data));
    BOOST_TEST(std::string(e.what()) == "record \"00000000000000a5\" holds no note, reason, review "
                                        "answer or cue to forget (its text is "
                                        "already erased)");
  }
  try {
    (void)texts_to_forget(j, {ForgetTarget::By::record, "00000000000000ff", {}});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::invalid));
    BOOST_TEST(std::string(e.what()) == "no record \"00000000000000ff\" in the journal");
  }
}

BOOST_AUTO_TEST_CASE(erasing_removes_the_words_from_every_copy_and_keeps_other_bytes) {
  const std::vector<Record> records = history_records();
  // The journal joined with itself (two devices): the note appears twice.
  const std::string text = text_of(records) + format_record(records[1]) + "damaged line\n";
  const Record f = forgotten({"00000000000000a1", "00000000000000a2"});
  const ErasedJournal out = erase_texts(text, {"00000000000000a1", "00000000000000a2"}, {f});
  BOOST_TEST(out.erased_lines == 3U);
  BOOST_TEST(out.unreadable_with_id == 0U);
  BOOST_TEST(out.text.find("private one") == std::string::npos);
  BOOST_TEST(out.text.find("withdrawn words") == std::string::npos);
  BOOST_TEST(out.text.find("ill") != std::string::npos); // not chosen
  BOOST_TEST(out.text.find("damaged line\n") != std::string::npos);
  const Journal j = parse_journal(out.text);
  BOOST_TEST(j.problems.size() == 1U); // the damaged line, as before
  BOOST_TEST(j.records.size() == records.size() + 1);
  BOOST_TEST(to_string(j.records[1].type) == "note");
  BOOST_TEST(j.records[1].text.empty());
  BOOST_TEST(format_record(j.records.back()) == format_record(f));
}

BOOST_AUTO_TEST_CASE(a_torn_line_naming_an_erased_record_is_kept_and_counted) {
  std::string text = text_of(history_records());
  text += "00000000000000a1\tnote\t2026-01-05\tcut sh";
  const ErasedJournal out =
      erase_texts(text, {"00000000000000a1"}, {forgotten({"00000000000000a1"})});
  BOOST_TEST(out.erased_lines == 1U);
  BOOST_TEST(out.unreadable_with_id == 1U);
  BOOST_TEST(out.text.find("cut sh\n00000000000000f0\tforgotten") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_ids_make_several_forgotten_records) {
  std::vector<std::string> ids(max_refs_per_record + 1, "00000000000000a1");
  unsigned n = 0;
  RecordStamp stamp;
  stamp.new_id = [&n]() { return "00000000000000e" + std::to_string(++n); };
  stamp.now = *parse_instant("2026-11-05T08:00:00Z");
  stamp.zone = "Europe/Berlin";
  const auto records = forgotten_records(ids, *parse_iso_day("2026-11-05"), stamp);
  BOOST_REQUIRE(records.size() == 2U);
  BOOST_TEST(records[0].id == "00000000000000e1");
  BOOST_TEST(records[0].refs.size() == max_refs_per_record);
  BOOST_TEST(records[1].id == "00000000000000e2");
  BOOST_TEST(records[1].refs.size() == 1U);
  for (const Record &r : records) {
    BOOST_TEST((r.type == RecordType::forgotten));
    BOOST_TEST(r.run == 0U);
    BOOST_TEST(format_day(r.day) == "2026-11-05");
    BOOST_TEST(format_instant(r.recorded) == "2026-11-05T08:00:00Z");
    BOOST_TEST(r.zone == "Europe/Berlin");
  }
}

BOOST_AUTO_TEST_CASE(without_notes_leaves_no_word_of_a_note_or_reason) {
  std::vector<Record> records = history_records();
  records.push_back(forgotten({"00000000000000a1"}));
  const std::vector<Record> shared = without_notes(records);
  BOOST_TEST(shared.size() == records.size() - 3); // two notes and the forgotten record
  for (const Record &r : shared)
    BOOST_TEST(r.text.empty());
}

// A run shared with --no-notes: the notes leave, and the pause keeps its days, not its reason.
BOOST_AUTO_TEST_CASE(a_run_without_notes_keeps_no_pause_reason) {
  std::vector<Record> records = history_records();
  Record pause = rec("00000000000000b0", RecordType::pause, "2026-01-07");
  pause.until = Day{date::year{2026} / 1 / 9};
  pause.text = "away with family";
  records.push_back(pause);
  const History history = build_history(parse_journal(text_of(records)));
  BOOST_TEST_REQUIRE(history.runs.size() == 1U);
  BOOST_TEST_REQUIRE(history.runs[0].pauses.size() == 1U);
  BOOST_TEST(history.runs[0].pauses[0].reason == "away with family");
  const Run shared = run_without_notes(history.runs[0]);
  BOOST_TEST(shared.records.size() == history.runs[0].records.size() - 1); // the note a1
  for (const Record &r : shared.records) {
    BOOST_TEST((r.type != RecordType::note));
    BOOST_TEST(r.text.empty());
  }
  BOOST_TEST_REQUIRE(shared.pauses.size() == 1U);
  BOOST_TEST(shared.pauses[0].reason.empty());
  BOOST_TEST((shared.pauses[0].from == Day{date::year{2026} / 1 / 7}));
  BOOST_TEST((shared.pauses[0].until == Day{date::year{2026} / 1 / 9}));
  BOOST_TEST(shared.number == history.runs[0].number);
}

BOOST_AUTO_TEST_CASE(import_takes_an_erased_records_old_copy_as_already_here) {
  std::vector<Record> here = history_records();
  const Record with_text = here[1];
  here[1].text.clear();
  here.push_back(forgotten({"00000000000000a1"}));
  const Journal j = parse_journal(text_of(here));
  const ImportData data = read_exchange(export_json({with_text}, {}), "old.json");
  const ImportSelection s = select_new_records(j, data);
  BOOST_TEST(s.fresh.empty());
  BOOST_TEST(s.already == 1U);
  // Without the forgotten record the same difference is a conflict, as always.
  here.pop_back();
  BOOST_CHECK_THROW(select_new_records(parse_journal(text_of(here)), data), Error);
}

BOOST_AUTO_TEST_SUITE_END()
