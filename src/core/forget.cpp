// attune forget: choosing the texts, erasing them from the journal's text, the bookkeeping.
#include "attune/forget.hpp"

#include <algorithm>
#include <functional>

#include "attune/error.hpp"
#include "journal_detail.hpp"

namespace attune {
namespace {

/// Notes, skip reasons, review answers, the reason a programme was ended or paused, and cues:
/// the person's own words. An erased cue reads as cleared (the plan's cue again).
bool personal(RecordType type) {
  return type == RecordType::note || type == RecordType::skip || type == RecordType::review ||
         type == RecordType::end || type == RecordType::cue || type == RecordType::pause;
}

bool holds_text(const Record &r) {
  return personal(r.type) && !r.text.empty();
}

} // namespace

std::vector<std::string> texts_to_forget(const Journal &journal, const ForgetTarget &target) {
  std::vector<std::string> ids;
  if (target.by == ForgetTarget::By::record) {
    for (const Record &r : journal.records) {
      if (r.id != target.record_id)
        continue;
      if (!holds_text(r))
        throw Error(ErrorKind::no_data,
                    "record \"" + r.id + "\" holds no " + forget_kinds + " to forget" +
                        (personal(r.type)
                             ? " (its text is already erased)"
                             : " (it is a " + std::string(to_string(r.type)) + " record)"),
                    "'attune log --format json' shows each record's id");
      return {r.id};
    }
    throw Error(ErrorKind::invalid, "no record \"" + target.record_id + "\" in the journal",
                "'attune log --format json' shows each record's id");
  }
  for (const Record &r : journal.records)
    if (holds_text(r) && (target.by == ForgetTarget::By::all_notes || r.day == target.day))
      ids.push_back(r.id);
  return ids;
}

ErasedJournal erase_texts(std::string_view journal_text, const std::set<std::string> &ids,
                          const std::vector<Record> &appended) {
  ErasedJournal out;
  out.text.reserve(journal_text.size() + 256);
  std::size_t start = 0;
  while (start < journal_text.size()) {
    const std::size_t lf = journal_text.find('\n', start);
    const bool torn = lf == std::string_view::npos;
    const std::size_t end = torn ? journal_text.size() : lf + 1;
    const std::string_view raw = journal_text.substr(start, end - start);
    start = end;
    std::string_view line = raw.substr(0, torn ? raw.size() : raw.size() - 1);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    const bool named =
        line.size() > 16 && line[16] == '\t' && ids.count(std::string(line.substr(0, 16))) != 0;
    if (!named) {
      out.text += raw;
      continue;
    }
    Record record;
    if (torn || detail::parse_record_line(line, record)) {
      ++out.unreadable_with_id; // never rewritten: attune does not guess at damaged lines
      out.text += raw;
      continue;
    }
    record.text.clear();
    out.text += format_record(record);
    ++out.erased_lines;
  }
  if (!appended.empty() && !out.text.empty() && out.text.back() != '\n')
    out.text += '\n';
  if (!appended.empty() && out.text.empty())
    out.text += journal_header();
  for (const Record &r : appended)
    out.text += format_record(r);
  return out;
}

std::vector<Record> forgotten_records(const std::vector<std::string> &ids, Day day,
                                      const RecordStamp &stamp) {
  std::vector<Record> records;
  for (std::size_t from = 0; from < ids.size(); from += max_refs_per_record) {
    Record r;
    r.id = stamp.new_id();
    r.type = RecordType::forgotten;
    r.day = day;
    r.recorded = stamp.now;
    r.zone = stamp.zone;
    const std::size_t to = std::min(ids.size(), from + max_refs_per_record);
    r.refs.assign(ids.begin() + static_cast<std::ptrdiff_t>(from),
                  ids.begin() + static_cast<std::ptrdiff_t>(to));
    records.push_back(std::move(r));
  }
  return records;
}

std::vector<Record> without_notes(const std::vector<Record> &records) {
  std::vector<Record> kept;
  kept.reserve(records.size());
  for (const Record &r : records) {
    Record copy = r;
    if (keep_without_notes(copy))
      kept.push_back(std::move(copy));
  }
  return kept;
}

Run run_without_notes(Run run) {
  run.records = without_notes(run.records);
  run.pauses = pauses_of(run.records);
  return run;
}

bool keep_without_notes(Record &record) {
  if (record.type == RecordType::note || record.type == RecordType::forgotten ||
      record.type == RecordType::review)
    return false;
  record.text.clear();
  return true;
}

} // namespace attune
