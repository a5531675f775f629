#include "attune/plan_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "attune/embedded_plan.hpp"
#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "attune/plan_loader.hpp"
#include "attune/text.hpp"

namespace attune {
namespace {

namespace fs = std::filesystem;

/// strerror in our lowercase style: "no such file or directory".
std::string reason(int err) {
  std::string text = std::strerror(err);
  if (!text.empty())
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

bool looks_like_path(const std::string &s) {
  return s.find('/') != std::string::npos ||
         (s.size() >= 5 && s.compare(s.size() - 5, 5, ".toml") == 0);
}

/// The *.toml files of a folder, sorted by name; a missing or unreadable folder has none.
std::vector<std::string> toml_files(const std::string &folder) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec)
    return files;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec)
      break;
    const fs::path &p = it->path();
    std::error_code type_ec;
    if (p.extension() == ".toml" && fs::is_regular_file(p, type_ec))
      files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// "plan is invalid" as one error: the first diagnostic, where it is, and how many more.
Error invalid_plan(const std::string &origin, const std::vector<Diagnostic> &diags) {
  const Diagnostic &first = diags.front();
  std::string message = first.message;
  if (diags.size() > 1)
    message += " (and " + std::to_string(diags.size() - 1) + " more problem" +
               (diags.size() > 2 ? "s" : "") + ")";
  std::string hint = first.hint;
  hint += (hint.empty() ? "" : "; ") + std::string("run 'attune plan validate ") + origin +
          "' to see every problem";
  return Error(ErrorKind::invalid, message, hint, first.where);
}

/// load_plan, or the plan parsed ahead of time for exactly this text.
PlanLoadResult load(const PlanSearchPath &path, std::string_view text, const std::string &origin) {
  if (path.prebuilt != nullptr) {
    if (auto plan = path.prebuilt(text)) {
      PlanLoadResult r;
      r.plan = std::move(plan);
      return r;
    }
  }
  return load_plan(text, origin);
}

PlanSource checked(PlanSource source, const PlanSearchPath &path) {
  const PlanLoadResult r = load(path, source.text, source.origin);
  if (!r.plan)
    throw invalid_plan(source.origin, r.diagnostics);
  source.id = r.plan->id;
  return source;
}

PlanSource built_in() {
  return {default_plan_id, "built-in", std::string(embedded_default_plan())};
}

} // namespace

std::string read_plan_file(const std::string &file) {
  // One byte over the limit is kept, so the plan checks still say "too large".
  auto in = read_input_file(file, max_plan_bytes + 1, "plan file", InputOwner::argument);
  if (!in)
    throw Error(ErrorKind::invalid, "cannot read plan file \"" + file + "\"", reason(ENOENT));
  return std::move(in->text);
}

std::vector<PlanSource> list_plans(const PlanSearchPath &path, std::vector<std::string> &problems) {
  std::vector<PlanSource> plans;
  auto known = [&](const std::string &id) {
    return std::any_of(plans.begin(), plans.end(), [&](const PlanSource &p) { return p.id == id; });
  };
  for (const std::string &folder : path.folders) {
    for (const std::string &file : toml_files(folder)) {
      std::string text;
      try {
        text = read_plan_file(file);
      } catch (const Error &e) {
        problems.push_back(file + ": " + e.what() + (e.hint().empty() ? "" : "; " + e.hint()));
        continue;
      }
      const PlanLoadResult r = load(path, text, file);
      if (!r.plan) {
        problems.push_back(format_diagnostic(r.diagnostics.front()) +
                           (r.diagnostics.size() > 1
                                ? " (and " + std::to_string(r.diagnostics.size() - 1) + " more)"
                                : ""));
        continue;
      }
      if (!known(r.plan->id))
        plans.push_back({r.plan->id, file, std::move(text)});
    }
  }
  // Compiled in, after the folders: a user's plan with a shipped id overrides it.
  if (path.shipped != nullptr)
    for (const ShippedPlan &shipped : path.shipped())
      if (!known(std::string(shipped.id)))
        plans.push_back({std::string(shipped.id), "built-in", std::string(shipped.text)});
  if (!known(default_plan_id))
    plans.push_back(built_in());
  return plans;
}

PlanSource find_plan_source(const std::string &id_or_path, const PlanSearchPath &path) {
  if (looks_like_path(id_or_path))
    return checked({"", id_or_path, read_plan_file(id_or_path)}, path);
  // FOLDER/ID.toml is the usual place; an invalid one is reported, not skipped.
  for (const std::string &folder : path.folders) {
    const std::string file = (fs::path(folder) / (id_or_path + ".toml")).string();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
      continue;
    PlanSource source = checked({"", file, read_plan_file(file)}, path);
    if (source.id == id_or_path)
      return source;
  }
  std::vector<std::string> problems;
  std::vector<std::string> ids;
  for (PlanSource &p : list_plans(path, problems)) {
    if (p.id == id_or_path)
      // p is a reference into the temporary list, not a local: the move saves a copy.
      // cppcheck-suppress returnStdMoveLocal
      return std::move(p);
    ids.push_back(p.id);
  }
  const std::string guess = did_you_mean(id_or_path, ids);
  std::string known;
  for (const auto &id : ids)
    known += (known.empty() ? "" : ", ") + id;
  throw Error(ErrorKind::invalid, "unknown plan \"" + id_or_path + "\"",
              guess.empty() ? "known plans: " + known + " (see 'attune plan list')"
                            : "did you mean \"" + guess + "\"?");
}

PlanLoadResult load_plan_source(const PlanSource &source, const PlanSearchPath &path) {
  return load(path, source.text, source.origin);
}

Plan find_plan(const std::string &id_or_path, const PlanSearchPath &path) {
  const PlanSource source = find_plan_source(id_or_path, path);
  PlanLoadResult r = load(path, source.text, source.origin);
  return std::move(*r.plan);
}

Plan plan_for_run(const Run &run, const SavedPlans &saved, const PlanSearchPath &path,
                  std::string &warning) {
  warning.clear();
  // The readers refuse a start whose plan is not an id; this keeps a path from ever being
  // opened as a plan whatever the caller built.
  if (!run.plan_id.empty() && !is_journal_plan_id(run.plan_id))
    throw Error(ErrorKind::data,
                "programme " + std::to_string(run.number) + " names a plan that is not a plan id",
                "plan ids are lowercase letters, digits and dashes, such as \"avoidant\"");
  if (!run.plan_hash.empty() && saved.load) {
    if (const auto text = saved.load(run.plan_hash)) {
      // A shipped plan, byte for byte: parsed when attune was built.
      if (path.prebuilt != nullptr) {
        if (auto prebuilt = path.prebuilt(*text)) {
          prebuilt->hash = run.plan_hash;
          return std::move(*prebuilt);
        }
      }
      // The copy was saved under the hash of its text: hashing it again would only say so.
      PlanLoadResult loaded =
          load_plan(*text, saved.folder + "/" + run.plan_hash + ".toml", run.plan_hash);
      if (loaded.plan)
        return std::move(*loaded.plan);
    }
  }
  Plan plan = find_plan(run.plan_id.empty() ? std::string(default_plan_id) : run.plan_id, path);
  if (!run.plan_hash.empty() && plan.hash != run.plan_hash)
    warning = "the saved copy of plan \"" + plan.id + "\" for run " + std::to_string(run.number) +
              " is missing, and the plan has changed since that run started; using the plan as "
              "it is now";
  return plan;
}

} // namespace attune
