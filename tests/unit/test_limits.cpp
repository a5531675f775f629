#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/input_file.hpp"
#include "attune/limits.hpp"
#include "attune/store.hpp"
#include "fixtures.hpp"

using namespace attune;
using namespace attune::testing;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

struct TempDir {
  std::string root;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "attune-limits.XXXXXX").string();
    BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string path(const std::string &tail) const { return root + "/" + tail; }
};

Record note(const std::string &text, RecordType type = RecordType::note) {
  Record r = record_on("00000000000000aa", type, "2026-11-20", "UTC");
  r.exercise = type == RecordType::skip ? "catch-the-urge" : "";
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

} // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(a_note_at_the_limit_passes_and_one_byte_more_is_refused) {
  BOOST_CHECK_NO_THROW(check_record_limits(note(std::string(max_note_bytes, 'a'))));
  const Error e =
      error_from([] { check_record_limits(note(std::string(max_note_bytes + 1, 'a'))); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::data));
  BOOST_TEST(std::string(e.what()) ==
             "the note is too long to record (65537 bytes; at most 64 KiB); nothing was written");
  const Error r = error_from(
      [] { check_record_limits(note(std::string(max_note_bytes + 1, 'a'), RecordType::skip)); });
  BOOST_TEST(std::string(r.what()).find("the reason is too long") == 0U);
}

BOOST_AUTO_TEST_CASE(a_note_at_the_limit_fits_a_line_even_when_every_byte_is_escaped) {
  // 64 KiB of control bytes: each written as \xHH, four times the bytes, still one line.
  const Record worst = note(std::string(max_note_bytes, '\x01'));
  BOOST_TEST(format_record(worst).size() > 4 * max_note_bytes);
  BOOST_TEST(format_record(worst).size() <= max_line_bytes);
  BOOST_CHECK_NO_THROW(check_record_limits(worst));
}

BOOST_AUTO_TEST_CASE(a_line_over_the_limit_is_refused_and_the_bound_never_falls_short) {
  // check_record_limits writes the line only when journal_line_bound is over the limit: the
  // bound must never be below the line, whatever the text (escaped bytes grow fourfold).
  Record long_name = note("x", RecordType::done);
  long_name.exercise = std::string(300 * 1024, '\x01'); // 1.2 MB once escaped
  const Error e = error_from([&] { check_record_limits(long_name); });
  BOOST_TEST(std::string(e.what()).find("the record is too long to be a journal line (") == 0U);
  long_name.exercise = std::string(300 * 1024, 'a'); // over the bound's shortcut, not the limit
  BOOST_TEST(journal_line_bound(long_name) > max_line_bytes);
  BOOST_CHECK_NO_THROW(check_record_limits(long_name));

  std::string every_byte;
  for (int b = 0; b < 256; ++b)
    every_byte += static_cast<char>(b);
  for (const std::string &text : {every_byte, std::string(5000, '\\'), std::string("a")}) {
    for (int t = 0; t < 15; ++t) {
      Record r = note(text, static_cast<RecordType>(t));
      r.zone = text;
      r.exercise = r.plan_id = r.plan_hash = r.question = r.ref = r.cmd = text;
      r.answers = std::vector<int>(30, -2147483647 - 1);
      r.refs = {text, text, text};
      r.week = 4294967295U;
      r.times = 4294967295U;
      r.until = Day{date::year{9999} / 12 / 31};
      r.day = Day{date::year{12345} / 1 / 1};
      BOOST_TEST(journal_line_bound(r) >= format_record(r).size(), "type " << t);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_journal_may_grow_to_its_limit_and_not_one_byte_past) {
  BOOST_CHECK_NO_THROW(check_journal_growth(max_journal_bytes - 10, 10, "j"));
  BOOST_CHECK_NO_THROW(check_journal_growth(0, max_journal_bytes, "j"));
  const Error e = error_from([] { check_journal_growth(max_journal_bytes - 10, 11, "j"); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::data));
  BOOST_TEST(
      std::string(e.what()) ==
      "the journal \"j\" would grow past 256 MiB, the most attune reads; nothing was written");
  // No overflow near the top of the range.
  BOOST_CHECK_THROW(check_journal_growth(10, ~std::uint64_t{0}, "j"), Error);
  BOOST_CHECK_THROW(check_journal_growth(~std::uint64_t{0}, 1, "j"), Error);
}

BOOST_AUTO_TEST_CASE(the_import_file_limit_is_the_journal_limit) {
  // A journal attune wrote can always be imported as it is.
  BOOST_TEST(max_import_bytes == max_journal_bytes);
}

BOOST_AUTO_TEST_CASE(sizes_are_named_in_whole_units) {
  BOOST_TEST(format_size(64 * 1024) == "64 KiB");
  BOOST_TEST(format_size(256ULL * 1024 * 1024) == "256 MiB");
  BOOST_TEST(format_size(1000) == "1000 bytes");
}

BOOST_AUTO_TEST_CASE(append_refuses_to_grow_the_journal_past_the_read_limit_and_writes_nothing) {
  TempDir t;
  JournalStore store(t.root);
  {
    std::ofstream out(store.journal_path(), std::ios::binary);
    out << journal_header();
  }
  // Sparse: 20 bytes short of the limit costs no disk.
  fs::resize_file(store.journal_path(), max_journal_bytes - 20);
  auto lock = store.lock(milliseconds(1000));
  const Error e = error_from([&] { store.append(lock, Journal{}, {note("hello")}); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::data));
  BOOST_TEST(std::string(e.what()).find("would grow past 256 MiB") != std::string::npos);
  BOOST_TEST(fs::file_size(store.journal_path()) == max_journal_bytes - 20);
}

BOOST_AUTO_TEST_CASE(append_refuses_an_over_long_note_and_writes_nothing) {
  TempDir t;
  JournalStore store(t.root);
  auto lock = store.lock(milliseconds(1000));
  const Error e = error_from(
      [&] { store.append(lock, Journal{}, {note(std::string(max_note_bytes + 1, 'x'))}); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::data));
  BOOST_TEST(!fs::exists(store.journal_path()));
}

BOOST_AUTO_TEST_CASE(import_refuses_an_over_long_note_at_its_line) {
  const std::string text = journal_header() + format_record(note(std::string(70000, 'n')));
  const ImportData data = read_exchange(text, "big.journal");
  const Error e = error_from([&] { select_new_records(Journal{}, data); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::data));
  BOOST_REQUIRE(e.where().has_value());
  BOOST_TEST(format_location(*e.where()) == "big.journal:2");
  BOOST_TEST(std::string(e.what()).find("the note is too long") == 0U);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(input_file)

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_without_blocking) {
  TempDir t;
  const std::string fifo = t.path("config.toml");
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const Error e =
      error_from([&] { read_input_file(fifo, 1024, "the config file", InputOwner::config); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::permission));
  BOOST_TEST(std::string(e.what()) ==
             "the config file \"" + fifo + "\" is a FIFO, not a regular file");
  const Error a =
      error_from([&] { read_input_file(fifo, 1024, "plan file", InputOwner::argument); });
  BOOST_TEST(static_cast<int>(a.kind()) == static_cast<int>(ErrorKind::invalid));
}

BOOST_AUTO_TEST_CASE(folders_devices_and_data_folder_links_are_refused) {
  TempDir t;
  const Error d =
      error_from([&] { read_input_file(t.root, 1024, "plan file", InputOwner::argument); });
  BOOST_TEST(std::string(d.what()).find("is a folder, not a regular file") != std::string::npos);
  const Error n =
      error_from([&] { read_input_file("/dev/null", 1024, "plan file", InputOwner::argument); });
  BOOST_TEST(std::string(n.what()).find("is a device, not a regular file") != std::string::npos);
  {
    std::ofstream out(t.path("real"));
    out << "x";
  }
  fs::create_symlink(t.path("real"), t.path("link"));
  BOOST_TEST(read_input_file(t.path("link"), 10, "the config file", InputOwner::config)->text ==
             "x");
  const Error l =
      error_from([&] { read_input_file(t.path("link"), 10, "the plan copy", InputOwner::data); });
  BOOST_TEST(static_cast<int>(l.kind()) == static_cast<int>(ErrorKind::permission));
  BOOST_TEST(std::string(l.what()).find("is a symbolic link") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_is_nullopt_and_too_large_is_flagged) {
  TempDir t;
  BOOST_TEST(!read_input_file(t.path("none"), 10, "x", InputOwner::argument));
  {
    std::ofstream out(t.path("f"));
    out << "12345";
  }
  const auto exact = read_input_file(t.path("f"), 5, "x", InputOwner::argument);
  BOOST_TEST(exact->text == "12345");
  BOOST_TEST(!exact->too_large);
  const auto over = read_input_file(t.path("f"), 4, "x", InputOwner::argument);
  BOOST_TEST(over->text == "1234");
  BOOST_TEST(over->too_large);
}

BOOST_AUTO_TEST_SUITE_END()
