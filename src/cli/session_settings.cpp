// The Session's settings: the data folder and other paths, the config file with the flags
// and environment on top, the time zone and the clock.
#include <cerrno>
#include <climits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pwd.h>
#include <unistd.h>

#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "clock.hpp"
#include "output.hpp"
#include "session.hpp"
#include "session_state.hpp"

namespace attune::cli {
namespace {

/// The home folder from the passwd database, for when HOME is unset or relative.
std::optional<std::string> passwd_home() {
  long size = sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
  struct passwd entry {};
  struct passwd *found = nullptr;
  for (;;) {
    const int rc = getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found);
    if (rc == ERANGE && buffer.size() < (1U << 20)) {
      buffer.resize(buffer.size() * 2);
      continue;
    }
    if (rc != 0 || found == nullptr || found->pw_dir == nullptr || found->pw_dir[0] != '/')
      return std::nullopt;
    return std::string(found->pw_dir);
  }
}

std::string make_absolute(const std::string &path) {
  if (path.empty() || path[0] == '/')
    return path;
  std::vector<char> cwd(PATH_MAX);
  if (getcwd(cwd.data(), cwd.size()) == nullptr)
    throw Error(ErrorKind::usage, "cannot tell the current folder to resolve \"" + path + "\"",
                "give --data-dir as an absolute path");
  std::string base(cwd.data());
  std::string rest = path;
  while (rest.compare(0, 2, "./") == 0)
    rest.erase(0, 2);
  return base == "/" ? "/" + rest : base + "/" + rest;
}

/// The config file's text, or nullopt when there is none. Reads at most one byte more than a
/// config file may hold, so a huge file is refused without reading it all.
std::optional<std::string> read_config_text(const std::string &file) {
  // One byte over the limit is kept, so parse_config still says "too large".
  auto in = read_input_file(file, max_config_bytes + 1, "the config file", InputOwner::config);
  if (!in)
    return std::nullopt;
  return std::move(in->text);
}

} // namespace

const Paths &Session::paths() {
  if (!state_->paths) {
    std::optional<std::string> flag;
    if (ctx_.global.data_dir) {
      if (ctx_.global.data_dir->empty())
        throw Error(ErrorKind::usage, "--data-dir is empty", "give a folder");
      flag = make_absolute(*ctx_.global.data_dir);
    }
    const auto home = ctx_.env("HOME");
    const bool home_ok = home && !home->empty() && (*home)[0] == '/';
    state_->paths = resolve_paths(ctx_.env, flag, home_ok ? std::nullopt : passwd_home());
  }
  return *state_->paths;
}

const Config &Session::config() {
  if (!state_->config) {
    const std::string &file = paths().config_file;
    Config config;
    if (const auto text = read_config_text(file)) {
      ConfigParse parsed = parse_config_all(*text, file);
      config = std::move(parsed.config);
      // A zone that is spelt like one but does not exist is a mistake of the same file.
      if (!config.timezone.value.empty() && config.timezone.value != "auto" &&
          load_zone(config.timezone.value, ctx_.env) == nullptr) {
        parsed.errors.push_back(unknown_zone_error(config.timezone.value, config.timezone.where,
                                                   suggest_zone(config.timezone.value, ctx_.env)));
        config.timezone = {};
      }
      // Every mistake at once, one line each; the last decides the exit status (78).
      if (!parsed.errors.empty()) {
        const std::vector<std::size_t> order = in_file_order(parsed.errors);
        for (std::size_t i = 0; i + 1 < order.size(); ++i)
          print_error(ctx_, parsed.errors[order[i]]);
        throw parsed.errors[order.back()];
      }
    }
    // Flags beat the environment, which beats the file.
    config = with_overrides(std::move(config),
                            {ctx_.global.plan, ctx_.global.color, ctx_.env("NO_COLOR")});
    if (ctx_.global.color == "auto" && config.color.origin == SettingOrigin::config_file)
      ctx_.global.color = config.color.value; // Context::use_color reads it from here
    state_->config = std::move(config);
  }
  return *state_->config;
}

bool Session::use_color() {
  (void)config();
  return ctx_.use_color();
}

std::string Session::chosen_plan() {
  const Config &c = config();
  return c.plan.value.empty() ? std::string(default_plan_id) : c.plan.value;
}

const Zone &Session::zone() {
  if (!state_->zone && ctx_.global.tz) {
    const std::string &name = *ctx_.global.tz;
    const Zone *zone = name.empty() ? nullptr : load_zone(name, ctx_.env);
    if (zone == nullptr) {
      const std::string guess = suggest_zone(name, ctx_.env);
      throw Error(ErrorKind::usage, "unknown time zone \"" + name + "\" for --tz",
                  guess.empty()
                      ? "use an IANA name such as \"Europe/Berlin\" or \"America/Los_Angeles\""
                      : "did you mean \"" + guess + "\"?");
    }
    state_->zone = ZoneChoice{zone, name, "--tz"};
  }
  if (!state_->zone)
    state_->zone = choose_zone(config().timezone, ctx_.env,
                               [this](const std::string &text) { ctx_.warn(text); });
  return *state_->zone->zone;
}

const std::string &Session::zone_name() {
  (void)zone();
  return state_->zone->name;
}

const std::string &Session::zone_source() {
  (void)zone();
  return state_->zone->source;
}

Instant Session::now() {
  if (!state_->now)
    state_->now = current_instant(ctx_.env, zone());
  return *state_->now;
}

void Session::check_now_setting() {
  if (const auto value = ctx_.env("ATTUNE_NOW"); value && !parse_local_time(*value))
    (void)now(); // words the error
}

Day Session::today() {
  return logical_day(to_local(now(), zone()), config().day_starts_at.value);
}

RecordedDay Session::recorded_day() {
  const Zone &here = zone();
  const auto day_start = config().day_starts_at.value;
  return [&here, day_start](Instant instant) {
    return logical_day(to_local(instant, here), day_start);
  };
}

} // namespace attune::cli
