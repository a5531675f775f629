#pragma once
/// Where attune keeps things: a pure function of flags, environment and the passwd home.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace attune {

/// Looks up an environment variable (empty optional when unset).
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct Paths {
  std::string data_dir;    ///< journal, lock, plan copies
  std::string config_file; ///< $XDG_CONFIG_HOME/attune/config.toml
  std::string plans_dir;   ///< $XDG_CONFIG_HOME/attune/plans (user plans)
  /// $XDG_STATE_HOME/attune (absolute only), else HOME/.local/state/attune, else the
  /// passwd home's; "" when there is no home (state is then not kept: it is never needed).
  std::string state_dir;
};

/// Resolution, first match wins:
///   data:   --data-dir, ATTUNE_DATA_DIR, $XDG_DATA_HOME/attune (absolute only),
///           HOME/.local/share/attune, passwd_home/.local/share/attune
///   config: $XDG_CONFIG_HOME/attune (absolute only), HOME/.config/attune, passwd_home/...
/// HOME is used when absolute; relative XDG values are ignored, as the spec says.
/// Never falls back to the current folder: throws Error(usage) when there is no home.
Paths resolve_paths(const EnvLookup &env, const std::optional<std::string> &data_dir_flag,
                    const std::optional<std::string> &passwd_home);

} // namespace attune
