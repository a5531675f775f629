#include "clock.hpp"

#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "attune/text.hpp"

namespace attune::cli {
namespace {

constexpr const char *default_zoneinfo = "/usr/share/zoneinfo";

std::string zoneinfo_dir(const EnvLookup &env) {
  // Like glibc: TZDIR moves the zoneinfo folder.
  if (const auto dir = env("TZDIR"); dir && !dir->empty())
    return *dir;
  return default_zoneinfo;
}

/// The whole file when it is a regular file of at most max_tzif_bytes, else nullopt.
std::optional<std::string> read_small_file(const std::string &path) {
  try {
    auto in = read_input_file(path, max_tzif_bytes, "the zone file", InputOwner::config);
    if (!in || in->too_large)
      return std::nullopt;
    return std::move(in->text);
  } catch (const Error &) {
    return std::nullopt; // not a usable zone file: the caller falls back to UTC and says so
  }
}

/// TZ may name a file under the zoneinfo folder; keep the part after it.
std::string zone_name_from_tz(std::string value, const std::string &dir) {
  if (!value.empty() && value[0] == ':')
    value.erase(0, 1);
  for (const std::string &p : {dir + "/", std::string("/usr/share/zoneinfo/"),
                               std::string("/usr/lib/zoneinfo/"), std::string("/etc/zoneinfo/")}) {
    if (p.size() > 1 && value.compare(0, p.size(), p) == 0)
      return value.substr(p.size());
  }
  return value;
}

/// The zone /etc/localtime links to ("/usr/share/zoneinfo/Europe/Berlin" -> "Europe/Berlin").
std::optional<std::string> localtime_link_name() {
  char target[PATH_MAX];
  const ssize_t n = ::readlink("/etc/localtime", target, sizeof target - 1);
  if (n <= 0)
    return std::nullopt;
  const std::string_view link(target, static_cast<std::size_t>(n));
  const auto at = link.rfind("zoneinfo/");
  if (at == std::string_view::npos)
    return std::nullopt;
  return std::string(link.substr(at + 9));
}

/// The first line of /etc/timezone (Debian's record of the system zone).
std::optional<std::string> etc_timezone_name() {
  const auto text = read_small_file("/etc/timezone");
  if (!text)
    return std::nullopt;
  std::string line = text->substr(0, text->find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.pop_back();
  return line;
}

ZoneChoice utc(const EnvLookup &env, const std::string &source) {
  if (const Zone *zone = load_zone("UTC", env))
    return {zone, "UTC", source};
  // No tz data installed: UTC needs none.
  static const Zone built_in = Zone::fixed("UTC", std::chrono::seconds{0});
  return {&built_in, "UTC", source};
}

std::optional<ZoneChoice> system_zone(const EnvLookup &env) {
  for (const auto &name : {localtime_link_name(), etc_timezone_name()})
    if (name)
      if (const Zone *zone = load_zone(*name, env))
        return ZoneChoice{zone, *name, "system"};
  // No date::current_zone() fallback: it looks mostly in the same two places, and keeping it
  // linked libdate-tz into every run for a rare case. A system that names its zone elsewhere
  // gets the "could not tell the system time zone" warning, UTC, and the hint to set TZ.
  return std::nullopt;
}

} // namespace

const Zone *load_zone(const std::string &name, const EnvLookup &env) {
  // One cache per process, keyed by the file's path so a changed TZDIR is honoured.
  static std::map<std::string, std::unique_ptr<const Zone>> cache;
  if (!is_zone_name(name))
    return nullptr;
  const std::string path = zoneinfo_dir(env) + "/" + name;
  if (const auto it = cache.find(path); it != cache.end())
    return it->second.get();
  const auto bytes = read_small_file(path);
  if (!bytes)
    return nullptr;
  auto zone = Zone::from_tzif(name, *bytes);
  if (!zone)
    return nullptr;
  auto &slot = cache[path];
  slot = std::make_unique<const Zone>(std::move(*zone));
  return slot.get();
}

std::string suggest_zone(const std::string &name, const EnvLookup &env) {
  std::ifstream table(zoneinfo_dir(env) + "/zone1970.tab");
  auto lower = [](std::string s) {
    for (char &c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string wanted = lower(name);
  const std::string wanted_city = wanted.substr(wanted.rfind('/') + 1);
  std::vector<std::string> zones, cities;
  std::string line;
  while (std::getline(table, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream fields(line);
    std::string codes, coordinates, zone;
    if (!(fields >> codes >> coordinates >> zone))
      continue;
    zones.push_back(zone);
    cities.push_back(lower(zone.substr(zone.rfind('/') + 1)));
  }
  std::vector<std::string> lowered;
  lowered.reserve(zones.size());
  for (const auto &z : zones)
    lowered.push_back(lower(z));
  std::string guess = did_you_mean(wanted, lowered);
  const std::vector<std::string> *from = &lowered;
  if (guess.empty()) {
    guess = did_you_mean(wanted_city, cities);
    from = &cities;
  }
  for (std::size_t i = 0; i < zones.size() && !guess.empty(); ++i)
    if ((*from)[i] == guess)
      return zones[i];
  return "";
}

ZoneChoice choose_zone(const Setting<std::string> &configured, const EnvLookup &env,
                       const std::function<void(const std::string &)> &warn) {
  // "auto": follow TZ and the system, as if the config file named no zone.
  if (!configured.value.empty() && configured.value != "auto") {
    if (const Zone *zone = load_zone(configured.value, env))
      return {zone, configured.value, "config file"};
    throw unknown_zone_error(configured.value, configured.where);
  }

  if (const auto tz = env("TZ")) {
    const std::string name = zone_name_from_tz(*tz, zoneinfo_dir(env));
    if (name.empty())
      return utc(env, "TZ");
    if (const Zone *zone = load_zone(name, env))
      return {zone, name, "TZ"};
    warn("TZ=\"" + *tz +
         "\" is not a time zone name I know; using UTC (set TZ to a name such "
         "as \"Europe/Berlin\", or set timezone in the config file)");
    return utc(env, "TZ");
  }
  if (auto zone = system_zone(env))
    return *zone;
  warn("could not tell the system time zone; using UTC (set TZ, or timezone in the config "
       "file)");
  return utc(env, "fallback");
}

Instant current_instant(const EnvLookup &env, const Zone &zone) {
  if (const auto value = env("ATTUNE_NOW")) {
    const auto local = parse_local_time(*value);
    if (!local)
      throw Error(ErrorKind::usage, "ATTUNE_NOW=\"" + *value + "\" is not a date and time",
                  "use YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, local time, or unset it");
    return to_instant(*local, zone);
  }
  return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace attune::cli
