#include <boost/test/unit_test.hpp>

#include <string>

#include "attune/csv.hpp"
#include "attune/error.hpp"

using namespace attune;

namespace {

std::string problem(const std::string &text) {
  try {
    (void)parse_csv(text, "f.csv");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::data));
    BOOST_REQUIRE(e.where().has_value());
    return format_location(*e.where()) + ": " + e.what();
  }
  return "ok";
}

} // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(quotes_only_cells_that_need_it) {
  BOOST_TEST(csv_cell("plain text") == "plain text");
  BOOST_TEST(csv_cell("") == "");
  BOOST_TEST(csv_cell("a,b") == "\"a,b\"");
  BOOST_TEST(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(csv_cell("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(csv_cell("cr\r") == "\"cr\r\"");
}

BOOST_AUTO_TEST_CASE(reads_quoted_cells_with_commas_quotes_and_line_breaks) {
  const auto rows = parse_csv("a,b\r\n\"x,\"\"y\"\"\r\nz\",\t\r\n,\n", "f.csv");
  BOOST_REQUIRE(rows.size() == 3U);
  BOOST_TEST(rows[0].cells.size() == 2U);
  BOOST_TEST(rows[1].cells[0].text == "x,\"y\"\r\nz");
  BOOST_TEST(rows[1].cells[1].text == "\t");
  BOOST_TEST(rows[1].cells[1].line == 3);
  BOOST_TEST(rows[1].cells[1].col == 4);
  BOOST_TEST(rows[2].line == 4);
  BOOST_TEST(rows[2].cells.size() == 2U);
  BOOST_TEST(rows[2].cells[1].text == "");
}

BOOST_AUTO_TEST_CASE(round_trips_any_text_through_a_cell) {
  const std::string hard = "a,\"b\"\r\n\nc\x01\t\xc3\xa9,";
  const auto rows = parse_csv(csv_cell(hard) + "," + csv_cell("x") + "\r\n", "f.csv");
  BOOST_REQUIRE(rows.size() == 1U);
  BOOST_TEST(rows[0].cells[0].text == hard);
  BOOST_TEST(rows[0].cells[1].text == "x");
}

BOOST_AUTO_TEST_CASE(reads_a_last_row_without_a_line_end_and_no_rows_from_nothing) {
  BOOST_TEST(parse_csv("", "f.csv").empty());
  const auto rows = parse_csv("a,b\nc,d", "f.csv");
  BOOST_REQUIRE(rows.size() == 2U);
  BOOST_TEST(rows[1].cells[1].text == "d");
}

BOOST_AUTO_TEST_CASE(rejects_malformed_quoting_with_positions) {
  BOOST_TEST(problem("a,b\nx,\"open\r\n") ==
             "f.csv:2:3: a quoted cell that starts here is never closed");
  BOOST_TEST(problem("a,b\"c\n") == "f.csv:1:4: a double quote inside a cell that does not start "
                                    "with one");
  BOOST_TEST(problem("\"a\"b,c\n") == "f.csv:1:4: text after the closing quote of a cell");
  BOOST_TEST(problem("a\rb\n") == "f.csv:1:2: a carriage return inside a cell that is not quoted");
  BOOST_TEST(problem("\xc3\xa9,\xff\n") == "f.csv:1:3: the file is not valid UTF-8 here");
}

BOOST_AUTO_TEST_SUITE_END()
