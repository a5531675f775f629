// libFuzzer harness: the whole command line, through run_app as main() calls it.
//
// Input: one or more command lines separated by '\n', arguments separated by ' '. They run
// in order against one fresh data folder, so "start" followed by "checkin ..." reaches the
// deeper paths. Safety: the process works inside a private temp folder (cwd, HOME, data and
// config all point there) and any input naming a path ('/', "..", '~') is ignored, so
// nothing outside the sandbox can be read or written whatever the fuzzer invents. Because
// the working folder changes, give libFuzzer absolute corpus and artifact paths.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "../src/cli/app.hpp"

namespace fs = std::filesystem;

namespace {
fs::path sandbox;

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = text.find(sep, from);
    parts.emplace_back(text.substr(from, at == std::string_view::npos ? text.npos : at - from));
    if (at == std::string_view::npos)
      return parts;
    from = at + 1;
  }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  char tmpl[] = "/tmp/attune-fuzz-cli.XXXXXX";
  if (mkdtemp(tmpl) == nullptr)
    std::abort();
  sandbox = tmpl;
  // The replay runs in the test suite: leave no folder behind in /tmp.
  std::atexit([] {
    std::error_code ec;
    fs::current_path("/", ec);
    fs::remove_all(sandbox, ec);
  });
  fs::current_path(sandbox);
  setenv("HOME", (sandbox / "home").c_str(), 1);
  setenv("ATTUNE_DATA_DIR", (sandbox / "data").c_str(), 1);
  setenv("XDG_CONFIG_HOME", (sandbox / "config").c_str(), 1);
  setenv("XDG_DATA_HOME", (sandbox / "xdg-data").c_str(), 1);
  setenv("XDG_STATE_HOME", (sandbox / "xdg-state").c_str(), 1);
  setenv("ATTUNE_NOW", "2026-11-26T09:30", 1);
  setenv("TZ", "Europe/Berlin", 1);
  setenv("NO_COLOR", "1", 1);
  unsetenv("EDITOR");
  unsetenv("VISUAL");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  if (size > 4096 || text.find('/') != text.npos || text.find("..") != text.npos ||
      text.find('~') != text.npos || text.find('\0') != text.npos)
    return -1; // not worth keeping in the corpus
  const std::vector<std::string> lines = split(text, '\n');
  if (lines.size() > 8)
    return -1;
  std::error_code ec;
  fs::remove_all(sandbox / "data", ec);
  fs::remove_all(sandbox / "config", ec);
  for (const std::string &line : lines) {
    std::vector<std::string> args = split(line, ' ');
    args.insert(args.begin(), "attune");
    std::vector<const char *> argv;
    argv.reserve(args.size() + 1);
    for (const auto &a : args)
      argv.push_back(a.c_str());
    argv.push_back(nullptr);
    std::ostringstream out, err;
    std::istringstream in("y\n3\n3\n3\n3\n3\n3\n");
    const int rc = attune::cli::run_app(static_cast<int>(args.size()), argv.data(), out, err, in);
    // Exit 1 means an unexpected exception reached the top: a bug, never a user's fault.
    if (rc == 1)
      std::abort();
    // Whatever went wrong must have been said, in one prefixed message.
    if (rc != 0 && rc != 10 && rc != 11 && err.str().find("attune: ") == std::string::npos)
      std::abort();
  }
  return 0;
}
