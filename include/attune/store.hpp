#pragma once
/// Reading and writing the journal file safely: flock on a separate lock file held across
/// read-check-write, O_APPEND + fsync, cut back on failure, 0700 folders and 0600 files.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
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

  /// Appends records under the held lock: writes the header first for a new file, a LF
  /// first after a torn tail, then all records in one write, then fsync. On any failure the
  /// file is cut back to its old length and Error(io) is thrown. Refuses (Error data) to
  /// write a journal from a newer version. When the last read_run under this lock matched
  /// journal.index, the index is brought up to date too (no undo records among `records`),
  /// so the next command need not read the whole file again.
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

private:
  std::string dir_;
  /// The summary matching the file as the last read_run saw it (nullopt: none).
  mutable std::optional<JournalSummary> summary_;
};

} // namespace attune
