// A small program that drives JournalStore the way a check-in does (lock, read, append), so
// the storage guarantees can be tested with real processes before and apart from the CLI.
//
//   journal_driver append DIR N [TEXT_BYTES]  N check-ins, one id printed after each is saved
//   journal_driver read DIR                   reads once (shared lock); exit 65 on any problem
//   journal_driver readloop DIR STOPFILE      reads until STOPFILE exists; exit 65 on a problem
//   journal_driver ids DIR                    prints the id of every record, one a line
//   journal_driver killloop DIR ROUNDS SEED   appenders killed with SIGKILL at random moments
//   journal_driver hostile DIR COUNT SEED     COUNT hostile notes appended, read back, compared
//   journal_driver truncations FIXTURE DIR    the fixture cut at every offset, then appended to
//   journal_driver lock DIR TIMEOUT_MS        takes the lock once (for the busy test)
// Errors print "journal_driver: error: MESSAGE" and exit with attune's code for the kind.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/store.hpp"

using namespace attune;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds wait_long{60000};

std::string random_id(std::mt19937_64 &rng) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(rng()));
  return buffer;
}

std::mt19937_64 seeded() {
  std::random_device device;
  return std::mt19937_64((static_cast<std::uint64_t>(device()) << 32) ^ device() ^
                         static_cast<std::uint64_t>(::getpid()));
}

Record note_record(const std::string &id, std::string text) {
  Record r;
  r.id = id;
  r.type = RecordType::note;
  r.day = *parse_iso_day("2026-11-27");
  r.recorded = *parse_instant("2026-11-27T19:00:00Z");
  r.zone = "Europe/Berlin";
  r.run = 1;
  r.text = std::move(text);
  return r;
}

/// One check-in: lock, read, append, release. Returns when the record is on disk.
void check_in(const JournalStore &store, const Record &record) {
  const auto lock = store.lock(wait_long);
  const Journal current = store.read(wait_long, &lock);
  store.append(lock, current, {record});
}

int cmd_append(const std::string &dir, int count, std::size_t text_bytes) {
  JournalStore store(dir);
  auto rng = seeded();
  for (int i = 0; i < count; ++i) {
    const std::string id = random_id(rng);
    check_in(store, note_record(id, std::string(text_bytes, 'n')));
    std::cout << id << '\n' << std::flush; // acknowledged only now
  }
  return 0;
}

/// Prints the problems; returns true when there were any (a torn tail counts as one).
bool report(const Journal &j) {
  for (const auto &p : j.problems)
    std::cerr << "journal_driver: problem: " << p.message << '\n';
  return !j.problems.empty();
}

int cmd_read(const std::string &dir) {
  const Journal j = JournalStore(dir).read(wait_long);
  std::cout << j.records.size() << " records, " << j.problems.size() << " problems\n";
  return report(j) ? exit_code::data : 0;
}

int cmd_readloop(const std::string &dir, const std::string &stop) {
  JournalStore store(dir);
  long reads = 0;
  std::size_t last = 0;
  while (::access(stop.c_str(), F_OK) != 0) {
    const Journal j = store.read(wait_long);
    if (report(j))
      return exit_code::data;
    if (j.records.size() < last) {
      std::cerr << "journal_driver: records went from " << last << " to " << j.records.size()
                << '\n';
      return exit_code::data;
    }
    last = j.records.size();
    ++reads;
    // A report runs now and then, not back to back.
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::cout << reads << " reads\n";
  return 0;
}

int cmd_ids(const std::string &dir) {
  const Journal j = JournalStore(dir).read(wait_long);
  for (const Record &r : j.records)
    std::cout << r.id << '\n';
  report(j);
  return 0;
}

int cmd_lock(const std::string &dir, long timeout_ms) {
  const auto lock = JournalStore(dir).lock(milliseconds(timeout_ms));
  std::cout << "locked\n";
  return 0;
}

/// Rounds of: start an appender, kill it with SIGKILL after a random delay, then check that
/// the journal reads cleanly (only a torn last line allowed) and holds every id it printed.
int cmd_killloop(const std::string &self, const std::string &dir, int rounds, unsigned seed) {
  std::mt19937 rng(seed);
  std::set<std::string> acknowledged;
  int torn = 0;
  std::size_t closed = 0;
  for (int round = 0; round < rounds; ++round) {
    int out[2];
    if (::pipe(out) != 0)
      return 1;
    const pid_t child = ::fork();
    if (child == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      // Large notes make a kill inside write() more likely.
      const std::string bytes = std::to_string(rng() % 2 == 0 ? 10 : 20000);
      ::execl(self.c_str(), self.c_str(), "append", dir.c_str(), "1000", bytes.c_str(),
              static_cast<char *>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    // Long enough for several check-ins to be saved, so kills land in every phase.
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 40000));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    std::string printed;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(out[0], buffer, sizeof buffer)) > 0)
      printed.append(buffer, static_cast<std::size_t>(n));
    ::close(out[0]);
    std::istringstream lines(printed);
    std::string id;
    while (std::getline(lines, id))
      if (id.size() == 16) // a half-printed id was never acknowledged
        acknowledged.insert(id);

    const Journal j = JournalStore(dir).read(wait_long);
    for (const auto &p : j.problems) {
      // A write cut by the kill leaves a line without its checksum: reported, never counted.
      const bool torn_line = p.message.find("is cut short") != std::string::npos ||
                             p.message.find("is incomplete") != std::string::npos;
      if (!torn_line) {
        std::cerr << "round " << round << ": " << p.message << '\n';
        return exit_code::data;
      }
    }
    if (j.torn_tail)
      ++torn;
    closed = j.problems.size() - (j.torn_tail ? 1 : 0);
    std::set<std::string> present;
    for (const Record &r : j.records)
      if (!present.insert(r.id).second) {
        std::cerr << "round " << round << ": id " << r.id << " twice\n";
        return exit_code::data;
      }
    for (const auto &a : acknowledged)
      if (present.count(a) == 0) {
        std::cerr << "round " << round << ": acknowledged id " << a << " is missing\n";
        return exit_code::data;
      }
  }
  if (acknowledged.empty()) {
    std::cerr << "journal_driver: no check-in was acknowledged: nothing was tested\n";
    return 1;
  }
  std::cout << rounds << " rounds, " << acknowledged.size() << " acknowledged records all present, "
            << torn << " torn tails seen, " << closed << " cut lines kept in the journal\n";
  return 0;
}

/// Hostile text: tabs, newlines, CR, quotes, backslashes, escapes-lookalikes, emoji, control
/// bytes, invalid UTF-8, long lines.
std::string hostile_text(std::mt19937 &rng) {
  static const std::vector<std::string> pieces = {"\t",
                                                  "\n",
                                                  "\r",
                                                  "\r\n",
                                                  "\"",
                                                  "'",
                                                  "\\",
                                                  "\\n",
                                                  "\\t",
                                                  "\\x41",
                                                  "=",
                                                  "~",
                                                  "~0000",
                                                  "🙂",
                                                  "💔",
                                                  "é",
                                                  "中文",
                                                  "\xe2\x80\xae",
                                                  std::string(1, '\0'),
                                                  "\x01",
                                                  "\x1b[31m",
                                                  "\x7f",
                                                  "\xff",
                                                  "\xc3",
                                                  "\xed\xa0\x80",
                                                  " ",
                                                  "attune-journal 1",
                                                  "run=2",
                                                  "ok"};
  std::string text;
  const unsigned parts = rng() % 12;
  for (unsigned i = 0; i < parts; ++i)
    text += pieces[rng() % pieces.size()];
  if (rng() % 200 == 0)
    text += std::string(20000 + rng() % 10000, 'L'); // a very long line
  return text;
}

int cmd_hostile(const std::string &dir, int count, unsigned seed) {
  std::mt19937 rng(seed);
  JournalStore store(dir);
  std::map<std::string, std::string> written;
  std::mt19937_64 ids(seed);
  std::vector<Record> batch;
  for (int i = 0; i < count; ++i) {
    const std::string id = random_id(ids);
    const std::string text = hostile_text(rng);
    written[id] = text;
    batch.push_back(note_record(id, text));
    if (batch.size() == 50 || i + 1 == count) {
      const auto lock = store.lock(wait_long);
      store.append(lock, store.read(wait_long, &lock), batch);
      batch.clear();
    }
  }
  const Journal j = store.read(wait_long);
  if (report(j))
    return exit_code::data;
  std::size_t exact = 0;
  for (const Record &r : j.records) {
    const auto it = written.find(r.id);
    if (it == written.end() || it->second != r.text) {
      std::cerr << "journal_driver: note " << r.id << " did not round-trip\n";
      return exit_code::data;
    }
    ++exact;
  }
  if (exact != written.size()) {
    std::cerr << "journal_driver: " << exact << " of " << written.size() << " notes read back\n";
    return exit_code::data;
  }
  std::cout << exact << " notes round-tripped exactly\n";
  return 0;
}

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// For every offset: the fixture cut there must read without crashing, report the damage
/// when the cut is inside a line, and keep every intact record through a new append.
int cmd_truncations(const std::string &fixture, const std::string &dir) {
  const std::string text = slurp(fixture);
  const Journal full = parse_journal(text);
  if (!full.problems.empty() || full.records.empty()) {
    std::cerr << "journal_driver: the fixture must be a clean journal\n";
    return 1;
  }
  JournalStore store(dir);
  auto rng = seeded();
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    {
      std::ofstream out(store.journal_path(), std::ios::binary | std::ios::trunc);
      out << text.substr(0, cut);
    }
    const Journal before = store.read(wait_long);
    const bool inside_line = cut > 0 && text[cut - 1] != '\n';
    if (inside_line && (!before.torn_tail || before.problems.empty())) {
      std::cerr << "offset " << cut << ": the cut line was not reported\n";
      return exit_code::data;
    }
    const Record added = note_record(random_id(rng), "after the cut");
    check_in(store, added);
    const Journal after = store.read(wait_long);
    std::set<std::string> present;
    for (const Record &r : after.records)
      present.insert(r.id);
    for (const Record &r : before.records)
      if (present.count(r.id) == 0) {
        std::cerr << "offset " << cut << ": record " << r.id << " was lost\n";
        return exit_code::data;
      }
    if (present.count(added.id) == 0 || after.torn_tail || !after.has_header) {
      std::cerr << "offset " << cut << ": the new record was not read back cleanly\n";
      return exit_code::data;
    }
  }
  std::cout << text.size() + 1 << " offsets checked\n";
  return 0;
}

int usage() {
  std::cerr << "usage: journal_driver append|read|readloop|ids|killloop|hostile|truncations|lock "
               "...\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 2)
    return usage();
  const std::string &cmd = args[0];
  try {
    if (cmd == "append" && args.size() >= 3)
      return cmd_append(args[1], std::stoi(args[2]),
                        args.size() > 3 ? std::stoul(args[3]) : std::size_t{8});
    if (cmd == "read")
      return cmd_read(args[1]);
    if (cmd == "readloop" && args.size() == 3)
      return cmd_readloop(args[1], args[2]);
    if (cmd == "ids")
      return cmd_ids(args[1]);
    if (cmd == "lock" && args.size() == 3)
      return cmd_lock(args[1], std::stol(args[2]));
    if (cmd == "killloop" && args.size() == 4)
      return cmd_killloop(argv[0], args[1], std::stoi(args[2]),
                          static_cast<unsigned>(std::stoul(args[3])));
    if (cmd == "hostile" && args.size() == 4)
      return cmd_hostile(args[1], std::stoi(args[2]), static_cast<unsigned>(std::stoul(args[3])));
    if (cmd == "truncations" && args.size() == 3)
      return cmd_truncations(args[1], args[2]);
    return usage();
  } catch (const Error &e) {
    std::cerr << "journal_driver: error: " << e.what() << '\n';
    if (!e.hint().empty())
      std::cerr << "journal_driver: hint: " << e.hint() << '\n';
    return exit_code_for(e.kind());
  }
}
