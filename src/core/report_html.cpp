// One self-contained HTML page: inline CSS and SVG only (no scripts, no network), printable.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "attune/report.hpp"
#include "attune/text.hpp"
#include "report_common.hpp"

namespace attune {

namespace {

using namespace report_detail;

/// Every piece of text goes through here: control characters and line breaks shown as
/// printable() shows them, then & < > " ' escaped.
std::string esc(const std::string &raw) {
  const std::string text = printable(raw);
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
    s.resize(s.size() - 2);
  return s;
}

struct Look {
  const char *fill;
  const char *ink;
  const char *glyph;
  const char *word;
};

Look html_look(DayStatus s) {
  switch (s) {
  case DayStatus::kept:
    return {"#3f8f6b", "#ffffff", "\xe2\x97\x8f", "kept"};
  case DayStatus::partial:
    return {"#e3b04b", "#3b2f12", "\xe2\x97\x90", "partly"};
  case DayStatus::skipped:
    return {"#8fb8de", "#14324f", "\xe2\x97\x87", "skipped"};
  case DayStatus::missed:
    return {"#e6e8ec", "#5b6270", "\xe2\x97\x8b", "no check-in"};
  case DayStatus::rest:
    return {"#f4f5f7", "#7a8190", "\xe2\x80\x93", "rest day"};
  case DayStatus::open:
    return {"#ffffff", "#2d3748", "\xe2\x97\x8c", "today"};
  case DayStatus::future:
    break;
  }
  return {"#fafbfc", "#a0a7b4", "\xc2\xb7", "ahead"};
}

const char *const style = R"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f4ef; color: #2d3748;
  font: 16px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 32px 24px 48px; }
header h1 { margin: 0 0 4px; font-size: 1.7rem; font-weight: 650; color: #22543d; }
.where { margin: 0; font-size: 1.1rem; font-weight: 600; }
.dates { margin: 0; color: #5b6270; }
section { background: #fff; border-radius: 12px; padding: 18px 22px; margin-top: 18px;
  box-shadow: 0 1px 3px rgba(0,0,0,.06); break-inside: avoid; }
h2 { margin: 0 0 12px; font-size: 1.15rem; color: #22543d; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { flex: 1 1 200px; background: #f0f7f3; border-radius: 10px; padding: 12px 14px; }
.card b { display: block; font-size: 1.5rem; color: #22543d; }
.pair { display: flex; gap: 18px; flex-wrap: wrap; }
.pair figure { flex: 1 1 360px; margin: 0; }
figcaption { font-size: .9rem; color: #5b6270; margin-top: 4px; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e6e8ec; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.meter { display: inline-block; width: 90px; height: 10px; background: #e6e8ec;
  border-radius: 5px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
.meter span { display: block; height: 100%; background: #3f8f6b; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .9rem; color: #5b6270;
  margin: 8px 0 0; padding: 0; list-style: none; }
.legend i { font-style: normal; display: inline-block; width: 1.4em; height: 1.4em;
  line-height: 1.4em; text-align: center; border-radius: 4px; margin-right: 4px; }
.notes li { margin-bottom: 4px; }
.gentle { color: #5b6270; font-style: italic; }
footer { margin-top: 20px; font-size: .85rem; color: #5b6270; text-align: center; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section { box-shadow: none; border: 1px solid #d5d9e0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

void calendar_svg(std::string &out, const Progress &p) {
  const int cell = 44, gap = 6, left = 70, top = 26;
  const int rows = static_cast<int>(p.weeks.size());
  const int w = left + 7 * (cell + gap), h = top + rows * (cell + gap);
  out += "<svg id=\"chart-calendar\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " +
         std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
         std::to_string(h) + "\" aria-labelledby=\"cal-title\">";
  out += "<title id=\"cal-title\">Calendar: one square per day of the programme</title>";
  for (int i = 0; i < 7; ++i) {
    std::string wd = weekday_long(date::weekday{p.pos.start + date::days(i)}).substr(0, 3);
    out += "<text x=\"" + std::to_string(left + i * (cell + gap) + cell / 2) +
           "\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" fill=\"#5b6270\">" + wd + "</text>";
  }
  for (const WeekStats &ws : p.weeks) {
    const int y = top + int(ws.week - 1) * (cell + gap);
    out += "<text x=\"0\" y=\"" + std::to_string(y + cell / 2 + 5) +
           "\" font-size=\"13\" fill=\"#5b6270\">Week " + std::to_string(ws.week) + "</text>";
    for (int i = 0; i < 7; ++i) {
      const DayCell &c = p.days[(ws.week - 1) * 7 + i];
      const Look l = html_look(c.status);
      const int x = left + i * (cell + gap);
      const unsigned dom = unsigned(date::year_month_day{c.day}.day());
      out += "<g class=\"day " + std::string(to_string(c.status)) + "\"><title>" + long_day(c.day) +
             ": " + l.word + "</title>";
      out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
             std::to_string(cell) + "\" height=\"" + std::to_string(cell) + "\" rx=\"8\" fill=\"" +
             l.fill + "\"" +
             (c.status == DayStatus::open
                  ? " stroke=\"#2d3748\" stroke-width=\"2\" stroke-dasharray=\"4 3\""
                  : "") +
             "/>";
      out += "<text x=\"" + std::to_string(x + 5) + "\" y=\"" + std::to_string(y + 13) +
             "\" font-size=\"10\" fill=\"" + l.ink + "\" opacity=\".8\">" + std::to_string(dom) +
             "</text>";
      out += "<text x=\"" + std::to_string(x + cell / 2) + "\" y=\"" +
             std::to_string(y + cell / 2 + 9) +
             "\" text-anchor=\"middle\" font-size=\"18\" fill=\"" + l.ink + "\">" + l.glyph +
             "</text></g>";
    }
  }
  out += "</svg>";
  out += "<ul class=\"legend\">";
  for (DayStatus s : {DayStatus::kept, DayStatus::partial, DayStatus::skipped, DayStatus::missed,
                      DayStatus::rest, DayStatus::open, DayStatus::future}) {
    const Look l = html_look(s);
    out += std::string("<li><i style=\"background:") + l.fill + ";color:" + l.ink +
           ";border:1px solid #d5d9e0\">" + l.glyph + "</i>" + l.word + "</li>";
  }
  out += "</ul>";
}

/// The 0%, 50% and 100% lines of a chart `ch` pixels high from `top`, labelled left of
/// `left`, across to `w` (every chart draws them).
void percent_grid(std::string &out, int left, int top, int ch, int w) {
  for (int pct = 0; pct <= 100; pct += 50) {
    const int y = top + ch - ch * pct / 100;
    out += "<line x1=\"" + std::to_string(left - 4) + "\" x2=\"" + std::to_string(w - 6) +
           "\" y1=\"" + std::to_string(y) + "\" y2=\"" + std::to_string(y) +
           "\" stroke=\"#e6e8ec\"/><text x=\"" + std::to_string(left - 8) + "\" y=\"" +
           std::to_string(y + 4) + "\" text-anchor=\"end\" font-size=\"11\" fill=\"#7a8190\">" +
           std::to_string(pct) + "%</text>";
  }
}

void adherence_svg(std::string &out, const Progress &p) {
  const int bw = 40, gap = 18, left = 40, top = 22, ch = 160;
  const int n = static_cast<int>(p.weeks.size());
  const int w = left + n * (bw + gap) + 10, h = top + ch + 40;
  out += "<svg id=\"chart-adherence\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " +
         std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
         std::to_string(h) + "\"><title>Adherence by programme week</title>";
  percent_grid(out, left, top, ch, w);
  for (const WeekStats &ws : p.weeks) {
    const int x = left + int(ws.week - 1) * (bw + gap) + gap / 2;
    const bool has = ws.reached && ws.adherence.planned > 0;
    const double r = has ? ws.adherence.ratio() : 0;
    const int bh = static_cast<int>(std::lround(r * ch));
    out += "<g class=\"week\"><title>Week " + std::to_string(ws.week) + ": " +
           (has ? std::to_string(ws.adherence.done) + " of " +
                      std::to_string(ws.adherence.planned) + " (" + percent(r) + ")"
                : std::string("not begun yet")) +
           "</title>";
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(top) + "\" width=\"" +
           std::to_string(bw) + "\" height=\"" + std::to_string(ch) +
           "\" rx=\"6\" fill=\"#f0f2f5\"/>";
    if (bh > 0)
      out += "<rect class=\"bar\" x=\"" + std::to_string(x) + "\" y=\"" +
             std::to_string(top + ch - bh) + "\" width=\"" + std::to_string(bw) + "\" height=\"" +
             std::to_string(bh) + "\" rx=\"6\" fill=\"#3f8f6b\"/>";
    if (has) // above the bar: the chart keeps `top` pixels of headroom for it
      out += "<text x=\"" + std::to_string(x + bw / 2) + "\" y=\"" +
             std::to_string(top + ch - bh - 5) +
             "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#2d3748\">" + percent(r) +
             "</text>";
    out += "<text x=\"" + std::to_string(x + bw / 2) + "\" y=\"" + std::to_string(top + ch + 18) +
           "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6270\">W" +
           std::to_string(ws.week) + "</text></g>";
  }
  out += "</svg>";
}

void self_check_svg(std::string &out, const Progress &p) {
  const int left = 40, top = 22, ch = 160, step = 50;
  const int n = static_cast<int>(p.weeks.size()) + 1; // weeks 0..N
  const int w = left + (n - 1) * step + 30, h = top + ch + 40;
  out += "<svg id=\"chart-self-check\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " +
         std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
         std::to_string(h) + "\"><title>Self-check by week (0 is the baseline)</title>";
  percent_grid(out, left, top, ch, w);
  std::string points_attr;
  std::string dots;
  for (const SelfCheckScore &s : p.self_check.scores) {
    const double x = left + 10 + double(s.week) * step;
    const double y = top + ch - ch * s.percent / 100.0;
    points_attr += (points_attr.empty() ? "" : " ") + num(x) + "," + num(y);
    dots += "<g class=\"score\"><title>Week " + std::to_string(s.week) + ": " + num(s.percent) +
            "%</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
            "\" r=\"5\" fill=\"#6b5fb5\"/><text x=\"" + num(x) + "\" y=\"" + num(y - 9) +
            "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#2d3748\">" +
            std::to_string(static_cast<int>(std::lround(s.percent))) + "</text></g>";
  }
  if (p.self_check.scores.size() > 1)
    out += "<polyline fill=\"none\" stroke=\"#6b5fb5\" stroke-width=\"2.5\" points=\"" +
           points_attr + "\"/>";
  out += dots;
  for (int wk = 0; wk < n; ++wk)
    out += "<text x=\"" + std::to_string(left + 10 + wk * step) + "\" y=\"" +
           std::to_string(top + ch + 18) +
           "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6270\">" +
           (wk == 0 ? std::string("Base") : "W" + std::to_string(wk)) + "</text>";
  if (p.self_check.scores.empty())
    out += "<text x=\"" + std::to_string(w / 2) + "\" y=\"" + std::to_string(top + ch / 2) +
           "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#7a8190\">No self-check yet</text>";
  out += "</svg>";
}

/// One line per dimension on the plan's scale (weeks 0..N), with a legend: avoidance and
/// anxiety are never merged into one number here.
void dimensions_svg(std::string &out, const Progress &p) {
  static const char *const colours[] = {"#6b5fb5", "#c0564b", "#3f8f6b"};
  const SelfCheck &sc = p.plan->self_check;
  const int lo = sc.scale_min, hi = sc.scale_max;
  const int left = 40, top = 22, ch = 160, step = 50;
  const int n = static_cast<int>(p.weeks.size()) + 1; // weeks 0..N
  const int w = left + (n - 1) * step + 30, h = top + ch + 40 + 18;
  out += "<svg id=\"chart-self-check\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " +
         std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
         std::to_string(h) +
         "\"><title>Self-check by week, one line per dimension (0 is the baseline)</title>";
  const auto y_of = [&](double v) { return top + ch - ch * (v - lo) / double(hi - lo); };
  for (int v = lo; v <= hi; ++v) {
    const double y = y_of(v);
    out += "<line x1=\"" + std::to_string(left - 4) + "\" x2=\"" + std::to_string(w - 6) +
           "\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\" stroke=\"#e6e8ec\"/><text x=\"" +
           std::to_string(left - 8) + "\" y=\"" + num(y + 4) +
           "\" text-anchor=\"end\" font-size=\"11\" fill=\"#7a8190\">" + std::to_string(v) +
           "</text>";
  }
  for (std::size_t i = 0; i < p.self_check.dimensions.size(); ++i) {
    const DimensionTrend &t = p.self_check.dimensions[i];
    const char *colour = colours[static_cast<int>(t.dimension) - 1];
    std::string points_attr;
    std::string dots;
    for (const DimensionPoint &d : t.points) {
      const double x = left + 10 + double(d.week) * step;
      const double y = y_of(d.mean);
      points_attr += (points_attr.empty() ? "" : " ") + num(x) + "," + num(y);
      dots += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"" + colour +
              "\"><title>" + dimension_label(t.dimension) + ", week " + std::to_string(d.week) +
              ": " + scale_number(d.mean) + "</title></circle>";
    }
    out += "<g class=\"dimension\" data-dimension=\"" + std::string(to_string(t.dimension)) + "\">";
    if (t.points.size() > 1)
      out += "<polyline fill=\"none\" stroke=\"" + std::string(colour) +
             "\" stroke-width=\"2.5\" points=\"" + points_attr + "\"/>";
    out += dots + "<text x=\"" + std::to_string(left + static_cast<int>(i) * 110) + "\" y=\"" +
           std::to_string(h - 4) + "\" font-size=\"12\" fill=\"" + colour + "\">\xe2\x94\x80 " +
           dimension_label(t.dimension) + "</text></g>";
  }
  for (int wk = 0; wk < n; ++wk)
    out += "<text x=\"" + std::to_string(left + 10 + wk * step) + "\" y=\"" +
           std::to_string(top + ch + 18) +
           "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6270\">" +
           (wk == 0 ? std::string("Base") : "W" + std::to_string(wk)) + "</text>";
  out += "</svg>";
}

/// One programme's chart for `report --run all`: adherence bars per week and the self-check
/// as lines, on the axis every programme shares (weeks 0..c.weeks, 0 to 100%), so the charts
/// line up one under the other. Dimension means are drawn on their plan's scale, bottom to top.
void run_chart_svg(std::string &out, const RunComparison &c, const RunRow &r) {
  // The single-run report's colours: avoidance, anxiety, awareness; the merged score as avoidance.
  static const char *const colours[] = {"#6b5fb5", "#c0564b", "#3f8f6b"};
  const int left = 40, top = 22, ch = 140, step = 50, bw = 26;
  const int n = static_cast<int>(c.weeks) + 1; // weeks 0..N
  const int w = left + (n - 1) * step + 30, h = top + ch + 40 + 18;
  const std::string id = std::to_string(r.run);
  out += "<svg id=\"chart-run-" + id + "\" class=\"run-chart\" role=\"img\" viewBox=\"0 0 " +
         std::to_string(w) + " " + std::to_string(h) + "\" width=\"" + std::to_string(w) +
         "\" height=\"" + std::to_string(h) + "\"><title>Run " + id +
         ": adherence and self-check by week</title>";
  percent_grid(out, left, top, ch, w);
  for (std::size_t wk = 1; wk < r.week_adherence.size(); ++wk) {
    if (!r.week_adherence[wk])
      continue;
    const double ratio = *r.week_adherence[wk];
    const int bh = static_cast<int>(std::lround(ratio * ch));
    const int x = left + 10 + int(wk) * step - bw / 2;
    out += "<g class=\"week\"><title>Week " + std::to_string(wk) + ": " + percent(ratio) +
           " of planned practices</title>";
    if (bh > 0)
      out += "<rect class=\"bar\" x=\"" + std::to_string(x) + "\" y=\"" +
             std::to_string(top + ch - bh) + "\" width=\"" + std::to_string(bw) + "\" height=\"" +
             std::to_string(bh) + "\" rx=\"5\" fill=\"#a9d3bd\"/>";
    out += "</g>";
  }
  // The lines: each dimension on its scale, or the merged percent for older plans.
  struct Line {
    const char *label;
    const char *colour;
    std::vector<std::pair<unsigned, double>> points; // week, 0..1
  };
  std::vector<Line> lines;
  const double span = r.scale_max > r.scale_min ? double(r.scale_max - r.scale_min) : 1.0;
  for (const DimensionTrend &t : r.dimensions) {
    Line l{dimension_label(t.dimension), colours[(static_cast<int>(t.dimension) + 2) % 3], {}};
    for (const DimensionPoint &d : t.points)
      l.points.emplace_back(d.week, (d.mean - r.scale_min) / span);
    lines.push_back(std::move(l));
  }
  if (r.dimensions.empty()) {
    Line l{"Self-check", colours[0], {}};
    for (std::size_t wk = 0; wk < r.week_self_check.size(); ++wk)
      if (r.week_self_check[wk])
        l.points.emplace_back(static_cast<unsigned>(wk), *r.week_self_check[wk] / 100.0);
    lines.push_back(std::move(l));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line &l = lines[i];
    std::string points_attr, dots;
    for (const auto &[week, v] : l.points) {
      const double x = left + 10 + double(week) * step;
      const double y = top + ch - ch * std::clamp(v, 0.0, 1.0);
      points_attr += (points_attr.empty() ? "" : " ") + num(x) + "," + num(y);
      dots += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"" + l.colour +
              "\"><title>" + l.label + ", week " + std::to_string(week) + "</title></circle>";
    }
    out += "<g class=\"line\" data-line=\"" + std::string(l.label) + "\">";
    if (l.points.size() > 1)
      out += "<polyline fill=\"none\" stroke=\"" + std::string(l.colour) +
             "\" stroke-width=\"2.5\" points=\"" + points_attr + "\"/>";
    out += dots + "<text x=\"" + std::to_string(left + static_cast<int>(i) * 110) + "\" y=\"" +
           std::to_string(h - 4) + "\" font-size=\"12\" fill=\"" + l.colour + "\">\xe2\x94\x80 " +
           l.label + "</text></g>";
  }
  for (int wk = 0; wk < n; ++wk)
    out += "<text x=\"" + std::to_string(left + 10 + wk * step) + "\" y=\"" +
           std::to_string(top + ch + 18) +
           "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6270\">" +
           (wk == 0 ? std::string("Base") : "W" + std::to_string(wk)) + "</text>";
  out += "</svg>";
}

std::string run_status(const RunRow &r) {
  if (r.ended)
    return "ended early";
  if (r.phase == Phase::active)
    return "running";
  if (r.phase == Phase::not_started)
    return "not begun";
  return "finished";
}

std::string run_self_check(const RunRow &r) {
  std::string s;
  for (const DimensionTrend &t : r.dimensions) {
    if (!t.baseline)
      continue;
    s += (s.empty() ? "" : "; ") + std::string(dimension_label(t.dimension)) + " " +
         scale_number(*t.baseline);
    if (t.latest && t.change)
      s += " \xe2\x86\x92 " + scale_number(*t.latest);
  }
  if (r.dimensions.empty() && r.self_check_baseline) {
    s = "Self-check " + num(*r.self_check_baseline);
    if (r.self_check_latest && *r.self_check_latest != *r.self_check_baseline)
      s += " \xe2\x86\x92 " + num(*r.self_check_latest);
  }
  return s.empty() ? "\xe2\x80\x93" : s;
}

/// The exercises table: done, planned, skipped and strength (a count for when-it-arises).
void exercises_section(std::string &out, const Progress &p) {
  out += "<section id=\"exercises\"><h2>Exercises</h2><table><thead><tr><th>Exercise</th>"
         "<th class=\"n\">Done</th><th class=\"n\">Planned</th><th class=\"n\">Skipped</th>"
         "<th>Strength</th></tr></thead><tbody>";
  each_exercise_row(
      p,
      [&](const ExerciseStats &e) {
        out += "<tr class=\"situational\"><td>" + esc(title_of(e.exercise)) +
               "</td><td colspan=\"2\">" + esc(practised_phrase(e.adherence)) +
               "</td><td class=\"n\">" + std::to_string(e.adherence.skipped) +
               "</td><td>\xe2\x80\x93</td></tr>";
      },
      [&](const ExerciseStats &e) {
        const long s = std::lround(e.strength);
        out += "<tr><td>" + esc(title_of(e.exercise)) + "</td><td class=\"n\">" +
               std::to_string(e.adherence.done) + "</td><td class=\"n\">" +
               std::to_string(e.adherence.planned) + "</td><td class=\"n\">" +
               std::to_string(e.adherence.skipped) +
               "</td><td><span class=\"meter\"><span style=\"width:" + std::to_string(s) +
               "%\"></span></span>" + std::to_string(s) + "</td></tr>";
      });
  out += "</tbody></table><p class=\"gentle\">Strength grows with each practice and fades "
         "slowly, so a single missed day barely moves it; a steady six weeks reaches "
         "100.</p></section>\n";
}

/// "Looking back" for a finished programme; nothing otherwise.
void summary_section(std::string &out, const Progress &p) {
  if (!p.summary)
    return;
  const Summary &s = *p.summary;
  out += "<section id=\"summary\"><h2>Looking back</h2><ul>";
  if (s.most_practised)
    out += "<li>Practised most: " + esc(title_of(s.most_practised)) + " (" +
           days_word(s.most_practised_days) + ")</li>";
  if (s.best_week)
    out += "<li>Best week: week " + std::to_string(s.best_week) + " (" +
           percent(s.best_week_ratio) + ")</li>";
  out += "<li>Longest streak: " + days_word(s.longest_streak) + "</li>";
  if (!p.self_check.dimensions.empty()) {
    if (!dimension_changes(p).empty())
      out += "<li>Self-check since your starting point: " + esc(dimension_changes(p)) + "</li>";
  } else if (s.change) {
    out += "<li>Self-check since baseline: " + esc(points(*s.change)) + "</li>";
  }
  out += "</ul><p>" + esc(s.suggestion) + "</p></section>\n";
}

} // namespace

std::string render_html(const Progress &p, const ReportOptions &options) {
  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(p.plan->name) + " \xc2\xb7 attune</title>\n<style>" + style +
         "</style>\n</head>\n<body>\n<main>\n";
  out += "<header><h1>" + esc(p.plan->name) + "</h1><p class=\"where\">" + esc(position_line(p)) +
         "</p><p class=\"dates\">" + long_day(p.pos.start) + " to " + long_day(p.pos.last) +
         " \xc2\xb7 as of " + long_day(p.today) + "</p></header>\n";

  out += "<section id=\"glance\"><h2>At a glance</h2><div class=\"cards\">";
  out += "<div class=\"card\"><b>" + days_word(days_practised(p)) + "</b>practised, " +
         std::to_string(practices_done(p)) + " practices done</div>";
  out += "<div class=\"card\"><b>" + std::to_string(p.total.done) + " of " +
         std::to_string(p.total.planned) + "</b>planned practices done (" +
         percent(p.total.ratio()) + ")" +
         (p.total.skipped ? ", " + std::to_string(p.total.skipped) + " skipped on purpose" : "") +
         "</div>";
  out += "<div class=\"card\"><b>" + days_word(p.streak.longest) + "</b>longest streak" +
         (p.streak.current >= 2 ? ", current " + days_word(p.streak.current) : std::string()) +
         "</div>";
  if (p.self_check.dimensions.empty() && p.self_check.change)
    out += "<div class=\"card\"><b>" + esc(points(*p.self_check.change)) +
           "</b>self-check since the baseline</div>";
  out += "</div><p class=\"gentle\">" + esc(streak_sentence(p)) + "</p></section>\n";

  out += "<section id=\"calendar\"><h2>Your six weeks, day by day</h2>";
  calendar_svg(out, p);
  out += "</section>\n";

  out += "<section id=\"weeks\"><h2>Practice and self-check, week by week</h2><div "
         "class=\"pair\"><figure>";
  adherence_svg(out, p);
  out += "<figcaption>Share of planned practices done each week (skipped ones are not "
         "counted as missed).</figcaption></figure><figure>";
  if (p.self_check.dimensions.empty()) {
    self_check_svg(out, p);
    out += "<figcaption>Self-check score, 0\xe2\x80\x93"
           "100 (higher feels more secure). " +
           std::string(trend_disclaimer) + "</figcaption></figure></div>";
    if (!self_check_sentence(p).empty())
      out += "<p>" + esc(self_check_sentence(p)) + "</p>";
  } else {
    dimensions_svg(out, p);
    out += "<figcaption>" + esc(dimension_legend(p)) + " " + std::string(trend_disclaimer) +
           "</figcaption></figure></div><ul class=\"dimensions\">";
    for (const DimensionTrend &t : p.self_check.dimensions)
      out += "<li data-dimension=\"" + std::string(to_string(t.dimension)) + "\"><b>" +
             dimension_label(t.dimension) + "</b> " + esc(dimension_summary(t)) + "</li>";
    out += "</ul>";
  }
  if (!baseline_note(p).empty())
    out += "<p class=\"gentle\">" + esc(baseline_note(p)) + "</p>";
  if (p.self_check.early_dip)
    out += "<p class=\"gentle\">" + esc(early_dip_note) + "</p>";
  const AfterView after = after_view(*p.plan, *p.run, p.today);
  if (!after.followups.empty()) {
    out += "<h3>Follow-up self-checks</h3><ul id=\"followups\">";
    for (const FollowupPoint &f : after.followups)
      out += "<li>" + esc(followup_sentence(p, f)) + "</li>";
    out += "</ul>";
  }
  out += "</section>\n";

  exercises_section(out, p);

  if (options.week && *options.week >= 1 && *options.week <= p.weeks.size()) {
    const WeekStats &ws = p.weeks[*options.week - 1];
    const Week *week = p.plan->week(ws.week);
    out += "<section id=\"week-detail\"><h2>Week " + std::to_string(ws.week) +
           (week && !week->theme.empty() ? ": " + esc(week->theme) : std::string()) + "</h2><ul>";
    for (const auto &[ex, a] : ws.exercises)
      out += "<li>" + esc(title_of(ex)) + ": " +
             (ex->schedule.situational()
                  ? esc(practised_phrase(a))
                  : std::to_string(a.done) + " of " + std::to_string(a.planned)) +
             "</li>";
    out += "</ul></section>\n";
  }

  if (!p.notes.empty()) {
    out += "<section id=\"notes\"><h2>Your notes</h2><ul class=\"notes\">";
    for (const NoteEntry &n : p.notes)
      out += "<li><b>" + short_day(n.day) + "</b> " + esc(n.text) + "</li>";
    out += "</ul></section>\n";
  }

  summary_section(out, p);
  if (!after.review.empty()) {
    out += "<section id=\"review\"><h2>Your review</h2><dl>";
    for (const auto &[label, text] : review_pairs(after))
      out += "<dt>" + esc(label) + "</dt><dd>" + esc(text) + "</dd>";
    out += "</dl></section>\n";
  }
  if (after.maintenance.exists) {
    out += "<section id=\"maintenance\"><h2>Your kept practice</h2><ul>";
    for (const std::string &line : maintenance_lines(after))
      out += "<li>" + esc(line) + "</li>";
    out += "</ul></section>\n";
  }
  out += "<footer>Made with attune, a self-help practice: not therapy, not a diagnosis. This "
         "page stays on your computer.</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

std::string render_runs_html(const RunComparison &c) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Your programmes side by side \xc2\xb7 attune</title>\n<style>" +
         std::string(style) + "</style>\n</head>\n<body>\n<main>\n";
  out += "<header><h1>Your programmes side by side</h1><p class=\"dates\">" +
         std::to_string(c.runs.size()) + (c.runs.size() == 1 ? " programme" : " programmes") +
         " \xc2\xb7 as of " + long_day(c.today) + "</p></header>\n";
  out += "<section id=\"runs\"><h2>Each programme</h2><table><thead><tr><th class=\"n\">Run"
         "</th><th>Plan</th><th>Dates</th><th>Status</th><th class=\"n\">Days practised</th>"
         "<th>Adherence</th><th class=\"n\">Longest streak</th><th>Self-check, start \xe2\x86\x92 "
         "latest</th></tr></thead><tbody>";
  for (const RunRow &r : c.runs) {
    const long a = std::lround(r.adherence.ratio() * 100);
    out += "<tr data-run=\"" + std::to_string(r.run) + "\"><td class=\"n\">" +
           std::to_string(r.run) + "</td><td>" + esc(r.plan_name) +
           "</td><td style=\"white-space:nowrap\">" + format_day(r.start) + " \xe2\x80\x93 " +
           format_day(r.ended ? *r.ended : r.end) + "</td><td>" + run_status(r) +
           "</td><td class=\"n\">" + std::to_string(r.days_practised) +
           "</td><td><span class=\"meter\"><span style=\"width:" + std::to_string(a) +
           "%\"></span></span>" + std::to_string(a) + "%</td><td class=\"n\">" +
           days_word(r.longest_streak) + "</td><td>" + esc(run_self_check(r)) + "</td></tr>";
  }
  out += "</tbody></table></section>\n";
  out += "<section id=\"charts\"><h2>Week by week, on one scale</h2>";
  for (const RunRow &r : c.runs) {
    out += "<figure>";
    run_chart_svg(out, c, r);
    out += "<figcaption>Run " + std::to_string(r.run) + " (" + esc(r.plan_name) +
           "): bars are the share of planned practices done each week; lines are the "
           "self-check, the plan's scale drawn bottom to top.</figcaption></figure>";
  }
  out += "<p class=\"gentle\">" + std::string(trend_disclaimer) + "</p></section>\n";
  out += "<footer>Made with attune, a self-help practice: not therapy, not a diagnosis. This "
         "page stays on your computer.</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

} // namespace attune
