#!/usr/bin/env bash
# Daily use without surprises (issue 18): what a new user tripped over, through the real
# binary. Programme starts Mon 2026-11-02 (UTC).
. "$(dirname "$0")/_lib.sh"

at() { export ATTUNE_NOW="$1"; }
at 2026-11-02T09:00
run start
expect_rc 0 "start"
run checkin catch-the-urge -n "first evening"
expect_rc 0 "checkin with a note"

# --- 7. Write errors on standard output --------------------------------------------------
for cmd in "report --format json" "today" "log" "plan show avoidant" "remind --format json" "--help" "streak"; do
  # shellcheck disable=SC2086
  "$ATTUNE_BIN" $cmd >/dev/full 2>"$T_ROOT/stderr"
  RC=$?
  OUT=""
  ERR=$(cat "$T_ROOT/stderr")
  expect_rc 74 "$cmd > /dev/full"
  expect_err_has "attune: error: could not write to standard output (No space left on device)" "$cmd > /dev/full wording"
  expect_err_lines 1 "$cmd > /dev/full is one line"
done

# A command's own error stands: one line, its own exit code.
"$ATTUNE_BIN" report --run 9 >/dev/full 2>"$T_ROOT/stderr"
RC=$?
ERR=$(cat "$T_ROOT/stderr")
expect_rc 2 "a usage error to /dev/full keeps its exit code"
expect_err_lines 1 "a usage error to /dev/full is one line"

# A reader that closed the pipe early. With SIGPIPE ignored, EPIPE is silent and the exit
# code stays 0; with SIGPIPE at its default, the signal ends attune (141 in the shell).
closed_pipe() { # closed_pipe ignore|default ARGS...: prints "rc<TAB>stderr"
  python3 - "$@" <<'PY'
import os, signal, subprocess, sys
mode, args = sys.argv[1], sys.argv[2:]
r, w = os.pipe()
os.close(r)
def pre():
    signal.signal(signal.SIGPIPE, signal.SIG_IGN if mode == "ignore" else signal.SIG_DFL)
p = subprocess.run([os.environ["ATTUNE_BIN"]] + args, stdout=w, stderr=subprocess.PIPE,
                   stdin=subprocess.DEVNULL, preexec_fn=pre, restore_signals=False)
print(f"{p.returncode}\t{p.stderr.decode()!r}")
PY
}
for cmd in "log" "--help" "report"; do
  # shellcheck disable=SC2086
  got=$(closed_pipe ignore $cmd)
  [ "$got" = "0	''" ] && pass || fail "$cmd to a closed pipe, SIGPIPE ignored: silent exit 0 (got $got)"
  # shellcheck disable=SC2086
  got=$(closed_pipe default $cmd)
  [ "$got" = "-13	''" ] && pass || fail "$cmd to a closed pipe, SIGPIPE default: ended by SIGPIPE (got $got)"
done
out=$("$ATTUNE_BIN" log 2>"$T_ROOT/stderr" | head -1)
[ -n "$out" ] && [ ! -s "$T_ROOT/stderr" ] && pass || fail "log | head -1: one line, nothing on stderr"

finish
