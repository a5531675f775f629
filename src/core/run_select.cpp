#include "attune/run_select.hpp"

#include <string>

#include "attune/error.hpp"

namespace attune {

const Run &select_run(const History &history, std::optional<unsigned> number) {
  if (history.runs.empty() && history.newest_run == 0)
    throw Error(ErrorKind::no_data, "no programme has been started yet",
                "begin with 'attune start'");
  if (number) {
    if (const Run *run = history.find(*number))
      return *run;
    // newest_run is the highest number in the whole file, also after a one-run read.
    unsigned newest = history.newest_run;
    for (const Run &run : history.runs)
      newest = std::max(newest, run.number);
    throw Error(ErrorKind::usage, "there is no programme " + std::to_string(*number),
                newest == 1 ? std::string("there is only programme 1")
                            : "programmes are numbered 1 to " + std::to_string(newest));
  }
  if (const Run *run = history.active())
    return *run;
  if (history.runs.empty()) // a one-run read that found nothing to keep
    throw Error(ErrorKind::no_data, "no programme has been started yet",
                "begin with 'attune start'");
  return history.runs.back();
}

const std::vector<Run> &started_runs(const History &history) {
  if (history.runs.empty())
    throw Error(ErrorKind::no_data, "no programme has been started yet",
                "begin with 'attune start'");
  return history.runs;
}

void check_week_in_programme(unsigned week, unsigned weeks) {
  if (week < 1 || week > weeks)
    throw Error(ErrorKind::usage, "week \"" + std::to_string(week) + "\" is not in the programme",
                "choose a week from 1 to " + std::to_string(weeks));
}

} // namespace attune
