#include <boost/test/unit_test.hpp>

#include "attune/error.hpp"
#include "attune/undo.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record rec(const std::string &id, RecordType type, const std::string &day, const std::string &at,
           const std::string &cmd = {}) {
  Record r = record_at(id, type, day, at);
  r.cmd = cmd;
  return r;
}

Record start() {
  Record r = rec("0000000000000000", RecordType::start, "2026-11-02", "2026-11-02T08:00:00Z");
  r.plan_id = "avoidant";
  r.plan_hash = "abc";
  return r;
}

// Ids: checkin at 09:00 wrote a1 (done trigger), a2 (skip catch), a3 (note), cmd = a1;
// reflect at 10:00 wrote c1 (check, its own command); an older journal line b1 (done, no cmd).
const std::string a1 = "a1a1a1a1a1a1a1a1", a2 = "a2a2a2a2a2a2a2a2", a3 = "a3a3a3a3a3a3a3a3";
const std::string b1 = "b1b1b1b1b1b1b1b1", c1 = "c1c1c1c1c1c1c1c1";

Journal example(std::vector<Record> extra = {}) {
  Record done = rec(a1, RecordType::done, "2026-11-05", "2026-11-05T09:00:00Z", a1);
  done.exercise = "trigger";
  Record skip = rec(a2, RecordType::skip, "2026-11-05", "2026-11-05T09:00:00Z", a1);
  skip.exercise = "catch-the-urge";
  Record note = rec(a3, RecordType::note, "2026-11-05", "2026-11-05T09:00:00Z", a1);
  note.text = "sunday dinner, stayed";
  Record old = rec(b1, RecordType::done, "2026-11-04", "2026-11-04T20:00:00Z");
  old.exercise = "trigger";
  Record check = rec(c1, RecordType::check, "2026-11-05", "2026-11-05T10:00:00Z");
  check.week = 1;
  check.answers = {3, 4};
  std::string text = journal_header();
  for (const Record &r : {start(), old, done, skip, note, check})
    text += format_record(r);
  for (const Record &r : extra)
    text += format_record(r);
  return parse_journal(text);
}

std::string message_of(const Journal &journal, const std::string &id) {
  const History history = build_history(journal);
  try {
    (void)choose_undo(journal, *history.active(), id);
  } catch (const Error &e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

BOOST_AUTO_TEST_SUITE(undo)

BOOST_AUTO_TEST_CASE(cmd_round_trips_through_the_journal_line) {
  const Journal j = example();
  BOOST_TEST(j.problems.empty());
  BOOST_REQUIRE(j.records.size() == 6U);
  BOOST_TEST(j.records[2].cmd == a1);
  BOOST_TEST(command_id(j.records[3]) == a1);
  BOOST_TEST(command_id(j.records[1]) == b1); // no cmd: a command of its own
  BOOST_TEST(format_record(j.records[3]).find("\tcmd=" + a1 + "\t~") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bad_cmd_makes_the_line_unreadable) {
  Record r = rec(a1, RecordType::done, "2026-11-05", "2026-11-05T09:00:00Z", "NOT-AN-ID");
  r.exercise = "x";
  const Journal j = parse_journal(journal_header() + format_record(r));
  BOOST_REQUIRE(j.problems.size() == 1U);
  BOOST_TEST(j.problems[0].message == "line 2 is not a valid record (bad cmd): skipped");
}

// Worked example: the newest command is the reflect (10:00), then the checkin of three
// records (09:00), then the old one-record line (yesterday).
BOOST_AUTO_TEST_CASE(commands_are_grouped_by_cmd_newest_first) {
  const Journal j = example();
  const History h = build_history(j);
  const auto commands = recorded_commands(*h.active());
  BOOST_REQUIRE(commands.size() == 3U);
  BOOST_TEST(commands[0].id == c1);
  BOOST_TEST(commands[1].id == a1);
  BOOST_TEST(commands[1].records.size() == 3U);
  BOOST_TEST(commands[2].id == b1);
  BOOST_TEST(describe_command(commands[0]) == "the week 1 self-check on 2026-11-05");
  BOOST_TEST(describe_command(commands[1]) ==
             "trigger done, catch-the-urge skipped and the note \"sunday dinner, stayed\" on "
             "2026-11-05");
}

BOOST_AUTO_TEST_CASE(undo_without_id_takes_the_newest_command_whole) {
  Journal j = example();
  History h = build_history(j);
  RecordedCommand first = choose_undo(j, *h.active(), std::nullopt);
  BOOST_TEST(first.id == c1);
  // Withdraw it, then the next undo takes all three records of the checkin.
  const auto undos = undo_records(first, {"d1d1d1d1d1d1d1d1"}, *parse_iso_day("2026-11-05"),
                                  *parse_instant("2026-11-05T11:00:00Z"), "Europe/Berlin", 1);
  BOOST_REQUIRE(undos.size() == 1U);
  BOOST_TEST(undos[0].ref == c1);
  j = example(undos);
  h = build_history(j);
  const RecordedCommand second = choose_undo(j, *h.active(), std::nullopt);
  BOOST_TEST(second.id == a1);
  const auto three = undo_records(
      second, {"e1e1e1e1e1e1e1e1", "e2e2e2e2e2e2e2e2", "e3e3e3e3e3e3e3e3"},
      *parse_iso_day("2026-11-05"), *parse_instant("2026-11-05T11:01:00Z"), "Europe/Berlin", 1);
  BOOST_REQUIRE(three.size() == 3U);
  BOOST_TEST(three[0].ref == a1);
  BOOST_TEST(three[1].ref == a2);
  BOOST_TEST(three[2].ref == a3);
  std::vector<Record> all = undos;
  all.insert(all.end(), three.begin(), three.end());
  j = example(all);
  h = build_history(j);
  const auto left = recorded_commands(*h.active());
  BOOST_REQUIRE(left.size() == 1U);
  BOOST_TEST(left[0].id == b1);
}

BOOST_AUTO_TEST_CASE(undo_id_takes_an_older_command_by_prefix) {
  const Journal j = example();
  const History h = build_history(j);
  BOOST_TEST(choose_undo(j, *h.active(), std::string("A1A1")).id == a1); // any case
  BOOST_TEST(choose_undo(j, *h.active(), std::string("b1b1b1b1")).records.size() == 1U);
}

BOOST_AUTO_TEST_CASE(refuses_unknown_malformed_and_withdrawn_ids_with_words) {
  BOOST_TEST(message_of(example(), "f0f0f0f0") == "no command \"f0f0f0f0\" to undo in programme 1");
  BOOST_TEST(message_of(example(), "a1") ==
             "\"a1\" is not a command id (4 to 16 hex digits, such as \"3f9c0a1b\")");
  Record u = rec("d1d1d1d1d1d1d1d1", RecordType::undo, "2026-11-06", "2026-11-06T08:00:00Z");
  u.ref = c1;
  BOOST_TEST(message_of(example({u}), "c1c1c1c1") ==
             "command \"c1c1c1c1\" was already withdrawn (on 2026-11-06)");
}

BOOST_AUTO_TEST_CASE(nothing_to_undo_is_no_data) {
  const Journal j = parse_journal(journal_header() + format_record(start()));
  const History h = build_history(j);
  try {
    (void)choose_undo(j, *h.active(), std::nullopt);
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST((e.kind() == ErrorKind::no_data));
    BOOST_TEST(std::string(e.what()) == "there is nothing to undo in programme 1");
  }
}

// The example's commands are c1.., a1.. and b1..: an id among them is decided by the run;
// another ("ff", or c1 once withdrawn) needs the whole journal to say why it cannot be undone.
BOOST_AUTO_TEST_CASE(an_id_outside_the_run_is_decided_from_the_whole_journal) {
  const Journal j = example();
  const History h = build_history(j);
  BOOST_TEST(undo_decided_by_run(*h.active(), std::nullopt));
  BOOST_TEST(undo_decided_by_run(*h.active(), std::string("a1a1")));
  BOOST_TEST(undo_decided_by_run(*h.active(), std::string("c1c1")));
  BOOST_TEST(!undo_decided_by_run(*h.active(), std::string("ffff")));
  Record undo = rec("d1d1d1d1d1d1d1d1", RecordType::undo, "2026-11-05", "2026-11-05T11:00:00Z");
  undo.ref = c1;
  const Journal after = example({undo});
  BOOST_TEST(!undo_decided_by_run(*build_history(after).active(), std::string("c1c1")));
}

BOOST_AUTO_TEST_SUITE_END()
