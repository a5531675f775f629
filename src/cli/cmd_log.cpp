// attune log [--week N] [--format text|json]: the records of the programme, newest last.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/error.hpp"
#include "attune/json.hpp"
#include "attune/progress.hpp"
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
  std::string format = "text";
};

std::string answers_text(const std::vector<int> &answers) {
  std::string out;
  for (int a : answers)
    out += (out.empty() ? "" : ",") + std::to_string(a);
  return out;
}

int run_log(Session &session, const LogOptions &opts) {
  Context &ctx = session.ctx();
  const History history = build_history(session.read_journal());
  const Run *run = nullptr;
  if (opts.run) {
    run = history.find(*opts.run);
    if (run == nullptr)
      throw Error(ErrorKind::invalid, "there is no programme " + std::to_string(*opts.run),
                  "there are " + std::to_string(history.runs.size()));
  } else if (!history.runs.empty()) {
    run = history.active() != nullptr ? history.active() : &history.runs.back();
  }
  if (run == nullptr)
    throw Error(ErrorKind::no_data, "no programme is running", "start one with 'attune start'");
  const Plan plan = session.plan_for_run(*run);
  if (opts.week && (*opts.week < 1 || *opts.week > plan.weeks))
    throw Error(ErrorKind::invalid,
                "--week " + std::to_string(*opts.week) + " is not a week of the programme",
                "use 1 to " + std::to_string(plan.weeks));

  JsonWriter json;
  json.begin_array();
  std::string text;
  for (const Record &r : run->records) {
    if (r.type == RecordType::undo)
      continue;
    const Position pos = position(plan, run->start, r.day);
    if (opts.week && pos.week != *opts.week)
      continue;
    if (opts.format == "json") {
      json.begin_object();
      json.key("id").value(r.id);
      json.key("type").value(to_string(r.type));
      json.key("day").value(format_day(r.day));
      json.key("week").value(pos.week);
      json.key("recorded").value(format_instant(r.recorded));
      json.key("zone").value(r.zone);
      json.key("run").value(run->number);
      if (r.type == RecordType::done || r.type == RecordType::skip)
        json.key("exercise").value(r.exercise);
      if (r.type == RecordType::skip)
        json.key("reason").value(r.text);
      if (r.type == RecordType::note)
        json.key("note").value(r.text);
      if (r.type == RecordType::start)
        json.key("plan").value(r.plan_id);
      if (r.type == RecordType::check) {
        json.key("self_check_week").value(r.week);
        json.key("answers").begin_array();
        for (int a : r.answers)
          json.value(a);
        json.end_array();
      }
      json.end_object();
      continue;
    }
    std::string line = format_day(r.day) + "  ";
    line += pos.week > 0 ? "W" + std::to_string(pos.week) + " D" + std::to_string(pos.day)
                         : std::string("     ");
    while (line.size() < 21)
      line += ' ';
    switch (r.type) {
    case RecordType::start:
      line +=
          "started programme " + std::to_string(run->number) + " (" + printable(r.plan_id) + ")";
      break;
    case RecordType::end:
      line += "ended programme " + std::to_string(run->number);
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
      line += (r.week == 0 ? std::string("self-check (baseline) ")
                           : "self-check (week " + std::to_string(r.week) + ") ") +
              answers_text(r.answers);
      break;
    case RecordType::undo:
    case RecordType::forgotten:
      break;
    }
    text += line + '\n';
  }
  json.end_array();
  if (opts.format == "json")
    ctx.out << json.str();
  else if (text.empty())
    ctx.out << "Nothing recorded " << (opts.week ? "in that week " : "") << "yet.\n";
  else
    ctx.out << text;
  return exit_code::ok;
}

} // namespace

Command register_log(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<LogOptions>();
  sub->add_option("-w,--week", opts->week, "Only this programme week")->type_name("N");
  sub->add_option("--run", opts->run, "An earlier programme (1, 2, ...)")->type_name("N");
  sub->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  return {sub, [&session, opts]() { return run_log(session, *opts); }};
}

} // namespace attune::cli
