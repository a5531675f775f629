#include <cstdio>
#include <string>

#include "attune/prebuilt_plan.hpp"

namespace attune {

// Every field of these structs must be written by plan_as_cpp below. On the platform we build
// and test on, a new field changes a size: update plan_as_cpp, then these numbers.
#if defined(__GLIBCXX__) && defined(__x86_64__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(Schedule) == 16, "a field was added to Schedule: write it in plan_as_cpp");
static_assert(sizeof(Exercise) == 312, "a field was added to Exercise: write it in plan_as_cpp");
static_assert(sizeof(Week) == 104, "a field was added to Week: write it in plan_as_cpp");
static_assert(sizeof(SelfCheckItem) == 136, "a field was added to SelfCheckItem");
static_assert(sizeof(SelfCheck) == 264, "a field was added to SelfCheck: write it in plan_as_cpp");
static_assert(sizeof(Plan) == 520, "a field was added to Plan: write it in plan_as_cpp");
#endif

std::string cpp_literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte >= 0x20 && byte < 0x7f && c != '?') {
      out += c;
    } else { // octal: never longer than three digits, so no following digit is swallowed
      char code[5];
      std::snprintf(code, sizeof code, "\\%03o", byte);
      out += code;
    }
  }
  out += '"';
  return out;
}

namespace {

std::string cpp_string(std::string_view text) {
  return "std::string(" + cpp_literal(text) + ", " + std::to_string(text.size()) + ")";
}

std::string pos(const SourcePos &p) {
  return "SourcePos{" + std::to_string(p.line) + ", " + std::to_string(p.col) + "}";
}

const char *kind_name(ScheduleKind kind) {
  switch (kind) {
  case ScheduleKind::daily:
    return "ScheduleKind::daily";
  case ScheduleKind::times_per_week:
    return "ScheduleKind::times_per_week";
  case ScheduleKind::weekdays:
    return "ScheduleKind::weekdays";
  case ScheduleKind::when_it_arises:
    return "ScheduleKind::when_it_arises";
  }
  return "ScheduleKind::daily";
}

} // namespace

std::string plan_as_cpp(const Plan &plan, const std::string &name) {
  std::string o;
  auto line = [&o](const std::string &indent, const std::string &text) {
    o += indent + text + ";\n";
  };
  o += "attune::Plan " + name + "() {\n  using namespace attune;\n  Plan p;\n";
  const std::string in = "  ";
  line(in, "p.id = " + cpp_string(plan.id));
  line(in, "p.name = " + cpp_string(plan.name));
  line(in, "p.description = " + cpp_string(plan.description));
  line(in, "p.audience = " + cpp_string(plan.audience));
  line(in, "p.notice = " + cpp_string(plan.notice));
  line(in, "p.support = " + cpp_string(plan.support));
  line(in, "p.hash = " + cpp_string(plan.hash));
  line(in, "p.weeks = " + std::to_string(plan.weeks) + "u");
  line(in, "p.streak.grace_days = " + std::to_string(plan.streak.grace_days) + "u");
  const SelfCheck &sc = plan.self_check;
  line(in, "p.self_check.prompt = " + cpp_string(sc.prompt));
  line(in, "p.self_check.scale_min = " + std::to_string(sc.scale_min));
  line(in, "p.self_check.scale_max = " + std::to_string(sc.scale_max));
  line(in, "p.self_check.min_label = " + cpp_string(sc.min_label));
  line(in, "p.self_check.max_label = " + cpp_string(sc.max_label));
  line(in, "p.self_check.items.resize(" + std::to_string(sc.items.size()) + ")");
  const auto write_item = [&](const std::string &item, const SelfCheckItem &si) {
    static const char *const dims[] = {"unnamed", "avoidance", "anxiety", "awareness"};
    line(in, item + ".id = " + cpp_string(si.id));
    line(in, item + ".text = " + cpp_string(si.text));
    line(in, item + ".dimension = Dimension::" + dims[static_cast<int>(si.dimension)]);
    line(in, item + ".reverse = " + std::string(si.reverse ? "true" : "false"));
    line(in, item + ".min_label = " + cpp_string(si.min_label));
    line(in, item + ".max_label = " + cpp_string(si.max_label));
  };
  for (std::size_t i = 0; i < sc.items.size(); ++i)
    write_item("p.self_check.items[" + std::to_string(i) + "]", sc.items[i]);
  write_item("p.self_check.distress", sc.distress);
  line(in, "p.week_plans.resize(" + std::to_string(plan.week_plans.size()) + ")");
  for (std::size_t w = 0; w < plan.week_plans.size(); ++w) {
    const Week &week = plan.week_plans[w];
    o += "  {\n";
    const std::string in2 = "    ";
    line(in2, "Week &w = p.week_plans[" + std::to_string(w) + "]");
    line(in2, "w.number = " + std::to_string(week.number) + "u");
    line(in2, "w.theme = " + cpp_string(week.theme));
    line(in2, "w.rationale = " + cpp_string(week.rationale));
    line(in2, "w.pos = " + pos(week.pos));
    line(in2, "w.exercises.resize(" + std::to_string(week.exercises.size()) + ")");
    for (std::size_t e = 0; e < week.exercises.size(); ++e) {
      const Exercise &ex = week.exercises[e];
      o += "    {\n";
      const std::string in3 = "      ";
      line(in3, "Exercise &e = w.exercises[" + std::to_string(e) + "]");
      line(in3, "e.id = " + cpp_string(ex.id));
      line(in3, "e.title = " + cpp_string(ex.title));
      line(in3, "e.what = " + cpp_string(ex.what));
      line(in3, "e.why = " + cpp_string(ex.why));
      line(in3, "e.cue = " + cpp_string(ex.cue));
      line(in3, "e.schedule.kind = " + std::string(kind_name(ex.schedule.kind)));
      line(in3, "e.schedule.times = " + std::to_string(ex.schedule.times) + "u");
      std::string on = "e.schedule.on = {{";
      for (std::size_t d = 0; d < ex.schedule.on.size(); ++d)
        on += std::string(d ? ", " : "") + (ex.schedule.on[d] ? "true" : "false");
      line(in3, on + "}}");
      line(in3, "e.pos = " + pos(ex.pos));
      line(in3, "e.caution = " + cpp_string(ex.caution));
      line(in3, "e.with_other = " + std::string(ex.with_other ? "true" : "false"));
      line(in3, "e.disclosure = " + std::string(ex.disclosure ? "true" : "false"));
      line(in3, "e.alone = " + cpp_string(ex.alone));
      line(in3, "e.if_it_goes_badly = " + cpp_string(ex.if_it_goes_badly));
      for (const std::string &prompt : ex.prompts)
        line(in3, "e.prompts.push_back(" + cpp_string(prompt) + ")");
      o += "    }\n";
    }
    o += "  }\n";
  }
  o += "  return p;\n}\n";
  return o;
}

} // namespace attune
