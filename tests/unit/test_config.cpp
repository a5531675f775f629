#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/config.hpp"
#include "attune/error.hpp"

using namespace attune;

namespace {
/// The one-line form a user sees: "FILE:LINE:COL: MESSAGE; HINT".
std::string error_of(const std::string &text) {
  try {
    (void)parse_config(text, "config.toml");
  } catch (const Error &e) {
    std::string out = e.where() ? format_location(*e.where()) + ": " : std::string();
    out += e.what();
    if (!e.hint().empty())
      out += "; " + e.hint();
    BOOST_TEST((e.kind() == ErrorKind::config));
    return out;
  }
  return "(no error)";
}
} // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(empty_text_gives_the_defaults) {
  const Config c = parse_config("", "config.toml");
  BOOST_TEST(c.timezone.value == "");
  BOOST_TEST(c.day_starts_at.value.count() == 240);
  BOOST_TEST(c.plan.value == "");
  BOOST_TEST(c.color.value == "auto");
  BOOST_TEST(c.lock_timeout.value.count() == 10);
  BOOST_TEST((c.day_starts_at.origin == SettingOrigin::default_));
}

BOOST_AUTO_TEST_CASE(reads_every_key_and_remembers_where) {
  const Config c = parse_config("timezone = \"Asia/Tokyo\"\n"
                                "day_starts_at = \"05:30\"\n"
                                "plan = \"anxious\"\n"
                                "color = \"never\"\n"
                                "lock_timeout = 3\n",
                                "config.toml");
  BOOST_TEST(c.timezone.value == "Asia/Tokyo");
  BOOST_TEST(c.day_starts_at.value.count() == 330);
  BOOST_TEST(c.plan.value == "anxious");
  BOOST_TEST(c.color.value == "never");
  BOOST_TEST(c.lock_timeout.value.count() == 3);
  BOOST_TEST((c.plan.origin == SettingOrigin::config_file));
  BOOST_TEST(format_location(c.plan.where) == "config.toml:3:1");
}

BOOST_AUTO_TEST_CASE(unknown_key_points_at_it_with_did_you_mean) {
  BOOST_TEST(error_of("color = \"auto\"\ntime_zone = \"UTC\"\n") ==
             "config.toml:2:1: unknown key \"time_zone\"; did you mean \"timezone\"?");
}

BOOST_AUTO_TEST_CASE(unknown_key_far_from_any_lists_the_known_ones) {
  BOOST_TEST(error_of("wallpaper = 1\n") ==
             "config.toml:1:1: unknown key \"wallpaper\"; known keys: timezone, day_starts_at, "
             "plan, color, lock_timeout, [support], remind_at, hook_timeout");
}

BOOST_AUTO_TEST_CASE(remind_at_and_hook_timeout_are_read_and_checked) {
  const Config defaults = parse_config("", "config.toml");
  BOOST_TEST(defaults.remind_at.value.count() == 19 * 60);
  BOOST_TEST(defaults.hook_timeout.value.count() == 5);
  const Config set = parse_config("remind_at = \"07:30\"\nhook_timeout = 20\n", "config.toml");
  BOOST_TEST(set.remind_at.value.count() == 7 * 60 + 30);
  BOOST_TEST(set.hook_timeout.value.count() == 20);
  BOOST_TEST(error_of("remind_at = \"7pm\"\n") ==
             "config.toml:1:13: remind_at \"7pm\" is not a time of day; write HH:MM from 00:00 "
             "to 23:59, for example \"19:00\"");
  BOOST_TEST(error_of("hook_timeout = 601\n") ==
             "config.toml:1:16: hook_timeout 601 is out of range; use 1 to 600 seconds");
  BOOST_TEST(error_of("remindat = \"19:00\"\n") ==
             "config.toml:1:1: unknown key \"remindat\"; did you mean \"remind_at\"?");
}

BOOST_AUTO_TEST_CASE(wrong_type_names_the_key_and_the_value_position) {
  BOOST_TEST(error_of("lock_timeout = \"ten\"\n") ==
             "config.toml:1:16: \"lock_timeout\" must be a whole number of seconds, not a "
             "string; for example: lock_timeout = 10");
  BOOST_TEST(error_of("timezone = 5\n") ==
             "config.toml:1:12: \"timezone\" must be a string, not an integer; for example: "
             "timezone = \"Europe/Berlin\"");
}

BOOST_AUTO_TEST_CASE(rejects_a_zone_name_that_cannot_be_one) {
  BOOST_TEST(error_of("timezone = \"../etc/passwd\"\n") ==
             "config.toml:1:12: unknown time zone \"../etc/passwd\"; use an IANA name such as "
             "\"Europe/Berlin\" or \"America/New_York\"");
  BOOST_TEST(error_of("timezone = \"right/Europe/Berlin\"\n") ==
             "config.toml:1:12: unknown time zone \"right/Europe/Berlin\"; use an IANA name "
             "such as \"Europe/Berlin\" or \"America/New_York\"");
}

BOOST_AUTO_TEST_CASE(leaves_whether_a_well_formed_zone_exists_to_the_caller) {
  // No tz data is read here: the front end loads the one zone file and reports
  // unknown_zone_error at the setting's location.
  const Config c = parse_config("timezone = \"Mars/Olympus\"\n", "config.toml");
  BOOST_TEST(c.timezone.value == "Mars/Olympus");
  const Error e = unknown_zone_error(c.timezone.value, c.timezone.where);
  BOOST_TEST(format_location(*e.where()) == "config.toml:1:1");
  BOOST_TEST(std::string(e.what()) == "unknown time zone \"Mars/Olympus\"");
  BOOST_TEST((e.kind() == ErrorKind::config));
}

BOOST_AUTO_TEST_CASE(rejects_bad_values_with_what_to_write) {
  BOOST_TEST(error_of("day_starts_at = \"25:00\"\n") ==
             "config.toml:1:17: day_starts_at \"25:00\" is not a time of day; write HH:MM from "
             "00:00 to 23:59, for example \"04:00\"");
  BOOST_TEST(error_of("color = \"sometimes\"\n") ==
             "config.toml:1:9: color \"sometimes\" is not auto, always or never; for example: "
             "color = \"never\"");
  BOOST_TEST(error_of("lock_timeout = -1\n") ==
             "config.toml:1:16: lock_timeout -1 is out of range; use 0 to 3600 seconds");
}

BOOST_AUTO_TEST_CASE(syntax_error_has_a_position) {
  const std::string e = error_of("color = \n");
  BOOST_TEST(e.rfind("config.toml:1:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(refuses_invalid_utf8_before_parsing) {
  BOOST_TEST(error_of("plan = \"ok\"\n# caf\xC3\x28\n") ==
             "config.toml:2:6: the file is not valid UTF-8; save it as UTF-8 text");
}

BOOST_AUTO_TEST_CASE(refuses_an_oversized_file_before_parsing) {
  const std::string big(max_config_bytes + 1, '#');
  BOOST_TEST(error_of(big) == "config.toml: the file is too large for a config file (65537 "
                              "bytes, at most 65536); see 'man attune', CONFIGURATION");
}

BOOST_AUTO_TEST_CASE(formats_clock_times_with_two_digits) {
  BOOST_TEST(format_clock_time(std::chrono::minutes{240}) == "04:00");
  BOOST_TEST(format_clock_time(std::chrono::minutes{23 * 60 + 59}) == "23:59");
}

BOOST_AUTO_TEST_CASE(reads_support_lines_and_the_directory_switch) {
  const Config c = parse_config("color = \"never\"\n\n[support]\n"
                                "lines = [\"Samaritans 116 123\", \"Dr Okafor 020 7946 0000\"]\n"
                                "directory = false\n",
                                "config.toml");
  BOOST_TEST(c.support_lines.value ==
                 (std::vector<std::string>{"Samaritans 116 123", "Dr Okafor 020 7946 0000"}),
             boost::test_tools::per_element());
  BOOST_TEST((c.support_lines.origin == SettingOrigin::config_file));
  BOOST_TEST(format_location(c.support_lines.where) == "config.toml:4:1");
  BOOST_TEST(!c.support_directory.value);
  const Config d = parse_config("", "config.toml");
  BOOST_TEST(d.support_lines.value.empty());
  BOOST_TEST(d.support_directory.value);
}

BOOST_AUTO_TEST_CASE(support_mistakes_point_at_their_place) {
  BOOST_TEST(error_of("[support]\nline = [\"Samaritans\"]\n") ==
             "config.toml:2:1: unknown key \"line\" in [support]; did you mean \"lines\"?");
  BOOST_TEST(error_of("[support]\nlines = \"Samaritans\"\n") ==
             "config.toml:2:9: \"lines\" must be a list of strings, not a string; for example: "
             "lines = [\"Samaritans 116 123\", \"Dr Okafor 020 7946 0000\"]");
  BOOST_TEST(error_of("[support]\nlines = [\"ok\", 116]\n") ==
             "config.toml:2:16: a support line must be a string, not an integer; put each line "
             "in double quotes");
  BOOST_TEST(error_of("[support]\nlines = [\"  \"]\n") ==
             "config.toml:2:10: a support line is empty; write a name and a number or address, "
             "or remove it");
  BOOST_TEST(error_of("[support]\nlines = [\"a\\u001b[2Jb\"]\n") ==
             "config.toml:2:10: a support line holds a control character; write plain text, one "
             "contact per line");
  BOOST_TEST(error_of("[support]\ndirectory = \"no\"\n") ==
             "config.toml:2:13: \"directory\" must be true/false, not a string; for example: "
             "directory = false");
  BOOST_TEST(error_of("support = \"Samaritans\"\n") ==
             "config.toml:1:11: \"support\" must be a table, not a string; write [support] on its "
             "own line, then lines = [\"...\"]");
  BOOST_TEST(error_of("suport = 1\n") ==
             "config.toml:1:1: unknown key \"suport\"; did you mean \"support\"?");
}

BOOST_AUTO_TEST_CASE(lists_every_mistake_at_once_in_file_order) {
  // toml++ sorts keys by name (color < day_start_at < lock_timeout); the file's order wins.
  const ConfigParse parsed = parse_config_all("lock_timeout = -1\nday_start_at = \"03:00\"\n"
                                              "color = \"blue\"\nplan = \"anxious\"\n",
                                              "config.toml");
  BOOST_TEST_REQUIRE(parsed.errors.size() == 3u);
  BOOST_TEST(parsed.errors[0].where()->line == 1);
  BOOST_TEST(parsed.errors[1].what() == std::string("unknown key \"day_start_at\""));
  BOOST_TEST(parsed.errors[1].hint() == "did you mean \"day_starts_at\"?");
  BOOST_TEST(parsed.errors[2].where()->line == 3);
  BOOST_TEST(parsed.config.plan.value == "anxious"); // the good settings are kept
  BOOST_CHECK_THROW(parse_config("color = \"blue\"\nplan = 3\n", "c.toml"), Error);
}

BOOST_AUTO_TEST_CASE(unknown_zone_error_suggests_a_guess_when_given) {
  BOOST_TEST(unknown_zone_error("Berln", {}, "Europe/Berlin").hint() ==
             "did you mean \"Europe/Berlin\"?");
  BOOST_TEST(unknown_zone_error("Xyz", {}).hint().find("IANA") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(flags_beat_the_environment_which_beats_the_file) {
  const Config file = parse_config("plan = \"anxious\"\ncolor = \"always\"\n", "config.toml");
  SettingOverrides none;
  none.no_color = "1";
  Config c = with_overrides(file, none); // NO_COLOR does not beat the file's colour
  BOOST_TEST(c.color.value == "always");
  BOOST_TEST(to_string(c.color.origin) == "config file");
  BOOST_TEST(c.plan.value == "anxious");

  SettingOverrides flags;
  flags.plan = "secure";
  flags.color = "never";
  c = with_overrides(file, flags);
  BOOST_TEST(c.plan.value == "secure");
  BOOST_TEST(c.plan.source == "--plan");
  BOOST_TEST(c.color.value == "never");
  BOOST_TEST(c.color.source == "--color");

  SettingOverrides env;
  env.no_color = "1";
  c = with_overrides(Config{}, env);
  BOOST_TEST(c.color.value == "never");
  BOOST_TEST(c.color.source == "NO_COLOR");
  env.no_color = ""; // NO_COLOR= alone changes nothing
  BOOST_TEST(with_overrides(Config{}, env).color.value == "auto");
}

BOOST_AUTO_TEST_CASE(an_empty_plan_flag_is_refused) {
  SettingOverrides flags;
  flags.plan = "";
  try {
    (void)with_overrides(Config{}, flags);
    BOOST_FAIL("no error");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()) == "--plan is empty");
    BOOST_TEST((e.kind() == ErrorKind::usage));
  }
}

BOOST_AUTO_TEST_SUITE_END()
