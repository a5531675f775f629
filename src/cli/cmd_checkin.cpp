// attune checkin [EXERCISE...] [--skip EXERCISE...] [--not-arisen EXERCISE...]
//                [--all | --skip-all] [--reason TEXT] [--note TEXT] [--date DATE]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "after_flow.hpp"
#include "attune/checkin_rules.hpp"
#include "attune/config.hpp"
#include "attune/error.hpp"
#include "attune/pause.hpp"
#include "attune/progress.hpp"
#include "attune/prompts.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "daily.hpp"
#include "hooks.hpp"
#include "session.hpp"
#include "week_intro.hpp"

namespace attune::cli {
namespace {

struct CheckinOptions {
  std::vector<std::string> done;
  std::vector<std::string> skip;
  /// When-it-arises exercises whose situation did not come up that day.
  std::vector<std::string> not_arisen;
  std::optional<std::string> reason;
  /// Reasons given per skip in the interactive check-in (over --reason).
  std::map<std::string, std::string> skip_reasons;
  std::optional<std::string> note;
  std::optional<std::string> date;
  bool all = false;      ///< everything open that day done (but what --skip names)
  bool skip_all = false; ///< everything open that day skipped (but what is named done)
  /// Answers for earlier days of the week, from the interactive check-in (newest first).
  struct Earlier {
    Day day{};
    std::vector<std::string> done, skip;
  };
  std::vector<Earlier> earlier;
};

std::string week_label(const Position &pos) {
  return "week " + std::to_string(pos.week);
}

/// An exercise id of this week's plan for what was typed, or a clear error: another week's
/// exercise is named as such, anything else gets candidates and a did-you-mean.
std::string resolve_name(const std::string &typed, const Plan &plan, const DayView &view) {
  const std::vector<std::string> week_ids = checkin_exercise_ids(view);
  try {
    return match_exercise(typed, week_ids, "this week");
  } catch (const Error &) {
    for (const std::string &id : plan.exercise_ids())
      if (id == typed || (id.compare(0, typed.size(), typed) == 0 && typed.size() >= 3 &&
                          std::find(week_ids.begin(), week_ids.end(), id) == week_ids.end()))
        throw Error(
            ErrorKind::invalid, "\"" + id + "\" is not part of " + week_label(view.pos) + "'s plan",
            "this week: " + [&week_ids] {
              std::string out;
              for (const auto &w : week_ids)
                out += (out.empty() ? "" : ", ") + w;
              return out;
            }());
    throw;
  }
}

enum class CheckinAnswer { done, skip, not_yet, ended, not_arisen };

/// Asks "done / skip / not yet?" about one exercise until the answer is one of those; for a
/// when-it-arises exercise "done / didn't come up / not yet?" (nothing there is skipped: a
/// situation that did not come up is not a skip).
CheckinAnswer ask_one(Context &ctx, const Exercise &e, const std::string &weekly) {
  const bool situational = e.schedule.situational();
  for (;;) {
    ctx.out << '\n' << printable(e.title) << " (" << printable(e.id) << ")";
    if (situational)
      ctx.out << ", if it came up: " << printable(e.cue)
              << "\n  done / didn't come up / not yet? [d/c/Enter] ";
    else
      ctx.out << (weekly.empty() ? "" : ", " + weekly) << "\n  done / skip / not yet? [d/s/Enter] ";
    ctx.out << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      return CheckinAnswer::ended;
    line = trim_blanks(line);
    if (line == "d" || line == "done" || line == "y" || line == "yes")
      return CheckinAnswer::done;
    if (!situational && (line == "s" || line == "skip"))
      return CheckinAnswer::skip;
    if (situational && (line == "c" || line == "didn't come up" || line == "did not come up"))
      return CheckinAnswer::not_arisen;
    if (line.empty() || line == "n" || line == "not yet")
      return CheckinAnswer::not_yet;
    ctx.out << (situational ? "  Please type d, c, or just press Enter."
                            : "  Please type d, s, or just press Enter.");
  }
}

/// After a skip: an optional reason, one line (Enter for none). False at the end of input.
bool ask_reason(Context &ctx, const std::string &id, CheckinOptions &opts) {
  ctx.out << "  A reason, if you like (Enter to pass):\n  > " << std::flush;
  std::string line;
  if (!std::getline(ctx.in, line))
    return false;
  line = trim_blanks(line);
  if (!line.empty() && is_valid_utf8(line))
    opts.skip_reasons[id] = line;
  return true;
}

/// Asks about each open exercise in turn; on today (no --date), then about each earlier day
/// of the programme week left unanswered, newest first (checkin_rules: unanswered_days); then
/// offers a note for the day. Fills `opts`.
void ask_interactively(Session &session, const Plan &plan, const Run &run, const DayView &view,
                       Day day, bool offer_earlier, CheckinOptions &opts) {
  Context &ctx = session.ctx();
  std::vector<std::string> reflections; // answers to the plan's prompts, labelled
  ctx.out << position_line(view.pos) << ". For each one: d = done, s = skip, Enter = not yet.\n";
  bool ended = false; // end of input: keep what was answered, ask nothing more
  // What is open, then the situational exercises with nothing recorded that day (never open:
  // asked so that practice is counted, and "it did not come up" noted if the person wishes).
  std::vector<const Exercise *> to_ask = open_exercises(view);
  for (const Exercise *e : situational_unrecorded(view))
    to_ask.push_back(e);
  for (const Exercise *open : to_ask) {
    if (ended)
      break;
    const Exercise &e = *open;
    const DueItem *item = nullptr;
    for (const DueItem &i : view.items)
      if (i.exercise == open)
        item = &i;
    {
      const CheckinAnswer answer = ask_one(ctx, e, item ? weekly_progress(*item) : std::string());
      if (answer == CheckinAnswer::ended) {
        ended = true;
        break;
      }
      if (answer == CheckinAnswer::done) {
        opts.done.push_back(e.id);
        if (!e.prompts.empty()) {
          ctx.out << "  A few words for each, if you like (Enter to pass):\n";
          std::vector<std::string> answers;
          for (const std::string &prompt : e.prompts) {
            ctx.out << "  " << printable(prompt) << "\n  > " << std::flush;
            std::string reply;
            if (!std::getline(ctx.in, reply)) {
              ended = true;
              break;
            }
            answers.push_back(reply);
          }
          if (auto text = labelled_answers(e.title, e.prompts, answers); !text.empty())
            reflections.push_back(std::move(text));
        }
      } else if (answer == CheckinAnswer::skip) {
        opts.skip.push_back(e.id);
        if (!ask_reason(ctx, e.id, opts)) {
          ended = true;
          break;
        }
      } else if (answer == CheckinAnswer::not_arisen) {
        opts.not_arisen.push_back(e.id);
      }
    }
  }
  // After a gap: the earlier days of this week, newest first, only what was scheduled on them
  // (the prompts are asked for today's practice only, to keep catching up short).
  const std::vector<Day> earlier =
      offer_earlier && !ended ? unanswered_days(plan, run, day) : std::vector<Day>{};
  for (const Day past_day : earlier) {
    if (ended)
      break;
    const DayView past = day_view(plan, run, past_day);
    ctx.out << "\n"
            << weekday_long(date::weekday{past_day}) << " " << format_day(past_day)
            << ", not answered yet:";
    CheckinOptions::Earlier answers;
    answers.day = past_day;
    for (const Exercise *e : unanswered_exercises(past)) {
      const CheckinAnswer answer = ask_one(ctx, *e, "");
      if (answer == CheckinAnswer::ended) {
        ended = true;
        break;
      }
      if (answer == CheckinAnswer::done)
        answers.done.push_back(e->id);
      else if (answer == CheckinAnswer::skip)
        answers.skip.push_back(e->id); // no reason asked: catching up stays short
    }
    if (!answers.done.empty() || !answers.skip.empty())
      opts.earlier.push_back(std::move(answers));
  }
  if (!ended) {
    ctx.out << "\nA note for the day? (Enter to leave it) " << std::flush;
    std::string line;
    if (std::getline(ctx.in, line) && !trim_blanks(line).empty())
      reflections.push_back(trim_blanks(line));
  }
  // One note for the day: the prompts' answers first, then the free note.
  std::string note;
  for (const std::string &part : reflections)
    note += (note.empty() ? "" : " / ") + part;
  if (!note.empty())
    opts.note = note;
}

/// Exercise ids for an example in a hint, from the plan in use: today's first (and second)
/// exercise, so the hint never names an id this plan lacks. "EXERCISE" when none is known.
std::vector<std::string> example_ids(Session &session) {
  std::vector<std::string> ids;
  try {
    const History history = build_history(session.read_journal_run(std::nullopt, nullptr));
    if (const Run *run = history.active()) {
      const Plan plan = session.plan_for_run(*run);
      for (const DueItem &item : day_view(plan, *run, session.today()).items)
        ids.push_back(item.exercise->id);
    }
  } catch (const Error &) {
    // Only an example: the command's own error follows.
  }
  if (ids.empty())
    ids.push_back("EXERCISE");
  return ids;
}

/// The run as it stands once this check-in's `resume` (`back`, today) is written: an open pause
/// ends with the next check-in.
Run resumed_run(const Run &run, const Record &back) {
  Run out = run;
  out.records.push_back(back);
  out.pauses = pauses_of(out.records);
  return out;
}

/// A paused day takes no check-in, unless it is today in an open pause, which the check-in
/// ends (the caller asks or says so). Throws for the others, with the way back.
void refuse_paused_day(const DayView &view, Day day, Day today, bool ends_open_pause) {
  if (view.pos.phase != Phase::paused || ends_open_pause)
    return;
  const std::string span = view.pos.pause_until ? "from " + format_day(view.pos.pause_from) +
                                                      " until " + format_day(*view.pos.pause_until)
                                                : "since " + format_day(view.pos.pause_from);
  throw Error(ErrorKind::invalid,
              format_day(day) + " is a day of your pause (" + span + "), so it takes no check-ins",
              day <= today && view.pos.pause_until && *view.pos.pause_until >= today
                  ? "if you are back, 'attune resume' ends the pause today"
                  : "'attune resume' ends a pause; 'attune undo' withdraws one made by mistake");
}

// long because: decides the records here; moving to a core checkin command (issue 15)
int run_checkin(Session &session, CheckinOptions opts) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  // Combinations that cannot mean anything: refused before anything is read.
  if (opts.all && opts.skip_all)
    throw Error(ErrorKind::usage, "--all and --skip-all cannot be used together",
                "--all records everything open as done, --skip-all as skipped; choose one");
  if (opts.all && !opts.done.empty())
    throw Error(ErrorKind::usage, "--all already records everything open as done",
                "leave out the exercise names, or name them without --all");
  if (opts.skip_all && !opts.skip.empty())
    throw Error(ErrorKind::usage, "--skip-all already skips everything open",
                "leave out --skip, or name what to skip without --skip-all");
  const bool named = !opts.done.empty() || !opts.skip.empty() || !opts.not_arisen.empty() ||
                     opts.note || opts.all || opts.skip_all;
  if (!named && !ctx.in_tty)
    throw Error(ErrorKind::usage, "nothing to record",
                "name what you did, e.g. 'attune checkin " + example_ids(session).front() +
                    "', or run it in a terminal to be asked");
  // Text that is not UTF-8 would come back garbled in every report: refuse it before saving.
  for (const auto *text : {&opts.note, &opts.reason})
    if (*text && !is_valid_utf8(**text))
      throw Error(ErrorKind::invalid,
                  std::string(text == &opts.note ? "the note" : "the reason") +
                      " is not valid UTF-8 text",
                  "check your terminal's character encoding; nothing was saved");
  for (const auto *text : {&opts.note, &opts.reason})
    if (*text && trim_blanks(**text).empty())
      throw Error(ErrorKind::invalid,
                  std::string(text == &opts.note ? "the note" : "the reason") + " is empty",
                  "write a few words, or leave out " +
                      std::string(text == &opts.note ? "--note" : "--reason") +
                      "; nothing was saved");
  if (opts.reason && opts.skip.empty() && !opts.skip_all)
    throw Error(ErrorKind::usage, "--reason goes with --skip or --skip-all",
                "e.g. 'attune checkin --skip " + example_ids(session).back() +
                    " --reason \"a long day\"'");

  // After the programme's end, check-ins are for the kept practice (after_flow).
  if (struct stat seen{}; ::stat(session.store().journal_path().c_str(), &seen) == 0) {
    const History now = build_history(session.read_journal_run(std::nullopt));
    const Run *latest = now.active() != nullptr ? now.active() : ended_run(now);
    if (latest != nullptr &&
        checkin_after_end(session, now, resolve_run_day(opts.date, today, latest))) {
      KeptCheckin kept;
      kept.done = opts.done;
      kept.skip = opts.skip;
      kept.reason = opts.reason;
      kept.note = opts.note;
      kept.date = opts.date;
      kept.all = opts.all;
      kept.skip_all = opts.skip_all;
      kept.ask = !named;
      return run_kept_checkin(session, kept);
    }
  }

  // A first look, to resolve names and ask questions: without the lock when asking (a person
  // may take minutes), else under the lock kept for the write, so the journal is read once.
  JournalStore &store = session.store();
  std::optional<JournalStore::Lock> held;
  std::optional<Journal> first;
  struct stat info {};
  // No journal yet: nothing is running, and the error must not create the folder.
  if (named && ::stat(store.journal_path().c_str(), &info) == 0)
    held.emplace(store.lock(session.lock_timeout()));
  {
    first = session.read_journal_run(std::nullopt, held ? &*held : nullptr);
    const History history = build_history(*first);
    const Run &active = require_active_run(history);
    const Day day = resolve_run_day(opts.date, today, &active);
    const Plan plan = session.plan_for_run(active);
    const DayView paused_view = day_view(plan, active, day);
    const Pause *open = day == today ? open_pause(active, today) : nullptr;
    refuse_paused_day(paused_view, day, today, open != nullptr);
    std::optional<Run> resumed;
    if (open != nullptr) {
      // The open pause ends with this check-in: asked on a terminal, said off one.
      if (!named) {
        ctx.out << wrap_words("You are pausing since " + format_day(open->from) +
                                  ". Welcome back: end the pause and check in for today? [Y/n]",
                              ctx.text_width(), "", "")
                << "> " << std::flush;
        std::string answer;
        const bool got = static_cast<bool>(std::getline(ctx.in, answer));
        const std::string a = trim_blanks(answer);
        if (!got || a == "n" || a == "N" || a == "no" || a == "No") {
          ctx.out << "\nYour pause goes on; nothing recorded. Rest well.\n";
          return exit_code::ok;
        }
      } else {
        ctx.note("your pause since " + format_day(open->from) +
                 " ends with this check-in: welcome back");
      }
      Record back;
      back.type = RecordType::resume;
      back.day = today;
      resumed = resumed_run(active, back);
    }
    const Run &run = resumed ? *resumed : active;
    const DayView view = resumed ? day_view(plan, run, day) : paused_view;
    if (!named && day == today && !resumed) {
      const std::string welcome = welcome_back_line(away(plan, run, today));
      if (!welcome.empty())
        ctx.out << wrap_words(welcome, ctx.text_width(), "", "") << "\n";
    }
    if (view.pos.phase != Phase::active || view.week == nullptr)
      throw Error(ErrorKind::invalid,
                  "the programme ended on " + format_day(view.pos.last) + ", so " +
                      format_day(day) + " cannot take check-ins",
                  "see 'attune report', or begin again with 'attune start --restart'");
    if (!named) {
      // The first interactive check-in of a programme week offers the week's new cues
      // (once, with `today`; see week_intro.hpp), before the questions.
      if (!opts.date)
        offer_week_cues(session, plan, run, view.pos.week);
      ask_interactively(session, plan, run, view, day, !opts.date, opts);
      if (opts.done.empty() && opts.skip.empty() && opts.not_arisen.empty() && !opts.note &&
          opts.earlier.empty()) {
        ctx.out << "\nNothing recorded. That is fine; come back when you are ready.\n";
        return exit_code::ok;
      }
    }
    for (auto &name : opts.done)
      name = resolve_name(name, plan, view);
    for (auto &name : opts.skip) {
      name = resolve_name(name, plan, view);
      for (const Exercise &e : view.week->exercises)
        if (e.id == name)
          if (const auto refusal = refuse_skip(e, day))
            throw Error(ErrorKind::invalid, refusal->message, refusal->hint);
    }
    for (const auto &id : opts.skip)
      if (std::find(opts.done.begin(), opts.done.end(), id) != opts.done.end())
        throw Error(ErrorKind::usage, "\"" + id + "\" is named as both done and skipped",
                    "choose one");
    for (auto &name : opts.not_arisen) {
      name = resolve_name(name, plan, view);
      for (const Exercise &e : view.week->exercises)
        if (e.id == name)
          if (const auto refusal = refuse_not_arisen(e))
            throw Error(ErrorKind::invalid, refusal->message, refusal->hint);
      const bool done = std::find(opts.done.begin(), opts.done.end(), name) != opts.done.end();
      if (done || std::find(opts.skip.begin(), opts.skip.end(), name) != opts.skip.end())
        throw Error(ErrorKind::usage,
                    "\"" + name + "\" is named as both " + (done ? "done" : "skipped") +
                        " and not arisen",
                    "choose one");
    }
    // --all / --skip-all: what is open that day (checkin_rules: open_exercises), but what
    // was named the other way ("--all --skip trigger-note": all done but that one).
    if (opts.all || opts.skip_all) {
      auto &into = opts.all ? opts.done : opts.skip;
      const auto &other = opts.all ? opts.skip : opts.done;
      for (const Exercise *e : open_exercises(view))
        if (std::find(other.begin(), other.end(), e->id) == other.end())
          into.push_back(e->id);
      if (opts.done.empty() && opts.skip.empty() && !opts.note) {
        ctx.out << "Nothing is open for " << (day == today ? "today" : format_day(day))
                << "; nothing recorded.\n";
        return exit_code::ok;
      }
    }
  }

  // Read, check and write under one lock: another attune may have written meanwhile.
  if (!held) {
    held.emplace(store.lock(session.lock_timeout()));
    first = session.read_journal_run(std::nullopt, &*held);
  }
  const JournalStore::Lock &lock = *held;
  const Journal journal = std::move(*first);
  const History history = build_history(journal);
  const Run &active = require_active_run(history);
  const Day day = resolve_run_day(opts.date, today, &active);
  const Plan plan = session.plan_for_run(active);
  // An open pause ends with this check-in (said above): its `resume` is written first.
  std::optional<Record> back;
  if (day == today && open_pause(active, today) != nullptr) {
    back.emplace();
    back->id = session.new_record_id();
    back->type = RecordType::resume;
    back->day = today;
    back->recorded = session.now();
    back->zone = session.zone_name();
    back->run = active.claim;
  }
  const Run run_resumed = back ? resumed_run(active, *back) : Run{};
  const Run &run = back ? run_resumed : active;
  const DayView before = day_view(plan, run, day);
  refuse_paused_day(before, day, today, false);

  auto state_of = [&before](const std::string &id) {
    for (const DueItem &item : before.items)
      if (item.exercise->id == id)
        return item.state;
    return ExerciseState::open;
  };
  std::vector<Record> records;
  std::vector<std::string> recorded, already;
  auto make = [&](RecordType type, const std::string &id) {
    Record r;
    r.id = session.new_record_id();
    r.type = type;
    r.day = day;
    r.recorded = session.now();
    r.zone = session.zone_name();
    r.run = run.claim;
    r.exercise = id;
    return r;
  };
  for (const auto &id : opts.done) {
    if (state_of(id) == ExerciseState::done) {
      already.push_back(id + " (done)");
      continue;
    }
    records.push_back(make(RecordType::done, id));
    recorded.push_back(id + " done");
  }
  for (const auto &id : opts.skip) {
    const ExerciseState s = state_of(id);
    if (s != ExerciseState::open) {
      already.push_back(id + (s == ExerciseState::done      ? " (done)"
                              : s == ExerciseState::skipped ? " (skipped)"
                                                            : " (did not come up)"));
      continue;
    }
    Record r = make(RecordType::skip, id);
    if (auto it = opts.skip_reasons.find(id); it != opts.skip_reasons.end())
      r.text = it->second;
    else if (opts.reason)
      r.text = *opts.reason;
    records.push_back(r);
    recorded.push_back(id + " skipped");
  }
  for (const auto &id : opts.not_arisen) {
    const ExerciseState s = state_of(id);
    if (s != ExerciseState::open) {
      already.push_back(id + (s == ExerciseState::done      ? " (done)"
                              : s == ExerciseState::skipped ? " (skipped)"
                                                            : " (did not come up)"));
      continue;
    }
    records.push_back(make(RecordType::not_arisen, id));
    recorded.push_back(id + " did not come up");
  }
  // Earlier days answered in the interactive check-in, each only if still unanswered.
  std::vector<std::string> earlier_saved;
  for (const auto &past : opts.earlier) {
    const DayView then = day_view(plan, run, past.day);
    std::string list;
    for (const auto &[ids, type] :
         {std::pair{&past.done, RecordType::done}, std::pair{&past.skip, RecordType::skip}})
      for (const auto &id : *ids) {
        const auto still = unanswered_exercises(then);
        if (std::none_of(still.begin(), still.end(),
                         [&id](const Exercise *e) { return e->id == id; }))
          continue;
        Record r = make(type, id);
        r.day = past.day;
        records.push_back(r);
        list += (list.empty() ? "" : ", ") + id + (type == RecordType::done ? " done" : " skipped");
      }
    if (!list.empty())
      earlier_saved.push_back(format_day(past.day) + ": " + list);
  }
  if (opts.note) {
    Record r = make(RecordType::note, "");
    r.text = *opts.note;
    records.push_back(r);
    recorded.push_back("a note");
  }
  if (!records.empty()) {
    if (back)
      records.insert(records.begin(), *back);
    store.append(lock, journal, records);
    if (back)
      records.erase(records.begin()); // in `run` already
  }

  // Feedback from the journal as it now stands.
  Run after = run;
  after.records.insert(after.records.end(), records.begin(), records.end());
  const DayView view = day_view(plan, after, day);
  const Streak s = streak(plan, after, today, session.recorded_day());
  if (!already.empty()) {
    std::string list;
    for (const auto &a : already)
      list += (list.empty() ? "" : ", ") + a;
    ctx.out << "Already recorded for " << format_day(day) << ": " << list << ".\n";
  }
  if (!recorded.empty() && !ctx.global.quiet) {
    std::string list;
    for (const auto &r : recorded)
      list += (list.empty() ? "" : ", ") + r;
    // Before the day boundary (04:00 by default) the logical today is the calendar's
    // yesterday: say which day it went to, so 01:30 on Saturday is not a surprise.
    const bool early =
        day == today && logical_day(to_local(session.now(), session.zone()), {}) != today;
    const std::string when = day != today ? format_day(day)
                             : early      ? format_day(day) + " (before " +
                                           format_clock_time(session.config().day_starts_at.value) +
                                           " still counts as the day before)"
                                     : "today";
    std::string line = "Saved for " + when + ": " + list + ". " +
                       day_summary(view, day == today && !early ? "today" : "that day");
    const std::string sp = streak_phrase(s);
    if (!sp.empty())
      line += " You have " + sp + ".";
    ctx.out << wrap_words(line, ctx.text_width(), "", "");
  }
  if (!earlier_saved.empty() && !ctx.global.quiet)
    for (const auto &entry : earlier_saved)
      ctx.out << wrap_words("Saved for " + entry + ".", ctx.text_width(), "", "");
  held.reset(); // a hook may run attune (log, report): not under our lock
  run_hooks(session, HookCommand::checkin, records);
  return exit_code::ok;
}

} // namespace

Command register_checkin(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<CheckinOptions>();
  sub->add_option("exercise", opts->done, "Exercises done (id or unique prefix)")
      ->type_name("EXERCISE");
  // One exercise per -s (or a comma list), so `checkin -s catch trigger` skips catch and
  // records trigger as done, rather than swallowing every word after it.
  sub->add_option("-s,--skip", opts->skip,
                  "An exercise skipped on purpose; repeat -s or give a comma list (a,b)")
      ->type_name("EXERCISE")
      ->allow_extra_args(false)
      ->delimiter(',');
  sub->add_option("--not-arisen", opts->not_arisen,
                  "A when-it-arises exercise whose situation did not come up; repeat or a,b")
      ->type_name("EXERCISE")
      ->allow_extra_args(false)
      ->delimiter(',');
  sub->add_flag("-a,--all", opts->all, "Everything open that day done (but what --skip names)");
  sub->add_flag("--skip-all", opts->skip_all,
                "Everything open that day skipped on purpose (but what is named done)");
  sub->add_option("-r,--reason", opts->reason, "Why they were skipped")->type_name("TEXT");
  sub->add_option("-n,--note", opts->note, "A note for the day")->type_name("TEXT");
  sub->add_option("-d,--date", opts->date, "Another day (YYYY-MM-DD, yesterday, -N, mon...)")
      ->type_name("DATE");
  return {sub, [&session, opts]() { return run_checkin(session, *opts); }};
}

} // namespace attune::cli
