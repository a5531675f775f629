// The streaming import's reader (import_stream.hpp).
#include "attune/import_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "journal_detail.hpp"

namespace attune {
namespace {

/// The file's record ids, asked once per journal line. A bit per slot of a table sixteen
/// times their number (in the cache) answers "not in the file" for almost every line
/// without a look-up; the sorted ids decide the rest.
class FileIds {
public:
  explicit FileIds(const ImportData &data) {
    ids_.reserve(data.records.size());
    for (const ImportedRecord &ir : data.records)
      if (const auto id = detail::parse_record_id(ir.record.id)) // checked by read_exchange
        ids_.push_back(*id);
    std::sort(ids_.begin(), ids_.end());
    while ((std::size_t{1} << bits_) < ids_.size() * 16 && bits_ < 32)
      ++bits_;
    filter_.assign((std::size_t{1} << bits_) / 64, 0);
    for (const std::uint64_t id : ids_)
      filter_[slot(id) / 64] |= std::uint64_t{1} << (slot(id) % 64);
  }

  bool contains(std::uint64_t id) const noexcept {
    const std::uint64_t s = slot(id);
    return (filter_[s / 64] >> (s % 64) & 1U) != 0 &&
           std::binary_search(ids_.begin(), ids_.end(), id);
  }

private:
  /// The top bits of a multiplicative hash (ids are random, but need not be).
  std::uint64_t slot(std::uint64_t id) const noexcept {
    return (id * 0x9E3779B97F4A7C15ULL) >> (64 - bits_);
  }

  std::vector<std::uint64_t> ids_;
  std::vector<std::uint64_t> filter_;
  unsigned bits_ = 12;
};

} // namespace

ImportScan scan_journal_for_import(const JournalSource &source, std::size_t size_hint) {
  ImportScan scan;
  scan.prescan = prescan_for_export(source, size_hint, true);
  // Which runs a start claims decides which records decide (decides_programmes). The good
  // start lines are known before the pass; the ones that count, only after it.
  std::set<unsigned> claimed;
  for (const Record &r : scan.prescan.starts)
    claimed.insert(r.run);
  for (;;) {
    scan.base = ImportBase{};
    // Only forgotten records and deciding ones are parsed in full; every other line has the
    // light check. A run's lines mostly follow each other: its claim is looked up once.
    unsigned last_run = 0;
    bool last_claimed = claimed.count(0) != 0;
    const auto wanted = [&](const LineGlance &line) {
      if (line.run != last_run) {
        last_run = line.run;
        last_claimed = claimed.count(line.run) != 0;
      }
      return line.type == RecordType::forgotten || decides_programmes(line.type, last_claimed);
    };
    const auto each = [&](const Record &r) {
      if (r.type == RecordType::forgotten)
        scan.base.erased.insert(r.refs.begin(), r.refs.end());
      if (decides_programmes(r, claimed))
        scan.base.deciding.push_back(r);
    };
    scan.journal = export_records(source, scan.prescan, false, each, wanted);
    std::set<unsigned> counted;
    for (const Record &r : scan.journal.records) // the start records that count
      counted.insert(r.run);
    if (counted == claimed)
      return scan;
    claimed = std::move(counted); // the second time they agree: the file is the same
  }
}

ImportBase name_for_import(const JournalSource &source, const ImportScan &scan,
                           const ImportData &data) {
  ImportBase base = scan.base;
  const FileIds in_file(data);
  const std::vector<std::uint64_t> &here = scan.prescan.ids; // sorted
  const bool any =
      std::any_of(here.begin(), here.end(), [&](std::uint64_t id) { return in_file.contains(id); });
  if (!any)
    return base; // the usual import of new records: no pass
  // The records of those ids as parse_journal gives them (the first of a repeated id, none
  // from a bad line): the pass again, parsing only them.
  const auto wanted = [&](const LineGlance &line) { return in_file.contains(line.id); };
  const auto each = [&](const Record &r) {
    if (in_file.contains(*detail::parse_record_id(r.id)))
      base.named.emplace(r.id, r);
  };
  export_records(source, scan.prescan, false, each, wanted);
  return base;
}

Journal scan_for_import(const JournalSource &source, std::size_t size_hint, const ImportData &data,
                        ImportBase &base) {
  ImportScan scan = scan_journal_for_import(source, size_hint);
  base = name_for_import(source, scan, data);
  return std::move(scan.journal);
}

} // namespace attune
