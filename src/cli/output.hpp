#pragma once
/// How the front end speaks: one error line, warnings, colour, private output files.
#include <string>

#include "attune/error.hpp"
#include "context.hpp"

namespace attune::cli {

/// "attune: error: [FILE:LINE:COL: ]MESSAGE[; HINT]" on one line, nothing else.
/// Error kinds decide the exit code in run_app.
void print_error(const Context &ctx, const Error &e);

/// Wraps text in an SGR colour when `on` (e.g. "32" green, "2" dim, "1" bold).
std::string paint(bool on, const char *sgr, const std::string &text);

/// Writes `text` to the file at `path` for an --output option, readable by its owner only
/// (reports and exports hold private notes). A regular file (or a new one) is replaced whole:
/// written to a temporary file beside it, fsynced, then renamed over it, so an error never
/// leaves half a file. Anything else (a pipe, /dev/stdout, a terminal) is written directly.
/// Throws Error(permission|io) with a hint.
void write_private_file(const std::string &path, const std::string &text);

} // namespace attune::cli
