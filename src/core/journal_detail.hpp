#pragma once
// Helpers of journal.cpp shared with journal_run.cpp (the selective reader) and
// export_stream.cpp (the streaming one). Not public.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/journal.hpp"
#include "attune/zone.hpp"

namespace attune::detail {

/// CRC-32 (IEEE 802.3, as zlib and `gzip` compute it).
std::uint32_t crc32(std::string_view bytes) noexcept;
/// 0-15 for a hex digit (either case), else -1.
int hex_value(char c) noexcept;
/// The parts of `text` between TABs, into `fields` (cleared first; its capacity kept):
///   "a\tb\t" -> {"a", "b", ""}; "" -> {""}.
void split_at_tabs(std::string_view text, std::vector<std::string_view> &fields);
/// What a record line's body (before its checksum) holds, as the reader judges it.
enum class BodyBytes : unsigned char {
  ascii,    ///< printable ASCII and TABs only
  utf8,     ///< also valid UTF-8 beyond ASCII
  control,  ///< a raw control byte (below 0x20 but TAB, or 0x7F): named first
  not_utf8, ///< no control byte, but bytes that are not UTF-8
};
/// One pass over the body, sixteen bytes a step (SSE2) while it is ASCII.
///   "a\tb" -> ascii; "caf\xc3\xa9" -> utf8; "a\x01" -> control; "\xff\x7f" -> control;
///   "\xff" -> not_utf8
BodyBytes classify_body(std::string_view body) noexcept;
/// 16 lowercase hex digits.
bool is_record_id(std::string_view id) noexcept;
/// A record id (exactly 16 lowercase hex digits) as a number, else nullopt:
///   "000000000000002a" -> 42;  "000000000000002A", "00000000000002a" (15), "000000000000002g"
///   -> nullopt. For the id at the start of a line: parse_record_id(line.substr(0, 16)).
/// Inline and allocation-free: the streaming readers call it on every line.
/// The value of each byte as a lowercase hex digit, or 16 (bit 4) when it is not one.
inline constexpr std::array<unsigned char, 256> hex_nibble = [] {
  std::array<unsigned char, 256> t{};
  for (auto &v : t)
    v = 16;
  for (unsigned c = 0; c < 10; ++c)
    t['0' + c] = static_cast<unsigned char>(c);
  for (unsigned c = 0; c < 6; ++c)
    t['a' + c] = static_cast<unsigned char>(10 + c);
  return t;
}();
inline std::optional<std::uint64_t> parse_record_id(std::string_view text) noexcept {
  if (text.size() != 16)
    return std::nullopt;
  std::uint64_t value = 0;
  unsigned bad = 0; // no branch per digit: 16 table lookups
  for (const char c : text) {
    const unsigned v = hex_nibble[static_cast<unsigned char>(c)];
    bad |= v;
    value = value << 4 | (v & 0xFU);
  }
  if ((bad & 16U) != 0)
    return std::nullopt;
  return value;
}
/// The one zone-name rule (zone.hpp): a record's zone is a name attune could have loaded.
using attune::is_zone_name;
/// 1 to 9 decimal digits.
std::optional<unsigned> parse_unsigned(std::string_view text) noexcept;
/// Why a complete line is not a record, or nullopt when `record` was filled.
std::optional<std::string> parse_record_line(std::string_view line, Record &record);
/// The version in a header line, or nullopt when the line is not a header.
std::optional<unsigned> parse_header(std::string_view line) noexcept;
/// True for the versions this attune writes (1 to journal_version); 0 and newer ones are
/// read as far as possible and never written to.
bool is_writable_version(unsigned version) noexcept;
/// The problem message for a complete line that is not a record.
std::string describe_bad_line(std::size_t number, std::string_view line, const std::string &why);
bool is_checkin(RecordType type) noexcept;

/// What a scan without allocation reads from a good line.
struct LineFacts {
  std::uint64_t id = 0;
  std::uint64_t ref = 0; ///< undo only
  std::uint32_t crc = 0; ///< of the line's body
  unsigned run = 0;
  RecordType type = RecordType::note;
};
/// The light check, for lines that will not be parsed in full: the checksum (so damage is
/// found and reported on every line) and the id, type and run, nothing else. False for a
/// start or an undo, and when the line does not have the usual shape: the caller then
/// checks it fully. (A line with a good checksum but fields the parser refuses passes: only
/// a hand-made line has one.)
bool light_scan(std::string_view line, LineFacts &out) noexcept;
/// Accepts only lines that parse_record_line would accept, without allocating (`ref` is
/// filled for an undo). False for anything it is not sure of (bad lines and rare shapes
/// alike): the caller then asks the full parser, which decides.
bool quick_scan(std::string_view line, LineFacts &out) noexcept;
/// "helped", "signs", "keep": the questions of the review.
bool is_review_question(std::string_view text) noexcept;

} // namespace attune::detail
