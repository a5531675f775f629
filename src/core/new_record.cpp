#include "attune/new_record.hpp"

namespace attune {

Record new_record(RecordType type, const Run &run, Day day, const RecordStamp &stamp) {
  Record r;
  r.id = stamp.new_id ? stamp.new_id() : std::string();
  r.type = type;
  r.day = day;
  r.recorded = stamp.now;
  r.zone = stamp.zone;
  r.run = run.claim;
  return r;
}

Run with_records(const Run &run, const std::vector<Record> &records) {
  Run out = run;
  out.records.insert(out.records.end(), records.begin(), records.end());
  out.pauses = pauses_of(out.records);
  return out;
}

} // namespace attune
