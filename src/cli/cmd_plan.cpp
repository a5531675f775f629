// attune plan list | show [ID|FILE] [--format text|json] | validate FILE... | suggest
// [--answers LIST]
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/json.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/text.hpp"
#include "attune/week_view.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "session.hpp"
#include "suggest_flow.hpp"

#include <sys/stat.h>

namespace attune::cli {
namespace {

struct PlanOptions {
  std::string show_target;
  std::string format = "text";
  std::vector<std::string> files;
  std::optional<std::string> answers; ///< plan suggest --answers
};

std::string grace_sentence(unsigned grace) {
  if (grace == 0)
    return "every day with something due counts toward your streak.";
  if (grace == 1)
    return "one missed day between kept days is forgiven; two in a row start a new streak.";
  return "up to " + std::to_string(grace) + " missed days in a row are forgiven between kept days.";
}

/// The plan as text, wrapped at `width` columns: paragraphs keep their line breaks, labelled
/// lines (What:, Why: ...) hang at column 11, list items under their text.
std::string render_text(const Plan &plan, const std::string &origin, bool color,
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

std::string render_json(const Plan &plan, const std::string &origin) {
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

/// One line per plan: id, name, where it came from, the default marked; then, indented, who
/// the plan is for (when it says).
int run_list(Session &session) {
  Context &ctx = session.ctx();
  std::vector<std::string> problems;
  const PlanSearchPath search = session.plan_search_path();
  const auto plans = list_plans(search, problems);
  for (const std::string &p : problems)
    ctx.warn("skipped an invalid plan: " + p);
  std::size_t width = 0;
  for (const PlanSource &p : plans)
    width = std::max(width, p.id.size());
  for (const PlanSource &p : plans) {
    const PlanLoadResult r = load_plan_source(p, search);
    ctx.out << printable(p.id) << std::string(width + 2 - p.id.size(), ' ')
            << (r.plan ? printable(r.plan->name) : std::string()) << "  (" << printable(p.origin)
            << (p.id == default_plan_id ? ", default" : "") << ")\n";
    if (r.plan && !r.plan->audience.empty())
      ctx.out << "    " << printable(r.plan->audience) << "\n";
  }
  return exit_code::ok;
}

/// Six questions (asked on a terminal, or --answers) and the plan they suggest, with why.
int run_suggest(Session &session, const PlanOptions &opts) {
  Context &ctx = session.ctx();
  std::vector<int> answers;
  if (opts.answers) {
    answers = parse_suggest_answers(*opts.answers);
  } else {
    if (!ctx.in_tty)
      throw Error(ErrorKind::usage, "not a terminal, so I cannot ask",
                  "give the six answers with --answers, e.g. --answers 3,3,3,3,3,3");
    const auto asked = ask_suggest_answers(session);
    if (!asked) {
      ctx.out << "\nStopped; nothing saved. Come back to it whenever you like.\n";
      return exit_code::ok;
    }
    answers = *asked;
    ctx.out << '\n';
  }
  const PlanSuggestion suggestion = suggest_plan(answers);
  ctx.out << render_suggestion(session, suggestion) << "To begin it: 'attune start --plan "
          << suggestion.plan_id << "'. 'attune plan list' shows every plan.\n";
  return exit_code::ok;
}

/// The running programme's plan (the copy it was started with), when no plan is named and
/// one is running; nullopt otherwise. Reading never creates the data folder.
std::optional<Plan> running_plan(Session &session) {
  struct stat info {};
  if (::stat(session.store().journal_path().c_str(), &info) != 0)
    return std::nullopt;
  const History history = build_history(session.read_journal_run(std::nullopt));
  if (const Run *run = history.active())
    return session.plan_for_run(*run);
  return std::nullopt;
}

/// The plan named; else, while a programme runs (and no --plan), that programme's plan;
/// else the one `start` would use (--plan, config `plan`, built-in).
int run_show(Session &session, const PlanOptions &opts) {
  Context &ctx = session.ctx();
  if (opts.show_target.empty() && !ctx.global.plan) {
    if (const auto plan = running_plan(session)) {
      const std::string origin = "the running programme";
      if (opts.format == "json")
        ctx.out << render_json(*plan, origin);
      else
        ctx.out << render_text(*plan, origin, session.use_color(), ctx.text_width());
      return exit_code::ok;
    }
  }
  const std::string target = opts.show_target.empty() ? session.chosen_plan() : opts.show_target;
  const PlanSearchPath search = session.plan_search_path();
  const PlanSource source = find_plan_source(target, search);
  const Plan plan = *load_plan_source(source, search).plan;
  if (opts.format == "json")
    ctx.out << render_json(plan, source.origin);
  else
    ctx.out << render_text(plan, source.origin, session.use_color(), ctx.text_width());
  return exit_code::ok;
}

/// Prints every diagnostic of every file (stderr) and "FILE: ok" for good ones (stdout).
int run_validate(Context &ctx, const PlanOptions &opts) {
  bool all_valid = true;
  for (const std::string &file : opts.files) {
    std::string text;
    try {
      text = read_plan_file(file);
    } catch (const Error &e) {
      ctx.err << printable(format_diagnostic({{file, 0, 0}, e.what(), e.hint()})) << "\n";
      all_valid = false;
      continue;
    }
    const PlanLoadResult r = load_plan(text, file);
    for (const Diagnostic &d : r.diagnostics)
      ctx.err << printable(format_diagnostic(d)) << "\n";
    if (!r.plan) {
      all_valid = false;
      continue;
    }
    if (!ctx.global.quiet)
      ctx.out << printable(file) << ": ok (plan \"" << printable(r.plan->id) << "\", "
              << r.plan->weeks << " weeks)\n";
  }
  return all_valid ? exit_code::ok : exit_code::usage;
}

} // namespace

Command register_plan(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<PlanOptions>();
  sub->require_subcommand(1);
  CLI::App *list = sub->add_subcommand("list", "List the plans attune can find");
  CLI::App *show = sub->add_subcommand("show", "Show a plan: its weeks, exercises and self-check");
  show->add_option("plan", opts->show_target,
                   "Plan id or TOML file (default: the running programme's plan, else the "
                   "plan 'start' would use)")
      ->type_name("ID|FILE");
  show->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
  CLI::App *validate = sub->add_subcommand("validate", "Check plan files and report every problem");
  validate->add_option("files", opts->files, "Plan files to check")->required()->type_name("FILE");
  CLI::App *suggest =
      sub->add_subcommand("suggest", "Six short questions that suggest a plan (not a diagnosis)");
  suggest
      ->add_option("-a,--answers", opts->answers,
                   "The six answers in order, for scripts: 1 to 5 each")
      ->type_name("LIST");
  return {sub, [opts, list, show, validate, suggest, &session]() -> int {
            if (list->parsed())
              return run_list(session);
            if (show->parsed())
              return run_show(session, *opts);
            if (validate->parsed())
              return run_validate(session.ctx(), *opts);
            if (suggest->parsed())
              return run_suggest(session, *opts);
            throw Error(ErrorKind::usage, "'plan' needs a subcommand",
                        "use 'attune plan list', 'show', 'validate' or 'suggest'");
          }};
}

} // namespace attune::cli
