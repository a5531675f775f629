// The rules of `attune reflect` (reflect_rules.hpp).
#include "attune/reflect_rules.hpp"

#include <algorithm>

#include "attune/after.hpp"
#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "attune/undo.hpp"

namespace attune {

std::string scale_text(const SelfCheck &check) {
  return std::to_string(check.scale_min) + " to " + std::to_string(check.scale_max);
}

std::optional<int> parse_scale_answer(const std::string &text, const SelfCheck &check) {
  if (text.empty() || text.size() > 3)
    return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < check.scale_min || value > check.scale_max)
    return std::nullopt;
  return value;
}

std::vector<int> parse_answers(const std::string &text, const SelfCheck &check) {
  std::vector<int> answers;
  for (const std::string &part : split_answers(text)) {
    const auto value = parse_scale_answer(part, check);
    if (!value)
      throw Error(ErrorKind::invalid,
                  "answer " + std::to_string(answers.size() + 1) + " \"" + part +
                      "\" is not on the scale " + scale_text(check),
                  "give one whole number from " + scale_text(check) + " per statement");
    answers.push_back(*value);
  }
  if (answers.size() != check.answer_count())
    throw Error(ErrorKind::invalid,
                "got " + plural(static_cast<long long>(answers.size()), "answer", "answers") +
                    " for " +
                    plural(static_cast<long long>(check.items.size()), "statement", "statements") +
                    (check.has_distress() ? " and the question \"" + check.distress.text + "\""
                                          : std::string()),
                check.has_distress()
                    ? "give one answer per statement, in order, then one for the question: see "
                      "'attune plan show'"
                    : "give one answer per statement, in order: see 'attune plan show'");
  return answers;
}

std::string example_answers(const SelfCheck &check) {
  return join(std::vector<std::string>(check.answer_count(), std::to_string(check.scale_min)), ",");
}

std::string redo_hint(const Record &check) {
  return "to redo it, run 'attune undo " + short_command_id(command_id(check)) +
         "' first (it withdraws only that self-check)";
}

std::string week_name(unsigned week) {
  return week == 0 ? std::string("your starting point (baseline)") : "week " + std::to_string(week);
}

std::string check_name(unsigned week, unsigned followup) {
  return followup != 0 ? "the " + std::to_string(followup) + "-week follow-up"
         : week == 0   ? std::string("the baseline self-check")
                       : "the self-check for week " + std::to_string(week);
}

namespace {

/// After the end: the follow-up due on `day`, or nullopt while the last week's self-check may
/// still come late; throws when nothing is due.
std::optional<unsigned> followup_target(const Plan &plan, const Run &run, Day day,
                                        const std::vector<unsigned> &taken) {
  const auto followup = followup_due(plan, run, day);
  if (followup)
    return followup;
  // The last week's self-check may still come late, until the first follow-up is due.
  const bool last_taken = std::find(taken.begin(), taken.end(), plan.weeks) != taken.end() ||
                          run.ended || day >= followup_due_day(plan, run, followup_weeks.front());
  if (!last_taken)
    return std::nullopt;
  std::optional<Day> next;
  for (const unsigned weeks : followup_weeks)
    if (!next && followup_due_day(plan, run, weeks) > day)
      next = followup_due_day(plan, run, weeks);
  throw Error(ErrorKind::invalid,
              next ? "the next self-check is the follow-up on " + format_day(*next) + ", " +
                         std::to_string((*next - day).count()) + " days from now"
                   : std::string("both follow-up self-checks are recorded"),
              next ? "'attune remind' says when it is due; 'attune report' shows the trend"
                   : "'attune report' shows them on the trend");
}

} // namespace

ReflectTarget reflect_target(const Plan &plan, const Run &run, Day day,
                             std::optional<unsigned> week, bool baseline) {
  std::vector<unsigned> taken;
  for (const Record &r : run.records)
    if (r.type == RecordType::check && r.followup == 0)
      taken.push_back(r.week);
  ReflectTarget target;
  if (!baseline && !week && programme_over(plan, run, day))
    if (const auto followup = followup_target(plan, run, day, taken)) {
      target.followup = *followup;
      target.week = plan.weeks;
      return target;
    }
  const ReflectWeek choice = reflect_week(plan, run, day, taken);
  target.week = choice.week;
  target.other = choice.other;
  if (baseline) {
    if (week && *week != 0)
      throw Error(ErrorKind::usage,
                  "--baseline and --week " + std::to_string(*week) + " name different weeks",
                  "the baseline is week 0: use one of them");
    if (!baseline_open(plan, run, day))
      throw Error(ErrorKind::invalid,
                  "the baseline self-check is taken during week 1, and " + format_day(day) +
                      " is not in week 1",
                  "from week 2 on, the first self-check is your starting point: run 'attune "
                  "reflect'");
    target.week = 0;
  } else if (week) {
    if (*week > choice.latest)
      throw Error(ErrorKind::invalid,
                  "week " + std::to_string(*week) + " has not begun yet (" + format_day(day) +
                      " is in week " + std::to_string(choice.latest) + ")",
                  "a self-check counts for its own week or an earlier one");
    target.week = *week;
  }
  target.chose = baseline || week.has_value();
  if (target.chose)
    target.other.reset();
  return target;
}

namespace {

/// The run's self-check for `week` (followup 0) or the follow-up `followup`, or nullptr.
const Record *find_check(const Run &run, unsigned week, unsigned followup) noexcept {
  for (const Record &r : run.records)
    if (r.type == RecordType::check && r.week == week && r.followup == followup)
      return &r;
  return nullptr;
}

} // namespace

void require_week_free(const Run &run, unsigned week) {
  if (const Record *r = find_check(run, week, 0))
    throw Error(ErrorKind::invalid,
                "the self-check for " + week_name(week) + " is already recorded",
                "it is taken once a programme week; " + redo_hint(*r));
}

BaselineOffer baseline_offer(const Plan &plan, bool quiet, bool terminal) noexcept {
  if (plan.self_check.items.empty() || quiet)
    return BaselineOffer::none;
  return terminal ? BaselineOffer::ask : BaselineOffer::hint;
}

Record self_check_record(const History &history, unsigned run_number, const SelfCheckEntry &entry,
                         const RecordStamp &stamp) {
  const Run *run = history.find(run_number);
  Run gone; // the journal no longer holds the run: the record still names it
  gone.number = run_number;
  gone.claim = run_number;
  if (run != nullptr)
    if (const Record *r = find_check(*run, entry.week, entry.followup))
      throw Error(ErrorKind::invalid,
                  check_name(entry.week, entry.followup) + " is already recorded", redo_hint(*r));
  Record rec = new_record(RecordType::check, run != nullptr ? *run : gone, entry.day, stamp);
  rec.week = entry.week;
  rec.answers = entry.answers;
  rec.followup = entry.followup;
  return rec;
}

std::string self_check_support_line(const Plan &plan, const Run &run, const SelfCheckEntry &entry) {
  const SelfCheck &check = plan.self_check;
  // A follow-up is compared with the programme's self-checks, the last week's included.
  const auto before =
      previous_self_check(check, run, entry.followup != 0 ? plan.weeks + 1 : entry.week);
  const auto now = score_self_check(check, entry.answers);
  return now ? support_line_after_check(check, before, *now) : std::string();
}

std::string render_self_check_heading(unsigned week) {
  return "Self-check for " + week_name(week) + ".\n";
}

std::string render_self_check_saved(unsigned week, std::size_t width) {
  return wrap_words("Saved the self-check for " + week_name(week) +
                        ". Thank you for taking a moment to look inward; 'attune report' "
                        "shows how it changes over the weeks.",
                    width, "", "");
}

std::string render_counted_for_ended_week(unsigned week, unsigned other, std::size_t width) {
  return wrap_words("It counts for " + week_name(week) +
                        ", the week that just ended; to count it for this week instead, "
                        "run 'attune undo' and then 'attune reflect --week " +
                        std::to_string(other) + "'.",
                    width, "", "");
}

std::string render_followup_intro(unsigned followup, std::size_t width) {
  return wrap_words("The follow-up self-check, " + std::to_string(followup) +
                        " weeks after your programme: the same statements as before.",
                    width, "", "");
}

std::string render_followup_saved(unsigned followup, std::size_t width) {
  return wrap_words("Saved " + check_name(0, followup) +
                        ". Thank you for checking in with yourself; "
                        "'attune report' shows it beside the programme's self-checks.",
                    width, "", "");
}

std::string render_self_check_stopped() {
  return "\nStopped; nothing saved. Come back to it whenever you like.\n";
}

std::string render_baseline_hint(std::size_t statements, std::size_t width) {
  return wrap_words("When you have two minutes, 'attune reflect --baseline' takes a short "
                    "self-check (" +
                        plural(static_cast<long long>(statements), "statement", "statements") +
                        ") as your starting point, any time this first week.",
                    width, "", "");
}

std::string render_baseline_question(std::size_t statements, std::size_t width) {
  std::string question =
      wrap_words("Would you like to take the short self-check now (" +
                     plural(static_cast<long long>(statements), "statement", "statements") +
                     "), as your starting point? [Y/n]",
                 width, "", "");
  if (!question.empty())
    question.back() = ' '; // the answer goes on the question's last line
  return "\n" + question;
}

bool baseline_reply_yes(const std::string &reply) {
  const std::string line = trim_blanks(reply);
  return line.empty() || line == "y" || line == "Y" || line == "yes";
}

std::string render_baseline_outcome(BaselineOutcome outcome) {
  switch (outcome) {
  case BaselineOutcome::declined:
    return "No problem. You can take it any time this first week with 'attune reflect "
           "--baseline'.\n";
  case BaselineOutcome::stopped:
    return "\nStopped; nothing saved. You can take it any time with 'attune reflect'.\n";
  case BaselineOutcome::saved:
    break;
  }
  return "\nThank you. Your starting point is saved.\n";
}

} // namespace attune
