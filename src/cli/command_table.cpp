#include "command_table.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune::cli {

extern const CommandEntry command_table[] = {
    {"today", "Show today's exercises (the default command)", register_today, false},
    {"start", "Begin a six-week programme", register_start, false},
    {"checkin", "Record what you did (asks on a terminal)", register_checkin, false},
    {"undo", "Withdraw what the last check-in or self-check recorded", register_undo, false},
    {"log", "List what you recorded, newest last", register_log, false},
    {"reflect", "Take the weekly self-check", register_reflect, false},
    {"report", "Show how the programme is going: calendar, adherence, streaks, self-check",
     register_report, false},
    {"week", "Show a programme week: its theme, why it matters, and each exercise", register_week,
     false},
    {"streak", "Show your current and longest streak", register_streak, false},
    {"plan", "List, show and check programme plans, or get a suggestion", register_plan, false},
    {"remind", "Say what is still open today, for cron and status bars (quiet when nothing is)",
     register_remind, false},
    {"export", "Write the journal as JSON or CSV to keep or move, or the programme as a calendar",
     register_export, false},
    {"import", "Add the records of an export (JSON or CSV) or a journal file that are new",
     register_import, false},
    {"forget", "Erase the text of notes, skip/pause/end reasons, review answers and cues",
     register_forget, false},
    {"config", "Show the settings in use and where they come from", register_config, false},
    {"support", "Show where to find help: your own contacts, your plan's advice, helplines",
     register_support, false},
    {"end", "End a running programme early, kindly, without starting another", register_end, false},
    {"review", "Look back on a finished programme: three short questions", register_review, false},
    {"keep", "After the end, keep up to three exercises as a light weekly practice", register_keep,
     false},
    {"sync", "Share the data folder with your other machines through git", register_sync, false},
    {"complete", "Candidates for shell completion (hidden)", register_complete, true},
    {"cue", "Set your own cue for an exercise (when this happens, I will do it), or --clear it",
     register_cue, false},
    {"pause", "Rest the programme for some days: neither planned nor missed", register_pause,
     false},
    {"resume", "End a pause and carry on", register_resume, false},
};

const std::size_t command_count = std::size(command_table);

std::vector<bool> commands_to_declare(int argc, const char *const *argv) {
  std::vector<bool> wanted(command_count, false);
  bool any = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word(argv[i]);
    if (word == "help" || word == "complete" || word == "-h" || word.substr(0, 6) == "--help")
      return std::vector<bool>(command_count, true);
    for (std::size_t c = 0; c < command_count; ++c)
      if (word == command_table[c].name)
        wanted[c] = any = true;
  }
  if (!any)
    wanted[0] = true;
  return wanted;
}

namespace {

/// The command names a user may type at the top level (help too, hidden ones not).
std::vector<std::string> visible_command_names() {
  std::vector<std::string> names;
  for (const CommandEntry &entry : command_table)
    if (!entry.hidden)
      names.push_back(entry.name);
  names.push_back("help");
  return names;
}

} // namespace

std::vector<std::string> expand_abbreviations(int argc, const char *const *argv) {
  std::vector<std::string> args(argv, argv + argc);
  const std::vector<std::string> takes_value{"--data-dir", "--plan", "--color"};
  const std::vector<std::string> plan_commands{"list", "show", "validate", "suggest"};
  auto expand = [](std::string &word, const std::vector<std::string> &names,
                   const std::string &where) {
    const PrefixMatch m = match_prefix(word, names);
    if (!m.name.empty()) {
      word = m.name;
      return true;
    }
    if (m.matches.size() > 1)
      throw Error(ErrorKind::usage,
                  "\"" + word + "\" could be " + or_list(m.matches) + " (" + where + ")",
                  "type a few more letters");
    return false;
  };
  std::size_t i = 1;
  while (i < args.size()) {
    const std::string &word = args[i];
    if (std::find(takes_value.begin(), takes_value.end(), word) != takes_value.end()) {
      i += 2;
      continue;
    }
    if (word.empty() || word[0] == '-') {
      ++i;
      continue;
    }
    break;
  }
  if (i >= args.size() || !expand(args[i], visible_command_names(), "attune"))
    return args;
  if (args[i] == "plan" || args[i] == "help") {
    std::size_t j = i + 1;
    while (j < args.size() && !args[j].empty() && args[j][0] == '-')
      ++j;
    if (j < args.size()) {
      if (args[i] == "plan")
        expand(args[j], plan_commands, "attune plan");
      else
        expand(args[j], visible_command_names(), "attune help");
    }
  }
  return args;
}

} // namespace attune::cli
