#pragma once
/// The one error type for what the user must fix, and the exit codes decided in main.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace attune {

/// What went wrong, from the user's side. Each kind maps to one documented exit code.
enum class ErrorKind {
  usage,      ///< bad command line: exit 2
  invalid,    ///< bad input (plan, date, answer, exercise): exit 2
  no_data,    ///< nothing to work on yet (no programme started): exit 2
  data,       ///< the journal is damaged or from a newer version: exit 65
  io,         ///< read/write/fsync/close failed, disk full: exit 74
  busy,       ///< another attune holds the lock: exit 75
  permission, ///< a file or folder we may not use: exit 77
  config,     ///< bad configuration file: exit 78
  /// the records were written and every reader sees them, but a step that makes them
  /// durable (fsync of the file or its folder, close) failed: exit 13
  unconfirmed,
  /// a program attune needs is missing (git for `attune sync`): exit 69
  unavailable,
};

/// Documented exit codes (attune(1), EXIT STATUS).
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int internal = 1;
inline constexpr int usage = 2;
inline constexpr int data = 65;
inline constexpr int io = 74;
inline constexpr int busy = 75;
inline constexpr int permission = 77;
inline constexpr int config = 78;
/// `remind --exit-code`: something due today is still open (not an error).
inline constexpr int remind_open = 10;
/// `remind --exit-code`: no programme is running (not an error).
inline constexpr int remind_idle = 11;
/// `remind --exit-code`: the programme is paused today (not an error).
inline constexpr int remind_paused = 12;
/// Saved, but attune could not confirm it is safely on disk (ErrorKind::unconfirmed).
inline constexpr int unconfirmed = 13;
/// A program attune needs is not installed (ErrorKind::unavailable), as sysexits' EX_UNAVAILABLE.
inline constexpr int unavailable = 69;
} // namespace exit_code

/// A position in a file, 1-based; line 0 means "the whole file".
struct Location {
  // Constructors rather than an aggregate: gcc 12 at -O3 warns falsely (maybe-uninitialized)
  // about aggregate temporaries holding a std::string.
  Location() = default;
  Location(std::string file_, int line_ = 0, int col_ = 0)
      : file(std::move(file_)), line(line_), col(col_) {}
  std::string file;
  int line = 0;
  int col = 0;
};

/// The position of byte `offset` in `text` (clamped to its end), 1-based: the one rule for
/// every file:line:col attune prints. Lines end at LF; columns count Unicode code points, as
/// editors do: a UTF-8 continuation byte (10xxxxxx) does not count. Files are checked for
/// valid UTF-8 before anything is located in them. ("ab\ncé!", 6) -> 2:3, at the "!".
Location locate(std::string_view text, std::size_t offset, const std::string &file);

/// Formats "file:line:col", "file:line" or "file" as far as known.
std::string format_location(const Location &where);

/// An error the user can act on. `what()` is the message without prefix; `hint` is optional.
class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, const std::string &message, std::string hint = {},
        std::optional<Location> where = std::nullopt);
  ErrorKind kind() const noexcept { return kind_; }
  const std::string &hint() const noexcept { return hint_; }
  const std::optional<Location> &where() const noexcept { return where_; }

private:
  ErrorKind kind_;
  std::string hint_;
  std::optional<Location> where_;
};

/// The exit status for an error kind.
int exit_code_for(ErrorKind kind) noexcept;

} // namespace attune
