#pragma once
/// `attune sync`: the decisions of sharing the data folder through git. The front end runs
/// git (never a shell) and takes the journal lock; everything it decides comes from here:
/// which files are shared, whether a git repository may be used, whether a merged journal
/// is acceptable, which step a sync takes, and what a git failure means in attune's words.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// The paths (relative to the data folder) that sync commits: the journal, the plan copies
/// and the two git files sync init writes. Nothing else of the folder is ever shared.
const std::vector<std::string> &sync_shared_paths();

/// Whether a path tracked in the repository is attune's: one of sync_shared_paths, a plan
/// copy "plans/HEX.toml", or a file attune keeps per machine (journal.lock, journal.index),
/// which sync init stops tracking.
///   "journal" -> true; "plans/ab12.toml" -> true; "notes.txt" -> false; "plans/x" -> false
bool is_attune_path(std::string_view path);

/// The tracked paths that are not attune's, in the given order: a repository holding any
/// is someone else's, and sync init refuses it.
std::vector<std::string> foreign_paths(const std::vector<std::string> &tracked);

/// The lines `.gitattributes` must hold: the journal merges by union (git's built-in
/// driver keeps both sides' lines, ours first).
std::vector<std::string> sync_attribute_lines();

/// The lines `.gitignore` must hold: every file the store writes that belongs to one
/// machine: the lock, the index and every temporary (today's and older attunes' names).
std::vector<std::string> sync_ignore_lines();

/// `existing` (a file's text, maybe empty) with each of `wanted` appended that is not
/// already one of its lines; unchanged when all are there. Ends in a LF when not empty.
///   ("*.log\n", {"journal.lock"}) -> "*.log\njournal.lock\n";  ("a\n", {"a"}) -> "a\n"
std::string with_lines(std::string_view existing, const std::vector<std::string> &wanted);

/// The union-merged journal made whole: the text of every note, reason, review answer or
/// cue that a `forgotten` record anywhere in it names is erased from every copy (erase_texts), so a
/// note forgotten on one machine is not brought back by the other machine's older copy,
/// and the two copies of its line become identical (and count once). Other lines are kept
/// byte for byte; a text with nothing to erase is returned as it is.
std::string settle_merged_journal(std::string_view merged);

/// Whether a journal may be shared or kept after a merge: empty `problem` when it may.
struct JournalCheck {
  std::string problem;  ///< "line 7 is damaged: ..." in attune's words; empty: acceptable
  std::size_t line = 0; ///< the line it names (0: none)
  bool ok() const noexcept { return problem.empty(); }
};

/// A journal sync may commit: empty, or a version line first and then only lines that
/// check (checksums, fields; a copy of a record counts once; a repeated version line is
/// harmless), ending in a LF, and of a format this attune writes.
///   "attune-journal 1\n<good line>\n<the same line>\n" -> ok
///   "attune-journal 1\n<good line without its LF>" -> "line 2 is cut short ..."
JournalCheck check_shared_journal(std::string_view text);

/// Whether `merged` (already settled) may replace the journal: check_shared_journal, and
/// every record of `ours` and of `theirs` is in it (nothing lost). Programmes started
/// separately stay separate: they are different start records, which build_history numbers
/// apart; nothing here joins them.
JournalCheck check_merged_journal(std::string_view ours, std::string_view theirs,
                                  std::string_view merged);

/// What a sync does once it has fetched.
enum class SyncStep {
  push,         ///< the remote has no such branch yet, or only older commits: push ours
  up_to_date,   ///< both sides hold the same commit
  fast_forward, ///< ours is older than the remote's: take theirs (checked), nothing to push
  merge,        ///< both have new commits: merge, check, then push the merge
};

/// The step from what git says about the two commits.
///   (remote branch missing) -> push; same -> up_to_date; remote in ours -> push;
///   ours in remote -> fast_forward; neither -> merge
SyncStep choose_sync_step(bool remote_exists, bool same, bool remote_in_ours, bool ours_in_remote);

/// Whether the sync ends by pushing: after `push` and `merge` (the merge is new to the
/// remote); after a fast-forward only when taking the remote's tree changed it here (notes
/// `forget` erased on this machine erased again: a commit the remote lacks).
///   push -> true; merge -> true; up_to_date -> false; fast_forward -> changed_after
bool sync_pushes(SyncStep step, bool changed_after);

/// Why a git command failed, from its standard error (run with LC_ALL=C).
enum class GitFailure {
  unreachable, ///< no network, unknown host, the remote path is missing or not a repository
  refused,     ///< authentication or permission denied by the remote
  rejected,    ///< the push was refused: the remote moved on meanwhile (non-fast-forward)
  locked,      ///< another git holds .git/index.lock (or a killed one left it)
  too_old,     ///< this git does not know an option sync needs (merge-tree --write-tree)
  other,
};
GitFailure classify_git_failure(std::string_view stderr_text);

/// attune's words for a failure, without the "attune: error: " prefix.
///   unreachable -> "cannot reach the remote 'origin'"
std::string describe_git_failure(GitFailure failure, std::string_view remote);

/// What to do about a failed git command in the data folder `dir`, as the error's hint:
///   locked -> "if no git is running there (a sync was killed), remove DIR/.git/index.lock
///   and sync again"; too_old -> "install a newer git"; else "run 'git -C DIR status' to see why"
std::string git_failure_hint(GitFailure failure, std::string_view dir);

/// The warning when sync could not fetch or push (`doing`: "fetch", "push"): the failure in
/// attune's words, and "; run 'attune sync' again" when the remote only moved on meanwhile.
///   ("push", rejected, "origin") -> "cannot push: the remote 'origin' changed while syncing;
///   run 'attune sync' again"
std::string sync_pending_warning(std::string_view doing, GitFailure failure,
                                 std::string_view remote);

/// The hash of a plan copy's path in the repository ("plans/ab12.toml" -> "ab12"); nullopt
/// for any other path (is_attune_path's rule).
std::optional<std::string> plan_copy_hash(std::string_view path);

/// How a sync ended, for sync_result_text.
struct SyncOutcome {
  bool committed = false; ///< this machine's records were committed
  bool has_remote = true; ///< false: nothing further was tried
  bool pending = false;   ///< fetch or push failed: the push waits for the next sync
  SyncStep step = SyncStep::up_to_date;
  std::size_t received = 0; ///< records the other side brought
  bool pushed = false;      ///< this machine's records were sent
};

/// What `attune sync` prints (lines ending in LF), for every way it ends:
///   no remote -> "Committed here; there is no remote to share with yet: 'attune sync init
///   REMOTE' adds one." (or "Nothing new to commit; ..."); pending -> "Committed here; the push
///   is pending until 'attune sync' reaches origin."; up to date with nothing committed ->
///   "Already in sync with origin."; else "Synced with origin: 2 records from there, this
///   machine's records sent." (or "nothing new from there", without what was sent).
std::string sync_result_text(const SyncOutcome &outcome);

/// What `attune sync init` prints: whether the folder was made a repository or already was
/// one, whether the journal was committed, and the remote (`remote`: the one just set;
/// `has_remote`: whether one is set at all).
///   (false, true, "/srv/j.git", true) -> "Made the data folder a git repository for attune
///   sync (committed the journal).\nIts remote 'origin' is /srv/j.git. Run 'attune sync' to
///   share the journal.\n"
std::string sync_init_text(bool existed, bool committed, const std::optional<std::string> &remote,
                           bool has_remote);

/// What `attune forget` says about a git data folder (empty: not a repository).
///   repository with a remote -> a warning that a clone or the remote may bring the text back
std::string forget_git_warning(bool is_repository, bool has_remote);

} // namespace attune
