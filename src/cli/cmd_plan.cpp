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
#include "attune/plan_view.hpp"
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
    ctx.out << render_plan_list_entry(p.id, p.origin, r.plan ? &*r.plan : nullptr, width);
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
        ctx.out << render_plan_json(*plan, origin);
      else
        ctx.out << render_plan_text(*plan, origin, session.use_color(), ctx.text_width());
      return exit_code::ok;
    }
  }
  const std::string target = opts.show_target.empty() ? session.chosen_plan() : opts.show_target;
  const PlanSearchPath search = session.plan_search_path();
  const PlanSource source = find_plan_source(target, search);
  const Plan plan = *load_plan_source(source, search).plan;
  if (opts.format == "json")
    ctx.out << render_plan_json(plan, source.origin);
  else
    ctx.out << render_plan_text(plan, source.origin, session.use_color(), ctx.text_width());
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
