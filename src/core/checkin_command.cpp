// attune checkin as a core command (see checkin_command.hpp): what a check-in records.
#include "attune/checkin_command.hpp"

#include <algorithm>

#include "attune/checkin_rules.hpp"
#include "attune/daily.hpp"
#include "attune/error.hpp"
#include "attune/pause.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

bool contains(const std::vector<std::string> &list, const std::string &id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

std::string comma_list(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

/// An exercise id of this week's plan for what was typed, or a clear error: another week's
/// exercise is named as such, anything else gets candidates and a did-you-mean.
std::string resolve_name(const std::string &typed, const Plan &plan, const DayView &view) {
  const std::vector<std::string> week_ids = checkin_exercise_ids(view);
  try {
    return match_exercise(typed, week_ids, "this week");
  } catch (const Error &) {
    for (const std::string &id : plan.exercise_ids())
      if (id == typed ||
          (id.compare(0, typed.size(), typed) == 0 && typed.size() >= 3 && !contains(week_ids, id)))
        throw Error(ErrorKind::invalid,
                    "\"" + id + "\" is not part of week " + std::to_string(view.pos.week) +
                        "'s plan",
                    "this week: " + comma_list(week_ids));
    throw;
  }
}

const Exercise *week_exercise(const DayView &view, const std::string &id) {
  for (const Exercise &e : view.week->exercises)
    if (e.id == id)
      return &e;
  return nullptr;
}

std::string already_word(ExerciseState s) {
  return s == ExerciseState::done      ? " (done)"
         : s == ExerciseState::skipped ? " (skipped)"
                                       : " (did not come up)";
}

/// The record loop both check-ins share: one record per name still open that day (by
/// `state_of`), else an "already" entry; then the note.
template <typename StateOf>
void record_answers(CheckinOutcome &out, const CheckinRequest &req, const Run &run,
                    const RecordStamp &stamp, StateOf state_of) {
  const auto make = [&](RecordType type, const std::string &id) {
    Record r = new_record(type, run, out.day, stamp);
    r.exercise = id;
    return r;
  };
  for (const auto &id : req.done) {
    if (state_of(id) == ExerciseState::done) {
      out.already.push_back(id + " (done)");
      continue;
    }
    out.records.push_back(make(RecordType::done, id));
    out.saved.push_back(id + " done");
  }
  for (const auto &id : req.skip) {
    if (const ExerciseState s = state_of(id); s != ExerciseState::open) {
      out.already.push_back(id + already_word(s));
      continue;
    }
    Record r = make(RecordType::skip, id);
    if (auto it = req.skip_reasons.find(id); it != req.skip_reasons.end())
      r.text = it->second;
    else if (req.reason)
      r.text = *req.reason;
    out.records.push_back(std::move(r));
    out.saved.push_back(id + " skipped");
  }
  for (const auto &id : req.not_arisen) {
    if (const ExerciseState s = state_of(id); s != ExerciseState::open) {
      out.already.push_back(id + already_word(s));
      continue;
    }
    out.records.push_back(make(RecordType::not_arisen, id));
    out.saved.push_back(id + " did not come up");
  }
}

void record_note(CheckinOutcome &out, const CheckinRequest &req, const Run &run,
                 const RecordStamp &stamp) {
  if (!req.note)
    return;
  Record r = new_record(RecordType::note, run, out.day, stamp);
  r.text = *req.note;
  out.records.push_back(std::move(r));
  out.saved.push_back("a note");
}

std::string already_line(const CheckinOutcome &out) {
  if (out.already.empty())
    return "";
  return "Already recorded for " + format_day(out.day) + ": " + comma_list(out.already) + ".\n";
}

} // namespace

bool CheckinRequest::names_something() const noexcept {
  return !done.empty() || !skip.empty() || !not_arisen.empty() || note || all || skip_all;
}

bool CheckinRequest::empty() const noexcept {
  return done.empty() && skip.empty() && not_arisen.empty() && !note && earlier.empty();
}

std::vector<Record> CheckinOutcome::to_append() const {
  std::vector<Record> out;
  if (records.empty())
    return out;
  if (resume)
    out.push_back(*resume);
  out.insert(out.end(), records.begin(), records.end());
  return out;
}

void check_checkin_request(const CheckinRequest &req, bool can_ask,
                           const std::function<std::vector<std::string>()> &examples) {
  if (req.all && req.skip_all)
    throw Error(ErrorKind::usage, "--all and --skip-all cannot be used together",
                "--all records everything open as done, --skip-all as skipped; choose one");
  if (req.all && !req.done.empty())
    throw Error(ErrorKind::usage, "--all already records everything open as done",
                "leave out the exercise names, or name them without --all");
  if (req.skip_all && !req.skip.empty())
    throw Error(ErrorKind::usage, "--skip-all already skips everything open",
                "leave out --skip, or name what to skip without --skip-all");
  const auto example = [&examples](bool last) {
    std::vector<std::string> ids = examples ? examples() : std::vector<std::string>{};
    if (ids.empty())
      ids.push_back("EXERCISE");
    return last ? ids.back() : ids.front();
  };
  if (!req.names_something() && !can_ask)
    throw Error(ErrorKind::usage, "nothing to record",
                "name what you did, e.g. 'attune checkin " + example(false) +
                    "', or run it in a terminal to be asked");
  // Text that is not UTF-8 would come back garbled in every report: refuse it before saving.
  for (const auto *text : {&req.note, &req.reason})
    if (*text && !is_valid_utf8(**text))
      throw Error(ErrorKind::invalid,
                  std::string(text == &req.note ? "the note" : "the reason") +
                      " is not valid UTF-8 text",
                  "check your terminal's character encoding; nothing was saved");
  for (const auto *text : {&req.note, &req.reason})
    if (*text && trim_blanks(**text).empty())
      throw Error(ErrorKind::invalid,
                  std::string(text == &req.note ? "the note" : "the reason") + " is empty",
                  "write a few words, or leave out " +
                      std::string(text == &req.note ? "--note" : "--reason") +
                      "; nothing was saved");
  if (req.reason && req.skip.empty() && !req.skip_all)
    throw Error(ErrorKind::usage, "--reason goes with --skip or --skip-all",
                "e.g. 'attune checkin --skip " + example(true) + " --reason \"a long day\"'");
}

void refuse_paused_day(const DayView &view, Day day, Day today, bool ends_open_pause) {
  if (view.pos.phase != Phase::paused || ends_open_pause)
    return;
  const std::string span = view.pos.pause_until ? "from " + format_day(view.pos.pause_from) +
                                                      " until " + format_day(*view.pos.pause_until)
                                                : "since " + format_day(view.pos.pause_from);
  throw Error(ErrorKind::invalid,
              format_day(day) + " is a day of your pause (" + span + "), so it takes no check-ins",
              day <= today && view.pos.pause_until && *view.pos.pause_until >= today
                  ? "if you are back, 'attune resume' ends the pause today"
                  : "'attune resume' ends a pause; 'attune undo' withdraws one made by mistake");
}

void refuse_ended_day(const DayView &view, Day day) {
  if (view.pos.phase != Phase::active || view.week == nullptr)
    throw Error(ErrorKind::invalid,
                "the programme ended on " + format_day(view.pos.last) + ", so " + format_day(day) +
                    " cannot take check-ins",
                "see 'attune report', or begin again with 'attune start --restart'");
}

CheckinRequest resolve_checkin_request(CheckinRequest req, const Plan &plan, const DayView &view,
                                       Day day) {
  refuse_ended_day(view, day);
  for (auto &name : req.done)
    name = resolve_name(name, plan, view);
  for (auto &name : req.skip) {
    name = resolve_name(name, plan, view);
    if (const Exercise *e = week_exercise(view, name))
      if (const auto refusal = refuse_skip(*e, day))
        throw Error(ErrorKind::invalid, refusal->message, refusal->hint);
  }
  for (const auto &id : req.skip)
    if (contains(req.done, id))
      throw Error(ErrorKind::usage, "\"" + id + "\" is named as both done and skipped",
                  "choose one");
  for (auto &name : req.not_arisen) {
    name = resolve_name(name, plan, view);
    if (const Exercise *e = week_exercise(view, name))
      if (const auto refusal = refuse_not_arisen(*e))
        throw Error(ErrorKind::invalid, refusal->message, refusal->hint);
    const bool done = contains(req.done, name);
    if (done || contains(req.skip, name))
      throw Error(ErrorKind::usage,
                  "\"" + name + "\" is named as both " + (done ? "done" : "skipped") +
                      " and not arisen",
                  "choose one");
  }
  // --all / --skip-all: what is open that day (checkin_rules: open_exercises), but what
  // was named the other way ("--all --skip trigger-note": all done but that one).
  if (req.all || req.skip_all) {
    auto &into = req.all ? req.done : req.skip;
    const auto &other = req.all ? req.skip : req.done;
    for (const Exercise *e : open_exercises(view))
      if (!contains(other, e->id))
        into.push_back(e->id);
  }
  return req;
}

bool nothing_open(const CheckinRequest &req) noexcept {
  return (req.all || req.skip_all) && req.done.empty() && req.skip.empty() && !req.note;
}

CheckinOutcome decide_checkin(const Plan &plan, const Run &active, Day day, Day today,
                              const CheckinRequest &req, const RecordStamp &stamp) {
  CheckinOutcome out;
  out.day = day;
  // An open pause ends with this check-in: its `resume` is written first.
  if (day == today && open_pause(active, today) != nullptr)
    out.resume = new_record(RecordType::resume, active, today, stamp);
  const Run run = out.resume ? with_records(active, {*out.resume}) : active;
  const DayView before = day_view(plan, run, day);
  refuse_paused_day(before, day, today, false);
  record_answers(out, req, run, stamp, [&before](const std::string &id) {
    for (const DueItem &item : before.items)
      if (item.exercise->id == id)
        return item.state;
    return ExerciseState::open;
  });
  // Earlier days answered in the interactive check-in, each only if still unanswered.
  for (const auto &past : req.earlier) {
    const DayView then = day_view(plan, run, past.day);
    std::string list;
    for (const auto &[ids, type] :
         {std::pair{&past.done, RecordType::done}, std::pair{&past.skip, RecordType::skip}})
      for (const auto &id : *ids) {
        const auto still = unanswered_exercises(then);
        if (std::none_of(still.begin(), still.end(),
                         [&id](const Exercise *e) { return e->id == id; }))
          continue;
        Record r = new_record(type, run, past.day, stamp);
        r.exercise = id;
        out.records.push_back(std::move(r));
        list += (list.empty() ? "" : ", ") + id + (type == RecordType::done ? " done" : " skipped");
      }
    if (!list.empty())
      out.earlier_saved.push_back(format_day(past.day) + ": " + list);
  }
  record_note(out, req, run, stamp);
  return out;
}

Run run_after_checkin(const Run &active, const CheckinOutcome &outcome) {
  std::vector<Record> all;
  if (outcome.resume)
    all.push_back(*outcome.resume);
  all.insert(all.end(), outcome.records.begin(), outcome.records.end());
  return with_records(active, all);
}

CheckinOutcome decide_kept_checkin(const Plan &plan, const Run &run, Day day,
                                   const CheckinRequest &request, const RecordStamp &stamp) {
  const bool names =
      !request.done.empty() || !request.skip.empty() || request.all || request.skip_all;
  refuse_kept_checkin(plan, run, day, names);
  const Maintenance m = maintenance_of(run);
  const std::vector<MaintenanceItem> items = kept_items_on(plan, m, run, day);
  CheckinRequest req = request;
  req.not_arisen.clear(); // nothing kept is tied to a situation
  for (auto &name : req.done)
    name = match_exercise(name, m.exercises, "your kept practice");
  for (auto &name : req.skip)
    name = match_exercise(name, m.exercises, "your kept practice");
  if (req.all || req.skip_all) {
    auto &into = req.all ? req.done : req.skip;
    const auto &other = req.all ? req.skip : req.done;
    for (const MaintenanceItem &i : kept_items_to_ask(items))
      if (!contains(other, i.exercise))
        into.push_back(i.exercise);
  }
  CheckinOutcome out;
  out.day = day;
  record_answers(out, req, run, stamp, [&items](const std::string &id) {
    for (const MaintenanceItem &i : items)
      if (i.exercise == id)
        return i.state;
    return ExerciseState::open;
  });
  record_note(out, req, run, stamp);
  return out;
}

std::vector<MaintenanceItem> kept_items_to_ask(const std::vector<MaintenanceItem> &items) {
  std::vector<MaintenanceItem> out;
  for (const MaintenanceItem &i : items)
    if (i.state == ExerciseState::open && !i.quota.met)
      out.push_back(i);
  return out;
}

std::string render_checkin(const CheckinOutcome &out, const Plan &plan, const Run &after,
                           const CheckinWording &how) {
  std::string text = already_line(out);
  if (how.quiet)
    return text;
  const Day day = out.day;
  if (!out.saved.empty()) {
    // Before the day boundary (04:00 by default) the logical today is the calendar's
    // yesterday: say which day it went to, so 01:30 on Saturday is not a surprise.
    const bool early = day == how.today && how.early;
    const std::string when = day != how.today ? format_day(day)
                             : early          ? format_day(day) + " (before " + how.day_starts +
                                           " still counts as the day before)"
                                     : "today";
    std::string line =
        "Saved for " + when + ": " + comma_list(out.saved) + ". " +
        day_summary(day_view(plan, after, day), day == how.today && !early ? "today" : "that day");
    const std::string sp = streak_phrase(streak(plan, after, how.today, how.recorded_day));
    if (!sp.empty())
      line += " You have " + sp + ".";
    text += wrap_words(line, how.width, "", "");
  }
  for (const auto &entry : out.earlier_saved)
    text += wrap_words("Saved for " + entry + ".", how.width, "", "");
  return text;
}

std::string nothing_open_line(Day day, Day today) {
  return "Nothing is open for " + (day == today ? std::string("today") : format_day(day)) +
         "; nothing recorded.\n";
}

std::optional<std::string> checkin_note(const std::vector<std::string> &parts) {
  std::string note;
  for (const std::string &part : parts)
    note += (note.empty() ? "" : " / ") + part;
  if (note.empty())
    return std::nullopt;
  return note;
}

std::string nothing_recorded_line() {
  return "\nNothing recorded. That is fine; come back when you are ready.\n";
}

std::string end_pause_question(Day from, std::size_t width) {
  return wrap_words("You are pausing since " + format_day(from) +
                        ". Welcome back: end the pause and check in for today? [Y/n]",
                    width, "", "");
}

std::string pause_goes_on_line() {
  return "\nYour pause goes on; nothing recorded. Rest well.\n";
}

std::string pause_ends_note(Day from) {
  return "your pause since " + format_day(from) + " ends with this check-in: welcome back";
}

std::string kept_all_taken_care_line(Day day) {
  return "\nEverything you keep is taken care of for " + format_day(day) + ".\n";
}

std::string render_kept_checkin(const CheckinOutcome &out, const Plan &plan, const Run &after,
                                const CheckinWording &how) {
  std::string text = already_line(out);
  const Day day = out.day;
  if (out.saved.empty()) {
    if (out.already.empty())
      text += nothing_open_line(day, how.today);
    return text;
  }
  if (how.quiet)
    return text;
  std::string line = "Saved for " + (day == how.today ? std::string("today") : format_day(day)) +
                     ": " + comma_list(out.saved) + ".";
  const Maintenance m = maintenance_of(after);
  if (kept_on(m, day)) {
    std::string weekly;
    for (const MaintenanceItem &i : maintenance_day(plan, m, after, day))
      weekly += (weekly.empty() ? "" : "; ") + printable(i.exercise) + " " + kept_progress(i);
    line += " So far: " + weekly + ".";
  }
  return text + wrap_words(line, how.width, "", "");
}

} // namespace attune
