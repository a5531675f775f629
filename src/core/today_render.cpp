// The renderers of `attune today`: text and JSON of a TodayView, and what comes after the end
// (moved from the front end: cmd_today.cpp, after_flow.cpp). Return strings; never print.
#include <utility>
#include <vector>

#include "attune/text.hpp"
#include "attune/today_view.hpp"
#include "attune/week_view.hpp"

namespace attune {
namespace {

const char *phase_word(Phase phase) {
  switch (phase) {
  case Phase::not_started:
    return "not_started";
  case Phase::active:
    return "active";
  case Phase::paused:
    return "paused";
  case Phase::finished:
    break;
  }
  return "finished";
}

void write_paused_json(JsonWriter &json, const Position &pos) {
  json.key("paused");
  if (pos.phase != Phase::paused) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("from").value(format_day(pos.pause_from));
  json.key("until");
  if (pos.pause_until)
    json.value(format_day(*pos.pause_until));
  else
    json.null();
  json.key("reason");
  if (pos.pause != nullptr && !pos.pause->reason.empty())
    json.value(pos.pause->reason);
  else
    json.null();
  json.end_object();
}

void write_item_json(JsonWriter &json, const DueItem &item,
                     const std::map<std::string, std::string> &cues) {
  const Exercise &e = *item.exercise;
  const bool weekly = e.schedule.kind == ScheduleKind::times_per_week;
  json.begin_object();
  json.key("id").value(e.id);
  json.key("title").value(e.title);
  // A when-it-arises exercise with nothing recorded is never "open": nothing is owed.
  const bool waiting = e.schedule.situational() && item.state == ExerciseState::open;
  json.key("state").value(waiting ? "if_it_comes_up" : state_word(item.state));
  json.key("due_today").value(item.due_today);
  json.key("week_done");
  if (weekly)
    json.value(item.week_done);
  else
    json.null();
  json.key("week_target");
  if (weekly)
    json.value(item.week_target);
  else
    json.null();
  // The rest of the quota rule (count_quota), so a script sees what report counts.
  for (const auto &[key, number] :
       {std::pair<const char *, unsigned>{"week_skipped", item.week_skipped},
        {"week_extra", item.week_extra}}) {
    json.key(key);
    if (weekly)
      json.value(number);
    else
      json.null();
  }
  json.key("week_met");
  if (weekly)
    json.value(item.week_met);
  else
    json.null();
  const EffectiveCue cue = effective_cue(e, cues);
  json.key("cue").value(cue.text);
  json.key("cue_source").value(to_string(cue.source));
  json.key("what").value(e.what);
  const auto optional_text = [&json](const char *key, const std::string &text) {
    json.key(key);
    if (text.empty())
      json.null();
    else
      json.value(text);
  };
  optional_text("caution", e.caution);
  optional_text("alone", e.alone);
  if (item.state == ExerciseState::skipped)
    json.key("reason").value(item.skip_reason);
  json.key("situational").value(e.schedule.situational());
  json.end_object();
}

/// One exercise of the day: its mark and title line, then what follows from its state.
std::string item_text(const DueItem &item, const std::map<std::string, std::string> &cues,
                      bool color, std::size_t width) {
  const std::string hang(12, ' ');
  const Exercise &e = *item.exercise;
  std::string mark;
  switch (item.state) {
  case ExerciseState::done:
    mark = paint(color, "32", "[done]   ");
    break;
  case ExerciseState::skipped:
    mark = paint(color, "2", "[skipped]");
    break;
  case ExerciseState::not_arisen:
    mark = paint(color, "2", "[no need]");
    break;
  case ExerciseState::open:
    mark = e.schedule.situational() ? "         " : "[open]   ";
    break;
  }
  std::string line = paint(color, "1", printable(e.title)) + " (" + printable(e.id) + ")";
  const std::string weekly = weekly_progress(item);
  if (!weekly.empty())
    line += ": " + weekly;
  std::string out = wrap_words(line, width, "  " + mark + " ", hang);
  if (item.state == ExerciseState::open) {
    if (!e.what.empty())
      out += wrap_words(printable(e.what), width, hang, hang);
    const EffectiveCue cue = effective_cue(e, cues);
    if (cue.source == CueSource::mine)
      out += wrap_words(printable(cue.text), width, hang + "Your cue: ", hang);
    else if (!cue.text.empty())
      out += wrap_words(printable(cue.text), width, hang + "When: ", hang);
    if (!e.alone.empty())
      out += wrap_words(printable(e.alone), width, hang + "On your own: ", hang);
    if (!e.caution.empty())
      out += wrap_words(printable(e.caution), width, hang + paint(color, "1", "Take care:") + " ",
                        hang);
  } else if (item.state == ExerciseState::skipped && !item.skip_reason.empty()) {
    out += wrap_words(printable(item.skip_reason), width, hang + "Reason: ", hang);
  } else if (item.state == ExerciseState::not_arisen) {
    out += wrap_words("It did not come up, and that is fine.", width, hang, hang);
  }
  return out;
}

/// The exercises: the scheduled ones first; then, under their own heading, those for a
/// situation (when-it-arises), which are never open or owed.
std::string items_text(const TodayView &v, bool color, std::size_t width) {
  std::vector<const DueItem *> items;
  for (const bool situational : {false, true})
    for (const DueItem &item : v.view.items)
      if (item.exercise->schedule.situational() == situational)
        items.push_back(&item);
  bool any_waiting = false; // a situational one with nothing recorded yet
  std::string out;
  bool heading_done = false;
  for (const DueItem *item : items) {
    const bool situational = item->exercise->schedule.situational();
    any_waiting = any_waiting || (situational && item->state == ExerciseState::open);
    if (situational && !heading_done) {
      // A blank line between the lists, none when only situations are listed.
      out += std::string(item == items.front() ? "" : "\n") + "If it comes up:\n";
      heading_done = true;
    }
    out += item_text(*item, v.cues, color, width);
  }
  if (any_waiting)
    out += wrap_words("These are for when the moment comes; a day without it counts against "
                      "nothing. 'attune checkin --not-arisen ID' notes that it did not come up.",
                      width, "", "");
  return out;
}

/// The day itself (before render_after_today_text's lines).
std::string day_text(const TodayView &v, bool color, std::size_t width) {
  std::string out;
  const Position &pos = v.view.pos;
  const Plan &plan = *v.plan;
  if (pos.phase == Phase::paused)
    return wrap_words(paused_line(pos.pause_from, pos.pause_until), width, "", "");
  // The welcome back opens the day (never a count of what was missed).
  if (v.day == v.today && v.away.welcome)
    out += wrap_words(welcome_back_line(v.away), width, "", "") + "\n";
  if (pos.phase == Phase::not_started)
    return out + wrap_words("Your programme begins on " + format_day(pos.start) +
                                ". Until then, nothing is due.",
                            width, "", "");
  if (pos.phase == Phase::finished) {
    out += wrap_words("Your programme (" + printable(plan.name) + ") is complete: " +
                          format_day(pos.start) + " to " + format_day(pos.last) + ".",
                      width, "", "");
    return out + wrap_words("See how it went with 'attune report'; begin again with 'attune "
                            "start --restart'.",
                            width, "", "");
  }
  const std::string when = v.day == v.today ? "Today" : format_day(v.day);
  out += paint(color, "1", position_line(pos)) + "  " + when + ", " +
         weekday_long(date::weekday{v.day}) + "\n";
  const Week *week = v.view.week;
  if (week != nullptr)
    out += wrap_words(printable(week->theme), width, "This week: ", "           ");
  if (v.intro && week != nullptr && !week->rationale.empty())
    out += "\n" + render_week_rationale(*week, width);
  if (v.view.items.empty())
    return out + "\n" +
           wrap_words("Nothing is set for this day. A rest is part of the practice.", width, "",
                      "");
  out += "\n" + items_text(v, color, width);
  return out + "\n" +
         wrap_words(day_summary(v.view, v.day == v.today ? "today" : "that day"), width, "", "");
}

std::string kept_text(const Plan &plan, const Run &run, const Maintenance &m, Day day, bool color,
                      std::size_t width) {
  const MaintenanceWeek week = maintenance_week(m.since, day);
  std::string out = "\n" + paint(color, "1", "Your kept practice") + ", week " +
                    std::to_string(week.number) + " (since " + format_day(m.since) + ")\n";
  const std::string hang(12, ' ');
  for (const MaintenanceItem &item : maintenance_day(plan, m, run, day)) {
    std::string mark = item.state == ExerciseState::done      ? paint(color, "32", "[done]   ")
                       : item.state == ExerciseState::skipped ? paint(color, "2", "[skipped]")
                                                              : "[open]   ";
    out +=
        wrap_words(kept_title(item) + " (" + printable(item.exercise) + "): " + kept_progress(item),
                   width, "  " + mark + " ", hang);
    if (item.state == ExerciseState::open && !item.quota.met && item.plan_exercise != nullptr &&
        !item.plan_exercise->what.empty())
      out += wrap_words(printable(item.plan_exercise->what), width, hang, hang);
  }
  return out;
}

} // namespace

std::string render_today_text(const TodayView &view, bool color, std::size_t width) {
  const std::string after = render_after_today_text(*view.plan, *view.run, view.day, color, width);
  return view.over ? after : day_text(view, color, width) + after;
}

std::string render_today_json(const TodayView &v) {
  const Position &pos = v.view.pos;
  JsonWriter json;
  json.begin_object();
  json.schema();
  json.key("date").value(format_day(v.day));
  json.key("phase").value(phase_word(v.over ? Phase::finished : pos.phase));
  write_paused_json(json, pos);
  json.key("away_days").value(v.away.away_days);
  json.key("week").value(pos.week);
  json.key("day").value(pos.day);
  json.key("total_days").value(pos.total_days);
  json.key("start").value(format_day(pos.start));
  json.key("theme");
  if (v.view.week != nullptr)
    json.value(v.view.week->theme);
  else
    json.null();
  json.key("exercises").begin_array();
  for (const DueItem &item : v.view.items)
    write_item_json(json, item, v.cues);
  json.end_array();
  write_after_today_json(json, *v.plan, *v.run, v.day);
  json.end_object();
  return json.str();
}

std::string render_no_programme_text(std::size_t width) {
  return "No programme is running yet.\n" +
         wrap_words("When you are ready, 'attune start' begins six weeks of small steps "
                    "('attune plan list' shows the plans).",
                    width, "", "");
}

std::string render_no_programme_json(Day day) {
  JsonWriter json;
  json.begin_object();
  json.schema();
  json.key("date").value(format_day(day));
  json.key("phase").value("none");
  json.key("exercises").begin_array().end_array();
  json.end_object();
  return json.str();
}

std::string render_after_today_text(const Plan &plan, const Run &run, Day day, bool color,
                                    std::size_t width) {
  if (!programme_over(plan, run, day)) {
    // The last day: the list was shown; the review is offered after it.
    if (review_offered(plan, run, day))
      return "\n" + wrap_words("This is the last day of your programme. When you are ready, "
                               "'attune review' asks three short questions to carry with you.",
                               width, "", "");
    return "";
  }
  const AfterView v = after_view(plan, run, day);
  const bool early = run.ended && *run.ended < position(plan, run, run.start).last;
  std::string out =
      wrap_words("Your programme (" + printable(plan.name) + ") " +
                     (early ? "ended on " + format_day(v.end)
                            : "ran from " + format_day(run.start) + " to " + format_day(v.end)) +
                     ". What you practised is yours to keep.",
                 width, "", "");
  if (v.maintenance.active)
    out += kept_text(plan, run, v.maintenance, day, color, width);
  if (v.followup_due)
    out += "\n" + wrap_words("It is " + std::to_string(*v.followup_due) +
                                 " weeks since your programme ended: 'attune reflect' takes the "
                                 "follow-up self-check, to see where you are now.",
                             width, "", "");
  if (review_offered(plan, run, day))
    out += "\n" + wrap_words("When you are ready, 'attune review' asks three short questions: "
                             "what helped, the early signs of pulling away, and what you will "
                             "keep doing.",
                             width, "", "");
  if (!v.maintenance.active)
    out += "\n" + wrap_words("To carry up to three exercises on as a light practice, use "
                             "'attune keep EXERCISE...'; 'attune report' shows how it went, and "
                             "'attune start' begins a new programme whenever you like.",
                             width, "", "");
  return out;
}

void write_after_today_json(JsonWriter &json, const Plan &plan, const Run &run, Day day) {
  json.key("review_offered").value(review_offered(plan, run, day));
  const Maintenance m = maintenance_of(run);
  json.key("maintenance");
  if (!kept_on(m, day) || !programme_over(plan, run, day)) {
    json.null();
  } else {
    const MaintenanceWeek week = maintenance_week(m.since, day);
    json.begin_object();
    json.key("since").value(format_day(m.since));
    json.key("times_per_week").value(m.times_per_week);
    json.key("week").value(week.number);
    json.key("week_from").value(format_day(week.from));
    json.key("week_to").value(format_day(week.to));
    json.key("exercises").begin_array();
    for (const MaintenanceItem &item : maintenance_day(plan, m, run, day)) {
      json.begin_object();
      json.key("id").value(item.exercise);
      json.key("title").value(item.plan_exercise != nullptr ? item.plan_exercise->title
                                                            : item.exercise);
      json.key("state").value(state_word(item.state));
      json.key("week_done").value(item.quota.done);
      json.key("week_target").value(item.quota.target);
      json.key("week_skipped").value(item.quota.skipped);
      json.key("week_extra").value(item.quota.extra);
      json.key("week_met").value(item.quota.met);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.key("followup_due");
  if (const auto due = followup_due(plan, run, day))
    json.value(*due);
  else
    json.null();
}

} // namespace attune
