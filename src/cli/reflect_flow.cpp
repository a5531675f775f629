#include "reflect_flow.hpp"

#include <istream>
#include <ostream>

#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "daily.hpp"
#include "hooks.hpp"
#include "session.hpp"

namespace attune::cli {
std::optional<std::vector<int>> ask_answers(Session &session, const SelfCheck &check) {
  Context &ctx = session.ctx();
  const std::size_t width = ctx.text_width();
  ctx.out << wrap_words(printable(check.prompt), width, "", "")
          << wrap_words("Answer " + scale_text(check) + " (" + std::to_string(check.scale_min) +
                            " = " + printable(check.min_label) + ", " +
                            std::to_string(check.scale_max) + " = " + printable(check.max_label) +
                            "). Press Enter on an empty line to stop; nothing is saved until "
                            "the end.",
                        width, "", "");
  std::vector<int> answers;
  const std::size_t n = check.items.size();
  for (std::size_t i = 0; i < check.answer_count();) {
    if (i < n) {
      // "2/5  statement", continuation lines under the statement.
      const std::string number = std::to_string(i + 1) + '/' + std::to_string(n) + "  ";
      ctx.out << '\n'
              << wrap_words(printable(check.items[i].text), width, number,
                            std::string(number.size(), ' '));
    } else { // the distress question, with its own labels where it has them
      const SelfCheckItem &d = check.distress;
      ctx.out << '\n'
              << wrap_words(
                     "One last question, on the same scale (" +
                         printable(d.min_label.empty() ? check.min_label : d.min_label) + " to " +
                         printable(d.max_label.empty() ? check.max_label : d.max_label) + "):",
                     width, "", "")
              << wrap_words(printable(d.text), width, "", "");
    }
    ctx.out << "> " << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line))
      return std::nullopt;
    line = trim_blanks(line);
    if (line.empty())
      return std::nullopt;
    const auto value = parse_scale_answer(line, check);
    if (!value) {
      ctx.out << "Please type a number from " << scale_text(check) << ".\n";
      continue;
    }
    answers.push_back(*value);
    ++i;
  }
  return answers;
}

namespace {

/// Writes the self-check under the lock (released on return) and gives the record back.
Record append_self_check(Session &session, unsigned run_number, const SelfCheckEntry &entry) {
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(run_number, &lock); // that programme only
  const Record rec =
      self_check_record(build_history(journal), run_number, entry, record_stamp(session));
  store.append(lock, journal, {rec});
  return rec;
}

} // namespace

void save_self_check(Session &session, unsigned run_number, const SelfCheckEntry &entry) {
  const Record rec = append_self_check(session, run_number, entry);
  run_hooks(session, HookCommand::reflect, {rec});
}

void offer_baseline(Session &session, const Plan &plan, const Run &run) {
  Context &ctx = session.ctx();
  const BaselineOffer offer = baseline_offer(plan, ctx.global.quiet, ctx.in_tty && ctx.out_tty);
  if (offer == BaselineOffer::none)
    return;
  const std::size_t n = plan.self_check.items.size();
  if (offer == BaselineOffer::hint) {
    ctx.out << render_baseline_hint(n, ctx.text_width());
    return;
  }
  ctx.out << render_baseline_question(n, ctx.text_width()) << std::flush;
  std::string line;
  if (!std::getline(ctx.in, line))
    line = "n";
  if (!baseline_reply_yes(line)) {
    ctx.out << render_baseline_outcome(BaselineOutcome::declined);
    return;
  }
  const auto answers = ask_answers(session, plan.self_check);
  if (!answers) {
    ctx.out << render_baseline_outcome(BaselineOutcome::stopped);
    return;
  }
  SelfCheckEntry entry;
  entry.day = run.start;
  entry.answers = *answers;
  save_self_check(session, run.number, entry);
  ctx.out << render_baseline_outcome(BaselineOutcome::saved);
}

} // namespace attune::cli
