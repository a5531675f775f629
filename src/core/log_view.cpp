// What `attune log` shows (log_view.hpp).
#include "attune/log_view.hpp"

#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {

LogFilter make_log_filter(const Plan &plan, std::optional<unsigned> week,
                          const std::optional<std::string> &since,
                          const std::optional<std::string> &grep, Day today) {
  LogFilter filter;
  if (week && (*week < 1 || *week > plan.weeks))
    throw Error(ErrorKind::invalid,
                "--week " + std::to_string(*week) + " is not a week of the programme",
                "use 1 to " + std::to_string(plan.weeks));
  filter.week = week;
  if (since) {
    filter.since = resolve_day(*since, today);
    if (!filter.since)
      throw Error(ErrorKind::invalid, "\"" + *since + "\" is not a date I can read",
                  "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
  }
  if (grep && grep->empty())
    throw Error(ErrorKind::usage, "--grep needs some text to look for",
                "e.g. 'attune log --grep dinner'");
  if (grep)
    filter.grep = fold_ascii(*grep);
  return filter;
}

std::string fold_ascii(std::string text) {
  for (char &c : text)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string log_searchable(const Record &r) {
  return fold_ascii(r.exercise + '\n' + r.text + '\n' + r.plan_id);
}

std::string answers_text(const std::vector<int> &answers) {
  std::vector<std::string> parts;
  parts.reserve(answers.size());
  for (int a : answers)
    parts.push_back(std::to_string(a));
  return join(parts, ",");
}

bool log_shows(const Record &r, const Position &pos, const LogFilter &filter) {
  if (r.type == RecordType::undo)
    return false;
  if (filter.week && pos.week != *filter.week)
    return false;
  if (filter.since && r.day < *filter.since)
    return false;
  return filter.grep.empty() || log_searchable(r).find(filter.grep) != std::string::npos;
}

std::vector<LogEntry> log_entries(const Plan &plan, const Run &run, const LogFilter &filter) {
  std::vector<LogEntry> entries;
  for (const Record &r : run.records) {
    const Position pos = position(plan, run, r.day);
    if (!log_shows(r, pos, filter))
      continue;
    Record shown = r;
    shown.run = run.number;
    entries.push_back({std::move(shown), pos.week});
  }
  return entries;
}

std::string log_clock(const Record &r, const Zone &zone, std::chrono::minutes day_start) {
  const LocalTime local = to_local(r.recorded, zone);
  const auto midnight = date::floor<date::days>(local);
  return logical_day(local, day_start) == r.day
             ? format_clock_time(std::chrono::duration_cast<std::chrono::minutes>(local - midnight))
             : std::string("     ");
}

namespace {

/// What happened, after the clock: "done     name-it", "note     ..." (empty for an undo).
std::string log_event(const Record &r, unsigned run_number) {
  switch (r.type) {
  case RecordType::start:
    return "started programme " + std::to_string(run_number) + " (" + printable(r.plan_id) + ")";
  case RecordType::end:
    return "ended programme " + std::to_string(run_number) +
           (r.text.empty() ? "" : ": " + printable(r.text));
  case RecordType::done:
    return "done     " + printable(r.exercise);
  case RecordType::skip:
    return "skipped  " + printable(r.exercise) + (r.text.empty() ? "" : ": " + printable(r.text));
  case RecordType::note:
    return "note     " + (r.text.empty() ? std::string("(text erased)") : printable(r.text));
  case RecordType::check:
    return (r.followup != 0 ? "self-check (" + std::to_string(r.followup) + "-week follow-up) "
            : r.week == 0   ? std::string("self-check (baseline) ")
                            : "self-check (week " + std::to_string(r.week) + ") ") +
           answers_text(r.answers);
  case RecordType::undo:
  case RecordType::forgotten:
    break;
  case RecordType::not_arisen:
    return "did not come up: " + printable(r.exercise);
  case RecordType::review:
    return "review   " + printable(r.question) + ": " +
           (r.text.empty() ? std::string("(text erased)") : printable(r.text));
  case RecordType::keep:
    return "keep     " + printable(r.exercise) + ", " + std::to_string(r.times) + " a week";
  case RecordType::keep_stop:
    return "stopped the kept practice";
  case RecordType::cue:
    return "cue      " + printable(r.exercise) +
           (r.text.empty() ? std::string(": back to the plan's") : ": " + printable(r.text));
  case RecordType::pause:
    return "pause    " + (r.until ? "until " + format_day(*r.until) : std::string("open")) +
           (r.text.empty() ? "" : ": " + printable(r.text));
  case RecordType::resume:
    return "resume   back from a pause";
  }
  return {};
}

} // namespace

std::string render_log_line(const Record &r, const Position &pos, unsigned run_number,
                            const std::string &clock, std::size_t width) {
  std::string line = format_day(r.day) + "  ";
  line += pos.week > 0 ? "W" + std::to_string(pos.week) + " D" + std::to_string(pos.day)
                       : std::string("     ");
  while (line.size() < 19)
    line += ' ';
  line += clock + "  ";
  // Where the text of a note or reason begins: wrapped lines hang there (column 36).
  const std::size_t lead =
      line.size() +
      (r.type == RecordType::done || r.type == RecordType::skip || r.type == RecordType::note ? 9
                                                                                              : 0);
  line += log_event(r, run_number);
  return wrap_words(line.substr(lead), width, line.substr(0, lead), std::string(lead, ' '));
}

std::string render_log_text(const Plan &plan, const Run &run, const LogFilter &filter,
                            const Zone &zone, std::chrono::minutes day_start, std::size_t width) {
  std::string text;
  for (const Record &r : run.records) {
    const Position pos = position(plan, run, r.day);
    if (log_shows(r, pos, filter))
      text += render_log_line(r, pos, run.number, log_clock(r, zone, day_start), width);
  }
  if (text.empty())
    return filter.any() ? "Nothing recorded matches.\n" : "Nothing recorded yet.\n";
  return text;
}

} // namespace attune
