// attune pause and resume as core commands (see pause_command.hpp).
#include "attune/pause_command.hpp"

#include <algorithm>

#include "attune/daily.hpp"
#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"

namespace attune {

Day parse_pause_day(const std::string &text, Day today, const char *option) {
  if (const auto day = parse_iso_day(text))
    return *day;
  if (const auto day = resolve_day(text, today))
    return *day;
  // A long value is not echoed whole: its start says enough.
  const std::string shown = text.size() > 40 ? text.substr(0, 32) + "..." : text;
  throw Error(ErrorKind::invalid,
              std::string(option) + " \"" + printable(shown) + "\" is not a date I can read",
              "use YYYY-MM-DD, today, yesterday, -N (N days ago) or a weekday name");
}

std::string pause_reason(const std::optional<std::string> &reason) {
  if (!reason)
    return "";
  if (!is_valid_utf8(*reason))
    throw Error(ErrorKind::invalid, "the reason is not valid UTF-8 text",
                "check your terminal's character encoding; nothing was saved");
  std::string out = trim_blanks(*reason);
  if (out.empty())
    throw Error(ErrorKind::invalid, "the reason is empty",
                "write a few words, or leave out --reason; nothing was saved");
  return out;
}

Record pause_record(const Pause &pause, const Run &run, const RecordStamp &stamp) {
  Record r = new_record(RecordType::pause, run, pause.from, stamp);
  r.until = pause.until;
  r.text = pause.reason;
  return r;
}

std::string render_paused(const Plan &plan, const Run &after, const Pause &pause, Day today,
                          std::size_t width) {
  const std::optional<Day> &until = pause.until;
  const Day horizon = until ? *until : std::max(today, pause.from);
  const Position pos = position(plan, after, horizon);
  std::string line = "Paused from " + format_day(pause.from) +
                     (until ? " until " + format_day(*until) + " (back on " +
                                  format_day(*until + date::days(1)) + ")"
                            : std::string(", until you come back ('attune resume', or simply "
                                          "check in)")) +
                     ". Those days are neither planned nor missed";
  if (pos.phase != Phase::not_started && until)
    line += "; your programme now ends on " + format_day(pos.last);
  line += ". Take good care.";
  return wrap_words(line, width, "", "");
}

std::string render_resumed(const Plan &plan, const Run &after, Day today, std::size_t width) {
  const Position pos = position(plan, after, today);
  std::string line = "Welcome back.";
  if (pos.phase == Phase::active)
    line += " Today is " + position_line(pos) + "; your programme ends on " + format_day(pos.last) +
            ". 'attune today' shows what is set.";
  return wrap_words(line, width, "", "");
}

} // namespace attune
