#include "attune/paths.hpp"

#include "attune/error.hpp"

namespace attune {
namespace {

/// A set, non-empty value of the variable.
std::optional<std::string> non_empty(const EnvLookup &env, std::string_view name) {
  auto value = env(name);
  if (!value || value->empty())
    return std::nullopt;
  return value;
}

/// A set, absolute value: the XDG spec says relative values are invalid and ignored.
std::optional<std::string> absolute(const EnvLookup &env, std::string_view name) {
  auto value = non_empty(env, name);
  if (!value || (*value)[0] != '/')
    return std::nullopt;
  return value;
}

std::string join(std::string base, std::string_view tail) {
  while (base.size() > 1 && base.back() == '/')
    base.pop_back();
  if (base != "/")
    base += '/';
  base += tail;
  return base;
}

} // namespace

Paths resolve_paths(const EnvLookup &env, const std::optional<std::string> &data_dir_flag,
                    const std::optional<std::string> &passwd_home) {
  std::optional<std::string> home = absolute(env, "HOME");
  if (!home && passwd_home && !passwd_home->empty() && (*passwd_home)[0] == '/')
    home = passwd_home;

  const auto need_home = [&](std::string_view what) -> const std::string & {
    if (!home)
      throw Error(ErrorKind::usage,
                  "cannot find a home folder for the " + std::string(what) +
                      " (HOME is unset or not absolute, and there is no passwd entry)",
                  "set HOME, or give --data-dir DIR (or ATTUNE_DATA_DIR) and XDG_CONFIG_HOME");
    return *home;
  };

  Paths paths;
  if (data_dir_flag && !data_dir_flag->empty())
    paths.data_dir = *data_dir_flag;
  else if (auto dir = non_empty(env, "ATTUNE_DATA_DIR"))
    paths.data_dir = *dir;
  else if (auto xdg = absolute(env, "XDG_DATA_HOME"))
    paths.data_dir = join(*xdg, "attune");
  else
    paths.data_dir = join(need_home("journal"), ".local/share/attune");

  std::string config_dir;
  if (auto xdg = absolute(env, "XDG_CONFIG_HOME"))
    config_dir = join(*xdg, "attune");
  else
    config_dir = join(need_home("configuration"), ".config/attune");
  paths.config_file = join(config_dir, "config.toml");
  paths.plans_dir = join(config_dir, "plans");
  if (auto xdg = absolute(env, "XDG_STATE_HOME"))
    paths.state_dir = join(*xdg, "attune");
  else if (home)
    paths.state_dir = join(*home, ".local/state/attune");
  return paths;
}

} // namespace attune
