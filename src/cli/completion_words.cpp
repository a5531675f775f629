#include "completion_words.hpp"

#include <algorithm>
#include <sstream>

#include "attune/text.hpp"
#include "offers.hpp"

namespace attune::cli {
namespace {

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
CompletionAnswer values_for(const CLI::Option &opt, CompletionSources &sources,
                            const std::vector<std::string> &typed) {
  CompletionAnswer answer;
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
    answer.candidates = without_typed(sources.exercises(), typed);
  } else if (has("EXERCISE") || name == "skip" || name.find("exercise") != std::string::npos) {
    // --not-arisen names a when-it-arises exercise only: offer those.
    answer.candidates = without_typed(sources.checkin_exercises(name == "not-arisen"), typed);
  } else if (name == "run") {
    answer.candidates = sources.runs();
    if (has("all") && !answer.candidates.empty()) // report --run all
      answer.candidates.push_back({"all", "every programme side by side"});
  } else if (name == "ID") { // undo ID
    answer.candidates = sources.undo_commands();
  } else if (has("COMMAND")) {
    // `help COMMAND`: filled in by the caller, which knows the top-level app.
  } else if (has("ID") || name == "plan") {
    answer.candidates = sources.plans();
    answer.directive = ":files";
  } else if (has("DIR") || has("REMOTE")) { // `sync init REMOTE`: a path is a folder
    answer.directive = ":dirs";
  } else if (has("FILE") || has("PATH")) {
    answer.directive = ":files";
  } else if (has("DATE")) {
    answer.candidates = date_candidates();
  }
  return answer;
}

} // namespace

CompletionCandidates subcommands_of(const CLI::App &at) {
  CompletionCandidates out;
  for (const CLI::App *sub : at.get_subcommands([](const CLI::App *) { return true; }))
    if (!sub->get_group().empty())
      out.push_back({sub->get_name(), sub->get_description()});
  return out;
}

CompletionAnswer complete_words(const CLI::App &top, const std::vector<std::string> &words,
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

  CompletionAnswer answer;
  const auto eq = current.find('=');
  if (!only_positionals && starts_with(current, "--") && eq != std::string::npos) {
    // "--format=m": the option's values, each written as "--format=VALUE".
    const CLI::Option *opt = find_option(at, current);
    if (opt == nullptr || !takes_value(*opt))
      return answer;
    CompletionAnswer values = values_for(*opt, sources, words);
    for (const CompletionCandidate &c : values.candidates)
      answer.candidates.push_back({current.substr(0, eq + 1) + c.word, c.description});
    return answer;
  }
  if (!only_positionals && starts_with(current, "-")) {
    for (const CLI::App *scope = at; scope != nullptr; scope = scope->get_parent())
      for (const CLI::Option *opt : scope->get_options())
        for (const auto &name : opt->get_lnames())
          if (std::none_of(answer.candidates.begin(), answer.candidates.end(),
                           [&](const CompletionCandidate &c) { return c.word == "--" + name; }))
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
      CompletionAnswer more = values_for(*opt, sources, words);
      answer.candidates.insert(answer.candidates.end(), more.candidates.begin(),
                               more.candidates.end());
      answer.directive = more.directive;
      break;
    }
  }
  return answer;
}

void print_candidates(std::ostream &out, const CompletionCandidates &candidates,
                      const std::string &prefix) {
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

} // namespace attune::cli
