#pragma once
/// `attune complete words`: what may follow the words typed so far, found by walking the
/// declared commands and options; the lists of ids come from the core (attune/completion.hpp)
/// through CompletionSources.
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "attune/completion.hpp"

namespace attune::cli {

class Session;

/// Where exercise ids, runs, undo ids and plan ids come from: the journal and plans of the
/// data folder, honouring --data-dir and --plan typed on the command line being completed.
class CompletionSources {
public:
  explicit CompletionSources(Session &session) : session_(session) {}

  /// Every exercise id of the plan in use, with its title, in plan order.
  CompletionCandidates exercises();
  /// What `checkin` accepts today (checkin_candidates); nothing when no programme runs.
  CompletionCandidates checkin_exercises(bool situational_only = false);
  /// The numbers of the programmes in the journal, with their plan ids.
  CompletionCandidates runs();
  /// The ids `undo ID` accepts (undo_candidates) for the running or just-ended programme.
  CompletionCandidates undo_commands();
  /// Plan ids with where each comes from.
  CompletionCandidates plans();
  /// Picks up --data-dir DIR and --plan ID from the words already typed.
  void use_globals_from(const std::vector<std::string> &words);

private:
  /// The running programme's plan; else --plan (or the configured plan); else the default.
  Plan plan_in_use();

  Session &session_;
};

/// The completion's answer: candidates, and whether file or folder names also fit.
struct CompletionAnswer {
  CompletionCandidates candidates;
  std::string directive; ///< "", ":files" or ":dirs"
};

/// Visible subcommands of `at` (hidden ones have an empty group), with their descriptions.
CompletionCandidates subcommands_of(const CLI::App &at);

/// What may follow `attune WORDS...` when the word being typed starts with `current`.
CompletionAnswer complete_words(const CLI::App &top, const std::vector<std::string> &words,
                                const std::string &current, CompletionSources &sources);

/// One "WORD<TAB>DESCRIPTION" line per candidate starting with `prefix` (the description's
/// first line only, made printable; no TAB when it is empty).
void print_candidates(std::ostream &out, const CompletionCandidates &candidates,
                      const std::string &prefix);

} // namespace attune::cli
