#pragma once
/// The size limits of what attune writes and reads, in one place (attune-journal(5), LIMITS).
/// The rule they keep: whatever attune agrees to write, it can always read and export again,
/// so a write that would cross a limit is refused (Error data, exit 65) and nothing is written.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "attune/error.hpp"
#include "attune/journal.hpp"

namespace attune {

/// The text of one note or skip reason, in bytes of UTF-8 as typed: about 30 printed pages.
inline constexpr std::size_t max_note_bytes = std::size_t{64} * 1024;

/// A personal cue (`attune cue`), in bytes of UTF-8: one short sentence, on one line.
inline constexpr std::size_t max_cue_bytes = 300;

/// One journal line as written, LF included. A note at the limit, every byte escaped as \xHH,
/// still fits (4 x 64 KiB plus the other fields).
inline constexpr std::size_t max_line_bytes = std::size_t{1024} * 1024;

/// The whole journal file. Reading refuses a larger file (it is not attune's); writing
/// refuses a record that would make the file larger, so no journal attune wrote is refused.
inline constexpr std::uint64_t max_journal_bytes = std::uint64_t{256} * 1024 * 1024;

/// Throws Error(data) at `where` when the record's text is longer than max_note_bytes (a
/// cue's longer than max_cue_bytes: 300 bytes pass, 301 do not) or its
/// journal line (format_record) longer than max_line_bytes.
/// A note of 65,536 bytes passes; one of 65,537 is refused with "the note is too long".
void check_record_limits(const Record &record, const std::optional<Location> &where = {});

/// At least format_record(record).size(), without writing the line: every value as if each
/// byte were escaped (\xHH), every field as if present. check_record_limits writes the line
/// only when this is over max_line_bytes (import checks 100,000 records).
std::size_t journal_line_bound(const Record &record) noexcept;

/// Throws Error(data) when `added` more bytes would make the journal at `path`, now `size`
/// bytes, larger than max_journal_bytes. 256 MiB - 10 bytes plus 10 passes; plus 11 does not.
void check_journal_growth(std::uint64_t size, std::uint64_t added, const std::string &path);

/// "64 KiB", "1 MiB", "256 MiB", or the bytes when not a whole number of KiB.
std::string format_size(std::uint64_t bytes);

} // namespace attune
