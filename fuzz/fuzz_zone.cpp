// libFuzzer harness: TZif bytes and POSIX TZ footers. Whatever parses must answer offsets
// within RFC 8536's range at any instant, and local times must map both ways without
// hanging, throwing or reading past the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "attune/calendar.hpp"
#include "attune/zone.hpp"

namespace {

void exercise(const attune::Zone &zone) {
  using std::chrono::seconds;
  const long long probes[] = {-(1LL << 40), -2208988800LL, 0,        951782400, 1772940600,
                              2145916800,   4102444800LL,  1LL << 40};
  for (const long long t : probes) {
    const attune::Instant at{seconds{t}};
    const auto offset = zone.offset_at(at).count();
    if (offset < -89999 || offset > 93599)
      std::abort();
    const auto period = zone.period_at(at);
    if (period.next <= at)
      std::abort();
    (void)attune::to_local(at, zone);
    (void)attune::to_instant(attune::LocalTime{seconds{t}}, zone);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  std::string why;
  if (const auto zone = attune::Zone::from_tzif("Fuzz/Zone", bytes, &why)) {
    if (!why.empty())
      std::abort();
    exercise(*zone);
  } else if (why.empty()) {
    std::abort();
  }
  // The same bytes as a footer, wrapped in the smallest version 2 file with no transitions.
  if (size <= 256 && bytes.find('\n') == std::string_view::npos) {
    (void)attune::parse_posix_tz(bytes);
    std::string file(44, '\0');
    file.replace(0, 5, "TZif2");
    file[39] = 1;                 // typecnt
    file[43] = 1;                 // charcnt
    file += std::string(7, '\0'); // one time type (UTC) and its designation
    file += file.substr(0, 44) + std::string(7, '\0');
    file += "\n" + std::string(bytes) + "\n";
    if (const auto zone = attune::Zone::from_tzif("Fuzz/Footer", file))
      exercise(*zone);
  }
  (void)attune::is_zone_name(bytes);
  return 0;
}
