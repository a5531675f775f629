// Dispatch, JSON and CSV: the machine-readable reports.
#include "attune/report.hpp"

#include <algorithm>

#include "attune/after.hpp"
#include "attune/json.hpp"
#include "report_common.hpp"

namespace attune {

std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept {
  if (name == "text")
    return ReportFormat::text;
  if (name == "json")
    return ReportFormat::json;
  if (name == "csv")
    return ReportFormat::csv;
  if (name == "markdown" || name == "md")
    return ReportFormat::markdown;
  if (name == "html")
    return ReportFormat::html;
  return std::nullopt;
}

const std::vector<std::string> &report_format_names() {
  static const std::vector<std::string> names{"text", "json", "csv", "markdown", "html"};
  return names;
}

std::string render_report(const Progress &progress, ReportFormat format,
                          const ReportOptions &options) {
  switch (format) {
  case ReportFormat::text:
    return render_text(progress, options);
  case ReportFormat::json:
    return render_json(progress);
  case ReportFormat::csv:
    return render_csv(progress);
  case ReportFormat::markdown:
    return render_markdown(progress, options);
  case ReportFormat::html:
    return render_html(progress, options);
  }
  return render_text(progress, options);
}

namespace {

const char *phase_name(Phase phase) {
  switch (phase) {
  case Phase::not_started:
    return "not-started";
  case Phase::active:
    return "active";
  case Phase::finished:
    return "finished";
  case Phase::paused:
    return "paused";
  }
  return "active";
}

void adherence_fields(JsonWriter &w, const Adherence &a) {
  w.key("done").value(a.done).key("planned").value(a.planned).key("skipped").value(a.skipped);
  w.key("extra").value(a.extra);
  w.key("ratio").value(a.ratio(), 4);
}

void optional_percent(JsonWriter &w, const std::optional<SelfCheckScore> &s) {
  if (s)
    w.value(s->percent, 1);
  else
    w.null();
}

void optional_number(JsonWriter &w, const std::optional<double> &v, int decimals) {
  if (v)
    w.value(*v, decimals);
  else
    w.null();
}

} // namespace

namespace {

/// review, maintenance, followup_due: what came after the end (attune(1), REPORT FORMATS).
void after_json(JsonWriter &w, const AfterView &after) {
  w.key("review");
  if (after.review.empty()) {
    w.null();
  } else {
    w.begin_object();
    for (const ReviewQuestion q : review_questions) {
      w.key(to_string(q));
      const auto found = std::find_if(after.review.answers.begin(), after.review.answers.end(),
                                      [q](const ReviewAnswer &a) { return a.question == q; });
      if (found == after.review.answers.end())
        w.null();
      else
        w.value(found->text);
    }
    w.key("date").value(format_day(after.review.answers.front().day));
    w.end_object();
  }
  w.key("maintenance");
  const Maintenance &m = after.maintenance;
  if (!m.exists) {
    w.null();
  } else {
    w.begin_object();
    w.key("active").value(m.active);
    w.key("since").value(format_day(m.since));
    w.key("stopped");
    if (m.stopped)
      w.value(format_day(*m.stopped));
    else
      w.null();
    w.key("times_per_week").value(m.times_per_week);
    w.key("exercises").begin_array();
    for (const std::string &id : m.exercises)
      w.value(id);
    w.end_array();
    w.key("streak").begin_object();
    w.key("current").value(after.maintenance_streak.current);
    w.key("longest").value(after.maintenance_streak.longest);
    w.end_object();
    w.key("weeks").begin_array();
    for (const MaintenanceWeekStats &ws : after.maintenance_weeks) {
      w.begin_object().key("week").value(ws.week.number);
      w.key("from").value(format_day(ws.week.from)).key("to").value(format_day(ws.week.to));
      w.key("current").value(ws.current).key("kept").value(ws.kept);
      w.key("exercises").begin_array();
      for (const MaintenanceItem &i : ws.items)
        w.begin_object()
            .key("id")
            .value(i.exercise)
            .key("done")
            .value(i.quota.done)
            .key("target")
            .value(i.quota.target)
            .key("extra")
            .value(i.quota.extra)
            .key("skipped")
            .value(i.quota.skipped)
            .key("missed")
            .value(i.quota.missed)
            .key("met")
            .value(i.quota.met)
            .end_object();
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.key("followup_due");
  if (after.followup_due)
    w.value(*after.followup_due);
  else
    w.null();
}

} // namespace

namespace {

/// "pauses": each pause as rested days, an open one counted through today.
void pauses_json(JsonWriter &w, const Progress &p) {
  // Pauses, as rested: an open one counted through today (its `until` is null).
  w.key("pauses").begin_array();
  for (const Pause &pause : p.run->pauses) {
    const Day last = pause.until ? *pause.until : p.today;
    w.begin_object().key("from").value(format_day(pause.from)).key("until");
    if (pause.until)
      w.value(format_day(*pause.until));
    else
      w.null();
    w.key("days").value(last < pause.from ? 0 : (last - pause.from).count() + 1);
    w.key("reason");
    if (pause.reason.empty())
      w.null();
    else
      w.value(pause.reason);
    w.end_object();
  }
  w.end_array();
}

/// "exercises": each exercise's adherence, days done and strength.
void exercises_json(JsonWriter &w, const Progress &p) {
  w.key("exercises").begin_array();
  for (const ExerciseStats &e : p.exercises) {
    w.begin_object();
    w.key("id").value(e.exercise->id).key("title").value(e.exercise->title);
    adherence_fields(w, e.adherence);
    w.key("days_done").value(e.done_total);
    w.key("strength").value(e.strength, 1);
    // A when-it-arises exercise is counted, never a ratio: days practised when it came up,
    // days it did not come up (null for a scheduled exercise).
    const bool situational = e.exercise->schedule.situational();
    w.key("situational").value(situational);
    w.key("practised_days");
    if (situational)
      w.value(e.adherence.practised);
    else
      w.null();
    w.key("not_arisen_days");
    if (situational)
      w.value(e.adherence.not_arisen);
    else
      w.null();
    w.end_object();
  }
  w.end_array();
}

/// A dimension's trend fields, inside an object the caller opens: "baseline", "latest" and
/// "change" (means, 3 decimals, null when unknown) and "direction" (null without a change).
/// The single report and `report --run all` both write them here.
void write_dimension_trend(JsonWriter &w, const DimensionTrend &t) {
  w.key("baseline");
  optional_number(w, t.baseline, 3);
  w.key("latest");
  optional_number(w, t.latest, 3);
  w.key("change");
  optional_number(w, t.change, 3);
  w.key("direction");
  if (t.change)
    w.value(to_string(t.direction));
  else
    w.null();
}

/// "dimensions": the avoidance, anxiety and awareness trends (null when not asked about).
void dimensions_json(JsonWriter &w, const SelfCheckTrend &trend) {
  w.key("dimensions").begin_object();
  for (const Dimension d : {Dimension::avoidance, Dimension::anxiety, Dimension::awareness}) {
    w.key(to_string(d));
    const DimensionTrend *t = trend.dimension(d);
    if (t == nullptr) {
      w.null();
      continue;
    }
    w.begin_object();
    write_dimension_trend(w, *t);
    w.key("points").begin_array();
    for (const DimensionPoint &pt : t->points)
      w.begin_object()
          .key("week")
          .value(pt.week)
          .key("date")
          .value(format_day(pt.day))
          .key("mean")
          .value(pt.mean, 3)
          .end_object();
    w.end_array();
    w.end_object();
  }
  w.end_object();
}

/// "self_check": the trend, its scores and dimensions, distress answers and follow-ups.
void self_check_json(JsonWriter &w, const Progress &p, const AfterView &after) {
  w.key("self_check").begin_object();
  w.key("baseline");
  optional_percent(w, p.self_check.baseline);
  w.key("latest");
  optional_percent(w, p.self_check.latest);
  w.key("latest_week");
  if (p.self_check.latest)
    w.value(p.self_check.latest->week);
  else
    w.null();
  w.key("change");
  if (p.self_check.change)
    w.value(*p.self_check.change, 1);
  else
    w.null();
  w.key("scores").begin_array();
  for (const SelfCheckScore &s : p.self_check.scores) {
    w.begin_object().key("week").value(s.week).key("date").value(format_day(s.day));
    w.key("mean").value(s.mean, 3).key("percent").value(s.percent, 1).end_object();
  }
  w.end_array();
  // Added with dimensions; the fields above keep their meaning (security: avoidance and
  // anxiety turned around, awareness and distress never counted).
  w.key("baseline_week");
  if (p.self_check.baseline)
    w.value(p.self_check.baseline->week);
  else
    w.null();
  w.key("baseline_from_first").value(p.self_check.baseline_from_first);
  w.key("change_threshold").value(dimension_change_threshold, 1);
  w.key("early_dip").value(p.self_check.early_dip);
  dimensions_json(w, p.self_check);
  w.key("distress").begin_array();
  for (const SelfCheckScore &s : p.self_check.scores)
    if (s.distress)
      w.begin_object()
          .key("week")
          .value(s.week)
          .key("date")
          .value(format_day(s.day))
          .key("answer")
          .value(*s.distress)
          .key("high")
          .value(distress_high(p.plan->self_check, *s.distress))
          .end_object();
  w.end_array();
  // Follow-up self-checks 4 and 12 weeks after the end (after.hpp), beside the trend.
  w.key("followups").begin_array();
  for (const FollowupPoint &f : after.followups) {
    w.begin_object().key("followup").value(f.weeks).key("due").value(format_day(f.due));
    w.key("date").value(format_day(f.score.day));
    w.key("mean").value(f.score.mean, 3).key("percent").value(f.score.percent, 1);
    w.key("change");
    if (p.self_check.baseline)
      w.value(f.score.percent - p.self_check.baseline->percent, 1);
    else
      w.null();
    for (const Dimension d : {Dimension::avoidance, Dimension::anxiety, Dimension::awareness}) {
      w.key(to_string(d));
      optional_number(w, f.score.on(d), 3);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

/// "summary": a finished programme's summary, or null.
void summary_json(JsonWriter &w, const Progress &p) {
  w.key("summary");
  if (!p.summary) {
    w.null();
  } else {
    const Summary &s = *p.summary;
    w.begin_object();
    w.key("most_practised");
    if (s.most_practised)
      w.value(s.most_practised->id);
    else
      w.null();
    w.key("most_practised_days").value(s.most_practised_days);
    w.key("best_week");
    if (s.best_week)
      w.value(s.best_week);
    else
      w.null();
    w.key("longest_streak").value(s.longest_streak);
    w.key("change");
    if (s.change)
      w.value(*s.change, 1);
    else
      w.null();
    w.key("suggestion").value(s.suggestion);
    w.end_object();
  }
}

} // namespace

std::string render_json(const Progress &p) {
  const AfterView after = after_view(*p.plan, *p.run, p.today);
  JsonWriter w(2);
  w.begin_object();
  w.schema();
  w.key("plan").begin_object();
  w.key("id").value(p.plan->id).key("name").value(p.plan->name).key("weeks").value(p.plan->weeks);
  w.end_object();
  w.key("run").value(p.run->number);
  w.key("phase").value(phase_name(p.pos.phase));
  w.key("start").value(format_day(p.pos.start));
  w.key("end").value(format_day(p.pos.last));
  w.key("ended");
  if (p.run->ended)
    w.value(format_day(*p.run->ended));
  else
    w.null();
  w.key("today").value(format_day(p.today));
  pauses_json(w, p);
  w.key("week");
  if (p.pos.phase == Phase::active)
    w.value(p.pos.week);
  else
    w.null();
  w.key("day");
  if (p.pos.phase == Phase::active)
    w.value(p.pos.day);
  else
    w.null();
  w.key("adherence").begin_object();
  adherence_fields(w, p.total);
  w.end_object();

  w.key("weeks").begin_array();
  for (const WeekStats &ws : p.weeks) {
    w.begin_object();
    w.key("week").value(ws.week).key("from").value(format_day(ws.from));
    w.key("to").value(format_day(ws.to)).key("reached").value(ws.reached);
    adherence_fields(w, ws.adherence);
    w.key("self_check");
    optional_percent(w, ws.self_check);
    w.end_object();
  }
  w.end_array();

  w.key("streak").begin_object();
  w.key("current").value(p.streak.current).key("longest").value(p.streak.longest);
  w.key("grace_days").value(p.plan->streak.grace_days);
  w.end_object();

  exercises_json(w, p);

  self_check_json(w, p, after);

  w.key("days").begin_array();
  for (const DayCell &c : p.days) {
    w.begin_object().key("date").value(format_day(c.day)).key("week").value(c.week);
    w.key("status").value(to_string(c.status)).end_object();
  }
  w.end_array();

  w.key("notes").begin_array();
  for (const NoteEntry &n : p.notes)
    w.begin_object().key("date").value(format_day(n.day)).key("text").value(n.text).end_object();
  w.end_array();

  summary_json(w, p);
  after_json(w, after);
  w.end_object();
  return w.str();
}

namespace {

/// RFC 4180: quote when the field holds a comma, a quote, CR or LF; double inner quotes.
std::string csv_field(const std::string &text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace

std::string render_csv(const Progress &p) {
  std::string out = "date,week,day,exercise,title,status,reason\r\n";
  out.reserve(p.cells.size() * 48 + out.size());
  for (const ExerciseDay &c : p.cells) {
    const auto day_no = (c.day - p.pos.start).count() + 1;
    out += format_day(c.day);
    out += ',';
    out += std::to_string(c.week);
    out += ',';
    out += std::to_string(day_no);
    out += ',';
    out += csv_field(c.exercise->id);
    out += ',';
    out += csv_field(c.exercise->title);
    out += ',';
    out += to_string(c.state);
    out += ',';
    out += csv_field(c.reason);
    out += "\r\n";
  }
  return out;
}

std::string render_runs_json(const RunComparison &c) {
  JsonWriter w(2);
  w.begin_object();
  w.schema();
  w.key("today").value(format_day(c.today));
  w.key("weeks").value(c.weeks);
  w.key("runs").begin_array();
  for (const RunRow &r : c.runs) {
    w.begin_object();
    w.key("run").value(r.run);
    w.key("plan").begin_object();
    w.key("id").value(r.plan_id).key("name").value(r.plan_name).key("weeks").value(r.weeks);
    w.end_object();
    w.key("phase").value(phase_name(r.phase));
    w.key("start").value(format_day(r.start));
    w.key("end").value(format_day(r.end));
    w.key("ended");
    if (r.ended)
      w.value(format_day(*r.ended));
    else
      w.null();
    w.key("days_practised").value(r.days_practised);
    w.key("adherence").begin_object();
    adherence_fields(w, r.adherence);
    w.end_object();
    w.key("longest_streak").value(r.longest_streak);
    w.key("self_check").begin_object();
    w.key("baseline");
    optional_number(w, r.self_check_baseline, 1);
    w.key("latest");
    optional_number(w, r.self_check_latest, 1);
    w.key("scale").begin_array().value(r.scale_min).value(r.scale_max).end_array();
    w.key("dimensions").begin_object();
    for (const Dimension d : {Dimension::avoidance, Dimension::anxiety, Dimension::awareness}) {
      w.key(to_string(d));
      const auto t = std::find_if(r.dimensions.begin(), r.dimensions.end(),
                                  [d](const DimensionTrend &x) { return x.dimension == d; });
      if (t == r.dimensions.end()) {
        w.null();
        continue;
      }
      w.begin_object();
      write_dimension_trend(w, *t);
      w.end_object();
    }
    w.end_object();
    w.end_object();
    w.key("by_week").begin_array();
    for (std::size_t week = 0; week < r.week_adherence.size(); ++week) {
      w.begin_object().key("week").value(week).key("adherence");
      optional_number(w, r.week_adherence[week], 4);
      w.key("self_check");
      optional_number(w, r.week_self_check[week], 1);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.str();
}

std::string render_streak_json(const Progress &p, std::size_t recent) {
  JsonWriter w(2);
  w.begin_object();
  w.schema();
  w.key("run").value(p.run->number);
  w.key("phase").value(phase_name(p.pos.phase));
  w.key("start").value(format_day(p.pos.start));
  w.key("current").value(p.streak.current);
  w.key("longest").value(p.streak.longest);
  w.key("grace_days").value(p.plan->streak.grace_days);
  // The days behind the streak: the last `recent` counted days, oldest first, as the text.
  std::size_t end = 0;
  while (p.pos.phase != Phase::not_started && end < p.days.size() && p.days[end].day <= p.through)
    ++end;
  const std::size_t begin = end > recent ? end - recent : 0;
  w.key("through");
  if (end > 0)
    w.value(format_day(p.through));
  else
    w.null();
  w.key("days").begin_array();
  for (std::size_t i = begin; i < end; ++i)
    w.begin_object()
        .key("date")
        .value(format_day(p.days[i].day))
        .key("status")
        .value(to_string(p.days[i].status))
        .end_object();
  w.end_array();
  w.end_object();
  return w.str();
}

} // namespace attune
