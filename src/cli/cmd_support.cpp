// attune support: where help can be found. It must work when nothing else does: a broken
// journal or plan falls back to the built-in plan, and a config error is reported after the
// help has been shown (never instead of it).
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "attune/embedded_plan.hpp"
#include "attune/error.hpp"
#include "attune/plan_catalog.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"
#include "attune/progress.hpp"
#include "attune/support.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

/// The running programme's plan, else the chosen plan, else the built-in one.
Plan plan_to_show(Session &session) {
  try {
    const History history = build_history(session.read_journal_run(std::nullopt));
    if (const Run *run = history.active())
      return session.plan_for_run(*run);
    return find_plan(session.chosen_plan(), session.plan_search_path());
  } catch (const Error &) {
    PlanLoadResult loaded = load_plan_source(
        {default_plan_id, "built-in", std::string(embedded_default_plan())}, {{}, &prebuilt_plan});
    return loaded.plan ? *loaded.plan : Plan{};
  }
}

int run_support(Session &session) {
  Context &ctx = session.ctx();
  SupportInfo info;
  std::optional<Error> config_problem;
  try {
    const Config &config = session.config();
    info.own_lines = config.support_lines.value;
    info.directory = config.support_directory.value;
  } catch (const Error &e) {
    config_problem = e;
  }
  try {
    info.config_file = session.paths().config_file;
  } catch (const Error &) {
    // no home folder: the hint names config.toml
  }
  const Plan plan = plan_to_show(session);
  info.plan_name = plan.name;
  info.plan_support = plan.support;
  ctx.out << render_support(info, ctx.text_width());
  if (config_problem) {
    print_error(ctx, *config_problem);
    return exit_code_for(config_problem->kind());
  }
  return exit_code::ok;
}

} // namespace

Command register_support(CLI::App *sub, Session &session) {
  return {sub, [&session]() { return run_support(session); }};
}

} // namespace attune::cli
