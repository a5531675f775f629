#pragma once
/// The rules of `attune reflect` and of the baseline offered at `start`: reading answers,
/// which week (or follow-up) a self-check is for, and the words around it. Pure: the front end
/// asks on the terminal and writes the record.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/new_record.hpp"
#include "attune/plan.hpp"

namespace attune {

/// The plan's scale in words: scale 1..5 -> "1 to 5".
std::string scale_text(const SelfCheck &check);

/// One typed answer: a whole number of at most three digits on the plan's scale ("4" -> 4);
/// anything else ("", "x", "9" on 1..5, "0004") -> nullopt. No blanks are trimmed.
std::optional<int> parse_scale_answer(const std::string &text, const SelfCheck &check);

/// Parses "--answers 3,5,2,..." against the plan's scale and number of statements (plus the
/// distress question when the plan has one), blanks around each allowed. Throws
/// Error(invalid) naming the first bad answer and the scale ("answer 2 \"x\" is not on the
/// scale 1 to 5"), or the count ("got 2 answers for 3 statements").
std::vector<int> parse_answers(const std::string &text, const SelfCheck &check);

/// The --answers example in the hint when no terminal can be asked: the scale's lowest answer
/// once per answer, "1,1,1" for three statements on 1..5.
std::string example_answers(const SelfCheck &check);

/// The hint when a self-check is already recorded: the exact undo command that withdraws
/// `check` ("to redo it, run 'attune undo 3f9c0a1b' first (it withdraws only that
/// self-check)").
std::string redo_hint(const Record &check);

/// A programme week in a sentence: 0 -> "your starting point (baseline)", 3 -> "week 3".
std::string week_name(unsigned week);

/// A self-check as an error names it: followup 4 -> "the 4-week follow-up", week 0 -> "the
/// baseline self-check", week 3 -> "the self-check for week 3".
std::string check_name(unsigned week, unsigned followup);

/// Which self-check `reflect` takes on `day`.
struct ReflectTarget {
  /// 4 or 12: the follow-up self-check that many weeks after the end (then `week` is unused);
  /// 0: a programme week's self-check.
  unsigned followup = 0;
  unsigned week = 0; ///< the week it counts for (0 = the baseline)
  /// Set when the person may mean this week instead of the one that just ended (`week`): on a
  /// terminal the front end asks; otherwise it counts for `week` and the front end says how to
  /// move it. Never set when `chose`.
  std::optional<unsigned> other;
  bool chose = false; ///< --week or --baseline picked the week
};

/// Decides the target from the run's self-checks, `day`, --week and --baseline. After the
/// end (no --week, no --baseline): a due follow-up, else the last week's self-check while it
/// may still come late (until the first follow-up is due), else Error(invalid) naming the next
/// follow-up's day ("the next self-check is the follow-up on 2027-01-11, 20 days from now") or
/// that both are recorded. During the programme: reflect_week's choice; Error(usage) when
/// --baseline and --week N (N > 0) disagree, Error(invalid) for --baseline outside week 1
/// or --week after the current one.
ReflectTarget reflect_target(const Plan &plan, const Run &run, Day day,
                             std::optional<unsigned> week, bool baseline);

/// Throws Error(invalid) when the run already holds a programme-week self-check for `week`
/// ("the self-check for week 2 is already recorded", hint: redo_hint).
void require_week_free(const Run &run, unsigned week);

/// What `start` does about the baseline self-check: nothing (the plan has none, or --quiet),
/// a hint (not on a terminal: say how to take it later), or ask now.
enum class BaselineOffer { none, hint, ask };
BaselineOffer baseline_offer(const Plan &plan, bool quiet, bool terminal) noexcept;

/// One self-check as the person gave it: the week it counts for (or, after the end, the
/// follow-up), the day it counts on and the answers (items in order, then distress).
struct SelfCheckEntry {
  unsigned week = 0;     ///< 0 = the baseline; the plan's last week for a follow-up
  unsigned followup = 0; ///< 4 or 12 for a follow-up self-check, else 0
  Day day{};
  std::vector<int> answers;
};

/// The `check` record of `entry` for run `run_number` of `history` (the journal read again
/// under the lock), built through new_record. Throws Error(invalid) when that run already
/// holds it: the re-check under the lock after require_week_free ("the baseline self-check is
/// already recorded", hint: redo_hint). A run the history no longer holds (the journal changed
/// meanwhile) is still named: the record carries run_number.
/// (run 1 from 2026-11-02, {week 0, day 11-02, answers 3,4}, stamp {"c1", ...})
///   -> {id "c1", type check, day 2026-11-02, run 1, week 0, answers 3,4, followup 0}
Record self_check_record(const History &history, unsigned run_number, const SelfCheckEntry &entry,
                         const RecordStamp &stamp);

/// The kind line after a self-check (support_line_after_check), or "" when none is due: a
/// week's self-check is compared with the one of the highest earlier week, a follow-up with
/// the programme's last (the check before week plan.weeks + 1). `run` is the run before the
/// entry was recorded.
std::string self_check_support_line(const Plan &plan, const Run &run, const SelfCheckEntry &entry);

/// The line before the statements on a terminal: "Self-check for week 3.\n", "Self-check for
/// your starting point (baseline).\n".
std::string render_self_check_heading(unsigned week);

/// After a week's self-check is saved: "Saved the self-check for week 3. Thank you for taking a
/// moment to look inward; 'attune report' shows how it changes over the weeks.", wrapped.
std::string render_self_check_saved(unsigned week, std::size_t width);

/// When it counted for the week that just ended (`week`) without the person choosing: how
/// to move it to this week (`other`): "It counts for week 2, the week that just ended; to
/// count it for this week instead, run 'attune undo' and then 'attune reflect --week 3'.".
std::string render_counted_for_ended_week(unsigned week, unsigned other, std::size_t width);

/// Before the statements of a follow-up on a terminal: "The follow-up self-check, 4 weeks
/// after your programme: the same statements as before.", wrapped.
std::string render_followup_intro(unsigned followup, std::size_t width);

/// After a follow-up is saved: "Saved the 4-week follow-up. Thank you for checking in with
/// yourself; 'attune report' shows it beside the programme's self-checks.", wrapped.
std::string render_followup_saved(unsigned followup, std::size_t width);

/// When the person stops a self-check part way: "\nStopped; nothing saved. Come back to it
/// whenever you like.\n".
std::string render_self_check_stopped();

/// `start`'s baseline hint off a terminal (`statements` in the plan's self-check): "When you
/// have two minutes, 'attune reflect --baseline' takes a short self-check (6 statements) as
/// your starting point, any time this first week.", wrapped.
std::string render_baseline_hint(std::size_t statements, std::size_t width);

/// `start`'s baseline question on a terminal, wrapped, after a blank line; its last line ends
/// in a blank instead of a line break, for the answer: "\nWould you like to take the short
/// self-check now (6 statements), as your starting point? [Y/n] ".
std::string render_baseline_question(std::size_t statements, std::size_t width);

/// Whether a reply to the baseline question says yes: Enter, "y", "Y" or "yes", blanks around
/// it allowed. "n", "no", "x" -> false.
bool baseline_reply_yes(const std::string &reply);

/// What became of the baseline offered at `start`, and what is said about it.
enum class BaselineOutcome { declined, stopped, saved };
/// declined -> "No problem. You can take it any time this first week with 'attune reflect
/// --baseline'.\n"; stopped -> "\nStopped; nothing saved. You can take it any time with
/// 'attune reflect'.\n"; saved -> "\nThank you. Your starting point is saved.\n".
std::string render_baseline_outcome(BaselineOutcome outcome);

} // namespace attune
