#include "attune/prompts.hpp"

namespace attune {
namespace {

std::string trimmed(const std::string &text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos)
    return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

} // namespace

std::string labelled_answers(const std::string &title, const std::vector<std::string> &prompts,
                             const std::vector<std::string> &answers) {
  std::string out;
  for (std::size_t i = 0; i < prompts.size() && i < answers.size(); ++i) {
    const std::string answer = trimmed(answers[i]);
    if (answer.empty())
      continue;
    std::string question = trimmed(prompts[i]);
    if (!question.empty() && question.back() != '?' && question.back() != ':')
      question += ':';
    if (!out.empty())
      out += " / ";
    out += question;
    out += ' ';
    out += answer;
  }
  if (out.empty())
    return "";
  return title.empty() ? out : title + ": " + out;
}

} // namespace attune
