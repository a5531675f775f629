#pragma once
/// The binary's standard output: writes whose failure is remembered and reported at exit.
#include <iosfwd>
#include <streambuf>

namespace attune::cli {

/// Standard output for the binary: buffered writes to a file descriptor that remember the
/// first failure (its errno) instead of losing it, as stdio's error flag would. Line
/// buffered on a terminal. After a failure, later output is dropped.
class StdoutBuffer : public std::streambuf {
public:
  explicit StdoutBuffer(int fd);
  ~StdoutBuffer() override;
  StdoutBuffer(const StdoutBuffer &) = delete;
  StdoutBuffer &operator=(const StdoutBuffer &) = delete;
  /// The errno of the first failed write, or 0.
  int error() const { return error_; }

protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char *s, std::streamsize n) override;
  int sync() override;

private:
  bool drain();
  int fd_;
  bool line_buffered_;
  int error_ = 0;
  char buffer_[16384];
};

/// Flushes standard output at exit and checks that everything printed arrived. A failed
/// write (a full disk, /dev/full) is one error line and exit 74, unless the command already
/// failed (its error stands). A reader that went away (`attune log | head -1` with SIGPIPE
/// ignored: EPIPE) is silent and keeps `rc`; with SIGPIPE at its default the kernel ends
/// attune first, as it does cat (the shell shows 141). Returns the exit code to use.
int finish_stdout(int rc, StdoutBuffer &out, std::ostream &err);

} // namespace attune::cli
