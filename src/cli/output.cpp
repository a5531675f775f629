#include "output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "attune/store.hpp"
#include "attune/text.hpp"
#include "private_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attune::cli {

void print_error(const Context &ctx, const Error &e) {
  ctx.err << "attune: error: ";
  if (e.where())
    ctx.err << printable(format_location(*e.where())) << ": ";
  ctx.err << printable(e.what());
  if (!e.hint().empty())
    ctx.err << "; " << printable(e.hint());
  ctx.err << '\n';
}

bool Context::use_color() const {
  if (global.color == "always")
    return true;
  if (global.color == "never")
    return false;
  if (const auto no_color = env("NO_COLOR"); no_color && !no_color->empty())
    return false;
  const auto term = env("TERM");
  return out_tty && !(term && *term == "dumb");
}

std::size_t Context::text_width() const {
  std::optional<std::size_t> terminal;
  winsize ws{};
  if (out_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    terminal = ws.ws_col;
  const auto columns = env("COLUMNS");
  return attune::text_width(terminal,
                            columns ? std::optional<std::string_view>(*columns) : std::nullopt);
}

void Context::warn(const std::string &text) const {
  if (!global.quiet)
    err << "attune: warning: " << printable(text) << '\n';
}

void Context::note(const std::string &text) const {
  if (!global.quiet)
    err << "attune: note: " << printable(text) << '\n';
}

namespace {

using FileId = std::pair<dev_t, ino_t>;

FileId id_of(const struct stat &st) {
  return {st.st_dev, st.st_ino};
}

/// The device and inode of every file in the data folder and its plans folder (links
/// followed, so a journal that is a link to a synced file counts as that file), each with
/// what it is. A hard link elsewhere to any of them is caught by these.
std::vector<std::pair<FileId, std::string>> data_files(const std::string &data_dir) {
  std::vector<std::pair<FileId, std::string>> files;
  const auto scan = [&files](const std::string &folder, bool top) {
    DIR *d = ::opendir(folder.c_str());
    if (d == nullptr)
      return;
    std::string path = folder + "/";
    const std::size_t base = path.size();
    while (const dirent *entry = ::readdir(d)) {
      const std::string name = entry->d_name;
      path.replace(base, std::string::npos, name);
      struct stat st {};
      if (name == "." || name == ".." || ::stat(path.c_str(), &st) != 0)
        continue;
      const char *what = !top                      ? "a saved copy of a plan"
                         : name == "journal"       ? "the journal itself"
                         : name == "journal.lock"  ? "the journal's lock file"
                         : name == "journal.index" ? "the journal's index"
                                                   : "a file in attune's data folder";
      files.push_back({id_of(st), what});
    }
    ::closedir(d);
  };
  scan(data_dir, true);
  scan(data_dir + "/plans", false);
  return files;
}

/// True when `folder` (an existing folder) is the data folder or inside it, by device and
/// inode of each of its ancestors after resolving links, never by spelling.
bool inside(const std::string &folder, const struct stat &data_st) {
  char *real = ::realpath(folder.c_str(), nullptr);
  if (real == nullptr)
    return false;
  std::string at = real;
  std::free(real);
  for (;;) {
    struct stat st {};
    if (::stat(at.c_str(), &st) == 0 && id_of(st) == id_of(data_st))
      return true;
    if (at == "/")
      return false;
    const auto slash = at.rfind('/');
    at = slash == 0 ? "/" : at.substr(0, slash);
  }
}

[[noreturn]] void refuse(const std::string &path, const std::string &why, const std::string &hint) {
  throw Error(ErrorKind::usage, "\"" + path + "\" " + why, hint);
}

const char *const elsewhere = "choose another --output file";
const char *const print_instead =
    "--output takes a regular file of your own; leave it out (or use -o -) to print instead";

} // namespace

void check_output_target(const std::string &path, const std::string &data_dir) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  // Only stat(): a pipe, a device or a socket is never opened, so nothing can block.
  if (exists) {
    if (S_ISDIR(st.st_mode))
      refuse(path, "is a folder", "give a file name inside it");
    if (S_ISFIFO(st.st_mode))
      refuse(path, "is a pipe, not a regular file", print_instead);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
      refuse(path, "is a device, not a regular file", print_instead);
    if (!S_ISREG(st.st_mode))
      refuse(path, "is not a regular file", print_instead);
    if (st.st_uid != ::geteuid())
      refuse(path, "belongs to another user", print_instead);
  }
  struct stat data_st {};
  if (::stat(data_dir.c_str(), &data_st) != 0)
    return; // no data folder yet: nothing of attune's to overwrite
  if (exists)
    for (const auto &[id, what] : data_files(data_dir))
      if (id == id_of(st))
        refuse(path, "is " + what, elsewhere);
  const auto slash = path.rfind('/');
  const std::string parent = slash == std::string::npos ? "."
                             : slash == 0               ? "/"
                                                        : path.substr(0, slash);
  if (inside(parent, data_st))
    refuse(path, "is inside attune's data folder \"" + data_dir + "\"",
           "choose an --output file outside it");
}

void write_private_file(const std::string &path, const std::string &text,
                        const std::string &data_dir) {
  PrivateFile file(path, data_dir);
  file.write(text);
  file.commit();
}

} // namespace attune::cli
