#pragma once
/// What every command gets: streams, global options, the environment, terminal facts.
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include "attune/paths.hpp"

namespace attune::cli {

enum class ColorMode { auto_, always, never };

/// Options that apply to every command (set before any command runs).
struct GlobalOptions {
  std::optional<std::string> data_dir; ///< --data-dir
  std::optional<std::string> plan;     ///< --plan ID|FILE
  std::optional<std::string> tz;       ///< --tz ZONE: the time zone for this command only
  std::string color = "auto";          ///< --color auto|always|never
  bool quiet = false;                  ///< --quiet: only errors and what was asked for
};

struct Context {
  std::ostream &out;
  std::ostream &err;
  std::istream &in;
  GlobalOptions global;
  EnvLookup env;        ///< the process environment (tests may replace it)
  bool in_tty = false;  ///< standard input is a terminal
  bool out_tty = false; ///< standard output is a terminal
  bool err_tty = false; ///< standard error is a terminal

  /// Colour on stdout: --color always/never, else config `color`, else NO_COLOR (set and not
  /// empty, as no-color.org says) disables, else only on a terminal with TERM not "dumb".
  bool use_color() const;
  /// Columns for human text on stdout (attune::text_width): the terminal's own width
  /// (TIOCGWINSZ) when stdout is a terminal, else COLUMNS, else 80. Renderers get it as an
  /// argument; only the front end asks the terminal.
  std::size_t text_width() const;
  /// Prints "attune: warning: TEXT" to err unless --quiet.
  void warn(const std::string &text) const;
  /// Prints "attune: note: TEXT" to err unless --quiet.
  void note(const std::string &text) const;
};

} // namespace attune::cli
