#include "app.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
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
    {"undo", "Withdraw the most recent check-in record", register_undo, false},
    {"log", "List what you recorded, newest last", register_log, false},
    {"reflect", "Take the weekly self-check", register_reflect, false},
    {"report", "Show how the programme is going: calendar, adherence, streaks, self-check",
     register_report, false},
    {"streak", "Show your current and longest streak", register_streak, false},
    {"plan", "List, show and check programme plans", register_plan, false},
    {"remind", "Say what is still open today, for cron and status bars (quiet when nothing is)",
     register_remind, false},
    {"export", "Write the whole journal as JSON (with plan copies) or CSV, to keep or move",
     register_export, false},
    {"import", "Add the records of an export (JSON or CSV) or a journal file that are new",
     register_import, false},
    {"config", "Show the settings in use and where they come from", register_config, false},
    {"complete", "Candidates for shell completion (hidden)", register_complete, true},
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

/// Turns an unexpected word into one error with a did-you-mean.
Error unexpected_argument(const CLI::App &where, const std::string &word, bool at_top) {
  const std::string guess = did_you_mean(word, candidates_for(where));
  const std::string full = where.get_parent() ? "attune " + where.get_name() : "attune";
  std::string hint = guess.empty() ? "see '" + full + " --help'" : "did you mean '" + guess + "'?";
  if (!word.empty() && word[0] == '-')
    return Error(ErrorKind::usage, "unknown option \"" + word + "\" for '" + full + "'", hint);
  if (at_top)
    return Error(ErrorKind::usage, "unknown command \"" + word + "\"", hint);
  return Error(ErrorKind::usage, "unexpected argument \"" + word + "\" for '" + full + "'", hint);
}

/// CLI11's own messages, made into our one-line form.
Error from_parse_error(const CLI::ParseError &e, const CLI::App &app) {
  std::string message = e.what();
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  const CLI::App *at = deepest_parsed(app);
  const std::string full = at->get_parent() ? "attune " + at->get_name() : "attune";
  return Error(ErrorKind::usage, message, "see '" + full + " --help'");
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
    app.set_version_flag("--version", std::string("attune ") + ATTUNE_VERSION);
    app.allow_extras();
    app.fallthrough(); // global options may also follow the command
    app.require_subcommand(0, 1);
    app.footer("Run 'attune help COMMAND' for one command. Exit codes and files: man attune.");
    app.add_option("--data-dir", ctx.global.data_dir, "Folder for the journal (ATTUNE_DATA_DIR)")
        ->type_name("DIR");
    app.add_option("--plan", ctx.global.plan, "Plan id or TOML file to use")->type_name("ID|FILE");
    app.add_option("--color", ctx.global.color, "Colour: auto, always or never (NO_COLOR)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", ctx.global.quiet, "Print only errors and what was asked for");

    std::vector<Command> commands;
    const std::vector<bool> declare = commands_to_declare(argc, argv);
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
    std::string help_topic;
    CLI::App *help = app.add_subcommand("help", "Show help for a command");
    help->add_option("command", help_topic, "The command")->type_name("COMMAND");

    try {
      app.parse(argc, argv);
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

    // Words nobody claimed, at any level from the top down to the command that ran.
    for (const CLI::App *at = &app; at != nullptr;) {
      const auto extras = at->remaining();
      if (!extras.empty())
        throw unexpected_argument(*at, extras.front(), at == &app);
      const auto parsed = at->get_subcommands();
      at = parsed.empty() ? nullptr : parsed.front();
    }

    if (help->parsed()) {
      if (help_topic.empty()) {
        out << app.help();
        return exit_code::ok;
      }
      for (const auto &cmd : commands) {
        if (cmd.app->get_name() == help_topic && !cmd.app->get_group().empty()) {
          out << cmd.app->help();
          return exit_code::ok;
        }
      }
      throw unexpected_argument(app, help_topic, true);
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
  sync();
}

bool StdoutBuffer::drain() {
  const char *at = pbase();
  while (at < pptr() && error_ == 0) {
    const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      error_ = n < 0 ? errno : EIO; // kept: later output is dropped, not retried
    else
      at += n;
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
  if (rc != exit_code::ok && rc != exit_code::remind_open && rc != exit_code::remind_idle)
    return rc; // the command's own error was printed and stands
  err << "attune: error: could not write to standard output (" << std::strerror(why)
      << "); the output is incomplete: check where it goes (a full disk?)\n";
  err.flush();
  return exit_code_for(ErrorKind::io);
}

} // namespace attune::cli
