#pragma once
/// The running programme as an iCalendar file (RFC 5545), for a phone's calendar to remind
/// (`attune export --format ics`). Pure: the front end gives the zone, the time and `now`.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/zone.hpp"

namespace attune {

/// What the calendar is made from. The plan, run and zone must outlive the call.
struct CalendarInput {
  const Plan &plan;
  const Run &run;
  const Zone &zone;
  std::chrono::minutes remind_at{19 * 60}; ///< local time of the reminders (config remind_at)
  Instant stamp{};                         ///< DTSTAMP of every event (the time of the export)
};

/// The calendar: a VTIMEZONE for the zone over the programme's span, then in day order one
/// event per exercise per day it is scheduled (daily, or on its weekdays) at `remind_at`
/// local time, 15 minutes, with a VALARM at its start; and for an N-a-week exercise one
/// all-day item over the days of each programme week (split where days are left out), with
/// a VALARM at `remind_at` on its first day. A day is in the calendar when its position
/// (position(plan, run, day)) is active: days outside the programme, and paused days, are
/// left out. SUMMARY is the exercise's title, DESCRIPTION its what and cue (and caution).
/// UID: "<start id>-<exercise>-<YYYYMMDD of the (first) day>@attune", stable across exports,
/// so importing again updates the events instead of adding copies.
/// Every line ends in CRLF and is folded at 75 octets (ics_fold).
/// `events` is how many VEVENTs `text` holds (the reminders the saved-file sentence counts).
struct ProgrammeCalendar {
  std::string text;
  std::size_t events = 0;
};
ProgrammeCalendar programme_calendar(const CalendarInput &input);

/// The running programme of `history`, whose calendar `export --format ics` writes. Throws
/// Error(no_data) "no programme is running, so there is no calendar to export" (hint:
/// 'attune start') when none runs.
const Run &calendar_run(const History &history);

/// Refuses a calendar for `run` when on `today` it has ended (position() finished):
/// Error(no_data) "programme 2 has ended, so there is nothing left to remind you of"
/// (hint: start a new one with 'attune start').
void check_calendar_left(const Plan &plan, const Run &run, Day today);

/// The sentence after `export --format ics --output FILE`, wrapped at `width`:
/// (1, 9, 07:30, "cal.ics") -> "Saved the calendar of programme 1 (9 reminders, at 07:30) to
/// cal.ics. Import it into your calendar; importing it again updates it." ("1 reminder").
std::string render_calendar_saved(unsigned run_number, std::size_t events,
                                  std::chrono::minutes remind_at, const std::string &path,
                                  std::size_t width);

/// RFC 5545 TEXT escaping: "\" -> "\\", ";" -> "\;", "," -> "\,", newline -> "\n"; a CR
/// (also of CRLF) is dropped and other control characters become a space.
/// "tea; then talk, softly\n" -> "tea\; then talk\, softly\n" (the newline as two characters).
std::string ics_escape(std::string_view text);

/// One content line, folded: at most 75 octets per physical line (continuations start with
/// one space, which counts), never inside a UTF-8 sequence; each piece ends in CRLF.
std::string ics_fold(std::string_view line);

/// A VTIMEZONE for `zone` (TZID its name) covering [from, to]: the offset in force at `from`
/// as the first component, then one STANDARD or DAYLIGHT component (to a higher offset:
/// DAYLIGHT) per transition in range; a single STANDARD for a zone without any. Folded lines.
/// Europe/Berlin over October 2026: DAYLIGHT from +0200, then STANDARD at 20261025T030000
/// (local time before the change) from +0200 to +0100.
std::string ics_timezone(const Zone &zone, Instant from, Instant to);

} // namespace attune
