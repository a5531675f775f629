#pragma once
/// The only place that reads the wall clock and the time zone (clock.cpp).
#include <functional>
#include <optional>
#include <string>

#include "attune/calendar.hpp"
#include "attune/paths.hpp"

namespace date {
class time_zone;
}

namespace attune::cli {

/// A time zone and the IANA name records store.
struct ZoneChoice {
  const date::time_zone *zone = nullptr;
  std::string name;
  std::string source; ///< "config file", "TZ", "system", "fallback"
};

/// The zone: `configured` (already validated) if not empty, else TZ ("Area/City" or
/// ":Area/City"; an unknown name warns and uses UTC; empty means UTC, as POSIX says), else
/// the system zone, else UTC with a warning. Never throws for a bad TZ.
ZoneChoice choose_zone(const std::string &configured, const EnvLookup &env,
                       const std::function<void(const std::string &)> &warn);

/// ATTUNE_NOW ("YYYY-MM-DDTHH:MM[:SS]", local wall time in `zone`) when set, else the system
/// clock. Throws Error(usage) naming ATTUNE_NOW when its value cannot be read.
Instant current_instant(const EnvLookup &env, const date::time_zone &zone);

} // namespace attune::cli
