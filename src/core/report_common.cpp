#include "report_common.hpp"

#include <cmath>
#include <cstdio>

namespace attune::report_detail {

namespace {
const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char *const weekday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
} // namespace

const char *const trend_disclaimer = "A personal trend, not a diagnosis.";

std::string short_day(Day day) {
  const date::year_month_day ymd{day};
  return std::to_string(unsigned(ymd.day())) + " " + month_names[unsigned(ymd.month()) - 1];
}

std::string long_day(Day day) {
  const date::year_month_day ymd{day};
  return std::string(weekday_names[date::weekday{day}.c_encoding()]) + " " + short_day(day) + " " +
         std::to_string(int(ymd.year()));
}

std::string percent(double ratio) {
  return std::to_string(static_cast<int>(std::lround(ratio * 100))) + "%";
}

std::string points(double change) {
  const long v = std::lround(change);
  std::string s = v > 0 ? "+" + std::to_string(v) : std::to_string(v);
  return s + (v == 1 || v == -1 ? " point" : " points");
}

std::string days_word(unsigned n) {
  return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string title_of(const Exercise *e) {
  if (e == nullptr)
    return "";
  return e->title.empty() ? e->id : e->title;
}

std::string position_line(const Progress &p) {
  switch (p.pos.phase) {
  case Phase::not_started:
    return "Starts " + long_day(p.pos.start);
  case Phase::active:
    return "Week " + std::to_string(p.pos.week) + " \xc2\xb7 Day " + std::to_string(p.pos.day) +
           " of " + std::to_string(p.pos.total_days);
  case Phase::paused:
    return "Pausing \xc2\xb7 back with week " + std::to_string(p.pos.week) + ", day " +
           std::to_string(p.pos.day) + " of " + std::to_string(p.pos.total_days);
  case Phase::finished:
    break;
  }
  if (p.run != nullptr && p.run->ended && *p.run->ended < p.pos.last)
    return "Ended on " + long_day(*p.run->ended);
  return "Completed \xc2\xb7 " + std::to_string(p.pos.total_days) + " days";
}

unsigned days_practised(const Progress &p) {
  unsigned n = 0;
  for (const DayCell &c : p.days)
    n += c.done > 0 && c.day <= p.through;
  return n;
}

unsigned practices_done(const Progress &p) {
  unsigned n = 0;
  for (const DayCell &c : p.days)
    if (c.day <= p.through)
      n += c.done;
  return n;
}

std::string practice_sentence(const Progress &p) {
  const unsigned done = practices_done(p);
  return "Practised on " + days_word(days_practised(p)) + ", " + std::to_string(done) +
         (done == 1 ? " practice" : " practices") + " done.";
}

std::string practised_phrase(const Adherence &a) {
  if (a.practised == 0)
    return "not practised yet when it came up";
  return "practised on " + days_word(a.practised) + " when it came up";
}

bool worth_listing(const Progress &p, const ExerciseStats &e) {
  if (e.done_total > 0 || e.adherence.planned > 0 || e.adherence.skipped > 0 ||
      e.adherence.not_arisen > 0)
    return true;
  for (const WeekStats &ws : p.weeks)
    for (const auto &[ex, a] : ws.exercises)
      if (ex != nullptr && e.exercise != nullptr && ex->id == e.exercise->id && ws.reached)
        return true;
  return false;
}

void each_exercise_row(const Progress &p,
                       const std::function<void(const ExerciseStats &)> &situational,
                       const std::function<void(const ExerciseStats &)> &scheduled) {
  for (const ExerciseStats &e : p.exercises) {
    if (!worth_listing(p, e))
      continue;
    if (e.exercise->schedule.situational())
      situational(e);
    else
      scheduled(e);
  }
}

bool missed_only_yesterday(const Progress &p) {
  if (p.pos.phase != Phase::active || p.pos.day < 2)
    return false;
  const std::size_t today = p.pos.day - 1; // index into p.days
  if (today >= p.days.size() || p.days[today].status == DayStatus::kept)
    return false;
  if (p.days[today - 1].status != DayStatus::missed)
    return false;
  return today < 2 || p.days[today - 2].status != DayStatus::missed;
}

std::string streak_sentence(const Progress &p) {
  std::string s;
  // A streak of 0 or 1 is not news; the longest streak is never lost, so it always shows.
  if (p.streak.current >= 2)
    s = "Current streak: " + days_word(p.streak.current) + ". ";
  if (p.streak.longest > 0)
    s += "Longest streak: " + days_word(p.streak.longest) + ".";
  else
    s += "Any day is a good day to begin a streak.";
  if (missed_only_yesterday(p))
    s += " Never miss twice: today keeps it going.";
  if (p.plan != nullptr && p.plan->streak.grace_days > 0)
    s += " Up to " + days_word(p.plan->streak.grace_days) + " in a row can be missed without " +
         "breaking it.";
  return s;
}

std::string self_check_sentence(const Progress &p) {
  const SelfCheckTrend &t = p.self_check;
  if (!t.latest)
    return "";
  char buf[32];
  std::string s;
  if (t.baseline) {
    std::snprintf(buf, sizeof buf, "%.0f%%", t.baseline->percent);
    s = std::string("Baseline ") + buf;
  }
  if (t.change) {
    std::snprintf(buf, sizeof buf, "%.0f%%", t.latest->percent);
    s += std::string(", week ") + std::to_string(t.latest->week) + " " + buf + " (" +
         points(*t.change) + ")";
  } else if (!t.baseline) {
    std::snprintf(buf, sizeof buf, "%.0f%%", t.latest->percent);
    s = "Week " + std::to_string(t.latest->week) + " " + buf;
  }
  return s + ".";
}

namespace {

/// The weeks a sparkline spans: 0 .. the current week (all weeks once over, and at least the
/// last week answered).
unsigned spark_weeks(const Progress &p) {
  unsigned weeks = p.plan ? p.plan->weeks : 0;
  if (p.pos.phase == Phase::active)
    weeks = p.pos.week;
  else if (p.pos.phase == Phase::not_started)
    weeks = 0;
  if (!p.self_check.scores.empty() && p.self_check.scores.back().week > weeks)
    weeks = p.self_check.scores.back().week;
  return weeks;
}

/// One block per week 0..weeks for values 0..1 by week (ascending); a dot where none.
std::string spark(unsigned weeks, const std::vector<std::pair<unsigned, double>> &values) {
  static const char *const blocks[] = {"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
                                       "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
                                       "\xe2\x96\x87", "\xe2\x96\x88"};
  std::string out;
  std::size_t k = 0;
  for (unsigned w = 0; w <= weeks; ++w) {
    while (k < values.size() && values[k].first < w)
      ++k;
    if (k < values.size() && values[k].first == w) {
      long level = std::lround(values[k].second * 7);
      level = level < 0 ? 0 : level > 7 ? 7 : level;
      out += blocks[level];
    } else {
      out += "\xc2\xb7";
    }
  }
  return out;
}

double fraction_of(const Progress &p, double mean) {
  const int lo = p.plan ? p.plan->self_check.scale_min : 0;
  const int hi = p.plan ? p.plan->self_check.scale_max : 1;
  return hi > lo ? (mean - lo) / (hi - lo) : 0;
}

} // namespace

std::string sparkline(const Progress &p) {
  std::vector<std::pair<unsigned, double>> values;
  for (const SelfCheckScore &s : p.self_check.scores)
    values.emplace_back(s.week, s.percent / 100.0);
  return spark(spark_weeks(p), values);
}

std::string dimension_sparkline(const Progress &p, const DimensionTrend &t) {
  std::vector<std::pair<unsigned, double>> values;
  for (const DimensionPoint &d : t.points)
    values.emplace_back(d.week, fraction_of(p, d.mean));
  return spark(spark_weeks(p), values);
}

std::string distress_sparkline(const Progress &p) {
  std::vector<std::pair<unsigned, double>> values;
  for (const SelfCheckScore &s : p.self_check.scores)
    if (s.distress)
      values.emplace_back(s.week, fraction_of(p, *s.distress));
  return values.empty() ? std::string() : spark(spark_weeks(p), values);
}

const char *dimension_label(Dimension d) {
  switch (d) {
  case Dimension::avoidance:
    return "Avoidance";
  case Dimension::anxiety:
    return "Anxiety";
  case Dimension::awareness:
    return "Noticing";
  case Dimension::unnamed:
    break;
  }
  return "Self-check";
}

std::string scale_number(double mean) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", mean);
  return buf;
}

std::string dimension_summary(const DimensionTrend &t) {
  if (!t.baseline)
    return t.latest ? scale_number(*t.latest) : std::string();
  if (!t.change)
    return scale_number(*t.baseline) + " (starting point)";
  return scale_number(*t.baseline) + " \xe2\x86\x92 " + scale_number(*t.latest) + ", " +
         to_string(t.direction);
}

std::string dimension_legend(const Progress &p) {
  const SelfCheck &sc = p.plan->self_check;
  std::string s = "Each score is your average answer from " + std::to_string(sc.scale_min) +
                  " to " + std::to_string(sc.scale_max) +
                  ", from your starting point to your latest self-check. Lower avoidance and "
                  "anxiety mean feeling more secure";
  if (p.self_check.dimension(Dimension::awareness) != nullptr)
    s += "; noticing is how much you caught urges and feelings as they came, and it is not a "
         "measure of security";
  s += ". A change counts when it is more than half a point; a smaller one is about the same.";
  if (sc.has_distress())
    s += " \"How hard\" is your answer to \"" + sc.distress.text +
         "\": it is reported as it is and never scored.";
  return s;
}

std::string baseline_note(const Progress &p) {
  const SelfCheckTrend &t = p.self_check;
  if (!t.baseline || !t.baseline_from_first)
    return "";
  return "No baseline self-check was taken in week 1, so your first self-check (week " +
         std::to_string(t.baseline->week) + ") is your starting point.";
}

const char *const early_dip_note =
    "In the first weeks, scores often look worse before they look better: practice helps you "
    "notice urges and worries you used to pass by without seeing them. That is noticing more, "
    "not going backwards.";

std::string dimension_changes(const Progress &p) {
  std::string s;
  for (const DimensionTrend &t : p.self_check.dimensions) {
    if (!t.change)
      continue;
    std::string label = dimension_label(t.dimension);
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
    s += (s.empty() ? "" : ", ") + label + " " + to_string(t.direction);
  }
  return s;
}

std::string followup_sentence(const Progress &p, const FollowupPoint &f) {
  std::string s =
      std::to_string(f.weeks) + " weeks after the end (" + long_day(f.score.day) + "): ";
  if (p.self_check.dimensions.empty())
    return s + percent(f.score.percent / 100.0);
  std::string dims;
  for (const DimensionTrend &t : p.self_check.dimensions)
    if (const auto v = f.score.on(t.dimension))
      dims += (dims.empty() ? "" : ", ") + std::string(dimension_label(t.dimension)) + " " +
              scale_number(*v);
  return s + dims;
}

std::vector<std::pair<std::string, std::string>> review_pairs(const AfterView &after) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const ReviewAnswer &a : after.review.answers)
    out.emplace_back(std::string(review_label(a.question)),
                     a.text.empty() ? std::string("(erased)") : a.text);
  return out;
}

std::vector<std::string> maintenance_lines(const AfterView &after) {
  const Maintenance &m = after.maintenance;
  std::vector<std::string> out;
  if (!m.exists)
    return out;
  std::string which;
  for (std::size_t i = 0; i < m.exercises.size(); ++i)
    which += (i == 0 ? "" : i + 1 == m.exercises.size() ? " and " : ", ") + m.exercises[i];
  out.push_back("Kept since " + long_day(m.since) + ", " + std::to_string(m.times_per_week) +
                (m.times_per_week == 1 ? " time" : " times") + " a week: " + which +
                (m.stopped ? " (stopped " + long_day(*m.stopped) + ")." : "."));
  unsigned kept = 0;
  unsigned over = 0;
  for (const MaintenanceWeekStats &w : after.maintenance_weeks)
    if (!w.current) {
      ++over;
      kept += w.kept ? 1 : 0;
    }
  if (over > 0)
    out.push_back("Weeks where each one reached its times: " + std::to_string(kept) + " of " +
                  std::to_string(over) + "; longest run " +
                  std::to_string(after.maintenance_streak.longest) +
                  (after.maintenance_streak.longest == 1 ? " week." : " weeks."));
  if (m.active && !after.maintenance_weeks.empty() && after.maintenance_weeks.back().current) {
    std::string now;
    for (const MaintenanceItem &i : after.maintenance_weeks.back().items)
      now += (now.empty() ? "" : "; ") + i.exercise + " " + std::to_string(i.quota.done) + " of " +
             std::to_string(i.quota.target);
    out.push_back("This week (week " + std::to_string(after.maintenance_weeks.back().week.number) +
                  "): " + now + ".");
  }
  return out;
}

} // namespace attune::report_detail
