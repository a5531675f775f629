// Guards in front of toml++ 3.3.0, which can crash on malformed UTF-8 and deep nesting.
#include <string>
#include <vector>

#include "attune/plan_loader.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

/// Offset of the first bracket or dot that takes the nesting deeper than `limit`, outside
/// strings and comments; npos when the text stays within it. Dotted keys nest tables too
/// ("a.b.c = 1" is three levels), so the dots of the key being read count, and stay
/// counted while an inline table or list opened after them is open:
///   x = { a.b = { c = [1] } }   -> deepest point 1 ({) + 1 (a.b) + 1 ({) + 1 ([) = 4
/// A float's dot ("1.5") counts as one level too, which only errs on the side of refusing.
std::size_t too_deep_at(std::string_view s, int limit) {
  std::vector<int> held; // per open bracket: the key dots committed when it opened
  int committed = 0;     // sum of `held`
  int dots = 0;          // dots of the key (or value) being read at this level
  const std::size_t n = s.size();
  auto starts = [&](std::size_t i, std::string_view what) {
    return s.substr(i, what.size()) == what;
  };
  auto too_deep = [&] { return static_cast<int>(held.size()) + committed + dots > limit; };
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[i];
    if (c == '#') {
      while (i + 1 < n && s[i + 1] != '\n')
        ++i;
    } else if (starts(i, "\"\"\"") || starts(i, "'''")) {
      const std::string_view close = s.substr(i, 3);
      const bool escapes = c == '"';
      for (i += 3; i < n && !starts(i, close); ++i)
        if (escapes && s[i] == '\\')
          ++i;
      // A closing run may hold up to two extra quotes that belong to the string.
      while (i + 3 < n && s[i + 3] == c)
        ++i;
      i += 2;
    } else if (c == '"' || c == '\'') {
      for (++i; i < n && s[i] != c && s[i] != '\n'; ++i)
        if (c == '"' && s[i] == '\\')
          ++i;
    } else if (c == '[' || c == '{') {
      held.push_back(dots);
      committed += dots;
      dots = 0;
      if (too_deep())
        return i;
    } else if ((c == ']' || c == '}') && !held.empty()) {
      committed -= held.back();
      held.pop_back();
      dots = 0;
    } else if (c == '.') {
      ++dots;
      if (too_deep())
        return i;
    } else if (c == '=' || c == ',' || c == '\n') {
      dots = 0;
    }
  }
  return std::string_view::npos;
}

} // namespace

std::optional<Diagnostic> precheck_plan_text(std::string_view text, const std::string &file) {
  if (text.size() > max_plan_bytes)
    return Diagnostic{{file, 1, 1},
                      "the plan is too large (" + std::to_string(text.size()) + " bytes)",
                      "a plan may be at most " + std::to_string(max_plan_bytes) + " bytes"};
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    return Diagnostic{locate(text, bad, file),
                      "invalid utf-8 (byte \"\\x" + to_hex(text.substr(bad, 1)) + "\")",
                      "save the file as UTF-8"};
  }
  if (const std::size_t deep = too_deep_at(text, max_plan_depth); deep != std::string_view::npos)
    return Diagnostic{locate(text, deep, file),
                      "lists and tables nested more than " + std::to_string(max_plan_depth) +
                          " deep",
                      "a plan needs only a few levels"};
  return std::nullopt;
}

} // namespace attune
