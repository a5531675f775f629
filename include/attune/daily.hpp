#pragma once
/// What the daily commands (start, today, checkin, undo, log, reflect) share: the active run,
/// DATE arguments, exercise names, and the kind words for states. Pure: the front end and the
/// core's command functions (checkin_command.hpp) both use them.
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {

/// The run check-ins go to. Throws Error(no_data) with a hint to start when there is none.
const Run &require_active_run(const History &history);

/// The run the commands after the end look at (review, keep, undo, reflect): the active run,
/// else the newest one (ended with `attune end`). Throws Error(no_data) when none was started.
const Run &require_latest_run(const History &history);

/// Resolves a DATE argument (calendar.hpp resolve_day) for a run: refuses a day after
/// `today` and a day before the run's start, each with what is allowed.
Day resolve_run_day(const std::optional<std::string> &text, Day today, const Run *run);

/// Resolves what the user typed to an exercise id among `candidates` (id or unique prefix).
/// Unknown: lists the candidates with a did-you-mean. Ambiguous: lists the matches.
std::string match_exercise(const std::string &typed, const std::vector<std::string> &candidates,
                           const std::string &week_label);

/// "done", "skipped", "not_arisen", "open".
const char *state_word(ExerciseState state) noexcept;

/// "Week 3 · Day 17 of 42".
std::string position_line(const Position &pos);

/// "2 of 3 this week, today and 4 more days left", "2 of 2 this week, plus 1 extra" for
/// N-a-week items (count_quota), "" otherwise.
std::string weekly_progress(const DueItem &item);

/// A kind summary of a day, as a sentence: "All 3 for today are taken care of.",
/// "1 of 3 for 2026-11-04 taken care of, 1 more open this week."
std::string day_summary(const DayView &view, const std::string &label);

/// "your streak is 4 days" / "" when there is no streak yet.
std::string streak_phrase(const Streak &s);

/// Whether the clock reads before the day boundary: `today` (the logical day) is not the
/// calendar's day of `local_now`, so "today" is the calendar's yesterday (CheckinWording
/// early). With the day starting at 04:00, today 2026-03-09: at 2026-03-10 01:30 -> true;
/// today 2026-03-10 at 2026-03-10 09:00 -> false.
bool before_day_start(LocalTime local_now, Day today) noexcept;

} // namespace attune
