// attune start as a core command (see start_command.hpp).
#include "attune/start_command.hpp"

#include <algorithm>

#include "attune/daily.hpp"
#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"

namespace attune {

Day start_day(const std::optional<std::string> &on, const Plan &plan, Day today) {
  if (!on)
    return today;
  const auto day = resolve_day(*on, today);
  if (!day)
    throw Error(ErrorKind::invalid, "\"" + *on + "\" is not a date I can read",
                "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
  if (*day > today)
    throw Error(ErrorKind::invalid, quote_typed_day(*on, *day) + " is in the future",
                "start today, or on an earlier day to count days already practised");
  if (*day < today - date::days{plan.weeks * 7 - 1})
    throw Error(ErrorKind::invalid, quote_typed_day(*on, *day) + " is too long ago",
                "a programme started then would already be over");
  return *day;
}

StartNumbers start_numbers(const History &history) {
  unsigned number = history.newest_run + 1;
  for (const Run &r : history.runs)
    number = std::max({number, r.number + 1, r.claim + 1});
  const bool clashed = std::any_of(history.runs.begin(), history.runs.end(),
                                   [](const Run &r) { return r.number != r.claim; });
  return {number, clashed ? static_cast<unsigned>(history.runs.size()) + 1 : number};
}

std::string ended_programme(const Plan &plan, const Run &run, Day today) {
  return "programme " + std::to_string(run.number) + " (" + printable(plan.name) + ", " +
         format_day(run.start) + " to " + format_day(today) +
         "); it stays in your history ('attune report --run " + std::to_string(run.number) + "')";
}

StartDecision decide_start(const History &history, const Plan *running_plan, const Plan &plan,
                           Day today, const StartRequest &request, const RecordStamp &stamp) {
  StartDecision out;
  out.numbers = start_numbers(history);
  out.start = request.start;
  const Run *active = history.active();
  if (active != nullptr && running_plan != nullptr) {
    const Position pos = position(*running_plan, *active, today);
    if (pos.phase != Phase::finished) {
      if (!request.restart)
        throw Error(ErrorKind::invalid,
                    "programme " + std::to_string(active->number) + " is still running (" +
                        (pos.phase == Phase::active ? position_line(pos)
                                                    : "starting " + format_day(active->start)) +
                        ")",
                    "to end it and begin again, use 'attune start --restart' (your history "
                    "is kept)");
      out.records.push_back(new_record(RecordType::end, *active, today, stamp));
      out.ended = ended_programme(*running_plan, *active, today);
    }
  }
  Run next;
  next.claim = out.numbers.claim;
  Record start = new_record(RecordType::start, next, request.start, stamp);
  start.plan_id = plan.id;
  start.plan_hash = plan.hash;
  out.records.push_back(std::move(start));
  return out;
}

std::string render_started(const Plan &plan, const StartDecision &decision, Day today,
                           std::size_t width) {
  const Position pos = position(plan, decision.start, today);
  std::string out;
  if (!decision.ended.empty())
    out += wrap_words("Ended " + decision.ended + ".", width, "", "");
  out += wrap_words("Programme " + std::to_string(decision.numbers.shown) +
                        " started: " + printable(plan.name) + ".",
                    width, "", "");
  out += wrap_words(
      std::to_string(plan.weeks) + " weeks from " + format_day(decision.start) + " to " +
          format_day(pos.last) +
          (pos.phase == Phase::active ? "; today is " + position_line(pos) : std::string()) + ".",
      width, "", "");
  if (!plan.notice.empty())
    out += wrap_words(printable(plan.notice, LineBreaks::kept), width, "", "");
  return out;
}

} // namespace attune
