#pragma once
/// Small POSIX helpers for the store's files that replace or clean (store_rewrite.cpp,
/// store_temp.cpp): retry on EINTR, write everything, errors in attune's words.
#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "attune/error.hpp"

namespace attune::posix {

/// A file descriptor closed on scope exit (errors on that path are already reported).
class Fd {
public:
  explicit Fd(int fd = -1) noexcept : fd_(fd) {}
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  ~Fd() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  int get() const noexcept { return fd_; }
  void reset(int fd) noexcept {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = fd;
  }
  int release() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

private:
  int fd_;
};

inline int open_retry(const char *path, int flags, mode_t mode = 0) {
  int fd = -1;
  do
    fd = ::open(path, flags, mode);
  while (fd < 0 && errno == EINTR);
  return fd;
}

/// Writes all of `data`, looping on short writes and EINTR. Returns 0 or an errno; `done`
/// is how many bytes were written either way.
inline int write_all(int fd, const char *data, std::size_t size, std::size_t &done) {
  done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    if (n == 0)
      return EIO;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

inline int write_all(int fd, const char *data, std::size_t size) {
  std::size_t done = 0;
  return write_all(fd, data, size, done);
}

/// 0 or the errno of the failed fsync.
inline int fsync_retry(int fd) {
  int rc = 0;
  do
    rc = ::fsync(fd);
  while (rc < 0 && errno == EINTR);
  return rc < 0 ? errno : 0;
}

/// 0, or the errno of the failing open or fsync of the folder.
inline int fsync_folder_errno(const std::string &dir) {
  Fd fd(open_retry(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0)
    return errno;
  return fsync_retry(fd.get());
}

/// The error for a failed system call on `path`, by errno: the store's one wording.
inline Error system_error(const std::string &what, const std::string &path, int err,
                          const std::string &tail = {}) {
  std::string message = what + " \"" + path + "\": " + std::strerror(err);
  if (!tail.empty())
    message += "; " + tail;
  switch (err) {
  case EACCES:
  case EPERM:
  case EROFS:
    return Error(ErrorKind::permission, message, "check the folder's owner and permissions");
  case ELOOP:
    return Error(ErrorKind::permission,
                 "\"" + path + "\" is a symbolic link; attune does not follow links for its " +
                     "own files" + (tail.empty() ? "" : "; " + tail),
                 "replace the link with the real file, or point --data-dir at its folder");
  case ENOSPC:
  case EDQUOT:
    return Error(ErrorKind::io, message, "free some disk space and try again");
  default:
    return Error(ErrorKind::io, message);
  }
}

} // namespace attune::posix
