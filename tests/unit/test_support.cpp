#include <boost/test/unit_test.hpp>

#include <string>

#include "attune/support.hpp"

using namespace attune;

BOOST_AUTO_TEST_SUITE(support)

BOOST_AUTO_TEST_CASE(shows_the_plan_advice_the_own_list_and_the_directory) {
  SupportInfo info;
  info.plan_name = "Staying close";
  info.plan_support = "A counsellor can help.";
  info.own_lines = {"Samaritans 116 123", "Dr Okafor 020 7946 0000"};
  const std::string out = render_support(info);
  BOOST_TEST(out.rfind("You do not have to carry this alone.", 0) == 0u);
  BOOST_TEST(out.find("emergency number") != std::string::npos);
  BOOST_TEST(out.find("frightens, controls or hurts you") != std::string::npos);
  BOOST_TEST(out.find("From your plan (Staying close):\n  A counsellor can help.\n") !=
             std::string::npos);
  BOOST_TEST(out.find("Your own list:\n  Samaritans 116 123\n  Dr Okafor 020 7946 0000\n") !=
             std::string::npos);
  BOOST_TEST(out.find("https://findahelpline.com lists free, confidential helplines") !=
             std::string::npos);
  BOOST_TEST(out.back() == '\n');
}

BOOST_AUTO_TEST_CASE(without_own_lines_says_how_to_add_them_and_the_directory_can_be_left_out) {
  SupportInfo info;
  info.config_file = "/home/a/.config/attune/config.toml";
  info.directory = false;
  const std::string out = render_support(info, 0);
  BOOST_TEST(out.find("Your own list is empty.") != std::string::npos);
  BOOST_TEST(out.find("/home/a/.config/attune/config.toml:\n  [support]\n  lines = [") !=
             std::string::npos);
  BOOST_TEST(out.find("findahelpline") == std::string::npos);
  BOOST_TEST(out.find("From your plan") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(wraps_long_advice_at_the_width) {
  SupportInfo info;
  info.plan_support =
      std::string(30, 'a') + " " + std::string(30, 'b') + " " + std::string(30, 'c');
  const std::string out = render_support(info, 70);
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find('\n', start);
    BOOST_TEST(end - start <= 70u);
    start = end + 1;
  }
  BOOST_TEST(out.find("  " + std::string(30, 'a') + " " + std::string(30, 'b') + "\n  " +
                      std::string(30, 'c') + "\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
