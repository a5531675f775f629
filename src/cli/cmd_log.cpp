// attune log [--week N] [--since DATE] [--grep TEXT] [--format text|json]: the records of the
// programme, newest last.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/config.hpp"
#include "attune/exchange.hpp"
#include "attune/log_view.hpp"
#include "attune/run_select.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

struct LogOptions {
  std::optional<unsigned> week;
  std::optional<unsigned> run;
  std::optional<std::string> since;
  std::optional<std::string> grep;
  std::string format = "text";
};

int run_log(Session &session, const LogOptions &opts) {
  Context &ctx = session.ctx();
  // One programme's records: only its lines are read (journal.index), whatever the history.
  const History history = build_history(session.read_journal_run(opts.run));
  const Run &run = select_run(history, opts.run);
  const Plan plan = session.plan_for_run(run);
  const LogFilter filter = make_log_filter(plan, opts.week, opts.since, opts.grep, session.today());
  if (opts.format == "json")
    ctx.out << render_log_json(log_entries(plan, run, filter));
  else
    ctx.out << render_log_text(plan, run, filter, session.zone(),
                               session.config().day_starts_at.value, ctx.text_width());
  return exit_code::ok;
}

} // namespace

Command register_log(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<LogOptions>();
  sub->add_option("-w,--week", opts->week, "Only this programme week")->type_name("N");
  sub->add_option("--run", opts->run, "An earlier programme (1, 2, ...)")->type_name("N");
  sub->add_option("--since", opts->since, "Only days from DATE on (YYYY-MM-DD, -N, mon...)")
      ->type_name("DATE");
  sub->add_option("--grep", opts->grep, "Only records whose exercise, note or reason has TEXT")
      ->type_name("TEXT");
  sub->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  return {sub, [&session, opts]() { return run_log(session, *opts); }};
}

} // namespace attune::cli
