#pragma once
/// `attune start` as a core command: the --on rules, the number a new programme gets, the
/// refusal while one runs, the `end` (on --restart) and `start` records (built with
/// new_record) and the confirmation, as strings. The front end offers a plan, reads the
/// journal under the lock, saves the plan copy, appends, runs the hooks and prints.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/new_record.hpp"
#include "attune/plan.hpp"

namespace attune {

/// The first day of the new programme: `today`, or --on resolved (resolve_day). Refused
/// (Error(invalid), with what is allowed): a day that cannot be read, a day after `today`,
/// and a day more than plan.weeks * 7 - 1 days ago (the programme would already be over).
/// A six-week plan, today Wed 2026-11-04: "monday" -> 2026-11-02; "2026-09-24" (41 days ago)
/// -> 2026-09-24; "2026-09-23" -> "2026-09-23 is too long ago"; "tomorrow" -> refused.
Day start_day(const std::optional<std::string> &on, const Plan &plan, Day today);

/// The number a new start is written with (its claim) and the number it is shown as.
struct StartNumbers {
  unsigned claim = 0;
  unsigned shown = 0;
};

/// Past every number in use, shown or written: the claim is one more than the highest of
/// newest_run and every run's number and claim. The two differ only after two starts clashed
/// (some run's number is not its claim): then programmes are numbered by start, and the new
/// one, started last, is shown as runs + 1.
///   runs 1, 2 (claims 1, 2)          -> {3, 3}
///   runs 1, 2 (claims 1, 1; clashed) -> {2, 3}
StartNumbers start_numbers(const History &history);

/// The programme --restart ends, in words (the end is `today`):
/// "programme 1 (Toward secure, 2026-11-02 to 2026-11-20); it stays in your history
/// ('attune report --run 1')".
std::string ended_programme(const Plan &plan, const Run &run, Day today);

/// What `attune start` was asked, once the plan is chosen and --on resolved (start_day).
struct StartRequest {
  Day start{};          ///< the new programme's first day
  bool restart = false; ///< --restart: end the running programme first
};

/// What a start writes and says.
struct StartDecision {
  std::vector<Record> records; ///< `end` (on --restart, when one runs) then `start`, in order
  StartNumbers numbers;
  Day start{};
  /// With --restart: ended_programme of the run it ended; empty when nothing was running.
  std::string ended;
};

/// Decides a start of `plan` on `today`. `running_plan` is the plan of history.active()
/// (nullptr when there is none). A programme still running on `today` (not finished: not begun,
/// under way or paused) is refused without --restart: Error(invalid) "programme 1 is still
/// running (Week 1 · Day 3 of 42)" (or "(starting 2026-11-09)"), with how to restart; with
/// --restart an `end` of it on `today` comes first. The `start` record carries the claim, the
/// plan's id and hash.
StartDecision decide_start(const History &history, const Plan *running_plan, const Plan &plan,
                           Day today, const StartRequest &request, const RecordStamp &stamp);

/// The confirmation, each sentence wrapped to `width`: "Ended programme 1 (...)." (on a
/// restart), "Programme 2 started: Toward secure.", "6 weeks from 2026-11-02 to 2026-12-13;
/// today is Week 1 · Day 3 of 42." (no "today is" before the first day), then the plan's
/// notice when it has one.
std::string render_started(const Plan &plan, const StartDecision &decision, Day today,
                           std::size_t width);

} // namespace attune
