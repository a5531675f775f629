// attune forget: erase a person's own words (notes, reasons, review answers, cues) from the
// journal itself. The target and every sentence are the core's (forget_command.hpp).
#include <fstream>
#include <memory>
#include <ostream>
#include <set>
#include <string>

#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "attune/forget_command.hpp"
#include "attune/store.hpp"
#include "attune/sync.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct ForgetArgs {
  ForgetRequest request;
  bool yes = false;
};

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

/// Asks on the terminal; anything but yes is no.
bool confirmed(Context &ctx, const std::string &question) {
  ctx.out << question << std::flush;
  std::string answer;
  return std::getline(ctx.in, answer) && forget_answer_is_yes(answer);
}

int run_forget(const ForgetArgs &args, Session &session) {
  Context &ctx = session.ctx();
  const ForgetTarget target = forget_target(args.request, session.today());
  if (!args.yes && !(ctx.in_tty && ctx.out_tty))
    throw Error(ErrorKind::usage, "attune forget asks before erasing, and this is not a terminal",
                "add --yes to erase without asking");
  JournalStore &store = session.store();
  if (!args.yes) {
    // Ask before taking the lock: a person may take their time, other commands should not wait.
    const Journal journal = session.read_journal();
    const auto ids = texts_to_forget(journal, target);
    if (!ids.empty() &&
        !confirmed(ctx, forget_question(describe_forget_texts(journal, ids), target))) {
      ctx.out << forget_declined();
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
      ctx.out << forget_nothing(target);
    return exit_code::ok;
  }
  const auto records = forgotten_records(ids, session.today(), record_stamp(session));
  const ErasedJournal erased =
      erase_texts(store.read_text(lock), std::set<std::string>(ids.begin(), ids.end()), records);
  store.replace_journal(lock, erased.text);

  if (erased.unreadable_with_id > 0)
    ctx.warn(forget_damaged_warning(erased.unreadable_with_id));
  if (const std::string warning =
          forget_git_warning(is_git_folder(store.data_dir()), has_git_remote(store.data_dir()));
      !warning.empty())
    ctx.warn(warning);
  if (!ctx.global.quiet)
    ctx.out << forget_done(describe_forget_texts(journal, ids));
  return exit_code::ok;
}

} // namespace

Command register_forget(CLI::App *sub, Session &session) {
  auto args = std::make_shared<ForgetArgs>();
  sub->add_option("--record", args->request.record, "Erase the text of the record with this id")
      ->type_name("ID");
  sub->add_option("--day", args->request.day,
                  "Erase every note, reason, review answer and cue of DATE")
      ->type_name("DATE");
  sub->add_flag("--all-notes", args->request.all_notes,
                "Erase every note, reason, review answer and cue, withdrawn ones too");
  sub->add_flag("-y,--yes", args->yes, "Do not ask (for scripts); needed off a terminal");
  sub->footer("The journal is rewritten in one step (a new file renamed over the old one):\n"
              "the words leave the file; a 'forgotten' record keeps how many and which ids.");
  return {sub, [args, &session]() { return run_forget(*args, session); }};
}

} // namespace attune::cli
