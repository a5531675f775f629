#pragma once
/// The one way a command builds a record: type, run, day and the command's stamp (id, instant,
/// zone); the command then sets its own fields (exercise, text, until ...).
#include <functional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"

namespace attune {

/// Who writes and when: what every record of one command carries. The front end fills it
/// (random ids, the clock, the zone's name); tests give a counter and a fixed instant.
struct RecordStamp {
  std::function<std::string()> new_id; ///< a fresh record id on every call
  Instant now{};
  std::string zone;
};

/// A record of `type` for `run` on `day`: a fresh id, `recorded` = stamp.now, the zone's name
/// and the run's claim set, every other field empty.
/// (done, run claim 3, 2026-11-05, stamp {id "a1", 2026-11-05T08:00Z, "Europe/Berlin"})
///   -> {id "a1", type done, day 2026-11-05, recorded 08:00Z, zone "Europe/Berlin", run 3}
Record new_record(RecordType type, const Run &run, Day day, const RecordStamp &stamp);

/// The run as it stands once `records` are appended to it (pauses recomputed, as a `resume`
/// or `pause` changes them).
Run with_records(const Run &run, const std::vector<Record> &records);

} // namespace attune
