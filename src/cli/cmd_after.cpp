// attune end [--reason TEXT]; attune review [--answers-file FILE | --helped T --signs T
// --keep T]; attune keep EXERCISE... [--times-per-week N] | --stop. What comes after six weeks.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "after_flow.hpp"
#include "attune/after.hpp"
#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "hooks.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

Record new_after_record(Session &session, RecordType type, const Run &run, Day day) {
  Record r;
  r.id = session.new_record_id();
  r.type = type;
  r.day = day;
  r.recorded = session.now();
  r.zone = session.zone_name();
  r.run = run.claim;
  return r;
}

void require_text(const std::optional<std::string> &text, const std::string &what) {
  if (!text)
    return;
  if (!is_valid_utf8(*text))
    throw Error(ErrorKind::invalid, what + " is not valid UTF-8 text",
                "check your terminal's character encoding; nothing was saved");
  if (trim_blanks(*text).empty())
    throw Error(ErrorKind::invalid, what + " is empty",
                "write a few words, or leave it out; nothing was saved");
}

// ---- end -----------------------------------------------------------------------------------

struct EndOptions {
  std::optional<std::string> reason;
};

int run_end(Session &session, const EndOptions &opts) {
  Context &ctx = session.ctx();
  require_text(opts.reason, "the reason");
  const Day today = session.today();
  Record end;
  unsigned number = 0;
  std::string plan_name;
  Day start{};
  { // the lock is released before the hooks run
    JournalStore &store = session.store();
    const auto lock = store.lock(session.lock_timeout());
    const Journal journal = session.read_journal_run(std::nullopt, &lock); // the newest
    const History history = build_history(journal);
    const Run *run = history.active();
    if (run == nullptr) {
      if (ended_run(history) != nullptr)
        throw Error(ErrorKind::invalid,
                    "programme " + std::to_string(history.runs.back().number) +
                        " has already ended",
                    "'attune review' looks back on it; 'attune start' begins a new one");
      run = &require_active_run(history); // nothing started: says how to start
    }
    const Plan plan = session.plan_for_run(*run);
    if (programme_over(plan, *run, today))
      throw Error(ErrorKind::invalid,
                  "programme " + std::to_string(run->number) + " already came to its end on " +
                      format_day(programme_end(plan, *run)),
                  "nothing to end; 'attune review' looks back on it, 'attune keep' carries "
                  "exercises on");
    end = new_after_record(session, RecordType::end, *run, today);
    if (opts.reason)
      end.text = *opts.reason;
    store.append(lock, journal, {end});
    number = run->number;
    plan_name = plan.name;
    start = run->start;
  }
  run_hooks(session, HookCommand::end, {end});
  if (!ctx.global.quiet)
    ctx.out << wrap_words(
        "Programme " + std::to_string(number) + " (" + printable(plan_name) + ", " +
            format_day(start) + " to " + format_day(today) +
            ") has ended. Stopping is a choice you are free to make, and everything you "
            "practised stays in your journal. 'attune review' looks back on it, 'attune "
            "keep' carries a few exercises on, and 'attune start' begins again whenever you "
            "like.",
        ctx.text_width(), "", "");
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
  require_text(opts.helped, "--helped");
  require_text(opts.signs, "--signs");
  require_text(opts.keep, "--keep");
  const Day today = session.today();
  {
    const History history = build_history(session.read_journal_run(std::nullopt));
    const Run &run = require_latest_run(history);
    const Plan plan = session.plan_for_run(run);
    if (!review_open(plan, run, today))
      throw Error(ErrorKind::invalid,
                  "the review looks back on a whole programme, and yours runs until " +
                      format_day(programme_end(plan, run)),
                  "it is offered on the last day; to stop early, 'attune end' ends the "
                  "programme first");
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
  std::vector<std::pair<ReviewQuestion, std::string>> answers;
  for (const ReviewQuestion q : review_questions)
    if (!trim_blanks(texts[static_cast<std::size_t>(q)]).empty())
      answers.emplace_back(q, trim_blanks(texts[static_cast<std::size_t>(q)]));
  if (answers.empty()) {
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
  const Run &run = require_latest_run(history);
  std::vector<Record> records;
  for (const auto &[q, text] : answers) {
    Record r = new_after_record(session, RecordType::review, run, today);
    r.question = std::string(to_string(q));
    r.text = text;
    records.push_back(std::move(r));
  }
  store.append(lock, journal, records);
  if (!ctx.global.quiet)
    ctx.out << wrap_words("Saved your review (" +
                              plural(static_cast<long long>(records.size()), "answer", "answers") +
                              "). It is yours to return to: 'attune report' shows it with the "
                              "programme, and the signs you named are worth a look now and "
                              "then.",
                          ctx.text_width(), "", "");
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
  if (opts.stop && !opts.exercises.empty())
    throw Error(ErrorKind::usage, "--stop ends the kept practice and takes no exercises",
                "use 'attune keep --stop', or name exercises to keep without it");
  if (!opts.stop && opts.exercises.empty())
    throw Error(ErrorKind::usage, "name the exercises to keep",
                "e.g. 'attune keep EXERCISE --times-per-week 3' (up to three; 'attune report' "
                "lists the programme's exercises)");
  if (opts.times < 1 || opts.times > 7)
    throw Error(ErrorKind::usage,
                "--times-per-week " + std::to_string(opts.times) + " is not 1 to 7",
                "a light practice is a few days a week; 3 is the default");
  const Day today = session.today();
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock); // the newest
  const History history = build_history(journal);
  const Run &run = require_latest_run(history);
  const Plan plan = session.plan_for_run(run);
  const Maintenance m = maintenance_of(run);
  if (opts.stop) {
    if (!m.active)
      throw Error(ErrorKind::invalid, "no exercise is being kept",
                  "'attune keep EXERCISE...' begins a kept practice after the programme");
    store.append(lock, journal, {new_after_record(session, RecordType::keep_stop, run, today)});
    if (!ctx.global.quiet)
      ctx.out << wrap_words("Your kept practice has stopped; its check-ins stay in your "
                            "journal. 'attune keep' picks it up again whenever you like.",
                            ctx.text_width(), "", "");
    return exit_code::ok;
  }
  if (!programme_over(plan, run, today))
    throw Error(ErrorKind::invalid,
                "your programme runs until " + format_day(programme_end(plan, run)) +
                    ", and its own exercises are what to practise until then",
                "'attune keep' carries exercises on after the end (or after 'attune end')");
  const auto too_many = [](std::size_t n) {
    return Error(ErrorKind::usage,
                 std::to_string(n) + " exercises is more than a light practice holds",
                 "choose up to three; the ones that helped most are a good start");
  };
  if (opts.exercises.size() > max_kept_exercises)
    throw too_many(opts.exercises.size());
  const std::vector<std::string> ids = plan.exercise_ids();
  std::vector<std::string> chosen;
  for (const std::string &typed : opts.exercises) {
    const std::string id = match_exercise(typed, ids, "the programme");
    if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
      chosen.push_back(id);
  }
  std::vector<Record> records;
  for (const std::string &id : chosen) {
    Record r = new_after_record(session, RecordType::keep, run, today);
    r.exercise = id;
    r.times = opts.times;
    records.push_back(std::move(r));
  }
  store.append(lock, journal, records);
  if (!ctx.global.quiet) {
    std::string list;
    for (std::size_t i = 0; i < chosen.size(); ++i)
      list += (i == 0 ? "" : i + 1 == chosen.size() ? " and " : ", ") + chosen[i];
    ctx.out << wrap_words(
        "Keeping " + printable(list) + ", " + std::to_string(opts.times) +
            (opts.times == 1 ? " time" : " times") + " a week each, in weeks counted from " +
            "today. 'attune today' shows it, 'attune checkin' records it, and 'attune keep "
            "--stop' ends it whenever you like.",
        ctx.text_width(), "", "");
  }
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
