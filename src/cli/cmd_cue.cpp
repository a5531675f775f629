// attune cue EXERCISE "TEXT" | --clear: the person's own if-then plan for an exercise.
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "session.hpp"

#include <sys/stat.h>

namespace attune::cli {
namespace {

struct CueOptions {
  std::string exercise;
  std::optional<std::string> text;
  bool clear = false;
};

/// The exercise of the plan with this id, or nullptr.
const Exercise *find_exercise(const Plan &plan, const std::string &id) {
  for (const Week &w : plan.week_plans)
    for (const Exercise &e : w.exercises)
      if (e.id == id)
        return &e;
  return nullptr;
}

int run_cue(Session &session, const CueOptions &opts) {
  Context &ctx = session.ctx();
  if (opts.clear && opts.text)
    throw Error(ErrorKind::usage, "--clear and a cue cannot be given together",
                "'attune cue " + printable(opts.exercise) +
                    " --clear' returns to the plan's cue; name a cue to set your own");
  // The text is checked before anything is read: a mistake costs no lock and no folder.
  const std::optional<std::string> text =
      opts.text ? std::optional<std::string>(check_cue_text(*opts.text)) : std::nullopt;

  JournalStore &store = session.store();
  struct stat info {};
  if (::stat(store.journal_path().c_str(), &info) != 0) // nothing runs: create no folder
    (void)require_active_run(History{});
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const Run &run = require_active_run(history);
  const Plan plan = session.plan_for_run(run);
  const std::string id = match_exercise(opts.exercise, plan.exercise_ids(), "this programme");
  const Exercise &exercise = *find_exercise(plan, id);
  const std::map<std::string, std::string> cues = personal_cues(run);
  const EffectiveCue now = effective_cue(exercise, cues);

  if (!text && !opts.clear) { // just show it
    if (now.text.empty())
      ctx.out << wrap_words("The plan names no cue for " + printable(id) +
                                ". Set your own with 'attune cue " + printable(id) +
                                " \"when ...\"'.",
                            ctx.text_width(), "", "");
    else
      ctx.out << wrap_words(
          printable(now.text), ctx.text_width(),
          now.source == CueSource::mine ? "Your cue: " : "The plan's cue: ", "  ");
    return exit_code::ok;
  }
  if (opts.clear && now.source == CueSource::plan) {
    if (!ctx.global.quiet)
      ctx.out << wrap_words(printable(id) + " already follows the plan's cue; nothing changed.",
                            ctx.text_width(), "", "");
    return exit_code::ok;
  }
  if (text && now.source == CueSource::mine && now.text == *text) {
    if (!ctx.global.quiet)
      ctx.out << wrap_words("That is already your cue for " + printable(id) + "; nothing changed.",
                            ctx.text_width(), "", "");
    return exit_code::ok;
  }
  const Day today = session.today();
  Record r;
  r.id = session.new_record_id();
  r.type = RecordType::cue;
  r.day = today < run.start ? run.start : today;
  r.recorded = session.now();
  r.zone = session.zone_name();
  r.run = run.claim;
  r.exercise = id;
  r.text = text.value_or("");
  store.append(lock, journal, {r});
  if (!ctx.global.quiet) {
    if (text)
      ctx.out << wrap_words("Saved as your cue for " + printable(exercise.title) + " (" +
                                printable(id) + "): " + printable(*text) + ".",
                            ctx.text_width(), "", "");
    else
      ctx.out << wrap_words("Back to the plan's cue for " + printable(id) +
                                (exercise.cue.empty() ? std::string(" (it names none).")
                                                      : ": " + printable(exercise.cue)),
                            ctx.text_width(), "", "");
  }
  return exit_code::ok;
}

} // namespace

Command register_cue(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<CueOptions>();
  sub->add_option("exercise", opts->exercise, "The exercise (its id, or the start of it)")
      ->required()
      ->type_name("EXERCISE");
  sub->add_option("cue", opts->text,
                  "Your cue, one line: when this happens, I will do it (\"when I get home\")")
      ->type_name("TEXT");
  sub->add_flag("--clear", opts->clear, "Return to the plan's cue");
  return {sub, [&session, opts]() { return run_cue(session, *opts); }};
}

} // namespace attune::cli
