// attune today [--date DATE] [--format text|json]: this day of the programme (also bare attune).
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "after_flow.hpp"
#include "attune/after.hpp"
#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/json.hpp"
#include "attune/pause.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "attune/week_view.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "output.hpp"
#include "session.hpp"
#include "week_intro.hpp"

namespace attune::cli {
namespace {

struct TodayOptions {
  std::optional<std::string> date;
  std::string format = "text";
};

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

std::string render_json(const DayView &view, Day day, const Plan &plan, const Run &run,
                        const std::map<std::string, std::string> &cues, const Away &away) {
  JsonWriter json;
  json.begin_object();
  json.schema();
  json.key("date").value(format_day(day));
  json.key("phase").value(
      phase_word(programme_over(plan, run, day) ? Phase::finished : view.pos.phase));
  json.key("paused");
  if (view.pos.phase == Phase::paused) {
    json.begin_object();
    json.key("from").value(format_day(view.pos.pause_from));
    json.key("until");
    if (view.pos.pause_until)
      json.value(format_day(*view.pos.pause_until));
    else
      json.null();
    json.key("reason");
    if (view.pos.pause != nullptr && !view.pos.pause->reason.empty())
      json.value(view.pos.pause->reason);
    else
      json.null();
    json.end_object();
  } else {
    json.null();
  }
  json.key("away_days").value(away.away_days);
  json.key("week").value(view.pos.week);
  json.key("day").value(view.pos.day);
  json.key("total_days").value(view.pos.total_days);
  json.key("start").value(format_day(view.pos.start));
  json.key("theme");
  if (view.week != nullptr)
    json.value(view.week->theme);
  else
    json.null();
  json.key("exercises").begin_array();
  for (const DueItem &item : view.items) {
    const Exercise &e = *item.exercise;
    json.begin_object();
    json.key("id").value(e.id);
    json.key("title").value(e.title);
    // A when-it-arises exercise with nothing recorded is never "open": nothing is owed.
    const bool waiting = e.schedule.situational() && item.state == ExerciseState::open;
    json.key("state").value(waiting ? "if_it_comes_up" : state_word(item.state));
    json.key("due_today").value(item.due_today);
    json.key("week_done");
    if (e.schedule.kind == ScheduleKind::times_per_week)
      json.value(item.week_done);
    else
      json.null();
    json.key("week_target");
    if (e.schedule.kind == ScheduleKind::times_per_week)
      json.value(item.week_target);
    else
      json.null();
    // The rest of the quota rule (count_quota), so a script sees what report counts.
    for (const auto &[key, number] :
         {std::pair<const char *, unsigned>{"week_skipped", item.week_skipped},
          {"week_extra", item.week_extra}}) {
      json.key(key);
      if (e.schedule.kind == ScheduleKind::times_per_week)
        json.value(number);
      else
        json.null();
    }
    json.key("week_met");
    if (e.schedule.kind == ScheduleKind::times_per_week)
      json.value(item.week_met);
    else
      json.null();
    const EffectiveCue cue = effective_cue(e, cues);
    json.key("cue").value(cue.text);
    json.key("cue_source").value(to_string(cue.source));
    json.key("what").value(e.what);
    json.key("caution");
    if (e.caution.empty())
      json.null();
    else
      json.value(e.caution);
    json.key("alone");
    if (e.alone.empty())
      json.null();
    else
      json.value(e.alone);
    if (item.state == ExerciseState::skipped)
      json.key("reason").value(item.skip_reason);
    json.key("situational").value(e.schedule.situational());
    json.end_object();
  }
  json.end_array();
  after_today_json(json, plan, run, day);
  json.end_object();
  return json.str();
}

/// The day as text, every line wrapped at `width` columns; an exercise's lines hang at
/// column 13, under its title. `intro`: the week's rationale follows its theme (the first
/// `today` of a programme week). A cue of the person's own shows as "Your cue:".
std::string render_text(const DayView &view, const Plan &plan, Day day, Day today, bool color,
                        std::size_t width, const std::map<std::string, std::string> &cues,
                        bool intro, const Away &away) {
  const std::string hang(12, ' ');
  std::string out;
  const Position &pos = view.pos;
  if (pos.phase == Phase::paused)
    return wrap_words(paused_line(pos.pause_from, pos.pause_until), width, "", "");
  // The welcome back opens the day (never a count of what was missed).
  if (day == today && away.welcome)
    out += wrap_words(welcome_back_line(away), width, "", "") + "\n";
  if (pos.phase == Phase::not_started) {
    out += wrap_words("Your programme begins on " + format_day(pos.start) +
                          ". Until then, nothing is due.",
                      width, "", "");
    return out;
  }
  if (pos.phase == Phase::finished) {
    out += wrap_words("Your programme (" + printable(plan.name) + ") is complete: " +
                          format_day(pos.start) + " to " + format_day(pos.last) + ".",
                      width, "", "");
    out += wrap_words(
        "See how it went with 'attune report'; begin again with 'attune start --restart'.", width,
        "", "");
    return out;
  }
  const std::string when = day == today ? "Today" : format_day(day);
  out += paint(color, "1", position_line(pos)) + "  " + when + ", " +
         weekday_long(date::weekday{day}) + "\n";
  if (view.week != nullptr)
    out += wrap_words(printable(view.week->theme), width, "This week: ", "           ");
  if (intro && view.week != nullptr && !view.week->rationale.empty())
    out += "\n" + render_week_rationale(*view.week, width);
  if (view.items.empty()) {
    out += "\n" + wrap_words("Nothing is set for this day. A rest is part of the practice.", width,
                             "", "");
    return out;
  }
  out += "\n";
  // The scheduled exercises first; then, under their own heading, those for a situation
  // (when-it-arises), which are never open or owed.
  std::vector<DueItem> items;
  for (const bool situational : {false, true})
    for (const DueItem &item : view.items)
      if (item.exercise->schedule.situational() == situational)
        items.push_back(item);
  bool any_waiting = false; // a situational one with nothing recorded yet
  for (const DueItem &item : items)
    any_waiting =
        any_waiting || (item.exercise->schedule.situational() && item.state == ExerciseState::open);
  bool heading_done = false;
  for (const DueItem &item : items) {
    const Exercise &e = *item.exercise;
    const bool situational = e.schedule.situational();
    if (situational && !heading_done) {
      // A blank line between the lists, none when only situations are listed.
      out += std::string(&item == &items.front() ? "" : "\n") + "If it comes up:\n";
      heading_done = true;
    }
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
      mark = situational ? "         " : "[open]   ";
      break;
    }
    std::string line = paint(color, "1", printable(e.title)) + " (" + printable(e.id) + ")";
    const std::string weekly = weekly_progress(item);
    if (!weekly.empty())
      line += ": " + weekly;
    out += wrap_words(line, width, "  " + mark + " ", hang);
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
  }
  if (any_waiting)
    out += wrap_words("These are for when the moment comes; a day without it counts against "
                      "nothing. 'attune checkin --not-arisen ID' notes that it did not come up.",
                      width, "", "");
  out += "\n" + wrap_words(day_summary(view, day == today ? "today" : "that day"), width, "", "");
  return out;
}

int run_today(Session &session, const TodayOptions &opts) {
  Context &ctx = session.ctx();
  session.check_now_setting();
  const Journal journal = session.read_journal_run(std::nullopt);
  const History history = build_history(journal);
  const Run *run = history.active();
  if (run == nullptr)
    run = ended_run(history); // ended with 'attune end': what comes after it
  if (run == nullptr) {
    // Nothing to show for a day: the clock and the time zone are only needed for --date
    // and JSON (start-up stays as cheap as the binary's).
    if (opts.date || opts.format == "json") {
      const Day today = session.today();
      (void)resolve_run_day(opts.date, today, nullptr);
    }
    if (opts.format == "json") {
      const Day today = session.today();
      JsonWriter json;
      json.begin_object();
      json.schema();
      json.key("date").value(format_day(resolve_run_day(opts.date, today, nullptr)));
      json.key("phase").value("none");
      json.key("exercises").begin_array().end_array();
      json.end_object();
      ctx.out << json.str();
      return exit_code::ok;
    }
    ctx.out << "No programme is running yet.\n"
            << wrap_words("When you are ready, 'attune start' begins six weeks of small steps "
                          "('attune plan list' shows the plans).",
                          ctx.text_width(), "", "");
    return exit_code::ok;
  }
  const Day today = session.today();
  const Day day = resolve_run_day(opts.date, today, run);
  const Plan plan = session.plan_for_run(*run);
  const DayView view = day_view(plan, *run, day);
  const std::map<std::string, std::string> cues = personal_cues(*run);
  const Away gap = away(plan, *run, day);
  if (opts.format == "json") {
    ctx.out << render_json(view, day, plan, *run, cues, gap);
    return exit_code::ok;
  }
  if (programme_over(plan, *run, day)) {
    ctx.out << after_today_text(plan, *run, day, session.use_color(), ctx.text_width());
    return exit_code::ok;
  }
  // The first text view of a programme week (today's, not another day's) introduces it;
  // --quiet leaves the introduction out and does not count as having shown it.
  const bool this_week = day == today && view.pos.phase == Phase::active;
  std::optional<WeekSeen> seen;
  bool intro = false;
  if (this_week && !ctx.global.quiet) {
    seen = read_week_seen(session);
    intro = week_is_new(seen, programme_key(*run), view.pos.week, WeekSeenKind::intro);
  }
  ctx.out << render_text(view, plan, day, today, session.use_color(), ctx.text_width(), cues, intro,
                         gap)
          << after_today_text(plan, *run, day, session.use_color(), ctx.text_width());
  if (intro)
    write_week_seen(session,
                    remember_week(seen, programme_key(*run), view.pos.week, WeekSeenKind::intro));
  if (this_week)
    offer_week_cues(session, plan, *run, view.pos.week);
  return exit_code::ok;
}

} // namespace

Command register_today(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<TodayOptions>();
  sub->add_option("--date", opts->date, "Another day (YYYY-MM-DD, yesterday, -N, mon...)")
      ->type_name("DATE");
  sub->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  return {sub, [&session, opts]() { return run_today(session, *opts); }};
}

} // namespace attune::cli
