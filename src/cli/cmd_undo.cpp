// attune undo: withdraw the most recent check-in record by appending a correction.
#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {

/// "catch-the-urge done on 2026-11-05", "the note on 2026-11-05", ...
std::string describe_record(const Record &r) {
  const std::string on = " on " + format_day(r.day);
  switch (r.type) {
  case RecordType::done:
    return printable(r.exercise) + " done" + on;
  case RecordType::skip:
    return printable(r.exercise) + " skipped" + on;
  case RecordType::note:
    return "the note \"" + printable(r.text.size() > 40 ? r.text.substr(0, 37) + "..." : r.text) +
           "\"" + on;
  case RecordType::check:
    return (r.week == 0 ? std::string("the baseline self-check")
                        : "the week " + std::to_string(r.week) + " self-check") +
           on;
  case RecordType::start:
  case RecordType::end:
  case RecordType::undo:
  case RecordType::forgotten:
    break;
  }
  return std::string(to_string(r.type)) + on;
}

namespace {

int run_undo(Session &session) {
  Context &ctx = session.ctx();
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal(&lock);
  const History history = build_history(journal);
  const Run &run = require_active_run(history);
  const Record *last = history.last_checkin();
  if (last == nullptr)
    throw Error(ErrorKind::no_data,
                "there is no check-in to undo in programme " + std::to_string(run.number),
                "see 'attune log'");
  Record undo;
  undo.id = session.new_record_id();
  undo.type = RecordType::undo;
  undo.day = session.today();
  undo.recorded = session.now();
  undo.zone = session.zone_name();
  undo.run = run.claim;
  undo.ref = last->id;
  const std::string what = describe_record(*last);
  store.append(lock, journal, {undo});
  if (!ctx.global.quiet)
    ctx.out << "Withdrawn: " << what
            << ". The journal keeps a note of the correction; record it again any time.\n";
  return exit_code::ok;
}

} // namespace

Command register_undo(CLI::App *sub, Session &session) {
  return {sub, [&session]() { return run_undo(session); }};
}

} // namespace attune::cli
