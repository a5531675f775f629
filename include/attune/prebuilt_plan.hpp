#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/plan.hpp"

namespace attune {

/// The shipped plans (plans/*.toml), parsed when attune is built: the build runs
/// attune_plan_codegen, which loads each with load_plan and writes C++ that rebuilds the
/// result (generated/prebuilt_plans.cpp). When `text` is byte for byte one of those files,
/// returns the plan load_plan would give (hash included), without parsing. nullopt for any
/// other text, which must be loaded as usual.
std::optional<Plan> prebuilt_plan(std::string_view text);

/// One shipped plan as compiled into the binary: its id and its exact text.
struct ShippedPlan {
  std::string_view id;
  std::string_view text;
};

/// Every shipped plan (plans/*.toml when attune was built), in file-name order: anxious,
/// avoidant, fearful-avoidant. So a binary run from the build folder, or copied anywhere,
/// finds all of them with no files beside it.
std::vector<ShippedPlan> shipped_plans();

/// C++ source of a function `attune::Plan NAME()` that rebuilds `plan` field by field. The build's
/// generator writes it; tests compare it for a prebuilt and a parsed plan.
std::string plan_as_cpp(const Plan &plan, const std::string &name);

/// `text` as a C++ string literal, exact for any bytes (give its length too: it may hold NUL).
std::string cpp_literal(std::string_view text);

} // namespace attune
