// What `attune streak` shows as text (streak_view.hpp).
#include "attune/streak_view.hpp"

#include "attune/after.hpp"
#include "attune/calendar.hpp"
#include "attune/text.hpp"

namespace attune {

namespace {

std::string weeks_text(unsigned n) {
  return std::to_string(n) + (n == 1 ? " week" : " weeks");
}

/// After the end, the kept practice's streak in maintenance weeks (after.hpp), or "".
std::string kept_practice_text(const Plan &plan, const Run &run, const Progress &p, bool quiet,
                               std::size_t width) {
  const Maintenance kept = maintenance_of(run);
  if (!kept.exists || !programme_over(plan, run, p.today))
    return {};
  const auto weeks = maintenance_weeks(plan, kept, run, p.today);
  const Streak ks = maintenance_streak(weeks);
  std::string line =
      std::string(kept.active ? "Your kept practice" : "Your kept practice (stopped)") + ": " +
      (ks.current > 0 ? "current streak " + weeks_text(ks.current)
                      : std::string("no current streak")) +
      (ks.longest > 0 ? ", longest " + weeks_text(ks.longest) : std::string()) + ".";
  if (kept.active && !weeks.empty()) {
    std::vector<std::string> now;
    for (const MaintenanceItem &item : weeks.back().items)
      now.push_back(printable(item.exercise) + " " + kept_progress(item));
    line += " So far: " + join(now, "; ") + ".";
  }
  std::string out = wrap_words(line, width, "", "");
  if (!quiet)
    out += wrap_words("A kept week is one where each exercise reached its times a week. "
                      "The programme's own streak:",
                      width, "", "");
  return out;
}

} // namespace

DayLook look_for(DayStatus s) noexcept {
  switch (s) {
  case DayStatus::kept:
    return {"\xe2\x97\x8f", "32"};
  case DayStatus::partial:
    return {"\xe2\x97\x90", "33"};
  case DayStatus::skipped:
    return {"\xe2\x97\x87", "36"};
  case DayStatus::missed:
    return {"\xe2\x97\x8b", "2"};
  case DayStatus::rest:
    return {"\xe2\x80\x93", "2"};
  case DayStatus::open:
    return {"\xe2\x97\x8c", "1"};
  case DayStatus::future:
    break;
  }
  return {"\xc2\xb7", "2"};
}

std::string days_text(unsigned n) {
  return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string render_streak_text(const Plan &plan, const Run &run, const Progress &p, bool color,
                               bool quiet, std::size_t width) {
  if (p.pos.phase == Phase::not_started)
    return "Your programme begins on " + format_day(p.pos.start) +
           ". Streaks start counting then.\n";
  std::string out = kept_practice_text(plan, run, p, quiet, width);
  if (p.streak.current > 0)
    out += "Current streak: " + paint(color, "1", days_text(p.streak.current)) + ".";
  else
    out += "No current streak: any day is a good day to begin again.";
  if (p.streak.longest > 0)
    out += " Longest: " + days_text(p.streak.longest) + ".";
  out += "\n";

  // The last 14 counted days, oldest first, with the same symbols as the report.
  std::size_t end = 0;
  while (end < p.days.size() && p.days[end].day <= p.through)
    ++end;
  const std::size_t begin = end > 14 ? end - 14 : 0;
  if (end > begin) {
    out += "Last " + days_text(static_cast<unsigned>(end - begin)) + ":";
    for (std::size_t i = begin; i < end; ++i) {
      const DayLook l = look_for(p.days[i].status);
      out += " " + paint(color, l.sgr, l.glyph);
    }
    out += "\n";
    if (!quiet)
      out += "\xe2\x97\x8f kept  \xe2\x97\x87 skipped  \xe2\x97\x90 partly  \xe2\x97\x8b "
             "no check-in  \xe2\x80\x93 rest day  \xe2\x97\x8c today\n";
  }
  if (!quiet) {
    if (plan.streak.grace_days > 0)
      out += "Up to " + days_text(plan.streak.grace_days) +
             " in a row can be missed without breaking a streak.\n";
    // Each line fits 80 columns.
    out += "A skipped day still counts as kept; a day with nothing planned is a rest.\n";
  }
  return out;
}

} // namespace attune
