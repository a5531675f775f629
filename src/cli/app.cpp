#include "app.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "command_table.hpp"
#include "commands.hpp"
#include "help_format.hpp"
#include "output.hpp"
#include "parse_errors.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

std::optional<std::string> real_getenv(std::string_view name) {
  const char *value = std::getenv(std::string(name).c_str());
  if (value == nullptr)
    return std::nullopt;
  return std::string(value);
}

/// attune's description, footer, --version and the global options, which may also follow
/// the command.
void declare_globals(CLI::App &app, Context &ctx) {
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
}

/// Every command of command_table as a subcommand of `app`, in its order; only those
/// `declare` marks get their options (the others are never parsed: their names are not on
/// the command line).
std::vector<Command> declare_commands(CLI::App &app, Session &session,
                                      const std::vector<bool> &declare) {
  std::vector<Command> commands;
  commands.reserve(command_count);
  for (std::size_t c = 0; c < command_count; ++c) {
    const CommandEntry &entry = command_table[c];
    CLI::App *sub = app.add_subcommand(entry.name, entry.description);
    if (entry.hidden)
      sub->group("");
    if (declare[c])
      commands.push_back(entry.declare(sub, session));
    else
      commands.push_back({sub, [] { return exit_code::internal; }});
  }
  return commands;
}

/// Throws for the first word nobody claimed, at any level: it was given to the command that
/// ran (global options may follow it, so its words can surface at the top).
void reject_unclaimed(const CLI::App &app) {
  for (const CLI::App *at = &app; at != nullptr;) {
    const auto extras = at->remaining();
    if (!extras.empty())
      throw unexpected_argument(*deepest_parsed(app), extras.front());
    const auto parsed = at->get_subcommands();
    at = parsed.empty() ? nullptr : parsed.front();
  }
}

/// `attune help [COMMAND [SUBCOMMAND]]`: the help of the command named, or attune's own.
int show_help(const CLI::App &app, const CLI::App &help, const std::vector<std::string> &topic,
              std::ostream &out) {
  // Formatted directly: app.help() would describe the parsed `help` itself.
  if (topic.empty()) {
    out << app.get_formatter()->make_help(&app, "attune", CLI::AppFormatMode::Normal);
    return exit_code::ok;
  }
  const CLI::App *at = &app;
  for (const auto &word : topic) {
    const CLI::App *next = nullptr;
    for (const CLI::App *sub : at->get_subcommands([](const CLI::App *) { return true; }))
      if (sub->get_name() == word && !sub->get_group().empty() && sub != &help)
        next = sub;
    if (next == nullptr)
      throw unexpected_argument(*at, word);
    at = next;
  }
  out << at->help(command_path(*at->get_parent()));
  return exit_code::ok;
}

/// Parses the command line and runs the command; what goes wrong escapes as an exception.
int parse_and_run(Session &session, int argc, const char *const *argv) {
  Context &ctx = session.ctx();
  std::ostream &out = ctx.out;
  CLI::App app{"attune: a six-week practice of small steps toward feeling secure in "
               "relationships.\nRun with no command to see today's exercises.",
               "attune"};
  declare_globals(app, ctx);

  const std::vector<std::string> args = expand_abbreviations(argc, argv);
  std::vector<const char *> arg_pointers;
  arg_pointers.reserve(args.size());
  for (const auto &arg : args)
    arg_pointers.push_back(arg.c_str());
  const int arg_count = static_cast<int>(arg_pointers.size());
  const std::vector<Command> commands =
      declare_commands(app, session, commands_to_declare(arg_count, arg_pointers.data()));
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
  reject_unclaimed(app);
  if (help->parsed())
    return show_help(app, *help, help_topic, out);
  for (const auto &cmd : commands)
    if (cmd.app->parsed())
      return cmd.run();
  return commands.front().run(); // bare `attune` shows today
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
    return parse_and_run(session, argc, argv);
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

} // namespace attune::cli
