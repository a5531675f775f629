// Whole-journal rewrites (replace_journal, append_atomically) and attune's temporary files.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/store.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

struct RewriteDir {
  std::string root;
  RewriteDir() {
    std::string pattern = (fs::temp_directory_path() / "attune-rewrite.XXXXXX").string();
    BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root = pattern;
  }
  ~RewriteDir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string path(const std::string &tail) const { return root + "/" + tail; }
};

std::string read_all(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string &path, const std::string &text, time_t age_seconds = 0) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
  }
  if (age_seconds > 0) {
    const timeval then[2] = {{std::time(nullptr) - age_seconds, 0},
                             {std::time(nullptr) - age_seconds, 0}};
    BOOST_REQUIRE(::utimes(path.c_str(), then) == 0);
  }
}

std::vector<std::string> names_in(const std::string &dir) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

BOOST_AUTO_TEST_SUITE(store_rewrite)

BOOST_AUTO_TEST_CASE(temp_names_follow_one_pattern_next_to_their_target) {
  BOOST_TEST(temp_file_template("/d/journal") == "/d/.journal.attune-XXXXXX");
  BOOST_TEST(temp_file_template("out.json") == ".out.json.attune-XXXXXX");
  BOOST_TEST(temp_file_template("/d/plans/ab12.toml") == "/d/plans/.ab12.toml.attune-XXXXXX");
}

BOOST_AUTO_TEST_CASE(recognises_its_own_temporaries_and_nothing_else) {
  BOOST_TEST(is_stale_temp_name(".journal.attune-a1B2c3"));
  BOOST_TEST(is_stale_temp_name(".journal.index.attune-zzzzzz"));
  BOOST_TEST(is_stale_temp_name(".out.json.attune-Ab12Cd", "out.json"));
  BOOST_TEST(!is_stale_temp_name(".out.json.attune-Ab12Cd", "other.json"));
  BOOST_TEST(!is_stale_temp_name(".journal.attune-a1B2"));    // too short
  BOOST_TEST(!is_stale_temp_name(".journal.attune-a1B2c3d")); // too long
  BOOST_TEST(!is_stale_temp_name(".journal.attune-a1B2c!"));
  BOOST_TEST(!is_stale_temp_name(".attune-a1B2c3")); // no name
  BOOST_TEST(!is_stale_temp_name("journal"));
  BOOST_TEST(!is_stale_temp_name("journal.index"));
  BOOST_TEST(!is_stale_temp_name("journal.lock"));
  // What older attunes left in the data folder, recognised there only.
  BOOST_TEST(is_stale_temp_name("journal.index.Ab12Cd"));
  BOOST_TEST(is_stale_temp_name(".0123abcdef.toml.Ab12Cd"));
  BOOST_TEST(!is_stale_temp_name(".0123abcdef.toml.Ab12Cd", "x"));
  BOOST_TEST(!is_stale_temp_name(".NotHex.toml.Ab12Cd"));
  BOOST_TEST(!is_stale_temp_name("0123abcdef.toml"));
}

BOOST_AUTO_TEST_CASE(removes_only_stale_regular_temporaries) {
  RewriteDir dir;
  write_file(dir.path(".journal.attune-OLD111"), "x", 120);   // stale: removed
  write_file(dir.path("journal.index.OLD222"), "x", 120);     // legacy, stale: removed
  write_file(dir.path(".journal.attune-NEW333"), "x");        // fresh: may be in use
  write_file(dir.path("journal"), "attune-journal 1\n", 120); // not a temporary
  write_file(dir.path("notes.txt.attune-OLD444"), "x", 120);  // no leading dot
  BOOST_REQUIRE(fs::create_directory(dir.path(".dir.attune-OLD555")));
  BOOST_REQUIRE(::symlink("/etc/hostname", dir.path(".link.attune-OLD666").c_str()) == 0);
  BOOST_TEST(remove_stale_temp_files(dir.root) == 2U);
  const std::vector<std::string> left = {".dir.attune-OLD555", ".journal.attune-NEW333",
                                         ".link.attune-OLD666", "journal",
                                         "notes.txt.attune-OLD444"};
  BOOST_TEST(names_in(dir.root) == left, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(removes_only_the_named_targets_temporaries_in_a_shared_folder) {
  RewriteDir dir;
  write_file(dir.path(".export.json.attune-OLD111"), "x", 120);
  write_file(dir.path(".theirs.json.attune-OLD222"), "x", 120);
  BOOST_TEST(remove_stale_temp_files(dir.root, "export.json") == 1U);
  BOOST_TEST(fs::exists(dir.path(".theirs.json.attune-OLD222")));
}

BOOST_AUTO_TEST_CASE(taking_the_lock_cleans_the_data_and_plans_folders) {
  RewriteDir dir;
  const JournalStore store(dir.root);
  fs::create_directories(dir.path("plans"));
  write_file(dir.path(".journal.attune-OLD111"), "private", 120);
  write_file(dir.path("plans/.ab12.toml.attune-OLD222"), "plan", 120);
  write_file(dir.path("plans/.ab12.toml.Ab12Cd"), "plan", 120);
  { const auto lock = store.lock(milliseconds(1000)); }
  BOOST_TEST(names_in(dir.root) == std::vector<std::string>({"journal.lock", "plans"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in(dir.path("plans")).empty());
}

BOOST_AUTO_TEST_CASE(replace_journal_swaps_the_whole_file_and_drops_the_index) {
  RewriteDir dir;
  const JournalStore store(dir.root);
  const auto lock = store.lock(milliseconds(1000));
  store.append(lock, store.read(milliseconds(0), &lock), {note_n(1, "one")});
  (void)store.read_run(milliseconds(0), std::nullopt, &lock); // writes journal.index
  BOOST_REQUIRE(fs::exists(store.index_path()));
  const std::string text = journal_header() + format_record(note_n(2, "two"));
  store.replace_journal(lock, text);
  BOOST_TEST(read_all(store.journal_path()) == text);
  BOOST_TEST(!fs::exists(store.index_path()));
  struct stat st {};
  BOOST_REQUIRE(::stat(store.journal_path().c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600U);
  BOOST_TEST(names_in(dir.root) == std::vector<std::string>({"journal", "journal.lock"}),
             boost::test_tools::per_element());
  BOOST_TEST(store.read_text(lock) == text);
}

BOOST_AUTO_TEST_CASE(replace_journal_failing_leaves_the_journal_and_no_temporary) {
  if (::geteuid() == 0)
    return; // root writes into a read-only folder
  RewriteDir dir;
  const JournalStore store(dir.root);
  const auto lock = store.lock(milliseconds(1000));
  store.append(lock, store.read(milliseconds(0), &lock), {note_n(1, "one")});
  const std::string before = read_all(store.journal_path());
  BOOST_REQUIRE(::chmod(dir.root.c_str(), 0500) == 0);
  try {
    store.replace_journal(lock, "attune-journal 1\n");
    BOOST_FAIL("expected an error");
  } catch (const Error &e) {
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::permission));
    BOOST_TEST(std::string(e.what()).find("nothing was saved") != std::string::npos);
  }
  BOOST_REQUIRE(::chmod(dir.root.c_str(), 0700) == 0);
  BOOST_TEST(read_all(store.journal_path()) == before);
}

BOOST_AUTO_TEST_CASE(append_atomically_writes_what_append_would) {
  // A torn tail is closed with a LF first; a new file gets its version line.
  RewriteDir a;
  RewriteDir b;
  const JournalStore plain(a.root);
  const JournalStore atomic(b.root);
  for (const JournalStore *store : {&plain, &atomic}) {
    const auto lock = store->lock(milliseconds(1000));
    const std::vector<Record> first = {note_n(1, "one")};
    if (store == &plain)
      store->append(lock, store->read(milliseconds(0), &lock), first);
    else
      store->append_atomically(lock, store->read(milliseconds(0), &lock), first);
    std::ofstream(store->journal_path(), std::ios::app) << "0000000000000009\tnote\t2026";
    // Given with their cmd (as import gives records): append would add the same one, since
    // it treats its records as one command; append_atomically writes them as given.
    std::vector<Record> more = {note_n(2, "two"), note_n(3, "three")};
    for (Record &r : more)
      r.cmd = more.front().id;
    if (store == &plain)
      store->append(lock, store->read(milliseconds(0), &lock), more);
    else
      store->append_atomically(lock, store->read(milliseconds(0), &lock), more);
  }
  BOOST_TEST(read_all(atomic.journal_path()) == read_all(plain.journal_path()));
}

BOOST_AUTO_TEST_CASE(append_atomically_refuses_a_journal_from_a_newer_attune) {
  RewriteDir dir;
  const JournalStore store(dir.root);
  write_file(store.journal_path(), "attune-journal 99\n");
  const auto lock = store.lock(milliseconds(1000));
  BOOST_CHECK_THROW(
      store.append_atomically(lock, store.read(milliseconds(0), &lock), {note_n(1, "one")}), Error);
  BOOST_TEST(read_all(store.journal_path()) == "attune-journal 99\n");
}

BOOST_AUTO_TEST_SUITE_END()
