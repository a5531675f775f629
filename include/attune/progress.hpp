#pragma once
/// What is due and how it went: pure functions of (Plan, Run, today). No I/O, no clock.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune {

enum class Phase {
  not_started, ///< today is before the run's start day
  active,      ///< within days 1 .. weeks*7
  finished,    ///< past the last day, or ended early
  paused,      ///< a paused day (attune pause): nothing is planned, nothing is missed
};

/// Where a day falls in a run. Programme week N is days 7(N-1)+1 .. 7N from the start day,
/// not calendar weeks. Start Thu 2026-11-05: Thu 11-05 is week 1 day 1, Wed 11-11 week 1
/// day 7, Thu 11-12 week 2 day 8.
/// Paused days are not programme days: the weeks after a pause move later by its length.
/// Start Thu 2026-11-05, paused Mon 11-09 .. Wed 11-11: Sun 11-08 is day 4, Thu 11-12 day 5,
/// week 2 begins Sun 11-15 (not Thu 11-12), and the last day moves 3 days later.
struct Position {
  Phase phase = Phase::not_started;
  /// 1..weeks when active; when paused, the week the programme goes on with; 0 otherwise
  unsigned week = 0;
  /// 1..total_days when active; when paused, the day it goes on with; 0 otherwise
  unsigned day = 0;
  unsigned total_days = 0; ///< weeks * 7
  Day start{};
  /// The programme's last day: start + total_days - 1, plus every paused day up to it (an open
  /// pause counted through the day asked about, as if the person came back the day after)
  Day last{};
  Day pause_from{};               ///< paused: the first day of this pause
  std::optional<Day> pause_until; ///< paused: its last day; nullopt while it is open
  const Pause *pause = nullptr;   ///< paused: the run's pause record (reason); may be null
};

/// Which calendar days of a run are programme days: every day from the start except the
/// paused ones (pauses merged, those before the start clipped). An open pause counts through
/// `horizon` (the day asked about), and not at all when it begins after it.
/// Start Mon 2026-11-30, paused Tue 12-01 .. Thu 12-03: day_at(0) = 11-30, day_at(1) = 12-04,
/// index_of(12-04) = 1, paused_before(12-04) = 3; across a month end.
class RunDays {
public:
  RunDays(const Run &run, Day horizon);
  /// True for a paused day.
  bool paused(Day day) const noexcept;
  /// The merged pause holding `day`, as {from, until}; until is nullopt for an open pause.
  std::optional<std::pair<Day, std::optional<Day>>> span_of(Day day) const noexcept;
  /// Paused days in [start, day).
  unsigned paused_before(Day day) const noexcept;
  /// Programme days before `day` (a day on or after the start).
  unsigned index_of(Day day) const noexcept;
  /// The calendar day of programme day `index` (0 = the start).
  Day day_at(unsigned index) const noexcept;

private:
  Day start_{};
  struct Span {
    Day from{};
    Day until{};
    bool open = false;
  };
  std::vector<Span> spans_; ///< merged, by from, none before the start
};

/// The position of `day` in a run of `plan` that starts on `start`.
Position position(const Plan &plan, Day start, Day day) noexcept;
/// The position of `day` in `run`. Every caller that has the run uses this one, so rules that
/// depend on the run's own records (pauses moving the weeks later) live in one place.
Position position(const Plan &plan, const Run &run, Day day) noexcept;

/// not_arisen: a when-it-arises exercise whose situation did not come up that day (recorded).
enum class ExerciseState { open, done, skipped, not_arisen };

/// One exercise as it stands on a given day.
struct DueItem {
  const Exercise *exercise = nullptr;
  ExerciseState state = ExerciseState::open; ///< on that day (done/skipped that day)
  bool due_today = false;    ///< scheduled on that very day: daily, or on that weekday
  unsigned week_done = 0;    ///< N a week: done days counted toward the target (count_quota)
  unsigned week_target = 0;  ///< planned for this programme week
  unsigned week_extra = 0;   ///< N a week: done days beyond the target, up to the day
  unsigned week_skipped = 0; ///< N a week: days skipped this week, up to the day
  bool week_met = false;     ///< N a week: the target is reached; nothing more is open
  unsigned days_left = 0;    ///< days left in this programme week after the day
  std::string skip_reason;   ///< when skipped with a reason
};

/// The exercises of the day's programme week that are due that day or still open that week
/// (N-a-week ones whose week is not met, see count_quota), every when-it-arises one of the week
/// (listed, never due or open: state open there means only "nothing recorded"), plus anything
/// done or skipped that day.
struct DayView {
  Position pos;
  const Week *week = nullptr; ///< nullptr unless pos.phase == active
  std::vector<DueItem> items;
};

/// What a day looks like for a run. The plan must outlive the view.
DayView day_view(const Plan &plan, const Run &run, Day day);

/// The exercise ids a check-in for the view's day accepts: every exercise of that programme
/// week's plan, in plan order; none outside the programme. Week 2 of a plan with 13 exercises
/// of which 3 belong to week 2 -> those 3.
std::vector<std::string> checkin_exercise_ids(const DayView &view);

/// How much of the programme week is left, counting the day itself (`days_left` counts the
/// days after it): 0 -> "today is the last day of the week", 1 (a Saturday in a week from
/// Monday) -> "today and tomorrow left", 4 -> "today and 4 more days left".
std::string days_left_phrase(unsigned days_left);

/// Current and longest streak of kept days, up to and including `today`.
/// A day is kept when every exercise due that day is done or skipped; a day with nothing due
/// neither extends nor breaks a streak; an unfinished today does not break it.
///
/// Precisely (the days from the start to min(today, last day, end day) are walked in order):
/// - "due" means daily or weekday exercises scheduled that day; N-a-week ones are never due,
///   when-it-arises ones never due either: they never break a streak. Done, they count as
///   practice like any done exercise; "did not come up" (not_arisen) is neutral.
/// - kept: something is due and all of it is done or skipped (a skip counts as kept), or
///   nothing is due and some exercise was done anyway (practising is never ignored).
/// - neutral: nothing due and nothing done; also today while it is not kept yet.
/// - missed: otherwise. Up to plan.streak.grace_days missed days in a row (neutral days in
///   between are not counted) are forgiven when a kept day follows; forgiven days do not add
///   to the length. One more missed day breaks the streak.
/// Mon done, Tue done, Wed nothing due, Thu done, Fri (today, not yet) -> current streak 3
/// daily A and when-it-arises B: Mon A done, Tue A done + B not_arisen, Wed A done, B
/// silent all along -> current 3 (B is never owed); Thu A missed, B done -> partial: broken.
/// grace 0: Mon done, Tue missed, Wed done -> current 1, longest 1
/// grace 1: Mon done, Tue missed, Wed done -> current 2; Tue and Wed missed, Thu done -> 1
/// grace 1: Mon done, Tue missed, Wed (today, open) -> current 1 (not broken yet)
/// - a late skip (late_skip: written more than late_skip_days after its day) still counts,
///   but cannot mend a streak that was already broken: where the missed days around it broke
///   the streak without it, they still do. Where they were forgiven anyway, it counts as kept.
/// grace 0: Mon done, Tue missed, Wed done; on Fri a skip for Tue -> current 1 (Wed), not 3
/// grace 0: the same skip written on Thu (2 days back) -> current 3 (Mon, Tue, Wed)
/// grace 1: Mon done, Tue missed, Wed done; on Sat a skip for Tue -> current 3 (it was
///   forgiven anyway, so the skip adds its day)
struct Streak {
  unsigned current = 0;
  unsigned longest = 0;
};

/// The day an instant falls on for the person (their zone and day start); the front end
/// gives it. The default, utc_day, is the UTC calendar day.
using RecordedDay = std::function<Day(Instant)>;

/// The UTC calendar day of an instant.
Day utc_day(Instant instant) noexcept;

/// A skip written more than this many days after the day it is for is late.
inline constexpr int late_skip_days = 2;

/// True for a skip recorded (on recorded_day(record.recorded)) more than late_skip_days after
/// its day: a skip for Mon written on Thu is late, one written on Wed is not.
bool late_skip(const Record &record, const RecordedDay &recorded_day);

Streak streak(const Plan &plan, const Run &run, Day today,
              const RecordedDay &recorded_day = utc_day);

// ---- Reports: everything a report shows, computed once -------------------------------------

/// done / planned, with skips kept apart. Skips are not missed: a skipped occurrence is
/// removed from `planned` (it is neither done nor owed), and counted in `skipped`.
struct Adherence {
  unsigned done = 0;
  unsigned planned = 0;
  unsigned skipped = 0;
  /// Done on days that count toward nothing: beyond an N-a-week target, or a weekday
  /// exercise on another day. Practice, shown, never lost: done + extra = days done.
  unsigned extra = 0;
  /// When-it-arises exercises (never planned, so never in done or planned): the days it was
  /// done ("practised on N days when it came up"), and the days recorded as "it did not come
  /// up" (neutral, shown for the record).
  unsigned practised = 0;
  unsigned not_arisen = 0;
  /// done / planned in 0..1; 0 when nothing is planned yet.
  double ratio() const noexcept { return planned == 0 ? 0.0 : double(done) / planned; }
  Adherence &operator+=(const Adherence &o) noexcept {
    done += o.done;
    planned += o.planned;
    skipped += o.skipped;
    extra += o.extra;
    practised += o.practised;
    not_arisen += o.not_arisen;
    return *this;
  }
};

/// How one exercise's week counts, as of `today` ("occurrences", per day: doing it twice on one
/// day counts once; nothing after the run's last counted day is planned):
/// - daily / weekdays: each scheduled day before today is planned; today only once it is done
///   or skipped (an unfinished today is not owed yet). Done counts on scheduled days only (a
///   Monday exercise done on Tuesday is shown, not counted), so done <= planned.
/// - N a week: count_quota (quota.hpp), the one rule: done days count up to N, the rest are
///   `extra`; a skip does not lower N, and is counted in `skipped`; an occurrence becomes
///   planned-and-missed only once it can no longer fit in the days left of the week (days
///   after today, plus today while still open), unless a skip accounts for it. A past week
///   therefore owes N minus its skips; the current week owes nothing that can still be done.
/// - a skipped occurrence is neither done nor planned: it is counted in `skipped` only.
/// - when it arises: nothing is planned; each done day counts in `practised`, each "did not
///   come up" day in `not_arisen`, and neither touches done, planned or the ratio.
/// Situational, done Mon and Thu, not_arisen Tue, silent the rest -> practised 2, not_arisen 1,
/// done 0, planned 0.
/// 3 a week, week starts Mon, done Mon only. Today Sat (open): 2 days left -> 1 done / 1
/// planned. Today Sun (open): 1 day left -> 1/2. Week over: 1/3.
/// 2 a week: done Mon, skipped Tue, done Thu -> done 2, planned 2, skipped 1, days done 2.
/// What the calendar shows for one day of the run.
enum class DayStatus {
  future,  ///< after today (or after the run ended)
  rest,    ///< nothing due, nothing done
  open,    ///< today, not kept yet
  kept,    ///< everything due done or skipped, at least one done (or extra practice)
  skipped, ///< everything due skipped, nothing done
  partial, ///< past, some due done, some not
  missed,  ///< past, something due and nothing done or skipped
};

/// "kept", "missed", ... (stable: used in JSON and CSV).
const char *to_string(DayStatus status) noexcept;

struct DayCell {
  Day day{};
  unsigned week = 0; ///< programme week 1..weeks
  DayStatus status = DayStatus::future;
  unsigned due = 0;     ///< daily/weekday exercises due
  unsigned done = 0;    ///< exercises done (any kind)
  unsigned skipped = 0; ///< exercises skipped and not done
};

/// One exercise on one day, for the CSV rows (one per day x exercise of that day's week).
enum class CellState {
  done,
  skipped,
  missed,  ///< scheduled that day (daily/weekday), day over, not done
  open,    ///< today, not done yet: scheduled today, or N a week and the week not met
  not_due, ///< a weekday exercise on another day; N a week on a past day, or once met
  future,  ///< after today
  /// A when-it-arises exercise recorded as "it did not come up" that day (an unrecorded day
  /// of one is not_due: it is never open or missed).
  not_arisen,
};
const char *to_string(CellState state) noexcept;

struct ExerciseDay {
  Day day{};
  unsigned week = 0;
  const Exercise *exercise = nullptr;
  CellState state = CellState::future;
  std::string reason; ///< skip reason
};

/// A self-check answered once.
///
/// Each dimension's score is the mean of its items on the plan's scale, a reversed item counted
/// as (min + max - answer): higher means more avoidance, more anxiety, more noticing.
/// Security (`mean`, `percent`) is the old single number, kept for scripts and for the sharp-drop
/// rule: avoidance and anxiety items turned around (min + max - score) and averaged; awareness
/// and distress never count. An older plan without dimensions scores every item as security,
/// exactly as before. percent = 100 * (mean - min) / (max - min).
/// Scale 1..5, items [avoid-a, avoid-b reversed, anx-c, aware-d] and distress, answers
/// 4,2,3,5,4 -> avoidance (4 + 4) / 2 = 4, anxiety 3, awareness 5, distress 4;
/// security (2 + 2 + 3) / 3 = 2.333, percent 33.3.
struct SelfCheckScore {
  unsigned week = 0; ///< 0 = baseline
  Day day{};
  double mean = 0;
  double percent = 0;
  std::optional<double> avoidance; ///< item mean; nullopt when the plan has no such item
  std::optional<double> anxiety;
  std::optional<double> awareness; ///< "noticing"
  std::optional<int> distress;     ///< the distress answer, as given

  /// The score on one named dimension (nullopt for unnamed).
  std::optional<double> on(Dimension d) const noexcept;
};

/// Scores one set of answers (the items in order, then the distress answer). Answers beyond
/// the list are ignored; answers outside the scale are clamped to it. nullopt when there is no
/// answer, no usable scale or no answered security item.
std::optional<SelfCheckScore> score_self_check(const SelfCheck &check,
                                               const std::vector<int> &answers);

/// A distress answer counts as high in the top quarter of the scale:
/// answer - min >= 3/4 * (max - min). On 1..5 that is 4 or 5; on 0..10, 8 and above.
bool distress_high(const SelfCheck &check, int answer) noexcept;

/// How much a dimension's item mean must move from the baseline, in scale points, before a
/// report calls it "lower" or "higher" rather than "about the same": more than half a point.
/// Why: with two or more items on a dimension, one answer moving one step moves the mean by at
/// most half a point, so a single answer's week-to-week wobble is never called a change; it
/// takes answers moving together. Baseline 3.0, latest 2.5 -> about the same; 2.25 -> lower.
inline constexpr double dimension_change_threshold = 0.5;

enum class Direction { lower, about_the_same, higher };
/// "lower", "about the same", "higher".
const char *to_string(Direction d) noexcept;
/// The direction of a change in scale points, under dimension_change_threshold.
/// -0.5 -> about_the_same; -0.75 -> lower; +0.51 -> higher.
Direction direction_of(double change) noexcept;

/// How far the self-check must fall, in percentage points of the scale, from one self-check to
/// the next for `reflect` to point to `attune support`: a quarter of the scale's range. On a
/// 1..5 scale that is one whole point on the item mean: every answer one step worse, or a
/// few answers much worse. Not a wobble; a week that went clearly worse.
inline constexpr double sharp_drop_points = 25.0;

/// True when `latest` is at least sharp_drop_points below `previous`.
/// previous 75 %, latest 50 % -> true (exactly 25 points); 75 % -> 55 % -> false.
bool fell_sharply(const SelfCheckScore &previous, const SelfCheckScore &latest) noexcept;

/// The self-check recorded for the highest programme week below `week` in the run (the last
/// record for that week wins), scored; nullopt when there is none. Baseline counts as week 0.
std::optional<SelfCheckScore> previous_self_check(const SelfCheck &check, const Run &run,
                                                  unsigned week);

/// Which programme week a self-check on `day` counts for (`attune reflect`).
struct ReflectWeek {
  unsigned week = 0; ///< the week it counts for unless the person chooses `other`
  /// Set on the first two days of week N+1 while week N has no self-check (and N+1 none
  /// either): `week` is N, the week that just ended, and `other` is N+1, this week. On a
  /// terminal reflect asks which; off one it takes `week` (or --week).
  std::optional<unsigned> other;
  /// The day's own programme week (the last week after the end): the latest week a
  /// self-check may name (`reflect --week`).
  unsigned latest = 0;
};

/// The rule, given the weeks already answered (`taken`, 0 = the baseline):
/// - the baseline (0) while none is recorded and `day` is in week 1;
/// - on days 1 and 2 of week N+1 (N >= 1) with week N unanswered: N, or N+1 (ambiguous,
///   unless N+1 is answered already);
/// - otherwise `day`'s programme week (the last week after the end).
/// Start Mon 2026-11-02, 6 weeks, baseline taken: Mon 11-09 (week 2 day 1) with week 1
/// unanswered -> {1, other 2}; Tue 11-10 -> {1, other 2}; Wed 11-11 -> {2}; Mon 11-09 with
/// week 1 answered -> {2}; Mon 11-02 without a baseline -> {0}; Mon 12-14 (after the end,
/// week 6 unanswered) -> {6}.
ReflectWeek reflect_week(const Plan &plan, Day start, Day day, const std::vector<unsigned> &taken);
/// The same for a run, with its pauses (the weeks move later; a paused day counts for the week
/// the programme goes on with).
ReflectWeek reflect_week(const Plan &plan, const Run &run, Day day,
                         const std::vector<unsigned> &taken);

/// The sentence every end summary closes with, whatever the practice: help is offered because
/// it exists, never as a response to practising less.
inline constexpr const char *support_pointer =
    "If you would like more support than a programme can give, 'attune support' lists where to "
    "find it.";

/// One self-check's score on one dimension.
struct DimensionPoint {
  unsigned week = 0;
  Day day{};
  double mean = 0; ///< item mean on the plan's scale
};

/// One dimension over the run, measured from the baseline.
struct DimensionTrend {
  Dimension dimension = Dimension::avoidance;
  std::vector<DimensionPoint> points; ///< by week, ascending
  std::optional<double> baseline;
  std::optional<double> latest;
  std::optional<double> change; ///< latest - baseline, with both from different weeks
  Direction direction = Direction::about_the_same;
};

/// The self-check over the run: one score per week (the last check recorded for a week wins).
struct SelfCheckTrend {
  std::vector<SelfCheckScore> scores; ///< by week, ascending
  /// Week 0 when taken; else the first self-check of the programme (baseline_from_first).
  std::optional<SelfCheckScore> baseline;
  bool baseline_from_first = false;
  std::optional<SelfCheckScore> latest; ///< the highest week answered (may be the baseline)
  /// latest.percent - baseline.percent, in percentage points; only with both and distinct.
  std::optional<double> change;
  /// Avoidance, anxiety, awareness: those the plan has items for, in that order.
  std::vector<DimensionTrend> dimensions;
  /// The early dip: see early_dip().
  bool early_dip = false;

  /// The trend of one dimension, or nullptr when the plan has none on it.
  const DimensionTrend *dimension(Dimension d) const noexcept;
};

/// Builds the trend from one score per week, ascending.
/// Weeks 0, 1, 3 -> baseline week 0; weeks 2, 4 -> baseline week 2, baseline_from_first.
SelfCheckTrend self_check_trend(std::vector<SelfCheckScore> scores);

/// True when a self-check of week 1 or 2 (after the baseline) shows avoidance or anxiety more
/// than dimension_change_threshold above the baseline, or, in a plan without dimensions, the
/// security mean more than that below it: the dip that often comes with noticing more, which
/// a report explains once. Baseline avoidance 3.0, week 2 3.75 -> true; week 3 3.75 -> false.
bool early_dip(const SelfCheckTrend &trend);

/// Whether a baseline self-check may be recorded for `day`: before the programme starts or
/// during its week 1 (days 1..7). Start Mon 2 Nov: Sun 8 Nov -> true, Mon 9 Nov -> false.
bool baseline_open(const Plan &plan, Day start, Day day) noexcept;
/// The same for a run, with its pauses.
bool baseline_open(const Plan &plan, const Run &run, Day day) noexcept;

/// The one kind line `reflect` ends with after a self-check, or "" when none is due: when the
/// distress answer is high (distress_high) or security fell sharply from the previous self-check
/// (fell_sharply). How much was practised never enters.
std::string support_line_after_check(const SelfCheck &check,
                                     const std::optional<SelfCheckScore> &previous,
                                     const SelfCheckScore &latest);

struct WeekStats {
  unsigned week = 0;
  Day from{};
  Day to{};
  bool reached = false; ///< the week has begun by today
  Adherence adherence;
  std::optional<SelfCheckScore> self_check;
  /// Each exercise of the week's list with its adherence that week, in plan order.
  std::vector<std::pair<const Exercise *, Adherence>> exercises;
};

/// Strength of a habit, 0..100: an exponential average over its planned occurrences, scaled
/// so that a perfect programme reaches exactly 100 on its last occurrence.
///
/// Occurrences are the ones adherence plans, in day order: for daily/weekday exercises each
/// scheduled day (value 1 if done, 0 if missed); for N-a-week ones each done day (1, at most N
/// a week) and each occurrence that can no longer fit (0). A skip freezes it (no update).
/// A when-it-arises exercise plans nothing (K0 = 0): it has no strength (0), and reports show
/// its practised days instead.
///   K0 = occurrences the whole plan schedules for the exercise (sum of weekly targets)
///   W  = number of programme weeks the exercise appears in
///   m  = 0.5^(W / K0)   (the half-life is one programme week, whatever the frequency)
///   S_k = m * S_{k-1} + (1 - m) * v_k,  S_0 = 0
///   K  = K0 - skipped so far
///   strength = 100 * S_k / (1 - m^K), clamped to 0..100
/// A perfect daily exercise shows 51 after week 1, 89 after week 3, 100 on day 42. A single
/// missed day in week 3 costs about 1 point at the end; missing yesterday costs about 10.
double strength(double s, unsigned k0, unsigned weeks_present, unsigned skipped) noexcept;

struct ExerciseStats {
  const Exercise *exercise = nullptr; ///< first appearance in the plan
  Adherence adherence;
  double strength = 0;     ///< 0..100
  unsigned done_total = 0; ///< every day it was done, counted or not
};

struct NoteEntry {
  Day day{};
  std::string text;
};

/// The end-of-programme summary (only when the programme is over).
struct Summary {
  const Exercise *most_practised = nullptr; ///< the most days done; ties: first in the plan
  unsigned most_practised_days = 0;
  unsigned best_week = 0; ///< highest ratio with something planned; ties: the earlier week
  double best_week_ratio = 0;
  unsigned longest_streak = 0;
  std::optional<double> change; ///< self-check change since baseline, percentage points
  std::vector<NoteEntry> notes;
  std::string suggestion; ///< kind, with plan.support when a professional may help
};

/// Everything a report needs, computed in one pass over the records (O(records + days *
/// exercises)), so a million records take well under a second.
struct Progress {
  const Plan *plan = nullptr;
  const Run *run = nullptr;
  Position pos; ///< of today (phase finished also when the run was ended)
  Day today{};
  Day through{};                        ///< the last day counted: min(today, last day, end day)
  std::vector<DayCell> days;            ///< every day of the programme, in order
  std::vector<ExerciseDay> cells;       ///< day x exercise of that day's week, in order
  std::vector<WeekStats> weeks;         ///< 1..plan.weeks
  std::vector<ExerciseStats> exercises; ///< plan.exercise_ids() order
  Adherence total;
  Streak streak;
  SelfCheckTrend self_check;
  std::vector<NoteEntry> notes;
  std::optional<Summary> summary; ///< when the programme is finished
};

/// Computes the whole progress of a run as of `today`. Plan and run must outlive the result.
/// `recorded_day` says on which day a record was written (for late skips, see Streak).
Progress compute_progress(const Plan &plan, const Run &run, Day today,
                          const RecordedDay &recorded_day = utc_day);

} // namespace attune
