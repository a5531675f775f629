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

} // namespace attune
