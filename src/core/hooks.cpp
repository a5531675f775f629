// Which hook runs for which records, and whether a hook file may run (see hooks.hpp).
#include "attune/hooks.hpp"

#include <map>
#include <optional>
#include <utility>

#include "attune/progress.hpp"

namespace attune {

std::vector<HookCall> hooks_for(HookCommand command, const std::vector<Record> &given) {
  if (given.empty())
    return {};
  std::vector<Record> written = given; // as the store wrote them: with the command's id
  const std::string batch = batch_command_id(written);
  for (Record &r : written)
    if (r.cmd.empty())
      r.cmd = batch;
  switch (command) {
  case HookCommand::checkin:
    return {{"on-checkin", written}};
  case HookCommand::reflect:
    return {{"on-reflect", written}};
  case HookCommand::end:
    return {{"on-end", written}};
  case HookCommand::start: {
    HookCall ended{"on-end", {}};
    HookCall started{"on-start", {}};
    for (const Record &r : written)
      (r.type == RecordType::end ? ended : started).records.push_back(r);
    std::vector<HookCall> out;
    if (!ended.records.empty())
      out.push_back(std::move(ended));
    if (!started.records.empty())
      out.push_back(std::move(started));
    return out;
  }
  case HookCommand::import:
  case HookCommand::sync:
  case HookCommand::other:
    break;
  }
  return {};
}

std::string hook_input(const std::vector<LogEntry> &entries) {
  std::string out;
  for (const LogEntry &e : entries)
    out += record_json_line(e.record, e.programme_week);
  return out;
}

std::string hook_refusal(const HookFileInfo &info) {
  if (!info.regular)
    return "is not a regular file, so it was not run";
  if (info.folder_world_writable)
    return "is in a folder anyone can write to, so it was not run (chmod o-w the folder)";
  if (info.world_writable)
    return "is writable by anyone, so it was not run (chmod o-w it)";
  if (!info.executable)
    return "is not executable, so it was not run (chmod u+x it to use it)";
  return "";
}

std::vector<LogEntry> hook_entries(const std::vector<Record> &records,
                                   const std::function<History(unsigned claim)> &read_run,
                                   const std::function<Plan(const Run &)> &plan_for) {
  std::map<unsigned, std::optional<std::pair<Plan, Run>>> runs; // by claimed number
  std::vector<LogEntry> out;
  for (const Record &r : records) {
    auto it = runs.find(r.run);
    if (it == runs.end()) {
      std::optional<std::pair<Plan, Run>> found;
      try {
        const History history = read_run(r.run);
        for (const Run &run : history.runs)
          if (run.claim == r.run)
            found.emplace(plan_for(run), run);
      } catch (...) { // a week number is not worth a failed hook
      }
      it = runs.emplace(r.run, std::move(found)).first;
    }
    const unsigned week =
        it->second ? position(it->second->first, it->second->second, r.day).week : 0;
    out.push_back({r, week});
  }
  return out;
}

} // namespace attune
