// The terminal report: symbols carry every meaning, colour only repeats it.
#include <algorithm>
#include <cmath>

#include "attune/report.hpp"
#include "attune/text.hpp"
#include "report_common.hpp"

namespace attune {

namespace {

using namespace report_detail;

struct Symbol {
  const char *glyph;
  const char *sgr;
};

Symbol symbol_for(DayStatus s) {
  switch (s) {
  case DayStatus::kept:
    return {"\xe2\x97\x8f", "32"}; // ● green
  case DayStatus::partial:
    return {"\xe2\x97\x90", "33"}; // ◐ yellow
  case DayStatus::skipped:
    return {"\xe2\x97\x87", "36"}; // ◇ cyan
  case DayStatus::missed:
    return {"\xe2\x97\x8b", "2"}; // ○ dim
  case DayStatus::rest:
    return {"\xe2\x80\x93", "2"}; // – dim
  case DayStatus::open:
    return {"\xe2\x97\x8c", "1"}; // ◌ bold
  case DayStatus::future:
    break;
  }
  return {"\xc2\xb7", "2"}; // · dim
}

const char *const block_full = "\xe2\x96\x88";  // █
const char *const block_empty = "\xe2\x96\x91"; // ░

std::string pad_right(const std::string &text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

std::string pad_left(const std::string &text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}

/// Cuts to `width` columns, ending in "…" when cut.
std::string truncate(const std::string &text, std::size_t width) {
  if (display_width(text) <= width)
    return text;
  if (width == 0)
    return "";
  std::string out;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xf0)
      len = 4;
    else if (c >= 0xe0)
      len = 3;
    else if (c >= 0xc0)
      len = 2;
    const std::string cp = text.substr(i, len);
    const std::size_t cw = display_width(cp);
    if (used + cw > width - 1)
      break;
    out += cp;
    used += cw;
    i += len;
  }
  return out + "\xe2\x80\xa6";
}

/// Word-wraps prose to `width` columns, each line starting with `indent` spaces.
void wrap(std::string &out, const std::string &text, std::size_t width, std::size_t indent) {
  const std::string lead(indent, ' ');
  const std::size_t room = width > indent + 10 ? width - indent : 10;
  std::string line;
  std::size_t line_w = 0;
  std::size_t i = 0;
  const std::string t = printable(text);
  while (i < t.size()) {
    while (i < t.size() && t[i] == ' ')
      ++i;
    std::size_t j = t.find(' ', i);
    if (j == std::string::npos)
      j = t.size();
    if (j == i)
      break;
    std::string word = t.substr(i, j - i);
    i = j;
    std::size_t ww = display_width(word);
    if (ww > room) {
      word = truncate(word, room);
      ww = room;
    }
    if (line_w > 0 && line_w + 1 + ww > room) {
      out += lead + line + "\n";
      line.clear();
      line_w = 0;
    }
    if (line_w > 0) {
      line += ' ';
      ++line_w;
    }
    line += word;
    line_w += ww;
  }
  if (line_w > 0)
    out += lead + line + "\n";
}

std::string bar(double ratio, std::size_t width, bool color) {
  if (width == 0)
    return "";
  const auto filled = static_cast<std::size_t>(
      std::clamp<long>(std::lround(std::clamp(ratio, 0.0, 1.0) * double(width)), 0, long(width)));
  std::string a, b;
  for (std::size_t i = 0; i < filled; ++i)
    a += block_full;
  for (std::size_t i = filled; i < width; ++i)
    b += block_empty;
  return paint(color, "32", a) + paint(color, "2", b);
}

std::string heading(const std::string &text, bool color) {
  return paint(color, "1", text);
}

void header(std::string &out, const Progress &p, const ReportOptions &o) {
  const std::size_t width = o.width;
  out += paint(o.color, "1", truncate(printable(p.plan->name), width)) + "\n";
  wrap(out, position_line(p), width, 0);
  wrap(out,
       long_day(p.pos.start) + " to " + long_day(p.pos.last) + " \xc2\xb7 today " +
           long_day(p.today),
       width, 0);
  // Pauses, kindly: rest is part of the practice, and the weeks waited.
  if (!p.run->pauses.empty()) {
    std::string rests;
    for (const Pause &pause : p.run->pauses) {
      rests += rests.empty() ? "" : "; ";
      rests += pause.until ? format_day(pause.from) + " to " + format_day(*pause.until)
                           : "since " + format_day(pause.from);
    }
    wrap(out,
         std::string(p.run->pauses.size() == 1 ? "You paused" : "Your pauses") + " (" + rests +
             "): those days rest outside the programme, and its weeks moved on with you.",
         width, 0);
  }
  if (p.total.planned > 0 || p.total.skipped > 0) {
    wrap(out, practice_sentence(p), width, 0);
    std::string s = std::to_string(p.total.done) + " of " + std::to_string(p.total.planned) +
                    " planned practices so far (" + percent(p.total.ratio()) + ")";
    if (p.total.skipped > 0)
      s += ", " + std::to_string(p.total.skipped) + " skipped on purpose";
    wrap(out, s + ".", width, 0);
  } else if (p.pos.phase == Phase::not_started) {
    wrap(out, "Nothing is planned yet: the programme has not begun.", width, 0);
  } else {
    wrap(out, "Nothing is counted yet: today is a fine day to begin.", width, 0);
  }
}

void calendar(std::string &out, const Progress &p, const ReportOptions &o) {
  const bool compact = o.width < 60;
  const std::size_t cell_w = compact ? 2 : 3;
  const std::size_t label_w = 8;
  const std::size_t stats_w = 11; // " 12/14 100%"
  // The merged percent column is for plans without dimensions; others show them under
  // "Self-check" instead of one number that mixes avoidance and anxiety.
  const bool with_check =
      !compact && !p.self_check.scores.empty() && p.self_check.dimensions.empty();
  const std::size_t check_w = with_check ? 7 : 0;
  const std::size_t fixed = label_w + 7 * cell_w + 1 + stats_w + check_w;
  std::size_t bar_w = o.width > fixed + 1 ? o.width - fixed - 1 : 0;
  bar_w = std::min<std::size_t>(bar_w, 20);
  if (bar_w < 4)
    bar_w = 0;

  out += "\n" + heading("Your weeks", o.color) + "\n";
  std::string head(label_w, ' ');
  for (unsigned i = 0; i < 7; ++i) {
    const std::string wd = weekday_short(date::weekday{p.pos.start + date::days(i)});
    std::string two = wd.substr(0, 2);
    two[0] = static_cast<char>(two[0] - 'a' + 'A');
    head += pad_right(two, cell_w);
  }
  head += " ";
  if (bar_w > 0)
    head += pad_right("adherence", bar_w + stats_w);
  else
    head += pad_right("adherence", stats_w);
  if (with_check)
    head += pad_left("check", check_w);
  while (!head.empty() && head.back() == ' ')
    head.pop_back();
  out += head + "\n";

  for (const WeekStats &ws : p.weeks) {
    std::string line = pad_right("Week " + std::to_string(ws.week), label_w);
    for (unsigned i = 0; i < 7; ++i) {
      const DayCell &c = p.days[(ws.week - 1) * 7 + i];
      const Symbol s = symbol_for(c.status);
      line += paint(o.color, s.sgr, s.glyph) + std::string(cell_w - 1, ' ');
    }
    line += " ";
    if (ws.reached && ws.adherence.planned > 0) {
      if (bar_w > 0)
        line += bar(ws.adherence.ratio(), bar_w, o.color);
      line +=
          pad_left(std::to_string(ws.adherence.done) + "/" + std::to_string(ws.adherence.planned),
                   6) +
          pad_left(percent(ws.adherence.ratio()), 5);
    } else {
      line += std::string(bar_w, ' ') + pad_left(ws.reached ? "-" : "", 6) + std::string(5, ' ');
    }
    if (with_check && ws.self_check) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.0f%%", ws.self_check->percent);
      line += pad_left(buf, check_w);
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
  }
  std::string legend;
  const std::pair<DayStatus, const char *> keys[] = {
      {DayStatus::kept, "kept"},       {DayStatus::partial, "partly"},
      {DayStatus::skipped, "skipped"}, {DayStatus::missed, "no check-in"},
      {DayStatus::rest, "rest day"},   {DayStatus::open, "today"},
      {DayStatus::future, "ahead"}};
  // Legend without colour codes so wrapping measures it right; colour is decoration only.
  for (const auto &[status, word] : keys)
    legend += std::string(legend.empty() ? "" : "  ") + symbol_for(status).glyph + " " + word;
  wrap(out, legend, o.width, 0);
}

void exercises(std::string &out, const Progress &p, const ReportOptions &o) {
  const bool compact = o.width < 60;
  const std::size_t tail = compact ? 2 + 7 + 4 : 2 + 7 + 9 + 2 + 10 + 4;
  const std::size_t title_w = o.width > tail + 10 ? o.width - tail : 10;
  out += "\n";
  std::string head = pad_right("Exercises", 2 + title_w) + pad_left("done", 7);
  if (!compact)
    head += pad_left("skipped", 9) + "  strength";
  else
    head += pad_left("str", 4);
  out += heading(head, o.color) + "\n";
  each_exercise_row(
      p,
      [&](const ExerciseStats &e) { // a count, on its own line
        out += "  " + truncate(printable(title_of(e.exercise)), o.width - 2) + "\n";
        wrap(out, practised_phrase(e.adherence), o.width, 4);
      },
      [&](const ExerciseStats &e) {
        std::string line =
            "  " + pad_right(truncate(printable(title_of(e.exercise)), title_w), title_w);
        const bool nothing_yet = e.adherence.planned == 0 && e.adherence.done == 0;
        line += pad_left(nothing_yet ? "\xe2\x80\x93"
                                     : std::to_string(e.adherence.done) + "/" +
                                           std::to_string(e.adherence.planned),
                         7);
        const int strength = static_cast<int>(std::lround(e.strength));
        if (!compact) {
          line += pad_left(std::to_string(e.adherence.skipped), 9) + "  ";
          line += bar(e.strength / 100.0, 10, o.color);
        }
        line += pad_left(std::to_string(strength), 4);
        out += line + "\n";
      });
  wrap(out,
       "Strength grows with each time you practise and fades slowly, so a single missed day "
       "barely moves it; a steady six weeks reaches 100.",
       o.width, 0);
}

void week_detail(std::string &out, const Progress &p, const ReportOptions &o, unsigned n) {
  const WeekStats &ws = p.weeks[n - 1];
  const Week *week = p.plan->week(n);
  out += "\n";
  std::string title = "Week " + std::to_string(n);
  if (week && !week->theme.empty())
    title += ": " + printable(week->theme);
  out += heading(truncate(title, o.width), o.color) + "\n";
  wrap(out, long_day(ws.from) + " to " + long_day(ws.to), o.width, 2);
  if (!ws.reached) {
    wrap(out, "This week has not begun yet.", o.width, 2);
    return;
  }
  const std::size_t title_w = o.width > 24 ? o.width - 14 : 10;
  for (const auto &[ex, a] : ws.exercises) {
    std::string line = "  " + pad_right(truncate(printable(title_of(ex)), title_w), title_w);
    if (ex->schedule.situational()) {
      out +=
          truncate("  " + truncate(printable(title_of(ex)), title_w) + ": " + practised_phrase(a),
                   o.width) +
          "\n";
      continue;
    }
    line += pad_left(std::to_string(a.done) + "/" + std::to_string(a.planned), 7);
    if (a.skipped > 0)
      line += " (" + std::to_string(a.skipped) + " skipped)";
    out += truncate(line, o.width) + "\n";
  }
}

void self_check(std::string &out, const Progress &p, const ReportOptions &o) {
  out += "\n";
  if (p.self_check.scores.empty()) {
    wrap(out, "Self-check: not answered yet. `attune reflect` asks a few questions once a week.",
         o.width, 0);
    return;
  }
  const std::string weeks = "(weeks 0.." +
                            std::to_string(p.self_check.scores.back().week < p.pos.week
                                               ? p.pos.week
                                               : p.self_check.scores.back().week) +
                            ")";
  if (p.self_check.dimensions.empty()) {
    out += heading("Self-check", o.color) + "  " + sparkline(p) + "  " + weeks + "\n";
    wrap(out, self_check_sentence(p) + " " + trend_disclaimer, o.width, 2);
  } else {
    // One line per dimension: avoidance and anxiety are never merged into one number here.
    out += heading("Self-check", o.color) + "  " + weeks + "\n";
    for (const DimensionTrend &t : p.self_check.dimensions)
      out += truncate("  " + pad_right(dimension_label(t.dimension), 10) +
                          dimension_sparkline(p, t) + "  " + dimension_summary(t),
                      o.width) +
             "\n";
    const std::string hard = distress_sparkline(p);
    if (!hard.empty())
      out += "  " + pad_right("How hard", 10) + hard + "\n";
    wrap(out, dimension_legend(p), o.width, 2);
    wrap(out, trend_disclaimer, o.width, 2);
  }
  if (!baseline_note(p).empty())
    wrap(out, baseline_note(p), o.width, 2);
  if (p.self_check.early_dip)
    wrap(out, early_dip_note, o.width, 2);
  const AfterView after = after_view(*p.plan, *p.run, p.today);
  for (const FollowupPoint &f : after.followups)
    wrap(out, "Follow-up, " + followup_sentence(p, f) + ".", o.width, 2);
}

/// Review and kept practice, once the programme is over.
void after_sections(std::string &out, const Progress &p, const ReportOptions &o) {
  const AfterView after = after_view(*p.plan, *p.run, p.today);
  if (!after.review.empty()) {
    out += "\n" + heading("Your review", o.color) + "\n";
    for (const auto &[label, text] : review_pairs(after)) {
      std::string line = label;
      line += ": ";
      line += text;
      wrap(out, line, o.width, 2);
    }
  }
  if (after.maintenance.exists) {
    out += "\n" + heading("Your kept practice", o.color) + "\n";
    for (const std::string &line : maintenance_lines(after))
      wrap(out, line, o.width, 2);
  }
  if (after.followup_due)
    wrap(out,
         "The " + std::to_string(*after.followup_due) +
             "-week follow-up self-check is due: `attune reflect` takes it.",
         o.width, 0);
}

void summary(std::string &out, const Progress &p, const ReportOptions &o) {
  const Summary &s = *p.summary;
  out += "\n" + heading("Looking back", o.color) + "\n";
  if (s.most_practised)
    wrap(out,
         "Practised most: " + title_of(s.most_practised) + " (" + days_word(s.most_practised_days) +
             ").",
         o.width, 2);
  if (s.best_week)
    wrap(out,
         "Best week: week " + std::to_string(s.best_week) + " (" + percent(s.best_week_ratio) +
             ").",
         o.width, 2);
  wrap(out, "Longest streak: " + days_word(s.longest_streak) + ".", o.width, 2);
  if (!p.self_check.dimensions.empty()) {
    if (!dimension_changes(p).empty())
      wrap(out,
           "Self-check since your starting point: " + dimension_changes(p) + ". " +
               trend_disclaimer,
           o.width, 2);
  } else if (s.change) {
    wrap(out, "Self-check since baseline: " + points(*s.change) + ". " + trend_disclaimer, o.width,
         2);
  }
  if (!s.notes.empty()) {
    wrap(out, "Your notes:", o.width, 2);
    for (const NoteEntry &n : s.notes)
      wrap(out, short_day(n.day) + ": " + n.text, o.width, 4);
  }
  wrap(out, s.suggestion, o.width, 2);
}

} // namespace

std::string render_text(const Progress &p, const ReportOptions &options) {
  ReportOptions o = options;
  o.width = std::max(o.width, 40u);
  std::string out;
  header(out, p, o);
  calendar(out, p, o);
  if (o.week && *o.week >= 1 && *o.week <= p.weeks.size())
    week_detail(out, p, o, *o.week);
  exercises(out, p, o);
  out += "\n";
  wrap(out, streak_sentence(p), o.width, 0);
  self_check(out, p, o);
  if (p.summary)
    summary(out, p, o);
  after_sections(out, p, o);
  return out;
}

} // namespace attune
