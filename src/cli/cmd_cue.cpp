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

int run_cue(Session &session, const CueOptions &opts) {
  Context &ctx = session.ctx();
  check_cue_request(opts.exercise, opts.text.has_value(), opts.clear);
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
  const Exercise &exercise = *find_plan_exercise(plan, id);
  const EffectiveCue now = effective_cue(exercise, personal_cues(run));
  const CueAction action = decide_cue(now, text, opts.clear);
  if (action == CueAction::set || action == CueAction::clear) {
    const Day today = session.today(); // the clock first, as before the move
    store.append(lock, journal,
                 {cue_record(run, today, id, text.value_or(""), record_stamp(session))});
  }
  // Only showing the cue speaks under --quiet: it is what was asked for.
  if (action == CueAction::show || !ctx.global.quiet)
    ctx.out << render_cue_result(action, exercise, now, text, ctx.text_width());
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
