#pragma once
/// A small JSON writer shared by every renderer: correct escaping, stable key order (the
/// order written), no trailing commas. Strings must be UTF-8; invalid bytes become U+FFFD.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// The version of every JSON document attune prints (`"schema": 1`, the first key). Within a
/// version fields are only ever added; a field that changes meaning or goes away raises it.
/// attune(1) JSON OUTPUT lists every field; tests/e2e/json_schema.py holds the two together.
inline constexpr int json_schema_version = 1;

class JsonWriter {
public:
  /// indent = 0 writes compact JSON on one line; otherwise pretty-printed with that many spaces.
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter &begin_object();
  JsonWriter &end_object();
  JsonWriter &begin_array();
  JsonWriter &end_array();
  /// The key of the next value inside an object.
  JsonWriter &key(std::string_view name);
  JsonWriter &value(std::string_view text);
  JsonWriter &value(const char *text) { return value(std::string_view(text)); }
  JsonWriter &value(const std::string &text) { return value(std::string_view(text)); }
  JsonWriter &value(bool flag);
  JsonWriter &value(std::int64_t number);
  JsonWriter &value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter &value(unsigned number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter &value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
  /// A number with up to `decimals` digits after the point (trailing zeros trimmed).
  JsonWriter &value(double number, int decimals = 4);
  JsonWriter &null();
  /// `"schema": json_schema_version`: the first key of every top-level JSON object attune prints.
  JsonWriter &schema() { return key("schema").value(json_schema_version); }

  /// The document, ending in a newline when pretty-printed.
  std::string str() const;

private:
  void before_value();
  JsonWriter &close(char bracket);
  void newline();
  std::string out_;
  std::vector<bool> first_; ///< per open container: nothing written in it yet
  int indent_;
  bool after_key_ = false;
};

/// `text` as a quoted JSON string.
std::string json_quote(std::string_view text);

} // namespace attune
