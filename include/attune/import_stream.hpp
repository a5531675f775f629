#pragma once
/// `attune import` into a journal of any size: what select_new_records needs of the journal
/// (an ImportBase), gathered from its bytes in pieces (a JournalSource) by the streaming
/// export's two passes (export_stream.hpp), never holding every record. Memory: 8 bytes per
/// line during the first pass, then the records the file names, the erased ids and the
/// deciding records (starts, ends, undos, and the records of runs without a start).
#include <cstddef>

#include "attune/exchange.hpp"
#include "attune/export_stream.hpp"
#include "attune/journal.hpp"

namespace attune {

/// Fills `base` from the journal `source` reads, for the records of `data`: the same base
/// import_base(parse_journal(text), data) gives. Returns what export_records returns (the
/// problems, notes and version parse_journal reports; `records` holds the start records only,
/// record_count counts all), enough for append_atomically. `size_hint` sizes buffers.
/// A start line that does not count (an id reused with other content, never written by
/// attune) makes the second pass run twice, with the starts that do.
Journal scan_for_import(const JournalSource &source, std::size_t size_hint, const ImportData &data,
                        ImportBase &base);

} // namespace attune
