#pragma once
/// Plans and runs built by hand for the progress and report tests.
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

#include "attune/journal.hpp"
#include "attune/plan.hpp"
#include "attune/progress.hpp"

namespace attune {
/// For Boost.Test messages.
inline std::ostream &operator<<(std::ostream &os, DayStatus s) {
  return os << to_string(s);
}
inline std::ostream &operator<<(std::ostream &os, CellState s) {
  return os << to_string(s);
}
inline std::ostream &operator<<(std::ostream &os, Direction d) {
  return os << to_string(d);
}
} // namespace attune

namespace attune::testing {

inline Day d(const char *text) {
  return *parse_iso_day(text);
}

/// Monday 2026-11-02.
inline const Day start_mon = Day{date::year{2026} / 11 / 2};

inline Exercise daily(const std::string &id) {
  Exercise e;
  e.id = id;
  e.title = "Exercise " + id;
  e.schedule.kind = ScheduleKind::daily;
  return e;
}

/// Weekdays by c_encoding: Sunday 0, Monday 1 ... Saturday 6.
inline Exercise on_days(const std::string &id, std::initializer_list<unsigned> days) {
  Exercise e = daily(id);
  e.schedule.kind = ScheduleKind::weekdays;
  for (unsigned wd : days)
    e.schedule.on[wd] = true;
  return e;
}

inline Exercise per_week(const std::string &id, unsigned times) {
  Exercise e = daily(id);
  e.schedule.kind = ScheduleKind::times_per_week;
  e.schedule.times = times;
  return e;
}

inline SelfCheck make_check() {
  SelfCheck c;
  c.prompt = "How true is this for you this week?";
  c.scale_min = 1;
  c.scale_max = 5;
  c.items.resize(2);
  c.items[0].id = "ask";
  c.items[0].text = "I can ask for help.";
  c.items[1].id = "pull";
  c.items[1].text = "I pull away when close.";
  c.items[1].reverse = true;
  return c;
}

/// Items [avoid-a, avoid-b reversed, anx-c, aware-d] on 1..5, then the distress question.
inline SelfCheck make_dimension_check() {
  SelfCheck c = make_check();
  c.items.clear();
  const auto item = [](const char *id, Dimension dim, bool reverse) {
    SelfCheckItem i;
    i.id = id;
    i.text = std::string("Statement ") + id + ".";
    i.dimension = dim;
    i.reverse = reverse;
    return i;
  };
  c.items = {item("avoid-a", Dimension::avoidance, false),
             item("avoid-b", Dimension::avoidance, true), item("anx-c", Dimension::anxiety, false),
             item("aware-d", Dimension::awareness, false)};
  c.distress.id = "hard-week";
  c.distress.text = "How hard was this week for you?";
  return c;
}

/// One Week per entry; plan.weeks = number of entries.
inline Plan make_plan(std::vector<std::vector<Exercise>> weeks) {
  Plan p;
  p.id = "test";
  p.name = "Test plan";
  p.weeks = static_cast<unsigned>(weeks.size());
  p.self_check = make_check();
  for (unsigned i = 0; i < weeks.size(); ++i) {
    Week w;
    w.number = i + 1;
    w.theme = "Week " + std::to_string(i + 1);
    w.exercises = std::move(weeks[i]);
    p.week_plans.push_back(std::move(w));
  }
  return p;
}

/// Weeks 1-3: breathe daily; weeks 4-6: reach-out daily; share on Mondays throughout.
inline Plan six_week_plan() {
  std::vector<std::vector<Exercise>> weeks;
  for (int i = 0; i < 6; ++i)
    weeks.push_back({daily(i < 3 ? "breathe" : "reach-out"), on_days("share", {1})});
  Plan p = make_plan(std::move(weeks));
  p.id = "avoidant";
  p.name = "Toward secure";
  return p;
}

inline Run make_run(Day start) {
  Run r;
  r.number = 1;
  r.plan_id = "test";
  r.start = start;
  return r;
}

inline void add(Run &run, RecordType type, const std::string &day, const std::string &exercise,
                const std::string &reason = {}) {
  Record r;
  r.type = type;
  r.day = *parse_iso_day(day);
  r.run = run.number;
  r.exercise = exercise;
  r.text = reason;
  run.records.push_back(std::move(r));
}

inline void add_check(Run &run, const std::string &day, unsigned week, std::vector<int> answers) {
  Record r;
  r.type = RecordType::check;
  r.day = *parse_iso_day(day);
  r.run = run.number;
  r.week = week;
  r.answers = std::move(answers);
  run.records.push_back(std::move(r));
}

} // namespace attune::testing
