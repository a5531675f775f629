// One record -> JSON mapping (issue 15): the export, `log --format json` and hooks write the
// same fields under the same names, and import reads them back.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/csv.hpp"
#include "attune/exchange.hpp"
#include "attune/json_reader.hpp"
#include "attune/record_schema.hpp"
#include "attune/text.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// One record of every type with every field its type uses set, and a cmd.
std::vector<Record> every_type() {
  std::vector<Record> out;
  Record start = record_on("00000000000000b1", RecordType::start);
  start.plan_id = "avoidant";
  start.plan_hash = std::string(64, 'a');
  out.push_back(start);
  Record done = record_on("00000000000000b2", RecordType::done);
  done.exercise = "catch-the-urge";
  done.cmd = "00000000000000b2";
  out.push_back(done);
  Record skip = record_on("00000000000000b3", RecordType::skip);
  skip.exercise = "body-check";
  skip.text = "tired";
  skip.cmd = "00000000000000b2";
  out.push_back(skip);
  Record note = record_on("00000000000000b4", RecordType::note);
  note.text = "felt tired";
  out.push_back(note);
  Record check = record_on("00000000000000b5", RecordType::check);
  check.week = 2;
  check.answers = {3, 5, 2};
  out.push_back(check);
  Record undo = record_on("00000000000000b6", RecordType::undo);
  undo.ref = "00000000000000b4";
  out.push_back(undo);
  Record end = record_on("00000000000000b7", RecordType::end);
  out.push_back(end);
  Record forgotten = record_on("00000000000000b8", RecordType::forgotten);
  forgotten.run = 0;
  forgotten.refs = {"00000000000000b4"};
  out.push_back(forgotten);
  Record not_arisen = record_on("00000000000000b9", RecordType::not_arisen);
  not_arisen.exercise = "catch-the-urge";
  out.push_back(not_arisen);
  Record review = record_on("00000000000000ba", RecordType::review);
  review.question = "helped";
  review.text = "naming the urge";
  out.push_back(review);
  Record keep = record_on("00000000000000bb", RecordType::keep);
  keep.exercise = "feeling-word";
  keep.times = 3;
  out.push_back(keep);
  out.push_back(record_on("00000000000000bc", RecordType::keep_stop));
  Record cue = record_on("00000000000000bd", RecordType::cue);
  cue.exercise = "trigger-note";
  cue.text = "when I put my phone on the charger";
  out.push_back(cue);
  Record pause = record_on("00000000000000be", RecordType::pause);
  pause.until = *parse_iso_day("2026-11-08");
  pause.text = "flu";
  out.push_back(pause);
  out.push_back(record_on("00000000000000bf", RecordType::resume));
  Record followup = record_on("00000000000000c0", RecordType::check);
  followup.week = 6;
  followup.followup = 4;
  followup.answers = {4, 4, 3};
  out.push_back(followup);
  return out;
}

std::vector<std::string> keys(const JsonValue &object) {
  std::vector<std::string> out;
  for (const auto &m : object.members)
    out.push_back(m.key);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(record_json)

// A field written by the export and not by log (or hooks), or the other way round, fails here.
BOOST_AUTO_TEST_CASE(export_log_and_hooks_write_the_same_fields) {
  const std::vector<Record> records = every_type();
  const JsonValue exported = parse_json(export_json(records, {}), "export");
  std::vector<LogEntry> entries;
  for (const Record &r : records)
    entries.push_back({r, 3});
  const JsonValue log = parse_json(render_log_json(entries), "log");
  BOOST_TEST_REQUIRE(log.find("records") != nullptr);
  const JsonValue &logged = *log.find("records");
  BOOST_TEST_REQUIRE(exported.find("records")->items.size() == records.size());
  BOOST_TEST_REQUIRE(logged.items.size() == records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    BOOST_TEST_CONTEXT("record " << to_string(records[i].type)) {
      const JsonValue &e = exported.find("records")->items[i];
      const JsonValue &l = logged.items[i];
      const JsonValue h = parse_json(record_json_line(records[i], 3), "hook");
      std::vector<std::string> want = keys(e);
      want.push_back("programme_week"); // the one field log and hooks add
      BOOST_TEST(keys(l) == want, boost::test_tools::per_element());
      BOOST_TEST(keys(h) == want, boost::test_tools::per_element());
      for (const auto &m : e.members) {
        const JsonValue *in_log = l.find(m.key);
        const JsonValue *in_hook = h.find(m.key);
        BOOST_TEST((in_log != nullptr && in_log->text == m.value.text), "log " << m.key);
        BOOST_TEST((in_hook != nullptr && in_hook->text == m.value.text), "hook " << m.key);
      }
      BOOST_TEST(l.find("programme_week")->text == "3");
    }
  }
}

// Worked example: a note's text is "text" and a self-check's week "week", as import reads
// them (no more "note" / "self_check_week" in log).
BOOST_AUTO_TEST_CASE(the_names_are_the_ones_import_reads) {
  const std::vector<Record> records = every_type();
  BOOST_TEST(record_json_line(records[3], 1) ==
             "{\"id\":\"00000000000000b4\",\"type\":\"note\",\"day\":\"2026-11-02\","
             "\"recorded\":\"2026-11-02T08:30:00Z\",\"zone\":\"Europe/Berlin\",\"run\":1,"
             "\"text\":\"felt tired\",\"programme_week\":1}\n");
  BOOST_TEST(record_json_line(records[4], std::nullopt) ==
             "{\"id\":\"00000000000000b5\",\"type\":\"check\",\"day\":\"2026-11-02\","
             "\"recorded\":\"2026-11-02T08:30:00Z\",\"zone\":\"Europe/Berlin\",\"run\":1,"
             "\"week\":2,\"answers\":[3,5,2]}\n");
  // The lines without programme_week are an export's records: import gives every field back.
  std::string doc = "{\"format\": \"attune-export\", \"version\": 1, \"records\": [\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::string line = record_json_line(records[i], std::nullopt);
    line.pop_back();
    doc += (i == 0 ? "" : ",\n") + line;
  }
  doc += "], \"plans\": {}}\n";
  const ImportData data = read_exchange(doc, "hooks.json");
  BOOST_TEST_REQUIRE(data.records.size() == records.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    BOOST_TEST(format_record(data.records[i].record) == format_record(records[i]));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(record_json_worst_case)

BOOST_AUTO_TEST_CASE(the_export_writes_hostile_text_as_the_json_writer_does) {
  // The export lays each record out by hand into memory set aside by a bound
  // (exchange_export.cpp, json_bound): text that grows the most (control bytes, six bytes
  // each; bytes that are not UTF-8, as hex) must still come out exactly as the JSON writer's.
  std::string every_byte;
  for (int b = 0; b < 256; ++b)
    every_byte += static_cast<char>(b);
  const std::vector<std::string> texts = {std::string(3000, '\x01'),  every_byte,
                                          std::string(1000, '\xff'),  std::string(500, '"'),
                                          "caf\xc3\xa9 \xe5\xbf\x83", ""};
  for (const std::string &text : texts) {
    for (const RecordType type : {RecordType::note, RecordType::skip, RecordType::cue,
                                  RecordType::review, RecordType::pause, RecordType::check}) {
      Record r = record_on("00000000000000c1", type);
      r.zone = "America/Argentina/ComodRivadavia";
      r.exercise = text.empty() ? "x" : text;
      r.text = text;
      r.question = "helped";
      r.week = 999999999;
      r.answers = std::vector<int>(40, 999999999);
      r.cmd = "00000000000000c0";
      const std::string line = record_json_line(r, std::nullopt); // ends in LF
      const std::string exported = export_json({r}, {});
      BOOST_TEST(exported.find("\n    " + line.substr(0, line.size() - 1) + "\n  ],") !=
                 std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(record_json_plain_text)

BOOST_AUTO_TEST_CASE(one_byte_needing_care_at_any_lane_is_noticed) {
  // The export copies text that is plain ASCII as it is, checking sixteen bytes a step
  // (exchange_export.cpp, is_plain_ascii); one byte that needs escaping, hex or a UTF-8
  // check, at any place of a step or of the tail, must still come out as the JSON writer's.
  for (int b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < 40; at += 1) {
      std::string text(40, 'a');
      text[at] = static_cast<char>(b);
      Record r = record_on("00000000000000c2", RecordType::note);
      r.text = text;
      const std::string line = record_json_line(r, std::nullopt);
      BOOST_TEST(export_json({r}, {}).find(line.substr(0, line.size() - 1)) != std::string::npos,
                 "byte " << b << " at " << at);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_row_worst_case)

namespace {

/// The CSV row as the export's documentation describes it, cell by cell and slowly: each
/// column's text (a text field that is not UTF-8 as hex, its name in `hex`; ids separated by
/// spaces; anything else as the journal writes it), each cell through csv_cell.
std::string reference_row(const Record &r) {
  std::vector<std::string> cells(csv_columns.size());
  const auto column = [](std::string_view name) {
    std::size_t c = 0;
    while (csv_columns.at(c) != name)
      ++c;
    return c;
  };
  cells[0] = r.id;
  cells[1] = std::string(to_string(r.type));
  cells[2] = format_day(r.day);
  cells[3] = format_instant(r.recorded);
  cells[4] = r.zone;
  std::string hex;
  for (const RecordField &f : record_fields) {
    const Presence presence = f.presence(r.type);
    if (presence == Presence::none || (presence != Presence::required && !field_is_set(f, r)))
      continue;
    std::string &cell = cells[column(f.name)];
    if (f.kind == FieldKind::text && !is_valid_utf8(r.*f.member.text)) {
      hex += (hex.empty() ? "" : " ") + std::string(f.name);
      cell = to_hex(r.*f.member.text);
    } else if (f.kind == FieldKind::ids) {
      for (const std::string &id : r.*f.member.ids)
        cell += (cell.empty() ? "" : " ") + id;
    } else {
      cell = field_text(f, r);
    }
  }
  cells[column("hex")] = hex;
  std::string row;
  for (std::size_t c = 0; c < cells.size(); ++c)
    row += (c == 0 ? "" : ",") + csv_cell(cells[c]);
  return row;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_export_writes_hostile_cells_as_the_reference_does) {
  // The export writes each row by hand into memory set aside by a bound (exchange_export.cpp,
  // csv_bound): cells that grow the most (all quotes, bytes that are not UTF-8 as hex), cells
  // that need quotes (a comma, CR or LF at any place of a sixteen-byte step), several answers
  // and ids must come out exactly as the reference's.
  std::string every_byte;
  for (int b = 0; b < 256; ++b)
    every_byte += static_cast<char>(b);
  std::vector<std::string> texts = {std::string(3000, '"'),
                                    every_byte,
                                    std::string(1000, '\xff'),
                                    "caf\xc3\xa9 \xe5\xbf\x83",
                                    "",
                                    "a,b",
                                    "x"};
  for (const char special : {',', '"', '\r', '\n', '\t'})
    for (std::size_t at = 0; at < 40; at += 7) {
      std::string text(40, 'a');
      text[at] = special;
      texts.push_back(text);
    }
  for (const std::string &text : texts) {
    for (unsigned t = 0; t < record_type_count; ++t) {
      Record r = record_on("00000000000000c3", static_cast<RecordType>(t));
      r.zone = text.empty() ? "UTC" : text;
      r.exercise = text.empty() ? "x" : text;
      r.text = text;
      r.plan_id = text;
      r.question = "helped";
      r.week = 999999999;
      r.answers = text.size() % 2 == 0 ? std::vector<int>(40, -999999999) : std::vector<int>{3};
      r.refs = {"00000000000000c0", text.empty() ? "y" : text};
      r.ref = text;
      r.cmd = "00000000000000c0";
      BOOST_TEST(csv_row(r) == reference_row(r), "type " << t << ", text of " << text.size());
      BOOST_TEST(export_csv({r}) == csv_header() + "\r\n" + reference_row(r) + "\r\n");
      // The text in one field alone, so no other field's room hides a bound too small.
      for (const RecordField &f : record_fields) {
        if (f.kind != FieldKind::text && f.kind != FieldKind::id)
          continue;
        Record one = record_on("00000000000000c4", static_cast<RecordType>(t));
        one.*f.member.text = text;
        BOOST_TEST(csv_row(one) == reference_row(one), f.name << ", type " << t);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
