#include <boost/test/unit_test.hpp>

#include <iomanip> // std::quoted, which a call of quoted(std::string) must not reach

#include "attune/error.hpp"
#include "attune/text.hpp"

using namespace attune;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(accepts_valid_utf8_and_rejects_malformed) {
  BOOST_TEST(is_valid_utf8("plain"));
  BOOST_TEST(is_valid_utf8("caf\xc3\xa9 \xf0\x9f\x99\x82"));
  BOOST_TEST(!is_valid_utf8("\xc0\xaf"));         // overlong '/'
  BOOST_TEST(!is_valid_utf8("\xed\xa0\x80"));     // surrogate
  BOOST_TEST(!is_valid_utf8("\xf4\x90\x80\x80")); // past U+10FFFF
  BOOST_TEST(!is_valid_utf8("abc\xe2\x82"));      // cut short
  BOOST_TEST(first_invalid_utf8("ab\xff") == 2u);
}

BOOST_AUTO_TEST_CASE(suggests_the_closest_name_only_when_close) {
  const std::vector<std::string> commands{"start", "streak", "today", "checkin"};
  BOOST_TEST(did_you_mean("stat", commands) == "start");
  BOOST_TEST(did_you_mean("chekin", commands) == "checkin");
  BOOST_TEST(did_you_mean("xyzzy", commands) == "");
}

BOOST_AUTO_TEST_CASE(display_width_counts_wide_characters_twice) {
  BOOST_TEST(display_width("abc") == 3u);
  BOOST_TEST(display_width("\xc3\xa9") == 1u);
  BOOST_TEST(display_width("\xf0\x9f\x99\x82") == 2u);
}

BOOST_AUTO_TEST_CASE(char_width_follows_east_asian_width_emoji_and_combining_marks) {
  BOOST_TEST(char_width(U'a') == 1u);
  BOOST_TEST(char_width(U'\u00e9') == 1u);     // é, precomposed
  BOOST_TEST(char_width(U'\u00ad') == 1u);     // soft hyphen: terminals show it
  BOOST_TEST(char_width(U'\u0301') == 0u);     // combining acute accent
  BOOST_TEST(char_width(U'\u20dd') == 0u);     // combining enclosing circle (Me)
  BOOST_TEST(char_width(U'\u200b') == 0u);     // zero width space
  BOOST_TEST(char_width(U'\u200d') == 0u);     // zero width joiner
  BOOST_TEST(char_width(U'\ufe0f') == 0u);     // variation selector 16
  BOOST_TEST(char_width(U'\u1161') == 0u);     // hangul medial vowel (joins the syllable)
  BOOST_TEST(char_width(U'\u1100') == 2u);     // hangul initial consonant
  BOOST_TEST(char_width(U'\uac00') == 2u);     // 가
  BOOST_TEST(char_width(U'\u4e2d') == 2u);     // 中
  BOOST_TEST(char_width(U'\u3042') == 2u);     // あ
  BOOST_TEST(char_width(U'\uff21') == 2u);     // fullwidth Ａ
  BOOST_TEST(char_width(U'\uff71') == 1u);     // halfwidth katakana ｱ
  BOOST_TEST(char_width(U'\U0001f642') == 2u); // 🙂
  BOOST_TEST(char_width(U'\u231a') == 2u);     // ⌚, emoji presentation
  BOOST_TEST(char_width(U'\u2764') == 1u);     // ❤ text presentation (❤️ adds U+FE0F)
  BOOST_TEST(char_width(U'\u25cf') == 1u);     // ● of the report calendar
  BOOST_TEST(char_width(U'\U00020000') == 2u); // CJK extension B
  BOOST_TEST(char_width(U'\U0003fffd') == 2u); // unassigned, in the CJK plane
  BOOST_TEST(char_width(U'\u0007') == 0u);     // controls move nothing
  BOOST_TEST(char_width(U'\u0085') == 0u);
}

BOOST_AUTO_TEST_CASE(display_width_counts_columns_not_bytes_or_code_points) {
  BOOST_TEST(display_width("") == 0u);
  BOOST_TEST(display_width("\xe6\x97\xa5\xe6\x9c\xac") == 4u); // 日本
  BOOST_TEST(display_width("e\xcc\x81") == 1u);                // e + combining acute
  BOOST_TEST(display_width("\xe0\xa4\xa8\xe0\xa5\x8d") == 1u); // न्: consonant + virama
  // 👩‍💻: woman, zero width joiner, laptop; counted per emoji as wcwidth does.
  BOOST_TEST(display_width("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb") == 4u);
  BOOST_TEST(display_width("\xe2\x9d\xa4\xef\xb8\x8f") == 1u); // ❤️
  BOOST_TEST(display_width("\x1b[1mhi\x1b[0m") == 2u);         // colour takes no room
  BOOST_TEST(display_width("\x1b[32mok") == 2u);
  BOOST_TEST(display_width("a\xff"
                           "b") == 3u);        // a broken byte shows as one
  BOOST_TEST(display_width("\xe6\x97") == 2u); // cut short: two bytes, two
}

BOOST_AUTO_TEST_CASE(text_width_takes_the_terminal_then_columns_then_80) {
  BOOST_TEST(text_width(std::nullopt, std::nullopt) == 80u);
  BOOST_TEST(text_width(72, std::string_view("60")) == 72u); // the terminal knows best
  BOOST_TEST(text_width(std::nullopt, std::string_view("60")) == 60u);
  BOOST_TEST(text_width(0, std::string_view("60")) == 60u); // a terminal that says 0
  BOOST_TEST(text_width(std::nullopt, std::string_view("wide")) == 80u);
  BOOST_TEST(text_width(std::nullopt, std::string_view("")) == 80u);
  BOOST_TEST(text_width(std::nullopt, std::string_view("0")) == 80u);
  BOOST_TEST(text_width(std::nullopt, std::string_view("-5")) == 80u);
  BOOST_TEST(text_width(std::nullopt, std::string_view("99999")) == 80u);
  BOOST_TEST(text_width(std::nullopt, std::string_view("10")) == 20u);
  BOOST_TEST(text_width(250, std::nullopt) == 100u);
}

BOOST_AUTO_TEST_CASE(wrap_words_keeps_a_hanging_indent) {
  BOOST_TEST(wrap_words("Write one line a day", 20, "  [open] ", "         ") ==
             "  [open] Write one\n         line a day\n");
  BOOST_TEST(wrap_words("a bb cc", 6, "  ") == "  a bb\n  cc\n");
  BOOST_TEST(wrap_words("a bb cc", 0, "> ", "  ") == "> a bb cc\n");
  BOOST_TEST(wrap_words("", 10, "  ", "  ") == "");
}

BOOST_AUTO_TEST_CASE(wrap_words_counts_wide_characters_and_colour_by_columns) {
  // 日本語 is 6 columns (9 bytes): two fit in 15 columns with "- " and a space, not in 14.
  const std::string ja = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
  BOOST_TEST(wrap_words(ja + " " + ja + " " + ja, 15, "- ", "  ") ==
             "- " + ja + " " + ja + "\n  " + ja + "\n");
  // In 14, the second breaks between its characters, as Japanese does: 日本 | 語.
  BOOST_TEST(wrap_words(ja + " " + ja, 14, "- ", "  ") ==
             "- " + ja + " \xe6\x97\xa5\xe6\x9c\xac\n  \xe8\xaa\x9e\n");
  // Six e + combining acute are 6 columns (18 bytes): they fit a line of 8 with the indent.
  std::string accents;
  for (int i = 0; i < 6; ++i)
    accents += "e\xcc\x81";
  BOOST_TEST(wrap_words(accents + " x", 8, "  ", "  ") == "  " + accents + "\n  x\n");
  BOOST_TEST(wrap_words("\x1b[1mbold\x1b[0m text", 11, "", "") == "\x1b[1mbold\x1b[0m text\n");
}

BOOST_AUTO_TEST_CASE(wrap_words_breaks_japanese_between_characters_but_not_before_a_full_stop) {
  // 今日は友達と夕食。: nine wide characters, 18 columns, no spaces.
  const std::string text = "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe5\x8f\x8b\xe9\x81\x94"
                           "\xe3\x81\xa8\xe5\xa4\x95\xe9\xa3\x9f\xe3\x80\x82";
  // 10 columns: two of indent and four characters, then the rest; 。 stays with 食.
  BOOST_TEST(wrap_words(text, 10, "  ", "  ") ==
             "  \xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe5\x8f\x8b\n"
             "  \xe9\x81\x94\xe3\x81\xa8\xe5\xa4\x95\n"
             "  \xe9\xa3\x9f\xe3\x80\x82\n");
  // Latin words around it still break only at spaces.
  BOOST_TEST(wrap_words("note: \xe5\xa4\x95\xe9\xa3\x9f ok", 9, "", "") ==
             "note: \xe5\xa4\x95\n\xe9\xa3\x9f ok\n");
}

BOOST_AUTO_TEST_CASE(wrap_words_starts_a_new_line_at_each_newline) {
  BOOST_TEST(wrap_words("one two\n\nthree", 40, "* ", "  ") == "* one two\n\n  three\n");
}

BOOST_AUTO_TEST_CASE(wrap_words_gives_a_long_word_its_own_line_uncut) {
  const std::string link = "https://example.org/a/very/long/path";
  BOOST_TEST(wrap_words("see " + link + " now", 20, "", "  ") == "see\n  " + link + "\n  now\n");
}

BOOST_AUTO_TEST_CASE(printable_leaves_ordinary_text_alone) {
  BOOST_TEST(printable("caf\xc3\xa9 \xf0\x9f\x99\x82 C:\\notes 50%") ==
             "caf\xc3\xa9 \xf0\x9f\x99\x82 C:\\notes 50%");
  BOOST_TEST(printable("") == "");
}

BOOST_AUTO_TEST_CASE(printable_shows_terminal_escapes_instead_of_sending_them) {
  // The note of issue 14: set the window title, clear the screen.
  BOOST_TEST(printable("\x1b]0;PWNED\x07\x1b[2J") == "\\e]0;PWNED\\x07\\e[2J");
  BOOST_TEST(printable(std::string("a\0b", 3)) == "a\\x00b");
  BOOST_TEST(printable("del\x7f") == "del\\x7f");
  // C1 controls: U+009B is the one-byte CSI of 8-bit terminals, U+0085 a "next line".
  BOOST_TEST(printable("\xc2\x9b"
                       "31m \xc2\x85 \xc2\xa0") == "\\u009b31m \\u0085 \xc2\xa0");
}

BOOST_AUTO_TEST_CASE(printable_keeps_one_line_one_line) {
  // A note with a newline must not forge a second `log` line.
  BOOST_TEST(printable("fine\n2026-11-20  W3 D4  done     x") == "fine\xe2\x8f\x8e"
                                                                 "2026-11-20  W3 D4  done     x");
  BOOST_TEST(printable("a\r\nb\rc\td") == "a\xe2\x8f\x8e"
                                          "b\\rc\\td");
}

BOOST_AUTO_TEST_CASE(printable_keeps_paragraph_breaks_when_asked) {
  BOOST_TEST(printable("one\r\ntwo\n\tthree\rfour\x1b", LineBreaks::kept) ==
             "one\ntwo\n\tthree\\rfour\\e");
}

BOOST_AUTO_TEST_CASE(printable_shows_each_invalid_byte_as_hex) {
  BOOST_TEST(printable("caf\xc3(") == "caf\\xc3(");
  BOOST_TEST(printable("\xff\xfe ok \xed\xa0\x80") == "\\xff\\xfe ok \\xed\\xa0\\x80");
  BOOST_TEST(is_valid_utf8(printable("\xc0\xaf\xf4\x90\x80\x80 tail")));
}

BOOST_AUTO_TEST_CASE(plural_fits_the_word_to_one_zero_and_many) {
  BOOST_TEST(plural(1, "statement", "statements") == "1 statement");
  BOOST_TEST(plural(0, "statement", "statements") == "0 statements");
  BOOST_TEST(plural(5, "week", "weeks") == "5 weeks");
}

BOOST_AUTO_TEST_CASE(or_list_joins_choices_for_a_sentence) {
  BOOST_TEST(or_list({}) == "");
  BOOST_TEST(or_list({"a"}) == "a");
  BOOST_TEST(or_list({"a", "b"}) == "a or b");
  BOOST_TEST(or_list({"today", "reflect", "report"}) == "today, reflect or report");
}

BOOST_AUTO_TEST_CASE(a_unique_prefix_names_a_command_an_ambiguous_one_lists_them) {
  const std::vector<std::string> commands{"today",  "start",  "checkin", "reflect",
                                          "report", "remind", "streak"};
  BOOST_TEST(match_prefix("tod", commands).name == "today");
  BOOST_TEST(match_prefix("chec", commands).name == "checkin");
  BOOST_TEST(match_prefix("today", commands).name == "today");
  const PrefixMatch re = match_prefix("re", commands);
  BOOST_TEST(re.name == "");
  BOOST_TEST((re.matches == std::vector<std::string>{"reflect", "report", "remind"}));
  const PrefixMatch st = match_prefix("st", commands);
  BOOST_TEST((st.matches == std::vector<std::string>{"start", "streak"}));
  BOOST_TEST(match_prefix("xyz", commands).matches.empty());
  BOOST_TEST(match_prefix("", commands).name == "");
}

BOOST_AUTO_TEST_CASE(trim_blanks_cuts_blanks_at_both_ends_only) {
  BOOST_TEST(trim_blanks("  3 \r") == "3");
  BOOST_TEST(trim_blanks("\tsunday dinner, stayed\n") == "sunday dinner, stayed");
  BOOST_TEST(trim_blanks("a  b") == "a  b");
  BOOST_TEST(trim_blanks(" \t\r\n").empty());
  BOOST_TEST(trim_blanks("").empty());
}

BOOST_AUTO_TEST_CASE(small_helpers_hex_quoted_join) {
  BOOST_TEST(to_hex(std::string("A\x01\xff", 3)) == "4101ff");
  BOOST_TEST(to_hex("").empty());
  BOOST_TEST(hex8(0x1f) == "0000001f");
  BOOST_TEST(hex8(0xdeadbeef) == "deadbeef");
  BOOST_TEST(quoted("plan.toml") == "\"plan.toml\"");
  BOOST_TEST(join({"a", "b", "c"}, ", ") == "a, b, c");
  BOOST_TEST(join({}, ", ").empty());
  BOOST_TEST(join({"x"}, " ") == "x");
}

// The one colour helper: SGR around the text when on, the text itself when off.
BOOST_AUTO_TEST_CASE(paint_wraps_in_sgr_only_when_on) {
  BOOST_TEST(paint(true, "1", "Week 2") == "\x1b[1mWeek 2\x1b[0m");
  BOOST_TEST(paint(true, "32", "[done]") == "\x1b[32m[done]\x1b[0m");
  BOOST_TEST(paint(false, "32", "[done]") == "[done]");
  BOOST_TEST(display_width(paint(true, "2", "ab")) == 2);
}

// The one file:line:col rule: columns count code points, as editors do.
BOOST_AUTO_TEST_CASE(locate_counts_lines_and_code_points) {
  const std::string text = "ab\ncé!";
  const Location at_bang = locate(text, 6, "f");
  BOOST_TEST(at_bang.file == "f");
  BOOST_TEST(at_bang.line == 2);
  BOOST_TEST(at_bang.col == 3);
  BOOST_TEST(format_location(locate(text, 0, "f")) == "f:1:1");
  BOOST_TEST(format_location(locate(text, 2, "f")) == "f:1:3");   // the LF itself
  BOOST_TEST(format_location(locate(text, 3, "f")) == "f:2:1");   // just after it
  BOOST_TEST(format_location(locate(text, 999, "f")) == "f:2:4"); // clamped to the end
  BOOST_TEST(format_location(locate("日本語x", 9, "g")) == "g:1:4");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text_prefix_and_quotes)

BOOST_AUTO_TEST_CASE(starts_with_compares_the_beginning_only) {
  BOOST_TEST(starts_with("--week", "--"));
  BOOST_TEST(starts_with("abc", ""));
  BOOST_TEST(!starts_with("-", "--"));
  BOOST_TEST(!starts_with("x--", "--"));
}

BOOST_AUTO_TEST_CASE(quoted_takes_a_string_as_a_string_view) {
  const std::string name = "plan \"a\".toml";
  BOOST_TEST(quoted(name) == "\"plan \"a\".toml\"");
  std::string changing = "x";
  BOOST_TEST(quoted(changing) + "!" == "\"x\"!"); // std::quoted's overload for reading
  BOOST_TEST(quoted(std::string_view("x")) == "\"x\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text_answers)

BOOST_AUTO_TEST_CASE(split_answers_cuts_at_commas_and_trims_blanks) {
  BOOST_TEST(split_answers(" 3, 4 ,5") == (std::vector<std::string>{"3", "4", "5"}));
  BOOST_TEST(split_answers("") == (std::vector<std::string>{""}));
  BOOST_TEST(split_answers("3,,4,") == (std::vector<std::string>{"3", "", "4", ""}));
  BOOST_TEST(split_answers("\t2\r\n") == (std::vector<std::string>{"2"}));
}

BOOST_AUTO_TEST_SUITE_END()
