#pragma once
/// Wording and formatting shared by the report renderers (private to src/core).
#include <string>

#include "attune/progress.hpp"

namespace attune::report_detail {

/// "Mon 2 Nov 2026".
std::string long_day(Day day);
/// "2 Nov".
std::string short_day(Day day);
/// 0.857 -> "86%".
std::string percent(double ratio);
/// 12.5 -> "+13 points", -3 -> "-3 points".
std::string points(double change);
/// "Week 3 · Day 17 of 42", "Starts Mon 2 Nov 2026", "Finished" ...
std::string position_line(const Progress &p);
/// "1 day" / "5 days".
std::string days_word(unsigned n);
/// The title of an exercise, or its id.
std::string title_of(const Exercise *e);
/// One kind sentence about the streak.
std::string streak_sentence(const Progress &p);
/// "A personal trend, not a diagnosis."
extern const char *const trend_disclaimer;
/// One kind sentence about the self-check (baseline, latest, change), or "" when none.
std::string self_check_sentence(const Progress &p);
/// Sparkline of self-check percents by week 0..weeks (" " for weeks not answered).
std::string sparkline(const Progress &p);

} // namespace attune::report_detail
