#pragma once
/// What `attune plan show`, `plan list` and `plan suggest` show: renderers returning strings,
/// and the reading of `plan suggest --answers`. Pure: the front end finds and loads the plans.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attune/plan.hpp"
#include "attune/plan_suggest.hpp"

namespace attune {

/// The plan's streak rule in words: 0 -> "every day with something due counts toward your
/// streak.", 1 -> "one missed day between kept days is forgiven; two in a row start a new
/// streak.", 2 -> "up to 2 missed days in a row are forgiven between kept days."
std::string grace_sentence(unsigned grace);

/// `plan show` as text, wrapped at `width` columns: paragraphs keep their line breaks,
/// labelled lines (What:, Why: ...) hang at column 11, list items under their text. Every
/// piece of plan text goes through printable(): a plan file is untrusted text. `origin`
/// ("built-in", a path, "the running programme") follows the id.
std::string render_plan_text(const Plan &plan, const std::string &origin, bool color,
                             std::size_t width);

/// `plan show --format json` (fields in attune(1)), the plan's exact text; ends without a
/// newline.
std::string render_plan_json(const Plan &plan, const std::string &origin);

/// One plan of `plan list`: "ID<pad>NAME  (ORIGIN[, default])\n", the id padded to
/// `id_width` + 2 columns, then "    AUDIENCE\n" when the plan says who it is for. `plan`
/// nullptr (it could not be loaded): the name is left empty.
std::string render_plan_list_entry(const std::string &id, const std::string &origin,
                                   const Plan *plan, std::size_t id_width);

/// One answer of the six: "1" .. "5" -> 1 .. 5; anything else (" 3", "6", "") -> nullopt.
std::optional<int> suggest_answer(const std::string &text);

/// Parses "--answers 4,2,5,1,4,2": one whole number from 1 to 5 per question, blanks around
/// each allowed. Throws Error(invalid) naming the first bad answer ("answer 2 \"x\" is not on
/// the scale 1 to 5"), or the count (suggest_plan's words).
std::vector<int> parse_suggest_answers(const std::string &text);

/// The suggestion, as shown: "Suggested plan: ID (NAME)\n", who it is for, the reason, and
/// that it is not a diagnosis. `plan` nullptr (it cannot be found or read): only the id.
std::string render_suggestion(const PlanSuggestion &suggestion, const Plan *plan);

} // namespace attune
