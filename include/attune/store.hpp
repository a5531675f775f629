#pragma once
/// Reading and writing the journal file safely: flock on a separate lock file held across
/// read-check-write, O_APPEND + fsync, cut back on failure, 0700 folders and 0600 files.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/journal.hpp"

namespace attune {

/// The journal and its companions inside one data folder:
///   DIR/journal        the records (attune-journal(5))
///   DIR/journal.lock   the lock file, never renamed or deleted
///   DIR/plans/HASH.toml  a copy of each plan a run was started with
///   DIR/journal.index  a summary of the journal (JournalSummary) so read_run can go straight
///                      to one run; only a cache: checked against the journal's device,
///                      inode, size and change times, rebuilt when it does not match,
///                      safe to delete
class JournalStore {
public:
  /// Does no I/O.
  explicit JournalStore(std::string data_dir);

  const std::string &data_dir() const noexcept { return dir_; }
  std::string journal_path() const;

  /// An exclusive lock held until destroyed. Covers read-check-write.
  class Lock {
  public:
    Lock(Lock &&) noexcept;
    Lock &operator=(Lock &&) noexcept;
    ~Lock();

  private:
    friend class JournalStore;
    explicit Lock(int fd) noexcept : fd_(fd) {}
    int fd_ = -1;
  };

  /// Creates the folder (0700) if needed and takes the exclusive lock, waiting at most
  /// `timeout`. Throws Error(busy) on time-out, Error(permission|io) on failure.
  Lock lock(std::chrono::milliseconds timeout) const;

  /// Reads and parses the journal (a missing file is an empty journal). Takes a shared lock
  /// for the read unless `held` is given. Throws Error(io|permission|data) when unreadable
  /// (a folder where the file should be, a file too large to be a journal).
  Journal read(std::chrono::milliseconds timeout, const Lock *held = nullptr) const;

  /// Like read(), but keeps only the records of run `number`, or of the newest run when
  /// nullopt (parse_journal_run): the file is streamed in pieces, never held whole, and the
  /// lock is kept for both passes. With a journal.index that matches the file, only the
  /// run's span is read; otherwise the whole file is, and the index is written afresh (when
  /// the journal is clean and the folder writable; a failure to write it is ignored).
  Journal read_run(std::chrono::milliseconds timeout, std::optional<unsigned> number,
                   const Lock *held = nullptr) const;

  /// The journal's bytes as they were when opened, readable in pieces after the lock is let
  /// go (for a whole-history stream such as `export`, which must not hold up writers while
  /// its output is slow to drain). attune only ever appends to the journal, cuts a failed
  /// append back to where it began, or replaces the file whole (rename): the first size()
  /// bytes of the file opened under the lock stay as they were.
  class Snapshot {
  public:
    Snapshot(Snapshot &&) noexcept;
    Snapshot &operator=(Snapshot &&) noexcept;
    ~Snapshot();
    std::uint64_t size() const noexcept { return size_; }
    /// Reads [from, size()) in pieces of 256 KiB (a missing journal: nothing).
    JournalSource source() const;

  private:
    friend class JournalStore;
    // Taken by value and moved: the caller has released the descriptor, so nothing that
    // could throw (a copy) may run after it.
    // cppcheck-suppress passedByValue
    Snapshot(int fd, std::uint64_t size, std::string path) noexcept
        : fd_(fd), size_(size), path_(std::move(path)) {}
    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::string path_;
  };

  /// Opens the journal under a shared lock (as read() does, with its refusals) and lets the
  /// lock go. A missing folder or journal is an empty snapshot.
  Snapshot snapshot(std::chrono::milliseconds timeout) const;
  /// The same under the held exclusive lock (import reads what it will then write to).
  Snapshot snapshot(const Lock &held) const;

  /// Appends records under the held lock, as one command: when there are two or more, each
  /// without a `cmd` is written with cmd = the first record's id (see command_id). Writes the
  /// header first for a new file, a LF first after a torn tail, then all records in one write, then
  /// fsync. On any failure the file is cut back to its old length and Error(io) is thrown. Refuses
  /// (Error data) to write a journal from a newer version. When the last read_run under this lock
  /// matched journal.index, the index is brought up to date too (an undo record too, when the
  /// record it withdraws is among `current`'s and its run has a start there), so the next
  /// command need not read the whole file again.
  void append(const Lock &held, const Journal &current, const std::vector<Record> &records) const;

  /// Saves a plan's text as plans/HASH.toml (temp file, fsync, rename, fsync folder) unless
  /// it is already there.
  void save_plan_copy(const Lock &held, const std::string &hash, const std::string &text) const;

  /// The saved text of a plan by hash; nullopt when there is none. Throws Error when one is
  /// there but cannot be read (io, permission), is not a regular file (permission) or is too
  /// large to be a plan (data): a caller such as export must not go on as if it were missing.
  std::optional<std::string> load_plan_copy(const std::string &hash) const;

  /// Non-fatal findings about the folder, e.g. a journal readable by others (with the fix).
  std::vector<std::string> warnings() const;

  std::string index_path() const;

  // ---- Whole-journal rewrites (store_rewrite.cpp) ----

  /// The journal's bytes as they are on disk (a missing file: empty), read under the held
  /// lock. Throws as read() does.
  std::string read_text(const Lock &held) const;

  /// Replaces the whole journal with `text`, all or nothing, also under kill -9 and power
  /// loss: a temporary file in the data folder (temp_file_template), written, fsync'd,
  /// renamed over the journal, then the folder fsync'd; journal.index is removed (the next
  /// read rebuilds it). Any failure before the rename removes the temporary file and throws
  /// Error(io|permission) ending "nothing was saved; the journal is as it was". A failure to
  /// flush the folder after the rename throws Error(io) saying the change is made but the
  /// disk did not confirm it. Needs free space for a whole copy of the journal.
  void replace_journal(const Lock &held, std::string_view text) const;

  /// append() made all or nothing: the journal's text, then (as append writes it) a LF after
  /// a torn tail or a version line for a new file, then `records`, written to a new file that
  /// is renamed over the journal as replace_journal does. The old text is copied a piece at a
  /// time (1 MiB), never held whole. `current` needs only the fields parse_journal and
  /// export_records both fill (newer_version, has_header, record_count).
  /// Unlike append, the records are written as given (import's records keep their own cmd;
  /// they are not made one command).
  /// Refuses (Error data) a journal from a newer version. Used by import, whose records may
  /// be many: killed at any moment, the journal holds either none of them or all.
  void append_atomically(const Lock &held, const Journal &current,
                         const std::vector<Record> &records) const;

  // ---- Temporary files (store_temp.cpp) ----

  /// Removes stale temporary files of attune's own naming (is_stale_temp_name) from the data
  /// folder and its plans folder: regular files, owned by this user, last changed more than
  /// a minute ago by the file system's clock. Failures are ignored (only clean-up).
  void remove_stale_temporaries(const Lock &held) const;

private:
  Snapshot open_snapshot() const; ///< the journal as it is now (the caller holds a lock)
  /// replace_journal's steps around `write(fd)`, which fills the new file and returns 0 or an
  /// errno (with what it was doing in `what`).
  void replace_journal_with(const std::function<int(int fd, std::string &what)> &write) const;

  std::string dir_;
  /// The summary matching the file as the last read_run saw it (nullopt: none).
  mutable std::optional<JournalSummary> summary_;
};

/// The mkstemp template for a temporary file that will become `target` (a path): in the
/// same folder, named ".BASENAME.attune-XXXXXX", the one pattern every attune temporary
/// follows, so a leftover (after kill -9) is recognisable and can be cleaned up.
///   "/d/journal" -> "/d/.journal.attune-XXXXXX"
///   "out.json"   -> ".out.json.attune-XXXXXX"
std::string temp_file_template(const std::string &target);

/// Whether a file name is an attune temporary: ".NAME.attune-" plus 6 letters or digits, for
/// any NAME when `base` is empty, else only for NAME == base. Also, when `base` is empty, the
/// names older attunes used in the data folder: "journal.index.XXXXXX" and, in plans/,
/// ".HASH.toml.XXXXXX".
///   ".journal.attune-a1B2c3" -> true;  ".journal.attune-a1B2" -> false; "journal" -> false
bool is_stale_temp_name(std::string_view name, std::string_view base = {});

/// Removes stale attune temporaries from `folder` (see is_stale_temp_name): regular files
/// (never followed links), owned by this user, unchanged for more than a minute by the file
/// system's clock (the files' times come from it, never from ATTUNE_NOW). Returns how many
/// were removed; failures are ignored.
std::size_t remove_stale_temp_files(const std::string &folder, std::string_view base = {});

} // namespace attune
