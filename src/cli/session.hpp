#pragma once
/// Lazily loaded services shared by commands. Nothing is read until a command asks for it,
/// so `attune --version` and `attune help` touch no files and load no time-zone data.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "attune/calendar.hpp"
#include "attune/config.hpp"
#include "attune/journal.hpp"
#include "attune/paths.hpp"
#include "attune/plan.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/progress.hpp"
#include "attune/store.hpp"
#include "attune/zone.hpp"
#include "context.hpp"

namespace attune::cli {

class Session {
public:
  explicit Session(Context &ctx);
  ~Session();

  Context &ctx() noexcept { return ctx_; }

  /// Data folder, config file and user plans folder (paths.hpp rules).
  const Paths &paths();
  /// The effective settings: defaults, then config.toml, then environment, then flags, each
  /// remembering where it came from. A missing config file is the defaults.
  const Config &config();
  /// Where the zone came from: "--tz", "config file", "TZ", "system" or "fallback".
  const std::string &zone_source();
  /// The plan id or file to start with: --plan, else config `plan`, else the default plan.
  std::string chosen_plan();
  /// The time zone: --tz (Error(usage) if no such zone), else config `timezone` unless it is
  /// "auto" (Error(config) if no such zone), else TZ, else the
  /// system zone, else UTC (warns). Reads only the one zone file it needs.
  const Zone &zone();
  /// The zone's IANA name as stored in records.
  const std::string &zone_name();
  /// The current instant: ATTUNE_NOW (local wall time in zone()) when set, else the clock.
  Instant now();
  /// Checks ATTUNE_NOW's form without loading the time zone: for commands that may not need
  /// the time, so a bad setting is still reported. Throws as now() would.
  void check_now_setting();
  /// The logical day of now(), after the day boundary (config day_starts_at, default 04:00).
  Day today();
  /// The logical day an instant falls on here (this zone, the same day boundary as today()):
  /// the day a record was written, for the core's late-skip rule.
  RecordedDay recorded_day();
  /// Where plans are searched by id: the user's folder, the installed folder, then the plans
  /// compiled in.
  PlanSearchPath plan_search_path();
  /// The journal store for the data folder.
  JournalStore &store();
  /// Lock wait (config lock_timeout, default 10 s).
  std::chrono::milliseconds lock_timeout();
  /// Reads the journal (shared lock), reporting any problems found as warnings once.
  Journal read_journal(const JournalStore::Lock *held = nullptr);
  /// Reads only what one run needs (JournalStore::read_run): run `number`, or the newest
  /// run. Problems are reported as warnings once, as read_journal() does.
  Journal read_journal_run(std::optional<unsigned> number,
                           const JournalStore::Lock *held = nullptr);
  /// Reports what a journal read found as warnings and notes, each once (the streaming
  /// readers of export and import call it after their pass): its problems, clash notes, a
  /// newer format, and the folder's warnings.
  void report_problems(const Journal &journal);
  /// The plan a run was started with: the saved copy by hash, else by id (warns if changed).
  /// Loaded once per session for each plan hash and id.
  Plan plan_for_run(const Run &run);
  /// Colour on stdout, after the config file's `color` has been taken into account.
  bool use_color();
  /// A new unique record id (16 lowercase hex digits).
  std::string new_record_id();

private:
  Plan load_plan_for_run(const Run &run);

  struct State;
  Context &ctx_;
  std::unique_ptr<State> state_;
};

} // namespace attune::cli
