// libFuzzer harness: everything a user types for a date or a time. The parsers are noexcept
// and strict, so whatever they accept must format back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "attune/calendar.hpp"
#include "attune/zone.hpp"

namespace {

/// New York from the installed tz data (UTC when there is none).
attune::Zone new_york() {
  std::ifstream in("/usr/share/zoneinfo/America/New_York", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (auto zone = attune::Zone::from_tzif("America/New_York", bytes.str()))
    return *zone;
  return attune::Zone::fixed("UTC", std::chrono::seconds{0});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const attune::Day today = attune::Day{date::year{2026} / 11 / 26};

  if (const auto day = attune::parse_iso_day(text); day && attune::format_day(*day) != text)
    std::abort();
  if (const auto at = attune::parse_instant(text); at && attune::format_instant(*at) != text)
    std::abort();
  (void)attune::resolve_day(text, today);
  (void)attune::resolve_day(text, attune::Day{date::year{1} / 1 / 1});
  (void)attune::resolve_day(text, attune::Day{date::year{9999} / 12 / 31});
  (void)attune::parse_weekday(text);
  if (const auto hm = attune::parse_clock_time(text); hm && (hm->count() < 0 || hm->count() > 1439))
    std::abort();
  if (const auto local = attune::parse_local_time(text)) {
    static const attune::Zone zone = new_york();
    const attune::Instant at = attune::to_instant(*local, zone);
    (void)attune::to_local(at, zone);
    (void)attune::logical_day(*local, std::chrono::minutes{240});
  }
  return 0;
}
