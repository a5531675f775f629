#include "week_intro.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ostream>
#include <vector>

#include "attune/error.hpp"
#include "attune/store.hpp"
#include "attune/text.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

/// STATE/weeks.seen, or "" when there is no state folder (no home).
std::string seen_path(Session &session) {
  const std::string &dir = session.paths().state_dir;
  return dir.empty() ? std::string() : dir + "/weeks.seen";
}

/// Makes `dir` and its missing parents (0700). False when it is not a folder after all.
bool make_folders(const std::string &dir) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0)
    return S_ISDIR(info.st_mode);
  const std::size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0 && !make_folders(dir.substr(0, slash)))
    return false;
  return ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

} // namespace

std::optional<WeekSeen> read_week_seen(Session &session) {
  const std::string path = seen_path(session);
  if (path.empty())
    return std::nullopt;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return std::nullopt;
  std::string text;
  char buffer[256];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0 || text.size() > 1024)
      break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return parse_week_seen(text);
}

void write_week_seen(Session &session, const WeekSeen &seen) {
  // Kept apart from the data folder: commands that only read never change it.
  const std::string path = seen_path(session);
  if (path.empty() || !make_folders(session.paths().state_dir))
    return;
  const std::string text = format_week_seen(seen);
  std::string temp = temp_file_template(path);
  const int fd = ::mkstemp(temp.data()); // 0600
  if (fd < 0)
    return;
  std::size_t done = 0;
  bool ok = true;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0)
    ok = false;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0)
    (void)::unlink(temp.c_str());
}

void offer_week_cues(Session &session, const Plan &plan, const Run &run, unsigned week) {
  Context &ctx = session.ctx();
  if (!(ctx.in_tty && ctx.out_tty) || ctx.global.quiet || week == 0)
    return;
  if (session.paths().state_dir.empty())
    return; // with nowhere to remember it, the offer would come every time: not at all
  const std::string key = programme_key(run);
  const std::optional<WeekSeen> seen = read_week_seen(session);
  if (!week_is_new(seen, key, week, WeekSeenKind::offer))
    return;
  const std::vector<const Exercise *> offer = exercises_to_offer(plan, week, personal_cues(run));
  // Remembered before asking: whatever happens next, the offer was made.
  write_week_seen(session, remember_week(seen, key, week, WeekSeenKind::offer));
  if (offer.empty())
    return;
  const std::size_t width = ctx.text_width();
  ctx.out << render_cue_offer_intro(offer.size(), width);
  std::vector<std::pair<std::string, std::string>> chosen; // exercise id, cue
  for (const Exercise *e : offer) {
    ctx.out << render_cue_offer_item(*e, width) << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      break;
    if (trim_blanks(line).empty())
      continue;
    try {
      chosen.emplace_back(e->id, check_cue_text(line));
    } catch (const Error &problem) {
      ctx.out << render_cue_not_saved(problem.what(), e->id, width);
    }
  }
  if (chosen.empty())
    return;
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const RecordStamp stamp = record_stamp(session);
  const std::vector<Record> records =
      offered_cue_records(build_history(journal), run, chosen, session.today(), stamp);
  if (records.empty())
    return; // the programme changed meanwhile
  store.append(lock, journal, records);
  ctx.out << render_cues_saved(chosen.size());
}

} // namespace attune::cli
