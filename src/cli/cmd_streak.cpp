// Placeholder registration: replaced by the issue that owns this command.
#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {

Command register_streak(CLI::App &app, Session &session) {
  (void)session;
  CLI::App *sub = app.add_subcommand("streak", "(not ready yet)");
  return {sub, []() -> int { throw Error(ErrorKind::usage, "'streak' is not ready yet"); }};
}

} // namespace attune::cli
