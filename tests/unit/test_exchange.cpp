#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/exchange.hpp"
#include "attune/json.hpp"
#include "attune/plan_loader.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// One record of every type, with the texts that are hard to carry.
std::vector<Record> sample() {
  std::vector<Record> out;
  Record start = record_on("00000000000000a1", RecordType::start);
  start.plan_id = "avoidant";
  start.plan_hash = sha256_hex("plan text\n");
  out.push_back(start);
  Record done = record_on("00000000000000a2", RecordType::done);
  done.exercise = "catch-the-urge";
  out.push_back(done);
  Record skip = record_on("00000000000000a3", RecordType::skip);
  skip.exercise = "body-check";
  skip.text = "tired, \"really\"\r\nand\ttabs";
  out.push_back(skip);
  Record note = record_on("00000000000000a4", RecordType::note, "2026-11-03");
  note.text = "caf\xc3\xa9 \xf0\x9f\x99\x82 \x01 and an old byte \xff";
  out.push_back(note);
  Record check = record_on("00000000000000a5", RecordType::check);
  check.week = 0;
  check.answers = {3, 5, 2};
  out.push_back(check);
  Record undo = record_on("00000000000000a6", RecordType::undo, "2026-11-03");
  undo.ref = "00000000000000a2";
  out.push_back(undo);
  Record end = record_on("00000000000000a7", RecordType::end, "2026-11-04");
  out.push_back(end);
  return out;
}

std::vector<std::string> lines(const std::vector<Record> &records) {
  std::vector<std::string> out;
  for (const Record &r : records)
    out.push_back(format_record(r));
  return out;
}

std::vector<Record> records_of(const ImportData &data) {
  std::vector<Record> out;
  for (const auto &ir : data.records)
    out.push_back(ir.record);
  return out;
}

std::string problem(const std::string &text) {
  try {
    (void)read_exchange(text, "f");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::data));
    return format_location(e.where().value_or(Location{})) + ": " + e.what() + "; " + e.hint();
  }
  return "ok";
}

const std::string json_head = "{\"format\": \"attune-export\", \"version\": 1, \"records\": [\n";
const std::string a_done = R"({"id":"00000000000000a2","type":"done","day":"2026-11-02",)"
                           R"("recorded":"2026-11-02T08:30:00Z","zone":"UTC","run":1,)";

} // namespace

BOOST_AUTO_TEST_SUITE(exchange)

BOOST_AUTO_TEST_CASE(json_export_writes_one_record_per_line_with_the_fields_of_its_type) {
  std::vector<Record> two = {sample()[1], sample()[4]};
  BOOST_TEST(
      export_json(two, {{"abc", "x = 1\n"}}) ==
      "{\n  \"schema\": 1,\n  \"format\": \"attune-export\",\n  \"version\": 1,\n  \"records\": [\n"
      "    {\"id\":\"00000000000000a2\",\"type\":\"done\",\"day\":\"2026-11-02\","
      "\"recorded\":\"2026-11-02T08:30:00Z\",\"zone\":\"Europe/Berlin\",\"run\":1,"
      "\"exercise\":\"catch-the-urge\"},\n"
      "    {\"id\":\"00000000000000a5\",\"type\":\"check\",\"day\":\"2026-11-02\","
      "\"recorded\":\"2026-11-02T08:30:00Z\",\"zone\":\"Europe/Berlin\",\"run\":1,"
      "\"week\":0,\"answers\":[3,5,2]}\n"
      "  ],\n  \"plans\": {\n    \"abc\": \"x = 1\\n\"\n  }\n}\n");
  BOOST_TEST(export_json({}, {}) ==
             "{\n  \"schema\": 1,\n  \"format\": \"attune-export\",\n  \"version\": 1,\n"
             "  \"records\": [],\n  \"plans\": {}\n}\n");
}

BOOST_AUTO_TEST_CASE(a_plan_copy_is_utf8_text_with_the_hash_it_is_saved_under) {
  const std::string plan = "id = \"avoidant\"\n";
  BOOST_TEST(is_plan_copy(plan, sha256_hex(plan)));
  BOOST_TEST(!is_plan_copy(plan + " ", sha256_hex(plan))); // changed since it was saved
  BOOST_TEST(!is_plan_copy("id = \"\xff\"\n", sha256_hex("id = \"\xff\"\n"))); // not text
}

BOOST_AUTO_TEST_CASE(utf8_text_is_escaped_as_json_quote_escapes_it) {
  // Export's own writer (no allocation) against json_quote: every ASCII control byte, DEL,
  // quote and backslash, among UTF-8 of two to four bytes.
  Record note = sample()[3];
  note.text = "caf\xc3\xa9 \"q\" \\ \xe2\x82\xac\xf0\x9f\x99\x82";
  for (int c = 0; c < 0x20; ++c)
    note.text += static_cast<char>(c);
  note.text += "\x7f end";
  const std::string out = export_json({note}, {});
  BOOST_TEST(out.find("\"text\":" + json_quote(note.text) + "}") != std::string::npos);
  BOOST_TEST(out.find("\\u001f") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_are_written_as_hex_and_named) {
  const std::string json = export_json({sample()[3]}, {});
  BOOST_TEST(json.find("\"text\":\"636166c3a920f09f9982200120616e6420616e206f6c64206279746520ff\""
                       ",\"hex\":[\"text\"]") != std::string::npos);
  const std::string csv = export_csv({sample()[3]});
  BOOST_TEST(csv.find(",,,,,,text,,,,,,,\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_export_has_a_fixed_header_and_crlf_rows) {
  BOOST_TEST(export_csv({sample()[2]}) ==
             "id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,ref,hex,cmd,"
             "question,times,followup,until,reason,refs\r\n"
             "00000000000000a3,skip,2026-11-02,2026-11-02T08:30:00Z,Europe/Berlin,1,body-check,"
             ",,,,,,,,,,,,\"tired, \"\"really\"\"\r\nand\ttabs\",\r\n");
}

// The command id (cmd=) survives both formats; an export from before it (CSV ending at
// "hex", JSON without "cmd") reads as records without one.
BOOST_AUTO_TEST_CASE(cmd_round_trips_and_older_exports_without_it_still_import) {
  std::vector<Record> records = sample();
  records[2].cmd = records[1].id;
  const ImportData from_json = read_exchange(export_json(records, {}), "e.json");
  BOOST_TEST(from_json.records[2].record.cmd == records[1].id);
  const std::string csv = export_csv(records);
  const ImportData from_csv = read_exchange(csv, "e.csv");
  BOOST_TEST(from_csv.records[2].record.cmd == records[1].id);
  BOOST_TEST(lines(records_of(from_csv)) == lines(records));
  const std::string old =
      "id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,ref,hex\r\n"
      "00000000000000a1,done,2026-11-02,2026-11-02T08:30:00Z,Europe/Berlin,1,body-check,,,,,,,\r\n";
  const ImportData from_old = read_exchange(old, "old.csv");
  BOOST_REQUIRE(from_old.records.size() == 1U);
  BOOST_TEST(from_old.records[0].record.cmd.empty());
  try {
    (void)read_exchange(csv.substr(0, csv.find("\r\n") + 2) +
                            "00000000000000a1,done,2026-11-02,2026-11-02T08:30:00Z,Europe/"
                            "Berlin,1,body-check,,,,,,,,NOPE,,,,,,\r\n",
                        "bad.csv");
    BOOST_FAIL("a bad cmd must be refused");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()) ==
               "cmd \"NOPE\" is not a record id (16 lowercase hex digits)");
  }
}

BOOST_AUTO_TEST_CASE(json_and_csv_round_trip_every_record_exactly) {
  const auto records = sample();
  const std::map<std::string, std::string> plans = {{sha256_hex("plan text\n"), "plan text\n"}};
  const std::string json = export_json(records, plans);
  const ImportData from_json = read_exchange(json, "e.json");
  BOOST_TEST((from_json.format == ExchangeFormat::json));
  BOOST_TEST(lines(records_of(from_json)) == lines(records));
  BOOST_TEST((from_json.plans == plans));
  BOOST_TEST(export_json(records_of(from_json), from_json.plans) == json);

  const std::string csv = export_csv(records);
  const ImportData from_csv = read_exchange(csv, "e.csv");
  BOOST_TEST((from_csv.format == ExchangeFormat::csv));
  BOOST_TEST(lines(records_of(from_csv)) == lines(records));
  BOOST_TEST(export_csv(records_of(from_csv)) == csv);
  BOOST_TEST(from_csv.records[2].where.line == 4);
  BOOST_TEST(from_csv.records[3].where.line == 6); // the reason above spans two lines
}

BOOST_AUTO_TEST_CASE(reads_a_journal_file_and_a_csv_saved_with_a_bom) {
  std::string journal = journal_header();
  for (const Record &r : sample())
    journal += format_record(r);
  const ImportData data = read_exchange(journal, "journal");
  BOOST_TEST((data.format == ExchangeFormat::journal));
  BOOST_TEST(lines(records_of(data)) == lines(sample()));
  BOOST_TEST(data.records[1].where.line == 3);
  BOOST_TEST(read_exchange("\xEF\xBB\xBF" + export_csv(sample()), "f").records.size() == 7U);
  // As a spreadsheet saves it: every cell quoted.
  const std::string quoted_csv =
      "\"id\",\"type\",\"day\",\"recorded\",\"zone\",\"run\","
      "\"exercise\",\"text\",\"plan\",\"hash\",\"week\",\"answers\","
      "\"ref\",\"hex\"\r\n\"00000000000000a2\",\"done\",\"2026-11-02\","
      "\"2026-11-02T08:30:00Z\",\"Europe/Berlin\",\"1\",\"catch-the-urge\","
      "\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n";
  BOOST_TEST(lines(records_of(read_exchange(quoted_csv, "f"))) == lines({sample()[1]}));

  std::string damaged = journal;
  damaged[damaged.find("catch-the-urge")] = 'K';
  BOOST_TEST(problem(damaged) == "f:3: a journal line that cannot be imported: line 3 is damaged "
                                 "(checksum does not match): skipped; repair or remove that "
                                 "line, or import an export instead");
}

BOOST_AUTO_TEST_CASE(checks_each_record_as_the_journal_does) {
  const auto with = [](const std::string &rest) { return problem(json_head + rest + "]}"); };
  BOOST_TEST(with(a_done + R"("exercise":"x"})") == "ok");
  BOOST_TEST(with(R"({"id":"00000000000000A2",)" + a_done.substr(25) + R"("exercise":"x"})") ==
             "f:2:7: id \"00000000000000A2\" is not 16 lowercase hex digits; ids look like "
             "3f9c0a1b2c3d4e5f; keep them as exported");
  BOOST_TEST(with(a_done + R"("exercise":7})") ==
             "f:2:125: \"exercise\" must be a string, not a number; see 'man attune-journal' "
             "(EXPORT FORMATS)");
  BOOST_TEST(with(a_done + R"("exercise":"x","text":"y"})") ==
             "f:2:136: \"text\" does not belong in a done record; a done record holds id, type, "
             "day, recorded, zone, run, exercise");
  BOOST_TEST(with(a_done.substr(0, a_done.size() - 1) + "}") ==
             "f:2:1: a done record without \"exercise\"; a done record "
             "holds id, type, day, recorded, zone, run, exercise");
  BOOST_TEST(with(a_done + R"("exercies":"x"})") ==
             "f:2:114: unknown key \"exercies\" in a record; did you mean 'exercise'?");
  std::string bad_type = a_done;
  bad_type.replace(bad_type.find("done"), 4, "dnoe");
  BOOST_TEST(with(bad_type + R"("exercise":"x"})") ==
             "f:2:33: unknown record type \"dnoe\"; did you mean 'done'?");
  std::string bad_day = a_done;
  bad_day.replace(bad_day.find("2026-11-02"), 10, "2026-02-30");
  BOOST_TEST(with(bad_day + R"("exercise":"x"})") ==
             "f:2:46: day \"2026-02-30\" is not a date; write it as YYYY-MM-DD");
  std::string bad_run = a_done;
  bad_run.replace(bad_run.find("\"run\":1"), 7, "\"run\":-1");
  BOOST_TEST(with(bad_run + R"("exercise":"x"})") ==
             "f:2:112: run \"-1\" is not a whole number; write 0 to 999999999 in digits");
  BOOST_TEST(with(a_done + R"("exercise":"7g","hex":["exercise"]})") ==
             "f:2:125: \"exercise\" is not lowercase hex bytes; \"hex\" says this field is written "
             "as hex; write pairs of 0-9a-f");
}

BOOST_AUTO_TEST_CASE(the_file_is_judged_before_its_records_though_they_are_read_first) {
  // Records are built as they are read (never held as a tree); a fault in one is told only
  // after the file's syntax and head are found good, as when the tree was read whole.
  const std::string bad_record = a_done + R"("exercise":7})";
  BOOST_TEST(problem(R"({"format":"attune-export","records":[)" + bad_record + R"(],"version":2})")
                 .find("the export is format version 2, newer than this attune reads") !=
             std::string::npos);
  BOOST_TEST(problem(json_head + bad_record + ",]}").find("a comma before \"]\"") !=
             std::string::npos);
  BOOST_TEST(problem(json_head + bad_record + "]}").find("\"exercise\" must be a string") !=
             std::string::npos);
  // Of two bad records, the first is told.
  std::string bad_day = a_done;
  bad_day.replace(bad_day.find("2026-11-02"), 10, "2026-02-30");
  BOOST_TEST(problem(json_head + bad_day + R"("exercise":"x"},)" + bad_record + "]}")
                 .find("day \"2026-02-30\" is not a date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_an_export_of_this_version) {
  BOOST_TEST(problem("hello\n") == "f:1:1: this is not an attune export; import reads what "
                                   "'attune export' writes (JSON or CSV) or a journal file");
  BOOST_TEST(problem("\n\n") == "f: the file is empty; export a journal with 'attune export'");
  BOOST_TEST(problem("[]") == "f:1:1: the file holds an array, not an attune export; an export "
                              "is an object starting {\"format\": \"attune-export\"");
  BOOST_TEST(problem(R"({"format":"attune-export","version":2,"records":[]})") ==
             "f:1:37: the export is format version 2, newer than this attune reads (1); upgrade "
             "attune to import it");
  BOOST_TEST(problem(R"({"format":"attune-export","version":1,"record":[]})") ==
             "f:1:39: unknown key \"record\" in an export; did you mean 'records'?");
  BOOST_TEST(
      problem(R"({"format":"attune-export","version":1,"records":[],"plans":{"ab":"x"}})") ==
      "f:1:66: the plan text does not match its hash \"ab\"; the plan was changed after export; "
      "restore it as exported or remove it");
  BOOST_TEST(problem("id,type,date\r\n").find("f:1:9: column 3 is \"date\", expected \"day\"") ==
             0U);
  BOOST_TEST(problem(csv_header() + "\r\n00000000000000a2,done\r\n") ==
             "f:2:1: this row has 2 cells; the header has 21; a comma inside a cell needs the "
             "cell in double quotes");
}

BOOST_AUTO_TEST_CASE(a_csv_cell_for_a_field_the_type_lacks_must_be_empty) {
  std::string csv = export_csv({sample()[1]});
  csv.replace(csv.find("catch-the-urge,"), 15, "catch-the-urge,oops");
  BOOST_TEST(problem(csv).find("f:2:86: \"text\" does not belong in a done record") == 0U);
}

BOOST_AUTO_TEST_CASE(new_records_are_chosen_by_id_and_repeats_count_once) {
  Journal journal;
  journal.records = {sample()[0], sample()[1]};
  const auto all = sample();
  std::vector<Record> twice = all;
  twice.push_back(all[2]);
  const ImportData data = read_exchange(export_json(twice, {}), "f");
  const ImportSelection s = select_new_records(journal, data);
  BOOST_TEST(s.already == 3U); // two in the journal, one repeated in the file
  BOOST_TEST(lines(s.fresh) == lines(std::vector<Record>(all.begin() + 2, all.end())));
}

BOOST_AUTO_TEST_CASE(a_new_start_for_a_run_number_already_started_here_stays_separate) {
  Journal journal;
  Record here = sample()[0];
  here.id = "00000000000000b1";
  journal.records = {here};
  const ImportData data = read_exchange(export_json(sample(), {}), "f");
  // Both started at the same instant as run 1: ordered by id, so the file's (a1) is first.
  const ImportSelection s = select_new_records(journal, data);
  BOOST_REQUIRE(s.programmes.size() == 2U);
  BOOST_TEST(s.programmes[0].number == 1U);
  BOOST_TEST(!s.programmes[0].was.has_value());
  BOOST_TEST(s.programmes[1].number == 2U);
  BOOST_TEST(*s.programmes[1].was == 1U);
  journal.records = {sample()[0]};
  const ImportSelection same = select_new_records(journal, data);
  BOOST_REQUIRE(same.programmes.size() == 1U); // the same start: its records join it
  BOOST_TEST(*same.programmes[0].was == 1U);
  BOOST_TEST(same.programmes[0].number == 1U);
}

BOOST_AUTO_TEST_CASE(the_same_id_with_other_content_is_a_conflict) {
  Journal journal;
  journal.records = {sample()[1]};
  Record changed = sample()[1];
  changed.exercise = "other";
  const ImportData data = read_exchange(export_json({sample()[0], changed}, {}), "f");
  try {
    (void)select_new_records(journal, data);
    BOOST_FAIL("no conflict reported");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::data));
    BOOST_TEST(format_location(*e.where()) + ": " + e.what() ==
               "f:7:5: record \"00000000000000a2\" differs from the record with the same id "
               "already in the journal; nothing was imported");
  }
  Record again = sample()[1];
  again.exercise = "third";
  const ImportData inside = read_exchange(export_json({sample()[1], again}, {}), "f");
  try {
    (void)select_new_records(Journal{}, inside);
    BOOST_FAIL("no conflict reported");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()).find("differs from the record with the same id at line 6") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
