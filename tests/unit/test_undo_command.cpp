#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>

#include "attune/undo_command.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

// A command at `at` (UTC) that wrote "trigger done" on 2026-11-05 (and a note when `with_note`).
RecordedCommand command(const std::string &id, const std::string &at, bool with_note = false) {
  Record done = record_at(id, RecordType::done, "2026-11-05", at);
  done.exercise = "trigger";
  RecordedCommand c{id, *parse_instant(at), {done}};
  if (with_note) {
    Record note = record_at(id, RecordType::note, "2026-11-05", at);
    note.text = "sunday dinner, stayed";
    c.records.push_back(note);
  }
  return c;
}

/// Ids whose short forms differ: 1 -> "1000000000000000" (short "10000000").
std::string leading_id(unsigned n) {
  std::string id = id_n(n);
  std::reverse(id.begin(), id.end());
  return id;
}

const Zone plus_one = Zone::fixed("Test/+1", std::chrono::hours{1});

} // namespace

BOOST_AUTO_TEST_SUITE(undo_command)

BOOST_AUTO_TEST_CASE(an_empty_list_says_so_kindly) {
  BOOST_TEST(render_undo_list(2, {}, plus_one) == "Nothing to undo in programme 2 yet.\n");
}

// Two commands, newest first; the minute is local (UTC 09:00 is 10:00 at +1).
BOOST_AUTO_TEST_CASE(the_list_shows_short_ids_local_minutes_and_words) {
  const std::vector<RecordedCommand> commands{
      command("c1c1c1c1c1c1c1c1", "2026-11-05T20:14:00Z"),
      command("a1a1a1a1a1a1a1a1", "2026-11-05T09:00:00Z", true)};
  BOOST_TEST(render_undo_list(1, commands, plus_one) ==
             "The commands that recorded something in programme 1, newest first:\n"
             "  c1c1c1c1  2026-11-05 21:14  trigger done on 2026-11-05\n"
             "  a1a1a1a1  2026-11-05 10:00  trigger done and the note \"sunday dinner, "
             "stayed\" on 2026-11-05\n"
             "'attune undo' withdraws the newest; 'attune undo ID' the one with that id.\n");
}

// Eleven commands: the newest ten are shown, and the heading says "The last 10".
BOOST_AUTO_TEST_CASE(the_list_stops_at_ten) {
  std::vector<RecordedCommand> commands;
  for (unsigned i = 0; i < 11; ++i)
    commands.push_back(command(leading_id(11 - i), "2026-11-05T09:00:00Z"));
  const std::string text = render_undo_list(3, commands, plus_one);
  BOOST_TEST(text.rfind("The last 10 commands that recorded something in programme 3, newest "
                        "first:\n",
                        0) == 0u);
  BOOST_TEST(text.find(short_command_id(leading_id(2))) != std::string::npos);
  BOOST_TEST(text.find(short_command_id(leading_id(1))) == std::string::npos); // the oldest
  BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 12);
}

BOOST_AUTO_TEST_CASE(the_confirmation_says_it_or_them) {
  BOOST_TEST(render_withdrawn(command("a1a1a1a1a1a1a1a1", "2026-11-05T09:00:00Z"), 200) ==
             "Withdrawn: trigger done on 2026-11-05. The journal keeps a note of the "
             "correction; record it again any time.\n");
  BOOST_TEST(render_withdrawn(command("a1a1a1a1a1a1a1a1", "2026-11-05T09:00:00Z", true), 40) ==
             "Withdrawn: trigger done and the note\n"
             "\"sunday dinner, stayed\" on 2026-11-05.\n"
             "The journal keeps a note of the\n"
             "correction; record them again any time.\n");
}

BOOST_AUTO_TEST_SUITE_END()
