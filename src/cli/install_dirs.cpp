#include "install_dirs.hpp"

#include <climits>
#include <cstdlib>

#include <sys/stat.h>
#include <unistd.h>

#ifndef ATTUNE_INSTALLED_PLANS_DIR
#define ATTUNE_INSTALLED_PLANS_DIR "/usr/local/share/attune/plans"
#endif

namespace attune::cli {
namespace {

bool is_folder(const std::string &path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

} // namespace

std::string installed_plans_dir() {
#ifdef ATTUNE_PLANS_FROM_BIN
  // /proc/self/exe, resolved: the binary's real folder, whatever the symlinks on PATH.
  char buffer[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n > 0) {
    std::string exe(buffer, static_cast<std::size_t>(n));
    const auto slash = exe.rfind('/');
    if (slash != std::string::npos) {
      const std::string beside = exe.substr(0, slash) + "/" + ATTUNE_PLANS_FROM_BIN;
      if (is_folder(beside))
        return beside;
    }
  }
#endif
  return ATTUNE_INSTALLED_PLANS_DIR;
}

} // namespace attune::cli
