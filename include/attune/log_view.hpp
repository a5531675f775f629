#pragma once
/// What `attune log` shows: which records pass its filters (--week, --since, --grep) and the
/// text renderer, one line per record. Pure: the front end reads the run and prints.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/exchange.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"
#include "attune/zone.hpp"

namespace attune {

/// The filters of `log`. `grep` is already folded (fold_ascii); empty means no --grep.
struct LogFilter {
  std::optional<unsigned> week;
  std::optional<Day> since;
  std::string grep;
  bool any() const { return week || since || !grep.empty(); }
};

/// Reads log's options against the run's plan and today. Throws Error(invalid) for a week
/// outside 1..plan.weeks ("--week 9 is not a week of the programme") or a DATE resolve_day
/// cannot read, Error(usage) for an empty --grep, in that order.
LogFilter make_log_filter(const Plan &plan, std::optional<unsigned> week,
                          const std::optional<std::string> &since,
                          const std::optional<std::string> &grep, Day today);

/// ASCII case folding, enough for ids and most notes; other bytes must match exactly.
/// "Dinner ÄB" -> "dinner ÄB" (only A-Z change).
std::string fold_ascii(std::string text);

/// The words of a record --grep looks in, folded: its exercise, note or reason, plan id,
/// joined by LF (so a needle never spans two of them).
std::string log_searchable(const Record &r);

/// A self-check's answers as log shows them: {3,4,1} -> "3,4,1", {} -> "".
std::string answers_text(const std::vector<int> &answers);

/// Whether log shows the record: never an undo; else it passes every filter. `pos` is the
/// programme position of the record's day.
bool log_shows(const Record &r, const Position &pos, const LogFilter &filter);

/// The records of `log --format json`, in journal order, `record.run` set to the programme's
/// number (as --run takes it).
std::vector<LogEntry> log_entries(const Plan &plan, const Run &run, const LogFilter &filter);

/// The time of day a record was written, "HH:MM" in `zone`, or five blanks when it was written
/// on another logical day than its own (backdated), where a time would mislead.
std::string log_clock(const Record &r, const Zone &zone, std::chrono::minutes day_start);

/// One record as a line of `log`, wrapped at `width`: "2026-11-24  W1 D2  21:05  done     x"
/// (day, programme week and day or blanks, clock), then what happened; the text of a note or
/// reason hangs at the column where it begins. `run_number` names the programme.
std::string render_log_line(const Record &r, const Position &pos, unsigned run_number,
                            const std::string &clock, std::size_t width);

/// `log` as text: the lines of the records that pass `filter`, or "Nothing recorded yet.\n"
/// ("Nothing recorded matches.\n" when a filter is set) when none does.
std::string render_log_text(const Plan &plan, const Run &run, const LogFilter &filter,
                            const Zone &zone, std::chrono::minutes day_start, std::size_t width);

} // namespace attune
