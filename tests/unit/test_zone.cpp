#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <date/tz.h> // the oracle only: the core reads zones without it

#include "attune/calendar.hpp"
#include "attune/zone.hpp"
#include "zone_files.hpp"

using namespace attune;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

/// What a hand-built TZif file holds. Types are (utoff, isdst); one designation "X".
struct Tzif {
  char version = '2';
  std::vector<std::int64_t> times;
  std::vector<std::uint8_t> types_of;
  std::vector<std::pair<std::int32_t, std::uint8_t>> types{{0, 0}};
  std::string footer;
  std::uint32_t leapcnt = 0;
};

std::string be(std::uint64_t v, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i)
    out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

std::string header(const Tzif &z) {
  std::string h = "TZif";
  h += z.version;
  h += std::string(15, '\0');
  h += be(0, 4) + be(0, 4) + be(z.leapcnt, 4) + be(z.times.size(), 4) + be(z.types.size(), 4) +
       be(2, 4);
  return h;
}

std::string block(const Tzif &z, int time_size) {
  std::string b;
  for (const auto t : z.times)
    b += be(static_cast<std::uint64_t>(t), time_size);
  for (const auto i : z.types_of)
    b += static_cast<char>(i);
  for (const auto &[utoff, isdst] : z.types)
    b += be(static_cast<std::uint32_t>(utoff), 4) + static_cast<char>(isdst) + '\0';
  b += std::string("X\0", 2);
  b += std::string(z.leapcnt * (time_size + 4), '\0');
  return b;
}

std::string build(const Tzif &z) {
  if (z.version == 0)
    return header(z) + block(z, 4);
  return header(z) + block(z, 4) + header(z) + block(z, 8) + "\n" + z.footer + "\n";
}

/// Why the bytes are refused ("(accepted)" when they are not).
std::string refusal(const std::string &bytes) {
  std::string why;
  if (Zone::from_tzif("Test/Zone", bytes, &why))
    return "(accepted)";
  return why;
}

Zone footer_zone(const std::string &footer) {
  Tzif z;
  z.footer = footer;
  std::string why;
  auto zone = Zone::from_tzif("Test/Footer", build(z), &why);
  BOOST_TEST_REQUIRE(zone.has_value(), footer << ": " << why);
  return std::move(*zone);
}

Instant at(const char *text) {
  return *parse_instant(text);
}
long offset(const Zone &zone, const char *instant) {
  return zone.offset_at(at(instant)).count();
}

/// The former date-based conversions, kept as the oracle.
Instant date_to_instant(LocalTime local, const date::time_zone &zone) {
  const date::local_info info = zone.get_info(local);
  switch (info.result) {
  case date::local_info::unique:
  case date::local_info::ambiguous:
    return Instant{local.time_since_epoch() - info.first.offset};
  case date::local_info::nonexistent:
  default:
    return date::floor<seconds>(info.second.begin);
  }
}

const std::vector<std::string> oracle_zones = {"Europe/Berlin",
                                               "America/New_York",
                                               "Australia/Lord_Howe",
                                               "Asia/Kolkata",
                                               "Pacific/Apia",
                                               "America/Sao_Paulo",
                                               "Africa/Casablanca",
                                               "Antarctica/Troll",
                                               "Asia/Tehran",
                                               "Pacific/Chatham",
                                               "America/St_Johns",
                                               "Europe/Dublin",
                                               "UTC",
                                               "Etc/GMT-14",
                                               "Etc/GMT+12",
                                               "Europe/London",
                                               "Europe/Moscow",
                                               "Europe/Lisbon",
                                               "America/Los_Angeles",
                                               "America/Chicago",
                                               "America/Phoenix",
                                               "America/Santiago",
                                               "America/Asuncion",
                                               "America/Havana",
                                               "America/Nuuk",
                                               "America/Scoresbysund",
                                               "Asia/Tokyo",
                                               "Asia/Kathmandu",
                                               "Asia/Gaza",
                                               "Asia/Jerusalem",
                                               "Asia/Amman",
                                               "Australia/Sydney",
                                               "Australia/Adelaide",
                                               "Australia/Perth",
                                               "Pacific/Auckland",
                                               "Pacific/Kiritimati",
                                               "Pacific/Norfolk",
                                               "Pacific/Easter",
                                               "Africa/Cairo",
                                               "Atlantic/Azores",
                                               "America/Caracas",
                                               "Pacific/Fiji",
                                               "America/Godthab",
                                               "Europe/Chisinau"};

/// glibc's offset for `t` in the zone TZ names (it applies footers past the data, as we do).
long glibc_offset(std::time_t t) {
  struct tm tm {};
  localtime_r(&t, &tm);
  return tm.tm_gmtoff;
}

} // namespace

BOOST_AUTO_TEST_SUITE(zone)

BOOST_AUTO_TEST_CASE(accepts_zone_names_and_refuses_paths_that_escape) {
  for (const char *good :
       {"Europe/Berlin", "UTC", "Etc/GMT+5", "Etc/GMT-14", "America/Argentina/Buenos_Aires",
        "America/Port-au-Prince", "EST5EDT", "posix/Europe/Berlin", "a.b/c"})
    BOOST_TEST(is_zone_name(good), good);
  for (const char *bad : {"", "/etc/passwd", "../etc/passwd", "Europe/../../etc/passwd",
                          "Europe/./Berlin", "Europe//Berlin", "Europe/", "right/Europe/Berlin",
                          "right", "Europe/Ber lin", "Europe\\Berlin", "Mars:Olympus"})
    BOOST_TEST(!is_zone_name(bad), bad);
  BOOST_TEST(is_zone_name(std::string(255, 'a')));
  BOOST_TEST(!is_zone_name(std::string(256, 'a')));
}

BOOST_AUTO_TEST_CASE(refuses_bytes_that_are_not_a_zone_file_and_says_why) {
  Tzif z;
  z.times = {100};
  z.types_of = {1};
  z.types = {{0, 0}, {3600, 0}};
  z.footer = "<+01>-1";
  const std::string good = build(z);
  BOOST_TEST(refusal(good) == "(accepted)");
  BOOST_TEST(refusal("") == "the file is truncated (no complete header)");
  BOOST_TEST(refusal("TZiX" + good.substr(4)) == "the file does not start with \"TZif\"");
  BOOST_TEST(refusal(good.substr(0, 60)) == "the file is truncated");
  BOOST_TEST(refusal(good.substr(0, good.size() - 1)) == "the footer is truncated");
  BOOST_TEST(refusal(good + "x") == "the file has data after its end");
  BOOST_TEST(refusal(std::string(max_tzif_bytes + 1, 'T')) ==
             "the file is too large for a zone file");

  Tzif leap = z;
  leap.leapcnt = 1;
  BOOST_TEST(refusal(build(leap)) == "the zone counts leap seconds (a right/ zone)");
  Tzif bad_type = z;
  bad_type.types_of = {2};
  BOOST_TEST(refusal(build(bad_type)) == "a transition names a time type that does not exist");
  Tzif unordered = z;
  unordered.times = {100, 100};
  unordered.types_of = {1, 0};
  BOOST_TEST(refusal(build(unordered)) == "the transition times are not in order");
  Tzif huge_offset = z;
  huge_offset.types = {{0, 0}, {100000, 0}};
  BOOST_TEST(refusal(build(huge_offset)) == "a time type is out of range");
  Tzif no_types = z;
  no_types.types.clear();
  no_types.types_of = {};
  no_types.times = {};
  BOOST_TEST(refusal(build(no_types)) == "the header's counts do not add up");
  Tzif bad_footer = z;
  bad_footer.footer = "CET-1CEST";
  BOOST_TEST(refusal(build(bad_footer)) == "the footer \"CET-1CEST\" is not a TZ rule");
}

BOOST_AUTO_TEST_CASE(refuses_real_leap_second_zones) {
  std::ifstream in("/usr/share/zoneinfo/right/Europe/Berlin", std::ios::binary);
  BOOST_TEST_REQUIRE(static_cast<bool>(in));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  BOOST_TEST(refusal(bytes.str()) == "the zone counts leap seconds (a right/ zone)");
}

BOOST_AUTO_TEST_CASE(version_one_files_use_the_32_bit_data_and_type_zero_before_it) {
  Tzif z;
  z.version = 0;
  z.times = {1000};
  z.types_of = {1};
  z.types = {{-3600, 0}, {7200, 1}};
  const auto zone = Zone::from_tzif("Test/V1", build(z));
  BOOST_TEST_REQUIRE(zone.has_value());
  BOOST_TEST(zone->name() == "Test/V1");
  BOOST_TEST(zone->offset_at(Instant{seconds{999}}).count() == -3600);
  BOOST_TEST(zone->offset_at(Instant{seconds{1000}}).count() == 7200);
  BOOST_TEST(zone->offset_at(Instant{seconds{1LL << 40}}).count() == 7200);
}

BOOST_AUTO_TEST_CASE(the_footer_applies_after_the_last_transition) {
  Tzif z;
  z.times = {0};
  z.types_of = {1};
  z.types = {{0, 0}, {3600, 0}};
  z.footer = "CET-1CEST,M3.5.0,M10.5.0/3";
  const auto zone = Zone::from_tzif("Test/Berlin", build(z));
  BOOST_TEST_REQUIRE(zone.has_value());
  BOOST_TEST(zone->offset_at(Instant{seconds{-1}}).count() == 0);
  BOOST_TEST(offset(*zone, "2090-03-26T00:59:59Z") == 3600);
  BOOST_TEST(offset(*zone, "2090-03-26T01:00:00Z") == 7200);
  BOOST_TEST(offset(*zone, "2090-10-29T00:59:59Z") == 7200);
  BOOST_TEST(offset(*zone, "2090-10-29T01:00:00Z") == 3600);
}

BOOST_AUTO_TEST_CASE(footer_rules_in_the_southern_hemisphere) {
  // Sydney: DST ends first Sunday of April 03:00 AEDT, starts first Sunday of October 02:00.
  const Zone sydney = footer_zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
  BOOST_TEST(offset(sydney, "2026-01-15T00:00:00Z") == 39600);
  BOOST_TEST(offset(sydney, "2026-04-04T15:59:59Z") == 39600);
  BOOST_TEST(offset(sydney, "2026-04-04T16:00:00Z") == 36000);
  BOOST_TEST(offset(sydney, "2026-10-03T15:59:59Z") == 36000);
  BOOST_TEST(offset(sydney, "2026-10-03T16:00:00Z") == 39600);
  // Quoted names, and 24:00 on the first Saturday (Sep 5 2026; Apr 4 2026).
  const Zone south = footer_zone("<-03>3<-02>,M9.1.6/24,M4.1.6/24");
  BOOST_TEST(offset(south, "2026-04-05T01:59:59Z") == -7200);
  BOOST_TEST(offset(south, "2026-04-05T02:00:00Z") == -10800);
  BOOST_TEST(offset(south, "2026-09-06T02:59:59Z") == -10800);
  BOOST_TEST(offset(south, "2026-09-06T03:00:00Z") == -7200);
}

BOOST_AUTO_TEST_CASE(footer_rule_times_may_be_negative_or_past_24_hours) {
  // Start: Sunday Mar 8 2026 at -1:00 = Mar 7 23:00 EST. End: Sunday Nov 1 at 26:00 EDT.
  const Zone z = footer_zone("EST5EDT,M3.2.0/-1,M11.1.0/26");
  BOOST_TEST(offset(z, "2026-03-08T03:59:59Z") == -18000);
  BOOST_TEST(offset(z, "2026-03-08T04:00:00Z") == -14400);
  BOOST_TEST(offset(z, "2026-11-02T05:59:59Z") == -14400);
  BOOST_TEST(offset(z, "2026-11-02T06:00:00Z") == -18000);
  // 167 hours after the first Sunday of October 2026 (Oct 4) is Oct 10 23:00.
  const Zone week = footer_zone("<+00>0<+01>,M3.5.0/-167,M10.1.0/167");
  BOOST_TEST(offset(week, "2026-03-22T00:59:59Z") == 0);
  BOOST_TEST(offset(week, "2026-03-22T01:00:00Z") == 3600);
  BOOST_TEST(offset(week, "2026-10-10T21:59:59Z") == 3600);
  BOOST_TEST(offset(week, "2026-10-10T22:00:00Z") == 0);
  // Greenland's real rule: -1:00 (-02) on Sunday March 29 2026 is 01:00Z.
  const Zone nuuk = footer_zone("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  BOOST_TEST(offset(nuuk, "2026-03-29T00:59:59Z") == -7200);
  BOOST_TEST(offset(nuuk, "2026-03-29T01:00:00Z") == -3600);
}

BOOST_AUTO_TEST_CASE(julian_rules_count_or_skip_february_29) {
  // Jn never counts Feb 29: J60 is March 1 even in 2024. n counts it: 59 is Feb 29 in 2024.
  const Zone j = footer_zone("XXX0YYY-1,J60/0,J300/0");
  BOOST_TEST(offset(j, "2024-02-29T23:59:59Z") == 0);
  BOOST_TEST(offset(j, "2024-03-01T00:00:00Z") == 3600);
  const Zone n = footer_zone("XXX0YYY-1,59/0,299/0");
  BOOST_TEST(offset(n, "2024-02-28T23:59:59Z") == 0);
  BOOST_TEST(offset(n, "2024-02-29T00:00:00Z") == 3600);
  BOOST_TEST(offset(n, "2025-02-28T23:59:59Z") == 0);
  BOOST_TEST(offset(n, "2025-03-01T00:00:00Z") == 3600);
  // DST all year: the end and the next start meet.
  const Zone all_year = footer_zone("EST5EDT,0/0,J365/25");
  BOOST_TEST(offset(all_year, "2026-01-01T05:00:00Z") == -14400);
  BOOST_TEST(offset(all_year, "2026-07-01T00:00:00Z") == -14400);
  BOOST_TEST(offset(all_year, "2026-12-31T23:59:59Z") == -14400);
}

BOOST_AUTO_TEST_CASE(footers_without_dst_and_offsets_with_minutes) {
  BOOST_TEST(offset(footer_zone("<+03>-3"), "2090-01-01T00:00:00Z") == 10800);
  BOOST_TEST(offset(footer_zone("<+0530>-5:30"), "2090-01-01T00:00:00Z") == 19800);
  BOOST_TEST(offset(footer_zone("<-0930>9:30"), "2090-01-01T00:00:00Z") == -34200);
  BOOST_TEST(offset(footer_zone("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45"),
                    "2090-01-01T00:00:00Z") == 49500);
  // Dublin's negative DST: standard IST in summer, GMT as "DST" in winter.
  const Zone dublin = footer_zone("IST-1GMT0,M10.5.0,M3.5.0/1");
  BOOST_TEST(offset(dublin, "2090-07-01T00:00:00Z") == 3600);
  BOOST_TEST(offset(dublin, "2090-01-01T00:00:00Z") == 0);
}

BOOST_AUTO_TEST_CASE(refuses_footers_that_are_not_tz_rules) {
  for (const char *bad :
       {"CET-1CEST", "CE-1", "<+03-3", "<+3>-3", "CET", "CET-25", "CET-1:60",
        "EST5EDT,M13.1.0,M11.1.0", "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0",
        "EST5EDT,M3.2.0/168,M11.1.0", "EST5EDT,J0,J365", "EST5EDT,366,0", "EST5EDT,M3.2.0",
        "EST5EDT,M3.2.0,", "EST5EDT,M3.2.0,M11.1.0x", "CET-0001", "1CET"})
    BOOST_TEST(!parse_posix_tz(bad).has_value(), bad);
  BOOST_TEST(parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3").has_value());
}

BOOST_AUTO_TEST_CASE(a_fixed_zone_has_one_offset) {
  const Zone utc = Zone::fixed("UTC", seconds{0});
  BOOST_TEST(utc.name() == "UTC");
  BOOST_TEST(utc.offset_at(at("2026-03-10T09:30:00Z")).count() == 0);
  BOOST_TEST(format_instant(to_instant(*parse_local_time("2026-03-10T09:30"), utc)) ==
             "2026-03-10T09:30:00Z");
}

BOOST_AUTO_TEST_CASE(offsets_match_the_tz_library_and_glibc_from_1970_to_2100) {
  const char *old_tz = std::getenv("TZ");
  const std::optional<std::string> saved =
      old_tz ? std::optional<std::string>(old_tz) : std::nullopt;
  const Instant from = at("1970-01-01T00:00:00Z");
  const Instant date_until = at("2038-01-01T00:00:00Z"); // date ignores footers after the data
  const Instant until = at("2100-01-01T00:00:00Z");
  for (const auto &name : oracle_zones) {
    const Zone zone = testing::zone_file(name);
    const date::time_zone *oracle = date::locate_zone(name);
    ::setenv("TZ", (":" + name).c_str(), 1);
    ::tzset();
    long date_mismatches = 0, glibc_mismatches = 0;
    for (Instant t = from; t < until; t += hours{6}) {
      const long ours = zone.offset_at(t).count();
      if (t < date_until && ours != oracle->get_info(t).offset.count() && date_mismatches++ == 0)
        BOOST_TEST(ours == oracle->get_info(t).offset.count(), name << " at " << format_instant(t));
      if (ours != glibc_offset(t.time_since_epoch().count()) && glibc_mismatches++ == 0)
        BOOST_TEST(ours == glibc_offset(t.time_since_epoch().count()),
                   name << " at " << format_instant(t) << " (glibc)");
    }
    // Before the first transition: the first time type, local mean time for most zones.
    const Instant long_ago = at("1800-01-01T00:00:00Z");
    BOOST_TEST(zone.offset_at(long_ago).count() == oracle->get_info(long_ago).offset.count(), name);
    BOOST_TEST(date_mismatches == 0, name);
    BOOST_TEST(glibc_mismatches == 0, name);
  }
  if (saved)
    ::setenv("TZ", saved->c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
}

BOOST_AUTO_TEST_CASE(local_times_around_every_transition_match_the_tz_library) {
  const Instant from = at("2000-01-01T00:00:00Z");
  const Instant date_until = at("2037-12-31T00:00:00Z");
  const Instant until = at("2041-01-01T00:00:00Z");
  for (const auto &name : oracle_zones) {
    const Zone zone = testing::zone_file(name);
    const date::time_zone *oracle = date::locate_zone(name);
    long checked = 0, mismatches = 0;
    for (Zone::Period p = zone.period_at(from); p.next < until; p = zone.period_at(p.next)) {
      const Instant t = p.next;
      const seconds before = zone.offset_at(t - seconds{1});
      const seconds after = zone.offset_at(t);
      // Every quarter hour from 3 h before the earlier wall time to 3 h after the later one.
      const LocalTime first{t.time_since_epoch() + std::min(before, after) - hours{3}};
      const LocalTime last{t.time_since_epoch() + std::max(before, after) + hours{3}};
      for (LocalTime local = first; local <= last; local += minutes{15}) {
        const Instant ours = to_instant(local, zone);
        ++checked;
        if (t < date_until) {
          const Instant theirs = date_to_instant(local, *oracle);
          if (ours != theirs && mismatches++ < 3)
            BOOST_TEST(format_instant(ours) == format_instant(theirs),
                       name << " local " << format_instant(Instant{local.time_since_epoch()}));
          const auto their_local = date::floor<seconds>(oracle->to_local(ours));
          if (to_local(ours, zone) != their_local && mismatches++ < 3)
            BOOST_TEST(false, name << " to_local at " << format_instant(ours));
        } else {
          // Past the tz library's data: a time that exists maps back to itself; one in the
          // gap maps to the transition.
          const bool exists = to_local(ours, zone) == local;
          if (!exists && !(ours == t && before < after) && mismatches++ < 3)
            BOOST_TEST(false, name << " after 2037 at local "
                                   << format_instant(Instant{local.time_since_epoch()}));
        }
      }
    }
    BOOST_TEST(mismatches == 0, name);
    if (name != "UTC" && name.compare(0, 4, "Etc/") != 0 && name != "Asia/Kolkata" &&
        name != "Asia/Tokyo" && name != "Australia/Perth" && name != "Pacific/Kiritimati" &&
        name != "America/Phoenix" && name != "America/Caracas" && name != "Asia/Kathmandu")
      BOOST_TEST(checked > 0, name << " has transitions");
  }
}

BOOST_AUTO_TEST_SUITE_END()
