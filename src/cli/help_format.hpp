#pragma once
/// --help that fits the terminal: CLI11's layout, with descriptions wrapped by display width.
#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

namespace attune::cli {

/// CLI11's formatter with every line at most `width` columns: option and command
/// descriptions wrap under their own column (at most 30, at most half the width), a name too
/// long for its column gets a line of its own, and the description, usage and footer wrap.
class HelpFormatter : public CLI::Formatter {
public:
  explicit HelpFormatter(std::size_t width);

  std::string make_option(const CLI::Option *opt, bool is_positional) const override;
  std::string make_subcommand(const CLI::App *sub) const override;
  std::string make_description(const CLI::App *app) const override;
  std::string make_usage(const CLI::App *app, std::string name) const override;
  std::string make_footer(const CLI::App *app) const override;

private:
  /// "  NAME      description..." with the description's later lines under its first.
  std::string two_columns(const std::string &name, const std::string &description) const;
  /// Each line of `text` wrapped, later parts of a line indented by `hang` spaces.
  std::string wrap_lines(const std::string &text, std::size_t hang) const;

  std::size_t width_;
};

} // namespace attune::cli
