#pragma once
/// The one header that exposes date types: days, weekdays, instants, and the day boundary.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace attune {

/// A calendar day. Differences count days exactly: never multiply 86,400 s.
using Day = date::sys_days;
/// A UTC instant with second precision.
using Instant = date::sys_seconds;
/// A local wall-clock time with no zone attached.
using LocalTime = date::local_seconds;

/// Parses "YYYY-MM-DD" strictly (zero-padded, a real date); nullopt otherwise.
std::optional<Day> parse_iso_day(std::string_view text) noexcept;

/// "2026-03-08".
std::string format_day(Day day);

/// format_day's ten characters written into out[0..10), without allocating; false (nothing
/// written) for a year outside 0 to 9999, which format_day writes the general way.
bool write_day_digits(Day day, char *out) noexcept;

/// The time of day as format_instant ends: "THH:MM:SSZ" into out[0..10), from the seconds
/// since midnight (0 to 86399).
void write_time_digits(unsigned seconds, char *out) noexcept;

/// How a message quotes a day the user typed: "2026-12-30" when they typed exactly that,
/// "\"fri\" (2026-12-30)" when the words needed resolving.
std::string quote_typed_day(const std::string &typed, Day day);

/// Accepts "mon", "monday", "Mon" ... (case-insensitive, 3-letter or full English name).
std::optional<date::weekday> parse_weekday(std::string_view text) noexcept;

/// Lowercase 3-letter name: "mon".
std::string weekday_short(date::weekday wd);

/// Full English name: "Monday".
std::string weekday_long(date::weekday wd);

/// Resolves what a user may type for a date, relative to `today`:
/// "YYYY-MM-DD", "today", "yesterday", "-N" (N days ago, 0 <= N <= 100000), or a weekday
/// name meaning its most recent occurrence (today if today is that weekday).
/// resolve_day("tue", Thu 2026-11-26) -> 2026-11-24; resolve_day("-2", 2026-11-26) -> 2026-11-24.
/// Does not check the range (future, before start): callers decide what is allowed.
std::optional<Day> resolve_day(std::string_view text, Day today) noexcept;

/// Parses "YYYY-MM-DDTHH:MM[:SS]" (the ATTUNE_NOW format, local wall time).
std::optional<LocalTime> parse_local_time(std::string_view text) noexcept;

/// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_instant(Instant instant);

/// Parses "YYYY-MM-DDTHH:MM:SSZ".
std::optional<Instant> parse_instant(std::string_view text) noexcept;

/// The day a moment counts for, given the start of day (minutes after midnight, 0..1439).
/// With day_start = 04:00, 2026-03-10 01:30 local counts for 2026-03-09.
Day logical_day(LocalTime local, std::chrono::minutes day_start) noexcept;

/// Parses "HH:MM" (00:00 to 23:59) into minutes after midnight.
std::optional<std::chrono::minutes> parse_clock_time(std::string_view text) noexcept;

} // namespace attune
