// attune log [--week N] [--since DATE] [--grep TEXT] [--format text|json]: the records of the
// programme, newest last.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/exchange.hpp"
#include "attune/progress.hpp"
#include "attune/run_select.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

namespace attune::cli {

std::string describe_record(const Record &r);

namespace {

struct LogOptions {
  std::optional<unsigned> week;
  std::optional<unsigned> run;
  std::optional<std::string> since;
  std::optional<std::string> grep;
  std::string format = "text";
};

/// ASCII case folding is enough for ids and most notes; other bytes must match exactly.
std::string fold(std::string text) {
  for (char &c : text)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return text;
}

/// The words of a record --grep looks in: its exercise, note or reason, plan id.
std::string searchable(const Record &r) {
  return fold(r.exercise + '\n' + r.text + '\n' + r.plan_id);
}

std::string answers_text(const std::vector<int> &answers) {
  std::string out;
  for (int a : answers)
    out += (out.empty() ? "" : ",") + std::to_string(a);
  return out;
}

// long because: one pass over the records renders every format; being reshaped (issue 15)
int run_log(Session &session, const LogOptions &opts) {
  Context &ctx = session.ctx();
  // One programme's records: only its lines are read (journal.index), whatever the history.
  const History history = build_history(session.read_journal_run(opts.run));
  const Run *run = &select_run(history, opts.run);
  const Plan plan = session.plan_for_run(*run);
  if (opts.week && (*opts.week < 1 || *opts.week > plan.weeks))
    throw Error(ErrorKind::invalid,
                "--week " + std::to_string(*opts.week) + " is not a week of the programme",
                "use 1 to " + std::to_string(plan.weeks));

  std::optional<Day> since;
  if (opts.since) {
    since = resolve_day(*opts.since, session.today());
    if (!since)
      throw Error(ErrorKind::invalid, "\"" + *opts.since + "\" is not a date I can read",
                  "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
  }
  if (opts.grep && opts.grep->empty())
    throw Error(ErrorKind::usage, "--grep needs some text to look for",
                "e.g. 'attune log --grep dinner'");
  const std::string needle = opts.grep ? fold(*opts.grep) : std::string();
  const bool filtered = opts.week || since || opts.grep;
  const std::chrono::minutes day_start = session.config().day_starts_at.value;
  const std::size_t width = ctx.text_width();

  std::vector<LogEntry> entries;
  std::string text;
  for (const Record &r : run->records) {
    if (r.type == RecordType::undo)
      continue;
    const Position pos = position(plan, *run, r.day);
    if (opts.week && pos.week != *opts.week)
      continue;
    if (since && r.day < *since)
      continue;
    if (opts.grep && searchable(r).find(needle) == std::string::npos)
      continue;
    if (opts.format == "json") {
      // `run` as the programme's number, as --run takes it (render_log_json).
      Record shown = r;
      shown.run = run->number;
      entries.push_back({std::move(shown), pos.week});
      continue;
    }
    std::string line = format_day(r.day) + "  ";
    line += pos.week > 0 ? "W" + std::to_string(pos.week) + " D" + std::to_string(pos.day)
                         : std::string("     ");
    while (line.size() < 19)
      line += ' ';
    // The time of day it was recorded, in the zone in use; blank when it was recorded on
    // another day (backdated), where a time would mislead.
    const LocalTime local = to_local(r.recorded, session.zone());
    const auto midnight = date::floor<date::days>(local);
    line +=
        logical_day(local, day_start) == r.day
            ? format_clock_time(std::chrono::duration_cast<std::chrono::minutes>(local - midnight))
            : std::string("     ");
    line += "  ";
    // Where the text of a note or reason begins: wrapped lines hang there (column 36).
    const std::size_t lead =
        line.size() +
        (r.type == RecordType::done || r.type == RecordType::skip || r.type == RecordType::note
             ? 9
             : 0);
    switch (r.type) {
    case RecordType::start:
      line +=
          "started programme " + std::to_string(run->number) + " (" + printable(r.plan_id) + ")";
      break;
    case RecordType::end:
      line += "ended programme " + std::to_string(run->number) +
              (r.text.empty() ? "" : ": " + printable(r.text));
      break;
    case RecordType::done:
      line += "done     " + printable(r.exercise);
      break;
    case RecordType::skip:
      line +=
          "skipped  " + printable(r.exercise) + (r.text.empty() ? "" : ": " + printable(r.text));
      break;
    case RecordType::note:
      line += "note     " + (r.text.empty() ? std::string("(text erased)") : printable(r.text));
      break;
    case RecordType::check:
      line += (r.followup != 0 ? "self-check (" + std::to_string(r.followup) + "-week follow-up) "
               : r.week == 0   ? std::string("self-check (baseline) ")
                               : "self-check (week " + std::to_string(r.week) + ") ") +
              answers_text(r.answers);
      break;
    case RecordType::undo:
    case RecordType::forgotten:
      break;
    case RecordType::not_arisen:
      line += "did not come up: " + printable(r.exercise);
      break;
    case RecordType::review:
      line += "review   " + printable(r.question) + ": " +
              (r.text.empty() ? std::string("(text erased)") : printable(r.text));
      break;
    case RecordType::keep:
      line += "keep     " + printable(r.exercise) + ", " + std::to_string(r.times) + " a week";
      break;
    case RecordType::keep_stop:
      line += "stopped the kept practice";
      break;
    case RecordType::cue:
      line += "cue      " + printable(r.exercise) +
              (r.text.empty() ? std::string(": back to the plan's") : ": " + printable(r.text));
      break;
    case RecordType::pause:
      line += "pause    " + (r.until ? "until " + format_day(*r.until) : std::string("open")) +
              (r.text.empty() ? "" : ": " + printable(r.text));
      break;
    case RecordType::resume:
      line += "resume   back from a pause";
      break;
    }
    text += wrap_words(line.substr(lead), width, line.substr(0, lead), std::string(lead, ' '));
  }
  if (opts.format == "json")
    ctx.out << render_log_json(entries);
  else if (text.empty())
    ctx.out << (filtered ? "Nothing recorded matches.\n" : "Nothing recorded yet.\n");
  else
    ctx.out << text;
  return exit_code::ok;
}

} // namespace

Command register_log(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<LogOptions>();
  sub->add_option("-w,--week", opts->week, "Only this programme week")->type_name("N");
  sub->add_option("--run", opts->run, "An earlier programme (1, 2, ...)")->type_name("N");
  sub->add_option("--since", opts->since, "Only days from DATE on (YYYY-MM-DD, -N, mon...)")
      ->type_name("DATE");
  sub->add_option("--grep", opts->grep, "Only records whose exercise, note or reason has TEXT")
      ->type_name("TEXT");
  sub->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  return {sub, [&session, opts]() { return run_log(session, *opts); }};
}

} // namespace attune::cli
