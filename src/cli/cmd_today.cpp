// attune today [--date DATE] [--format text|json]: this day of the programme (also bare attune).
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/today_view.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"
#include "week_intro.hpp"

namespace attune::cli {
namespace {

struct TodayOptions {
  std::optional<std::string> date;
  std::string format = "text";
};

int run_today(Session &session, const TodayOptions &opts) {
  Context &ctx = session.ctx();
  session.check_now_setting();
  const Journal journal = session.read_journal_run(std::nullopt);
  const History history = build_history(journal);
  const Run *run = run_to_show(history); // an ended one: what comes after it
  if (run == nullptr) {
    // Nothing to show for a day: the clock and the time zone are only needed for --date
    // and JSON (start-up stays as cheap as the binary's).
    if (opts.date || opts.format == "json") {
      const Day day = resolve_run_day(opts.date, session.today(), nullptr);
      if (opts.format == "json") {
        ctx.out << render_no_programme_json(day);
        return exit_code::ok;
      }
    }
    ctx.out << render_no_programme_text(ctx.text_width());
    return exit_code::ok;
  }
  const Day today = session.today();
  const Day day = resolve_run_day(opts.date, today, run);
  const Plan plan = session.plan_for_run(*run);
  TodayView view = decide_today(plan, *run, today, day);
  if (opts.format == "json") {
    ctx.out << render_today_json(view);
    return exit_code::ok;
  }
  // The first text view of a programme week (today's, not another day's) introduces it;
  // --quiet leaves the introduction out and does not count as having shown it.
  std::optional<WeekSeen> seen;
  if (view.this_week && !view.over && !ctx.global.quiet) {
    seen = read_week_seen(session);
    view.intro = today_intro(view, ctx.global.quiet, seen);
  }
  ctx.out << render_today_text(view, session.use_color(), ctx.text_width());
  if (view.over)
    return exit_code::ok;
  if (view.intro)
    write_week_seen(
        session, remember_week(seen, programme_key(*run), view.view.pos.week, WeekSeenKind::intro));
  if (view.this_week)
    offer_week_cues(session, plan, *run, view.view.pos.week);
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
