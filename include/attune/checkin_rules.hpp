#pragma once
/// Rules of a check-in that the front end must not decide: what a skip may name, what is
/// open for `--all` / `--skip-all`, and which earlier days the interactive check-in offers.
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {

/// Why recording a skip is refused, in attune's words, with a hint.
struct SkipRefusal {
  std::string message;
  std::string hint;
};

/// A skip says "it was planned and I did not do it". So a skip of an exercise planned on
/// certain weekdays is refused on any other day (a rest day needs no skip, and the planned
/// day would stay missed). A daily exercise is planned every day, and a skip of an N-times-a-
/// week exercise counts against its weekly quota whatever the day: both are always accepted.
/// Worked example: "body-check" on Monday, Wednesday and Friday, skipped on Tuesday 2026-11-03
/// -> refused: "body-check is planned on Monday, Wednesday and Friday, not on Tuesday
/// 2026-11-03", hint "a day it is not planned needs no skip; to skip Monday, add --date
/// monday" (the planned day just before). Skipped on Wednesday -> nullopt.
std::optional<SkipRefusal> refuse_skip(const Exercise &exercise, Day day);

/// What is open on the view's day, in plan order: what `today` shows as open and `remind`
/// reminds of, and what `checkin --all` records as done (`--skip-all` as skipped). Open means
/// nothing recorded that day, and either scheduled that day (daily, or on that weekday) or
/// planned N times a week with the week not met as of that day (count_quota). Thursday with
/// catch-the-urge (daily) done, body-check (Mon/Wed/Fri) not due, trigger-note (2 a week,
/// done once) -> {trigger-note}; once trigger-note is done twice that week -> {}.
std::vector<const Exercise *> open_exercises(const DayView &view);

/// The when-it-arises exercises of the view's day with nothing recorded that day, in plan
/// order: never open (open_exercises leaves them out), but the interactive check-in asks
/// "done / didn't come up / not yet?" about them. Thursday with catch-the-urge (when it
/// arises) silent and settle-first (when it arises) recorded as not arisen -> {catch-the-urge}.
std::vector<const Exercise *> situational_unrecorded(const DayView &view);

/// "It did not come up" belongs to a when-it-arises exercise only: for any other, the refusal
/// (a scheduled exercise was planned whatever happened: a skip says it was not done).
/// "body-check" (Mon/Wed/Fri) -> refused: "body-check is not a when-it-arises exercise",
/// hint "--not-arisen is for an exercise tied to a situation; to say it was not done, use
/// --skip body-check". "catch-the-urge" (when it arises) -> nullopt.
std::optional<SkipRefusal> refuse_not_arisen(const Exercise &exercise);

/// What an earlier day left unanswered: exercises scheduled that day (daily, or on that
/// weekday) with nothing recorded. N-a-week ones are never owed on a particular day, so they
/// are asked about today only.
std::vector<const Exercise *> unanswered_exercises(const DayView &view);

/// The days before `today` in today's programme week (never before the start) that leave
/// something unanswered, newest first, as habitctl asks after a gap. Week from Monday, today
/// Thursday, Monday answered, Tuesday and Wednesday not -> {Wednesday, Tuesday}. Empty when
/// today is outside the programme.
std::vector<Day> unanswered_days(const Plan &plan, const Run &run, Day today);

} // namespace attune
