#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/store.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

/// A fresh folder under /tmp, removed afterwards; sets umask 000 for the test's duration so
/// every permission we see was set explicitly.
struct TempDir {
  std::string root;
  mode_t old_umask;
  TempDir() : old_umask(::umask(0)) {
    std::string pattern = (fs::temp_directory_path() / "attune-store.XXXXXX").string();
    BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root = pattern;
  }
  ~TempDir() {
    ::umask(old_umask);
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string path(const std::string &tail) const { return root + "/" + tail; }
};

unsigned mode_of(const std::string &path) {
  struct stat st {};
  BOOST_REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::string &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

template <class F> Error error_from(F &&f) {
  try {
    f();
  } catch (const Error &e) {
    return e;
  }
  BOOST_FAIL("expected an attune::Error");
  return Error(ErrorKind::usage, "unreachable");
}

int kind(const Error &e) {
  return static_cast<int>(e.kind());
}
int kind(ErrorKind k) {
  return static_cast<int>(k);
}

} // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(creates_folders_0700_and_files_0600_under_umask_000) {
  TempDir t;
  JournalStore store(t.path("a/b/data"));
  {
    auto lock = store.lock(milliseconds(1000));
    store.append(lock, store.read(milliseconds(0), &lock), {note_n(1)});
    store.save_plan_copy(lock, "abc123", "id = \"x\"\n");
  }
  BOOST_TEST(mode_of(t.path("a")) == 0700U);
  BOOST_TEST(mode_of(t.path("a/b/data")) == 0700U);
  BOOST_TEST(mode_of(t.path("a/b/data/journal")) == 0600U);
  BOOST_TEST(mode_of(t.path("a/b/data/journal.lock")) == 0600U);
  BOOST_TEST(mode_of(t.path("a/b/data/plans")) == 0700U);
  BOOST_TEST(mode_of(t.path("a/b/data/plans/abc123.toml")) == 0600U);
  BOOST_TEST(store.warnings().empty());
}

BOOST_AUTO_TEST_CASE(new_journal_starts_with_the_version_line) {
  TempDir t;
  JournalStore store(t.root);
  auto lock = store.lock(milliseconds(1000));
  store.append(lock, store.read(milliseconds(0), &lock), {note_n(1), note_n(2)});
  // One append is one command: both records carry the first one's id as cmd (undo.hpp).
  Record first = note_n(1), second = note_n(2);
  first.cmd = second.cmd = first.id;
  BOOST_TEST(slurp(store.journal_path()) ==
             journal_header() + format_record(first) + format_record(second));
  const Journal j = store.read(milliseconds(0), &lock);
  BOOST_TEST(j.records.size() == 2U);
  BOOST_TEST(j.problems.empty());
}

BOOST_AUTO_TEST_CASE(reading_a_missing_folder_is_an_empty_journal_and_creates_nothing) {
  TempDir t;
  JournalStore store(t.path("nothing-here"));
  const Journal j = store.read(milliseconds(100));
  BOOST_TEST(j.records.empty());
  BOOST_TEST(!fs::exists(t.path("nothing-here")));
}

BOOST_AUTO_TEST_CASE(the_three_readers_take_the_shared_lock_alike) {
  // read, read_run and snapshot: the same answer to a missing folder, a file in its place,
  // a writer holding the lock and (not as root) a folder they may not create the lock in.
  TempDir t;
  JournalStore missing(t.path("nothing-here"));
  BOOST_TEST(missing.read(milliseconds(100)).records.empty());
  BOOST_TEST(missing.read_run(milliseconds(100), std::nullopt).records.empty());
  BOOST_TEST(missing.snapshot(milliseconds(100)).size() == 0U);
  BOOST_TEST(!fs::exists(t.path("nothing-here")));

  spit(t.path("a-file"), "x");
  JournalStore file(t.path("a-file"));
  for (const Error &e : {error_from([&] { file.read(milliseconds(100)); }),
                         error_from([&] { file.read_run(milliseconds(100), 1U); }),
                         error_from([&] { file.snapshot(milliseconds(100)); })}) {
    BOOST_TEST(kind(e) == kind(ErrorKind::permission));
    BOOST_TEST(std::string(e.what()) == "\"" + t.path("a-file") + "\" is not a folder");
    BOOST_TEST(e.hint() == "move it away or choose another --data-dir");
  }

  JournalStore store(t.path("data"));
  {
    auto held = store.lock(milliseconds(1000));
    store.append(held, Journal{}, {note_n(1)});
    for (const Error &e : {error_from([&] { store.read(milliseconds(50)); }),
                           error_from([&] { store.read_run(milliseconds(50), std::nullopt); }),
                           error_from([&] { store.snapshot(milliseconds(50)); })}) {
      BOOST_TEST(kind(e) == kind(ErrorKind::busy));
      BOOST_TEST(std::string(e.what()) ==
                 "another attune is running and holds the journal in \"" + t.path("data") + "\"");
    }
  }
  if (::geteuid() == 0)
    return; // root may create the lock file in any folder; covered by the non-root runs
  fs::remove(t.path("data/journal.lock"));
  ::chmod(t.path("data").c_str(), 0500); // a backup, a read-only mount: no writer either
  BOOST_TEST(store.read(milliseconds(100)).records.size() == 1U);
  BOOST_TEST(store.read_run(milliseconds(100), std::nullopt).records.size() == 1U);
  BOOST_TEST(store.snapshot(milliseconds(100)).size() == slurp(store.journal_path()).size());
  BOOST_TEST(!fs::exists(t.path("data/journal.lock")));
  ::chmod(t.path("data").c_str(), 0700);
}

BOOST_AUTO_TEST_CASE(append_after_a_torn_tail_starts_a_fresh_line_and_keeps_the_torn_one) {
  TempDir t;
  JournalStore store(t.root);
  const std::string torn = format_record(note_n(2)).substr(0, 30);
  spit(store.journal_path(), journal_header() + format_record(note_n(1)) + torn);
  auto lock = store.lock(milliseconds(1000));
  const Journal before = store.read(milliseconds(0), &lock);
  BOOST_TEST(before.torn_tail);
  store.append(lock, before, {note_n(3)});
  BOOST_TEST(slurp(store.journal_path()) ==
             journal_header() + format_record(note_n(1)) + torn + "\n" + format_record(note_n(3)));
  const Journal after = store.read(milliseconds(0), &lock);
  BOOST_TEST(after.records.size() == 2U);
  BOOST_REQUIRE(after.problems.size() == 1U);
  BOOST_TEST(after.problems[0].line == 3U);
  BOOST_TEST(!after.torn_tail);
}

BOOST_AUTO_TEST_CASE(refuses_to_write_a_newer_journal_and_leaves_it_untouched) {
  TempDir t;
  JournalStore store(t.root);
  const std::string text = "attune-journal 2\n" + format_record(note_n(1));
  spit(store.journal_path(), text);
  auto lock = store.lock(milliseconds(1000));
  const Journal j = store.read(milliseconds(0), &lock);
  BOOST_TEST(j.newer_version);
  BOOST_TEST(j.records.size() == 1U);
  const Error e = error_from([&] { store.append(lock, j, {note_n(2)}); });
  BOOST_TEST(kind(e) == kind(ErrorKind::data));
  BOOST_TEST(std::string(e.what()) == "the journal \"" + store.journal_path() +
                                          "\" was written by a newer attune (format 2); "
                                          "not writing to it");
  BOOST_TEST(slurp(store.journal_path()) == text);
}

BOOST_AUTO_TEST_CASE(refuses_a_newer_journal_even_when_given_a_stale_read) {
  TempDir t;
  JournalStore store(t.root);
  const std::string text = "attune-journal 3\n";
  spit(store.journal_path(), text);
  auto lock = store.lock(milliseconds(1000));
  const Error e = error_from([&] { store.append(lock, Journal{}, {note_n(2)}); });
  BOOST_TEST(kind(e) == kind(ErrorKind::data));
  BOOST_TEST(slurp(store.journal_path()) == text);
}

BOOST_AUTO_TEST_CASE(a_second_lock_times_out_as_busy) {
  TempDir t;
  JournalStore store(t.root);
  auto held = store.lock(milliseconds(1000));
  const Error e = error_from([&] { store.lock(milliseconds(50)); });
  BOOST_TEST(kind(e) == kind(ErrorKind::busy));
  BOOST_TEST(std::string(e.what()) ==
             "another attune is running and holds the journal in \"" + t.root + "\"");
  const Error r = error_from([&] { store.read(milliseconds(50)); });
  BOOST_TEST(kind(r) == kind(ErrorKind::busy));
}

BOOST_AUTO_TEST_CASE(lock_is_released_when_dropped) {
  TempDir t;
  JournalStore store(t.root);
  { auto held = store.lock(milliseconds(1000)); }
  auto again = store.lock(milliseconds(0));
  auto moved = std::move(again);
  BOOST_TEST(fs::exists(t.path("journal.lock")));
}

BOOST_AUTO_TEST_CASE(a_folder_where_the_journal_should_be_is_a_clear_error) {
  TempDir t;
  JournalStore store(t.root);
  fs::create_directory(store.journal_path());
  const Error e = error_from([&] { store.read(milliseconds(100)); });
  // As for a symbolic link: a file attune may not use (exit 77), not an I/O failure.
  BOOST_TEST(kind(e) == kind(ErrorKind::permission));
  BOOST_TEST(std::string(e.what()) ==
             "the journal \"" + store.journal_path() + "\" is a folder, not a file");
  auto lock = store.lock(milliseconds(1000));
  const Error w = error_from([&] { store.append(lock, Journal{}, {note_n(1)}); });
  BOOST_TEST(kind(w) == kind(ErrorKind::permission));
  BOOST_TEST(std::string(w.what()) ==
             "the journal \"" + store.journal_path() + "\" is a folder, not a file");
}

BOOST_AUTO_TEST_CASE(a_symlinked_journal_is_not_followed) {
  TempDir t;
  JournalStore store(t.path("data"));
  fs::create_directory(t.path("data"));
  spit(t.path("elsewhere"), journal_header());
  fs::create_symlink(t.path("elsewhere"), store.journal_path());
  const Error e = error_from([&] { store.read(milliseconds(100)); });
  BOOST_TEST(kind(e) == kind(ErrorKind::permission));
  BOOST_TEST(std::string(e.what()).find("is a symbolic link; attune does not follow links") !=
             std::string::npos);
  auto lock = store.lock(milliseconds(1000));
  const Error w = error_from([&] { store.append(lock, Journal{}, {note_n(1)}); });
  BOOST_TEST(std::string(w.what()).find("is a symbolic link") != std::string::npos);
  BOOST_TEST(slurp(t.path("elsewhere")) == journal_header());
}

BOOST_AUTO_TEST_CASE(a_huge_file_is_not_read_as_a_journal) {
  TempDir t;
  JournalStore store(t.root);
  spit(store.journal_path(), "");
  fs::resize_file(store.journal_path(), 300ULL * 1024 * 1024); // sparse: costs no disk
  const Error e = error_from([&] { store.read(milliseconds(100)); });
  BOOST_TEST(kind(e) == kind(ErrorKind::data));
  BOOST_TEST(std::string(e.what()) ==
             "the journal \"" + store.journal_path() + "\" is too large to be a journal (300 MiB)");
}

BOOST_AUTO_TEST_CASE(unreadable_journal_is_a_permission_error) {
  if (::geteuid() == 0)
    return; // root reads anything; covered by the non-root runs
  TempDir t;
  JournalStore store(t.root);
  spit(store.journal_path(), journal_header());
  ::chmod(store.journal_path().c_str(), 0);
  const Error e = error_from([&] { store.read(milliseconds(100)); });
  BOOST_TEST(kind(e) == kind(ErrorKind::permission));
  BOOST_TEST(std::string(e.what()).find("cannot read the journal") == 0U);
}

BOOST_AUTO_TEST_CASE(plan_copies_are_saved_once_and_loaded_by_hash) {
  TempDir t;
  JournalStore store(t.root);
  auto lock = store.lock(milliseconds(1000));
  store.save_plan_copy(lock, "beef", "first\n");
  store.save_plan_copy(lock, "beef", "second\n");
  BOOST_TEST(*store.load_plan_copy("beef") == "first\n");
  BOOST_TEST(!store.load_plan_copy("dead"));
  BOOST_TEST(!store.load_plan_copy("../journal"));
  // One that is there but cannot be used is an error, never taken for a missing one.
  BOOST_REQUIRE(::mkfifo(t.path("plans/f00d.toml").c_str(), 0600) == 0);
  const Error fifo = error_from([&] { store.load_plan_copy("f00d"); });
  BOOST_TEST(kind(fifo) == kind(ErrorKind::permission));
  ::unlink(t.path("plans/f00d.toml").c_str());
  std::size_t entries = 0;
  for (const auto &entry : fs::directory_iterator(t.path("plans"))) {
    (void)entry;
    ++entries;
  }
  BOOST_TEST(entries == 1U); // no temp file left behind (the FIFO is gone again)
  const Error e = error_from([&] { store.save_plan_copy(lock, "../x", "t"); });
  BOOST_TEST(kind(e) == kind(ErrorKind::invalid));
}

BOOST_AUTO_TEST_CASE(warns_with_the_fix_when_others_can_read_the_journal) {
  TempDir t;
  JournalStore store(t.path("data"));
  {
    auto lock = store.lock(milliseconds(1000));
    store.append(lock, Journal{}, {note_n(1)});
  }
  ::chmod(store.journal_path().c_str(), 0644);
  ::chmod(t.path("data").c_str(), 0755);
  const auto warnings = store.warnings();
  BOOST_REQUIRE(warnings.size() == 2U);
  BOOST_TEST(warnings[0] == "the folder \"" + t.path("data") +
                                "\" can be opened by other users; run 'chmod 700 " +
                                t.path("data") + "' to keep it private");
  BOOST_TEST(warnings[1] == "the journal \"" + store.journal_path() +
                                "\" can be read by other users; run 'chmod 600 " +
                                store.journal_path() + "' to keep it private");
}

BOOST_AUTO_TEST_CASE(a_file_where_the_folder_should_be_is_a_clear_error) {
  TempDir t;
  spit(t.path("data"), "x");
  JournalStore store(t.path("data"));
  const Error e = error_from([&] { store.lock(milliseconds(100)); });
  BOOST_TEST(kind(e) == kind(ErrorKind::permission));
  BOOST_TEST(std::string(e.what()) == "\"" + t.path("data") + "\" is not a folder");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

Record in_run(Record r, unsigned run) {
  r.run = run;
  return r;
}

/// The journal's records as parse_journal + the selective reader give them for `run`.
std::string expected_run(const std::string &journal_text, std::optional<unsigned> run) {
  const JournalSource whole = [&journal_text](std::uint64_t from,
                                              const std::function<bool(std::string_view)> &sink) {
    sink(std::string_view(journal_text).substr(static_cast<std::size_t>(from)));
  };
  std::string out;
  for (const Record &r : parse_journal_run(whole, run).records)
    out += format_record(r);
  return out;
}

std::string lines(const Journal &j) {
  std::string out;
  for (const Record &r : j.records)
    out += format_record(r);
  return out;
}

/// A clean journal of three runs, written through the store.
void three_runs(JournalStore &store) {
  auto lock = store.lock(milliseconds(1000));
  std::vector<Record> records;
  for (unsigned n = 1; n <= 30; ++n)
    records.push_back(in_run(note_n(n, "note " + std::to_string(n)), 1 + (n - 1) / 10));
  store.append(lock, store.read(milliseconds(0), &lock), records);
}

} // namespace

BOOST_AUTO_TEST_SUITE(journal_index)

BOOST_AUTO_TEST_CASE(a_read_writes_a_private_index_that_later_reads_use) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  BOOST_TEST(!fs::exists(store.index_path())); // whole-file reads do not make one
  const Journal first = store.read_run(milliseconds(1000), std::nullopt);
  BOOST_REQUIRE(fs::exists(store.index_path()));
  BOOST_TEST(mode_of(store.index_path()) == 0600U);
  const auto summary = parse_journal_summary(slurp(store.index_path()));
  BOOST_REQUIRE(summary.has_value());
  BOOST_TEST(summary->size == fs::file_size(store.journal_path()));
  BOOST_TEST(summary->runs.size() == 3U);
  BOOST_TEST(summary->newest_run == 3U);
  const Journal second = store.read_run(milliseconds(1000), std::nullopt);
  const std::string text = slurp(store.journal_path());
  BOOST_TEST(lines(first) == expected_run(text, std::nullopt));
  BOOST_TEST(lines(second) == lines(first));
  BOOST_TEST(second.record_count == 30U);
  BOOST_TEST(lines(store.read_run(milliseconds(1000), 1U)) == expected_run(text, 1U));
  for (const auto &entry : fs::directory_iterator(t.root)) // no temporary file left
    BOOST_TEST(entry.path().filename().string().rfind("journal.index.", 0) != 0U);
}

BOOST_AUTO_TEST_CASE(an_append_after_an_indexed_read_keeps_the_index_current) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  (void)store.read_run(milliseconds(1000), std::nullopt);
  {
    auto lock = store.lock(milliseconds(1000));
    const Journal j = store.read_run(milliseconds(0), std::nullopt, &lock);
    store.append(lock, j, {in_run(note_n(31), 3), in_run(note_n(32), 4)});
  }
  const auto summary = parse_journal_summary(slurp(store.index_path()));
  BOOST_REQUIRE(summary.has_value());
  BOOST_TEST(summary->size == fs::file_size(store.journal_path()));
  BOOST_TEST(summary->newest_run == 4U);
  BOOST_TEST(summary->record_count == 32U);
  const std::string text = slurp(store.journal_path());
  const std::string index_before = slurp(store.index_path());
  const Journal newest = store.read_run(milliseconds(1000), std::nullopt);
  BOOST_TEST(slurp(store.index_path()) == index_before); // used as it was, not rebuilt
  BOOST_TEST(lines(newest) == expected_run(text, std::nullopt));
  Record appended = in_run(note_n(32), 4);
  appended.cmd = note_n(31).id; // written in one append with note 31: one command
  BOOST_TEST(lines(newest) == format_record(appended));
  BOOST_TEST(lines(store.read_run(milliseconds(1000), 3U)) == expected_run(text, 3U));
  BOOST_TEST(store.read_run(milliseconds(1000), 3U).records.size() == 11U);
}

/// The summary in the index file without its stamp (which only a store can know).
std::string summary_without_stamp(const std::string &index) {
  auto summary = parse_journal_summary(slurp(index));
  BOOST_REQUIRE(summary.has_value());
  summary->stamp = "0";
  return format_journal_summary(*summary);
}

Record started(unsigned n, unsigned run) {
  Record r = in_run(note_n(n), run);
  r.type = RecordType::start;
  r.text.clear();
  r.plan_id = "avoidant";
  return r;
}

// Worked example: runs 1 and 2 each begin with a start record; `attune undo` withdraws
// note 5 of run 2. The undo line joins run 2's span, so the index stays in use and is the
// one a whole read would make.
BOOST_AUTO_TEST_CASE(an_undo_after_an_indexed_read_keeps_the_index_current) {
  TempDir t;
  JournalStore store(t.root);
  {
    auto lock = store.lock(milliseconds(1000));
    store.append(lock, store.read(milliseconds(0), &lock),
                 {started(1, 1), in_run(note_n(2), 1), in_run(note_n(3), 1), started(4, 2),
                  in_run(note_n(5), 2), in_run(note_n(6), 2)});
  }
  (void)store.read_run(milliseconds(1000), std::nullopt); // makes the index
  {
    auto lock = store.lock(milliseconds(1000));
    const Journal j = store.read_run(milliseconds(0), std::nullopt, &lock);
    Record undo = in_run(note_n(7), 2);
    undo.type = RecordType::undo;
    undo.text.clear();
    undo.ref = note_n(5).id;
    store.append(lock, j, {undo});
  }
  const std::string kept = summary_without_stamp(store.index_path());
  const std::string text = slurp(store.journal_path());
  const Journal newest = store.read_run(milliseconds(1000), std::nullopt);
  BOOST_TEST(lines(newest) == expected_run(text, std::nullopt));
  BOOST_TEST(build_history(newest).runs.back().records.size() == 2U); // note 5 withdrawn
  fs::remove(store.index_path());
  (void)store.read_run(milliseconds(1000), std::nullopt); // a whole read makes it afresh
  BOOST_TEST(summary_without_stamp(store.index_path()) == kept);
}

// Without the run's start among the records read, the undo may leave the run with nothing in
// effect: the index is not extended, and the next read rebuilds it from the whole file.
BOOST_AUTO_TEST_CASE(an_undo_that_may_empty_a_run_leaves_the_index_to_be_rebuilt) {
  TempDir t;
  JournalStore store(t.root);
  {
    auto lock = store.lock(milliseconds(1000));
    store.append(lock, store.read(milliseconds(0), &lock),
                 {started(1, 1), in_run(note_n(2), 1), in_run(note_n(3), 2)});
  }
  (void)store.read_run(milliseconds(1000), std::nullopt);
  const std::string before = slurp(store.index_path());
  {
    auto lock = store.lock(milliseconds(1000));
    const Journal j = store.read_run(milliseconds(0), std::nullopt, &lock);
    Record undo = in_run(note_n(4), 2);
    undo.type = RecordType::undo;
    undo.text.clear();
    undo.ref = note_n(3).id;
    store.append(lock, j, {undo});
  }
  BOOST_TEST(slurp(store.index_path()) == before); // not extended: stale, so not used
  const std::string text = slurp(store.journal_path());
  const Journal newest = store.read_run(milliseconds(1000), std::nullopt);
  BOOST_TEST(newest.newest_run == 1U); // run 2 is gone
  BOOST_TEST(lines(newest) == expected_run(text, std::nullopt));
}

ino_t inode_of(const std::string &path) {
  struct stat st {};
  BOOST_REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_ino;
}

BOOST_AUTO_TEST_CASE(an_append_rewrites_the_index_in_place_and_cuts_what_is_left_over) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  (void)store.read_run(milliseconds(1000), std::nullopt);
  const ino_t inode = inode_of(store.index_path());
  {
    auto lock = store.lock(milliseconds(1000));
    const Journal j = store.read_run(milliseconds(0), std::nullopt, &lock);
    // Longer than what the append writes: the rewrite must not leave the tail behind.
    spit(store.index_path(), slurp(store.index_path()) + std::string(4096, 'x'));
    ::chmod(store.index_path().c_str(), 0600);
    store.append(lock, j, {in_run(note_n(31), 3)});
  }
  BOOST_TEST(inode_of(store.index_path()) == inode); // same file: no temporary, no rename
  const auto summary = parse_journal_summary(slurp(store.index_path()));
  BOOST_REQUIRE(summary.has_value());
  BOOST_TEST(summary->size == fs::file_size(store.journal_path()));
  BOOST_TEST(summary->record_count == 31U);
  BOOST_TEST(lines(store.read_run(milliseconds(1000), std::nullopt)) ==
             expected_run(slurp(store.journal_path()), std::nullopt));
}

BOOST_AUTO_TEST_CASE(an_index_that_is_a_link_or_not_private_is_replaced_not_written_through) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  const std::string elsewhere = t.root + "/elsewhere";
  for (const bool link : {true, false}) {
    (void)store.read_run(milliseconds(1000), std::nullopt);
    auto lock = store.lock(milliseconds(1000));
    const Journal j = store.read_run(milliseconds(0), std::nullopt, &lock);
    if (link) {
      spit(elsewhere, slurp(store.index_path()));
      fs::remove(store.index_path());
      fs::create_symlink(elsewhere, store.index_path());
    } else {
      ::chmod(store.index_path().c_str(), 0644);
    }
    const std::string before = slurp(link ? elsewhere : store.index_path());
    store.append(lock, j, {in_run(note_n(link ? 41 : 42), 3)});
    BOOST_TEST(!fs::is_symlink(store.index_path()));
    BOOST_TEST(mode_of(store.index_path()) == 0600U);
    if (link)
      BOOST_TEST(slurp(elsewhere) == before);
    const auto summary = parse_journal_summary(slurp(store.index_path()));
    BOOST_REQUIRE(summary.has_value());
    BOOST_TEST(summary->size == fs::file_size(store.journal_path()));
  }
}

BOOST_AUTO_TEST_CASE(a_journal_changed_behind_its_back_is_read_in_full_again) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  (void)store.read_run(milliseconds(1000), std::nullopt);
  const std::string index_before = slurp(store.index_path());
  // Another program appends (a synced copy, an older attune): the stamp no longer matches.
  spit(store.journal_path(), slurp(store.journal_path()) + format_record(in_run(note_n(40), 3)));
  const Journal j = store.read_run(milliseconds(1000), std::nullopt);
  BOOST_TEST(j.records.size() == 11U);
  BOOST_TEST(j.records.back().id == note_n(40).id);
  BOOST_TEST(slurp(store.index_path()) != index_before);
  // Same size, other bytes: a note's text changed in place.
  std::string text = slurp(store.journal_path());
  const Record changed = in_run(note_n(40, "HELLO"), 3);
  text.replace(text.size() - format_record(changed).size(), std::string::npos,
               format_record(changed));
  spit(store.journal_path(), text);
  BOOST_TEST(store.read_run(milliseconds(1000), std::nullopt).records.back().text == "HELLO");
}

BOOST_AUTO_TEST_CASE(a_damaged_or_foreign_index_is_ignored_and_replaced) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  const std::string text = slurp(store.journal_path());
  for (const std::string &bad : {std::string("garbage\n"), std::string(),
                                 std::string("attune-journal-index 1\nstamp 1:2\n")}) {
    spit(store.index_path(), bad);
    BOOST_TEST(lines(store.read_run(milliseconds(1000), std::nullopt)) ==
               expected_run(text, std::nullopt));
    BOOST_TEST(parse_journal_summary(slurp(store.index_path())).has_value());
  }
  fs::remove(store.index_path());
  fs::create_directory(store.index_path()); // a folder in its place: read in full, no error
  BOOST_TEST(lines(store.read_run(milliseconds(1000), 2U)) == expected_run(text, 2U));
}

BOOST_AUTO_TEST_CASE(a_damaged_journal_gets_no_index) {
  TempDir t;
  JournalStore store(t.root);
  three_runs(store);
  spit(store.journal_path(), slurp(store.journal_path()) + "not a record\n");
  const Journal j = store.read_run(milliseconds(1000), std::nullopt);
  BOOST_TEST(j.problems.size() == 1U);
  BOOST_TEST(!fs::exists(store.index_path()));
  BOOST_TEST(store.read_run(milliseconds(1000), std::nullopt).problems.size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
