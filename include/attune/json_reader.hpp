#pragma once
/// A strict JSON reader (RFC 8259) for files people hand to attune (`attune import`).
/// Strict: one document, no comments, no trailing commas, no duplicate keys, no lone
/// surrogates, valid UTF-8 only, a size and a nesting limit. Every value knows its line and
/// column (1-based, counted in characters) so later checks can point at it.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/error.hpp"

namespace attune {

struct JsonMember;

/// One parsed value. Only the fields of its kind are meaningful.
struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool flag = false;               ///< boolean
  std::string text;                ///< string: decoded UTF-8; number: the literal as written
  std::vector<JsonValue> items;    ///< array
  std::vector<JsonMember> members; ///< object, in file order; keys are unique
  int line = 0;                    ///< where the value starts
  int col = 0;

  /// The member with this key, or nullptr (also for non-objects).
  const JsonValue *find(std::string_view key) const noexcept;
};

struct JsonMember {
  std::string key;
  int line = 0; ///< where the key starts
  int col = 0;
  JsonValue value;
};

/// "a string", "an object", ... for messages.
const char *json_kind_name(JsonValue::Kind kind) noexcept;

struct JsonLimits {
  std::size_t max_bytes = std::size_t{256} * 1024 * 1024;
  int max_depth = 32; ///< arrays and objects inside each other
};

/// For a document too large to hold as a tree: each item of the array that is the value of
/// the root object's member `key` is handed to `take` as soon as it is read, in order, and
/// not kept (that array stays in the tree, empty, with its place).
struct JsonStream {
  std::string_view key;
  std::function<void(JsonValue &&item)> take;
};

/// Parses exactly one JSON document (surrounding whitespace allowed). Throws Error(data)
/// with `source_name:line:col` and a hint for the first problem:
/// `{"a": [1, 2,]}` -> 1:13: a comma before "]"; remove the comma after the last item.
/// With `stream`, its items are handed on as they are read (an item handed on may be
/// followed by a syntax error further on).
JsonValue parse_json(std::string_view text, const std::string &source_name,
                     const JsonLimits &limits = {}, const JsonStream *stream = nullptr);

} // namespace attune
