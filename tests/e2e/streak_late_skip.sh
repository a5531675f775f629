#!/usr/bin/env bash
# Issue 17 part 4: a skip recorded for a day more than 2 days back still counts, but does not
# change a streak that was already broken. Mon, Wed, Thu kept, Tue missed, with a plan that
# forgives no missed day (grace_days = 0): the streak broke on Tuesday.
. "$(dirname "$0")/_lib.sh"
SRC=${ATTUNE_SOURCE_DIR:?}
plan=$T_ROOT/no-grace.toml
# catch-the-urge daily again (the shipped plan has it when-it-arises, which is never due): the
# test needs something due every day.
sed -e 's/^grace_days = .*/grace_days = 0/' -e 's/schedule = "when-it-arises"/schedule = "daily"/' \
  "$SRC/plans/avoidant.toml" >"$plan"
RC=0 OUT="" ERR=""

# due DAY: the exercises due on DAY (the day given as today).
due() {
  ATTUNE_NOW=${1}T12:00 "$ATTUNE_BIN" today --format json | python3 -c \
    'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["exercises"] if e["due_today"]))'
}
# week_with_tuesday_missed ZONE DATA: Mon, Wed and Thu kept; nothing on Tue.
week_with_tuesday_missed() {
  export TZ=$1 ATTUNE_DATA_DIR=$2
  ATTUNE_NOW=2026-11-02T09:00 "$ATTUNE_BIN" start --plan "$plan" >/dev/null || fail "start ($1)"
  for day in 2026-11-02 2026-11-04 2026-11-05; do
    # shellcheck disable=SC2046
    ATTUNE_NOW=${day}T20:00 "$ATTUNE_BIN" checkin $(due "$day") >/dev/null || fail "checkin $day"
  done
  TUESDAY=$(due 2026-11-03)
  [ -n "$TUESDAY" ] && pass || fail "something is due on Tuesday"
}
# skip_tuesday NOW: skips Tuesday's exercises, written at NOW.
skip_tuesday() {
  local id
  for id in $TUESDAY; do
    ATTUNE_NOW=$1 run checkin --date 2026-11-03 --skip "$id" --reason "I was ill"
    expect_rc 0 "skip $id for Tuesday, written $1"
  done
}
# streak_at NOW: "current longest tuesday-status" from the JSON report as of NOW.
streak_at() {
  ATTUNE_NOW=$1 "$ATTUNE_BIN" report --format json | python3 -c \
    'import json,sys; r=json.load(sys.stdin); print(r["streak"]["current"], r["streak"]["longest"], r["days"][1]["status"])'
}

week_with_tuesday_missed UTC "$T_ROOT/base"
got=$(streak_at 2026-11-06T09:00)
[ "$got" = "2 2 missed" ] && pass || fail "without a skip: current 2 (Wed, Thu), got '$got'"

# Written on Thursday, 2 days back: on time, so it mends the streak.
week_with_tuesday_missed UTC "$T_ROOT/on-time"
skip_tuesday 2026-11-05T21:00
got=$(streak_at 2026-11-06T09:00)
[ "$got" = "4 4 skipped" ] && pass || fail "a skip written 2 days back mends the streak: want '4 4 skipped', got '$got'"

# Written on Friday, 3 days back: it counts (Tuesday shows skipped, not missed), but the
# streak Tuesday broke stays broken.
week_with_tuesday_missed UTC "$T_ROOT/late"
skip_tuesday 2026-11-06T09:00
got=$(streak_at 2026-11-06T09:05)
[ "$got" = "2 2 skipped" ] && pass || fail "a late skip counts but mends nothing: want '2 2 skipped', got '$got'"
ATTUNE_NOW=2026-11-06T09:05 run streak
expect_rc 0 "streak after a late skip"
expect_out_has "Current streak: 2 days. Longest: 2 days." "streak text after a late skip"
ATTUNE_NOW=2026-11-06T09:05 run report --format json
if printf '%s' "$OUT" | python3 -c '
import json, sys
r = json.load(sys.stdin)
ids = sys.argv[1].split()
rows = [e for e in r["exercises"] if e["id"] in ids]
assert rows and all((e["done"], e["planned"], e["skipped"]) == (3, 3, 1) for e in rows), rows
' "$TUESDAY"; then pass; else
  fail "the late skip counts: Tuesday left out of planned, as any skip (done 3 of 3, 1 skipped)"
fi

# The day a skip was written is the day where the person is: 20:00 on Thursday in Los
# Angeles is Friday 04:00 UTC, still 2 days back there, so the skip mends the streak.
week_with_tuesday_missed America/Los_Angeles "$T_ROOT/los-angeles"
skip_tuesday 2026-11-05T20:00
got=$(streak_at 2026-11-06T09:00)
[ "$got" = "4 4 skipped" ] && pass || fail "Thursday evening in Los Angeles is 2 days back: want '4 4 skipped', got '$got'"
finish
