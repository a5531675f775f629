#include "daily.hpp"

#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune::cli {

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

std::string streak_phrase(const Streak &s) {
  if (s.current == 0)
    return "";
  return s.current == 1 ? "a streak of 1 day"
                        : "a streak of " + std::to_string(s.current) + " days";
}

} // namespace attune::cli
