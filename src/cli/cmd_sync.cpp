// attune sync, attune sync init: share the data folder between machines through git.
// The core decides (attune/sync.hpp); this file declares the command and sets the folder up;
// sync_merge.cpp fetches, merges and pushes.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/sync.hpp"
#include "commands.hpp"
#include "session.hpp"
#include "sync_files.hpp"
#include "syncer.hpp"

namespace attune::cli {

void Syncer::fail(const GitOutput &out, const std::string &doing, ErrorKind kind) {
  show_git_text(out);
  const GitFailure why = classify_git_failure(out.err);
  throw Error(kind, "cannot " + doing + ": " + describe_git_failure(why, sync_remote_name),
              git_failure_hint(why, dir_) +
                  (args_.verbose ? "" : "; --verbose shows git's own words"));
}

void Syncer::show_git_text(const GitOutput &out) const {
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
  if (!ctx_.global.quiet)
    ctx_.out << sync_init_text(existed, committed, args_.remote,
                               args_.remote ||
                                   git_.run({"remote", "get-url", sync_remote_name}).ok());
  return exit_code::ok;
}

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
