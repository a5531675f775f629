#pragma once
/// How the front end speaks: one error line, warnings, colour.
#include <string>

#include "attune/error.hpp"
#include "context.hpp"

namespace attune::cli {

/// "attune: error: [FILE:LINE:COL: ]MESSAGE[; HINT]" on one line, nothing else.
/// Error kinds decide the exit code in run_app.
void print_error(const Context &ctx, const Error &e);

/// Wraps text in an SGR colour when `on` (e.g. "32" green, "2" dim, "1" bold).
std::string paint(bool on, const char *sgr, const std::string &text);

} // namespace attune::cli
