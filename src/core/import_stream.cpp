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

Journal scan_for_import(const JournalSource &source, std::size_t size_hint, const ImportData &data,
                        ImportBase &base) {
  const ExportPrescan prescan = prescan_for_export(source, size_hint);
  const FileIds in_file(data);
  // Which runs a start claims decides which records decide (decides_programmes). The good
  // start lines are known before the pass; the ones that count, only after it.
  std::set<unsigned> claimed;
  for (const Record &r : prescan.starts)
    claimed.insert(r.run);
  for (;;) {
    base = ImportBase{};
    // Only the lines named by the file, forgotten records and deciding ones are parsed in
    // full; every other line is checked as parse_journal checks it, without allocating.
    // A run's lines mostly follow each other: its claim is looked up once for them.
    unsigned last_run = 0;
    bool last_claimed = claimed.count(0) != 0;
    const auto wanted = [&](const LineGlance &line) {
      if (line.run != last_run) {
        last_run = line.run;
        last_claimed = claimed.count(line.run) != 0;
      }
      return in_file.contains(line.id) || line.type == RecordType::forgotten ||
             decides_programmes(line.type, last_claimed);
    };
    const auto each = [&](const Record &r) {
      if (in_file.contains(*detail::parse_record_id(r.id)))
        base.named.emplace(r.id, r);
      if (r.type == RecordType::forgotten)
        base.erased.insert(r.refs.begin(), r.refs.end());
      if (decides_programmes(r, claimed))
        base.deciding.push_back(r);
    };
    Journal journal = export_records(source, prescan, false, each, wanted);
    std::set<unsigned> counted;
    for (const Record &r : journal.records) // the start records that count
      counted.insert(r.run);
    if (counted == claimed)
      return journal;
    claimed = std::move(counted); // the second time they agree: the file is the same
  }
}

} // namespace attune
