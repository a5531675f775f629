// attune sync, attune sync init: share the data folder between machines through git.
// The core decides (attune/sync.hpp); this file runs git and writes through the store.
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/store.hpp"
#include "attune/sync.hpp"
#include "commands.hpp"
#include "git_process.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

constexpr const char *sync_remote_name = "origin";

struct SyncArgs {
  std::optional<std::string> remote;
  bool verbose = false;
};

bool sync_path_exists(const std::string &path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

/// git's output without its last LF ("abc\n" -> "abc").
std::string first_output_line(const std::string &text) {
  return text.substr(0, text.find('\n'));
}

/// Splits NUL-separated output (git -z).
std::vector<std::string> split_nul(const std::string &text) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nul = text.find('\0', from);
    if (nul == std::string::npos)
      nul = text.size();
    if (nul > from)
      parts.push_back(text.substr(from, nul - from));
    from = nul + 1;
  }
  return parts;
}

/// Reads a small file of ours (.gitattributes, .gitignore); "" when missing.
std::string read_small_text(const std::string &path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return {};
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0 || text.size() > 1024 * 1024)
      break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

/// Replaces a small file whole (temporary file, fsync, rename), 0600; unchanged text is
/// not rewritten.
void write_small_text(const std::string &path, const std::string &text) {
  if (sync_path_exists(path) && read_small_text(path) == text)
    return;
  std::string temp = temp_file_template(path);
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw Error(ErrorKind::io, "cannot write \"" + path + "\": " + std::strerror(errno),
                "check the data folder's permissions and free space");
  std::size_t done = 0;
  bool ok = true;
  while (ok && done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    ok = n > 0;
    if (ok)
      done += static_cast<std::size_t>(n);
  }
  const int err = errno;
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int why = ok ? errno : err;
    (void)::unlink(temp.c_str());
    throw Error(ErrorKind::io, "cannot write \"" + path + "\": " + std::strerror(why),
                "check the data folder's permissions and free space");
  }
}

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

  [[noreturn]] void fail(const GitOutput &out, const std::string &doing, ErrorKind kind) {
    show_git_text(out);
    const GitFailure why = classify_git_failure(out.err);
    std::string hint = "run 'git -C " + dir_ + " status' to see why";
    if (why == GitFailure::locked)
      hint = "if no git is running there (a sync was killed), remove " + dir_ +
             "/.git/index.lock and sync again";
    else if (why == GitFailure::too_old)
      hint = "install a newer git";
    throw Error(kind, "cannot " + doing + ": " + describe_git_failure(why, sync_remote_name),
                hint + (args_.verbose ? "" : "; --verbose shows git's own words"));
  }

  /// Under --verbose, git's words, indented, after attune's.
  void show_git_text(const GitOutput &out) const {
    if (!args_.verbose || out.err.empty())
      return;
    std::size_t from = 0;
    while (from < out.err.size()) {
      std::size_t lf = out.err.find('\n', from);
      if (lf == std::string::npos)
        lf = out.err.size();
      ctx_.err << "    " << out.err.substr(from, lf - from) << '\n';
      from = lf + 1;
    }
  }

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

  Session &session_;
  Context &ctx_;
  const SyncArgs &args_;
  JournalStore &store_;
  std::string dir_;
  GitRunner git_;
  std::optional<JournalStore::Lock> held_;
  std::optional<std::vector<std::string>> identity_;
};

void Syncer::ensure_union_attribute() {
  const std::string info = dir_ + "/.git/info";
  if (!sync_path_exists(info))
    (void)::mkdir(info.c_str(), 0700);
  const std::string path = info + "/attributes";
  write_small_text(path, with_lines(read_small_text(path), sync_attribute_lines()));
}

bool Syncer::commit_local(const std::string &message) {
  const std::string text = store_.read_text(lock());
  if (const JournalCheck check = check_shared_journal(text); !check.ok())
    throw Error(ErrorKind::data,
                "the journal does not read cleanly, so it is not shared: " + check.problem,
                "'attune log' lists the damaged lines; nothing was committed or merged");
  std::vector<std::string> args = {"add", "-A", "--"};
  for (const std::string &path : sync_shared_paths())
    if (sync_path_exists(dir_ + "/" + path))
      args.push_back(path);
  must(args, "add the journal to git");
  const GitOutput diff = git_.run({"diff", "--cached", "--quiet"});
  if (diff.status == 0)
    return false;
  if (diff.status != 1)
    fail(diff, "compare the journal with git's copy", ErrorKind::io);
  std::vector<std::string> commit = identity();
  for (const char *word : {"commit", "-q", "--no-verify", "-m"})
    commit.emplace_back(word);
  commit.push_back(message);
  must(commit, "commit the journal");
  return true;
}

int Syncer::init() {
  const bool existed = sync_path_exists(dir_ + "/.git");
  if (existed) {
    const auto tracked = split_nul(must({"ls-files", "-z"}, "read the repository").out);
    const auto foreign = foreign_paths(tracked);
    if (!foreign.empty())
      throw Error(ErrorKind::permission,
                  "the data folder \"" + dir_ +
                      "\" is a git repository that holds other files (\"" + foreign.front() + "\"" +
                      (foreign.size() > 1 ? " and more" : "") + ")",
                  "attune shares only its own files: give it a folder of its own (--data-dir)");
  }
  (void)lock(); // creates the folder when it is new
  // One branch name on every machine, whatever each git's init.defaultBranch says: two
  // machines on "master" and "main" would each push a branch the other never merges.
  if (!existed)
    must({"init", "-q", "--initial-branch=main"}, "make the data folder a git repository");
  write_small_text(dir_ + "/.gitattributes",
                   with_lines(read_small_text(dir_ + "/.gitattributes"), sync_attribute_lines()));
  write_small_text(dir_ + "/.gitignore",
                   with_lines(read_small_text(dir_ + "/.gitignore"), sync_ignore_lines()));
  ensure_union_attribute();
  // Tracked by hand before: they belong to one machine.
  must({"rm", "-q", "--cached", "--ignore-unmatch", "--", "journal.lock", "journal.index"},
       "stop tracking the lock and the index");
  const bool committed = commit_local("attune: set up sync");
  if (args_.remote) {
    const bool had = git_.run({"remote", "get-url", sync_remote_name}).ok();
    // "--": a REMOTE that starts with "-" is never taken for an option of git's.
    must({"remote", had ? "set-url" : "add", "--", sync_remote_name, *args_.remote},
         "set the remote");
  }
  if (ctx_.global.quiet)
    return exit_code::ok;
  ctx_.out << (existed ? "The data folder's git repository is ready for attune sync"
                       : "Made the data folder a git repository for attune sync")
           << (committed ? " (committed the journal)" : "") << ".\n";
  if (args_.remote)
    ctx_.out << "Its remote 'origin' is " << *args_.remote
             << ". Run 'attune sync' to share the journal.\n";
  else if (!git_.run({"remote", "get-url", sync_remote_name}).ok())
    ctx_.out << "It has no remote yet: 'attune sync init REMOTE' adds one.\n";
  return exit_code::ok;
}

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
    if (!is_attune_path(path) || path.rfind("plans/", 0) != 0 ||
        sync_path_exists(dir_ + "/" + path))
      continue;
    const std::string hash = path.substr(6, path.size() - 6 - 5);
    std::string object = tree;
    object += ':';
    object += path;
    store_.save_plan_copy(lock(), hash,
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

int Syncer::sync() {
  if (!sync_path_exists(dir_ + "/.git"))
    throw Error(ErrorKind::usage, "the data folder \"" + dir_ + "\" is not set up for sync",
                "run 'attune sync init [REMOTE]' first");
  (void)lock();
  ensure_union_attribute();
  bool committed = commit_local("attune sync: this machine's records");
  if (!git_.run({"remote", "get-url", sync_remote_name}).ok()) {
    if (!ctx_.global.quiet)
      ctx_.out << (committed ? "Committed here" : "Nothing new to commit")
               << "; there is no remote to share with yet: 'attune sync init REMOTE' adds one.\n";
    return exit_code::ok;
  }
  const GitOutput branch_out = git_.run({"symbolic-ref", "-q", "--short", "HEAD"});
  if (!branch_out.ok())
    throw Error(ErrorKind::io, "the data folder's git repository is not on a branch",
                "switch to its branch: git -C " + dir_ + " switch main");
  const std::string branch = first_output_line(branch_out.out);
  const auto pending = [&](const GitOutput &out, const std::string &doing) {
    show_git_text(out);
    const GitFailure why = classify_git_failure(out.err);
    ctx_.warn("cannot " + doing + ": " + describe_git_failure(why, sync_remote_name) +
              (why == GitFailure::rejected ? "; run 'attune sync' again" : ""));
    if (!ctx_.global.quiet)
      ctx_.out << (committed ? "Committed here" : "Everything is committed here")
               << "; the push is pending until 'attune sync' reaches origin.\n";
    return exit_code::ok;
  };
  const GitOutput fetched = git_.run({"fetch", "-q", sync_remote_name});
  if (!fetched.ok())
    return pending(fetched, "fetch");
  const std::string remote_ref = "refs/remotes/" + std::string(sync_remote_name) + "/" + branch;
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
  const SyncStep step = choose_sync_step(remote_exists, same, remote_in_ours, ours_in_remote);
  std::size_t received = 0;
  bool push = step == SyncStep::push;
  if (step == SyncStep::fast_forward || step == SyncStep::merge) {
    std::string tree;
    if (step == SyncStep::fast_forward) {
      tree = first_output_line(must({"rev-parse", remote_ref + "^{tree}"}, "read the remote").out);
    } else {
      const GitOutput merged =
          git_.run({"merge-tree", "--write-tree", "--allow-unrelated-histories", "--name-only",
                    "HEAD", remote_ref});
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
      tree = first_output_line(merged.out);
    }
    bool changed_after = false;
    received = take_tree(tree, remote_ref, step == SyncStep::fast_forward, changed_after);
    if (changed_after)
      commit_local("attune sync: keep forgotten notes erased");
    push = step == SyncStep::merge || changed_after;
    (void)store_.read_run(session_.lock_timeout(), std::nullopt, &lock()); // rebuilds the index
  }
  if (push) {
    const GitOutput pushed =
        git_.run({"push", "-q", "-u", sync_remote_name, "HEAD:refs/heads/" + branch});
    if (!pushed.ok())
      return pending(pushed, "push");
  }
  if (ctx_.global.quiet)
    return exit_code::ok;
  if (step == SyncStep::up_to_date && !committed) {
    ctx_.out << "Already in sync with origin.\n";
    return exit_code::ok;
  }
  ctx_.out << "Synced with origin: "
           << (received == 0 ? std::string("nothing new from there")
                             : std::to_string(received) + (received == 1 ? " record" : " records") +
                                   " from there")
           << (push ? ", this machine's records sent" : "") << ".\n";
  return exit_code::ok;
}

} // namespace

Command register_sync(CLI::App *sub, Session &session) {
  auto args = std::make_shared<SyncArgs>();
  sub->require_subcommand(0, 1);
  sub->add_flag("-v,--verbose", args->verbose, "Also show git's own words when it fails");
  CLI::App *init = sub->add_subcommand(
      "init", "Make the data folder a git repository for sync, with REMOTE as 'origin'");
  init->add_option("remote", args->remote, "The repository to share with (any git URL or path)")
      ->type_name("REMOTE");
  init->add_flag("-v,--verbose", args->verbose, "Also show git's own words when it fails");
  sub->footer("Under the journal lock: commits this machine's records, fetches, merges the\n"
              "journals by union (checked: a merge that would damage the journal is refused,\n"
              "exit 65), then pushes. Offline, it commits here and says the push is pending.\n"
              "Needs git (exit 69 without it); credentials come from git's own configuration.");
  return {sub, [args, init, &session]() -> int {
            Syncer syncer(session, *args);
            return init->parsed() ? syncer.init() : syncer.sync();
          }};
}

} // namespace attune::cli
