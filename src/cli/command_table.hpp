#pragma once
/// The commands attune knows, in help order, and what the command line is made into before
/// CLI11 sees it: abbreviations spelt out, and which commands need their options declared.
#include <cstddef>
#include <string>
#include <vector>

#include "commands.hpp"

namespace attune::cli {

/// One command. Its options are declared by its register_<name>.
struct CommandEntry {
  const char *name;
  const char *description;
  Command (*declare)(CLI::App *, Session &);
  bool hidden; ///< left out of help (a stable interface for the completion scripts only)
};

/// Every command in help order; the first (today) is what a bare `attune` runs.
extern const CommandEntry command_table[];
/// The number of entries in command_table.
extern const std::size_t command_count;

/// Which commands need their options declared (one flag per command_table entry). Declaring
/// all of them costs more than the rest of a short command's start-up, so only the commands
/// named anywhere on the line are (a word that is really an option's value declares one
/// more, which is harmless), or `today` when none is (bare `attune` runs it); help and
/// completion see everything.
std::vector<bool> commands_to_declare(int argc, const char *const *argv);

/// The arguments with an abbreviated command spelt out: `attune tod` runs today, `attune
/// chec` checkin, and after `plan` (or `help`) the subcommand likewise. An ambiguous prefix
/// is an Error(usage) that lists the candidates. Only the first word that is not a global
/// option or its value is looked at, so an exercise id or a note is never expanded.
std::vector<std::string> expand_abbreviations(int argc, const char *const *argv);

} // namespace attune::cli
