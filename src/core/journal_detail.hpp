#pragma once
// Helpers of journal.cpp shared with journal_run.cpp (the selective reader). Not public.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "attune/journal.hpp"
#include "attune/zone.hpp"

namespace attune::detail {

/// CRC-32 (IEEE 802.3, as zlib and `gzip` compute it).
std::uint32_t crc32(std::string_view bytes) noexcept;
/// 0-15 for a hex digit (either case), else -1.
int hex_value(char c) noexcept;
/// 16 lowercase hex digits.
bool is_record_id(std::string_view id) noexcept;
/// A record id (exactly 16 lowercase hex digits) as a number, else nullopt:
///   "000000000000002a" -> 42;  "000000000000002A", "00000000000002a" (15), "000000000000002g"
///   -> nullopt. For the id at the start of a line: parse_record_id(line.substr(0, 16)).
/// Inline and allocation-free: the streaming readers call it on every line.
inline std::optional<std::uint64_t> parse_record_id(std::string_view text) noexcept {
  if (text.size() != 16)
    return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : text) {
    unsigned digit = 0;
    if (c >= '0' && c <= '9')
      digit = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f')
      digit = static_cast<unsigned>(c - 'a' + 10);
    else
      return std::nullopt;
    value = value << 4 | digit;
  }
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
/// "helped", "signs", "keep": the questions of the review.
bool is_review_question(std::string_view text) noexcept;

} // namespace attune::detail
