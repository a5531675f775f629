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

# --- 10. Parse errors are attune's own sentences, naming the command ------------------
run checkin --dry-run
expect_rc 2 "checkin --dry-run"
expect_err_has "attune: error: unknown option \"--dry-run\" for 'attune checkin'" "unknown option names the command"
expect_err_lines 1 "unknown option is one line"
run plan validate
expect_rc 2 "plan validate with no file"
expect_err_has "attune: error: 'attune plan validate' needs at least one FILE; see 'attune plan validate --help'" "missing file wording"
run log --run all
expect_rc 2 "log --run all"
expect_err_has "attune: error: --run needs a whole number, not \"all\"; see 'attune log --help'" "conversion wording"
run checkin -d 2026-11-02 -d 2026-11-01 catch-the-urge
expect_rc 2 "-d given twice"
expect_err_has "attune: error: --date was given more than once; 'attune checkin' takes one" "given twice wording"
run undo extra
expect_rc 2 "undo extra"
expect_err_has "attune: error: \"extra\" is not a command id (4 to 16 hex digits, such as \"3f9c0a1b\"); see 'attune undo --list'" "undo extra names undo"
run plan nosuch
expect_rc 2 "plan nosuch"
expect_err_has "'attune plan' needs a command: list, show, validate or suggest" "plan nosuch names plan"
run plan
expect_rc 2 "plan with no subcommand"
expect_err_has "attune: error: 'attune plan' needs a command: list, show, validate or suggest" "plan alone"
run checkin --skip
expect_rc 2 "--skip without a value"
expect_err_has "attune: error: --skip needs a value (EXERCISE) in 'attune checkin'" "missing value wording"
run --color sometimes today
expect_rc 2 "bad --color"
expect_err_has "attune: error: \"sometimes\" is not a choice for --color in 'attune today'; choose auto, always or never" "choice wording"
run checkin --date 2026-12-30 catch-the-urge
expect_rc 2 "future date"
expect_err_has "attune: error: 2026-12-30 is in the future" "future date quoted once"
expect_err_lacks() { if printf '%s' "$ERR" | grep -qF -- "$1"; then fail "$2: stderr has '$1'"; else pass; fi; }
run log --run 3
expect_rc 2 "log --run 3"
expect_err_has "there is only programme 1" "no 'there are 1'"
for args in "checkin --dry-run" "plan validate" "log --run all" "checkin -d a -d b" "undo extra" "plan" "checkin --skip" "--color x"; do
  # shellcheck disable=SC2086
  run $args
  expect_err_lacks "required" "$args: no CLI11 wording"
  expect_err_lacks "could not convert" "$args: no CLI11 wording"
  expect_err_lacks "At Most" "$args: no CLI11 wording"
  expect_err_lacks "for 'attune'" "$args: names the command"
done
run help
expect_rc 0 "help alone"
expect_out_has "Usage: attune [OPTIONS]" "help alone is the program's help"
expect_out_has "checkin" "help alone lists the commands"
expect_out_lacks "Usage: attune help" "help alone is not help's own help"
run help checkin
expect_rc 0 "help checkin"
expect_out_has "Usage: attune checkin" "help checkin names the program"
run help plan validate
expect_rc 0 "help plan validate"
expect_out_has "Usage: attune plan validate" "help for a subcommand of plan"
run checkin --help
expect_out_has "Usage: attune checkin" "checkin --help names the program"

# --- 11. A unique prefix of a command works; an ambiguous one lists the candidates ------
run tod
expect_rc 0 "attune tod"
expect_out_has "Week 1" "tod runs today"
run chec trigger
expect_rc 0 "attune chec trigger"
expect_out_has "Saved for today" "chec runs checkin"
run rep --format json
expect_rc 0 "attune rep"
expect_out_has '"weeks"' "rep runs report"
run re
expect_rc 2 "attune re is ambiguous"
expect_err_has "attune: error: \"re\" could be reflect, report, remind, review or resume" "ambiguous prefix lists the candidates"
expect_err_lines 1 "ambiguous prefix is one line"
run --data-dir "$ATTUNE_DATA_DIR" st
expect_rc 2 "attune st is ambiguous after a global option"
expect_err_has "could be start or streak" "st lists start and streak"
run plan li
expect_rc 0 "attune plan li"
expect_out_has "avoidant" "plan li lists the plans"
run help chec
expect_out_has "Usage: attune checkin" "help takes a prefix too"

# --- 13. -s/--skip takes one exercise per use, or a comma list ---------------------------
at 2026-11-03T09:00
run checkin -s catch-the-urge trigger-note
expect_rc 0 "checkin -s catch trigger"
run log --format json --since 2026-11-03
expect_out_has '"type": "skip"' "the skip was saved"
expect_out_has '"type": "done"' "the word after -s was recorded as done"
run undo
at 2026-11-04T09:00
run checkin -s catch-the-urge,trigger-note -r "a long day"
expect_rc 0 "comma list"
run log --format json --since 2026-11-04
expect_out_lacks '"type": "done"' "a comma list skips both"
n=$(printf '%s\n' "$OUT" | grep -c '"type": "skip"')
[ "$n" -eq 2 ] && pass || fail "comma list: two skips, got $n"
run help checkin
expect_out_has "repeat -s or give a comma list" "--help documents one exercise per -s"

# --- 5. A skip on a day the exercise is not planned is refused, naming its days ----------
# body-check is planned on Monday, Wednesday and Friday; 2026-11-03 is a Tuesday.
at 2026-11-03T09:00
before=$(cksum <"$ATTUNE_DATA_DIR/journal")
run checkin -s body-check
expect_rc 2 "a skip on a rest day is refused"
expect_err_has "attune: error: body-check is planned on Monday, Wednesday and Friday, not on Tuesday 2026-11-03" "the refusal names the planned days"
expect_err_has "to skip Monday, add --date monday" "the hint says how to skip the planned day"
[ "$(cksum <"$ATTUNE_DATA_DIR/journal")" = "$before" ] && pass || fail "a refused skip writes nothing"
run checkin -s body-check --date monday
expect_rc 0 "the planned Monday takes the skip"
# The skip was recorded at 09:00 on the 3rd, earlier than the 4th's check-in: plain undo
# would take the newest by time, so name it.
run undo --list
run undo "$(printf '%s\n' "$OUT" | grep 'body-check skipped' | awk '{print $1}')"
expect_out_has "Withdrawn: body-check skipped on 2026-11-02." "undo ID takes the Monday skip"

# --- 16. Small ones -----------------------------------------------------------------------
at 2026-11-05T09:00
run checkin -n "   "
expect_rc 2 "whitespace-only note refused"
expect_err_has "attune: error: the note is empty" "empty note wording"
run checkin -n ""
expect_rc 2 "empty note refused"
run checkin -s catch-the-urge -r " "
expect_rc 2 "empty reason refused"
# NO_COLOR= (empty) is ignored: --color auto stays on where it would be (config says nothing,
# so check the reported setting).
OUT=$(NO_COLOR= "$ATTUNE_BIN" config show 2>&1)
printf '%s' "$OUT" | grep -q "NO_COLOR" && fail "NO_COLOR= (empty) must be ignored" || pass
OUT=$(NO_COLOR=1 "$ATTUNE_BIN" config show 2>&1)
printf '%s' "$OUT" | grep -q "NO_COLOR" && pass || fail "NO_COLOR=1 disables colour"
# A weekly quota on a Saturday: the day itself counts.
at 2026-11-07T09:00
run today
expect_out_has "today and tomorrow left" "Saturday: today and tomorrow"
expect_out_lacks "1 day left" "never '1 day left' on a Saturday"
# plan show without an argument: the running programme's plan, even with another default.
mkdir -p "$XDG_CONFIG_HOME/attune"
printf 'plan = "anxious"\n' >"$XDG_CONFIG_HOME/attune/config.toml"
run plan show --format json
expect_rc 0 "plan show"
expect_out_has '"id": "avoidant"' "plan show shows the running plan, not the configured default"
rm "$XDG_CONFIG_HOME/attune/config.toml"
# log: --since, --grep, time of day.
run log --grep FIRST
expect_rc 0 "log --grep"
expect_out_has "first evening" "grep finds the note, ignoring case"
expect_out_lacks "skipped" "grep leaves out the rest"
expect_out_has "2026-11-02  W1 D1  09:00  note" "log shows the time of day"
run log --since 2026-11-04
expect_out_lacks "2026-11-03" "--since leaves out earlier days"
expect_out_has "2026-11-04" "--since keeps the day itself"
run log --since someday
expect_rc 2 "--since with a bad date"
# remind with no journal: silent, but --exit-code says 11.
ATTUNE_DATA_DIR="$T_ROOT/none" run remind
expect_rc 0 "remind with no journal"
expect_out_empty "remind with no journal says nothing"
ATTUNE_DATA_DIR="$T_ROOT/none" run remind --exit-code
expect_rc 11 "remind --exit-code with no journal"
grep -q "ATTUNE_DATA_DIR" "${ATTUNE_SOURCE_DIR:-$(dirname "$0")/../..}/contrib/crontab.example" && pass ||
  fail "crontab.example shows ATTUNE_DATA_DIR"

# --- 6. Wording comes from the plan in use ---------------------------------------------------
export ATTUNE_DATA_DIR="$T_ROOT/short"
cat >"$T_ROOT/short.toml" <<'TOML'
schema = 1
id = "short"
name = "Short"
description = "Two weeks."
notice = "A self-help practice, not therapy."
weeks = 2

[self_check]
prompt = "How true?"
scale = [1, 5]
min_label = "not at all"
max_label = "very"
items = [{ id = "close", text = "I felt close." }]

[[week]]
number = 1
theme = "One"
rationale = "First."

  [[week.exercises]]
  id = "breathe"
  title = "Breathe"
  what = "Breathe slowly."
  why = "Calm."
  schedule = "daily"

  [[week.exercises]]
  id = "write"
  title = "Write"
  what = "Write a line."
  why = "Patterns."
  schedule = "daily"

[[week]]
number = 2
theme = "Two"
rationale = "Second."

  [[week.exercises]]
  id = "breathe"
  title = "Breathe"
  what = "Breathe slowly."
  why = "Calm."
  schedule = "daily"

  [[week.exercises]]
  id = "write"
  title = "Write"
  what = "Write a line."
  why = "Patterns."
  schedule = "daily"
TOML
at 2026-11-02T09:00
run start --plan "$T_ROOT/short.toml"
expect_rc 0 "start a two-week plan"
expect_out_has "(1 statement)" "one statement, singular"
expect_out_lacks "1 statements" "never '1 statements'"
run checkin
expect_rc 2 "checkin with nothing named"
expect_err_has "e.g. 'attune checkin breathe'" "the example names an exercise of this plan"
run checkin breathe -r "tired"
expect_err_has "--skip write" "the --reason example names an exercise of this plan"
expect_err_lacks "body-check" "the --reason example never names the default plan's ids"
at 2026-11-16T09:00
run report
expect_out_has "Two weeks is a beginning" "the closing words name the plan's length"
expect_out_lacks "Six weeks" "no six weeks in a two-week plan"
expect_out_lacks "Best week: week 1 (0%)" "no best week when nothing was done"

finish
