#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>

#include "attune/error.hpp"
#include "attune/run_select.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record record(unsigned n, RecordType type, unsigned run) {
  Record r = record_at(id_n(n), type, "2026-11-02", "2026-11-02T08:00:00Z", "UTC", run);
  if (type == RecordType::start)
    r.plan_id = "avoidant";
  return r;
}

/// A journal of `runs` programmes, each a start record; the last one ended when `ended`.
std::string journal_text(unsigned runs, bool ended) {
  std::string text = journal_header();
  for (unsigned n = 1; n <= runs; ++n)
    text += format_record(record(n, RecordType::start, n));
  if (ended)
    text += format_record(record(100, RecordType::end, runs));
  return text;
}

/// The message and hint select_run throws, or "(no error)".
std::string refusal(const History &history, std::optional<unsigned> number) {
  try {
    (void)select_run(history, number);
  } catch (const Error &e) {
    return std::string(e.what()) + "; " + e.hint();
  }
  return "(no error)";
}

/// The History a one-run read (parse_journal_run) gives for `number`.
History one_run(const std::string &text, std::optional<unsigned> number) {
  const JournalSource source = [&text](std::uint64_t from,
                                       const std::function<bool(std::string_view)> &sink) {
    sink(std::string_view(text).substr(static_cast<std::size_t>(from)));
  };
  return build_history(parse_journal_run(source, number));
}

} // namespace

BOOST_AUTO_TEST_SUITE(run_select)

BOOST_AUTO_TEST_CASE(an_unknown_number_names_the_programmes_there_are) {
  const std::string one = journal_text(1, false);
  BOOST_TEST(refusal(build_history(parse_journal(one)), 9U) ==
             "there is no programme 9; there is only programme 1");
  const std::string three = journal_text(3, false);
  BOOST_TEST(refusal(build_history(parse_journal(three)), 9U) ==
             "there is no programme 9; programmes are numbered 1 to 3");
  // The same words from a one-run read, which sees only the newest number.
  BOOST_TEST(refusal(one_run(three, 9U), 9U) ==
             "there is no programme 9; programmes are numbered 1 to 3");
  BOOST_TEST(refusal(one_run(one, 9U), 9U) == "there is no programme 9; there is only programme 1");
}

BOOST_AUTO_TEST_CASE(an_unknown_number_is_a_usage_error_and_nothing_started_is_no_data) {
  try {
    (void)select_run(build_history(parse_journal(journal_text(1, false))), 2U);
    BOOST_FAIL("no error");
  } catch (const Error &e) {
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::usage));
  }
  const History none = build_history(parse_journal(""));
  BOOST_TEST(refusal(none, std::nullopt) ==
             "no programme has been started yet; begin with 'attune start'");
  BOOST_TEST(refusal(none, 1U) == "no programme has been started yet; begin with 'attune start'");
}

// Runs 1 to 3, run 3 ended: no programme is running, and the newest (3) is shown; --run 2
// picks run 2, from the whole history and from a one-run read alike.
BOOST_AUTO_TEST_CASE(without_a_number_the_running_or_else_the_newest_programme) {
  const std::string running = journal_text(3, false);
  BOOST_TEST(select_run(build_history(parse_journal(running)), std::nullopt).number == 3U);
  const std::string ended = journal_text(3, true);
  BOOST_TEST(select_run(build_history(parse_journal(ended)), std::nullopt).number == 3U);
  BOOST_TEST(select_run(one_run(ended, std::nullopt), std::nullopt).number == 3U);
  BOOST_TEST(select_run(build_history(parse_journal(ended)), 2U).number == 2U);
  BOOST_TEST(select_run(one_run(ended, 2U), 2U).number == 2U);
}

// report --run all: every programme, or the kind refusal when none was started.
BOOST_AUTO_TEST_CASE(started_runs_are_every_programme_or_a_refusal) {
  BOOST_TEST(started_runs(build_history(parse_journal(journal_text(3, true)))).size() == 3U);
  const History none = build_history(parse_journal(journal_header()));
  BOOST_TEST(error_text([&] { (void)started_runs(none); }) ==
             "no programme has been started yet | begin with 'attune start'");
}

// report --week N of a six-week plan: 1 to 6 pass; 0 and 7 are refused with the range.
BOOST_AUTO_TEST_CASE(a_week_outside_the_programme_is_refused) {
  BOOST_TEST(error_text([] { check_week_in_programme(1, 6); }) == "no error");
  BOOST_TEST(error_text([] { check_week_in_programme(6, 6); }) == "no error");
  BOOST_TEST(error_text([] { check_week_in_programme(7, 6); }) ==
             "week \"7\" is not in the programme | choose a week from 1 to 6");
  BOOST_TEST(error_text([] { check_week_in_programme(0, 6); }) ==
             "week \"0\" is not in the programme | choose a week from 1 to 6");
}

BOOST_AUTO_TEST_SUITE_END()
