#include "private_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/store.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

[[noreturn]] void fail_output(const std::string &path, int e, const char *what) {
  throw Error(e == EACCES || e == EPERM || e == EROFS ? ErrorKind::permission : ErrorKind::io,
              std::string(what) + " \"" + path + "\": " + std::strerror(e),
              e == ENOSPC ? "free some space and try again" : "choose another --output file");
}

} // namespace

PrivateFile::PrivateFile(const std::string &path, const std::string &data_dir) : path_(path) {
  check_output_target(path, data_dir);
  const auto slash = path.rfind('/');
  dir_ = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  // Only this target's own leftovers: the folder may be shared with others' files.
  remove_stale_temp_files(dir_, base);
  tmp_ = temp_file_template((dir_ == "/" ? "" : dir_) + "/" + base);
  fd_ = ::mkstemp(tmp_.data()); // 0600 by definition
  if (fd_ < 0)
    fail_output(path, errno, "cannot write");
  ::fcntl(fd_, F_SETFD, FD_CLOEXEC);
}

PrivateFile::~PrivateFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
}

void PrivateFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      fail_output(path_, n < 0 ? errno : EIO, "could not finish writing");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void PrivateFile::commit() {
  // Each call's errno is taken at that call: a later success leaves errno as it was, so
  // reading it afterwards could name an older, unrelated failure.
  int e = 0;
  if (::fsync(fd_) != 0)
    e = errno;
  if (::close(fd_) != 0 && e == 0)
    e = errno;
  fd_ = -1;
  if (e == 0 && ::rename(tmp_.c_str(), path_.c_str()) != 0)
    e = errno;
  if (e != 0) {
    ::unlink(tmp_.c_str());
    fail_output(path_, e, "could not finish writing");
  }
  // Make the rename itself durable; a failure here loses nothing already written.
  const int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

} // namespace attune::cli
