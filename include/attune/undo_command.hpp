#pragma once
/// `attune undo` and `attune undo --list` as core text: the list of the commands that can be
/// withdrawn and the confirmation of a withdrawal, as strings. The choice is undo.hpp's.
#include <cstddef>
#include <string>
#include <vector>

#include "attune/journal.hpp"
#include "attune/undo.hpp"
#include "attune/zone.hpp"

namespace attune {

/// How many commands `undo --list` shows (the newest).
inline constexpr std::size_t undo_listed_commands = 10;

/// The text of `attune undo --list` for programme `run_number`, given recorded_commands()
/// (newest first); at most undo_listed_commands of them, each with its short id, the local
/// minute it was recorded in `zone` and describe_command(). Programme 1, one command:
///   The commands that recorded something in programme 1, newest first:
///     a1a1a1a1  2026-11-05 10:00  trigger done on 2026-11-05
///   'attune undo' withdraws the newest; 'attune undo ID' the one with that id.
/// More than 10 commands: "The last 10 commands that recorded ..."; none:
///   Nothing to undo in programme 1 yet.
std::string render_undo_list(unsigned run_number, const std::vector<RecordedCommand> &commands,
                             const Zone &zone);

/// The confirmation of `attune undo`, wrapped at `width`:
///   "Withdrawn: trigger done on 2026-11-05. The journal keeps a note of the correction;
///   record it again any time." ("them" when the command wrote several records).
std::string render_withdrawn(const RecordedCommand &command, std::size_t width);

} // namespace attune
