// attune report: where the person stands, as text, JSON, CSV, Markdown or HTML.
#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "attune/progress.hpp"
#include "attune/report.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "offers.hpp"
#include "output.hpp"
#include "run_select.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

struct ReportArgs {
  std::optional<unsigned> week;
  std::optional<unsigned> run;
  std::string format = "text";
  std::string output;
  bool no_notes = false;
};

/// Columns for the text report: Context::text_width, at least the 40 the report needs.
unsigned terminal_width(const Context &ctx) {
  return static_cast<unsigned>(std::max<std::size_t>(40, ctx.text_width()));
}

int run_report(const ReportArgs &args, Session &session) {
  Context &ctx = session.ctx();
  const auto format = parse_report_format(args.format);
  if (!format) {
    const std::string guess = did_you_mean(args.format, report_format_names());
    throw Error(ErrorKind::usage, "unknown report format \"" + args.format + "\"",
                guess.empty() ? "choose text, json, csv, markdown or html"
                              : "did you mean '" + guess + "'?");
  }
  const bool to_file = !args.output.empty() && args.output != "-";
  if (to_file) // refuse before any work; write_private_file checks again
    check_output_target(args.output, session.paths().data_dir);
  const Journal journal = session.read_journal_run(args.run);
  const History history = build_history(journal);
  Run run = select_run(history, args.run);
  if (args.no_notes) {
    run.records = without_notes(run.records); // for sharing: not one word of a note
    run.pauses = pauses_of(run.records);      // nor of a pause's reason
  }
  const Plan plan = session.plan_for_run(run);
  if (args.week && (*args.week < 1 || *args.week > plan.weeks))
    throw Error(ErrorKind::usage,
                "week \"" + std::to_string(*args.week) + "\" is not in the programme",
                "choose a week from 1 to " + std::to_string(plan.weeks));
  const Progress progress = compute_progress(plan, run, session.today(), session.recorded_day());

  ReportOptions options;
  options.week = args.week;
  options.color = *format == ReportFormat::text && !to_file && ctx.use_color();
  options.width = to_file ? 80 : terminal_width(ctx);
  const std::string text = render_report(progress, *format, options);
  if (!to_file) {
    ctx.out << text;
    ctx.out.flush();
    return 0;
  }
  write_private_file(args.output, text, session.paths().data_dir);
  if (!ctx.global.quiet)
    ctx.out << "Saved the report to " << printable(args.output) << " (readable only by you).\n";
  return 0;
}

} // namespace

Command register_report(CLI::App *sub, Session &session) {
  auto args = std::make_shared<ReportArgs>();
  sub->add_option("--week", args->week, "Also show the detail of programme week N")->type_name("N");
  sub->add_option("--run", args->run, "Report on run N (default: the current or last run)")
      ->type_name("N");
  sub->add_option("--format", args->format, "text (default), json, csv, markdown or html")
      ->check(offers(report_format_names()))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", args->output, "Write to FILE (0600) instead of the screen")
      ->type_name("FILE");
  sub->add_flag("--no-notes", args->no_notes,
                "Leave out notes and skip reasons (to share the report)");
  return {sub, [args, &session]() { return run_report(*args, session); }};
}

} // namespace attune::cli
