// The selective reader (parse_journal_run): every line is checked, one run is kept.
//
// Pass 1 streams the source line by line. A quick check (checksum, fields, no allocation)
// accepts the common lines; anything unusual goes through the full parser, which decides.
// Each good line leaves a 24-byte entry (id, line, checksum, run, type) and its id in an
// open-addressing table of entry numbers, so dedup, undo and "which runs exist" follow the
// rules of parse_journal + build_history without holding any record. Pass 2 streams the
// source again and fully parses only the lines of the chosen run (and undos withdrawing
// its records).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>

#include "attune/calendar.hpp"
#include "attune/journal.hpp"
#include "attune/record_schema.hpp"
#include "attune/text.hpp"
#include "journal_detail.hpp"

namespace attune {
namespace {

using detail::hex_value;
using detail::parse_record_id;

/// What the first pass keeps of a good line.
struct Entry {
  std::uint64_t id = 0;
  std::uint32_t line = 0;
  std::uint32_t crc = 0; ///< of the line's body, to tell a repeated line from a reused id
  unsigned run = 0;
  RecordType type = RecordType::note;
  bool withdrawn = false;
  bool keep = false;
};

} // namespace

namespace detail {
namespace {

/// Digits only, 1 to 9 of them (the rule of parse_unsigned, for a value without escapes).
std::optional<unsigned> plain_unsigned(std::string_view value) noexcept {
  if (value.find('\\') != std::string_view::npos)
    return std::nullopt;
  return detail::parse_unsigned(value);
}

/// The escapes of a value are all well formed (what unescape_into accepts).
bool escapes_ok(std::string_view value) noexcept {
  for (std::size_t i = value.find('\\'); i != std::string_view::npos; i = value.find('\\', i + 1)) {
    if (++i >= value.size())
      return false;
    const char c = value[i];
    if (c == 'x') {
      if (i + 2 >= value.size() || hex_value(value[i + 1]) < 0 || hex_value(value[i + 2]) < 0)
        return false;
      i += 2;
    } else if (c != '\\' && c != 't' && c != 'n' && c != 'r') {
      return false;
    }
  }
  return true;
}

} // namespace

// light_scan and quick_scan: see journal_detail.hpp.
bool light_scan(std::string_view line, LineFacts &out) noexcept {
  // ID TAB TYPE TAB DAY(10) TAB RECORDED(20) TAB ZONE TAB run=N [TAB ...] TAB ~CRC
  if (line.size() < 60 || line[16] != '\t' || line[line.size() - 10] != '\t' ||
      line[line.size() - 9] != '~')
    return false;
  const auto id = parse_record_id(line.substr(0, 16));
  const std::size_t type_end = line.find('\t', 17);
  if (!id || type_end == std::string_view::npos)
    return false;
  const auto type = parse_record_type(line.substr(17, type_end - 17));
  // Undo and start lines are always checked in full: an undo may withdraw a kept record,
  // and a start decides which programmes exist (and holds a plan id to check).
  if (!type || *type == RecordType::undo || *type == RecordType::start)
    return false;
  const std::size_t zone_at = type_end + 1 + 11 + 21;
  const std::size_t zone_end = zone_at < line.size() ? line.find('\t', zone_at) : line.npos;
  if (zone_end == std::string_view::npos || line.compare(zone_end + 1, 4, "run=") != 0)
    return false;
  std::size_t run_end = zone_end + 5;
  while (run_end < line.size() && line[run_end] != '\t')
    ++run_end;
  const auto run = plain_unsigned(line.substr(zone_end + 5, run_end - zone_end - 5));
  if (!run)
    return false;
  std::uint32_t expected = 0;
  for (std::size_t i = line.size() - 8; i < line.size(); ++i) {
    const int v = hex_value(line[i]);
    if (v < 0)
      return false;
    expected = expected << 4 | static_cast<std::uint32_t>(v);
  }
  out.crc = detail::crc32(line.substr(0, line.size() - 10));
  if (out.crc != expected)
    return false;
  out.id = *id;
  out.type = *type;
  out.run = *run;
  return true;
}

bool quick_scan(std::string_view line, LineFacts &out) noexcept {
  const std::size_t last_tab = line.rfind('\t');
  if (last_tab == std::string_view::npos || line.size() - last_tab != 10 ||
      line[last_tab + 1] != '~')
    return false;
  std::uint32_t expected = 0;
  for (std::size_t i = last_tab + 2; i < line.size(); ++i) {
    const int v = hex_value(line[i]);
    if (v < 0)
      return false;
    expected = expected << 4 | static_cast<std::uint32_t>(v);
  }
  const std::string_view body = line.substr(0, last_tab);
  out.crc = detail::crc32(body);
  if (out.crc != expected)
    return false;
  // One table look-up per byte: bit 1 a raw control byte (TAB aside), bit 2 not ASCII.
  static const auto byte_class = [] {
    std::array<unsigned char, 256> t{};
    for (unsigned u = 0; u < 256; ++u)
      t[u] = static_cast<unsigned char>(((u < 0x20 && u != '\t') || u == 0x7F ? 1U : 0U) |
                                        (u >= 0x80 ? 2U : 0U));
    return t;
  }();
  unsigned seen_class = 0;
  for (const char c : body)
    seen_class |= byte_class[static_cast<unsigned char>(c)];
  if ((seen_class & 1U) != 0 || ((seen_class & 2U) != 0 && !is_valid_utf8(body)))
    return false;

  std::size_t pos = 0;
  bool last_field = false;
  const auto next = [&](std::string_view &f) {
    if (last_field)
      return false;
    const std::size_t tab = body.find('\t', pos);
    if (tab == std::string_view::npos) {
      f = body.substr(pos);
      last_field = true;
    } else {
      f = body.substr(pos, tab - pos);
      pos = tab + 1;
    }
    return true;
  };
  std::string_view field[5];
  for (auto &f : field)
    if (!next(f))
      return false;
  const auto id = parse_record_id(field[0]);
  const auto type = parse_record_type(field[1]);
  if (!id || !type || !parse_iso_day(field[2]) || !parse_instant(field[3]) ||
      !detail::is_zone_name(field[4]))
    return false;
  out.id = *id;
  out.type = *type;

  // The fields as parse_record_line checks them (record_schema.hpp), on the value as it
  // stands: a value with an escape is only ever text here (any other goes to the parser).
  std::uint32_t seen = 0;
  std::string_view f;
  while (next(f)) {
    const std::size_t eq = f.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return false;
    const RecordField *known = find_field(f.substr(0, eq));
    if (known == nullptr)
      return false; // unknown keys: the full parser words the verdict
    const std::uint32_t bit = std::uint32_t{1} << field_index(*known);
    if ((seen & bit) != 0)
      return false; // repeats too
    seen |= bit;
    const std::string_view value = f.substr(eq + 1);
    if (known->kind == FieldKind::text && known->rule == FieldRule::none
            ? !escapes_ok(value)
            : value.find('\\') != std::string_view::npos || !field_value_ok(*known, value))
      return false;
    if (known->member.number == &Record::run)
      out.run = *detail::parse_unsigned(value);
    else if (known->member.text == &Record::ref)
      out.ref = *parse_record_id(value);
    else if (known->kind == FieldKind::day && out.type == RecordType::pause &&
             *parse_iso_day(value) < *parse_iso_day(field[2]))
      return false; // a pause that ends before it begins
  }
  const TypeSet carried_by = type_bit(out.type);
  for (const RecordField &r : record_fields)
    if ((r.required & carried_by) != 0 && (seen & (std::uint32_t{1} << field_index(r))) == 0)
      return false;
  return true;
}

} // namespace detail

namespace {

using detail::light_scan;
using detail::LineFacts;
using detail::quick_scan;

/// Ids to entry numbers: open addressing on a power-of-two table, at most half full. Each
/// slot holds the entry number and the id's top 32 bits, so a probe rarely has to look at
/// the (far away, uncached) entry itself.
class IdIndex {
public:
  /// Sized for `expected` ids; grows beyond.
  IdIndex(const std::vector<Entry> &entries, std::size_t expected) : entries_(entries) {
    std::size_t size = 1024;
    while (size < expected * 2)
      size *= 2;
    slots_.resize(size);
  }

  /// Starts loading the slot `id` will probe: the table is far larger than the caches,
  /// and the line's checks take long enough to hide the wait.
  void prefetch(std::uint64_t id) const noexcept { __builtin_prefetch(&slots_[home(id)]); }

  /// The entry holding `id`, or nullptr.
  const Entry *find(std::uint64_t id) const noexcept {
    const auto fp = static_cast<std::uint32_t>(id >> 32);
    for (std::size_t i = home(id);; i = (i + 1) & (slots_.size() - 1)) {
      const std::uint64_t s = slots_[i];
      if (s == 0)
        return nullptr;
      if (static_cast<std::uint32_t>(s >> 32) == fp) {
        const Entry &e = entries_[static_cast<std::uint32_t>(s) - 1];
        if (e.id == id)
          return &e;
      }
    }
  }
  /// Adds entry number `index` (whose id is not in yet).
  void add(std::size_t index) {
    if ((count_ + 1) * 2 > slots_.size())
      grow();
    const std::uint64_t id = entries_[index].id;
    place(id, (id >> 32) << 32 | static_cast<std::uint32_t>(index + 1));
    ++count_;
  }

private:
  std::size_t home(std::uint64_t id) const noexcept {
    // Ids are random, but a hand-made journal may not be: mix before taking the top bits.
    const std::uint64_t h = (id ^ (id >> 29)) * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h >> 24) & (slots_.size() - 1);
  }
  void place(std::uint64_t id, std::uint64_t slot) noexcept {
    std::size_t i = home(id);
    while (slots_[i] != 0)
      i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }
  void grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    for (const std::uint64_t s : old)
      if (s != 0)
        place(entries_[static_cast<std::uint32_t>(s) - 1].id, s);
  }

  const std::vector<Entry> &entries_;
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

/// Splits streamed pieces into lines (without LF); a line cut across pieces is carried over.
/// Each line comes with the file offset it starts at.
class LineSplitter {
public:
  explicit LineSplitter(std::uint64_t start) : start_(start) {}

  /// Calls on_line(line, offset) for each complete line in `piece`.
  template <class F> void feed(std::string_view piece, F &&on_line) {
    while (!piece.empty()) {
      const void *found = std::memchr(piece.data(), '\n', piece.size());
      if (found == nullptr) {
        carry_.append(piece);
        return;
      }
      const auto len = static_cast<std::size_t>(static_cast<const char *>(found) - piece.data());
      std::uint64_t size = len;
      if (carry_.empty()) {
        on_line(piece.substr(0, len), start_);
      } else {
        carry_.append(piece.substr(0, len));
        size = carry_.size();
        on_line(std::string_view(carry_), start_);
        carry_.clear();
      }
      start_ += size + 1;
      piece.remove_prefix(len + 1);
    }
  }
  /// Bytes after the last LF (a torn tail), if any.
  bool has_tail() const noexcept { return !carry_.empty(); }
  /// The offset just past the last complete line.
  std::uint64_t offset() const noexcept { return start_; }

private:
  std::string carry_;
  std::uint64_t start_;
};

/// Where a line starts: its number and file offset.
struct Mark {
  std::uint32_t line = 0;
  std::uint64_t offset = 0;
};

/// The clash case (two start records claim one number): programmes are then identified by
/// their start records, which needs every record; rare, so the whole file is read in full
/// and the chosen programme's effective records are kept.
Journal read_by_start(const JournalSource &whole, std::optional<unsigned> number) {
  std::string text;
  whole(0, [&text](std::string_view piece) {
    text.append(piece);
    return true;
  });
  Journal full = parse_journal(text);
  const History history = build_history(full);
  Journal journal;
  journal.version = full.version;
  journal.newer_version = full.newer_version;
  journal.torn_tail = full.torn_tail;
  journal.has_header = full.has_header;
  journal.problems = std::move(full.problems);
  journal.notes = std::move(full.notes);
  journal.record_count = full.record_count;
  journal.newest_run = history.newest_run;
  const Run *run =
      number ? history.find(*number) : (history.runs.empty() ? nullptr : &history.runs.back());
  if (run != nullptr) {
    journal.kept_run = run->number;
    journal.records = run->records;
  }
  return journal;
}

std::string line_text(std::size_t n) {
  return "line " + std::to_string(n);
}

/// The part of the file a read covers: all of it, or one run's span (JournalSummary).
struct Window {
  std::uint64_t from = 0;
  std::uint64_t to = ~std::uint64_t{0};
  std::uint32_t first_line = 1; ///< the number of the line at `from`
};

/// `source` cut to the window: pieces past `to` are shortened, and reading stops there.
JournalSource windowed(const JournalSource &source, const Window &window) {
  if (window.from == 0 && window.to == ~std::uint64_t{0})
    return source;
  return [&source, to = window.to](std::uint64_t from,
                                   const std::function<bool(std::string_view)> &sink) {
    std::uint64_t at = from;
    source(from, [&](std::string_view piece) {
      if (at >= to)
        return false;
      if (piece.size() > to - at)
        piece = piece.substr(0, static_cast<std::size_t>(to - at));
      at += piece.size();
      return sink(piece) && at < to;
    });
  };
}

/// Per run, the span of the lines that decide it (JournalSummary), built during pass 1.
class SpanBuilder {
public:
  void add(unsigned run, std::uint64_t from, std::uint64_t to, std::uint32_t line) {
    if (last_ == nullptr || last_->run != run) {
      auto [it, fresh] = spans_.try_emplace(run);
      last_ = &it->second;
      if (fresh)
        *last_ = RunSpan{run, from, to, line};
    }
    if (from < last_->from) {
      last_->from = from;
      last_->first_line = line;
    }
    last_->to = std::max(last_->to, to);
  }
  /// The spans of the runs in `runs`, by number.
  std::vector<RunSpan> take(const std::set<unsigned> &runs) const {
    std::vector<RunSpan> out;
    for (const unsigned run : runs)
      if (const auto it = spans_.find(run); it != spans_.end())
        out.push_back(it->second);
    return out;
  }

private:
  std::map<unsigned, RunSpan> spans_;
  RunSpan *last_ = nullptr;
};

/// The selective read; `strict` checks every line in full. The light mode (checksum, id,
/// type and run for lines of other runs) is tried first; if a line of the kept run then
/// fails the full parse, everything is read again strictly, so the kept run is always
/// exactly what parse_journal + build_history give. A window other than the whole file reads
/// one run's span only (the caller sets the whole-file facts); `summary`, for a whole-file
/// read, receives what a later windowed read needs.
// long because: the index, window and strict re-read paths share one read's state
Journal read_run(const JournalSource &whole, std::optional<unsigned> number, std::size_t size_hint,
                 bool strict, const Window &window, JournalSummary *summary) {
  const JournalSource source = windowed(whole, window);
  const bool from_start = window.from == 0;
  SpanBuilder spans;
  Journal journal;
  std::vector<Entry> entries;
  // Lines are at least ~70 bytes: reserving by size costs address space, not memory, and
  // spares the copy (and the doubled peak) of growing a large vector.
  entries.reserve(size_hint / 64 + 16);
  // Sized for the usual ~125-byte lines; shorter lines make it grow once or twice.
  IdIndex index(entries, size_hint / 128);
  struct Undo {
    std::size_t entry;
    std::uint64_t ref;
    Mark at;
    std::uint64_t end; ///< offset past its LF
  };
  std::vector<Undo> undos;
  std::vector<std::pair<unsigned, Mark>> run_starts; // first line of each run, file order
  std::map<unsigned, std::uint64_t> start_of;        // run number -> its start record's id
  bool clash = false;                                // two start records claim one number
  bool seen_header = false;
  std::uint32_t line_number = window.first_line - 1;

  LineSplitter lines(window.from);
  source(window.from, [&](std::string_view piece) {
    lines.feed(piece, [&](std::string_view line, std::uint64_t offset) {
      ++line_number;
      const std::uint64_t end = offset + line.size() + 1;
      if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
      if (line.empty())
        return;
      if (const auto version = detail::parse_header(line)) {
        if (!seen_header || *version > journal.version)
          journal.version = *version;
        seen_header = true;
        if (!detail::is_writable_version(*version))
          journal.newer_version = true;
        return;
      }
      if (line_number == 1 && from_start)
        journal.problems.push_back({1, "line 1 is not the version line \"attune-journal " +
                                           std::to_string(journal_version) +
                                           "\": reading on as version " +
                                           std::to_string(journal_version)});
      if (const auto id = parse_record_id(line.substr(0, 16)))
        index.prefetch(*id);
      LineFacts facts;
      if (!(!strict && light_scan(line, facts)) && !quick_scan(line, facts)) {
        Record record;
        if (const auto why = detail::parse_record_line(line, record)) {
          journal.problems.push_back(
              {line_number, detail::describe_bad_line(line_number, line, *why)});
          return;
        }
        facts.id = *parse_record_id(record.id);
        facts.type = record.type;
        facts.run = record.run;
        facts.crc = detail::crc32(line.substr(0, line.rfind('\t')));
        if (record.type == RecordType::undo)
          facts.ref = *parse_record_id(record.ref);
      }
      const bool bookkeeping =
          facts.type == RecordType::undo || facts.type == RecordType::forgotten;
      if (summary != nullptr && !bookkeeping)
        spans.add(facts.run, offset, end, line_number); // every copy of the line
      if (const Entry *first = index.find(facts.id)) {
        if (first->crc != facts.crc || first->run != facts.run)
          journal.problems.push_back({line_number, line_text(line_number) + " reuses the id of " +
                                                       line_text(first->line) +
                                                       " with different content: skipped"});
        return;
      }
      Entry e;
      e.id = facts.id;
      e.line = line_number;
      e.crc = facts.crc;
      e.run = facts.run;
      e.type = facts.type;
      entries.push_back(e);
      index.add(entries.size() - 1);
      if (facts.type == RecordType::start && !start_of.emplace(facts.run, facts.id).second)
        clash = true;
      if (facts.type == RecordType::undo)
        undos.push_back({entries.size() - 1, facts.ref, {line_number, offset}, end});
      else if (!bookkeeping && (run_starts.empty() || run_starts.back().first != facts.run))
        run_starts.push_back({facts.run, {line_number, offset}});
    });
    return true;
  });
  if (lines.has_tail()) {
    ++line_number;
    journal.torn_tail = true;
    journal.problems.push_back({line_number, line_text(line_number) +
                                                 " is cut short (no newline at the end): kept, "
                                                 "not counted"});
  }
  journal.has_header = seen_header;
  journal.record_count = entries.size();
  if (clash && from_start && window.to == ~std::uint64_t{0}) {
    if (summary != nullptr)
      *summary = JournalSummary{}; // no index: every read must see the clash
    return read_by_start(whole, number);
  }

  // Undo withdraws check-ins and cues wherever they stand (build_history's rule).
  for (const Undo &u : undos) {
    const Entry *target = index.find(u.ref);
    if (target != nullptr && is_withdrawable(target->type)) {
      entries[static_cast<std::size_t>(target - entries.data())].withdrawn = true;
      if (summary != nullptr)
        spans.add(target->run, u.at.offset, u.end, u.at.line);
    }
  }
  // A run exists when it holds a record that is neither an undo nor withdrawn.
  std::set<unsigned> runs;
  unsigned last = 0;
  bool any = false;
  for (const Entry &e : entries) {
    if (e.type == RecordType::undo || e.type == RecordType::forgotten || e.withdrawn ||
        (any && e.run == last))
      continue;
    runs.insert(e.run);
    last = e.run;
    any = true;
  }
  if (!runs.empty())
    journal.newest_run = *runs.rbegin();
  if (summary != nullptr) {
    *summary = JournalSummary{};
    if (from_start && seen_header && journal.problems.empty() && !journal.torn_tail &&
        !journal.newer_version) {
      summary->size = lines.offset();
      summary->lines = line_number;
      summary->version = journal.version;
      summary->record_count = journal.record_count;
      summary->newest_run = journal.newest_run;
      summary->runs = spans.take(runs);
    }
  }
  if (runs.empty() || (number && runs.count(*number) == 0))
    return journal;
  const unsigned chosen = number ? *number : *runs.rbegin();
  journal.kept_run = chosen;

  // The lines to parse in full, and the first of them, where pass 2 starts reading.
  std::vector<std::uint32_t> wanted; // line numbers, ascending
  for (Entry &e : entries)
    e.keep = e.run == chosen && e.type != RecordType::undo && e.type != RecordType::forgotten;
  Mark from{line_number + 1, ~std::uint64_t{0}};
  for (const auto &[run, mark] : run_starts)
    if (run == chosen && mark.line < from.line)
      from = mark;
  for (const Undo &u : undos) {
    const Entry *target = index.find(u.ref);
    if (target != nullptr && target->withdrawn && target->keep) {
      entries[u.entry].keep = true;
      if (u.at.line < from.line)
        from = u.at;
    }
  }
  for (const Entry &e : entries)
    if (e.keep)
      wanted.push_back(e.line);
  if (wanted.empty())
    return journal;

  // Pass 2: the kept lines in full, from the first of them. The source may have grown
  // meanwhile (no lock on a read-only folder): only lines seen in pass 1 are wanted.
  std::size_t at = 0;
  bool failed = false;
  line_number = from.line - 1;
  LineSplitter again(from.offset);
  source(from.offset, [&](std::string_view piece) {
    again.feed(piece, [&](std::string_view line, std::uint64_t) {
      ++line_number;
      if (at == wanted.size() || line_number != wanted[at])
        return;
      ++at;
      if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
      Record record;
      if (detail::parse_record_line(line, record))
        failed = true; // checksum right, fields wrong: only the strict read words it
      else
        journal.records.push_back(std::move(record));
    });
    return at < wanted.size();
  });
  if (failed && !strict)
    return read_run(whole, number, size_hint, true, window, summary);
  return journal;
}

} // namespace

Journal parse_journal_run(const JournalSource &source, std::optional<unsigned> number,
                          std::size_t size_hint, JournalSummary *summary) {
  return read_run(source, number, size_hint, false, Window{}, summary);
}

Journal parse_journal_run(const JournalSource &source, const JournalSummary &summary,
                          std::optional<unsigned> number) {
  const unsigned chosen = number ? *number : summary.newest_run;
  const auto span = std::find_if(summary.runs.begin(), summary.runs.end(),
                                 [chosen](const RunSpan &s) { return s.run == chosen; });
  Journal journal;
  if (span != summary.runs.end() && summary.size > 0)
    journal = read_run(source, chosen, static_cast<std::size_t>(span->to - span->from), false,
                       Window{span->from, span->to, span->first_line}, nullptr);
  // The whole-file facts come from the summary: the span saw only part of the file.
  journal.version = summary.version;
  journal.newer_version = false;
  journal.has_header = true;
  journal.torn_tail = false;
  journal.record_count = summary.record_count;
  journal.newest_run = summary.newest_run;
  return journal;
}

} // namespace attune
