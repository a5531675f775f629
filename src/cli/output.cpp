#include "output.hpp"

#include <ostream>
#include <string_view>

#include "attune/text.hpp"

namespace attune::cli {
namespace {

/// Messages quote what people typed or what a file held, which may be anything. Invalid
/// UTF-8 and control bytes (an ESC could drive the terminal, a newline would split the one
/// line) are shown as \xHH instead; `keep_newlines` for multi-line warnings.
/// "caf\xc3(" stays readable, "\x1b[31m" cannot colour the terminal.
std::string printable(std::string_view text, bool keep_newlines = false) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 0xF];
  };
  while (!text.empty()) {
    const std::size_t bad = first_invalid_utf8(text);
    const std::string_view good = text.substr(0, bad);
    for (const char ch : good) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && !(keep_newlines && (c == '\n' || c == '\t'))) || c == 0x7F)
        escape(c);
      else
        out += ch;
    }
    if (bad == std::string_view::npos)
      break;
    escape(static_cast<unsigned char>(text[bad]));
    text.remove_prefix(bad + 1);
  }
  return out;
}

} // namespace

void print_error(const Context &ctx, const Error &e) {
  ctx.err << "attune: error: ";
  if (e.where())
    ctx.err << printable(format_location(*e.where())) << ": ";
  ctx.err << printable(e.what());
  if (!e.hint().empty())
    ctx.err << "; " << printable(e.hint());
  ctx.err << '\n';
}

std::string paint(bool on, const char *sgr, const std::string &text) {
  if (!on)
    return text;
  return std::string("\x1b[") + sgr + 'm' + text + "\x1b[0m";
}

bool Context::use_color() const {
  if (global.color == "always")
    return true;
  if (global.color == "never")
    return false;
  if (env("NO_COLOR"))
    return false;
  const auto term = env("TERM");
  return out_tty && !(term && *term == "dumb");
}

void Context::warn(const std::string &text) const {
  if (!global.quiet)
    err << "attune: warning: " << printable(text, true) << '\n';
}

} // namespace attune::cli
