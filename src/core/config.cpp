#include "attune/config.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <toml++/toml.h>

#include "attune/calendar.hpp"
#include "attune/text.hpp"
#include "attune/zone.hpp"

namespace attune {
namespace {

const char *const default_hint = "see 'man attune', CONFIGURATION";

Location at(std::string_view file, const toml::source_region &region) {
  return Location{std::string(file), static_cast<int>(region.begin.line),
                  static_cast<int>(region.begin.column)};
}

std::string_view type_name(toml::node_type type) {
  switch (type) {
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a number";
  case toml::node_type::boolean:
    return "true/false";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::date:
  case toml::node_type::time:
  case toml::node_type::date_time:
    return "a date or time";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

/// The node's string, or Error(config) naming the key and what it holds instead.
std::string want_string(const toml::node &node, std::string_view key, std::string_view file,
                        std::string_view example) {
  if (const auto *s = node.as_string())
    return s->get();
  throw Error(
      ErrorKind::config,
      "\"" + std::string(key) + "\" must be a string, not " + std::string(type_name(node.type())),
      "for example: " + std::string(key) + " = " + std::string(example), at(file, node.source()));
}

/// [support] lines = ["Samaritans 116 123", ...] and directory = true|false.
void read_support(const toml::node &node, std::string_view file, Config &config) {
  const auto *table = node.as_table();
  if (table == nullptr)
    throw Error(ErrorKind::config,
                "\"support\" must be a table, not " + std::string(type_name(node.type())),
                "write [support] on its own line, then lines = [\"...\"]", at(file, node.source()));
  static const std::vector<std::string> keys = {"lines", "directory"};
  for (auto &&[key, value] : *table) {
    const std::string name(key.str());
    if (name == "directory") {
      const auto *flag = value.as_boolean();
      if (flag == nullptr)
        throw Error(ErrorKind::config,
                    "\"directory\" must be true/false, not " + std::string(type_name(value.type())),
                    "for example: directory = false", at(file, value.source()));
      config.support_directory = {
          flag->get(), SettingOrigin::config_file, at(file, key.source()), {}};
      continue;
    }
    if (name != "lines") {
      const std::string guess = did_you_mean(name, keys);
      throw Error(ErrorKind::config, "unknown key \"" + name + "\" in [support]",
                  guess.empty() ? "known keys: lines, directory"
                                : "did you mean \"" + guess + "\"?",
                  at(file, key.source()));
    }
    const auto *list = value.as_array();
    if (list == nullptr)
      throw Error(ErrorKind::config,
                  "\"lines\" must be a list of strings, not " +
                      std::string(type_name(value.type())),
                  "for example: lines = [\"Samaritans 116 123\", \"Dr Okafor 020 7946 0000\"]",
                  at(file, value.source()));
    if (list->size() > max_support_lines)
      throw Error(ErrorKind::config,
                  "[support] has " + std::to_string(list->size()) + " lines, at most " +
                      std::to_string(max_support_lines),
                  "keep the few that matter most", at(file, value.source()));
    std::vector<std::string> lines;
    for (const toml::node &item : *list) {
      const auto *text = item.as_string();
      if (text == nullptr)
        throw Error(ErrorKind::config,
                    "a support line must be a string, not " + std::string(type_name(item.type())),
                    "put each line in double quotes", at(file, item.source()));
      const std::string &line = text->get();
      const bool blank = line.find_first_not_of(" \t") == std::string::npos;
      if (blank)
        throw Error(ErrorKind::config, "a support line is empty",
                    "write a name and a number or address, or remove it", at(file, item.source()));
      if (line.size() > max_support_line_bytes)
        throw Error(ErrorKind::config,
                    "a support line is too long (" + std::to_string(line.size()) +
                        " bytes, at most " + std::to_string(max_support_line_bytes) + ")",
                    "one contact per line, like \"Samaritans 116 123\"", at(file, item.source()));
      for (const char c : line)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          throw Error(ErrorKind::config, "a support line holds a control character",
                      "write plain text, one contact per line", at(file, item.source()));
      lines.push_back(line);
    }
    config.support_lines = {
        std::move(lines), SettingOrigin::config_file, at(file, key.source()), {}};
  }
}

} // namespace

Error unknown_zone_error(const std::string &name, Location where, const std::string &guess) {
  return Error(ErrorKind::config, "unknown time zone \"" + name + "\"",
               guess.empty() ? "use an IANA name such as \"Europe/Berlin\" or \"America/New_York\""
                             : "did you mean \"" + guess + "\"?",
               std::move(where));
}

std::string_view to_string(SettingOrigin origin) noexcept {
  switch (origin) {
  case SettingOrigin::default_:
    return "default";
  case SettingOrigin::config_file:
    return "config file";
  case SettingOrigin::environment:
    return "environment";
  case SettingOrigin::flag:
    return "flag";
  }
  return "default";
}

const std::vector<std::string> &config_keys() {
  static const std::vector<std::string> keys = {"timezone",  "day_starts_at", "plan",
                                                "color",     "lock_timeout",  "support",
                                                "remind_at", "hook_timeout"};
  return keys;
}

std::string format_clock_time(std::chrono::minutes minutes) {
  const long long total = minutes.count();
  const long long h = total / 60;
  const long long m = total % 60;
  return (h < 10 ? "0" : "") + std::to_string(h) + ':' + (m < 10 ? "0" : "") + std::to_string(m);
}

Config parse_config(std::string_view text, std::string_view source_name) {
  ConfigParse parsed = parse_config_all(text, source_name);
  if (!parsed.errors.empty())
    throw parsed.errors.front();
  return std::move(parsed.config);
}

Config with_overrides(Config config, const SettingOverrides &overrides) {
  if (overrides.plan) {
    if (overrides.plan->empty())
      throw Error(ErrorKind::usage, "--plan is empty", "give a plan id or a .toml file");
    config.plan = {*overrides.plan, SettingOrigin::flag, {}, "--plan"};
  }
  if (overrides.color != "auto")
    config.color = {overrides.color, SettingOrigin::flag, {}, "--color"};
  else if (config.color.origin != SettingOrigin::config_file && overrides.no_color &&
           !overrides.no_color->empty())
    config.color = {"never", SettingOrigin::environment, {}, "NO_COLOR"};
  return config;
}

std::vector<std::size_t> in_file_order(const std::vector<Error> &errors) {
  // Indices are sorted, not the errors: sorting Errors in place made gcc 12 warn falsely
  // (maybe-uninitialized) about the optional position. One without a position sorts first.
  const auto position_of = [&errors](std::size_t i) {
    const auto &where = errors[i].where();
    return where.has_value() ? std::pair<int, int>(where->line, where->col) : std::pair<int, int>();
  };
  std::vector<std::size_t> order(errors.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&position_of](std::size_t a, std::size_t b) {
    return position_of(a) < position_of(b);
  });
  return order;
}

ConfigParse parse_config_all(std::string_view text, std::string_view source_name) {
  const std::string file(source_name);
  if (text.size() > max_config_bytes)
    throw Error(ErrorKind::config,
                "the file is too large for a config file (" + std::to_string(text.size()) +
                    " bytes, at most " + std::to_string(max_config_bytes) + ")",
                default_hint, Location{file, 0, 0});
  if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos)
    throw Error(ErrorKind::config, "the file is not valid UTF-8", "save it as UTF-8 text",
                locate(text, bad, file));

  toml::table table;
  try {
    table = toml::parse(text, source_name);
  } catch (const toml::parse_error &e) {
    std::string message(e.description());
    if (!message.empty())
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    throw Error(ErrorKind::config, message, default_hint, at(file, e.source()));
  }

  ConfigParse parsed;
  Config &config = parsed.config;
  for (auto &&[key, node] : table) {
    const std::string name(key.str());
    const Location where = at(file, key.source());
    try { // each key on its own, so one run lists every mistake
      if (name == "timezone") {
        const std::string zone = want_string(node, name, file, "\"Europe/Berlin\"");
        // Only the spelling here: whether the zone exists is for the front end, which reads
        // the one zone file it needs (unknown_zone_error gives the same message).
        if (!is_zone_name(zone))
          throw unknown_zone_error(zone, at(file, node.source()));
        config.timezone = {zone, SettingOrigin::config_file, where, {}};
      } else if (name == "day_starts_at") {
        const std::string value = want_string(node, name, file, "\"04:00\"");
        const auto minutes = parse_clock_time(value);
        if (!minutes)
          throw Error(ErrorKind::config, "day_starts_at \"" + value + "\" is not a time of day",
                      "write HH:MM from 00:00 to 23:59, for example \"04:00\"",
                      at(file, node.source()));
        config.day_starts_at = {*minutes, SettingOrigin::config_file, where, {}};
      } else if (name == "plan") {
        const std::string value = want_string(node, name, file, "\"avoidant\"");
        if (value.empty())
          throw Error(ErrorKind::config, "plan is empty",
                      "give a plan id or a path to a .toml file", at(file, node.source()));
        config.plan = {value, SettingOrigin::config_file, where, {}};
      } else if (name == "color") {
        const std::string value = want_string(node, name, file, "\"auto\"");
        if (value != "auto" && value != "always" && value != "never")
          throw Error(ErrorKind::config, "color \"" + value + "\" is not auto, always or never",
                      "for example: color = \"never\"", at(file, node.source()));
        config.color = {value, SettingOrigin::config_file, where, {}};
      } else if (name == "lock_timeout") {
        const auto *number = node.as_integer();
        if (number == nullptr)
          throw Error(ErrorKind::config,
                      "\"lock_timeout\" must be a whole number of seconds, not " +
                          std::string(type_name(node.type())),
                      "for example: lock_timeout = 10", at(file, node.source()));
        const auto seconds = number->get();
        if (seconds < 0 || seconds > 3600)
          throw Error(ErrorKind::config,
                      "lock_timeout " + std::to_string(seconds) + " is out of range",
                      "use 0 to 3600 seconds", at(file, node.source()));
        config.lock_timeout = {
            std::chrono::seconds{seconds}, SettingOrigin::config_file, where, {}};
      } else if (name == "support") {
        read_support(node, file, config);
      } else if (name == "remind_at") {
        const std::string value = want_string(node, name, file, "\"19:00\"");
        const auto minutes = parse_clock_time(value);
        if (!minutes)
          throw Error(ErrorKind::config, "remind_at \"" + value + "\" is not a time of day",
                      "write HH:MM from 00:00 to 23:59, for example \"19:00\"",
                      at(file, node.source()));
        config.remind_at = {*minutes, SettingOrigin::config_file, where, {}};
      } else if (name == "hook_timeout") {
        const auto *number = node.as_integer();
        if (number == nullptr)
          throw Error(ErrorKind::config,
                      "\"hook_timeout\" must be a whole number of seconds, not " +
                          std::string(type_name(node.type())),
                      "for example: hook_timeout = 5", at(file, node.source()));
        const auto seconds = number->get();
        if (seconds < 1 || seconds > 600)
          throw Error(ErrorKind::config,
                      "hook_timeout " + std::to_string(seconds) + " is out of range",
                      "use 1 to 600 seconds", at(file, node.source()));
        config.hook_timeout = {
            std::chrono::seconds{seconds}, SettingOrigin::config_file, where, {}};
      } else {
        const std::string guess = did_you_mean(name, config_keys());
        std::string hint = guess.empty() ? "known keys: timezone, day_starts_at, plan, color, "
                                           "lock_timeout, [support], remind_at, hook_timeout"
                                         : "did you mean \"" + guess + "\"?";
        throw Error(ErrorKind::config, "unknown key \"" + name + "\"", hint, where);
      }
    } catch (const Error &e) {
      parsed.errors.push_back(e);
    }
  }
  // toml++ keeps keys sorted by name: put the problems back in the order of the file.
  std::vector<Error> sorted;
  sorted.reserve(parsed.errors.size());
  for (const std::size_t i : in_file_order(parsed.errors))
    sorted.push_back(parsed.errors[i]);
  parsed.errors = std::move(sorted);
  return parsed;
}

} // namespace attune
