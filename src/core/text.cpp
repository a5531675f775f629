#include "attune/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace attune {

std::size_t first_invalid_utf8(std::string_view s) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(s.data());
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n) { // eight ASCII bytes at a time: most text is ASCII
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080U) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n)
      return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) noexcept {
  return first_invalid_utf8(text) == std::string_view::npos;
}

std::string printable(std::string_view text, LineBreaks breaks) {
  const bool keep = breaks == LineBreaks::kept;
  std::string out;
  out.reserve(text.size() + 8);
  auto hex = [&](const char *prefix, unsigned char c) {
    out += prefix;
    out += hex_digits[c >> 4];
    out += hex_digits[c & 0xF];
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t bad = first_invalid_utf8(text.substr(i));
    const std::size_t good_end = bad == std::string_view::npos ? text.size() : i + bad;
    while (i < good_end) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '\n' || (c == '\r' && i + 1 < good_end && text[i + 1] == '\n')) {
        i += c == '\r' ? 2 : 1;
        out += keep ? "\n" : "\xe2\x8f\x8e"; // ⏎
        continue;
      }
      if (c == 0xC2 && i + 1 < good_end && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
        hex("\\u00", static_cast<unsigned char>(text[i + 1])); // C1: U+0080..U+009F
        i += 2;
        continue;
      }
      if (c == 0x1B)
        out += "\\e";
      else if (c == '\t')
        out += keep ? "\t" : "\\t";
      else if (c == '\r')
        out += "\\r";
      else if (c < 0x20 || c == 0x7F)
        hex("\\x", c);
      else
        out += static_cast<char>(c);
      ++i;
    }
    if (bad == std::string_view::npos)
      break;
    hex("\\x", static_cast<unsigned char>(text[i]));
    ++i;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string> &candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto &candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string trim_blanks(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split_answers(std::string_view text) {
  std::vector<std::string> parts;
  for (std::size_t pos = 0;;) {
    const std::size_t comma = text.find(',', pos);
    parts.push_back(
        trim_blanks(text.substr(pos, comma == std::string_view::npos ? comma : comma - pos)));
    if (comma == std::string_view::npos)
      return parts;
    pos = comma + 1;
  }
}

std::string plural(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + ' ' + std::string(n == 1 || n == -1 ? one : many);
}

std::string or_list(const std::vector<std::string> &items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

PrefixMatch match_prefix(std::string_view word, const std::vector<std::string> &names) {
  PrefixMatch result;
  if (word.empty())
    return result;
  for (const auto &name : names) {
    if (name == word)
      return {name, {name}};
    if (name.size() > word.size() && name.compare(0, word.size(), word) == 0)
      result.matches.push_back(name);
  }
  if (result.matches.size() == 1)
    result.name = result.matches.front();
  return result;
}

std::string to_hex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += hex_digits[c >> 4];
    out += hex_digits[c & 0xF];
  }
  return out;
}

std::string hex8(std::uint32_t value) {
  std::string out(8, '0');
  for (std::size_t i = 8; i-- > 0; value >>= 4)
    out[i] = hex_digits[value & 0xF];
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.substr(0, prefix.size()) == prefix;
}

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

std::string paint(bool on, const char *sgr, const std::string &text) {
  if (!on)
    return text;
  return std::string("\x1b[") + sgr + "m" + text + "\x1b[0m";
}

std::string join(const std::vector<std::string> &items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += separator;
    out += items[i];
  }
  return out;
}

} // namespace attune
