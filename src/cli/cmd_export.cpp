// attune export [--format json|csv] [--output FILE]: the whole journal, for keeping or moving.
#include <algorithm>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/forget.hpp"
#include "attune/plan_loader.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "offers.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

const std::vector<std::string> export_formats{"json", "csv"};

struct ExportArgs {
  std::string format = "json";
  std::string output;
  bool no_notes = false;
};

int run_export(const ExportArgs &args, Session &session) {
  Context &ctx = session.ctx();
  if (std::find(export_formats.begin(), export_formats.end(), args.format) ==
      export_formats.end()) {
    const std::string guess = did_you_mean(args.format, export_formats);
    throw Error(ErrorKind::usage, "unknown export format \"" + args.format + "\"",
                guess.empty() ? "choose json or csv" : "did you mean '" + guess + "'?");
  }
  const bool to_file = !args.output.empty() && args.output != "-";
  if (to_file) // refuse before any work; write_private_file checks again
    check_output_target(args.output, session.paths().data_dir);
  Journal journal = session.read_journal();
  if (args.no_notes)
    journal.records = without_notes(journal.records); // for sharing, not for a backup
  std::string text;
  if (args.format == "csv") {
    text = export_csv(journal.records);
  } else {
    // The plan copies runs were started with, so they score the same on another machine.
    std::map<std::string, std::string> plans;
    std::set<std::string> missing;
    for (const Record &r : journal.records) {
      if (r.type != RecordType::start || r.plan_hash.empty() || plans.count(r.plan_hash) != 0)
        continue;
      const auto copy = session.store().load_plan_copy(r.plan_hash);
      // A copy that no longer matches its hash was damaged; import would refuse it.
      if (copy && is_valid_utf8(*copy) && sha256_hex(*copy) == r.plan_hash)
        plans.emplace(r.plan_hash, *copy);
      else if (missing.insert(r.plan_hash).second)
        ctx.warn("the saved copy of plan \"" + r.plan_id + "\" for run " + std::to_string(r.run) +
                 " is missing or damaged; the export holds that run's records without it");
    }
    text = export_json(journal.records, plans);
  }
  if (!to_file) {
    ctx.out << text;
    ctx.out.flush();
    if (!ctx.out)
      throw Error(ErrorKind::io, "could not write the export to standard output",
                  "check where the output goes and try again");
    return exit_code::ok;
  }
  // Never the journal or anything else of attune's: replacing the journal with its own export
  // would lose what the export cannot hold (the checksums, the lines it could not read).
  write_private_file(args.output, text, session.paths().data_dir);
  if (!ctx.global.quiet) {
    const std::size_t n = journal.records.size();
    ctx.out << wrap_words("Saved " + std::to_string(n) + (n == 1 ? " record" : " records") +
                              " to " + printable(args.output) + " (readable only by you).",
                          ctx.text_width(), "", "");
  }
  return exit_code::ok;
}

} // namespace

Command register_export(CLI::App *sub, Session &session) {
  auto args = std::make_shared<ExportArgs>();
  sub->add_option("--format", args->format, "json (default) or csv")
      ->check(offers(export_formats))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", args->output, "Write to FILE (0600) instead of the screen")
      ->type_name("FILE");
  sub->add_flag("--no-notes", args->no_notes,
                "Leave out notes and skip reasons (to share it; not a backup)");
  sub->footer("Every record is written, in journal order, with all its fields;\n"
              "'attune import' reads it back exactly. Formats: man attune-journal.\n"
              "With --no-notes, notes are left out and skips lose their reason.");
  return {sub, [args, &session]() { return run_export(*args, session); }};
}

} // namespace attune::cli
