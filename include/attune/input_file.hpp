#pragma once
/// The one way attune opens a file it reads as input (the config file, a plan, a file to
/// import, a saved plan copy): never blocks, and takes only a regular file.
#include <cstddef>
#include <optional>
#include <string>

#include "attune/error.hpp"

namespace attune {

/// Whose file it is, which decides the exit status when it is not a regular file.
enum class InputOwner {
  argument, ///< named on the command line (--plan FILE, import FILE): Error(invalid), exit 2
  config,   ///< attune's settings (links followed): Error(permission), exit 77
  data,     ///< inside the data folder (a plan copy): a link is refused too, exit 77
};

/// The text of an input file.
struct InputText {
  std::string text;       ///< at most max_bytes bytes
  bool too_large = false; ///< the file held more than max_bytes bytes
};

/// Reads the file at `path` (following links unless InputOwner::data), at most `max_bytes` bytes.
/// nullopt when it does not exist. A FIFO, socket, device or folder is refused before any read, and
/// the open itself uses O_NONBLOCK, so a FIFO put there never hangs attune:
///   "the config file "/h/.config/attune/config.toml" is a FIFO, not a regular file"
/// Throws Error: permission (77) when it may not be read, io (74) when a read fails, and the
/// kind `owner` gives when it is not a regular file. `what` names it: "the config file".
std::optional<InputText> read_input_file(const std::string &path, std::size_t max_bytes,
                                         const std::string &what, InputOwner owner);

/// "a folder", "a FIFO", "a socket", "a device", "a symbolic link", "not a regular file":
/// what a file of mode `mode` (st_mode) is, for a message.
std::string describe_file_kind(unsigned mode);

} // namespace attune
