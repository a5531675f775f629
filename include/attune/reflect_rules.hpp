#pragma once
/// The rules of `attune reflect` and of the baseline offered at `start`: reading answers,
/// which week (or follow-up) a self-check is for, and the words around it. Pure: the front end
/// asks on the terminal and writes the record.
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
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

} // namespace attune
