#pragma once
/// `attune export` on a journal of any size: the records parse_journal() would give, read
/// from the journal's bytes in pieces (a JournalSource) instead of a Journal in memory, in
/// two passes, neither holding the records:
///   1. (prescan_for_export) the id at the start of each line (8 bytes each, then freed):
///      which ids appear on two or more lines; and the good start lines (for plan copies);
///   2. (export_records) every line parsed as parse_journal parses it, each record handed
///      on as soon as it is read; the problems, notes and version parse_journal would report
///      are returned at the end (so an export's warnings follow its output).
/// Memory: 8 bytes per line during pass 1, then 20 bytes per repeated id (journals joined),
/// the start records, and one line at a time. A line longer than a piece is gathered whole
/// (a journal's size limit bounds it).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "attune/journal.hpp"

namespace attune {

/// What pass 1 learns.
struct ExportPrescan {
  std::vector<std::uint64_t> repeated; ///< ids at the start of 2 or more lines, sorted
  /// Every good start line, in file order (duplicates too): a superset of the exported ones,
  /// so plan copies can be loaded (and refused) before a byte is written.
  std::vector<Record> starts;
  /// With keep_ids: the id at the start of every line that has one, sorted (else empty).
  std::vector<std::uint64_t> ids;
};

/// Pass 1. `size_hint` (the journal's size) sizes buffers; a journal of `split_from` bytes
/// or more is read in two halves at once, on two threads (the same result).
ExportPrescan prescan_for_export(const JournalSource &source, std::size_t size_hint = 0,
                                 bool keep_ids = false,
                                 std::size_t split_from = std::size_t{1} << 20);

/// Sorts record ids in increasing order (for many, one radix pass on the top 11 bits, then
/// std::sort within each of the 2,048 ranges: several times faster than std::sort alone on
/// the million ids of a long journal, for a second buffer of their size).
void sort_ids(std::vector<std::uint64_t> &ids);

/// A line's id (as a number: parse_record_id), type and run, before it is parsed.
struct LineGlance {
  std::uint64_t id = 0;
  RecordType type = RecordType::note;
  unsigned run = 0;
};

/// Pass 2: calls `each` with each record of parse_journal(text).records, in order; with
/// `no_notes`, as without_notes() leaves them. Returns what parse_journal(text) returns,
/// except that `records` holds only the start records among them (record_count counts all).
/// A reused id is compared as parse_journal compares it (the two records as attune writes
/// them), through a 64-bit hash of the first one's line. When two start records claim one
/// number (journals joined from two devices, rare), the text is read whole once more to word
/// the note exactly.
/// With `wanted`, a line is first given the light check of the selective reader
/// (detail::light_scan: its checksum, id, type and run, without allocating); a good one that
/// is not a start or an undo, whose id no other line holds and that `wanted` refuses is
/// counted, not parsed, and not handed to `each`. Damage is found as before (the checksum);
/// only a line whose checksum was made by hand for fields the parser refuses goes unreported,
/// as in `today` and `report` for other runs' lines.
Journal export_records(const JournalSource &source, const ExportPrescan &prescan, bool no_notes,
                       const std::function<void(const Record &)> &each,
                       const std::function<bool(const LineGlance &)> &wanted = {});

/// export_records with the reading on a second thread: `each` is called on this thread, in
/// order, with the same records, while the next ones are read (a journal is read about as
/// fast as it is written out, so the two together take about as long as the slower one).
/// Records go between the threads in batches of 512, at most three batches in flight, their
/// records reused (no allocation per record once the batches have grown). Whatever `each`
/// throws stops the reading and is thrown here, as is whatever the reading throws.
Journal export_records_alongside(const JournalSource &source, const ExportPrescan &prescan,
                                 bool no_notes, const std::function<void(const Record &)> &each);

} // namespace attune
