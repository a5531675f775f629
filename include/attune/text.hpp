#pragma once
/// Small text helpers shared by loaders and the front end.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

/// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// Whether a line break inside text is a line break (paragraphs of plan text, multi-line
/// warnings) or must stay visible (a note, a name, a title: anything printed on one line).
enum class LineBreaks { shown, kept };

/// The one sanitiser for every human-readable output (terminal, text report, Markdown, HTML,
/// errors, warnings, prompts): text from a person, a plan or a journal can never drive the
/// terminal or forge a line. Printable UTF-8 (backslashes included) is left as it is;
///   ESC -> \e, TAB -> \t, CR -> \r, other C0 controls and DEL -> \xHH,
///   C1 controls (U+0080..U+009F) -> \u00HH, each byte of invalid UTF-8 -> \xHH,
///   LF and CR LF -> U+23CE "⏎" (LineBreaks::shown) or one LF (LineBreaks::kept, which also
///   keeps TAB).
/// "hi\x1b]0;PWNED\x07" -> "hi\e]0;PWNED\x07"; "a\nb" -> "a⏎b"; "caf\xc3(" -> "caf\xc3(".
/// JSON and CSV output keep the exact text (they escape it their own way) and never use this.
std::string printable(std::string_view text, LineBreaks breaks = LineBreaks::shown);

/// Levenshtein distance, for did-you-mean.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate within a small distance (about a third of the word), or "" if none.
/// did_you_mean("stat", {"start","streak"}) -> "start"
std::string did_you_mean(std::string_view word, const std::vector<std::string> &candidates);

/// Terminal columns of one code point, whatever the locale: 0 for controls, combining marks
/// (U+0301), format characters (U+200D ZERO WIDTH JOINER, U+FE0F) and Hangul jamo that join
/// a syllable; 2 for East Asian wide and fullwidth characters (CJK, kana, hangul syllables,
/// U+FF21 "Ａ") and emoji shown as emoji (U+1F642); else 1. U+00E9 -> 1, U+4E2D -> 2.
std::size_t char_width(char32_t c) noexcept;

/// Terminal columns a UTF-8 string takes: the sum of char_width, where colour sequences
/// (ESC [ ... m) take none and each byte of broken UTF-8 takes one.
/// "abc" -> 3, "日本" -> 4, "e\u0301" (e + combining acute) -> 1, "\x1b[1mhi\x1b[0m" -> 2.
std::size_t display_width(std::string_view text) noexcept;

/// Columns to wrap human text at: the terminal's width when standard output is one (given as
/// `terminal`), else COLUMNS when it is a whole number from 1 to 9999, else 80; then kept
/// within 20..100 (narrower cannot hold a sentence, wider is hard to read).
/// (120, "60") -> 100; (nullopt, "60") -> 60; (nullopt, "wide") -> 80; (nullopt, nullopt) -> 80.
std::size_t text_width(std::optional<std::size_t> terminal,
                       std::optional<std::string_view> columns) noexcept;

/// Greedy word wrap by display width, with a hanging indent: words (split at spaces, runs of
/// spaces count as one) fill lines of at most `width` columns, the first line starting with
/// `first`, every later one with `rest`; each line ends with a newline. A newline in `text`
/// starts a new line (with `rest`); an empty one stays empty. Text in Chinese or Japanese,
/// which has no spaces, may also break beside any wide character (never before 、。」）
/// or after 「（). A word longer than a line gets a line of its own and is never cut (a
/// link stays whole). Width 0: no wrapping. Empty
/// text: nothing. ("Write one line a day", 20, "  [open] ", "         ")
///   -> "  [open] Write one\n         line a day\n"
std::string wrap_words(std::string_view text, std::size_t width, std::string_view first,
                       std::string_view rest);

/// wrap_words with the same indent on every line. ("a bb cc", 6, "  ") -> "  a bb\n  cc\n"
std::string wrap_words(const std::string &text, std::size_t width, const std::string &indent);

/// text without the blanks (space, tab, CR, LF) at either end: "  3 \r" -> "3".
std::string trim_blanks(std::string_view text);

/// The parts of `text` between commas, each without blanks around it; always at least one:
/// " 3, 4 ,5" -> {"3", "4", "5"}, "" -> {""}, "3,,4" -> {"3", "", "4"}.
std::vector<std::string> split_answers(std::string_view text);

/// "1 statement", "0 statements", "3 weeks": a count with the word that fits it.
std::string plural(long long n, std::string_view one, std::string_view many);

/// "a", "a or b", "a, b or c": a list of choices for a sentence.
std::string or_list(const std::vector<std::string> &items);

/// The lowercase hex digits every hex writer uses (record ids, checksums, escapes, hashes).
inline constexpr char hex_digits[] = "0123456789abcdef";

/// Bytes as lowercase hex, two digits a byte: "A\x01" -> "4101".
std::string to_hex(std::string_view bytes);

/// A 32-bit value as exactly 8 lowercase hex digits: 0x1f -> "0000001f".
std::string hex8(std::uint32_t value);

/// Text in double quotes for a message, as it is (callers pass printable text):
/// plan.toml -> "plan.toml".
std::string quoted(std::string_view text);
/// The same for a std::string and a literal: exact matches, so a call never reaches
/// std::quoted through argument-dependent lookup (which <iomanip> would offer, included
/// before in the same file or the same unity batch).
inline std::string quoted(const std::string &text) {
  return quoted(std::string_view(text));
}
inline std::string quoted(std::string &text) {
  return quoted(std::string_view(text));
}
inline std::string quoted(const char *text) {
  return quoted(std::string_view(text));
}

/// True when `text` begins with `prefix` (C++20's starts_with): ("--week", "--") -> true.
bool starts_with(std::string_view text, std::string_view prefix) noexcept;

/// Text wrapped in an SGR colour when `on`, else as it is; the one colour helper of every
/// renderer (colour only repeats what words and symbols already say).
/// (true, "1", "Week 2") -> "\x1b[1mWeek 2\x1b[0m"; (false, "32", "[done]") -> "[done]".
std::string paint(bool on, const char *sgr, const std::string &text);

/// Items with `separator` between them: ({"a", "b", "c"}, ", ") -> "a, b, c"; {} -> "".
std::string join(const std::vector<std::string> &items, std::string_view separator);

/// What a possibly abbreviated word names among `names`: an exact name wins, else the one
/// name it begins; `matches` holds every name it begins (several: ambiguous, none: unknown).
/// "tod" in {today, start} -> "today"; "re" in {reflect, report} -> "", {reflect, report}.
struct PrefixMatch {
  std::string name;
  std::vector<std::string> matches;
};
PrefixMatch match_prefix(std::string_view word, const std::vector<std::string> &names);

} // namespace attune
