// Writing exports: JSON (records and plan copies) and CSV (records), see exchange.hpp.
#include <array>
#include <functional>

#include "attune/csv.hpp"
#include "attune/exchange.hpp"
#include "attune/json.hpp"
#include "attune/record_schema.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

/// A text field as it is written: the text, or its hex when it is not valid UTF-8.
std::string exportable(std::string_view value, std::string_view name,
                       std::vector<std::string> &hex) {
  if (is_valid_utf8(value))
    return std::string(value);
  hex.emplace_back(name);
  return to_hex(value);
}

/// The hex names as CSV's hex column holds them: separated by spaces.
std::string hex_cell(const std::vector<std::string> &hex) {
  std::string out;
  for (const auto &name : hex)
    out += (out.empty() ? "" : " ") + name;
  return out;
}

/// The position of a CSV column (csv_columns.size() for none).
std::size_t csv_column_of(std::string_view name) noexcept {
  std::size_t i = 0;
  while (i < csv_columns.size() && csv_columns[i] != name)
    ++i;
  return i;
}

} // namespace

void write_record_json(JsonWriter &w, const Record &r, std::optional<unsigned> programme_week) {
  std::vector<std::string> hex;
  w.begin_object();
  w.key("id").value(r.id);
  w.key("type").value(to_string(r.type));
  w.key("day").value(format_day(r.day));
  w.key("recorded").value(format_instant(r.recorded));
  w.key("zone").value(r.zone);
  for (const RecordField &f : record_fields) {
    const Presence presence = f.presence(r.type);
    if (presence == Presence::none || (presence == Presence::optional && !field_is_set(f, r)))
      continue;
    w.key(f.name);
    switch (f.kind) {
    case FieldKind::text:
      w.value(exportable(r.*f.member.text, f.name, hex));
      break;
    case FieldKind::id:
      w.value(r.*f.member.text);
      break;
    case FieldKind::number:
      w.value(r.*f.member.number);
      break;
    case FieldKind::day:
      w.value(field_text(f, r));
      break;
    case FieldKind::answers:
      w.begin_array();
      for (const int a : r.*f.member.answers)
        w.value(a);
      w.end_array();
      break;
    case FieldKind::ids:
      w.begin_array();
      for (const std::string &id : r.*f.member.ids)
        w.value(id);
      w.end_array();
      break;
    }
  }
  if (!hex.empty()) {
    w.key("hex").begin_array();
    for (const auto &name : hex)
      w.value(name);
    w.end_array();
  }
  if (programme_week)
    w.key("programme_week").value(*programme_week);
  w.end_object();
}

std::string record_json_line(const Record &record, std::optional<unsigned> programme_week) {
  JsonWriter w(0);
  write_record_json(w, record, programme_week);
  return w.str() + '\n';
}

std::string render_log_json(const std::vector<LogEntry> &entries) {
  // An object, not a bare array, so fields can be added beside the records (attune(1)).
  JsonWriter w;
  w.begin_object();
  w.schema();
  w.key("records").begin_array();
  for (const LogEntry &entry : entries)
    write_record_json(w, entry.record, entry.programme_week);
  w.end_array();
  w.end_object();
  return w.str();
}

std::string_view to_string(ExchangeFormat format) noexcept {
  switch (format) {
  case ExchangeFormat::json:
    return "json";
  case ExchangeFormat::csv:
    return "csv";
  case ExchangeFormat::journal:
    return "journal";
  }
  return "json";
}

namespace {

/// Gathers output into pieces of about 64 KiB for the sink (fewer, larger writes).
class PieceWriter {
public:
  explicit PieceWriter(const ByteSink &sink) : sink_(sink) { out_.reserve(piece + 4096); }
  std::string &text() { return out_; }
  void maybe_flush() {
    if (out_.size() >= piece)
      flush();
  }
  void flush() {
    if (!out_.empty())
      sink_(out_);
    out_.clear();
  }

private:
  static constexpr std::size_t piece = std::size_t{64} * 1024;
  const ByteSink &sink_;
  std::string out_;
};

} // namespace

std::size_t export_json(const RecordFeed &records, const std::map<std::string, std::string> &plans,
                        const ByteSink &sink) {
  // Laid out by hand around compact records: one record per line reads and diffs well.
  PieceWriter piece(sink);
  std::string &out = piece.text();
  out += "{\n  \"schema\": " + std::to_string(json_schema_version) +
         ",\n  \"format\": \"attune-export\",\n  \"version\": 1,\n  \"records\": [";
  std::size_t count = 0;
  records([&](const Record &record) {
    out += count++ == 0 ? "\n    " : ",\n    ";
    JsonWriter w(0);
    write_record_json(w, record);
    out += w.str();
    piece.maybe_flush();
  });
  out += count == 0 ? "],\n" : "\n  ],\n";
  out += "  \"plans\": {";
  bool first = true;
  for (const auto &[hash, text] : plans) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += json_quote(hash) + ": " + json_quote(text);
    piece.maybe_flush();
  }
  out += first ? "}\n}\n" : "\n  }\n}\n";
  piece.flush();
  return count;
}

namespace {

RecordFeed feed_of(const std::vector<Record> &records) {
  return [&records](const std::function<void(const Record &)> &each) {
    for (const Record &r : records)
      each(r);
  };
}

} // namespace

std::string export_json(const std::vector<Record> &records,
                        const std::map<std::string, std::string> &plans) {
  std::string out;
  export_json(feed_of(records), plans, [&out](std::string_view piece) { out += piece; });
  return out;
}

std::string csv_header() {
  std::string out;
  for (const std::string_view column : csv_columns) {
    if (!out.empty())
      out += ',';
    out += column;
  }
  return out;
}

std::string csv_row(const Record &r) {
  std::vector<std::string> hex;
  std::array<std::string, csv_columns.size()> cells;
  // The column of each field, found once.
  static const auto field_column = [] {
    std::array<std::size_t, record_fields.size()> at{};
    for (const RecordField &f : record_fields)
      at[field_index(f)] = csv_column_of(f.name);
    return at;
  }();
  static const std::size_t hex_column = csv_column_of("hex");
  cells[0] = r.id;
  cells[1] = std::string(to_string(r.type));
  cells[2] = format_day(r.day);
  cells[3] = format_instant(r.recorded);
  cells[4] = r.zone;
  for (const RecordField &f : record_fields) {
    const Presence presence = f.presence(r.type);
    // Every field of the type has its cell; an optional one is empty when unset.
    if (presence == Presence::none || (presence != Presence::required && !field_is_set(f, r)))
      continue;
    std::string &cell = cells[field_column[field_index(f)]];
    if (f.kind == FieldKind::text)
      cell = exportable(r.*f.member.text, f.name, hex);
    else if (f.kind == FieldKind::ids) // ids separated by spaces, as in the hex column
      for (const auto &id : r.*f.member.ids)
        cell += (cell.empty() ? "" : " ") + id;
    else
      cell = field_text(f, r);
  }
  cells[hex_column] = hex_cell(hex);
  std::string out;
  bool first = true;
  for (const auto &cell : cells) {
    if (!first)
      out += ',';
    first = false;
    out += csv_cell(cell);
  }
  return out;
}

std::string export_csv(const std::vector<Record> &records) {
  std::string out = csv_header() + "\r\n";
  for (const Record &r : records) {
    out += csv_row(r);
    out += "\r\n";
  }
  return out;
}

std::size_t export_csv(const RecordFeed &records, const ByteSink &sink) {
  PieceWriter piece(sink);
  std::string &out = piece.text();
  out += csv_header() + "\r\n";
  std::size_t count = 0;
  records([&](const Record &r) {
    ++count;
    out += csv_row(r);
    out += "\r\n";
    piece.maybe_flush();
  });
  piece.flush();
  return count;
}

} // namespace attune
