// Pause and return: checking a pause, resuming, and the welcome back after time away.
#include "attune/pause.hpp"

#include <algorithm>

#include "attune/error.hpp"
#include "attune/progress.hpp"

namespace attune {
namespace {

bool is_checkin_of_day(const Record &r) noexcept {
  return r.type == RecordType::done || r.type == RecordType::skip;
}

/// True when a day of the plan's week has something planned: a daily or weekday exercise due
/// that day, or an N-a-week one (it may be done on any day of its week).
bool scheduled(const Plan &plan, const Position &pos, Day day) {
  if (pos.phase != Phase::active)
    return false;
  const Week *week = plan.week(pos.week);
  if (week == nullptr)
    return false;
  const date::weekday wd{day};
  return std::any_of(week->exercises.begin(), week->exercises.end(), [&](const Exercise &e) {
    return e.schedule.kind == ScheduleKind::times_per_week || e.schedule.due_on(wd);
  });
}

} // namespace

const Pause *open_pause(const Run &run, Day day) noexcept {
  for (const Pause &p : run.pauses)
    if (!p.until && p.from <= day)
      return &p;
  return nullptr;
}

unsigned pause_days(const Pause &pause, Day today) noexcept {
  const Day last = pause.until ? *pause.until : today;
  if (last < pause.from)
    return 0;
  return static_cast<unsigned>((last - pause.from).count()) + 1;
}

Pause decide_pause(const Plan &plan, const Run &run, Day today, const PauseRequest &request) {
  const std::string hint_pick = "choose other days with --from and --until";
  if (request.until && *request.until < request.from)
    throw Error(ErrorKind::invalid,
                "the pause would end (" + format_day(*request.until) + ") before it begins (" +
                    format_day(request.from) + ")",
                "--until is the last day of the pause, on or after --from");
  if (request.from < run.start)
    throw Error(ErrorKind::invalid,
                "the programme began on " + format_day(run.start) + ", after " +
                    format_day(request.from),
                "a pause can begin on " + format_day(run.start) + " at the earliest");
  const Position at_from = position(plan, run, request.from);
  if (at_from.phase == Phase::finished || (run.ended && request.from > *run.ended))
    throw Error(ErrorKind::invalid,
                "the programme's last day is " + format_day(at_from.last) + ", before " +
                    format_day(request.from),
                "a pause can only rest days of the programme");
  for (const Pause &p : run.pauses) {
    if (!p.until && p.from <= std::max(today, request.from))
      throw Error(ErrorKind::invalid, "a pause is already open, since " + format_day(p.from),
                  "'attune resume' ends it; 'attune undo' withdraws it if it was a mistake");
    const Day p_last = p.until ? *p.until : Day::max();
    const Day r_last = request.until ? *request.until : Day::max();
    if (p.from <= r_last && request.from <= p_last)
      throw Error(ErrorKind::invalid,
                  "there is a pause already from " + format_day(p.from) +
                      (p.until ? " until " + format_day(*p.until) : std::string()),
                  hint_pick + ", or 'attune undo' the earlier pause first");
  }
  const Record *first = nullptr;
  for (const Record &r : run.records)
    if (is_checkin_of_day(r) && r.day >= request.from &&
        (!request.until || r.day <= *request.until) && (first == nullptr || r.day < first->day))
      first = &r;
  if (first != nullptr)
    throw Error(
        ErrorKind::invalid,
        format_day(first->day) + " has a check-in, so it cannot be part of a pause",
        first->day > request.from
            ? "a pause may end the day before: --until " + format_day(first->day - date::days(1))
            : "a pause may begin the day after: --from " + format_day(first->day + date::days(1)));
  return Pause{request.from, request.until, request.reason, {}};
}

Day decide_resume(const Run &run, Day today) {
  if (open_pause(run, today) != nullptr)
    return today;
  for (const Pause &p : run.pauses) {
    if (!p.until && p.from > today)
      throw Error(ErrorKind::invalid,
                  "your pause begins on " + format_day(p.from) + ", after today",
                  "'attune undo' withdraws it if it is no longer wanted");
    if (p.until && p.from <= today && today <= *p.until)
      return today; // back earlier than planned: welcome
  }
  throw Error(ErrorKind::invalid, "you are not pausing",
              "'attune pause' begins a pause; 'attune today' shows what is open");
}

Away away(const Plan &plan, const Run &run, Day today) {
  Away a;
  const Position now = position(plan, run, today);
  if (now.phase != Phase::active || today <= run.start)
    return a;
  // Where the quiet began: the day after the last check-in, or after the last pause.
  Day anchor = run.start - date::days(1);
  for (const Record &r : run.records)
    if (is_checkin_of_day(r) && r.day < today && r.day > anchor) {
      anchor = r.day;
      a.any_checkin = true;
    }
  const bool checkin_anchor = a.any_checkin;
  Day checkin_day = anchor;
  for (const Pause &p : run.pauses)
    if (p.until && *p.until<today && * p.until> anchor)
      anchor = *p.until;
  a.since_days = static_cast<unsigned>((today - checkin_day).count());
  if (!checkin_anchor)
    a.since_days = static_cast<unsigned>((today - run.start).count());
  for (Day d = anchor + date::days(1); d < today; d += date::days(1)) {
    const Position pos = position(plan, run, d);
    if (!scheduled(plan, pos, d))
      continue;
    if (a.away_days == 0)
      a.from = d;
    ++a.away_days;
  }
  a.until = today - date::days(1);
  a.welcome = a.away_days >= welcome_back_days;
  return a;
}

std::string welcome_back_line(const Away &away) {
  if (!away.welcome)
    return {};
  const std::string since =
      away.any_checkin ? "your last check-in was " + std::to_string(away.since_days) + " days ago"
                       : "your programme began " + std::to_string(away.since_days) + " days ago";
  return "Welcome back: " + since + ". If you were away, 'attune pause --from " +
         format_day(away.from) + " --until " + format_day(away.until) +
         "' counts that time as a pause; or simply carry on from today.";
}

std::string paused_line(Day from, const std::optional<Day> &until) {
  if (until)
    return "You are pausing until " + format_day(*until) + " and back on " +
           format_day(*until + date::days(1)) +
           ". Rest well: nothing is due, and your weeks wait for you.";
  return "You are pausing since " + format_day(from) +
         ". Nothing is due; 'attune resume' when you are ready to come back.";
}

} // namespace attune
