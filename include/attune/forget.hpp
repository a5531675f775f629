#pragma once
/// `attune forget`: which texts to erase (notes, the reasons of skips, pauses and ends, review
/// answers, cues), and the journal without them.
/// The front end takes the lock, reads the text, asks, and replaces the journal
/// (JournalStore::replace_journal), so the erased bytes leave the file all or nothing.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/new_record.hpp"

namespace attune {

/// What to forget: one record, every text of one day, or every text.
struct ForgetTarget {
  enum class By { record, day, all_notes };
  By by = By::all_notes;
  std::string record_id; ///< By::record
  Day day{};             ///< By::day: records counted for this day (their DAY field)
};

/// Every kind of text forget erases, for a sentence: the reasons are those given for a skip,
/// a pause or an end.
inline constexpr const char *forget_kinds = "note, reason, review answer or cue";

/// The ids of the records whose text goes, in file order: notes, skips, review answers and
/// cues with a non-empty text, withdrawn (undone) ones too, since undo leaves their text in
/// the file. An erased cue reads as cleared: the plan's cue applies again.
/// By::record throws Error(invalid) for an id that is not a record here and Error(no_data)
/// for a record that holds no text (a done, or a text already erased); the others may
/// return an empty list.
///   notes a (2026-01-05), b (2026-01-06, withdrawn), skip c (no reason):
///   all_notes -> {a, b};  day 2026-01-06 -> {b};  record c -> no_data
std::vector<std::string> texts_to_forget(const Journal &journal, const ForgetTarget &target);

/// The journal text with the text of every line whose id is in `ids` erased (every copy of
/// it; a note keeps its record with `text=` empty, a skip loses its reason; the line gets a
/// new checksum), then `appended` records. Other lines are kept byte for byte, as are lines
/// that cannot be read (they are counted in `unreadable_with_id`); a torn last line is
/// closed with a LF before `appended`.
struct ErasedJournal {
  std::string text;
  std::size_t erased_lines = 0;       ///< lines rewritten without their text
  std::size_t unreadable_with_id = 0; ///< damaged lines naming one of `ids`: kept as they are
};
ErasedJournal erase_texts(std::string_view journal_text, const std::set<std::string> &ids,
                          const std::vector<Record> &appended);

/// The most ids one `forgotten` record lists; more make several records (a line stays short).
inline constexpr std::size_t max_refs_per_record = 500;

/// `forgotten` records for `ids`, on `day` with the command's stamp (a fresh id each, its
/// instant and zone; run 0: they belong to no programme), at most max_refs_per_record ids
/// each.
std::vector<Record> forgotten_records(const std::vector<std::string> &ids, Day day,
                                      const RecordStamp &stamp);

/// The journal's records without note and skip-reason text, for sharing (`--no-notes`):
/// note, review and forgotten records are left out, skips keep their exercise without the reason.
std::vector<Record> without_notes(const std::vector<Record> &records);

/// A run for sharing (`--no-notes`): its records without_notes and its pauses worked out
/// again from them, so not one word of a note, a skip's reason or a pause's reason is left.
/// {done a, note "x", pause reason "away"} -> records {done a, pause ""}, pauses {reason ""}.
Run run_without_notes(Run run);

/// without_notes for one record (a streaming export): false when it is left out, else its
/// text is cleared. {note "x"} -> false; {skip exercise "a", reason "tired"} -> true, reason "".
bool keep_without_notes(Record &record);

} // namespace attune
