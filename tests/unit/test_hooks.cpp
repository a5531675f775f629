// Which hook runs for which records, what it reads, and which hook files are refused.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/error.hpp"
#include "attune/hooks.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// A record of run 1 on Thu 2026-11-05, recorded at 08:00 UTC.
Record make(const std::string &id, RecordType type) {
  return record_at(id, type, "2026-11-05", "2026-11-05T08:00:00Z");
}

std::vector<std::string> names(const std::vector<HookCall> &calls) {
  std::vector<std::string> out;
  for (const auto &c : calls)
    out.push_back(c.name + ":" + std::to_string(c.records.size()));
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(hooks)

BOOST_AUTO_TEST_CASE(each_command_runs_its_hook_and_import_none) {
  Record done = make("00000000000000c1", RecordType::done);
  done.exercise = "catch-the-urge";
  Record note = make("00000000000000c2", RecordType::note);
  note.text = "felt it";
  const std::vector<Record> checkin = {done, note};
  BOOST_TEST(names(hooks_for(HookCommand::checkin, checkin)) ==
                 std::vector<std::string>{"on-checkin:2"},
             boost::test_tools::per_element());
  BOOST_TEST(hooks_for(HookCommand::import, checkin).empty());
  BOOST_TEST(hooks_for(HookCommand::sync, checkin).empty());
  BOOST_TEST(hooks_for(HookCommand::other, checkin).empty());
  BOOST_TEST(hooks_for(HookCommand::checkin, {}).empty());
  // start --restart: the old programme's end, then the new start.
  const std::vector<Record> restart = {make("00000000000000c3", RecordType::end),
                                       make("00000000000000c4", RecordType::start)};
  BOOST_TEST(names(hooks_for(HookCommand::start, restart)) ==
                 (std::vector<std::string>{"on-end:1", "on-start:1"}),
             boost::test_tools::per_element());
  BOOST_TEST(
      names(hooks_for(HookCommand::reflect, {make("00000000000000c5", RecordType::check)})) ==
          std::vector<std::string>{"on-reflect:1"},
      boost::test_tools::per_element());
  // The records as the store writes them: two or more share the first one's id as cmd.
  const auto calls = hooks_for(HookCommand::checkin, checkin);
  BOOST_TEST(calls[0].records[0].cmd == "00000000000000c1");
  BOOST_TEST(calls[0].records[1].cmd == "00000000000000c1");
  BOOST_TEST(hooks_for(HookCommand::checkin, {done})[0].records[0].cmd.empty());
}

BOOST_AUTO_TEST_CASE(a_hook_reads_one_log_object_per_line) {
  Record done = make("00000000000000c1", RecordType::done);
  done.exercise = "catch-the-urge";
  BOOST_TEST(hook_input({{done, 1}}) ==
             "{\"id\":\"00000000000000c1\",\"type\":\"done\",\"day\":\"2026-11-05\","
             "\"recorded\":\"2026-11-05T08:00:00Z\",\"zone\":\"Europe/Berlin\",\"run\":1,"
             "\"exercise\":\"catch-the-urge\",\"programme_week\":1}\n");
}

BOOST_AUTO_TEST_CASE(unsafe_hook_files_are_refused) {
  HookFileInfo ok{true, true, false, false};
  BOOST_TEST(hook_refusal(ok) == "");
  HookFileInfo plain = ok;
  plain.executable = false;
  BOOST_TEST(hook_refusal(plain) ==
             "is not executable, so it was not run (chmod u+x it to use it)");
  HookFileInfo open = ok;
  open.world_writable = true;
  BOOST_TEST(hook_refusal(open) == "is writable by anyone, so it was not run (chmod o-w it)");
  HookFileInfo folder = ok;
  folder.folder_world_writable = true;
  BOOST_TEST(hook_refusal(folder) ==
             "is in a folder anyone can write to, so it was not run (chmod o-w the folder)");
  HookFileInfo dir = ok;
  dir.regular = false;
  BOOST_TEST(hook_refusal(dir) == "is not a regular file, so it was not run");
}

// A hook's input: each record with its programme week, each run read once. Run 1 is a
// two-week plan from Mon 2026-11-02; run 2's read fails; run 9 is in no programme.
BOOST_AUTO_TEST_CASE(hook_entries_work_out_each_records_week) {
  Plan plan;
  plan.weeks = 2;
  for (unsigned n = 1; n <= 2; ++n) {
    Week w;
    w.number = n;
    plan.week_plans.push_back(w);
  }
  Run run;
  run.number = 1;
  run.claim = 1;
  run.start = *parse_iso_day("2026-11-02");
  std::vector<unsigned> reads;
  const auto read_run = [&](unsigned claim) {
    reads.push_back(claim);
    if (claim == 2)
      throw Error(ErrorKind::io, "cannot read", "");
    History history;
    if (claim == 1)
      history.runs.push_back(run);
    return history;
  };
  const auto plan_for = [&](const Run &) { return plan; };
  Record a = record_at(id_n(1), RecordType::done, "2026-11-05", "2026-11-05T08:00:00Z");
  Record b = record_at(id_n(2), RecordType::done, "2026-11-10", "2026-11-10T08:00:00Z");
  Record c = record_at(id_n(3), RecordType::done, "2026-11-10", "2026-11-10T08:00:00Z");
  c.run = 2;
  Record e = record_at(id_n(4), RecordType::done, "2026-11-10", "2026-11-10T08:00:00Z");
  e.run = 9;
  const std::vector<LogEntry> entries = hook_entries({a, b, c, e}, read_run, plan_for);
  BOOST_TEST_REQUIRE(entries.size() == 4U);
  BOOST_TEST(entries[0].programme_week == 1U);
  BOOST_TEST(entries[1].programme_week == 2U);
  BOOST_TEST(entries[2].programme_week == 0U); // the read failed: the hook still runs
  BOOST_TEST(entries[3].programme_week == 0U); // no such programme
  BOOST_TEST(entries[1].record.id == id_n(2));
  BOOST_TEST((reads == std::vector<unsigned>{1, 2, 9})); // run 1 read once for two records
}

BOOST_AUTO_TEST_SUITE_END()
