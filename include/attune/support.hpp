#pragma once
/// What `attune support` says, and the safety note `start` ends with: the words that point to
/// help. Help is shown because it exists, or when a self-check says a week went clearly worse
/// (progress.hpp fell_sharply), never because practice fell.
#include <string>
#include <vector>

namespace attune {

/// The international directory of helplines, added unless config [support] directory = false.
inline constexpr const char *helpline_directory = "https://findahelpline.com";

/// Said at `start` and in attune(1): staying close is wrong when the other person is unsafe.
inline constexpr const char *safety_note =
    "If someone frightens, controls or hurts you, the urge to leave is protecting you: skip the "
    "steps about staying close to them, and reach out instead ('attune support' shows where).";

/// Everything `attune support` may show; empty parts are left out.
struct SupportInfo {
  std::string plan_name;              ///< the plan whose advice is shown ("" = none)
  std::string plan_support;           ///< that plan's `support` text
  std::vector<std::string> own_lines; ///< config [support] lines, in order
  bool directory = true;              ///< add the helpline directory line
  std::string config_file;            ///< where own lines would go, for the hint when none
};

/// The text of `attune support`, ending with a newline. Always says what to do in danger and
/// where abuse help is; then the plan's advice, the person's own lines (or how to add them),
/// and the directory line when wanted. Lines are wrapped at `width` columns (0 = no wrap).
/// Example: own_lines {"Samaritans 116 123"} -> a section "Your own list:" with
/// "  Samaritans 116 123".
std::string render_support(const SupportInfo &info, std::size_t width = 78);

} // namespace attune
