#pragma once
/// Finding plans: built in, installed, the user's own, or a path.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"

namespace attune {

/// Where a plan came from.
struct PlanSource {
  std::string id;     ///< the plan's id
  std::string origin; ///< "built-in", or the file path
  std::string text;   ///< the TOML source
};

/// Folders searched for plans by id, in order: the user's folder first, then installed.
/// After the folders come the plans compiled in (`shipped`), so a plan file with a shipped
/// plan's id overrides it; the built-in default plan ("avoidant") is always available.
struct PlanSearchPath {
  std::vector<std::string> folders;
  /// Plans parsed ahead of time (prebuilt_plan in the binary): given a text, the plan it
  /// parses to, or nullopt to parse it. Null: parse every text.
  std::optional<Plan> (*prebuilt)(std::string_view text) = nullptr;
  /// The plans compiled into the binary (shipped_plans), found after the folders with origin
  /// "built-in". Null: only the default plan is built in.
  std::vector<ShippedPlan> (*shipped)() = nullptr;
};

/// Every plan found (one per id, first found wins: the folders in order, then the shipped
/// plans, then the default plan), built-in included.
/// Unreadable or invalid files are skipped and named in `problems`.
std::vector<PlanSource> list_plans(const PlanSearchPath &path, std::vector<std::string> &problems);

/// Resolves an id or a path (anything with a '/' or ending in ".toml" is a path) to a
/// loaded, valid plan. Throws Error(invalid) when invalid (the first diagnostic, its
/// position and the number of problems), Error(invalid) with a did-you-mean over known ids
/// when unknown, Error(io|permission) when a given file cannot be read.
Plan find_plan(const std::string &id_or_path, const PlanSearchPath &path);

/// As find_plan, but returns the source (id, origin, text) of the valid plan, for callers
/// that keep a copy of the text (the plan hash is sha256_hex(text)).
PlanSource find_plan_source(const std::string &id_or_path, const PlanSearchPath &path);

/// load_plan for a source found on `path`: the prebuilt plan when its text is one (no parse).
PlanLoadResult load_plan_source(const PlanSource &source, const PlanSearchPath &path);

/// Reads a plan file (at most max_plan_bytes + 1 bytes, so a larger one is still refused by
/// the loader). Throws Error(invalid) when missing, Error(permission|io) when unreadable.
std::string read_plan_file(const std::string &file);

/// The id of the built-in default plan.
inline constexpr const char *default_plan_id = "avoidant";

/// The plan copies a data folder keeps (plans/HASH.toml, saved when a programme starts).
struct SavedPlans {
  /// The text saved under a hash, or nullopt when there is none.
  std::function<std::optional<std::string>(const std::string &hash)> load;
  /// Where they are, for messages: a copy is named FOLDER/HASH.toml.
  std::string folder;
};

/// The plan a programme scores by:
///   1. the copy saved when it started (by the hash of its text), when there is one and it
///      loads: the plan exactly as it was, even if the plan file changed since;
///   2. else the plan its id names as it is now on `path` (the default plan for a programme
///      without a start). When the programme has a hash and that plan's differs (the copy is
///      missing and the plan changed), `warning` says so; else it is left empty.
/// Throws Error(data) for a plan id that is not one (no path is ever opened as a plan),
/// and what find_plan throws.
Plan plan_for_run(const Run &run, const SavedPlans &saved, const PlanSearchPath &path,
                  std::string &warning);

} // namespace attune
