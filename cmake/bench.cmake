# In-process microbenchmarks (bench/micro.cpp, Google Benchmark), only with -DATTUNE_BENCH=ON.
# The whole-process benchmark is bench/run.sh (hyperfine).
option(ATTUNE_BENCH "Build the microbenchmarks (needs libbenchmark-dev)" OFF)
if(NOT ATTUNE_BENCH)
  return()
endif()
find_package(benchmark REQUIRED)
add_executable(attune_micro_bench ${CMAKE_CURRENT_SOURCE_DIR}/bench/micro.cpp)
target_link_libraries(attune_micro_bench PRIVATE attune_core benchmark::benchmark attune_warnings)
target_compile_definitions(attune_micro_bench PRIVATE
  ATTUNE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  ATTUNE_BENCH_GEN="${PROJECT_SOURCE_DIR}/bench/gen_journal.py")

# The start-up baseline for bench/run.sh: a hello world linked against the same libraries.
add_executable(attune_hello ${CMAKE_CURRENT_SOURCE_DIR}/bench/hello.cpp)
target_link_libraries(attune_hello PRIVATE attune_core CLI11::CLI11 tomlplusplus::tomlplusplus)
