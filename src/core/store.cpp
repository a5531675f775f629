#include "attune/store.hpp"
#include "attune/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "attune/limits.hpp"
#include "attune/plan_loader.hpp"
#include "store_posix.hpp"

namespace attune {
namespace {

/// attune never writes a larger journal (check_journal_growth), so a larger file is not ours.
constexpr auto max_journal_size = static_cast<off_t>(max_journal_bytes);

/// Far more than a plan may be (max_plan_bytes): an older attune may have saved a larger one.
constexpr std::size_t max_plan_copy_bytes = std::size_t{16} * 1024 * 1024;

std::string errno_text(int err) {
  return std::strerror(err);
}

using posix::Fd;
using posix::fsync_retry;
using posix::open_retry;
using posix::system_error;

int write_all(int fd, const std::string &data, std::size_t &done) {
  return posix::write_all(fd, data.data(), data.size(), done);
}

int write_all(int fd, const std::string &data) {
  return posix::write_all(fd, data.data(), data.size());
}

/// Makes `dir` and its missing parents, each new one 0700 whatever the umask.
void make_folder(const std::string &dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode))
      throw Error(ErrorKind::permission, quoted(dir) + " is not a folder",
                  "move it away or choose another --data-dir");
    return;
  }
  if (errno != ENOENT)
    throw system_error("cannot use the folder", dir, errno);
  const std::size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0)
    make_folder(dir.substr(0, slash));
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw system_error("cannot create the folder", dir, errno);
  if (::chmod(dir.c_str(), 0700) != 0)
    throw system_error("cannot set permissions on", dir, errno);
}

void fsync_folder(const std::string &dir) {
  Fd fd(open_retry(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0)
    throw system_error("cannot open the folder", dir, errno);
  if (const int err = fsync_retry(fd.get()))
    throw system_error("cannot flush the folder", dir, err);
}

/// Polls a non-blocking flock until `timeout`: a blocked flock cannot be given a deadline.
/// The interval is short and fixed (with jitter) rather than backing off, so a process that
/// has waited long polls as often as one that just arrived and no writer is starved.
bool flock_within(int fd, int operation, std::chrono::milliseconds timeout) {
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + timeout;
  auto jitter =
      static_cast<unsigned>(start.time_since_epoch().count()) ^ static_cast<unsigned>(::getpid());
  for (;;) {
    if (::flock(fd, operation | LOCK_NB) == 0)
      return true;
    if (errno != EWOULDBLOCK && errno != EINTR)
      return false;
    if (std::chrono::steady_clock::now() >= deadline) {
      errno = EWOULDBLOCK;
      return false;
    }
    jitter = jitter * 1103515245U + 12345U;
    std::this_thread::sleep_for(std::chrono::microseconds(500 + (jitter >> 16) % 1500));
  }
}

Error busy_error(const std::string &dir) {
  return Error(ErrorKind::busy, "another attune is running and holds the journal in " + quoted(dir),
               "wait for it to finish and try again");
}

/// The journal at `path` opened for reading, or -1 when it does not exist. Refuses (with a
/// hint) a folder, anything but a regular file, a symlink, and a file too large to be a journal.
/// `size` is its size when opened.
int open_journal_for_reading(const std::string &path, struct stat &st) {
  Fd fd(open_retry(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    if (errno == ENOENT)
      return -1;
    throw system_error("cannot read the journal", path, errno);
  }
  if (::fstat(fd.get(), &st) != 0)
    throw system_error("cannot read the journal", path, errno);
  if (S_ISDIR(st.st_mode))
    throw Error(ErrorKind::permission, "the journal " + quoted(path) + " is a folder, not a file",
                "move the folder away or choose another --data-dir");
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorKind::permission,
                "the journal " + quoted(path) + " is " + describe_file_kind(st.st_mode) +
                    ", not a regular file",
                "move it away or choose another --data-dir");
  if (st.st_size > max_journal_size)
    throw Error(ErrorKind::data,
                "the journal " + quoted(path) + " is too large to be a journal (" +
                    std::to_string(st.st_size / (1024 * 1024)) + " MiB)",
                "check that --data-dir points at attune's folder");
  return fd.release();
}

/// Reads the whole journal at `path` (missing: empty). The caller holds a lock.
std::string read_journal_text(const std::string &path) {
  struct stat st {};
  Fd fd(open_journal_for_reading(path, st));
  if (fd.get() < 0)
    return {};
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  for (;;) {
    if (got == text.size())
      text.resize(text.size() + 4096); // it may have grown; read to the end
    const ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throw system_error("cannot read the journal", path, errno);
    }
    if (n == 0)
      break;
    got += static_cast<std::size_t>(n);
    if (got > static_cast<std::size_t>(max_journal_size))
      throw Error(ErrorKind::data, "the journal " + quoted(path) + " is too large to be a journal");
  }
  text.resize(got);
  return text;
}

/// What identifies the journal's state: any write, replacement or copy changes it.
std::string stamp_of(const struct stat &st) {
  return std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) + ':' +
         std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec) + ':' + std::to_string(st.st_ctim.tv_sec) + '.' +
         std::to_string(st.st_ctim.tv_nsec);
}

/// The summary in `path` if it is a readable, well-formed index file; else nullopt.
std::optional<JournalSummary> read_summary(const std::string &path) {
  Fd fd(open_retry(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  struct stat st {};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_size > off_t{16} * 1024 * 1024)
    return std::nullopt;
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return std::nullopt;
    got += static_cast<std::size_t>(n);
  }
  return parse_journal_summary(text);
}

/// Replaces the index file (temporary file, rename). Only a cache: failures are ignored and
/// leave no temporary file; a stale or torn index is refused by the next read.
void write_summary(const std::string &path, const JournalSummary &summary) {
  const std::string text = format_journal_summary(summary);
  std::string temp = temp_file_template(path);
  const int raw = ::mkstemp(temp.data()); // 0600
  if (raw < 0)
    return;
  Fd fd(raw);
  if (write_all(fd.get(), text) != 0 || ::close(fd.release()) != 0 ||
      ::rename(temp.c_str(), path.c_str()) != 0)
    (void)::unlink(temp.c_str());
}

/// Rewrites an existing index in place, which costs a fraction of write_summary's rename (on
/// ext4 a rename over a file flushes the new file's data). A reader that sees it half-written
/// finds a bad checksum and reads the whole journal, as with no index. Falls back to
/// write_summary when the file is missing or not the plain private file it should be.
void rewrite_summary(const std::string &path, const JournalSummary &summary) {
  const std::string text = format_journal_summary(summary);
  Fd fd(open_retry(path.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  struct stat st {};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 ||
      st.st_uid != ::geteuid() || (st.st_mode & 0777) != 0600) {
    fd.reset(-1);
    write_summary(path, summary);
    return;
  }
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n =
        ::pwrite(fd.get(), text.data() + done, text.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      (void)::unlink(path.c_str()); // a partial index would only be refused later
      return;
    }
    done += static_cast<std::size_t>(n);
  }
  if (static_cast<std::size_t>(st.st_size) > text.size() &&
      ::ftruncate(fd.get(), static_cast<off_t>(text.size())) != 0)
    (void)::unlink(path.c_str());
}

/// The run whose span an appended undo joins: the run of the record it withdraws, when that
/// record is among `current`'s (the records the command read) and its run has a start record
/// there, so the run still exists once the record is withdrawn (History's rule). nullopt
/// otherwise: the index is then rebuilt by the next whole read.
///   current = {start run=2, done X run=2}, undo ref=X -> 2;  ref unknown -> nullopt
std::optional<unsigned> undo_span_run(const Record &undo, const Journal &current) {
  const auto target = std::find_if(current.records.begin(), current.records.end(),
                                   [&undo](const Record &r) { return r.id == undo.ref; });
  if (target == current.records.end() || !is_withdrawable(target->type))
    return std::nullopt;
  const unsigned run = target->run;
  const bool started =
      std::any_of(current.records.begin(), current.records.end(),
                  [run](const Record &r) { return r.type == RecordType::start && r.run == run; });
  return started ? std::optional<unsigned>(run) : std::nullopt;
}

/// Adds appended records (their line ends `ends`, counted from `base`) to a summary of the
/// file before them. An undo joins the span of the run it withdraws from (undo_span_run);
/// false when it cannot say which (the index is left to be rebuilt). New ids are random
/// (64 bits): taken as unique, as when written.
bool extend_summary(JournalSummary &summary, const std::vector<Record> &records,
                    const std::vector<std::uint64_t> &ends, std::uint64_t base,
                    const Journal &current) {
  std::uint64_t from = base;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record &record = records[i];
    const std::uint64_t to = base + ends[i];
    if (record.type == RecordType::undo) {
      const auto run = undo_span_run(record, current);
      if (!run)
        return false;
      auto span = std::find_if(summary.runs.begin(), summary.runs.end(),
                               [&run](const RunSpan &s) { return s.run == *run; });
      if (span == summary.runs.end())
        return false;
      span->to = to;
      from = to;
      continue;
    }
    const std::uint32_t line = summary.lines + static_cast<std::uint32_t>(i) + 1;
    auto it = std::lower_bound(summary.runs.begin(), summary.runs.end(), record.run,
                               [](const RunSpan &span, unsigned run) { return span.run < run; });
    // A start for a number already in use (an import from another device) may make two
    // programmes claim it: the index is rebuilt by a whole read, which sees that.
    if (record.type == RecordType::start && it != summary.runs.end() && it->run == record.run)
      return false;
    if (it == summary.runs.end() || it->run != record.run)
      summary.runs.insert(it, RunSpan{record.run, from, to, line});
    else
      it->to = to;
    from = to;
  }
  summary.size = base + ends.back();
  summary.lines += static_cast<std::uint32_t>(records.size());
  summary.record_count += records.size();
  summary.newest_run = summary.runs.back().run;
  return true;
}

/// Streams the journal in fixed pieces (a page-cache copy, never the whole file in memory),
/// through the index when it matches. `known` receives the summary that matches the file as
/// read (nullopt when there is none).
Journal parse_journal_file(const std::string &path, const std::string &index,
                           std::optional<unsigned> number, bool may_write_index,
                           std::optional<JournalSummary> &known) {
  known.reset();
  struct stat st {};
  Fd fd(open_journal_for_reading(path, st));
  if (fd.get() < 0)
    return parse_journal({});
  const off_t size = st.st_size;
  // Not zero-filled: a fresh 256 KiB block is mapped on demand, so a read of a few KB
  // through the index touches a few pages, not 64.
  const std::size_t buffer_size = std::size_t{1} << 18;
  const std::unique_ptr<char[]> buffer(new char[buffer_size]);
  const JournalSource source = [&](std::uint64_t from,
                                   const std::function<bool(std::string_view)> &sink) {
    auto offset = static_cast<off_t>(from);
    for (;;) {
      const ssize_t n = ::pread(fd.get(), buffer.get(), buffer_size, offset);
      if (n < 0) {
        if (errno == EINTR)
          continue;
        throw system_error("cannot read the journal", path, errno);
      }
      if (n == 0)
        return;
      offset += n;
      if (offset > max_journal_size)
        throw Error(ErrorKind::data,
                    "the journal " + quoted(path) + " is too large to be a journal");
      if (!sink(std::string_view(buffer.get(), static_cast<std::size_t>(n))))
        return;
    }
  };
  const std::string stamp = stamp_of(st);
  if (auto summary = read_summary(index);
      summary && summary->stamp == stamp && summary->size == static_cast<std::uint64_t>(size)) {
    Journal journal = parse_journal_run(source, *summary, number);
    known = std::move(summary);
    return journal;
  }
  JournalSummary made;
  Journal journal = parse_journal_run(source, number, static_cast<std::size_t>(size), &made);
  if (made.size > 0 && made.size == static_cast<std::uint64_t>(size)) {
    made.stamp = stamp;
    if (may_write_index)
      write_summary(index, made);
    known = std::move(made);
  }
  return journal;
}

/// Opens (creating 0600 if needed) the lock file; -1 with errno on failure.
int open_lock_file(const std::string &path) {
  const int fd = open_retry(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && (st.st_mode & 0777) != 0600 && st.st_uid == ::geteuid())
    (void)::fchmod(fd, 0600); // only a lock, but keep the folder uniformly private
  return fd;
}

/// Takes `operation` (LOCK_EX or LOCK_SH) on the open lock file `fd` within `timeout`.
/// Throws Error(busy) on time-out, else Error(io|permission) "cannot lock" `lock_path`.
void flock_or_throw(int fd, int operation, std::chrono::milliseconds timeout,
                    const std::string &dir, const std::string &lock_path) {
  if (!flock_within(fd, operation, timeout)) {
    if (errno == EWOULDBLOCK)
      throw busy_error(dir);
    throw system_error("cannot lock", lock_path, errno);
  }
}

/// How a reader of the data folder may go on (read, read_run, snapshot).
enum class ReadAccess {
  no_folder, ///< the folder does not exist: nothing recorded yet, and reading creates nothing
  no_lock,   ///< no lock file can be opened (a read-only folder: a backup, a mount), so no
             ///< writer can be appending there either: read without a lock
  shared,    ///< a shared lock is held
};

/// The one way a reader takes the shared lock on `dir`'s journal.lock, waiting at most
/// `timeout`: ReadAccess::shared with the lock file's descriptor put in `held` (the lock is
/// let go when it closes), or the reason there is no lock to take. Throws Error(permission)
/// when `dir` is not a folder, Error(busy) on time-out, Error(io|permission) otherwise.
ReadAccess lock_for_reading(const std::string &dir, std::chrono::milliseconds timeout, Fd &held) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT)
      return ReadAccess::no_folder;
    throw system_error("cannot use the folder", dir, errno);
  }
  if (!S_ISDIR(st.st_mode))
    throw Error(ErrorKind::permission, quoted(dir) + " is not a folder",
                "move it away or choose another --data-dir");
  const std::string lock_path = dir + "/journal.lock";
  Fd fd(open_lock_file(lock_path));
  if (fd.get() < 0) {
    if (errno == ENOENT || errno == EACCES || errno == EROFS)
      return ReadAccess::no_lock;
    throw system_error("cannot open the lock file", lock_path, errno);
  }
  flock_or_throw(fd.get(), LOCK_SH, timeout, dir, lock_path);
  held.reset(fd.release());
  return ReadAccess::shared;
}

/// Whether the file's first line is a version line newer than this build writes. Guards
/// against a caller passing a Journal read before another program replaced the file.
bool file_is_newer(int fd) {
  char head[64];
  ssize_t n = -1;
  do
    n = ::pread(fd, head, sizeof head, 0);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return false;
  const std::string_view text(head, static_cast<std::size_t>(n));
  const std::size_t lf = text.find('\n');
  const Journal first = parse_journal(text.substr(0, lf == std::string_view::npos ? 0 : lf + 1));
  return first.newer_version;
}

bool is_hex_name(const std::string &hash) {
  if (hash.empty() || hash.size() > 128)
    return false;
  for (const char c : hash)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  return true;
}

} // namespace

JournalStore::JournalStore(std::string data_dir) : dir_(std::move(data_dir)) {}

std::string JournalStore::journal_path() const {
  return dir_ + "/journal";
}

std::string JournalStore::index_path() const {
  return dir_ + "/journal.index";
}

JournalStore::Lock::Lock(Lock &&other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

JournalStore::Lock &JournalStore::Lock::operator=(Lock &&other) noexcept {
  if (this != &other) {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

JournalStore::Lock::~Lock() {
  if (fd_ >= 0)
    ::close(fd_); // closing releases the flock
}

JournalStore::Lock JournalStore::lock(std::chrono::milliseconds timeout) const {
  make_folder(dir_);
  const std::string path = dir_ + "/journal.lock";
  Fd fd(open_lock_file(path));
  if (fd.get() < 0)
    throw system_error("cannot open the lock file", path, errno);
  flock_or_throw(fd.get(), LOCK_EX, timeout, dir_, path);
  Lock held(fd.release());
  remove_stale_temporaries(held); // every write cleans up after an earlier killed one
  return held;
}

Journal JournalStore::read(std::chrono::milliseconds timeout, const Lock *held) const {
  if (held != nullptr)
    return parse_journal(read_journal_text(journal_path()));
  Fd shared;
  const ReadAccess access = lock_for_reading(dir_, timeout, shared);
  if (access == ReadAccess::no_folder)
    return parse_journal({});
  if (access == ReadAccess::no_lock)
    return parse_journal(read_journal_text(journal_path()));
  std::string text = read_journal_text(journal_path());
  shared.reset(-1); // parse after letting go, so waiting writers are held up as little as possible
  return parse_journal(text);
}

JournalStore::Snapshot::Snapshot(Snapshot &&other) noexcept
    : fd_(other.fd_), size_(other.size_), path_(std::move(other.path_)) {
  other.fd_ = -1;
  other.size_ = 0;
}

JournalStore::Snapshot &JournalStore::Snapshot::operator=(Snapshot &&other) noexcept {
  if (this != &other) {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = other.fd_;
    size_ = other.size_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
    other.size_ = 0;
  }
  return *this;
}

JournalStore::Snapshot::~Snapshot() {
  if (fd_ >= 0)
    ::close(fd_);
}

JournalSource JournalStore::Snapshot::source() const {
  return [this](std::uint64_t from, const std::function<bool(std::string_view)> &sink) {
    if (fd_ < 0)
      return;
    const std::size_t buffer_size = std::size_t{1} << 18;
    const std::unique_ptr<char[]> buffer(new char[buffer_size]);
    std::uint64_t offset = from;
    while (offset < size_) {
      const auto want =
          static_cast<std::size_t>(std::min<std::uint64_t>(buffer_size, size_ - offset));
      const ssize_t n = ::pread(fd_, buffer.get(), want, static_cast<off_t>(offset));
      if (n < 0) {
        if (errno == EINTR)
          continue;
        throw system_error("cannot read the journal", path_, errno);
      }
      if (n == 0) // cut shorter than when opened: never done by attune
        throw Error(ErrorKind::io,
                    "the journal " + quoted(path_) + " was cut short while it was read",
                    "try again");
      offset += static_cast<std::uint64_t>(n);
      if (!sink(std::string_view(buffer.get(), static_cast<std::size_t>(n))))
        return;
    }
  };
}

JournalStore::Snapshot JournalStore::snapshot(std::chrono::milliseconds timeout) const {
  const std::string path = journal_path();
  Fd shared;
  const ReadAccess access = lock_for_reading(dir_, timeout, shared);
  if (access == ReadAccess::no_folder)
    return Snapshot(-1, 0, path);
  // Under the shared lock, let go when `shared` closes (no_lock: no writer to wait for).
  return open_snapshot();
}

JournalStore::Snapshot JournalStore::snapshot(const Lock &held) const {
  (void)held; // proof that the caller holds the lock
  return open_snapshot();
}

JournalStore::Snapshot JournalStore::open_snapshot() const {
  const std::string path = journal_path();
  struct stat st {};
  Fd file(open_journal_for_reading(path, st));
  const auto size = file.get() < 0 ? std::uint64_t{0} : static_cast<std::uint64_t>(st.st_size);
  return Snapshot(file.release(), size, path);
}

Journal JournalStore::read_run(std::chrono::milliseconds timeout, std::optional<unsigned> number,
                               const Lock *held) const {
  if (held != nullptr)
    return parse_journal_file(journal_path(), index_path(), number, true, summary_);
  Fd shared;
  const ReadAccess access = lock_for_reading(dir_, timeout, shared);
  if (access == ReadAccess::no_folder)
    return parse_journal({});
  if (access == ReadAccess::no_lock) // nor may the index be written there
    return parse_journal_file(journal_path(), index_path(), number, false, summary_);
  // Both passes under the lock: a writer in between would shift the lines.
  return parse_journal_file(journal_path(), index_path(), number, true, summary_);
}

// long because: one durable write (checks, write, fsync, index) under one lock, in order
void JournalStore::append(const Lock &held, const Journal &current,
                          const std::vector<Record> &records) const {
  (void)held; // proof that the caller holds the lock
  const std::string path = journal_path();
  std::optional<JournalSummary> summary = std::move(summary_);
  summary_.reset();
  if (current.newer_version)
    throw Error(ErrorKind::data,
                "the journal " + quoted(path) + " " + describe_unwritable_version(current.version) +
                    "; not writing to it",
                "upgrade attune to record check-ins");
  if (records.empty())
    return;
  // The lines, and the limits, first: a refusal leaves no trace, not even a new file.
  std::string body;
  std::vector<std::uint64_t> ends; // where each record's line ends, in `body` (then `data`)
  ends.reserve(records.size());
  // One append is one command: two or more records share the first one's id as `cmd`, so
  // `attune undo` withdraws them together (attune-journal(5)).
  const std::string batch = batch_command_id(records);
  for (const Record &given : records) {
    Record record = given;
    if (record.cmd.empty())
      record.cmd = batch;
    check_record_limits(record);
    body += format_record(record);
    ends.push_back(body.size());
  }
  check_journal_growth(0, journal_header().size() + body.size(), path);

  bool created = false;
  // Read-write so the last byte can be checked with pread; every write goes to the end.
  Fd fd(open_retry(path.c_str(), O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0 && errno == ENOENT) {
    const int nfd = open_retry(path.c_str(),
                               O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (nfd < 0)
      throw system_error("cannot create the journal", path, errno, "nothing was saved");
    created = true;
    Fd made(nfd);
    if (::fchmod(made.get(), 0600) != 0) {
      const int err = errno;
      ::unlink(path.c_str());
      throw system_error("cannot set permissions on", path, err, "nothing was saved");
    }
    fd.reset(made.release());
  }
  if (fd.get() < 0) {
    if (errno == EISDIR)
      throw Error(ErrorKind::permission, "the journal " + quoted(path) + " is a folder, not a file",
                  "move the folder away or choose another --data-dir");
    throw system_error("cannot open the journal", path, errno, "nothing was saved");
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    throw system_error("cannot open the journal", path, errno, "nothing was saved");
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorKind::permission,
                "the journal " + quoted(path) + " is " + describe_file_kind(st.st_mode) +
                    ", not a regular file",
                "move it away or choose another --data-dir");
  const off_t old_size = st.st_size;
  if (old_size > 0 && file_is_newer(fd.get()))
    throw Error(ErrorKind::data,
                "the journal " + quoted(path) +
                    " names a format this attune does not write; not writing to it",
                "upgrade attune to record check-ins");

  std::string data;
  if (old_size == 0) {
    data += journal_header();
  } else {
    // Look at the file itself, not `current`: the last byte decides whether a torn line
    // must be closed before our first record.
    char last = '\n';
    ssize_t n = -1;
    do
      n = ::pread(fd.get(), &last, 1, old_size - 1);
    while (n < 0 && errno == EINTR);
    if ((n == 1 && last != '\n') || (n != 1 && current.torn_tail))
      data += '\n';
    if (!current.has_header && current.records.empty() && current.record_count == 0)
      data += journal_header(); // a file holding only damage: give it a version line
  }
  const bool only_records = data.empty(); // no version line or LF before them
  const std::size_t prefix = data.size();
  if (data.empty())
    data = std::move(body); // the usual case: no copy of a large import
  else
    data += body;
  for (std::uint64_t &end : ends)
    end += prefix;
  // Only whole journals attune can read again: refuse, before any byte, to cross the limit.
  // (A new file passed this above, version line counted.)
  check_journal_growth(static_cast<std::uint64_t>(old_size), data.size(), path);

  // What the file holds when `written` bytes of `data` reached it and could not be taken
  // back: the records whose whole line is there are read (and counted) like any other.
  const auto records_in = [&](std::size_t written) {
    return static_cast<std::size_t>(
        std::count_if(ends.begin(), ends.end(), [&](std::uint64_t end) { return end <= written; }));
  };
  const auto plural = [](std::size_t n, const std::string &one) {
    return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
  };
  // All records are in the file and every reader sees them, but a step that makes them
  // durable failed: the truth is "saved, not confirmed" (exit 13), never "nothing saved".
  const auto unconfirmed = [&](const std::string &what, int err) {
    const std::string saved = records.size() == 1
                                  ? "the record was saved"
                                  : "all " + plural(records.size(), "record") + " were saved";
    return Error(ErrorKind::unconfirmed,
                 what + ": " + errno_text(err) + "; " + saved +
                     ", but attune cannot confirm it is safely on disk",
                 "it shows in 'attune log'; after a power cut, check it is still there");
  };

  // Any failure from here on: cut the file back to exactly what it was. `written` is how
  // many bytes of `data` reached the file, so that, if the cut fails too, the message says
  // what the file now holds.
  const auto undo = [&](int fd_to_cut, const std::string &what, int err,
                        std::size_t written) -> Error {
    off_t back_to = old_size;
    if (created) {
      if (::unlink(path.c_str()) == 0)
        return system_error(what, path, err, "nothing was saved");
      back_to = 0; // it cannot be removed: an empty journal is as good as none
    }
    if (::ftruncate(fd_to_cut, back_to) == 0) {
      (void)fsync_retry(fd_to_cut); // best effort: the cut is already what every reader sees
      return system_error(what, path, err,
                          created ? "nothing was saved; an empty journal was left"
                                  : "nothing was saved; the journal is as it was");
    }
    const int cut_err = errno;
    const std::size_t saved = records_in(written);
    if (saved == records.size())
      return unconfirmed(what + " " + quoted(path) + " (" + errno_text(err) +
                             ") and it could not be cut back",
                         cut_err);
    const std::size_t whole = saved == 0 ? prefix : static_cast<std::size_t>(ends[saved - 1]);
    std::string tail = "the journal could not be cut back (" + errno_text(cut_err) + "); ";
    tail += saved == 0
                ? std::string("nothing was saved")
                : plural(saved, "record") + " of " + std::to_string(records.size()) + " were saved";
    if (written > whole)
      tail += ", and the last line is partial: it will be reported, not counted";
    return system_error(what, path, err, tail);
  };

  std::size_t written = 0;
  if (const int err = write_all(fd.get(), data, written))
    throw undo(fd.get(), "cannot write to the journal", err, written);
  if (const int err = fsync_retry(fd.get()))
    throw undo(fd.get(), "cannot flush the journal to disk", err, written);
  // The index matched the file before these records: extend it by them.
  struct stat after {};
  if (summary && summary->stamp == stamp_of(st) && !created && only_records &&
      ::fstat(fd.get(), &after) == 0 &&
      after.st_size == old_size + static_cast<off_t>(data.size()) &&
      extend_summary(*summary, records, ends, static_cast<std::uint64_t>(old_size), current)) {
    summary->stamp = stamp_of(after);
    rewrite_summary(index_path(), *summary);
  }
  const int raw = fd.release();
  if (::close(raw) != 0) {
    const int err = errno;
    Fd again(open_retry(path.c_str(), O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (again.get() < 0)
      throw unconfirmed("cannot close the journal " + quoted(path) + " (" + errno_text(err) +
                            ") nor reopen it to cut it back",
                        errno);
    throw undo(again.get(), "cannot close the journal", err, written);
  }
  if (created) {
    // The records are in the file; only the folder entry naming it may not be on disk yet.
    Fd folder(open_retry(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0)
      throw unconfirmed("cannot open the folder " + quoted(dir_) + " to flush it", errno);
    if (const int err = fsync_retry(folder.get()))
      throw unconfirmed("cannot flush the folder " + quoted(dir_), err);
  }
}

void JournalStore::save_plan_copy(const Lock &held, const std::string &hash,
                                  const std::string &text) const {
  (void)held;
  if (!is_hex_name(hash))
    throw Error(ErrorKind::invalid, "bad plan hash \"" + hash + "\"");
  const std::string plans = dir_ + "/plans";
  make_folder(plans);
  const std::string target = plans + "/" + hash + ".toml";
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0)
    return;

  std::string temp = temp_file_template(target);
  const int raw = ::mkostemp(temp.data(), O_CLOEXEC);
  if (raw < 0)
    throw system_error("cannot save a copy of the plan in", plans, errno);
  Fd fd(raw);
  const auto fail = [&](const std::string &what, int err) {
    ::unlink(temp.c_str());
    return system_error(what, target, err, "the plan copy was not saved");
  };
  if (::fchmod(fd.get(), 0600) != 0)
    throw fail("cannot set permissions on", errno);
  if (const int err = write_all(fd.get(), text))
    throw fail("cannot write", err);
  if (const int err = fsync_retry(fd.get()))
    throw fail("cannot flush", err);
  if (::close(fd.release()) != 0)
    throw fail("cannot close", errno);
  if (::rename(temp.c_str(), target.c_str()) != 0)
    throw fail("cannot rename into", errno);
  fsync_folder(plans);
}

std::optional<std::string> JournalStore::load_plan_copy(const std::string &hash) const {
  if (!is_hex_name(hash))
    return std::nullopt;
  const std::string path = dir_ + "/plans/" + hash + ".toml";
  auto in = read_input_file(path, max_plan_copy_bytes, "the plan copy", InputOwner::data);
  if (!in)
    return std::nullopt;
  if (in->too_large)
    throw Error(ErrorKind::data, "the plan copy " + quoted(path) + " is too large to be a plan",
                "move it away; attune saves plans of at most " + format_size(max_plan_bytes));
  return std::move(in->text);
}

std::vector<std::string> JournalStore::warnings() const {
  std::vector<std::string> found;
  struct stat st {};
  if (::stat(dir_.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 077) != 0)
    found.push_back("the folder " + quoted(dir_) +
                    " can be opened by other users; run 'chmod 700 " + dir_ +
                    "' to keep it private");
  const std::string path = journal_path();
  if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0)
    found.push_back("the journal " + quoted(path) + " can be read by other users; run 'chmod 600 " +
                    path + "' to keep it private");
  return found;
}

} // namespace attune
