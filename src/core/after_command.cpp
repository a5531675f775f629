// attune end, review and keep as core commands (see after_command.hpp).
#include "attune/after_command.hpp"

#include <algorithm>

#include "attune/daily.hpp"
#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {

void check_journal_text(const std::optional<std::string> &text, const std::string &what) {
  if (!text)
    return;
  if (!is_valid_utf8(*text))
    throw Error(ErrorKind::invalid, what + " is not valid UTF-8 text",
                "check your terminal's character encoding; nothing was saved");
  if (trim_blanks(*text).empty())
    throw Error(ErrorKind::invalid, what + " is empty",
                "write a few words, or leave it out; nothing was saved");
}

const Run &run_to_end(const History &history) {
  if (const Run *run = history.active())
    return *run;
  if (ended_run(history) != nullptr)
    throw Error(ErrorKind::invalid,
                "programme " + std::to_string(history.runs.back().number) + " has already ended",
                "'attune review' looks back on it; 'attune start' begins a new one");
  return require_active_run(history); // nothing started: says how to start
}

Record decide_end(const Plan &plan, const Run &run, Day today,
                  const std::optional<std::string> &reason, const RecordStamp &stamp) {
  if (programme_over(plan, run, today))
    throw Error(ErrorKind::invalid,
                "programme " + std::to_string(run.number) + " already came to its end on " +
                    format_day(programme_end(plan, run)),
                "nothing to end; 'attune review' looks back on it, 'attune keep' carries "
                "exercises on");
  Record end = new_record(RecordType::end, run, today, stamp);
  if (reason)
    end.text = *reason;
  return end;
}

std::string render_end(const Plan &plan, const Run &run, Day today, std::size_t width) {
  return wrap_words("Programme " + std::to_string(run.number) + " (" + printable(plan.name) + ", " +
                        format_day(run.start) + " to " + format_day(today) +
                        ") has ended. Stopping is a choice you are free to make, and everything "
                        "you practised stays in your journal. 'attune review' looks back on it, "
                        "'attune keep' carries a few exercises on, and 'attune start' begins "
                        "again whenever you like.",
                    width, "", "");
}

void refuse_early_review(const Plan &plan, const Run &run, Day today) {
  if (!review_open(plan, run, today))
    throw Error(ErrorKind::invalid,
                "the review looks back on a whole programme, and yours runs until " +
                    format_day(programme_end(plan, run)),
                "it is offered on the last day; to stop early, 'attune end' ends the "
                "programme first");
}

bool has_review_answer(const ReviewTexts &texts) {
  return std::any_of(texts.begin(), texts.end(),
                     [](const std::string &t) { return !trim_blanks(t).empty(); });
}

std::vector<Record> decide_review(const ReviewTexts &texts, const Run &run, Day today,
                                  const RecordStamp &stamp) {
  std::vector<Record> records;
  for (const ReviewQuestion q : review_questions) {
    const std::string text = trim_blanks(texts[static_cast<std::size_t>(q)]);
    if (text.empty())
      continue;
    Record r = new_record(RecordType::review, run, today, stamp);
    r.question = std::string(to_string(q));
    r.text = text;
    records.push_back(std::move(r));
  }
  return records;
}

std::string render_review_saved(std::size_t answers, std::size_t width) {
  return wrap_words("Saved your review (" +
                        plural(static_cast<long long>(answers), "answer", "answers") +
                        "). It is yours to return to: 'attune report' shows it with the "
                        "programme, and the signs you named are worth a look now and then.",
                    width, "", "");
}

void check_keep_request(const std::vector<std::string> &exercises, unsigned times, bool stop) {
  if (stop && !exercises.empty())
    throw Error(ErrorKind::usage, "--stop ends the kept practice and takes no exercises",
                "use 'attune keep --stop', or name exercises to keep without it");
  if (!stop && exercises.empty())
    throw Error(ErrorKind::usage, "name the exercises to keep",
                "e.g. 'attune keep EXERCISE --times-per-week 3' (up to three; 'attune report' "
                "lists the programme's exercises)");
  if (times < 1 || times > 7)
    throw Error(ErrorKind::usage, "--times-per-week " + std::to_string(times) + " is not 1 to 7",
                "a light practice is a few days a week; 3 is the default");
}

std::vector<Record> decide_keep(const Plan &plan, const Run &run, Day today,
                                const std::vector<std::string> &exercises, unsigned times,
                                const RecordStamp &stamp) {
  if (!programme_over(plan, run, today))
    throw Error(ErrorKind::invalid,
                "your programme runs until " + format_day(programme_end(plan, run)) +
                    ", and its own exercises are what to practise until then",
                "'attune keep' carries exercises on after the end (or after 'attune end')");
  if (exercises.size() > max_kept_exercises)
    throw Error(ErrorKind::usage,
                std::to_string(exercises.size()) + " exercises is more than a light practice holds",
                "choose up to three; the ones that helped most are a good start");
  const std::vector<std::string> ids = plan.exercise_ids();
  std::vector<std::string> chosen;
  for (const std::string &typed : exercises) {
    const std::string id = match_exercise(typed, ids, "the programme");
    if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
      chosen.push_back(id);
  }
  std::vector<Record> records;
  for (const std::string &id : chosen) {
    Record r = new_record(RecordType::keep, run, today, stamp);
    r.exercise = id;
    r.times = times;
    records.push_back(std::move(r));
  }
  return records;
}

Record decide_keep_stop(const Run &run, Day today, const RecordStamp &stamp) {
  if (!maintenance_of(run).active)
    throw Error(ErrorKind::invalid, "no exercise is being kept",
                "'attune keep EXERCISE...' begins a kept practice after the programme");
  return new_record(RecordType::keep_stop, run, today, stamp);
}

std::string render_keep(const std::vector<Record> &records, unsigned times, std::size_t width) {
  std::string list;
  for (std::size_t i = 0; i < records.size(); ++i)
    list += (i == 0 ? "" : i + 1 == records.size() ? " and " : ", ") + records[i].exercise;
  return wrap_words("Keeping " + printable(list) + ", " + std::to_string(times) +
                        (times == 1 ? " time" : " times") +
                        " a week each, in weeks counted from today. 'attune today' shows it, "
                        "'attune checkin' records it, and 'attune keep --stop' ends it whenever "
                        "you like.",
                    width, "", "");
}

std::string render_keep_stop(std::size_t width) {
  return wrap_words("Your kept practice has stopped; its check-ins stay in your journal. "
                    "'attune keep' picks it up again whenever you like.",
                    width, "", "");
}

} // namespace attune
