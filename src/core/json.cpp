#include "attune/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "attune/text.hpp"

namespace attune {

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  // Most text (every key, ids, days) is printable ASCII with nothing to escape: as it is.
  if (std::all_of(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
      })) {
    out.append(text);
    out += '"';
    return out;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t bad = first_invalid_utf8(text.substr(i));
    const std::size_t good_end = bad == std::string_view::npos ? text.size() : i + bad;
    for (; i < good_end; ++i) {
      // A run of bytes that need no escape goes in at once (most text is only these).
      std::size_t plain = i;
      while (plain < good_end) {
        const auto p = static_cast<unsigned char>(text[plain]);
        if (p < 0x20 || p == '"' || p == '\\' || p == 0x7f)
          break;
        ++plain;
      }
      if (plain > i) {
        out.append(text.data() + i, plain - i);
        i = plain;
        if (i == good_end)
          break;
      }
      const auto c = static_cast<unsigned char>(text[i]);
      switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
      }
    }
    if (i < text.size()) {
      out += "\xef\xbf\xbd"; // U+FFFD for a byte that is not UTF-8
      ++i;
    }
  }
  out += '"';
  return out;
}

void JsonWriter::newline() {
  if (indent_ <= 0)
    return;
  out_ += '\n';
  out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back())
      out_ += ',';
    first_.back() = false;
    newline();
  }
}

JsonWriter &JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter &JsonWriter::close(char bracket) {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty)
    newline();
  out_ += bracket;
  return *this;
}

JsonWriter &JsonWriter::end_object() {
  return close('}');
}

JsonWriter &JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter &JsonWriter::end_array() {
  return close(']');
}

JsonWriter &JsonWriter::key(std::string_view name) {
  before_value();
  out_ += json_quote(name);
  out_ += indent_ > 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter &JsonWriter::value(std::string_view text) {
  before_value();
  out_ += json_quote(text);
  return *this;
}

JsonWriter &JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter &JsonWriter::value(std::int64_t number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter &JsonWriter::value(double number, int decimals) {
  if (!std::isfinite(number))
    return null();
  before_value();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, number);
  std::string text = buf;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0')
      text.pop_back();
    if (text.back() == '.')
      text.pop_back();
  }
  if (text == "-0")
    text = "0";
  out_ += text;
  return *this;
}

JsonWriter &JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

std::string JsonWriter::str() const {
  return indent_ > 0 ? out_ + '\n' : out_;
}

} // namespace attune
