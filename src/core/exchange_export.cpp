// Writing exports: JSON (records and plan copies) and CSV (records), see exchange.hpp.
#include <functional>

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

} // namespace

void write_record_json(JsonWriter &w, const Record &r, std::optional<unsigned> programme_week) {
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
  case RecordType::not_arisen:
    text("exercise", r.exercise);
    break;
  case RecordType::end:
    if (!r.text.empty())
      text("reason", r.text);
    break;
  case RecordType::review:
    text("question", r.question);
    text("text", r.text);
    break;
  case RecordType::keep:
    text("exercise", r.exercise);
    w.key("times").value(r.times);
    break;
  case RecordType::keep_stop:
    break;
  case RecordType::cue:
    text("exercise", r.exercise);
    text("text", r.text);
    break;
  case RecordType::pause:
    if (r.until)
      w.key("until").value(format_day(*r.until));
    text("reason", r.text);
    break;
  case RecordType::resume:
    break;
  }
  if (r.type == RecordType::check && r.followup != 0)
    w.key("followup").value(r.followup);
  if (!r.cmd.empty())
    w.key("cmd").value(r.cmd);
  if (!hex.empty()) {
    w.key("hex").begin_array();
    for (const auto &name : hex)
      w.value(name);
    w.end_array();
  }
  if (programme_week)
    w.key("programme_week").value(*programme_week);
  w.end_object();
}

std::string record_json_line(const Record &record, std::optional<unsigned> programme_week) {
  JsonWriter w(0);
  write_record_json(w, record, programme_week);
  return w.str() + '\n';
}

std::string render_log_json(const std::vector<LogEntry> &entries) {
  // An object, not a bare array, so fields can be added beside the records (attune(1)).
  JsonWriter w;
  w.begin_object();
  w.schema();
  w.key("records").begin_array();
  for (const LogEntry &entry : entries)
    write_record_json(w, entry.record, entry.programme_week);
  w.end_array();
  w.end_object();
  return w.str();
}

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

namespace {

/// Gathers output into pieces of about 64 KiB for the sink (fewer, larger writes).
class PieceWriter {
public:
  explicit PieceWriter(const ByteSink &sink) : sink_(sink) { out_.reserve(piece + 4096); }
  std::string &text() { return out_; }
  void maybe_flush() {
    if (out_.size() >= piece)
      flush();
  }
  void flush() {
    if (!out_.empty())
      sink_(out_);
    out_.clear();
  }

private:
  static constexpr std::size_t piece = std::size_t{64} * 1024;
  const ByteSink &sink_;
  std::string out_;
};

} // namespace

std::size_t export_json(const RecordFeed &records, const std::map<std::string, std::string> &plans,
                        const ByteSink &sink) {
  // Laid out by hand around compact records: one record per line reads and diffs well.
  PieceWriter piece(sink);
  std::string &out = piece.text();
  out += "{\n  \"schema\": " + std::to_string(json_schema_version) +
         ",\n  \"format\": \"attune-export\",\n  \"version\": 1,\n  \"records\": [";
  std::size_t count = 0;
  records([&](const Record &record) {
    out += count++ == 0 ? "\n    " : ",\n    ";
    JsonWriter w(0);
    write_record_json(w, record);
    out += w.str();
    piece.maybe_flush();
  });
  out += count == 0 ? "],\n" : "\n  ],\n";
  out += "  \"plans\": {";
  bool first = true;
  for (const auto &[hash, text] : plans) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += json_quote(hash) + ": " + json_quote(text);
    piece.maybe_flush();
  }
  out += first ? "}\n}\n" : "\n  }\n}\n";
  piece.flush();
  return count;
}

namespace {

RecordFeed feed_of(const std::vector<Record> &records) {
  return [&records](const std::function<void(const Record &)> &each) {
    for (const Record &r : records)
      each(r);
  };
}

} // namespace

std::string export_json(const std::vector<Record> &records,
                        const std::map<std::string, std::string> &plans) {
  std::string out;
  export_json(feed_of(records), plans, [&out](std::string_view piece) { out += piece; });
  return out;
}

std::string csv_header() {
  return "id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,ref,hex,cmd,"
         "question,times,followup,until";
}

std::string csv_row(const Record &r) {
  std::vector<std::string> hex;
  std::string exercise, text, plan, hash, week, answers, ref, question, times, followup, until;
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
    if (r.followup != 0)
      followup = std::to_string(r.followup);
    break;
  case RecordType::undo:
    ref = r.ref;
    break;
  case RecordType::forgotten: // the ids, separated by spaces, in the ref column
    for (const auto &id : r.refs)
      ref += (ref.empty() ? "" : " ") + id;
    break;
  case RecordType::not_arisen:
    exercise = exportable(r.exercise, "exercise", hex);
    break;
  case RecordType::end:
    text = exportable(r.text, "text", hex);
    break;
  case RecordType::review:
    question = exportable(r.question, "question", hex);
    text = exportable(r.text, "text", hex);
    break;
  case RecordType::keep:
    exercise = exportable(r.exercise, "exercise", hex);
    times = std::to_string(r.times);
    break;
  case RecordType::keep_stop:
    break;
  case RecordType::cue:
    exercise = exportable(r.exercise, "exercise", hex);
    text = exportable(r.text, "text", hex);
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
                               question,
                               times,
                               followup,
                               until};
  std::string out;
  bool first = true;
  for (const auto &cell : cells) {
    if (!first)
      out += ',';
    first = false;
    out += csv_cell(cell);
  }
  return out;
}

std::size_t export_csv(const RecordFeed &records, const ByteSink &sink) {
  PieceWriter piece(sink);
  std::string &out = piece.text();
  out += csv_header() + "\r\n";
  std::size_t count = 0;
  records([&](const Record &r) {
    ++count;
    out += csv_row(r);
    out += "\r\n";
    piece.maybe_flush();
  });
  piece.flush();
  return count;
}

std::string export_csv(const std::vector<Record> &records) {
  std::string out;
  export_csv(feed_of(records), [&out](std::string_view piece) { out += piece; });
  return out;
}

} // namespace attune
