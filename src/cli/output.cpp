#include "output.hpp"

#include <ostream>

namespace attune::cli {

void print_error(const Context &ctx, const Error &e) {
  ctx.err << "attune: error: ";
  if (e.where())
    ctx.err << format_location(*e.where()) << ": ";
  ctx.err << e.what();
  if (!e.hint().empty())
    ctx.err << "; " << e.hint();
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
    err << "attune: warning: " << text << '\n';
}

} // namespace attune::cli
