// Writing exports: JSON (records and plan copies) and CSV (records), see exchange.hpp.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>

#include "attune/csv.hpp"
#include "attune/exchange.hpp"
#include "attune/json.hpp"
#include "attune/record_schema.hpp"
#include "attune/sha256.hpp"
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

/// 1 for the bytes a JSON string cannot take as they are (below 0x20, from 0x7f, '"', '\\').
constexpr std::array<unsigned char, 256> needs_care = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c)
    t[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? 1 : 0;
  return t;
}();

/// True when the text is printable ASCII without '"' or '\\': JSON and the exports take it as
/// it is, with no UTF-8 check, hex or escaping (most values are).
bool is_plain_ascii(std::string_view text) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes a step (a record id is one step). The signed compare takes bytes from
  // 0x80 as below 0x20: not plain either.
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
    const __m128i bad =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)));
    if (_mm_movemask_epi8(bad) != 0)
      return false;
  }
#endif
  unsigned bad = 0; // the rest (most values are shorter than a step): no branch per byte
  for (; i < text.size(); ++i)
    bad |= needs_care[p[i]];
  return bad == 0;
}

/// Appends `text` as json_quote writes it; plain ASCII without a copy.
template <typename Out> void append_json_string(Out &out, std::string_view text) {
  if (!is_plain_ascii(text)) {
    out += json_quote(text);
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

/// Appends a day as format_day writes it, without allocating (years 0 to 9999).
template <typename Out> void append_day(Out &out, Day day) {
  // The last day written, as text: records mostly fall on the day of the one before (and a
  // record's time on its day), so each day is converted once.
  thread_local bool have_last = false;
  thread_local Day last_day{};
  thread_local std::array<char, 10> last_text{};
  if (have_last && day == last_day) {
    out.append(last_text.data(), last_text.size());
    return;
  }
  if (!write_day_digits(day, last_text.data())) {
    have_last = false;
    out += format_day(day);
    return;
  }
  last_day = day;
  have_last = true;
  out.append(last_text.data(), last_text.size());
}

/// Appends an instant as format_instant writes it (YYYY-MM-DDTHH:MM:SSZ), without allocating.
template <typename Out> void append_instant(Out &out, Instant instant) {
  const auto day = date::floor<date::days>(instant);
  append_day(out, day);
  char text[10];
  write_time_digits(static_cast<unsigned>((instant - day).count()), text);
  out.append(text, sizeof text);
}

/// Appends a whole number in decimal.
template <typename Out, typename N> void append_number(Out &out, N number) {
  char text[24];
  const auto end = std::to_chars(text, text + sizeof text, number).ptr;
  out.append(text, static_cast<std::size_t>(end - text));
}

/// Appends valid UTF-8 `text` as json_quote writes it, byte for byte, without allocating
/// (json_quote checks the UTF-8 again and builds a string: a tenth of an export's time).
template <typename Out> void append_json_utf8(Out &out, std::string_view text) {
  static constexpr char hex_digit[] = "0123456789abcdef";
  out += '"';
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
      continue;
    out.append(text.data() + from, i - from);
    from = i + 1;
    switch (c) {
    case '"':
      out.append("\\\"", 2);
      break;
    case '\\':
      out.append("\\\\", 2);
      break;
    case '\n':
      out.append("\\n", 2);
      break;
    case '\t':
      out.append("\\t", 2);
      break;
    case '\r':
      out.append("\\r", 2);
      break;
    case '\b':
      out.append("\\b", 2);
      break;
    case '\f':
      out.append("\\f", 2);
      break;
    default: {
      const char escape[6] = {'\\', 'u', '0', '0', hex_digit[c >> 4], hex_digit[c & 15U]};
      out.append(escape, sizeof escape);
    }
    }
  }
  out.append(text.data() + from, text.size() - from);
  out += '"';
}

/// The names of the text fields written as hex, without allocating.
struct HexNames {
  std::array<std::string_view, record_fields.size()> names;
  std::size_t count = 0;
  void add(std::string_view name) noexcept { names[count++] = name; }
};

/// Appends a text field as write_record_json writes it: the text, or its hex when it is not
/// valid UTF-8 (its name then goes into `hex`).
template <typename Out>
void append_exported_json(Out &out, std::string_view value, std::string_view name, HexNames &hex) {
  if (is_plain_ascii(value)) {
    out += '"';
    out += value;
    out += '"';
  } else if (is_valid_utf8(value)) {
    append_json_utf8(out, value);
  } else {
    hex.add(name);
    out += json_quote(to_hex(value));
  }
}

/// Writes into memory set aside beforehand: each piece is one bounds check and one copy (no
/// call per piece, as std::string's append makes). Running past the end is a bug in
/// json_bound or csv_bound, and throws rather than writes past it.
class Cursor {
public:
  Cursor(char *at, const char *end) noexcept : at_(at), end_(end) {}
  Cursor &operator+=(char c) {
    room(1);
    *at_++ = c;
    return *this;
  }
  Cursor &operator+=(std::string_view text) { return append(text.data(), text.size()); }
  Cursor &append(const char *text, std::size_t n) {
    room(n);
    std::memcpy(at_, text, n);
    at_ += n;
    return *this;
  }
  char *at() const noexcept { return at_; }

private:
  void room(std::size_t n) const {
    if (n > static_cast<std::size_t>(end_ - at_))
      throw std::logic_error("export: a record is longer than its bound");
  }
  char *at_;
  const char *end_;
};

/// At least as many bytes as write_record writes for the record, counted field by field (the
/// memory is cleared before it is written): json_quote writes at most six bytes for one
/// ("\u001f"), to_hex two; a number at most 20, a day 12 with its quotes.
std::size_t json_bound(const Record &r) noexcept {
  std::size_t n = 128 + 6 * (r.id.size() + r.zone.size()); // the head, `hex`'s brackets
  for (const RecordField &f : record_fields) {
    if (f.presence(r.type) == Presence::none)
      continue;
    n += f.name.size() + 4; // ,"name":
    switch (f.kind) {
    case FieldKind::text:
      n += 6 * (r.*f.member.text).size() + 2 + f.name.size() + 3; // and its name in `hex`
      break;
    case FieldKind::id:
      n += 6 * (r.*f.member.text).size() + 2;
      break;
    case FieldKind::number:
      n += 20;
      break;
    case FieldKind::day:
      n += 12;
      break;
    case FieldKind::answers:
      n += 2 + 21 * (r.*f.member.answers).size();
      break;
    case FieldKind::ids:
      n += 2;
      for (const std::string &id : r.*f.member.ids)
        n += 6 * id.size() + 3;
      break;
    }
  }
  return n;
}

/// Writes the record as write_record_json(JsonWriter(0), record) writes it, byte for byte.
// long because: one case per field kind, as write_record_json
template <typename Out> void write_record(Out &out, const Record &r) {
  HexNames hex;
  out += "{\"id\":";
  append_json_string(out, r.id);
  out += ",\"type\":";
  append_json_string(out, to_string(r.type));
  out += ",\"day\":\"";
  append_day(out, r.day);
  out += "\",\"recorded\":\"";
  append_instant(out, r.recorded);
  out += "\",\"zone\":";
  append_json_string(out, r.zone);
  for (const RecordField &f : record_fields) {
    const Presence presence = f.presence(r.type);
    if (presence == Presence::none || (presence == Presence::optional && !field_is_set(f, r)))
      continue;
    out += ",\"";
    out += f.name; // the schema's names are plain ASCII
    out += "\":";
    switch (f.kind) {
    case FieldKind::text:
      append_exported_json(out, r.*f.member.text, f.name, hex);
      break;
    case FieldKind::id:
      append_json_string(out, r.*f.member.text);
      break;
    case FieldKind::number:
      append_number(out, static_cast<std::int64_t>(r.*f.member.number));
      break;
    case FieldKind::day:
      if (const auto &day = r.*f.member.day) {
        out += '"';
        append_day(out, *day);
        out += '"';
      } else {
        append_json_string(out, field_text(f, r));
      }
      break;
    case FieldKind::answers: {
      out += '[';
      bool first = true;
      for (const int a : r.*f.member.answers) {
        if (!first)
          out += ',';
        first = false;
        append_number(out, static_cast<std::int64_t>(a));
      }
      out += ']';
      break;
    }
    case FieldKind::ids: {
      out += '[';
      bool first = true;
      for (const std::string &id : r.*f.member.ids) {
        if (!first)
          out += ',';
        first = false;
        append_json_string(out, id);
      }
      out += ']';
      break;
    }
    }
  }
  if (hex.count != 0) {
    out += ",\"hex\":[";
    for (std::size_t i = 0; i < hex.count; ++i) {
      if (i != 0)
        out += ',';
      append_json_string(out, hex.names[i]);
    }
    out += ']';
  }
  out += '}';
}

/// Appends the record's JSON to a buffer that is reused: the export's hot path, free of
/// allocations for plain values, with one size check per piece and no call.
void append_record_json(std::string &out, const Record &r) {
  const std::size_t old = out.size();
  out.resize(old + json_bound(r));
  Cursor cursor(out.data() + old, out.data() + out.size());
  write_record(cursor, r);
  out.resize(static_cast<std::size_t>(cursor.at() - out.data()));
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
    append_record_json(out, record);
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

namespace {

/// 1 for the bytes that put a CSV cell in quotes: ',', '"', CR and LF.
constexpr std::array<unsigned char, 256> csv_special = [] {
  std::array<unsigned char, 256> t{};
  t[','] = t['"'] = t['\r'] = t['\n'] = 1;
  return t;
}();

/// True when the cell needs no quotes (most do not), sixteen bytes a step.
bool is_plain_csv(std::string_view text) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
    if (_mm_movemask_epi8(hit) != 0)
      return false;
  }
#endif
  unsigned hit = 0;
  for (; i < text.size(); ++i)
    hit |= csv_special[p[i]];
  return hit == 0;
}

/// Appends a cell as csv_cell writes it: as it is, or in quotes with its quotes doubled.
template <typename Out> void append_csv_cell(Out &out, std::string_view text) {
  if (is_plain_csv(text)) {
    out += text;
    return;
  }
  out += '"';
  for (std::size_t at = 0;;) {
    const std::size_t q = text.find('"', at);
    out += text.substr(at, q == std::string_view::npos ? std::string_view::npos : q + 1 - at);
    if (q == std::string_view::npos)
      break;
    out += '"';
    at = q + 1;
  }
  out += '"';
}

/// The field of each CSV column; record_fields.size() for the record's head (id, type, day,
/// recorded, zone) and for `hex`.
constexpr std::size_t column_count = csv_columns.size();
using ColumnFields = std::array<std::size_t, column_count>;
constexpr ColumnFields column_field = [] {
  ColumnFields at{};
  for (std::size_t c = 0; c != column_count; ++c) {
    at[c] = record_fields.size();
    for (std::size_t f = 0; f != record_fields.size(); ++f)
      if (record_fields[f].name == csv_columns[c])
        at[c] = f;
  }
  return at;
}();
constexpr std::size_t hex_column = [] {
  std::size_t c = 0;
  while (csv_columns[c] != "hex")
    ++c;
  return c;
}();
constexpr std::size_t head_columns = 5; // id, type, day, recorded, zone
static_assert(csv_columns[head_columns - 1] == "zone" && csv_columns[head_columns] == "run");

/// At least as many bytes as write_csv_row writes for the record: a cell in quotes at most
/// doubles its text and adds two; hex doubles it; a number takes at most 20 bytes.
std::size_t csv_bound(const Record &r) noexcept {
  std::size_t n = 96 + 2 * (r.id.size() + r.zone.size()); // the commas, the head's quotes
  for (const RecordField &f : record_fields) {
    switch (f.kind) {
    case FieldKind::text:
      n += 2 * (r.*f.member.text).size() + 2 + f.name.size() + 1; // and its name in `hex`
      break;
    case FieldKind::id:
      n += 2 * (r.*f.member.text).size() + 2;
      break;
    case FieldKind::number:
    case FieldKind::day:
      n += 20;
      break;
    case FieldKind::answers:
      n += 2 + 21 * (r.*f.member.answers).size();
      break;
    case FieldKind::ids:
      n += 2;
      for (const std::string &id : r.*f.member.ids)
        n += 2 * id.size() + 2;
      break;
    }
  }
  return n;
}

/// Writes the record's CSV row (without CRLF) as the cells of csv_columns, each as
/// csv_cell writes it: a text field that is not valid UTF-8 as hex, its name in `hex`; ids
/// separated by spaces; answers as the journal writes them ("3,5,2", so in quotes).
// long because: one case per field kind, as write_record
template <typename Out> void write_csv_row(Out &out, const Record &r) {
  // Which text fields go as hex, before any cell: the `hex` column comes before some of them.
  std::array<bool, record_fields.size()> as_hex{};
  HexNames hex;
  for (std::size_t i = 0; i < record_fields.size(); ++i) {
    const RecordField &f = record_fields[i];
    if (f.kind != FieldKind::text || f.presence(r.type) == Presence::none)
      continue;
    const std::string &value = r.*f.member.text;
    if (!is_plain_ascii(value) && !is_valid_utf8(value)) {
      as_hex[i] = true;
      hex.add(f.name);
    }
  }
  append_csv_cell(out, r.id);
  out += ',';
  out += to_string(r.type);
  out += ',';
  append_day(out, r.day);
  out += ',';
  append_instant(out, r.recorded);
  out += ',';
  append_csv_cell(out, r.zone);
  for (std::size_t c = head_columns; c != column_count; ++c) {
    out += ',';
    if (c == hex_column) {
      for (std::size_t i = 0; i < hex.count; ++i) {
        if (i != 0)
          out += ' ';
        out += hex.names[i]; // the schema's names are plain
      }
      continue;
    }
    const std::size_t i = column_field[c];
    const RecordField &f = record_fields[i];
    const Presence presence = f.presence(r.type);
    // Every field of the type has its cell; an optional one is empty when unset.
    if (presence == Presence::none || (presence != Presence::required && !field_is_set(f, r)))
      continue;
    switch (f.kind) {
    case FieldKind::text:
      if (as_hex[i]) {
        const std::string &value = r.*f.member.text;
        for (const char ch : value) {
          const auto b = static_cast<unsigned char>(ch);
          out += "0123456789abcdef"[b >> 4];
          out += "0123456789abcdef"[b & 15];
        }
      } else {
        append_csv_cell(out, r.*f.member.text);
      }
      break;
    case FieldKind::id:
      append_csv_cell(out, r.*f.member.text);
      break;
    case FieldKind::number:
      append_number(out, r.*f.member.number);
      break;
    case FieldKind::day:
      if (const auto &day = r.*f.member.day)
        append_day(out, *day);
      break;
    case FieldKind::answers: { // "3,5,2": in quotes from two answers on
      const std::vector<int> &answers = r.*f.member.answers;
      if (answers.size() > 1)
        out += '"';
      for (std::size_t k = 0; k < answers.size(); ++k) {
        if (k != 0)
          out += ',';
        append_number(out, answers[k]);
      }
      if (answers.size() > 1)
        out += '"';
      break;
    }
    case FieldKind::ids: { // separated by spaces: one cell, in quotes if any id needs them
      const std::vector<std::string> &ids = r.*f.member.ids;
      bool plain = true;
      for (const std::string &id : ids)
        plain = plain && is_plain_csv(id);
      if (!plain)
        out += '"';
      for (std::size_t k = 0; k < ids.size(); ++k) {
        if (k != 0)
          out += ' ';
        if (plain) {
          out += ids[k];
          continue;
        }
        for (const char ch : ids[k]) {
          if (ch == '"')
            out += '"';
          out += ch;
        }
      }
      if (!plain)
        out += '"';
      break;
    }
    }
  }
}

/// Appends the record's CSV row (without CRLF) to a buffer that is reused, through memory set
/// aside by csv_bound: the CSV export's hot path, as append_record_json is JSON's.
void append_csv_row(std::string &out, const Record &r) {
  const std::size_t old = out.size();
  out.resize(old + csv_bound(r));
  Cursor cursor(out.data() + old, out.data() + out.size());
  write_csv_row(cursor, r);
  out.resize(static_cast<std::size_t>(cursor.at() - out.data()));
}

} // namespace

std::string csv_row(const Record &r) {
  std::string out;
  append_csv_row(out, r);
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
    append_csv_row(out, r);
    out += "\r\n";
    piece.maybe_flush();
  });
  piece.flush();
  return count;
}

bool is_plan_copy(std::string_view text, std::string_view hash) {
  return is_valid_utf8(text) && sha256_hex(text) == hash;
}

} // namespace attune
