#pragma once
/// A time zone read from one TZif file (RFC 8536): offsets from UTC at any instant, without
/// the whole tz database. Pure: the front end reads the file, the core parses the bytes.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/calendar.hpp"

namespace attune {

/// Largest TZif input accepted (bytes); real zone files are under 4 KiB.
inline constexpr std::size_t max_tzif_bytes = 1024 * 1024;

/// True when `name` may name a zone file: components of [A-Za-z0-9_+-] and '.', separated by
/// single '/', no component "." or "..", not starting or ending with '/', at most 255 bytes,
/// first component not "right" (leap-second zones). "Etc/GMT+5" yes, "../etc/passwd" no.
bool is_zone_name(std::string_view name) noexcept;

/// One POSIX TZ rule date: "Jn" (1..365, Feb 29 never counted), "n" (0..365), "Mm.w.d".
struct PosixRuleDate {
  enum class Kind : std::uint8_t { julian1, julian0, month_week_day } kind = Kind::julian0;
  int day = 0;                         ///< Jn: 1..365; n: 0..365; M: weekday 0 (Sunday)..6
  int month = 0;                       ///< M: 1..12
  int week = 0;                        ///< M: 1..5 (5 = last)
  std::chrono::seconds time{2 * 3600}; ///< local time of day, -167 h..167 h (RFC 8536 v3)
};

/// A TZif footer: "std offset [dst [offset] [,start[/time],end[/time]]]". Offsets here are
/// east of UTC (the opposite sign of the POSIX text): "CET-1CEST" -> std 3600, dst 7200.
struct PosixTz {
  std::chrono::seconds std_offset{0};
  bool has_dst = false;
  std::chrono::seconds dst_offset{0};
  PosixRuleDate start; ///< DST begins (in standard local time)
  PosixRuleDate end;   ///< DST ends (in daylight local time)
};

/// Parses a POSIX TZ string as RFC 8536 allows in a footer ("<+03>-3", "EST5EDT,M3.2.0,M11.1.0",
/// "<-03>3<-02>,M9.1.6/24,M4.1.6/24"); nullopt for anything else, including DST without rules.
std::optional<PosixTz> parse_posix_tz(std::string_view text) noexcept;

/// A time zone: UTC offsets over all time. Before the first transition the first time type
/// applies; after the last one, the footer's rule (if any), else the last type.
class Zone {
public:
  /// Parses TZif bytes (versions 1 to 4; from version 2 the 64-bit block and the footer).
  /// nullopt (and `why`, lowercase, if given) for bytes over max_tzif_bytes, bad magic or
  /// version, truncated data, counts that do not add up, unordered transitions, a bad type
  /// index or offset, leap seconds (the right/ zones) or a bad footer. Never throws, never
  /// reads past `bytes`.
  static std::optional<Zone> from_tzif(std::string name, std::string_view bytes,
                                       std::string *why = nullptr);

  /// A zone with one offset forever, for UTC when no tz data is installed.
  static Zone fixed(std::string name, std::chrono::seconds offset);

  /// The IANA name given when the zone was made ("Europe/Berlin").
  const std::string &name() const noexcept { return name_; }

  /// Offset from UTC (east positive) at `instant`: Berlin in July -> 7200 s.
  std::chrono::seconds offset_at(Instant instant) const noexcept;

  /// The offset at `instant` and the first instant after it where the offset may change
  /// (Instant::max() when it never does). Used to walk the zone's transitions.
  struct Period {
    std::chrono::seconds offset;
    Instant next;
  };
  Period period_at(Instant instant) const noexcept;

private:
  Zone() = default;
  std::string name_;
  std::vector<std::int64_t> times_;   ///< transition instants, strictly ascending
  std::vector<std::uint8_t> type_of_; ///< time type after each transition
  std::vector<std::int32_t> offsets_; ///< offset of each time type, seconds east
  std::optional<PosixTz> footer_;     ///< rule after the last transition
};

/// Turns a local wall time into an instant without ever throwing: an ambiguous time (the
/// repeated hour when clocks go back) takes the earlier instant; a nonexistent time (the
/// skipped hour when clocks go forward) maps to the instant the gap ends.
/// New York 2026-03-08 02:30 -> 2026-03-08 07:00Z (03:00 EDT).
Instant to_instant(LocalTime local, const Zone &zone);

/// The local wall time of an instant in a zone (always well defined).
LocalTime to_local(Instant instant, const Zone &zone);

} // namespace attune
