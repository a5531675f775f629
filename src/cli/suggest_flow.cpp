#include "suggest_flow.hpp"

#include <istream>
#include <ostream>

#include "attune/error.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/text.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

/// The plan behind an id, or nullopt when it cannot be found or read (then only the id is
/// shown).
std::optional<Plan> suggested_plan(Session &session, const std::string &id) {
  try {
    return find_plan(id, session.plan_search_path());
  } catch (const Error &) {
    return std::nullopt;
  }
}

bool is_yes(const std::string &line) {
  return line.empty() || line == "y" || line == "Y" || line == "yes";
}

bool is_no(const std::string &line) {
  return line == "n" || line == "N" || line == "no";
}

} // namespace

std::optional<std::vector<int>> ask_suggest_answers(Session &session) {
  Context &ctx = session.ctx();
  const auto &questions = suggest_questions();
  ctx.out << "Six short questions to help you choose a plan. There are no right or wrong "
             "answers: think of the people close to you (friends, family or a partner) and "
             "answer for how things usually are.\n"
          << "Answer 1 to 5 (1 = not like me, 5 = very like me). Press Enter on an empty line "
             "to stop; nothing you answer is saved.\n";
  std::vector<int> answers;
  for (std::size_t i = 0; i < questions.size();) {
    ctx.out << '\n'
            << i + 1 << '/' << questions.size() << "  " << questions[i].text << "\n> "
            << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      return std::nullopt;
    line = trim_blanks(line);
    if (line.empty())
      return std::nullopt;
    const auto value = suggest_answer(line);
    if (!value) {
      ctx.out << "Please type a number from 1 to 5.\n";
      continue;
    }
    answers.push_back(*value);
    ++i;
  }
  return answers;
}

std::string render_suggestion(Session &session, const PlanSuggestion &suggestion) {
  const std::optional<Plan> plan = suggested_plan(session, suggestion.plan_id);
  return render_suggestion(suggestion, plan ? &*plan : nullptr);
}

StartChoice offer_plan_suggestion(Session &session) {
  Context &ctx = session.ctx();
  ctx.out << "No plan chosen yet. Six short questions can suggest one (about a minute). "
             "Answer them now? [Y/n] "
          << std::flush;
  std::string line;
  if (!std::getline(ctx.in, line))
    line = "n";
  line = trim_blanks(line);
  if (!is_yes(line)) {
    ctx.out << "No problem: starting with the default plan, " << default_plan_id
            << ". 'attune plan list' shows the others.\n\n";
    return {};
  }
  ctx.out << '\n';
  const auto answers = ask_suggest_answers(session);
  if (!answers) {
    ctx.out << "\nStopped; nothing started. When you are ready: 'attune start', or 'attune "
               "start --plan ID' ('attune plan list' shows the plans).\n";
    return {false, std::nullopt};
  }
  const PlanSuggestion suggestion = suggest_plan(*answers);
  ctx.out << '\n' << render_suggestion(session, suggestion) << '\n';
  for (;;) {
    ctx.out << "Start \"" << suggestion.plan_id << "\"? [Y/n, or another plan's id] " << std::flush;
    if (!std::getline(ctx.in, line))
      line = "n";
    line = trim_blanks(line);
    if (is_yes(line))
      return {true, suggestion.plan_id};
    if (is_no(line)) {
      ctx.out << "Nothing started. When you are ready: 'attune start --plan ID' ('attune plan "
                 "list' shows the plans).\n";
      return {false, std::nullopt};
    }
    std::vector<std::string> problems;
    std::string known;
    for (const PlanSource &p : list_plans(session.plan_search_path(), problems)) {
      if (p.id == line)
        return {true, line};
      known += (known.empty() ? "" : ", ") + printable(p.id);
    }
    ctx.out << "There is no plan \"" << printable(line) << "\". The plans are: " << known << ".\n";
  }
}

} // namespace attune::cli
