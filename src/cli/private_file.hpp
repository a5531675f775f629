#pragma once
/// An --output file written in pieces, private and all or nothing (see write_private_file).
#include <string>
#include <string_view>

namespace attune::cli {

/// A temporary file beside `path` (0600, attune's temporary naming) that becomes `path` on
/// commit(); destroyed without commit() (an error, an exception), it is removed and `path` is
/// as it was. Throws Error(usage) for a refused target (check_output_target), and
/// Error(permission|io) naming `path` with the errno of the call that failed and a hint.
class PrivateFile {
public:
  PrivateFile(const std::string &path, const std::string &data_dir);
  PrivateFile(const PrivateFile &) = delete;
  PrivateFile &operator=(const PrivateFile &) = delete;
  ~PrivateFile();

  void write(std::string_view bytes);
  /// fsync, rename over `path`, fsync the folder (a failure of that last step loses nothing).
  void commit();

private:
  std::string path_;
  std::string dir_;
  std::string tmp_;
  int fd_ = -1;
};

} // namespace attune::cli
