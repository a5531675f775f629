// The rules of `attune remind` (moved from the front end, cmd_remind.cpp).
#include "attune/remind.hpp"

#include "attune/after.hpp"
#include "attune/cue.hpp"
#include "attune/json.hpp"
#include "attune/text.hpp"

namespace attune {

const char *to_string(RemindState state) noexcept {
  switch (state) {
  case RemindState::idle:
    return "idle";
  case RemindState::clear:
    return "clear";
  case RemindState::open:
    return "open";
  case RemindState::paused:
    break;
  }
  return "paused";
}

bool is_open(const DueItem &item) {
  if (item.state != ExerciseState::open || item.exercise == nullptr)
    return false;
  if (item.due_today)
    return true;
  return item.exercise->schedule.kind == ScheduleKind::times_per_week && !item.week_met;
}

namespace {

/// After the end: the kept exercises open this maintenance week, and a follow-up due.
Reminder after_the_end(const Plan &plan, const Run &run, Reminder r) {
  r.followup_due = followup_due(plan, run, r.day);
  const Maintenance m = maintenance_of(run);
  r.maintenance = kept_on(m, r.day);
  if (r.maintenance)
    for (const MaintenanceItem &item : maintenance_day(plan, m, run, r.day))
      if (item.state == ExerciseState::open && !item.quota.met)
        r.open.push_back({item.exercise,
                          item.plan_exercise != nullptr ? item.plan_exercise->title : item.exercise,
                          false, item.quota.done, item.quota.target});
  if (r.maintenance || r.followup_due)
    r.state = r.open.empty() && !r.followup_due ? RemindState::clear : RemindState::open;
  return r;
}

} // namespace

Reminder decide_remind(const Plan *plan, const Run *run, Day today) {
  Reminder r;
  r.day = today;
  if (run == nullptr || plan == nullptr)
    return r;
  if (programme_over(*plan, *run, r.day))
    return after_the_end(*plan, *run, r);
  const DayView view = day_view(*plan, *run, r.day);
  if (view.pos.phase == Phase::paused) {
    r.state = RemindState::paused; // resting: nothing to remind of, and no word about it
    r.week = view.pos.week;
    return r;
  }
  if (view.pos.phase != Phase::active)
    return r;
  r.week = view.pos.week;
  r.day_number = view.pos.day;
  r.self_check_due = self_check_due(*plan, *run, r.day);
  for (const DueItem &item : view.items)
    if (is_open(item))
      r.open.push_back({item.exercise->id, item.exercise->title, item.due_today, item.week_done,
                        item.week_target});
  r.state = r.open.empty() ? RemindState::clear : RemindState::open;
  return r;
}

std::string remind_summary(const Reminder &r) {
  std::string text;
  if (!r.open.empty()) {
    text = std::to_string(r.open.size()) + (r.open.size() == 1 ? " practice" : " practices") +
           " open today: ";
    for (std::size_t i = 0; i < r.open.size(); ++i)
      text += (i == 0 ? "" : ", ") + r.open[i].id;
  }
  if (r.followup_due)
    text += (text.empty() ? "the " : "; the ") + std::to_string(*r.followup_due) +
            "-week follow-up self-check is due ('attune reflect')";
  return text;
}

std::string render_remind_text(const Reminder &r, bool notified) {
  std::string out;
  if (r.state == RemindState::open && !notified)
    out += "attune: " + printable(remind_summary(r)) + "\n";
  // Said in words only: the state and exit status stay about today's practice.
  if (r.self_check_due)
    out += "attune: today ends week " + std::to_string(r.week) +
           "; its self-check is there when you are ready ('attune reflect')\n";
  return out;
}

std::string render_remind_json(const Reminder &r) {
  JsonWriter json(0);
  json.begin_object();
  json.schema();
  json.key("state").value(to_string(r.state));
  json.key("date").value(format_day(r.day));
  json.key("week").value(r.week);
  json.key("day").value(r.day_number);
  const std::string summary = remind_summary(r);
  json.key("text").value(summary.empty() ? std::string() : "attune: " + summary);
  json.key("self_check_due").value(r.self_check_due);
  json.key("open").begin_array();
  for (const RemindItem &item : r.open) {
    json.begin_object();
    json.key("id").value(item.id);
    json.key("title").value(item.title);
    json.key("due_today").value(item.due_today);
    json.key("week_done").value(item.week_done);
    json.key("week_target").value(item.week_target);
    json.end_object();
  }
  json.end_array();
  json.key("maintenance").value(r.maintenance);
  json.key("followup_due");
  if (r.followup_due)
    json.value(*r.followup_due);
  else
    json.null();
  json.end_object();
  return json.str() + "\n";
}

} // namespace attune
