// After the programme: review, kept practice, follow-up self-checks (see after.hpp).
#include "attune/after.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

bool later(const Record &a, const Record &b) {
  return std::tie(a.recorded, a.id) > std::tie(b.recorded, b.id);
}

const Exercise *find_exercise(const Plan &plan, const std::string &id) {
  for (const Week &w : plan.week_plans)
    for (const Exercise &e : w.exercises)
      if (e.id == id)
        return &e;
  return nullptr;
}

} // namespace

Day programme_end(const Plan &plan, const Run &run) noexcept {
  const Day last = position(plan, run, run.start).last;
  return run.ended && *run.ended < last ? *run.ended : last;
}

const Run *ended_run(const History &history) {
  if (history.active() != nullptr || history.runs.empty() || !history.runs.back().ended)
    return nullptr;
  return &history.runs.back();
}

const Run *active_or_ended_run(const History &history) {
  const Run *run = history.active();
  return run != nullptr ? run : ended_run(history);
}

bool programme_over(const Plan &plan, const Run &run, Day day) noexcept {
  if (run.ended && day >= *run.ended)
    return true;
  return day > programme_end(plan, run);
}

std::string_view to_string(ReviewQuestion q) noexcept {
  switch (q) {
  case ReviewQuestion::helped:
    return "helped";
  case ReviewQuestion::signs:
    return "signs";
  case ReviewQuestion::keep:
    break;
  }
  return "keep";
}

std::optional<ReviewQuestion> parse_review_question(std::string_view text) noexcept {
  for (const ReviewQuestion q : review_questions)
    if (to_string(q) == text)
      return q;
  return std::nullopt;
}

std::string_view review_prompt(ReviewQuestion q) noexcept {
  switch (q) {
  case ReviewQuestion::helped:
    return "What helped you most?";
  case ReviewQuestion::signs:
    return "What are the early signs that you are pulling away again?";
  case ReviewQuestion::keep:
    break;
  }
  return "What will you keep doing?";
}

std::string_view review_label(ReviewQuestion q) noexcept {
  switch (q) {
  case ReviewQuestion::helped:
    return "What helped most";
  case ReviewQuestion::signs:
    return "Early signs of pulling away";
  case ReviewQuestion::keep:
    break;
  }
  return "What I will keep doing";
}

Review review_of(const Run &run) {
  std::array<const Record *, 3> latest{};
  for (const Record &r : run.records) {
    if (r.type != RecordType::review)
      continue;
    const auto q = parse_review_question(r.question);
    if (!q)
      continue;
    const Record *&slot = latest[static_cast<std::size_t>(*q)];
    if (slot == nullptr || later(r, *slot))
      slot = &r;
  }
  Review review;
  for (const ReviewQuestion q : review_questions)
    if (const Record *r = latest[static_cast<std::size_t>(q)])
      review.answers.push_back({q, r->day, r->text});
  return review;
}

ReviewTexts parse_review_answers(std::string_view text, const std::string &file) {
  ReviewTexts out;
  std::array<bool, 3> seen{};
  std::optional<std::size_t> current;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    std::size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos)
      lf = text.size();
    std::string_view line = text.substr(pos, lf - pos);
    pos = lf + 1;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    const Location at(file, line_no, 1);
    if (!is_valid_utf8(line))
      throw Error(ErrorKind::invalid, "this line is not valid UTF-8 text", "save the file as UTF-8",
                  at);
    const std::string trimmed = trim_blanks(line);
    if (trimmed.empty() || trimmed[0] == '#')
      continue;
    if (line[0] == ' ' || line[0] == '\t') {
      if (!current)
        throw Error(ErrorKind::invalid, "an indented line before any answer",
                    "begin with \"helped:\", \"signs:\" or \"keep:\"", at);
      std::string &answer = out[*current];
      answer += (answer.empty() ? "" : "\n") + trimmed;
      continue;
    }
    const std::size_t colon = line.find(':');
    const std::string key = trim_blanks(line.substr(0, colon));
    const auto q = colon == std::string_view::npos ? std::nullopt : parse_review_question(key);
    if (!q)
      throw Error(ErrorKind::invalid,
                  colon == std::string_view::npos
                      ? "expected \"helped:\", \"signs:\" or \"keep:\" at the start of the line"
                      : "\"" + printable(key) + "\" is not one of the questions",
                  "the keys are helped, signs and keep, each followed by a colon", at);
    const auto index = static_cast<std::size_t>(*q);
    if (seen[index])
      throw Error(ErrorKind::invalid, "\"" + key + "\" is answered twice",
                  "keep one answer per question (indent a line to continue one)", at);
    seen[index] = true;
    current = index;
    out[index] = trim_blanks(line.substr(colon + 1));
  }
  return out;
}

bool review_open(const Plan &plan, const Run &run, Day day) noexcept {
  return day >= programme_end(plan, run) || (run.ended && day >= *run.ended);
}

bool review_offered(const Plan &plan, const Run &run, Day day) {
  return review_open(plan, run, day) && review_of(run).empty();
}

Maintenance maintenance_of(const Run &run) {
  const Record *last_keep = nullptr;
  const Record *last_stop = nullptr;
  for (const Record &r : run.records) {
    if (r.type == RecordType::keep && (last_keep == nullptr || later(r, *last_keep)))
      last_keep = &r;
    if (r.type == RecordType::keep_stop && (last_stop == nullptr || later(r, *last_stop)))
      last_stop = &r;
  }
  Maintenance m;
  if (last_keep == nullptr)
    return m;
  m.exists = true;
  const std::string &command = command_id(*last_keep);
  for (const Record &r : run.records)
    if (r.type == RecordType::keep && command_id(r) == command &&
        std::find(m.exercises.begin(), m.exercises.end(), r.exercise) == m.exercises.end()) {
      m.exercises.push_back(r.exercise);
      m.since = r.day;
      m.times_per_week = r.times;
    }
  m.active = last_stop == nullptr || later(*last_keep, *last_stop);
  if (!m.active)
    m.stopped = last_stop->day;
  return m;
}

MaintenanceWeek maintenance_week(Day since, Day day) noexcept {
  MaintenanceWeek w;
  if (day < since)
    return w;
  const auto index = (day - since).count() / 7;
  w.number = static_cast<unsigned>(index) + 1;
  w.from = since + date::days(7 * index);
  w.to = w.from + date::days(6);
  return w;
}

std::vector<MaintenanceItem> maintenance_day(const Plan &plan, const Maintenance &m, const Run &run,
                                             Day day, bool day_over) {
  std::vector<MaintenanceItem> items;
  const MaintenanceWeek week = maintenance_week(m.since, day);
  if (week.number == 0)
    return items;
  for (const std::string &id : m.exercises) {
    // Per day of the week up to `day`: done wins over skip.
    std::set<Day> done_days;
    std::set<Day> skip_days;
    for (const Record &r : run.records)
      if (r.exercise == id && r.day >= week.from && r.day <= day) {
        if (r.type == RecordType::done)
          done_days.insert(r.day);
        else if (r.type == RecordType::skip)
          skip_days.insert(r.day);
      }
    for (const Day d : done_days)
      skip_days.erase(d);
    MaintenanceItem item;
    item.exercise = id;
    item.plan_exercise = find_exercise(plan, id);
    item.state = done_days.count(day) != 0   ? ExerciseState::done
                 : skip_days.count(day) != 0 ? ExerciseState::skipped
                                             : ExerciseState::open;
    item.days_left = static_cast<unsigned>((week.to - day).count());
    const unsigned available =
        item.days_left + (item.state == ExerciseState::open && !day_over ? 1 : 0);
    item.quota = count_quota(m.times_per_week, static_cast<unsigned>(done_days.size()),
                             static_cast<unsigned>(skip_days.size()), available);
    items.push_back(std::move(item));
  }
  return items;
}

bool kept_on(const Maintenance &m, Day day) noexcept {
  return m.active && day >= m.since;
}

std::vector<MaintenanceItem> kept_items_on(const Plan &plan, const Maintenance &m, const Run &run,
                                           Day day) {
  if (!kept_on(m, day))
    return {};
  return maintenance_day(plan, m, run, day);
}

std::string kept_progress(const MaintenanceItem &item) {
  const QuotaCount &q = item.quota;
  std::string out = std::to_string(q.done) + " of " + std::to_string(q.target) + " this week";
  if (q.extra > 0)
    out += ", plus " + std::to_string(q.extra) + " extra";
  else if (!q.met)
    out += ", " + days_left_phrase(item.days_left);
  return out;
}

void refuse_kept_checkin(const Plan &plan, const Run &run, Day day, bool recording) {
  if (!recording)
    return;
  const Maintenance m = maintenance_of(run);
  if (!m.active)
    throw Error(ErrorKind::invalid,
                "the programme ended on " + format_day(programme_end(plan, run)) +
                    ", and no exercise is kept after it",
                "'attune keep EXERCISE...' carries up to three on as a light practice; "
                "'attune start' begins a new programme");
  if (day < m.since)
    throw Error(ErrorKind::invalid,
                "your kept practice began on " + format_day(m.since) + ", after " + format_day(day),
                "check-ins for the kept exercises count from " + format_day(m.since) + " on");
}

std::vector<MaintenanceWeekStats> maintenance_weeks(const Plan &plan, const Maintenance &m,
                                                    const Run &run, Day today) {
  std::vector<MaintenanceWeekStats> weeks;
  if (!m.exists)
    return weeks;
  Day through = today;
  if (m.stopped && *m.stopped < through)
    through = *m.stopped;
  for (Day from = m.since; from <= through; from += date::days(7)) {
    MaintenanceWeekStats s;
    s.week = maintenance_week(m.since, from);
    s.current = through <= s.week.to;
    const Day as_of = s.current ? through : s.week.to;
    s.items = maintenance_day(plan, m, run, as_of, !s.current);
    // The week holding the stop (or today) is current: it owes nothing that could still fit.
    s.kept = std::all_of(s.items.begin(), s.items.end(),
                         [&](const MaintenanceItem &i) {
                           return i.quota.met || (s.current && i.quota.missed == 0);
                         }) &&
             !s.items.empty();
    weeks.push_back(std::move(s));
  }
  return weeks;
}

Streak maintenance_streak(const std::vector<MaintenanceWeekStats> &weeks) noexcept {
  Streak streak;
  unsigned run_len = 0;
  for (const MaintenanceWeekStats &w : weeks) {
    const bool met = std::all_of(w.items.begin(), w.items.end(),
                                 [](const MaintenanceItem &i) { return i.quota.met; }) &&
                     !w.items.empty();
    if (met) {
      ++run_len;
      streak.longest = std::max(streak.longest, run_len);
    } else if (!w.current) {
      run_len = 0;
    }
  }
  streak.current = run_len;
  return streak;
}

Day followup_due_day(const Plan &plan, const Run &run, unsigned weeks) noexcept {
  return programme_end(plan, run) + date::days(7 * static_cast<int>(weeks));
}

std::optional<unsigned> followup_due(const Plan &plan, const Run &run, Day day) {
  std::set<unsigned> taken;
  for (const Record &r : run.records)
    if (r.type == RecordType::check && r.followup != 0)
      taken.insert(r.followup);
  std::optional<unsigned> due;
  for (const unsigned weeks : followup_weeks)
    if (day >= followup_due_day(plan, run, weeks))
      due = taken.count(weeks) != 0 ? std::nullopt : std::optional<unsigned>(weeks);
  return due;
}

std::vector<FollowupPoint> followup_points(const Plan &plan, const Run &run) {
  std::vector<FollowupPoint> points;
  for (const unsigned weeks : followup_weeks) {
    const Record *latest = nullptr;
    for (const Record &r : run.records)
      if (r.type == RecordType::check && r.followup == weeks &&
          (latest == nullptr || later(r, *latest)))
        latest = &r;
    if (latest == nullptr)
      continue;
    auto score = score_self_check(plan.self_check, latest->answers);
    if (!score)
      continue;
    score->week = plan.weeks;
    score->day = latest->day;
    points.push_back({weeks, followup_due_day(plan, run, weeks), *score});
  }
  return points;
}

AfterView after_view(const Plan &plan, const Run &run, Day today) {
  AfterView v;
  v.end = programme_end(plan, run);
  v.over = programme_over(plan, run, today);
  v.review = review_of(run);
  v.maintenance = maintenance_of(run);
  v.maintenance_weeks = maintenance_weeks(plan, v.maintenance, run, today);
  v.maintenance_streak = maintenance_streak(v.maintenance_weeks);
  v.followups = followup_points(plan, run);
  v.followup_due = followup_due(plan, run, today);
  return v;
}

} // namespace attune
