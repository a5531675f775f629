#include <boost/test/unit_test.hpp>

#include "attune/json.hpp"

using namespace attune;

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(escapes_quotes_controls_and_bad_bytes) {
  BOOST_TEST(json_quote("a\"b\\c\n\t\x01") == "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  BOOST_TEST(json_quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
  BOOST_TEST(json_quote("x\xffy") == "\"x\xef\xbf\xbdy\"");
}

BOOST_AUTO_TEST_CASE(writes_nested_documents_compact_and_pretty) {
  JsonWriter compact(0);
  compact.begin_object().key("a").value(1).key("b").begin_array().value(true).null().end_array();
  compact.key("c").begin_object().end_object().key("r").value(0.5).end_object();
  BOOST_TEST(compact.str() == R"({"a":1,"b":[true,null],"c":{},"r":0.5})");

  JsonWriter pretty(2);
  pretty.begin_object().key("x").begin_array().value("y").end_array().end_object();
  BOOST_TEST(pretty.str() == "{\n  \"x\": [\n    \"y\"\n  ]\n}\n");
}

BOOST_AUTO_TEST_CASE(trims_decimals_and_never_writes_nan) {
  JsonWriter w(0);
  w.begin_array().value(2.0).value(0.12345, 2).value(0.0 / 0.0).end_array();
  BOOST_TEST(w.str() == "[2,0.12,null]");
}

BOOST_AUTO_TEST_SUITE_END()
