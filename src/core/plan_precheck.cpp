// Guards in front of toml++ 3.3.0, which can crash on malformed UTF-8 and deep nesting.
#include <string>

#include "attune/plan_loader.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

/// Line and column (1-based, counting code points) of a byte offset.
Location location_of(std::string_view text, std::size_t offset, const std::string &file) {
  int line = 1;
  int col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {file, line, col};
}

/// Offset of the first [ or { that goes deeper than `limit`, outside strings and comments;
/// npos when the text stays within it. Errs on the side of counting: an odd string may make
/// it count a bracket toml++ would not, never the reverse for well-formed text.
std::size_t too_deep_at(std::string_view s, int limit) {
  int depth = 0;
  const std::size_t n = s.size();
  auto starts = [&](std::size_t i, std::string_view what) {
    return s.substr(i, what.size()) == what;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[i];
    if (c == '#') {
      while (i < n && s[i] != '\n')
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
      if (++depth > limit)
        return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
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
    static constexpr char hex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(text[bad]);
    return Diagnostic{location_of(text, bad, file),
                      std::string("invalid utf-8 (byte \"\\x") + hex[byte >> 4] + hex[byte & 0xF] +
                          "\")",
                      "save the file as UTF-8"};
  }
  if (const std::size_t deep = too_deep_at(text, max_plan_depth); deep != std::string_view::npos)
    return Diagnostic{location_of(text, deep, file),
                      "lists and tables nested more than " + std::to_string(max_plan_depth) +
                          " deep",
                      "a plan needs only a few levels"};
  return std::nullopt;
}

} // namespace attune
