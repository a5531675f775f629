#include "attune/completion.hpp"

#include <algorithm>

#include "attune/after.hpp"
#include "attune/progress.hpp"
#include "attune/undo.hpp"

namespace attune {

CompletionCandidates exercise_candidates(const Plan &plan) {
  CompletionCandidates out;
  for (const auto &id : plan.exercise_ids()) {
    std::string title;
    for (const auto &week : plan.week_plans)
      for (const auto &ex : week.exercises)
        if (ex.id == id && title.empty())
          title = ex.title;
    out.push_back({id, title});
  }
  return out;
}

CompletionCandidates checkin_candidates(const Plan &plan, const Run &run, Day today,
                                        bool situational_only) {
  CompletionCandidates out;
  if (programme_over(plan, run, today)) { // after the end: the kept practice
    const Maintenance m = maintenance_of(run);
    if (m.active)
      for (const std::string &id : m.exercises)
        for (const std::string &known : plan.exercise_ids())
          if (known == id)
            out.push_back({id, "kept"});
    return out;
  }
  const DayView view = day_view(plan, run, today);
  for (const auto &id : checkin_exercise_ids(view))
    for (const Exercise &ex : view.week->exercises)
      if (ex.id == id && (!situational_only || ex.schedule.situational()))
        out.push_back({id, ex.title});
  return out;
}

CompletionCandidates run_candidates(const History &history) {
  CompletionCandidates out;
  for (const Run &run : history.runs)
    out.push_back({std::to_string(run.number), run.plan_id});
  return out;
}

CompletionCandidates undo_candidates(const Run &run, std::size_t limit) {
  CompletionCandidates out;
  for (const RecordedCommand &c : recorded_commands(run)) {
    if (out.size() == limit)
      break;
    out.push_back({short_command_id(c.id), describe_command(c)});
  }
  return out;
}

CompletionCandidates date_candidates() {
  CompletionCandidates out;
  for (const char *word : {"today", "yesterday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"})
    out.push_back({word, ""});
  return out;
}

CompletionCandidates without_typed(CompletionCandidates candidates,
                                   const std::vector<std::string> &typed) {
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&typed](const CompletionCandidate &c) {
                                    return std::find(typed.begin(), typed.end(), c.word) !=
                                           typed.end();
                                  }),
                   candidates.end());
  return candidates;
}

} // namespace attune
