// The streaming export's reader: parse_journal's records, read in passes (export_stream.hpp).
#include "attune/export_stream.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "attune/error.hpp"
#include "attune/forget.hpp"
#include "journal_detail.hpp"

namespace attune {
namespace {

/// The first LF in [at, end), or nullptr. Sixteen bytes a step, inline: a journal line is
/// about 125 bytes, where memchr's set-up costs as much as its search.
const char *find_lf(const char *at, const char *const end) noexcept {
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8('\n');
  for (; end - at >= 16; at += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
    if (mask != 0)
      return at + __builtin_ctz(mask);
  }
#endif
  return static_cast<const char *>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
}

/// Calls line(text, complete) for each line of the source in order, without its LF; the last
/// piece of a file that does not end in LF is given with complete = false.
template <typename F> void each_line(const JournalSource &source, F &&line) {
  std::string carry; // a line cut by the end of a piece
  source(0, [&](std::string_view piece) {
    const char *at = piece.data();
    const char *const end = at + piece.size();
    while (at < end) {
      const char *lf = find_lf(at, end);
      if (lf == nullptr) {
        carry.append(at, end);
        break;
      }
      if (carry.empty()) {
        line(std::string_view(at, static_cast<std::size_t>(lf - at)), true);
      } else {
        carry.append(at, lf);
        line(std::string_view(carry), true);
        carry.clear();
      }
      at = lf + 1;
    }
    return true;
  });
  if (!carry.empty())
    line(std::string_view(carry), false);
}

/// A line without the CR a file-sync tool may have added.
std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  return line;
}

bool is_start_line(std::string_view line) {
  return line.size() > 23 && line[16] == '\t' && line.compare(17, 6, "start\t") == 0;
}

} // namespace

void sort_ids(std::vector<std::uint64_t> &ids) {
  if (ids.size() < 4096) {
    std::sort(ids.begin(), ids.end());
    return;
  }
  // Most significant 11 bits first: one pass counts, one scatters the ids into 2,048 ranges
  // by their top bits, then each range is sorted alone, in the cache (random ids leave a few
  // hundred in each; ids that share their top bits fall into one, which std::sort still
  // sorts in n log n). Two passes over memory, where sorting by all 64 bits, 11 a pass, took
  // six.
  constexpr unsigned bits = 11;
  constexpr unsigned shift = 64 - bits;
  constexpr std::size_t buckets = std::size_t{1} << bits;
  std::vector<std::size_t> start(buckets + 1, 0);
  for (const std::uint64_t id : ids)
    ++start[(id >> shift) + 1];
  for (std::size_t b = 1; b <= buckets; ++b)
    start[b] += start[b - 1];
  std::vector<std::uint64_t> other(ids.size());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (const std::uint64_t id : ids)
    other[next[id >> shift]++] = id;
  for (std::size_t b = 0; b < buckets; ++b)
    std::sort(other.begin() + static_cast<std::ptrdiff_t>(start[b]),
              other.begin() + static_cast<std::ptrdiff_t>(start[b + 1]));
  ids.swap(other);
}

namespace {

/// Calls line(text) for each complete line (without its LF) of one part of the source: from
/// `from`, first skipping to just past an LF when `skip_to_lf`; up to and with the first line
/// whose LF is at offset `stop_at` or later. A last line without an LF is not given.
template <typename F>
void each_line_of_part(const JournalSource &source, std::uint64_t from, bool skip_to_lf,
                       std::uint64_t stop_at, F &&line) {
  std::string carry;
  std::uint64_t offset = from; // of the piece at hand
  bool skipping = skip_to_lf;
  source(from, [&](std::string_view piece) {
    const char *const first = piece.data();
    const char *at = first;
    const char *const end = at + piece.size();
    const std::uint64_t base = offset;
    offset += piece.size();
    if (skipping) {
      const char *lf = find_lf(at, end);
      if (lf == nullptr)
        return true;
      at = lf + 1;
      skipping = false;
    }
    while (at < end) {
      const char *lf = find_lf(at, end);
      if (lf == nullptr) {
        carry.append(at, end);
        break;
      }
      if (carry.empty()) {
        line(std::string_view(at, static_cast<std::size_t>(lf - at)));
      } else {
        carry.append(at, lf);
        line(std::string_view(carry));
        carry.clear();
      }
      if (base + static_cast<std::uint64_t>(lf - first) >= stop_at)
        return false;
      at = lf + 1;
    }
    return true;
  });
}

/// What pass 1 gathers from one part of the journal.
struct PrescanPart {
  std::vector<std::uint64_t> ids;
  std::vector<Record> starts;
};

void prescan_part(const JournalSource &source, std::uint64_t from, bool skip_to_lf,
                  std::uint64_t stop_at, PrescanPart &part) {
  Record record;
  each_line_of_part(source, from, skip_to_lf, stop_at, [&](std::string_view raw) {
    const std::string_view line = without_cr(raw);
    const auto id = detail::parse_record_id(line.substr(0, 16));
    if (!id)
      return;
    part.ids.push_back(*id);
    if (is_start_line(line) && !detail::parse_record_line(line, record))
      part.starts.push_back(record);
  });
}

} // namespace

ExportPrescan prescan_for_export(const JournalSource &source, std::size_t size_hint, bool keep_ids,
                                 std::size_t split_from) {
  // Two halves at once on a long journal: the first ends with the line whose LF is at or
  // after the middle - 1, where the second begins (just past that LF). Any hint is safe: the
  // second half reads to the end, and finds nothing when the hint was too large.
  const std::uint64_t middle = size_hint / 2;
  const bool split = size_hint >= split_from && middle >= 1;
  PrescanPart first;
  PrescanPart second;
  // A record line is rarely shorter than 80 bytes. Room for every id in the first part (it
  // takes the second's after), so no copy doubles the peak; untouched room costs no memory.
  first.ids.reserve(size_hint / 80);
  if (split) {
    second.ids.reserve(size_hint / 160);
    std::exception_ptr failed;
    std::thread other([&] {
      try {
        prescan_part(source, middle - 1, true, ~std::uint64_t{0}, second);
      } catch (...) {
        failed = std::current_exception();
      }
    });
    try {
      prescan_part(source, 0, false, middle - 1, first);
    } catch (...) {
      other.join();
      throw;
    }
    other.join();
    if (failed)
      std::rethrow_exception(failed);
  } else {
    prescan_part(source, 0, false, ~std::uint64_t{0}, first);
  }
  ExportPrescan found;
  std::vector<std::uint64_t> ids = std::move(first.ids);
  ids.insert(ids.end(), second.ids.begin(), second.ids.end());
  second.ids = std::vector<std::uint64_t>(); // freed before the sort sets its own buffer aside
  found.starts = std::move(first.starts);
  found.starts.insert(found.starts.end(), second.starts.begin(), second.starts.end());
  sort_ids(ids);
  for (std::size_t i = 1; i < ids.size(); ++i)
    if (ids[i] == ids[i - 1] && (found.repeated.empty() || found.repeated.back() != ids[i]))
      found.repeated.push_back(ids[i]);
  if (keep_ids)
    found.ids = std::move(ids);
  return found;
}

namespace {

/// Run numbers that two or more start records claim (as journal.cpp's clashing_claims).
bool starts_clash(const std::vector<Record> &starts) {
  std::vector<unsigned> claims;
  claims.reserve(starts.size());
  for (const Record &r : starts)
    claims.push_back(r.run);
  std::sort(claims.begin(), claims.end());
  return std::adjacent_find(claims.begin(), claims.end()) != claims.end();
}

} // namespace

// long because it mirrors parse_journal's loop step by step, so the two can be compared
Journal export_records(const JournalSource &source, const ExportPrescan &prescan, bool no_notes,
                       const std::function<void(const Record &)> &each,
                       const std::function<bool(const LineGlance &)> &wanted) {
  // The first good line of each repeated id: its line number (0: none yet) and the hash of
  // its record as attune writes it, by position in `repeated`.
  const std::vector<std::uint64_t> &repeated = prescan.repeated;
  std::vector<std::uint32_t> first_line(repeated.size(), 0);
  std::vector<std::size_t> first_hash(repeated.size(), 0);

  Journal journal;
  bool seen_header = false;
  std::size_t line_number = 0;
  std::size_t count = 0;
  Record record;
  each_line(source, [&](std::string_view raw, bool complete) {
    ++line_number;
    if (!complete) {
      journal.torn_tail = true;
      journal.problems.push_back(
          {line_number, "line " + std::to_string(line_number) +
                            " is cut short (no newline at the end): kept, not counted"});
      return;
    }
    const std::string_view line = without_cr(raw);
    if (line.empty())
      return;
    if (const auto version = detail::parse_header(line)) {
      // Joined journals repeat the header: a later one only matters if it is newer.
      if (!seen_header || *version > journal.version)
        journal.version = *version;
      seen_header = true;
      if (!detail::is_writable_version(*version))
        journal.newer_version = true;
      return;
    }
    if (line_number == 1)
      journal.problems.push_back(
          {1, "line 1 is not the version line \"attune-journal " + std::to_string(journal_version) +
                  "\": reading on as version " + std::to_string(journal_version)});
    if (wanted) {
      detail::LineFacts facts;
      if (detail::light_scan(line, facts) && facts.type != RecordType::start &&
          !std::binary_search(repeated.begin(), repeated.end(), facts.id) &&
          !wanted(LineGlance{facts.id, facts.type, facts.run})) {
        ++count; // a good line, as parse_record_line would find it
        return;
      }
    }
    if (const auto why = detail::parse_record_line(line, record)) {
      journal.problems.push_back({line_number, detail::describe_bad_line(line_number, line, *why)});
      return;
    }
    // Most journals repeat no id: then there is nothing to look up.
    const std::uint64_t id = repeated.empty() ? 0 : *detail::parse_record_id(line.substr(0, 16));
    const auto at = std::lower_bound(repeated.begin(), repeated.end(), id);
    if (at != repeated.end() && *at == id) {
      const auto k = static_cast<std::size_t>(at - repeated.begin());
      const std::size_t hash = std::hash<std::string>{}(format_record(record));
      if (first_line[k] != 0) {
        // Two journals joined (concatenated or union-merged): the same record counts once.
        if (first_hash[k] != hash)
          journal.problems.push_back({line_number, "line " + std::to_string(line_number) +
                                                       " reuses the id of line " +
                                                       std::to_string(first_line[k]) +
                                                       " with different content: skipped"});
        return;
      }
      first_line[k] = static_cast<std::uint32_t>(line_number);
      first_hash[k] = hash;
    }
    ++count;
    if (record.type == RecordType::start)
      journal.records.push_back(record);
    if (no_notes && !keep_without_notes(record))
      return;
    each(record);
  });
  journal.has_header = seen_header;
  journal.record_count = count;
  if (starts_clash(journal.records)) {
    // Rare: the note names programmes by their first day, which needs every record.
    std::string text;
    source(0, [&text](std::string_view piece) {
      text.append(piece);
      return true;
    });
    journal.notes = parse_journal(text).notes;
  }
  return journal;
}

namespace {

/// Records read, handed from the reading thread to the writing one.
struct Batch {
  std::vector<Record> records; ///< the first `size` are this batch's; the rest are reused
  std::size_t size = 0;
};

/// Batches between the two threads: full ones in order, empty ones to be filled again.
class BatchQueue {
public:
  static constexpr std::size_t batch_size = 512;
  static constexpr std::size_t batches = 3;

  /// Thrown on the reading thread when the writing one has stopped.
  struct Stopped {};

  BatchQueue() : empty_(batches) {}

  /// An empty batch to fill (waits for one); throws Stopped once the writer has stopped.
  Batch take_empty() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || !empty_.empty(); });
    if (stopped_)
      throw Stopped{};
    Batch batch = std::move(empty_.back());
    empty_.pop_back();
    return batch;
  }
  void put_full(Batch batch) {
    change([&] { full_.push_back(std::move(batch)); });
  }
  /// The reading is over (read to the end, or failed).
  void finish() {
    change([&] { finished_ = true; });
  }

  /// The next full batch, or false when the reading is over and every batch was taken.
  bool take_full(Batch &batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return finished_ || !full_.empty(); });
    if (full_.empty())
      return false;
    batch = std::move(full_.front());
    full_.pop_front();
    return true;
  }
  void give_back(Batch batch) {
    batch.size = 0;
    change([&] { empty_.push_back(std::move(batch)); });
  }
  /// The writer stops: the reader's next wait throws Stopped.
  void stop() {
    change([&] { stopped_ = true; });
  }

private:
  /// Changes the queue under its lock and wakes whoever waits on it.
  template <typename F> void change(F &&what) {
    const std::lock_guard<std::mutex> lock(mutex_);
    what();
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Batch> empty_;
  std::deque<Batch> full_;
  bool finished_ = false;
  bool stopped_ = false;
};

} // namespace

Journal export_records_alongside(const JournalSource &source, const ExportPrescan &prescan,
                                 bool no_notes, const std::function<void(const Record &)> &each) {
  BatchQueue queue;
  Journal journal;
  std::exception_ptr failed; // what the reading threw
  std::thread reader([&] {
    try {
      Batch batch = queue.take_empty();
      journal = export_records(source, prescan, no_notes, [&](const Record &r) {
        if (batch.size == batch.records.size())
          batch.records.emplace_back();
        batch.records[batch.size++] = r; // a copy into a reused record keeps its capacity
        if (batch.size == BatchQueue::batch_size) {
          queue.put_full(std::move(batch));
          batch = queue.take_empty();
        }
      });
      if (batch.size > 0)
        queue.put_full(std::move(batch));
    } catch (const BatchQueue::Stopped &) {
      // the writer stopped first: its own exception is the one to tell
    } catch (...) {
      failed = std::current_exception();
    }
    queue.finish();
  });
  try {
    Batch batch;
    while (queue.take_full(batch)) {
      for (std::size_t i = 0; i < batch.size; ++i)
        each(batch.records[i]);
      queue.give_back(std::move(batch));
    }
  } catch (...) {
    queue.stop();
    reader.join();
    throw;
  }
  reader.join();
  if (failed)
    std::rethrow_exception(failed);
  return journal;
}

} // namespace attune
