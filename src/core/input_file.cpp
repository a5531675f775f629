#include "attune/input_file.hpp"
#include "attune/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attune {
namespace {

Error not_regular(const std::string &what, const std::string &path, unsigned mode,
                  InputOwner owner) {
  const std::string message =
      what + " " + quoted(path) + " is " + describe_file_kind(mode) + ", not a regular file";
  if (owner == InputOwner::argument)
    return Error(ErrorKind::invalid, message, "give the path of a file");
  return Error(ErrorKind::permission, message, "move it away; attune reads only plain files");
}

Error read_failed(const std::string &what, const std::string &path, int err) {
  const std::string message =
      "cannot read " + what + " " + quoted(path) + ": " + std::strerror(err);
  if (err == EACCES || err == EPERM)
    return Error(ErrorKind::permission, message, "check its permissions");
  return Error(ErrorKind::io, message);
}

} // namespace

std::string describe_file_kind(unsigned mode) {
  if (S_ISDIR(mode))
    return "a folder";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  if (S_ISLNK(mode))
    return "a symbolic link";
  return "not a regular file";
}

std::optional<InputText> read_input_file(const std::string &path, std::size_t max_bytes,
                                         const std::string &what, InputOwner owner) {
  // Look before opening: opening a device can itself do something (a tape rewinds).
  const bool follow = owner != InputOwner::data;
  struct stat st {};
  if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return std::nullopt;
    throw read_failed(what, path, errno);
  }
  if (!S_ISREG(st.st_mode))
    throw not_regular(what, path, st.st_mode, owner);
  // It may have been swapped since: O_NONBLOCK so a FIFO now in its place cannot block the
  // open, and fstat decides on what was opened.
  int fd = -1;
  do
    fd = ::open(path.c_str(),
                O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
  while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return std::nullopt;
    if (errno == ELOOP)
      throw not_regular(what, path, S_IFLNK, owner);
    throw read_failed(what, path, errno);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0)
    throw read_failed(what, path, errno);
  if (!S_ISREG(st.st_mode))
    throw not_regular(what, path, st.st_mode, owner);
  InputText in;
  // One byte more than allowed tells "exactly at the limit" from "over it".
  in.text.resize(max_bytes < static_cast<std::size_t>(st.st_size)
                     ? max_bytes + 1
                     : static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == in.text.size()) {
      if (got > max_bytes)
        break;
      in.text.resize(std::min(max_bytes + 1, got + 65536)); // it grew while we read
    }
    const ssize_t n = ::read(fd, in.text.data() + got, in.text.size() - got);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throw read_failed(what, path, errno);
    }
    if (n == 0)
      break;
    got += static_cast<std::size_t>(n);
  }
  in.text.resize(got);
  if (got > max_bytes) {
    in.text.resize(max_bytes);
    in.too_large = true;
  }
  return in;
}

} // namespace attune
