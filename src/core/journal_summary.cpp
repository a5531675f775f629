// The journal summary's file form (journal.index): small, line-based, with a checksum, and
// read strictly, because a summary that is wrong would show the wrong records. Anything
// unexpected makes the reader say "no summary", and the journal is then read in full.
#include <string>
#include <string_view>

#include "attune/journal.hpp"
#include "attune/text.hpp"
#include "journal_detail.hpp"

namespace attune {
namespace {

/// 2: an index is never made for a journal where two starts claim one number (build_history
/// then reads by start record). A version 1 index may describe such a journal, so it is
/// ignored and rebuilt.
constexpr std::string_view magic = "attune-journal-index 2";
/// A journal has at most a few thousand runs; more means the file is not ours.
constexpr std::size_t max_runs = 100000;

/// Decimal digits only, no sign, no leading zero (but "0"), at most 20 digits, no overflow.
std::optional<std::uint64_t> parse_u64(std::string_view text) noexcept {
  if (text.empty() || text.size() > 20 || (text.size() > 1 && text[0] == '0'))
    return std::nullopt;
  std::uint64_t v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (~std::uint64_t{0} - d) / 10)
      return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

/// Splits `line` at single spaces into exactly `n` fields after the keyword `key`.
bool fields(std::string_view line, std::string_view key, std::size_t n, std::string_view *out) {
  if (line.substr(0, key.size()) != key || line.size() <= key.size() || line[key.size()] != ' ')
    return false;
  line.remove_prefix(key.size() + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t space = line.find(' ');
    if ((space == std::string_view::npos) != (i + 1 == n))
      return false;
    out[i] = line.substr(0, space);
    if (out[i].empty())
      return false;
    if (space != std::string_view::npos)
      line.remove_prefix(space + 1);
  }
  return true;
}

bool stamp_ok(std::string_view stamp) noexcept {
  if (stamp.empty() || stamp.size() > 200)
    return false;
  for (const char c : stamp)
    if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == '-'))
      return false;
  return true;
}

} // namespace

std::string format_journal_summary(const JournalSummary &summary) {
  std::string text(magic);
  text += "\nstamp " + summary.stamp;
  text += "\nsize " + std::to_string(summary.size);
  text += "\nversion " + std::to_string(summary.version);
  text += "\nrecords " + std::to_string(summary.record_count);
  text += "\nnewest " + std::to_string(summary.newest_run);
  text += "\nlines " + std::to_string(summary.lines);
  for (const RunSpan &span : summary.runs)
    text += "\nrun " + std::to_string(span.run) + ' ' + std::to_string(span.from) + ' ' +
            std::to_string(span.to) + ' ' + std::to_string(span.first_line);
  text += '\n';
  text += "crc " + hex8(detail::crc32(text)) + '\n';
  return text;
}

std::optional<JournalSummary> parse_journal_summary(std::string_view text) {
  if (text.size() < 13 || text.size() > (max_runs + 16) * 80 || text.back() != '\n')
    return std::nullopt;
  // The checksum line covers every byte before it.
  const std::size_t crc_at = text.rfind('\n', text.size() - 2) + 1;
  std::string_view crc_field[1];
  if (crc_at == 0 || !fields(text.substr(crc_at, text.size() - crc_at - 1), "crc", 1, crc_field) ||
      crc_field[0] != hex8(detail::crc32(text.substr(0, crc_at))))
    return std::nullopt;
  std::string_view body = text.substr(0, crc_at);

  const auto next_line = [&body](std::string_view &line) {
    const std::size_t lf = body.find('\n');
    if (lf == std::string_view::npos)
      return false;
    line = body.substr(0, lf);
    body.remove_prefix(lf + 1);
    return true;
  };
  std::string_view line;
  if (!next_line(line) || line != magic)
    return std::nullopt;
  JournalSummary summary;
  std::string_view f[4];
  if (!next_line(line) || !fields(line, "stamp", 1, f) || !stamp_ok(f[0]))
    return std::nullopt;
  summary.stamp = std::string(f[0]);
  std::uint64_t values[5] = {};
  const std::string_view keys[5] = {"size", "version", "records", "newest", "lines"};
  for (std::size_t i = 0; i < 5; ++i) {
    if (!next_line(line) || !fields(line, keys[i], 1, f))
      return std::nullopt;
    const auto v = parse_u64(f[0]);
    if (!v)
      return std::nullopt;
    values[i] = *v;
  }
  if (values[0] == 0 || values[1] == 0 || values[1] > journal_version || values[3] > 999999999 ||
      values[4] < 1 || values[4] > 0xFFFFFFFFULL)
    return std::nullopt;
  summary.size = values[0];
  summary.version = static_cast<unsigned>(values[1]);
  summary.record_count = static_cast<std::size_t>(values[2]);
  summary.newest_run = static_cast<unsigned>(values[3]);
  summary.lines = static_cast<std::uint32_t>(values[4]);
  while (next_line(line)) {
    if (!fields(line, "run", 4, f) || summary.runs.size() >= max_runs)
      return std::nullopt;
    std::uint64_t v[4] = {};
    for (std::size_t i = 0; i < 4; ++i) {
      const auto parsed = parse_u64(f[i]);
      if (!parsed)
        return std::nullopt;
      v[i] = *parsed;
    }
    // Runs ascend; a span lies inside the file, is not empty and starts on a later line.
    if (v[0] > 999999999 || (!summary.runs.empty() && v[0] <= summary.runs.back().run) ||
        v[1] >= v[2] || v[2] > summary.size || v[3] < 2 || v[3] > summary.lines)
      return std::nullopt;
    summary.runs.push_back(
        {static_cast<unsigned>(v[0]), v[1], v[2], static_cast<std::uint32_t>(v[3])});
  }
  // The newest run is the highest that exists.
  if ((summary.runs.empty() ? 0U : summary.runs.back().run) != summary.newest_run)
    return std::nullopt;
  return summary;
}

} // namespace attune
