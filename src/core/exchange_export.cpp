// Writing exports: JSON (records and plan copies) and CSV (records), see exchange.hpp.
#include "attune/csv.hpp"
#include "attune/exchange.hpp"
#include "attune/json.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

std::string to_hex(std::string_view bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += digits[c >> 4];
    out += digits[c & 0xF];
  }
  return out;
}

/// A text field as it is written: the text, or its hex when it is not valid UTF-8.
std::string exportable(std::string_view value, std::string_view name,
                       std::vector<std::string> &hex) {
  if (is_valid_utf8(value))
    return std::string(value);
  hex.emplace_back(name);
  return to_hex(value);
}

std::string answers_text(const std::vector<int> &answers) {
  std::string out;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (i > 0)
      out += ',';
    out += std::to_string(answers[i]);
  }
  return out;
}

std::string json_record(const Record &r) {
  JsonWriter w(0);
  std::vector<std::string> hex;
  w.begin_object();
  w.key("id").value(r.id);
  w.key("type").value(to_string(r.type));
  w.key("day").value(format_day(r.day));
  w.key("recorded").value(format_instant(r.recorded));
  w.key("zone").value(r.zone);
  w.key("run").value(r.run);
  const auto text = [&](std::string_view key, const std::string &value) {
    w.key(key).value(exportable(value, key, hex));
  };
  switch (r.type) {
  case RecordType::start:
    text("plan", r.plan_id);
    text("hash", r.plan_hash);
    break;
  case RecordType::done:
    text("exercise", r.exercise);
    break;
  case RecordType::skip:
    text("exercise", r.exercise);
    text("reason", r.text);
    break;
  case RecordType::note:
    text("text", r.text);
    break;
  case RecordType::check:
    w.key("week").value(r.week);
    w.key("answers").begin_array();
    for (const int a : r.answers)
      w.value(a);
    w.end_array();
    break;
  case RecordType::undo:
    w.key("ref").value(r.ref);
    break;
  case RecordType::forgotten:
    w.key("refs").begin_array();
    for (const auto &id : r.refs)
      w.value(id);
    w.end_array();
    break;
  case RecordType::end:
    break;
  case RecordType::pause:
    if (r.until)
      w.key("until").value(format_day(*r.until));
    text("reason", r.text);
    break;
  case RecordType::resume:
    break;
  }
  if (!r.cmd.empty())
    w.key("cmd").value(r.cmd);
  if (!hex.empty()) {
    w.key("hex").begin_array();
    for (const auto &name : hex)
      w.value(name);
    w.end_array();
  }
  w.end_object();
  return w.str();
}

} // namespace

std::string_view to_string(ExchangeFormat format) noexcept {
  switch (format) {
  case ExchangeFormat::json:
    return "json";
  case ExchangeFormat::csv:
    return "csv";
  case ExchangeFormat::journal:
    return "journal";
  }
  return "json";
}

std::string export_json(const std::vector<Record> &records,
                        const std::map<std::string, std::string> &plans) {
  // Laid out by hand around compact records: one record per line reads and diffs well.
  std::string out = "{\n  \"format\": \"attune-export\",\n  \"version\": 1,\n  \"records\": [";
  for (std::size_t i = 0; i < records.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    out += json_record(records[i]);
  }
  out += records.empty() ? "],\n" : "\n  ],\n";
  out += "  \"plans\": {";
  bool first = true;
  for (const auto &[hash, text] : plans) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += json_quote(hash) + ": " + json_quote(text);
  }
  out += first ? "}\n}\n" : "\n  }\n}\n";
  return out;
}

std::string csv_header() {
  return "id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,ref,hex,cmd,until";
}

std::string export_csv(const std::vector<Record> &records) {
  std::string out = csv_header() + "\r\n";
  for (const Record &r : records) {
    std::vector<std::string> hex;
    std::string exercise, text, plan, hash, week, answers, ref, until;
    switch (r.type) {
    case RecordType::start:
      plan = exportable(r.plan_id, "plan", hex);
      hash = exportable(r.plan_hash, "hash", hex);
      break;
    case RecordType::done:
      exercise = exportable(r.exercise, "exercise", hex);
      break;
    case RecordType::skip:
      exercise = exportable(r.exercise, "exercise", hex);
      text = exportable(r.text, "text", hex);
      break;
    case RecordType::note:
      text = exportable(r.text, "text", hex);
      break;
    case RecordType::check:
      week = std::to_string(r.week);
      answers = answers_text(r.answers);
      break;
    case RecordType::undo:
      ref = r.ref;
      break;
    case RecordType::forgotten: // the ids, separated by spaces, in the ref column
      for (const auto &id : r.refs)
        ref += (ref.empty() ? "" : " ") + id;
      break;
    case RecordType::end:
      break;
    case RecordType::pause: // the reason in the text column, like a skip's
      text = exportable(r.text, "text", hex);
      until = r.until ? format_day(*r.until) : std::string();
      break;
    case RecordType::resume:
      break;
    }
    std::string hex_names;
    for (const auto &name : hex)
      hex_names += (hex_names.empty() ? "" : " ") + name;
    const std::string cells[] = {r.id,
                                 std::string(to_string(r.type)),
                                 format_day(r.day),
                                 format_instant(r.recorded),
                                 r.zone,
                                 std::to_string(r.run),
                                 exercise,
                                 text,
                                 plan,
                                 hash,
                                 week,
                                 answers,
                                 ref,
                                 hex_names,
                                 r.cmd,
                                 until};
    bool first = true;
    for (const auto &cell : cells) {
      if (!first)
        out += ',';
      first = false;
      out += csv_cell(cell);
    }
    out += "\r\n";
  }
  return out;
}

} // namespace attune
