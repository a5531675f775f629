// libFuzzer harness: journal reading (parse_journal + build_history), then the progress of
// every run against the built-in plan, as `attune report` would compute it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/cue.hpp"
#include "attune/embedded_plan.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/plan_loader.hpp"
#include "attune/progress.hpp"
#include "attune/undo.hpp"

namespace {
const attune::Plan &default_plan() {
  static const std::optional<attune::Plan> plan =
      attune::load_plan(attune::embedded_default_plan(), "avoidant.toml").plan;
  if (!plan)
    std::abort();
  return *plan;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const attune::Journal journal = attune::parse_journal(text);
  // Every good record must survive a round trip through its own text form.
  for (const attune::Record &r : journal.records) {
    const std::string line = attune::format_record(r);
    const attune::Journal again = attune::parse_journal(attune::journal_header() + line);
    if (again.records.size() != 1 || !again.problems.empty() ||
        attune::format_record(again.records.front()) != line)
      std::abort();
  }
  const attune::History history = attune::build_history(journal);
  // Personal cues and the week rules: any run, any day, never a crash; a cue in force is
  // never empty (an empty one means cleared).
  if (const attune::Run *active = history.active()) {
    for (const auto &[id, cue] : attune::personal_cues(*active))
      if (cue.empty())
        std::abort();
    (void)attune::self_check_due(default_plan(), *active,
                                 active->start + date::days{static_cast<int>(size % 50)});
  }
  // The week memory file: whatever parses formats back to the same bytes.
  if (const auto seen = attune::parse_week_seen(text))
    if (attune::format_week_seen(*seen) != text)
      std::abort();
  // undo: every command of the running programme can be chosen by its short id, and the
  // newest one is what `attune undo` takes; refusals are attune::Error, never a crash.
  if (const attune::Run *active = history.active()) {
    const auto commands = attune::recorded_commands(*active);
    for (const auto &c : commands)
      if (c.records.empty() || attune::describe_command(c).empty())
        std::abort();
    try {
      const auto newest = attune::choose_undo(journal, *active, std::nullopt);
      if (commands.empty() || newest.id != commands.front().id)
        std::abort();
      const auto again = attune::choose_undo(journal, *active, newest.id);
      if (again.id != newest.id)
        std::abort();
    } catch (const attune::Error &) {
      if (!commands.empty())
        std::abort();
    }
  }
  // The selective reader (today, checkin, report) must give the newest run exactly as the
  // full reader does, read in pieces of any size. Its documented difference (fields of
  // other runs' lines are not checked) only matters for lines with a right checksum and
  // wrong fields: skip inputs that hold one.
  const bool forged = std::any_of(journal.problems.begin(), journal.problems.end(), [](auto &p) {
    return p.message.find("not a valid record") != std::string::npos &&
           p.message.find("checksum") == std::string::npos;
  });
  if (!forged) {
    const std::size_t piece = 1 + size % 61;
    const attune::JournalSource source = [&](std::uint64_t from,
                                             const std::function<bool(std::string_view)> &sink) {
      for (auto at = static_cast<std::size_t>(from); at < text.size(); at += piece)
        if (!sink(text.substr(at, piece)))
          return;
    };
    attune::JournalSummary summary;
    const attune::Journal run_journal = attune::parse_journal_run(source, {}, size, &summary);
    const attune::History part = attune::build_history(run_journal);
    if (part.runs.size() != (history.runs.empty() ? 0U : 1U))
      std::abort();
    const auto same = [](const attune::Run &a, const attune::Run &b) {
      std::string la, lb;
      for (const auto &r : a.records)
        la += attune::format_record(r);
      for (const auto &r : b.records)
        lb += attune::format_record(r);
      return a.number == b.number && la == lb && a.plan_hash == b.plan_hash && a.start == b.start &&
             a.ended == b.ended;
    };
    if (!part.runs.empty() && !same(part.runs.front(), history.runs.back()))
      std::abort();
    // journal.index: a summary exists exactly for a clean journal, survives its file form,
    // and reading any run through it gives what the whole read gives.
    const bool clean = journal.problems.empty() && !journal.torn_tail && journal.has_header &&
                       !journal.newer_version;
    // Two starts claiming one number (a note says so): no index, every read sees the clash.
    const bool indexed = clean && journal.notes.empty();
    if ((summary.size != 0) != indexed || (indexed && summary.size != size))
      std::abort();
    if (indexed) {
      summary.stamp = "1:2:3:4.5:6.7";
      const auto reread = attune::parse_journal_summary(attune::format_journal_summary(summary));
      if (!reread)
        std::abort();
      for (const attune::Run &run : history.runs) {
        const attune::History via =
            attune::build_history(attune::parse_journal_run(source, *reread, run.number));
        if (via.runs.size() != 1 || !same(via.runs.front(), run) ||
            via.newest_run != history.runs.back().number)
          std::abort();
      }
    }
  }
  // Reading never depends on line order: the record lines reversed (the first line kept)
  // give the same runs, each with the same records.
  if (journal.problems.empty() && !journal.torn_tail) {
    std::vector<std::string_view> lines;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t lf = text.find('\n', at);
      lines.push_back(text.substr(at, lf - at + 1));
      at = lf + 1;
    }
    std::string reversed(lines.empty() ? std::string_view() : lines.front());
    for (std::size_t i = lines.size(); i > 1; --i)
      reversed += lines[i - 1];
    const auto canonical = [](const attune::History &h) {
      std::string out;
      for (const attune::Run &run : h.runs) {
        std::vector<std::string> records;
        for (const auto &r : run.records)
          records.push_back(attune::format_record(r));
        std::sort(records.begin(), records.end());
        out += std::to_string(run.number) + ' ' + std::to_string(run.claim) + ' ' + run.plan_id +
               ' ' + run.start_id + ' ' + attune::format_day(run.start) + ' ' +
               (run.ended ? attune::format_day(*run.ended) : "-") + '\n';
        for (const auto &r : records)
          out += r;
      }
      const attune::Run *active = h.active();
      return out + "active " + (active ? std::to_string(active->number) : "-");
    };
    if (canonical(attune::build_history(attune::parse_journal(reversed))) != canonical(history))
      std::abort();
  }
  // Any bytes as an index file: refused or read, never a crash.
  (void)attune::parse_journal_summary(text);
  (void)history.active();
  (void)history.last_checkin();
  const attune::Plan &plan = default_plan();
  // A few runs are enough to reach every branch; all of them would make each input slow.
  const std::size_t runs = std::min<std::size_t>(history.runs.size(), 3);
  for (std::size_t i = 0; i < runs; ++i) {
    const attune::Run &run = history.runs[history.runs.size() - 1 - i];
    // Today before the run, inside it, long after it.
    for (int offset : {-3, 17, 400}) {
      const attune::Day today = run.start + date::days{offset};
      (void)attune::compute_progress(plan, run, today);
      (void)attune::day_view(plan, run, today);
    }
  }
  return 0;
}
