#!/usr/bin/env bash
# What attune writes out (issue 14, defects 1, 2, 3 and 10):
# - every --output refuses attune's own files (the journal, its lock, its index, a plan copy,
#   anything in the data folder), by device and inode whatever the spelling or link: exit 2,
#   one line, not a byte of the data folder changed;
# - every --output refuses a target that is not a regular file of the person's own (a folder,
#   a named pipe, a device, a socket, another user's file) without opening it: nothing blocks;
# - a failed write, fsync or close of the output names the errno of the call that failed;
# - text from a note, a reason or a plan never reaches the terminal as control bytes, and a
#   note with a line break cannot forge a line; JSON and CSV keep the exact text.
. "$(dirname "$0")/_lib.sh"

export ATTUNE_NOW=2026-11-26T09:30
DATA=$ATTUNE_DATA_DIR
W=$T_ROOT/work
mkdir -p "$W"
ESC=$'\e'
BEL=$'\a'

# trun CMD...: run with a time bound; a hang is a failure of its own.
trun() {
  OUT=$(timeout 10 "$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  if [ "$RC" -eq 124 ]; then fail "attune $* hung (killed after 10 s)"; fi
}
# data_state: every byte and mode in the data folder, links not followed.
data_state() { (cd "$DATA" && find . -printf '%p %m %y %s\n' | sort &&
  find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
# refused DESCRIPTION: exit 2, one prefixed line, nothing on stdout, the data folder as it was.
refused() {
  expect_rc 2 "$1"
  expect_err_has "attune: error: " "$1: prefixed message"
  expect_err_lines 1 "$1: one line"
  expect_out_empty "$1"
  if [ "$(data_state)" = "$state" ]; then pass; else fail "$1: the data folder changed"; fi
}
no_temporaries() { # DIR DESCRIPTION
  if [ -z "$(find "$1" -name '*.attune-*')" ]; then pass; else fail "$2: a temporary file was left"; fi
}

run start
expect_rc 0 "start"
run checkin catch-the-urge
expect_rc 0 "checkin"
run today # writes journal.index
[ -f "$DATA/journal.index" ] && pass || fail "journal.index exists for the test"
plan_copy=$(find "$DATA/plans" -name '*.toml' | head -n 1)
[ -n "$plan_copy" ] && pass || fail "a plan copy exists for the test"

# ---- Defect 1: attune's own files, whatever the spelling --------------------------------------
ln -s "$DATA/journal" "$W/link-to-journal"
ln "$DATA/journal" "$W/hardlink-to-journal"
ln -s "$DATA" "$W/link-to-data"
mkdir -p "$DATA/notes"
state=$(data_state)
targets=(
  "$DATA/journal" "$DATA/journal.lock" "$DATA/journal.index" "$plan_copy"
  "$DATA/../data/journal" "$DATA//./journal" "$W/link-to-journal" "$W/hardlink-to-journal"
  "$W/link-to-data/journal.lock" "$DATA/new-report.txt" "$W/link-to-data/new.json"
  "$DATA/notes/new.txt" "$DATA/plans/new.toml"
)
for target in "${targets[@]}"; do
  for cmd in "report" "report --format html" "export" "export --format csv"; do
    # shellcheck disable=SC2086 # cmd is words
    trun $cmd -o "$target"
    refused "$cmd -o $target"
  done
done
run report --output "$DATA/journal"
expect_err_has "\"$DATA/journal\" is the journal itself; choose another --output file" \
  "report over the journal says what it is"
run export -o "$W/link-to-journal"
expect_err_has "is the journal itself" "a link to the journal is the journal"
run export -o "$DATA/journal.lock"
expect_err_has "is the journal's lock file" "export over the lock says what it is"
run report -o "$DATA/journal.index"
expect_err_has "is the journal's index" "report over the index says what it is"
run export -o "$plan_copy"
expect_err_has "is a saved copy of a plan" "export over a plan copy says what it is"
run report -o "$W/link-to-data/new.json"
expect_err_has "is inside attune's data folder" "a new file in the data folder, through a link"
rmdir "$DATA/notes"
run today
expect_out_has "Week 1 · Day 1 of 42" "the programme is still running after every refusal"
run log
expect_out_has "done     catch-the-urge" "the check-in is still in the journal"
run report -o "$W/report.txt"
expect_rc 0 "report to an ordinary new file"
[ "$(stat -c %a "$W/report.txt")" = 600 ] && pass || fail "the report file is not 0600"

# ---- Defect 3: not a regular file of one's own ----------------------------------------------
state=$(data_state)
mkfifo "$W/fifo"
for cmd in "report" "export"; do
  trun "$cmd" -o "$W/fifo"
  refused "$cmd -o FIFO"
  expect_err_has "is a pipe, not a regular file" "$cmd -o FIFO says what it is"
done
[ -p "$W/fifo" ] && pass || fail "the FIFO was replaced"
no_temporaries "$W" "-o FIFO"
trun report -o "$W"
refused "report -o a folder"
expect_err_has "\"$W\" is a folder; give a file name inside it" "report -o a folder wording"
trun export -o /dev/null
refused "export -o a device"
expect_err_has "is a device, not a regular file" "export -o a device says what it is"
trun report -o /dev/stdout
refused "report -o /dev/stdout (a pipe here)"
if python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$W/sock" 2>/dev/null; then
  trun export -o "$W/sock"
  refused "export -o a socket"
  expect_err_has "is not a regular file" "export -o a socket says what it is"
fi
if [ "$(id -u)" = 0 ]; then
  printf 'theirs\n' >"$W/theirs.txt"
  chown 65534 "$W/theirs.txt"
  trun export -o "$W/theirs.txt"
  refused "export -o another user's file"
  expect_err_has "belongs to another user" "another user's file says whose"
  [ "$(cat "$W/theirs.txt")" = theirs ] && pass || fail "another user's file was written"
else
  echo "SKIP: another user's file (needs root to create one)"
fi
no_temporaries "$W" "refused targets"

# ---- Defect 10: the errno of the call that failed -------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ATTUNE_DATA_DIR=$T_ROOT/data-faults # a journal of its own: nothing above can disturb it
run start
expect_rc 0 "start in a fresh folder for the faults"
mkdir -p "$W/faulty"
for fault in write0 fsync close; do
  OUT=$(LD_PRELOAD=$ATTUNE_FAULT_SHIM ATTUNE_FAULT=$fault ATTUNE_FAULT_ERRNO=28 \
    ATTUNE_FAULT_PATH="$W/faulty/" "$ATTUNE_BIN" export -o "$W/faulty/out.json" \
    2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  expect_rc 74 "export when $fault fails"
  expect_err_has "could not finish writing \"$W/faulty/out.json\": No space left on device" \
    "export when $fault fails names the errno of that call"
  expect_err_lines 1 "export when $fault fails: one line"
  [ ! -e "$W/faulty/out.json" ] && pass || fail "export when $fault fails left a file"
  no_temporaries "$W/faulty" "export when $fault fails"
done

# ---- Defect 2: no control bytes reach the terminal ------------------------------------------
# raw_clean DESCRIPTION: stdout and stderr hold no ESC, BEL or other C0 byte but LF.
raw_clean() {
  if printf '%s%s' "$OUT" "$ERR" | tr -d '\n' | LC_ALL=C grep -q '[[:cntrl:]]'; then
    fail "$1: a control byte reached the terminal"
  else
    pass
  fi
}
export ATTUNE_DATA_DIR=$T_ROOT/data2
run start --on 2026-11-23
expect_rc 0 "start a second folder"
pwn=$'\e]0;PWNED\a\e[2J'
forged=$'fine\n2026-11-24  W1 D2  done     forged-line'
run checkin --note "$pwn"
expect_rc 0 "a note with terminal escapes is saved"
run checkin --date 2026-11-24 --note "$forged"
expect_rc 0 "a note with a line break is saved"
run checkin --date 2026-11-25 --skip catch-the-urge --reason $'tired\e[31m red'
expect_rc 0 "a reason with an escape is saved"
for cmd in "log" "log --week 1" "today --date 2026-11-25" "report" "report --format markdown" \
  "report --format html" "streak" "remind"; do
  # shellcheck disable=SC2086 # cmd is words
  run $cmd
  expect_rc 0 "$cmd"
  raw_clean "$cmd"
done
run log
expect_out_has '\e]0;PWNED\x07\e[2J' "log shows the escapes visibly"
expect_out_has $'fine\xe2\x8f\x8e2026-11-24' "log shows a line break in a note as ⏎"
n=$(printf '%s\n' "$OUT" | grep -c 'forged-line')
[ "$n" = 1 ] && pass || fail "the note's line break made $n lines"
printf '%s\n' "$OUT" | grep -q '^2026-11-24  W1 D2  done     forged-line' &&
  fail "a note forged a log line" || pass
run today --date 2026-11-25
expect_out_has 'Reason: tired\e[31m red' "today shows a skip reason's escape visibly"
run log --format json
expect_out_has '\u001b]0;PWNED\u0007\u001b[2J' "json keeps the exact note, escaped"
expect_out_has 'fine\n2026-11-24' "json keeps the line break, escaped"
run export --format csv
printf '%s' "$OUT" | grep -qF "$pwn" && pass || fail "csv keeps the exact note"
run report -o "$W/report2.txt"
LC_ALL=C grep -q "$ESC" "$W/report2.txt" && fail "the text report file holds an ESC" || pass
run report --format markdown -o "$W/report2.md"
LC_ALL=C grep -q "$ESC" "$W/report2.md" && fail "the markdown report holds an ESC" || pass
run undo
expect_rc 0 "undo the skip"
raw_clean "undo"
run checkin --note $'oops\e[2J\nagain'
run undo
expect_rc 0 "undo a note with an escape"
raw_clean "undo a note with an escape"
expect_out_has $'the note "oops\\e[2J\xe2\x8f\x8eagain"' "undo shows the note's escape visibly"

# A plan is untrusted text too: its name and every text field.
evil=$W/evil.toml
sed -e 's/^name = .*/name = "Evil\\u001b]0;PWNED\\u0007 \\u009b31m plan"/' \
  -e 's/^  title = "\(.*\)"/  title = "\1\\u001b[5m"/' \
  -e 's/^theme = "\(.*\)"/theme = "\1\\nforged line"/' \
  "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" >"$evil"
export ATTUNE_DATA_DIR=$T_ROOT/data3
run plan validate "$evil"
expect_rc 0 "a plan with escapes in its text is valid"
for cmd in "plan show $evil" "--plan $evil start" "today" "checkin catch-the-urge" "report" \
  "report --format markdown" "report --format html" "log"; do
  # shellcheck disable=SC2086 # cmd is words
  run $cmd
  expect_rc 0 "evil plan: $cmd"
  raw_clean "evil plan: $cmd"
done
run plan show "$evil"
expect_out_has 'Evil\e]0;PWNED\x07 \u009b31m plan' "plan show shows a plan name's escapes"
printf '%s\n' "$OUT" | grep -q '^forged line' && fail "a plan theme forged a line" || pass
run today
expect_out_has '\e[5m' "today shows an exercise title's escape visibly"
run report --format html
printf '%s' "$OUT" | grep -q "$BEL" && fail "html holds a BEL" || pass

# Errors and warnings quote what was typed: shown, never sent.
run checkin $'\e[2Jcatch'
expect_rc 2 "an exercise name with an escape"
expect_err_lines 1 "an exercise name with an escape: one line"
raw_clean "an exercise name with an escape"
run --data-dir "$W/${ESC}[2J/x" report -o "$W/x"
raw_clean "a data folder name with an escape"

finish
