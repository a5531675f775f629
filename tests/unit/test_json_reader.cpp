#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/json_reader.hpp"

using namespace attune;

namespace {

/// "LINE:COL: message; hint" of the error parsing `text`, or "ok".
std::string problem(const std::string &text, const JsonLimits &limits = {}) {
  try {
    (void)parse_json(text, "f.json", limits);
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::data));
    BOOST_REQUIRE(e.where().has_value());
    return format_location(*e.where()) + ": " + e.what() + "; " + e.hint();
  }
  return "ok";
}

} // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(reads_nested_values_with_their_positions) {
  const JsonValue v = parse_json("{\"a\": [1, -2.5e3, true, null],\n \"b\": {\"c\": \"d\"}}", "f");
  BOOST_TEST((v.kind == JsonValue::Kind::object));
  BOOST_TEST(v.members.size() == 2U);
  const JsonValue *a = v.find("a");
  BOOST_REQUIRE(a != nullptr);
  BOOST_TEST(a->items.size() == 4U);
  BOOST_TEST(a->items[1].text == "-2.5e3");
  BOOST_TEST((a->items[1].kind == JsonValue::Kind::number));
  BOOST_TEST(a->items[2].flag);
  BOOST_TEST((a->items[3].kind == JsonValue::Kind::null));
  const JsonValue *c = v.find("b")->find("c");
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(c->text == "d");
  BOOST_TEST(c->line == 2);
  BOOST_TEST(c->col == 13);
  BOOST_TEST(v.members[1].line == 2);
  BOOST_TEST(v.members[1].col == 2);
  BOOST_TEST(v.find("zz") == nullptr);
}

BOOST_AUTO_TEST_CASE(decodes_escapes_and_surrogate_pairs) {
  const JsonValue v = parse_json(R"("a\"b\\c\/d\b\f\n\r\t\u0000\u00e9\uD83D\uDE42")", "f");
  BOOST_TEST(v.text == std::string("a\"b\\c/d\b\f\n\r\t") + std::string(1, '\0') +
                           "\xc3\xa9\xf0\x9f\x99\x82");
}

BOOST_AUTO_TEST_CASE(counts_columns_in_characters_not_bytes) {
  BOOST_TEST(problem("[\"\xc3\xa9\xc3\xa9\", x]") == "f.json:1:8: unexpected word \"x\" where a "
                                                     "value should be; strings need double quotes");
}

BOOST_AUTO_TEST_CASE(rejects_syntax_errors_with_positions) {
  BOOST_TEST(problem("{\"a\": [1, 2,]}") ==
             "f.json:1:13: a comma before \"]\"; remove the comma after the last item");
  BOOST_TEST(problem("{\"a\": 1,}") ==
             "f.json:1:9: a comma before \"}\"; remove the comma after the last member");
  BOOST_TEST(problem("{\"a\": 1, \"a\": 2}") ==
             "f.json:1:10: the key \"a\" appears twice (first at line 1, column 2); keep one of "
             "them");
  BOOST_TEST(problem("{\"a\"\n  1}") ==
             "f.json:2:3: expected \":\" after the key \"a\", found \"1\"; the file is not valid "
             "JSON; was it cut short or edited?");
  BOOST_TEST(problem("[True]") ==
             "f.json:1:2: unexpected word \"True\" where a value should be; did you mean 'true'?");
  BOOST_TEST(problem("[01]") ==
             "f.json:1:2: a number cannot start with 0; numbers look like 3, -1, 2.5 or 1e3");
  BOOST_TEST(problem("[1.]").find("f.json:1:2: a number needs a digit after \".\"") == 0U);
  BOOST_TEST(problem("{} {}") == "f.json:1:4: unexpected \"{\" after the end of the JSON "
                                 "document; a file holds one document; remove what follows it");
  BOOST_TEST(problem("  ") == "f.json:1:3: the file holds no JSON (it is empty); export a "
                              "journal with 'attune export'");
  BOOST_TEST(problem("[\"a\\qb\"]") ==
             "f.json:1:4: an unknown escape \"\\q\" in a string; the escapes are \\\" \\\\ \\/ "
             "\\b \\f \\n \\r \\t and \\uXXXX");
  BOOST_TEST(problem("[\"a\nb\"]") == "f.json:1:4: a raw control character (U+000A) inside a "
                                      "string; write a line break as \\n, or close the string");
}

BOOST_AUTO_TEST_CASE(says_where_a_truncated_document_was_opened) {
  BOOST_TEST(problem("{\"records\": [\n  {\"id\": \"ab") ==
             "f.json:2:13: the file ends inside a string opened at line 2, column 10; the file "
             "is not valid JSON; was it cut short or edited?");
  BOOST_TEST(problem("{\"records\": [\n  {\"id\": 1},")
                 .find("f.json:2:13: the file ends inside an array opened at line 1, column 13") ==
             0U);
}

BOOST_AUTO_TEST_CASE(rejects_lone_surrogates) {
  BOOST_TEST(problem(R"(["x\ud800"])") == "f.json:1:4: a lone high surrogate \\uD800 (not a "
                                          "character); follow it with its low surrogate \\uDCxx");
  BOOST_TEST(problem(R"(["\uDC00"])").find("f.json:1:3: a lone low surrogate \\uDC00") == 0U);
  BOOST_TEST(problem(R"(["\uD800\u0041"])")
                 .find("f.json:1:3: a high surrogate \\uD800 followed by \\u0041") == 0U);
}

BOOST_AUTO_TEST_CASE(rejects_invalid_utf8_at_its_position) {
  BOOST_TEST(problem("{\"a\":\n \"x\xff\"}") ==
             "f.json:2:4: the file is not valid UTF-8 here; save it as UTF-8");
  BOOST_TEST(problem("[\"\xed\xa0\x80\"]").find("f.json:1:3: the file is not valid UTF-8") == 0U);
}

BOOST_AUTO_TEST_CASE(refuses_nesting_deeper_than_the_limit) {
  JsonLimits limits;
  limits.max_depth = 3;
  BOOST_TEST(problem("[[[1]]]", limits) == "ok");
  BOOST_TEST(problem("[[[[1]]]]", limits) == "f.json:1:4: the JSON is nested deeper than 3 "
                                             "levels; an attune export is never nested this deep");
  // The default limit keeps a hostile file from exhausting the stack.
  BOOST_TEST(problem(std::string(100000, '[')).find("nested deeper than 32 levels") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_a_file_over_the_size_limit) {
  JsonLimits limits;
  limits.max_bytes = 4;
  BOOST_TEST(problem("[1,2]", limits).find("the file is too large to read") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(streams_the_items_of_one_root_member_only) {
  // The root's "records" is handed on item by item (nested arrays inside an item stay in
  // it) and left empty in its place; a "records" deeper down is an ordinary member.
  std::vector<JsonValue> taken;
  const JsonStream stream{"records", [&](JsonValue &&item) { taken.push_back(std::move(item)); }};
  const JsonValue v =
      parse_json("{\"a\": [1],\n \"records\": [{\"x\": [2]}, 3],\n \"b\": {\"records\": [4]}}", "f",
                 {}, &stream);
  BOOST_TEST_REQUIRE(taken.size() == 2U);
  BOOST_TEST(taken[0].find("x")->items.size() == 1U);
  BOOST_TEST(taken[1].text == "3");
  BOOST_TEST((taken[1].line == 2 && taken[1].col == 26));
  const JsonValue *records = v.find("records");
  BOOST_TEST((records->kind == JsonValue::Kind::array && records->items.empty()));
  BOOST_TEST((records->line == 2 && records->col == 13));
  BOOST_TEST(v.find("a")->items.size() == 1U);
  BOOST_TEST(v.find("b")->find("records")->items.size() == 1U);
  // Not an array: nothing is streamed, and an array inside it is kept.
  taken.clear();
  const JsonValue w = parse_json(R"({"records": {"x": [1]}})", "f", {}, &stream);
  BOOST_TEST(taken.empty());
  BOOST_TEST(w.find("records")->find("x")->items.size() == 1U);
  // A syntax error after streamed items is still an error.
  taken.clear();
  BOOST_CHECK_THROW(parse_json(R"({"records": [1, 2,]})", "f", {}, &stream), Error);
}

BOOST_AUTO_TEST_SUITE_END()
