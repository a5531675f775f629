// attune export [--format json|csv] [--output FILE]: the whole journal, for keeping or moving.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/export_stream.hpp"
#include "attune/ics.hpp"
#include "attune/plan_loader.hpp"
#include "attune/store.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "offers.hpp"
#include "output.hpp"
#include "private_file.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

const std::vector<std::string> export_formats{"json", "csv", "ics"};

struct ExportArgs {
  std::string format = "json";
  std::string output;
  bool no_notes = false;
};

/// --format ics: the running programme's calendar (no notes: only the plan's exercises).
int export_calendar(const ExportArgs &args, Session &session, bool to_file) {
  Context &ctx = session.ctx();
  const Journal journal = session.read_journal_run(std::nullopt);
  const History history = build_history(journal);
  const Run &run = calendar_run(history);
  const Plan plan = session.plan_for_run(run);
  check_calendar_left(plan, run, session.today());
  const CalendarInput in{plan, run, session.zone(), session.config().remind_at.value,
                         session.now()};
  const ProgrammeCalendar calendar = programme_calendar(in);
  if (!to_file) {
    ctx.out << calendar.text;
    ctx.out.flush();
    if (!ctx.out)
      throw Error(ErrorKind::io, "could not write the calendar to standard output",
                  "check where the output goes and try again");
    return exit_code::ok;
  }
  write_private_file(args.output, calendar.text, session.paths().data_dir);
  if (!ctx.global.quiet)
    ctx.out << render_calendar_saved(run.number, calendar.events, in.remind_at, args.output,
                                     ctx.text_width());
  return exit_code::ok;
}

/// The saved plan copies by hash, each checked against its hash (a damaged copy would be
/// refused by import): nullopt for a missing or damaged one. Loaded before any output, so
/// an unreadable copy stops the export before a byte is written.
using PlanCopies = std::map<std::string, std::optional<std::string>>;
PlanCopies load_plan_copies(Session &session, const std::vector<Record> &starts) {
  PlanCopies copies;
  for (const Record &r : starts) {
    if (r.plan_hash.empty() || copies.count(r.plan_hash) != 0)
      continue;
    auto copy = session.store().load_plan_copy(r.plan_hash);
    if (copy && !is_plan_copy(*copy, r.plan_hash))
      copy.reset();
    copies.emplace(r.plan_hash, std::move(copy));
  }
  return copies;
}

/// The plan copies of the runs `starts` began, by hash; a missing or damaged one is left out
/// with a warning, once.
std::map<std::string, std::string> plans_of(Context &ctx, const PlanCopies &copies,
                                            const std::vector<Record> &starts) {
  std::map<std::string, std::string> plans;
  std::set<std::string> missing;
  for (const Record &r : starts) {
    if (r.plan_hash.empty() || plans.count(r.plan_hash) != 0)
      continue;
    const auto copy = copies.find(r.plan_hash);
    if (copy != copies.end() && copy->second)
      plans.emplace(r.plan_hash, *copy->second);
    else if (missing.insert(r.plan_hash).second)
      ctx.warn("the saved copy of plan \"" + r.plan_id + "\" for run " + std::to_string(r.run) +
               " is missing or damaged; the export holds that run's records without it");
  }
  return plans;
}

int run_export(const ExportArgs &args, Session &session) {
  Context &ctx = session.ctx();
  if (std::find(export_formats.begin(), export_formats.end(), args.format) ==
      export_formats.end()) {
    const std::string guess = did_you_mean(args.format, export_formats);
    throw Error(ErrorKind::usage, "unknown export format \"" + args.format + "\"",
                guess.empty() ? "choose json, csv or ics" : "did you mean '" + guess + "'?");
  }
  const bool to_file = !args.output.empty() && args.output != "-";
  if (to_file) // refuse before any work; write_private_file checks again
    check_output_target(args.output, session.paths().data_dir);
  if (args.format == "ics")
    return export_calendar(args, session, to_file);
  // Streamed (export_stream.hpp): bounded memory on any history. The journal as it was when
  // opened is read in two passes; the lock is let go at once, so a slow reader of the output
  // never holds up a check-in. What the reader reports comes after the records (as they are
  // read), in the order a whole read reports it.
  const JournalStore::Snapshot snapshot = session.store().snapshot(session.lock_timeout());
  const JournalSource source = snapshot.source();
  const ExportPrescan prescan =
      prescan_for_export(source, static_cast<std::size_t>(snapshot.size()));
  // The plan copies runs were started with, so they score the same on another machine.
  const PlanCopies copies =
      args.format == "json" ? load_plan_copies(session, prescan.starts) : PlanCopies{};
  std::map<std::string, std::string> plans; // filled after the records, before it is written
  const RecordFeed records = [&](const std::function<void(const Record &)> &each) {
    // --no-notes: for sharing, not for a backup.
    const Journal journal = export_records_alongside(source, prescan, args.no_notes, each);
    session.report_problems(journal);
    if (args.format == "json")
      plans = plans_of(ctx, copies, journal.records);
  };
  const auto write = [&](const ByteSink &sink) {
    return args.format == "csv" ? export_csv(records, sink) : export_json(records, plans, sink);
  };
  if (!to_file) {
    write([&ctx](std::string_view piece) {
      ctx.out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      if (!ctx.out)
        throw Error(ErrorKind::io, "could not write the export to standard output",
                    "check where the output goes and try again");
    });
    ctx.out.flush();
    if (!ctx.out)
      throw Error(ErrorKind::io, "could not write the export to standard output",
                  "check where the output goes and try again");
    return exit_code::ok;
  }
  // Never the journal or anything else of attune's: replacing the journal with its own export
  // would lose what the export cannot hold (the checksums, the lines it could not read).
  PrivateFile file(args.output, session.paths().data_dir);
  const std::size_t n = write([&file](std::string_view piece) { file.write(piece); });
  file.commit();
  if (!ctx.global.quiet)
    ctx.out << wrap_words("Saved " + std::to_string(n) + (n == 1 ? " record" : " records") +
                              " to " + printable(args.output) + " (readable only by you).",
                          ctx.text_width(), "", "");
  return exit_code::ok;
}

} // namespace

Command register_export(CLI::App *sub, Session &session) {
  auto args = std::make_shared<ExportArgs>();
  sub->add_option("--format", args->format,
                  "json (default), csv, or ics (a calendar of the programme)")
      ->check(offers(export_formats))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", args->output, "Write to FILE (0600) instead of the screen")
      ->type_name("FILE");
  sub->add_flag("--no-notes", args->no_notes,
                "Leave out notes and skip reasons (to share it; not a backup)");
  sub->footer("Every record is written, in journal order, with all its fields;\n"
              "'attune import' reads it back exactly. Formats: man attune-journal.\n"
              "With --no-notes, notes are left out and skips lose their reason.\n"
              "--format ics writes the running programme's reminders instead (at\n"
              "remind_at, config.toml), for a phone's calendar.");
  return {sub, [args, &session]() { return run_export(*args, session); }};
}

} // namespace attune::cli
