#pragma once
/// The user's settings: config.toml text parsed into values that remember where they came from.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attune/error.hpp"

namespace attune {

/// Where a setting's value came from, weakest first.
enum class SettingOrigin { default_, config_file, environment, flag };

/// "default", "config file", "environment", "flag".
std::string_view to_string(SettingOrigin origin) noexcept;

/// A value and where it came from. `where` is set for config-file values (file:line:col),
/// `source` names the variable or flag otherwise ("TZ", "--color").
template <class T> struct Setting {
  Setting() = default;
  Setting(T v, SettingOrigin o = SettingOrigin::default_, Location w = {}, std::string s = {})
      : value(std::move(v)), origin(o), where(std::move(w)), source(std::move(s)) {}
  T value{};
  SettingOrigin origin = SettingOrigin::default_;
  Location where;
  std::string source;
};

/// Every setting attune reads from config.toml, with its default.
struct Config {
  Setting<std::string> timezone; ///< IANA name; "" = not set
  Setting<std::chrono::minutes> day_starts_at{std::chrono::minutes{4 * 60}}; ///< 04:00
  Setting<std::string> plan;          ///< plan id or path; "" = default
  Setting<std::string> color{"auto"}; ///< auto | always | never
  Setting<std::chrono::seconds> lock_timeout{std::chrono::seconds{10}};
  /// [support] lines: the person's own help ("Samaritans 116 123"), shown by `attune support`.
  Setting<std::vector<std::string>> support_lines;
  /// [support] directory: whether `attune support` adds the international helpline directory.
  Setting<bool> support_directory{true};
  /// Local time of the calendar's reminders (`export --format ics`), "19:00" by default.
  Setting<std::chrono::minutes> remind_at{std::chrono::minutes{19 * 60}};
  /// How long a hook may run before it is stopped (1..600 s).
  Setting<std::chrono::seconds> hook_timeout{std::chrono::seconds{5}};
};

/// What the command line and the environment say about settings the file also holds.
struct SettingOverrides {
  std::optional<std::string> plan;     ///< --plan
  std::string color = "auto";          ///< --color; "auto" means not given
  std::optional<std::string> no_color; ///< the NO_COLOR variable, when it is set
};

/// `config` with the overrides on top (flags beat the environment, which beats the file):
/// --plan replaces the plan (Error(usage) "--plan is empty" for ""); --color other than auto
/// replaces the colour; else a colour from the file stays; else NO_COLOR present and not
/// empty makes it "never" (no-color.org: NO_COLOR= alone changes nothing).
///   file color = "always", NO_COLOR=1 -> "always" (config file)
///   no colour in the file, NO_COLOR=1 -> "never" (environment, NO_COLOR)
Config with_overrides(Config config, const SettingOverrides &overrides);

/// At most this many [support] lines, each at most max_support_line_bytes.
inline constexpr std::size_t max_support_lines = 20;
inline constexpr std::size_t max_support_line_bytes = 200;

/// The keys config.toml may hold, in the order `attune config show` prints them.
const std::vector<std::string> &config_keys();

/// Largest config text accepted (bytes); larger text is refused before parsing.
inline constexpr std::size_t max_config_bytes = 64 * 1024;

/// Parses config.toml text on top of the defaults. Size and UTF-8 are checked before toml++
/// sees the text. Throws Error(config) at FILE:LINE:COL for a syntax error, an unknown key
/// (with did-you-mean: "time_zone" -> "timezone"), a wrong type or a bad value (a time zone
/// name that cannot be one, "25:00", a colour other than auto/always/never, a timeout
/// outside 0..3600 (hook_timeout: 1..600), a remind_at that is not HH:MM, a [support] line that is
/// empty, too long or holds a control character). A time zone is checked for spelling only
/// (is_zone_name); whether it exists is for the caller, who reports unknown_zone_error. An empty
/// text gives the defaults.
Config parse_config(std::string_view text, std::string_view source_name);

/// Every problem of config.toml's keys at once, in file order, and the settings that were
/// good; a file too large, not UTF-8 or not TOML throws as parse_config does. parse_config
/// throws the first problem.
struct ConfigParse {
  Config config;
  std::vector<Error> errors;
};
ConfigParse parse_config_all(std::string_view text, std::string_view source_name);

/// The indices of errors in the order of the file (by line, then column; stable; an error
/// without a position first).
std::vector<std::size_t> in_file_order(const std::vector<Error> &errors);

/// Error(config) "unknown time zone \"NAME\"" at `where`, with "did you mean \"GUESS\"?"
/// when `guess` is not empty, else a hint naming two zones.
Error unknown_zone_error(const std::string &name, Location where, const std::string &guess = "");

/// "04:00" for 240 minutes.
std::string format_clock_time(std::chrono::minutes minutes);

} // namespace attune
