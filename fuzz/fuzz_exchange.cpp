// libFuzzer harness: `attune import` reading (JSON, CSV or a journal file). Anything read
// must export and read back to the same records, in both formats; anything refused must be
// refused with an Error that says where.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "attune/exchange.hpp"

namespace {

std::vector<attune::Record> records_of(const attune::ImportData &data) {
  std::vector<attune::Record> out;
  for (const auto &ir : data.records)
    out.push_back(ir.record);
  return out;
}

void same_or_abort(const std::vector<attune::Record> &a, const std::vector<attune::Record> &b) {
  if (a.size() != b.size())
    std::abort();
  for (std::size_t i = 0; i < a.size(); ++i)
    if (attune::format_record(a[i]) != attune::format_record(b[i]))
      std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  attune::ImportData got;
  try {
    got = attune::read_exchange(text, "fuzz");
  } catch (const attune::Error &e) {
    if (!e.where())
      std::abort(); // every refusal names the file at least
    return 0;
  }
  const auto records = records_of(got);
  const std::string json = attune::export_json(records, got.plans);
  const std::string csv = attune::export_csv(records);
  try {
    const attune::ImportData from_json = attune::read_exchange(json, "json");
    same_or_abort(records, records_of(from_json));
    if (attune::export_json(records_of(from_json), from_json.plans) != json)
      std::abort();
    const attune::ImportData from_csv = attune::read_exchange(csv, "csv");
    same_or_abort(records, records_of(from_csv));
  } catch (const attune::Error &) {
    std::abort(); // what we wrote must read back
  }
  return 0;
}
