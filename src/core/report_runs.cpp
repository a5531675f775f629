// `report --run all`: every programme side by side (the rows), as text and Markdown. JSON is
// in report.cpp beside the one-run JSON, HTML in report_html.cpp beside its style.
#include <algorithm>
#include <cmath>

#include "attune/report.hpp"
#include "attune/text.hpp"
#include "report_common.hpp"

namespace attune {

using namespace report_detail;

RunComparison compare_runs(const std::vector<Progress> &runs) {
  RunComparison c;
  for (const Progress &p : runs) {
    RunRow row;
    row.run = p.run->number;
    row.plan_id = p.plan->id;
    row.plan_name = p.plan->name;
    row.weeks = p.plan->weeks;
    row.phase = p.pos.phase;
    row.start = p.pos.start;
    row.end = p.pos.last;
    row.ended = p.run->ended;
    row.days_practised = days_practised(p);
    row.adherence = p.total;
    row.longest_streak = p.streak.longest;
    row.scale_min = p.plan->self_check.scale_min;
    row.scale_max = p.plan->self_check.scale_max;
    if (p.self_check.baseline)
      row.self_check_baseline = p.self_check.baseline->percent;
    if (p.self_check.latest)
      row.self_check_latest = p.self_check.latest->percent;
    row.dimensions = p.self_check.dimensions;
    row.week_adherence.assign(row.weeks + 1, std::nullopt);
    row.week_self_check.assign(row.weeks + 1, std::nullopt);
    for (const WeekStats &ws : p.weeks)
      if (ws.week <= row.weeks && ws.reached && ws.adherence.planned > 0)
        row.week_adherence[ws.week] = ws.adherence.ratio();
    for (const SelfCheckScore &s : p.self_check.scores)
      if (s.week <= row.weeks)
        row.week_self_check[s.week] = s.percent;
    c.today = p.today;
    c.weeks = std::max(c.weeks, row.weeks);
    c.runs.push_back(std::move(row));
  }
  return c;
}

namespace {

std::string cell_left(const std::string &text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

std::string cell_right(const std::string &text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}

std::string trim_end(std::string s) {
  while (!s.empty() && s.back() == ' ')
    s.pop_back();
  return s;
}

const char *const arrow = " \xe2\x86\x92 "; // " → "
const char *const dash = "\xe2\x80\x93";    // "–"

/// The dimensions any programme has, in the plans' order (avoidance, anxiety, awareness).
std::vector<Dimension> dimensions_of(const RunComparison &c) {
  std::vector<Dimension> out;
  for (const Dimension d : {Dimension::avoidance, Dimension::anxiety, Dimension::awareness})
    for (const RunRow &r : c.runs)
      if (std::any_of(r.dimensions.begin(), r.dimensions.end(),
                      [d](const DimensionTrend &t) { return t.dimension == d; })) {
        out.push_back(d);
        break;
      }
  return out;
}

bool any_without_dimensions(const RunComparison &c) {
  return std::any_of(c.runs.begin(), c.runs.end(),
                     [](const RunRow &r) { return r.dimensions.empty(); });
}

/// "3.5 → 2.3", "3.5" (only a starting point), "–" (none or not on this plan).
std::string dimension_cell(const RunRow &r, Dimension d) {
  for (const DimensionTrend &t : r.dimensions)
    if (t.dimension == d) {
      if (!t.baseline)
        return dash;
      if (!t.latest || !t.change)
        return scale_number(*t.baseline);
      return scale_number(*t.baseline) + arrow + scale_number(*t.latest);
    }
  return dash;
}

/// The merged percent of a plan without dimensions: "40 → 62", "40", "–".
std::string percent_cell(const RunRow &r) {
  if (!r.dimensions.empty() || !r.self_check_baseline)
    return dash;
  const auto whole = [](double v) { return std::to_string(static_cast<int>(std::lround(v))); };
  if (!r.self_check_latest || *r.self_check_latest == *r.self_check_baseline)
    return whole(*r.self_check_baseline);
  return whole(*r.self_check_baseline) + arrow + whole(*r.self_check_latest);
}

std::string dates_cell(const RunRow &r) {
  return format_day(r.start) + " " + dash + " " + format_day(r.ended ? *r.ended : r.end);
}

/// "finished", "ended early", "running", "not begun".
std::string phase_word(const RunRow &r) {
  if (r.ended)
    return "ended early";
  switch (r.phase) {
  case Phase::not_started:
    return "not begun";
  case Phase::active:
    return "running";
  case Phase::paused:
    return "paused";
  case Phase::finished:
    break;
  }
  return "finished";
}

std::string programmes_word(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " programme" : " programmes");
}

/// Below 80 columns the tables would not fit: one wrapped block per programme instead.
std::string narrow_runs(const RunComparison &c, std::size_t width) {
  std::string out;
  for (const RunRow &r : c.runs) {
    out += wrap_words("Run " + std::to_string(r.run) + " \xc2\xb7 " + printable(r.plan_id) +
                          " \xc2\xb7 " + phase_word(r),
                      width, "");
    out += wrap_words(dates_cell(r), width, "  ");
    out += wrap_words(days_word(r.days_practised) + " practised \xc2\xb7 adherence " +
                          percent(r.adherence.ratio()) + " \xc2\xb7 longest streak " +
                          days_word(r.longest_streak),
                      width, "  ");
    std::string check;
    for (const DimensionTrend &t : r.dimensions)
      check += (check.empty() ? "" : " \xc2\xb7 ") + std::string(dimension_label(t.dimension)) +
               " " + dimension_cell(r, t.dimension);
    if (r.dimensions.empty())
      check = "Self-check " + percent_cell(r);
    out += wrap_words(check, width, "  ") + "\n";
  }
  out += wrap_words(
      "Self-check: starting point" + std::string(arrow) + "latest. " + trend_disclaimer, width, "");
  return out;
}

} // namespace

std::string render_runs_text(const RunComparison &c, const ReportOptions &options) {
  const std::size_t width = std::max<unsigned>(40, options.width);
  std::string out = "Your programmes side by side\n";
  out += programmes_word(c.runs.size()) + " \xc2\xb7 as of " + long_day(c.today) + "\n\n";

  if (width < 80)
    return out + narrow_runs(c, width);
  // One row per programme. The plan column gives way first when the screen is narrow.
  const std::size_t fixed = 3 + 2 + 2 + 23 + 2 + 11 + 2 + 7 + 2 + 9 + 2 + 7; // all but the plan
  const std::size_t plan_w = width > fixed + 8 ? std::min<std::size_t>(width - fixed, 16) : 8;
  const auto row_line = [&](const std::string &run, const std::string &plan,
                            const std::string &dates, const std::string &status,
                            const std::string &days, const std::string &adh,
                            const std::string &streak) {
    return trim_end(cell_right(run, 3) + "  " + cell_left(plan, plan_w) + "  " +
                    cell_left(dates, 23) + "  " + cell_left(status, 11) + "  " +
                    cell_right(days, 7) + "  " + cell_right(adh, 9) + "  " +
                    cell_right(streak, 7)) +
           "\n";
  };
  out += row_line("Run", "Plan", "Dates", "Status", "Days", "Adherence", "Longest");
  for (const RunRow &r : c.runs) {
    std::string plan = printable(r.plan_id);
    if (display_width(plan) > plan_w) {
      plan.resize(plan_w - 1);
      plan += "\xe2\x80\xa6";
    }
    out += row_line(std::to_string(r.run), plan, dates_cell(r), phase_word(r),
                    days_word(r.days_practised), percent(r.adherence.ratio()),
                    days_word(r.longest_streak));
  }

  // The self-check, starting point -> latest, one column per dimension any plan has.
  const std::vector<Dimension> dims = dimensions_of(c);
  const bool merged = any_without_dimensions(c);
  std::vector<std::string> head{"Run"};
  for (const Dimension d : dims)
    head.emplace_back(dimension_label(d));
  if (merged)
    head.emplace_back("Score");
  const auto check_line = [&](const std::vector<std::string> &cells) {
    std::string line = cell_right(cells[0], 3);
    for (std::size_t i = 1; i < cells.size(); ++i)
      line += "  " + cell_left(cells[i], 14);
    return trim_end(line) + "\n";
  };
  out += "\nSelf-check, starting point" + std::string(arrow) + "latest\n";
  out += check_line(head);
  for (const RunRow &r : c.runs) {
    std::vector<std::string> cells{std::to_string(r.run)};
    for (const Dimension d : dims)
      cells.push_back(dimension_cell(r, d));
    if (merged)
      cells.push_back(percent_cell(r));
    out += check_line(cells);
  }
  out += "\n" + wrap_words("Days: days practised. Adherence: the share of planned practices "
                           "done (a skip is not a miss). Longest: the longest streak. " +
                               std::string(trend_disclaimer),
                           width, "");
  return out;
}

std::string render_runs_markdown(const RunComparison &c) {
  const auto md = [](const std::string &text) {
    std::string out;
    for (const char ch : printable(text)) {
      if (ch == '|' || ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '<')
        out += '\\';
      out += ch;
    }
    return out;
  };
  const std::vector<Dimension> dims = dimensions_of(c);
  const bool merged = any_without_dimensions(c);
  std::string out = "# Your programmes side by side\n\n";
  out += programmes_word(c.runs.size()) + ", as of " + long_day(c.today) + ".\n\n";
  out += "| Run | Plan | Dates | Status | Days practised | Adherence | Longest streak |";
  std::string rule = "|---:|---|---|---|---:|---:|---:|";
  for (const Dimension d : dims) {
    out += std::string(" ") + dimension_label(d) + " |";
    rule += "---|";
  }
  if (merged) {
    out += " Self-check |";
    rule += "---|";
  }
  out += "\n" + rule + "\n";
  for (const RunRow &r : c.runs) {
    out += "| " + std::to_string(r.run) + " | " + md(r.plan_name) + " | " + dates_cell(r) + " | " +
           phase_word(r) + " | " + std::to_string(r.days_practised) + " | " +
           percent(r.adherence.ratio()) + " (" + std::to_string(r.adherence.done) + " of " +
           std::to_string(r.adherence.planned) + ") | " + days_word(r.longest_streak) + " |";
    for (const Dimension d : dims)
      out += " " + dimension_cell(r, d) + " |";
    if (merged)
      out += " " + percent_cell(r) + " |";
    out += "\n";
  }
  out += "\nSelf-check columns: starting point" + std::string(arrow) + "latest. " +
         trend_disclaimer + "\n";
  return out;
}

} // namespace attune
