#include "git_process.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attune/error.hpp"

extern char **environ;

namespace attune::cli {
namespace {

/// Variables a git hook sets that would point git at another repository.
bool is_dropped_variable(const std::string &entry) {
  static const char *const dropped[] = {
      "GIT_DIR=",    "GIT_WORK_TREE=",  "GIT_INDEX_FILE=",     "GIT_OBJECT_DIRECTORY=",
      "GIT_PREFIX=", "GIT_COMMON_DIR=", "GIT_NAMESPACE=",      "GIT_ALTERNATE_OBJECT_DIRECTORIES=",
      "LC_ALL=",     "LANGUAGE=",       "GIT_TERMINAL_PROMPT="};
  for (const char *name : dropped)
    if (entry.compare(0, std::strlen(name), name) == 0)
      return true;
  return false;
}

/// Closes a pipe end on scope exit.
struct PipeEnd {
  int fd = -1;
  ~PipeEnd() {
    if (fd >= 0)
      ::close(fd);
  }
};

} // namespace

std::string find_program_on_path(const std::string &path, const std::string &name) {
  std::size_t from = 0;
  while (from <= path.size()) {
    std::size_t colon = path.find(':', from);
    if (colon == std::string::npos)
      colon = path.size();
    const std::string folder = path.substr(from, colon - from);
    from = colon + 1;
    if (folder.empty() || folder[0] != '/') // never the current folder
      continue;
    std::string candidate = folder;
    candidate += '/';
    candidate += name;
    if (::access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return {};
}

GitRunner::GitRunner(const Context &ctx, std::string dir)
    : program_(
          find_program_on_path(ctx.env("PATH").value_or("/usr/local/bin:/usr/bin:/bin"), "git")),
      dir_(std::move(dir)) {
  if (program_.empty())
    throw Error(ErrorKind::unavailable, "git is not installed, and attune sync works through it",
                "install the package 'git' (on Debian: sudo apt install git)");
  for (char **at = environ; at != nullptr && *at != nullptr; ++at)
    if (!is_dropped_variable(*at))
      env_.emplace_back(*at);
  env_.emplace_back("GIT_TERMINAL_PROMPT=0");
  env_.emplace_back("LC_ALL=C");
}

GitOutput GitRunner::run(const std::vector<std::string> &args) const {
  std::vector<std::string> words = {program_, "-C", dir_};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char *> argv;
  argv.reserve(words.size() + 1);
  for (std::string &w : words)
    argv.push_back(w.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_copy = env_;
  std::vector<char *> envp;
  envp.reserve(env_copy.size() + 1);
  for (std::string &e : env_copy)
    envp.push_back(e.data());
  envp.push_back(nullptr);

  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0)
    throw Error(ErrorKind::io, std::string("cannot start git: ") + std::strerror(errno));
  PipeEnd out_read{out_pipe[0]}, out_write{out_pipe[1]};
  if (::pipe2(err_pipe, O_CLOEXEC) != 0)
    throw Error(ErrorKind::io, std::string("cannot start git: ") + std::strerror(errno));
  PipeEnd err_read{err_pipe[0]}, err_write{err_pipe[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write.fd, STDERR_FILENO);
  pid_t child = -1;
  const int spawned =
      ::posix_spawn(&child, program_.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw Error(ErrorKind::io, "cannot start git (" + program_ + "): " + std::strerror(spawned),
                "check that it runs: git --version");
  ::close(out_write.fd);
  out_write.fd = -1;
  ::close(err_write.fd);
  err_write.fd = -1;

  GitOutput result;
  pollfd fds[2] = {{out_read.fd, POLLIN, 0}, {err_read.fd, POLLIN, 0}};
  std::string *sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0)
        continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0) {
        fds[i].fd = -1; // closed by PipeEnd
        --open_count;
        continue;
      }
      sinks[i]->append(buffer, static_cast<std::size_t>(n));
    }
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

} // namespace attune::cli
