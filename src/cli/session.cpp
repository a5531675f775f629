#include "session.hpp"
#include "install_dirs.hpp"

#include <cstdint>
#include <random>
#include <utility>

#include "attune/error.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"
#include "attune/text.hpp"
#include "session_state.hpp"

namespace attune::cli {

Session::Session(Context &ctx) : ctx_(ctx), state_(std::make_unique<State>()) {}
Session::~Session() = default;

PlanSearchPath Session::plan_search_path() {
  return PlanSearchPath{{paths().plans_dir, installed_plans_dir()}, &prebuilt_plan, &shipped_plans};
}

JournalStore &Session::store() {
  if (!state_->store)
    state_->store = std::make_unique<JournalStore>(paths().data_dir);
  return *state_->store;
}

std::chrono::milliseconds Session::lock_timeout() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(config().lock_timeout.value);
}

Journal Session::read_journal(const JournalStore::Lock *held) {
  Journal journal = store().read(lock_timeout(), held);
  report_problems(journal);
  return journal;
}

Journal Session::read_journal_run(std::optional<unsigned> number, const JournalStore::Lock *held) {
  Journal journal = store().read_run(lock_timeout(), number, held);
  report_problems(journal);
  return journal;
}

void Session::report_problems(const Journal &journal) {
  auto once = [this](const std::string &text) {
    if (state_->warned.insert(text).second)
      ctx_.warn(text);
  };
  for (const auto &problem : journal.problems)
    once("journal: " + problem.message);
  for (const auto &text : journal.notes)
    if (state_->warned.insert(text).second)
      ctx_.note(text);
  if (journal.newer_version)
    once("the journal " + describe_unwritable_version(journal.version) +
         ": showing what I can read, and writing nothing to it");
  for (const auto &text : store().warnings())
    once(text);
}

Plan Session::plan_for_run(const Run &run) {
  const auto key = std::make_pair(run.plan_hash, run.plan_id);
  if (const auto known = state_->plans.find(key); known != state_->plans.end())
    return known->second;
  Plan plan = load_plan_for_run(run);
  state_->plans.emplace(key, plan);
  return plan;
}

Plan Session::load_plan_for_run(const Run &run) {
  JournalStore &saved_in = store();
  const SavedPlans saved{
      [&saved_in](const std::string &hash) { return saved_in.load_plan_copy(hash); },
      saved_in.data_dir() + "/plans"};
  std::string warning;
  Plan plan = attune::plan_for_run(run, saved, plan_search_path(), warning);
  if (!warning.empty() && state_->warned.insert(warning).second)
    ctx_.warn(warning);
  return plan;
}

std::string Session::new_record_id() {
  std::random_device device;
  return hex8(device()) + hex8(device());
}

} // namespace attune::cli
