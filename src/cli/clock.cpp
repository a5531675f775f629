#include "clock.hpp"

#include <chrono>
#include <stdexcept>

#include <date/tz.h>

#include "attune/error.hpp"

namespace attune::cli {
namespace {

const date::time_zone *try_locate(const std::string &name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception &) {
    return nullptr;
  }
}

/// TZ may name a file under the zoneinfo folder; keep the part after it.
std::string zone_name_from_tz(std::string value) {
  if (!value.empty() && value[0] == ':')
    value.erase(0, 1);
  for (const char *prefix : {"/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/etc/zoneinfo/"}) {
    const std::string p(prefix);
    if (value.compare(0, p.size(), p) == 0)
      return value.substr(p.size());
  }
  return value;
}

ZoneChoice utc(const std::string &source) {
  return {try_locate("UTC"), "UTC", source};
}

} // namespace

ZoneChoice choose_zone(const std::string &configured, const EnvLookup &env,
                       const std::function<void(const std::string &)> &warn) {
  if (!configured.empty())
    if (const auto *zone = try_locate(configured))
      return {zone, configured, "config file"};

  // date::current_zone() ignores TZ, so honour it here, as the C library would.
  if (const auto tz = env("TZ")) {
    const std::string name = zone_name_from_tz(*tz);
    if (name.empty())
      return utc("TZ");
    if (const auto *zone = try_locate(name))
      return {zone, name, "TZ"};
    warn("TZ=\"" + *tz +
         "\" is not a time zone name I know; using UTC (set TZ to a name such "
         "as \"Europe/Berlin\", or set timezone in the config file)");
    return utc("TZ");
  }
  try {
    const auto *zone = date::current_zone();
    return {zone, std::string(zone->name()), "system"};
  } catch (const std::exception &) {
    warn("could not tell the system time zone; using UTC (set TZ, or timezone in the config "
         "file)");
  }
  return utc("fallback");
}

Instant current_instant(const EnvLookup &env, const date::time_zone &zone) {
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
