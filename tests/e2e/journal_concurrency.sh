#!/usr/bin/env bash
# 8 processes each check in 500 times at once while 2 readers read the whole time:
# every record is present exactly once and no reader ever sees a problem.
. "$(dirname "$0")/_lib.sh"
: "${ATTUNE_JOURNAL_DRIVER:?ATTUNE_JOURNAL_DRIVER must point to the built journal_driver}"
D=$ATTUNE_JOURNAL_DRIVER
DIR=$T_ROOT/data
W=$T_ROOT/work
mkdir -p "$W"

# Create the journal first so readers always have something to read.
"$D" append "$DIR" 1 >"$W/ack.seed"

"$D" readloop "$DIR" "$W/stop" >"$W/r1.out" 2>"$W/r1.err" & r1=$!
"$D" readloop "$DIR" "$W/stop" >"$W/r2.out" 2>"$W/r2.err" & r2=$!
pids=()
for i in 1 2 3 4 5 6 7 8; do
  "$D" append "$DIR" 500 >"$W/ack.$i" 2>"$W/err.$i" & pids+=($!)
done
writers_ok=0
for p in "${pids[@]}"; do wait "$p" && writers_ok=$((writers_ok + 1)); done
touch "$W/stop"
wait "$r1"; rc1=$?
wait "$r2"; rc2=$?

RC=$writers_ok OUT="" ERR=$(cat "$W"/err.*)
[ "$writers_ok" -eq 8 ] && pass || fail "all 8 writers finish"
RC=$rc1 OUT=$(cat "$W/r1.out") ERR=$(cat "$W/r1.err")
expect_rc 0 "reader 1 never saw a problem"
expect_err_empty "reader 1 is silent"
RC=$rc2 OUT=$(cat "$W/r2.out") ERR=$(cat "$W/r2.err")
expect_rc 0 "reader 2 never saw a problem"
expect_out_has " reads" "reader 2 read"

cat "$W"/ack.* | sort >"$W/acked"
"$D" ids "$DIR" 2>"$W/ids.err" | sort >"$W/present"
RC=$? OUT=$(wc -l <"$W/present") ERR=$(cat "$W/ids.err")
expect_err_empty "the final journal has no problems"
[ "$(wc -l <"$W/acked")" -eq 4001 ] && pass || fail "4,001 ids acknowledged"
[ "$(wc -l <"$W/present")" -eq 4001 ] && pass || fail "4,001 records present"
[ -z "$(uniq -d "$W/present")" ] && pass || fail "no record twice"
cmp -s "$W/acked" "$W/present" && pass || fail "present records are exactly the acknowledged ones"
finish
