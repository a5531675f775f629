// attune forget as a core command (see forget_command.hpp).
#include "attune/forget_command.hpp"

#include <array>
#include <map>

#include "attune/daily.hpp"
#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

/// The words for the texts of each type forget erases, in the order a count names them.
struct KindWords {
  RecordType type;
  const char *one;
  const char *many;
};
constexpr std::array<KindWords, 6> kind_words{{
    {RecordType::note, "note", "notes"},
    {RecordType::skip, "skip reason", "skip reasons"},
    {RecordType::pause, "pause reason", "pause reasons"},
    {RecordType::end, "reason for ending", "reasons for ending"},
    {RecordType::review, "review answer", "review answers"},
    {RecordType::cue, "cue", "cues"},
}};

/// " on 2026-10-02" for a --day target, "" otherwise.
std::string on_day(const ForgetTarget &target, const char *preposition) {
  return target.by == ForgetTarget::By::day
             ? std::string(" ") + preposition + " " + format_day(target.day)
             : std::string();
}

} // namespace

ForgetTarget forget_target(const ForgetRequest &request, Day today) {
  const int chosen = (request.record ? 1 : 0) + (request.day ? 1 : 0) + (request.all_notes ? 1 : 0);
  if (chosen != 1)
    throw Error(ErrorKind::usage,
                chosen == 0 ? "say what to forget" : "choose one of --record, --day, --all-notes",
                "'attune forget --record ID', '--day DATE' or '--all-notes'");
  ForgetTarget target;
  if (request.record) {
    target.by = ForgetTarget::By::record;
    target.record_id = *request.record;
  } else if (request.day) {
    target.by = ForgetTarget::By::day;
    target.day = resolve_run_day(request.day, today, nullptr);
  }
  return target;
}

std::string describe_forget_texts(const Journal &journal, const std::vector<std::string> &ids) {
  std::map<std::string, RecordType> type_by_id;
  for (const Record &r : journal.records)
    type_by_id.emplace(r.id, r.type);
  std::array<long long, kind_words.size()> counts{};
  long long others = 0; // never, as every id texts_to_forget gives is a text here
  for (const std::string &id : ids) {
    const auto found = type_by_id.find(id);
    std::size_t k = 0;
    while (k < kind_words.size() &&
           (found == type_by_id.end() || kind_words[k].type != found->second))
      ++k;
    if (k < kind_words.size())
      ++counts[k];
    else
      ++others;
  }
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < kind_words.size(); ++k)
    if (counts[k] > 0)
      parts.push_back(plural(counts[k], kind_words[k].one, kind_words[k].many));
  if (others > 0)
    parts.push_back(plural(others, "other text", "other texts"));
  if (parts.empty())
    return "no text";
  const std::string last = parts.back();
  parts.pop_back();
  return parts.empty() ? last : join(parts, ", ") + " and " + last;
}

std::string forget_question(const std::string &texts, const ForgetTarget &target) {
  return "Erase the text of " + texts + on_day(target, "for") +
         " from the journal? The words cannot be brought back. [y/N] ";
}

bool forget_answer_is_yes(const std::string &answer) {
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

std::string forget_declined() {
  return "Nothing was erased.\n";
}

std::string forget_nothing(const ForgetTarget &target) {
  return std::string("Nothing to forget: no ") + forget_kinds + " holds any text" +
         on_day(target, "on") + ".\n";
}

std::string forget_damaged_warning(std::size_t unreadable) {
  return unreadable == 1 ? "1 damaged line names an erased record and was left as it is; it may "
                           "still hold the text"
                         : std::to_string(unreadable) +
                               " damaged lines name erased records and were left as they are; "
                               "they may still hold the text";
}

std::string forget_done(const std::string &texts) {
  return "Erased the text of " + texts +
         ". The journal keeps a count of what was erased, never the words.\n"
         "Copies made earlier (exports, backups) still hold them.\n";
}

} // namespace attune
