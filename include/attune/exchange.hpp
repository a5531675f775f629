#pragma once
/// Moving a whole journal out and back in (`attune export`, `attune import`), exactly.
///
/// JSON (documented in attune-journal(5), EXPORT FORMATS):
///   {"format": "attune-export", "version": 1,
///    "records": [ {"id": ..., "type": ..., "day": ..., "recorded": ..., "zone": ..., "run": N,
///                  the fields of the type: plan, hash | exercise [, reason] | text |
///                  week, answers | ref, "cmd" when the record has one, and "hex" when
///                  needed}, ... ],
///    "plans": {HASH: "the TOML text of the plan copy", ...}}
///   one record per line, in journal order.
/// CSV: the header `csv_header()` then one row per record, CRLF line ends, no plans.
/// A text field whose bytes are not valid UTF-8 (possible only in old journals) is written
/// as lowercase hex, and the record's `hex` lists those fields (JSON: an array of key names;
/// CSV: column names separated by spaces), so every byte round-trips.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/json.hpp"
#include "attune/limits.hpp"

namespace attune {

enum class ExchangeFormat { json, csv, journal };

/// "json", "csv", "journal".
std::string_view to_string(ExchangeFormat format) noexcept;

/// The largest file `import` reads: as large as a journal may be, so a journal file attune
/// wrote can always be imported.
inline constexpr std::size_t max_import_bytes = max_journal_bytes;

/// Where a streaming writer puts its output, in pieces, in order.
using ByteSink = std::function<void(std::string_view)>;
/// Hands every record to export, in order, to the function given (a whole journal need
/// not be in memory: see export_stream.hpp).
using RecordFeed = std::function<void(const std::function<void(const Record &)> &)>;

/// Whether `text` is the plan copy saved under `hash` (plans/HASH.toml, an export's
/// "plans"): UTF-8 (a plan is text) whose SHA-256 is `hash`. A copy that is not is damaged
/// and is neither exported nor imported.
bool is_plan_copy(std::string_view text, std::string_view hash);

/// The JSON export: every record in order, and the plan copies by hash.
std::string export_json(const std::vector<Record> &records,
                        const std::map<std::string, std::string> &plans);
/// The same bytes, written to `sink` as the records come (pieces of about 64 KiB); returns
/// how many records were written. `plans` is read only after the last record, so the feed
/// may fill it (a streaming export learns which runs it holds as it reads them).
std::size_t export_json(const RecordFeed &records, const std::map<std::string, std::string> &plans,
                        const ByteSink &sink);

/// One record as a JSON object: the one mapping from a record to JSON, used by the export
/// (each item of "records"), `log --format json` and hooks (one object per line), so a field
/// has one name everywhere (attune-journal(5), EXPORT FORMATS). Keys in this order: id, type,
/// day, recorded, zone, run, then the type's fields (start: plan, hash; done: exercise;
/// skip: exercise, reason; note: text; check: week, answers; undo: ref; forgotten: refs),
/// "cmd" when set, "hex" when a text field is not valid UTF-8 (written as hex), and
/// "programme_week" when given (log and hooks: the programme week of the record's day, 0
/// outside the programme). A skip {exercise "name-feeling", reason "tired"} ->
/// {"id":"..","type":"skip",...,"run":1,"exercise":"name-feeling","reason":"tired"}
void write_record_json(JsonWriter &w, const Record &record,
                       std::optional<unsigned> programme_week = std::nullopt);

/// write_record_json on one compact line, ending in LF (what a hook reads on stdin).
std::string record_json_line(const Record &record, std::optional<unsigned> programme_week);

/// A record as `log --format json` shows it: `programme_week` is the programme week of its
/// day (0 outside the programme); `record.run` the programme's number.
struct LogEntry {
  Record record;
  unsigned programme_week = 0;
};

/// `log --format json`: {"schema": 1, "records": [...]} (two-space indent), write_record_json
/// objects with "programme_week". The fields are the export's (a test compares them): a note's text
/// is "text" and a self-check's week "week" (attune 0.1.0 and earlier: "note" and
/// "self_check_week").
std::string render_log_json(const std::vector<LogEntry> &entries);

/// The CSV header, record_schema.hpp's csv_columns: "id,type,...,until,reason,refs" (no line
/// end). Import also reads the headers of older exports, which end earlier (at "until",
/// "followup", "cmd" or "hex") and hold a reason in `text` and a forgotten's ids in `ref`.
std::string csv_header();

/// One record as a CSV row of the export: the cells of csv_header()'s columns, quoted as
/// needed (csv_cell), joined by commas, with no line end.
std::string csv_row(const Record &record);

/// The CSV export: the header and one row per record, each line ending in CRLF.
std::string export_csv(const std::vector<Record> &records);
/// The same bytes, written to `sink` as the records come; returns how many records.
std::size_t export_csv(const RecordFeed &records, const ByteSink &sink);

/// A record read from a file, with where it starts.
struct ImportedRecord {
  Record record;
  Location where;
};

/// What a file holds. Plans are checked: each text's SHA-256 is its key.
struct ImportData {
  ExchangeFormat format = ExchangeFormat::json;
  std::vector<ImportedRecord> records;
  std::map<std::string, std::string> plans;
};

/// Reads an export (JSON or CSV, told apart by their first character; a leading UTF-8 BOM
/// is ignored) or a journal file, strictly: every record is checked as the journal checks
/// it. Throws Error(data) at `source_name:line:col`, with a hint, for the first problem.
ImportData read_exchange(std::string_view text, const std::string &source_name);

/// A programme the import adds, gives records to, or renumbers.
struct ImportedProgramme {
  unsigned number = 0;         ///< its number after the import
  std::optional<unsigned> was; ///< its number before; nullopt when the file adds it
  std::string plan_id;         ///< empty for a run without a start record
  Day start{};
  std::size_t records = 0; ///< records from the file that it receives
};

/// What to append: the imported records whose id is not in the journal, in file order
/// (an id repeated in the file counts once), and how many were already there; and what the
/// journal will then hold. Programmes are identified by their start records, so one
/// started separately elsewhere stays separate, even under the same number (see
/// build_history): the result is what reading the two files joined gives.
struct ImportSelection {
  std::vector<Record> fresh;
  std::size_t already = 0;
  /// By number after the import; those the import leaves as they were are left out.
  std::vector<ImportedProgramme> programmes;
  std::optional<unsigned> running_before; ///< History::active() before, by number
  std::optional<unsigned> running_after;  ///< and after
};

/// What select_new_records needs of the journal, which is far less than every record:
struct ImportBase {
  /// The journal's records whose id the file holds too, by id (to compare).
  std::unordered_map<std::string, Record> named;
  /// The ids whose text `attune forget` erased (the refs of its forgotten records).
  std::unordered_set<std::string> erased;
  /// The records that decide the journal's programmes, in file order (decides_programmes):
  /// build_history of them numbers the programmes, names their plans and start days and
  /// tells the running one as build_history of the whole journal does, with only their
  /// check-ins left out; joined with the fresh records it tells what the import makes.
  std::vector<Record> deciding;
};

/// Whether a journal record decides its programmes (see ImportBase::deciding): a start, an
/// end or an undo (an undo may withdraw a record the file brings), or any record of a run
/// that no start in `claimed` (the runs the journal's starts claim) begins, since such a
/// run starts on its earliest record. A done, skip, note, check, ... of a started run does
/// not: it only belongs to it.
///   start run=1 -> true; done run=1, claimed {1} -> false; done run=2, claimed {1} -> true
bool decides_programmes(const Record &record, const std::set<unsigned> &claimed);
/// The same from a record's type and whether a start in `claimed` claims its run.
bool decides_programmes(RecordType type, bool run_claimed);

/// The base of a journal read whole: what the streaming reader (import_stream.hpp) gathers.
ImportBase import_base(const Journal &current, const ImportData &data);

/// Compares by id. The same id with different content (in the journal or earlier in the
/// file) is a conflict: throws Error(data) at the record, and nothing is to be written; so is
/// a new record over the limits (check_record_limits).
ImportSelection select_new_records(const ImportBase &base, const ImportData &data);
/// The same on a journal read whole.
ImportSelection select_new_records(const Journal &current, const ImportData &data);

} // namespace attune
