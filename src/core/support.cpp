#include "attune/support.hpp"

#include <algorithm>

#include "attune/text.hpp"

namespace attune {
namespace {

/// Greedy word wrap by display width, each line starting with `indent`.
std::string wrap(const std::string &text, std::size_t width, const std::string &indent) {
  if (width == 0)
    return indent + text + "\n";
  std::string out;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos)
      end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!line.empty() && display_width(indent + line + " " + word) > width) {
        out += indent + line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    start = end + 1;
  }
  if (!line.empty())
    out += indent + line + "\n";
  return out;
}

} // namespace

std::string render_support(const SupportInfo &info, std::size_t width) {
  std::string out;
  out += wrap("You do not have to carry this alone. Here is where help can be found.", width, "");
  out += "\n";
  out += wrap("If you are in danger now, or think you might harm yourself, call your local "
              "emergency number.",
              width, "");
  out += "\n";
  out += wrap("If someone frightens, controls or hurts you, it is not your fault, and the urge "
              "to leave is protecting you. A domestic abuse helpline can help you think about "
              "your safety, in confidence.",
              width, "");
  if (!info.plan_support.empty()) {
    out += "\n";
    out += info.plan_name.empty() ? "From your plan:\n"
                                  : "From your plan (" + printable(info.plan_name) + "):\n";
    // Each of the plan's own lines is wrapped on its own, so every line keeps the indent.
    const std::string text = printable(info.plan_support, LineBreaks::kept);
    for (std::size_t from = 0; from <= text.size();) {
      const std::size_t lf = std::min(text.find('\n', from), text.size());
      out += wrap(text.substr(from, lf - from), width, "  ");
      from = lf + 1;
    }
  }
  out += "\n";
  if (!info.own_lines.empty()) {
    out += "Your own list:\n";
    for (const std::string &line : info.own_lines)
      out += "  " + printable(line) + "\n"; // plan and config are untrusted text
  } else {
    out += wrap(
        "Your own list is empty. You can keep the people and numbers that help you "
        "(a friend, your doctor, a local helpline) in " +
            (info.config_file.empty() ? std::string("config.toml") : printable(info.config_file)) +
            ":",
        width, "");
    out += "  [support]\n  lines = [\"Name 0123 456789\"]\n";
  }
  if (info.directory) {
    out += "\n";
    out += wrap(std::string("Around the world: ") + helpline_directory +
                    " lists free, confidential helplines by country.",
                width, "");
  }
  return out;
}

} // namespace attune
