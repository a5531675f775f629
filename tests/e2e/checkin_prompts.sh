#!/usr/bin/env bash
# The plan's reflection prompts (prompts = [...]) in the interactive check-in: asked after
# "done", answers kept in the day's note, each labelled by its question.
. "$(dirname "$0")/_lib.sh"
export ATTUNE_NOW=2026-11-05T20:00 # a Thursday: catch-the-urge due, trigger-note open

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
        if lines and (out.endswith(b"] ") or out.endswith(b"it) ") or out.endswith(b"> ")):
            os.write(fd, (lines.pop(0) + "\n").encode())
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 99)
PY
)
  RC=$?
  ERR=""
}

run start
expect_rc 0 "start"

# catch-the-urge: not yet; trigger-note: done, then its four prompts (one left blank), a note.
tty_run $'\nd\nWent quiet when M. asked about work\nScared\n\nStayed and said I was tired\nLong day.' checkin
expect_rc 0 "interactive check-in with prompts"
expect_out_has "A few words for each, if you like (Enter to pass):" "the prompts are introduced"
expect_out_has "  What happened?" "asks the first prompt"
expect_out_has "  How strong was the urge, 0 to 10?" "asks the scale prompt"
expect_out_has "Saved for today: trigger-note done, a note." "saves the exercise and a note"
run log --format json
expect_out_has '"note": "Write down the trigger: What happened? Went quiet when M. asked about work / What did I feel? Scared / What did I do? Stayed and said I was tired / Long day."' "answers are labelled in the note"

finish
