#include "attune/zone.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace attune {
namespace {

using std::chrono::seconds;

// RFC 8536 asks utoff to be in [-89999, 93599] (-24:59:59 .. +25:59:59).
constexpr std::int64_t min_utoff = -89999;
constexpr std::int64_t max_utoff = 93599;

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Reads POSIX TZ text left to right; every method fails rather than reading past the end.
class PosixReader {
public:
  explicit PosixReader(std::string_view text) : s_(text) {}
  bool done() const noexcept { return i_ == s_.size(); }
  bool peek(char c) const noexcept { return i_ < s_.size() && s_[i_] == c; }
  bool eat(char c) noexcept {
    if (!peek(c))
      return false;
    ++i_;
    return true;
  }

  /// "CET" (3+ letters) or "<+0330>" (3+ of [A-Za-z0-9+-] in angle brackets).
  bool name() noexcept {
    std::size_t n = 0;
    if (eat('<')) {
      while (i_ < s_.size() &&
             (is_alpha(s_[i_]) || is_digit(s_[i_]) || s_[i_] == '+' || s_[i_] == '-')) {
        ++i_;
        ++n;
      }
      return n >= 3 && eat('>');
    }
    while (i_ < s_.size() && is_alpha(s_[i_])) {
      ++i_;
      ++n;
    }
    return n >= 3;
  }

  /// [+|-]h[h[h]][:mm[:ss]] with hours at most `max_hours`.
  std::optional<seconds> hms(int max_hours) noexcept {
    int sign = 1;
    if (eat('-'))
      sign = -1;
    else
      (void)eat('+');
    long hours = 0;
    if (!number(3, hours) || hours > max_hours)
      return std::nullopt;
    long minutes = 0, secs = 0;
    if (eat(':')) {
      if (!number(2, minutes) || minutes > 59)
        return std::nullopt;
      if (eat(':') && (!number(2, secs) || secs > 59))
        return std::nullopt;
    }
    return seconds{sign * (hours * 3600 + minutes * 60 + secs)};
  }

  /// Jn, n or Mm.w.d, then an optional /time.
  std::optional<PosixRuleDate> rule_date() noexcept {
    PosixRuleDate date;
    long a = 0, b = 0, c = 0;
    if (eat('J')) {
      if (!number(3, a) || a < 1 || a > 365)
        return std::nullopt;
      date.kind = PosixRuleDate::Kind::julian1;
      date.day = static_cast<int>(a);
    } else if (eat('M')) {
      if (!number(2, a) || a < 1 || a > 12 || !eat('.') || !number(1, b) || b < 1 || b > 5 ||
          !eat('.') || !number(1, c) || c > 6)
        return std::nullopt;
      date.kind = PosixRuleDate::Kind::month_week_day;
      date.month = static_cast<int>(a);
      date.week = static_cast<int>(b);
      date.day = static_cast<int>(c);
    } else {
      if (!number(3, a) || a > 365)
        return std::nullopt;
      date.kind = PosixRuleDate::Kind::julian0;
      date.day = static_cast<int>(a);
    }
    if (eat('/')) {
      const auto t = hms(167);
      if (!t)
        return std::nullopt;
      date.time = *t;
    }
    return date;
  }

private:
  bool number(int max_digits, long &out) noexcept {
    int n = 0;
    out = 0;
    while (n < max_digits && i_ < s_.size() && is_digit(s_[i_])) {
      out = out * 10 + (s_[i_] - '0');
      ++i_;
      ++n;
    }
    return n > 0 && !(i_ < s_.size() && is_digit(s_[i_]));
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

/// The instant a rule date happens in `year`, its time read in the offset in force before it.
std::int64_t rule_instant(int year, const PosixRuleDate &rule, seconds before) noexcept {
  const date::year y{year};
  date::sys_days day{};
  switch (rule.kind) {
  case PosixRuleDate::Kind::julian1:
    // Feb 29 is never counted: J60 is March 1 in every year.
    day = date::sys_days{y / date::January / 1} + date::days{rule.day - 1};
    if (y.is_leap() && rule.day >= 60)
      day += date::days{1};
    break;
  case PosixRuleDate::Kind::julian0:
    day = date::sys_days{y / date::January / 1} + date::days{rule.day};
    break;
  case PosixRuleDate::Kind::month_week_day: {
    const date::month m{static_cast<unsigned>(rule.month)};
    const date::weekday wd{static_cast<unsigned>(rule.day)};
    if (rule.week == 5)
      day = date::sys_days{y / m / date::weekday_last{wd}};
    else
      day = date::sys_days{y / m / wd[static_cast<unsigned>(rule.week)]};
    break;
  }
  }
  return (day.time_since_epoch() + rule.time - before).count();
}

// Footer rules are evaluated for years within +-10000 of 1970; beyond, the offset stays.
constexpr std::int64_t rule_limit = 10000LL * 366 * 86400;

Zone::Period footer_period(const PosixTz &tz, std::int64_t t) noexcept {
  const Instant never = Instant::max();
  if (!tz.has_dst)
    return {tz.std_offset, never};
  const std::int64_t clamped = std::clamp(t, -rule_limit, rule_limit);
  const int year = static_cast<int>(
      date::year_month_day{date::floor<date::days>(Instant{seconds{clamped}})}.year());
  // Events of the years around t, a DST end sorting before a DST start at the same instant
  // (so "all year DST" rules such as 0/0,J365/25 stay in DST).
  std::array<std::pair<std::int64_t, bool>, 10> events{};
  std::size_t n = 0;
  for (int yy = year - 2; yy <= year + 2; ++yy) {
    events[n++] = {rule_instant(yy, tz.start, tz.std_offset), true};
    events[n++] = {rule_instant(yy, tz.end, tz.dst_offset), false};
  }
  std::sort(events.begin(), events.end());
  bool dst = false;
  std::int64_t next = std::numeric_limits<std::int64_t>::max();
  for (const auto &[when, starts] : events) {
    if (when <= clamped) {
      dst = starts;
    } else {
      next = when;
      break;
    }
  }
  const seconds offset = dst ? tz.dst_offset : tz.std_offset;
  if (t > rule_limit || next == std::numeric_limits<std::int64_t>::max())
    return {offset, never};
  return {offset, Instant{seconds{next}}};
}

/// Big-endian reads over bytes whose length has already been checked.
std::uint32_t be32(std::string_view b, std::size_t at) noexcept {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i)
    v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::int64_t be64(std::string_view b, std::size_t at) noexcept {
  const std::uint64_t v = (std::uint64_t{be32(b, at)} << 32) | be32(b, at + 4);
  return static_cast<std::int64_t>(v);
}

struct Header {
  char version = 0;
  std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

  /// Bytes of the data block that follows, for 4- or 8-byte times.
  std::uint64_t block_size(std::uint64_t time_size) const noexcept {
    return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
           isstdcnt + isutcnt;
  }
};

constexpr std::size_t header_size = 44;

std::optional<Header> read_header(std::string_view b, std::size_t at, std::string &why) {
  if (b.size() - at < header_size) {
    why = "the file is truncated (no complete header)";
    return std::nullopt;
  }
  if (b.substr(at, 4) != "TZif") {
    why = "the file does not start with \"TZif\"";
    return std::nullopt;
  }
  Header h;
  h.version = b[at + 4];
  if (h.version != 0 && (h.version < '2' || h.version > '4')) {
    why = "unknown TZif version";
    return std::nullopt;
  }
  h.isutcnt = be32(b, at + 20);
  h.isstdcnt = be32(b, at + 24);
  h.leapcnt = be32(b, at + 28);
  h.timecnt = be32(b, at + 32);
  h.typecnt = be32(b, at + 36);
  h.charcnt = be32(b, at + 40);
  if (h.leapcnt != 0) {
    why = "the zone counts leap seconds (a right/ zone)";
    return std::nullopt;
  }
  if (h.typecnt == 0 || h.typecnt > 256 || h.charcnt == 0 ||
      (h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt)) {
    why = "the header's counts do not add up";
    return std::nullopt;
  }
  return h;
}

} // namespace

bool is_zone_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 255)
    return false;
  std::size_t start = 0;
  bool first = true;
  while (start <= name.size()) {
    const std::size_t slash = std::min(name.find('/', start), name.size());
    const std::string_view part = name.substr(start, slash - start);
    if (part.empty() || part == "." || part == ".." || (first && part == "right"))
      return false;
    for (const char c : part)
      if (!is_alpha(c) && !is_digit(c) && c != '_' && c != '+' && c != '-' && c != '.')
        return false;
    first = false;
    start = slash + 1;
  }
  return true;
}

std::optional<PosixTz> parse_posix_tz(std::string_view text) noexcept {
  PosixReader r(text);
  PosixTz tz;
  if (!r.name())
    return std::nullopt;
  const auto std_west = r.hms(24);
  if (!std_west)
    return std::nullopt;
  tz.std_offset = -*std_west;
  if (r.done())
    return tz;
  if (!r.name())
    return std::nullopt;
  tz.has_dst = true;
  tz.dst_offset = tz.std_offset + seconds{3600};
  if (!r.peek(',')) {
    const auto dst_west = r.hms(24);
    if (!dst_west)
      return std::nullopt;
    tz.dst_offset = -*dst_west;
  }
  // DST without rules leaves the dates to the implementation: refuse rather than guess.
  if (!r.eat(','))
    return std::nullopt;
  const auto start = r.rule_date();
  if (!start || !r.eat(','))
    return std::nullopt;
  const auto end = r.rule_date();
  if (!end || !r.done())
    return std::nullopt;
  tz.start = *start;
  tz.end = *end;
  return tz;
}

std::optional<Zone> Zone::from_tzif(std::string name, std::string_view bytes, std::string *why) {
  std::string reason;
  auto fail = [&](std::string text) -> std::optional<Zone> {
    if (why != nullptr)
      *why = std::move(text);
    return std::nullopt;
  };
  if (bytes.size() > max_tzif_bytes)
    return fail("the file is too large for a zone file");
  auto h = read_header(bytes, 0, reason);
  if (!h)
    return fail(reason);
  std::size_t at = header_size;
  std::uint64_t time_size = 4;
  if (h->version != 0) {
    // Version 2 and later: skip the 32-bit block and read the 64-bit one.
    const std::uint64_t skip = h->block_size(4);
    if (skip > bytes.size() - at)
      return fail("the file is truncated");
    at += static_cast<std::size_t>(skip);
    h = read_header(bytes, at, reason);
    if (!h)
      return fail(reason);
    if (h->version == 0)
      return fail("the second header has no version");
    at += header_size;
    time_size = 8;
  }
  const std::uint64_t size = h->block_size(time_size);
  if (size > bytes.size() - at)
    return fail("the file is truncated");

  Zone zone;
  zone.name_ = std::move(name);
  const auto timecnt = static_cast<std::size_t>(h->timecnt);
  const auto typecnt = static_cast<std::size_t>(h->typecnt);
  zone.times_.reserve(timecnt);
  for (std::size_t i = 0; i < timecnt; ++i) {
    const std::int64_t t = time_size == 8 ? be64(bytes, at + i * 8)
                                          : static_cast<std::int32_t>(be32(bytes, at + i * 4));
    if (!zone.times_.empty() && t <= zone.times_.back())
      return fail("the transition times are not in order");
    zone.times_.push_back(t);
  }
  at += timecnt * static_cast<std::size_t>(time_size);
  zone.type_of_.reserve(timecnt);
  for (std::size_t i = 0; i < timecnt; ++i) {
    const auto type = static_cast<unsigned char>(bytes[at + i]);
    if (type >= typecnt)
      return fail("a transition names a time type that does not exist");
    zone.type_of_.push_back(type);
  }
  at += timecnt;
  for (std::size_t i = 0; i < typecnt; ++i) {
    const std::int64_t utoff = static_cast<std::int32_t>(be32(bytes, at + i * 6));
    const auto isdst = static_cast<unsigned char>(bytes[at + i * 6 + 4]);
    const auto desig = static_cast<unsigned char>(bytes[at + i * 6 + 5]);
    if (utoff < min_utoff || utoff > max_utoff || isdst > 1 || desig >= h->charcnt)
      return fail("a time type is out of range");
    zone.offsets_.push_back(static_cast<std::int32_t>(utoff));
  }
  at += typecnt * 6;
  // Designations, leap seconds (none) and the isstd/isut flags are not needed for offsets.
  at += static_cast<std::size_t>(size - timecnt * (time_size + 1) - typecnt * 6);

  if (time_size == 8) {
    // The footer: "\nTZ string\n", possibly empty (no rule after the last transition).
    if (at >= bytes.size() || bytes[at] != '\n')
      return fail("the footer is missing");
    const std::size_t close = bytes.find('\n', at + 1);
    if (close == std::string_view::npos)
      return fail("the footer is truncated");
    const std::string_view text = bytes.substr(at + 1, close - at - 1);
    if (!text.empty()) {
      zone.footer_ = parse_posix_tz(text);
      if (!zone.footer_)
        return fail("the footer \"" + std::string(text.substr(0, 64)) + "\" is not a TZ rule");
    }
    at = close + 1;
  }
  if (at != bytes.size())
    return fail("the file has data after its end");
  return zone;
}

Zone Zone::fixed(std::string name, std::chrono::seconds offset) {
  Zone zone;
  zone.name_ = std::move(name);
  zone.offsets_.push_back(
      static_cast<std::int32_t>(std::clamp<std::int64_t>(offset.count(), min_utoff, max_utoff)));
  return zone;
}

Zone::Period Zone::period_at(Instant instant) const noexcept {
  const std::int64_t t = instant.time_since_epoch().count();
  const Instant never = Instant::max();
  if (times_.empty()) {
    if (footer_)
      return footer_period(*footer_, t);
    return {seconds{offsets_.empty() ? 0 : offsets_[0]}, never};
  }
  if (t < times_.front())
    return {seconds{offsets_[0]}, Instant{seconds{times_.front()}}};
  const auto after = std::upper_bound(times_.begin(), times_.end(), t);
  const auto i = static_cast<std::size_t>(after - times_.begin()) - 1;
  if (after != times_.end())
    return {seconds{offsets_[type_of_[i]]}, Instant{seconds{*after}}};
  if (footer_)
    return footer_period(*footer_, t);
  return {seconds{offsets_[type_of_[i]]}, never};
}

std::chrono::seconds Zone::offset_at(Instant instant) const noexcept {
  return period_at(instant).offset;
}

Instant to_instant(LocalTime local, const Zone &zone) {
  using std::chrono::seconds;
  const seconds wall = local.time_since_epoch();
  // Offsets stay within 26 h, so every instant that shows `local` lies within 27 h of it.
  const seconds window{27 * 3600};
  constexpr long long far = 1LL << 50;
  if (wall.count() > far || wall.count() < -far)
    return Instant{wall - zone.offset_at(Instant{wall})};
  // Walk the periods around `local`: the first whose offset maps `local` inside it is the
  // earlier instant of an ambiguous time; if none does, `local` sits in a gap that ends
  // where the offset jumps past it.
  Instant begin = Instant::min();
  Zone::Period period = zone.period_at(Instant{wall - window});
  std::optional<seconds> before;
  std::optional<Instant> gap_end;
  for (;;) {
    const Instant candidate{wall - period.offset};
    if (candidate >= begin && candidate < period.next)
      return candidate;
    if (before && !gap_end && wall - *before >= begin.time_since_epoch() &&
        wall - period.offset < begin.time_since_epoch())
      gap_end = begin;
    if (period.next == Instant::max() || period.next > Instant{wall + window})
      break;
    before = period.offset;
    begin = period.next;
    period = zone.period_at(begin);
  }
  if (gap_end)
    return *gap_end;
  return Instant{wall - zone.offset_at(Instant{wall})};
}

LocalTime to_local(Instant instant, const Zone &zone) {
  return LocalTime{instant.time_since_epoch() + zone.offset_at(instant)};
}

} // namespace attune
