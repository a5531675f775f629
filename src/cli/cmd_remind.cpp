// `attune remind`: one kind line when something for today is still open, nothing otherwise.
// Made for cron, systemd timers and status bars: it only reads, never asks, never colours,
// and waits for the journal lock no longer than the configured lock timeout.
#include <cerrno>
#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/remind.hpp"
#include "attune/text.hpp"
#include "attune/today_view.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct RemindOptions {
  bool exit_code = false;
  std::string format = "text";
  bool notify = false;
};

/// The reminder for today: the clock's day first, then the run to show and its plan.
Reminder build_reminder(Session &session) {
  const Day today = session.today();
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run *run = run_to_show(history);
  if (run == nullptr)
    return decide_remind(nullptr, nullptr, today);
  const Plan plan = session.plan_for_run(*run);
  return decide_remind(&plan, run, today);
}

/// The first executable `name` in PATH (cron's minimal PATH when unset); "" if none.
std::string find_on_path(const Context &ctx, const std::string &name) {
  const std::string path = ctx.env("PATH").value_or("/usr/local/bin:/usr/bin:/bin");
  std::size_t from = 0;
  while (from <= path.size()) {
    std::size_t colon = path.find(':', from);
    if (colon == std::string::npos)
      colon = path.size();
    const std::string dir = path.substr(from, colon - from);
    from = colon + 1;
    if (dir.empty() || dir[0] != '/') // never the current folder
      continue;
    std::string candidate = dir;
    candidate += '/';
    candidate += name;
    if (access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return {};
}

/// Runs notify-send directly (no shell), waiting at most a few seconds. True when it said
/// it showed the notification.
bool send_notification(const Context &ctx, const std::string &body) {
  const std::string program = find_on_path(ctx, "notify-send");
  if (program.empty())
    return false;
  std::vector<std::string> args = {program, "--app-name=attune", "attune", body};
  std::vector<char *> argv;
  argv.reserve(args.size() + 1);
  for (auto &arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);

  const pid_t child = fork();
  if (child < 0)
    return false;
  if (child == 0) {
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  // A hung D-Bus must not hang a cron job: give up after 5 s.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child)
      return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (done < 0 && errno != EINTR)
      return false;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int run_remind(const RemindOptions &opts, Session &session) {
  Context &ctx = session.ctx();
  const Reminder r = build_reminder(session);
  if (opts.format == "json") {
    ctx.out << render_remind_json(r);
  } else {
    const bool notified = r.state == RemindState::open && opts.notify &&
                          send_notification(ctx, printable(remind_summary(r)));
    ctx.out << render_remind_text(r, notified);
  }
  if (!opts.exit_code)
    return exit_code::ok;
  switch (r.state) {
  case RemindState::open:
    return exit_code::remind_open;
  case RemindState::idle:
    return exit_code::remind_idle;
  case RemindState::paused:
    return exit_code::remind_paused;
  case RemindState::clear:
    break;
  }
  return exit_code::ok;
}

} // namespace

Command register_remind(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<RemindOptions>();
  sub->add_flag("--exit-code", opts->exit_code,
                "Exit 10 when something is open, 11 when no programme runs, 12 while "
                "paused, 0 otherwise");
  sub->add_option("--format", opts->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  sub->add_flag("--notify", opts->notify,
                "Send a desktop notification with notify-send (prints when it cannot)");
  return {sub, [opts, &session]() { return run_remind(*opts, session); }};
}

} // namespace attune::cli
