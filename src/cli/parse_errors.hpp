#pragma once
/// CLI11's parse errors said in attune's words: one Error(usage) that names the command it
/// is about, with a did-you-mean or a pointer to that command's --help.
#include <string>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"

namespace attune::cli {

/// The deepest subcommand that was parsed (or the app itself).
const CLI::App *deepest_parsed(const CLI::App &app);

/// "attune", "attune checkin", "attune plan validate".
std::string command_path(const CLI::App &at);

/// An unexpected word as one error with a did-you-mean. `where` is the command the word was
/// given to: the deepest one parsed, since global options may follow a command.
Error unexpected_argument(const CLI::App &where, const std::string &word);

/// CLI11's messages, said in attune's own words and naming the command they are about.
/// Every kind of parse error CLI11 raises for our options has its sentence here; anything
/// else keeps CLI11's text, lowercased.
Error from_parse_error(const CLI::ParseError &e, const CLI::App &app);

} // namespace attune::cli
