#pragma once
/// Which run a report-like command looks at.
#include <optional>

#include "attune/journal.hpp"

namespace attune::cli {

/// The run asked for with --run N, else the active run, else the most recent one.
/// Throws Error(no_data) when nothing was started, Error(usage) for an unknown number.
const Run &select_run(const History &history, std::optional<unsigned> number);

} // namespace attune::cli
