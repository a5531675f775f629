#include <boost/test/unit_test.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "attune/embedded_plan.hpp"
#include "attune/plan_loader.hpp"

using namespace attune;

namespace attune {
/// For Boost.Test messages.
inline std::ostream &operator<<(std::ostream &os, Dimension d) {
  return os << (d == Dimension::unnamed ? "unnamed" : to_string(d));
}
} // namespace attune

namespace {

// A small valid plan; each broken-plan case changes one snippet of it. Line numbers of the
// snippets are noted so the expected positions can be checked by eye.
const std::string tiny = R"(schema = 1
id = "tiny"
name = "Tiny"
description = "A tiny plan."
notice = "A self-help practice, not therapy."
weeks = 2

[streak]
grace_days = 1

[self_check]
prompt = "How true?"
scale = [1, 5]
min_label = "not at all"
max_label = "very"

[[self_check.items]]
id = "close"
text = "I felt close."

[[self_check.items]]
id = "away"
text = "I pulled away."
reverse = true

[[week]]
number = 1
theme = "Notice"
rationale = "See it first."

[[week.exercises]]
id = "catch"
title = "Catch"
what = "Catch the urge."
why = "Space."
schedule = "daily"

[[week.exercises]]
id = "note"
title = "Note"
what = "Write it."
why = "Patterns."
cue = "before bed"
schedule = { times_per_week = 3 }

[[week]]
number = 2
theme = "Say"
rationale = "Say it."

[[week.exercises]]
id = "say"
title = "Say"
what = "Say a feeling."
why = "Known."
schedule = { weekdays = ["mon", "thu"] }

[[week.exercises]]
id = "catch"
title = "Catch"
what = "Catch the urge."
why = "Space."
schedule = { times_per_week = 2 }
)";

/// `tiny` with the one occurrence of `from` (counted from `nth`, 0-based) replaced.
std::string with(const std::string &from, const std::string &to, int nth = 0) {
  std::string text = tiny;
  std::size_t at = text.find(from);
  for (int i = 0; i < nth && at != std::string::npos; ++i)
    at = text.find(from, at + 1);
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// Every diagnostic as its printed line, joined by newlines ("" when the plan is valid).
std::string errors(const std::string &text) {
  const PlanLoadResult r = load_plan(text, "p.toml");
  std::string out;
  for (const Diagnostic &d : r.diagnostics)
    out += (out.empty() ? "" : "\n") + format_diagnostic(d);
  BOOST_TEST(r.plan.has_value() == out.empty());
  return out;
}

std::string read(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_loader)

BOOST_AUTO_TEST_CASE(loads_a_valid_plan_with_every_field) {
  const PlanLoadResult r = load_plan(tiny, "p.toml");
  BOOST_REQUIRE(r.plan.has_value());
  BOOST_TEST(r.diagnostics.empty());
  const Plan &p = *r.plan;
  BOOST_TEST(p.id == "tiny");
  BOOST_TEST(p.weeks == 2u);
  BOOST_TEST(p.streak.grace_days == 1u);
  BOOST_TEST(p.self_check.scale_min == 1);
  BOOST_TEST(p.self_check.scale_max == 5);
  BOOST_TEST(p.self_check.items.size() == 2u);
  BOOST_TEST(!p.self_check.items[0].reverse);
  BOOST_TEST(p.self_check.items[1].reverse);
  BOOST_REQUIRE(p.week_plans.size() == 2u);
  BOOST_TEST(p.week_plans[0].exercises[1].cue == "before bed");
  BOOST_TEST(p.week_plans[0].exercises[0].pos.line == 31);
  BOOST_TEST(p.hash == sha256_hex(tiny));
  // A saved copy is named by its hash: that name is taken as the hash, not computed again.
  const auto named = load_plan(tiny, "plans/abc.toml", "abc");
  BOOST_REQUIRE(named.plan.has_value());
  BOOST_TEST(named.plan->hash == "abc");
  BOOST_TEST(p.week(2) == &p.week_plans[1]);
  BOOST_TEST(p.week(3) == nullptr);
  BOOST_TEST(p.week(0) == nullptr);
  const std::vector<std::string> ids{"catch", "note", "say"};
  BOOST_TEST(p.exercise_ids() == ids, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(expands_each_schedule_kind_to_due_days_and_weekly_target) {
  const Plan p = *load_plan(tiny, "p.toml").plan;
  const Schedule &daily = p.week_plans[0].exercises[0].schedule;
  const Schedule &three = p.week_plans[0].exercises[1].schedule;
  const Schedule &mon_thu = p.week_plans[1].exercises[0].schedule;
  BOOST_TEST((daily.kind == ScheduleKind::daily));
  BOOST_TEST(daily.weekly_target() == 7u);
  BOOST_TEST((three.kind == ScheduleKind::times_per_week));
  BOOST_TEST(three.weekly_target() == 3u);
  BOOST_TEST((mon_thu.kind == ScheduleKind::weekdays));
  BOOST_TEST(mon_thu.weekly_target() == 2u);
  for (unsigned d = 0; d < 7; ++d) {
    const date::weekday wd{d};
    BOOST_TEST(daily.due_on(wd));
    BOOST_TEST(!three.due_on(wd)); // open all week, never due on a particular day
    BOOST_TEST(mon_thu.due_on(wd) == (wd == date::Monday || wd == date::Thursday));
  }
  // The same exercise recurs in week 2 with another dose.
  BOOST_TEST(p.week_plans[1].exercises[1].id == "catch");
  BOOST_TEST(p.week_plans[1].exercises[1].schedule.weekly_target() == 2u);
}

BOOST_AUTO_TEST_CASE(every_shipped_plan_loads_and_the_default_is_compiled_in) {
  int count = 0;
  for (const auto &entry : std::filesystem::directory_iterator(ATTUNE_SOURCE_DIR "/plans")) {
    if (entry.path().extension() != ".toml")
      continue;
    ++count;
    const std::string text = read(entry.path());
    BOOST_TEST_CONTEXT(entry.path().string()) {
      BOOST_TEST(errors(text) == "");
      const PlanLoadResult r = load_plan(text, entry.path().string());
      BOOST_REQUIRE(r.plan.has_value());
      BOOST_TEST(r.plan->id + ".toml" == entry.path().filename().string());
      BOOST_TEST(r.plan->weeks == 6u);
      BOOST_TEST(r.plan->streak.grace_days == 1u);
      const auto &items = r.plan->self_check.items;
      BOOST_TEST((items.size() >= 4 && items.size() <= 6));
      BOOST_TEST(std::count_if(items.begin(), items.end(), [](auto &i) { return i.reverse; }) > 0);
      BOOST_TEST(!r.plan->support.empty());
      // The self-check: every dimension present, a distress question, one statement per item,
      // and nothing that assumes a partner (it must make sense for someone living alone).
      for (const Dimension dim : {Dimension::avoidance, Dimension::anxiety, Dimension::awareness})
        BOOST_TEST(std::count_if(items.begin(), items.end(),
                                 [dim](auto &i) { return i.dimension == dim; }) > 0,
                   "a " << to_string(dim) << " item");
      BOOST_TEST(r.plan->self_check.has_distress());
      BOOST_TEST(r.plan->self_check.distress.text == "How hard was this week for you?");
      for (const SelfCheckItem &i : items) {
        BOOST_TEST_CONTEXT(i.id) {
          BOOST_TEST(i.text.find("partner") == std::string::npos);
          BOOST_TEST(i.text.back() == '.');
          BOOST_TEST(i.text.find_first_of(".;?!") == i.text.size() - 1, "one sentence");
          BOOST_TEST(
              (i.text.find(" and ") == std::string::npos || i.dimension == Dimension::awareness),
              "one statement, not two joined by \"and\"");
        }
      }
    }
  }
  BOOST_TEST(count == 3);
  BOOST_TEST(embedded_default_plan() == read(ATTUNE_SOURCE_DIR "/plans/avoidant.toml"));
  BOOST_TEST(load_plan(embedded_default_plan(), "built-in").plan->id == "avoidant");
}

// ---- The broken-plan suite: one mistake each, exact message and position. ----

BOOST_AUTO_TEST_CASE(reports_a_toml_syntax_error_with_its_position) {
  BOOST_TEST(errors(with("theme = \"Notice\"", "theme = \"Notice")) ==
             "p.toml:28:16: error: invalid toml in string: the string is not closed before the "
             "end of the line; see attune-plan(5) for the format");
  BOOST_TEST(errors(with("number = 1", "number = 1 2")) ==
             "p.toml:27:12: error: invalid toml in key-value pair: expected a comment or "
             "whitespace, saw '2'; see attune-plan(5) for the format");
}

BOOST_AUTO_TEST_CASE(rejects_unknown_key_with_did_you_mean) {
  BOOST_TEST(errors(with("cue = ", "cues = ")) ==
             "p.toml:43:1: error: unknown key \"cues\" in an exercise of week 1; did you mean "
             "\"cue\"?");
  BOOST_TEST(errors(with("grace_days", "grace_day")) ==
             "p.toml:9:1: error: unknown key \"grace_day\" in [streak]; did you mean "
             "\"grace_days\"?");
}

BOOST_AUTO_TEST_CASE(rejects_unknown_top_level_key_without_a_close_match) {
  BOOST_TEST(errors(with("weeks = 2", "weeks = 2\ncolour = \"blue\"")) ==
             "p.toml:7:1: error: unknown key \"colour\" in the plan; see attune-plan(5) for the "
             "keys");
}

BOOST_AUTO_TEST_CASE(rejects_a_value_of_the_wrong_type) {
  BOOST_TEST(errors(with("weeks = 2", "weeks = \"2\"")) ==
             "p.toml:6:9: error: \"weeks\" must be an integer, not a string; write a whole "
             "number without quotes");
  BOOST_TEST(errors(with("reverse = true", "reverse = \"yes\"")) ==
             "p.toml:24:11: error: \"reverse\" must be true/false, not a string; write true or "
             "false without quotes");
}

BOOST_AUTO_TEST_CASE(rejects_a_missing_required_key_at_its_table) {
  BOOST_TEST(errors(with("why = \"Known.\"\n", "")) ==
             "p.toml:51:1: error: missing key \"why\" in an exercise of week 2; say why it "
             "helps, in a sentence or two");
  BOOST_TEST(errors(with("notice = \"A self-help practice, not therapy.\"\n", "")) ==
             "p.toml:1:1: error: missing key \"notice\" in the plan; say once that this is a "
             "self-help practice, not therapy or crisis care");
}

BOOST_AUTO_TEST_CASE(rejects_blank_required_text) {
  BOOST_TEST(errors(with("theme = \"Say\"", "theme = \"  \"")) ==
             "p.toml:48:9: error: \"theme\" is empty in a [[week]]; write a few words");
}

BOOST_AUTO_TEST_CASE(rejects_an_id_that_is_not_lowercase_with_dashes) {
  BOOST_TEST(errors(with("id = \"say\"", "id = \"Say It\"")) ==
             "p.toml:52:6: error: exercise id \"Say It\" is not lowercase with dashes; use a-z, "
             "0-9 and single dashes, starting with a letter, like \"say-it\"");
}

BOOST_AUTO_TEST_CASE(rejects_a_duplicate_exercise_id_within_a_week) {
  BOOST_TEST(errors(with("id = \"note\"", "id = \"catch\"")) ==
             "p.toml:39:6: error: exercise id \"catch\" appears twice in week 1; the first is "
             "at line 32; an exercise may recur in other weeks, but once per week");
}

BOOST_AUTO_TEST_CASE(rejects_a_duplicate_self_check_item_id) {
  BOOST_TEST(errors(with("id = \"away\"", "id = \"close\"")) ==
             "p.toml:22:6: error: self-check item id \"close\" is used twice; the first is at "
             "line 18; give each statement its own id");
}

// ---- Self-check dimensions and the distress question. ----

/// `tiny` with a dimension on each item (lines 19 and 24 hold the texts).
std::string with_dimensions(const std::string &first = "avoidance",
                            const std::string &second = "anxiety") {
  std::string text =
      with("text = \"I felt close.\"", "text = \"I felt close.\"\ndimension = \"" + first + "\"");
  const std::string from = "text = \"I pulled away.\"";
  const std::size_t at = text.find(from);
  return text.replace(at, from.size(), from + "\ndimension = \"" + second + "\"");
}

BOOST_AUTO_TEST_CASE(reads_dimensions_and_the_distress_question) {
  std::string text = with_dimensions("awareness", "avoidance");
  text.replace(text.find("[[week]]"), 0,
               "[self_check.distress]\nid = \"hard-week\"\ntext = \"How hard was this week "
               "for you?\"\nmax_label = \"very hard\"\n\n");
  BOOST_TEST(errors(text) == "");
  const PlanLoadResult r = load_plan(text, "p.toml");
  BOOST_REQUIRE(r.plan.has_value());
  const SelfCheck &sc = r.plan->self_check;
  BOOST_TEST(sc.items[0].dimension == Dimension::awareness);
  BOOST_TEST(sc.items[1].dimension == Dimension::avoidance);
  BOOST_TEST(sc.items[1].reverse);
  BOOST_TEST(sc.has_distress());
  BOOST_TEST(sc.distress.id == "hard-week");
  BOOST_TEST(sc.distress.max_label == "very hard");
  BOOST_TEST(sc.distress.min_label == "");
  BOOST_TEST(sc.answer_count() == 3u);
}

/// An older plan, with no dimension anywhere, keeps loading: one unnamed dimension.
BOOST_AUTO_TEST_CASE(a_plan_without_dimensions_still_loads) {
  const PlanLoadResult r = load_plan(tiny, "p.toml");
  BOOST_REQUIRE(r.plan.has_value());
  BOOST_TEST(r.plan->self_check.items[0].dimension == Dimension::unnamed);
  BOOST_TEST(!r.plan->self_check.has_distress());
}

BOOST_AUTO_TEST_CASE(rejects_an_unknown_dimension_with_did_you_mean) {
  BOOST_TEST(errors(with_dimensions("avoidance", "anxious")) ==
             "p.toml:25:13: error: unknown self-check dimension \"anxious\"; did you mean "
             "\"anxiety\"?");
  BOOST_TEST(errors(with_dimensions("avoidance", "avoidant")).find("did you mean \"avoidance\"?") !=
             std::string::npos);
  BOOST_TEST(errors(with_dimensions("avoidance", "noticing")).find("did you mean \"awareness\"?") !=
             std::string::npos);
  BOOST_TEST(errors(with_dimensions("security", "anxiety")) ==
             "p.toml:20:13: error: unknown self-check dimension \"security\"; use \"avoidance\", "
             "\"anxiety\" or \"awareness\"");
  BOOST_TEST(
      errors(with_dimensions("avoidance", "anxiety")
                 .replace(with_dimensions("avoidance", "anxiety").find("dimension = \"anxiety\""),
                          std::string("dimension = \"anxiety\"").size(), "dimension = 2")) ==
      "p.toml:25:13: error: \"dimension\" must be a string, not an integer; put the text in "
      "double quotes");
}

BOOST_AUTO_TEST_CASE(rejects_dimensions_on_some_items_only) {
  BOOST_TEST(errors(with("text = \"I pulled away.\"",
                         "text = \"I pulled away.\"\ndimension = \"avoidance\"")) ==
             "p.toml:17:1: error: this self-check item has no \"dimension\"; the item at line 24 "
             "has one; give every item a dimension: \"avoidance\", \"anxiety\" or "
             "\"awareness\"");
}

BOOST_AUTO_TEST_CASE(rejects_a_self_check_of_awareness_only) {
  BOOST_TEST(errors(with_dimensions("awareness", "awareness")) ==
             "p.toml:17:1: error: the self-check has no \"avoidance\" or \"anxiety\" item; "
             "awareness is reported as noticing, not as security: add at least one item on "
             "avoidance or anxiety");
}

BOOST_AUTO_TEST_CASE(rejects_a_distress_question_with_unknown_keys_or_a_taken_id) {
  std::string text = tiny;
  text.replace(text.find("[[week]]"), 0,
               "[self_check.distress]\nid = \"close\"\ntext = \"How hard?\"\nscale = [0, "
               "10]\n\n");
  BOOST_TEST(errors(text) ==
             "p.toml:27:6: error: distress item id \"close\" is used twice; a self-check item "
             "at line 18 has it; give the distress item its own id\np.toml:29:1: error: "
             "unknown key \"scale\" in [self_check.distress]; see attune-plan(5) for the keys");
  std::string typo = tiny;
  typo.replace(typo.find("[[week]]"), 0,
               "[self_check.distres]\nid = \"hard\"\ntext = \"How hard?\"\n\n");
  BOOST_TEST(errors(typo) ==
             "p.toml:26:13: error: unknown key \"distres\" in [self_check]; did you mean "
             "\"distress\"?");
}

BOOST_AUTO_TEST_CASE(rejects_unknown_weekday_with_did_you_mean) {
  BOOST_TEST(errors(with("\"thu\"", "\"thur\"")) ==
             "p.toml:56:33: error: unknown weekday \"thur\"; did you mean \"thu\"?");
}

BOOST_AUTO_TEST_CASE(rejects_impossible_times_per_week) {
  BOOST_TEST(errors(with("times_per_week = 3", "times_per_week = 8")) ==
             "p.toml:44:31: error: times_per_week 8 is impossible; use 1 to 7: a week has "
             "seven days");
  BOOST_TEST(errors(with("times_per_week = 3", "times_per_week = 0")) ==
             "p.toml:44:31: error: times_per_week 0 is impossible; use 1 to 7: a week has "
             "seven days");
}

BOOST_AUTO_TEST_CASE(rejects_an_empty_or_repeating_weekday_list) {
  BOOST_TEST(errors(with("[\"mon\", \"thu\"]", "[]")) ==
             "p.toml:56:25: error: an empty weekday list; name at least one day, like [\"mon\", "
             "\"thu\"]");
  BOOST_TEST(errors(with("[\"mon\", \"thu\"]", "[\"mon\", \"monday\"]")) ==
             "p.toml:56:33: error: weekday \"monday\" is listed twice; name each day once");
}

BOOST_AUTO_TEST_CASE(rejects_a_schedule_that_is_not_one_of_the_three_kinds) {
  BOOST_TEST(errors(with("schedule = \"daily\"", "schedule = \"dialy\"")) ==
             "p.toml:36:12: error: unknown schedule \"dialy\"; did you mean \"daily\"?");
  BOOST_TEST(
      errors(with("{ times_per_week = 2 }", "{ times_per_week = 2, weekdays = [\"mon\"] }")) ==
      "p.toml:63:12: error: a schedule has both \"times_per_week\" and \"weekdays\"; "
      "choose one of them");
  BOOST_TEST(errors(with("schedule = \"daily\"", "schedule = 7")) ==
             "p.toml:36:12: error: \"schedule\" must be \"daily\", \"when-it-arises\" or a table, "
             "not an integer; use \"daily\", \"when-it-arises\", { times_per_week = 3 } or "
             "{ weekdays = [\"mon\", \"thu\"] }");
}

BOOST_AUTO_TEST_CASE(rejects_week_numbers_that_skip_or_repeat) {
  BOOST_TEST(errors(with("number = 2", "number = 3")) ==
             "p.toml:47:10: error: week number 3 skips week 2; number the weeks 1, 2, 3... in "
             "order");
  BOOST_TEST(errors(with("number = 2", "number = 1")) ==
             "p.toml:47:10: error: week number 1 is repeated; week 1 is already at line 27; "
             "number the weeks 1, 2, 3... in order");
}

BOOST_AUTO_TEST_CASE(rejects_a_week_count_that_does_not_match_weeks) {
  BOOST_TEST(errors(with("weeks = 2", "weeks = 3")) ==
             "p.toml:6:9: error: the plan has 2 [[week]] tables but weeks = 3; add or remove "
             "[[week]] tables, or change weeks");
}

BOOST_AUTO_TEST_CASE(rejects_weeks_out_of_range) {
  BOOST_TEST(errors(with("weeks = 2", "weeks = 13")) ==
             "p.toml:6:9: error: weeks 13 is out of range; a plan has 1 to 12 weeks");
}

BOOST_AUTO_TEST_CASE(rejects_a_self_check_scale_that_is_not_a_range) {
  BOOST_TEST(errors(with("scale = [1, 5]", "scale = [5, 5]")) ==
             "p.toml:13:9: error: the self-check scale [5, 5] is not a range; the first number "
             "must be lower than the second, like [1, 5]");
  BOOST_TEST(errors(with("scale = [1, 5]", "scale = [1]")) ==
             "p.toml:13:9: error: the self-check scale must be two whole numbers; write "
             "[lowest, highest], like [1, 5]");
}

BOOST_AUTO_TEST_CASE(rejects_a_self_check_without_answer_labels) {
  BOOST_TEST(errors(with("max_label = \"very\"\n", "")) ==
             "p.toml:11:1: error: missing key \"max_label\" in [self_check]; name the highest "
             "answer, like \"very much\"");
}

BOOST_AUTO_TEST_CASE(rejects_a_week_with_too_few_exercises) {
  const std::string text = tiny.substr(0, tiny.rfind("[[week.exercises]]"));
  BOOST_TEST(errors(text) ==
             "p.toml:46:1: error: week 2 has 1 exercise; give each week 2 to 4 small exercises");
}

BOOST_AUTO_TEST_CASE(rejects_grace_days_out_of_range) {
  BOOST_TEST(errors(with("grace_days = 1", "grace_days = 5")) ==
             "p.toml:9:14: error: grace_days 5 is out of range; use 0 to 3; 1 forgives one "
             "missed day between kept days");
}

BOOST_AUTO_TEST_CASE(rejects_an_unsupported_schema) {
  BOOST_TEST(errors(with("schema = 1", "schema = 2")) ==
             "p.toml:1:10: error: unsupported schema 2; this attune reads schema = 1");
}

BOOST_AUTO_TEST_CASE(reports_every_problem_in_one_pass_in_file_order) {
  std::string text = with("weeks = 2", "weeks = 13");
  text.replace(text.find("\"thu\""), 5, "\"thur\"");
  text.replace(text.find("id = \"away\""), 11, "id = \"Away\"");
  BOOST_TEST(errors(text) ==
             "p.toml:6:9: error: weeks 13 is out of range; a plan has 1 to 12 weeks\n"
             "p.toml:22:6: error: self-check item id \"Away\" is not lowercase with dashes; use "
             "a-z, 0-9 and single dashes, starting with a letter, like \"away\"\n"
             "p.toml:56:33: error: unknown weekday \"thur\"; did you mean \"thu\"?");
}

// ---- Hostile text: refused with a diagnostic before toml++ sees it, never a crash. ----

BOOST_AUTO_TEST_CASE(refuses_invalid_utf8_at_the_bad_byte) {
  BOOST_TEST(errors(with("theme = \"Notice\"", "theme = \"No\xfftice\"")) ==
             "p.toml:28:12: error: invalid utf-8 (byte \"\\xff\"); save the file as UTF-8");
  BOOST_TEST(errors("name = \"caf\xc3\xa9 \xc0\xaf\"") ==
             "p.toml:1:14: error: invalid utf-8 (byte \"\\xc0\"); save the file as UTF-8");
}

BOOST_AUTO_TEST_CASE(refuses_ten_thousand_nested_arrays) {
  const std::string text = "x = " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  BOOST_TEST(errors(text) == "p.toml:1:37: error: lists and tables nested more than 32 deep; a "
                             "plan needs only a few levels");
  BOOST_TEST(errors("x = " + std::string(10000, '{')).find("nested more than 32 deep") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_deeply_dotted_keys_and_headers) {
  // 500,000 dotted levels crashed toml++ 3.3.0 (stack overflow) before this check.
  std::string key = "a";
  for (int i = 0; i < 500000; ++i)
    key += ".a";
  BOOST_TEST(errors(key + " = 1\n") == "p.toml:1:66: error: lists and tables nested more than "
                                       "32 deep; a plan needs only a few levels");
  BOOST_TEST(errors("[" + key + "]\n").find("p.toml:1:65: error: lists and tables nested") == 0u);
  // Inline tables keep the dots of the key they were opened under.
  std::string inner = "1";
  for (int i = 0; i < 40; ++i)
    inner = "{ a.a.a.a.a.a.a = " + inner + " }";
  BOOST_TEST(errors("x = " + inner).find("nested more than 32 deep") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(brackets_inside_strings_and_comments_do_not_count_as_nesting) {
  const std::string deep(40, '[');
  std::string text = with("description = \"A tiny plan.\"",
                          "description = \"\"\"" + deep + "\"\"\" # " + deep + "\n# '" + deep);
  text = text.replace(text.find("rationale = \"Say it.\""), 21, "rationale = '" + deep + "'");
  BOOST_TEST(errors(text) == "");
}

BOOST_AUTO_TEST_CASE(refuses_text_over_one_mebibyte) {
  const std::string text = "# " + std::string(max_plan_bytes, 'a') + "\n";
  BOOST_TEST(errors(text) == "p.toml:1:1: error: the plan is too large (1048579 bytes); a plan "
                             "may be at most 1048576 bytes");
}

BOOST_AUTO_TEST_CASE(never_throws_on_any_prefix_of_a_plan) {
  // Cutting the plan at every byte gives every kind of half-written value and table.
  for (std::size_t n = 0; n < tiny.size(); ++n) {
    PlanLoadResult r;
    BOOST_CHECK_NO_THROW(r = load_plan(tiny.substr(0, n), "p.toml"));
    BOOST_TEST((r.plan.has_value() || !r.diagnostics.empty()));
  }
}

// ---- The plan hash. ----

BOOST_AUTO_TEST_CASE(sha256_matches_the_standard_vectors) {
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(sha256_hex("abc") ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  BOOST_TEST(sha256_hex(std::string(1000000, 'a')) ==
             "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_CASE(sha256_pads_correctly_around_the_block_boundary) {
  // Lengths where the padding needs one or two final blocks (checked with sha256sum).
  BOOST_TEST(sha256_hex(std::string(55, 'a')) ==
             "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  BOOST_TEST(sha256_hex(std::string(56, 'a')) ==
             "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  BOOST_TEST(sha256_hex(std::string(63, 'a')) ==
             "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  BOOST_TEST(sha256_hex(std::string(64, 'a')) ==
             "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  BOOST_TEST(sha256_hex(std::string(65, 'a')) ==
             "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

// ---- Care fields: caution, with_other, disclosure, alone, if_it_goes_badly, prompts. ----

BOOST_AUTO_TEST_CASE(reads_the_care_fields) {
  const std::string text = with("schedule = { weekdays = [\"mon\", \"thu\"] }",
                                "schedule = { weekdays = [\"mon\", \"thu\"] }\n"
                                "disclosure = true\n"
                                "caution = \"Skip it with anyone who frightens you.\"\n"
                                "alone = \"Write a letter you do not send.\"\n"
                                "if_it_goes_badly = \"Be kind to yourself.\"\n"
                                "prompts = [\"What happened?\", \"What did I feel?\"]");
  BOOST_TEST(errors(text) == "");
  const PlanLoadResult r = load_plan(text, "p.toml");
  BOOST_REQUIRE(r.plan.has_value());
  const Exercise &say = r.plan->week_plans[1].exercises[0];
  BOOST_TEST(say.id == "say");
  BOOST_TEST(say.disclosure);
  BOOST_TEST(say.with_other); // a disclosure is always with someone
  BOOST_TEST(say.caution == "Skip it with anyone who frightens you.");
  BOOST_TEST(say.alone == "Write a letter you do not send.");
  BOOST_TEST(say.if_it_goes_badly == "Be kind to yourself.");
  BOOST_TEST(say.prompts == (std::vector<std::string>{"What happened?", "What did I feel?"}),
             boost::test_tools::per_element());
  const Exercise &catch_it = r.plan->week_plans[0].exercises[0];
  BOOST_TEST(!catch_it.with_other);
  BOOST_TEST(catch_it.caution.empty());
  BOOST_TEST(catch_it.prompts.empty());
}

BOOST_AUTO_TEST_CASE(another_person_needs_an_alone_alternative) {
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\nwith_other = true")) ==
             "p.toml:56:1: error: exercise \"say\" needs another person but has no \"alone\" "
             "alternative; add alone = \"...\": what to do with no one to practise with (an "
             "unsent letter, a friend by message, a support group, a therapist)");
}

BOOST_AUTO_TEST_CASE(a_disclosure_needs_alone_and_if_it_goes_badly) {
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\ndisclosure = true")) ==
             "p.toml:56:1: error: exercise \"say\" needs another person but has no \"alone\" "
             "alternative; add alone = \"...\": what to do with no one to practise with (an "
             "unsent letter, a friend by message, a support group, a therapist)\n"
             "p.toml:56:1: error: exercise \"say\" shares something personal but has no "
             "\"if_it_goes_badly\"; add if_it_goes_badly = \"...\": what to do if it lands badly");
}

BOOST_AUTO_TEST_CASE(care_fields_are_checked_for_type_spelling_and_content) {
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\nalon = \"Write.\"")) ==
             "p.toml:56:1: error: unknown key \"alon\" in an exercise of week 2; did you mean "
             "\"alone\"?");
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\nif_it_goes_bad = \"Rest.\"")) ==
             "p.toml:56:1: error: unknown key \"if_it_goes_bad\" in an exercise of week 2; did "
             "you mean \"if_it_goes_badly\"?");
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\ncaution = \"  \"")) ==
             "p.toml:56:11: error: \"caution\" is empty in an exercise of week 2; say when to "
             "skip this step, or remove the key");
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\nwith_other = \"yes\"")) ==
             "p.toml:56:14: error: \"with_other\" must be true/false, not a string; write true "
             "or false without quotes");
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\nprompts = [\"Why?\", 3]")) ==
             "p.toml:56:20: error: a prompt must be a string, not an integer; put each question "
             "in double quotes");
  BOOST_TEST(errors(with("why = \"Known.\"", "why = \"Known.\"\nprompts = []")) ==
             "p.toml:56:11: error: an exercise has 0 prompts; give it 1 to 8 short questions");
}

// ---- The shipped plans, held to what a clinician would sign off. ----

namespace {

bool mentions(std::string text, const std::vector<std::string> &words) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string &w : words) {
    for (std::size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + 1)) {
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      const std::size_t end = at + w.size();
      const bool ends = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (starts && ends)
        return true;
    }
  }
  return false;
}

} // namespace

/// How the test knows (attune-plan(5), Exercises): an exercise whose `what` asks you to
/// tell someone must be a disclosure; one whose `what` mentions another person must be
/// with_other unless it is only named "to yourself" (a plan may mark more, e.g. "ask for what
/// you need");
/// one whose id or title is about staying, sharing or a pause you come back from needs a
/// caution. The plan marks them; the loader then requires alone and if_it_goes_badly.
BOOST_AUTO_TEST_CASE(every_shipped_exercise_is_small_cued_and_safe) {
  int plans = 0;
  int with_other = 0;
  int disclosures = 0;
  int cautions = 0;
  int situational = 0;
  for (const auto &entry : std::filesystem::directory_iterator(ATTUNE_SOURCE_DIR "/plans")) {
    if (entry.path().extension() != ".toml")
      continue;
    ++plans;
    const PlanLoadResult r = load_plan(read(entry.path()), entry.path().filename().string());
    BOOST_REQUIRE(r.plan.has_value());
    const Plan &plan = *r.plan;
    BOOST_TEST_CONTEXT(plan.id) {
      // The professional-help pointer names individual options, not only couples therapy.
      BOOST_TEST(mentions(plan.support, {"individual"}));
      BOOST_TEST(mentions(plan.support, {"counsellor", "psychologist"}));
      BOOST_TEST(mentions(plan.support, {"attune support"}));
      for (const Week &week : plan.week_plans) {
        for (const Exercise &e : week.exercises) {
          BOOST_TEST_CONTEXT("week " << week.number << " " << e.id) {
            BOOST_TEST(!e.cue.empty());
            // A cue that names a situation (which may not come up) goes with when-it-arises; a
            // cue that names a routine ("when you brush your teeth") with a fixed schedule.
            const bool names_situation = [&e] {
              for (const char *lead :
                   {"whenever", "if ", "when you catch", "when you need", "when you notice",
                    "when someone", "before sending", "before a conversation"})
                if (e.cue.rfind(lead, 0) == 0)
                  return true;
              return false;
            }();
            BOOST_TEST(e.schedule.situational() == names_situation);
            situational += e.schedule.situational();
            const bool tells = mentions(e.what, {"tell someone", "tell the person"});
            // "name it to yourself" is noticing, even when the urge is about someone.
            const bool other =
                tells || (mentions(e.what, {"someone", "the other person", "conversation"}) &&
                          !mentions(e.what, {"to yourself"}));
            const bool stays =
                mentions(e.id + " " + e.title, {"stay", "share", "pause", "need-a-moment", "wait"});
            if (tells)
              BOOST_TEST(e.disclosure);
            if (other)
              BOOST_TEST(e.with_other);
            if (e.with_other)
              BOOST_TEST(!e.alone.empty());
            if (e.disclosure)
              BOOST_TEST(!e.if_it_goes_badly.empty());
            if (stays || e.disclosure)
              BOOST_TEST(e.caution.find("attune support") != std::string::npos);
            with_other += e.with_other;
            disclosures += e.disclosure;
            cautions += !e.caution.empty();
          }
        }
      }
    }
  }
  BOOST_TEST(plans >= 3);
  // Weeks 3 to 6 of every plan need someone else: the marks cannot all have gone missing.
  BOOST_TEST(with_other >= 3 * 6);
  BOOST_TEST(disclosures >= 3 * 2);
  BOOST_TEST(cautions >= 3 * 4);
  // catch-the-urge, staying longer, the pause, asking, comforting: in every plan.
  BOOST_TEST(situational >= 3 * 5);
}

/// schedule = "when-it-arises" needs a cue naming the situation; near misses get a hint.
BOOST_AUTO_TEST_CASE(reads_when_it_arises_and_requires_its_cue) {
  const std::string situational =
      with("schedule = { times_per_week = 3 }", "schedule = \"when-it-arises\"");
  const PlanLoadResult r = load_plan(situational, "p.toml");
  BOOST_REQUIRE(r.plan.has_value());
  const Schedule &s = r.plan->week_plans[0].exercises[1].schedule;
  BOOST_TEST((s.kind == ScheduleKind::when_it_arises));
  BOOST_TEST(s.situational());
  BOOST_TEST(s.weekly_target() == 0u);
  BOOST_TEST(!s.due_on(date::Monday));
  // The first exercise has no cue: a situational schedule there is refused, at the value.
  BOOST_TEST(errors(with("schedule = \"daily\"", "schedule = \"when-it-arises\"")) ==
             "p.toml:36:12: error: a \"when-it-arises\" exercise needs a \"cue\" in an exercise "
             "of week 1; name the situation in \"cue\", like \"whenever you want to leave a "
             "conversation\"");
  BOOST_TEST(errors(with("schedule = \"daily\"", "schedule = \"when-arises\"")) ==
             "p.toml:36:12: error: unknown schedule \"when-arises\"; did you mean "
             "\"when-it-arises\"?");
  BOOST_TEST(errors(with("schedule = \"daily\"", "schedule = \"if it arises\"")) ==
             "p.toml:36:12: error: unknown schedule \"if it arises\"; did you mean "
             "\"when-it-arises\"?");
}

BOOST_AUTO_TEST_SUITE_END()
