#include "attune/daily.hpp"

#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {

const Run &require_active_run(const History &history) {
  const Run *run = history.active();
  if (run == nullptr)
    throw Error(ErrorKind::no_data, "no programme is running",
                "start one with 'attune start' (see 'attune plan list' for the plans)");
  return *run;
}

const Run &require_latest_run(const History &history) {
  if (const Run *run = history.active())
    return *run;
  if (history.runs.empty())
    return require_active_run(history);
  return history.runs.back();
}

Day resolve_run_day(const std::optional<std::string> &text, Day today, const Run *run) {
  if (!text)
    return today;
  const auto day = resolve_day(*text, today);
  if (!day)
    throw Error(ErrorKind::invalid, "\"" + *text + "\" is not a date I can read",
                "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
  if (*day > today)
    throw Error(ErrorKind::invalid, quote_typed_day(*text, *day) + " is in the future",
                "today is " + format_day(today) + "; you can record today or earlier days");
  if (run != nullptr && *day < run->start)
    throw Error(ErrorKind::invalid,
                quote_typed_day(*text, *day) + " is before the programme started",
                "it started on " + format_day(run->start));
  return *day;
}

std::string match_exercise(const std::string &typed, const std::vector<std::string> &candidates,
                           const std::string &week_label) {
  std::vector<std::string> matches;
  for (const auto &id : candidates) {
    if (id == typed)
      return id;
    if (id.compare(0, typed.size(), typed) == 0)
      matches.push_back(id);
  }
  if (matches.size() == 1 && !typed.empty())
    return matches.front();
  auto join = [](const std::vector<std::string> &ids) {
    std::string out;
    for (const auto &id : ids)
      out += (out.empty() ? "" : ", ") + id;
    return out;
  };
  if (matches.size() > 1)
    throw Error(ErrorKind::invalid, "\"" + typed + "\" could be " + join(matches),
                "type a little more of the name");
  const std::string guess = did_you_mean(typed, candidates);
  std::string hint = guess.empty() ? "" : "did you mean \"" + guess + "\"? ";
  hint += week_label + ": " + join(candidates);
  throw Error(ErrorKind::invalid,
              "no exercise \"" + typed + "\" " + (week_label.empty() ? "" : "in " + week_label),
              hint);
}

const char *state_word(ExerciseState state) noexcept {
  switch (state) {
  case ExerciseState::done:
    return "done";
  case ExerciseState::skipped:
    return "skipped";
  case ExerciseState::not_arisen:
    return "not_arisen";
  case ExerciseState::open:
    break;
  }
  return "open";
}

std::string position_line(const Position &pos) {
  return "Week " + std::to_string(pos.week) + " · Day " + std::to_string(pos.day) + " of " +
         std::to_string(pos.total_days);
}

std::string weekly_progress(const DueItem &item) {
  if (item.exercise == nullptr || item.exercise->schedule.kind != ScheduleKind::times_per_week)
    return "";
  std::string out =
      std::to_string(item.week_done) + " of " + std::to_string(item.week_target) + " this week";
  if (item.week_extra > 0)
    out += ", plus " + std::to_string(item.week_extra) + " extra";
  if (!item.week_met)
    out += ", " + days_left_phrase(item.days_left);
  return out;
}

std::string day_summary(const DayView &view, const std::string &label) {
  unsigned due = 0, settled = 0, open_week = 0;
  for (const auto &item : view.items) {
    if (item.due_today) {
      ++due;
      if (item.state != ExerciseState::open)
        ++settled;
    } else if (item.state == ExerciseState::open && item.exercise != nullptr &&
               !item.exercise->schedule.situational()) {
      ++open_week;
    }
  }
  std::string out;
  if (due == 0)
    out = "Nothing is set for " + label + " itself";
  else if (settled == due)
    out = due == 1   ? "The one for " + label + " is taken care of"
          : due == 2 ? "Both for " + label + " are taken care of"
                     : "All " + std::to_string(due) + " for " + label + " are taken care of";
  else
    out =
        std::to_string(settled) + " of " + std::to_string(due) + " for " + label + " taken care of";
  if (open_week > 0)
    out += ", " + std::to_string(open_week) + " more open this week";
  return out + ".";
}

std::string streak_phrase(const Streak &s) {
  if (s.current == 0)
    return "";
  return s.current == 1 ? "a streak of 1 day"
                        : "a streak of " + std::to_string(s.current) + " days";
}

bool before_day_start(LocalTime local_now, Day today) noexcept {
  return logical_day(local_now, std::chrono::minutes{0}) != today;
}

} // namespace attune
