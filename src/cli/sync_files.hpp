#pragma once
/// The small files and git outputs `attune sync` handles besides the journal (which goes
/// through the store): .gitattributes, .gitignore, .git/info/attributes.
#include <string>
#include <vector>

namespace attune::cli {

/// Whether anything (a symbolic link too) is at `path`.
bool sync_path_exists(const std::string &path);

/// git's output without its last LF ("abc\n" -> "abc"): its first line.
std::string first_output_line(const std::string &text);

/// Splits NUL-separated output (git -z), leaving out empty parts.
std::vector<std::string> split_nul(const std::string &text);

/// Reads a small file of ours (at most about 1 MiB, never through a symbolic link); "" when
/// it is missing.
std::string read_small_text(const std::string &path);

/// Replaces a small file whole (temporary file, fsync, rename), 0600; unchanged text is not
/// rewritten. Throws Error(io) naming the file.
void write_small_text(const std::string &path, const std::string &text);

} // namespace attune::cli
