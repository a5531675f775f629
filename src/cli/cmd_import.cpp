// attune import FILE [--dry-run]: adds the records of an export (or a journal) that are new.
#include <cerrno>
#include <cstring>
#include <future>
#include <istream>
#include <iterator>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/import_command.hpp"
#include "attune/import_stream.hpp"
#include "attune/input_file.hpp"
#include "attune/store.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct ImportArgs {
  std::string file;
  bool dry_run = false;
};

Error read_error(const std::string &path, int err) {
  const std::string message = "cannot read \"" + path + "\": " + std::strerror(err);
  if (err == EACCES || err == EPERM)
    return Error(ErrorKind::permission, message, "check the file's permissions");
  if (err == ENOENT)
    return Error(ErrorKind::io, message, "check the name; 'attune export -o FILE' writes one");
  return Error(ErrorKind::io, message);
}

/// The whole file (or standard input for "-"), refusing anything larger than an import may be.
std::string read_input(const std::string &path, std::istream &in) {
  const auto too_large = [&]() {
    return Error(ErrorKind::data, "\"" + path + "\" is too large to import (over 256 MiB)",
                 "check that this is the file you meant");
  };
  std::string text;
  if (path == "-") {
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (text.size() > max_import_bytes)
        throw too_large();
    }
    return text;
  }
  auto file = read_input_file(path, max_import_bytes, "the file", InputOwner::argument);
  if (!file)
    throw read_error(path, ENOENT);
  if (file->too_large)
    throw too_large();
  return std::move(file->text);
}

/// A journal file brings no plans, but its folder may hold them (plans/HASH.toml): each copy
/// whose text matches its hash is taken, so imported runs keep their plan.
void add_neighbour_plans(const std::string &file, const ImportData &data,
                         std::map<std::string, std::string> &plans) {
  const std::size_t slash = file.find_last_of('/');
  const JournalStore neighbour(slash == std::string::npos ? "." : file.substr(0, slash + 1));
  for (const ImportedRecord &ir : data.records) {
    const std::string &hash = ir.record.plan_hash;
    if (ir.record.type != RecordType::start || plans.count(hash) != 0)
      continue;
    const auto text = neighbour.load_plan_copy(hash);
    if (text && is_plan_copy(*text, hash))
      plans.emplace(hash, *text);
  }
}

int run_import(const ImportArgs &args, Session &session) {
  Context &ctx = session.ctx();
  const std::string source = args.file == "-" ? "stdin" : args.file;
  // The file is read here (standard input too: a wait for it never holds the journal's
  // lock), then checked whole on a second thread while this one reads the journal (the two
  // take about as long on a long journal); nothing is written before both are done.
  const std::string input = read_input(args.file, ctx.in);
  std::future<ImportData> reading =
      std::async(std::launch::async, [&input, &source]() { return read_exchange(input, source); });
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  // Streamed (import_stream.hpp): only the records the file names and those that decide
  // the programmes are held, whatever the journal's length.
  const JournalStore::Snapshot snapshot = store.snapshot(lock);
  ImportScan scan =
      scan_journal_for_import(snapshot.source(), static_cast<std::size_t>(snapshot.size()));
  const ImportData data = reading.get(); // a bad file stops here, having written nothing
  const ImportBase base = name_for_import(snapshot.source(), scan, data);
  const Journal &journal = scan.journal;
  session.report_problems(journal);
  const ImportSelection selection = select_new_records(base, data);

  std::map<std::string, std::string> plans = data.plans;
  if (data.format == ExchangeFormat::journal && args.file != "-")
    add_neighbour_plans(args.file, data, plans);
  if (journal.newer_version && !args.dry_run)
    throw Error(ErrorKind::data,
                "the journal " + describe_unwritable_version(journal.version) +
                    "; not writing to it, nothing was imported",
                "upgrade attune to import into it");

  if (!args.dry_run) {
    // Plan copies first: a run must never be in the journal without the plan it scores by.
    // A copy missing for a run already here is restored too (saving is skipped when present).
    for (const ImportedRecord &ir : data.records) {
      if (ir.record.type != RecordType::start)
        continue;
      const auto plan = plans.find(ir.record.plan_hash);
      if (plan != plans.end())
        store.save_plan_copy(lock, plan->first, plan->second);
    }
    // All or nothing, even under kill -9: a new journal renamed over the old one.
    store.append_atomically(lock, journal, selection.fresh);
  }
  if (!ctx.global.quiet)
    ctx.out << render_import(selection, data.records.size(), args.dry_run, ctx.text_width());
  return exit_code::ok;
}

} // namespace

Command register_import(CLI::App *sub, Session &session) {
  auto args = std::make_shared<ImportArgs>();
  sub->add_option("file", args->file, "The file 'attune export' wrote, or - for standard input")
      ->required()
      ->type_name("FILE");
  sub->add_flag("-n,--dry-run", args->dry_run, "Check the file and say what would be added");
  sub->footer("Records are matched by id: those already here are left as they are;\n"
              "the same id with different content stops the import (exit 65).\n"
              "Nothing is written unless the whole file is good.");
  return {sub, [args, &session]() { return run_import(*args, session); }};
}

} // namespace attune::cli
