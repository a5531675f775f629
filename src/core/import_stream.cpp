// The streaming import's reader (import_stream.hpp).
#include "attune/import_stream.hpp"

#include <set>
#include <string_view>
#include <unordered_set>

namespace attune {

Journal scan_for_import(const JournalSource &source, std::size_t size_hint, const ImportData &data,
                        ImportBase &base) {
  const ExportPrescan prescan = prescan_for_export(source, size_hint);
  std::unordered_set<std::string_view> in_file;
  in_file.reserve(data.records.size());
  for (const ImportedRecord &ir : data.records)
    in_file.insert(ir.record.id);
  // Which runs a start claims decides which records decide (decides_programmes). The good
  // start lines are known before the pass; the ones that count, only after it.
  std::set<unsigned> claimed;
  for (const Record &r : prescan.starts)
    claimed.insert(r.run);
  for (;;) {
    base = ImportBase{};
    Journal journal = export_records(source, prescan, false, [&](const Record &r) {
      if (in_file.count(r.id) != 0)
        base.named.emplace(r.id, r);
      if (r.type == RecordType::forgotten)
        base.erased.insert(r.refs.begin(), r.refs.end());
      if (decides_programmes(r, claimed))
        base.deciding.push_back(r);
    });
    std::set<unsigned> counted;
    for (const Record &r : journal.records) // the start records that count
      counted.insert(r.run);
    if (counted == claimed)
      return journal;
    claimed = std::move(counted); // the second time they agree: the file is the same
  }
}

} // namespace attune
