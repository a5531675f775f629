#pragma once
/// Reading plans from TOML text. toml++ never appears in a header.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/error.hpp"
#include "attune/plan.hpp"
#include "attune/sha256.hpp" // sha256_hex: the plan hash

namespace attune {

/// One problem found in a plan, at a position in its file.
struct Diagnostic {
  Location where;
  std::string message; ///< lowercase, offending value quoted: unknown key "titel"
  std::string hint;    ///< optional: did you mean "title"?
};

/// "FILE:LINE:COL: error: MESSAGE; HINT" on one line (no "; HINT" when there is no hint).
std::string format_diagnostic(const Diagnostic &d);

/// The result of loading: a plan when there were no problems, and every problem found.
struct PlanLoadResult {
  std::optional<Plan> plan;
  std::vector<Diagnostic> diagnostics;
};

/// Deepest nesting of [ and { accepted (outside strings and comments).
inline constexpr int max_plan_depth = 32;

/// The checks made before toml++ sees untrusted text: size (max_plan_bytes), well-formed
/// UTF-8 (the position of the first bad byte), nesting depth (max_plan_depth).
/// Returns the first problem, or nullopt when the text may be parsed.
std::optional<Diagnostic> precheck_plan_text(std::string_view text, const std::string &file);

/// Parses and validates a plan. Never throws on bad input and never crashes: size, UTF-8
/// and nesting depth are checked before toml++ sees the text. Reports every problem.
/// `known_hash`, when given, becomes the plan's hash instead of the SHA-256 of `text` (for a
/// copy saved under the hash of its text).
PlanLoadResult load_plan(std::string_view text, std::string_view source_name,
                         std::string_view known_hash = {});

} // namespace attune
