#include "attune/support.hpp"

#include <algorithm>

#include "attune/text.hpp"

namespace attune {

std::string render_support(const SupportInfo &info, std::size_t width) {
  std::string out;
  out += wrap_words("You do not have to carry this alone. Here is where help can be found.", width,
                    "");
  out += "\n";
  out += wrap_words("If you are in danger now, or think you might harm yourself, call your local "
                    "emergency number.",
                    width, "");
  out += "\n";
  out +=
      wrap_words("If someone frightens, controls or hurts you, it is not your fault, and the urge "
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
      out += wrap_words(text.substr(from, lf - from), width, "  ");
      from = lf + 1;
    }
  }
  out += "\n";
  if (!info.own_lines.empty()) {
    out += "Your own list:\n";
    for (const std::string &line : info.own_lines)
      out += "  " + printable(line) + "\n"; // plan and config are untrusted text
  } else {
    out += wrap_words(
        "Your own list is empty. You can keep the people and numbers that help you "
        "(a friend, your doctor, a local helpline) in " +
            (info.config_file.empty() ? std::string("config.toml") : printable(info.config_file)) +
            ":",
        width, "");
    out += "  [support]\n  lines = [\"Name 0123 456789\"]\n";
  }
  if (info.directory) {
    out += "\n";
    out += wrap_words(std::string("Around the world: ") + helpline_directory +
                          " lists free, confidential helplines by country.",
                      width, "");
  }
  return out;
}

} // namespace attune
