#pragma once
/// Records, ids and error catchers shared by the unit tests (each was copied into several
/// test files before; plans and runs for the progress tests are in progress_fixtures.hpp).
#include <boost/crc.hpp>

#include <cstdio>
#include <functional>
#include <string>

#include "attune/calendar.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"

namespace attune::testing {

/// A record id of 16 hex digits from a number: 10 -> "000000000000000a".
inline std::string id_n(unsigned n) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016x", n);
  return buffer;
}

/// A journal line: `body` with its CRC-32 computed independently of attune (Boost.CRC).
inline std::string with_crc(const std::string &body) {
  boost::crc_32_type crc;
  crc.process_bytes(body.data(), body.size());
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", static_cast<unsigned>(crc.checksum()));
  return body + "\t~" + buffer + "\n";
}

/// A record with only what every record carries: its id, type, day, the instant it was
/// recorded (ISO, e.g. "2026-11-02T08:30:00Z"), zone and run; the caller adds the rest.
inline Record record_at(const std::string &id, RecordType type, const std::string &day,
                        const std::string &recorded, const std::string &zone = "Europe/Berlin",
                        unsigned run = 1) {
  Record r;
  r.id = id;
  r.type = type;
  r.day = *parse_iso_day(day);
  r.recorded = *parse_instant(recorded);
  r.zone = zone;
  r.run = run;
  return r;
}

/// record_at, recorded at 08:30 UTC on its day.
inline Record record_on(const std::string &id, RecordType type,
                        const std::string &day = "2026-11-02",
                        const std::string &zone = "Europe/Berlin", unsigned run = 1) {
  return record_at(id, type, day, day + "T08:30:00Z", zone, run);
}

/// A note of run 1 with id n and `text`, on 2026-11-20 at 08:30 UTC (the store tests' record).
inline Record note_n(unsigned n, const std::string &text = "hello") {
  Record r = record_on(id_n(n), RecordType::note, "2026-11-20", "UTC");
  r.text = text;
  return r;
}

/// What `f` throws as "WHAT | HINT", or `none` when it throws no attune::Error.
inline std::string error_text(const std::function<void()> &f,
                              const std::string &none = "no error") {
  try {
    f();
  } catch (const Error &e) {
    return std::string(e.what()) + " | " + e.hint();
  }
  return none;
}

} // namespace attune::testing
