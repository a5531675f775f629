#pragma once
/// The records of the journal, their one-line text form, and the history they describe.
///
/// Format (version 1), documented for users in attune-journal(5):
///   first line:  "attune-journal 1"
///   each record: ID TAB TYPE TAB DAY TAB RECORDED TAB ZONE {TAB KEY=VALUE} TAB "~" CRC LF
///     ID        16 lowercase hex digits, unique across machines (random)
///     TYPE      start | end | done | skip | note | check | undo | forgotten | not_arisen |
///               review | keep | keep_stop | cue | pause | resume
///     DAY       YYYY-MM-DD, the local day the record counts for (after the day boundary)
///     RECORDED  YYYY-MM-DDTHH:MM:SSZ, the UTC instant it was written
///     ZONE      the IANA time-zone name in force ("Europe/Berlin", "UTC")
///     KEY=VALUE the fields of record_schema.hpp (one table: name, kind, which types):
///               run=N, exercise=ID, reason=TEXT, text=TEXT, plan=ID, hash=HEX,
///               (plan=ID is a plan id, [a-z0-9-]{1,64}: never a path),
///               answers=3,5,2, week=N, ref=ID, refs=ID,ID,..., cmd=ID,
///               question=helped|signs|keep (review), times=N (keep, 1..7),
///               followup=4|12 (check: a follow-up self-check N weeks after the end),
///               until=YYYY-MM-DD (pause);
///               unknown keys are kept and ignored.
///               cmd=ID (optional, on any type): the records one command wrote
///               together (one append) share it, the id of the first of them; a record
///               without it is a command of its own (older journals, one-record commands).
///               `attune undo` withdraws a command as a whole (command_id()).
///               VALUE escapes: "\\" backslash, "\t" tab, "\n" newline, "\r" return,
///               "\xHH" any other byte below 0x20 and 0x7F, and any byte that is not part
///               of valid UTF-8 (so any bytes round-trip). Everything else is literal UTF-8.
///     CRC       8 lowercase hex digits: CRC-32 (IEEE) of the bytes before the final TAB.
/// A line that fails any rule is reported with its number and skipped, never rewritten.
/// The same ID seen twice (two journals joined) counts once.
/// A programme is identified by its start record, not by its number: see build_history.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/calendar.hpp"

namespace attune {

enum class RecordType {
  start, ///< a programme run begins: run, plan, hash; DAY is the start day
  end,   ///< a programme run is ended early (restart): run
  done,  ///< an exercise was done: run, exercise
  skip,  ///< an exercise was skipped on purpose: run, exercise, optional reason
  note,  ///< free text: run, text
  check, ///< the weekly self-check: run, week (0 = baseline), answers
  undo,  ///< withdraws an earlier record: run, ref
  /// `attune forget` erased the text of these notes and skip reasons: refs (ids, at least
  /// one), run 0. Bookkeeping like undo: it belongs to no run and creates none.
  forgotten,
  /// A when-it-arises exercise's situation did not come up that day: run, exercise. Neutral
  /// everywhere (adherence, streak, strength, quota); withdrawn by undo like done and skip.
  not_arisen,
  /// One answer of the end-of-programme review: run, question (helped, signs, keep), text.
  /// Personal like a note: `attune forget` erases its text.
  review,
  /// One exercise kept as a light practice after the end: run, exercise, times (a week).
  /// The keep records of one command are the kept set; a later `keep` command replaces it.
  keep,
  /// `attune keep --stop`: the kept practice ends (run).
  keep_stop,
  /// The person's own cue for an exercise (an if-then plan): run, exercise, text; an empty
  /// text returns to the plan's cue. The newest cue record of an exercise wins.
  cue,
  /// The programme rests from DAY (the first paused day) through `until` (inclusive) when
  /// given, else until a `resume`: run, optional until, optional reason in `text` (private
  /// like a note). Paused days are neither planned nor missed (progress.hpp, run_pauses).
  pause,
  /// Ends an open pause: run; DAY is the first day back.
  resume,
};

/// "done", "skip", ...
std::string_view to_string(RecordType type) noexcept;
/// The types an undo can withdraw: done, skip, note, check, not_arisen, review, keep, keep_stop,
/// cue, pause, resume (what a person recorded).
bool is_withdrawable(RecordType type) noexcept;
std::optional<RecordType> parse_record_type(std::string_view text) noexcept;

/// One fact. Only the fields its type uses are meaningful.
struct Record {
  std::string id;
  RecordType type = RecordType::note;
  Day day{};
  Instant recorded{};
  std::string zone;
  unsigned run = 0;
  std::string exercise; ///< done, skip, not_arisen, keep, cue
  /// note text, skip/end/pause reason, review answer, or cue text (empty: cleared)
  std::string text;
  std::string plan_id;           ///< start
  std::string plan_hash;         ///< start
  std::vector<int> answers;      ///< check
  unsigned week = 0;             ///< check: programme week, 0 for the baseline
  std::string ref;               ///< undo: id of the withdrawn record
  std::vector<std::string> refs; ///< forgotten: ids whose text was erased, in file order
  /// Any type: the id of the first record of the command that wrote this one, when that
  /// command wrote two or more records (one append); empty otherwise.
  std::string cmd;
  std::string question;     ///< review: "helped", "signs" or "keep"
  unsigned times = 0;       ///< keep: times a week (1..7)
  unsigned followup = 0;    ///< check: 4 or 12 for a follow-up self-check after the end, else 0
  std::optional<Day> until; ///< pause: its last day (inclusive); nullopt: open
};

/// The command a record belongs to: its `cmd`, or its own id when it has none (a command
/// that wrote one record, or a journal older than the field).
///   {id a1.., cmd ""} -> "a1.."; {id b2.., cmd "a1.."} -> "a1.."
const std::string &command_id(const Record &record) noexcept;

/// The `cmd` of records one command appends together: the first one's id when there are two
/// or more, else "" (the store writes it into every record whose cmd is empty; hooks see
/// the records as written). {a1, b2} -> "a1"; {a1} -> "".
std::string batch_command_id(const std::vector<Record> &records);

/// "was written by a newer attune (format 2)" or "names format 0, which no attune writes".
std::string describe_unwritable_version(unsigned version);

/// The header line written at the top of a new journal (with its LF).
std::string journal_header();

/// The journal format version this build writes.
inline constexpr unsigned journal_version = 1;

/// One record as a full line, ending in LF.
std::string format_record(const Record &record);

/// A line that could not be read, with why.
struct JournalProblem {
  std::size_t line = 0; ///< 1-based
  std::string message;  ///< "line 12 is cut short (no newline at the end): kept, not counted"
};

/// A parsed journal: the good records in file order (duplicates by id removed) and the
/// problems met. Parsing never throws and never crashes on any input.
struct Journal {
  unsigned version = journal_version;
  /// The header names a format this attune does not write (newer, or 0): read what we can,
  /// never write. describe_unwritable_version says which in words.
  bool newer_version = false;
  bool torn_tail = false;  ///< the file does not end in LF: the next writer adds one first
  bool has_header = false; ///< a version line was found (a new or torn file has none)
  std::vector<Record> records;
  std::vector<JournalProblem> problems;
  /// Good records in the whole file (duplicates counted once). Equals records.size() unless
  /// only one run was kept (parse_journal_run).
  std::size_t record_count = 0;
  /// Set by parse_journal_run: the run whose records were kept (nullopt: none was found).
  std::optional<unsigned> kept_run;
  /// Set by parse_journal_run: the highest run number in the whole file (0: none).
  unsigned newest_run = 0;
  /// What a reader should say once ("attune: note: ..."), such as two programmes that
  /// claim the same number (journals joined from two devices) and how they are numbered.
  std::vector<std::string> notes;
};

/// True for a plan id as a start record holds it: 1 to 64 of a-z, 0-9 and "-". A plan id
/// is looked up among plans, never opened as a path.
bool is_journal_plan_id(std::string_view id) noexcept;

/// Parses journal text. An empty text is an empty journal.
Journal parse_journal(std::string_view text);

/// Hands the journal's bytes from offset `from` to the end, in file order and in pieces of
/// any size, to `sink`, stopping early when sink returns false. The selective reader calls
/// it twice (from 0, then from the first line it needs); both must see the same file.
using JournalSource =
    std::function<void(std::uint64_t from, const std::function<bool(std::string_view)> &sink)>;

/// Reads a journal keeping the records of one run only: run `number`, or the newest run
/// (the one History::active() would consider) when nullopt. build_history() of the result
/// gives that run exactly as it would from parse_journal(): the same dedup by id, undo from
/// anywhere in the file, first start/end wins, torn tail, version and header rules.
/// What is reported differs for lines of other runs only: their checksum is checked (so
/// damage and cut lines are reported as always), but not their fields, so a line with a
/// right checksum and wrong fields (never written by attune) goes unreported there; and a
/// reused id is reported when the two lines differ byte for byte (parse_journal compares
/// the records as attune would write them). Memory: about 40 bytes per record plus the
/// kept run; no piece is held beyond its line. `size_hint` (the file size) sizes buffers.
/// When two start records claim one number (see build_history), the whole file is read in
/// full instead (rare), and the kept run is that programme, `kept_run` its number.
///
/// When `summary` is given and the file is clean (a version line, no problem, no torn tail,
/// not from a newer attune), it is filled so that a later read of the same bytes can go
/// straight to one run's lines (the overload below); otherwise it is left empty (size 0).
struct JournalSummary;
Journal parse_journal_run(const JournalSource &source, std::optional<unsigned> number,
                          std::size_t size_hint = 0, JournalSummary *summary = nullptr);

/// Where the lines that decide one run lie: its records (every copy of them) and the undo
/// records that withdraw them. Other runs' lines may be in between.
struct RunSpan {
  unsigned run = 0;
  std::uint64_t from = 0;       ///< offset of the first such line
  std::uint64_t to = 0;         ///< offset just past the last one (its LF)
  std::uint32_t first_line = 0; ///< line number at `from`
};

/// What a whole read of a clean journal learned. It holds no text of any record.
struct JournalSummary {
  std::uint64_t size = 0;  ///< bytes read; 0 means "no summary"
  std::uint32_t lines = 0; ///< lines in those bytes
  unsigned version = journal_version;
  std::size_t record_count = 0;
  unsigned newest_run = 0;
  std::vector<RunSpan> runs; ///< runs that exist (History's rule), by number
  /// Set by the caller, never by the parser: what identifies the file's state (the store
  /// keeps the file's device, inode, size and change times here).
  std::string stamp;
};

/// The same Journal parse_journal_run(source, number) gives on the bytes `summary` was made
/// from, reading only the chosen run's span (a few pages for the newest run). The caller
/// must know the bytes have not changed since (see JournalSummary::stamp).
Journal parse_journal_run(const JournalSource &source, const JournalSummary &summary,
                          std::optional<unsigned> number);

/// The summary as a small text file (attune-journal(5), FILES), with a checksum line; and
/// back. Reading returns nullopt for anything that is not exactly such a file.
std::string format_journal_summary(const JournalSummary &summary);
std::optional<JournalSummary> parse_journal_summary(std::string_view text);

/// One pause of a programme: days `from` .. `until` (inclusive) rest; nothing is planned or
/// missed on them and the programme's later weeks move on by their number (progress.hpp).
struct Pause {
  Day from{};
  std::optional<Day> until; ///< the last paused day; nullopt: open (no return day yet)
  std::string reason;       ///< private like a note (`attune forget` erases it)
  std::string id;           ///< of the pause record
};

/// The pauses the effective records of one run describe, by `from` (then file order): each
/// `pause` record; the first `resume` dated on or after a pause's first day and within it (any
/// day, for an open one) ends it the day before (resume DAY - 1: back early from a planned
/// pause too); a resume on the pause's own first day leaves nothing. Other resumes end
/// nothing.
///   pause 11-10 (open), resume 11-15 -> {11-10 .. 11-14}
///   pause 11-10 until 11-12, pause 11-20 (open) -> {11-10 .. 11-12}, {11-20 .. open}
///   pause 11-10 (open), resume 11-10 -> {}
std::vector<Pause> pauses_of(const std::vector<Record> &records);

/// One programme run, with undo applied: `records` are the effective records of the run
/// in file order (withdrawn ones and the undo records themselves removed).
struct Run {
  unsigned number = 0;
  /// The run number its records carry (`run=N`): the number unless two starts claimed it.
  /// New records of this programme are written with this value.
  unsigned claim = 0;
  std::string start_id; ///< the id of its start record (empty: none was found)
  Instant started_at{}; ///< when its start record was written
  std::string plan_id;
  std::string plan_hash;
  Day start{};
  std::optional<Day> ended; ///< day of an `end` record, if the run was ended early
  std::vector<Record> records;
  std::vector<Pause> pauses; ///< pauses_of(records), set by build_history
};

/// Every run in the journal, oldest first (by number).
struct History {
  std::vector<Run> runs;
  /// The highest run number in the journal, also when only one run was read
  /// (parse_journal_run); 0 when nothing was started.
  unsigned newest_run = 0;
  /// The newest run (highest number) unless an `end` record ended it, else nullptr.
  const Run *active() const noexcept;
  /// The run with this number, or nullptr.
  const Run *find(unsigned number) const noexcept;
  /// The most recent effective done/skip/note/check record of the active run (for undo):
  /// latest `recorded` instant, the later line on a tie.
  const Record *last_checkin() const noexcept;
};

/// Builds runs from a journal: applies undo records, assigns records to runs by `run`.
/// Undo withdraws a done/skip/note/check wherever it stands in the file; an undo that refers
/// to a start, an end, another undo or an unknown id is ignored (undoing an undo does not
/// restore: record the check-in again). A programme is its start record (plan, start day);
/// the earliest `end` (recorded instant, then id) gives its end. A run with no start
/// record starts on its earliest day. The result never depends on the order of the lines.
///
/// When no two start records claim the same number, each run is numbered by its `run`
/// (as attune writes them: 1, 2, 3, ...), the newest is the highest. When two or more do
/// (journals joined from two devices), every programme is kept and all are numbered 1, 2, ...
/// by start: recorded instant, then the number claimed, then id (a run without a start
/// record counts as started at its first record). A record with `run=N` belongs to the
/// start claiming N that was recorded last at or before the record (to the earliest such
/// start when it is older than all of them). Example: starts A (run=1, 09:00) and
/// B (run=1, 10:00): A is 1, B is 2; a check-in with run=1 recorded at 09:30 is A's, one at
/// 10:30 is B's, in either line order.
/// A journal from parse_journal_run gives its one kept run the number `kept_run`.
History build_history(const Journal &journal);

} // namespace attune
