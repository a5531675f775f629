#pragma once
/// Rendering a run's progress to text, JSON, CSV, Markdown and HTML. Pure: every renderer
/// takes a computed Progress and returns a string; nothing is printed or read here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/progress.hpp"

namespace attune {

enum class ReportFormat { text, json, csv, markdown, html };

/// "text", "json", "csv", "markdown" (or "md"), "html"; nullopt otherwise.
std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept;

/// The names parse_report_format accepts, as offered to a person (help, completion):
/// text, json, csv, markdown, html ("md" is accepted too but not offered).
const std::vector<std::string> &report_format_names();

struct ReportOptions {
  bool color = false;           ///< text only: ANSI colours (symbols carry the meaning anyway)
  unsigned width = 80;          ///< text only: terminal columns; at least 40 is assumed
  std::optional<unsigned> week; ///< also detail this programme week (1..weeks)
};

/// A terminal report: header ("Week 3 · Day 17 of 42"), a calendar of the programme (one row
/// per week, one cell per day, symbol + optional colour) beside adherence bars and the
/// week's self-check, exercises with strength, streaks, the self-check sparkline, and the
/// summary once the programme is over. Every line fits in `width` columns.
std::string render_text(const Progress &progress, const ReportOptions &options);

/// A stable JSON document (fields in attune(1), REPORT FORMATS).
std::string render_json(const Progress &progress);

/// RFC 4180 CSV (CRLF line ends): a header, then one row per day x exercise of that day's
/// week: date,week,day,exercise,title,status,reason.
std::string render_csv(const Progress &progress);

/// A summary in Markdown to paste into a message or bring to a therapist.
std::string render_markdown(const Progress &progress, const ReportOptions &options);

/// One self-contained HTML page: no scripts, no network, inline SVG charts, print styles.
std::string render_html(const Progress &progress, const ReportOptions &options);

/// Dispatches on the format.
std::string render_report(const Progress &progress, ReportFormat format,
                          const ReportOptions &options);

/// One programme's row in `report --run all`: the numbers that let a second run be set
/// beside the first.
struct RunRow {
  unsigned run = 0;
  std::string plan_id;
  std::string plan_name;
  unsigned weeks = 0; ///< the plan's length
  Phase phase = Phase::active;
  Day start{};
  Day end{};                ///< the programme's planned last day
  std::optional<Day> ended; ///< the day it was ended early
  unsigned days_practised = 0;
  Adherence adherence; ///< as of the comparison's day, like `report`
  unsigned longest_streak = 0;
  int scale_min = 1; ///< the plan's self-check scale, for the dimensions' means
  int scale_max = 5;
  std::optional<double> self_check_baseline; ///< percent 0..100
  std::optional<double> self_check_latest;
  std::vector<DimensionTrend> dimensions; ///< baseline -> latest per dimension (may be empty)
  /// Index = programme week 0..weeks: that week's adherence ratio (null for week 0, a week
  /// not reached or with nothing planned) and self-check percent (null when not answered).
  std::vector<std::optional<double>> week_adherence;
  std::vector<std::optional<double>> week_self_check;
};

/// Every programme side by side, oldest first, on one shared week axis.
struct RunComparison {
  Day today{};
  unsigned weeks = 0; ///< the longest plan's weeks: the shared axis runs 0..weeks
  std::vector<RunRow> runs;
};

/// Rows from each run's progress (computed as of the same today), in the order given.
/// Worked example: run 1 (6 weeks, 30 practised days, 50 of 71 planned, longest streak 9) and
/// run 2 (4 weeks, 5 days in) -> weeks 6, rows {1, 30, 50/71, 9} and {2, ...}; run 2's
/// week_adherence has 5 entries (0..4), week 3 and 4 null while not reached.
RunComparison compare_runs(const std::vector<Progress> &runs);

/// `report --run all` as text (tables fitting `options.width`), JSON (attune(1) JSON OUTPUT,
/// report_all), Markdown (one table row per programme) or HTML (a table and one chart per
/// programme on a shared axis). CSV is not offered: the caller refuses it.
std::string render_runs_text(const RunComparison &c, const ReportOptions &options);
std::string render_runs_json(const RunComparison &c);
std::string render_runs_markdown(const RunComparison &c);
std::string render_runs_html(const RunComparison &c);

/// `streak --format json`: run, phase, start, current, longest, grace_days, through (the last
/// day counted, null before the start) and days: the last `recent` counted days, oldest first,
/// each {date, status} as in the report.
std::string render_streak_json(const Progress &progress, std::size_t recent = 14);

} // namespace attune
