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
#include <algorithm>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "after_flow.hpp"
#include "attune/after.hpp"
#include "attune/embedded_plan.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "attune/undo.hpp"
#include "commands.hpp"
#include "install_dirs.hpp"
#include "offers.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

using Named = std::vector<std::pair<std::string, std::string>>;

/// Where exercise ids and plan ids come from, honouring --data-dir and --plan typed on the
/// command line being completed.
class CompletionSources {
public:
  explicit CompletionSources(Session &session) : session_(session) {}

  /// Every exercise id of the plan in use, with its title, in plan order.
  Named exercises() {
    Named out;
    const Plan plan = plan_in_use();
    for (const auto &id : plan.exercise_ids()) {
      std::string title;
      for (const auto &week : plan.week_plans)
        for (const auto &ex : week.exercises)
          if (ex.id == id && title.empty())
            title = ex.title;
      out.emplace_back(id, title);
    }
    return out;
  }

  /// What `checkin` accepts today: the exercises of the running programme's current week
  /// (checkin_exercise_ids), with their titles; nothing when no programme runs.
  Named checkin_exercises(bool situational_only = false) {
    Named out;
    const History history = build_history(session_.read_journal_run(std::nullopt));
    const Run *run = history.active();
    if (run == nullptr)
      run = ended_run(history);
    if (run == nullptr)
      return out;
    const Plan plan = session_.plan_for_run(*run);
    if (programme_over(plan, *run, session_.today())) { // after the end: the kept practice
      const Maintenance m = maintenance_of(*run);
      if (m.active)
        for (const std::string &id : m.exercises)
          for (const std::string &known : plan.exercise_ids())
            if (known == id)
              out.emplace_back(id, "kept");
      return out;
    }
    const DayView view = day_view(plan, *run, session_.today());
    for (const auto &id : checkin_exercise_ids(view))
      for (const Exercise &ex : view.week->exercises)
        if (ex.id == id && (!situational_only || ex.schedule.situational()))
          out.emplace_back(id, ex.title);
    return out;
  }

  /// The numbers of the programmes in the journal, with their plan ids.
  Named runs() {
    Named out;
    for (const Run &run : build_history(session_.read_journal()).runs)
      out.emplace_back(std::to_string(run.number), run.plan_id);
    return out;
  }

  /// The ids `undo ID` accepts: the running programme's last 10 recording commands, newest
  /// first, with what each recorded.
  Named undo_commands() {
    Named out;
    const History history = build_history(session_.read_journal_run(std::nullopt));
    const Run *run = history.active() != nullptr ? history.active() : ended_run(history);
    if (run != nullptr)
      for (const RecordedCommand &c : recorded_commands(*run)) {
        if (out.size() == 10)
          break;
        out.emplace_back(short_command_id(c.id), describe_command(c));
      }
    return out;
  }

  /// Plan ids with their names.
  Named plans() {
    std::vector<std::string> problems; // completion shows what loads and stays quiet
    Named out;
    for (const PlanSource &source : list_plans(session_.plan_search_path(), problems))
      out.emplace_back(source.id, source.origin);
    return out;
  }

  /// Picks up --data-dir DIR and --plan ID from the words already typed.
  void use_globals_from(const std::vector<std::string> &words) {
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

private:
  static Plan default_plan() {
    PlanLoadResult loaded = load_plan_source(
        {default_plan_id, "built-in", std::string(embedded_default_plan())}, {{}, &prebuilt_plan});
    if (!loaded.plan)
      throw Error(ErrorKind::invalid, "the built-in plan does not load");
    return *loaded.plan;
  }
  /// The running programme's plan; else --plan (or the configured plan); else the default.
  Plan plan_in_use() {
    const History history = build_history(session_.read_journal_run(std::nullopt));
    if (const Run *run = history.active())
      return session_.plan_for_run(*run);
    if (session_.ctx().global.plan)
      return find_plan(*session_.ctx().global.plan, session_.plan_search_path());
    return default_plan();
  }

  Session &session_;
};

struct Candidate {
  std::string word;
  std::string description;
};

struct Answer {
  std::vector<Candidate> candidates;
  std::string directive; ///< "", ":files" or ":dirs"
};

bool starts_with(const std::string &text, const std::string &prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

/// Visible subcommands of `at` (hidden ones have an empty group).
std::vector<Candidate> subcommands_of(const CLI::App &at) {
  std::vector<Candidate> out;
  for (const CLI::App *sub : at.get_subcommands([](const CLI::App *) { return true; }))
    if (!sub->get_group().empty())
      out.push_back({sub->get_name(), sub->get_description()});
  return out;
}

/// The option `word` ("--name", "--name=value" or "-x") names at `at` or above it.
const CLI::Option *find_option(const CLI::App *at, const std::string &word) {
  std::string name = word.substr(0, word.find('='));
  for (; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option *opt : at->get_options()) {
      if (starts_with(name, "--")) {
        const auto &names = opt->get_lnames();
        if (std::find(names.begin(), names.end(), name.substr(2)) != names.end())
          return opt;
      } else if (name.size() == 2) {
        const auto &names = opt->get_snames();
        if (std::find(names.begin(), names.end(), name.substr(1)) != names.end())
          return opt;
      }
    }
  }
  return nullptr;
}

bool takes_value(const CLI::Option &opt) {
  // A flag (--all, -q) has a type size of 1 in CLI11 but expects no value.
  return opt.get_type_size_max() > 0 && opt.get_expected_max() > 0;
}

/// The values an option (or a positional) accepts, from its offers (offers.hpp), its set or
/// its type name. Exercise ids (checkin and --skip) are those checkin accepts today, less
/// the ones in `typed`.
Answer values_for(const CLI::Option &opt, CompletionSources &sources,
                  const std::vector<std::string> &typed) {
  Answer answer;
  for (int i = 0;; ++i) {
    const CLI::Validator *check = nullptr;
    try {
      check = const_cast<CLI::Option &>(opt).get_validator(i);
    } catch (const CLI::OptionNotFound &) {
      break;
    }
    const std::string name = check->get_name();
    if (starts_with(name, offers_prefix)) {
      std::istringstream values(name.substr(offers_prefix.size()));
      for (std::string value; std::getline(values, value, ',');)
        answer.candidates.push_back({value, ""});
      return answer;
    }
  }
  const std::string type = opt.get_type_name();
  const auto open = type.find('{');
  const auto close = type.find('}', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) {
    std::string members = type.substr(open + 1, close - open - 1);
    for (std::size_t at = 0; at <= members.size();) {
      auto comma = members.find(',', at);
      if (comma == std::string::npos)
        comma = members.size();
      answer.candidates.push_back({members.substr(at, comma - at), ""});
      at = comma + 1;
    }
    return answer;
  }
  const std::string name = opt.get_lnames().empty() ? opt.get_name() : opt.get_lnames().front();
  auto has = [&](const char *word) { return type.find(word) != std::string::npos; };
  if (name == "programme-exercise") { // keep: any exercise of the programme
    for (auto &[id, title] : sources.exercises())
      if (std::find(typed.begin(), typed.end(), id) == typed.end())
        answer.candidates.push_back({id, title});
  } else if (has("EXERCISE") || name == "skip" || name.find("exercise") != std::string::npos) {
    // --not-arisen names a when-it-arises exercise only: offer those.
    for (auto &[id, title] : sources.checkin_exercises(name == "not-arisen"))
      if (std::find(typed.begin(), typed.end(), id) == typed.end())
        answer.candidates.push_back({id, title});
  } else if (name == "run") {
    for (auto &[number, plan] : sources.runs())
      answer.candidates.push_back({number, plan});
    if (has("all") && !answer.candidates.empty()) // report --run all
      answer.candidates.push_back({"all", "every programme side by side"});
  } else if (name == "ID") { // undo ID
    for (auto &[id, what] : sources.undo_commands())
      answer.candidates.push_back({id, what});
  } else if (has("COMMAND")) {
    // `help COMMAND`: filled in by the caller, which knows the top-level app.
  } else if (has("ID") || name == "plan") {
    for (auto &[id, title] : sources.plans())
      answer.candidates.push_back({id, title});
    answer.directive = ":files";
  } else if (has("DIR") || has("REMOTE")) { // `sync init REMOTE`: a path is a folder
    answer.directive = ":dirs";
  } else if (has("FILE") || has("PATH")) {
    answer.directive = ":files";
  } else if (has("DATE")) {
    for (const char *word : {"today", "yesterday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"})
      answer.candidates.push_back({word, ""});
  }
  return answer;
}

/// What may follow `attune WORDS...` when the word being typed starts with `current`.
Answer complete_words(const CLI::App &top, const std::vector<std::string> &words,
                      const std::string &current, CompletionSources &sources) {
  const CLI::App *at = &top;
  std::size_t positionals = 0;
  bool only_positionals = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string &word = words[i];
    if (!only_positionals && word == "--") {
      only_positionals = true;
    } else if (!only_positionals && starts_with(word, "-") && word.size() > 1) {
      const CLI::Option *opt = find_option(at, word);
      if (opt != nullptr && takes_value(*opt) && word.find('=') == std::string::npos) {
        if (i + 1 == words.size()) // the value is the word being typed
          return values_for(*opt, sources, words);
        ++i;
      }
    } else {
      const CLI::App *sub = nullptr;
      if (positionals == 0 && !only_positionals) {
        for (const CLI::App *candidate : at->get_subcommands([](const CLI::App *) { return true; }))
          if (candidate->get_name() == word)
            sub = candidate;
      }
      if (sub != nullptr)
        at = sub;
      else
        ++positionals;
    }
  }

  Answer answer;
  const auto eq = current.find('=');
  if (!only_positionals && starts_with(current, "--") && eq != std::string::npos) {
    // "--format=m": the option's values, each written as "--format=VALUE".
    const CLI::Option *opt = find_option(at, current);
    if (opt == nullptr || !takes_value(*opt))
      return answer;
    Answer values = values_for(*opt, sources, words);
    for (const Candidate &c : values.candidates)
      answer.candidates.push_back({current.substr(0, eq + 1) + c.word, c.description});
    return answer;
  }
  if (!only_positionals && starts_with(current, "-")) {
    for (const CLI::App *scope = at; scope != nullptr; scope = scope->get_parent())
      for (const CLI::Option *opt : scope->get_options())
        for (const auto &name : opt->get_lnames())
          if (std::none_of(answer.candidates.begin(), answer.candidates.end(),
                           [&](const Candidate &c) { return c.word == "--" + name; }))
            answer.candidates.push_back({"--" + name, opt->get_description()});
    return answer;
  }
  if (at->get_name() == "help" && at->get_parent() != nullptr) {
    answer.candidates = subcommands_of(top);
    return answer;
  }
  auto subs = subcommands_of(*at);
  if (!subs.empty() && positionals == 0) {
    answer.candidates = subs;
    if (at != &top) // a command with subcommands takes nothing else first
      return answer;
  }
  if (at == &top)
    return answer;
  for (const CLI::Option *opt : at->get_options()) {
    if (opt->get_positional() && !opt->nonpositional()) {
      Answer more = values_for(*opt, sources, words);
      answer.candidates.insert(answer.candidates.end(), more.candidates.begin(),
                               more.candidates.end());
      answer.directive = more.directive;
      break;
    }
  }
  return answer;
}

void print(std::ostream &out, const std::vector<Candidate> &candidates, const std::string &prefix) {
  for (const auto &c : candidates) {
    if (!starts_with(c.word, prefix) || c.word.empty() || c.word[0] == ':')
      continue;
    out << c.word;
    if (!c.description.empty()) {
      // The first line, no TAB (the field separator), nothing that drives a terminal.
      out << '\t' << printable(c.description.substr(0, c.description.find('\n')));
    }
    out << '\n';
  }
}

} // namespace

Command register_complete(CLI::App *sub, Session &session) {
  struct Options {
    std::string what;
  };
  auto opts = std::make_shared<Options>();
  sub->add_option("what", opts->what, "commands, exercises, plans or words");

  CLI::App *top = sub->get_parent();
  return {sub, [opts, top, &session]() -> int {
            Context &ctx = session.ctx();
            ctx.global.quiet = true; // warnings would land in the middle of the prompt
            std::ostringstream buffer;
            try {
              CompletionSources sources(session);
              if (opts->what == "commands") {
                print(buffer, subcommands_of(*top), "");
              } else if (opts->what == "exercises") {
                for (auto &[id, title] : sources.exercises())
                  buffer << id << '\t' << title << '\n';
              } else if (opts->what == "plans") {
                for (auto &[id, title] : sources.plans())
                  buffer << id << '\t' << title << '\n';
              } else if (opts->what == "words") {
                std::vector<std::string> words;
                if (!ctx.in_tty) // never wait for a person
                  for (std::string line; std::getline(ctx.in, line);)
                    words.push_back(line);
                const std::string current = words.empty() ? "" : words.back();
                if (!words.empty())
                  words.pop_back();
                sources.use_globals_from(words);
                const Answer answer = complete_words(*top, words, current, sources);
                print(buffer, answer.candidates, current);
                if (!answer.directive.empty())
                  buffer << answer.directive << '\n';
              }
            } catch (...) {
              return exit_code::ok; // never in the way: nothing printed
            }
            ctx.out << buffer.str();
            return exit_code::ok;
          }};
}

} // namespace attune::cli
