// The record fields' values: checking, storing and writing them, by kind (record_schema.hpp).
#include "attune/record_schema.hpp"

#include <utility>

#include "journal_detail.hpp"

namespace attune {
namespace {

/// Calls `each` on the parts of a comma-separated list ("" is one empty part); stops and
/// returns false when `each` does.
template <typename Each> bool each_part(std::string_view list, Each each) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = list.find(',', start);
    if (!each(list.substr(start, comma == std::string_view::npos ? list.npos : comma - start)))
      return false;
    if (comma == std::string_view::npos)
      return true;
    start = comma + 1;
  }
}

bool rule_ok(FieldRule rule, unsigned number) noexcept {
  switch (rule) {
  case FieldRule::times:
    return number >= 1 && number <= 7;
  case FieldRule::followup:
    return number == 4 || number == 12;
  default:
    return true;
  }
}

} // namespace

bool field_value_ok(const RecordField &field, std::string_view value) noexcept {
  switch (field.kind) {
  case FieldKind::text:
    if (field.rule == FieldRule::plan_id)
      return is_journal_plan_id(value);
    if (field.rule == FieldRule::review_question)
      return detail::is_review_question(value);
    return true;
  case FieldKind::id:
    return detail::is_record_id(value);
  case FieldKind::number: {
    const auto n = detail::parse_unsigned(value);
    return n && rule_ok(field.rule, *n);
  }
  case FieldKind::day:
    return parse_iso_day(value).has_value();
  case FieldKind::answers: // "" is no answers
    return value.empty() || each_part(value, [](std::string_view p) {
             return detail::parse_unsigned(p).has_value();
           });
  case FieldKind::ids: // one or more
    return each_part(value, [](std::string_view p) { return detail::is_record_id(p); });
  }
  return false;
}

bool assign_field(const RecordField &field, Record &record, std::string_view value) {
  const FieldMember &m = field.member;
  switch (field.kind) {
  case FieldKind::text:
  case FieldKind::id:
    if (!field_value_ok(field, value))
      return false;
    (record.*m.text).assign(value);
    return true;
  case FieldKind::number: {
    const auto n = detail::parse_unsigned(value);
    if (!n || !rule_ok(field.rule, *n))
      return false;
    record.*m.number = *n;
    return true;
  }
  case FieldKind::day: {
    const auto day = parse_iso_day(value);
    if (!day)
      return false;
    record.*m.day = *day;
    return true;
  }
  case FieldKind::answers: {
    if (!field_value_ok(field, value))
      return false;
    std::vector<int> &answers = record.*m.answers;
    answers.clear(); // capacity kept
    if (!value.empty())
      each_part(value, [&answers](std::string_view p) {
        answers.push_back(static_cast<int>(*detail::parse_unsigned(p)));
        return true;
      });
    return true;
  }
  case FieldKind::ids: {
    if (!field_value_ok(field, value))
      return false;
    std::vector<std::string> &ids = record.*m.ids;
    ids.clear();
    each_part(value, [&ids](std::string_view p) {
      ids.emplace_back(p);
      return true;
    });
    return true;
  }
  }
  return false;
}

namespace {

/// Clears field I's member; the field is a constant, so this is one store or one clear().
template <std::size_t I> void clear_field(Record &record) noexcept {
  constexpr const RecordField &field = record_fields[I];
  if constexpr (field.kind == FieldKind::text || field.kind == FieldKind::id)
    (record.*field.member.text).clear();
  else if constexpr (field.kind == FieldKind::number)
    record.*field.member.number = 0;
  else if constexpr (field.kind == FieldKind::day)
    (record.*field.member.day).reset();
  else if constexpr (field.kind == FieldKind::answers)
    (record.*field.member.answers).clear();
  else
    (record.*field.member.ids).clear();
}

template <std::size_t... I> void clear_each(Record &record, std::index_sequence<I...>) noexcept {
  (clear_field<I>(record), ...);
}

} // namespace

void clear_fields(Record &record) noexcept {
  // Unrolled over the table at compile time: it runs once per line read.
  clear_each(record, std::make_index_sequence<record_fields.size()>{});
}

bool field_is_set(const RecordField &field, const Record &record) noexcept {
  const FieldMember &m = field.member;
  switch (field.kind) {
  case FieldKind::text:
  case FieldKind::id:
    return !(record.*m.text).empty();
  case FieldKind::number:
    return record.*m.number != 0;
  case FieldKind::day:
    return (record.*m.day).has_value();
  case FieldKind::answers:
    return !(record.*m.answers).empty();
  case FieldKind::ids:
    return !(record.*m.ids).empty();
  }
  return false;
}

std::string field_text(const RecordField &field, const Record &record) {
  const FieldMember &m = field.member;
  std::string out;
  switch (field.kind) {
  case FieldKind::text:
  case FieldKind::id:
    return record.*m.text;
  case FieldKind::number:
    return std::to_string(record.*m.number);
  case FieldKind::day:
    return (record.*m.day) ? format_day(*(record.*m.day)) : std::string();
  case FieldKind::answers:
    for (const int a : record.*m.answers) {
      if (!out.empty())
        out += ',';
      out += std::to_string(a);
    }
    return out;
  case FieldKind::ids:
    for (const std::string &id : record.*m.ids) {
      if (!out.empty())
        out += ',';
      out += id;
    }
    return out;
  }
  return out;
}

std::string_view missing_field_problem(RecordType type) noexcept {
  switch (type) {
  case RecordType::start:
    return "a start without plan or hash";
  case RecordType::done:
  case RecordType::skip:
  case RecordType::not_arisen:
    return "no exercise";
  case RecordType::note:
    return "a note without text";
  case RecordType::check:
    return "a check without week or answers";
  case RecordType::undo:
    return "an undo without ref";
  case RecordType::forgotten:
    return "a forgotten without refs";
  case RecordType::review:
    return "a review without question or text";
  case RecordType::keep:
    return "a keep without exercise or times";
  case RecordType::cue:
    return "a cue without exercise or text";
  case RecordType::end:
  case RecordType::keep_stop:
  case RecordType::pause:
  case RecordType::resume:
    break;
  }
  return "a record without a field its type needs";
}

} // namespace attune
