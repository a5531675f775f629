// attune import's words: the summary sentence and the lines per programme.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "attune/import_command.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

/// A selection with `fresh` new records and `already` there before.
ImportSelection selection_of(std::size_t fresh, std::size_t already) {
  ImportSelection s;
  for (unsigned n = 1; n <= fresh; ++n)
    s.fresh.push_back(note_n(n));
  s.already = already;
  return s;
}

ImportedProgramme programme(unsigned number, std::optional<unsigned> was, const char *plan_id,
                            const char *start, std::size_t records) {
  ImportedProgramme p;
  p.number = number;
  p.was = was;
  p.plan_id = plan_id;
  p.start = *parse_iso_day(start);
  p.records = records;
  return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_command)

BOOST_AUTO_TEST_CASE(the_summary_counts_what_is_new_and_what_was_already_here) {
  BOOST_TEST(import_summary(selection_of(0, 0), 0, false) ==
             "The file holds no records; nothing to import.");
  BOOST_TEST(import_summary(selection_of(0, 0), 0, true) ==
             "The file holds no records; nothing to import.");
  BOOST_TEST(import_summary(selection_of(0, 1), 1, false) ==
             "Nothing new: the record was already here.");
  BOOST_TEST(import_summary(selection_of(0, 14), 14, true) ==
             "Nothing new: all 14 records were already here.");
  BOOST_TEST(import_summary(selection_of(14, 0), 14, false) == "Imported 14 records.");
  BOOST_TEST(import_summary(selection_of(1, 0), 1, false) == "Imported 1 record.");
  BOOST_TEST(import_summary(selection_of(1, 14), 15, false) ==
             "Imported 1 record (14 were already here).");
  BOOST_TEST(import_summary(selection_of(2, 1), 3, false) ==
             "Imported 2 records (1 was already here).");
  BOOST_TEST(import_summary(selection_of(1, 14), 15, true) ==
             "Would import 1 record (14 were already here); nothing was written.");
  BOOST_TEST(import_summary(selection_of(4, 0), 4, true) ==
             "Would import 4 records; nothing was written.");
  BOOST_TEST(count_records(0) == "0 records");
  BOOST_TEST(count_records(1) == "1 record");
}

// Here: programme 1 (anxious, from 03-04). The file brings an earlier avoidant programme
// (03-02, which becomes 1, so the one here is renumbered 2 and gets 3 of its records) and a
// later one (03-09, added as 3, which now runs).
BOOST_AUTO_TEST_CASE(each_programme_says_whether_it_is_added_renumbered_or_given_records) {
  ImportSelection s = selection_of(10, 0);
  s.programmes = {programme(1, std::nullopt, "avoidant", "2026-03-02", 5),
                  programme(2, 1U, "anxious", "2026-03-04", 3),
                  programme(3, std::nullopt, "", "2026-03-09", 2)};
  s.running_before = 1U;
  s.running_after = 3U;
  BOOST_TEST(describe_import_outcome(s, false) ==
             "  programme 1 (avoidant, from 2026-03-02): added, 5 records\n"
             "  programme 2 (anxious, from 2026-03-04): was programme 1 here, 3 records added "
             "to it\n"
             "  programme 3 (no start record, from 2026-03-09): added, 2 records\n"
             "  the running programme is now 3 (the one started last)\n");
  BOOST_TEST(describe_import_outcome(s, true) ==
             "  programme 1 (avoidant, from 2026-03-02): would be added, 5 records\n"
             "  programme 2 (anxious, from 2026-03-04): would be programme 1 here, 3 records "
             "added to it\n"
             "  programme 3 (no start record, from 2026-03-09): would be added, 2 records\n"
             "  the running programme would be 3 (the one started last)\n");
}

// The same programme on two devices: the file's records merge into programme 1 here, which
// keeps its number and keeps running; a renumbered one that receives nothing says only that.
BOOST_AUTO_TEST_CASE(a_merged_programme_keeps_its_number_and_the_running_one_is_not_named) {
  ImportSelection s = selection_of(2, 5);
  s.programmes = {programme(1, 1U, "avoidant", "2026-03-02", 1),
                  programme(2, 1U, "anxious", "2026-03-04", 0),
                  programme(3, 3U, "avoidant", "2026-04-01", 1)};
  s.running_before = 3U;
  s.running_after = 3U;
  BOOST_TEST(describe_import_outcome(s, false) ==
             "  programme 1 (avoidant, from 2026-03-02): 1 record added to it\n"
             "  programme 2 (anxious, from 2026-03-04): was programme 1 here\n"
             "  programme 3 (avoidant, from 2026-04-01): 1 record added to it\n");
  BOOST_TEST(describe_import_outcome(s, true) ==
             "  programme 1 (avoidant, from 2026-03-02): 1 record added to it\n"
             "  programme 2 (anxious, from 2026-03-04): would be programme 1 here\n"
             "  programme 3 (avoidant, from 2026-04-01): 1 record added to it\n");
}

BOOST_AUTO_TEST_CASE(the_rendering_wraps_the_summary_and_adds_the_programmes_only_when_new) {
  ImportSelection s = selection_of(1, 14);
  s.programmes = {programme(1, 1U, "avoidant", "2026-10-01", 1)};
  s.running_before = 1U;
  s.running_after = 1U;
  BOOST_TEST(render_import(s, 15, true, 40) ==
             "Would import 1 record (14 were already\n"
             "here); nothing was written.\n"
             "  programme 1 (avoidant, from 2026-10-01): 1 record added to it\n");
  ImportSelection none = selection_of(0, 14);
  none.running_before = 1U;
  none.running_after = 1U;
  BOOST_TEST(render_import(none, 14, false, 80) ==
             "Nothing new: all 14 records were already here.\n");
}

BOOST_AUTO_TEST_SUITE_END()
