#pragma once
/// What a Session has loaded so far: shared by session.cpp (the journal, the plans, the
/// store) and session_settings.cpp (paths, settings, zone, clock). Private to those files.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "attune/zone.hpp"
#include "clock.hpp"
#include "session.hpp"

namespace attune::cli {

struct Session::State {
  std::optional<Paths> paths;
  std::optional<Config> config;
  std::optional<ZoneChoice> zone;
  std::optional<Instant> now;
  std::unique_ptr<JournalStore> store;
  std::set<std::string> warned; ///< each journal problem and folder warning said once
  /// Plans already loaded, by the run's plan hash and id: a command that looks at its run
  /// twice (checkin: once to resolve names, once under the lock) parses the plan once.
  std::map<std::pair<std::string, std::string>, Plan> plans;
};

} // namespace attune::cli
