#include "attune/undo_command.hpp"

#include <chrono>
#include <string>

#include "attune/calendar.hpp"
#include "attune/config.hpp"
#include "attune/text.hpp"

namespace attune {

namespace {

/// "2026-11-05 21:14" in `zone`.
std::string local_minute(Instant when, const Zone &zone) {
  const LocalTime local = to_local(when, zone);
  const auto midnight = date::floor<date::days>(local);
  return format_day(Day(midnight.time_since_epoch())) + " " +
         format_clock_time(std::chrono::duration_cast<std::chrono::minutes>(local - midnight));
}

} // namespace

std::string render_undo_list(unsigned run_number, const std::vector<RecordedCommand> &commands,
                             const Zone &zone) {
  const std::string programme = "programme " + std::to_string(run_number);
  if (commands.empty())
    return "Nothing to undo in " + programme + " yet.\n";
  std::string out = commands.size() > undo_listed_commands
                        ? "The last " + std::to_string(undo_listed_commands) + " commands"
                        : std::string("The commands");
  out += " that recorded something in " + programme + ", newest first:\n";
  for (std::size_t i = 0; i < commands.size() && i < undo_listed_commands; ++i)
    out += "  " + short_command_id(commands[i].id) + "  " +
           local_minute(commands[i].recorded, zone) + "  " + describe_command(commands[i]) + '\n';
  out += "'attune undo' withdraws the newest; 'attune undo ID' the one with that id.\n";
  return out;
}

std::string render_withdrawn(const RecordedCommand &command, std::size_t width) {
  const bool several = command.records.size() > 1;
  return wrap_words("Withdrawn: " + describe_command(command) +
                        ". The journal keeps a note of the correction; record " +
                        (several ? "them" : "it") + " again any time.",
                    width, "", "");
}

} // namespace attune
