// attune end [--reason TEXT]; attune review [--answers-file FILE | --helped T --signs T
// --keep T]; attune keep EXERCISE... [--times-per-week N] | --stop. What comes after six weeks.
#include <CLI/CLI.hpp>

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "after_flow.hpp"
#include "attune/after.hpp"
#include "attune/after_command.hpp"
#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "hooks.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

// ---- end -----------------------------------------------------------------------------------

struct EndOptions {
  std::optional<std::string> reason;
};

int run_end(Session &session, const EndOptions &opts) {
  Context &ctx = session.ctx();
  check_journal_text(opts.reason, "the reason");
  const Day today = session.today();
  Record end;
  std::string said;
  { // the lock is released before the hooks run
    JournalStore &store = session.store();
    const auto lock = store.lock(session.lock_timeout());
    const Journal journal = session.read_journal_run(std::nullopt, &lock); // the newest
    const History history = build_history(journal);
    const Run &run = run_to_end(history);
    const Plan plan = session.plan_for_run(run);
    end = decide_end(plan, run, today, opts.reason, record_stamp(session));
    store.append(lock, journal, {end});
    said = render_end(plan, run, today, ctx.text_width());
  }
  run_hooks(session, HookCommand::end, {end});
  if (!ctx.global.quiet)
    ctx.out << said;
  return exit_code::ok;
}

// ---- review --------------------------------------------------------------------------------

struct ReviewOptions {
  std::optional<std::string> answers_file;
  std::optional<std::string> helped, signs, keep;
};

int run_review(Session &session, const ReviewOptions &opts) {
  Context &ctx = session.ctx();
  const bool given = opts.helped || opts.signs || opts.keep;
  if (opts.answers_file && given)
    throw Error(ErrorKind::usage, "--answers-file and --helped/--signs/--keep cannot be mixed",
                "give the answers one way");
  check_journal_text(opts.helped, "--helped");
  check_journal_text(opts.signs, "--signs");
  check_journal_text(opts.keep, "--keep");
  const Day today = session.today();
  {
    const History history = build_history(session.read_journal_run(std::nullopt));
    const Run &run = require_latest_run(history);
    refuse_early_review(session.plan_for_run(run), run, today);
  }
  ReviewTexts texts;
  if (opts.answers_file) {
    const auto file =
        read_input_file(*opts.answers_file, 64 * 1024, "the answers file", InputOwner::argument);
    if (!file)
      throw Error(ErrorKind::invalid, "no file \"" + *opts.answers_file + "\"", "check the path");
    if (file->too_large)
      throw Error(ErrorKind::invalid, "the answers file is larger than 64 KiB",
                  "a few lines for each question are plenty");
    texts = parse_review_answers(file->text, *opts.answers_file);
  } else if (given) {
    texts = {opts.helped.value_or(""), opts.signs.value_or(""), opts.keep.value_or("")};
  } else {
    if (!ctx.in_tty)
      throw Error(ErrorKind::usage, "not a terminal, so I cannot ask",
                  "give the answers with --helped TEXT --signs TEXT --keep TEXT, or "
                  "--answers-file FILE");
    ctx.out << wrap_words("Three short questions to look back on your programme. Write as much "
                          "or as little as you like; Enter on its own leaves one out.",
                          ctx.text_width(), "", "");
    for (const ReviewQuestion q : review_questions) {
      ctx.out << '\n' << review_prompt(q) << "\n> " << std::flush;
      std::string line;
      if (!std::getline(ctx.in, line))
        break;
      texts[static_cast<std::size_t>(q)] = trim_blanks(line);
    }
  }
  if (!has_review_answer(texts)) {
    if (opts.answers_file)
      throw Error(ErrorKind::invalid, "the answers file holds no answer",
                  "write lines such as \"helped: TEXT\", \"signs: TEXT\", \"keep: TEXT\"");
    ctx.out << "\nNothing saved. You can come back to it whenever you like.\n";
    return exit_code::ok;
  }
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const History history = build_history(journal);
  const std::vector<Record> records =
      decide_review(texts, require_latest_run(history), today, record_stamp(session));
  store.append(lock, journal, records);
  if (!ctx.global.quiet)
    ctx.out << render_review_saved(records.size(), ctx.text_width());
  return exit_code::ok;
}

// ---- keep ----------------------------------------------------------------------------------

struct KeepOptions {
  std::vector<std::string> exercises;
  unsigned times = default_keep_times;
  bool stop = false;
};

int run_keep(Session &session, const KeepOptions &opts) {
  Context &ctx = session.ctx();
  check_keep_request(opts.exercises, opts.times, opts.stop);
  const Day today = session.today();
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock); // the newest
  const History history = build_history(journal);
  const Run &run = require_latest_run(history);
  const Plan plan = session.plan_for_run(run);
  if (opts.stop) {
    store.append(lock, journal, {decide_keep_stop(run, today, record_stamp(session))});
    if (!ctx.global.quiet)
      ctx.out << render_keep_stop(ctx.text_width());
    return exit_code::ok;
  }
  const std::vector<Record> records =
      decide_keep(plan, run, today, opts.exercises, opts.times, record_stamp(session));
  store.append(lock, journal, records);
  if (!ctx.global.quiet)
    ctx.out << render_keep(records, opts.times, ctx.text_width());
  return exit_code::ok;
}

} // namespace

Command register_end(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<EndOptions>();
  sub->add_option("-r,--reason", opts->reason, "Why, in your own words (kept in the journal)")
      ->type_name("TEXT");
  return {sub, [&session, opts]() { return run_end(session, *opts); }};
}

Command register_review(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<ReviewOptions>();
  sub->add_option("--answers-file", opts->answers_file,
                  "Read the answers from FILE (lines 'helped: ...', 'signs: ...', 'keep: ...')")
      ->type_name("FILE");
  sub->add_option("--helped", opts->helped, "What helped you most")->type_name("TEXT");
  sub->add_option("--signs", opts->signs, "The early signs that you are pulling away again")
      ->type_name("TEXT");
  sub->add_option("--keep", opts->keep, "What you will keep doing")->type_name("TEXT");
  return {sub, [&session, opts]() { return run_review(session, *opts); }};
}

Command register_keep(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<KeepOptions>();
  sub->add_option("programme-exercise", opts->exercises,
                  "Exercises of the programme to keep practising (up to three)")
      ->type_name("EXERCISE");
  sub->add_option("--times-per-week", opts->times, "How many days a week (1 to 7, default 3)")
      ->type_name("N");
  sub->add_flag("--stop", opts->stop, "End the kept practice");
  return {sub, [&session, opts]() { return run_keep(session, *opts); }};
}

} // namespace attune::cli
