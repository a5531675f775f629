// Reading exports back: JSON, CSV or a journal file, checked record by record.
#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "attune/csv.hpp"
#include "attune/exchange.hpp"
#include "attune/json.hpp"
#include "attune/json_reader.hpp"
#include "attune/plan.hpp"
#include "attune/record_schema.hpp"
#include "attune/sha256.hpp"
#include "attune/text.hpp"
#include "journal_detail.hpp"

namespace attune {
namespace {

/// One field's text as read (numbers as written, answers joined by commas) and where (the
/// file is the record's).
struct Field {
  std::string value;
  int line = 0;
  int col = 0;
};

/// A record's fields by key, in key order (so the first of two faults is always the same
/// one). A dozen at most: a sorted vector, where a map cost two allocations a field. Keys
/// are views of names that outlive it (the schema's, a header's).
class Fields {
public:
  using Entry = std::pair<std::string_view, Field>;

  /// The field `key`, added empty if absent.
  Field &operator[](std::string_view key) {
    auto at = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const Entry &e, std::string_view k) { return e.first < k; });
    if (at == entries_.end() || at->first != key)
      at = entries_.insert(at, Entry{key, Field{}});
    return at->second;
  }
  const Field *find(std::string_view key) const noexcept {
    for (const Entry &e : entries_)
      if (e.first == key)
        return &e.second;
    return nullptr;
  }
  /// The field `key` where the caller has checked it is there (else an empty one).
  const Field &get(std::string_view key) const noexcept {
    static const Field none;
    const Field *found = find(key);
    return found != nullptr ? *found : none;
  }
  std::vector<Entry>::const_iterator begin() const noexcept { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const noexcept { return entries_.end(); }

private:
  std::vector<Entry> entries_;
};

/// The fields of a type (record_schema.hpp) beyond the five every record starts with.
bool carries(const RecordField &field, RecordType type) {
  return field.presence(type) != Presence::none;
}

/// Every key a record may have: the head, the fields and "hex".
const std::vector<std::string> &all_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out(record_head.begin(), record_head.end());
    for (const RecordField &f : record_fields)
      out.emplace_back(f.name);
    out.emplace_back("hex");
    return out;
  }();
  return keys;
}

/// The keys a record of this type holds, as a hint names them (`cmd`, which any record may
/// have, left out).
std::vector<std::string> type_keys(RecordType type) {
  std::vector<std::string> out(record_head.begin(), record_head.end());
  for (const RecordField &f : record_fields)
    if (carries(f, type) && f.optional != all_types)
      out.emplace_back(f.name);
  return out;
}

[[noreturn]] void fail(const Location &where, const std::string &message, const std::string &hint) {
  throw Error(ErrorKind::data, message, hint, where);
}

std::optional<std::string> from_hex(std::string_view text) {
  if (text.size() % 2 != 0)
    return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    int v = 0;
    for (std::size_t k = i; k < i + 2; ++k) {
      const char c = text[k];
      if (c >= '0' && c <= '9')
        v = v * 16 + (c - '0');
      else if (c >= 'a' && c <= 'f')
        v = v * 16 + (c - 'a' + 10);
      else
        return std::nullopt;
    }
    out += static_cast<char>(v);
  }
  return out;
}

/// Checks one field's value (as read: numbers in digits, lists joined) by the journal's
/// rules (record_schema.hpp) and stores it; a bad value fails with the field's own words.
void set_field(const RecordField &f, Record &r, std::string_view value, const std::string &file,
               const Field &given) {
  bool good = false;
  if (f.kind == FieldKind::ids) { // read separated by spaces (JSON's array, CSV's cell)
    std::string journal_form(value);
    if (value.find(',') != std::string_view::npos)
      journal_form.clear();
    std::replace(journal_form.begin(), journal_form.end(), ' ', ',');
    good = assign_field(f, r, journal_form);
  } else {
    good = assign_field(f, r, value);
  }
  if (good &&
      !(f.kind == FieldKind::day && r.type == RecordType::pause && r.until && *r.until < r.day))
    return;
  const std::string what = std::string(f.name) + " " + quoted(value) + " ";
  const Location at{file, given.line, given.col};
  switch (f.kind) {
  case FieldKind::number:
    if (!detail::parse_unsigned(value))
      fail(at, what + "is not a whole number", "write 0 to 999999999 in digits");
    if (f.rule == FieldRule::times)
      fail(at, what + "is not 1 to 7", "times is how many days a week the exercise is kept");
    fail(at, what + "is not 4 or 12",
         "a follow-up self-check is the one 4 or 12 weeks after the end");
  case FieldKind::text:
    if (f.rule == FieldRule::plan_id)
      fail(at, what + "is not a plan id",
           "plan ids are lowercase letters, digits and dashes, such as \"avoidant\"");
    fail(at, what + "is not a review question", "the questions are helped, signs and keep");
  case FieldKind::id:
    fail(at, what + "is not a record id (16 lowercase hex digits)",
         f.optional == all_types
             ? "keep it as exported, or leave it out (the record is then a command of its own)"
             : "keep it as exported");
  case FieldKind::ids:
    fail(at, what + "are not record ids (16 lowercase hex digits each)", "keep them as exported");
  case FieldKind::answers:
    fail(at, what + "are not whole numbers",
         "write them as numbers separated by commas, such as 3,5,2");
  case FieldKind::day:
    fail(at, what + "is not a date on or after the pause's day",
         "write it as YYYY-MM-DD, or leave it out for an open pause");
  }
  fail(at, what + "is not a value attune reads", "keep it as exported");
}

/// Checks a record's fields as the journal would and builds it. `hex` names the text
/// fields given as hex bytes.
// long because: each fault has its own words and place, in the order a reader meets them
Record build_record(const Fields &fields, const std::vector<Field> &hex, const Location &where) {
  const auto at = [&](const Field &f) { return Location{where.file, f.line, f.col}; };
  const Field *type_field = fields.find("type");
  if (type_field == nullptr)
    fail(where, "a record without \"type\"",
         "every record needs id, type, day, recorded, zone, run");
  const auto type = parse_record_type(type_field->value);
  if (!type) {
    const std::string guess = did_you_mean(
        type_field->value, {"start", "end", "done", "skip", "note", "check", "undo", "forgotten",
                            "not_arisen", "review", "keep", "keep_stop", "cue", "pause", "resume"});
    fail(at(*type_field), "unknown record type " + quoted(type_field->value),
         guess.empty() ? "types are start, end, done, skip, note, check, undo, forgotten, "
                         "not_arisen, review, keep, keep_stop, cue, pause and resume"
                       : "did you mean '" + guess + "'?");
  }
  const std::string_view type_name = to_string(*type);
  const auto holds = [&] {
    return "a " + std::string(type_name) + " record holds " + join(type_keys(*type), ", ");
  };
  for (const auto &[key, field] : fields) {
    const RecordField *known = find_field(key);
    const bool head = std::find(record_head.begin(), record_head.end(), key) != record_head.end();
    if (!head && (known == nullptr || !carries(*known, *type)))
      fail(at(field), quoted(key) + " does not belong in a " + std::string(type_name) + " record",
           holds());
  }
  const auto missing = [&](std::string_view key) {
    if (fields.find(key) == nullptr)
      fail(where, "a " + std::string(type_name) + " record without " + quoted(key), holds());
  };
  for (const std::string_view key : record_head)
    missing(key);
  for (const RecordField &f : record_fields)
    if (f.presence(*type) == Presence::required)
      missing(f.name);

  // The text of the fields given as hex, as bytes (rare: text that is not UTF-8).
  std::vector<std::pair<std::string_view, std::string>> decoded;
  for (const Field &name : hex) {
    const Field *found = fields.find(name.value);
    const RecordField *named = find_field(name.value);
    if (named == nullptr || named->kind != FieldKind::text || found == nullptr)
      fail(at(name), "\"hex\" names " + quoted(name.value) + ", not a text field of this record",
           "\"hex\" lists the text fields written as hex bytes");
    for (const auto &[key, bytes] : decoded)
      if (key == named->name)
        fail(at(name), "\"hex\" names " + quoted(name.value) + " twice", "name it once");
    auto bytes = from_hex(found->value);
    if (!bytes)
      fail(at(*found), quoted(name.value) + " is not lowercase hex bytes",
           "\"hex\" says this field is written as hex; write pairs of 0-9a-f");
    decoded.emplace_back(named->name, std::move(*bytes));
  }
  const auto value = [&](std::string_view key) -> std::string_view {
    for (const auto &[name, bytes] : decoded)
      if (name == key)
        return bytes;
    return fields.get(key).value;
  };
  const auto place = [&](std::string_view key) { return at(fields.get(key)); };

  Record r;
  r.type = *type;
  r.id = value("id");
  if (!detail::is_record_id(r.id))
    fail(place("id"), "id " + quoted(r.id) + " is not 16 lowercase hex digits",
         "ids look like 3f9c0a1b2c3d4e5f; keep them as exported");
  const auto day = parse_iso_day(value("day"));
  if (!day)
    fail(place("day"), "day " + quoted(value("day")) + " is not a date", "write it as YYYY-MM-DD");
  r.day = *day;
  const auto recorded = parse_instant(value("recorded"));
  if (!recorded)
    fail(place("recorded"), "recorded " + quoted(value("recorded")) + " is not a UTC time",
         "write it as YYYY-MM-DDTHH:MM:SSZ");
  r.recorded = *recorded;
  r.zone = value("zone");
  if (!detail::is_zone_name(r.zone))
    fail(place("zone"), "zone " + quoted(r.zone) + " is not a time-zone name",
         "write an IANA name such as Europe/Berlin or UTC");
  for (const RecordField &f : record_fields)
    if (carries(f, r.type) && fields.find(f.name) != nullptr)
      set_field(f, r, value(f.name), where.file, fields.get(f.name));

  // The last word is the journal's own reader: what goes in must come out the same.
  // (The line parser itself, as parse_journal would call it on line 2 after the header: a
  // whole parse_journal per record cost more than the rest of an import.)
  const std::string line = format_record(r);
  const std::string_view body(line.data(), line.size() - 1); // without its LF
  Record back;
  const auto why = detail::parse_record_line(body, back);
  if (why || format_record(back) != line)
    fail(where,
         "this record cannot be stored in a journal" +
             (why ? " (" + detail::describe_bad_line(2, body, *why) + ")" : std::string()),
         "please report this with the file");
  return r;
}

// ---- JSON ----

Location at_value(const JsonValue &v, const std::string &file) {
  return Location{file, v.line, v.col};
}

void expect_kind(const JsonValue &v, JsonValue::Kind kind, const std::string &what,
                 const std::string &file) {
  if (v.kind != kind)
    fail(at_value(v, file),
         what + " must be " + json_kind_name(kind) + ", not " + json_kind_name(v.kind),
         "see 'man attune-journal' (EXPORT FORMATS)");
}

ImportedRecord json_record(const JsonValue &v, const std::string &file) {
  const Location where = at_value(v, file);
  expect_kind(v, JsonValue::Kind::object, "a record", file);
  Fields fields;
  std::vector<Field> hex;
  const auto &keys = all_keys();
  for (const JsonMember &m : v.members) {
    const auto key = std::find(keys.begin(), keys.end(), m.key);
    if (key == keys.end()) {
      const std::string guess = did_you_mean(m.key, keys);
      fail(Location{file, m.line, m.col}, "unknown key " + quoted(m.key) + " in a record",
           guess.empty() ? "the keys are " + join(keys, ", ") : "did you mean '" + guess + "'?");
    }
    const JsonValue &value = m.value;
    const auto expect = [&](const JsonValue &item, JsonValue::Kind kind, const char *what) {
      if (item.kind != kind)
        expect_kind(item, kind, what != nullptr ? std::string(what) : quoted(m.key), file);
    };
    const RecordField *field = find_field(m.key);
    const FieldKind kind = field != nullptr ? field->kind : FieldKind::text;
    Field read{std::string(), value.line, value.col};
    if (kind == FieldKind::number) {
      expect(value, JsonValue::Kind::number, nullptr);
      read.value = value.text;
    } else if (kind == FieldKind::answers) {
      expect(value, JsonValue::Kind::array, nullptr);
      for (const JsonValue &item : value.items) {
        expect(item, JsonValue::Kind::number, "each answer");
        if (!detail::parse_unsigned(item.text))
          fail(at_value(item, file), "answer " + item.text + " is not a whole number",
               "answers are numbers such as 3");
        (read.value += read.value.empty() ? "" : ",") += item.text;
      }
    } else if (kind == FieldKind::ids) {
      expect(value, JsonValue::Kind::array, nullptr);
      for (const JsonValue &item : value.items) {
        if (item.kind != JsonValue::Kind::string)
          expect_kind(item, JsonValue::Kind::string, "each id in " + quoted(m.key), file);
        (read.value += read.value.empty() ? "" : " ") += item.text;
      }
    } else if (m.key == "hex") {
      expect(value, JsonValue::Kind::array, nullptr);
      for (const JsonValue &item : value.items) {
        expect(item, JsonValue::Kind::string, "each name in \"hex\"");
        hex.push_back({item.text, item.line, item.col});
      }
      continue;
    } else {
      expect(value, JsonValue::Kind::string, nullptr);
      read.value = value.text;
    }
    fields[*key] = std::move(read); // a repeated key: the JSON reader refuses it
  }
  return {build_record(fields, hex, where), where};
}

ImportData read_json(std::string_view text, const std::string &file) {
  JsonLimits limits;
  limits.max_bytes = max_import_bytes;
  // The records are built as they are read, never held as a tree (ten times their size).
  // The first fault among them is kept and told in its turn: after the file's syntax and
  // its head (format, version, schema), as if the whole tree had been read first.
  ImportData data;
  data.format = ExchangeFormat::json;
  std::optional<Error> bad_record;
  const JsonStream stream{"records", [&](JsonValue &&item) {
                            if (bad_record)
                              return;
                            try {
                              data.records.push_back(json_record(item, file));
                            } catch (const Error &e) {
                              bad_record = e;
                            }
                          }};
  const JsonValue root = parse_json(text, file, limits, &stream);
  const Location root_at = at_value(root, file);
  if (root.kind != JsonValue::Kind::object)
    fail(root_at,
         "the file holds " + std::string(json_kind_name(root.kind)) + ", not an attune export",
         "an export is an object starting {\"format\": \"attune-export\"");
  for (const JsonMember &m : root.members)
    if (m.key != "schema" && m.key != "format" && m.key != "version" && m.key != "records" &&
        m.key != "plans") {
      const std::string guess =
          did_you_mean(m.key, {"schema", "format", "version", "records", "plans"});
      fail(Location{file, m.line, m.col}, "unknown key " + quoted(m.key) + " in an export",
           guess.empty() ? "an export holds format, version, records and plans"
                         : "did you mean '" + guess + "'?");
    }
  const JsonValue *format = root.find("format");
  if (format == nullptr || format->kind != JsonValue::Kind::string ||
      format->text != "attune-export")
    fail(format ? at_value(*format, file) : root_at,
         "not an attune export (no \"format\": \"attune-export\")",
         "import reads what 'attune export' writes");
  const JsonValue *version = root.find("version");
  if (version == nullptr)
    fail(root_at, "an export without \"version\"", "'attune export' writes \"version\": 1");
  expect_kind(*version, JsonValue::Kind::number, "\"version\"", file);
  if (version->text != "1") {
    const auto n = detail::parse_unsigned(version->text);
    if (n && *n > 1)
      fail(at_value(*version, file),
           "the export is format version " + version->text + ", newer than this attune reads (1)",
           "upgrade attune to import it");
    fail(at_value(*version, file), "export version " + version->text + " is not known",
         "'attune export' writes \"version\": 1");
  }
  // "schema" (the JSON output's version, attune(1)) came after "version": an export without
  // it is as good; a newer one may have changed a field's meaning.
  if (const JsonValue *schema = root.find("schema")) {
    expect_kind(*schema, JsonValue::Kind::number, "\"schema\"", file);
    if (schema->text != std::to_string(json_schema_version))
      fail(at_value(*schema, file),
           "the export is JSON schema " + schema->text + ", which this attune does not read (" +
               std::to_string(json_schema_version) + ")",
           "import it with the attune that wrote it, or upgrade attune");
  }
  const JsonValue *records = root.find("records");
  if (records == nullptr)
    fail(root_at, "an export without \"records\"", "'attune export' writes \"records\": [...]");
  expect_kind(*records, JsonValue::Kind::array, "\"records\"", file);
  if (bad_record)
    throw *bad_record;

  if (const JsonValue *plans = root.find("plans")) {
    expect_kind(*plans, JsonValue::Kind::object, "\"plans\"", file);
    for (const JsonMember &m : plans->members) {
      expect_kind(m.value, JsonValue::Kind::string, "a plan", file);
      if (m.value.text.size() > max_plan_bytes)
        fail(at_value(m.value, file), "the plan " + quoted(m.key) + " is too large to be a plan",
             "plans are at most 1 MiB");
      if (!is_plan_copy(m.value.text, m.key))
        fail(at_value(m.value, file), "the plan text does not match its hash " + quoted(m.key),
             "the plan was changed after export; restore it as exported or remove it");
      data.plans.emplace(m.key, m.value.text);
    }
  }
  return data;
}

// ---- CSV ----

/// Where exports before a field's own column put it: the reason of a skip, an end or a
/// pause in `text`, a forgotten record's ids in `ref`. A file whose header lacks the
/// column is read the old way (for the types that carry the field and not the old column's).
class LegacyColumns {
public:
  explicit LegacyColumns(const std::vector<std::string> &columns) {
    for (const auto &[field, old] : moved)
      if (std::find(columns.begin(), columns.end(), field) == columns.end())
        absent_.emplace_back(field, old);
  }
  /// The field a column (or a name in `hex`) holds for a record of this type.
  /// (A view of `column` or of the schema's name.)
  std::string_view name(std::string_view column, std::optional<RecordType> type) const {
    for (const auto &[field, old] : absent_) {
      const RecordField *now = find_field(field);
      const RecordField *before = find_field(old);
      if (type && column == old && now != nullptr && before != nullptr && carries(*now, *type) &&
          !carries(*before, *type))
        return field;
    }
    return column;
  }

private:
  static constexpr std::pair<std::string_view, std::string_view> moved[] = {{"reason", "text"},
                                                                            {"refs", "ref"}};
  std::vector<std::pair<std::string_view, std::string_view>> absent_;
};

ImportData read_csv(std::string_view text, const std::string &file) {
  const std::vector<CsvRow> rows = parse_csv(text, file);
  ImportData data;
  data.format = ExchangeFormat::csv;
  if (rows.empty())
    return data;
  std::vector<std::string> columns(csv_columns.begin(), csv_columns.end());
  const CsvRow &head = rows.front();
  // Exports of older attunes end earlier (at "hex", before `cmd`; at "cmd", before the
  // review/keep columns; at "followup", before `until`; at "until", before `reason` and
  // `refs`): read them as they are.
  for (const char *newer : {"refs", "reason", "until", "followup", "times", "question", "cmd"})
    if (head.cells.size() < columns.size() && columns.back() == newer)
      columns.pop_back();
  for (std::size_t i = 0; i < columns.size() || i < head.cells.size(); ++i) {
    const bool extra = i >= columns.size();
    const CsvCell &cell = i < head.cells.size() ? head.cells[i] : head.cells.back();
    if (extra || i >= head.cells.size() || head.cells[i].text != columns[i])
      fail(Location{file, cell.line, i < head.cells.size() ? cell.col : 0},
           extra                    ? "an extra column " + quoted(cell.text) + " in the header"
           : i >= head.cells.size() ? "the header ends before the column " + quoted(columns[i])
                                    : "column " + std::to_string(i + 1) + " is " +
                                          quoted(cell.text) + ", expected " + quoted(columns[i]),
           "the first line must be: " + csv_header());
  }
  const LegacyColumns legacy(columns);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow &row = rows[r];
    const Location where{file, row.line, 1};
    if (row.cells.size() != columns.size())
      fail(where,
           "this row has " + std::to_string(row.cells.size()) + " cells; the header has " +
               std::to_string(columns.size()),
           "a comma inside a cell needs the cell in double quotes");
    const auto type = parse_record_type(row.cells[1].text);
    Fields fields;
    std::vector<Field> hex;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const CsvCell &cell = row.cells[c];
      if (columns[c] == "hex") {
        std::size_t start = 0;
        while (start < cell.text.size()) {
          std::size_t space = cell.text.find(' ', start);
          if (space == std::string::npos)
            space = cell.text.size();
          const std::string_view name(cell.text.data() + start, space - start);
          hex.push_back({std::string(legacy.name(name, type)), cell.line, cell.col});
          start = space + 1;
        }
        continue;
      }
      const std::string_view key = legacy.name(columns[c], type); // columns outlive fields
      const RecordField *field = find_field(key);
      // An empty cell is a field not given (an open pause, no reason, no cmd), unless the
      // type requires it; a cell of a field the type does not hold must be empty.
      const bool required =
          field == nullptr || (type && field->presence(*type) == Presence::required);
      if (required || !cell.text.empty())
        fields[key] = {cell.text, cell.line, cell.col};
    }
    data.records.push_back({build_record(fields, hex, where), where});
  }
  return data;
}

// ---- journal ----

ImportData read_journal_file(std::string_view text, const std::string &file) {
  const Journal journal = parse_journal(text);
  if (journal.newer_version)
    fail(Location{file, 1, 1}, "this journal " + describe_unwritable_version(journal.version),
         "upgrade attune to import it");
  if (!journal.problems.empty()) {
    const JournalProblem &p = journal.problems.front();
    fail(Location{file, static_cast<int>(p.line), 0},
         "a journal line that cannot be imported: " + p.message,
         "repair or remove that line, or import an export instead");
  }
  std::unordered_map<std::string_view, int> line_of;
  int line = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    ++line;
    const std::size_t lf = text.find('\n', pos);
    const std::string_view l = text.substr(pos, lf == text.npos ? text.npos : lf - pos);
    if (l.size() > 16 && l[16] == '\t')
      line_of.emplace(l.substr(0, 16), line);
    pos = lf == text.npos ? text.size() : lf + 1;
  }
  ImportData data;
  data.format = ExchangeFormat::journal;
  for (const Record &r : journal.records) {
    const auto found = line_of.find(r.id);
    data.records.push_back({r, Location{file, found == line_of.end() ? 0 : found->second, 0}});
  }
  return data;
}

/// A programme's identity across the import: its start record, or its number if it has none.
std::string identity(const Run &run) {
  return run.start_id.empty() ? "#" + std::to_string(run.claim) : run.start_id;
}

/// Fills selection.programmes and the running programme before and after, by reading the
/// journal's deciding records as they are and with the fresh ones (build_history's rule, so
/// import and a concatenated file agree).
void describe_programmes(const std::vector<Record> &deciding, ImportSelection &selection) {
  Journal joined;
  joined.records.reserve(deciding.size() + selection.fresh.size());
  joined.records = deciding;
  const History before = build_history(joined);
  // Of the fresh records, what build_history reads to number, name and date programmes
  // (their text, answers and command ids cost copies and change nothing here).
  for (const Record &r : selection.fresh) {
    Record &copy = joined.records.emplace_back();
    copy.id = r.id;
    copy.type = r.type;
    copy.day = r.day;
    copy.recorded = r.recorded;
    copy.run = r.run;
    copy.plan_id = r.plan_id;
    copy.plan_hash = r.plan_hash;
    copy.ref = r.ref;
    copy.until = r.until;
  }
  const History after = build_history(joined);
  std::unordered_map<std::string, unsigned> number_before;
  for (const Run &run : before.runs)
    number_before.emplace(identity(run), run.number);
  // A programme's fresh records are those that were not in the journal (the fewer).
  std::unordered_set<std::string_view> old_ids;
  old_ids.reserve(deciding.size());
  for (const Record &r : deciding)
    old_ids.insert(r.id);
  for (const Run &run : after.runs) {
    ImportedProgramme p;
    p.number = run.number;
    if (const auto found = number_before.find(identity(run)); found != number_before.end())
      p.was = found->second;
    p.plan_id = run.plan_id;
    p.start = run.start;
    p.records = static_cast<std::size_t>(
        std::count_if(run.records.begin(), run.records.end(),
                      [&](const Record &r) { return old_ids.count(r.id) == 0; }));
    if (!p.was || *p.was != p.number || p.records > 0)
      selection.programmes.push_back(p);
  }
  if (const Run *run = before.active())
    selection.running_before = run->number;
  if (const Run *run = after.active())
    selection.running_after = run->number;
}

} // namespace

ImportData read_exchange(std::string_view text, const std::string &source_name) {
  if (text.size() > max_import_bytes)
    fail(Location{source_name}, "the file is too large to import", "the limit is 256 MiB");
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3); // spreadsheets save CSV with a byte-order mark
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    fail(Location{source_name}, "the file is empty", "export a journal with 'attune export'");
  if (text[first] == '{' || text[first] == '[')
    return read_json(text, source_name);
  if (text.substr(0, 15) == "attune-journal " ||
      (text.size() > 16 && text[16] == '\t' && detail::is_record_id(text.substr(0, 16))))
    return read_journal_file(text, source_name);
  // A spreadsheet may quote every cell when it saves: "id","type",...
  if (text.substr(0, 3) == "id," || text.substr(0, 5) == "\"id\",")
    return read_csv(text, source_name);
  fail(locate(text, first, source_name), "this is not an attune export",
       "import reads what 'attune export' writes (JSON or CSV) or a journal file");
}

bool decides_programmes(const Record &record, const std::set<unsigned> &claimed) {
  return decides_programmes(record.type, claimed.count(record.run) != 0);
}

bool decides_programmes(RecordType type, bool run_claimed) {
  switch (type) {
  case RecordType::start:
  case RecordType::end:
  case RecordType::undo:
    return true;
  case RecordType::forgotten:
    return false; // bookkeeping of no run
  default:
    return !run_claimed;
  }
}

ImportBase import_base(const Journal &current, const ImportData &data) {
  std::unordered_set<std::string_view> in_file;
  for (const ImportedRecord &ir : data.records)
    in_file.insert(ir.record.id);
  std::set<unsigned> claimed;
  for (const Record &r : current.records)
    if (r.type == RecordType::start)
      claimed.insert(r.run);
  ImportBase base;
  for (const Record &r : current.records) {
    if (in_file.count(r.id) != 0)
      base.named.emplace(r.id, r);
    if (r.type == RecordType::forgotten)
      base.erased.insert(r.refs.begin(), r.refs.end());
    if (decides_programmes(r, claimed))
      base.deciding.push_back(r);
  }
  return base;
}

ImportSelection select_new_records(const Journal &current, const ImportData &data) {
  return select_new_records(import_base(current, data), data);
}

ImportSelection select_new_records(const ImportBase &base, const ImportData &data) {
  std::unordered_map<std::string_view, const ImportedRecord *> in_file;
  in_file.reserve(data.records.size());
  // Texts erased by `attune forget` stay erased: a copy that still holds one (an older
  // export, another device) is the same record, not a conflict.
  const auto without_text = [](Record r) {
    r.text.clear();
    return format_record(r);
  };
  ImportSelection selection;
  selection.fresh.reserve(data.records.size());
  for (const ImportedRecord &ir : data.records) {
    const Record &r = ir.record;
    if (const auto found = base.named.find(r.id); found != base.named.end()) {
      const Record &here = found->second;
      if (format_record(here) != format_record(r) &&
          !(base.erased.count(r.id) != 0 && here.text.empty() &&
            format_record(here) == without_text(r)))
        fail(ir.where,
             "record " + quoted(r.id) +
                 " differs from the record with the same id already in "
                 "the journal; nothing was imported",
             "one of the two was changed; compare with 'attune export' and keep one");
      ++selection.already;
      continue;
    }
    if (const auto found = in_file.find(r.id); found != in_file.end()) {
      if (format_record(found->second->record) != format_record(r))
        fail(ir.where,
             "record " + quoted(r.id) + " differs from the record with the same id at line " +
                 std::to_string(found->second->where.line) + "; nothing was imported",
             "one of the two was changed; keep one");
      ++selection.already;
      continue;
    }
    in_file.emplace(r.id, &ir);
    check_record_limits(r, ir.where); // only what the journal may hold, so it reads back
    selection.fresh.push_back(r);
  }
  describe_programmes(base.deciding, selection);
  return selection;
}

} // namespace attune
