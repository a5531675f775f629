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
  // The readers refuse a start whose plan is not an id; this keeps a path from ever being
  // opened as a plan whatever the caller built.
  if (!run.plan_id.empty() && !is_journal_plan_id(run.plan_id))
    throw Error(ErrorKind::data,
                "programme " + std::to_string(run.number) + " names a plan that is not a plan id",
                "plan ids are lowercase letters, digits and dashes, such as \"avoidant\"");
  if (!run.plan_hash.empty()) {
    if (const auto text = store().load_plan_copy(run.plan_hash)) {
      // A shipped plan, byte for byte: parsed when attune was built.
      if (auto prebuilt = prebuilt_plan(*text)) {
        prebuilt->hash = run.plan_hash;
        return std::move(*prebuilt);
      }
      // The copy was saved under the hash of its text: hashing it again would only say so.
      PlanLoadResult loaded =
          load_plan(*text, store().data_dir() + "/plans/" + run.plan_hash + ".toml", run.plan_hash);
      if (loaded.plan)
        return std::move(*loaded.plan);
    }
  }
  Plan plan = find_plan(run.plan_id.empty() ? std::string(default_plan_id) : run.plan_id,
                        plan_search_path());
  if (!run.plan_hash.empty() && plan.hash != run.plan_hash) {
    const std::string text = "the saved copy of plan \"" + plan.id + "\" for run " +
                             std::to_string(run.number) +
                             " is missing, and the plan has changed since that run started; "
                             "using the plan as it is now";
    if (state_->warned.insert(text).second)
      ctx_.warn(text);
  }
  return plan;
}

std::string Session::new_record_id() {
  std::random_device device;
  return hex8(device()) + hex8(device());
}

} // namespace attune::cli
