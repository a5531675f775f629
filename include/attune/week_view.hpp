#pragma once
/// What `attune week` shows: one programme week's theme, rationale and exercises.
#include <cstddef>
#include <map>
#include <string>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
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
/// With `cues` (exercise id -> the person's own cue), an exercise with one shows
///       Your cue: When I get home.
/// in place of the plan's.
std::string render_week_text(const Plan &plan, const Week &week, std::size_t width = 78,
                             const std::map<std::string, std::string> &cues = {});

/// The JSON of `attune week N --format json`, exact text (no printable()):
/// {"week":N,"theme":...,"rationale":...,"exercises":[{"id","title","what","why","cue",
/// "cue_source","schedule"}]}; cue_source is "plan" (the cue comes from the plan) or "mine"
/// (the person's own, from `cues`: exercise id -> text, see cue.hpp personal_cues), schedule
/// is describe_schedule()'s string.
std::string render_week_json(const Week &week, const std::map<std::string, std::string> &cues = {});

/// The week's rationale as `today` shows it on the first day it is seen: its paragraphs,
/// printable(), wrapped at `width` columns (0 = no wrap), ending with a newline; "" when the
/// plan gives none.
std::string render_week_rationale(const Week &week, std::size_t width);

/// The week `attune week [N]` shows. `typed` given: week N, 1 to the plan's weeks (digits
/// only, at most 4), else Error(usage) "there is no week N in this plan" with the range. Not
/// given: the running programme's current week on `today`, week 1 before it begins; no
/// programme (`run` nullptr), or one ended or complete, is Error(usage) (name a week).
/// Start Mon 2026-11-02: today 11-10 -> week 2; today 11-01 -> week 1; "7" of 6 -> error.
const Week &week_to_show(const std::string &typed, const Plan &plan, const Run *run, Day today);

/// Which plan `attune week` shows: --plan when given; else the running programme's own copy
/// (the plan it started with); else, with nothing running, the plan `start` would use.
enum class WeekPlan { option, running_copy, chosen };
///   (run, --plan) -> option; (run, no --plan) -> running_copy; (none, either) -> option/chosen
WeekPlan week_plan(const Run *run, bool plan_option_given);

/// The person's own cues `attune week` shows: the running programme's (personal_cues) when
/// its own plan is shown (WeekPlan::running_copy); none for any other plan, shown as written.
std::map<std::string, std::string> week_cues(const Run *run, WeekPlan shown);

} // namespace attune
