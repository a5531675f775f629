// attune undo [ID] [--list]: withdraw what one recording command wrote, by appending
// corrections; the choice is the core's (choose_undo).
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/undo.hpp"
#include "attune/undo_command.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {

namespace {

struct UndoOptions {
  std::optional<std::string> id;
  bool list = false;
};

int list_commands(Session &session) {
  const History history = build_history(session.read_journal_run(std::nullopt));
  const Run &run = require_latest_run(history);
  session.ctx().out << render_undo_list(run.number, recorded_commands(run), session.zone());
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
  if (!ctx.global.quiet)
    ctx.out << render_withdrawn(command, ctx.text_width());
  return exit_code::ok;
}

} // namespace

Command register_undo(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<UndoOptions>();
  sub->add_option("ID", opts->id, "Withdraw this command instead of the newest (an id from --list)")
      ->type_name("");
  sub->add_flag("-l,--list", opts->list,
                "Show the last " + std::to_string(undo_listed_commands) +
                    " commands that recorded something");
  return {sub, [&session, opts]() { return run_undo(session, *opts); }};
}

} // namespace attune::cli
