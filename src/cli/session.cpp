#include "session.hpp"
#include "install_dirs.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/error.hpp"
#include "attune/input_file.hpp"
#include "attune/plan_loader.hpp"
#include "attune/prebuilt_plan.hpp"
#include "attune/text.hpp"
#include "clock.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

/// The home folder from the passwd database, for when HOME is unset or relative.
std::optional<std::string> passwd_home() {
  long size = sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
  struct passwd entry {};
  struct passwd *found = nullptr;
  for (;;) {
    const int rc = getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found);
    if (rc == ERANGE && buffer.size() < (1U << 20)) {
      buffer.resize(buffer.size() * 2);
      continue;
    }
    if (rc != 0 || found == nullptr || found->pw_dir == nullptr || found->pw_dir[0] != '/')
      return std::nullopt;
    return std::string(found->pw_dir);
  }
}

std::string make_absolute(const std::string &path) {
  if (path.empty() || path[0] == '/')
    return path;
  std::vector<char> cwd(PATH_MAX);
  if (getcwd(cwd.data(), cwd.size()) == nullptr)
    throw Error(ErrorKind::usage, "cannot tell the current folder to resolve \"" + path + "\"",
                "give --data-dir as an absolute path");
  std::string base(cwd.data());
  std::string rest = path;
  while (rest.compare(0, 2, "./") == 0)
    rest.erase(0, 2);
  return base == "/" ? "/" + rest : base + "/" + rest;
}

/// The config file's text, or nullopt when there is none. Reads at most one byte more than a
/// config file may hold, so a huge file is refused without reading it all.
std::optional<std::string> read_config_text(const std::string &file) {
  // One byte over the limit is kept, so parse_config still says "too large".
  auto in = read_input_file(file, max_config_bytes + 1, "the config file", InputOwner::config);
  if (!in)
    return std::nullopt;
  return std::move(in->text);
}

} // namespace

struct Session::State {
  std::optional<Paths> paths;
  std::optional<Config> config;
  std::optional<ZoneChoice> zone;
  std::optional<Instant> now;
  std::unique_ptr<JournalStore> store;
  std::set<std::string> warned; ///< each journal problem and folder warning said once
  /// Plans already loaded, by the run's plan hash and id: a command that looks at its run
  /// twice (checkin: once to resolve names, once under the lock) parses the plan once.
  std::map<std::pair<std::string, std::string>, Plan> plans;
};

Session::Session(Context &ctx) : ctx_(ctx), state_(std::make_unique<State>()) {}
Session::~Session() = default;

const Paths &Session::paths() {
  if (!state_->paths) {
    std::optional<std::string> flag;
    if (ctx_.global.data_dir) {
      if (ctx_.global.data_dir->empty())
        throw Error(ErrorKind::usage, "--data-dir is empty", "give a folder");
      flag = make_absolute(*ctx_.global.data_dir);
    }
    const auto home = ctx_.env("HOME");
    const bool home_ok = home && !home->empty() && (*home)[0] == '/';
    state_->paths = resolve_paths(ctx_.env, flag, home_ok ? std::nullopt : passwd_home());
  }
  return *state_->paths;
}

const Config &Session::config() {
  if (!state_->config) {
    const std::string &file = paths().config_file;
    Config config;
    if (const auto text = read_config_text(file)) {
      ConfigParse parsed = parse_config_all(*text, file);
      config = std::move(parsed.config);
      // A zone that is spelt like one but does not exist is a mistake of the same file.
      if (!config.timezone.value.empty() && config.timezone.value != "auto" &&
          load_zone(config.timezone.value, ctx_.env) == nullptr) {
        parsed.errors.push_back(unknown_zone_error(config.timezone.value, config.timezone.where,
                                                   suggest_zone(config.timezone.value, ctx_.env)));
        config.timezone = {};
      }
      // Every mistake at once, one line each; the last decides the exit status (78).
      if (!parsed.errors.empty()) {
        const std::vector<std::size_t> order = in_file_order(parsed.errors);
        for (std::size_t i = 0; i + 1 < order.size(); ++i)
          print_error(ctx_, parsed.errors[order[i]]);
        throw parsed.errors[order.back()];
      }
    }
    // Flags beat the environment, which beats the file.
    if (ctx_.global.plan) {
      if (ctx_.global.plan->empty())
        throw Error(ErrorKind::usage, "--plan is empty", "give a plan id or a .toml file");
      config.plan = {*ctx_.global.plan, SettingOrigin::flag, {}, "--plan"};
    }
    if (ctx_.global.color != "auto") {
      config.color = {ctx_.global.color, SettingOrigin::flag, {}, "--color"};
    } else if (config.color.origin == SettingOrigin::config_file) {
      ctx_.global.color = config.color.value; // Context::use_color reads it from here
    } else if (const auto no_color = ctx_.env("NO_COLOR"); no_color && !no_color->empty()) {
      // no-color.org: present and not empty; NO_COLOR= alone changes nothing.
      config.color = {"never", SettingOrigin::environment, {}, "NO_COLOR"};
    }
    state_->config = std::move(config);
  }
  return *state_->config;
}

bool Session::use_color() {
  (void)config();
  return ctx_.use_color();
}

std::string Session::chosen_plan() {
  const Config &c = config();
  return c.plan.value.empty() ? std::string(default_plan_id) : c.plan.value;
}

const Zone &Session::zone() {
  if (!state_->zone && ctx_.global.tz) {
    const std::string &name = *ctx_.global.tz;
    const Zone *zone = name.empty() ? nullptr : load_zone(name, ctx_.env);
    if (zone == nullptr) {
      const std::string guess = suggest_zone(name, ctx_.env);
      throw Error(ErrorKind::usage, "unknown time zone \"" + name + "\" for --tz",
                  guess.empty()
                      ? "use an IANA name such as \"Europe/Berlin\" or \"America/Los_Angeles\""
                      : "did you mean \"" + guess + "\"?");
    }
    state_->zone = ZoneChoice{zone, name, "--tz"};
  }
  if (!state_->zone)
    state_->zone = choose_zone(config().timezone, ctx_.env,
                               [this](const std::string &text) { ctx_.warn(text); });
  return *state_->zone->zone;
}

const std::string &Session::zone_name() {
  (void)zone();
  return state_->zone->name;
}

const std::string &Session::zone_source() {
  (void)zone();
  return state_->zone->source;
}

Instant Session::now() {
  if (!state_->now)
    state_->now = current_instant(ctx_.env, zone());
  return *state_->now;
}

void Session::check_now_setting() {
  if (const auto value = ctx_.env("ATTUNE_NOW"); value && !parse_local_time(*value))
    (void)now(); // words the error
}

Day Session::today() {
  return logical_day(to_local(now(), zone()), config().day_starts_at.value);
}

RecordedDay Session::recorded_day() {
  const Zone &here = zone();
  const auto day_start = config().day_starts_at.value;
  return [&here, day_start](Instant instant) {
    return logical_day(to_local(instant, here), day_start);
  };
}

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
