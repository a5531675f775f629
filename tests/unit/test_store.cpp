#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/store.hpp"

using namespace attune;
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

Record note(unsigned n, const std::string &text = "hello") {
  Record r;
  char id[17];
  std::snprintf(id, sizeof id, "%016x", n);
  r.id = id;
  r.type = RecordType::note;
  r.day = *parse_iso_day("2026-11-20");
  r.recorded = *parse_instant("2026-11-20T08:30:00Z");
  r.zone = "UTC";
  r.run = 1;
  r.text = text;
  return r;
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
    store.append(lock, store.read(milliseconds(0), &lock), {note(1)});
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
  store.append(lock, store.read(milliseconds(0), &lock), {note(1), note(2)});
  BOOST_TEST(slurp(store.journal_path()) ==
             journal_header() + format_record(note(1)) + format_record(note(2)));
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

BOOST_AUTO_TEST_CASE(append_after_a_torn_tail_starts_a_fresh_line_and_keeps_the_torn_one) {
  TempDir t;
  JournalStore store(t.root);
  const std::string torn = format_record(note(2)).substr(0, 30);
  spit(store.journal_path(), journal_header() + format_record(note(1)) + torn);
  auto lock = store.lock(milliseconds(1000));
  const Journal before = store.read(milliseconds(0), &lock);
  BOOST_TEST(before.torn_tail);
  store.append(lock, before, {note(3)});
  BOOST_TEST(slurp(store.journal_path()) ==
             journal_header() + format_record(note(1)) + torn + "\n" + format_record(note(3)));
  const Journal after = store.read(milliseconds(0), &lock);
  BOOST_TEST(after.records.size() == 2U);
  BOOST_REQUIRE(after.problems.size() == 1U);
  BOOST_TEST(after.problems[0].line == 3U);
  BOOST_TEST(!after.torn_tail);
}

BOOST_AUTO_TEST_CASE(refuses_to_write_a_newer_journal_and_leaves_it_untouched) {
  TempDir t;
  JournalStore store(t.root);
  const std::string text = "attune-journal 2\n" + format_record(note(1));
  spit(store.journal_path(), text);
  auto lock = store.lock(milliseconds(1000));
  const Journal j = store.read(milliseconds(0), &lock);
  BOOST_TEST(j.newer_version);
  BOOST_TEST(j.records.size() == 1U);
  const Error e = error_from([&] { store.append(lock, j, {note(2)}); });
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
  const Error e = error_from([&] { store.append(lock, Journal{}, {note(2)}); });
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
  BOOST_TEST(kind(e) == kind(ErrorKind::io));
  BOOST_TEST(std::string(e.what()) ==
             "the journal \"" + store.journal_path() + "\" is a folder, not a file");
  auto lock = store.lock(milliseconds(1000));
  const Error w = error_from([&] { store.append(lock, Journal{}, {note(1)}); });
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
  const Error w = error_from([&] { store.append(lock, Journal{}, {note(1)}); });
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
  std::size_t entries = 0;
  for (const auto &entry : fs::directory_iterator(t.path("plans"))) {
    (void)entry;
    ++entries;
  }
  BOOST_TEST(entries == 1U); // no temp file left behind
  const Error e = error_from([&] { store.save_plan_copy(lock, "../x", "t"); });
  BOOST_TEST(kind(e) == kind(ErrorKind::invalid));
}

BOOST_AUTO_TEST_CASE(warns_with_the_fix_when_others_can_read_the_journal) {
  TempDir t;
  JournalStore store(t.path("data"));
  {
    auto lock = store.lock(milliseconds(1000));
    store.append(lock, Journal{}, {note(1)});
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
  BOOST_TEST(std::string(e.what()) == "\"" + t.path("data") + "\" is not a folder");
}

BOOST_AUTO_TEST_SUITE_END()
