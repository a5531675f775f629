#pragma once
/// What `attune remind` decides and says: whether something for today is still open, as a
/// value (Reminder), and its one-line text and JSON. Pure: the front end reads the journal,
/// the plan and the clock, prints, notifies and picks the exit status.
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {

/// idle: no programme; clear: nothing open; open: something is; paused: resting.
enum class RemindState { idle, clear, open, paused };

/// "idle", "clear", "open", "paused" (the JSON `state`).
const char *to_string(RemindState state) noexcept;

/// One practice still open today.
struct RemindItem {
  std::string id;
  std::string title;
  bool due_today = false;
  unsigned week_done = 0;
  unsigned week_target = 0;
};

struct Reminder {
  RemindState state = RemindState::idle;
  Day day{};
  unsigned week = 0;
  unsigned day_number = 0;
  std::vector<RemindItem> open;
  bool maintenance = false;             ///< after the end, a kept practice is running
  std::optional<unsigned> followup_due; ///< 4 or 12: that follow-up self-check is due
  /// The last day of a programme week with no self-check for it (cue.hpp self_check_due).
  bool self_check_due = false;
};

/// Open today: not yet done or skipped today, and either scheduled today (daily, or on this
/// weekday) or planned N times a week and done fewer than N times so far this programme week.
/// A 3-a-week exercise done twice by Wednesday stays open each day until the third time. A
/// when-it-arises exercise is never open: remind never nags about a situation.
bool is_open(const DueItem &item);

/// The decision for `today`. `run` nullptr (no programme, see today_view.hpp run_to_show):
/// idle. Paused: paused, with nothing listed. Before the start: idle. After the end: the kept
/// exercises open this maintenance week and a follow-up due make it open, a kept practice
/// with nothing open clear, otherwise idle. Start Mon 2026-11-02, all daily, nothing done,
/// today 11-04 -> open, week 1, day 3, every exercise listed.
Reminder decide_remind(const Plan *plan, const Run *run, Day today);

/// "2 practices open today: stay-present, name-a-feeling" (empty when nothing is open); after
/// the end, "...; the 4-week follow-up self-check is due ('attune reflect')". Not printable()d.
std::string remind_summary(const Reminder &r);

/// The text `remind` prints: "attune: SUMMARY" when open (left out when `notified`: the
/// desktop showed it), then on the last day of a week without its self-check "attune: today
/// ends week N; its self-check is there when you are ready ('attune reflect')". "" otherwise.
std::string render_remind_text(const Reminder &r, bool notified);

/// One line of JSON (fields in attune(1)), ending with a newline.
std::string render_remind_json(const Reminder &r);

} // namespace attune
