// attune sync: commit here, fetch, take the remote's journal (fast-forward) or merge the two
// (union, settled and checked), then push. The core decides each step (attune/sync.hpp).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/sync.hpp"
#include "sync_files.hpp"
#include "syncer.hpp"

namespace attune::cli {

std::size_t Syncer::take_tree(const std::string &tree, const std::string &remote_ref,
                              bool fast_forward, bool &changed_after) {
  const std::string ours = store_.read_text(lock());
  const GitOutput theirs_blob = git_.run({"cat-file", "blob", remote_ref + ":journal"});
  const std::string theirs = theirs_blob.ok() ? theirs_blob.out : std::string();
  const GitOutput merged_blob = git_.run({"cat-file", "blob", tree + ":journal"});
  const std::string merged = merged_blob.ok() ? merged_blob.out : std::string();
  const std::string settled = settle_merged_journal(merged);
  if (const JournalCheck check = check_merged_journal(ours, theirs, settled); !check.ok())
    throw Error(ErrorKind::data,
                "the merged journal would not read cleanly (" + check.problem +
                    "): nothing was merged, the journal is as it was",
                "the other machine's journal has a line attune cannot read; run 'attune log' "
                "there");
  // Plan copies first: a journal naming a plan whose copy is missing would fall back.
  const auto listed = split_nul(must({"ls-tree", "-r", "-z", "--name-only", tree, "--", "plans"},
                                     "read the merged plan copies")
                                    .out);
  for (const std::string &path : listed) {
    const std::optional<std::string> hash = plan_copy_hash(path);
    if (!hash || sync_path_exists(dir_ + "/" + path))
      continue;
    std::string object = tree;
    object += ':';
    object += path;
    store_.save_plan_copy(lock(), *hash,
                          must({"cat-file", "blob", object}, "read a merged plan copy").out);
  }
  if (settled != ours)
    store_.replace_journal(lock(), settled);
  const std::string head = first_output_line(must({"rev-parse", "HEAD"}, "read the commit").out);
  std::string commit = first_output_line(
      must({"rev-parse", remote_ref + "^{commit}"}, "read the remote's commit").out);
  if (!fast_forward) {
    std::vector<std::string> args = identity();
    for (const std::string &word :
         {std::string("commit-tree"), tree, std::string("-p"), head, std::string("-p"), commit,
          std::string("-m"), std::string("attune sync: merge")})
      args.push_back(word);
    commit = first_output_line(must(args, "commit the merge").out);
  }
  must({"update-ref", "-m", "attune sync", "HEAD", commit, head}, "move to the merged commit");
  must({"reset", "-q"}, "update git's index");
  (void)git_.run({"checkout", "-q", "--", ".gitattributes", ".gitignore"});
  changed_after = settled != merged;
  const Journal before = parse_journal(ours);
  const Journal after = parse_journal(settled);
  for (const std::string &note : after.notes)
    ctx_.note(note);
  return after.record_count > before.record_count ? after.record_count - before.record_count : 0;
}

SyncStep Syncer::step_towards(const std::string &remote_ref) {
  const bool remote_exists =
      git_.run({"rev-parse", "-q", "--verify", remote_ref + "^{commit}"}).ok();
  bool same = false;
  bool remote_in_ours = false;
  bool ours_in_remote = false;
  if (remote_exists) {
    same = first_output_line(git_.run({"rev-parse", "HEAD"}).out) ==
           first_output_line(git_.run({"rev-parse", remote_ref}).out);
    remote_in_ours = git_.run({"merge-base", "--is-ancestor", remote_ref, "HEAD"}).status == 0;
    ours_in_remote = git_.run({"merge-base", "--is-ancestor", "HEAD", remote_ref}).status == 0;
  }
  return choose_sync_step(remote_exists, same, remote_in_ours, ours_in_remote);
}

std::string Syncer::tree_to_take(SyncStep step, const std::string &remote_ref) {
  if (step == SyncStep::fast_forward)
    return first_output_line(must({"rev-parse", remote_ref + "^{tree}"}, "read the remote").out);
  const GitOutput merged = git_.run({"merge-tree", "--write-tree", "--allow-unrelated-histories",
                                     "--name-only", "HEAD", remote_ref});
  if (merged.status == 1) {
    show_git_text(merged);
    std::string files = merged.out.substr(merged.out.find('\n') + 1);
    files = first_output_line(files);
    throw Error(ErrorKind::data,
                "the two data folders cannot be merged (\"" + files +
                    "\" differs on both sides): nothing was merged, the journal is as it was",
                "make that file the same on both machines, then sync again");
  }
  if (!merged.ok())
    fail(merged, "merge", ErrorKind::io);
  return first_output_line(merged.out);
}

int Syncer::pending(const GitOutput &out, const std::string &doing, bool committed) {
  show_git_text(out);
  ctx_.warn(sync_pending_warning(doing, classify_git_failure(out.err), sync_remote_name));
  SyncOutcome outcome;
  outcome.committed = committed;
  outcome.pending = true;
  if (!ctx_.global.quiet)
    ctx_.out << sync_result_text(outcome);
  return exit_code::ok;
}

int Syncer::sync() {
  if (!sync_path_exists(dir_ + "/.git"))
    throw Error(ErrorKind::usage, "the data folder \"" + dir_ + "\" is not set up for sync",
                "run 'attune sync init [REMOTE]' first");
  (void)lock();
  ensure_union_attribute();
  SyncOutcome outcome;
  outcome.committed = commit_local("attune sync: this machine's records");
  if (!git_.run({"remote", "get-url", sync_remote_name}).ok()) {
    outcome.has_remote = false;
    if (!ctx_.global.quiet)
      ctx_.out << sync_result_text(outcome);
    return exit_code::ok;
  }
  const GitOutput branch_out = git_.run({"symbolic-ref", "-q", "--short", "HEAD"});
  if (!branch_out.ok())
    throw Error(ErrorKind::io, "the data folder's git repository is not on a branch",
                "switch to its branch: git -C " + dir_ + " switch main");
  const std::string branch = first_output_line(branch_out.out);
  const GitOutput fetched = git_.run({"fetch", "-q", sync_remote_name});
  if (!fetched.ok())
    return pending(fetched, "fetch", outcome.committed);
  const std::string remote_ref = "refs/remotes/" + std::string(sync_remote_name) + "/" + branch;
  outcome.step = step_towards(remote_ref);
  bool changed_after = false;
  if (outcome.step == SyncStep::fast_forward || outcome.step == SyncStep::merge) {
    const std::string tree = tree_to_take(outcome.step, remote_ref);
    outcome.received =
        take_tree(tree, remote_ref, outcome.step == SyncStep::fast_forward, changed_after);
    if (changed_after)
      commit_local("attune sync: keep forgotten notes erased");
    (void)store_.read_run(session_.lock_timeout(), std::nullopt, &lock()); // rebuilds the index
  }
  const bool push = sync_pushes(outcome.step, changed_after);
  if (push) {
    const GitOutput pushed =
        git_.run({"push", "-q", "-u", sync_remote_name, "HEAD:refs/heads/" + branch});
    if (!pushed.ok())
      return pending(pushed, "push", outcome.committed);
  }
  outcome.pushed = push;
  if (!ctx_.global.quiet)
    ctx_.out << sync_result_text(outcome);
  return exit_code::ok;
}

} // namespace attune::cli
