#include "stdout_buffer.hpp"

#include <cerrno>
#include <cstring>
#include <ostream>

#include <unistd.h>

#include "attune/error.hpp"

namespace attune::cli {

StdoutBuffer::StdoutBuffer(int fd) : fd_(fd), line_buffered_(isatty(fd) == 1) {
  setp(buffer_, buffer_ + sizeof buffer_);
}

StdoutBuffer::~StdoutBuffer() {
  (void)drain(); // not sync(): no virtual call from a destructor
}

bool StdoutBuffer::drain() {
  const char *at = pbase();
  while (at < pptr() && error_ == 0) {
    const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO; // kept: later output is dropped, not retried
    } else {
      at += n;
    }
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return error_ == 0;
}

StdoutBuffer::int_type StdoutBuffer::overflow(int_type ch) {
  if (!drain())
    return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

std::streamsize StdoutBuffer::xsputn(const char *s, std::streamsize n) {
  const std::streamsize written = std::streambuf::xsputn(s, n);
  // On a terminal, a finished line shows at once (as stdio's line buffering would), so
  // output and warnings on standard error appear in order.
  if (line_buffered_ && n > 0 && s[n - 1] == '\n')
    sync();
  return written;
}

int StdoutBuffer::sync() {
  return drain() ? 0 : -1;
}

int finish_stdout(int rc, StdoutBuffer &out, std::ostream &err) {
  out.pubsync();
  const int why = out.error();
  if (why == 0)
    return rc;
  if (why == EPIPE)
    return rc; // the reader had enough (SIGPIPE ignored): like cat, say nothing
  if (rc != exit_code::ok && rc != exit_code::remind_open && rc != exit_code::remind_idle &&
      rc != exit_code::remind_paused)
    return rc; // the command's own error was printed and stands
  err << "attune: error: could not write to standard output (" << std::strerror(why)
      << "); the output is incomplete: check where it goes (a full disk?)\n";
  err.flush();
  return exit_code_for(ErrorKind::io);
}

} // namespace attune::cli
