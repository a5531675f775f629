#pragma once
/// The one description of a record's fields (attune-journal(5), FIELDS, describes it), beyond the
/// five every line starts with (id, type, day, recorded, zone). Everything that writes or reads a
/// record's fields walks this table: the journal writer (format_record) and both readers
/// (parse_record_line and the selective reader's quick check), export JSON (write_record_json, also
/// `log --format json` and hook input), the CSV header and row, and import's keys. One name per
/// field, the same in the journal (`name=VALUE`), in JSON (a key) and in CSV (a column).
/// attune-journal(5), FIELDS, documents the table; test_record_schema checks that every writer and
/// reader agrees with it.
///
/// Two fields share a Record member: `text` (a note's, a review answer's, a cue's words) and
/// `reason` (why a skip, an end or a pause): both are Record::text.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/journal.hpp"

namespace attune {

/// How a field's value is held and written.
enum class FieldKind : std::uint8_t {
  text,    ///< free text (std::string); exports write hex bytes when it is not UTF-8
  id,      ///< a record id, 16 lowercase hex digits (std::string)
  number,  ///< a whole number, 0 to 999999999 (unsigned); JSON number
  day,     ///< YYYY-MM-DD (std::optional<Day>)
  answers, ///< whole numbers (std::vector<int>): journal and CSV "3,5,2", JSON an array
  ids,     ///< record ids (std::vector<std::string>): journal "a,b", CSV "a b", JSON an array
};

/// A rule on the value beyond its kind (the journal's reader and import both apply it).
enum class FieldRule : std::uint8_t {
  none,
  plan_id,         ///< is_journal_plan_id
  review_question, ///< helped, signs or keep
  times,           ///< 1 to 7
  followup,        ///< 4 or 12
};

/// Whether a record type carries a field.
enum class Presence : std::uint8_t {
  none,     ///< never: writers leave it out, import refuses it, a reader ignores it
  required, ///< always written; a line or an imported record without it is refused
  optional, ///< written when set (text not empty, number not 0, a day given)
  shown,    ///< optional in the journal, but JSON always writes it ("" when unset)
};

/// A set of record types, one bit per RecordType.
using TypeSet = std::uint32_t;
inline constexpr std::size_t record_type_count = 15;
constexpr TypeSet type_bit(RecordType type) noexcept {
  return TypeSet{1} << static_cast<unsigned>(type);
}
constexpr TypeSet types(std::initializer_list<RecordType> list) noexcept {
  TypeSet set = 0;
  for (const RecordType t : list)
    set |= type_bit(t);
  return set;
}
inline constexpr TypeSet all_types = (TypeSet{1} << record_type_count) - 1;

/// The Record member a field lives in; exactly one pointer is set, the one its kind uses.
struct FieldMember {
  constexpr FieldMember(std::string Record::*m) noexcept : text(m) {}
  constexpr FieldMember(unsigned Record::*m) noexcept : number(m) {}
  constexpr FieldMember(std::optional<Day> Record::*m) noexcept : day(m) {}
  constexpr FieldMember(std::vector<int> Record::*m) noexcept : answers(m) {}
  constexpr FieldMember(std::vector<std::string> Record::*m) noexcept : ids(m) {}
  std::string Record::*text = nullptr; ///< text and id kinds
  unsigned Record::*number = nullptr;
  std::optional<Day> Record::*day = nullptr;
  std::vector<int> Record::*answers = nullptr;
  std::vector<std::string> Record::*ids = nullptr;
};

/// One field: its name everywhere, its kind and rule, its member, and which types carry it.
struct RecordField {
  std::string_view name;
  FieldKind kind;
  FieldRule rule;
  FieldMember member;
  TypeSet required;         ///< types that always carry it
  TypeSet optional;         ///< types that may carry it
  TypeSet shown;            ///< of `optional`: JSON writes it even when unset
  std::string_view problem; ///< the journal reader's words for a bad value ("bad run")

  constexpr Presence presence(RecordType type) const noexcept {
    const TypeSet bit = type_bit(type);
    if ((required & bit) != 0)
      return Presence::required;
    if ((shown & bit) != 0)
      return Presence::shown;
    return (optional & bit) != 0 ? Presence::optional : Presence::none;
  }
};

// clang-format off
/// The fields, in the order a journal line and a JSON object hold them (after the five
/// positional ones). A new field goes here, and in csv_columns (at the end).
inline constexpr std::array<RecordField, 15> record_fields = {{
  // name       kind                 rule                        member
  //   required: types                                           optional       JSON always
  {"run",      FieldKind::number,  FieldRule::none,            &Record::run,
   all_types,                                                    0,             0, "bad run"},
  {"exercise", FieldKind::text,    FieldRule::none,            &Record::exercise,
   types({RecordType::done, RecordType::skip, RecordType::not_arisen, RecordType::keep,
          RecordType::cue}),                                     0,             0, "bad exercise"},
  {"plan",     FieldKind::text,    FieldRule::plan_id,         &Record::plan_id,
   types({RecordType::start}),                                   0,             0, "bad plan id"},
  {"hash",     FieldKind::text,    FieldRule::none,            &Record::plan_hash,
   types({RecordType::start}),                                   0,             0, "bad hash"},
  {"week",     FieldKind::number,  FieldRule::none,            &Record::week,
   types({RecordType::check}),                                   0,             0, "bad week"},
  {"answers",  FieldKind::answers, FieldRule::none,            &Record::answers,
   types({RecordType::check}),                                   0,             0, "bad answers"},
  {"followup", FieldKind::number,  FieldRule::followup,        &Record::followup,
   0,                                          types({RecordType::check}),      0, "bad followup"},
  {"ref",      FieldKind::id,      FieldRule::none,            &Record::ref,
   types({RecordType::undo}),                                    0,             0, "bad ref"},
  {"refs",     FieldKind::ids,     FieldRule::none,            &Record::refs,
   types({RecordType::forgotten}),                               0,             0, "bad refs"},
  {"question", FieldKind::text,    FieldRule::review_question, &Record::question,
   types({RecordType::review}),                                  0,             0, "bad question"},
  {"until",    FieldKind::day,     FieldRule::none,            &Record::until,
   0,                                          types({RecordType::pause}),      0, "bad until"},
  {"reason",   FieldKind::text,    FieldRule::none,            &Record::text,
   0, types({RecordType::skip, RecordType::end, RecordType::pause}),
      types({RecordType::skip, RecordType::pause}),                                "bad reason"},
  {"text",     FieldKind::text,    FieldRule::none,            &Record::text,
   types({RecordType::note, RecordType::review, RecordType::cue}), 0,           0, "bad text"},
  {"times",    FieldKind::number,  FieldRule::times,           &Record::times,
   types({RecordType::keep}),                                    0,             0, "bad times"},
  {"cmd",      FieldKind::id,      FieldRule::none,            &Record::cmd,
   0,                                                            all_types,     0, "bad cmd"},
}};
// clang-format on

/// The five fields every line starts with, by position (JSON and CSV name them so).
inline constexpr std::array<std::string_view, 5> record_head = {"id", "type", "day", "recorded",
                                                                "zone"};

/// The CSV columns, in order: the head, the fields and `hex`. Columns are only ever added at
/// the end, so older exports keep their positions (import reads them).
inline constexpr std::array<std::string_view, 21> csv_columns = {
    "id",   "type",     "day",   "recorded", "zone",    "run",    "exercise",
    "text", "plan",     "hash",  "week",     "answers", "ref",    "hex",
    "cmd",  "question", "times", "followup", "until",   "reason", "refs"};

/// The field named `name`, or nullptr. Allocation-free; used on every key of every line.
inline const RecordField *find_field(std::string_view name) noexcept {
  for (const RecordField &f : record_fields)
    if (f.name == name)
      return &f;
  return nullptr;
}

/// The field's position in record_fields.
inline std::size_t field_index(const RecordField &field) noexcept {
  return static_cast<std::size_t>(&field - record_fields.data());
}

/// True when the value (as the journal holds it, escapes undone) is one the field accepts:
/// its kind (digits, an id, a date, ...) and its rule. Allocation-free.
bool field_value_ok(const RecordField &field, std::string_view value) noexcept;

/// Checks the value as field_value_ok does and stores it in the record; false when bad (the
/// record's member is then unchanged). Assigns into the member, keeping its capacity: a
/// record reused from line to line is filled without allocating.
bool assign_field(const RecordField &field, Record &record, std::string_view value);

/// Sets every field's member to its unset value (empty, 0, no day), keeping the capacity of
/// strings and lists: with the five positional ones assigned, the record is as new.
void clear_fields(Record &record) noexcept;

/// True when the record holds a value: text or id not empty, a number not 0, a day, a list
/// not empty. A field that is not set is left out where it is optional.
bool field_is_set(const RecordField &field, const Record &record) noexcept;

/// The value as the journal writes it (before escaping): digits, "3,5,2", "a,b", YYYY-MM-DD.
std::string field_text(const RecordField &field, const Record &record);

/// The journal reader's words for a record of `type` without a field it requires
/// ("a keep without exercise or times"; done, skip, not_arisen: "no exercise").
std::string_view missing_field_problem(RecordType type) noexcept;

} // namespace attune
