#pragma once
/// Personal if-then plans (`attune cue`) and the rules of a week that introduces itself: the
/// cue in force for an exercise, when a week's introduction and cue offer are still owed,
/// and when the week's self-check is due. Pure functions of (Plan, Run, Day, text).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/limits.hpp"
#include "attune/new_record.hpp"
#include "attune/plan.hpp"

namespace attune {

/// Where the cue in force comes from: the plan, or the person (`attune cue`).
enum class CueSource { plan, mine };

/// "plan" or "mine" (the JSON `cue_source`).
std::string_view to_string(CueSource source) noexcept;

struct EffectiveCue {
  std::string text; ///< may be empty: the plan names no cue and the person set none
  CueSource source = CueSource::plan;
};

/// The person's cues in force in `run`, by exercise id: for each exercise the newest cue
/// record (latest `recorded`, the later line on a tie) wins, and an empty text (cleared)
/// removes it. Withdrawn (undone) records are already gone from a Run.
///   cue a "after lunch" 09:00, cue a "after dinner" 10:00 -> {a: "after dinner"}
///   cue a "after lunch" 09:00, cue a "" 10:00              -> {}
std::map<std::string, std::string> personal_cues(const Run &run);

/// The cue in force for `exercise`: the person's own from `cues` when there is one, else the
/// plan's. {a: "after dinner"}, exercise a (plan cue "after work") -> {"after dinner", mine};
/// exercise b -> {b's plan cue, plan}.
EffectiveCue effective_cue(const Exercise &exercise,
                           const std::map<std::string, std::string> &cues);

/// The cue text as it will be recorded: blanks trimmed. Throws Error(invalid) for text that
/// is not UTF-8, is empty, holds a line break or another control character, or is longer
/// than max_cue_bytes (limits.hpp), each with a hint ("  when I get home " -> "when I get home").
std::string check_cue_text(std::string_view text);

/// The exercises of week `week` that no earlier week had (by id) and that have no personal
/// cue in `cues`, in the week's order: what the weekly offer asks about. Week 1: all of them.
std::vector<const Exercise *> exercises_to_offer(const Plan &plan, unsigned week,
                                                 const std::map<std::string, std::string> &cues);

/// What attune remembers of the weeks it has introduced and offered cues for (a small state
/// file, harmless to lose: the introduction and the offer are then shown once more).
/// `programme` is the running programme's start record id.
struct WeekSeen {
  std::string programme;
  unsigned intro = 0; ///< the last week whose introduction `today` showed (0: none)
  unsigned offer = 0; ///< the last week whose cue offer was made (0: none)
};

/// The file's text: "attune-weeks-seen 1\nPROGRAMME INTRO OFFER\n".
std::string format_week_seen(const WeekSeen &seen);
/// Back from text; nullopt for anything that is not exactly such a file.
std::optional<WeekSeen> parse_week_seen(std::string_view text);

/// Whether week `week` of `programme` is new to what `seen` remembers for `kind`: true when
/// nothing is remembered, another programme is, or an earlier week is. A week already seen
/// stays seen even if the calendar moves back to it (a pause counted after the fact).
///   seen {p1, intro 2}: (p1, week 2) -> false; (p1, week 3) -> true; (p2, week 1) -> true
enum class WeekSeenKind { intro, offer };
bool week_is_new(const std::optional<WeekSeen> &seen, const std::string &programme, unsigned week,
                 WeekSeenKind kind);

/// `seen` with `week` of `programme` remembered for `kind` (another programme's memory is
/// dropped).
WeekSeen remember_week(const std::optional<WeekSeen> &seen, const std::string &programme,
                       unsigned week, WeekSeenKind kind);

/// The id the week memory knows a programme by: its start record id, else "run-N".
std::string programme_key(const Run &run);

/// True when `day` is the last day of a programme week of `run` (the next day falls in
/// another week, or after the end) and the run holds no self-check for that week.
/// Start Mon 2026-11-02: Sun 11-08 without a week-1 check -> true; with one -> false;
/// Sat 11-07 -> false; a day before the start or after the end -> false.
bool self_check_due(const Plan &plan, const Run &run, Day day);

/// The plan's first exercise with this id (the earliest week's), or nullptr.
const Exercise *find_plan_exercise(const Plan &plan, const std::string &id) noexcept;

/// What `attune cue EXERCISE [TEXT] [--clear]` does, given the cue in force (`now`).
enum class CueAction {
  show,         ///< neither a text nor --clear: say the cue in force
  already_plan, ///< --clear while the plan's cue is in force: nothing changes
  already_mine, ///< the same text as the person's own cue: nothing changes
  set,          ///< record the text as the person's cue
  clear,        ///< record an empty cue: back to the plan's
};

/// Refuses --clear together with a text (Error usage, naming `typed`), before anything is
/// read.
void check_cue_request(const std::string &typed, bool has_text, bool clear);

/// The rule. `text` is already check_cue_text()'d. Plan cue in force: --clear ->
/// already_plan; text "after dinner" -> set. Own cue "after dinner": "after dinner" ->
/// already_mine; --clear -> clear; neither -> show.
CueAction decide_cue(const EffectiveCue &now, const std::optional<std::string> &text, bool clear);

/// What `cue` says for `action` about `exercise` (id `id`), wrapped at `width`: the cue in
/// force ("Your cue: ...", "The plan's cue: ...", or that the plan names none), that nothing
/// changed, or what was saved. `text` is the new cue for set.
std::string render_cue_result(CueAction action, const Exercise &exercise, const EffectiveCue &now,
                              const std::optional<std::string> &text, std::size_t width);

/// The day a cue record carries: today, or the run's start while it has not begun (a cue set
/// before the start belongs to the programme). Start 2026-11-02: today 10-30 -> 11-02;
/// today 11-05 -> 11-05.
Day cue_record_day(const Run &run, Day today) noexcept;

/// The `cue` record of the person's cue `text` for exercise `exercise` ("" clears it: back to
/// the plan's), built through new_record on cue_record_day(run, today).
/// (run claim 1 from 2026-11-02, today 10-30, "name-it", "after dinner", stamp {"k1", ...})
///   -> {id "k1", type cue, day 2026-11-02, run 1, exercise "name-it", text "after dinner"}
Record cue_record(const Run &run, Day today, const std::string &exercise, const std::string &text,
                  const RecordStamp &stamp);

/// The cue records of the cues chosen in the weekly offer ((exercise id, cue), in order) for
/// the programme the offer was made in (`offered`), each a cue_record of the active run of
/// `history` (the journal read again under the lock). None when the programme changed
/// meanwhile (it ended, or another one started): there is nothing to attach the cues to.
std::vector<Record>
offered_cue_records(const History &history, const Run &offered,
                    const std::vector<std::pair<std::string, std::string>> &chosen, Day today,
                    const RecordStamp &stamp);

/// The weekly cue offer's opening for `count` new exercises (1: "A new exercise this week.
/// If you like, put its cue ..."), wrapped at `width`, after a blank line.
std::string render_cue_offer_intro(std::size_t count, std::size_t width);

/// One exercise of the offer: its title and id, the plan's cue (or that it names none), then
/// the prompt "    Your cue> " (no newline).
std::string render_cue_offer_item(const Exercise &exercise, std::size_t width);

/// An offered cue that was not saved: the reason and how to set it later.
std::string render_cue_not_saved(const std::string &reason, const std::string &id,
                                 std::size_t width);

/// After the offer: "Saved as your cue(s). 'attune cue EXERCISE --clear' returns to the
/// plan's." after a blank line.
std::string render_cues_saved(std::size_t count);

} // namespace attune
