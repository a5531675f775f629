// attune report: where the person stands, as text, JSON, CSV, Markdown or HTML.
#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "attune/progress.hpp"
#include "attune/report.hpp"
#include "attune/run_select.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "offers.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

struct ReportArgs {
  std::optional<unsigned> week;
  std::optional<std::string> run; ///< a run number, or "all"
  std::string format = "text";
  std::string output;
  bool no_notes = false;
};

/// Columns for the text report: Context::text_width, at least the 40 the report needs.
unsigned terminal_width(const Context &ctx) {
  return static_cast<unsigned>(std::max<std::size_t>(40, ctx.text_width()));
}

/// --run N as a number; "all" is handled before this is asked.
std::optional<unsigned> report_run_number(const std::optional<std::string> &text) {
  if (!text)
    return std::nullopt;
  const std::string &t = *text;
  const bool digits = !t.empty() && t.size() <= 9 &&
                      std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits)
    throw Error(ErrorKind::usage, "--run \"" + printable(t) + "\" is not a run number or \"all\"",
                "e.g. '--run 1', or '--run all' for every programme side by side");
  return static_cast<unsigned>(std::stoul(t));
}

/// `report --run all`: every programme side by side, as of today (CSV and --week refused).
std::string report_all(const ReportArgs &args, ReportFormat format, const ReportOptions &options,
                       Session &session) {
  if (format == ReportFormat::csv)
    throw Error(ErrorKind::usage, "--run all has no csv format",
                "choose text, json, markdown or html, or a single run for csv");
  if (args.week)
    throw Error(ErrorKind::usage, "--week details one programme, not all of them",
                "leave out --week, or choose one run with '--run N'");
  const Journal journal = session.read_journal();
  const History history = build_history(journal);
  std::vector<Run> runs = started_runs(history);
  if (args.no_notes) // nothing of a note is shown; still, never let one in
    for (Run &run : runs)
      run = run_without_notes(std::move(run));
  std::vector<Plan> plans;
  plans.reserve(runs.size()); // Progress points into these: no reallocation
  std::vector<Progress> progress;
  for (const Run &run : runs) {
    plans.push_back(session.plan_for_run(run));
    progress.push_back(
        compute_progress(plans.back(), run, session.today(), session.recorded_day()));
  }
  const RunComparison comparison = compare_runs(progress);
  switch (format) {
  case ReportFormat::json:
    return render_runs_json(comparison);
  case ReportFormat::markdown:
    return render_runs_markdown(comparison);
  case ReportFormat::html:
    return render_runs_html(comparison);
  case ReportFormat::text:
  case ReportFormat::csv:
    break;
  }
  return render_runs_text(comparison, options);
}

/// One programme's report (--run N, or the current or last run).
std::string report_one(const ReportArgs &args, ReportFormat format, const ReportOptions &options,
                       Session &session) {
  const std::optional<unsigned> number = report_run_number(args.run);
  const Journal journal = session.read_journal_run(number);
  const History history = build_history(journal);
  Run run = select_run(history, number);
  if (args.no_notes) // for sharing: not one word of a note
    run = run_without_notes(std::move(run));
  const Plan plan = session.plan_for_run(run);
  if (args.week)
    check_week_in_programme(*args.week, plan.weeks);
  const Progress progress = compute_progress(plan, run, session.today(), session.recorded_day());
  return render_report(progress, format, options);
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
  ReportOptions options;
  options.week = args.week;
  options.color = *format == ReportFormat::text && !to_file && ctx.use_color();
  options.width = to_file ? 80 : terminal_width(ctx);
  const bool all = args.run && *args.run == "all";
  const std::string text = all ? report_all(args, *format, options, session)
                               : report_one(args, *format, options, session);
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
  sub->add_option("--run", args->run,
                  "Report on run N, or 'all' for every programme side by side (default: the "
                  "current or last run)")
      ->type_name("N|all");
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
