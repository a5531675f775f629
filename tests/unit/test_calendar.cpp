#include <boost/test/unit_test.hpp>

#include "attune/calendar.hpp"
#include "zone_files.hpp"

using namespace attune;

namespace {
Day day(const char *text) {
  return *parse_iso_day(text);
}
} // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(formats_days_and_instants_as_the_date_library_does) {
  // format_day and format_instant put digits into place for years 0 to 9999 (every journal
  // line has two): checked against the date library's own formatting across that range.
  for (int year : {0, 1, 9, 10, 99, 100, 999, 1000, 1970, 2026, 9999}) {
    for (unsigned month : {1U, 2U, 9U, 10U, 12U}) {
      const Day d{date::year{year} / date::month{month} / date::last};
      BOOST_TEST(format_day(d) == date::format("%Y-%m-%d", d));
      const Instant at =
          Instant{d.time_since_epoch()} + std::chrono::seconds{23 * 3600 + 9 * 60 + 5};
      BOOST_TEST(format_instant(at) == date::format("%Y-%m-%dT%H:%M:%SZ", at));
    }
  }
  const Day far{date::year{10000} / 1 / 2};
  BOOST_TEST(format_day(far) == "10000-01-02"); // past 9999: the general way
  char digits[10] = {'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
  BOOST_TEST(!write_day_digits(far, digits));
  BOOST_TEST(std::string(digits, 10) == "xxxxxxxxxx"); // nothing written
  write_time_digits(86399, digits);
  BOOST_TEST(std::string(digits, 10) == "T23:59:59Z");
  BOOST_TEST(format_instant(Instant{far.time_since_epoch()}) == "10000-01-02T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(parses_and_formats_iso_days) {
  BOOST_TEST(format_day(day("2026-03-08")) == "2026-03-08");
  BOOST_TEST(!parse_iso_day("2026-02-30"));
  BOOST_TEST(!parse_iso_day("2026-2-3"));
  BOOST_TEST(!parse_iso_day("2026-02-03x"));
  BOOST_TEST(!parse_iso_day(""));
}

BOOST_AUTO_TEST_CASE(resolves_relative_day_words) {
  const Day thu = day("2026-11-26");
  BOOST_TEST(format_day(*resolve_day("today", thu)) == "2026-11-26");
  BOOST_TEST(format_day(*resolve_day("yesterday", thu)) == "2026-11-25");
  BOOST_TEST(format_day(*resolve_day("-2", thu)) == "2026-11-24");
  BOOST_TEST(format_day(*resolve_day("-0", thu)) == "2026-11-26");
  BOOST_TEST(format_day(*resolve_day("tue", thu)) == "2026-11-24");
  BOOST_TEST(format_day(*resolve_day("Thursday", thu)) == "2026-11-26");
  BOOST_TEST(format_day(*resolve_day("fri", thu)) == "2026-11-20");
  BOOST_TEST(!resolve_day("-", thu));
  BOOST_TEST(!resolve_day("-x", thu));
  BOOST_TEST(!resolve_day("someday", thu));
}

BOOST_AUTO_TEST_CASE(day_boundary_moves_small_hours_to_previous_day) {
  const auto local = *parse_local_time("2026-03-10T01:30");
  BOOST_TEST(format_day(logical_day(local, std::chrono::hours{4})) == "2026-03-09");
  BOOST_TEST(format_day(logical_day(local, std::chrono::minutes{0})) == "2026-03-10");
  const auto at_four = *parse_local_time("2026-03-10T04:00:00");
  BOOST_TEST(format_day(logical_day(at_four, std::chrono::hours{4})) == "2026-03-10");
}

BOOST_AUTO_TEST_CASE(nonexistent_local_time_maps_to_end_of_gap) {
  const Zone ny = testing::zone_file("America/New_York");
  const auto instant = to_instant(*parse_local_time("2026-03-08T02:30"), ny);
  BOOST_TEST(format_instant(instant) == "2026-03-08T07:00:00Z");
}

BOOST_AUTO_TEST_CASE(ambiguous_local_time_takes_the_earlier_instant) {
  const Zone ny = testing::zone_file("America/New_York");
  const auto instant = to_instant(*parse_local_time("2026-11-01T01:30"), ny);
  BOOST_TEST(format_instant(instant) == "2026-11-01T05:30:00Z");
}

BOOST_AUTO_TEST_CASE(apia_skipped_day_never_throws) {
  const Zone apia = testing::zone_file("Pacific/Apia");
  const auto instant = to_instant(*parse_local_time("2011-12-30T12:00"), apia);
  BOOST_TEST(format_instant(instant) == "2011-12-30T10:00:00Z");
  // The gap ends at 2011-12-31 00:00 local: midnight counts for that day with no boundary,
  // and for the day before with the usual 04:00 boundary.
  BOOST_TEST(format_day(logical_day(to_local(instant, apia), std::chrono::minutes{0})) ==
             "2011-12-31");
  BOOST_TEST(format_day(logical_day(to_local(instant, apia), std::chrono::hours{4})) ==
             "2011-12-30");
}

BOOST_AUTO_TEST_CASE(instants_round_trip) {
  const auto i = *parse_instant("2026-11-27T18:30:05Z");
  BOOST_TEST(format_instant(i) == "2026-11-27T18:30:05Z");
  BOOST_TEST(!parse_instant("2026-11-27T18:30:05"));
}

BOOST_AUTO_TEST_CASE(clock_times_are_strict) {
  BOOST_TEST(parse_clock_time("04:00")->count() == 240);
  BOOST_TEST(!parse_clock_time("24:00"));
  BOOST_TEST(!parse_clock_time("4:00"));
}

BOOST_AUTO_TEST_CASE(a_typed_day_is_quoted_once_when_it_is_already_a_date) {
  const Day day = *parse_iso_day("2026-12-30");
  BOOST_TEST(quote_typed_day("2026-12-30", day) == "2026-12-30");
  BOOST_TEST(quote_typed_day("wed", day) == "\"wed\" (2026-12-30)");
}

BOOST_AUTO_TEST_SUITE_END()
