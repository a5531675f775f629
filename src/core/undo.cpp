#include "attune/undo.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "attune/error.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

bool is_hex_prefix(std::string_view text) noexcept {
  return text.size() >= 4 && text.size() <= 16 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// The first `n` bytes of `text`, shortened so no UTF-8 character is cut in two.
std::string cut_utf8(const std::string &text, std::size_t n) {
  if (text.size() <= n)
    return text;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0U) == 0x80U)
    --n;
  return text.substr(0, n);
}

const char *const list_hint = "see 'attune undo --list' for the ids of recent commands";

} // namespace

std::string short_command_id(std::string_view id) {
  return std::string(id.substr(0, short_command_id_length));
}

std::string parse_command_id(std::string_view text) {
  const std::string want = lower(text);
  if (!is_hex_prefix(want))
    throw Error(ErrorKind::invalid,
                "\"" +
                    printable(text.size() > 20 ? cut_utf8(std::string(text), 16) + "..." : text) +
                    "\" is not a command id (4 to 16 hex digits, such as \"3f9c0a1b\")",
                list_hint);
  return want;
}

std::vector<RecordedCommand> recorded_commands(const Run &run) {
  std::vector<RecordedCommand> commands;
  std::unordered_map<std::string, std::size_t> at;
  std::vector<std::size_t> last_line; // per command: position of its last record in the run
  for (std::size_t i = 0; i < run.records.size(); ++i) {
    const Record &r = run.records[i];
    if (!is_withdrawable(r.type))
      continue;
    const auto [it, fresh] = at.try_emplace(command_id(r), commands.size());
    if (fresh) {
      commands.push_back({command_id(r), r.recorded, {}});
      last_line.push_back(i);
    }
    RecordedCommand &c = commands[it->second];
    c.records.push_back(r);
    c.recorded = std::max(c.recorded, r.recorded);
    last_line[it->second] = i;
  }
  std::vector<std::size_t> order(commands.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(commands[a].recorded, last_line[a]) >
           std::tie(commands[b].recorded, last_line[b]);
  });
  std::vector<RecordedCommand> out;
  out.reserve(commands.size());
  for (const std::size_t i : order)
    out.push_back(std::move(commands[i]));
  return out;
}

bool undo_decided_by_run(const Run &run, const std::optional<std::string> &id) {
  if (!id)
    return true;
  const std::string want = parse_command_id(*id);
  const std::vector<RecordedCommand> commands = recorded_commands(run);
  return std::any_of(commands.begin(), commands.end(),
                     [&want](const RecordedCommand &c) { return starts_with(c.id, want); });
}

RecordedCommand choose_undo(const Journal &journal, const Run &run,
                            const std::optional<std::string> &id) {
  std::vector<RecordedCommand> commands = recorded_commands(run);
  const std::string programme = "programme " + std::to_string(run.number);
  if (!id) {
    if (commands.empty())
      throw Error(ErrorKind::no_data, "there is nothing to undo in " + programme,
                  "'attune log' shows what is recorded");
    return std::move(commands.front());
  }
  const std::string want = parse_command_id(*id);
  std::vector<RecordedCommand *> here;
  for (RecordedCommand &c : commands)
    if (starts_with(c.id, want))
      here.push_back(&c);
  if (here.size() == 1)
    return std::move(*here.front());
  if (here.size() > 1) {
    std::string names;
    for (const RecordedCommand *c : here)
      names += (names.empty() ? "" : ", ") + c->id;
    throw Error(ErrorKind::invalid, "\"" + want + "\" fits several commands: " + names,
                "give more of the id");
  }

  // Not in effect in this programme: withdrawn already, in another programme, or unknown.
  std::unordered_map<std::string, const Record *> undo_of; // withdrawn id -> its first undo
  for (const Record &r : journal.records)
    if (r.type == RecordType::undo) {
      const auto [it, fresh] = undo_of.try_emplace(r.ref, &r);
      if (!fresh && std::tie(r.recorded, r.id) < std::tie(it->second->recorded, it->second->id))
        it->second = &r;
    }
  const Record *withdrawn_by = nullptr;
  bool in_effect_elsewhere = false;
  bool found = false;
  for (const Record &r : journal.records) {
    if (!is_withdrawable(r.type) || !starts_with(command_id(r), want))
      continue;
    found = true;
    const auto undo = undo_of.find(r.id);
    if (undo == undo_of.end()) {
      in_effect_elsewhere = true;
    } else if (withdrawn_by == nullptr || undo->second->recorded > withdrawn_by->recorded) {
      withdrawn_by = undo->second;
    }
  }
  if (!found)
    throw Error(ErrorKind::invalid, "no command \"" + want + "\" to undo in " + programme,
                list_hint);
  if (in_effect_elsewhere)
    throw Error(ErrorKind::invalid,
                "command \"" + want + "\" belongs to another programme, not the running " +
                    programme,
                "undo withdraws only what the running programme recorded");
  throw Error(ErrorKind::invalid,
              "command \"" + want + "\" was already withdrawn (on " +
                  format_day(withdrawn_by->day) + ")",
              "nothing to do; to record it again, use 'attune checkin' or 'attune reflect'");
}

std::vector<Record> undo_records(const RecordedCommand &command,
                                 const std::vector<std::string> &ids, Day day, Instant recorded,
                                 const std::string &zone, unsigned run) {
  std::vector<Record> out;
  out.reserve(command.records.size());
  for (std::size_t i = 0; i < command.records.size() && i < ids.size(); ++i) {
    Record u;
    u.id = ids[i];
    u.type = RecordType::undo;
    u.day = day;
    u.recorded = recorded;
    u.zone = zone;
    u.run = run;
    u.ref = command.records[i].id;
    out.push_back(std::move(u));
  }
  return out;
}

std::string describe_checkin(const Record &r) {
  switch (r.type) {
  case RecordType::done:
    return printable(r.exercise) + " done";
  case RecordType::skip:
    return printable(r.exercise) + " skipped";
  case RecordType::not_arisen:
    return printable(r.exercise) + " did not come up";
  case RecordType::note: {
    if (r.text.empty())
      return "a note (its words erased)";
    const std::string shown = r.text.size() > 40 ? cut_utf8(r.text, 37) + "..." : r.text;
    return "the note \"" + printable(shown) + "\"";
  }
  case RecordType::check:
    if (r.followup != 0)
      return "the " + std::to_string(r.followup) + "-week follow-up self-check";
    return r.week == 0 ? std::string("the baseline self-check")
                       : "the week " + std::to_string(r.week) + " self-check";
  case RecordType::pause: // never the reason: it is private like a note
    return r.until ? "the pause until " + format_day(*r.until) : std::string("the pause");
  case RecordType::resume:
    return "the return from a pause";
  case RecordType::start:
  case RecordType::end:
  case RecordType::undo:
  case RecordType::forgotten:
    break;
  case RecordType::review:
    return "the review answer (" + printable(r.question) + ")";
  case RecordType::keep:
    return "keeping " + printable(r.exercise);
  case RecordType::keep_stop:
    return "stopping the kept practice";
  case RecordType::cue:
    return r.text.empty() ? "clearing your cue for " + printable(r.exercise)
                          : "your cue for " + printable(r.exercise);
  }
  return std::string(to_string(r.type));
}

std::string describe_command(const RecordedCommand &command) {
  const auto &records = command.records;
  const bool one_day = std::all_of(records.begin(), records.end(),
                                   [&](const Record &r) { return r.day == records.front().day; });
  std::string out;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i > 0)
      out += i + 1 == records.size() ? " and " : ", ";
    out += describe_checkin(records[i]);
    if (!one_day)
      out += " on " + format_day(records[i].day);
  }
  if (one_day && !records.empty())
    out += " on " + format_day(records.front().day);
  return out;
}

} // namespace attune
