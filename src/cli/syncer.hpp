#pragma once
/// `attune sync` and `attune sync init` as run by the front end: git in the data folder,
/// under the journal lock. Every decision comes from the core (attune/sync.hpp).
#include <optional>
#include <string>
#include <vector>

#include "attune/error.hpp"
#include "attune/store.hpp"
#include "attune/sync.hpp"
#include "git_process.hpp"
#include "session.hpp"

namespace attune::cli {

/// The remote sync shares with.
inline constexpr const char *sync_remote_name = "origin";

/// What `attune sync [init [REMOTE]]` was given.
struct SyncArgs {
  std::optional<std::string> remote;
  bool verbose = false;
};

/// One sync or sync init: git in the data folder, under the journal lock.
class Syncer {
public:
  Syncer(Session &session, const SyncArgs &args)
      : session_(session), ctx_(session.ctx()), args_(args), store_(session.store()),
        dir_(store_.data_dir()), git_(ctx_, dir_) {}

  int init();
  int sync();

private:
  /// The journal lock, taken by the first step that needs it and held to the end.
  const JournalStore::Lock &lock() {
    if (!held_)
      held_.emplace(store_.lock(session_.lock_timeout()));
    return *held_;
  }

  /// Runs git; a failure throws Error(kind) in attune's words ("cannot DOING: WHY").
  GitOutput must(const std::vector<std::string> &args, const std::string &doing,
                 ErrorKind kind = ErrorKind::io) {
    GitOutput out = git_.run(args);
    if (!out.ok())
      fail(out, doing, kind);
    return out;
  }

  /// Throws Error(kind) for a failed git command: "cannot DOING: WHY", with a hint.
  [[noreturn]] void fail(const GitOutput &out, const std::string &doing, ErrorKind kind);

  /// Under --verbose, git's words, indented, after attune's.
  void show_git_text(const GitOutput &out) const;

  /// `-c user.name=attune -c user.email=...` when git has no identity configured, so a
  /// commit never stops to ask; the person's own identity is used when there is one.
  std::vector<std::string> identity() {
    if (!identity_) {
      identity_.emplace();
      if (!git_.run({"config", "user.email"}).ok() || !git_.run({"config", "user.name"}).ok())
        *identity_ = {"-c", "user.name=attune", "-c", "user.email=attune@localhost"};
    }
    return *identity_;
  }

  /// Commits the journal, the plan copies and the git files when they changed. Refuses
  /// (Error data) a journal that does not read cleanly: it is never shared.
  bool commit_local(const std::string &message);
  /// `journal merge=union` in .git/info/attributes too: git reads it whatever the work
  /// tree's .gitattributes says.
  void ensure_union_attribute();
  /// Takes `tree`'s journal (checked) and plan copies: the journal is replaced in one
  /// step, then HEAD moves to `commit` (made by the caller's rule) and the index follows.
  /// Returns the records received.
  std::size_t take_tree(const std::string &tree, const std::string &remote_ref, bool fast_forward,
                        bool &changed_after);
  /// What sync does once fetched: the step, from how HEAD and `remote_ref` relate.
  SyncStep step_towards(const std::string &remote_ref);
  /// The tree to take for a fast-forward or a merge of HEAD and `remote_ref` (merge-tree);
  /// Error(data) naming the file when the two sides changed one of the other files.
  std::string tree_to_take(SyncStep step, const std::string &remote_ref);
  /// Says the push is pending (a warning, then the result unless quiet); returns exit 0.
  int pending(const GitOutput &out, const std::string &doing, bool committed);

  Session &session_;
  Context &ctx_;
  const SyncArgs &args_;
  JournalStore &store_;
  std::string dir_;
  GitRunner git_;
  std::optional<JournalStore::Lock> held_;
  std::optional<std::vector<std::string>> identity_;
};

} // namespace attune::cli
