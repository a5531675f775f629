#pragma once
/// What is due and how it went: pure functions of (Plan, Run, today). No I/O, no clock.
#include <optional>
#include <string>
#include <vector>

#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune {

enum class Phase {
  not_started, ///< today is before the run's start day
  active,      ///< within days 1 .. weeks*7
  finished,    ///< past the last day, or ended early
};

/// Where a day falls in a run. Programme week N is days 7(N-1)+1 .. 7N from the start day,
/// not calendar weeks. Start Thu 2026-11-05: Thu 11-05 is week 1 day 1, Wed 11-11 week 1
/// day 7, Thu 11-12 week 2 day 8.
struct Position {
  Phase phase = Phase::not_started;
  unsigned week = 0;       ///< 1..weeks when active, 0 otherwise
  unsigned day = 0;        ///< 1..total_days when active, 0 otherwise
  unsigned total_days = 0; ///< weeks * 7
  Day start{};
  Day last{}; ///< the programme's last day (start + total_days - 1)
};

/// The position of `day` in a run of `plan` that starts on `start`.
Position position(const Plan &plan, Day start, Day day) noexcept;

enum class ExerciseState { open, done, skipped };

/// One exercise as it stands on a given day.
struct DueItem {
  const Exercise *exercise = nullptr;
  ExerciseState state = ExerciseState::open; ///< on that day (done/skipped that day)
  bool due_today = false;   ///< scheduled on that very day: daily, or on that weekday
  unsigned week_done = 0;   ///< done so far this programme week (up to and including the day)
  unsigned week_target = 0; ///< planned for this programme week
  unsigned days_left = 0;   ///< days left in this programme week after the day
  std::string skip_reason;  ///< when skipped with a reason
};

/// The exercises of the day's programme week that are due that day or still open that week
/// (N-a-week ones with week_done < week_target), plus anything done or skipped that day.
struct DayView {
  Position pos;
  const Week *week = nullptr; ///< nullptr unless pos.phase == active
  std::vector<DueItem> items;
};

/// What a day looks like for a run. The plan must outlive the view.
DayView day_view(const Plan &plan, const Run &run, Day day);

/// Current and longest streak of kept days, up to and including `today`.
/// A day is kept when every exercise due that day is done or skipped; a day with nothing due
/// neither extends nor breaks a streak; an unfinished today does not break it.
struct Streak {
  unsigned current = 0;
  unsigned longest = 0;
};

Streak streak(const Plan &plan, const Run &run, Day today);

} // namespace attune
