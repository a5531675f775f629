#include <boost/test/unit_test.hpp>

#include <map>

#include "attune/error.hpp"
#include "attune/paths.hpp"

using namespace attune;

namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    const auto it = vars.find(std::string(name));
    if (it == vars.end())
      return std::nullopt;
    return it->second;
  };
}

} // namespace

BOOST_AUTO_TEST_SUITE(paths)

BOOST_AUTO_TEST_CASE(home_alone_gives_the_xdg_defaults) {
  const Paths p = resolve_paths(env_of({{"HOME", "/home/ana"}}), std::nullopt, "/home/pw");
  BOOST_TEST(p.data_dir == "/home/ana/.local/share/attune");
  BOOST_TEST(p.config_file == "/home/ana/.config/attune/config.toml");
  BOOST_TEST(p.plans_dir == "/home/ana/.config/attune/plans");
}

BOOST_AUTO_TEST_CASE(data_dir_flag_wins_over_everything) {
  const Paths p = resolve_paths(env_of({{"HOME", "/home/ana"},
                                        {"ATTUNE_DATA_DIR", "/env/data"},
                                        {"XDG_DATA_HOME", "/xdg/data"}}),
                                std::string("/flag/data"), "/home/pw");
  BOOST_TEST(p.data_dir == "/flag/data");
}

BOOST_AUTO_TEST_CASE(attune_data_dir_wins_over_xdg_data_home) {
  const Paths p = resolve_paths(env_of({{"HOME", "/home/ana"},
                                        {"ATTUNE_DATA_DIR", "/env/data"},
                                        {"XDG_DATA_HOME", "/xdg/data"}}),
                                std::nullopt, std::nullopt);
  BOOST_TEST(p.data_dir == "/env/data");
}

BOOST_AUTO_TEST_CASE(absolute_xdg_values_are_used) {
  const Paths p = resolve_paths(env_of({{"HOME", "/home/ana"},
                                        {"XDG_DATA_HOME", "/xdg/data/"},
                                        {"XDG_CONFIG_HOME", "/xdg/cfg"}}),
                                std::nullopt, std::nullopt);
  BOOST_TEST(p.data_dir == "/xdg/data/attune");
  BOOST_TEST(p.config_file == "/xdg/cfg/attune/config.toml");
  BOOST_TEST(p.plans_dir == "/xdg/cfg/attune/plans");
}

BOOST_AUTO_TEST_CASE(relative_and_empty_xdg_values_are_ignored) {
  for (const std::string bad : {"relative/data", "", "./x", "~/data"}) {
    const Paths p = resolve_paths(
        env_of({{"HOME", "/home/ana"}, {"XDG_DATA_HOME", bad}, {"XDG_CONFIG_HOME", bad}}),
        std::nullopt, std::nullopt);
    BOOST_TEST(p.data_dir == "/home/ana/.local/share/attune");
    BOOST_TEST(p.config_file == "/home/ana/.config/attune/config.toml");
  }
}

BOOST_AUTO_TEST_CASE(empty_attune_data_dir_and_flag_are_ignored) {
  const Paths p = resolve_paths(env_of({{"HOME", "/home/ana"}, {"ATTUNE_DATA_DIR", ""}}),
                                std::string(""), std::nullopt);
  BOOST_TEST(p.data_dir == "/home/ana/.local/share/attune");
}

BOOST_AUTO_TEST_CASE(unset_or_relative_home_falls_back_to_the_passwd_home) {
  for (const auto &env : {env_of({}), env_of({{"HOME", ""}}), env_of({{"HOME", "rel"}})}) {
    const Paths p = resolve_paths(env, std::nullopt, "/home/pw");
    BOOST_TEST(p.data_dir == "/home/pw/.local/share/attune");
    BOOST_TEST(p.config_file == "/home/pw/.config/attune/config.toml");
  }
}

BOOST_AUTO_TEST_CASE(root_home_does_not_double_the_slash) {
  const Paths p = resolve_paths(env_of({{"HOME", "/"}}), std::nullopt, std::nullopt);
  BOOST_TEST(p.data_dir == "/.local/share/attune");
}

BOOST_AUTO_TEST_CASE(no_home_at_all_is_a_usage_error_never_the_current_folder) {
  for (const auto &passwd : {std::optional<std::string>{}, std::optional<std::string>{""},
                             std::optional<std::string>{"relative"}}) {
    try {
      resolve_paths(env_of({}), std::nullopt, passwd);
      BOOST_FAIL("expected an error");
    } catch (const Error &e) {
      BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::usage));
      BOOST_TEST(std::string(e.what()) ==
                 "cannot find a home folder for the journal (HOME is unset or not absolute, "
                 "and there is no passwd entry)");
      BOOST_TEST(e.hint() ==
                 "set HOME, or give --data-dir DIR (or ATTUNE_DATA_DIR) and XDG_CONFIG_HOME");
    }
  }
}

BOOST_AUTO_TEST_CASE(no_home_works_when_every_folder_is_given) {
  const Paths p =
      resolve_paths(env_of({{"XDG_CONFIG_HOME", "/cfg"}}), std::string("/d"), std::nullopt);
  BOOST_TEST(p.data_dir == "/d");
  BOOST_TEST(p.config_file == "/cfg/attune/config.toml");
}

BOOST_AUTO_TEST_CASE(no_home_with_data_dir_still_needs_a_config_folder) {
  try {
    resolve_paths(env_of({{"XDG_DATA_HOME", "/xdg"}}), std::nullopt, std::nullopt);
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST(std::string(e.what()).find("for the configuration") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(paths_state)

BOOST_AUTO_TEST_CASE(state_lives_in_xdg_state_home_else_under_home_and_never_in_the_data_dir) {
  BOOST_TEST(resolve_paths(env_of({{"HOME", "/home/ana"}}), std::nullopt, std::nullopt).state_dir ==
             "/home/ana/.local/state/attune");
  BOOST_TEST(resolve_paths(env_of({{"HOME", "/home/ana"}, {"XDG_STATE_HOME", "/s"}}),
                           std::string("/d"), std::nullopt)
                 .state_dir == "/s/attune");
  // Relative values are ignored, as the spec says; with no home there is no state folder.
  BOOST_TEST(resolve_paths(env_of({{"HOME", "/home/ana"}, {"XDG_STATE_HOME", "s"}}), std::nullopt,
                           std::nullopt)
                 .state_dir == "/home/ana/.local/state/attune");
  BOOST_TEST(resolve_paths(env_of({{"ATTUNE_DATA_DIR", "/d"}, {"XDG_CONFIG_HOME", "/c"}}),
                           std::nullopt, std::nullopt)
                 .state_dir.empty());
}

BOOST_AUTO_TEST_SUITE_END()
