#pragma once
/// Test helper: a Zone read from the installed tz data (/usr/share/zoneinfo/NAME).
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "attune/zone.hpp"

namespace attune::testing {

inline Zone zone_file(const std::string &name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string why;
  auto zone = Zone::from_tzif(name, bytes.str(), &why);
  if (!zone)
    throw std::runtime_error("cannot load zone " + name + ": " + why);
  return std::move(*zone);
}

} // namespace attune::testing
