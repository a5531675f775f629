#pragma once
/// Which programme a single-run command (log, report, streak) looks at, and the one wording
/// for a number that names none.
#include <optional>
#include <vector>

#include "attune/journal.hpp"

namespace attune {

/// The programme `--run N` names, else the running one, else the newest (an ended one).
/// Works on a whole History and on one from parse_journal_run (its `newest_run` says how
/// many there are). Throws Error(no_data) when nothing was started, Error(usage) for a
/// number that names no programme, in the words users see ("programme", never "run"):
///   runs {1}, --run 9     -> "there is no programme 9" / "there is only programme 1"
///   runs {1,2,3}, --run 9 -> "there is no programme 9" / "programmes are numbered 1 to 3"
///   runs {1,2}, no --run, 2 ended -> programme 2
const Run &select_run(const History &history, std::optional<unsigned> number);

/// Every programme of a whole History (`report --run all`); Error(no_data) "no programme has
/// been started yet" (hint: 'attune start') when there is none.
const std::vector<Run> &started_runs(const History &history);

/// Refuses a `--week` outside a plan of `weeks` weeks with Error(usage):
///   (7, 6) -> "week \"7\" is not in the programme" / "choose a week from 1 to 6"; (0, 6) too.
void check_week_in_programme(unsigned week, unsigned weeks);

} // namespace attune
