#pragma once
/// Rules of a check-in that the front end must not decide: what a skip may name.
#include <optional>
#include <string>

#include "attune/calendar.hpp"
#include "attune/plan.hpp"

namespace attune {

/// Why recording a skip is refused, in attune's words, with a hint.
struct SkipRefusal {
  std::string message;
  std::string hint;
};

/// A skip says "it was planned and I did not do it". So a skip of an exercise planned on
/// certain weekdays is refused on any other day (a rest day needs no skip, and the planned
/// day would stay missed). A daily exercise is planned every day, and a skip of an N-times-a-
/// week exercise counts against its weekly quota whatever the day: both are always accepted.
/// Worked example: "body-check" on Monday, Wednesday and Friday, skipped on Tuesday 2026-11-03
/// -> refused: "body-check is planned on Monday, Wednesday and Friday, not on Tuesday
/// 2026-11-03", hint "a day it is not planned needs no skip; to skip Monday, add --date
/// monday" (the planned day just before). Skipped on Wednesday -> nullopt.
std::optional<SkipRefusal> refuse_skip(const Exercise &exercise, Day day);

} // namespace attune
