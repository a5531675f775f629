#include "attune/json_reader.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

#include "attune/text.hpp"

namespace attune {
namespace {

const char *const syntax_hint = "the file is not valid JSON; was it cut short or edited?";

bool is_continuation(unsigned char c) noexcept {
  return (c & 0xC0) == 0x80;
}

std::string describe_char(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x20 || c == 0x7F) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", c);
    return buf;
  }
  std::size_t len = 1;
  while (at + len < text.size() && is_continuation(static_cast<unsigned char>(text[at + len])))
    ++len;
  return "\"" + std::string(text.substr(at, len)) + "\"";
}

void append_utf8(std::string &out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Recursive descent over validated UTF-8, tracking line and column as it goes.
class Parser {
public:
  Parser(std::string_view text, const std::string &file, const JsonLimits &limits,
         const JsonStream *stream)
      : s_(text), file_(file), limits_(limits), stream_(stream) {}

  JsonValue document() {
    skip_space();
    if (at_end())
      fail("the file holds no JSON (it is empty)", "export a journal with 'attune export'");
    JsonValue root = value();
    skip_space();
    if (!at_end())
      fail("unexpected " + describe_char(s_, pos_) + " after the end of the JSON document",
           "a file holds one document; remove what follows it");
    return root;
  }

private:
  [[noreturn]] void fail(const std::string &message, const std::string &hint, int line,
                         int col) const {
    throw Error(ErrorKind::data, message, hint, Location{file_, line, col});
  }
  [[noreturn]] void fail(const std::string &message, const std::string &hint = syntax_hint) const {
    fail(message, hint, line_, col_);
  }

  bool at_end() const noexcept { return pos_ >= s_.size(); }
  char peek() const noexcept { return s_[pos_]; }

  /// Moves past one byte; the column counts characters, so continuation bytes do not count.
  void advance() noexcept {
    if (s_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else if (pos_ + 1 >= s_.size() ||
               !is_continuation(static_cast<unsigned char>(s_[pos_ + 1]))) {
      ++col_;
    }
    ++pos_;
  }

  void skip_space() noexcept {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }

  [[noreturn]] void fail_end(const char *inside, int open_line, int open_col) const {
    fail(std::string("the file ends inside ") + inside + " opened at line " +
         std::to_string(open_line) + ", column " + std::to_string(open_col));
  }

  JsonValue value() {
    const bool streamed = std::exchange(stream_next_, false); // this value only
    JsonValue v;
    v.line = line_;
    v.col = col_;
    const char c = peek();
    if (c == '{') {
      object(v);
    } else if (c == '[') {
      array(v, streamed);
    } else if (c == '"') {
      v.kind = JsonValue::Kind::string;
      v.text = string();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = JsonValue::Kind::number;
      v.text = number();
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      literal(v);
    } else {
      fail("unexpected " + describe_char(s_, pos_) + " where a value should be",
           "a value is an object, array, string, number, true, false or null");
    }
    return v;
  }

  void enter() {
    if (++depth_ > limits_.max_depth)
      fail("the JSON is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
           "an attune export is never nested this deep");
  }

  void object(JsonValue &v) {
    v.kind = JsonValue::Kind::object;
    enter();
    const int open_line = line_, open_col = col_;
    advance(); // {
    skip_space();
    if (!at_end() && peek() == '}') {
      advance();
      --depth_;
      return;
    }
    for (;;) {
      skip_space();
      if (at_end())
        fail_end("an object", open_line, open_col);
      if (peek() != '"')
        fail(peek() == '}' ? "a comma before \"}\""
                           : "expected a key in double quotes, found " + describe_char(s_, pos_),
             peek() == '}' ? "remove the comma after the last member" : syntax_hint);
      JsonMember member;
      member.line = line_;
      member.col = col_;
      member.key = string();
      for (const JsonMember &m : v.members)
        if (m.key == member.key)
          fail("the key " + json_quote_key(member.key) + " appears twice (first at line " +
                   std::to_string(m.line) + ", column " + std::to_string(m.col) + ")",
               "keep one of them", member.line, member.col);
      skip_space();
      if (at_end())
        fail_end("an object", open_line, open_col);
      if (peek() != ':')
        fail("expected \":\" after the key " + json_quote_key(member.key) + ", found " +
             describe_char(s_, pos_));
      advance();
      skip_space();
      if (at_end())
        fail_end("an object", open_line, open_col);
      // The streamed array: the root's member (depth 1) named by the stream.
      stream_next_ = stream_ != nullptr && depth_ == 1 && member.key == stream_->key;
      member.value = value();
      v.members.push_back(std::move(member));
      skip_space();
      if (at_end())
        fail_end("an object", open_line, open_col);
      if (peek() == '}') {
        advance();
        --depth_;
        return;
      }
      if (peek() != ',')
        fail("expected \",\" or \"}\" after a member, found " + describe_char(s_, pos_));
      advance();
    }
  }

  void array(JsonValue &v, bool streamed) {
    v.kind = JsonValue::Kind::array;
    enter();
    const int open_line = line_, open_col = col_;
    advance(); // [
    skip_space();
    if (!at_end() && peek() == ']') {
      advance();
      --depth_;
      return;
    }
    for (;;) {
      skip_space();
      if (at_end())
        fail_end("an array", open_line, open_col);
      if (peek() == ']')
        fail("a comma before \"]\"", "remove the comma after the last item");
      if (streamed)
        stream_->take(value());
      else
        v.items.push_back(value());
      skip_space();
      if (at_end())
        fail_end("an array", open_line, open_col);
      if (peek() == ']') {
        advance();
        --depth_;
        return;
      }
      if (peek() != ',')
        fail("expected \",\" or \"]\" after an item, found " + describe_char(s_, pos_));
      advance();
    }
  }

  static std::string json_quote_key(const std::string &key) { return "\"" + key + "\""; }

  int hex4() {
    int value = 0;
    for (int i = 0; i < 4; ++i) {
      if (at_end())
        fail("the file ends inside a \\u escape");
      const char c = peek();
      int digit = -1;
      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (c >= 'a' && c <= 'f')
        digit = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        digit = c - 'A' + 10;
      if (digit < 0)
        fail("a \\u escape needs four hex digits, found " + describe_char(s_, pos_));
      value = value * 16 + digit;
      advance();
    }
    return value;
  }

  std::string string() {
    const int open_line = line_, open_col = col_;
    advance(); // "
    std::string out;
    for (;;) {
      if (at_end())
        fail_end("a string", open_line, open_col);
      const auto c = static_cast<unsigned char>(peek());
      if (c == '"') {
        advance();
        return out;
      }
      if (c < 0x20)
        fail("a raw control character (" + describe_char(s_, pos_) + ") inside a string",
             c == '\n' ? "write a line break as \\n, or close the string"
                       : "write it as a \\u escape");
      if (c != '\\') {
        out += static_cast<char>(c);
        advance();
        continue;
      }
      const int esc_line = line_, esc_col = col_;
      advance();
      if (at_end())
        fail_end("a string", open_line, open_col);
      const char e = peek();
      advance();
      switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        std::uint32_t cp = static_cast<std::uint32_t>(hex4());
        if (cp >= 0xDC00 && cp <= 0xDFFF)
          fail("a lone low surrogate \\u" + hex_text(cp) + " (not a character)",
               "write the whole character, or the pair \\uD8xx\\uDCxx", esc_line, esc_col);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (pos_ + 1 >= s_.size() || s_[pos_] != '\\' || s_[pos_ + 1] != 'u')
            fail("a lone high surrogate \\u" + hex_text(cp) + " (not a character)",
                 "follow it with its low surrogate \\uDCxx", esc_line, esc_col);
          advance();
          advance();
          const auto low = static_cast<std::uint32_t>(hex4());
          if (low < 0xDC00 || low > 0xDFFF)
            fail("a high surrogate \\u" + hex_text(cp) + " followed by \\u" + hex_text(low) +
                     " instead of a low surrogate",
                 "a pair is \\uD800-\\uDBFF then \\uDC00-\\uDFFF", esc_line, esc_col);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        break;
      }
      default:
        fail("an unknown escape \"\\" + std::string(1, e) + "\" in a string",
             "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", esc_line, esc_col);
      }
    }
  }

  static std::string hex_text(std::uint32_t cp) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", cp);
    return buf;
  }

  bool digit_here() const noexcept { return !at_end() && peek() >= '0' && peek() <= '9'; }

  std::string number() {
    const std::size_t start = pos_;
    const int line = line_, col = col_;
    const auto bad = [&](const std::string &why) {
      fail("a number " + why, "numbers look like 3, -1, 2.5 or 1e3", line, col);
    };
    if (peek() == '-')
      advance();
    if (!digit_here())
      bad("needs a digit after \"-\"");
    if (peek() == '0') {
      advance();
      if (digit_here())
        bad("cannot start with 0");
    } else {
      while (digit_here())
        advance();
    }
    if (!at_end() && peek() == '.') {
      advance();
      if (!digit_here())
        bad("needs a digit after \".\"");
      while (digit_here())
        advance();
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      advance();
      if (!at_end() && (peek() == '+' || peek() == '-'))
        advance();
      if (!digit_here())
        bad("needs a digit in its exponent");
      while (digit_here())
        advance();
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  void literal(JsonValue &v) {
    const std::size_t start = pos_;
    const int line = line_, col = col_;
    while (!at_end() && ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z') ||
                         (peek() >= '0' && peek() <= '9') || peek() == '_'))
      advance();
    const std::string word(s_.substr(start, pos_ - start));
    if (word == "true" || word == "false") {
      v.kind = JsonValue::Kind::boolean;
      v.flag = word == "true";
      return;
    }
    if (word == "null") {
      v.kind = JsonValue::Kind::null;
      return;
    }
    const std::string guess = did_you_mean(word, {"true", "false", "null"});
    fail("unexpected word \"" + word + "\" where a value should be",
         guess.empty() ? "strings need double quotes" : "did you mean '" + guess + "'?", line, col);
  }

  std::string_view s_;
  const std::string &file_;
  const JsonLimits &limits_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
  int depth_ = 0;
  const JsonStream *stream_;
  bool stream_next_ = false; ///< the value about to be read is the streamed array (if one)
};

} // namespace

const JsonValue *JsonValue::find(std::string_view key) const noexcept {
  for (const JsonMember &m : members)
    if (m.key == key)
      return &m.value;
  return nullptr;
}

const char *json_kind_name(JsonValue::Kind kind) noexcept {
  switch (kind) {
  case JsonValue::Kind::null:
    return "null";
  case JsonValue::Kind::boolean:
    return "true or false";
  case JsonValue::Kind::number:
    return "a number";
  case JsonValue::Kind::string:
    return "a string";
  case JsonValue::Kind::array:
    return "an array";
  case JsonValue::Kind::object:
    return "an object";
  }
  return "a value";
}

JsonValue parse_json(std::string_view text, const std::string &source_name,
                     const JsonLimits &limits, const JsonStream *stream) {
  if (text.size() > limits.max_bytes)
    throw Error(ErrorKind::data,
                "the file is too large to read (" + std::to_string(text.size() / (1024 * 1024)) +
                    " MiB; the limit is " + std::to_string(limits.max_bytes / (1024 * 1024)) +
                    " MiB)",
                "split it, or check that this is the file you meant", Location{source_name});
  const std::size_t bad = first_invalid_utf8(text);
  if (bad != std::string_view::npos)
    throw Error(ErrorKind::data, "the file is not valid UTF-8 here", "save it as UTF-8",
                locate(text, bad, source_name));
  Parser parser(text, source_name, limits, stream);
  return parser.document();
}

} // namespace attune
