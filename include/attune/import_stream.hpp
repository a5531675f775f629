#pragma once
/// `attune import` into a journal of any size: what select_new_records needs of the journal
/// (an ImportBase), gathered from its bytes in pieces (a JournalSource) by the streaming
/// export's two passes (export_stream.hpp), never holding every record. Memory: 8 bytes per
/// line (kept for the second step), then the records the file names, the erased ids and the
/// deciding records (starts, ends, undos, and the records of runs without a start).
#include <cstddef>

#include "attune/exchange.hpp"
#include "attune/export_stream.hpp"
#include "attune/journal.hpp"

namespace attune {

/// What the journal tells an import before its file is read (so the two can be read at
/// once, on two threads).
struct ImportScan {
  /// What export_records returns (the problems, notes and version parse_journal reports;
  /// `records` holds the start records only, record_count counts all): enough for
  /// append_atomically.
  Journal journal;
  /// The erased ids and the deciding records; `named` is empty.
  ImportBase base;
  /// Pass 1's facts, with `ids` kept: the id of every line that has one, sorted.
  ExportPrescan prescan;
};

/// Reads the journal `source` reads in pieces: pass 1, then pass 2 parsing only the
/// forgotten and deciding records (every other line has the light check: export_records).
/// A start line that does not count (an id reused with other content, never written by
/// attune) makes pass 2 run twice, with the starts that do.
ImportScan scan_journal_for_import(const JournalSource &source, std::size_t size_hint);

/// The base for the records of `data`: the scan's, with `named` filled. When no line of the
/// journal has an id the file holds (an import of new records), that is known from the scan's
/// ids and the journal is not read again; otherwise one more pass parses only those lines.
ImportBase name_for_import(const JournalSource &source, const ImportScan &scan,
                           const ImportData &data);

/// Both in turn: fills `base` from the journal `source` reads, for the records of `data`: the same
/// base import_base(parse_journal(text), data) gives. Returns what export_records returns (the
/// problems, notes and version parse_journal reports; `records` holds the start records only,
/// record_count counts all), enough for append_atomically. `size_hint` sizes buffers.
Journal scan_for_import(const JournalSource &source, std::size_t size_hint, const ImportData &data,
                        ImportBase &base);

} // namespace attune
