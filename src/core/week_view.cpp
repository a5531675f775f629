#include "attune/week_view.hpp"

#include "attune/calendar.hpp"
#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/json.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

/// Plan text as paragraphs: its own line breaks kept, each line wrapped with `indent`.
std::string paragraph(const std::string &text, std::size_t width, const std::string &indent) {
  const std::string clean = printable(text, LineBreaks::kept);
  std::string out;
  std::size_t from = 0;
  while (from <= clean.size()) {
    std::size_t lf = clean.find('\n', from);
    if (lf == std::string::npos)
      lf = clean.size();
    const std::string line = clean.substr(from, lf - from);
    out += line.empty() ? "\n" : wrap_words(line, width, indent);
    from = lf + 1;
  }
  return out;
}

/// "    What: ..." with continuation lines under the text.
std::string field(const char *label, const std::string &text, std::size_t width) {
  const std::string lead = std::string("    ") + label;
  const std::string hang(lead.size(), ' ');
  const std::string body = paragraph(text, width, hang);
  // The first line carries the label instead of the hanging indent.
  if (body.compare(0, hang.size(), hang) == 0)
    return lead + body.substr(hang.size());
  return lead.substr(0, lead.find_last_not_of(' ') + 1) + "\n" + body;
}

} // namespace

std::string describe_schedule(const Schedule &s) {
  switch (s.kind) {
  case ScheduleKind::daily:
    return "daily";
  case ScheduleKind::times_per_week:
    return s.times == 1   ? "once a week"
           : s.times == 2 ? "twice a week"
                          : std::to_string(s.times) + " times a week";
  case ScheduleKind::weekdays:
    break;
  case ScheduleKind::when_it_arises:
    return "when it comes up";
  }
  std::string days;
  for (unsigned i = 1; i <= 7; ++i) { // Monday first
    const date::weekday wd{i % 7};
    if (s.on[wd.c_encoding()])
      days += (days.empty() ? "" : ", ") + weekday_long(wd);
  }
  return "on " + days;
}

std::string render_week_text(const Plan &plan, const Week &week, std::size_t width,
                             const std::map<std::string, std::string> &cues) {
  std::string out = wrap_words("Week " + std::to_string(week.number) + " of " +
                                   std::to_string(plan.weeks) + ": " + printable(week.theme),
                               width, "", "  ");
  if (!week.rationale.empty())
    out += paragraph(week.rationale, width, "");
  for (const Exercise &e : week.exercises) {
    // The exercise's heading; its continuation lines sit under the title.
    std::string heading = wrap_words(printable(e.title) + " (" + printable(e.id) + "), " +
                                         describe_schedule(e.schedule),
                                     width, "  ");
    heading[0] = '-';
    out += "\n" + heading;
    out += field("What: ", e.what, width);
    out += field("Why:  ", e.why, width);
    const auto mine = cues.find(e.id);
    if (mine != cues.end())
      out += field("Your cue: ", mine->second, width);
    else if (!e.cue.empty())
      out += field("Cue:  ", e.cue, width);
  }
  return out;
}

std::string render_week_rationale(const Week &week, std::size_t width) {
  return week.rationale.empty() ? std::string() : paragraph(week.rationale, width, "");
}

std::string render_week_json(const Week &week, const std::map<std::string, std::string> &cues) {
  JsonWriter j;
  j.begin_object();
  j.schema();
  j.key("week").value(week.number).key("theme").value(week.theme);
  j.key("rationale").value(week.rationale).key("exercises").begin_array();
  for (const Exercise &e : week.exercises) {
    j.begin_object().key("id").value(e.id).key("title").value(e.title);
    j.key("what").value(e.what).key("why").value(e.why);
    const auto mine = cues.find(e.id);
    if (mine != cues.end())
      j.key("cue").value(mine->second).key("cue_source").value("mine");
    else
      j.key("cue").value(e.cue).key("cue_source").value("plan");
    j.key("schedule").value(describe_schedule(e.schedule)).end_object();
  }
  j.end_array().end_object();
  return j.str();
}

namespace {

std::string week_range_hint(const Plan &plan) {
  return "this plan has weeks 1 to " + std::to_string(plan.weeks) + ": try 'attune week 1'";
}

unsigned week_number(const std::string &typed, const Plan &plan, const Run *run, Day today) {
  if (!typed.empty()) {
    const bool digits =
        typed.size() <= 4 && typed.find_first_not_of("0123456789") == std::string::npos;
    const unsigned n = digits ? static_cast<unsigned>(std::stoul(typed)) : 0;
    if (!digits || n < 1 || n > plan.weeks)
      throw Error(ErrorKind::usage, "there is no week " + printable(typed) + " in this plan",
                  week_range_hint(plan));
    return n;
  }
  if (run == nullptr)
    throw Error(ErrorKind::usage, "no programme is running, so there is no current week",
                "name the week you want to read about; " + week_range_hint(plan));
  const Position pos = position(plan, *run, today);
  if (run->ended || pos.phase == Phase::finished)
    throw Error(ErrorKind::usage, "your programme is complete, so there is no current week",
                "name the week you want to read about; " + week_range_hint(plan));
  return pos.phase == Phase::active ? pos.week : 1;
}

} // namespace

const Week &week_to_show(const std::string &typed, const Plan &plan, const Run *run, Day today) {
  const unsigned n = week_number(typed, plan, run, today);
  const Week *week = plan.week(n);
  if (week == nullptr) // a loaded plan has every week; kept for safety
    throw Error(ErrorKind::usage, "there is no week " + std::to_string(n) + " in this plan",
                week_range_hint(plan));
  return *week;
}

WeekPlan week_plan(const Run *run, bool plan_option_given) {
  if (plan_option_given)
    return WeekPlan::option;
  return run != nullptr ? WeekPlan::running_copy : WeekPlan::chosen;
}

std::map<std::string, std::string> week_cues(const Run *run, WeekPlan shown) {
  if (run == nullptr || shown != WeekPlan::running_copy)
    return {};
  return personal_cues(*run);
}

} // namespace attune
