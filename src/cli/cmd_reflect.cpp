// attune reflect [--answers 3,5,2,...] [--date DATE] [--week N] [--baseline]: the plan's
// weekly self-check.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/after.hpp"
#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/reflect_rules.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "reflect_flow.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct ReflectOptions {
  std::optional<std::string> answers;
  std::optional<std::string> date;
  std::optional<unsigned> week;
  bool baseline = false;
};

/// Asks which of the two weeks is meant; nullopt when the person stops (end of input, "q").
std::optional<unsigned> ask_week(Context &ctx, unsigned ended, unsigned current) {
  const std::string e = std::to_string(ended);
  const std::string c = std::to_string(current);
  ctx.out << "Week " << e
          << " has no self-check yet. Is this one for the week that just ended (week " << e
          << "), or this one (week " << c << ")?\n";
  for (;;) {
    ctx.out << "[" << e << "/" << c << ", Enter = " << e << "] " << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      return std::nullopt;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
      line.pop_back();
    while (!line.empty() && line.front() == ' ')
      line.erase(0, 1);
    if (line.empty() || line == e)
      return ended;
    if (line == c)
      return current;
    if (line == "q")
      return std::nullopt;
    ctx.out << "Please type " << e << " or " << c << ".\n";
  }
}

/// The follow-up self-check `weeks` (4 or 12) weeks after the end.
int reflect_followup(Session &session, const ReflectOptions &opts, const Plan &plan, const Run &run,
                     Day day, unsigned weeks) {
  Context &ctx = session.ctx();
  const SelfCheck &check = plan.self_check;
  SelfCheckEntry entry;
  entry.week = plan.weeks;
  entry.followup = weeks;
  entry.day = day;
  if (opts.answers) {
    entry.answers = parse_answers(*opts.answers, check);
  } else {
    if (!ctx.in_tty)
      throw Error(ErrorKind::usage, "not a terminal, so I cannot ask",
                  "give the answers with --answers (the same statements as the weekly "
                  "self-check)");
    ctx.out << render_followup_intro(weeks, ctx.text_width());
    const auto asked = ask_answers(session, check);
    if (!asked) {
      ctx.out << render_self_check_stopped();
      return exit_code::ok;
    }
    entry.answers = *asked;
  }
  save_self_check(session, run.number, entry);
  if (!ctx.global.quiet)
    ctx.out << render_followup_saved(weeks, ctx.text_width());
  const std::string line = self_check_support_line(plan, run, entry);
  if (!line.empty())
    ctx.out << wrap_words(line, ctx.text_width(), "", "");
  return exit_code::ok;
}

int run_reflect(Session &session, const ReflectOptions &opts) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run &run = require_latest_run(history);
  const Day day = resolve_run_day(opts.date, today, &run);
  const Plan plan = session.plan_for_run(run);
  const SelfCheck &check = plan.self_check;
  if (check.items.empty())
    throw Error(ErrorKind::invalid, "the plan \"" + plan.id + "\" has no self-check",
                "nothing to answer");

  const ReflectTarget target = reflect_target(plan, run, day, opts.week, opts.baseline);
  if (target.followup != 0) // after the end: 4 and 12 weeks on (after.hpp)
    return reflect_followup(session, opts, plan, run, day, target.followup);
  SelfCheckEntry entry;
  entry.week = target.week;
  entry.day = day;
  bool chose = target.chose; // the person (--week, --baseline, or the question) picked the week
  if (target.other && ctx.in_tty) {
    const auto asked = ask_week(ctx, target.week, *target.other);
    if (!asked) {
      ctx.out << render_self_check_stopped();
      return exit_code::ok;
    }
    entry.week = *asked;
    chose = true;
  }
  require_week_free(run, entry.week);
  if (opts.answers) {
    entry.answers = parse_answers(*opts.answers, check);
  } else {
    if (!ctx.in_tty)
      throw Error(ErrorKind::usage, "not a terminal, so I cannot ask",
                  "give the answers with --answers, e.g. --answers " + example_answers(check));
    ctx.out << render_self_check_heading(entry.week);
    const auto asked = ask_answers(session, check);
    if (!asked) {
      ctx.out << render_self_check_stopped();
      return exit_code::ok;
    }
    entry.answers = *asked;
  }
  save_self_check(session, run.number, entry);
  if (!ctx.global.quiet)
    ctx.out << render_self_check_saved(entry.week, ctx.text_width());
  if (!ctx.global.quiet && target.other && !chose)
    ctx.out << render_counted_for_ended_week(entry.week, *target.other, ctx.text_width());
  // Said even with --quiet: it is the one line that matters after a hard week.
  const std::string line = self_check_support_line(plan, run, entry);
  if (!line.empty())
    ctx.out << wrap_words(line, ctx.text_width(), "", "");
  return exit_code::ok;
}

} // namespace

Command register_reflect(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<ReflectOptions>();
  sub->add_option("-a,--answers", opts->answers, "Answers in order, for scripts: 3,5,2,...")
      ->type_name("LIST");
  sub->add_option("-d,--date", opts->date, "The day it counts for (YYYY-MM-DD, -N, ...)")
      ->type_name("DATE");
  sub->add_option("-w,--week", opts->week,
                  "Count it for programme week N (this week or an earlier one)")
      ->type_name("N");
  sub->add_flag("--baseline", opts->baseline,
                "Take it as your starting point (any time during week 1)");
  return {sub, [&session, opts]() { return run_reflect(session, *opts); }};
}

} // namespace attune::cli
