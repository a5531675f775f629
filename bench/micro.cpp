// In-process microbenchmarks (Google Benchmark): journal parsing and progress computation,
// reported per record. Build with -DATTUNE_BENCH=ON; run build/attune_micro_bench.
// Journals come from bench/gen_journal.py (path in ATTUNE_BENCH_GEN, set by CMake).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "attune/embedded_plan.hpp"
#include "attune/journal.hpp"
#include "attune/plan_loader.hpp"
#include "attune/progress.hpp"

namespace {

/// Generated journal text with `records` records, cached per size.
const std::string &journal_text(long records) {
  static std::map<long, std::string> cache;
  auto it = cache.find(records);
  if (it != cache.end())
    return it->second;
  const std::string path = "/tmp/attune-micro-" + std::to_string(records) + ".journal";
  const std::string cmd = std::string("python3 ") + ATTUNE_BENCH_GEN + " --no-check --plan " +
                          ATTUNE_SOURCE_DIR + "/plans/avoidant.toml --records " +
                          std::to_string(records) + " --out " + path + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0)
    std::abort();
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::remove(path.c_str());
  return cache.emplace(records, text.str()).first->second;
}

const attune::Plan &plan() {
  static const attune::Plan p =
      *attune::load_plan(attune::embedded_default_plan(), "avoidant.toml").plan;
  return p;
}

void parse_journal(benchmark::State &state) {
  const std::string &text = journal_text(state.range(0));
  for (auto _ : state) {
    attune::Journal j = attune::parse_journal(text);
    benchmark::DoNotOptimize(j.records.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(text.size()));
}
BENCHMARK(parse_journal)->Arg(20000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// The selective reader (what today, checkin and report use): newest run kept, per record
/// of the whole journal, the text handed over in 256 KiB pieces as the store does.
void parse_journal_run(benchmark::State &state) {
  const std::string &text = journal_text(state.range(0));
  const attune::JournalSource source = [&text](std::uint64_t from,
                                               const std::function<bool(std::string_view)> &sink) {
    for (auto at = static_cast<std::size_t>(from); at < text.size(); at += 1U << 18)
      if (!sink(std::string_view(text).substr(at, 1U << 18)))
        return;
  };
  for (auto _ : state) {
    attune::Journal j = attune::parse_journal_run(source, std::nullopt, text.size());
    benchmark::DoNotOptimize(j.records.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(text.size()));
}
BENCHMARK(parse_journal_run)->Arg(20000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void build_history(benchmark::State &state) {
  const attune::Journal j = attune::parse_journal(journal_text(state.range(0)));
  for (auto _ : state) {
    attune::History h = attune::build_history(j);
    benchmark::DoNotOptimize(h.runs.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(build_history)->Arg(20000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// Progress of the last run (what `report` shows), per record of that run.
void compute_progress(benchmark::State &state) {
  const attune::Journal j = attune::parse_journal(journal_text(state.range(0)));
  const attune::History h = attune::build_history(j);
  const attune::Run &run = h.runs.back();
  const attune::Day today = run.start + date::days{50};
  for (auto _ : state) {
    attune::Progress p = attune::compute_progress(plan(), run, today);
    benchmark::DoNotOptimize(p.days.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(run.records.size()));
}
BENCHMARK(compute_progress)->Arg(20000)->Unit(benchmark::kMicrosecond);

/// One huge run (a journal of a single programme with many check-ins), per record.
void compute_progress_one_big_run(benchmark::State &state) {
  attune::Run run;
  run.number = 1;
  run.start = attune::Day{date::year{2026} / 1 / 5};
  const auto ids = plan().exercise_ids();
  for (long i = 0; i < state.range(0); ++i) {
    attune::Record r;
    r.type = attune::RecordType::done;
    r.run = 1;
    r.day = run.start + date::days{i % 42};
    r.exercise = ids[static_cast<std::size_t>(i) % ids.size()];
    run.records.push_back(r);
  }
  for (auto _ : state) {
    attune::Progress p = attune::compute_progress(plan(), run, run.start + date::days{60});
    benchmark::DoNotOptimize(p.days.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(compute_progress_one_big_run)->Arg(10000)->Arg(1000000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
