// A Markdown summary to paste into a message or bring to a therapist.
#include <cstdio>

#include "attune/report.hpp"
#include "attune/text.hpp"
#include "report_common.hpp"

namespace attune {

namespace {

using namespace report_detail;

/// Plan and user text in Markdown: control characters and line breaks shown as printable()
/// shows them, then characters with meaning backslash-escaped, so a note can never turn into
/// a heading, a link or a table cell, nor drive the terminal it is pasted from.
std::string md(const std::string &raw) {
  const std::string text = printable(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '|':
    case '#':
    case '~':
    case '!':
      out += '\\';
      break;
    default:
      break;
    }
    out += c;
  }
  return out;
}

std::string score_cell(const std::optional<SelfCheckScore> &s) {
  if (!s)
    return "\xe2\x80\x93";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", s->percent);
  return buf;
}

/// The self-check by week, one column per dimension (and "How hard"), then each dimension's
/// change from the starting point and what the numbers mean.
void self_check_table(std::string &out, const Progress &p) {
  const SelfCheckTrend &t = p.self_check;
  const bool hard = p.plan->self_check.has_distress();
  out += "\n## Self-check\n\n| Week |";
  std::string rule = "|---:|";
  for (const DimensionTrend &d : t.dimensions) {
    out += std::string(" ") + dimension_label(d.dimension) + " |";
    rule += "---:|";
  }
  if (hard) {
    out += " How hard |";
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (const SelfCheckScore &s : t.scores) {
    out += "| " + (s.week == 0 ? std::string("baseline") : std::to_string(s.week)) + " |";
    for (const DimensionTrend &d : t.dimensions) {
      const auto v = s.on(d.dimension);
      out += " " + (v ? scale_number(*v) : std::string("\xe2\x80\x93")) + " |";
    }
    if (hard)
      out += " " + (s.distress ? std::to_string(*s.distress) : std::string("\xe2\x80\x93")) + " |";
    out += "\n";
  }
  out += "\n";
  for (const DimensionTrend &d : t.dimensions)
    out += "- " + std::string(dimension_label(d.dimension)) + ": " + dimension_summary(d) + "\n";
  out += "\n" + md(dimension_legend(p)) + " _" + trend_disclaimer + "_\n";
}

} // namespace

std::string render_markdown(const Progress &p, const ReportOptions &options) {
  std::string out;
  out += "# " + md(p.plan->name) + "\n\n";
  out += "**" + position_line(p) + "** \xc2\xb7 " + long_day(p.pos.start) + " to " +
         long_day(p.pos.last) + " \xc2\xb7 as of " + long_day(p.today) + "\n\n";

  out += "- " + practice_sentence(p) + "\n";
  out += "- Planned practices done: " + std::to_string(p.total.done) + " of " +
         std::to_string(p.total.planned) + " (" + percent(p.total.ratio()) + ")";
  if (p.total.skipped > 0)
    out += ", " + std::to_string(p.total.skipped) + " skipped on purpose";
  out += "\n";
  out += "- " + streak_sentence(p) + "\n";
  const bool dims = !p.self_check.dimensions.empty();
  if (p.self_check.latest && !dims)
    out += "- Self-check: " + self_check_sentence(p) + " _" + trend_disclaimer + "_\n";
  out += "\n## Week by week\n\n";
  out += dims ? "| Week | Dates | Done | Planned | Skipped | Adherence |\n"
              : "| Week | Dates | Done | Planned | Skipped | Adherence | Self-check |\n";
  out += dims ? "|---:|---|---:|---:|---:|---:|\n" : "|---:|---|---:|---:|---:|---:|---:|\n";
  for (const WeekStats &ws : p.weeks) {
    if (!ws.reached)
      continue;
    out += "| " + std::to_string(ws.week) + " | " + short_day(ws.from) + " \xe2\x80\x93 " +
           short_day(ws.to) + " | " + std::to_string(ws.adherence.done) + " | " +
           std::to_string(ws.adherence.planned) + " | " + std::to_string(ws.adherence.skipped) +
           " | " + (ws.adherence.planned ? percent(ws.adherence.ratio()) : "\xe2\x80\x93") +
           (dims ? std::string(" |\n") : " | " + score_cell(ws.self_check) + " |\n");
  }
  if (p.self_check.baseline && !dims)
    out += "\nSelf-check baseline (week " + std::to_string(p.self_check.baseline->week) +
           "): " + score_cell(p.self_check.baseline) + ".\n";
  if (dims && p.self_check.latest)
    self_check_table(out, p);
  if (!baseline_note(p).empty())
    out += "\n" + baseline_note(p) + "\n";
  if (p.self_check.early_dip)
    out += "\n" + std::string(early_dip_note) + "\n";
  const AfterView after = after_view(*p.plan, *p.run, p.today);
  if (!after.followups.empty()) {
    out += "\nFollow-up self-checks:\n\n";
    for (const FollowupPoint &f : after.followups)
      out += "- " + md(followup_sentence(p, f)) + "\n";
  }

  out += "\n## Exercises\n\n";
  out += "| Exercise | Done | Planned | Skipped | Strength |\n";
  out += "|---|---:|---:|---:|---:|\n";
  each_exercise_row(
      p,
      [&](const ExerciseStats &e) {
        out += "| " + md(title_of(e.exercise)) + " | " + practised_phrase(e.adherence) +
               " | \xe2\x80\x93 | " + std::to_string(e.adherence.skipped) + " | \xe2\x80\x93 |\n";
      },
      [&](const ExerciseStats &e) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.0f", e.strength);
        out += "| " + md(title_of(e.exercise)) + " | " + std::to_string(e.adherence.done) + " | " +
               std::to_string(e.adherence.planned) + " | " + std::to_string(e.adherence.skipped) +
               " | " + buf + " |\n";
      });
  out += "\nStrength (0\xe2\x80\x93"
         "100) grows with each practice and fades slowly; a steady six "
         "weeks reaches 100.\n";

  if (options.week && *options.week >= 1 && *options.week <= p.weeks.size()) {
    const WeekStats &ws = p.weeks[*options.week - 1];
    const Week *week = p.plan->week(ws.week);
    out += "\n## Week " + std::to_string(ws.week);
    if (week && !week->theme.empty())
      out += ": " + md(week->theme);
    out += "\n\n";
    for (const auto &[ex, a] : ws.exercises)
      out +=
          "- " + md(title_of(ex)) + ": " +
          (ex->schedule.situational()
               ? practised_phrase(a)
               : std::to_string(a.done) + " of " + std::to_string(a.planned) +
                     (a.skipped ? ", " + std::to_string(a.skipped) + " skipped" : std::string())) +
          "\n";
  }

  if (!p.notes.empty()) {
    out += "\n## Notes\n\n";
    for (const NoteEntry &n : p.notes)
      out += "- " + short_day(n.day) + ": " + md(n.text) + "\n";
  }

  if (p.summary) {
    const Summary &s = *p.summary;
    out += "\n## Looking back\n\n";
    if (s.most_practised)
      out += "- Practised most: " + md(title_of(s.most_practised)) + " (" +
             days_word(s.most_practised_days) + ")\n";
    if (s.best_week)
      out += "- Best week: week " + std::to_string(s.best_week) + " (" +
             percent(s.best_week_ratio) + ")\n";
    out += "- Longest streak: " + days_word(s.longest_streak) + "\n";
    if (dims) {
      if (!dimension_changes(p).empty())
        out += "- Self-check since your starting point: " + dimension_changes(p) + "\n";
    } else if (s.change) {
      out += "- Self-check since baseline: " + points(*s.change) + "\n";
    }
    out += "\n" + md(s.suggestion) + "\n";
  }
  if (!after.review.empty()) {
    out += "\n## Your review\n\n";
    for (const auto &[label, text] : review_pairs(after))
      out += "- **" + md(label) + ":** " + md(text) + "\n";
  }
  if (after.maintenance.exists) {
    out += "\n## Your kept practice\n\n";
    for (const std::string &line : maintenance_lines(after))
      out += "- " + md(line) + "\n";
  }
  out += "\n_Made with attune, a self-help practice. It is not therapy and not a diagnosis._\n";
  return out;
}

} // namespace attune
