#!/usr/bin/env bash
# 8 processes each check in N times at once while 2 readers read the whole time:
# every record is present exactly once and no reader ever sees a problem.
# N is ATTUNE_CONCURRENCY_APPENDS (default 200, as in the attack that found the journal sound:
# 8 x 200). Each append fsyncs, and each read reads the whole growing journal, so the time
# grows faster than N: 500 took 296 s of CI's ASan run; 2000 is a good developer soak.
. "$(dirname "$0")/_lib.sh"
N=${ATTUNE_CONCURRENCY_APPENDS:-200}
TOTAL=$((8 * N + 1))
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
  "$D" append "$DIR" "$N" >"$W/ack.$i" 2>"$W/err.$i" & pids+=($!)
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
[ "$(wc -l <"$W/acked")" -eq "$TOTAL" ] && pass || fail "$TOTAL ids acknowledged"
[ "$(wc -l <"$W/present")" -eq "$TOTAL" ] && pass || fail "$TOTAL records present"
[ -z "$(uniq -d "$W/present")" ] && pass || fail "no record twice"
cmp -s "$W/acked" "$W/present" && pass || fail "present records are exactly the acknowledged ones"
finish
