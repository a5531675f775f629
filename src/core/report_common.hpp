#pragma once
/// Wording and formatting shared by the report renderers (private to src/core).
#include <functional>
#include <string>
#include <vector>

#include "attune/after.hpp"
#include "attune/progress.hpp"

namespace attune::report_detail {

/// "Mon 2 Nov 2026".
std::string long_day(Day day);
/// "2 Nov".
std::string short_day(Day day);
/// 0.857 -> "86%".
std::string percent(double ratio);
/// 12.5 -> "+13 points", -3 -> "-3 points".
std::string points(double change);
/// "Week 3 · Day 17 of 42", "Starts Mon 2 Nov 2026", "Finished" ...
std::string position_line(const Progress &p);
/// "1 day" / "5 days".
std::string days_word(unsigned n);
/// The title of an exercise, or its id.
std::string title_of(const Exercise *e);
/// One kind sentence about the streak: the current streak only when it is at least 2 days,
/// the longest always. Current 1, longest 5 -> "Longest streak: 5 days."
std::string streak_sentence(const Progress &p);
/// True while the programme runs, yesterday was missed, the day before was not, and today is
/// not kept yet: the one moment "never miss twice" helps.
/// Mon kept, Tue missed, Wed (today, open) -> true; Mon and Tue missed -> false.
bool missed_only_yesterday(const Progress &p);
/// Numbers that never fall, to lead every report with: days with at least one practice, and
/// practices done (every exercise done on every day counted so far).
unsigned days_practised(const Progress &p);
unsigned practices_done(const Progress &p);
/// "Practised on 12 days, 15 practices done." / "1 day, 1 practice".
std::string practice_sentence(const Progress &p);
/// False for an exercise nobody could have done yet: untouched, and every week it belongs to
/// not begun. Such rows are left out of the reports instead of being listed as zeros.
bool worth_listing(const Progress &p, const ExerciseStats &e);
/// The rows of every report's exercises table: each exercise worth listing, in plan order,
/// handed to `situational` when it is done when it arises (shown as a count, never a ratio or
/// a strength: the situation may not arise) and to `scheduled` otherwise.
///   a (daily, done Mon), b (when it arises, done Tue), c (week 2 only, today in week 1)
///   -> scheduled(a), situational(b); no row for c.
void each_exercise_row(const Progress &p,
                       const std::function<void(const ExerciseStats &)> &situational,
                       const std::function<void(const ExerciseStats &)> &scheduled);

/// How a when-it-arises exercise went, as a count, never a ratio: "practised on 3 days when it
/// came up", "practised on 1 day when it came up", "not practised yet when it came up".
std::string practised_phrase(const Adherence &a);
/// "A personal trend, not a diagnosis."
extern const char *const trend_disclaimer;
/// One kind sentence about the self-check (baseline, latest, change), or "" when none.
std::string self_check_sentence(const Progress &p);
/// Sparkline of self-check percents by week 0..weeks ("·" for weeks not answered).
std::string sparkline(const Progress &p);
/// Sparkline of one dimension's item means over the plan's scale, weeks as sparkline().
std::string dimension_sparkline(const Progress &p, const DimensionTrend &t);
/// Sparkline of the distress answers, or "" when there are none.
std::string distress_sparkline(const Progress &p);
/// "Avoidance", "Anxiety", "Noticing" (awareness is shown as noticing).
const char *dimension_label(Dimension d);
/// An item mean with one decimal: 3.5 -> "3.5", 2.333 -> "2.3".
std::string scale_number(double mean);
/// "3.5 → 2.3, lower", "2.0 → 2.2, about the same", "3.0 (starting point)".
std::string dimension_summary(const DimensionTrend &t);
/// What the dimension lines mean, the half-point rule, and that distress is never scored.
std::string dimension_legend(const Progress &p);
/// "No baseline self-check was taken ..., so your first self-check (week 2) is your starting
/// point." or "" when the baseline is a week-0 self-check (or there is none).
std::string baseline_note(const Progress &p);
/// Said once, when early_dip() holds.
extern const char *const early_dip_note;
/// "avoidance lower, anxiety about the same, noticing higher" ("" without dimension changes).
std::string dimension_changes(const Progress &p);

/// "4 weeks after the end (Sun 10 Jan 2027): avoidance 2.5, anxiety 3.0, noticing 4.0" (or the
/// security percent in a plan without dimensions). The scores only, never a verdict.
std::string followup_sentence(const Progress &p, const FollowupPoint &f);

/// The review as label/answer pairs, in question order ("(erased)" for a forgotten answer).
std::vector<std::pair<std::string, std::string>> review_pairs(const AfterView &after);

/// The kept practice in sentences: since when, how often, which, the weeks kept, this week.
std::vector<std::string> maintenance_lines(const AfterView &after);

} // namespace attune::report_detail
