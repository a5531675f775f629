#include "reflect_flow.hpp"

#include <istream>
#include <ostream>

#include "attune/error.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
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
Record append_self_check(Session &session, unsigned run_number, unsigned week, Day day,
                         const std::vector<int> &answers, unsigned followup) {
  JournalStore &store = session.store();
  const auto lock = store.lock(session.lock_timeout());
  const Journal journal = session.read_journal_run(run_number, &lock); // that programme only
  const History history = build_history(journal);
  const Run *run = history.find(run_number);
  if (run != nullptr)
    for (const Record &r : run->records)
      if (r.type == RecordType::check && r.week == week && r.followup == followup)
        throw Error(ErrorKind::invalid, check_name(week, followup) + " is already recorded",
                    redo_hint(r));
  Record rec;
  rec.id = session.new_record_id();
  rec.type = RecordType::check;
  rec.day = day;
  rec.recorded = session.now();
  rec.zone = session.zone_name();
  rec.run = run != nullptr ? run->claim : run_number;
  rec.week = week;
  rec.answers = answers;
  rec.followup = followup;
  store.append(lock, journal, {rec});
  return rec;
}

} // namespace

void save_self_check(Session &session, unsigned run_number, unsigned week, Day day,
                     const std::vector<int> &answers, unsigned followup) {
  const Record rec = append_self_check(session, run_number, week, day, answers, followup);
  run_hooks(session, HookCommand::reflect, {rec});
}

void offer_baseline(Session &session, const Plan &plan, const Run &run) {
  Context &ctx = session.ctx();
  const BaselineOffer offer = baseline_offer(plan, ctx.global.quiet, ctx.in_tty && ctx.out_tty);
  if (offer == BaselineOffer::none)
    return;
  const std::size_t n = plan.self_check.items.size();
  if (offer == BaselineOffer::hint) {
    ctx.out << wrap_words("When you have two minutes, 'attune reflect --baseline' takes a short "
                          "self-check (" +
                              plural(static_cast<long long>(n), "statement", "statements") +
                              ") as your starting point, any time this first week.",
                          ctx.text_width(), "", "");
    return;
  }
  std::string question =
      wrap_words("Would you like to take the short self-check now (" +
                     plural(static_cast<long long>(n), "statement", "statements") +
                     "), as your starting point? [Y/n]",
                 ctx.text_width(), "", "");
  question.back() = ' '; // the answer goes on the question's last line
  ctx.out << '\n' << question << std::flush;
  std::string line;
  if (!std::getline(ctx.in, line))
    line = "n";
  line = trim_blanks(line);
  if (!(line.empty() || line == "y" || line == "Y" || line == "yes")) {
    ctx.out << "No problem. You can take it any time this first week with 'attune reflect "
               "--baseline'.\n";
    return;
  }
  const auto answers = ask_answers(session, plan.self_check);
  if (!answers) {
    ctx.out << "\nStopped; nothing saved. You can take it any time with 'attune reflect'.\n";
    return;
  }
  save_self_check(session, run.number, 0, run.start, *answers);
  ctx.out << "\nThank you. Your starting point is saved.\n";
}

} // namespace attune::cli
