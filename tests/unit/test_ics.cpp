// The programme as an iCalendar file: escaping, folding, the zone, events and UIDs.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "attune/ics.hpp"
#include "fixtures.hpp"
#include "progress_fixtures.hpp"
#include "zone_files.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

std::vector<std::string> physical_lines(const std::string &text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t end = text.find("\r\n", from);
    if (end == std::string::npos) {
      out.push_back(text.substr(from) + "<no CRLF>");
      break;
    }
    out.push_back(text.substr(from, end - from));
    from = end + 2;
  }
  return out;
}

std::size_t count(const std::string &text, const std::string &what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ics)

BOOST_AUTO_TEST_CASE(text_is_escaped) {
  BOOST_TEST(ics_escape("tea; then talk, softly\n") == "tea\\; then talk\\, softly\\n");
  BOOST_TEST(ics_escape("a\\b\r\nc\x01") == "a\\\\b\\nc ");
}

BOOST_AUTO_TEST_CASE(lines_fold_at_75_octets_never_inside_a_character) {
  const std::string ascii(80, 'a');
  BOOST_TEST(ics_fold(ascii) == std::string(75, 'a') + "\r\n " + std::string(5, 'a') + "\r\n");
  // 74 + a two-byte é: the é does not fit in 75, so it moves whole to the next line.
  const std::string accented = std::string(74, 'a') + "\xc3\xa9" + "b";
  BOOST_TEST(ics_fold(accented) == std::string(74, 'a') + "\r\n \xc3\xa9"
                                                          "b\r\n");
  BOOST_TEST(ics_fold("END:VEVENT") == "END:VEVENT\r\n");
  // A continuation holds 74 octets after its space.
  const std::string long_line(75 + 74 + 1, 'x');
  BOOST_TEST(ics_fold(long_line) ==
             std::string(75, 'x') + "\r\n " + std::string(74, 'x') + "\r\n x\r\n");
}

// Europe/Berlin over the end of summer time 2026 (Sunday 25 October, 03:00 CEST -> 02:00 CET).
BOOST_AUTO_TEST_CASE(the_zone_has_the_changes_in_range) {
  const Zone berlin = zone_file("Europe/Berlin");
  const Instant from{Day{date::year{2026} / 10 / 18}};
  const Instant to{Day{date::year{2026} / 10 / 28}};
  BOOST_TEST(ics_timezone(berlin, from, to) == "BEGIN:VTIMEZONE\r\n"
                                               "TZID:Europe/Berlin\r\n"
                                               "BEGIN:DAYLIGHT\r\n"
                                               "DTSTART:20261018T020000\r\n"
                                               "TZOFFSETFROM:+0200\r\n"
                                               "TZOFFSETTO:+0200\r\n"
                                               "END:DAYLIGHT\r\n"
                                               "BEGIN:STANDARD\r\n"
                                               "DTSTART:20261025T030000\r\n"
                                               "TZOFFSETFROM:+0200\r\n"
                                               "TZOFFSETTO:+0100\r\n"
                                               "END:STANDARD\r\n"
                                               "END:VTIMEZONE\r\n");
  // No change in range (or no DST at all): one STANDARD.
  const Zone tokyo = zone_file("Asia/Tokyo");
  const std::string t = ics_timezone(tokyo, from, to);
  BOOST_TEST(count(t, "BEGIN:STANDARD") == 1);
  BOOST_TEST(count(t, "BEGIN:DAYLIGHT") == 0);
  BOOST_TEST(t.find("TZOFFSETTO:+0900\r\n") != std::string::npos);
}

// Worked example: a one-week plan from Monday 2026-10-19 in Berlin, reminders at 07:30.
// breathe daily (7 events), share on Mondays (1), reach-out 3 times a week (1 all-week item).
BOOST_AUTO_TEST_CASE(a_week_of_events_with_alarms_and_stable_uids) {
  Exercise breathe = daily("breathe");
  breathe.title = "Breathe, then notice";
  breathe.what = "Three slow breaths; notice what you feel.\nName it, gently.";
  breathe.cue = "after dinner";
  Exercise reach = per_week("reach-out", 3);
  reach.title = "Reach out";
  reach.what = "Send one message to someone you trust \xe2\x80\x94 "
               "a small, real one, about your day, nothing more needed than that.";
  const Plan plan = make_plan({{breathe, on_days("share", {1}), reach}});
  Run run = make_run(Day{date::year{2026} / 10 / 19});
  run.start_id = "00000000000000a1";
  const Zone berlin = zone_file("Europe/Berlin");
  const CalendarInput in{plan, run, berlin, std::chrono::minutes{7 * 60 + 30},
                         *parse_instant("2026-10-19T06:00:00Z")};
  const ProgrammeCalendar calendar = programme_calendar(in);
  const std::string &cal = calendar.text;
  BOOST_TEST(calendar.events == 9u);

  BOOST_TEST(count(cal, "BEGIN:VEVENT") == 9u);
  BOOST_TEST(count(cal, "BEGIN:VALARM") == 9u);
  BOOST_TEST(count(cal, "UID:00000000000000a1-breathe-202610") == 7u);
  BOOST_TEST(cal.find("UID:00000000000000a1-share-20261019@attune\r\n") != std::string::npos);
  // The first event of the first day: the all-week item, then breathe at 07:30 local time.
  BOOST_TEST(cal.find("BEGIN:VEVENT\r\n"
                      "UID:00000000000000a1-reach-out-20261019@attune\r\n"
                      "DTSTAMP:20261019T060000Z\r\n"
                      "DTSTART;VALUE=DATE:20261019\r\n"
                      "DTEND;VALUE=DATE:20261026\r\n"
                      "SUMMARY:Reach out (3 times this week)\r\n"
                      "DESCRIPTION:Send one message to someone you trust \xe2\x80\x94 a small\\, "
                      "real one\\, \r\n"
                      " about your day\\, nothing more needed than that.\r\n"
                      "TRANSP:TRANSPARENT\r\n"
                      "BEGIN:VALARM\r\n"
                      "ACTION:DISPLAY\r\n"
                      "DESCRIPTION:Reach out (3 times this week)\r\n"
                      "TRIGGER:PT7H30M\r\n"
                      "END:VALARM\r\n"
                      "END:VEVENT\r\n"
                      "BEGIN:VEVENT\r\n"
                      "UID:00000000000000a1-breathe-20261019@attune\r\n"
                      "DTSTAMP:20261019T060000Z\r\n"
                      "DTSTART;TZID=Europe/Berlin:20261019T073000\r\n"
                      "DURATION:PT15M\r\n"
                      "SUMMARY:Breathe\\, then notice\r\n"
                      "DESCRIPTION:Three slow breaths\\; notice what you feel.\\nName it\\, "
                      "gently.\\n\r\n"
                      " \\nWhen: after dinner\r\n") != std::string::npos);
  // Across the change to winter time the local time stays 07:30.
  BOOST_TEST(cal.find("DTSTART;TZID=Europe/Berlin:20261025T073000\r\n") != std::string::npos);
  BOOST_TEST(cal.find("DTSTART;TZID=Europe/Berlin:20261026") == std::string::npos);
  BOOST_TEST(cal.find("TZOFFSETTO:+0100") != std::string::npos);
  for (const std::string &line : physical_lines(cal))
    BOOST_TEST(line.size() <= 75u, line);
  BOOST_TEST(cal.substr(cal.size() - 15) == "END:VCALENDAR\r\n");
  BOOST_TEST(programme_calendar(in).text == cal); // the same programme, the same file
}

// export --format ics: a calendar only for a running programme that has days left.
BOOST_AUTO_TEST_CASE(a_calendar_needs_a_running_programme_with_days_left) {
  const Plan plan = make_plan({{daily("breathe")}}); // one week from Mon 2026-11-02
  Run run = make_run(start_mon);
  run.number = 2;
  History history;
  BOOST_TEST(error_text([&] { (void)calendar_run(history); }) ==
             "no programme is running, so there is no calendar to export | start one with "
             "'attune start'");
  history.runs.push_back(run);
  BOOST_TEST(&calendar_run(history) == &history.runs.back());
  history.runs.back().ended = d("2026-11-04");
  BOOST_TEST(error_text([&] { (void)calendar_run(history); }) != "no error");

  BOOST_TEST(error_text([&] { check_calendar_left(plan, run, d("2026-11-08")); }) ==
             "no error"); // its last day
  BOOST_TEST(error_text([&] { check_calendar_left(plan, run, d("2026-10-30")); }) ==
             "no error"); // before it begins
  BOOST_TEST(error_text([&] { check_calendar_left(plan, run, d("2026-11-09")); }) ==
             "programme 2 has ended, so there is nothing left to remind you of | start a new "
             "one with 'attune start'");
}

BOOST_AUTO_TEST_CASE(the_saved_sentence_counts_the_reminders) {
  BOOST_TEST(render_calendar_saved(1, 9, std::chrono::minutes{7 * 60 + 30}, "cal.ics", 200) ==
             "Saved the calendar of programme 1 (9 reminders, at 07:30) to cal.ics. Import it "
             "into your calendar; importing it again updates it.\n");
  BOOST_TEST(render_calendar_saved(3, 1, std::chrono::minutes{19 * 60}, "a\x1b.ics", 40) ==
             "Saved the calendar of programme 3 (1\n"
             "reminder, at 19:00) to a\\e.ics. Import\n"
             "it into your calendar; importing it\n"
             "again updates it.\n");
}

BOOST_AUTO_TEST_SUITE_END()
