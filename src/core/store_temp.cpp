// One naming pattern for every temporary file attune writes, and the clean-up of leftovers.
#include <cctype>
#include <ctime>
#include <string>
#include <string_view>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/store.hpp"

namespace attune {
namespace {

constexpr std::string_view marker = ".attune-";
constexpr std::size_t random_chars = 6; // what mkstemp puts in place of XXXXXX
/// A temporary this old cannot be in use: attune writes one in well under a second.
constexpr time_t stale_after_seconds = 60;

bool is_random_part(std::string_view text) {
  if (text.size() != random_chars)
    return false;
  for (const char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)) == 0)
      return false;
  return true;
}

bool is_hex(std::string_view text) {
  if (text.empty())
    return false;
  for (const char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  return true;
}

/// Names older attunes gave their temporaries in the data folder and plans/.
bool is_legacy_name(std::string_view name) {
  constexpr std::string_view index = "journal.index.";
  if (name.size() == index.size() + random_chars && name.substr(0, index.size()) == index)
    return is_random_part(name.substr(index.size()));
  constexpr std::string_view toml = ".toml.";
  if (name.size() > 1 + toml.size() + random_chars && name[0] == '.') {
    const std::size_t at = name.size() - random_chars - toml.size();
    return name.substr(at, toml.size()) == toml && is_hex(name.substr(1, at - 1)) &&
           is_random_part(name.substr(name.size() - random_chars));
  }
  return false;
}

} // namespace

std::string temp_file_template(const std::string &target) {
  const std::size_t slash = target.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "" : target.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  return folder + "." + base + std::string(marker) + std::string(random_chars, 'X');
}

bool is_stale_temp_name(std::string_view name, std::string_view base) {
  const std::size_t tail = marker.size() + random_chars;
  if (name.size() > 1 + tail && name[0] == '.' &&
      name.substr(name.size() - tail, marker.size()) == marker &&
      is_random_part(name.substr(name.size() - random_chars))) {
    const std::string_view named = name.substr(1, name.size() - 1 - tail);
    return base.empty() ? !named.empty() : named == base;
  }
  return base.empty() && is_legacy_name(name);
}

std::size_t remove_stale_temp_files(const std::string &folder, std::string_view base) {
  DIR *dir = ::opendir(folder.c_str());
  if (dir == nullptr)
    return 0;
  const int dir_fd = ::dirfd(dir);
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now); // the clock the file system stamps files with
  std::size_t removed = 0;
  while (const dirent *entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (!is_stale_temp_name(name, base))
      continue;
    struct stat st {};
    if (::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
        st.st_uid != ::geteuid() || now.tv_sec - st.st_mtim.tv_sec <= stale_after_seconds)
      continue;
    if (::unlinkat(dir_fd, entry->d_name, 0) == 0)
      ++removed;
  }
  ::closedir(dir);
  return removed;
}

void JournalStore::remove_stale_temporaries(const Lock &held) const {
  (void)held; // under the lock no attune is writing the journal's temporary
  remove_stale_temp_files(dir_);
  remove_stale_temp_files(dir_ + "/plans");
}

} // namespace attune
