// attune sync: what is shared, which repository may be used, merged journals, steps, git's words.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "attune/journal.hpp"
#include "attune/sync.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;

namespace {

Record sync_rec(const std::string &id, RecordType type, const std::string &day,
                const std::string &time = "08:30:00", unsigned run = 1) {
  Record r = record_at(id, type, day, day + "T" + time + "Z", "UTC", run);
  if (type == RecordType::start) {
    r.plan_id = "avoidant";
    r.plan_hash = std::string(64, 'a');
  }
  if (type == RecordType::done)
    r.exercise = "catch-the-urge";
  return r;
}

std::string journal_of(const std::vector<Record> &records) {
  std::string text = journal_header();
  for (const Record &r : records)
    text += format_record(r);
  return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(sync_rules)

BOOST_AUTO_TEST_CASE(attune_paths_and_foreign_content) {
  BOOST_TEST(is_attune_path("journal"));
  BOOST_TEST(is_attune_path(".gitattributes"));
  BOOST_TEST(is_attune_path("journal.index")); // tracked by hand earlier: sync init untracks it
  BOOST_TEST(is_attune_path("plans/0123abcd.toml"));
  BOOST_TEST(!is_attune_path("plans/mine.toml"));
  BOOST_TEST(!is_attune_path("plans/.toml"));
  BOOST_TEST(!is_attune_path("notes.txt"));
  BOOST_TEST(!is_attune_path("journal.bak"));
  const std::vector<std::string> tracked = {"journal", "README.md", "plans/ab.toml", "x/journal"};
  BOOST_TEST(foreign_paths(tracked) == (std::vector<std::string>{"README.md", "x/journal"}));
  BOOST_TEST(foreign_paths({"journal", ".gitignore"}).empty());
}

BOOST_AUTO_TEST_CASE(ignore_lines_cover_every_file_the_store_keeps_per_machine) {
  const auto lines = sync_ignore_lines();
  for (const char *wanted :
       {"journal.lock", "journal.index", ".*.attune-*", "journal.index.*", ".*.toml.*"})
    BOOST_TEST((std::find(lines.begin(), lines.end(), wanted) != lines.end()), wanted);
  BOOST_TEST(sync_attribute_lines() == std::vector<std::string>{"journal merge=union"});
}

BOOST_AUTO_TEST_CASE(with_lines_appends_only_what_is_missing) {
  BOOST_TEST(with_lines("", {"a", "b"}) == "a\nb\n");
  BOOST_TEST(with_lines("*.log\n", {"journal.lock"}) == "*.log\njournal.lock\n");
  BOOST_TEST(with_lines("*.log", {"journal.lock"}) == "*.log\njournal.lock\n");
  BOOST_TEST(with_lines("a\r\nb\n", {"a", "b"}) == "a\r\nb\n");
  BOOST_TEST(with_lines("a\n", {"a"}) == "a\n");
}

BOOST_AUTO_TEST_CASE(a_journal_to_share_must_read_cleanly) {
  const Record start = sync_rec("00000000000000a0", RecordType::start, "2026-01-05");
  const Record done = sync_rec("00000000000000a1", RecordType::done, "2026-01-05", "09:00:00");
  const std::string good = journal_of({start, done});
  BOOST_TEST(check_shared_journal("").ok());
  BOOST_TEST(check_shared_journal(good).ok());
  // A union merge may repeat a line and the version line: each counts once.
  BOOST_TEST(check_shared_journal(good + format_record(done) + journal_header()).ok());
  // A torn last line (a writer killed mid-line) is not shared.
  const std::string torn = good.substr(0, good.size() - 5);
  const JournalCheck cut = check_shared_journal(torn);
  BOOST_TEST(!cut.ok());
  BOOST_TEST(cut.line == 3u);
  // A hand-made line whose checksum does not match.
  const JournalCheck bad = check_shared_journal(good + "00000000000000b1\tdone\tbroken\n");
  BOOST_TEST(!bad.ok());
  BOOST_TEST(bad.line == 4u);
  // The version line must come first.
  BOOST_TEST(!check_shared_journal(format_record(start) + journal_header()).ok());
  // A format this attune does not write.
  BOOST_TEST(!check_shared_journal("attune-journal 9\n").ok());
  // The same id with different content.
  Record other = done;
  other.exercise = "body-check";
  BOOST_TEST(!check_shared_journal(good + format_record(other)).ok());
}

BOOST_AUTO_TEST_CASE(a_merged_journal_keeps_every_record_of_both_sides) {
  // Worked example: base = start; ours adds a1 (Mon), theirs adds b1 (Tue) and the same
  // check-in a1 (imported there earlier); the union holds a1 twice: accepted, counts once.
  const Record start = sync_rec("00000000000000a0", RecordType::start, "2026-01-05");
  const Record a1 = sync_rec("00000000000000a1", RecordType::done, "2026-01-05", "09:00:00");
  const Record b1 = sync_rec("00000000000000b1", RecordType::done, "2026-01-06", "09:00:00");
  const std::string ours = journal_of({start, a1});
  const std::string theirs = journal_of({start, b1, a1});
  const std::string merged = journal_of({start, a1, b1, a1});
  BOOST_TEST(check_merged_journal(ours, theirs, merged).ok());
  BOOST_TEST(parse_journal(merged).records.size() == 3u);
  // A merge that lost b1 is refused, naming it.
  const JournalCheck lost = check_merged_journal(ours, theirs, ours);
  BOOST_TEST(!lost.ok());
  BOOST_TEST(lost.problem.find("00000000000000b1") != std::string::npos);
  // A damaged line from either side is refused with its line number.
  const JournalCheck damaged = check_merged_journal(ours, theirs, merged + "garbage\n");
  BOOST_TEST(!damaged.ok());
  BOOST_TEST(damaged.line == 6u);
}

BOOST_AUTO_TEST_CASE(programmes_started_separately_stay_separate) {
  // Each machine started a programme numbered 1: the merge keeps both start records, and
  // build_history numbers them by when they started.
  const Record ours_start = sync_rec("00000000000000a0", RecordType::start, "2026-01-05");
  const Record theirs_start =
      sync_rec("00000000000000b0", RecordType::start, "2026-01-07", "10:00:00");
  const std::string merged = journal_of({ours_start, theirs_start});
  BOOST_TEST(
      check_merged_journal(journal_of({ours_start}), journal_of({theirs_start}), merged).ok());
  const History history = build_history(parse_journal(merged));
  BOOST_TEST(history.runs.size() == 2u);
  BOOST_TEST(history.runs[1].start_id == "00000000000000b0");
}

BOOST_AUTO_TEST_CASE(a_note_forgotten_on_one_side_stays_forgotten) {
  // Ours forgot note n1 (its line rewritten without text, a forgotten record added); theirs
  // still has the words. The union holds both copies of n1: settling erases the words from
  // every copy, so they are the same line and count once.
  const Record start = sync_rec("00000000000000a0", RecordType::start, "2026-01-05");
  Record n1 = sync_rec("00000000000000a1", RecordType::note, "2026-01-05", "09:00:00");
  n1.text = "private words";
  Record forgot = sync_rec("00000000000000a2", RecordType::forgotten, "2026-01-06");
  forgot.run = 0;
  forgot.refs = {n1.id};
  const std::string theirs = journal_of({start, n1});
  const std::string ours = erase_texts(theirs, {n1.id}, {forgot}).text;
  const std::string merged = ours + format_record(n1); // the union: theirs' copy after ours
  BOOST_TEST(!check_shared_journal(merged).ok());      // two different lines with one id
  const std::string settled = settle_merged_journal(merged);
  BOOST_TEST(settled.find("private words") == std::string::npos);
  BOOST_TEST(check_merged_journal(ours, theirs, settled).ok());
  // Nothing forgotten: the text is returned byte for byte.
  BOOST_TEST(settle_merged_journal(theirs) == theirs);
}

BOOST_AUTO_TEST_CASE(steps) {
  BOOST_TEST((choose_sync_step(false, false, false, false) == SyncStep::push));
  BOOST_TEST((choose_sync_step(true, true, true, true) == SyncStep::up_to_date));
  BOOST_TEST((choose_sync_step(true, false, true, false) == SyncStep::push));
  BOOST_TEST((choose_sync_step(true, false, false, true) == SyncStep::fast_forward));
  BOOST_TEST((choose_sync_step(true, false, false, false) == SyncStep::merge));
}

BOOST_AUTO_TEST_CASE(which_steps_end_in_a_push) {
  // Ours is newer, or a merge was made: the remote lacks it. A fast-forward only adds a
  // commit when notes erased here had to be erased again in what came.
  for (const bool changed : {false, true}) {
    BOOST_TEST(sync_pushes(SyncStep::push, changed));
    BOOST_TEST(sync_pushes(SyncStep::merge, changed));
    BOOST_TEST(!sync_pushes(SyncStep::up_to_date, changed));
    BOOST_TEST(sync_pushes(SyncStep::fast_forward, changed) == changed);
  }
}

BOOST_AUTO_TEST_CASE(git_failures_in_attunes_words) {
  BOOST_TEST((classify_git_failure("fatal: '/tmp/x/remote.git' does not appear to be a git "
                                   "repository\nfatal: Could not read from remote repository.") ==
              GitFailure::unreachable));
  BOOST_TEST((classify_git_failure("ssh: Could not resolve hostname example.invalid") ==
              GitFailure::unreachable));
  BOOST_TEST((classify_git_failure("fatal: could not read Username for 'https://x': terminal "
                                   "prompts disabled") == GitFailure::refused));
  BOOST_TEST((classify_git_failure(" ! [rejected]        main -> main (fetch first)") ==
              GitFailure::rejected));
  BOOST_TEST((classify_git_failure("fatal: Unable to create '/d/.git/index.lock': File exists.") ==
              GitFailure::locked));
  BOOST_TEST((classify_git_failure("usage: git merge-tree [--write-tree]") == GitFailure::too_old));
  BOOST_TEST((classify_git_failure("something else") == GitFailure::other));
  BOOST_TEST(describe_git_failure(GitFailure::unreachable, "origin") ==
             "cannot reach the remote 'origin'");
}

BOOST_AUTO_TEST_CASE(git_missing_is_exit_69) {
  BOOST_TEST(exit_code_for(ErrorKind::unavailable) == 69);
}

BOOST_AUTO_TEST_CASE(forget_warns_about_git) {
  BOOST_TEST(forget_git_warning(false, false).empty());
  BOOST_TEST(forget_git_warning(true, false).find("history") != std::string::npos);
  BOOST_TEST(forget_git_warning(true, false).find("clone") == std::string::npos);
  BOOST_TEST(forget_git_warning(true, true).find("clone") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_git_failure_hint_says_what_to_do_about_it) {
  BOOST_TEST(git_failure_hint(GitFailure::locked, "/d") ==
             "if no git is running there (a sync was killed), remove /d/.git/index.lock and "
             "sync again");
  BOOST_TEST(git_failure_hint(GitFailure::too_old, "/d") == "install a newer git");
  BOOST_TEST(git_failure_hint(GitFailure::unreachable, "/d") ==
             "run 'git -C /d status' to see why");
  BOOST_TEST(sync_pending_warning("push", GitFailure::rejected, "origin") ==
             "cannot push: the remote 'origin' changed while syncing; run 'attune sync' again");
  BOOST_TEST(sync_pending_warning("fetch", GitFailure::unreachable, "origin") ==
             "cannot fetch: cannot reach the remote 'origin'");
}

BOOST_AUTO_TEST_CASE(only_a_plan_copys_path_has_a_hash) {
  BOOST_TEST(plan_copy_hash("plans/ab12.toml").value_or("none") == "ab12");
  BOOST_TEST(plan_copy_hash("plans/notes.toml").value_or("none") == "none"); // not hex
  BOOST_TEST(plan_copy_hash("plans/ab12").value_or("none") == "none");
  BOOST_TEST(plan_copy_hash("journal").value_or("none") == "none");
}

BOOST_AUTO_TEST_CASE(what_a_sync_says_for_each_way_it_ends) {
  SyncOutcome no_remote;
  no_remote.has_remote = false;
  no_remote.committed = true;
  BOOST_TEST(sync_result_text(no_remote) == "Committed here; there is no remote to share with "
                                            "yet: 'attune sync init REMOTE' adds one.\n");
  SyncOutcome pending;
  pending.pending = true;
  BOOST_TEST(sync_result_text(pending) == "Everything is committed here; the push is pending "
                                          "until 'attune sync' reaches origin.\n");
  SyncOutcome same;
  BOOST_TEST(sync_result_text(same) == "Already in sync with origin.\n");
  same.committed = true; // up to date, but this machine committed something: it says so
  BOOST_TEST(sync_result_text(same) == "Synced with origin: nothing new from there.\n");
  SyncOutcome merged;
  merged.step = SyncStep::merge;
  merged.received = 1;
  merged.pushed = true;
  BOOST_TEST(sync_result_text(merged) ==
             "Synced with origin: 1 record from there, this machine's records sent.\n");
  merged.received = 2;
  merged.pushed = false;
  BOOST_TEST(sync_result_text(merged) == "Synced with origin: 2 records from there.\n");
}

BOOST_AUTO_TEST_CASE(what_sync_init_says) {
  BOOST_TEST(sync_init_text(false, true, std::string("/srv/j.git"), true) ==
             "Made the data folder a git repository for attune sync (committed the journal).\n"
             "Its remote 'origin' is /srv/j.git. Run 'attune sync' to share the journal.\n");
  BOOST_TEST(sync_init_text(true, false, std::nullopt, false) ==
             "The data folder's git repository is ready for attune sync.\n"
             "It has no remote yet: 'attune sync init REMOTE' adds one.\n");
  BOOST_TEST(sync_init_text(true, false, std::nullopt, true) ==
             "The data folder's git repository is ready for attune sync.\n");
}

BOOST_AUTO_TEST_SUITE_END()
