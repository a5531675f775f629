#include <boost/test/unit_test.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "attune/csv.hpp"
#include "attune/exchange.hpp"
#include "attune/json.hpp"
#include "attune/record_schema.hpp"

using namespace attune;

namespace {

const std::vector<RecordType> every_type = {
    RecordType::start,      RecordType::end,    RecordType::done,  RecordType::skip,
    RecordType::note,       RecordType::check,  RecordType::undo,  RecordType::forgotten,
    RecordType::not_arisen, RecordType::review, RecordType::keep,  RecordType::keep_stop,
    RecordType::cue,        RecordType::pause,  RecordType::resume};

/// A value for the field that every writer and reader must carry as it is: a text that is
/// hard to carry (a comma, a quote, CR LF, a tab, a byte that is not UTF-8), a value its rule
/// accepts otherwise.
void fill(const RecordField &f, Record &r) {
  const FieldMember &m = f.member;
  switch (f.kind) {
  case FieldKind::text:
    r.*m.text = f.rule == FieldRule::plan_id           ? "avoidant"
                : f.rule == FieldRule::review_question ? "signs"
                                                       : "tired, \"really\"\r\nand\ttabs \xff";
    break;
  case FieldKind::id:
    r.*m.text = "00000000000000c" + std::to_string(field_index(f) % 10);
    break;
  case FieldKind::number:
    r.*m.number = f.rule == FieldRule::times ? 3 : f.rule == FieldRule::followup ? 12 : 2;
    break;
  case FieldKind::day:
    r.*m.day = r.day + date::days{3};
    break;
  case FieldKind::answers:
    r.*m.answers = {3, 5, 2};
    break;
  case FieldKind::ids:
    r.*m.ids = {"00000000000000d1", "00000000000000d2"};
    break;
  }
}

/// A record of this type with every field of the schema set (those its type lacks too).
Record full_record(RecordType type) {
  Record r;
  r.id = "00000000000000b" + std::to_string(static_cast<int>(type) % 10);
  r.type = type;
  r.day = *parse_iso_day("2026-11-02");
  r.recorded = *parse_instant("2026-11-02T08:30:00Z");
  r.zone = "Europe/Berlin";
  for (const RecordField &f : record_fields)
    fill(f, r);
  return r;
}

/// The record as its type carries it: what is left after writing and reading back.
Record carried(Record r) {
  Record bare;
  for (const RecordField &f : record_fields)
    if (f.presence(r.type) == Presence::none) {
      // A member shared by two fields (text, reason) stays when the type carries either.
      bool shared = false;
      for (const RecordField &g : record_fields)
        shared = shared || (g.presence(r.type) != Presence::none && f.kind == g.kind &&
                            f.member.text != nullptr && f.member.text == g.member.text);
      if (shared)
        continue;
      const FieldMember &m = f.member;
      switch (f.kind) {
      case FieldKind::text:
      case FieldKind::id:
        r.*m.text = bare.*m.text;
        break;
      case FieldKind::number:
        r.*m.number = bare.*m.number;
        break;
      case FieldKind::day:
        r.*m.day = bare.*m.day;
        break;
      case FieldKind::answers:
        r.*m.answers = bare.*m.answers;
        break;
      case FieldKind::ids:
        r.*m.ids = bare.*m.ids;
        break;
      }
    }
  return r;
}

/// Every schema field's value, by name (empty when unset), so a difference names the field.
std::vector<std::string> values(const Record &r) {
  std::vector<std::string> out;
  for (const RecordField &f : record_fields)
    out.push_back(std::string(f.name) + "=" + field_text(f, r));
  return out;
}

/// A field's line in attune-journal(5), FIELDS: "text; optional: end, skip, pause; JSON
/// always: skip, pause."
std::string describe(const RecordField &f) {
  static const char *const kinds[] = {"text", "id", "number", "day", "answers", "ids"};
  const auto list = [](TypeSet set) {
    if (set == all_types)
      return std::string("every type");
    std::string out;
    for (const RecordType t : every_type)
      if ((set & type_bit(t)) != 0)
        out += (out.empty() ? "" : ", ") + std::string(to_string(t));
    return out;
  };
  std::string out = kinds[static_cast<int>(f.kind)];
  if (f.required != 0)
    out += "; required: " + list(f.required);
  if (f.optional != 0)
    out += "; optional: " + list(f.optional);
  if (f.shown != 0)
    out += "; JSON always: " + list(f.shown);
  return out + ".";
}

std::vector<std::string> split(const std::string &text, char sep) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, sep))
    out.push_back(part);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(record_schema)

BOOST_AUTO_TEST_CASE(the_table_is_consistent) {
  BOOST_TEST(every_type.size() == record_type_count);
  BOOST_TEST(static_cast<std::size_t>(RecordType::resume) + 1 == record_type_count);
  BOOST_TEST(record_fields[0].name == "run"); // parse_record_line's "no run" relies on it
  for (const RecordField &f : record_fields) {
    BOOST_TEST_CONTEXT(f.name) {
      BOOST_TEST(find_field(f.name) == &f); // one name, one field
      BOOST_TEST((f.required & f.optional) == 0U);
      BOOST_TEST((f.shown & ~f.optional) == 0U);
      BOOST_TEST(((f.required | f.optional) & ~all_types) == 0U);
      BOOST_TEST((f.required | f.optional) != 0U); // some type carries it
      // The member pointer matches the kind.
      const FieldMember &m = f.member;
      const bool text = f.kind == FieldKind::text || f.kind == FieldKind::id;
      BOOST_TEST((m.text != nullptr) == text);
      BOOST_TEST((m.number != nullptr) == (f.kind == FieldKind::number));
      BOOST_TEST((m.day != nullptr) == (f.kind == FieldKind::day));
      BOOST_TEST((m.answers != nullptr) == (f.kind == FieldKind::answers));
      BOOST_TEST((m.ids != nullptr) == (f.kind == FieldKind::ids));
      // A type's message for a missing field names every field it requires.
      for (const RecordType t : every_type)
        if (f.presence(t) == Presence::required && f.name != "run")
          BOOST_TEST(std::string(missing_field_problem(t)).find(f.name) != std::string::npos);
    }
  }
  // Two fields of one type never share a member (text and reason: never both).
  for (const RecordType t : every_type)
    for (const RecordField &f : record_fields)
      for (const RecordField &g : record_fields)
        if (&f != &g && f.member.text != nullptr && f.member.text == g.member.text)
          BOOST_TEST(!(f.presence(t) != Presence::none && g.presence(t) != Presence::none));
}

BOOST_AUTO_TEST_CASE(every_record_member_is_in_the_table) {
  Record r;
  // If this stops compiling, Record gained or lost a member: describe it in record_fields
  // (record_schema.hpp) and in man/attune-journal.5 (FIELDS), then name it here.
  auto &[id, type, day, recorded, zone, run, exercise, text, plan_id, plan_hash, answers, week, ref,
         refs, cmd, question, times, followup, until] = r;
  (void)id, (void)type, (void)day, (void)recorded, (void)zone; // the five positional fields
  const auto in_table = [&](const void *member) {
    for (const RecordField &f : record_fields) {
      const FieldMember &m = f.member;
      if ((m.text && &(r.*m.text) == member) || (m.number && &(r.*m.number) == member) ||
          (m.day && &(r.*m.day) == member) || (m.answers && &(r.*m.answers) == member) ||
          (m.ids && &(r.*m.ids) == member))
        return true;
    }
    return false;
  };
  for (const void *member :
       std::vector<const void *>{&run, &exercise, &text, &plan_id, &plan_hash, &answers, &week,
                                 &ref, &refs, &cmd, &question, &times, &followup, &until})
    BOOST_TEST(in_table(member));
}

BOOST_AUTO_TEST_CASE(every_field_round_trips_through_journal_json_and_csv_for_every_type) {
  const std::vector<std::string> columns = split(csv_header(), ',');
  for (const RecordType type : every_type) {
    BOOST_TEST_CONTEXT(to_string(type)) {
      const Record full = full_record(type);
      const Record want = carried(full);

      // The journal line holds exactly the fields the type carries.
      const std::string line = format_record(full);
      for (const RecordField &f : record_fields)
        BOOST_TEST((line.find("\t" + std::string(f.name) + "=") != std::string::npos) ==
                       (f.presence(type) != Presence::none),
                   f.name);
      const Journal journal = parse_journal(journal_header() + line);
      BOOST_REQUIRE(journal.records.size() == 1U);
      BOOST_TEST(values(journal.records[0]) == values(want), boost::test_tools::per_element());
      // The one-run reader's quick check reads every type as the full parser does.
      const std::string text = journal_header() + line;
      const JournalSource source = [&text](std::uint64_t from,
                                           const std::function<bool(std::string_view)> &sink) {
        sink(std::string_view(text).substr(from));
      };
      const Journal one_run = parse_journal_run(source, full.run);
      BOOST_TEST(one_run.problems.empty());
      // (An undo or a forgotten record belongs to no run's records there.)
      if (!one_run.records.empty())
        BOOST_TEST(values(one_run.records[0]) == values(want), boost::test_tools::per_element());

      // JSON: a key for each field the type carries, and nothing else of the schema.
      const std::string json = record_json_line(full, std::nullopt);
      for (const RecordField &f : record_fields)
        BOOST_TEST((json.find("\"" + std::string(f.name) + "\":") != std::string::npos) ==
                       (f.presence(type) != Presence::none),
                   f.name);
      const ImportData from_json = read_exchange(export_json({full}, {}), "f.json");
      BOOST_REQUIRE(from_json.records.size() == 1U);
      BOOST_TEST(values(from_json.records[0].record) == values(want),
                 boost::test_tools::per_element());

      // CSV: a column for each field, filled when the type carries it.
      const std::vector<CsvRow> rows = parse_csv(export_csv({full}), "f.csv");
      BOOST_REQUIRE(rows.size() == 2U);
      BOOST_REQUIRE(rows[1].cells.size() == columns.size());
      for (const RecordField &f : record_fields) {
        const auto at = std::find(columns.begin(), columns.end(), f.name);
        BOOST_TEST_REQUIRE((at != columns.end()), f.name << " has a CSV column");
        const std::string &cell =
            rows[1].cells[static_cast<std::size_t>(at - columns.begin())].text;
        BOOST_TEST(cell.empty() == (f.presence(type) == Presence::none), f.name);
      }
      const ImportData from_csv = read_exchange(export_csv({full}), "f.csv");
      BOOST_REQUIRE(from_csv.records.size() == 1U);
      BOOST_TEST(values(from_csv.records[0].record) == values(want),
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(csv_has_a_column_for_every_field_and_keeps_the_old_positions) {
  BOOST_TEST(csv_header() == "id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,"
                             "ref,hex,cmd,question,times,followup,until,reason,refs");
  std::vector<std::string> expected(record_head.begin(), record_head.end());
  for (const RecordField &f : record_fields)
    expected.emplace_back(f.name);
  expected.emplace_back("hex");
  std::vector<std::string> columns = split(csv_header(), ',');
  std::sort(expected.begin(), expected.end());
  std::sort(columns.begin(), columns.end());
  BOOST_TEST(columns == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_old_csv_with_the_reason_in_text_and_refs_in_ref_still_imports) {
  // As attune wrote it before the reason and refs columns (the header ended at until).
  const std::string old_csv =
      "id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,ref,hex,cmd,"
      "question,times,followup,until\r\n"
      "00000000000000a3,skip,2026-11-02,2026-11-02T08:30:00Z,Europe/Berlin,1,body-check,"
      "\"tired, really\",,,,,,,,,,,\r\n"
      "00000000000000a4,pause,2026-11-03,2026-11-03T08:30:00Z,Europe/Berlin,1,,6869,,,,,,text,,"
      ",,,2026-11-05\r\n"
      "00000000000000a5,forgotten,2026-11-04,2026-11-04T08:30:00Z,Europe/Berlin,0,,,,,,,"
      "00000000000000a3 00000000000000a4,,,,,,\r\n"
      "00000000000000a6,note,2026-11-04,2026-11-04T08:30:00Z,Europe/Berlin,1,,a note,,,,,,,,"
      ",,,\r\n";
  const ImportData data = read_exchange(old_csv, "old.csv");
  BOOST_REQUIRE(data.records.size() == 4U);
  BOOST_TEST(data.records[0].record.text == "tired, really");
  BOOST_TEST(data.records[1].record.text == "hi"); // hex "6869", named "text" then
  BOOST_TEST(format_day(*data.records[1].record.until) == "2026-11-05");
  BOOST_TEST(data.records[2].record.refs ==
                 (std::vector<std::string>{"00000000000000a3", "00000000000000a4"}),
             boost::test_tools::per_element());
  BOOST_TEST(data.records[3].record.text == "a note");
  // Written again, the reason and the ids are in their own columns.
  const std::string csv = export_csv({data.records[0].record, data.records[2].record});
  BOOST_TEST(csv.find(",,\"tired, really\",\r\n") != std::string::npos);
  BOOST_TEST(csv.find(",00000000000000a3 00000000000000a4\r\n") != std::string::npos);
  // In a new file the text column of a skip is not its reason.
  std::string wrong = export_csv({data.records[0].record});
  wrong.replace(wrong.find("body-check,"), 11, "body-check,oops");
  BOOST_CHECK_THROW(read_exchange(wrong, "f.csv"), Error);
}

BOOST_AUTO_TEST_CASE(the_man_page_describes_every_field_once) {
  std::ifstream in(std::string(ATTUNE_SOURCE_DIR) + "/man/attune-journal.5");
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = page.str();
  const std::size_t from = text.find(".Sh FIELDS");
  BOOST_REQUIRE(from != std::string::npos);
  const std::string section = text.substr(from, text.find("\n.Sh ", from + 1) - from);
  for (const RecordField &f : record_fields)
    BOOST_TEST(section.find(".It Li " + std::string(f.name) + "\n" + describe(f) + "\n") !=
                   std::string::npos,
               f.name << ": " << describe(f));
}

BOOST_AUTO_TEST_SUITE_END()
