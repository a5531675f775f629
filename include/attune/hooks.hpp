#pragma once
/// Hooks: the person's own programs run after a command has saved its records (attune(1),
/// HOOKS). The core decides which hook gets which records and whether a hook file may run;
/// the front end runs it (src/cli/hooks.cpp). Pure.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/exchange.hpp"
#include "attune/journal.hpp"
#include "attune/plan.hpp"

namespace attune {

/// The command that wrote records. import and sync never run hooks (the records were made
/// elsewhere, and their hooks ran there); `other` (undo, forget, ...) neither.
enum class HookCommand { checkin, start, reflect, end, import, sync, other };

/// One hook to run: its file name in the hooks folder and the records it reads.
struct HookCall {
  std::string name; ///< "on-checkin", "on-start", "on-reflect", "on-end"
  std::vector<Record> records;
};

/// The hooks a command's new records trigger, in the order to run them, each record as the
/// store wrote it (`cmd` set as batch_command_id says):
///   checkin -> on-checkin (all its records: done, skip, note)
///   reflect -> on-reflect (the self-check, and a note with it)
///   start   -> on-end (the end record of a programme ended by --restart), then on-start
///              (the start record and anything else)
///   end     -> on-end (all)
///   import, sync, other -> none; no records -> none.
/// start --restart {end, start} -> [on-end {end}, on-start {start}].
std::vector<HookCall> hooks_for(HookCommand command, const std::vector<Record> &written);

/// What a hook reads on stdin: one `log --format json` object per line (record_json_line).
std::string hook_input(const std::vector<LogEntry> &entries);

/// The records a hook reads, each with its programme week: position(plan, run, day).week in
/// the run its `run` claims (the last run of read_run(claim) with that claim), each run read
/// once; `plan_for` gives a run's plan. 0 when the run is not found, or reading it or its plan
/// throws anything: a week number is not worth a failed hook.
/// Run 1 from Mon 2026-11-02: {done on 11-05, done on 11-10} -> weeks {1, 2}; run 9 -> 0.
std::vector<LogEntry> hook_entries(const std::vector<Record> &records,
                                   const std::function<History(unsigned claim)> &read_run,
                                   const std::function<Plan(const Run &)> &plan_for);

/// What stat says about a hook file and its folder.
struct HookFileInfo {
  bool regular = false;        ///< a regular file (after symlinks)
  bool executable = false;     ///< executable by this user
  bool world_writable = false; ///< the file: anyone may change it
  bool folder_world_writable = false;
};

/// Why a hook may not run ("" when it may), as the end of a sentence that begins with the
/// hook's path: a file anyone could change would run with the person's rights.
///   {regular, not executable} -> "is not executable (chmod u+x it to use it)"
///   {world_writable} -> "is writable by anyone, so it was not run (chmod o-w it)"
std::string hook_refusal(const HookFileInfo &info);

} // namespace attune
