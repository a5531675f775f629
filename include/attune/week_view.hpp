#pragma once
/// What `attune week` shows: one programme week's theme, rationale and exercises.
#include <cstddef>
#include <string>

#include "attune/plan.hpp"

namespace attune {

/// A schedule in a few words: "daily", "once a week", "3 times a week",
/// "on Monday, Thursday" (Monday first).
std::string describe_schedule(const Schedule &s);

/// The text of `attune week N`, ending with a newline. Every piece of plan text goes through
/// printable(); paragraphs keep their own line breaks and are wrapped at `width` columns
/// (0 = no wrap). Worked example: week 2 "Noticing" of a 6-week plan with one exercise gives
///   Week 2 of 6: Noticing
///   <rationale, wrapped>
///
///   - Name it (name-it), daily
///       What: Say the feeling.
///       Why:  Naming calms.
///       Cue:  After dinner.          (left out when the plan sets no cue)
std::string render_week_text(const Plan &plan, const Week &week, std::size_t width = 78);

/// The JSON of `attune week N --format json`, exact text (no printable()):
/// {"week":N,"theme":...,"rationale":...,"exercises":[{"id","title","what","why","cue",
/// "cue_source","schedule"}]}; cue_source is "plan" (the cue comes from the plan), schedule
/// is describe_schedule()'s string.
std::string render_week_json(const Week &week);

} // namespace attune
