#pragma once
/// Pause and return (`attune pause`, `attune resume`, the welcome back): the rules, as pure
/// functions of (Plan, Run, today). A pause is care, never a failure: nothing here counts
/// what was missed.
#include <optional>
#include <string>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune {

/// A pause as asked for: `from` defaults to today (the front end fills it).
struct PauseRequest {
  Day from{};
  std::optional<Day> until; ///< inclusive; nullopt: open, until `resume` or the next check-in
  std::string reason;
};

/// Checks a new pause for `run` as of `today` and returns it; throws Error(invalid) (exit 2)
/// with a hint when it cannot be:
/// - `until` before `from`; `from` before the programme's start or after its last day;
/// - a day of it already holds a check-in (a done or a skip; notes and self-checks may be
///   written on any day): "2026-11-12 has a check-in, so it cannot be part of a pause";
///   an open pause overlaps every check-in from its first day on;
/// - a day of it is paused already, or another pause is still open.
/// Start 2026-11-02, done on 11-05: pause 11-06 .. 11-10 -> accepted; 11-04 .. 11-06 ->
/// refused, naming 11-05.
Pause decide_pause(const Plan &plan, const Run &run, Day today, const PauseRequest &request);

/// The day `attune resume` writes (today: the first day back) when a pause holds today or
/// began before it and is open; throws Error(invalid) when nothing is paused ("you are not
/// pausing") or the pause has not begun yet (hint: `attune undo` withdraws it).
Day decide_resume(const Run &run, Day today);

/// The open pause that holds `day` (began on or before it), or nullptr.
const Pause *open_pause(const Run &run, Day day) noexcept;

/// How many days a pause rests, counting an open one through `today` (0 before it begins).
/// 11-10 .. 11-14 -> 5; open from 11-10, today 11-12 -> 3.
unsigned pause_days(const Pause &pause, Day today) noexcept;

/// The welcome back after time away (`today`, interactive `checkin`).
struct Away {
  /// Scheduled days (programme days, not paused, with something planned) strictly between
  /// the last check-in (or the end of the last pause, or the day before the start) and
  /// today: the days without word. 0 when today is not an active programme day.
  unsigned away_days = 0;
  /// Calendar days since the last check-in (or since the start when there is none).
  unsigned since_days = 0;
  bool any_checkin = false; ///< a check-in exists before today
  Day from{};               ///< the first day of the gap (the pause the line offers)
  Day until{};              ///< the last day of the gap: yesterday
  /// True when away_days >= welcome_back_days: the line is shown.
  bool welcome = false;
};

/// Scheduled days without word before a welcome back is offered.
inline constexpr unsigned welcome_back_days = 3;

/// The rule. A check-in is a done or a skip. Start Mon 2026-11-02 (all daily), done Tue
/// 11-03, today Sat 11-07: Wed, Thu, Fri -> away_days 3, since_days 4, welcome, gap
/// 11-04 .. 11-06; today Fri 11-06 -> away_days 2, no welcome.
Away away(const Plan &plan, const Run &run, Day today);

/// The one warm line: "Welcome back: your last check-in was 4 days ago. If you were away,
/// 'attune pause --from 2026-11-04 --until 2026-11-06' counts that time as a pause; or simply
/// carry on from today." Never a count of what was missed. "" when !away.welcome.
std::string welcome_back_line(const Away &away);

/// The one kind line of a paused day: "You are pausing until 2026-11-14 (back on 11-15). Rest
/// well; nothing is due." / "You are pausing since 2026-11-10. 'attune resume' when you are
/// ready to come back."
std::string paused_line(Day from, const std::optional<Day> &until);

} // namespace attune
