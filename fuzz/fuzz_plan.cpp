// libFuzzer harness: plan loading and validation (size, UTF-8 and depth guards, toml++,
// every semantic rule). load_plan promises never to throw and never to crash on any text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "attune/plan_loader.hpp"
#include "attune/progress.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const attune::PlanLoadResult result = attune::load_plan(text, "fuzz.toml");
  // A plan is returned exactly when nothing was wrong with it.
  if (result.plan.has_value() != result.diagnostics.empty())
    std::abort();
  for (const auto &d : result.diagnostics)
    (void)attune::format_diagnostic(d);
  if (result.plan) {
    // A valid plan must be usable: walk every week and an empty run through progress.
    const attune::Plan &plan = *result.plan;
    (void)plan.exercise_ids();
    for (unsigned w = 0; w <= plan.weeks + 1; ++w)
      (void)plan.week(w);
    attune::Run run;
    run.number = 1;
    run.start = attune::Day{date::days{20000}};
    (void)attune::compute_progress(plan, run, run.start + date::days{10});
  }
  return 0;
}
