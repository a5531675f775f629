#pragma once
/// Running the person's hooks (attune(1), HOOKS) after a command's records are on disk.
/// A command calls run_hooks explicitly, after its lock is released; import never does.
#include <vector>

#include "attune/hooks.hpp"
#include "attune/journal.hpp"

namespace attune::cli {

class Session;

/// Runs the hooks `command`'s `written` records trigger (hooks_for), each from
/// $XDG_CONFIG_HOME/attune/hooks/NAME when it exists, with the records as JSON lines on
/// stdin, ATTUNE_HOOK=1 in its environment, its stdout sent to stderr, in its own process
/// group, stopped (the whole group) after config hook_timeout. A refused, failing or
/// stopped hook is one warning line; nothing is undone and the exit status is unchanged.
/// Never throws. Does nothing when attune itself runs inside a hook (ATTUNE_HOOK set), so
/// a hook that records something cannot start itself again.
void run_hooks(Session &session, HookCommand command, const std::vector<Record> &written);

} // namespace attune::cli
