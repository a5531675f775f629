// attune streak [--format text|json]: the current and longest streak, and the days behind them.
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "after_flow.hpp"
#include "attune/after.hpp"
#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/report.hpp"
#include "attune/run_select.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

struct Look {
  const char *glyph;
  const char *sgr;
};

Look look_for(DayStatus s) {
  switch (s) {
  case DayStatus::kept:
    return {"\xe2\x97\x8f", "32"};
  case DayStatus::partial:
    return {"\xe2\x97\x90", "33"};
  case DayStatus::skipped:
    return {"\xe2\x97\x87", "36"};
  case DayStatus::missed:
    return {"\xe2\x97\x8b", "2"};
  case DayStatus::rest:
    return {"\xe2\x80\x93", "2"};
  case DayStatus::open:
    return {"\xe2\x97\x8c", "1"};
  case DayStatus::future:
    break;
  }
  return {"\xc2\xb7", "2"};
}

std::string days(unsigned n) {
  return std::to_string(n) + (n == 1 ? " day" : " days");
}

int run_streak(Session &session, const std::string &format) {
  Context &ctx = session.ctx();
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run &run = select_run(history, std::nullopt);
  const Plan plan = session.plan_for_run(run);
  const Progress p = compute_progress(plan, run, session.today(), session.recorded_day());
  if (format == "json") {
    ctx.out << render_streak_json(p, 14);
    return 0;
  }
  const bool color = ctx.use_color();

  if (p.pos.phase == Phase::not_started) {
    ctx.out << "Your programme begins on " << format_day(p.pos.start)
            << ". Streaks start counting then.\n";
    return 0;
  }
  const Maintenance kept = maintenance_of(run);
  if (kept.exists && programme_over(plan, run, p.today)) {
    // After the end the kept practice counts in maintenance weeks (after.hpp).
    const auto weeks = maintenance_weeks(plan, kept, run, p.today);
    const Streak ks = maintenance_streak(weeks);
    const auto w = [](unsigned n) { return std::to_string(n) + (n == 1 ? " week" : " weeks"); };
    std::string line =
        std::string(kept.active ? "Your kept practice" : "Your kept practice (stopped)") + ": " +
        (ks.current > 0 ? "current streak " + w(ks.current) : std::string("no current streak")) +
        (ks.longest > 0 ? ", longest " + w(ks.longest) : std::string()) + ".";
    if (kept.active && !weeks.empty()) {
      std::string now;
      for (const MaintenanceItem &item : weeks.back().items)
        now += (now.empty() ? "" : "; ") + printable(item.exercise) + " " + kept_progress(item);
      line += " So far: " + now + ".";
    }
    ctx.out << wrap_words(line, ctx.text_width(), "", "");
    if (!ctx.global.quiet)
      ctx.out << wrap_words("A kept week is one where each exercise reached its times a week. "
                            "The programme's own streak:",
                            ctx.text_width(), "", "");
  }
  if (p.streak.current > 0)
    ctx.out << "Current streak: " << paint(color, "1", days(p.streak.current)) << ".";
  else
    ctx.out << "No current streak: any day is a good day to begin again.";
  if (p.streak.longest > 0)
    ctx.out << " Longest: " << days(p.streak.longest) << ".";
  ctx.out << "\n";

  // The last 14 counted days, oldest first, with the same symbols as the report.
  std::size_t end = 0;
  while (end < p.days.size() && p.days[end].day <= p.through)
    ++end;
  const std::size_t begin = end > 14 ? end - 14 : 0;
  if (end > begin) {
    std::string line = "Last " + days(static_cast<unsigned>(end - begin)) + ":";
    for (std::size_t i = begin; i < end; ++i) {
      const Look l = look_for(p.days[i].status);
      line += " " + paint(color, l.sgr, l.glyph);
    }
    ctx.out << line << "\n";
    if (!ctx.global.quiet)
      ctx.out << "\xe2\x97\x8f kept  \xe2\x97\x87 skipped  \xe2\x97\x90 partly  \xe2\x97\x8b "
                 "no check-in  \xe2\x80\x93 rest day  \xe2\x97\x8c today\n";
  }
  if (!ctx.global.quiet) {
    if (plan.streak.grace_days > 0)
      ctx.out << "Up to " << days(plan.streak.grace_days)
              << " in a row can be missed without breaking a streak.\n";
    // Each line fits 80 columns.
    ctx.out << "A skipped day still counts as kept; a day with nothing planned is a rest.\n";
  }
  return 0;
}

} // namespace

Command register_streak(CLI::App *sub, Session &session) {
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  return {sub, [&session, format]() { return run_streak(session, *format); }};
}

} // namespace attune::cli
