#pragma once
/// One register_<name> per command, each in its own cmd_<name>.cpp. Registering only
/// declares the subcommand and its options; the returned runner is called after parsing,
/// so an exception never escapes from inside CLI11.
#include <functional>

namespace CLI {
class App;
}

namespace attune::cli {

class Session;

struct Command {
  CLI::App *app = nullptr;
  std::function<int()> run;
};

Command register_start(CLI::App *sub, Session &session);
Command register_today(CLI::App *sub, Session &session);
Command register_checkin(CLI::App *sub, Session &session);
Command register_undo(CLI::App *sub, Session &session);
Command register_forget(CLI::App *sub, Session &session);
Command register_log(CLI::App *sub, Session &session);
Command register_reflect(CLI::App *sub, Session &session);
Command register_plan(CLI::App *sub, Session &session);
Command register_report(CLI::App *sub, Session &session);
Command register_week(CLI::App *sub, Session &session);
Command register_streak(CLI::App *sub, Session &session);
Command register_export(CLI::App *sub, Session &session);
Command register_import(CLI::App *sub, Session &session);
Command register_remind(CLI::App *sub, Session &session);
Command register_config(CLI::App *sub, Session &session);
Command register_support(CLI::App *sub, Session &session);
Command register_complete(CLI::App *sub, Session &session);
Command register_end(CLI::App *sub, Session &session);
Command register_review(CLI::App *sub, Session &session);
Command register_keep(CLI::App *sub, Session &session);
Command register_cue(CLI::App *sub, Session &session);
Command register_sync(CLI::App *sub, Session &session);
Command register_pause(CLI::App *sub, Session &session);
Command register_resume(CLI::App *sub, Session &session);

} // namespace attune::cli
