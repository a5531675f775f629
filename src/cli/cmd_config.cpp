// attune config show | path: the effective settings and where each came from.
#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/json.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct Row {
  std::string key;
  std::string value;
  std::string origin; ///< "default", "config file", "environment", "flag"
  std::string from;   ///< "config.toml:3:1", "TZ", "--color", or ""
};

template <class T> Row row(const std::string &key, const std::string &value, const Setting<T> &s) {
  std::string from = s.source;
  if (s.origin == SettingOrigin::config_file)
    from = format_location(s.where);
  return {key, value, std::string(to_string(s.origin)), from};
}

std::vector<Row> effective(Session &session) {
  const Config &c = session.config();
  std::vector<Row> rows;
  // The zone is reported as chosen, so TZ and the system zone show up too.
  const std::string &zone_source = session.zone_source();
  Row zone{"timezone", session.zone_name(), "", ""};
  if (zone_source == "--tz") {
    zone.origin = "flag";
    zone.from = "--tz";
  } else if (zone_source == "config file") {
    zone = row("timezone", session.zone_name(), c.timezone);
  } else if (zone_source == "TZ") {
    zone.origin = "environment";
    zone.from = "TZ";
  } else if (zone_source == "system") {
    zone.origin = "default";
    zone.from = "system zone";
  } else {
    zone.origin = "default";
    zone.from = "fallback";
  }
  rows.push_back(zone);
  rows.push_back(row("day_starts_at", format_clock_time(c.day_starts_at.value), c.day_starts_at));
  rows.push_back(row("plan", session.chosen_plan(), c.plan));
  rows.push_back(row("color", c.color.value, c.color));
  rows.push_back(row("lock_timeout", std::to_string(c.lock_timeout.value.count()), c.lock_timeout));
  rows.push_back(row("remind_at", format_clock_time(c.remind_at.value), c.remind_at));
  rows.push_back(row("hook_timeout", std::to_string(c.hook_timeout.value.count()), c.hook_timeout));

  const Context &ctx = session.ctx();
  Row data{"data_dir", session.paths().data_dir, "default", ""};
  if (ctx.global.data_dir) {
    data.origin = "flag";
    data.from = "--data-dir";
  } else if (ctx.env("ATTUNE_DATA_DIR") && !ctx.env("ATTUNE_DATA_DIR")->empty()) {
    data.origin = "environment";
    data.from = "ATTUNE_DATA_DIR";
  }
  rows.push_back(data);
  return rows;
}

int show(Session &session, const std::string &format) {
  auto rows = effective(session);
  std::ostream &out = session.ctx().out;
  if (format == "json") {
    JsonWriter json;
    json.begin_object();
    json.schema();
    json.key("config_file").value(session.paths().config_file);
    json.key("settings").begin_array();
    for (const auto &r : rows) {
      json.begin_object();
      json.key("key").value(r.key);
      json.key("value").value(r.value);
      json.key("origin").value(r.origin);
      json.key("from").value(r.from);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    out << json.str();
    return exit_code::ok;
  }
  // Values and file names come from the config file and the environment: shown, not sent.
  for (auto &r : rows) {
    r.value = printable(r.value);
    r.from = printable(r.from);
  }
  std::size_t key_width = 0, value_width = 0;
  for (const auto &r : rows) {
    key_width = std::max(key_width, r.key.size());
    value_width = std::max(value_width, r.value.size());
  }
  for (const auto &r : rows) {
    out << r.key << std::string(key_width + 2 - r.key.size(), ' ') << r.value
        << std::string(value_width + 2 - r.value.size(), ' ') << '(' << r.origin;
    if (!r.from.empty())
      out << ": " << r.from;
    out << ")\n";
  }
  return exit_code::ok;
}

} // namespace

Command register_config(CLI::App *sub, Session &session) {
  sub->require_subcommand(1, 1);
  auto format = std::make_shared<std::string>("text");
  CLI::App *show_cmd = sub->add_subcommand("show", "Print the effective settings and their origin");
  show_cmd->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  CLI::App *path_cmd = sub->add_subcommand("path", "Print where the config file is read from");
  return {sub, [&session, format, show_cmd, path_cmd]() -> int {
            if (show_cmd->parsed())
              return show(session, *format);
            if (path_cmd->parsed()) {
              session.ctx().out << printable(session.paths().config_file) << '\n';
              return exit_code::ok;
            }
            throw Error(ErrorKind::usage, "say what to do",
                        "use 'attune config show' or 'attune config path'");
          }};
}

} // namespace attune::cli
