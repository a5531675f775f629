#pragma once
/// `attune checkin` as a core command: from what was asked for (the parsed options and the
/// answers gathered on a terminal), the run and its plan and the day, the records to append
/// and what to say about them. The programme's check-in and the kept practice's check-in
/// (after the end, after.hpp) go through the same record loop. Pure: no clock, no I/O.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "attune/after.hpp"
#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/new_record.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {

/// What a check-in asks for: the options as parsed, plus the answers of the interactive
/// check-in (skip reasons, earlier days) once gathered.
struct CheckinRequest {
  std::vector<std::string> done; ///< ids or unique prefixes, as typed
  std::vector<std::string> skip;
  /// When-it-arises exercises whose situation did not come up that day.
  std::vector<std::string> not_arisen;
  std::optional<std::string> reason; ///< --reason: for every skip without its own
  /// Reasons given per skip in the interactive check-in (over --reason).
  std::map<std::string, std::string> skip_reasons;
  std::optional<std::string> note;
  std::optional<std::string> date; ///< --date as typed
  bool all = false;                ///< everything open that day done (but what --skip names)
  bool skip_all = false;           ///< everything open that day skipped (but what is named done)
  /// Answers for earlier days of the week, from the interactive check-in (newest first).
  struct Earlier {
    Day day{};
    std::vector<std::string> done, skip;
  };
  std::vector<Earlier> earlier;

  /// Something was named on the command line (else a terminal is asked).
  bool names_something() const noexcept;
  /// Nothing at all to record (after the questions: "Nothing recorded. That is fine").
  bool empty() const noexcept;
};

/// Refuses, before anything is read, options that cannot mean anything: --all with
/// --skip-all, --all with names, --skip-all with --skip, nothing named off a terminal
/// (`can_ask` false), a note or reason that is not UTF-8 or only blanks, --reason without a
/// skip. Throws Error (usage or invalid). `examples` gives exercise ids for the hints (asked
/// only when an error needs them). `checkin --reason "long day"` -> "--reason goes with
/// --skip or --skip-all", hint "e.g. 'attune checkin --skip b --reason "a long day"'".
void check_checkin_request(const CheckinRequest &request, bool can_ask,
                           const std::function<std::vector<std::string>()> &examples);

/// A paused day takes no check-in, unless it ends an open pause (`ends_open_pause`: today in
/// an open pause, which the check-in ends). Throws Error(invalid) with the way back.
/// Paused from 2026-11-10 until 11-12, checkin --date 2026-11-11 on 11-13 -> "2026-11-11 is a
/// day of your pause (from 2026-11-10 until 2026-11-12), so it takes no check-ins".
void refuse_paused_day(const DayView &view, Day day, Day today, bool ends_open_pause);

/// A day after the programme's end (with no kept practice to take it) takes no check-in of
/// the programme's: throws Error(invalid) "the programme ended on LAST, so DAY cannot take
/// check-ins".
void refuse_ended_day(const DayView &view, Day day);

/// The request with every name resolved against the view's week (id or unique prefix; another
/// week's exercise is named as such), skips and not-arisen checked (checkin_rules), an
/// exercise named two ways refused, and --all / --skip-all expanded to what is open that day
/// but what was named the other way. Throws Error for a name it cannot take.
/// Week 1 {a daily, b Mon/Wed/Fri}, Wednesday, `--all --skip b` -> done {a}, skip {b}.
CheckinRequest resolve_checkin_request(CheckinRequest request, const Plan &plan,
                                       const DayView &view, Day day);

/// --all / --skip-all found nothing open (and no note): nothing to record that day.
bool nothing_open(const CheckinRequest &resolved) noexcept;

/// What one check-in decided.
struct CheckinOutcome {
  Day day{};
  /// The `resume` that ends an open pause (today, in a pause): written first, and only with
  /// the records below.
  std::optional<Record> resume;
  std::vector<Record> records;            ///< the check-in's own records, in order
  std::vector<std::string> saved;         ///< "a done", "b skipped", "a note"
  std::vector<std::string> already;       ///< "a (done)": named but recorded before
  std::vector<std::string> earlier_saved; ///< "2026-11-04: a done, b skipped"

  /// What to append: the resume (if any) and the records; empty when there are no records.
  std::vector<Record> to_append() const;
};

/// The programme's check-in for `day` (resolved, see resolve_checkin_request) on the active
/// run: ends an open pause when `day` is today, refuses a paused day, then one record per
/// name still open that day (an already-answered one is listed in `already`), the earlier
/// days' answers where still unanswered, and the note.
/// Mon 2026-11-02 start, a done on Wed 11-04; checkin a b on 11-04 -> records {b done},
/// saved {"b done"}, already {"a (done)"}.
CheckinOutcome decide_checkin(const Plan &plan, const Run &active, Day day, Day today,
                              const CheckinRequest &resolved, const RecordStamp &stamp);

/// The run as it stands after the check-in: the resume (if any) and the records appended.
Run run_after_checkin(const Run &active, const CheckinOutcome &outcome);

/// The kept practice's check-in (after the end): names matched among the kept exercises,
/// --all / --skip-all over the kept items still open and not met that week, then the same
/// record loop as decide_checkin fed the maintenance items. Refuses as
/// refuse_kept_checkin says. Keep a, b on Mon 12-14; checkin a on Wed 12-16 -> {a done}.
CheckinOutcome decide_kept_checkin(const Plan &plan, const Run &run, Day day,
                                   const CheckinRequest &request, const RecordStamp &stamp);

/// The kept items the interactive kept check-in asks about: open that day and not met yet.
std::vector<MaintenanceItem> kept_items_to_ask(const std::vector<MaintenanceItem> &items);

/// How a confirmation is worded: the day it went to and the screen.
struct CheckinWording {
  Day today{};
  /// Before the day boundary: today is the calendar's yesterday ("before 04:00 still counts
  /// as the day before"); `day_starts` is that time, "04:00".
  bool early = false;
  std::string day_starts;
  RecordedDay recorded_day = utc_day; ///< for the streak's late-skip rule
  bool quiet = false;                 ///< --quiet: only what was not saved is said
  std::size_t width = 80;
};

/// The lines after a programme check-in, wrapped: "Already recorded for DAY: a (done).",
/// "Saved for today: b done. All 2 for today are taken care of. You have a streak of 3
/// days.", and one "Saved for DAY: ..." per earlier day. `after` is the run with the records.
std::string render_checkin(const CheckinOutcome &outcome, const Plan &plan, const Run &after,
                           const CheckinWording &how);

/// "Nothing is open for today; nothing recorded." (or for DAY, another day).
std::string nothing_open_line(Day day, Day today);

/// The day's note as recorded, from the interactive check-in: the prompts' answers first,
/// then the free note, joined with " / "; nullopt when there is none.
/// {"Breathe: calm", "a long day"} -> "Breathe: calm / a long day"; {} -> nullopt.
std::optional<std::string> checkin_note(const std::vector<std::string> &parts);

/// After the questions, nothing to record (a paragraph of its own):
/// "\nNothing recorded. That is fine; come back when you are ready.\n".
std::string nothing_recorded_line();

/// The question that ends an open pause on a terminal, wrapped to `width` (the answer is
/// typed after it): paused since 2026-11-10 -> "You are pausing since 2026-11-10. Welcome
/// back: end the pause and check in for today? [Y/n]".
std::string end_pause_question(Day from, std::size_t width);

/// The answer was no: "\nYour pause goes on; nothing recorded. Rest well.\n".
std::string pause_goes_on_line();

/// A check-in named on the command line ends the open pause (a note, said on stderr):
/// paused since 2026-11-10 -> "your pause since 2026-11-10 ends with this check-in: welcome
/// back".
std::string pause_ends_note(Day from);

/// The kept check-in has nothing left to ask on `day`: "\nEverything you keep is taken care
/// of for 2026-12-16.\n".
std::string kept_all_taken_care_line(Day day);

/// The lines after a kept check-in: already recorded, "Nothing is open for today; nothing
/// recorded." when nothing was, else "Saved for today: a done. So far: a 1 of 3 this week,
/// 6 days left." (`after`: the run with the records).
std::string render_kept_checkin(const CheckinOutcome &outcome, const Plan &plan, const Run &after,
                                const CheckinWording &how);

} // namespace attune
