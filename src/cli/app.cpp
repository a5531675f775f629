#include "app.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "help_format.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

std::optional<std::string> real_getenv(std::string_view name) {
  const char *value = std::getenv(std::string(name).c_str());
  if (value == nullptr)
    return std::nullopt;
  return std::string(value);
}

/// The commands in help order. Each one's options are declared by its register_<name>.
struct CommandEntry {
  const char *name;
  const char *description;
  Command (*declare)(CLI::App *, Session &);
  bool hidden; ///< left out of help (a stable interface for the completion scripts only)
};

const CommandEntry command_table[] = {
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
    {"forget", "Erase the text of notes and skip reasons from the journal", register_forget, false},
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

/// Which commands need their options declared. Declaring all of them costs more than the
/// rest of a short command's start-up, so only the commands named anywhere on the line are
/// (a word that is really an option's value declares one more, which is harmless), or
/// `today` when none is (bare `attune` runs it); help and completion see everything.
std::vector<bool> commands_to_declare(int argc, const char *const *argv) {
  std::vector<bool> wanted(std::size(command_table), false);
  bool any = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word(argv[i]);
    if (word == "help" || word == "complete" || word == "-h" || word.substr(0, 6) == "--help")
      return std::vector<bool>(std::size(command_table), true);
    for (std::size_t c = 0; c < std::size(command_table); ++c)
      if (word == command_table[c].name)
        wanted[c] = any = true;
  }
  if (!any)
    wanted[0] = true;
  return wanted;
}

/// Names a user could have meant at this level: subcommands and long options.
std::vector<std::string> candidates_for(const CLI::App &app) {
  std::vector<std::string> names;
  for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; }))
    names.push_back(sub->get_name());
  for (const CLI::Option *opt : app.get_options())
    for (const auto &name : opt->get_lnames())
      names.push_back("--" + name);
  return names;
}

/// The deepest subcommand that was parsed (or the app itself).
const CLI::App *deepest_parsed(const CLI::App &app) {
  const CLI::App *at = &app;
  for (;;) {
    const auto parsed = at->get_subcommands();
    if (parsed.empty())
      return at;
    at = parsed.front();
  }
}

/// "attune", "attune checkin", "attune plan validate".
std::string command_path(const CLI::App &at) {
  if (at.get_parent() == nullptr)
    return "attune";
  return command_path(*at.get_parent()) + " " + at.get_name();
}

std::string see_help(const CLI::App &at) {
  return "see '" + command_path(at) + " --help'";
}

/// Turns an unexpected word into one error with a did-you-mean. `where` is the command the
/// word was given to: the deepest one parsed, since global options may follow a command.
Error unexpected_argument(const CLI::App &where, const std::string &word) {
  std::vector<std::string> names = candidates_for(where);
  for (const CLI::App *up = where.get_parent(); up != nullptr; up = up->get_parent())
    for (const CLI::Option *opt : up->get_options())
      for (const auto &name : opt->get_lnames())
        names.push_back("--" + name); // global options are accepted after the command too
  const std::string guess = did_you_mean(word, names);
  const std::string full = command_path(where);
  std::string hint = guess.empty() ? see_help(where) : "did you mean '" + guess + "'?";
  if (!word.empty() && word[0] == '-')
    return Error(ErrorKind::usage, "unknown option \"" + word + "\" for '" + full + "'", hint);
  if (where.get_parent() == nullptr)
    return Error(ErrorKind::usage, "unknown command \"" + word + "\"", hint);
  if (!where.get_subcommands([](const CLI::App *) { return true; }).empty())
    return Error(ErrorKind::usage, "unknown command \"" + word + "\" for '" + full + "'", hint);
  return Error(ErrorKind::usage, "unexpected argument \"" + word + "\" for '" + full + "'", hint);
}

/// The option a CLI11 message names ("--date: At Most 1 ..." or "files is required").
const CLI::Option *named_option(const CLI::App &at, const std::string &name) {
  for (const CLI::App *up = &at; up != nullptr; up = up->get_parent())
    for (const CLI::Option *opt : up->get_options())
      if (opt->check_name(name) || opt->get_name() == name)
        return opt;
  return nullptr;
}

/// How a sentence names an option: "--date", or "FILE" for a positional.
std::string shown_name(const CLI::Option *opt, const std::string &fallback) {
  if (opt == nullptr)
    return fallback;
  if (opt->get_positional())
    return opt->get_type_name().empty() ? opt->get_name() : opt->get_type_name();
  return opt->get_name();
}

/// CLI11's messages, said in attune's own words and naming the command they are about.
/// Every kind of parse error CLI11 raises for our options has its sentence here; anything
/// else keeps CLI11's text, lowercased.
Error from_parse_error(const CLI::ParseError &e, const CLI::App &app) {
  const CLI::App &at = *deepest_parsed(app);
  const std::string full = "'" + command_path(at) + "'";
  const std::string message = e.what();
  const std::string hint = see_help(at);
  const auto colon = message.find(": ");
  const std::string head = colon == std::string::npos ? message : message.substr(0, colon);
  const std::string rest = colon == std::string::npos ? "" : message.substr(colon + 2);
  const CLI::Option *opt = named_option(at, head);
  const std::string name = shown_name(opt, head);

  if (dynamic_cast<const CLI::RequiredError *>(&e) != nullptr) {
    const auto subs =
        at.get_subcommands([](const CLI::App *sub) { return !sub->get_group().empty(); });
    if (message.find("subcommand") != std::string::npos && !subs.empty()) {
      std::vector<std::string> names;
      names.reserve(subs.size());
      for (const CLI::App *sub : subs)
        names.push_back(sub->get_name());
      return Error(ErrorKind::usage, full + " needs a command: " + or_list(names), hint);
    }
    const auto is = message.find(" is required");
    const std::string what = is == std::string::npos ? message : message.substr(0, is);
    const CLI::Option *req = named_option(at, what);
    const bool many = req != nullptr && req->get_positional() && req->get_items_expected_max() > 1;
    return Error(ErrorKind::usage,
                 full + " needs " + (many ? "at least one " : "") + shown_name(req, what), hint);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch *>(&e) != nullptr) {
    if (rest.find("At Most") != std::string::npos || rest.find("too many") != std::string::npos)
      return Error(ErrorKind::usage, name + " was given more than once; " + full + " takes one",
                   hint);
    const std::string type = opt != nullptr ? opt->get_type_name() : "";
    return Error(ErrorKind::usage,
                 name + " needs a value" + (type.empty() ? "" : " (" + type + ")") + " in " + full,
                 hint);
  }
  if (dynamic_cast<const CLI::ConversionError *>(&e) != nullptr) {
    // "Could not convert: --run = all"
    const auto eq = message.find(" = ");
    const auto start = message.find(": ");
    if (eq != std::string::npos && start != std::string::npos && start < eq) {
      const std::string option = message.substr(start + 2, eq - start - 2);
      const std::string value = message.substr(eq + 3);
      return Error(ErrorKind::usage,
                   shown_name(named_option(at, option), option) + " needs a whole number, not \"" +
                       value + "\"",
                   hint);
    }
  }
  if (dynamic_cast<const CLI::ValidationError *>(&e) != nullptr) {
    // "--color: sometimes not in {auto,always,never}"
    const auto not_in = rest.find(" not in {");
    if (not_in != std::string::npos) {
      std::string choices = rest.substr(not_in + 9);
      if (!choices.empty() && choices.back() == '}')
        choices.pop_back();
      std::vector<std::string> list;
      for (std::size_t from = 0; from <= choices.size();) {
        const auto comma = choices.find(',', from);
        list.push_back(choices.substr(from, comma - from));
        if (comma == std::string::npos)
          break;
        from = comma + 1;
      }
      return Error(ErrorKind::usage,
                   "\"" + rest.substr(0, not_in) + "\" is not a choice for " + name + " in " + full,
                   "choose " + or_list(list));
    }
  }
  if (dynamic_cast<const CLI::ExcludesError *>(&e) != nullptr) {
    const auto ex = message.find(" excludes ");
    if (ex != std::string::npos)
      return Error(ErrorKind::usage,
                   message.substr(0, ex) + " and " + message.substr(ex + 10) +
                       " cannot be used together in " + full,
                   hint);
  }
  std::string lower = message;
  if (!lower.empty())
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  return Error(ErrorKind::usage, lower + " (" + full + ")", hint);
}

/// The command names a user may type at the top level (help too, hidden ones not).
std::vector<std::string> visible_command_names() {
  std::vector<std::string> names;
  for (const CommandEntry &entry : command_table)
    if (!entry.hidden)
      names.push_back(entry.name);
  names.push_back("help");
  return names;
}

/// Spells out an abbreviated command: `attune tod` runs today, `attune chec` checkin, and
/// after `plan` (or `help`) the subcommand likewise. An ambiguous prefix is an error that
/// lists the candidates. Only the first word that is not a global option or its value is
/// looked at, so an exercise id or a note is never expanded.
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

} // namespace

int run_app(int argc, const char *const *argv, std::ostream &out, std::ostream &err,
            std::istream &in) {
  Context ctx{out,
              err,
              in,
              {},
              real_getenv,
              isatty(STDIN_FILENO) == 1,
              isatty(STDOUT_FILENO) == 1,
              isatty(STDERR_FILENO) == 1};
  Session session(ctx);
  try {
    CLI::App app{"attune: a six-week practice of small steps toward feeling secure in "
                 "relationships.\nRun with no command to see today's exercises.",
                 "attune"};
    app.formatter(std::make_shared<HelpFormatter>(ctx.text_width())); // before any subcommand
    app.set_version_flag("--version", std::string("attune ") + ATTUNE_VERSION);
    app.allow_extras();
    app.fallthrough(); // global options may also follow the command
    app.require_subcommand(0, 1);
    app.footer("Need help now? 'attune support' shows where to find it.\n"
               "Run 'attune help COMMAND' for one command. Exit codes and files: man attune.");
    app.add_option("--data-dir", ctx.global.data_dir, "Folder for the journal (ATTUNE_DATA_DIR)")
        ->type_name("DIR");
    app.add_option("--plan", ctx.global.plan, "Plan id or TOML file to use")->type_name("ID|FILE");
    app.add_option("--tz", ctx.global.tz, "Time zone for this command only (Europe/Berlin)")
        ->type_name("ZONE");
    app.add_option("--color", ctx.global.color, "Colour: auto, always or never (NO_COLOR)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", ctx.global.quiet, "Print only errors and what was asked for");

    std::vector<Command> commands;
    const std::vector<std::string> args = expand_abbreviations(argc, argv);
    std::vector<const char *> arg_pointers;
    arg_pointers.reserve(args.size());
    for (const auto &arg : args)
      arg_pointers.push_back(arg.c_str());
    const int arg_count = static_cast<int>(arg_pointers.size());
    const std::vector<bool> declare = commands_to_declare(arg_count, arg_pointers.data());
    for (std::size_t c = 0; c < std::size(command_table); ++c) {
      const CommandEntry &entry = command_table[c];
      CLI::App *sub = app.add_subcommand(entry.name, entry.description);
      if (entry.hidden)
        sub->group("");
      if (declare[c]) {
        commands.push_back(entry.declare(sub, session));
      } else {
        // Never parsed: its name is not on the command line.
        commands.push_back({sub, [] { return exit_code::internal; }});
      }
    }
    std::vector<std::string> help_topic;
    CLI::App *help = app.add_subcommand("help", "Show help for a command");
    help->add_option("command", help_topic, "The command (and subcommand: plan validate)")
        ->type_name("COMMAND");

    try {
      app.parse(arg_count, arg_pointers.data());
    } catch (const CLI::CallForHelp &) {
      out << app.help();
      return exit_code::ok;
    } catch (const CLI::CallForAllHelp &) {
      out << app.help("", CLI::AppFormatMode::All);
      return exit_code::ok;
    } catch (const CLI::CallForVersion &) {
      out << "attune " << ATTUNE_VERSION << '\n';
      return exit_code::ok;
    } catch (const CLI::ParseError &e) {
      // --help inside a subcommand arrives here as CallForHelp's base on some paths.
      if (e.get_exit_code() == 0) {
        out << deepest_parsed(app)->help();
        return exit_code::ok;
      }
      throw from_parse_error(e, app);
    }

    // Words nobody claimed, at any level: they were given to the command that ran (global
    // options may follow it, so its words can surface at the top).
    for (const CLI::App *at = &app; at != nullptr;) {
      const auto extras = at->remaining();
      if (!extras.empty())
        throw unexpected_argument(*deepest_parsed(app), extras.front());
      const auto parsed = at->get_subcommands();
      at = parsed.empty() ? nullptr : parsed.front();
    }

    if (help->parsed()) {
      // Formatted directly: app.help() would describe the parsed `help` itself.
      if (help_topic.empty()) {
        out << app.get_formatter()->make_help(&app, "attune", CLI::AppFormatMode::Normal);
        return exit_code::ok;
      }
      const CLI::App *topic = &app;
      for (const auto &word : help_topic) {
        const CLI::App *next = nullptr;
        for (const CLI::App *sub : topic->get_subcommands([](const CLI::App *) { return true; }))
          if (sub->get_name() == word && !sub->get_group().empty() && sub != help)
            next = sub;
        if (next == nullptr)
          throw unexpected_argument(*topic, word);
        topic = next;
      }
      out << topic->help(command_path(*topic->get_parent()));
      return exit_code::ok;
    }
    for (const auto &cmd : commands)
      if (cmd.app->parsed())
        return cmd.run();
    return commands.front().run(); // bare `attune` shows today
  } catch (const Error &e) {
    print_error(ctx, e);
    return exit_code_for(e.kind());
  } catch (const std::bad_alloc &) {
    print_error(ctx, Error(ErrorKind::io, "out of memory", "nothing was written"));
    return exit_code::internal;
  } catch (const std::exception &e) {
    print_error(ctx, Error(ErrorKind::io, std::string("unexpected problem: ") + e.what(),
                           "nothing was written; please report this"));
    return exit_code::internal;
  }
}

StdoutBuffer::StdoutBuffer(int fd) : fd_(fd), line_buffered_(isatty(fd) == 1) {
  setp(buffer_, buffer_ + sizeof buffer_);
}

StdoutBuffer::~StdoutBuffer() {
  (void)drain(); // not sync(): no virtual call from a destructor
}

bool StdoutBuffer::drain() {
  const char *at = pbase();
  while (at < pptr() && error_ == 0) {
    const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO; // kept: later output is dropped, not retried
    } else {
      at += n;
    }
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return error_ == 0;
}

StdoutBuffer::int_type StdoutBuffer::overflow(int_type ch) {
  if (!drain())
    return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

std::streamsize StdoutBuffer::xsputn(const char *s, std::streamsize n) {
  const std::streamsize written = std::streambuf::xsputn(s, n);
  // On a terminal, a finished line shows at once (as stdio's line buffering would), so
  // output and warnings on standard error appear in order.
  if (line_buffered_ && n > 0 && s[n - 1] == '\n')
    sync();
  return written;
}

int StdoutBuffer::sync() {
  return drain() ? 0 : -1;
}

int finish_stdout(int rc, StdoutBuffer &out, std::ostream &err) {
  out.pubsync();
  const int why = out.error();
  if (why == 0)
    return rc;
  if (why == EPIPE)
    return rc; // the reader had enough (SIGPIPE ignored): like cat, say nothing
  if (rc != exit_code::ok && rc != exit_code::remind_open && rc != exit_code::remind_idle &&
      rc != exit_code::remind_paused)
    return rc; // the command's own error was printed and stands
  err << "attune: error: could not write to standard output (" << std::strerror(why)
      << "); the output is incomplete: check where it goes (a full disk?)\n";
  err.flush();
  return exit_code_for(ErrorKind::io);
}

} // namespace attune::cli
