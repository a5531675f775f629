#pragma once
/// Running git for `attune sync`: found on PATH, started with an argument vector (never a
/// shell), in the data folder, with no terminal prompt, its output captured.
#include <string>
#include <vector>

#include "context.hpp"

namespace attune::cli {

/// What one git command did.
struct GitOutput {
  int status = 0;  ///< its exit status; 128 + signal when a signal ended it
  std::string out; ///< standard output
  std::string err; ///< standard error (attune turns it into its own words)
  bool ok() const noexcept { return status == 0; }
};

/// git in one folder. Each run is `git -C DIR ARGS...`, with standard input from /dev/null,
/// GIT_TERMINAL_PROMPT=0 (credentials come from git's own configuration, or not at all),
/// LC_ALL=C (so its words can be classified) and no GIT_DIR/GIT_WORK_TREE/GIT_INDEX_FILE
/// inherited from a hook that may have started attune.
class GitRunner {
public:
  /// Finds git on the PATH of `ctx`; throws Error(unavailable), naming the Debian package,
  /// when there is none.
  GitRunner(const Context &ctx, std::string dir);

  /// Runs git; throws Error(io) only when it cannot be started.
  GitOutput run(const std::vector<std::string> &args) const;

  const std::string &dir() const noexcept { return dir_; }

private:
  std::string program_;
  std::string dir_;
  std::vector<std::string> env_;
};

/// The first executable `name` on `path` (absolute folders only); "" when none.
std::string find_program_on_path(const std::string &path, const std::string &name);

} // namespace attune::cli
