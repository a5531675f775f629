// libFuzzer harness: journal reading (parse_journal + build_history), then the progress of
// every run against the built-in plan, as `attune report` would compute it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "attune/embedded_plan.hpp"
#include "attune/journal.hpp"
#include "attune/plan_loader.hpp"
#include "attune/progress.hpp"

namespace {
const attune::Plan &default_plan() {
  static const std::optional<attune::Plan> plan =
      attune::load_plan(attune::embedded_default_plan(), "avoidant.toml").plan;
  if (!plan)
    std::abort();
  return *plan;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const attune::Journal journal = attune::parse_journal(text);
  // Every good record must survive a round trip through its own text form.
  for (const attune::Record &r : journal.records) {
    const std::string line = attune::format_record(r);
    const attune::Journal again = attune::parse_journal(attune::journal_header() + line);
    if (again.records.size() != 1 || !again.problems.empty() ||
        attune::format_record(again.records.front()) != line)
      std::abort();
  }
  const attune::History history = attune::build_history(journal);
  (void)history.active();
  (void)history.last_checkin();
  const attune::Plan &plan = default_plan();
  // A few runs are enough to reach every branch; all of them would make each input slow.
  const std::size_t runs = std::min<std::size_t>(history.runs.size(), 3);
  for (std::size_t i = 0; i < runs; ++i) {
    const attune::Run &run = history.runs[history.runs.size() - 1 - i];
    // Today before the run, inside it, long after it.
    for (int offset : {-3, 17, 400}) {
      const attune::Day today = run.start + date::days{offset};
      (void)attune::compute_progress(plan, run, today);
      (void)attune::day_view(plan, run, today);
    }
  }
  return 0;
}
