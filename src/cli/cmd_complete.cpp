// `attune complete ...`: the hidden, stable query behind the shell completions.
//
//   attune complete commands          one "NAME<TAB>DESCRIPTION" line per command
//   attune complete exercises         exercise ids of the active run's plan (else the default)
//                                     (`words` offers checkin only this week's, as it accepts)
//   attune complete plans             plan ids that --plan and `start --plan` accept
//   attune complete words             what may follow the words read from standard input
//
// `words` reads the words typed after `attune`, one per line, the last one (maybe empty)
// being the word under the cursor: `printf '%s\n' checkin no | attune complete words`.
// (Standard input, not arguments: words such as "--plan" would be taken as attune's own
// options, and CLI11 keeps a literal "--" as an unexpected word.) It prints
// "CANDIDATE<TAB>DESCRIPTION" lines (the description may be missing) and, when file or folder names
// also fit, a last line ":files" or ":dirs". Candidates never start with
// ':'. After checkin and --skip, exercise ids are those checkin accepts today (the current
// programme week's), less those already typed; after --run, the programmes' numbers; after
// undo, the ids of the last 10 recording commands (as `undo --list`). Completion
// must never get in the way: on any problem it prints nothing and exits 0.
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "attune/after.hpp"
#include "attune/completion.hpp"
#include "attune/embedded_plan.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"
#include "commands.hpp"
#include "completion_words.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

Plan built_in_plan() {
  PlanLoadResult loaded = load_plan_source(
      {default_plan_id, "built-in", std::string(embedded_default_plan())}, {{}, &prebuilt_plan});
  if (!loaded.plan)
    throw Error(ErrorKind::invalid, "the built-in plan does not load");
  return *loaded.plan;
}

/// `attune complete commands|exercises|plans|words`, into `out`; throws on any problem.
void answer_query(const std::string &what, const CLI::App &top, Session &session,
                  std::ostream &out) {
  Context &ctx = session.ctx();
  CompletionSources sources(session);
  if (what == "commands") {
    print_candidates(out, subcommands_of(top), "");
  } else if (what == "exercises" || what == "plans") {
    for (const auto &[id, title] : what == "plans" ? sources.plans() : sources.exercises())
      out << id << '\t' << title << '\n';
  } else if (what == "words") {
    std::vector<std::string> words;
    if (!ctx.in_tty) // never wait for a person
      for (std::string line; std::getline(ctx.in, line);)
        words.push_back(line);
    const std::string current = words.empty() ? "" : words.back();
    if (!words.empty())
      words.pop_back();
    sources.use_globals_from(words);
    const CompletionAnswer found = complete_words(top, words, current, sources);
    print_candidates(out, found.candidates, current);
    if (!found.directive.empty())
      out << found.directive << '\n';
  }
}

} // namespace

CompletionCandidates CompletionSources::exercises() {
  return exercise_candidates(plan_in_use());
}

CompletionCandidates CompletionSources::checkin_exercises(bool situational_only) {
  const History history = build_history(session_.read_journal_run(std::nullopt));
  const Run *run = active_or_ended_run(history);
  if (run == nullptr)
    return {};
  return checkin_candidates(session_.plan_for_run(*run), *run, session_.today(), situational_only);
}

CompletionCandidates CompletionSources::runs() {
  return run_candidates(build_history(session_.read_journal()));
}

CompletionCandidates CompletionSources::undo_commands() {
  const History history = build_history(session_.read_journal_run(std::nullopt));
  const Run *run = active_or_ended_run(history);
  return run == nullptr ? CompletionCandidates{} : undo_candidates(*run, 10);
}

CompletionCandidates CompletionSources::plans() {
  std::vector<std::string> problems; // completion shows what loads and stays quiet
  CompletionCandidates out;
  for (const PlanSource &source : list_plans(session_.plan_search_path(), problems))
    out.push_back({source.id, source.origin});
  return out;
}

void CompletionSources::use_globals_from(const std::vector<std::string> &words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto value = [&](const char *name) -> std::optional<std::string> {
      const std::string flag = name;
      if (words[i] == flag && i + 1 < words.size())
        return words[i + 1];
      if (words[i].compare(0, flag.size() + 1, flag + "=") == 0)
        return words[i].substr(flag.size() + 1);
      return std::nullopt;
    };
    if (auto dir = value("--data-dir"))
      session_.ctx().global.data_dir = *dir;
    if (auto plan = value("--plan"))
      session_.ctx().global.plan = *plan;
  }
}

Plan CompletionSources::plan_in_use() {
  const History history = build_history(session_.read_journal_run(std::nullopt));
  if (const Run *run = history.active())
    return session_.plan_for_run(*run);
  if (session_.ctx().global.plan)
    return find_plan(*session_.ctx().global.plan, session_.plan_search_path());
  return built_in_plan();
}

Command register_complete(CLI::App *sub, Session &session) {
  struct Options {
    std::string what;
  };
  auto opts = std::make_shared<Options>();
  sub->add_option("what", opts->what, "commands, exercises, plans or words");

  CLI::App *top = sub->get_parent();
  return {sub, [opts, top, &session]() -> int {
            session.ctx().global.quiet = true; // warnings would land in the middle of the prompt
            std::ostringstream buffer;
            try {
              answer_query(opts->what, *top, session, buffer);
            } catch (...) {
              return exit_code::ok; // never in the way: nothing printed
            }
            session.ctx().out << buffer.str();
            return exit_code::ok;
          }};
}

} // namespace attune::cli
