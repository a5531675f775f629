#include "attune/progress.hpp"

#include "attune/quota.hpp"

#include <iterator>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace attune {

namespace {

constexpr std::uint8_t flag_done = 1;
constexpr std::uint8_t flag_skip = 2;
constexpr std::uint8_t flag_not_arisen = 4;

bool is_flexible(const Schedule &s) noexcept {
  return s.kind == ScheduleKind::times_per_week;
}

/// The done/skip records of a run, indexed once by (day offset, exercise), so that every
/// later question is answered without scanning records again.
struct RunIndex {
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::size_t> slot;
  std::vector<const Exercise *> first; ///< first appearance of each id in the plan
  unsigned days = 0;
  std::vector<std::uint8_t> flags; ///< [day * ids.size() + slot]
  std::unordered_map<std::size_t, const Record *> skip_reasons;
  std::vector<NoteEntry> notes;
  std::map<unsigned, const Record *> checks; ///< by week; the last one recorded wins

  std::uint8_t at(unsigned day, std::size_t s) const { return flags[day * ids.size() + s]; }
};

RunIndex build_index(const Plan &plan, const Run &run, const RunDays &run_days, unsigned total_days,
                     Day through) {
  RunIndex ix;
  ix.ids = plan.exercise_ids();
  ix.first.assign(ix.ids.size(), nullptr);
  for (std::size_t i = 0; i < ix.ids.size(); ++i)
    ix.slot.emplace(ix.ids[i], i);
  for (const Week &w : plan.week_plans)
    for (const Exercise &e : w.exercises) {
      auto it = ix.slot.find(e.id);
      if (it != ix.slot.end() && ix.first[it->second] == nullptr)
        ix.first[it->second] = &e;
    }
  ix.days = total_days;
  ix.flags.assign(std::size_t(total_days) * ix.ids.size(), 0);
  for (const Record &r : run.records) {
    // Notes and self-checks dated after the last counted day are not part of this report.
    if ((r.type == RecordType::note || r.type == RecordType::check) && r.day > through)
      continue;
    if (r.type == RecordType::note) {
      if (!r.text.empty()) // an erased note (attune forget) has no words to show
        ix.notes.push_back({r.day, r.text});
      continue;
    }
    if (r.type == RecordType::check) {
      if (r.followup == 0) // follow-ups after the end are not a programme week's (after.hpp)
        ix.checks[r.week] = &r;
      continue;
    }
    if (r.type != RecordType::done && r.type != RecordType::skip &&
        r.type != RecordType::not_arisen)
      continue;
    // A paused day is no programme day: what is recorded on one counts toward nothing.
    if (r.day < run.start || run_days.paused(r.day))
      continue;
    const auto offset = static_cast<long>(run_days.index_of(r.day));
    if (offset >= static_cast<long>(total_days))
      continue;
    auto it = ix.slot.find(r.exercise);
    if (it == ix.slot.end())
      continue;
    const std::size_t cell = std::size_t(offset) * ix.ids.size() + it->second;
    if (r.type == RecordType::done) {
      ix.flags[cell] |= flag_done;
    } else if (r.type == RecordType::not_arisen) {
      ix.flags[cell] |= flag_not_arisen;
    } else {
      ix.flags[cell] |= flag_skip;
      ix.skip_reasons[cell] = &r;
    }
  }
  return ix;
}

/// Running exponential average for one exercise (see strength() in the header).
struct StrengthState {
  double s = 0;
  double m = 0.5;
  unsigned k0 = 0;
  unsigned weeks_present = 0;
  unsigned skipped = 0;
  void push(int v) { s = m * s + (1 - m) * v; }
};

/// "Six weeks", "Two weeks", "One week", "14 weeks": a plan's length at the start of a
/// sentence.
std::string plan_length_phrase(unsigned weeks) {
  static const char *const words[] = {"No",    "One",   "Two",  "Three", "Four",   "Five",  "Six",
                                      "Seven", "Eight", "Nine", "Ten",   "Eleven", "Twelve"};
  const std::string unit = weeks == 1 ? " week" : " weeks";
  if (weeks < std::size(words))
    return words[weeks] + unit;
  return std::to_string(weeks) + unit;
}

std::string suggestion_for(const Plan &plan, const Adherence &total,
                           const std::optional<double> &change) {
  std::string text;
  if (total.ratio() >= 0.6 && (!change || *change >= 0)) {
    text = "You kept coming back to these small steps. You could repeat the programme to let "
           "them settle, or try another plan when you feel ready.";
  } else {
    text = plan_length_phrase(plan.weeks) +
           " is a beginning, not a test. You could repeat the programme at a pace that suits "
           "you, or try another plan.";
  }
  // The same pointer whatever the numbers: help is offered because it exists, never because
  // practice fell (attune-plan(5), SAFETY).
  (void)plan;
  text += " " + std::string(support_pointer);
  return text;
}

bool counts_as_kept(DayStatus s) noexcept {
  return s == DayStatus::kept || s == DayStatus::skipped;
}

bool counts_as_missed(DayStatus s) noexcept {
  return s == DayStatus::missed || s == DayStatus::partial;
}

/// Kept days in a row, forgiving up to grace_days missed days in a row. With `strict` (the
/// same days computed without late skips), a gap of missed days that broke the streak there
/// keeps the statuses it had there: a late skip cannot mend it. Every other day takes its
/// status from `days`, so a late skip in a gap that was forgiven anyway still adds its day.
/// grace 1, skips written 3 days late: Mon kept, Tue missed, Wed missed, Thu kept, late skips
/// for Tue and Wed -> the gap Tue..Wed broke without them, so current 1 (Thu), longest 1;
/// Mon kept, Tue missed, Wed kept, late skip for Tue -> the gap was forgiven: current 3.
Streak walk_streak(const Plan &plan, const std::vector<DayCell> &days,
                   const std::vector<DayCell> *strict) {
  std::vector<bool> keep_strict(days.size(), false);
  if (strict != nullptr && strict->size() == days.size()) {
    std::size_t gap_begin = days.size(); // first missed day since the last kept one
    unsigned missed = 0;
    bool broken = false;
    for (std::size_t i = 0; i < strict->size(); ++i) {
      const DayStatus s = (*strict)[i].status;
      if (counts_as_kept(s)) {
        gap_begin = days.size();
        missed = 0;
        broken = false;
      } else if (counts_as_missed(s)) {
        if (missed++ == 0)
          gap_begin = i;
        if (missed > plan.streak.grace_days)
          broken = true;
        if (broken)
          std::fill(keep_strict.begin() + static_cast<long>(gap_begin),
                    keep_strict.begin() + static_cast<long>(i) + 1, true);
      } else if (broken) {
        keep_strict[i] = true;
      }
    }
  }
  Streak streak;
  unsigned run_len = 0;
  unsigned missed_in_row = 0;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const DayStatus s = strict != nullptr && keep_strict[i] ? (*strict)[i].status : days[i].status;
    if (counts_as_kept(s)) {
      ++run_len;
      missed_in_row = 0;
      streak.longest = std::max(streak.longest, run_len);
    } else if (counts_as_missed(s)) {
      if (++missed_in_row > plan.streak.grace_days)
        run_len = 0;
    }
  }
  streak.current = run_len;
  return streak;
}

} // namespace

std::string days_left_phrase(unsigned days_left) {
  if (days_left == 0)
    return "today is the last day of the week";
  if (days_left == 1)
    return "today and tomorrow left";
  return "today and " + std::to_string(days_left) + " more days left";
}

Position position(const Plan &plan, Day start, Day day) noexcept {
  Position p;
  p.start = start;
  p.total_days = plan.weeks * 7;
  p.last = start + date::days(p.total_days == 0 ? 0 : p.total_days - 1);
  if (day < start) {
    p.phase = Phase::not_started;
  } else if (day > p.last || p.total_days == 0) {
    p.phase = Phase::finished;
  } else {
    p.phase = Phase::active;
    p.day = static_cast<unsigned>((day - start).count()) + 1;
    p.week = (p.day - 1) / 7 + 1;
  }
  return p;
}

RunDays::RunDays(const Run &run, Day horizon) : start_(run.start) {
  std::vector<Span> spans;
  for (const Pause &p : run.pauses) {
    Span s{std::max(p.from, run.start), p.until.value_or(horizon), !p.until};
    if (s.open && p.from > horizon)
      continue; // an open pause that has not begun by the day asked about moves nothing yet
    if (s.until < s.from)
      continue;
    spans.push_back(s);
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span &a, const Span &b) { return a.from < b.from; });
  for (const Span &s : spans) {
    if (!spans_.empty() && s.from <= spans_.back().until + date::days(1)) {
      Span &last = spans_.back();
      if (s.until >= last.until) {
        last.until = s.until;
        last.open = s.open;
      }
      continue;
    }
    spans_.push_back(s);
  }
}

bool RunDays::paused(Day day) const noexcept {
  return span_of(day).has_value();
}

std::optional<std::pair<Day, std::optional<Day>>> RunDays::span_of(Day day) const noexcept {
  for (const Span &s : spans_)
    if (s.from <= day && day <= s.until)
      return std::make_pair(s.from, s.open ? std::nullopt : std::optional<Day>(s.until));
  return std::nullopt;
}

unsigned RunDays::paused_before(Day day) const noexcept {
  long n = 0;
  for (const Span &s : spans_) {
    if (s.from >= day)
      break;
    n += (std::min(s.until, day - date::days(1)) - s.from).count() + 1;
  }
  return static_cast<unsigned>(n);
}

unsigned RunDays::index_of(Day day) const noexcept {
  if (day < start_)
    return 0;
  return static_cast<unsigned>((day - start_).count()) - paused_before(day);
}

Day RunDays::day_at(unsigned index) const noexcept {
  Day d = start_ + date::days(index);
  for (const Span &s : spans_)
    if (s.from <= d)
      d += s.until - s.from + date::days(1);
  return d;
}

Position position(const Plan &plan, const Run &run, Day day) noexcept {
  Position p = position(plan, run.start, day);
  if (run.pauses.empty() || day < run.start || p.total_days == 0)
    return p;
  const RunDays days(run, day);
  p.last = days.day_at(p.total_days - 1);
  const auto span = days.span_of(day);
  if (span && day <= p.last) {
    p.phase = Phase::paused;
    p.pause_from = span->first;
    p.pause_until = span->second;
    for (const Pause &pause : run.pauses)
      if (pause.from <= day && (!pause.until || day <= *pause.until))
        p.pause = &pause;
    // The programme goes on with the day after the pause: the days kept before it, plus one.
    const unsigned done = days.index_of(day);
    p.day = std::min(done + 1, p.total_days);
    p.week = (p.day - 1) / 7 + 1;
    return p;
  }
  if (day > p.last) {
    p.phase = Phase::finished;
    p.week = 0;
    p.day = 0;
    return p;
  }
  p.phase = Phase::active;
  p.day = days.index_of(day) + 1;
  p.week = (p.day - 1) / 7 + 1;
  return p;
}

std::vector<std::string> checkin_exercise_ids(const DayView &view) {
  std::vector<std::string> ids;
  if (view.pos.phase != Phase::active || view.week == nullptr)
    return ids;
  for (const Exercise &e : view.week->exercises)
    ids.push_back(e.id);
  return ids;
}

DayView day_view(const Plan &plan, const Run &run, Day day) {
  DayView view;
  view.pos = position(plan, run, day);
  if (run.ended && day > *run.ended)
    view.pos.phase = Phase::finished;
  if (view.pos.phase != Phase::active)
    return view;
  view.week = plan.week(view.pos.week);
  if (view.week == nullptr)
    return view;
  const RunDays run_days(run, day);
  const unsigned week_first = 7 * (view.pos.week - 1); // programme day index
  const unsigned days_left = 7 * view.pos.week - view.pos.day;
  const date::weekday wd{day};

  // One pass over the records of this programme week.
  // Per id and day of the week: 1 done, 2 skipped (done wins).
  std::unordered_map<std::string, std::vector<std::uint8_t>> marks;
  // done wins over skip, skip over not_arisen
  std::unordered_map<std::string, const Record *> today_rec;
  const auto rank = [](RecordType t) {
    return t == RecordType::done ? 2 : t == RecordType::skip ? 1 : 0;
  };
  for (const Record &r : run.records) {
    if (r.type == RecordType::not_arisen && r.day == day) {
      auto &slot = today_rec[r.exercise];
      if (slot == nullptr)
        slot = &r;
      continue;
    }
    if (r.type != RecordType::done && r.type != RecordType::skip)
      continue;
    if (r.day < run.start || r.day > day || run_days.paused(r.day))
      continue;
    const long off = long(run_days.index_of(r.day)) - long(week_first);
    if (off < 0 || off > 6)
      continue;
    auto &v = marks[r.exercise];
    v.resize(7, 0);
    v[std::size_t(off)] |= r.type == RecordType::done ? flag_done : flag_skip;
    if (r.day == day) {
      auto &slot = today_rec[r.exercise];
      if (slot == nullptr || rank(slot->type) < rank(r.type))
        slot = &r;
    }
  }

  const auto state_of = [](const Record &r) {
    return r.type == RecordType::done   ? ExerciseState::done
           : r.type == RecordType::skip ? ExerciseState::skipped
                                        : ExerciseState::not_arisen;
  };
  std::vector<std::string> listed;
  for (const Exercise &e : view.week->exercises) {
    DueItem item;
    item.exercise = &e;
    item.due_today = !is_flexible(e.schedule) && e.schedule.due_on(wd);
    item.week_target = e.schedule.weekly_target();
    item.days_left = days_left;
    if (auto it = today_rec.find(e.id); it != today_rec.end()) {
      item.state = state_of(*it->second);
      if (item.state == ExerciseState::skipped)
        item.skip_reason = it->second->text;
    }
    bool still_open = false;
    if (is_flexible(e.schedule)) {
      unsigned done = 0, skipped = 0;
      if (auto it = marks.find(e.id); it != marks.end())
        for (std::uint8_t m : it->second) {
          done += (m & flag_done) ? 1 : 0;
          skipped += (m & flag_done) == 0 && (m & flag_skip) ? 1 : 0;
        }
      const unsigned ahead = days_left + (item.state == ExerciseState::open ? 1 : 0);
      const QuotaCount q = count_quota(item.week_target, done, skipped, ahead);
      item.week_done = q.done;
      item.week_extra = q.extra;
      item.week_skipped = q.skipped;
      item.week_met = q.met;
      still_open = !q.met;
    }
    if (item.due_today || still_open || item.state != ExerciseState::open ||
        e.schedule.situational()) {
      view.items.push_back(std::move(item));
      listed.push_back(e.id);
    }
  }
  // Something done or skipped that day from another week's list is still shown.
  for (const auto &entry : today_rec) {
    // Not a structured binding: clang (the fuzz build) cannot capture one in a lambda in C++17.
    const auto &id = entry.first;
    const auto &rec = entry.second;
    if (std::find(listed.begin(), listed.end(), id) != listed.end())
      continue;
    for (const Week &w : plan.week_plans) {
      auto it = std::find_if(w.exercises.begin(), w.exercises.end(),
                             [&](const Exercise &e) { return e.id == id; });
      if (it == w.exercises.end())
        continue;
      DueItem item;
      item.exercise = &*it;
      item.state = state_of(*rec);
      if (item.state == ExerciseState::skipped)
        item.skip_reason = rec->text;
      item.days_left = days_left;
      view.items.push_back(std::move(item));
      listed.push_back(id);
      break;
    }
  }
  return view;
}

Streak streak(const Plan &plan, const Run &run, Day today, const RecordedDay &recorded_day) {
  return compute_progress(plan, run, today, recorded_day).streak;
}

Day utc_day(Instant instant) noexcept {
  return date::floor<date::days>(instant);
}

bool late_skip(const Record &record, const RecordedDay &recorded_day) {
  return record.type == RecordType::skip &&
         recorded_day(record.recorded) - record.day > date::days{late_skip_days};
}

const char *to_string(DayStatus status) noexcept {
  switch (status) {
  case DayStatus::future:
    return "future";
  case DayStatus::rest:
    return "rest";
  case DayStatus::open:
    return "open";
  case DayStatus::kept:
    return "kept";
  case DayStatus::skipped:
    return "skipped";
  case DayStatus::partial:
    return "partial";
  case DayStatus::missed:
    return "missed";
  }
  return "future";
}

const char *to_string(CellState state) noexcept {
  switch (state) {
  case CellState::done:
    return "done";
  case CellState::skipped:
    return "skipped";
  case CellState::missed:
    return "missed";
  case CellState::open:
    return "open";
  case CellState::not_due:
    return "not-due";
  case CellState::future:
    return "future";
  case CellState::not_arisen:
    return "not-arisen";
  }
  return "future";
}

std::optional<double> SelfCheckScore::on(Dimension d) const noexcept {
  switch (d) {
  case Dimension::avoidance:
    return avoidance;
  case Dimension::anxiety:
    return anxiety;
  case Dimension::awareness:
    return awareness;
  case Dimension::unnamed:
    break;
  }
  return std::nullopt;
}

std::optional<SelfCheckScore> score_self_check(const SelfCheck &check,
                                               const std::vector<int> &answers) {
  if (check.scale_max <= check.scale_min || answers.empty())
    return std::nullopt;
  const int lo = check.scale_min;
  const int hi = check.scale_max;
  const std::size_t n =
      check.items.empty() ? answers.size() : std::min(answers.size(), check.items.size());
  double security = 0;
  std::size_t security_n = 0;
  double dim_sum[4] = {0, 0, 0, 0};
  std::size_t dim_n[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    const int a = std::clamp(answers[i], lo, hi);
    const SelfCheckItem *item = i < check.items.size() ? &check.items[i] : nullptr;
    const bool reverse = item != nullptr && item->reverse;
    const int scored = reverse ? lo + hi - a : a;
    const Dimension d = item != nullptr ? item->dimension : Dimension::unnamed;
    const auto k = static_cast<std::size_t>(d);
    dim_sum[k] += scored;
    ++dim_n[k];
    if (d == Dimension::unnamed) {
      security += scored;
      ++security_n;
    } else if (d == Dimension::avoidance || d == Dimension::anxiety) {
      security += lo + hi - scored; // less avoidance or anxiety: more secure
      ++security_n;
    }
  }
  if (security_n == 0)
    return std::nullopt;
  SelfCheckScore score;
  score.mean = security / double(security_n);
  score.percent = 100.0 * (score.mean - lo) / (hi - lo);
  const auto mean_of = [&](Dimension d) -> std::optional<double> {
    const auto k = static_cast<std::size_t>(d);
    if (dim_n[k] == 0)
      return std::nullopt;
    return dim_sum[k] / double(dim_n[k]);
  };
  score.avoidance = mean_of(Dimension::avoidance);
  score.anxiety = mean_of(Dimension::anxiety);
  score.awareness = mean_of(Dimension::awareness);
  if (check.has_distress() && answers.size() > check.items.size())
    score.distress = std::clamp(answers[check.items.size()], lo, hi);
  return score;
}

bool distress_high(const SelfCheck &check, int answer) noexcept {
  if (check.scale_max <= check.scale_min)
    return false;
  // In whole numbers: 4 * (answer - min) >= 3 * (max - min), with no rounding to argue about.
  return 4 * (answer - check.scale_min) >= 3 * (check.scale_max - check.scale_min);
}

const char *to_string(Direction d) noexcept {
  switch (d) {
  case Direction::lower:
    return "lower";
  case Direction::about_the_same:
    return "about the same";
  case Direction::higher:
    return "higher";
  }
  return "about the same";
}

Direction direction_of(double change) noexcept {
  // A small tolerance, so that exactly half a point stays "about the same" despite rounding.
  if (change > dimension_change_threshold + 1e-9)
    return Direction::higher;
  if (change < -dimension_change_threshold - 1e-9)
    return Direction::lower;
  return Direction::about_the_same;
}

const DimensionTrend *SelfCheckTrend::dimension(Dimension d) const noexcept {
  for (const DimensionTrend &t : dimensions)
    if (t.dimension == d)
      return &t;
  return nullptr;
}

SelfCheckTrend self_check_trend(std::vector<SelfCheckScore> scores) {
  SelfCheckTrend t;
  t.scores = std::move(scores);
  if (t.scores.empty())
    return t;
  t.baseline = t.scores.front();
  t.baseline_from_first = t.baseline->week != 0;
  t.latest = t.scores.back();
  if (t.latest->week != t.baseline->week)
    t.change = t.latest->percent - t.baseline->percent;
  for (const Dimension d : {Dimension::avoidance, Dimension::anxiety, Dimension::awareness}) {
    DimensionTrend dt;
    dt.dimension = d;
    for (const SelfCheckScore &s : t.scores)
      if (const auto v = s.on(d))
        dt.points.push_back({s.week, s.day, *v});
    if (dt.points.empty())
      continue;
    dt.baseline = t.baseline->on(d);
    dt.latest = dt.points.back().mean;
    if (dt.baseline && dt.points.back().week != t.baseline->week) {
      dt.change = *dt.latest - *dt.baseline;
      dt.direction = direction_of(*dt.change);
    }
    t.dimensions.push_back(std::move(dt));
  }
  t.early_dip = early_dip(t);
  return t;
}

bool early_dip(const SelfCheckTrend &trend) {
  if (!trend.baseline)
    return false;
  const SelfCheckScore &base = *trend.baseline;
  for (const SelfCheckScore &s : trend.scores) {
    if (s.week <= base.week || s.week < 1 || s.week > 2)
      continue;
    for (const Dimension d : {Dimension::avoidance, Dimension::anxiety}) {
      const auto then = base.on(d);
      const auto now = s.on(d);
      if (then && now && direction_of(*now - *then) == Direction::higher)
        return true;
    }
    if (trend.dimensions.empty() && direction_of(s.mean - base.mean) == Direction::lower)
      return true;
  }
  return false;
}

bool baseline_open(const Plan &plan, Day start, Day day) noexcept {
  const Position pos = position(plan, start, day);
  return pos.phase == Phase::not_started || (pos.phase == Phase::active && pos.week == 1);
}

std::string support_line_after_check(const SelfCheck &check,
                                     const std::optional<SelfCheckScore> &previous,
                                     const SelfCheckScore &latest) {
  if (latest.distress && distress_high(check, *latest.distress))
    return "That sounds like a hard week. You do not have to carry it alone: 'attune support' "
           "shows where help is.";
  if (previous && fell_sharply(*previous, latest))
    return "This week sounds harder than the last. You do not have to carry it alone: "
           "'attune support' shows where help is.";
  return "";
}

bool fell_sharply(const SelfCheckScore &previous, const SelfCheckScore &latest) noexcept {
  // A small tolerance, so that exactly a quarter of the scale counts despite rounding.
  return previous.percent - latest.percent >= sharp_drop_points - 1e-9;
}

std::optional<SelfCheckScore> previous_self_check(const SelfCheck &check, const Run &run,
                                                  unsigned week) {
  const Record *found = nullptr;
  for (const Record &r : run.records)
    if (r.type == RecordType::check && r.followup == 0 && r.week < week &&
        (!found || r.week >= found->week))
      found = &r;
  if (found == nullptr)
    return std::nullopt;
  auto score = score_self_check(check, found->answers);
  if (score) {
    score->week = found->week;
    score->day = found->day;
  }
  return score;
}

double strength(double s, unsigned k0, unsigned weeks_present, unsigned skipped) noexcept {
  if (k0 == 0 || weeks_present == 0 || skipped >= k0)
    return 0;
  const double m = std::pow(0.5, double(weeks_present) / double(k0));
  const double perfect = 1 - std::pow(m, double(k0 - skipped));
  if (perfect <= 0)
    return 0;
  return std::clamp(100.0 * s / perfect, 0.0, 100.0);
}

namespace {

/// What progress_of walks, week by week: the run's index, and the totals each exercise's
/// week adds to (per exercise slot of the index).
struct ProgressWalk {
  const RunDays &run_days;
  const RunIndex &ix;
  Day today;
  Day through;      ///< the last counted day
  bool started;     ///< today is on or after the start
  bool has_current; ///< today is a counted day that may still be open
  std::vector<StrengthState> strength_state;
  std::vector<Adherence> per_exercise;
  std::vector<unsigned> done_total;
};

/// A programme week's days seen across its exercises (index 0..6), for the day statuses.
struct WeekDays {
  std::vector<bool> open = std::vector<bool>(7, false); ///< some due item still open (today)
  std::vector<bool> missing = std::vector<bool>(7, false);
  std::vector<unsigned> due_settled = std::vector<unsigned>(7, 0);
};

/// One exercise through week `wn`: appends its day cells to p.cells, counts into the week's
/// day cells (from `first_cell`) and `days`, feeds its strength, and returns its adherence.
Adherence walk_exercise_week(ProgressWalk &w, Progress &p, const Exercise &e, unsigned wn,
                             std::size_t first_cell, WeekDays &days) {
  const RunIndex &ix = w.ix;
  const std::size_t n = ix.ids.size();
  const std::size_t s = ix.slot.at(e.id);
  auto &st = w.strength_state[s];
  Adherence a;
  const bool flex = is_flexible(e.schedule);
  const unsigned target = e.schedule.weekly_target();
  unsigned done_days = 0, skip_days = 0;
  QuotaCount q = count_quota(target, 0, 0, 7);
  for (unsigned i = 0; i < 7; ++i) {
    const unsigned off = 7 * (wn - 1) + i;
    const Day d = w.run_days.day_at(off);
    const bool counted = w.started && d <= w.through;
    const std::uint8_t f = counted ? ix.at(off, s) : 0;
    const bool done = f & flag_done;
    const bool skip = !done && (f & flag_skip);
    const bool not_arisen = !done && !skip && (f & flag_not_arisen);
    const bool current = w.has_current && d == w.today;
    const bool due = !flex && e.schedule.due_on(date::weekday{d});
    DayCell &cell = p.days[first_cell + i];

    ExerciseDay ed;
    ed.day = d;
    ed.week = wn;
    ed.exercise = &e;
    if (!counted)
      ed.state = CellState::future;
    else if (done)
      ed.state = CellState::done;
    else if (skip)
      ed.state = CellState::skipped;
    else if (not_arisen)
      ed.state = CellState::not_arisen;
    else if (due)
      ed.state = current ? CellState::open : CellState::missed;
    else
      ed.state = flex && current && !q.met ? CellState::open : CellState::not_due;
    if (skip) {
      auto it = ix.skip_reasons.find(std::size_t(off) * n + s);
      if (it != ix.skip_reasons.end())
        ed.reason = it->second->text;
    }
    p.cells.push_back(std::move(ed));

    if (!counted)
      continue;
    if (done) {
      ++cell.done;
      ++w.done_total[s];
    } else if (skip) {
      ++cell.skipped;
    }

    if (e.schedule.situational()) {
      // Never owed: a done day is practice (the day counts as kept like any done day),
      // "it did not come up" is neutral, silence is nothing at all.
      a.practised += done ? 1 : 0;
      a.not_arisen += not_arisen ? 1 : 0;
      a.skipped += skip ? 1 : 0;
      continue;
    }
    if (!flex) {
      if (!due) {
        a.extra += done ? 1 : 0; // practice on another day: shown, never counted as owed
        continue;
      }
      ++cell.due;
      if (done || skip)
        ++days.due_settled[i];
      else if (current)
        days.open[i] = true;
      else
        days.missing[i] = true;
      if (done) {
        ++a.done;
        ++a.planned;
        st.push(1);
      } else if (skip) {
        ++a.skipped;
        ++st.skipped;
      } else if (!current) {
        ++a.planned;
        st.push(0);
      }
      continue;
    }
    // N a week: the quota rule (count_quota), day by day, so strength sees each
    // occurrence on the day it was done or could no longer fit.
    done_days += done ? 1 : 0;
    skip_days += skip ? 1 : 0;
    const bool ended_here = d == w.through && !current;
    unsigned available = ended_here ? 0 : 6 - i;
    if (current && !done && !skip)
      available += 1;
    const QuotaCount before = q;
    q = count_quota(target, done_days, skip_days, available);
    for (unsigned k = before.done; k < q.done; ++k)
      st.push(1);
    for (unsigned k = before.missed; k < q.missed; ++k)
      st.push(0);
    st.skipped += q.excused - before.excused;
  }
  if (flex) {
    a.done = q.done;
    a.extra = q.extra;
    a.skipped = q.skipped;
    a.planned = q.planned();
  }
  w.per_exercise[s] += a;
  return a;
}

/// Each day cell of a week from `first_cell` gets its status from what its exercises did.
void settle_day_statuses(const ProgressWalk &w, Progress &p, std::size_t first_cell,
                         const WeekDays &days) {
  for (unsigned i = 0; i < 7; ++i) {
    DayCell &c = p.days[first_cell + i];
    const bool counted = w.started && c.day <= w.through;
    if (!counted) {
      c.status = DayStatus::future;
    } else if (c.due == 0 || (!days.open[i] && !days.missing[i])) {
      if (c.done > 0)
        c.status = DayStatus::kept;
      else if (c.skipped > 0)
        c.status = DayStatus::skipped;
      else
        c.status = DayStatus::rest;
    } else if (days.open[i] && !days.missing[i]) {
      c.status = DayStatus::open;
    } else if (days.due_settled[i] > 0 || c.done > 0) {
      c.status = DayStatus::partial;
    } else {
      c.status = DayStatus::missed;
    }
  }
}

/// Week `wn`: its seven day cells (appended to p.days) and its adherence.
WeekStats walk_week(ProgressWalk &w, Progress &p, const Plan &plan, unsigned wn) {
  const Week *week = plan.week(wn);
  WeekStats ws;
  ws.week = wn;
  // Programme days, not calendar days: a pause inside the week makes it longer.
  ws.from = w.run_days.day_at(7 * (wn - 1));
  ws.to = w.run_days.day_at(7 * wn - 1);
  ws.reached = w.started && ws.from <= w.through;

  // Day cells for the week (filled per exercise).
  const std::size_t first_cell = p.days.size();
  for (unsigned i = 0; i < 7; ++i) {
    DayCell c;
    c.day = w.run_days.day_at(7 * (wn - 1) + i);
    c.week = wn;
    p.days.push_back(c);
  }
  WeekDays days;
  if (week != nullptr)
    for (const Exercise &e : week->exercises) {
      const Adherence a = walk_exercise_week(w, p, e, wn, first_cell, days);
      ws.adherence += a;
      ws.exercises.emplace_back(&e, a);
    }
  settle_day_statuses(w, p, first_cell, days);
  return ws;
}

/// The strength model's starting state per exercise slot: its weekly target summed over the
/// weeks it appears in, and how much each occurrence weighs.
std::vector<StrengthState> initial_strength(const Plan &plan, const RunIndex &ix) {
  std::vector<StrengthState> strength_state(ix.ids.size());
  for (const Week &w : plan.week_plans)
    for (const Exercise &e : w.exercises) {
      auto &st = strength_state[ix.slot.at(e.id)];
      st.k0 += e.schedule.weekly_target();
      st.weeks_present += 1;
    }
  for (auto &st : strength_state)
    if (st.k0 > 0)
      st.m = std::pow(0.5, double(st.weeks_present) / double(st.k0));
  return strength_state;
}

/// The self-check scores of the index's weeks (each also set on its week) and their trend.
void score_self_checks(const Plan &plan, const RunIndex &ix, Progress &p) {
  std::vector<SelfCheckScore> scores;
  for (const auto &[wk, rec] : ix.checks) {
    if (wk > plan.weeks)
      continue;
    auto score = score_self_check(plan.self_check, rec->answers);
    if (!score)
      continue;
    score->week = wk;
    score->day = rec->day;
    scores.push_back(*score);
    if (wk >= 1)
      p.weeks[wk - 1].self_check = *score;
  }
  p.self_check = self_check_trend(std::move(scores));
}

/// The summary of a finished programme: most practised exercise, best week, longest streak.
Summary finished_summary(const Plan &plan, const Progress &p) {
  Summary sum;
  for (const ExerciseStats &es : p.exercises)
    if (es.done_total > sum.most_practised_days) {
      sum.most_practised = es.exercise;
      sum.most_practised_days = es.done_total;
    }
  // A best week needs something done in it and another week to be better than: a
  // one-week plan, or nothing done at all, has none ("Best week: week 1 (0%)" said nothing).
  std::size_t weeks_planned = 0;
  for (const WeekStats &w : p.weeks)
    weeks_planned += w.adherence.planned > 0 ? 1 : 0;
  for (const WeekStats &w : p.weeks)
    if (weeks_planned > 1 && w.adherence.planned > 0 && w.adherence.ratio() > 0 &&
        (sum.best_week == 0 || w.adherence.ratio() > sum.best_week_ratio)) {
      sum.best_week = w.week;
      sum.best_week_ratio = w.adherence.ratio();
    }
  sum.longest_streak = p.streak.longest;
  sum.change = p.self_check.change;
  sum.notes = p.notes;
  sum.suggestion = suggestion_for(plan, p.total, sum.change);
  return sum;
}

Progress progress_of(const Plan &plan, const Run &run, Day today) {
  Progress p;
  p.plan = &plan;
  p.run = &run;
  p.today = today;
  p.pos = position(plan, run, today);
  if (run.ended && today > *run.ended)
    p.pos.phase = Phase::finished;
  const unsigned total_days = plan.weeks * 7;
  Day through = p.pos.last;
  if (run.ended && *run.ended < through)
    through = *run.ended;
  if (today < through)
    through = today;
  p.through = through;
  const bool started = today >= run.start;
  // The one day that may still be open: today, when it is a counted day of the run.
  const bool has_current = started && today == through;

  const RunDays run_days(run, today);
  const RunIndex ix = build_index(plan, run, run_days, total_days, through);
  const std::size_t n = ix.ids.size();
  p.notes = ix.notes;

  ProgressWalk w{run_days,
                 ix,
                 today,
                 through,
                 started,
                 has_current,
                 initial_strength(plan, ix),
                 std::vector<Adherence>(n),
                 std::vector<unsigned>(n, 0)};
  p.days.reserve(total_days);
  p.weeks.reserve(plan.weeks);
  for (unsigned wn = 1; wn <= plan.weeks; ++wn) {
    p.weeks.push_back(walk_week(w, p, plan, wn));
    p.total += p.weeks.back().adherence;
  }

  p.streak = walk_streak(plan, p.days, nullptr);
  score_self_checks(plan, ix, p);
  for (std::size_t s = 0; s < n; ++s) {
    ExerciseStats es;
    es.exercise = ix.first[s];
    es.adherence = w.per_exercise[s];
    es.done_total = w.done_total[s];
    const auto &st = w.strength_state[s];
    es.strength = strength(st.s, st.k0, st.weeks_present, st.skipped);
    p.exercises.push_back(es);
  }
  if (p.pos.phase == Phase::finished && started)
    p.summary = finished_summary(plan, p);
  return p;
}

} // namespace

Progress compute_progress(const Plan &plan, const Run &run, Day today,
                          const RecordedDay &recorded_day) {
  Progress p = progress_of(plan, run, today);
  // Late skips (see late_skip) still count everywhere; only the streak is walked again
  // with the days as they were without them, so that they cannot mend a broken streak.
  const auto late = [&recorded_day](const Record &r) { return late_skip(r, recorded_day); };
  if (std::none_of(run.records.begin(), run.records.end(), late))
    return p;
  Run strict = run;
  strict.records.erase(std::remove_if(strict.records.begin(), strict.records.end(), late),
                       strict.records.end());
  const Progress without = progress_of(plan, strict, today);
  p.streak = walk_streak(plan, p.days, &without.days);
  return p;
}

namespace {

ReflectWeek reflect_week_at(const Plan &plan, Position pos, const std::vector<unsigned> &taken) {
  const auto has = [&taken](unsigned w) {
    return std::find(taken.begin(), taken.end(), w) != taken.end();
  };
  if (pos.phase == Phase::paused)
    pos.phase = Phase::active; // a self-check while resting counts for the week it waits in
  const bool active = pos.phase == Phase::active;
  const unsigned week = active ? pos.week : plan.weeks;
  if (!has(0) && week <= 1)
    return {0, std::nullopt, week};
  const unsigned day_of_week = active ? (pos.day - 1) % 7 + 1 : 0;
  // "Thinking of the past week": early in a week, the week that just ended may be meant.
  if (active && week >= 2 && day_of_week <= 2 && !has(week - 1))
    return {week - 1, has(week) ? std::nullopt : std::optional<unsigned>(week), week};
  return {week, std::nullopt, week};
}

} // namespace

ReflectWeek reflect_week(const Plan &plan, Day start, Day day, const std::vector<unsigned> &taken) {
  return reflect_week_at(plan, position(plan, start, day), taken);
}

ReflectWeek reflect_week(const Plan &plan, const Run &run, Day day,
                         const std::vector<unsigned> &taken) {
  return reflect_week_at(plan, position(plan, run, day), taken);
}

bool baseline_open(const Plan &plan, const Run &run, Day day) noexcept {
  const Position pos = position(plan, run, day);
  return pos.phase == Phase::not_started ||
         ((pos.phase == Phase::active || pos.phase == Phase::paused) && pos.week == 1);
}

} // namespace attune
