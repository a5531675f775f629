// attune undo [ID] [--list]: withdraw what one recording command wrote, by appending
// corrections; the choice is the core's (choose_undo).
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "attune/undo.hpp"
#include "attune/zone.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

struct UndoOptions {
  std::optional<std::string> id;
  bool list = false;
};

constexpr std::size_t listed_commands = 10;

/// "2026-11-05 21:14" in the zone in use.
std::string local_minute(Session &session, Instant when) {
  const LocalTime local = to_local(when, session.zone());
  const auto midnight = date::floor<date::days>(local);
  return format_day(Day(midnight.time_since_epoch())) + " " +
         format_clock_time(std::chrono::duration_cast<std::chrono::minutes>(local - midnight));
}

int list_commands(Session &session) {
  Context &ctx = session.ctx();
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run &run = require_latest_run(history);
  const std::vector<RecordedCommand> commands = recorded_commands(run);
  if (commands.empty()) {
    ctx.out << "Nothing to undo in programme " << run.number << " yet.\n";
    return exit_code::ok;
  }
  ctx.out << (commands.size() > listed_commands ? "The last 10 commands" : "The commands")
          << " that recorded something in programme " << run.number << ", newest first:\n";
  for (std::size_t i = 0; i < commands.size() && i < listed_commands; ++i)
    ctx.out << "  " << short_command_id(commands[i].id) << "  "
            << local_minute(session, commands[i].recorded) << "  " << describe_command(commands[i])
            << '\n';
  ctx.out << "'attune undo' withdraws the newest; 'attune undo ID' the one with that id.\n";
  return exit_code::ok;
}

int run_undo(Session &session, const UndoOptions &opts) {
  Context &ctx = session.ctx();
  if (opts.list && opts.id)
    throw Error(ErrorKind::usage, "give either --list or a command id, not both",
                "'attune undo --list' shows the ids");
  if (opts.list)
    return list_commands(session);
  if (opts.id)
    (void)parse_command_id(*opts.id); // a malformed id is refused before the journal is read
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  // The newest programme only (journal.index): undo withdraws what it recorded.
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const Run &run = require_latest_run(history);
  // An id not in effect here is an error whose words (withdrawn when, another programme's,
  // unknown) come from the whole journal: read only on that path.
  const RecordedCommand command = undo_decided_by_run(run, opts.id)
                                      ? choose_undo(journal, run, opts.id)
                                      : choose_undo(session.read_journal(&lock), run, opts.id);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < command.records.size(); ++i)
    ids.push_back(session.new_record_id());
  const std::vector<Record> undo =
      undo_records(command, ids, session.today(), session.now(), session.zone_name(), run.claim);
  store.append(lock, journal, undo);
  if (!ctx.global.quiet) {
    const bool several = command.records.size() > 1;
    ctx.out << wrap_words("Withdrawn: " + describe_command(command) +
                              ". The journal keeps a note of the correction; record " +
                              (several ? "them" : "it") + " again any time.",
                          ctx.text_width(), "", "");
  }
  return exit_code::ok;
}

} // namespace

Command register_undo(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<UndoOptions>();
  sub->add_option("ID", opts->id, "Withdraw this command instead of the newest (an id from --list)")
      ->type_name("");
  sub->add_flag("-l,--list", opts->list, "Show the last 10 commands that recorded something");
  return {sub, [&session, opts]() { return run_undo(session, *opts); }};
}

} // namespace attune::cli
