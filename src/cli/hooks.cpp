// Running hooks: posix_spawn (no shell), stdin from a pipe, a time limit on the process group.
#include "hooks.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "attune/config.hpp"
#include "attune/exchange.hpp"
#include "attune/hooks.hpp"
#include "attune/text.hpp"
#include "session.hpp"

extern char **environ;

namespace attune::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string folder_of(const std::string &file) {
  const auto slash = file.rfind('/');
  return slash == std::string::npos ? std::string(".") : file.substr(0, slash);
}

/// The records with their programme weeks (hook_entries), each run read from the journal.
std::vector<LogEntry> entries_for(Session &session, const std::vector<Record> &records) {
  return hook_entries(
      records, [&](unsigned claim) { return build_history(session.read_journal_run(claim)); },
      [&](const Run &run) { return session.plan_for_run(run); });
}

/// Writes all of `data` to `fd` (non-blocking) before `deadline`; false when the hook stopped
/// reading (closed its stdin: fine) or time ran out.
bool feed(int fd, const std::string &data, Clock::time_point deadline) {
  std::size_t done = 0;
  while (done < data.size()) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0)
      return false;
    pollfd p{fd, POLLOUT, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 100)));
    if (ready < 0 && errno != EINTR)
      return false;
    if (ready <= 0)
      continue;
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return false; // EPIPE: the hook does not read its input
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

/// What became of one hook: "" when it succeeded, else the end of the warning.
std::string run_one(const std::string &path, const std::string &input, std::chrono::seconds limit) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    return std::string("could not be started (") + std::strerror(errno) + ")";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO); // stdout stays ours
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0); // its own group, so a time-out stops its children too
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> env_text;
  for (char **e = environ; *e != nullptr; ++e)
    if (std::strncmp(*e, "ATTUNE_HOOK=", 12) != 0)
      env_text.emplace_back(*e);
  env_text.emplace_back("ATTUNE_HOOK=1");
  std::vector<char *> envp;
  envp.reserve(env_text.size() + 1);
  for (auto &e : env_text)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string program = path;
  char *argv[] = {program.data(), nullptr};
  pid_t child = 0;
  const int spawned = posix_spawn(&child, path.c_str(), &actions, &attr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(fds[0]);
  if (spawned != 0) {
    close(fds[1]);
    return std::string("could not be started (") + std::strerror(spawned) + ")";
  }
  const auto deadline = Clock::now() + limit;
  // A hook that closes its stdin early must not kill attune with SIGPIPE.
  struct sigaction ignore {
  }, before{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &before);
  fcntl(fds[1], F_SETFL, O_NONBLOCK);
  (void)feed(fds[1], input, deadline);
  close(fds[1]);
  sigaction(SIGPIPE, &before, nullptr);
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) {
      if (WIFEXITED(status))
        return WEXITSTATUS(status) == 0
                   ? ""
                   : "failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
      return "was stopped by signal " + std::to_string(WTERMSIG(status));
    }
    if (done < 0 && errno != EINTR)
      return "could not be waited for";
    if (Clock::now() >= deadline) {
      kill(-child, SIGKILL);
      waitpid(child, &status, 0);
      return "did not finish within " + std::to_string(limit.count()) +
             " s and was stopped (hook_timeout in config.toml)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

} // namespace

void run_hooks(Session &session, HookCommand command, const std::vector<Record> &written) {
  try {
    Context &ctx = session.ctx();
    const auto inside = ctx.env("ATTUNE_HOOK");
    if (inside && !inside->empty())
      return;
    const std::vector<HookCall> calls = hooks_for(command, written);
    if (calls.empty())
      return;
    const std::string folder = folder_of(session.paths().config_file) + "/hooks";
    struct stat dir {};
    if (stat(folder.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode))
      return;        // no hooks folder: nothing to run
    ctx.out.flush(); // what attune said comes before what a hook says
    ctx.err.flush();
    for (const HookCall &call : calls) {
      const std::string path = folder + '/' + call.name;
      struct stat file {};
      if (stat(path.c_str(), &file) != 0)
        continue; // no such hook
      HookFileInfo info;
      info.regular = S_ISREG(file.st_mode);
      info.executable = access(path.c_str(), X_OK) == 0;
      info.world_writable = (file.st_mode & S_IWOTH) != 0;
      info.folder_world_writable = (dir.st_mode & S_IWOTH) != 0;
      const std::string refusal = hook_refusal(info);
      const std::string saved =
          written.size() == 1 ? "the record is saved" : "the records are saved";
      if (!refusal.empty()) {
        std::string message = "hook " + printable(path);
        message += ' ';
        message += refusal;
        message += "; ";
        message += saved;
        ctx.warn(message);
        continue;
      }
      const std::string outcome = run_one(path, hook_input(entries_for(session, call.records)),
                                          session.config().hook_timeout.value);
      if (!outcome.empty()) {
        std::string message = "hook " + call.name;
        message += ' ';
        message += outcome;
        message += "; ";
        message += saved;
        ctx.warn(message);
      }
    }
  } catch (...) { // a hook never changes what the command did or its exit status
  }
}

} // namespace attune::cli
