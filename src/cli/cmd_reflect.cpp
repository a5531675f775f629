// attune reflect [--answers 3,5,2,...] [--date DATE] [--baseline]: the plan's weekly self-check.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "reflect_flow.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct ReflectOptions {
  std::optional<std::string> answers;
  std::optional<std::string> date;
  bool baseline = false;
};

std::string week_name(unsigned week) {
  return week == 0 ? std::string("your starting point (baseline)") : "week " + std::to_string(week);
}

int run_reflect(Session &session, const ReflectOptions &opts) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  const History history = build_history(session.read_journal());
  const Run &run = require_active_run(history);
  const Day day = resolve_run_day(opts.date, today, &run);
  const Plan plan = session.plan_for_run(run);
  const SelfCheck &check = plan.self_check;
  if (check.items.empty())
    throw Error(ErrorKind::invalid, "the plan \"" + plan.id + "\" has no self-check",
                "nothing to answer");

  std::vector<unsigned> taken;
  for (const Record &r : run.records)
    if (r.type == RecordType::check)
      taken.push_back(r.week);
  if (opts.baseline && !baseline_open(plan, run.start, day))
    throw Error(ErrorKind::invalid,
                "the baseline self-check is taken during week 1, and " + format_day(day) +
                    " is not in week 1",
                "from week 2 on, the first self-check is your starting point: run 'attune "
                "reflect'");
  const unsigned week = opts.baseline ? 0u : self_check_week(plan, run, day, taken);
  for (unsigned t : taken)
    if (t == week)
      throw Error(ErrorKind::invalid,
                  "the self-check for " + week_name(week) + " is already recorded",
                  "it is taken once a programme week; to redo it, run 'attune undo' first");

  std::vector<int> answers;
  if (opts.answers) {
    answers = parse_answers(*opts.answers, check);
  } else {
    if (!ctx.in_tty)
      throw Error(
          ErrorKind::usage, "not a terminal, so I cannot ask",
          "give the answers with --answers, e.g. --answers " + [&check] {
            std::string out;
            for (std::size_t i = 0; i < check.answer_count(); ++i)
              out += (i ? "," : "") + std::to_string(check.scale_min);
            return out;
          }());
    ctx.out << "Self-check for " << week_name(week) << ".\n";
    const auto asked = ask_answers(session, check);
    if (!asked) {
      ctx.out << "\nStopped; nothing saved. Come back to it whenever you like.\n";
      return exit_code::ok;
    }
    answers = *asked;
  }
  save_self_check(session, run.number, week, day, answers);
  if (!ctx.global.quiet)
    ctx.out << "Saved the self-check for " << week_name(week)
            << ". Thank you for taking a moment to look inward; 'attune report' shows how it "
               "changes over the weeks.\n";
  // Said even with --quiet: it is the one line that matters after a hard week.
  const auto before = previous_self_check(check, run, week);
  if (const auto now = score_self_check(check, answers)) {
    const std::string line = support_line_after_check(check, before, *now);
    if (!line.empty())
      ctx.out << line << '\n';
  }
  return exit_code::ok;
}

} // namespace

Command register_reflect(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<ReflectOptions>();
  sub->add_option("-a,--answers", opts->answers, "Answers in order, for scripts: 3,5,2,...")
      ->type_name("LIST");
  sub->add_option("-d,--date", opts->date, "The day it counts for (YYYY-MM-DD, -N, ...)")
      ->type_name("DATE");
  sub->add_flag("--baseline", opts->baseline,
                "Take it as your starting point (any time during week 1)");
  return {sub, [&session, opts]() { return run_reflect(session, *opts); }};
}

} // namespace attune::cli
