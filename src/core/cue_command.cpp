// What `attune cue` and the weekly cue offer decide and say (moved from the front end:
// cmd_cue.cpp, week_intro.cpp). See cue.hpp.
#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {

const Exercise *find_plan_exercise(const Plan &plan, const std::string &id) noexcept {
  for (const Week &w : plan.week_plans)
    for (const Exercise &e : w.exercises)
      if (e.id == id)
        return &e;
  return nullptr;
}

void check_cue_request(const std::string &typed, bool has_text, bool clear) {
  if (clear && has_text)
    throw Error(ErrorKind::usage, "--clear and a cue cannot be given together",
                "'attune cue " + printable(typed) +
                    " --clear' returns to the plan's cue; name a cue to set your own");
}

CueAction decide_cue(const EffectiveCue &now, const std::optional<std::string> &text, bool clear) {
  if (!text && !clear)
    return CueAction::show;
  if (clear)
    return now.source == CueSource::plan ? CueAction::already_plan : CueAction::clear;
  if (now.source == CueSource::mine && now.text == *text)
    return CueAction::already_mine;
  return CueAction::set;
}

std::string render_cue_result(CueAction action, const Exercise &exercise, const EffectiveCue &now,
                              const std::optional<std::string> &text, std::size_t width) {
  const std::string id = printable(exercise.id);
  switch (action) {
  case CueAction::show:
    if (now.text.empty())
      return wrap_words("The plan names no cue for " + id + ". Set your own with 'attune cue " +
                            id + " \"when ...\"'.",
                        width, "", "");
    return wrap_words(printable(now.text), width,
                      now.source == CueSource::mine ? "Your cue: " : "The plan's cue: ", "  ");
  case CueAction::already_plan:
    return wrap_words(id + " already follows the plan's cue; nothing changed.", width, "", "");
  case CueAction::already_mine:
    return wrap_words("That is already your cue for " + id + "; nothing changed.", width, "", "");
  case CueAction::set:
    return wrap_words("Saved as your cue for " + printable(exercise.title) + " (" + id +
                          "): " + printable(text.value_or("")) + ".",
                      width, "", "");
  case CueAction::clear:
    break;
  }
  return wrap_words("Back to the plan's cue for " + id +
                        (exercise.cue.empty() ? std::string(" (it names none).")
                                              : ": " + printable(exercise.cue)),
                    width, "", "");
}

Day cue_record_day(const Run &run, Day today) noexcept {
  return today < run.start ? run.start : today;
}

Record cue_record(const Run &run, Day today, const std::string &exercise, const std::string &text,
                  const RecordStamp &stamp) {
  Record r = new_record(RecordType::cue, run, cue_record_day(run, today), stamp);
  r.exercise = exercise;
  r.text = text;
  return r;
}

std::vector<Record>
offered_cue_records(const History &history, const Run &offered,
                    const std::vector<std::pair<std::string, std::string>> &chosen, Day today,
                    const RecordStamp &stamp) {
  std::vector<Record> records;
  const Run *now = history.active();
  if (now == nullptr || now->start_id != offered.start_id)
    return records; // the programme changed meanwhile: nothing to attach the cues to
  for (const auto &[id, text] : chosen)
    records.push_back(cue_record(*now, today, id, text, stamp));
  return records;
}

std::string render_cue_offer_intro(std::size_t count, std::size_t width) {
  return "\n" +
         wrap_words(std::string(count == 1 ? "A new exercise" : "New exercises") +
                        " this week. If you like, put " + (count == 1 ? "its" : "each one's") +
                        " cue in your own words, as a plan: when this happens, I will do "
                        "it. Enter keeps the plan's.",
                    width, "", "");
}

std::string render_cue_offer_item(const Exercise &e, std::size_t width) {
  std::string out =
      "\n" + wrap_words(printable(e.title) + " (" + printable(e.id) + ")", width, "  ", "    ");
  if (e.cue.empty())
    out += "    The plan names no cue.\n";
  else
    out += wrap_words(printable(e.cue), width, "    The plan's cue: ", "      ");
  return out + "    Your cue> ";
}

std::string render_cue_not_saved(const std::string &reason, const std::string &id,
                                 std::size_t width) {
  return wrap_words("Not saved: " + reason + ". 'attune cue " + printable(id) +
                        " \"...\"' sets it any time.",
                    width, "    ", "    ");
}

std::string render_cues_saved(std::size_t count) {
  return std::string(count == 1 ? "\nSaved as your cue. " : "\nSaved as your cues. ") +
         "'attune cue EXERCISE --clear' returns to the plan's.\n";
}

} // namespace attune
