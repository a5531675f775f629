// Reading plans: untrusted text is checked (size, UTF-8, nesting) before toml++ sees it,
// then every key is validated and every problem is reported with its position.
#include "attune/plan_loader.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <toml++/toml.h>

#include "attune/text.hpp"

namespace attune {
namespace {

/// Collects diagnostics for one source file.
class Checker {
public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  void error(SourcePos at, std::string message, std::string hint = {}) {
    diags_.push_back(
        {{file_, std::max(at.line, 1), std::max(at.col, 1)}, std::move(message), std::move(hint)});
  }
  std::vector<Diagnostic> take() {
    std::stable_sort(diags_.begin(), diags_.end(), [](const Diagnostic &a, const Diagnostic &b) {
      return std::tie(a.where.line, a.where.col) < std::tie(b.where.line, b.where.col);
    });
    return std::move(diags_);
  }
  bool clean() const noexcept { return diags_.empty(); }

private:
  std::string file_;
  std::vector<Diagnostic> diags_;
};

SourcePos pos_of(const toml::source_region &r) {
  return {static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}
SourcePos pos_of(const toml::node &n) {
  return pos_of(n.source());
}

std::string type_phrase(toml::node_type t) {
  switch (t) {
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a decimal number";
  case toml::node_type::boolean:
    return "true/false";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::array:
    return "a list";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

std::string type_hint(toml::node_type wanted) {
  switch (wanted) {
  case toml::node_type::string:
    return "put the text in double quotes";
  case toml::node_type::integer:
    return "write a whole number without quotes";
  case toml::node_type::boolean:
    return "write true or false without quotes";
  case toml::node_type::array:
    return "write a list in square brackets";
  default:
    return "see attune-plan(5)";
  }
}

/// Lowercase letters, digits and single dashes, starting with a letter: "say-it-aloud".
bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 40 || !(id[0] >= 'a' && id[0] <= 'z') || id.back() == '-')
    return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i + 1] == '-'))
      return false;
  }
  return true;
}

/// What an invalid id probably meant: "Say Hello!" -> "say-hello".
std::string slug(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 0x80)
      out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && (out.back() == '-'))
    out.pop_back();
  while (!out.empty() && !(out[0] >= 'a' && out[0] <= 'z'))
    out.erase(0, 1);
  return out.substr(0, 40);
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

/// One TOML table being read: knows where it is and what it is called in messages.
class TableReader {
public:
  TableReader(Checker &check, const toml::table &table, SourcePos pos, std::string where)
      : check_(check), table_(table), pos_(pos), where_(std::move(where)) {}

  /// Flags every key not in `known`, with a did-you-mean.
  void only_keys(const std::vector<std::string> &known) {
    for (auto &&[key, node] : table_) {
      (void)node;
      if (std::find(known.begin(), known.end(), key.str()) != known.end())
        continue;
      const std::string guess = did_you_mean(key.str(), known);
      check_.error(pos_of(key.source()), "unknown key " + quoted(key.str()) + " " + where_,
                   guess.empty() ? "see attune-plan(5) for the keys"
                                 : "did you mean " + quoted(guess) + "?");
    }
  }

  /// The node under `key` if it has the wanted type; reports missing (when required) or a
  /// wrong type, and returns nullptr then.
  const toml::node *get(std::string_view key, toml::node_type wanted, bool required,
                        const std::string &missing_hint = {}) {
    const toml::node *n = table_.get(key);
    if (n == nullptr) {
      if (required)
        check_.error(pos_, "missing key " + quoted(key) + " " + where_,
                     missing_hint.empty() ? "see attune-plan(5)" : missing_hint);
      return nullptr;
    }
    if (n->type() != wanted) {
      check_.error(pos_of(*n),
                   quoted(key) + " must be " + type_phrase(wanted) + ", not " +
                       type_phrase(n->type()),
                   type_hint(wanted));
      return nullptr;
    }
    return n;
  }

  /// A required (or optional) piece of text; required text must not be blank.
  std::string text(std::string_view key, bool required, const std::string &missing_hint = {}) {
    const toml::node *n = get(key, toml::node_type::string, required, missing_hint);
    if (n == nullptr)
      return {};
    std::string value = n->as_string()->get();
    if (required && is_blank(value))
      check_.error(pos_of(*n), quoted(key) + " is empty " + where_, "write a few words");
    return value;
  }

  std::optional<std::int64_t> integer(std::string_view key, bool required,
                                      const std::string &missing_hint = {}) {
    const toml::node *n = get(key, toml::node_type::integer, required, missing_hint);
    if (n == nullptr)
      return std::nullopt;
    return n->as_integer()->get();
  }

  SourcePos value_pos(std::string_view key) const {
    const toml::node *n = table_.get(key);
    return n ? pos_of(*n) : pos_;
  }
  SourcePos key_pos(std::string_view key) const {
    for (auto &&[k, node] : table_) {
      (void)node;
      if (k.str() == key)
        return pos_of(k.source());
    }
    return pos_;
  }
  SourcePos pos() const noexcept { return pos_; }
  const toml::table &table() const noexcept { return table_; }
  const std::string &where() const noexcept { return where_; }

private:
  Checker &check_;
  const toml::table &table_;
  SourcePos pos_;
  std::string where_;
};

/// An id key: present, a string, lowercase with dashes.
std::string read_id(Checker &check, TableReader &r, const std::string &what) {
  std::string id = r.text("id", true, "give the " + what + " a stable id, like \"name-a-feeling\"");
  if (!id.empty() && !is_valid_id(id)) {
    const std::string fixed = slug(id);
    check.error(r.value_pos("id"), what + " id " + quoted(id) + " is not lowercase with dashes",
                "use a-z, 0-9 and single dashes, starting with a letter, like " +
                    quoted(fixed.empty() ? "notice-the-urge" : fixed));
  }
  return id;
}

constexpr std::size_t max_prompts = 8;

const std::vector<std::string> weekday_names = {
    "sun",    "mon",    "tue",     "wed",       "thu",      "fri",    "sat",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

constexpr const char *schedule_forms =
    "use \"daily\", \"when-it-arises\", { times_per_week = 3 } or { weekdays = [\"mon\", "
    "\"thu\"] }";

std::optional<Schedule> read_schedule(Checker &check, const toml::node &n) {
  if (const auto *s = n.as_string()) {
    if (s->get() == "daily")
      return Schedule{};
    if (s->get() == "when-it-arises") {
      Schedule schedule;
      schedule.kind = ScheduleKind::when_it_arises;
      return schedule;
    }
    // "when_it_arises", "when-arises", "arises": a near miss of the situational schedule.
    std::string guess = did_you_mean(s->get(), {"daily", "when-it-arises"});
    if (guess.empty() && s->get().find("arise") != std::string::npos)
      guess = "when-it-arises";
    check.error(pos_of(n), "unknown schedule " + quoted(s->get()),
                guess.empty() ? schedule_forms : "did you mean " + quoted(guess) + "?");
    return std::nullopt;
  }
  const auto *t = n.as_table();
  if (t == nullptr) {
    check.error(pos_of(n),
                "\"schedule\" must be \"daily\", \"when-it-arises\" or a table, not " +
                    type_phrase(n.type()),
                schedule_forms);
    return std::nullopt;
  }
  TableReader r(check, *t, pos_of(n), "in a schedule");
  r.only_keys({"times_per_week", "weekdays"});
  const bool has_times = t->contains("times_per_week");
  const bool has_days = t->contains("weekdays");
  if (has_times && has_days) {
    check.error(pos_of(n), "a schedule has both \"times_per_week\" and \"weekdays\"",
                "choose one of them");
    return std::nullopt;
  }
  Schedule schedule;
  if (has_times) {
    const auto times = r.integer("times_per_week", true);
    if (!times)
      return std::nullopt;
    if (*times < 1 || *times > 7) {
      check.error(r.value_pos("times_per_week"),
                  "times_per_week " + std::to_string(*times) + " is impossible",
                  "use 1 to 7: a week has seven days");
      return std::nullopt;
    }
    schedule.kind = ScheduleKind::times_per_week;
    schedule.times = static_cast<unsigned>(*times);
    return schedule;
  }
  if (!has_days) {
    if (t->empty())
      check.error(pos_of(n), "an empty schedule", schedule_forms);
    else
      check.error(pos_of(n), "a schedule table needs \"times_per_week\" or \"weekdays\"",
                  schedule_forms);
    return std::nullopt;
  }
  const toml::node *days = r.get("weekdays", toml::node_type::array, true);
  if (days == nullptr)
    return std::nullopt;
  const toml::array &list = *days->as_array();
  if (list.empty()) {
    check.error(pos_of(*days), "an empty weekday list",
                "name at least one day, like [\"mon\", \"thu\"]");
    return std::nullopt;
  }
  schedule.kind = ScheduleKind::weekdays;
  bool ok = true;
  for (const toml::node &day : list) {
    const auto *name = day.as_string();
    if (name == nullptr) {
      check.error(pos_of(day), "a weekday must be a string, not " + type_phrase(day.type()),
                  "write names like \"mon\" in double quotes");
      ok = false;
      continue;
    }
    const auto wd = parse_weekday(name->get());
    if (!wd) {
      std::string lower = name->get();
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const std::string guess = did_you_mean(lower, weekday_names);
      check.error(pos_of(day), "unknown weekday " + quoted(name->get()),
                  guess.empty() ? "use mon, tue, wed, thu, fri, sat or sun"
                                : "did you mean " + quoted(guess) + "?");
      ok = false;
      continue;
    }
    bool &slot = schedule.on[wd->c_encoding()];
    if (slot) {
      check.error(pos_of(day), "weekday " + quoted(name->get()) + " is listed twice",
                  "name each day once");
      ok = false;
    }
    slot = true;
  }
  return ok ? std::optional<Schedule>(schedule) : std::nullopt;
}

/// An optional text that, when present, must say something.
std::string optional_text(Checker &check, TableReader &r, std::string_view key,
                          const std::string &hint) {
  std::string value = r.text(key, false);
  if (r.table().contains(key) && r.table().get(key)->is_string() && is_blank(value))
    check.error(r.value_pos(key), quoted(key) + " is empty " + r.where(), hint);
  return value;
}

/// The safety and reflection fields of an exercise (attune-plan(5), Exercises):
/// with_other = true needs `alone`; disclosure = true implies with_other and needs
/// `if_it_goes_badly` too. Example: { disclosure = true, alone = "..." } without
/// if_it_goes_badly -> "exercise \"x\" shares something personal but has no if_it_goes_badly".
void read_care_fields(Checker &check, TableReader &r, Exercise &e) {
  e.caution = optional_text(check, r, "caution", "say when to skip this step, or remove the key");
  e.alone = optional_text(check, r, "alone",
                          "say what to do with no one to practise with, or remove the key");
  e.if_it_goes_badly = optional_text(check, r, "if_it_goes_badly",
                                     "say what to do if it lands badly, or remove the key");
  if (const toml::node *n = r.get("with_other", toml::node_type::boolean, false))
    e.with_other = n->as_boolean()->get();
  if (const toml::node *n = r.get("disclosure", toml::node_type::boolean, false))
    e.disclosure = n->as_boolean()->get();
  if (e.disclosure)
    e.with_other = true;
  const std::string name = e.id.empty() ? std::string("an exercise") : "exercise " + quoted(e.id);
  if (e.with_other && !r.table().contains("alone"))
    check.error(
        r.key_pos(e.disclosure && !r.table().contains("with_other") ? "disclosure" : "with_other"),
        name + " needs another person but has no \"alone\" alternative",
        "add alone = \"...\": what to do with no one to practise with (an unsent letter, "
        "a friend by message, a support group, a therapist)");
  if (e.disclosure && !r.table().contains("if_it_goes_badly"))
    check.error(r.key_pos("disclosure"),
                name + " shares something personal but has no \"if_it_goes_badly\"",
                "add if_it_goes_badly = \"...\": what to do if it lands badly");
  const toml::node *list = r.get("prompts", toml::node_type::array, false);
  if (list == nullptr)
    return;
  const toml::array &items = *list->as_array();
  if (items.empty() || items.size() > max_prompts)
    check.error(pos_of(*list), "an exercise has " + std::to_string(items.size()) + " prompts",
                "give it 1 to " + std::to_string(max_prompts) + " short questions");
  for (const toml::node &item : items) {
    const auto *text = item.as_string();
    if (text == nullptr) {
      check.error(pos_of(item), "a prompt must be a string, not " + type_phrase(item.type()),
                  "put each question in double quotes");
      continue;
    }
    if (is_blank(text->get())) {
      check.error(pos_of(item), "a prompt is empty", "write a short question");
      continue;
    }
    e.prompts.push_back(text->get());
  }
}

std::optional<Exercise> read_exercise(Checker &check, const toml::table &t, unsigned week) {
  const std::string where = "in an exercise of week " + std::to_string(week);
  TableReader r(check, t, pos_of(t), where);
  r.only_keys({"id", "title", "what", "why", "cue", "schedule", "caution", "with_other",
               "disclosure", "alone", "if_it_goes_badly", "prompts"});
  Exercise e;
  e.pos = r.pos();
  e.id = read_id(check, r, "exercise");
  e.title = r.text("title", true, "give it a short title");
  e.what = r.text("what", true, "say what to do, in a sentence or two");
  e.why = r.text("why", true, "say why it helps, in a sentence or two");
  e.cue = r.text("cue", false);
  read_care_fields(check, r, e);
  const toml::node *s = t.get("schedule");
  if (s == nullptr) {
    check.error(r.pos(), "missing key \"schedule\" " + where, schedule_forms);
    return std::nullopt;
  }
  const auto schedule = read_schedule(check, *s);
  if (!schedule)
    return std::nullopt;
  e.schedule = *schedule;
  if (e.schedule.kind == ScheduleKind::when_it_arises && e.cue.empty()) {
    check.error(pos_of(*s), "a \"when-it-arises\" exercise needs a \"cue\" " + where,
                "name the situation in \"cue\", like \"whenever you want to leave a "
                "conversation\"");
    return std::nullopt;
  }
  return e;
}

constexpr unsigned min_exercises = 2;
constexpr unsigned max_exercises = 4;

Week read_week(Checker &check, const toml::table &t, std::size_t index) {
  const std::string where = "in week " + std::to_string(index + 1) + " of the list";
  TableReader r(check, t, pos_of(t), "in a [[week]]");
  r.only_keys({"number", "theme", "rationale", "exercises"});
  Week w;
  w.pos = r.pos();
  const auto number = r.integer("number", true, "number the weeks 1, 2, 3... in order");
  w.number = number && *number > 0 && *number < 1000 ? static_cast<unsigned>(*number) : 0;
  w.theme = r.text("theme", true, "give the week a theme in a few words");
  w.rationale = r.text("rationale", true, "say in a sentence or two why this week matters");
  const toml::node *list = r.get("exercises", toml::node_type::array, true,
                                 "add 2 to 4 [[week.exercises]] after this [[week]]");
  if (list == nullptr)
    return w;
  const toml::array &items = *list->as_array();
  std::map<std::string, SourcePos> seen;
  for (const toml::node &item : items) {
    const auto *et = item.as_table();
    if (et == nullptr) {
      check.error(pos_of(item), "an exercise must be a table, not " + type_phrase(item.type()),
                  "write each exercise as [[week.exercises]]");
      continue;
    }
    auto e = read_exercise(check, *et, w.number);
    const toml::node *id_node = et->get("id");
    if (id_node && id_node->is_string()) {
      const std::string id = id_node->as_string()->get();
      const auto [it, fresh] = seen.emplace(id, pos_of(*id_node));
      if (!fresh)
        check.error(pos_of(*id_node),
                    "exercise id " + quoted(id) + " appears twice in week " +
                        std::to_string(w.number),
                    "the first is at line " + std::to_string(it->second.line) +
                        "; an exercise may recur in other weeks, but once per week");
    }
    if (e)
      w.exercises.push_back(std::move(*e));
  }
  const std::size_t n = items.size();
  if (n < min_exercises || n > max_exercises)
    check.error(r.pos(),
                "week " + std::to_string(w.number) + " has " + std::to_string(n) +
                    (n == 1 ? " exercise" : " exercises"),
                "give each week 2 to 4 small exercises");
  (void)where;
  return w;
}

const std::vector<std::string> dimension_names = {"avoidance", "anxiety", "awareness"};

/// A self-check item's dimension, with a did-you-mean ("anxious" -> "anxiety").
std::optional<Dimension> read_dimension(Checker &check, const toml::node &n) {
  const std::string value = n.as_string()->get();
  if (value == "avoidance")
    return Dimension::avoidance;
  if (value == "anxiety")
    return Dimension::anxiety;
  if (value == "awareness")
    return Dimension::awareness;
  std::string guess = did_you_mean(value, dimension_names);
  // The adjectives people reach for ("anxious", "avoidant", "aware") and the word reports
  // use ("noticing") are too far from the nouns for an edit distance.
  const auto starts = [&value](const char *stem) { return value.rfind(stem, 0) == 0; };
  if (guess.empty() && starts("anx"))
    guess = "anxiety";
  else if (guess.empty() && starts("avoid"))
    guess = "avoidance";
  else if (guess.empty() && (starts("aware") || starts("notic")))
    guess = "awareness";
  check.error(pos_of(n), "unknown self-check dimension " + quoted(value),
              guess.empty() ? "use \"avoidance\", \"anxiety\" or \"awareness\""
                            : "did you mean " + quoted(guess) + "?");
  return std::nullopt;
}

void read_self_check(Checker &check, TableReader &top, Plan &plan) {
  const toml::node *n = top.get("self_check", toml::node_type::table, true,
                                "add a [self_check] with a few statements to rate each week");
  if (n == nullptr)
    return;
  TableReader r(check, *n->as_table(), pos_of(*n), "in [self_check]");
  r.only_keys({"prompt", "scale", "min_label", "max_label", "items", "distress"});
  SelfCheck &sc = plan.self_check;
  sc.prompt = r.text("prompt", true, "say how to answer, like \"How true was this, this week?\"");
  sc.min_label = r.text("min_label", true, "name the lowest answer, like \"not at all\"");
  sc.max_label = r.text("max_label", true, "name the highest answer, like \"very much\"");
  if (const toml::node *scale = r.get("scale", toml::node_type::array, true,
                                      "give the answer range, like scale = [1, 5]")) {
    const toml::array &a = *scale->as_array();
    if (a.size() != 2 || !a[0].is_integer() || !a[1].is_integer()) {
      check.error(pos_of(*scale), "the self-check scale must be two whole numbers",
                  "write [lowest, highest], like [1, 5]");
    } else {
      const std::int64_t lo = a[0].as_integer()->get();
      const std::int64_t hi = a[1].as_integer()->get();
      const std::string shown = "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
      if (lo >= hi)
        check.error(pos_of(*scale), "the self-check scale " + shown + " is not a range",
                    "the first number must be lower than the second, like [1, 5]");
      else if (lo < 0 || hi > 10)
        check.error(pos_of(*scale), "the self-check scale " + shown + " is too wide",
                    "use numbers from 0 to 10, like [1, 5]");
      else {
        sc.scale_min = static_cast<int>(lo);
        sc.scale_max = static_cast<int>(hi);
      }
    }
  }
  const toml::node *items = r.get("items", toml::node_type::array, true,
                                  "add a few [[self_check.items]] with an id and a text");
  if (items == nullptr)
    return;
  const toml::array &list = *items->as_array();
  if (list.empty() || list.size() > 12)
    check.error(pos_of(*items), "the self-check has " + std::to_string(list.size()) + " statements",
                "give it 1 to 12 statements; 4 to 6 work well");
  std::map<std::string, SourcePos> seen;
  std::optional<SourcePos> with_dimension;    // the first item that names a dimension
  std::optional<SourcePos> without_dimension; // the first item that does not
  bool bad_dimension = false;
  for (const toml::node &item : list) {
    const auto *t = item.as_table();
    if (t == nullptr) {
      check.error(pos_of(item),
                  "a self-check item must be a table, not " + type_phrase(item.type()),
                  "write each item as [[self_check.items]]");
      continue;
    }
    TableReader ir(check, *t, pos_of(item), "in a self-check item");
    ir.only_keys({"id", "text", "dimension", "reverse"});
    SelfCheckItem si;
    si.id = read_id(check, ir, "self-check item");
    si.text = ir.text("text", true, "write the statement to rate");
    if (t->contains("dimension")) {
      const toml::node *d = ir.get("dimension", toml::node_type::string, false);
      const auto dim = d != nullptr ? read_dimension(check, *d) : std::nullopt;
      if (dim)
        si.dimension = *dim;
      else
        bad_dimension = true; // reported; the checks of the whole list below would only echo it
      if (!with_dimension)
        with_dimension = ir.value_pos("dimension");
    } else if (!without_dimension) {
      without_dimension = ir.pos();
    }
    if (const toml::node *rev = ir.get("reverse", toml::node_type::boolean, false))
      si.reverse = rev->as_boolean()->get();
    if (!si.id.empty()) {
      const auto [it, fresh] = seen.emplace(si.id, ir.value_pos("id"));
      if (!fresh)
        check.error(ir.value_pos("id"), "self-check item id " + quoted(si.id) + " is used twice",
                    "the first is at line " + std::to_string(it->second.line) +
                        "; give each statement its own id");
    }
    sc.items.push_back(std::move(si));
  }
  // A plan without any `dimension` is an older plan: one unnamed dimension, scored as before.
  // One that names some must name all, or the unnamed ones would silently count as security.
  if (with_dimension && without_dimension)
    check.error(*without_dimension, "this self-check item has no \"dimension\"",
                "the item at line " + std::to_string(with_dimension->line) +
                    " has one; give every item a dimension: \"avoidance\", \"anxiety\" or "
                    "\"awareness\"");
  if (with_dimension && !bad_dimension && !sc.items.empty() &&
      std::none_of(sc.items.begin(), sc.items.end(), [](const SelfCheckItem &i) {
        return i.dimension == Dimension::avoidance || i.dimension == Dimension::anxiety;
      }))
    check.error(pos_of(*items), "the self-check has no \"avoidance\" or \"anxiety\" item",
                "awareness is reported as noticing, not as security: add at least one item on "
                "avoidance or anxiety");
  if (const toml::node *d = r.get("distress", toml::node_type::table, false)) {
    TableReader dr(check, *d->as_table(), pos_of(*d), "in [self_check.distress]");
    dr.only_keys({"id", "text", "min_label", "max_label"});
    sc.distress.id = read_id(check, dr, "distress item");
    sc.distress.text =
        dr.text("text", true, "write the question, like \"How hard was this week for you?\"");
    sc.distress.min_label = dr.text("min_label", false);
    sc.distress.max_label = dr.text("max_label", false);
    if (!sc.distress.id.empty()) {
      if (const auto it = seen.find(sc.distress.id); it != seen.end())
        check.error(dr.value_pos("id"),
                    "distress item id " + quoted(sc.distress.id) + " is used twice",
                    "a self-check item at line " + std::to_string(it->second.line) +
                        " has it; give the distress item its own id");
    }
  }
}

void read_weeks(Checker &check, TableReader &top, Plan &plan, bool weeks_ok) {
  const toml::node *n =
      top.get("week", toml::node_type::array, true, "add one [[week]] table per programme week");
  if (n == nullptr)
    return;
  const toml::array &list = *n->as_array();
  std::map<unsigned, SourcePos> seen;
  unsigned expected = 1;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto *t = list[i].as_table();
    if (t == nullptr) {
      check.error(pos_of(list[i]), "a week must be a table, not " + type_phrase(list[i].type()),
                  "write each week as [[week]]");
      continue;
    }
    Week w = read_week(check, *t, i);
    const toml::node *num = t->get("number");
    if (w.number > 0) {
      const SourcePos at = pos_of(*num);
      const std::string shown = std::to_string(w.number);
      if (const auto it = seen.find(w.number); it != seen.end())
        check.error(at, "week number " + shown + " is repeated",
                    "week " + shown + " is already at line " + std::to_string(it->second.line) +
                        "; number the weeks 1, 2, 3... in order");
      else if (w.number > expected)
        check.error(at, "week number " + shown + " skips week " + std::to_string(expected),
                    "number the weeks 1, 2, 3... in order");
      else if (w.number < expected)
        check.error(at, "week number " + shown + " is out of order",
                    "number the weeks 1, 2, 3... in order");
      seen.emplace(w.number, at);
      expected = std::max(expected, w.number + 1);
    } else if (num != nullptr && num->is_integer()) {
      check.error(pos_of(*num),
                  "week number " + std::to_string(num->as_integer()->get()) + " is out of range",
                  "weeks are numbered from 1");
    }
    plan.week_plans.push_back(std::move(w));
  }
  if (weeks_ok && list.size() != plan.weeks) {
    const bool given = top.table().contains("weeks");
    check.error(given ? top.value_pos("weeks") : top.key_pos("week"),
                "the plan has " + std::to_string(list.size()) +
                    " [[week]] tables but weeks = " + std::to_string(plan.weeks),
                given ? "add or remove [[week]] tables, or change weeks"
                      : "weeks is 6 when not given; set weeks or add [[week]] tables");
  }
}

/// `audience`: optional, one line of at most max_audience_chars characters, not blank.
void read_audience(Checker &check, TableReader &top, Plan &plan) {
  constexpr std::size_t max_audience_chars = 120;
  const toml::node *n = top.get("audience", toml::node_type::string, false);
  if (n == nullptr)
    return;
  const std::string value = n->as_string()->get();
  if (is_blank(value)) {
    check.error(pos_of(*n), "\"audience\" is empty in the plan",
                "say in one line who the plan is for, or leave the key out");
    return;
  }
  if (value.find_first_of("\r\n") != std::string::npos) {
    check.error(pos_of(*n), "\"audience\" has a line break",
                "'attune plan list' shows it as one line: write it without line breaks");
    return;
  }
  std::size_t chars = 0;
  for (const char c : value)
    chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  if (chars > max_audience_chars) {
    check.error(pos_of(*n), "\"audience\" is " + std::to_string(chars) + " characters long",
                "keep it to one line of at most " + std::to_string(max_audience_chars) +
                    " characters; the description says the rest");
    return;
  }
  plan.audience = value;
}

Plan read_plan(Checker &check, const toml::table &root) {
  TableReader top(check, root, {1, 1}, "in the plan");
  top.only_keys({"schema", "id", "name", "audience", "description", "notice", "support", "weeks",
                 "streak", "self_check", "week"});
  Plan plan;
  if (const auto schema = top.integer("schema", true, "add schema = 1 at the top");
      schema && *schema != 1)
    check.error(top.value_pos("schema"), "unsupported schema " + std::to_string(*schema),
                "this attune reads schema = 1");
  plan.id = read_id(check, top, "plan");
  plan.name = top.text("name", true, "give the plan a name");
  plan.description = top.text("description", true, "describe the plan in a few sentences");
  read_audience(check, top, plan);
  plan.notice = top.text("notice", true,
                         "say once that this is a self-help practice, not therapy or crisis care");
  plan.support = top.text("support", false);
  bool weeks_ok = true;
  if (top.table().contains("weeks")) {
    const auto weeks = top.integer("weeks", false);
    weeks_ok = weeks.has_value();
    if (weeks && (*weeks < 1 || *weeks > 12)) {
      check.error(top.value_pos("weeks"), "weeks " + std::to_string(*weeks) + " is out of range",
                  "a plan has 1 to 12 weeks");
      weeks_ok = false;
    } else if (weeks) {
      plan.weeks = static_cast<unsigned>(*weeks);
    }
  }
  if (const toml::node *s = top.get("streak", toml::node_type::table, false)) {
    TableReader r(check, *s->as_table(), pos_of(*s), "in [streak]");
    r.only_keys({"grace_days"});
    if (const auto grace = r.integer("grace_days", false)) {
      if (*grace < 0 || *grace > 3)
        check.error(r.value_pos("grace_days"),
                    "grace_days " + std::to_string(*grace) + " is out of range",
                    "use 0 to 3; 1 forgives one missed day between kept days");
      else
        plan.streak.grace_days = static_cast<unsigned>(*grace);
    }
  }
  read_self_check(check, top, plan);
  read_weeks(check, top, plan, weeks_ok);
  return plan;
}

/// True when the character at a 1-based line:col (columns in code points) is a line end.
bool line_ends_at(std::string_view text, SourcePos at) {
  int line = 1;
  int col = 1;
  for (const char ch : text) {
    if (line == at.line && col == at.col)
      return ch == '\n' || ch == '\r';
    if (ch == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return line == at.line && col == at.col; // the end of the text ends the line too
}

/// "Error while parsing key-value pair: expected value" -> "expected value" and the context.
Diagnostic from_parse_error(const toml::parse_error &e, std::string_view source,
                            const std::string &file) {
  std::string text(e.description());
  std::string context;
  const std::string lead = "Error while parsing ";
  if (text.rfind(lead, 0) == 0) {
    const std::size_t colon = text.find(": ");
    if (colon != std::string::npos) {
      context = text.substr(lead.size(), colon - lead.size());
      text = text.substr(colon + 2);
    }
  }
  if (!text.empty())
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  const SourcePos at = pos_of(e.source());
  // toml++ calls a string left open at the end of a line a "control character".
  if (text.find("unescaped control characters") != std::string::npos && line_ends_at(source, at)) {
    context = "string";
    text = "the string is not closed before the end of the line";
  }
  return {{file, std::max(at.line, 1), std::max(at.col, 1)},
          "invalid toml" + (context.empty() ? "" : " in " + context) + ": " + text,
          "see attune-plan(5) for the format"};
}

} // namespace

std::string format_diagnostic(const Diagnostic &d) {
  std::string out = format_location(d.where) + ": error: " + d.message;
  if (!d.hint.empty())
    out += "; " + d.hint;
  return out;
}

PlanLoadResult load_plan(std::string_view text, std::string_view source_name,
                         std::string_view known_hash) {
  PlanLoadResult result;
  const std::string file(source_name);
  if (auto problem = precheck_plan_text(text, file)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error &e) {
    result.diagnostics.push_back(from_parse_error(e, text, file));
    return result;
  }
  Checker check(file);
  Plan plan = read_plan(check, root);
  if (check.clean()) {
    plan.hash = known_hash.empty() ? sha256_hex(text) : std::string(known_hash);
    result.plan = std::move(plan);
  }
  result.diagnostics = check.take();
  return result;
}

} // namespace attune
