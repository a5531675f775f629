// Placeholder registration: replaced by the issue that owns this command.
#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {

Command register_export(CLI::App &app, Session &session) {
  (void)session;
  CLI::App *sub = app.add_subcommand("export", "(not ready yet)");
  return {sub, []() -> int { throw Error(ErrorKind::usage, "'export' is not ready yet"); }};
}

} // namespace attune::cli
