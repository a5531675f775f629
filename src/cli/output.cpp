#include "output.hpp"

#include <cerrno>
#include <cstring>
#include <ostream>
#include <string_view>

#include "attune/text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attune::cli {
namespace {

/// Messages quote what people typed or what a file held, which may be anything. Invalid
/// UTF-8 and control bytes (an ESC could drive the terminal, a newline would split the one
/// line) are shown as \xHH instead; `keep_newlines` for multi-line warnings.
/// "caf\xc3(" stays readable, "\x1b[31m" cannot colour the terminal.
std::string printable(std::string_view text, bool keep_newlines = false) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 0xF];
  };
  while (!text.empty()) {
    const std::size_t bad = first_invalid_utf8(text);
    const std::string_view good = text.substr(0, bad);
    for (const char ch : good) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && !(keep_newlines && (c == '\n' || c == '\t'))) || c == 0x7F)
        escape(c);
      else
        out += ch;
    }
    if (bad == std::string_view::npos)
      break;
    escape(static_cast<unsigned char>(text[bad]));
    text.remove_prefix(bad + 1);
  }
  return out;
}

} // namespace

void print_error(const Context &ctx, const Error &e) {
  ctx.err << "attune: error: ";
  if (e.where())
    ctx.err << printable(format_location(*e.where())) << ": ";
  ctx.err << printable(e.what());
  if (!e.hint().empty())
    ctx.err << "; " << printable(e.hint());
  ctx.err << '\n';
}

std::string paint(bool on, const char *sgr, const std::string &text) {
  if (!on)
    return text;
  return std::string("\x1b[") + sgr + 'm' + text + "\x1b[0m";
}

bool Context::use_color() const {
  if (global.color == "always")
    return true;
  if (global.color == "never")
    return false;
  if (const auto no_color = env("NO_COLOR"); no_color && !no_color->empty())
    return false;
  const auto term = env("TERM");
  return out_tty && !(term && *term == "dumb");
}

void Context::warn(const std::string &text) const {
  if (!global.quiet)
    err << "attune: warning: " << printable(text, true) << '\n';
}

namespace {

/// Writes all of `text` to `fd`; false with errno set on failure.
bool write_all(int fd, const std::string &text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return false;
    if (n == 0) {
      errno = EIO;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

[[noreturn]] void fail_output(const std::string &path, int e, const char *what) {
  throw Error(e == EACCES || e == EPERM || e == EROFS ? ErrorKind::permission : ErrorKind::io,
              std::string(what) + " \"" + path + "\": " + std::strerror(e),
              e == ENOSPC ? "free some space and try again" : "choose another --output file");
}

} // namespace

void write_private_file(const std::string &path, const std::string &text) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode))
      throw Error(ErrorKind::io, "cannot write \"" + path + "\": it is a folder",
                  "give a file name inside it");
    // A pipe, a terminal, /dev/stdout: nothing to replace, write straight through.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
      fail_output(path, errno, "cannot write");
    const bool ok = write_all(fd, text);
    const int e = errno;
    ::close(fd);
    if (!ok)
      fail_output(path, e, "could not finish writing");
    return;
  }
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "."
                          : slash == 0               ? "/"
                                                     : path.substr(0, slash);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = (dir == "/" ? "" : dir) + "/." + base + ".attune-XXXXXX";
  const int fd = ::mkstemp(tmp.data()); // 0600 by definition
  if (fd < 0)
    fail_output(path, errno, "cannot write");
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  int e = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    e = errno;
    ok = false;
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    fail_output(path, e == 0 ? EIO : e, "could not finish writing");
  }
  // Make the rename itself durable; a failure here loses nothing already written.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

} // namespace attune::cli
