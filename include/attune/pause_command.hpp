#pragma once
/// `attune pause` and `attune resume` as core commands: the DATE and reason rules, the record
/// (built with new_record) and the confirmations, as strings. The pause rules are pause.hpp's.
#include <cstddef>
#include <optional>
#include <string>

#include "attune/journal.hpp"
#include "attune/new_record.hpp"
#include "attune/pause.hpp"
#include "attune/plan.hpp"

namespace attune {

/// A DATE for a pause: YYYY-MM-DD (past or future), or the words resolve_day knows. Throws
/// Error(invalid) naming `option`; a long value is cut to its first 32 bytes.
/// ("monday", Thu 2026-11-05) -> 2026-11-02; ("2026-12-01", ...) -> 2026-12-01.
Day parse_pause_day(const std::string &text, Day today, const char *option);

/// --reason, trimmed; "" when not given. Refused when not UTF-8 or only blanks.
std::string pause_reason(const std::optional<std::string> &reason);

/// The `pause` record of a decided pause (decide_pause): its first day, last day and reason.
Record pause_record(const Pause &pause, const Run &run, const RecordStamp &stamp);

/// "Paused from 11-06 until 11-08 (back on 11-09). Those days are neither planned nor missed;
/// your programme now ends on 12-16. Take good care." (`after`: the run with the pause).
std::string render_paused(const Plan &plan, const Run &after, const Pause &pause, Day today,
                          std::size_t width);

/// "Welcome back. Today is Week 2 · Day 10 of 42; your programme ends on 12-16. ..."
std::string render_resumed(const Plan &plan, const Run &after, Day today, std::size_t width);

} // namespace attune
