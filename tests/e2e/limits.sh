#!/usr/bin/env bash
# Issue 14, defects 6, 8, 9 and 12 through the real binary: the size limits agree (what attune
# writes it reads and exports again; a write that would cross a limit is refused, exit 65,
# nothing written); inputs that are FIFOs or devices are refused at once (never a hang:
# `timeout` kills one); exit statuses tell the truth when a durability step fails (13) and when
# a plan copy cannot be read on export.
. "$(dirname "$0")/_lib.sh"
: "${ATTUNE_FAULT_SHIM:?ATTUNE_FAULT_SHIM must point to the built fault shim}"
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ATTUNE_NOW=2026-11-26T09:30
bound=5
if [ "${ATTUNE_SANITIZE:-0}" = 1 ]; then bound=20; fi
DATA=$ATTUNE_DATA_DIR
J=$DATA/journal

# trun CMD...: run under `timeout`, so a hang is a failure, not a stuck suite.
trun() {
  OUT=$(timeout "$bound" "$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  if [ "$RC" -eq 124 ]; then fail "attune $* hung (killed after $bound s)"; fi
}
# faulty MODE [TRUNCATE] CMD...: run with the fault shim injecting EIO in MODE.
faulty() {
  local mode=$1 trunc=$2
  shift 2
  OUT=$(LD_PRELOAD=$ATTUNE_FAULT_SHIM ATTUNE_FAULT=$mode ATTUNE_FAULT_TRUNCATE=$trunc \
    timeout "$bound" "$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}
one_error() {
  expect_rc "$1" "$2"
  expect_err_has "attune: error: " "$2: prefixed"
  expect_err_lines 1 "$2: one line"
}
same() { if cmp -s "$1" "$2"; then pass; else fail "$3: the journal changed"; fi; }

trun start
expect_rc 0 "start"
trun checkin catch-the-urge --note "short"
expect_rc 0 "a check-in with a short note"
cp "$J" "$T_ROOT/before"

# ---- 6: limits ----
# A note one byte over 64 KiB is refused before anything is written; one at the limit is kept.
trun checkin --note "$(head -c 65537 /dev/zero | tr '\0' n)"
one_error 65 "a note over 64 KiB"
expect_err_has "the note is too long to record (65537 bytes; at most 64 KiB); nothing was written" \
  "over-long note wording"
same "$J" "$T_ROOT/before" "over-long note"
cp -a "$DATA" "$T_ROOT/limit"
trun --data-dir "$T_ROOT/limit" checkin --note "$(head -c 65536 /dev/zero | tr '\0' n)"
expect_rc 0 "a note of exactly 64 KiB"
trun --data-dir "$T_ROOT/limit" export -o "$T_ROOT/full.json"
expect_rc 0 "a journal with a note at the limit exports"

# Import of a real oversized note (1 MiB, as a journal file and as a JSON export): refused at
# its line, exit 65, nothing written. Before the fix it was written and the journal grew
# without bound until no command could read it.
python3 - "$T_ROOT/full.json" "$T_ROOT/big.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for r in data["records"]:
    if r["type"] == "note":
        r["text"] = "b" * 1048576
        r["id"] = "ab" + r["id"][2:]
        break
json.dump(data, open(sys.argv[2], "w"))
PY
trun import "$T_ROOT/big.json"
one_error 65 "import of a 1 MiB note"
expect_err_has "the note is too long to record (1048576 bytes; at most 64 KiB)" "import names the limit"
expect_err_has "$T_ROOT/big.json:" "import names the file"
same "$J" "$T_ROOT/before" "import of a 1 MiB note"

# ---- 8: inputs that are FIFOs ----
mkfifo "$T_ROOT/fifo.toml"
mkdir -p "$XDG_CONFIG_HOME/attune"
mkfifo "$XDG_CONFIG_HOME/attune/config.toml"
trun today
one_error 77 "a FIFO as the config file"
expect_err_has "the config file \"$XDG_CONFIG_HOME/attune/config.toml\" is a FIFO, not a regular file" \
  "config FIFO wording"
rm "$XDG_CONFIG_HOME/attune/config.toml"
trun start --restart --plan "$T_ROOT/fifo.toml"
one_error 2 "--plan FIFO"
expect_err_has "is a FIFO, not a regular file" "--plan FIFO wording"
same "$J" "$T_ROOT/before" "--plan FIFO"
trun plan validate "$T_ROOT/fifo.toml"
expect_rc 2 "plan validate FIFO"
expect_err_has "is a FIFO, not a regular file" "plan validate FIFO wording"
trun import "$T_ROOT/fifo.toml"
one_error 2 "import FIFO"
trun plan validate /dev/zero
expect_rc 2 "plan validate of a device"
expect_err_has "is a device, not a regular file" "device wording"

# ---- 12: the journal that is not a file: one meaning, exit 77, like a symbolic link ----
mv "$J" "$T_ROOT/saved-journal"
mkfifo "$J"
trun today
one_error 77 "a FIFO where the journal should be"
trun checkin --note x
one_error 77 "checkin into a FIFO journal"
rm "$J"
mkdir "$J"
trun today
one_error 77 "a folder where the journal should be"
rmdir "$J"
mv "$T_ROOT/saved-journal" "$J"

# export when a plan copy cannot be read (EIO): a failure, not exit 0 with the plan left out.
faulty readplan 0 export -o "$T_ROOT/eio.json"
one_error 74 "export with an unreadable plan copy"
expect_err_has "cannot read the plan copy" "EIO plan copy wording"
[ ! -e "$T_ROOT/eio.json" ] && pass || fail "an incomplete export was written"

# ---- 9: exit status tells the truth ----
# The folder fsync fails after the journal is first created: the programme did start (13).
NEW=$T_ROOT/new
faulty fsyncdir 0 --data-dir "$NEW" start
one_error 13 "start when the folder cannot be flushed"
expect_err_has "the record was saved, but attune cannot confirm it is safely on disk" \
  "says the start was saved"
trun --data-dir "$NEW" today
expect_rc 0 "today after the unconfirmed start"
expect_out_lacks "No programme is running" "the programme did start"

# close and the cut-back both fail: the check-in is in the journal and counted, and says so.
faulty close 1 checkin --note closefail
one_error 13 "close and cut-back both fail"
expect_err_has "the record was saved" "says the check-in was saved"
expect_err_lacks() { if printf '%s' "$ERR" | grep -qF -- "$1"; then fail "$2: stderr has '$1'"; else pass; fi; }
expect_err_lacks "reported, not counted" "no false 'not counted'"
trun log
expect_out_has "closefail" "the saved check-in is counted"

# fsync and the cut-back both fail: saved, not confirmed (13).
cp "$J" "$T_ROOT/before"
faulty fsync 1 checkin --note "fsync"
one_error 13 "fsync and cut-back both fail"
# Only with the cut-back working is the journal as it was.
cp "$J" "$T_ROOT/before"
faulty fsync 0 checkin --note "fsync"
one_error 74 "fsync fails, cut-back works"
expect_err_has "nothing was saved; the journal is as it was" "cut-back wording"
same "$J" "$T_ROOT/before" "fsync fails, cut-back works"
# A half-written line that cannot be cut back: nothing counted, and it says so (74).
cp "$J" "$T_ROOT/before"
faulty write 1 checkin --note "torn"
one_error 74 "a torn write that cannot be cut back"
expect_err_has "nothing was saved, and the last line is partial: it will be reported, not counted" \
  "torn write wording"
trun log
expect_err_has "is cut short" "the partial line is reported"
expect_out_lacks "torn" "and not counted"
finish
