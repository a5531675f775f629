#include "attune/limits.hpp"

#include "attune/record_schema.hpp"

namespace attune {

std::string format_size(std::uint64_t bytes) {
  constexpr std::uint64_t kib = 1024;
  if (bytes >= kib * kib && bytes % (kib * kib) == 0)
    return std::to_string(bytes / (kib * kib)) + " MiB";
  if (bytes >= kib && bytes % kib == 0)
    return std::to_string(bytes / kib) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::size_t journal_line_bound(const Record &r) noexcept {
  // The type, day, time, TABs and checksum take 58 bytes (a day past year 9999 a few more).
  std::size_t n = 96 + 4 * (r.id.size() + r.zone.size());
  for (const RecordField &f : record_fields) {
    n += f.name.size() + 2; // TAB name =
    switch (f.kind) {
    case FieldKind::text:
    case FieldKind::id:
      n += 4 * (r.*f.member.text).size();
      break;
    case FieldKind::number:
      n += 21;
      break;
    case FieldKind::day:
      n += 16;
      break;
    case FieldKind::answers:
      n += 12 * (r.*f.member.answers).size();
      break;
    case FieldKind::ids:
      for (const std::string &id : r.*f.member.ids)
        n += 4 * id.size() + 1;
      break;
    }
  }
  return n;
}

void check_record_limits(const Record &record, const std::optional<Location> &where) {
  if (record.type == RecordType::cue && record.text.size() > max_cue_bytes)
    throw Error(ErrorKind::data,
                "the cue is too long to record (" + std::to_string(record.text.size()) +
                    " bytes; at most " + std::to_string(max_cue_bytes) + "); nothing was written",
                "a cue is one short sentence", where);
  if (record.text.size() > max_note_bytes) {
    const std::string what = record.type == RecordType::skip ? "reason" : "note";
    throw Error(ErrorKind::data,
                "the " + what + " is too long to record (" + std::to_string(record.text.size()) +
                    " bytes; at most " + format_size(max_note_bytes) + "); nothing was written",
                "shorten it, or split it into several notes", where);
  }
  const std::size_t line =
      journal_line_bound(record) <= max_line_bytes ? 0 : format_record(record).size();
  if (line > max_line_bytes)
    throw Error(ErrorKind::data,
                "the record is too long to be a journal line (" + std::to_string(line) +
                    " bytes; at most " + format_size(max_line_bytes) + "); nothing was written",
                "shorten its text", where);
}

void check_journal_growth(std::uint64_t size, std::uint64_t added, const std::string &path) {
  if (added > max_journal_bytes || size > max_journal_bytes - added)
    throw Error(ErrorKind::data,
                "the journal \"" + path + "\" would grow past " + format_size(max_journal_bytes) +
                    ", the most attune reads; nothing was written",
                "export it to keep a copy ('attune export -o FILE'), then start a new journal "
                "with --data-dir");
}

} // namespace attune
