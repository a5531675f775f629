#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "attune/embedded_plan.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"

using namespace attune;

namespace {

std::string read_text(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Plan parsed(const std::string &text) {
  PlanLoadResult r = load_plan(text, "plan.toml");
  BOOST_REQUIRE(r.plan.has_value());
  return *r.plan;
}

} // namespace

BOOST_AUTO_TEST_SUITE(prebuilt_plan_suite)

BOOST_AUTO_TEST_CASE(every_shipped_plan_is_prebuilt_exactly_as_the_loader_reads_it) {
  int seen = 0;
  for (const auto &entry : std::filesystem::directory_iterator(ATTUNE_SOURCE_DIR "/plans")) {
    if (entry.path().extension() != ".toml")
      continue;
    ++seen;
    BOOST_TEST_CONTEXT(entry.path().filename().string()) {
      const std::string text = read_text(entry.path());
      const auto prebuilt = prebuilt_plan(text);
      BOOST_REQUIRE(prebuilt.has_value());
      BOOST_TEST(prebuilt->hash == sha256_hex(text));
      const Plan loaded = parsed(text);
      // Every field, through the generator's own field-by-field form.
      BOOST_TEST(plan_as_cpp(*prebuilt, "f") == plan_as_cpp(loaded, "f"));
      BOOST_TEST(prebuilt->id == loaded.id);
      BOOST_TEST(prebuilt->week_plans.size() == loaded.week_plans.size());
      BOOST_TEST(prebuilt->exercise_ids() == loaded.exercise_ids(),
                 boost::test_tools::per_element());
    }
  }
  BOOST_TEST(seen >= 3);
  BOOST_TEST(prebuilt_plan(embedded_default_plan()).has_value());
}

BOOST_AUTO_TEST_CASE(any_other_text_is_left_to_the_loader) {
  const std::string text(embedded_default_plan());
  BOOST_TEST(!prebuilt_plan("").has_value());
  BOOST_TEST(!prebuilt_plan(text + "\n").has_value());
  BOOST_TEST(!prebuilt_plan(text.substr(0, text.size() - 1)).has_value());
  std::string edited = text;
  edited[edited.find("weeks = 6")] = 'W'; // same length, one byte changed
  BOOST_TEST(!prebuilt_plan(edited).has_value());
}

BOOST_AUTO_TEST_CASE(literals_keep_every_byte) {
  BOOST_TEST(cpp_literal("plain text") == "\"plain text\"");
  BOOST_TEST(cpp_literal("a \"b\" \\ c\n") == "\"a \\\"b\\\" \\\\ c\\n\"");
  // Octal, always three digits, so a digit after an escape stays a digit.
  BOOST_TEST(cpp_literal(std::string("\x01"
                                     "7\0?",
                                     4)) == "\"\\0017\\000\\077\"");
  BOOST_TEST(cpp_literal("\xc3\xa9") == "\"\\303\\251\"");
}

BOOST_AUTO_TEST_SUITE_END()
