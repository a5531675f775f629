#include "sync_files.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/store.hpp"

namespace attune::cli {

bool sync_path_exists(const std::string &path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

std::string first_output_line(const std::string &text) {
  return text.substr(0, text.find('\n'));
}

std::vector<std::string> split_nul(const std::string &text) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nul = text.find('\0', from);
    if (nul == std::string::npos)
      nul = text.size();
    if (nul > from)
      parts.push_back(text.substr(from, nul - from));
    from = nul + 1;
  }
  return parts;
}

std::string read_small_text(const std::string &path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return {};
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0 || text.size() > 1024 * 1024)
      break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

void write_small_text(const std::string &path, const std::string &text) {
  if (sync_path_exists(path) && read_small_text(path) == text)
    return;
  std::string temp = temp_file_template(path);
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw Error(ErrorKind::io, "cannot write \"" + path + "\": " + std::strerror(errno),
                "check the data folder's permissions and free space");
  std::size_t done = 0;
  bool ok = true;
  while (ok && done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    ok = n > 0;
    if (ok)
      done += static_cast<std::size_t>(n);
  }
  const int err = errno;
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int why = ok ? errno : err;
    (void)::unlink(temp.c_str());
    throw Error(ErrorKind::io, "cannot write \"" + path + "\": " + std::strerror(why),
                "check the data folder's permissions and free space");
  }
}

} // namespace attune::cli
