#pragma once
#include <string_view>

namespace attune {
/// The text of plans/avoidant.toml, compiled into the binary.
std::string_view embedded_default_plan() noexcept;
} // namespace attune
