// attune forget as a core command: the target its options choose and every sentence it says.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/error.hpp"
#include "attune/forget_command.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record text_record(unsigned n, RecordType type, const std::string &day = "2026-10-02") {
  Record r = record_on(id_n(n), type, day, "UTC");
  r.text = "words " + std::to_string(n);
  return r;
}

/// Notes 1-3, skips 4-5, a pause 6, an end 7, review answers 8-9, a cue 10: one of each
/// kind forget erases, some twice.
Journal every_kind() {
  Journal j;
  for (unsigned n = 1; n <= 3; ++n)
    j.records.push_back(text_record(n, RecordType::note));
  j.records.push_back(text_record(4, RecordType::skip));
  j.records.push_back(text_record(5, RecordType::skip));
  j.records.push_back(text_record(6, RecordType::pause));
  j.records.push_back(text_record(7, RecordType::end));
  j.records.push_back(text_record(8, RecordType::review));
  j.records.push_back(text_record(9, RecordType::review));
  j.records.push_back(text_record(10, RecordType::cue));
  return j;
}

std::vector<std::string> ids(std::initializer_list<unsigned> numbers) {
  std::vector<std::string> out;
  for (const unsigned n : numbers)
    out.push_back(id_n(n));
  return out;
}

ForgetTarget on_day(const char *day) {
  ForgetTarget t;
  t.by = ForgetTarget::By::day;
  t.day = *parse_iso_day(day);
  return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(forget_command)

BOOST_AUTO_TEST_CASE(exactly_one_option_is_the_target_and_a_day_is_resolved) {
  const Day today = *parse_iso_day("2026-10-03");
  const std::string how = " | 'attune forget --record ID', '--day DATE' or '--all-notes'";
  BOOST_TEST(error_text([&] { forget_target({}, today); }) == "say what to forget" + how);
  BOOST_TEST(error_text([&] {
               forget_target({std::nullopt, "-1", true}, today);
             }) == "choose one of --record, --day, --all-notes" + how);
  BOOST_TEST(error_text([&] {
               forget_target({"00000000000000a1", "-1", true}, today);
             }) == "choose one of --record, --day, --all-notes" + how);
  try {
    forget_target({}, today);
  } catch (const Error &e) {
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::usage));
  }

  const ForgetTarget record = forget_target({"00000000000000a1", std::nullopt, false}, today);
  BOOST_TEST(static_cast<int>(record.by) == static_cast<int>(ForgetTarget::By::record));
  BOOST_TEST(record.record_id == "00000000000000a1");

  const ForgetTarget day = forget_target({std::nullopt, "yesterday", false}, today);
  BOOST_TEST(static_cast<int>(day.by) == static_cast<int>(ForgetTarget::By::day));
  BOOST_TEST(format_day(day.day) == "2026-10-02");
  BOOST_TEST(format_day(forget_target({std::nullopt, "2026-01-05", false}, today).day) ==
             "2026-01-05");
  BOOST_TEST(error_text([&] {
               forget_target({std::nullopt, "2026-10-04", false}, today);
             }) == "2026-10-04 is in the future | today is 2026-10-03; you can record today or "
                   "earlier days");

  const ForgetTarget all = forget_target({std::nullopt, std::nullopt, true}, today);
  BOOST_TEST(static_cast<int>(all.by) == static_cast<int>(ForgetTarget::By::all_notes));
}

BOOST_AUTO_TEST_CASE(the_texts_are_counted_by_kind_in_a_fixed_order) {
  const Journal j = every_kind();
  BOOST_TEST(describe_forget_texts(j, ids({1})) == "1 note");
  BOOST_TEST(describe_forget_texts(j, ids({4})) == "1 skip reason");
  BOOST_TEST(describe_forget_texts(j, ids({2, 1, 4})) == "2 notes and 1 skip reason");
  BOOST_TEST(describe_forget_texts(j, ids({10, 7, 8})) ==
             "1 reason for ending, 1 review answer and 1 cue");
  BOOST_TEST(describe_forget_texts(j, ids({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) ==
             "3 notes, 2 skip reasons, 1 pause reason, 1 reason for ending, 2 review answers "
             "and 1 cue");
  BOOST_TEST(describe_forget_texts(j, ids({6})) == "1 pause reason");
  // An id that is not here (never, from texts_to_forget) still counts, so the total is true.
  BOOST_TEST(describe_forget_texts(j, ids({1, 99})) == "1 note and 1 other text");
  BOOST_TEST(describe_forget_texts(j, {}) == "no text");
}

BOOST_AUTO_TEST_CASE(the_question_names_the_day_and_only_yes_is_yes) {
  BOOST_TEST(forget_question("1 note", ForgetTarget{}) ==
             "Erase the text of 1 note from the journal? The words cannot be brought back. "
             "[y/N] ");
  BOOST_TEST(forget_question("2 notes and 1 skip reason", on_day("2026-10-02")) ==
             "Erase the text of 2 notes and 1 skip reason for 2026-10-02 from the journal? "
             "The words cannot be brought back. [y/N] ");
  for (const char *yes : {"y", "Y", "yes", "Yes"})
    BOOST_TEST(forget_answer_is_yes(yes));
  for (const char *no : {"", "n", "no", "YES", " y", "yes please", "ja"})
    BOOST_TEST(!forget_answer_is_yes(no));
  BOOST_TEST(forget_declined() == "Nothing was erased.\n");
}

BOOST_AUTO_TEST_CASE(what_forget_says_when_there_is_nothing_when_done_and_about_damage) {
  BOOST_TEST(forget_nothing(ForgetTarget{}) ==
             "Nothing to forget: no note, reason, review answer or cue holds any text.\n");
  BOOST_TEST(forget_nothing(on_day("2026-10-02")) ==
             "Nothing to forget: no note, reason, review answer or cue holds any text on "
             "2026-10-02.\n");
  BOOST_TEST(forget_done("2 notes and 1 cue") ==
             "Erased the text of 2 notes and 1 cue. The journal keeps a count of what was "
             "erased, never the words.\n"
             "Copies made earlier (exports, backups) still hold them.\n");
  BOOST_TEST(forget_damaged_warning(1) ==
             "1 damaged line names an erased record and was left as it is; it may still hold "
             "the text");
  BOOST_TEST(forget_damaged_warning(3) ==
             "3 damaged lines name erased records and were left as they are; they may still "
             "hold the text");
}

BOOST_AUTO_TEST_SUITE_END()
