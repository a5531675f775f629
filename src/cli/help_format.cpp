#include "help_format.hpp"

#include <algorithm>

#include "attune/text.hpp"

namespace attune::cli {

HelpFormatter::HelpFormatter(std::size_t width) : width_(width) {
  column_width(std::min<std::size_t>(30, width / 2));
}

std::string HelpFormatter::two_columns(const std::string &name,
                                       const std::string &description) const {
  std::string left = "  " + name;
  if (description.empty())
    return left + "\n";
  const std::string hang(column_width_, ' ');
  const std::size_t used = display_width(left);
  if (used >= column_width_) // as CLI11 does: the description starts on the next line
    return left + "\n" + wrap_words(description, width_, hang, hang);
  left += std::string(column_width_ - used, ' ');
  return wrap_words(description, width_, left, hang);
}

std::string HelpFormatter::wrap_lines(const std::string &text, std::size_t hang) const {
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t lf = text.find('\n', from);
    if (lf == std::string::npos)
      lf = text.size();
    const std::string line = text.substr(from, lf - from);
    out += line.empty() ? "\n" : wrap_words(line, width_, "", std::string(hang, ' '));
    from = lf + 1;
  }
  return out;
}

std::string HelpFormatter::make_option(const CLI::Option *opt, bool is_positional) const {
  return two_columns(make_option_name(opt, is_positional) + make_option_opts(opt),
                     make_option_desc(opt));
}

std::string HelpFormatter::make_subcommand(const CLI::App *sub) const {
  return two_columns(sub->get_display_name(true), sub->get_description());
}

std::string HelpFormatter::make_description(const CLI::App *app) const {
  return wrap_lines(CLI::Formatter::make_description(app), 0);
}

std::string HelpFormatter::make_usage(const CLI::App *app, std::string name) const {
  // "Usage: attune checkin [OPTIONS] ...": later lines under the command's name.
  return wrap_lines(CLI::Formatter::make_usage(app, std::move(name)), 7);
}

std::string HelpFormatter::make_footer(const CLI::App *app) const {
  return wrap_lines(CLI::Formatter::make_footer(app), 0);
}

} // namespace attune::cli
