#include "after_flow.hpp"

#include <algorithm>
#include <istream>
#include <list>
#include <ostream>

#include <sys/stat.h>

#include "attune/error.hpp"
#include "attune/text.hpp"
#include "daily.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {

bool checkin_after_end(Session &session, const History &history, Day day) {
  const Run *run = history.active();
  if (run == nullptr)
    run = ended_run(history);
  if (run == nullptr)
    return false;
  const Plan plan = session.plan_for_run(*run);
  return programme_over(plan, *run, day);
}

namespace {

enum class KeptAnswer { done, skip, not_yet, ended };

KeptAnswer ask_kept(Context &ctx, const MaintenanceItem &item) {
  for (;;) {
    ctx.out << '\n'
            << kept_title(item) << " (" << printable(item.exercise) << "), " << kept_progress(item)
            << "\n  done / skip / not yet? [d/s/Enter] " << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      return KeptAnswer::ended;
    line = trim_blanks(line);
    if (line == "d" || line == "done" || line == "y" || line == "yes")
      return KeptAnswer::done;
    if (line == "s" || line == "skip")
      return KeptAnswer::skip;
    if (line.empty() || line == "n" || line == "not yet")
      return KeptAnswer::not_yet;
    ctx.out << "  Please type d, s, or just press Enter.";
  }
}

} // namespace

// long because: asks, builds and writes in one flow; moving to a core command (issue 15)
int run_kept_checkin(Session &session, KeptCheckin opts) {
  Context &ctx = session.ctx();
  const Day today = session.today();
  JournalStore &store = session.store();
  // The items point into their plan (MaintenanceItem::plan_exercise): each call's plan lives
  // here, for as long as its items are used.
  std::list<Plan> plans;
  const auto decide = [&](const Journal &journal, bool asking) {
    const History history = build_history(journal);
    const Run &run = require_latest_run(history);
    const Day day = resolve_run_day(opts.date, today, &run);
    const Plan &plan = plans.emplace_back(session.plan_for_run(run));
    const Maintenance m = maintenance_of(run);
    const bool names = !opts.done.empty() || !opts.skip.empty() || opts.all || opts.skip_all;
    const std::string ended = "the programme ended on " + format_day(programme_end(plan, run));
    if (!m.active && (names || asking))
      throw Error(ErrorKind::invalid, ended + ", and no exercise is kept after it",
                  "'attune keep EXERCISE...' carries up to three on as a light practice; "
                  "'attune start' begins a new programme");
    if (m.active && day < m.since && (names || asking))
      throw Error(ErrorKind::invalid,
                  "your kept practice began on " + format_day(m.since) + ", after " +
                      format_day(day),
                  "check-ins for the kept exercises count from " + format_day(m.since) + " on");
    std::vector<MaintenanceItem> items;
    if (m.active && day >= m.since)
      items = maintenance_day(plan, m, run, day);
    return std::make_tuple(run.claim, day, m, items);
  };

  if (opts.ask) {
    const auto [claim, day, m, items] = decide(session.read_journal_run(std::nullopt), true);
    (void)claim;
    (void)m;
    ctx.out << "Your kept practice. For each one: d = done, s = skip, Enter = not yet.\n";
    bool any_open = false;
    for (const MaintenanceItem &item : items) {
      if (item.state != ExerciseState::open || item.quota.met)
        continue;
      any_open = true;
      const KeptAnswer a = ask_kept(ctx, item);
      if (a == KeptAnswer::ended)
        break;
      if (a == KeptAnswer::done)
        opts.done.push_back(item.exercise);
      else if (a == KeptAnswer::skip)
        opts.skip.push_back(item.exercise);
    }
    if (!any_open)
      ctx.out << "\nEverything you keep is taken care of for " << format_day(day) << ".\n";
    if (opts.done.empty() && opts.skip.empty()) {
      ctx.out << "\nNothing recorded. That is fine; come back when you are ready.\n";
      return exit_code::ok;
    }
  }

  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(std::nullopt, &lock);
  const auto [claim, day, m, items] = decide(journal, false);
  std::vector<std::string> kept_ids = m.exercises;
  const auto state_of = [&items = items](const std::string &id) {
    for (const MaintenanceItem &i : items)
      if (i.exercise == id)
        return i.state;
    return ExerciseState::open;
  };
  for (auto &name : opts.done)
    name = match_exercise(name, kept_ids, "your kept practice");
  for (auto &name : opts.skip)
    name = match_exercise(name, kept_ids, "your kept practice");
  if (opts.all || opts.skip_all) {
    auto &into = opts.all ? opts.done : opts.skip;
    const auto &other = opts.all ? opts.skip : opts.done;
    for (const MaintenanceItem &i : items)
      if (i.state == ExerciseState::open && !i.quota.met &&
          std::find(other.begin(), other.end(), i.exercise) == other.end())
        into.push_back(i.exercise);
  }
  std::vector<Record> records;
  std::vector<std::string> saved, already;
  const auto make = [&, &claim = claim, &day = day](RecordType type, const std::string &id) {
    Record r;
    r.id = session.new_record_id();
    r.type = type;
    r.day = day;
    r.recorded = session.now();
    r.zone = session.zone_name();
    r.run = claim;
    r.exercise = id;
    return r;
  };
  for (const auto &id : opts.done) {
    if (state_of(id) == ExerciseState::done) {
      already.push_back(id + " (done)");
      continue;
    }
    records.push_back(make(RecordType::done, id));
    saved.push_back(id + " done");
  }
  for (const auto &id : opts.skip) {
    if (state_of(id) != ExerciseState::open) {
      already.push_back(id + (state_of(id) == ExerciseState::done ? " (done)" : " (skipped)"));
      continue;
    }
    Record r = make(RecordType::skip, id);
    if (opts.reason)
      r.text = *opts.reason;
    records.push_back(r);
    saved.push_back(id + " skipped");
  }
  if (opts.note) {
    Record r = make(RecordType::note, "");
    r.text = *opts.note;
    records.push_back(r);
    saved.push_back("a note");
  }
  if (!records.empty())
    store.append(lock, journal, records);
  if (!already.empty()) {
    std::string list;
    for (const auto &a : already)
      list += (list.empty() ? "" : ", ") + a;
    ctx.out << "Already recorded for " << format_day(day) << ": " << list << ".\n";
  }
  if (saved.empty()) {
    if (already.empty())
      ctx.out << "Nothing is open for " << (day == today ? "today" : format_day(day))
              << "; nothing recorded.\n";
    return exit_code::ok;
  }
  if (ctx.global.quiet)
    return exit_code::ok;
  std::string list;
  for (const auto &s : saved)
    list += (list.empty() ? "" : ", ") + s;
  std::string line =
      "Saved for " + (day == today ? std::string("today") : format_day(day)) + ": " + list + ".";
  if (m.active && day >= m.since) {
    const History history = build_history(journal);
    Run updated = require_latest_run(history);
    updated.records.insert(updated.records.end(), records.begin(), records.end());
    const Plan plan = session.plan_for_run(updated);
    std::string weekly;
    for (const MaintenanceItem &i : maintenance_day(plan, m, updated, day))
      weekly += (weekly.empty() ? "" : "; ") + printable(i.exercise) + " " + kept_progress(i);
    line += " So far: " + weekly + ".";
  }
  ctx.out << wrap_words(line, ctx.text_width(), "", "");
  return exit_code::ok;
}

} // namespace attune::cli
