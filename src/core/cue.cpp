// Personal if-then plans and the week's introduction: see cue.hpp.
#include "attune/cue.hpp"

#include <algorithm>
#include <set>

#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

constexpr std::string_view seen_header = "attune-weeks-seen 1\n";

std::optional<unsigned> small_number(std::string_view text) {
  // Digits as format_week_seen writes them (no leading zero), so a file reads back exactly.
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != text.npos ||
      (text.size() > 1 && text[0] == '0'))
    return std::nullopt;
  unsigned n = 0;
  for (const char c : text)
    n = n * 10 + static_cast<unsigned>(c - '0');
  return n;
}

bool is_programme_key(std::string_view key) {
  return !key.empty() && key.size() <= 32 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

} // namespace

std::string_view to_string(CueSource source) noexcept {
  return source == CueSource::mine ? "mine" : "plan";
}

std::map<std::string, std::string> personal_cues(const Run &run) {
  std::map<std::string, const Record *> newest;
  for (const Record &r : run.records) {
    if (r.type != RecordType::cue)
      continue;
    const Record *&slot = newest[r.exercise];
    if (slot == nullptr || r.recorded >= slot->recorded)
      slot = &r; // the later line wins a tie
  }
  std::map<std::string, std::string> cues;
  for (const auto &[id, record] : newest)
    if (!record->text.empty())
      cues.emplace(id, record->text);
  return cues;
}

EffectiveCue effective_cue(const Exercise &exercise,
                           const std::map<std::string, std::string> &cues) {
  const auto mine = cues.find(exercise.id);
  if (mine != cues.end())
    return {mine->second, CueSource::mine};
  return {exercise.cue, CueSource::plan};
}

std::string check_cue_text(std::string_view text) {
  if (!is_valid_utf8(text))
    throw Error(ErrorKind::invalid, "the cue is not valid UTF-8 text",
                "check your terminal's character encoding; nothing was saved");
  const std::string trimmed = trim_blanks(text);
  if (trimmed.empty())
    throw Error(ErrorKind::invalid, "the cue is empty",
                "write when you will do it, e.g. \"when I get home from work\"; "
                "--clear returns to the plan's cue");
  for (const char c : trimmed) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r')
      throw Error(ErrorKind::invalid, "the cue holds a line break",
                  "a cue is one line: when this happens, I will do it; nothing was saved");
    if (u < 0x20 || u == 0x7F)
      throw Error(ErrorKind::invalid, "the cue holds a control character",
                  "write it as plain text on one line; nothing was saved");
  }
  if (trimmed.size() > max_cue_bytes)
    throw Error(ErrorKind::invalid,
                "the cue is too long (" + std::to_string(trimmed.size()) + " bytes; at most " +
                    std::to_string(max_cue_bytes) + ")",
                "a cue is one short sentence, such as \"when I get home from work\"; "
                "a note ('attune checkin --note') holds more");
  return trimmed;
}

std::vector<const Exercise *> exercises_to_offer(const Plan &plan, unsigned week,
                                                 const std::map<std::string, std::string> &cues) {
  std::set<std::string> earlier;
  const Week *current = nullptr;
  for (const Week &w : plan.week_plans) {
    if (w.number < week)
      for (const Exercise &e : w.exercises)
        earlier.insert(e.id);
    if (w.number == week)
      current = &w;
  }
  std::vector<const Exercise *> out;
  if (current == nullptr)
    return out;
  for (const Exercise &e : current->exercises)
    if (earlier.count(e.id) == 0 && cues.count(e.id) == 0)
      out.push_back(&e);
  return out;
}

std::string format_week_seen(const WeekSeen &seen) {
  return std::string(seen_header) + seen.programme + " " + std::to_string(seen.intro) + " " +
         std::to_string(seen.offer) + "\n";
}

std::optional<WeekSeen> parse_week_seen(std::string_view text) {
  if (text.substr(0, seen_header.size()) != seen_header)
    return std::nullopt;
  text.remove_prefix(seen_header.size());
  if (text.empty() || text.back() != '\n')
    return std::nullopt;
  text.remove_suffix(1);
  const std::size_t a = text.find(' ');
  const std::size_t b = a == text.npos ? text.npos : text.find(' ', a + 1);
  if (b == text.npos)
    return std::nullopt;
  const std::string_view key = text.substr(0, a);
  const auto intro = small_number(text.substr(a + 1, b - a - 1));
  const auto offer = small_number(text.substr(b + 1));
  if (!is_programme_key(key) || !intro || !offer)
    return std::nullopt;
  return WeekSeen{std::string(key), *intro, *offer};
}

bool week_is_new(const std::optional<WeekSeen> &seen, const std::string &programme, unsigned week,
                 WeekSeenKind kind) {
  if (!seen || seen->programme != programme)
    return true;
  return (kind == WeekSeenKind::intro ? seen->intro : seen->offer) < week;
}

WeekSeen remember_week(const std::optional<WeekSeen> &seen, const std::string &programme,
                       unsigned week, WeekSeenKind kind) {
  WeekSeen out;
  if (seen && seen->programme == programme)
    out = *seen;
  out.programme = programme;
  unsigned &slot = kind == WeekSeenKind::intro ? out.intro : out.offer;
  slot = std::max(slot, week);
  return out;
}

std::string programme_key(const Run &run) {
  if (is_programme_key(run.start_id))
    return run.start_id;
  return "run-" + std::to_string(run.number);
}

bool self_check_due(const Plan &plan, const Run &run, Day day) {
  const Position pos = position(plan, run, day);
  if (pos.phase != Phase::active || run.ended)
    return false;
  const Position next = position(plan, run, day + date::days{1});
  if (next.phase == Phase::active && next.week == pos.week)
    return false;
  return std::none_of(run.records.begin(), run.records.end(), [&](const Record &r) {
    return r.type == RecordType::check && r.week == pos.week;
  });
}

} // namespace attune
