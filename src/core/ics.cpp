// The programme as an iCalendar file (RFC 5545), see ics.hpp.
#include "attune/ics.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

std::string two(long long n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

/// "20261025" for a day.
std::string basic_day(Day day) {
  const date::year_month_day ymd{day};
  return std::to_string(static_cast<int>(ymd.year())) + two(static_cast<unsigned>(ymd.month())) +
         two(static_cast<unsigned>(ymd.day()));
}

/// "20261025T030000" for seconds since the epoch of a (local or UTC) day count.
std::string basic_time(date::sys_seconds t) {
  const Day day = date::floor<date::days>(t);
  const auto s = (t - day).count();
  return basic_day(day) + 'T' + two(s / 3600) + two(s / 60 % 60) + two(s % 60);
}

/// "+0200", or "+053728" when the offset has seconds (old local mean times).
std::string offset_text(std::chrono::seconds offset) {
  long long s = offset.count();
  std::string out = s < 0 ? "-" : "+";
  s = s < 0 ? -s : s;
  out += two(s / 3600) + two(s / 60 % 60);
  if (s % 60 != 0)
    out += two(s % 60);
  return out;
}

/// "PT19H", "PT7H30M", "PT0S": a duration from midnight.
std::string duration_text(std::chrono::minutes m) {
  const long long total = m.count();
  if (total == 0)
    return "PT0S";
  std::string out = "PT";
  if (total / 60 != 0)
    out += std::to_string(total / 60) + 'H';
  if (total % 60 != 0)
    out += std::to_string(total % 60) + 'M';
  return out;
}

struct Event {
  Day first;             ///< the day (or first day of an all-week item)
  Day last;              ///< the last day (== first for a timed event)
  bool all_week = false; ///< an N-a-week item: all-day, over first..last
  std::size_t order = 0; ///< plan order of the exercise, for a stable listing
  const Exercise *exercise = nullptr;
  unsigned times = 0; ///< N a week
};

std::string description(const Exercise &e) {
  std::string out = trim_blanks(e.what);
  if (!e.cue.empty())
    out += "\n\nWhen: " + e.cue;
  if (!e.caution.empty())
    out += "\n\n" + e.caution;
  return out;
}

} // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case ';':
      out += "\\;";
      break;
    case ',':
      out += "\\,";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      break;
    default:
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
        out += ' ';
      else
        out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t i = 0;
  std::size_t room = 75; // the first line has 75 octets; a continuation 74 after its space
  while (line.size() - i > room) {
    std::size_t cut = i + room;
    // Never inside a UTF-8 sequence: step back over continuation bytes (10xxxxxx).
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
      --cut;
    if (cut == i) // not UTF-8 (cannot happen for checked text): cut anyway
      cut = i + room;
    out.append(line.substr(i, cut - i));
    out += "\r\n ";
    i = cut;
    room = 74;
  }
  out.append(line.substr(i));
  out += "\r\n";
  return out;
}

std::string ics_timezone(const Zone &zone, Instant from, Instant to) {
  struct Change {
    Instant at;
    std::chrono::seconds before, after;
  };
  Zone::Period period = zone.period_at(from);
  const std::chrono::seconds initial = period.offset;
  std::chrono::seconds current = initial;
  std::vector<Change> changes;
  // A period's end is where the offset may change; some ends (rule boundaries) change nothing.
  while (period.next != Instant::max() && period.next <= to && changes.size() < 10000) {
    const Instant at = period.next;
    period = zone.period_at(at);
    if (period.offset != current)
      changes.push_back({at, current, period.offset});
    current = period.offset;
  }
  const auto component = [](bool daylight, Instant local_start, std::chrono::seconds before,
                            std::chrono::seconds after) {
    const char *kind = daylight ? "DAYLIGHT" : "STANDARD";
    return ics_fold(std::string("BEGIN:") + kind) + ics_fold("DTSTART:" + basic_time(local_start)) +
           ics_fold("TZOFFSETFROM:" + offset_text(before)) +
           ics_fold("TZOFFSETTO:" + offset_text(after)) + ics_fold(std::string("END:") + kind);
  };
  std::string out = ics_fold("BEGIN:VTIMEZONE") + ics_fold("TZID:" + zone.name());
  // The offset in force at the start: daylight when the first change lowers it.
  const bool first_daylight = !changes.empty() && changes.front().after < changes.front().before;
  out += component(first_daylight, from + initial, initial, initial);
  for (const Change &c : changes) // DTSTART is the local time just before the change
    out += component(c.after > c.before, c.at + c.before, c.before, c.after);
  out += ics_fold("END:VTIMEZONE");
  return out;
}

ProgrammeCalendar programme_calendar(const CalendarInput &in) {
  const Plan &plan = in.plan;
  const Run &run = in.run;
  // Walk the days from the start until the programme is over (pauses may move the end
  // later; a bound keeps a damaged run from walking forever).
  const Day limit = run.start + date::days{static_cast<int>(plan.weeks) * 7 + 3660};
  std::vector<Event> events;
  std::map<std::string, std::size_t> open_week; // N-a-week exercise -> its item being built
  for (Day day = run.start; day <= limit; day += date::days{1}) {
    const Position pos = position(plan, run, day);
    if (pos.phase == Phase::finished)
      break;
    const Week *week = pos.phase == Phase::active ? plan.week(pos.week) : nullptr;
    if (week == nullptr) { // a day left out (paused): an all-week item ends before it
      open_week.clear();
      continue;
    }
    const date::weekday wd{day};
    for (std::size_t i = 0; i < week->exercises.size(); ++i) {
      const Exercise &e = week->exercises[i];
      if (e.schedule.kind == ScheduleKind::times_per_week) {
        const std::string key = e.id + '\n' + std::to_string(pos.week);
        const auto it = open_week.find(key);
        if (it != open_week.end() && events[it->second].last + date::days{1} == day) {
          events[it->second].last = day;
        } else {
          open_week[key] = events.size();
          events.push_back({day, day, true, i, &e, e.schedule.times});
        }
      } else if (e.schedule.due_on(wd)) {
        events.push_back({day, day, false, i, &e, 0});
      }
    }
  }
  // Day order; on a day, the all-week items first, then plan order.
  std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
    if (a.first != b.first)
      return a.first < b.first;
    if (a.all_week != b.all_week)
      return a.all_week;
    return a.order < b.order;
  });

  const std::string tzid = in.zone.name();
  const std::string stamp = basic_time(in.stamp) + 'Z';
  const std::string uid_base =
      run.start_id.empty() ? "run" + std::to_string(run.claim) : run.start_id;
  std::string out = ics_fold("BEGIN:VCALENDAR") + ics_fold("VERSION:2.0") +
                    ics_fold("PRODID:-//attune//attune programme calendar//EN") +
                    ics_fold("CALSCALE:GREGORIAN") + ics_fold("METHOD:PUBLISH") +
                    ics_fold("X-WR-CALNAME:" + ics_escape("attune: " + plan.name)) +
                    ics_fold("X-WR-TIMEZONE:" + tzid);
  const Day span_first = events.empty() ? run.start : events.front().first;
  Day span_last = span_first;
  for (const Event &e : events)
    span_last = std::max(span_last, e.last);
  out += ics_timezone(in.zone, Instant{span_first - date::days{1}},
                      Instant{span_last + date::days{2}});
  for (const Event &e : events) {
    const Exercise &x = *e.exercise;
    out += ics_fold("BEGIN:VEVENT");
    out += ics_fold("UID:" + uid_base + '-' + x.id + '-' + basic_day(e.first) + "@attune");
    out += ics_fold("DTSTAMP:" + stamp);
    std::string summary = x.title.empty() ? x.id : x.title;
    if (e.all_week) {
      out += ics_fold("DTSTART;VALUE=DATE:" + basic_day(e.first));
      out += ics_fold("DTEND;VALUE=DATE:" + basic_day(e.last + date::days{1}));
      summary +=
          " (" + std::to_string(e.times) + (e.times == 1 ? " time" : " times") + " this week)";
    } else {
      out += ics_fold("DTSTART;TZID=" + tzid + ':' +
                      basic_time(date::sys_seconds{e.first} + in.remind_at));
      out += ics_fold("DURATION:PT15M");
    }
    out += ics_fold("SUMMARY:" + ics_escape(summary));
    out += ics_fold("DESCRIPTION:" + ics_escape(description(x)));
    out += ics_fold("TRANSP:TRANSPARENT");
    out += ics_fold("BEGIN:VALARM");
    out += ics_fold("ACTION:DISPLAY");
    out += ics_fold("DESCRIPTION:" + ics_escape(summary));
    out += ics_fold("TRIGGER:" + (e.all_week ? duration_text(in.remind_at) : "PT0S"));
    out += ics_fold("END:VALARM");
    out += ics_fold("END:VEVENT");
  }
  out += ics_fold("END:VCALENDAR");
  return {out, events.size()};
}

const Run &calendar_run(const History &history) {
  const Run *run = history.active();
  if (run == nullptr)
    throw Error(ErrorKind::no_data, "no programme is running, so there is no calendar to export",
                "start one with 'attune start'");
  return *run;
}

void check_calendar_left(const Plan &plan, const Run &run, Day today) {
  if (position(plan, run, today).phase == Phase::finished)
    throw Error(ErrorKind::no_data,
                "programme " + std::to_string(run.number) +
                    " has ended, so there is nothing left to remind you of",
                "start a new one with 'attune start'");
}

std::string render_calendar_saved(unsigned run_number, std::size_t events,
                                  std::chrono::minutes remind_at, const std::string &path,
                                  std::size_t width) {
  return wrap_words("Saved the calendar of programme " + std::to_string(run_number) + " (" +
                        std::to_string(events) + (events == 1 ? " reminder" : " reminders") +
                        ", at " + format_clock_time(remind_at) + ") to " + printable(path) +
                        ". Import it into your calendar; importing it again updates it.",
                    width, "", "");
}

} // namespace attune
