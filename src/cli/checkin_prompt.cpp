// The terminal questions of `attune checkin` (see checkin_prompt.hpp).
#include "checkin_prompt.hpp"

#include <istream>
#include <ostream>
#include <string>

#include "attune/checkin_command.hpp"
#include "attune/checkin_rules.hpp"
#include "attune/prompts.hpp"
#include "attune/text.hpp"
#include "context.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

enum class CheckinAnswer { done, skip, not_yet, ended, not_arisen };

/// Asks "done / skip / not yet?" about one exercise until the answer is one of those; for a
/// when-it-arises exercise "done / didn't come up / not yet?" (nothing there is skipped: a
/// situation that did not come up is not a skip). `what` names it, with its progress.
CheckinAnswer ask_one(Context &ctx, const std::string &what, bool situational) {
  for (;;) {
    ctx.out << '\n'
            << what
            << (situational ? "\n  done / didn't come up / not yet? [d/c/Enter] "
                            : "\n  done / skip / not yet? [d/s/Enter] ")
            << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      return CheckinAnswer::ended;
    line = trim_blanks(line);
    if (line == "d" || line == "done" || line == "y" || line == "yes")
      return CheckinAnswer::done;
    if (!situational && (line == "s" || line == "skip"))
      return CheckinAnswer::skip;
    if (situational && (line == "c" || line == "didn't come up" || line == "did not come up"))
      return CheckinAnswer::not_arisen;
    if (line.empty() || line == "n" || line == "not yet")
      return CheckinAnswer::not_yet;
    ctx.out << (situational ? "  Please type d, c, or just press Enter."
                            : "  Please type d, s, or just press Enter.");
  }
}

CheckinAnswer ask_exercise(Context &ctx, const Exercise &e, const std::string &weekly) {
  std::string what = printable(e.title) + " (" + printable(e.id) + ")";
  if (e.schedule.situational())
    what += ", if it came up: " + printable(e.cue);
  else if (!weekly.empty())
    what += ", " + weekly;
  return ask_one(ctx, what, e.schedule.situational());
}

/// A line of input, trimmed; nullopt at the end of input.
std::optional<std::string> read_answer_line(Context &ctx) {
  std::string line;
  if (!std::getline(ctx.in, line))
    return std::nullopt;
  return trim_blanks(line);
}

/// After a done: the exercise's prompts, one line each. False at the end of input.
bool ask_prompts(Context &ctx, const Exercise &e, std::vector<std::string> &reflections) {
  ctx.out << "  A few words for each, if you like (Enter to pass):\n";
  std::vector<std::string> answers;
  bool ended = false;
  for (const std::string &prompt : e.prompts) {
    ctx.out << "  " << printable(prompt) << "\n  > " << std::flush;
    std::string reply;
    if (!std::getline(ctx.in, reply)) {
      ended = true;
      break;
    }
    answers.push_back(reply);
  }
  if (auto text = labelled_answers(e.title, e.prompts, answers); !text.empty())
    reflections.push_back(std::move(text));
  return !ended;
}

/// Today's questions. False at the end of input.
bool ask_today(Context &ctx, const DayView &view, CheckinRequest &req,
               std::vector<std::string> &reflections) {
  // What is open, then the situational exercises with nothing recorded that day (never open:
  // asked so that practice is counted, and "it did not come up" noted if the person wishes).
  std::vector<const Exercise *> to_ask = open_exercises(view);
  for (const Exercise *e : situational_unrecorded(view))
    to_ask.push_back(e);
  for (const Exercise *e : to_ask) {
    std::string weekly;
    for (const DueItem &i : view.items)
      if (i.exercise == e)
        weekly = weekly_progress(i);
    const CheckinAnswer answer = ask_exercise(ctx, *e, weekly);
    if (answer == CheckinAnswer::ended)
      return false;
    if (answer == CheckinAnswer::done) {
      req.done.push_back(e->id);
      if (!e->prompts.empty() && !ask_prompts(ctx, *e, reflections))
        return false;
    } else if (answer == CheckinAnswer::skip) {
      req.skip.push_back(e->id);
      ctx.out << "  A reason, if you like (Enter to pass):\n  > " << std::flush;
      const auto reason = read_answer_line(ctx);
      if (!reason)
        return false;
      if (!reason->empty() && is_valid_utf8(*reason))
        req.skip_reasons[e->id] = *reason;
    } else if (answer == CheckinAnswer::not_arisen) {
      req.not_arisen.push_back(e->id);
    }
  }
  return true;
}

} // namespace

void ask_checkin(Session &session, const Plan &plan, const Run &run, const DayView &view, Day day,
                 bool offer_earlier, CheckinRequest &req) {
  Context &ctx = session.ctx();
  std::vector<std::string> reflections; // answers to the plan's prompts, labelled
  ctx.out << position_line(view.pos) << ". For each one: d = done, s = skip, Enter = not yet.\n";
  bool ended = !ask_today(ctx, view, req, reflections);
  // After a gap: the earlier days of this week, newest first, only what was scheduled on them
  // (the prompts are asked for today's practice only, to keep catching up short).
  const std::vector<Day> earlier =
      offer_earlier && !ended ? unanswered_days(plan, run, day) : std::vector<Day>{};
  for (const Day past_day : earlier) {
    if (ended)
      break;
    const DayView past = day_view(plan, run, past_day);
    ctx.out << "\n"
            << weekday_long(date::weekday{past_day}) << " " << format_day(past_day)
            << ", not answered yet:";
    CheckinRequest::Earlier answers;
    answers.day = past_day;
    for (const Exercise *e : unanswered_exercises(past)) {
      const CheckinAnswer answer = ask_exercise(ctx, *e, "");
      if (answer == CheckinAnswer::ended) {
        ended = true;
        break;
      }
      if (answer == CheckinAnswer::done)
        answers.done.push_back(e->id);
      else if (answer == CheckinAnswer::skip)
        answers.skip.push_back(e->id); // no reason asked: catching up stays short
    }
    if (!answers.done.empty() || !answers.skip.empty())
      req.earlier.push_back(std::move(answers));
  }
  if (!ended) {
    ctx.out << "\nA note for the day? (Enter to leave it) " << std::flush;
    if (const auto line = read_answer_line(ctx); line && !line->empty())
      reflections.push_back(*line);
  }
  // One note for the day: the prompts' answers first, then the free note.
  if (auto note = checkin_note(reflections))
    req.note = std::move(note);
}

bool ask_to_end_pause(Context &ctx, const Pause &open) {
  ctx.out << end_pause_question(open.from, ctx.text_width()) << "> " << std::flush;
  const auto a = read_answer_line(ctx);
  return a && *a != "n" && *a != "N" && *a != "no" && *a != "No";
}

void ask_kept_checkin(Context &ctx, const std::vector<MaintenanceItem> &items, Day day,
                      CheckinRequest &req) {
  ctx.out << "Your kept practice. For each one: d = done, s = skip, Enter = not yet.\n";
  const std::vector<MaintenanceItem> to_ask = kept_items_to_ask(items);
  for (const MaintenanceItem &item : to_ask) {
    const std::string title = item.plan_exercise != nullptr ? printable(item.plan_exercise->title)
                                                            : printable(item.exercise);
    const CheckinAnswer a =
        ask_one(ctx, title + " (" + printable(item.exercise) + "), " + kept_progress(item), false);
    if (a == CheckinAnswer::ended)
      break;
    if (a == CheckinAnswer::done)
      req.done.push_back(item.exercise);
    else if (a == CheckinAnswer::skip)
      req.skip.push_back(item.exercise);
  }
  if (to_ask.empty())
    ctx.out << kept_all_taken_care_line(day);
}

} // namespace attune::cli
