#include <boost/test/unit_test.hpp>

#include "attune/error.hpp"
#include "attune/pause_command.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

RecordStamp pause_stamp() {
  RecordStamp stamp;
  stamp.new_id = [] { return std::string("p1"); };
  stamp.now = *parse_instant("2026-11-05T08:00:00Z");
  stamp.zone = "UTC";
  return stamp;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pause_command)

BOOST_AUTO_TEST_CASE(a_pause_day_is_an_iso_day_or_a_word_and_a_bad_one_is_cut_short) {
  const Day thu = d("2026-11-05");
  BOOST_TEST(format_day(parse_pause_day("monday", thu, "--from")) == "2026-11-02");
  BOOST_TEST(format_day(parse_pause_day("2026-12-01", thu, "--until")) == "2026-12-01");
  BOOST_TEST(error_text([&] { parse_pause_day("soon", thu, "--until"); }) ==
             "--until \"soon\" is not a date I can read | use YYYY-MM-DD, today, yesterday, -N "
             "(N days ago) or a weekday name");
  BOOST_TEST(error_text([&] {
               parse_pause_day(std::string(50, 'x'), thu, "--from");
             }).find("--from \"" + std::string(32, 'x') + "...\"") == 0u);
}

BOOST_AUTO_TEST_CASE(a_reason_is_trimmed_and_refused_when_blank) {
  BOOST_TEST(pause_reason(std::nullopt).empty());
  BOOST_TEST(pause_reason(std::string("  a cold  ")) == "a cold");
  BOOST_TEST(error_text([] { pause_reason(std::string(" ")); }) ==
             "the reason is empty | write a few words, or leave out --reason; nothing was saved");
}

// Six weeks from Mon 2026-11-02 (last day Sun 12-13); a pause Fri 11-06 .. Sun 11-08.
BOOST_AUTO_TEST_CASE(the_pause_record_and_its_confirmation_say_when_the_programme_ends) {
  const Plan plan = six_week_plan();
  Run run = make_run(start_mon);
  run.claim = 1;
  Pause pause;
  pause.from = d("2026-11-06");
  pause.until = d("2026-11-08");
  pause.reason = "a cold";
  const Record r = pause_record(pause, run, pause_stamp());
  BOOST_TEST(r.id == "p1");
  BOOST_TEST(int(r.type) == int(RecordType::pause));
  BOOST_TEST(format_day(r.day) == "2026-11-06");
  BOOST_TEST(format_day(*r.until) == "2026-11-08");
  BOOST_TEST(r.text == "a cold");
  const Run after = with_records(run, {r});
  BOOST_TEST(render_paused(plan, after, pause, d("2026-11-05"), 400) ==
             "Paused from 2026-11-06 until 2026-11-08 (back on 2026-11-09). Those days are "
             "neither planned nor missed; your programme now ends on 2026-12-16. Take good "
             "care.\n");
  Pause open = pause;
  open.until.reset();
  BOOST_TEST(render_paused(plan, with_records(run, {pause_record(open, run, pause_stamp())}), open,
                           d("2026-11-05"), 400) ==
             "Paused from 2026-11-06, until you come back ('attune resume', or simply check "
             "in). Those days are neither planned nor missed. Take good care.\n");
  BOOST_TEST(render_resumed(plan, after, d("2026-11-09"), 400) ==
             "Welcome back. Today is Week 1 · Day 5 of 42; your programme ends on 2026-12-16. "
             "'attune today' shows what is set.\n");
}

BOOST_AUTO_TEST_SUITE_END()
