#pragma once
/// How the front end speaks: one error line, warnings, colour, private output files.
#include <string>

#include "attune/error.hpp"
#include "context.hpp"

namespace attune::cli {

/// "attune: error: [FILE:LINE:COL: ]MESSAGE[; HINT]" on one line, nothing else.
/// Error kinds decide the exit code in run_app.
void print_error(const Context &ctx, const Error &e);

/// Refuses (Error usage, exit 2) an --output target attune must never replace: one that
/// exists and is not a regular file (a folder, a named pipe, a device such as /dev/stdout, a
/// socket) or belongs to another user, or that is one of attune's own files (the journal, its
/// lock, its index, a saved plan copy) or anywhere inside `data_dir`. Compared by device and
/// inode after resolving links, never by spelling; for a new file its folder is resolved.
/// Only stat()s the target: a named pipe is never opened, so this cannot block.
void check_output_target(const std::string &path, const std::string &data_dir);

/// Writes `text` to the file at `path` for an --output option, readable by its owner only
/// (reports and exports hold private notes), after check_output_target: every --output goes
/// through here. The file is replaced whole: written to a temporary file beside it, fsynced,
/// then renamed over it, so an error never leaves half a file. Throws Error(usage) for a
/// refused target, Error(permission|io) with the errno of the call that failed and a hint.
void write_private_file(const std::string &path, const std::string &text,
                        const std::string &data_dir);

} // namespace attune::cli
