#include "attune/journal.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "attune/record_schema.hpp"
#include "attune/text.hpp"
#include "journal_detail.hpp"

namespace attune {
namespace {

constexpr std::string_view header_prefix = "attune-journal ";

using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;

/// Tables for CRC-32 eight bytes at a time ("slicing-by-8"): several times faster than a
/// byte at a time, which matters when every line of a large journal is checked. Kept rather
/// than zlib's crc32(): on journal lines (about 124 bytes) Debian's zlib 1.2.13 took 2.4x as
/// long per line (60 bytes: 4x); it only pulls ahead on buffers of a kilobyte or more.
CrcTables make_crc_tables() {
  CrcTables t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k)
      c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (std::size_t k = 1; k < 8; ++k)
    for (std::size_t i = 0; i < 256; ++i)
      t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFU];
  return t;
}

} // namespace

namespace detail {

std::uint32_t crc32(std::string_view bytes) noexcept {
  static const CrcTables t = make_crc_tables();
  std::uint32_t c = 0xFFFFFFFFU;
  const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
  std::size_t n = bytes.size();
  while (n >= 8) {
    const std::uint32_t lo = (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 |
                              std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24) ^
                             c;
    c = t[7][lo & 0xFFU] ^ t[6][(lo >> 8) & 0xFFU] ^ t[5][(lo >> 16) & 0xFFU] ^ t[4][lo >> 24] ^
        t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    p += 8;
    n -= 8;
  }
  while (n-- > 0)
    c = t[0][(c ^ *p++) & 0xFFU] ^ (c >> 8);
  return c ^ 0xFFFFFFFFU;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/// Length of the valid UTF-8 sequence starting at `at`, or 0 when the byte there does not
/// start one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b = byte(at);
  std::size_t len = 0;
  if (b < 0x80)
    return 1;
  if (b >= 0xC2 && b <= 0xDF)
    len = 2;
  else if (b >= 0xE0 && b <= 0xEF)
    len = 3;
  else if (b >= 0xF0 && b <= 0xF4)
    len = 4;
  else
    return 0;
  if (at + len > text.size())
    return 0;
  for (std::size_t i = 1; i < len; ++i)
    if ((byte(at + i) & 0xC0) != 0x80)
      return 0;
  const unsigned char b1 = byte(at + 1);
  if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) || (b == 0xF0 && b1 < 0x90) ||
      (b == 0xF4 && b1 > 0x8F))
    return 0; // overlong, surrogate or beyond U+10FFFF
  return len;
}

void append_hex_escape(std::string &out, unsigned char byte) {
  out += "\\x";
  out += hex_digits[byte >> 4];
  out += hex_digits[byte & 0xFU];
}

/// 1 for the bytes a value holds as they are: printable ASCII but the backslash.
constexpr std::array<unsigned char, 256> plain_value_byte = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0x20; c < 0x7F; ++c)
    t[c] = c != '\\' ? 1 : 0;
  return t;
}();

/// Appends a value escaped so it holds no TAB, LF, CR or control byte, and is valid UTF-8.
/// Bytes that are not part of valid UTF-8 are written as \xHH too, so any bytes round-trip.
void append_escaped(std::string &out, std::string_view value) {
  // Most values are printable ASCII without a backslash: nothing to escape. Sixteen bytes a
  // step (the signed compare takes bytes from 0x80 as below 0x20: not plain either).
  const auto *p = reinterpret_cast<const unsigned char *>(value.data());
  std::size_t at = 0;
  bool plain = true;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; plain && at + 16 <= value.size(); at += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + at));
    const __m128i bad =
        _mm_or_si128(_mm_cmplt_epi8(v, space),
                     _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)));
    plain = _mm_movemask_epi8(bad) == 0;
  }
#endif
  unsigned rest = 1;
  for (; plain && at < value.size(); ++at)
    rest &= plain_value_byte[p[at]];
  if (plain && rest != 0) {
    out += value;
    return;
  }
  std::size_t i = 0;
  while (i < value.size()) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      append_hex_escape(out, c);
    } else {
      const std::size_t len = utf8_sequence_length(value, i);
      if (len == 0) {
        append_hex_escape(out, c);
      } else {
        out.append(value.substr(i, len));
        i += len;
        continue;
      }
    }
    ++i;
  }
}

/// Undoes the escapes of a value into `out` (cleared first, its capacity kept); false when an
/// escape is malformed.
bool unescape_into(std::string_view value, std::string &out) {
  out.clear();
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= value.size())
      return false;
    switch (value[i]) {
    case '\\':
      out += '\\';
      break;
    case 't':
      out += '\t';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 'x': {
      if (i + 2 >= value.size())
        return false;
      const int hi = hex_value(value[i + 1]);
      const int lo = hex_value(value[i + 2]);
      if (hi < 0 || lo < 0)
        return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
      break;
    }
    default:
      return false;
    }
  }
  return true;
}

/// A value as written, or with its escapes undone into `scratch` when it has any (most
/// values have none: no copy); nullopt when an escape is malformed.
std::optional<std::string_view> unescaped(std::string_view value, std::string &scratch) {
  if (value.find('\\') == std::string_view::npos)
    return value;
  if (!unescape_into(value, scratch))
    return std::nullopt;
  return std::string_view(scratch);
}

bool is_record_id(std::string_view id) noexcept {
  return parse_record_id(id).has_value();
}

namespace {

bool byte_is_control(unsigned char u) noexcept {
  return (u < 0x20 && u != '\t') || u == 0x7F;
}

} // namespace

void split_at_tabs(std::string_view text, std::vector<std::string_view> &fields) {
  fields.clear();
  std::size_t start = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes a step: a line has about fifteen short fields, where a memchr per field
  // costs more than its search.
  const __m128i tab = _mm_set1_epi8('\t');
  for (; i + 16 <= text.size(); i += 16) {
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + i)), tab)));
    while (mask != 0) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
      fields.push_back(text.substr(start, at - start));
      start = at + 1;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < text.size(); ++i)
    if (text[i] == '\t') {
      fields.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  fields.push_back(text.substr(start));
}

BodyBytes classify_body(std::string_view body) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(body.data());
  const std::size_t n = body.size();
  unsigned high = 0;    // a byte from 0x80 was met
  bool control = false; // exact only while high is 0
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes a step, no branch per byte: most bodies are printable ASCII and TABs.
  // The signed compare takes bytes from 0x80 as below 0x20 too; they set `high`, and then
  // the byte-wise rule below decides.
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i del = _mm_set1_epi8(0x7F);
  unsigned bad = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
    high |= static_cast<unsigned>(_mm_movemask_epi8(v));
    const __m128i low = _mm_andnot_si128(_mm_cmpeq_epi8(v, tab), _mm_cmplt_epi8(v, space));
    bad |= static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, _mm_cmpeq_epi8(v, del))));
  }
  control = bad != 0;
#endif
  for (; i < n; ++i) {
    high |= p[i] & 0x80U;
    control = control || byte_is_control(p[i]);
  }
  if (high == 0)
    return control ? BodyBytes::control : BodyBytes::ascii;
  // Bytes from 0x80: byte by byte, as the reader always has (a raw control byte is named
  // before bad UTF-8).
  if (std::any_of(body.begin(), body.end(),
                  [](char c) { return byte_is_control(static_cast<unsigned char>(c)); }))
    return BodyBytes::control;
  return is_valid_utf8(body) ? BodyBytes::utf8 : BodyBytes::not_utf8;
}

std::optional<unsigned> parse_unsigned(std::string_view text) noexcept {
  if (text.empty() || text.size() > 9)
    return std::nullopt;
  unsigned value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

/// Why a complete line is not a record, or nullopt when `record` was filled.
std::optional<std::string> parse_record_line(std::string_view line, Record &record) {
  const std::size_t last_tab = line.rfind('\t');
  if (last_tab == std::string_view::npos)
    return "not a record";
  const std::string_view trailer = line.substr(last_tab + 1);
  if (trailer.size() != 9 || trailer[0] != '~')
    return "no checksum at the end";
  std::uint32_t expected = 0;
  for (std::size_t i = 1; i < 9; ++i) {
    const int v = hex_value(trailer[i]);
    if (v < 0)
      return "no checksum at the end";
    expected = expected * 16 + static_cast<std::uint32_t>(v);
  }
  const std::string_view body = line.substr(0, last_tab);
  if (crc32(body) != expected)
    return "damaged (checksum does not match)";
  switch (classify_body(body)) {
  case BodyBytes::control:
    return "holds a raw control character";
  case BodyBytes::not_utf8:
    return "not valid UTF-8";
  case BodyBytes::ascii:
  case BodyBytes::utf8:
    break;
  }

  // The fields between TABs, into a list kept between lines (no allocation).
  thread_local std::vector<std::string_view> fields;
  split_at_tabs(body, fields);
  if (fields.size() < 5)
    return "too few fields";
  if (!is_record_id(fields[0]))
    return "bad id";
  const auto type = parse_record_type(fields[1]);
  if (!type)
    return "unknown record type \"" + std::string(fields[1]) + "\"";
  const auto day = parse_iso_day(fields[2]);
  if (!day)
    return "bad day";
  const auto recorded = parse_instant(fields[3]);
  if (!recorded)
    return "bad time";
  if (!is_zone_name(fields[4]))
    return "bad time zone";

  // The record is reused from line to line: assigning keeps its strings' capacity, so a
  // long journal is read without an allocation per value.
  record.id.assign(fields[0]);
  record.type = *type;
  record.day = *day;
  record.recorded = *recorded;
  record.zone.assign(fields[4]);
  clear_fields(record);
  thread_local std::string scratch; // a value with escapes, undone

  // Which fields were met, one bit per record_fields entry (record_schema.hpp).
  std::uint32_t seen = 0;
  static_assert(record_fields.size() <= 32);
  for (std::size_t i = 5; i < fields.size(); ++i) {
    const std::string_view field = fields[i];
    const std::size_t eq = field.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return "bad field";
    const std::string_view key = field.substr(0, eq);
    const RecordField *known = find_field(key);
    if (known == nullptr) {
      // Unknown keys (from a newer attune) are accepted and ignored, but not twice.
      for (std::size_t k = 5; k < i; ++k)
        if (fields[k].substr(0, fields[k].find('=')) == key)
          return "repeats the key \"" + std::string(key) + "\"";
      if (!unescaped(field.substr(eq + 1), scratch))
        return "bad escape in \"" + std::string(key) + "\"";
      continue;
    }
    const std::uint32_t bit = std::uint32_t{1} << field_index(*known);
    if ((seen & bit) != 0)
      return "repeats the key \"" + std::string(key) + "\"";
    seen |= bit;
    const auto value = unescaped(field.substr(eq + 1), scratch);
    if (!value)
      return "bad escape in \"" + std::string(key) + "\"";
    // Every known key is checked and kept, whatever the type (the writer leaves out what
    // the type does not carry).
    if (!assign_field(*known, record, *value))
      return std::string(known->problem);
  }

  if ((seen & 1U) == 0) // record_fields[0] is run, which every type requires
    return "no run";
  const TypeSet bit = type_bit(record.type);
  for (const RecordField &f : record_fields)
    if ((f.required & bit) != 0 && (seen & (std::uint32_t{1} << field_index(f))) == 0)
      return std::string(missing_field_problem(record.type));
  if (record.type == RecordType::pause && record.until && *record.until < record.day)
    return "a pause that ends before it begins";
  if (record.type != RecordType::pause)
    record.until.reset(); // only a pause has a last day
  return std::nullopt;
}

/// The version in a header line, or nullopt when the line is not a header.
/// Any run of digits counts, so a version too large for `unsigned` still reads as a header
/// (saturated, hence newer than this attune) instead of as a damaged record to append after.
std::optional<unsigned> parse_header(std::string_view line) noexcept {
  if (line.substr(0, header_prefix.size()) != header_prefix)
    return std::nullopt;
  const std::string_view digits = line.substr(header_prefix.size());
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  if (const auto value = parse_unsigned(digits))
    return value;
  return std::numeric_limits<unsigned>::max();
}

bool is_writable_version(unsigned version) noexcept {
  return version >= 1 && version <= journal_version;
}

/// The problem message for a complete line that is not a record.
/// A record's start without its checksum is what an interrupted write leaves once the next
/// writer has closed the line: say so, rather than calling it damage.
std::string describe_bad_line(std::size_t number, std::string_view line, const std::string &why) {
  const std::string where = "line " + std::to_string(number) + " is ";
  if (why.rfind("damaged", 0) == 0)
    return where + why + ": skipped";
  if (why == "no checksum at the end" && line.size() >= 17 && is_record_id(line.substr(0, 16)) &&
      line[16] == '\t')
    return where + "incomplete (no checksum at the end; a crash may have cut it short): kept, " +
           "not counted";
  return where + "not a valid record (" + why + "): skipped";
}

bool same_record(const Record &a, const Record &b) {
  return format_record(a) == format_record(b);
}

bool is_checkin(RecordType type) noexcept {
  return type == RecordType::done || type == RecordType::skip || type == RecordType::note ||
         type == RecordType::check || type == RecordType::not_arisen ||
         type == RecordType::review || type == RecordType::keep || type == RecordType::keep_stop ||
         type == RecordType::cue || type == RecordType::pause || type == RecordType::resume;
}

bool is_review_question(std::string_view text) noexcept {
  return text == "helped" || text == "signs" || text == "keep";
}

} // namespace detail

bool is_journal_plan_id(std::string_view id) noexcept {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

using namespace detail; // the helpers above are shared with journal_run.cpp

std::string_view to_string(RecordType type) noexcept {
  switch (type) {
  case RecordType::start:
    return "start";
  case RecordType::end:
    return "end";
  case RecordType::done:
    return "done";
  case RecordType::skip:
    return "skip";
  case RecordType::note:
    return "note";
  case RecordType::check:
    return "check";
  case RecordType::undo:
    return "undo";
  case RecordType::forgotten:
    return "forgotten";
  case RecordType::not_arisen:
    return "not_arisen";
  case RecordType::review:
    return "review";
  case RecordType::keep:
    return "keep";
  case RecordType::keep_stop:
    return "keep_stop";
  case RecordType::cue:
    return "cue";
  case RecordType::pause:
    return "pause";
  case RecordType::resume:
    return "resume";
  }
  return "note";
}

std::optional<RecordType> parse_record_type(std::string_view text) noexcept {
  for (const RecordType type :
       {RecordType::start, RecordType::end, RecordType::done, RecordType::skip, RecordType::note,
        RecordType::check, RecordType::undo, RecordType::forgotten, RecordType::not_arisen,
        RecordType::review, RecordType::keep, RecordType::keep_stop, RecordType::cue,
        RecordType::pause, RecordType::resume})
    if (to_string(type) == text)
      return type;
  return std::nullopt;
}

std::string describe_unwritable_version(unsigned version) {
  if (version > journal_version)
    return "was written by a newer attune (format " + std::to_string(version) + ")";
  return "names format " + std::to_string(version) + ", which no attune writes";
}

bool is_withdrawable(RecordType type) noexcept {
  return is_checkin(type) || type == RecordType::cue;
}

std::string batch_command_id(const std::vector<Record> &records) {
  return records.size() > 1 ? records.front().id : std::string();
}

const std::string &command_id(const Record &record) noexcept {
  return record.cmd.empty() ? record.id : record.cmd;
}

std::string journal_header() {
  return std::string(header_prefix) + std::to_string(journal_version) + "\n";
}

// One string, appended to in place: no string per value (import writes 100,000 lines).
std::string format_record(const Record &record) {
  std::string line;
  line.reserve(128 + record.text.size());
  append_escaped(line, record.id);
  line += '\t';
  line += to_string(record.type);
  line += '\t';
  line += format_day(record.day);
  line += '\t';
  line += format_instant(record.recorded);
  line += '\t';
  append_escaped(line, record.zone);
  const TypeSet bit = type_bit(record.type);
  for (const RecordField &f : record_fields) {
    if ((f.required & bit) != 0 || ((f.optional & bit) != 0 && field_is_set(f, record))) {
      line += '\t';
      line += f.name;
      line += '=';
      if (f.kind == FieldKind::text || f.kind == FieldKind::id) {
        append_escaped(line, record.*f.member.text); // no copy: the common case
      } else if (f.kind == FieldKind::number) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, record.*f.member.number);
        line.append(digits, static_cast<std::size_t>(end.ptr - digits));
      } else {
        append_escaped(line, field_text(f, record));
      }
    }
  }
  const std::uint32_t crc = crc32(line);
  line += "\t~";
  line += hex8(crc);
  line += '\n';
  return line;
}

namespace {
std::optional<std::string> clash_note(const Journal &journal);
} // namespace

Journal parse_journal(std::string_view text) {
  Journal journal;
  bool seen_header = false;
  std::unordered_map<std::string, std::size_t> index_of; // id -> position in records
  std::unordered_map<std::string, std::size_t> line_of;  // id -> line it was first read on
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_number;
    const std::size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) {
      journal.torn_tail = true;
      journal.problems.push_back(
          {line_number, "line " + std::to_string(line_number) +
                            " is cut short (no newline at the end): kept, not counted"});
      break;
    }
    std::string_view line = text.substr(pos, lf - pos);
    pos = lf + 1;
    // A file-sync tool may have turned LF into CR LF; attune never writes a raw CR.
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (line.empty())
      continue;
    if (const auto version = parse_header(line)) {
      // Joined journals repeat the header: a later one only matters if it is newer.
      if (!seen_header || *version > journal.version)
        journal.version = *version;
      seen_header = true;
      if (!is_writable_version(*version))
        journal.newer_version = true;
      continue;
    }
    if (line_number == 1)
      journal.problems.push_back(
          {1, "line 1 is not the version line \"attune-journal " + std::to_string(journal_version) +
                  "\": reading on as version " + std::to_string(journal_version)});
    Record record;
    if (const auto why = parse_record_line(line, record)) {
      journal.problems.push_back({line_number, describe_bad_line(line_number, line, *why)});
      continue;
    }
    const auto found = index_of.find(record.id);
    if (found != index_of.end()) {
      // Two journals joined (concatenated or union-merged): the same record counts once.
      if (!same_record(journal.records[found->second], record))
        journal.problems.push_back({line_number, "line " + std::to_string(line_number) +
                                                     " reuses the id of line " +
                                                     std::to_string(line_of[record.id]) +
                                                     " with different content: skipped"});
      continue;
    }
    index_of.emplace(record.id, journal.records.size());
    line_of.emplace(record.id, line_number);
    journal.records.push_back(std::move(record));
  }
  journal.has_header = seen_header;
  journal.record_count = journal.records.size();
  if (const auto note = clash_note(journal))
    journal.notes.push_back(*note);
  return journal;
}

namespace {

/// Run numbers that two or more different start records claim (journals joined from two
/// devices that each started a programme with that number).
std::set<unsigned> clashing_claims(const std::vector<Record> &records) {
  std::set<unsigned> started;
  std::set<unsigned> clashes;
  for (const Record &r : records)
    if (r.type == RecordType::start && !started.insert(r.run).second)
      clashes.insert(r.run);
  return clashes;
}

/// Programme order: start instant, then the number claimed, then the start record's id.
bool starts_before(const Run &a, const Run &b) {
  return std::tie(a.started_at, a.claim, a.start_id) < std::tie(b.started_at, b.claim, b.start_id);
}

/// Keeps the earliest end (recorded instant, then id), whatever the line order.
void note_end(Run &run, const Record *&first_end, const Record &r) {
  if (first_end == nullptr ||
      std::tie(r.recorded, r.id) < std::tie(first_end->recorded, first_end->id)) {
    first_end = &r;
    run.ended = r.day;
  }
}

/// A run that has no start record starts at its earliest record.
void widen_orphan(Run &run, const Record &r) {
  run.start = std::min(run.start, r.day);
  run.started_at = std::min(run.started_at, r.recorded);
}

/// The usual case: at most one start per number, so the number is the programme.
std::vector<Run> group_by_number(const std::vector<const Record *> &effective) {
  std::map<unsigned, Run> runs;
  std::map<unsigned, const Record *> end_of;
  // Each run's records are counted first, so its list is allocated once. A run's records
  // mostly follow each other: one look-up for them.
  std::map<unsigned, std::size_t> count;
  {
    std::size_t *last = nullptr;
    unsigned last_run = 0;
    for (const Record *p : effective) {
      if (last == nullptr || last_run != p->run) {
        last_run = p->run;
        last = &count[p->run];
      }
      ++*last;
    }
  }
  Run *last = nullptr;
  for (const Record *p : effective) {
    const Record &r = *p;
    if (last == nullptr || last->claim != r.run) {
      auto [it, inserted] = runs.try_emplace(r.run);
      last = &it->second; // map nodes stay put
      if (inserted) {
        last->number = last->claim = r.run;
        last->start = r.day;
        last->started_at = r.recorded;
        last->records.reserve(count[r.run]);
      }
    }
    Run &run = *last;
    if (r.type == RecordType::start && run.start_id.empty()) {
      run.plan_id = r.plan_id;
      run.plan_hash = r.plan_hash;
      run.start = r.day;
      run.start_id = r.id;
      run.started_at = r.recorded;
    } else if (run.start_id.empty()) {
      widen_orphan(run, r);
    }
    if (r.type == RecordType::end)
      note_end(run, end_of[r.run], r);
    run.records.push_back(r);
  }
  std::vector<Run> out;
  out.reserve(runs.size());
  for (auto &entry : runs)
    out.push_back(std::move(entry.second));
  return out;
}

/// Two starts claim one number: every start is its own programme, numbered by start.
std::vector<Run> group_by_start(const std::vector<const Record *> &effective) {
  std::set<unsigned> claimed;
  for (const Record *r : effective)
    if (r->type == RecordType::start)
      claimed.insert(r->run);
  std::vector<Run> progs;
  std::map<unsigned, std::size_t> orphan;
  for (const Record *p : effective) {
    const Record &r = *p;
    if (r.type == RecordType::start) {
      Run run;
      run.claim = r.run;
      run.plan_id = r.plan_id;
      run.plan_hash = r.plan_hash;
      run.start = r.day;
      run.start_id = r.id;
      run.started_at = r.recorded;
      progs.push_back(std::move(run));
    } else if (claimed.count(r.run) == 0) {
      const auto [it, fresh] = orphan.try_emplace(r.run, progs.size());
      if (fresh) {
        Run run;
        run.claim = r.run;
        run.start = r.day;
        run.started_at = r.recorded;
        progs.push_back(std::move(run));
      }
      widen_orphan(progs[it->second], r);
    }
  }
  std::sort(progs.begin(), progs.end(), starts_before);
  std::map<unsigned, std::vector<std::size_t>> claimants; // in programme order
  std::unordered_map<std::string, std::size_t> by_start;
  for (std::size_t i = 0; i < progs.size(); ++i) {
    progs[i].number = static_cast<unsigned>(i + 1);
    if (progs[i].start_id.empty()) {
      orphan[progs[i].claim] = i;
    } else {
      claimants[progs[i].claim].push_back(i);
      by_start.emplace(progs[i].start_id, i);
    }
  }
  std::vector<const Record *> end_of(progs.size(), nullptr);
  for (const Record *p : effective) {
    const Record &r = *p;
    std::size_t at = 0;
    if (r.type == RecordType::start) {
      at = by_start.at(r.id);
    } else if (const auto c = claimants.find(r.run); c != claimants.end()) {
      // The claimant started last at or before the record; the first one for older records.
      at = c->second.front();
      for (const std::size_t i : c->second)
        if (progs[i].started_at <= r.recorded)
          at = i;
    } else {
      at = orphan.at(r.run);
    }
    if (r.type == RecordType::end)
      note_end(progs[at], end_of[at], r);
    progs[at].records.push_back(r);
  }
  return progs;
}

/// The note for a journal whose starts clash, or nullopt.
std::optional<std::string> clash_note(const Journal &journal) {
  const std::set<unsigned> clashes = clashing_claims(journal.records);
  if (clashes.empty())
    return std::nullopt;
  const History history = build_history(journal);
  // One line, however many programmes: the first few are named, the rest counted.
  constexpr std::size_t shown = 4;
  std::string claims;
  std::size_t listed_claims = 0;
  for (const unsigned claim : clashes)
    if (listed_claims++ < shown)
      claims += (claims.empty() ? "" : ", ") + std::to_string(claim);
  if (clashes.size() > shown)
    claims += " and " + std::to_string(clashes.size() - shown) + " more";
  std::size_t count = 0;
  std::size_t renumbered = 0;
  std::string list;
  for (const Run &run : history.runs) {
    if (clashes.count(run.claim) != 0)
      ++count;
    if (clashes.count(run.claim) == 0 && run.number == run.claim)
      continue;
    if (renumbered++ >= shown)
      continue;
    list += (list.empty() ? "" : "; ") + std::to_string(run.number) + " = " +
            (run.plan_id.empty() ? std::string("no start record") : run.plan_id) + " from " +
            format_day(run.start) +
            (run.number == run.claim ? "" : " (written as " + std::to_string(run.claim) + ")");
  }
  if (renumbered > shown)
    list +=
        "; and " + std::to_string(renumbered - shown) + " more ('attune log --run N' shows each)";
  return std::to_string(count) + " programmes were started separately as programme " + claims +
         " (journals from two devices joined): each is kept, and programmes are numbered by "
         "when they started: " +
         list;
}

} // namespace

History build_history(const Journal &journal) {
  // Which records are withdrawn. Undo applies whatever the order in the file (a union merge
  // may put an undo before its target). Only check-ins (done, skip, note, check) and cues can
  // be withdrawn; an undo that refers to a start, an end or another undo is ignored.
  // An undo's target is the first record with its id. Views of the ids (the records outlive
  // the sets): a 16-digit id is past std::string's inline size, so owned keys cost an
  // allocation each; and only the undone ids are held, not every record's.
  std::unordered_set<std::string_view> undone;
  for (const Record &r : journal.records)
    if (r.type == RecordType::undo)
      undone.insert(r.ref);
  std::unordered_set<std::string_view> withdrawn;
  if (!undone.empty()) {
    std::unordered_set<std::string_view> found; // the targets met, withdrawable or not
    for (const Record &r : journal.records)
      if (undone.count(r.id) != 0 && found.insert(r.id).second && is_withdrawable(r.type))
        withdrawn.insert(r.id);
  }
  std::vector<const Record *> effective;
  effective.reserve(journal.records.size());
  for (const Record &r : journal.records)
    if (r.type != RecordType::undo && r.type != RecordType::forgotten &&
        (withdrawn.empty() || withdrawn.count(r.id) == 0))
      effective.push_back(&r); // undo and forgotten are bookkeeping: part of no run

  History history;
  history.runs = clashing_claims(journal.records).empty() ? group_by_number(effective)
                                                          : group_by_start(effective);
  if (journal.kept_run && history.runs.size() == 1)
    history.runs.front().number = *journal.kept_run; // one programme of a clashing journal
  for (Run &run : history.runs)
    run.pauses = pauses_of(run.records);
  history.newest_run = history.runs.empty()
                           ? journal.newest_run
                           : std::max(journal.newest_run, history.runs.back().number);
  return history;
}

std::vector<Pause> pauses_of(const std::vector<Record> &records) {
  std::vector<const Record *> pauses;
  std::vector<const Record *> resumes;
  for (const Record &r : records) {
    if (r.type == RecordType::pause)
      pauses.push_back(&r);
    else if (r.type == RecordType::resume)
      resumes.push_back(&r);
  }
  std::stable_sort(pauses.begin(), pauses.end(),
                   [](const Record *a, const Record *b) { return a->day < b->day; });
  std::stable_sort(resumes.begin(), resumes.end(),
                   [](const Record *a, const Record *b) { return a->day < b->day; });
  std::vector<Pause> out;
  std::size_t next_resume = 0;
  for (const Record *p : pauses) {
    Pause pause{p->day, p->until, p->text, p->id};
    // The first resume on or after the pause's first day ends it (an open one, or a planned
    // one cut short); earlier resumes belonged to earlier pauses, or to none.
    while (next_resume < resumes.size() && resumes[next_resume]->day < p->day)
      ++next_resume;
    if (next_resume < resumes.size() &&
        (!pause.until || resumes[next_resume]->day <= *pause.until)) {
      const Day back = resumes[next_resume++]->day;
      if (back <= p->day)
        continue; // resumed on its first day: nothing was paused
      pause.until = back - date::days(1);
    }
    out.push_back(std::move(pause));
  }
  return out;
}

const Run *History::active() const noexcept {
  if (runs.empty() || runs.back().ended)
    return nullptr;
  return &runs.back();
}

const Run *History::find(unsigned number) const noexcept {
  for (const Run &run : runs)
    if (run.number == number)
      return &run;
  return nullptr;
}

const Record *History::last_checkin() const noexcept {
  const Run *run = active();
  if (run == nullptr)
    return nullptr;
  const Record *latest = nullptr;
  for (const Record &r : run->records)
    if (is_checkin(r.type) && (latest == nullptr || r.recorded >= latest->recorded))
      latest = &r;
  return latest;
}

} // namespace attune
