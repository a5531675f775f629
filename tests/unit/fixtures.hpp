#pragma once
/// Records, ids and error catchers shared by the unit tests (each was copied into several
/// test files before; plans and runs for the progress tests are in progress_fixtures.hpp).
#include <boost/crc.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "attune/calendar.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/new_record.hpp"

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

/// A record of `type` with id n, of run `run`, on 2026-01-05 + `day_offset` days at 09:00 UTC,
/// with the fields its type carries filled in (text with a tab, a line break, a backslash and
/// a non-ASCII letter, so every escape is written). A start's plan_hash is "0123abcd" + run;
/// an undo withdraws id n - 2 (id 1 for n <= 3), a forgotten names ids 4 and 5: set what a
/// test depends on. The export and run-reader tests build their journals from it.
inline Record record_n(unsigned id, RecordType type, unsigned run, int day_offset) {
  Record r;
  r.id = id_n(id);
  r.type = type;
  r.day = *parse_iso_day("2026-01-05") + date::days{day_offset};
  r.recorded = Instant{r.day.time_since_epoch()} + std::chrono::hours{9};
  r.zone = "Europe/Berlin";
  r.run = run;
  switch (type) {
  case RecordType::start:
    r.plan_id = "avoidant";
    r.plan_hash = "0123abcd" + std::to_string(run);
    break;
  case RecordType::done:
  case RecordType::not_arisen:
    r.exercise = "name-a-need";
    break;
  case RecordType::skip:
    r.exercise = "name-a-need";
    r.text = "tired, \"very\"";
    break;
  case RecordType::note:
    r.text = "a note\twith a tab,\na newline, a \\ and 心";
    break;
  case RecordType::check:
    r.week = 1;
    r.answers = {3, 5, 2};
    break;
  case RecordType::undo:
    r.ref = id_n(id > 3 ? id - 2 : 1);
    break;
  case RecordType::forgotten:
    r.run = 0;
    r.refs = {id_n(4), id_n(5)};
    break;
  case RecordType::review:
    r.question = "helped";
    r.text = "staying";
    break;
  case RecordType::keep:
    r.exercise = "name-a-need";
    r.times = 3;
    break;
  case RecordType::cue:
    r.exercise = "name-a-need";
    r.text = "when I want to leave";
    break;
  case RecordType::pause:
    r.text = "away";
    r.until = r.day + date::days{3};
    break;
  default:
    break;
  }
  return r;
}

/// A source handing `text` over in pieces of `size` bytes (a reader must not assume a line
/// arrives whole). `text` must outlive the source.
inline JournalSource pieces_of(const std::string &text, std::size_t size) {
  return [&text, size](std::uint64_t from, const std::function<bool(std::string_view)> &sink) {
    for (auto at = static_cast<std::size_t>(from); at < text.size(); at += size)
      if (!sink(std::string_view(text).substr(at, size)))
        return;
  };
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

/// A stamp for records written at `instant` (YYYY-MM-DDTHH:MM:SSZ) in `zone`, with ids
/// PREFIX1, PREFIX2, ... in the order they are asked for (copies share the count).
inline RecordStamp counting_stamp(const std::string &prefix, const char *instant,
                                  const std::string &zone) {
  RecordStamp stamp;
  auto next = std::make_shared<unsigned>(0);
  stamp.new_id = [prefix, next] { return prefix + std::to_string(++*next); };
  stamp.now = *parse_instant(instant);
  stamp.zone = zone;
  return stamp;
}

} // namespace attune::testing
