#pragma once
/// What `attune streak` shows as text (its JSON is report.hpp's render_streak_json). Pure:
/// the front end reads the run and computes the progress.
#include <cstddef>
#include <string>

#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {

/// How a day looks in the streak's row of the last days: a glyph and its SGR colour.
struct DayLook {
  const char *glyph;
  const char *sgr;
};

/// kept -> ● green ("32"), partial -> ◐ yellow, skipped -> ◇ cyan, missed -> ○ dim,
/// rest -> – dim, open (today) -> ◌ bold, future -> · dim: the report's symbols.
DayLook look_for(DayStatus status) noexcept;

/// "1 day", "14 days".
std::string days_text(unsigned n);

/// `streak` as text: before the start, when it begins; after the end with a kept practice,
/// its streak in weeks first; then the current and longest streak, the last 14 counted days
/// with a legend, the grace rule and what counts. `quiet` leaves out the explanations;
/// `color` paints with SGR codes; prose is wrapped at `width`.
std::string render_streak_text(const Plan &plan, const Run &run, const Progress &progress,
                               bool color, bool quiet, std::size_t width);

} // namespace attune
