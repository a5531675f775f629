#include <boost/test/unit_test.hpp>

#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/limits.hpp"
#include "attune/undo.hpp"
#include "attune/week_view.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Instant at(const char *text) {
  return *parse_instant(text);
}

void add_cue(Run &run, const std::string &exercise, const std::string &text, const char *when) {
  Record r;
  r.type = RecordType::cue;
  r.day = *parse_iso_day(std::string(when).substr(0, 10));
  r.recorded = at(when);
  r.run = run.number;
  r.exercise = exercise;
  r.text = text;
  run.records.push_back(std::move(r));
}

std::string error_of(std::string_view text) {
  try {
    (void)check_cue_text(text);
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

Exercise with_cue(const std::string &id, const std::string &cue) {
  Exercise e = daily(id);
  e.cue = cue;
  return e;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cue)

BOOST_AUTO_TEST_CASE(the_newest_cue_of_an_exercise_wins_and_an_empty_one_clears_it) {
  Run run = make_run(start_mon);
  add_cue(run, "a", "after dinner", "2026-11-02T10:00:00Z");
  add_cue(run, "a", "after lunch", "2026-11-02T09:00:00Z"); // older, though later in the file
  add_cue(run, "b", "at the bus stop", "2026-11-02T09:00:00Z");
  add_cue(run, "b", "", "2026-11-03T09:00:00Z");
  const auto cues = personal_cues(run);
  BOOST_TEST(cues.size() == 1U);
  BOOST_TEST(cues.at("a") == "after dinner");
}

BOOST_AUTO_TEST_CASE(on_a_tie_the_later_line_wins) {
  Run run = make_run(start_mon);
  add_cue(run, "a", "first", "2026-11-02T09:00:00Z");
  add_cue(run, "a", "second", "2026-11-02T09:00:00Z");
  BOOST_TEST(personal_cues(run).at("a") == "second");
}

BOOST_AUTO_TEST_CASE(effective_cue_prefers_the_persons_own_then_the_plans) {
  const std::map<std::string, std::string> cues = {{"a", "when I get home from work"}};
  const EffectiveCue mine = effective_cue(with_cue("a", "after work"), cues);
  BOOST_TEST(mine.text == "when I get home from work");
  BOOST_TEST(to_string(mine.source) == "mine");
  const EffectiveCue plan = effective_cue(with_cue("b", "before bed"), cues);
  BOOST_TEST(plan.text == "before bed");
  BOOST_TEST(to_string(plan.source) == "plan");
  BOOST_TEST(effective_cue(with_cue("c", ""), cues).text.empty());
}

BOOST_AUTO_TEST_CASE(cue_text_is_trimmed_one_line_and_short) {
  BOOST_TEST(check_cue_text("  when I get home ") == "when I get home");
  BOOST_TEST(error_of("   ") == "the cue is empty");
  BOOST_TEST(error_of("when\nthen") == "the cue holds a line break");
  BOOST_TEST(error_of("when\x07") == "the cue holds a control character");
  BOOST_TEST(error_of("\xff") == "the cue is not valid UTF-8 text");
  BOOST_TEST(error_of(std::string(max_cue_bytes, 'x')).empty());
  BOOST_TEST(error_of(std::string(max_cue_bytes + 1, 'x')) ==
             "the cue is too long (301 bytes; at most 300)");
}

BOOST_AUTO_TEST_CASE(a_cue_record_over_the_limit_is_refused_before_writing) {
  Record r;
  r.type = RecordType::cue;
  r.exercise = "a";
  r.text = std::string(max_cue_bytes, 'x');
  BOOST_CHECK_NO_THROW(check_record_limits(r));
  r.text += 'x';
  BOOST_CHECK_THROW(check_record_limits(r), Error);
}

BOOST_AUTO_TEST_CASE(the_offer_asks_about_new_exercises_without_a_cue_of_ones_own) {
  // Week 1: a, b; week 2: a again, c, d. With a cue of one's own for d, week 2 offers c only.
  const Plan plan = make_plan({{daily("a"), daily("b")}, {daily("a"), daily("c"), daily("d")}});
  const auto ids = [](const std::vector<const Exercise *> &list) {
    std::string out;
    for (const Exercise *e : list)
      out += e->id + " ";
    return out;
  };
  BOOST_TEST(ids(exercises_to_offer(plan, 1, {})) == "a b ");
  BOOST_TEST(ids(exercises_to_offer(plan, 2, {})) == "c d ");
  BOOST_TEST(ids(exercises_to_offer(plan, 2, {{"d", "at noon"}})) == "c ");
  BOOST_TEST(exercises_to_offer(plan, 7, {}).empty());
}

BOOST_AUTO_TEST_CASE(a_week_is_introduced_and_offered_once_per_programme) {
  const std::optional<WeekSeen> none;
  BOOST_TEST(week_is_new(none, "p1", 1, WeekSeenKind::intro));
  const WeekSeen intro2 = remember_week(none, "p1", 2, WeekSeenKind::intro);
  BOOST_TEST(!week_is_new(intro2, "p1", 2, WeekSeenKind::intro));
  BOOST_TEST(week_is_new(intro2, "p1", 2, WeekSeenKind::offer)); // kept apart
  BOOST_TEST(week_is_new(intro2, "p1", 3, WeekSeenKind::intro));
  BOOST_TEST(!week_is_new(intro2, "p1", 1, WeekSeenKind::intro)); // moved back by a pause
  BOOST_TEST(week_is_new(intro2, "p2", 1, WeekSeenKind::intro));  // another programme
  const WeekSeen both = remember_week(intro2, "p1", 2, WeekSeenKind::offer);
  BOOST_TEST(both.intro == 2U);
  BOOST_TEST(both.offer == 2U);
  const WeekSeen other = remember_week(both, "p2", 1, WeekSeenKind::offer);
  BOOST_TEST(other.programme == "p2");
  BOOST_TEST(other.intro == 0U);
}

BOOST_AUTO_TEST_CASE(the_week_memory_file_round_trips_and_refuses_anything_else) {
  const WeekSeen seen{"0123456789abcdef", 3, 2};
  const std::string text = format_week_seen(seen);
  BOOST_TEST(text == "attune-weeks-seen 1\n0123456789abcdef 3 2\n");
  const auto back = parse_week_seen(text);
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->programme == "0123456789abcdef");
  BOOST_TEST(back->intro == 3U);
  BOOST_TEST(back->offer == 2U);
  for (const char *bad : {"", "attune-weeks-seen 1\n", "attune-weeks-seen 1\nabc 3 2",
                          "attune-weeks-seen 1\nabc x 2\n", "attune-weeks-seen 1\nabc 01 2\n",
                          "attune-weeks-seen 1\n../x 1 1\n", "attune-weeks-seen 2\nabc 1 1\n",
                          "attune-weeks-seen 1\nabc 1 1 1\n"})
    BOOST_TEST(!parse_week_seen(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(the_self_check_is_due_on_the_last_day_of_a_week_without_one) {
  // Start Monday 2026-11-02: week 1 ends Sunday 11-08.
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  BOOST_TEST(self_check_due(plan, run, d("2026-11-08")));
  BOOST_TEST(!self_check_due(plan, run, d("2026-11-07")));
  BOOST_TEST(!self_check_due(plan, run, d("2026-11-01"))); // before the start
  BOOST_TEST(self_check_due(plan, run, d("2026-12-13")));  // the last day of week 6
  BOOST_TEST(!self_check_due(plan, run, d("2026-12-14"))); // after the end
  add_check(run, "2026-11-08", 1, {3, 3, 3});
  BOOST_TEST(!self_check_due(plan, run, d("2026-11-08")));
  BOOST_TEST(self_check_due(plan, run, d("2026-11-15"))); // week 2 has none yet
  add_check(run, "2026-11-14", 2, {3, 3, 3});             // taken early counts
  BOOST_TEST(!self_check_due(plan, run, d("2026-11-15")));
}

BOOST_AUTO_TEST_CASE(week_views_show_the_persons_cue_with_its_source) {
  Plan plan = make_plan({{with_cue("a", "after work"), with_cue("b", "before bed")}});
  plan.week_plans[0].rationale = "Why this week.";
  const std::map<std::string, std::string> cues = {{"a", "when I get home"}};
  const std::string json = render_week_json(plan.week_plans[0], cues);
  BOOST_TEST(json.find("\"cue\": \"when I get home\",\n      \"cue_source\": \"mine\"") !=
             std::string::npos);
  BOOST_TEST(json.find("\"cue\": \"before bed\",\n      \"cue_source\": \"plan\"") !=
             std::string::npos);
  const std::string text = render_week_text(plan, plan.week_plans[0], 78, cues);
  BOOST_TEST(text.find("    Your cue: when I get home\n") != std::string::npos);
  BOOST_TEST(text.find("    Cue:  before bed\n") != std::string::npos);
  BOOST_TEST(render_week_rationale(plan.week_plans[0], 78) == "Why this week.\n");
}

BOOST_AUTO_TEST_CASE(a_cue_record_round_trips_through_the_journal_and_export) {
  Record r;
  r.id = "00000000000000c1";
  r.type = RecordType::cue;
  r.day = start_mon;
  r.recorded = at("2026-11-02T09:00:00Z");
  r.zone = "UTC";
  r.run = 1;
  r.exercise = "trigger-note";
  r.text = "when I brush my teeth";
  Record cleared = r;
  cleared.id = "00000000000000c2";
  cleared.text.clear();
  const std::string line = format_record(r);
  BOOST_TEST(line.find("\tcue\t") != std::string::npos);
  BOOST_TEST(line.find("\texercise=trigger-note\ttext=when I brush my teeth\t") !=
             std::string::npos);
  const Journal j = parse_journal(journal_header() + line + format_record(cleared));
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 2U);
  BOOST_TEST(format_record(j.records[0]) == line);
  BOOST_TEST(j.records[1].text.empty());
  // A cue without its text is not a record attune wrote.
  std::string bad = line;
  bad.replace(bad.find("\ttext="), std::string("\ttext=when I brush my teeth").size(), "");
  BOOST_TEST(parse_journal(journal_header() + bad).records.empty());
  for (const ExchangeFormat format : {ExchangeFormat::json, ExchangeFormat::csv}) {
    const std::string out =
        format == ExchangeFormat::json ? export_json({r, cleared}, {}) : export_csv({r, cleared});
    const ImportData in = read_exchange(out, "x");
    BOOST_REQUIRE(in.records.size() == 2U);
    BOOST_TEST(format_record(in.records[0].record) == line);
    BOOST_TEST(format_record(in.records[1].record) == format_record(cleared));
  }
}

BOOST_AUTO_TEST_CASE(undo_withdraws_a_cue_and_describes_it) {
  Record start;
  start.id = "00000000000000a1";
  start.type = RecordType::start;
  start.day = start_mon;
  start.recorded = at("2026-11-02T08:00:00Z");
  start.zone = "UTC";
  start.run = 1;
  start.plan_id = "avoidant";
  start.plan_hash = "00";
  Record cue = start;
  cue.id = "00000000000000a2";
  cue.type = RecordType::cue;
  cue.recorded = at("2026-11-02T09:00:00Z");
  cue.exercise = "a";
  cue.text = "after dinner";
  Journal j = parse_journal(journal_header() + format_record(start) + format_record(cue));
  const RecordedCommand last = choose_undo(j, build_history(j).runs.front(), std::nullopt);
  BOOST_TEST(describe_command(last) == "your cue for a on 2026-11-02");
  Record undo = start;
  undo.id = "00000000000000a3";
  undo.type = RecordType::undo;
  undo.ref = cue.id;
  j = parse_journal(journal_header() + format_record(start) + format_record(cue) +
                    format_record(undo));
  BOOST_TEST(personal_cues(build_history(j).runs.front()).empty());
}

BOOST_AUTO_TEST_SUITE_END()
