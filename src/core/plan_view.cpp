// The renderers of `attune plan show`, `plan list` and `plan suggest` (moved from the front
// end: cmd_plan.cpp, suggest_flow.cpp).
#include "attune/plan_view.hpp"

#include <algorithm>

#include "attune/calendar.hpp"
#include "attune/error.hpp"
#include "attune/json.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/text.hpp"
#include "attune/week_view.hpp"

namespace attune {

std::string grace_sentence(unsigned grace) {
  if (grace == 0)
    return "every day with something due counts toward your streak.";
  if (grace == 1)
    return "one missed day between kept days is forgiven; two in a row start a new streak.";
  return "up to " + std::to_string(grace) + " missed days in a row are forgiven between kept days.";
}

std::string render_plan_text(const Plan &plan, const std::string &origin, bool color,
                             std::size_t width) {
  std::string out;
  // Every piece of plan text goes through printable(): a plan file is untrusted text.
  const auto para = [](const std::string &text) { return printable(text, LineBreaks::kept); };
  const auto wrap = [width](const std::string &text, const std::string &first,
                            const std::string &rest) {
    return wrap_words(text, width, first, rest);
  };
  const std::string hang(10, ' ');
  out += wrap(paint(color, "1", printable(plan.name)), "", "");
  out += wrap("id " + printable(plan.id) + " · " + plural(plan.weeks, "week", "weeks") + " · " +
                  printable(origin),
              "", "  ");
  if (!plan.audience.empty())
    out += wrap(printable(plan.audience), "", "");
  out += "\n";
  out += wrap(para(plan.description), "", "") + "\n" + wrap(para(plan.notice), "", "");
  for (const Week &w : plan.week_plans) {
    out += "\n" +
           wrap(paint(color, "1", "Week " + std::to_string(w.number) + ": " + printable(w.theme)),
                "", "  ");
    out += wrap(para(w.rationale), "  ", "  ");
    for (const Exercise &e : w.exercises) {
      out += "\n" + wrap(paint(color, "1", printable(e.title)) + " (" + printable(e.id) + "), " +
                             describe_schedule(e.schedule),
                         "  - ", "    ");
      out += wrap(printable(e.what), "    What: ", hang);
      out += wrap(printable(e.why), "    Why:  ", hang);
      if (!e.cue.empty())
        out += wrap(printable(e.cue), "    Cue:  ", hang);
      if (!e.alone.empty())
        out += wrap(printable(e.alone), "    On your own: ", hang);
      if (!e.if_it_goes_badly.empty())
        out += wrap(printable(e.if_it_goes_badly), "    If it goes badly: ", hang);
      if (!e.caution.empty())
        out += wrap(printable(e.caution), "    Take care: ", hang);
      for (const std::string &prompt : e.prompts)
        out += wrap(printable(prompt), "    Prompt: ", hang);
    }
  }
  const SelfCheck &sc = plan.self_check;
  out +=
      "\n" + paint(color, "1", "Weekly self-check") + "\n" + wrap(printable(sc.prompt), "  ", "  ");
  out += wrap(std::to_string(sc.scale_min) + " = " + printable(sc.min_label) + " ... " +
                  std::to_string(sc.scale_max) + " = " + printable(sc.max_label),
              "  ", "  ");
  for (const SelfCheckItem &item : sc.items) {
    std::string tags = to_string(item.dimension);
    if (item.dimension == Dimension::awareness)
      tags = "noticing";
    if (item.reverse)
      tags += std::string(tags.empty() ? "" : ", ") + "reverse-scored";
    out += wrap(printable(item.text) + (tags.empty() ? "" : " (" + tags + ")"), "  - ", "    ");
  }
  if (sc.has_distress())
    out += wrap(printable(sc.distress.text) + " (reported, never scored)", "  Then: ", "        ");
  out += "\n" + wrap(grace_sentence(plan.streak.grace_days), "Streak: ", "        ");
  if (!plan.support.empty())
    out += "\n" + wrap(para(plan.support), "", "");
  return out;
}

std::string render_plan_json(const Plan &plan, const std::string &origin) {
  JsonWriter j;
  j.begin_object();
  j.schema();
  j.key("id").value(plan.id).key("name").value(plan.name);
  j.key("audience");
  if (plan.audience.empty())
    j.null();
  else
    j.value(plan.audience);
  j.key("origin").value(origin).key("hash").value(plan.hash);
  j.key("description").value(plan.description).key("notice").value(plan.notice);
  j.key("support").value(plan.support).key("weeks").value(plan.weeks);
  j.key("streak").begin_object().key("grace_days").value(plan.streak.grace_days).end_object();
  const SelfCheck &sc = plan.self_check;
  j.key("self_check").begin_object().key("prompt").value(sc.prompt);
  j.key("scale").begin_array().value(sc.scale_min).value(sc.scale_max).end_array();
  j.key("min_label").value(sc.min_label).key("max_label").value(sc.max_label);
  j.key("items").begin_array();
  for (const SelfCheckItem &item : sc.items)
    j.begin_object()
        .key("id")
        .value(item.id)
        .key("text")
        .value(item.text)
        .key("dimension")
        .value(item.dimension == Dimension::unnamed ? std::string()
                                                    : std::string(to_string(item.dimension)))
        .key("reverse")
        .value(item.reverse)
        .end_object();
  j.end_array();
  j.key("distress");
  if (sc.has_distress())
    j.begin_object()
        .key("id")
        .value(sc.distress.id)
        .key("text")
        .value(sc.distress.text)
        .key("min_label")
        .value(sc.distress.min_label.empty() ? sc.min_label : sc.distress.min_label)
        .key("max_label")
        .value(sc.distress.max_label.empty() ? sc.max_label : sc.distress.max_label)
        .end_object();
  else
    j.null();
  j.end_object();
  j.key("week").begin_array();
  for (const Week &w : plan.week_plans) {
    j.begin_object().key("number").value(w.number).key("theme").value(w.theme);
    j.key("rationale").value(w.rationale).key("exercises").begin_array();
    for (const Exercise &e : w.exercises) {
      j.begin_object().key("id").value(e.id).key("title").value(e.title);
      j.key("what").value(e.what).key("why").value(e.why).key("cue").value(e.cue);
      auto optional_text = [&j](const char *key, const std::string &text) {
        j.key(key);
        if (text.empty())
          j.null();
        else
          j.value(text);
      };
      optional_text("caution", e.caution);
      j.key("with_other").value(e.with_other).key("disclosure").value(e.disclosure);
      optional_text("alone", e.alone);
      optional_text("if_it_goes_badly", e.if_it_goes_badly);
      j.key("prompts").begin_array();
      for (const std::string &prompt : e.prompts)
        j.value(prompt);
      j.end_array();
      j.key("schedule").begin_object();
      switch (e.schedule.kind) {
      case ScheduleKind::daily:
        j.key("kind").value("daily");
        break;
      case ScheduleKind::times_per_week:
        j.key("kind").value("times_per_week").key("times").value(e.schedule.times);
        break;
      case ScheduleKind::weekdays:
        j.key("kind").value("weekdays").key("weekdays").begin_array();
        for (unsigned i = 1; i <= 7; ++i) {
          const date::weekday wd{i % 7};
          if (e.schedule.on[wd.c_encoding()])
            j.value(weekday_short(wd));
        }
        j.end_array();
        break;
      case ScheduleKind::when_it_arises:
        j.key("kind").value("when-it-arises");
        break;
      }
      j.key("weekly_target").value(e.schedule.weekly_target()).end_object().end_object();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
  return j.str();
}

std::string render_plan_list_entry(const std::string &id, const std::string &origin,
                                   const Plan *plan, std::size_t id_width) {
  std::string out = printable(id) + std::string(id_width + 2 - std::min(id.size(), id_width), ' ');
  out += (plan != nullptr ? printable(plan->name) : std::string()) + "  (" + printable(origin) +
         (id == default_plan_id ? ", default" : "") + ")\n";
  if (plan != nullptr && !plan->audience.empty())
    out += "    " + printable(plan->audience) + "\n";
  return out;
}

std::optional<int> suggest_answer(const std::string &text) {
  if (text.size() != 1 || text[0] < '0' + suggest_scale_min || text[0] > '0' + suggest_scale_max)
    return std::nullopt;
  return text[0] - '0';
}

std::vector<int> parse_suggest_answers(const std::string &text) {
  std::vector<int> answers;
  for (const std::string &part : split_answers(text)) {
    const auto value = suggest_answer(part);
    if (!value)
      throw Error(ErrorKind::invalid,
                  "answer " + std::to_string(answers.size() + 1) + " \"" + part +
                      "\" is not on the scale 1 to 5",
                  "give one whole number from 1 to 5 per question, e.g. --answers 3,3,3,3,3,3");
    answers.push_back(*value);
  }
  (void)suggest_plan(answers); // the count, in the core's words
  return answers;
}

std::string render_suggestion(const PlanSuggestion &suggestion, const Plan *plan) {
  std::string out = "Suggested plan: " + suggestion.plan_id;
  if (plan != nullptr) {
    out += " (" + printable(plan->name) + ")\n";
    if (!plan->audience.empty())
      out += printable(plan->audience) + "\n";
  } else {
    out += "\n";
  }
  out += suggestion.reason + "\n" + suggestion_not_a_diagnosis + "\n";
  return out;
}

} // namespace attune
