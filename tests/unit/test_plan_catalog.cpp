#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "attune/embedded_plan.hpp"
#include "attune/error.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/prebuilt_plan.hpp"
#include "attune/sha256.hpp"

using namespace attune;
namespace fs = std::filesystem;

namespace {

/// A fresh folder under the temp dir, removed at the end of the test.
struct TempFolder {
  fs::path path;
  TempFolder() {
    path = fs::temp_directory_path() /
           ("attune-catalog-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() { fs::remove_all(path); }
  std::string write(const std::string &name, const std::string &text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

/// The built-in plan with another id (and name).
std::string renamed(const std::string &id) {
  std::string text(embedded_default_plan());
  text.replace(text.find("id = \"avoidant\""), 15, "id = \"" + id + "\"");
  return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_catalog)

BOOST_AUTO_TEST_CASE(built_in_default_is_found_with_no_folders) {
  const Plan p = find_plan("avoidant", {});
  BOOST_TEST(p.id == "avoidant");
  BOOST_TEST(p.week_plans.size() == 6u);
  std::vector<std::string> problems;
  const auto plans = list_plans({}, problems);
  BOOST_REQUIRE(plans.size() == 1u);
  BOOST_TEST(plans[0].origin == "built-in");
  BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_CASE(a_text_with_a_prebuilt_plan_is_not_parsed_and_others_are) {
  TempFolder t;
  const std::string mine = t.write("mine.toml", renamed("mine"));
  // A stand-in for prebuilt_plan that marks what it returns: only the built-in text has one.
  PlanSearchPath path{{t.path.string()}, [](std::string_view text) -> std::optional<Plan> {
                        if (text != embedded_default_plan())
                          return std::nullopt;
                        Plan p;
                        p.id = "avoidant";
                        p.name = "from the prebuilt table";
                        return p;
                      }};
  BOOST_TEST(find_plan("avoidant", path).name == "from the prebuilt table");
  BOOST_TEST(find_plan("mine", path).name != "from the prebuilt table");
  BOOST_TEST(find_plan(mine, path).id == "mine");
  std::vector<std::string> problems;
  BOOST_TEST(list_plans(path, problems).size() == 2U);
}

BOOST_AUTO_TEST_CASE(unknown_id_gets_did_you_mean_over_known_ids) {
  try {
    find_plan("avoidnt", {});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::invalid));
    BOOST_TEST(std::string(e.what()) == "unknown plan \"avoidnt\"");
    BOOST_TEST(e.hint() == "did you mean \"avoidant\"?");
  }
}

BOOST_AUTO_TEST_CASE(user_folder_plans_are_found_by_id_and_listed_first) {
  TempFolder user;
  user.write("mine.toml", renamed("calm-steps"));
  user.write("broken.toml", "id = 3\n");
  user.write("notes.txt", "not a plan");
  const PlanSearchPath path{{user.path.string(), "/nonexistent/folder"}};
  BOOST_TEST(find_plan("calm-steps", path).id == "calm-steps");
  std::vector<std::string> problems;
  const auto plans = list_plans(path, problems);
  BOOST_REQUIRE(plans.size() == 2u);
  BOOST_TEST(plans[0].id == "calm-steps");
  BOOST_TEST(plans[1].id == "avoidant");
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].rfind((user.path / "broken.toml").string() +
                                   ":1:1: error: missing key \"schema\" in the plan",
                               0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_path_loads_that_file_and_an_invalid_one_names_its_first_problem) {
  TempFolder dir;
  const std::string good = dir.write("good.toml", renamed("good-one"));
  BOOST_TEST(find_plan_source(good, {}).id == "good-one");
  BOOST_TEST(find_plan_source(good, {}).origin == good);
  const std::string bad = dir.write("bad.toml", renamed("Bad"));
  try {
    find_plan(bad, {});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::invalid));
    BOOST_TEST(std::string(e.what()) == "plan id \"Bad\" is not lowercase with dashes");
    BOOST_REQUIRE(e.where().has_value());
    BOOST_TEST(format_location(*e.where()) == bad + ":4:6");
    BOOST_TEST(e.hint().find("run 'attune plan validate " + bad + "'") != std::string::npos);
  }
}

// Worked example: the binary holds anxious, avoidant and fearful-avoidant; the user's folder
// holds its own "anxious" -> `plan list` shows all three, anxious from the user's file (found
// first), the other two built in; `--plan fearful-avoidant` needs no file at all.
BOOST_AUTO_TEST_CASE(shipped_plans_are_found_with_no_files_and_a_user_plan_overrides_by_id) {
  const PlanSearchPath bare{
      {"/nonexistent/user", "/nonexistent/installed"}, &prebuilt_plan, &shipped_plans};
  std::vector<std::string> problems;
  const auto all = list_plans(bare, problems);
  BOOST_REQUIRE(all.size() == 3U);
  BOOST_TEST(all[0].id == "anxious");
  BOOST_TEST(all[1].id == "avoidant");
  BOOST_TEST(all[2].id == "fearful-avoidant");
  for (const PlanSource &p : all)
    BOOST_TEST(p.origin == "built-in");
  BOOST_TEST(find_plan("anxious", bare).name == "Steady ground: six weeks of small steps");
  BOOST_TEST(find_plan("fearful-avoidant", bare).id == "fearful-avoidant");

  TempFolder user;
  std::string mine(renamed("anxious"));
  mine.replace(mine.find("name = \""), 8, "name = \"My own anxious plan, ");
  const std::string file = user.write("anxious.toml", mine);
  const PlanSearchPath with_user{{user.path.string()}, &prebuilt_plan, &shipped_plans};
  const auto listed = list_plans(with_user, problems);
  BOOST_REQUIRE(listed.size() == 3U);
  BOOST_TEST(listed[0].id == "anxious");
  BOOST_TEST(listed[0].origin == file);
  BOOST_TEST(find_plan("anxious", with_user).name.rfind("My own anxious plan, ", 0) == 0U);
  BOOST_TEST(find_plan_source("anxious", with_user).origin == file);
  BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_an_invalid_argument) {
  try {
    find_plan("/nonexistent/plan.toml", {});
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::invalid));
    BOOST_TEST(std::string(e.what()) == "cannot read plan file \"/nonexistent/plan.toml\"");
    BOOST_TEST(e.hint() == "no such file or directory");
  }
}

BOOST_AUTO_TEST_CASE(a_programme_scores_by_its_saved_copy_else_by_its_plan_as_it_is_now) {
  // Worked example: programme 3 started on the plan "mine" whose text hashed to H. Its copy
  // is kept, then lost; meanwhile mine.toml changed.
  TempFolder t;
  const std::string then = renamed("mine");
  const std::string hash = sha256_hex(then);
  std::string now = then;
  now.replace(now.find("name = \""), 8, "name = \"Changed: ");
  t.write("mine.toml", now);
  const PlanSearchPath path{{t.path.string()}};
  Run run;
  run.number = 3;
  run.plan_id = "mine";
  run.plan_hash = hash;
  std::string warning = "left over";
  const SavedPlans kept{[&](const std::string &h) -> std::optional<std::string> {
                          return h == hash ? std::optional<std::string>(then) : std::nullopt;
                        },
                        "/data/plans"};
  const Plan from_copy = plan_for_run(run, kept, path, warning);
  BOOST_TEST(from_copy.hash == hash);
  BOOST_TEST(from_copy.name.find("Changed") == std::string::npos);
  BOOST_TEST(warning.empty());

  const SavedPlans lost{[](const std::string &) { return std::optional<std::string>(); },
                        "/data/plans"};
  const Plan as_now = plan_for_run(run, lost, path, warning);
  BOOST_TEST(as_now.name.find("Changed") == 0U);
  BOOST_TEST(warning == "the saved copy of plan \"mine\" for run 3 is missing, and the plan has "
                        "changed since that run started; using the plan as it is now");

  // Lost but unchanged: no warning. No start (no id, no hash): the default plan.
  run.plan_hash = sha256_hex(now);
  BOOST_TEST(plan_for_run(run, lost, path, warning).id == "mine");
  BOOST_TEST(warning.empty());
  Run orphan;
  orphan.number = 2;
  BOOST_TEST(plan_for_run(orphan, lost, path, warning).id == default_plan_id);
  BOOST_TEST(warning.empty());

  // A plan id that is not one is refused before any file is looked at.
  run.plan_id = "../mine";
  BOOST_CHECK_THROW(plan_for_run(run, lost, path, warning), Error);
}

BOOST_AUTO_TEST_SUITE_END()
