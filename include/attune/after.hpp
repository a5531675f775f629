#pragma once
/// After the programme: the review, the kept (maintenance) practice and the follow-up
/// self-checks. Pure functions of (Plan, Run, day), like progress.hpp: no I/O, no clock.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"
#include "attune/quota.hpp"

namespace attune {

// ---- The end ---------------------------------------------------------------------------------

/// The programme's last day: the day of its `end` record when it was ended early (and before
/// the plan's last day), else the plan's last day by position(plan, run, day), so pauses move
/// it. Start Mon 2026-11-02, 6 weeks: 2026-12-13; ended on 2026-11-20: 2026-11-20.
Day programme_end(const Plan &plan, const Run &run) noexcept;

/// The newest run when no programme is active because it was ended (`attune end`): today,
/// remind and checkin then show what comes after it. nullptr otherwise.
const Run *ended_run(const History &history);

/// The run check-ins, completion, today and remind go to: the active one, else ended_run;
/// nullptr when there is neither. Active run 1 -> run 1; run 1 ended on 11-10 -> run 1;
/// nothing started -> nullptr.
const Run *active_or_ended_run(const History &history);

/// True once `day` is after the programme's end (or the run was ended with `attune end`
/// on or before `day`). Start Mon 11-02, 6 weeks: Sun 12-13 -> false, Mon 12-14 -> true.
bool programme_over(const Plan &plan, const Run &run, Day day) noexcept;

// ---- Review ----------------------------------------------------------------------------------

enum class ReviewQuestion { helped, signs, keep };

/// "helped", "signs", "keep" (the journal's question=).
std::string_view to_string(ReviewQuestion q) noexcept;
std::optional<ReviewQuestion> parse_review_question(std::string_view text) noexcept;
/// The three, in the order they are asked.
inline constexpr std::array<ReviewQuestion, 3> review_questions = {
    ReviewQuestion::helped, ReviewQuestion::signs, ReviewQuestion::keep};
/// The question as asked: "What helped you most?"
std::string_view review_prompt(ReviewQuestion q) noexcept;
/// A short label for reports: "What helped most".
std::string_view review_label(ReviewQuestion q) noexcept;

/// The review as recorded: the latest answer to each question (recorded instant, then id).
struct ReviewAnswer {
  ReviewQuestion question = ReviewQuestion::helped;
  Day day{};
  std::string text; ///< empty once `attune forget` erased it
};
struct Review {
  std::vector<ReviewAnswer> answers; ///< in question order; only the questions answered
  bool empty() const noexcept { return answers.empty(); }
};
Review review_of(const Run &run);

/// Review answers by question (index: ReviewQuestion); "" when not given.
using ReviewTexts = std::array<std::string, 3>;

/// Reads an answers file (`attune review --answers-file`, attune(1) REVIEW ANSWERS FILE):
/// UTF-8 lines "helped: TEXT", "signs: TEXT", "keep: TEXT", each key at most once; a line
/// that starts with a space or tab continues the answer above it (joined with a newline);
/// blank lines and lines starting with "#" are skipped. Throws Error(invalid) with
/// file:line:col for an unknown key, a repeated key, text before any key or invalid UTF-8.
///   "# mine\nhelped: naming it\n  out loud\nkeep: Sundays\n"
///     -> {"naming it\nout loud", "", "Sundays"}
ReviewTexts parse_review_answers(std::string_view text, const std::string &file);

/// Whether `today` offers `attune review`: on the programme's last day and any day after the
/// end, while no review is recorded. Start Mon 11-02, 6 weeks: Sat 12-12 -> false, Sun 12-13
/// (last day) -> true, Mon 12-14 -> true; once a review is recorded -> false.
bool review_offered(const Plan &plan, const Run &run, Day day);

/// Whether `attune review` may record answers on `day`: from the last day on (as offered), or
/// after an early end. Before that the answers would come too soon.
bool review_open(const Plan &plan, const Run &run, Day day) noexcept;

// ---- Keep going (maintenance) ----------------------------------------------------------------

/// The most exercises one `attune keep` takes.
inline constexpr std::size_t max_kept_exercises = 3;
/// Times a week when `--times-per-week` is not given.
inline constexpr unsigned default_keep_times = 3;

/// The kept practice: the exercises of the latest `keep` command (its records share a command
/// id), unless a `keep_stop` was recorded after it (recorded instant, then id).
struct Maintenance {
  bool exists = false;                ///< a keep command was recorded
  bool active = false;                ///< ... and no keep_stop after it
  Day since{};                        ///< the keep day: maintenance week 1 begins here
  std::optional<Day> stopped;         ///< the keep_stop's day, when stopped
  unsigned times_per_week = 0;        ///< N (the same for every exercise of one command)
  std::vector<std::string> exercises; ///< ids, in the order given
};
Maintenance maintenance_of(const Run &run);

/// A maintenance week: calendar-free, 7 days counted from the keep day, like programme weeks.
/// Keep on Wed 2026-12-16: week 1 is Wed 12-16 .. Tue 12-22, week 2 from Wed 12-23.
struct MaintenanceWeek {
  unsigned number = 0; ///< 1-based; 0 for a day before the keep day
  Day from{};
  Day to{};
};
MaintenanceWeek maintenance_week(Day since, Day day) noexcept;

/// One kept exercise as it stands on a day: its maintenance week counted by count_quota.
struct MaintenanceItem {
  std::string exercise;
  const Exercise *plan_exercise = nullptr;   ///< its first appearance in the plan, if any
  ExerciseState state = ExerciseState::open; ///< on the day
  QuotaCount quota;
  unsigned days_left = 0; ///< days of the maintenance week after the day
};

/// The kept exercises on `day` (which must be on or after the keep day): done and skipped days
/// of that maintenance week up to the day, counted by count_quota(N, done, skipped, available)
/// where available is the days after the day plus the day itself while nothing is recorded.
/// 3 a week, keep Wed 12-16: done Wed and Fri; as of Sat 12-19 (open): done 2, to go 1, 4
/// days available (Sat..Tue), nothing missed; as of Tue 12-22 with nothing more: Tue itself is
/// still open, nothing missed.
/// `day_over`: the day is past (a finished week counted as of its last day), so it is no
/// longer available: Tue 12-22 as the end of week 1 with nothing more -> missed 1.
std::vector<MaintenanceItem> maintenance_day(const Plan &plan, const Maintenance &m, const Run &run,
                                             Day day, bool day_over = false);

/// Whether the kept practice applies on `day`: kept (not stopped) and `day` on or after the
/// keep day. Kept since Wed 12-16: Tue 12-15 -> false, Wed 12-16 -> true; once stopped -> false.
bool kept_on(const Maintenance &m, Day day) noexcept;

/// The kept items on `day`: maintenance_day when kept_on, else none. They point into `plan`.
/// Keep breathe 3 a week on Wed 12-16: on 12-15 -> {}, on 12-19 -> {breathe}.
std::vector<MaintenanceItem> kept_items_on(const Plan &plan, const Maintenance &m, const Run &run,
                                           Day day);

/// A kept item's week in words (count_quota): "1 of 3 this week, 6 days left", "2 of 2 this
/// week, plus 1 extra" once met with more, "3 of 3 this week" once met.
std::string kept_progress(const MaintenanceItem &item);

/// Whether the kept practice takes a check-in on `day` after the end (`recording`: something
/// is named or asked): refused with Error(invalid) when nothing is kept ("the programme ended
/// on LAST, and no exercise is kept after it") or `day` is before the keep day ("your kept
/// practice began on 12-16, after 12-15"). Nothing recorded (`recording` false): no refusal.
void refuse_kept_checkin(const Plan &plan, const Run &run, Day day, bool recording);

/// One finished or current maintenance week, for reports and the streak.
struct MaintenanceWeekStats {
  MaintenanceWeek week;
  bool current = false;               ///< holds the day counted to (not over yet)
  std::vector<MaintenanceItem> items; ///< as of the week's last day (or the day counted to)
  /// Every kept exercise met its N, or the week is current and nothing is missed yet.
  bool kept = false;
};

/// Every maintenance week from the keep day through `today` (or the stop day).
std::vector<MaintenanceWeekStats> maintenance_weeks(const Plan &plan, const Maintenance &m,
                                                    const Run &run, Day today);

/// Streak of kept maintenance weeks, in weeks: a week is kept when every kept exercise met its
/// N (a skip excuses an occurrence that could no longer fit, as count_quota says); the current
/// week counts once met, and while not met it neither extends nor breaks the streak.
/// Weeks kept, kept, missed, kept, current (met) -> current 2, longest 2;
/// kept, kept, current (not met yet) -> current 2.
Streak maintenance_streak(const std::vector<MaintenanceWeekStats> &weeks) noexcept;

// ---- Follow-up self-checks -------------------------------------------------------------------

/// The follow-ups: 4 and 12 weeks after the end.
inline constexpr std::array<unsigned, 2> followup_weeks = {4, 12};

/// The day a follow-up falls due: the programme's last day + 7 * weeks.
/// Last day Sun 2026-12-13: 4 weeks -> Sun 2027-01-10, 12 weeks -> Sun 2027-03-07.
Day followup_due_day(const Plan &plan, const Run &run, unsigned weeks) noexcept;

/// The follow-up due on `day`, or nullopt: the latest one whose due day has come and that has
/// no self-check recorded for it. The 4-week one stays due until it is taken or the 12-week
/// one falls due (then only that one is asked for). Last day Sun 12-13: Sat 2027-01-09 -> none;
/// Sun 01-10 -> 4; after a follow-up 4 is taken -> none until Sun 03-07 -> 12; no follow-up
/// taken by 03-07 -> 12.
std::optional<unsigned> followup_due(const Plan &plan, const Run &run, Day day);

/// One follow-up self-check as recorded (the last one for each follow-up wins), scored.
struct FollowupPoint {
  unsigned weeks = 0; ///< 4 or 12
  Day due{};
  SelfCheckScore score; ///< its week is the plan's last week (where the trend leaves off)
};
std::vector<FollowupPoint> followup_points(const Plan &plan, const Run &run);

/// Everything a report shows after the end, computed once.
struct AfterView {
  bool over = false; ///< the programme is over as of today
  Day end{};         ///< programme_end
  Review review;
  Maintenance maintenance;
  std::vector<MaintenanceWeekStats> maintenance_weeks;
  Streak maintenance_streak;
  std::vector<FollowupPoint> followups;
  std::optional<unsigned> followup_due;
};
AfterView after_view(const Plan &plan, const Run &run, Day today);

} // namespace attune
