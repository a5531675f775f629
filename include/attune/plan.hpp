#pragma once
/// Plain value types for a plan: weeks, exercises, schedules, the weekly self-check.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "attune/calendar.hpp"

namespace attune {

/// Largest plan text accepted (bytes); larger text is refused before parsing, and an
/// imported plan copy over it is refused too.
inline constexpr std::size_t max_plan_bytes = 1024 * 1024;

/// Where a node stood in its source file (1-based; 0 when unknown, e.g. built by hand).
struct SourcePos {
  int line = 0;
  int col = 0;
};

enum class ScheduleKind {
  daily,          ///< every day of the week
  times_per_week, ///< N times on any days of the programme week (flexible)
  weekdays,       ///< on the given weekdays only
  /// When its situation comes up (the exercise's cue names it): never due, never open, never
  /// missed; counted on the days it is done. "It did not come up" (not_arisen) is neutral.
  when_it_arises,
};

/// How often an exercise is planned within one programme week.
struct Schedule {
  ScheduleKind kind = ScheduleKind::daily;
  /// For times_per_week: N (1..7). Ignored otherwise.
  unsigned times = 0;
  /// For weekdays: indexed by date::weekday::c_encoding() (Sunday = 0).
  std::array<bool, 7> on{};

  /// True when the exercise is due on that very day: daily, or one of its weekdays.
  /// A times_per_week exercise is never due on a particular day (it is open all week); a
  /// when_it_arises one never at all.
  bool due_on(date::weekday wd) const noexcept;
  /// How many times a full programme week plans it: 7, N, the number of weekdays, or 0 for
  /// when_it_arises (nothing is owed; a situation may not arise).
  unsigned weekly_target() const noexcept;
  /// True for when_it_arises: tied to a situation, never owed.
  bool situational() const noexcept { return kind == ScheduleKind::when_it_arises; }
};

/// One small exercise. `id` is lowercase with dashes and stable across weeks.
struct Exercise {
  std::string id;
  std::string title;
  std::string what; ///< what to do
  std::string why;  ///< why it helps
  /// When to do it ("after dinner"); for a when_it_arises exercise, required: the situation
  /// ("whenever you want to leave a conversation").
  std::string cue;
  Schedule schedule;
  SourcePos pos;
  /// Optional safety line shown with the exercise ("If someone frightens you ... skip this").
  std::string caution;
  /// The exercise involves another person (with_other = true): `alone` is then required.
  bool with_other = false;
  /// The exercise shares something personal (disclosure = true): implies with_other, and
  /// `if_it_goes_badly` is then required.
  bool disclosure = false;
  /// What to do instead with no one to practise with (an unsent letter, a friend by message).
  std::string alone;
  /// For a disclosure: what to do if it lands badly.
  std::string if_it_goes_badly;
  /// Optional reflection prompts ("What happened?"), at most 8.
  std::vector<std::string> prompts;
};

/// One programme week: days 7(N-1)+1 .. 7N counted from the start day.
struct Week {
  unsigned number = 0; ///< 1-based
  std::string theme;
  std::string rationale;
  std::vector<Exercise> exercises;
  SourcePos pos;
};

/// What a self-check item measures. `unnamed` is the one dimension of a plan written before
/// dimensions existed (no `dimension` key on any item): agreeing means feeling more secure.
enum class Dimension {
  unnamed,   ///< an older plan's single "feeling secure" dimension
  avoidance, ///< keeping distance, handling things alone (higher: more avoidance)
  anxiety,   ///< worry about closeness and being left (higher: more anxiety)
  awareness, ///< noticing urges and feelings; reported as "noticing", never as security
};
/// "avoidance", "anxiety", "awareness"; "" for unnamed.
const char *to_string(Dimension d) noexcept;

/// One statement of the self-check, rated on the plan's scale.
struct SelfCheckItem {
  std::string id;
  std::string text;
  /// Reverse-scored: agreeing more means less of the item's dimension (for an unnamed one: less
  /// secure). Scored as (min + max - answer).
  bool reverse = false;
  Dimension dimension = Dimension::unnamed;
  /// Only for the distress item: its own answer labels ("" = the self-check's labels).
  std::string min_label;
  std::string max_label;
};

/// The weekly self-check: a few statements rated from scale_min to scale_max.
struct SelfCheck {
  std::string prompt;
  int scale_min = 1;
  int scale_max = 5;
  std::string min_label; ///< e.g. "not at all"
  std::string max_label; ///< e.g. "very much"
  std::vector<SelfCheckItem> items;
  /// "How hard was this week for you?": asked after the items, on the same scale, its answer
  /// stored last. Reported, never scored as security. Absent when distress.id is empty.
  SelfCheckItem distress;

  bool has_distress() const noexcept { return !distress.id.empty(); }
  /// How many answers one self-check holds: the items, then the distress item if any.
  std::size_t answer_count() const noexcept { return items.size() + (has_distress() ? 1 : 0); }
};

/// Plan-level streak rule. grace_days = 1: one missed day between kept days is forgiven,
/// two missed days in a row break the streak.
struct StreakRule {
  unsigned grace_days = 0;
};

/// A whole programme.
struct Plan {
  std::string id;          ///< lowercase, dashes: "avoidant"
  std::string name;        ///< "Toward secure: six weeks of small steps"
  std::string description; ///< a paragraph
  std::string notice;      ///< said once: a self-help practice, not therapy or crisis care
  std::string support;     ///< when and how to look for a professional
  unsigned weeks = 6;
  StreakRule streak;
  SelfCheck self_check;
  std::vector<Week> week_plans; ///< exactly `weeks` entries, numbered 1..weeks in order
  /// Who the plan is for, in one line for `plan list` ("For people who ..."); empty when the
  /// plan gives none (it is optional, so plans written before it stay valid).
  std::string audience;
  /// Hex SHA-256 of the plan's source text, stored with a run so history keeps its plan.
  std::string hash;

  /// The plan for programme week n (1-based), or nullptr when out of range.
  const Week *week(unsigned n) const noexcept;
  /// Every distinct exercise id in the plan, in first-appearance order.
  std::vector<std::string> exercise_ids() const;
};

} // namespace attune
