#pragma once
/// The only place that reads the wall clock and the time zone (clock.cpp).
#include <functional>
#include <optional>
#include <string>

#include "attune/calendar.hpp"
#include "attune/config.hpp"
#include "attune/paths.hpp"
#include "attune/zone.hpp"

namespace attune::cli {

/// A time zone and the IANA name records store.
struct ZoneChoice {
  const Zone *zone = nullptr; ///< never null from choose_zone; owned by the process cache
  std::string name;
  std::string source; ///< "config file", "TZ", "system", "fallback"
};

/// The zone file NAME under TZDIR (else /usr/share/zoneinfo), read once per process and
/// cached; nullptr when the name cannot be a zone, or the file is missing, a folder, larger
/// than max_tzif_bytes or not TZif. Reads only that one file.
const Zone *load_zone(const std::string &name, const EnvLookup &env);

/// The zone: `configured` if set and not "auto" (Error(config) "unknown time zone" at its
/// file:line:col when no such zone file exists), else TZ ("Area/City", ":Area/City" or a path under
/// the zoneinfo folder; an unknown name warns and uses UTC; empty means UTC, as POSIX says), else
/// the system zone (/etc/localtime's link, /etc/timezone, then the tz library's guess), else
/// UTC with a warning. UTC is built in when no tz data is installed. Never throws for a bad TZ.
ZoneChoice choose_zone(const Setting<std::string> &configured, const EnvLookup &env,
                       const std::function<void(const std::string &)> &warn);

/// The zone name closest to `name` ("Berln" -> "Europe/Berlin", "europe/berlin" ->
/// "Europe/Berlin"), from zone1970.tab in the zoneinfo folder, comparing whole names and
/// their last part; "" when none is close or the table is missing.
std::string suggest_zone(const std::string &name, const EnvLookup &env);

/// ATTUNE_NOW ("YYYY-MM-DDTHH:MM[:SS]", local wall time in `zone`) when set, else the system
/// clock. Throws Error(usage) naming ATTUNE_NOW when its value cannot be read.
Instant current_instant(const EnvLookup &env, const Zone &zone);

} // namespace attune::cli
