#pragma once
/// `attune forget` as a core command: the target its options choose, and every sentence it
/// says, as strings. Which texts go and the journal without them are forget.hpp's; the front
/// end checks the terminal, reads, asks, locks, writes and prints.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/forget.hpp"
#include "attune/journal.hpp"

namespace attune {

/// What was typed: exactly one of them is a target.
struct ForgetRequest {
  std::optional<std::string> record; ///< --record ID
  std::optional<std::string> day;    ///< --day DATE
  bool all_notes = false;            ///< --all-notes
};

/// The one target chosen; a --day is resolved as every DATE (resolve_run_day: not after
/// `today`). None or several chosen: Error(usage) "say what to forget" / "choose one of
/// --record, --day, --all-notes", with how to say it.
///   {day "yesterday"}, today 2026-10-03 -> {By::day, 2026-10-02}
ForgetTarget forget_target(const ForgetRequest &request, Day today);

/// The texts `ids` (texts_to_forget) name, counted by kind in a fixed order (notes, skip
/// reasons, pause reasons, reasons for ending, review answers, cues):
///   {note} -> "1 note";  {note, note, skip} -> "2 notes and 1 skip reason";
///   {review, end, cue, cue} -> "1 review answer, 1 reason for ending and 2 cues".
std::string describe_forget_texts(const Journal &journal, const std::vector<std::string> &ids);

/// The question asked on a terminal before erasing (no line end: the answer follows):
/// "Erase the text of 1 note from the journal? The words cannot be brought back. [y/N] "
/// (a --day target names its day: "... of 2 notes from 2026-10-02 from the journal? ...").
std::string forget_question(const std::string &texts, const ForgetTarget &target);

/// Whether the answer to forget_question is yes: "y", "Y", "yes", "Yes"; anything else is no.
bool forget_answer_is_yes(const std::string &answer);

/// "Nothing was erased.\n": the answer was no.
std::string forget_declined();

/// "Nothing to forget: no note, reason, review answer or cue holds any text.\n" (a --day
/// target adds " on 2026-10-02").
std::string forget_nothing(const ForgetTarget &target);

/// The warning when `unreadable` damaged lines name an erased record (kept as they are):
///   1 -> "1 damaged line names an erased record and was left as it is; it may still hold
///         the text";  2 -> "2 damaged lines name erased records and were left as they are;
///         they may still hold the text"
std::string forget_damaged_warning(std::size_t unreadable);

/// What forget says when done: "Erased the text of 2 notes. The journal keeps a count of what
/// was erased, never the words.\nCopies made earlier (exports, backups) still hold them.\n".
std::string forget_done(const std::string &texts);

} // namespace attune
