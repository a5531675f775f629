# Shared helpers for end-to-end tests. Source it; it sets up an isolated world.
set -u
: "${ATTUNE_BIN:?ATTUNE_BIN must point to the built attune}"
T_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/attune-e2e.XXXXXX")
trap 'chmod -R u+w "$T_ROOT" 2>/dev/null; rm -rf "$T_ROOT"' EXIT
export HOME="$T_ROOT/home"
mkdir -p "$HOME"
export ATTUNE_DATA_DIR="$T_ROOT/data"
export XDG_CONFIG_HOME="$T_ROOT/config"
unset XDG_DATA_HOME XDG_STATE_HOME NO_COLOR ATTUNE_NOW
export TZ=UTC
export LC_ALL=C.UTF-8
T_FAILS=0
T_PASSES=0

# run CMD...: runs attune, capturing stdout in $OUT, stderr in $ERR and status in $RC.
run() {
  OUT=$("$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

fail() {
  echo "FAIL: $*" >&2
  echo "  rc=$RC" >&2
  echo "  stdout: $(printf '%s' "$OUT" | head -c 2000)" >&2
  echo "  stderr: $(printf '%s' "$ERR" | head -c 2000)" >&2
  T_FAILS=$((T_FAILS + 1))
}

pass() { T_PASSES=$((T_PASSES + 1)); }

# expect_rc N DESCRIPTION
expect_rc() { if [ "$RC" -eq "$1" ]; then pass; else fail "$2: expected exit $1"; fi; }
# flat TEXT: TEXT on one line, each run of spaces and line breaks one space.
flat() { printf '%s' "$1" | tr '\n' ' ' | tr -s ' '; }
# expect_out_has TEXT DESCRIPTION: TEXT is in stdout, also when attune wrapped it to the
# terminal's width (a line break and the next line's indent then read as one space).
expect_out_has() {
  if printf '%s' "$OUT" | grep -qF -- "$1" || flat "$OUT" | grep -qF -- "$(flat "$1")"; then pass; else
    fail "$2: stdout lacks '$1'"
  fi
}
expect_err_has() { if printf '%s' "$ERR" | grep -qF -- "$1"; then pass; else fail "$2: stderr lacks '$1'"; fi; }
expect_out_lacks() {
  if printf '%s' "$OUT" | grep -qF -- "$1" || flat "$OUT" | grep -qF -- "$(flat "$1")"; then
    fail "$2: stdout has '$1'"
  else pass; fi
}
expect_err_empty() { if [ -z "$ERR" ]; then pass; else fail "$1: stderr not empty"; fi; }
expect_out_empty() { if [ -z "$OUT" ]; then pass; else fail "$1: stdout not empty"; fi; }
# expect_err_lines N DESCRIPTION: the error is exactly N lines
expect_err_lines() {
  local n
  n=$(printf '%s\n' "$ERR" | grep -c '')
  if [ "$n" -eq "$1" ]; then pass; else fail "$2: stderr has $n lines, expected $1"; fi
}

# at NOW CMD...: `run` at the instant NOW (ATTUNE_NOW for this one call).
at() {
  local now=$1
  shift
  ATTUNE_NOW=$now run "$@"
}

# json EXPR: the Python expression EXPR over the JSON on stdout (as `d`), printed as Python
# prints it (True, None, ['a']); a parse error is printed too, so a check shows it.
json() {
  printf '%s' "$OUT" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1" 2>&1
}
# json_value EXPR: the same, printed as JSON (true, null, ["a"]).
json_value() {
  printf '%s' "$OUT" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(json.dumps(eval(sys.argv[1])))' "$1"
}
# field JSON EXPR: EXPR over the JSON given as text (as `d`), printed as Python prints it.
field() {
  printf '%s' "$1" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$2"
}
# expect_json EXPR VALUE DESCRIPTION: `json EXPR` prints VALUE.
expect_json() {
  local got
  got=$(json "$1")
  if [ "$got" = "$2" ]; then pass; else fail "$3: $1 is '$got', expected '$2'"; fi
}
# expect_json_true EXPR DESCRIPTION: the Python expression EXPR over stdout's JSON is True.
expect_json_true() {
  local got
  got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
r = eval(sys.argv[1])
print("ok" if r is True else "no: " + repr(r))' "$1" 2>&1)
  if [ "$got" = "ok" ]; then pass; else fail "$2 ($1: $got)"; fi
}

finish() {
  echo "$T_PASSES passed, $T_FAILS failed"
  [ "$T_FAILS" -eq 0 ]
}

# tty_run INPUT ARGS...: runs attune on a pseudo-terminal, typing INPUT (\n-separated lines)
# as prompts appear; the transcript lands in $OUT, the status in $RC.
tty_run() {
  local input=$1
  shift
  OUT=$(python3 - "$input" "$ATTUNE_BIN" "$@" <<'PY'
import os, pty, sys, select, time
lines = sys.argv[1].split("\n")
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], [sys.argv[2]] + sys.argv[3:])
out = b""
deadline = time.time() + 20
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.5)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
        # Answer each prompt (it ends without a newline) with the next line.
        if lines and (out.endswith(b"] ") or out.endswith(b"it) ") or out.endswith(b"> ")):
            os.write(fd, (lines.pop(0) + "\n").encode())
else:
    # The deadline passed with the program still waiting (for more input than the test gave):
    # stop it, so the test fails now instead of hanging until ctest's timeout.
    os.kill(pid, 9)
    out += b"\n[tty_run: stopped after 20 s, still waiting]\n"
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 99)
PY
)
  RC=$?
  ERR=""
}
