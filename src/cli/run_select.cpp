#include "run_select.hpp"

#include <string>

#include "attune/error.hpp"

namespace attune::cli {

const Run &select_run(const History &history, std::optional<unsigned> number) {
  if (history.runs.empty() && history.newest_run == 0)
    throw Error(ErrorKind::no_data, "no programme has been started yet",
                "begin with 'attune start'");
  if (number) {
    if (const Run *run = history.find(*number))
      return *run;
    throw Error(ErrorKind::usage, "there is no run \"" + std::to_string(*number) + "\"",
                history.newest_run == 1
                    ? std::string("there is only run 1")
                    : "runs are numbered 1 to " + std::to_string(history.newest_run));
  }
  if (const Run *run = history.active())
    return *run;
  return history.runs.back();
}

} // namespace attune::cli
