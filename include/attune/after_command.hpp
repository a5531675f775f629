#pragma once
/// `attune end`, `attune review` and `attune keep` as core commands: the refusals, the records
/// to append (built with new_record) and the confirmations, as strings. Pure: no clock, no I/O.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attune/after.hpp"
#include "attune/journal.hpp"
#include "attune/new_record.hpp"
#include "attune/plan.hpp"

namespace attune {

/// Text a person typed for the journal (a reason, an answer): refused with Error(invalid) when
/// it is not UTF-8 ("WHAT is not valid UTF-8 text") or only blanks ("WHAT is empty").
/// nullopt passes.
void check_journal_text(const std::optional<std::string> &text, const std::string &what);

/// The run `attune end` ends: the active one. Refused when the newest run was ended already
/// ("programme 2 has already ended"), or, with none started, with how to start.
const Run &run_to_end(const History &history);

/// `attune end` on `today`: the `end` record (with the reason, if given). Refused when the
/// programme already came to its end (today is after its last day).
/// Start Mon 11-02, 6 weeks: end on Fri 11-20 -> {end, 11-20}; on Mon 12-14 -> refused
/// "programme 1 already came to its end on 2026-12-13".
Record decide_end(const Plan &plan, const Run &run, Day today,
                  const std::optional<std::string> &reason, const RecordStamp &stamp);

/// "Programme 1 (NAME, START to TODAY) has ended. Stopping is a choice you are free to make..."
std::string render_end(const Plan &plan, const Run &run, Day today, std::size_t width);

/// `attune review` before the last day: refused, with the way to stop early.
void refuse_early_review(const Plan &plan, const Run &run, Day today);

/// Some answer is not blank (else nothing is saved).
bool has_review_answer(const ReviewTexts &texts);

/// The review's records: one per answer that is not blank, trimmed, in question order.
/// {"naming it ", "", "Sundays"} -> review helped "naming it", review keep "Sundays".
std::vector<Record> decide_review(const ReviewTexts &texts, const Run &run, Day today,
                                  const RecordStamp &stamp);

/// "Saved your review (2 answers). It is yours to return to: ..."
std::string render_review_saved(std::size_t answers, std::size_t width);

/// `attune keep`'s options, before anything is read: --stop takes no exercises, something to
/// keep is named, --times-per-week is 1 to 7. Throws Error(usage).
void check_keep_request(const std::vector<std::string> &exercises, unsigned times, bool stop);

/// `attune keep EXERCISE...` on `today`: one `keep` record per distinct exercise (id or unique
/// prefix among the plan's), N times a week. Refused before the programme's end and for more
/// than max_kept_exercises. Ended Sun 12-13, keep "bre" "share" on 12-16 -> {keep breathe
/// times 3, keep share times 3}.
std::vector<Record> decide_keep(const Plan &plan, const Run &run, Day today,
                                const std::vector<std::string> &exercises, unsigned times,
                                const RecordStamp &stamp);

/// `attune keep --stop`: the `keep_stop` record; refused when nothing is kept.
Record decide_keep_stop(const Run &run, Day today, const RecordStamp &stamp);

/// "Keeping breathe and share, 3 times a week each, in weeks counted from today. ..."
std::string render_keep(const std::vector<Record> &records, unsigned times, std::size_t width);

/// "Your kept practice has stopped; ..."
std::string render_keep_stop(std::size_t width);

} // namespace attune
