// attune forget: erase the text of notes and skip reasons from the journal itself.
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "attune/store.hpp"
#include "attune/sync.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct ForgetArgs {
  std::optional<std::string> record;
  std::optional<std::string> day;
  bool all_notes = false;
  bool yes = false;
};

ForgetTarget target_of(const ForgetArgs &args, Session &session) {
  const int chosen = (args.record ? 1 : 0) + (args.day ? 1 : 0) + (args.all_notes ? 1 : 0);
  if (chosen != 1)
    throw Error(ErrorKind::usage,
                chosen == 0 ? "say what to forget" : "choose one of --record, --day, --all-notes",
                "'attune forget --record ID', '--day DATE' or '--all-notes'");
  ForgetTarget target;
  if (args.record) {
    target.by = ForgetTarget::By::record;
    target.record_id = *args.record;
  } else if (args.day) {
    target.by = ForgetTarget::By::day;
    target.day = resolve_run_day(args.day, session.today(), nullptr);
  }
  return target;
}

bool is_git_folder(const std::string &dir) {
  struct stat st {};
  return ::stat((dir + "/.git").c_str(), &st) == 0;
}

/// Whether the repository's own configuration names a remote (read as text: forget must not
/// need git to be installed).
bool has_git_remote(const std::string &dir) {
  std::ifstream config(dir + "/.git/config");
  std::string line;
  while (std::getline(config, line))
    if (line.find("[remote \"") != std::string::npos)
      return true;
  return false;
}

std::string texts(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " note or skip reason" : " notes and skip reasons");
}

/// Asks on the terminal; anything but y/yes is no.
bool confirmed(Context &ctx, std::size_t n, const ForgetTarget &target) {
  ctx.out << "Erase the text of " << texts(n)
          << (target.by == ForgetTarget::By::day ? " from " + format_day(target.day) : "")
          << " from the journal? The words cannot be brought back. [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(ctx.in, answer))
    return false;
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

int run_forget(const ForgetArgs &args, Session &session) {
  Context &ctx = session.ctx();
  const ForgetTarget target = target_of(args, session);
  if (!args.yes && !(ctx.in_tty && ctx.out_tty))
    throw Error(ErrorKind::usage, "attune forget asks before erasing, and this is not a terminal",
                "add --yes to erase without asking");
  JournalStore &store = session.store();
  if (!args.yes) {
    // Ask before taking the lock: a person may take their time, other commands should not wait.
    const auto ids = texts_to_forget(session.read_journal(), target);
    if (!ids.empty() && !confirmed(ctx, ids.size(), target)) {
      ctx.out << "Nothing was erased.\n";
      return exit_code::ok;
    }
  }
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal(&lock);
  if (journal.newer_version)
    throw Error(ErrorKind::data,
                "the journal " + describe_unwritable_version(journal.version) +
                    "; not writing to it, nothing was erased",
                "upgrade attune to erase notes in it");
  const std::vector<std::string> ids = texts_to_forget(journal, target);
  if (ids.empty()) {
    if (!ctx.global.quiet)
      ctx.out << "Nothing to forget: no note or skip reason holds any text"
              << (target.by == ForgetTarget::By::day ? " on " + format_day(target.day) : "")
              << ".\n";
    return exit_code::ok;
  }
  Record base;
  base.id = session.new_record_id();
  base.day = session.today();
  base.recorded = session.now();
  base.zone = session.zone_name();
  const auto records =
      forgotten_records(ids, base, [&session]() { return session.new_record_id(); });
  const ErasedJournal erased =
      erase_texts(store.read_text(lock), std::set<std::string>(ids.begin(), ids.end()), records);
  store.replace_journal(lock, erased.text);

  if (erased.unreadable_with_id > 0)
    ctx.warn(std::to_string(erased.unreadable_with_id) +
             (erased.unreadable_with_id == 1 ? " damaged line names" : " damaged lines name") +
             " an erased record and was left as it is; it may still hold the text");
  if (const std::string warning =
          forget_git_warning(is_git_folder(store.data_dir()), has_git_remote(store.data_dir()));
      !warning.empty())
    ctx.warn(warning);
  if (!ctx.global.quiet)
    ctx.out << "Erased the text of " << texts(ids.size())
            << ". The journal keeps a count of what was erased, never the words.\n"
            << "Copies made earlier (exports, backups) still hold them.\n";
  return exit_code::ok;
}

} // namespace

Command register_forget(CLI::App *sub, Session &session) {
  auto args = std::make_shared<ForgetArgs>();
  sub->add_option("--record", args->record, "Erase the text of the record with this id")
      ->type_name("ID");
  sub->add_option("--day", args->day, "Erase every note and skip reason of DATE")
      ->type_name("DATE");
  sub->add_flag("--all-notes", args->all_notes,
                "Erase every note and skip reason, withdrawn ones too");
  sub->add_flag("-y,--yes", args->yes, "Do not ask (for scripts); needed off a terminal");
  sub->footer("The journal is rewritten in one step (a new file renamed over the old one):\n"
              "the words leave the file; a 'forgotten' record keeps how many and which ids.");
  return {sub, [args, &session]() { return run_forget(*args, session); }};
}

} // namespace attune::cli
