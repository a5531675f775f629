// Rewriting the whole journal all or nothing (import, forget): temporary file, fsync, rename,
// fsync the folder. See JournalStore::replace_journal in store.hpp.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/limits.hpp"
#include "attune/store.hpp"
#include "attune/text.hpp"
#include "store_posix.hpp"

namespace attune {

using posix::Fd;

std::string JournalStore::read_text(const Lock &held) const {
  (void)held;
  const std::string path = journal_path();
  Fd fd(posix::open_retry(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    if (errno == ENOENT)
      return {};
    if (errno == ELOOP)
      throw Error(ErrorKind::permission,
                  quoted(path) + " is a symbolic link; attune does not follow links for its "
                                 "own files",
                  "replace the link with the real file, or point --data-dir at its folder");
    throw posix::system_error("cannot read the journal", path, errno);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    throw posix::system_error("cannot read the journal", path, errno);
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorKind::io, "the journal " + quoted(path) + " is not a regular file",
                "move it away or choose another --data-dir");
  if (static_cast<std::uint64_t>(st.st_size) > max_journal_bytes)
    throw Error(ErrorKind::data, "the journal " + quoted(path) + " is too large to be a journal",
                "check that --data-dir points at attune's folder");
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == text.size())
      text.resize(text.size() + 4096); // it may have grown; read to the end
    const ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw posix::system_error("cannot read the journal", path, errno);
    if (n == 0)
      break;
    got += static_cast<std::size_t>(n);
    if (got > static_cast<std::size_t>(max_journal_bytes))
      throw Error(ErrorKind::data, "the journal " + quoted(path) + " is too large to be a journal");
  }
  text.resize(got);
  return text;
}

void JournalStore::replace_journal(const Lock &held, std::string_view text) const {
  (void)held; // proof that the caller holds the lock: no other attune writes meanwhile
  replace_journal_with([&text](int fd, std::string &what) {
    what = "cannot write the new journal for";
    return posix::write_all(fd, text.data(), text.size());
  });
}

void JournalStore::replace_journal_with(
    const std::function<int(int fd, std::string &what)> &write) const {
  const std::string path = journal_path();
  summary_.reset(); // the file the summary described is about to be replaced
  std::string temp = temp_file_template(path);
  const int raw = ::mkostemp(temp.data(), O_CLOEXEC); // 0600
  if (raw < 0)
    throw posix::system_error("cannot write a new journal in", dir_, errno, "nothing was saved");
  Fd fd(raw);
  // Each failure before the rename: the temporary goes, the journal was never touched.
  const auto fail = [&](const std::string &what, int err) {
    (void)::unlink(temp.c_str());
    return posix::system_error(what, path, err, "nothing was saved; the journal is as it was");
  };
  if (::fchmod(fd.get(), 0600) != 0)
    throw fail("cannot set permissions on the new journal for", errno);
  std::string what;
  int written = 0;
  try {
    written = write(fd.get(), what);
  } catch (const Error &) {
    (void)::unlink(temp.c_str()); // the old journal could not be read: nothing was saved
    throw;
  }
  if (written != 0)
    throw fail(what, written);
  if (const int err = posix::fsync_retry(fd.get()))
    throw fail("cannot flush the new journal to disk for", err);
  if (::close(fd.release()) != 0) {
    const int err = errno; // captured before unlink can change it
    throw fail("cannot close the new journal for", err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    throw fail("cannot put the new journal in place of", err);
  }
  // Only a cache: a stale one would be refused anyway (another inode), but leave none.
  (void)::unlink(index_path().c_str());
  if (const int err = posix::fsync_folder_errno(dir_))
    throw Error(ErrorKind::unconfirmed, // saved and counted, durability not confirmed: exit 13
                "the journal was rewritten, but cannot flush the folder " + quoted(dir_) + " (" +
                    std::string(std::strerror(err)) + ")",
                "the change is made but may not survive a power cut; do not repeat it: check the "
                "disk, then run 'attune log' to see it");
}

void JournalStore::append_atomically(const Lock &held, const Journal &current,
                                     const std::vector<Record> &records) const {
  if (current.newer_version)
    throw Error(ErrorKind::data,
                "the journal " + quoted(journal_path()) + " " +
                    describe_unwritable_version(current.version) + "; not writing to it",
                "upgrade attune to record check-ins");
  if (records.empty())
    return;
  for (const Record &record : records)
    check_record_limits(record); // what attune writes it can always read (limits.hpp)
  const Snapshot old = snapshot(held);
  // The same framing as append(): a version line for a new file or one holding only damage,
  // a LF to close a torn last line first.
  std::string added;
  if (old.size() == 0) {
    added = journal_header();
  } else {
    char last = '\n';
    if (::pread(old.fd_, &last, 1, static_cast<off_t>(old.size() - 1)) != 1)
      throw posix::system_error("cannot read the journal", journal_path(), errno);
    if (last != '\n')
      added += '\n';
    if (!current.has_header && current.records.empty() && current.record_count == 0)
      added += journal_header();
  }
  for (const Record &record : records)
    added += format_record(record);
  check_journal_growth(old.size(), added.size(), journal_path());
  replace_journal_with([&](int fd, std::string &what) {
    what = "cannot write the new journal for";
    int err = 0;
    old.source()(0, [&](std::string_view piece) {
      err = posix::write_all(fd, piece.data(), piece.size());
      return err == 0;
    });
    return err != 0 ? err : posix::write_all(fd, added.data(), added.size());
  });
}

} // namespace attune
