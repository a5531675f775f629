#include "attune/prompts.hpp"

#include "attune/text.hpp"

namespace attune {

std::string labelled_answers(const std::string &title, const std::vector<std::string> &prompts,
                             const std::vector<std::string> &answers) {
  std::string out;
  for (std::size_t i = 0; i < prompts.size() && i < answers.size(); ++i) {
    const std::string answer = trim_blanks(answers[i]);
    if (answer.empty())
      continue;
    std::string question = trim_blanks(prompts[i]);
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
