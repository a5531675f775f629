#include "attune/calendar.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstring>

namespace attune {
namespace {

bool parse_fixed(std::string_view text, std::size_t pos, std::size_t len, int &out) noexcept {
  if (pos + len > text.size())
    return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::array<const char *, 7> long_names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                    "Thursday", "Friday", "Saturday"};

std::string two(unsigned v) {
  std::string s = std::to_string(v);
  return v < 10 ? "0" + s : s;
}

} // namespace

std::optional<Day> parse_iso_day(std::string_view text) noexcept {
  // The last good day read, and its text: a journal's lines mostly fall on the same day as
  // the line before (and a record's day is mostly its time's), so a long read converts each
  // day once. Per thread, so it needs no lock.
  thread_local std::array<char, 10> last_text{};
  thread_local Day last_day{};
  if (text.size() == 10 && std::memcmp(text.data(), last_text.data(), 10) == 0 &&
      last_text[0] != '\0')
    return last_day;
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_fixed(text, 0, 4, y) ||
      !parse_fixed(text, 5, 2, m) || !parse_fixed(text, 8, 2, d))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok())
    return std::nullopt;
  std::memcpy(last_text.data(), text.data(), 10);
  last_day = Day{ymd};
  return last_day;
}

bool write_day_digits(Day day, char *out) noexcept {
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999)
    return false;
  const auto y = static_cast<unsigned>(year);
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  const char text[10] = {static_cast<char>('0' + y / 1000),
                         static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),
                         static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),
                         static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),
                         static_cast<char>('0' + d % 10)};
  std::memcpy(out, text, sizeof text);
  return true;
}

void write_time_digits(unsigned seconds, char *out) noexcept {
  const unsigned h = seconds / 3600;
  const unsigned mi = seconds / 60 % 60;
  const unsigned se = seconds % 60;
  const char text[10] = {'T', static_cast<char>('0' + h / 10),  static_cast<char>('0' + h % 10),
                         ':', static_cast<char>('0' + mi / 10), static_cast<char>('0' + mi % 10),
                         ':', static_cast<char>('0' + se / 10), static_cast<char>('0' + se % 10),
                         'Z'};
  std::memcpy(out, text, sizeof text);
}

std::string format_day(Day day) {
  char text[10];
  if (write_day_digits(day, text)) // digits into place, no string per piece
    return std::string(text, sizeof text);
  const date::year_month_day ymd{day};
  std::string y = std::to_string(static_cast<int>(ymd.year()));
  while (y.size() < 4)
    y.insert(y.begin(), '0');
  return y + '-' + two(static_cast<unsigned>(ymd.month())) + '-' +
         two(static_cast<unsigned>(ymd.day()));
}

std::optional<date::weekday> parse_weekday(std::string_view text) noexcept {
  try {
    const std::string word = lower(text);
    for (unsigned i = 0; i < 7; ++i) {
      const std::string full = lower(long_names[i]);
      if (word == full || word == full.substr(0, 3))
        return date::weekday{i};
    }
  } catch (...) {
  }
  return std::nullopt;
}

std::string weekday_short(date::weekday wd) {
  return lower(long_names[wd.c_encoding()]).substr(0, 3);
}

std::string weekday_long(date::weekday wd) {
  return long_names[wd.c_encoding()];
}

std::optional<Day> resolve_day(std::string_view text, Day today) noexcept {
  if (text == "today")
    return today;
  if (text == "yesterday")
    return today - date::days{1};
  if (text.size() >= 2 && text.size() <= 7 && text[0] == '-') {
    int n = 0;
    const auto *first = text.data() + 1;
    const auto *last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, n);
    if (ec == std::errc{} && ptr == last && n >= 0 && n <= 100000)
      return today - date::days{n};
    return std::nullopt;
  }
  if (auto wd = parse_weekday(text))
    return today - (date::weekday{today} - *wd);
  return parse_iso_day(text);
}

std::optional<LocalTime> parse_local_time(std::string_view text) noexcept {
  if (text.size() != 16 && text.size() != 19)
    return std::nullopt;
  const auto day = parse_iso_day(text.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!day || text[10] != 'T' || text[13] != ':' || !parse_fixed(text, 11, 2, h) ||
      !parse_fixed(text, 14, 2, m))
    return std::nullopt;
  if (text.size() == 19 && (text[16] != ':' || !parse_fixed(text, 17, 2, s)))
    return std::nullopt;
  if (h > 23 || m > 59 || s > 59)
    return std::nullopt;
  return LocalTime{day->time_since_epoch()} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

std::string format_instant(Instant instant) {
  const auto day = date::floor<date::days>(instant);
  const date::hh_mm_ss<std::chrono::seconds> tod{instant - day};
  std::string out = format_day(day);
  if (out.size() == 10) { // the usual years: one string, digits into place
    char text[10];
    write_time_digits(static_cast<unsigned>(tod.to_duration().count()), text);
    out.append(text, sizeof text);
    return out;
  }
  return out + 'T' + two(static_cast<unsigned>(tod.hours().count())) + ':' +
         two(static_cast<unsigned>(tod.minutes().count())) + ':' +
         two(static_cast<unsigned>(tod.seconds().count())) + 'Z';
}

std::optional<Instant> parse_instant(std::string_view text) noexcept {
  if (text.size() != 20 || text[19] != 'Z')
    return std::nullopt;
  const auto local = parse_local_time(text.substr(0, 19));
  if (!local)
    return std::nullopt;
  return Instant{local->time_since_epoch()};
}

Day logical_day(LocalTime local, std::chrono::minutes day_start) noexcept {
  const auto shifted = local - day_start;
  return Day{date::floor<date::days>(shifted).time_since_epoch()};
}

std::optional<std::chrono::minutes> parse_clock_time(std::string_view text) noexcept {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':' || !parse_fixed(text, 0, 2, h) ||
      !parse_fixed(text, 3, 2, m) || h > 23 || m > 59)
    return std::nullopt;
  return std::chrono::minutes{h * 60 + m};
}

std::string quote_typed_day(const std::string &typed, Day day) {
  const std::string formatted = format_day(day);
  if (typed == formatted)
    return formatted;
  return "\"" + typed + "\" (" + formatted + ")";
}

} // namespace attune
