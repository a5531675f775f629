// Start-up baseline for bench/run.sh: the same libraries as attune, doing nothing.
#include <iostream>

#include <toml++/toml.h>

#include "attune/calendar.hpp"

int main(int argc, char **argv) {
  // Referenced so the linker keeps the same shared libraries as attune (toml++,
  // libstdc++): --as-needed drops a library nothing calls, and loading each one costs time.
  if (argc > 5) {
    std::cout << attune::format_day(attune::Day{}) << '\n';
    std::cout << toml::parse(argv[1]) << '\n';
  }
  std::cout << "hello\n";
  return 0;
}
