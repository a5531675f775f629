#pragma once
/// What `attune today` decides and shows: the day of the programme (or what comes after its
/// end), as a value, and its text and JSON renderers. Pure: the front end reads the journal,
/// the plan, the clock and the week memory, and prints what these return.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "attune/after.hpp"
#include "attune/calendar.hpp"
#include "attune/cue.hpp"
#include "attune/daily.hpp" // state_word, position_line, weekly_progress, day_summary
#include "attune/journal.hpp"
#include "attune/json.hpp"
#include "attune/pause.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {

/// The run `today` and `remind` look at: the active one, else ended_run (after.hpp); nullptr
/// when none.
const Run *run_to_show(const History &history);

/// A kept item's title as shown (printable): the plan's title, else its id.
std::string kept_title(const MaintenanceItem &item);

/// Everything `today` shows for one day of a run. The plan and run must outlive it.
struct TodayView {
  const Plan *plan = nullptr;
  const Run *run = nullptr;
  Day today{};       ///< the clock's day
  Day day{};         ///< the day shown (--date), never after today
  DayView view;      ///< day_view(plan, run, day)
  bool over = false; ///< programme_over(plan, run, day): only what comes after is shown
  std::map<std::string, std::string> cues; ///< the person's own cues (personal_cues)
  Away away;                               ///< the welcome back (pause.hpp away)
  /// Today's own view of an active programme day: the week's introduction and cue offer
  /// may come (never for another day, a pause, before the start or after the end).
  bool this_week = false;
  bool intro = false; ///< the week's rationale follows its theme (today_intro)
};

/// The decision for `today --date day` on `today`. Start Mon 2026-11-02 (6 weeks): day
/// 11-04 -> week 1, day 3 of 42, this_week when day == today; day 2026-12-20 -> over.
TodayView decide_today(const Plan &plan, const Run &run, Day today, Day day);

/// Whether the text view introduces its week: this_week, not --quiet, and the week is new to
/// the memory (cue.hpp week_is_new, kind intro). The caller remembers it after printing.
bool today_intro(const TodayView &view, bool quiet, const std::optional<WeekSeen> &seen);

/// The day as text, every line wrapped at `width` columns; an exercise's lines hang at
/// column 13, under its title. A paused day is one kind line; before the start one line;
/// after the end only render_after_today_text. On the last day the review offer follows.
std::string render_today_text(const TodayView &view, bool color, std::size_t width);

/// The day as `today --format json` (fields in attune(1)); ends without a newline.
std::string render_today_json(const TodayView &view);

/// `today` with no programme: the two kind lines that point to `attune start`.
std::string render_no_programme_text(std::size_t width);

/// `today --format json` with no programme: {"schema":..,"date":..,"phase":"none",
/// "exercises":[]}.
std::string render_no_programme_json(Day day);

/// The text `today` shows once the programme is over (the day is after its end), or on its
/// last day the lines added after the list (the review offer); "" on other days.
std::string render_after_today_text(const Plan &plan, const Run &run, Day day, bool color,
                                    std::size_t width);

/// The keys `today --format json` adds: review_offered, maintenance, followup_due.
void write_after_today_json(JsonWriter &json, const Plan &plan, const Run &run, Day day);

} // namespace attune
