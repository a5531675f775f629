#include "attune/sync.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_set>

#include "attune/forget.hpp"
#include "attune/journal.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

bool is_hex_text(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// The first line of `text`, without its LF.
std::string_view first_line(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

} // namespace

const std::vector<std::string> &sync_shared_paths() {
  static const std::vector<std::string> paths = {".gitattributes", ".gitignore", "journal",
                                                 "plans"};
  return paths;
}

bool is_attune_path(std::string_view path) {
  if (path == ".gitattributes" || path == ".gitignore" || path == "journal" ||
      path == "journal.lock" || path == "journal.index")
    return true;
  constexpr std::string_view plans = "plans/";
  constexpr std::string_view toml = ".toml";
  if (!starts_with(path, plans) || path.size() <= plans.size() + toml.size())
    return false;
  const std::string_view name = path.substr(plans.size());
  return name.substr(name.size() - toml.size()) == toml &&
         is_hex_text(name.substr(0, name.size() - toml.size()));
}

std::vector<std::string> foreign_paths(const std::vector<std::string> &tracked) {
  std::vector<std::string> foreign;
  for (const std::string &path : tracked)
    if (!is_attune_path(path))
      foreign.push_back(path);
  return foreign;
}

std::vector<std::string> sync_attribute_lines() {
  return {"journal merge=union"};
}

std::vector<std::string> sync_ignore_lines() {
  return {
      "journal.lock",    // the lock: one machine's processes only
      "journal.index",   // a cache of one file's state, rebuilt when it does not match
      "journal.index.*", // older attunes' index temporaries
      ".*.attune-*",     // every temporary (temp_file_template), in the folder and plans/
      ".*.toml.*",       // older attunes' plan-copy temporaries in plans/
  };
}

std::string with_lines(std::string_view existing, const std::vector<std::string> &wanted) {
  std::set<std::string_view> have;
  for (std::size_t pos = 0; pos < existing.size();) {
    std::size_t lf = existing.find('\n', pos);
    if (lf == std::string_view::npos)
      lf = existing.size();
    std::string_view line = existing.substr(pos, lf - pos);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    have.insert(line);
    pos = lf + 1;
  }
  std::string text(existing);
  if (!text.empty() && text.back() != '\n')
    text += '\n';
  for (const std::string &line : wanted)
    if (have.count(line) == 0) {
      text += line;
      text += '\n';
    }
  return text;
}

std::string settle_merged_journal(std::string_view merged) {
  const Journal journal = parse_journal(merged);
  std::set<std::string> erased;
  for (const Record &record : journal.records)
    if (record.type == RecordType::forgotten)
      erased.insert(record.refs.begin(), record.refs.end());
  if (erased.empty())
    return std::string(merged);
  // The copies of a record that differ only in their text are not told apart by the
  // parser (it keeps the first and reports the other), so erase on the raw lines.
  return erase_texts(merged, erased, {}).text;
}

JournalCheck check_shared_journal(std::string_view text) {
  if (text.empty())
    return {};
  const Journal journal = parse_journal(text);
  if (journal.newer_version)
    return {"the journal " + describe_unwritable_version(journal.version), 1};
  if (!journal.problems.empty()) {
    const JournalProblem &first = journal.problems.front();
    return {first.message, first.line};
  }
  if (!starts_with(first_line(text), "attune-journal "))
    return {"line 1 is not the version line \"" + std::string(first_line(journal_header())) + "\"",
            1};
  return {};
}

JournalCheck check_merged_journal(std::string_view ours, std::string_view theirs,
                                  std::string_view merged) {
  if (JournalCheck check = check_shared_journal(merged); !check.ok())
    return check;
  const Journal kept = parse_journal(merged);
  std::unordered_set<std::string> ids;
  for (const Record &record : kept.records)
    ids.insert(record.id);
  for (const std::string_view side : {ours, theirs})
    for (const Record &record : parse_journal(side).records)
      if (ids.count(record.id) == 0)
        return {"the record " + record.id + " (" + std::string(to_string(record.type)) + ", " +
                    format_day(record.day) + ") would be lost",
                0};
  return {};
}

SyncStep choose_sync_step(bool remote_exists, bool same, bool remote_in_ours, bool ours_in_remote) {
  if (!remote_exists)
    return SyncStep::push;
  if (same)
    return SyncStep::up_to_date;
  if (remote_in_ours)
    return SyncStep::push;
  if (ours_in_remote)
    return SyncStep::fast_forward;
  return SyncStep::merge;
}

bool sync_pushes(SyncStep step, bool changed_after) {
  switch (step) {
  case SyncStep::push:
  case SyncStep::merge:
    return true;
  case SyncStep::up_to_date:
    return false;
  case SyncStep::fast_forward:
    return changed_after;
  }
  return false;
}

GitFailure classify_git_failure(std::string_view text) {
  if (contains(text, "index.lock") || contains(text, ".lock': File exists"))
    return GitFailure::locked;
  if (contains(text, "[rejected]") || contains(text, "non-fast-forward") ||
      contains(text, "fetch first") || contains(text, "failed to push some refs"))
    return GitFailure::rejected;
  if (contains(text, "Authentication failed") || contains(text, "Permission denied") ||
      contains(text, "could not read Username") || contains(text, "terminal prompts disabled") ||
      contains(text, "access denied") || contains(text, "Access denied") ||
      contains(text, "HTTP Basic: Access denied") || contains(text, "403"))
    return GitFailure::refused;
  if (contains(text, "Could not resolve host") || contains(text, "Could not resolve hostname") ||
      contains(text, "Connection refused") || contains(text, "Connection timed out") ||
      contains(text, "Network is unreachable") || contains(text, "No route to host") ||
      contains(text, "does not appear to be a git repository") ||
      contains(text, "Could not read from remote repository") ||
      contains(text, "unable to access") || contains(text, "not found") ||
      contains(text, "No such file or directory"))
    return GitFailure::unreachable;
  if (contains(text, "usage: git") || contains(text, "unknown option"))
    return GitFailure::too_old;
  return GitFailure::other;
}

std::string describe_git_failure(GitFailure failure, std::string_view remote) {
  const std::string named = "the remote '" + std::string(remote) + "'";
  switch (failure) {
  case GitFailure::unreachable:
    return "cannot reach " + named;
  case GitFailure::refused:
    return named + " refused access";
  case GitFailure::rejected:
    return named + " changed while syncing";
  case GitFailure::locked:
    return "another git is working in the data folder (.git/index.lock is there)";
  case GitFailure::too_old:
    return "this git is too old for attune sync (it needs git 2.38 or newer)";
  case GitFailure::other:
    break;
  }
  return "git failed";
}

std::string forget_git_warning(bool is_repository, bool has_remote) {
  if (!is_repository)
    return {};
  std::string text = "the data folder is a git repository: its history keeps the erased text "
                     "until that history is rewritten";
  if (has_remote)
    text += ", and a clone or the remote that still has it keeps it there (a sync erases it "
            "from their journals, never from their history)";
  return text;
}

std::string git_failure_hint(GitFailure failure, std::string_view dir) {
  const std::string folder(dir);
  if (failure == GitFailure::locked)
    return "if no git is running there (a sync was killed), remove " + folder +
           "/.git/index.lock and sync again";
  if (failure == GitFailure::too_old)
    return "install a newer git";
  return "run 'git -C " + folder + " status' to see why";
}

std::string sync_pending_warning(std::string_view doing, GitFailure failure,
                                 std::string_view remote) {
  return "cannot " + std::string(doing) + ": " + describe_git_failure(failure, remote) +
         (failure == GitFailure::rejected ? "; run 'attune sync' again" : "");
}

std::optional<std::string> plan_copy_hash(std::string_view path) {
  constexpr std::string_view plans = "plans/";
  constexpr std::string_view toml = ".toml";
  if (!is_attune_path(path) || !starts_with(path, plans))
    return std::nullopt;
  return std::string(path.substr(plans.size(), path.size() - plans.size() - toml.size()));
}

std::string sync_result_text(const SyncOutcome &outcome) {
  if (!outcome.has_remote)
    return std::string(outcome.committed ? "Committed here" : "Nothing new to commit") +
           "; there is no remote to share with yet: 'attune sync init REMOTE' adds one.\n";
  if (outcome.pending)
    return std::string(outcome.committed ? "Committed here" : "Everything is committed here") +
           "; the push is pending until 'attune sync' reaches origin.\n";
  if (outcome.step == SyncStep::up_to_date && !outcome.committed)
    return "Already in sync with origin.\n";
  const std::size_t n = outcome.received;
  return "Synced with origin: " +
         (n == 0 ? std::string("nothing new from there")
                 : std::to_string(n) + (n == 1 ? " record" : " records") + " from there") +
         (outcome.pushed ? ", this machine's records sent" : "") + ".\n";
}

std::string sync_init_text(bool existed, bool committed, const std::optional<std::string> &remote,
                           bool has_remote) {
  std::string text = existed ? "The data folder's git repository is ready for attune sync"
                             : "Made the data folder a git repository for attune sync";
  text += committed ? " (committed the journal).\n" : ".\n";
  if (remote)
    text += "Its remote 'origin' is " + *remote + ". Run 'attune sync' to share the journal.\n";
  else if (!has_remote)
    text += "It has no remote yet: 'attune sync init REMOTE' adds one.\n";
  return text;
}

} // namespace attune
