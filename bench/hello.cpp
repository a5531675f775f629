// Start-up baseline for bench/run.sh: the same libraries as attune, doing nothing.
#include <iostream>

#include "attune/calendar.hpp"

int main(int argc, char **) {
  // Referenced so the linker keeps the same dependencies as attune (date-tz, libstdc++).
  if (argc > 5)
    std::cout << attune::format_day(attune::Day{}) << '\n';
  std::cout << "hello\n";
  return 0;
}
