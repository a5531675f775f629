// `attune remind`: one kind line when something for today is still open, nothing otherwise.
// Made for cron, systemd timers and status bars: it only reads, never asks, never colours,
// and waits for the journal lock no longer than the configured lock timeout.
#include <cerrno>
#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "after_flow.hpp"
#include "attune/after.hpp"
#include "attune/cue.hpp"
#include "attune/error.hpp"
#include "attune/journal.hpp"
#include "attune/json.hpp"
#include "attune/progress.hpp"
#include "attune/text.hpp"
#include "commands.hpp"
#include "session.hpp"

namespace attune::cli {
namespace {

struct RemindOptions {
  bool exit_code = false;
  std::string format = "text";
  bool notify = false;
};

struct OpenItem {
  std::string id;
  std::string title;
  bool due_today = false;
  unsigned week_done = 0;
  unsigned week_target = 0;
};

enum class RemindState { idle, clear, open, paused };

struct Reminder {
  RemindState state = RemindState::idle;
  Day day{};
  unsigned week = 0;
  unsigned day_number = 0;
  std::vector<OpenItem> open;
  bool maintenance = false;             ///< after the end, a kept practice is running
  std::optional<unsigned> followup_due; ///< 4 or 12: that follow-up self-check is due
  /// The last day of a programme week with no self-check for it (cue.hpp self_check_due).
  bool self_check_due = false;
};

/// Open today: not yet done or skipped today, and either scheduled today (daily, or on this
/// weekday) or planned N times a week and done fewer than N times so far this programme week.
/// A 3-a-week exercise done twice by Wednesday stays open each day until the third time. A
/// when-it-arises exercise is never open: remind never nags about a situation.
bool is_open(const DueItem &item) {
  if (item.state != ExerciseState::open || item.exercise == nullptr)
    return false;
  if (item.due_today)
    return true;
  return item.exercise->schedule.kind == ScheduleKind::times_per_week && !item.week_met;
}

Reminder build_reminder(Session &session) {
  Reminder r;
  r.day = session.today();
  const History history = build_history(session.read_journal_run(std::nullopt)); // the newest
  const Run *run = history.active();
  if (run == nullptr)
    run = ended_run(history);
  if (run == nullptr)
    return r;
  const Plan plan = session.plan_for_run(*run);
  if (programme_over(plan, *run, r.day)) {
    // After the end: the kept exercises open this maintenance week, and a follow-up due.
    r.followup_due = followup_due(plan, *run, r.day);
    const Maintenance m = maintenance_of(*run);
    r.maintenance = m.active && r.day >= m.since;
    if (r.maintenance)
      for (const MaintenanceItem &item : maintenance_day(plan, m, *run, r.day))
        if (item.state == ExerciseState::open && !item.quota.met)
          r.open.push_back(
              {item.exercise,
               item.plan_exercise != nullptr ? item.plan_exercise->title : item.exercise, false,
               item.quota.done, item.quota.target});
    if (r.maintenance || r.followup_due)
      r.state = r.open.empty() && !r.followup_due ? RemindState::clear : RemindState::open;
    return r;
  }
  const DayView view = day_view(plan, *run, r.day);
  if (view.pos.phase == Phase::paused) {
    r.state = RemindState::paused; // resting: nothing to remind of, and no word about it
    r.week = view.pos.week;
    return r;
  }
  if (view.pos.phase != Phase::active)
    return r;
  r.week = view.pos.week;
  r.day_number = view.pos.day;
  r.self_check_due = self_check_due(plan, *run, r.day);
  for (const DueItem &item : view.items)
    if (is_open(item))
      r.open.push_back({item.exercise->id, item.exercise->title, item.due_today, item.week_done,
                        item.week_target});
  r.state = r.open.empty() ? RemindState::clear : RemindState::open;
  return r;
}

/// "2 practices open today: stay-present, name-a-feeling" (empty when nothing is open); after
/// the end, "...; the 4-week follow-up self-check is due ('attune reflect')".
std::string summary(const Reminder &r) {
  std::string text;
  if (!r.open.empty()) {
    text = std::to_string(r.open.size()) + (r.open.size() == 1 ? " practice" : " practices") +
           " open today: ";
    for (std::size_t i = 0; i < r.open.size(); ++i)
      text += (i == 0 ? "" : ", ") + r.open[i].id;
  }
  if (r.followup_due)
    text += (text.empty() ? "the " : "; the ") + std::to_string(*r.followup_due) +
            "-week follow-up self-check is due ('attune reflect')";
  return text;
}

std::string render_json(const Reminder &r) {
  static const char *const names[] = {"idle", "clear", "open", "paused"};
  JsonWriter json(0);
  json.begin_object();
  json.schema();
  json.key("state").value(names[static_cast<int>(r.state)]);
  json.key("date").value(format_day(r.day));
  json.key("week").value(r.week);
  json.key("day").value(r.day_number);
  json.key("text").value(summary(r).empty() ? std::string() : "attune: " + summary(r));
  json.key("self_check_due").value(r.self_check_due);
  json.key("open").begin_array();
  for (const OpenItem &item : r.open) {
    json.begin_object();
    json.key("id").value(item.id);
    json.key("title").value(item.title);
    json.key("due_today").value(item.due_today);
    json.key("week_done").value(item.week_done);
    json.key("week_target").value(item.week_target);
    json.end_object();
  }
  json.end_array();
  json.key("maintenance").value(r.maintenance);
  json.key("followup_due");
  if (r.followup_due)
    json.value(*r.followup_due);
  else
    json.null();
  json.end_object();
  return json.str() + "\n";
}

/// The first executable `name` in PATH (cron's minimal PATH when unset); "" if none.
std::string find_on_path(const Context &ctx, const std::string &name) {
  const std::string path = ctx.env("PATH").value_or("/usr/local/bin:/usr/bin:/bin");
  std::size_t from = 0;
  while (from <= path.size()) {
    std::size_t colon = path.find(':', from);
    if (colon == std::string::npos)
      colon = path.size();
    const std::string dir = path.substr(from, colon - from);
    from = colon + 1;
    if (dir.empty() || dir[0] != '/') // never the current folder
      continue;
    std::string candidate = dir;
    candidate += '/';
    candidate += name;
    if (access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return {};
}

/// Runs notify-send directly (no shell), waiting at most a few seconds. True when it said
/// it showed the notification.
bool send_notification(const Context &ctx, const std::string &body) {
  const std::string program = find_on_path(ctx, "notify-send");
  if (program.empty())
    return false;
  std::vector<std::string> args = {program, "--app-name=attune", "attune", body};
  std::vector<char *> argv;
  argv.reserve(args.size() + 1);
  for (auto &arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);

  const pid_t child = fork();
  if (child < 0)
    return false;
  if (child == 0) {
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  // A hung D-Bus must not hang a cron job: give up after 5 s.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child)
      return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (done < 0 && errno != EINTR)
      return false;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int run_remind(const RemindOptions &opts, Session &session) {
  Context &ctx = session.ctx();
  const Reminder r = build_reminder(session);
  if (opts.format == "json") {
    ctx.out << render_json(r);
  } else if (r.state == RemindState::open) {
    const std::string body = printable(summary(r));
    if (!(opts.notify && send_notification(ctx, body)))
      ctx.out << "attune: " << body << '\n';
  }
  // Said in words only: the state and exit status stay about today's practice.
  if (opts.format != "json" && r.self_check_due)
    ctx.out << "attune: today ends week " << r.week
            << "; its self-check is there when you are ready ('attune reflect')\n";
  if (!opts.exit_code)
    return exit_code::ok;
  switch (r.state) {
  case RemindState::open:
    return exit_code::remind_open;
  case RemindState::idle:
    return exit_code::remind_idle;
  case RemindState::paused:
    return exit_code::remind_paused;
  case RemindState::clear:
    break;
  }
  return exit_code::ok;
}

} // namespace

Command register_remind(CLI::App *sub, Session &session) {
  auto opts = std::make_shared<RemindOptions>();
  sub->add_flag("--exit-code", opts->exit_code,
                "Exit 10 when something is open, 11 when no programme runs, 12 while "
                "paused, 0 otherwise");
  sub->add_option("--format", opts->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  sub->add_flag("--notify", opts->notify,
                "Send a desktop notification with notify-send (prints when it cannot)");
  return {sub, [opts, &session]() { return run_remind(*opts, session); }};
}

} // namespace attune::cli
