#pragma once
/// What `attune undo` withdraws: the commands that recorded something in a programme, and
/// the choice of one. A command is the records one append wrote (they share command_id).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"

namespace attune {

/// One command that recorded check-ins (done, skip, note, check) in a programme.
struct RecordedCommand {
  std::string id;              ///< command_id() of its records (16 hex digits)
  Instant recorded{};          ///< when it was recorded (its latest record)
  std::vector<Record> records; ///< its records still in effect, in file order
};

/// How many hex digits of a command id attune shows ("3f9c0a1b"); any unique prefix of
/// 4 or more is accepted back.
inline constexpr std::size_t short_command_id_length = 8;
std::string short_command_id(std::string_view id);

/// A command id as typed (4 to 16 hex digits, either case) in lowercase; throws
/// Error(invalid) with a hint for anything else (the text shown cut to 16 bytes and "...").
std::string parse_command_id(std::string_view text);

/// The commands of `run` with a record still in effect, newest first: by recorded instant,
/// then by the position of their last record in the run (the later line first).
/// Example: checkin at 09:00 writing done a + note n (cmd=a), reflect at 10:00 writing
/// check c -> [{c: c}, {a: a, n}].
std::vector<RecordedCommand> recorded_commands(const Run &run);

/// The command `attune undo [ID]` withdraws in `run` (the running programme): the newest
/// one when `id` is nullopt, else the one whose id starts with `id` (4 to 16 hex digits,
/// either case). Throws Error(no_data) when nothing is left to withdraw, Error(invalid) when
/// `id` is not such a prefix, matches no command of the journal, matches several, was
/// already withdrawn (the message says when) or belongs to another programme; each with a
/// hint. `journal` is the whole journal `run` was built from (for what was withdrawn).
RecordedCommand choose_undo(const Journal &journal, const Run &run,
                            const std::optional<std::string> &id);

/// Whether choose_undo(journal, run, id) can be answered from `run`'s own records: no id, or
/// an id that starts at least one command in effect in `run`. When false the answer is an
/// error whose words (withdrawn when, another programme's, unknown) need the whole journal.
///   run with commands a1.., c1..: nullopt -> true; "a1" -> true; "ff" -> false
bool undo_decided_by_run(const Run &run, const std::optional<std::string> &id);

/// The undo records withdrawing `command`: one per record, each with ref = its id, the
/// given ids (as many as records), `day`, `recorded`, `zone` and `run`. Appended together,
/// they are one command (see JournalStore::append).
std::vector<Record> undo_records(const RecordedCommand &command,
                                 const std::vector<std::string> &ids, Day day, Instant recorded,
                                 const std::string &zone, unsigned run);

/// What a command recorded, in words, for `undo` and `undo --list`:
///   "trigger done, catch-the-urge skipped and the note \"sunday dinner, stayed\" on 2026-11-05"
///   "the week 2 self-check on 2026-11-12"
/// Records for different days each name their day ("a done on 2026-11-04 and b done on
/// 2026-11-05"); a note longer than 40 characters is cut to 37 and "...".
std::string describe_command(const RecordedCommand &command);

/// One record in words, without its day: "trigger done", "the baseline self-check", ...
std::string describe_checkin(const Record &record);

} // namespace attune
