#!/usr/bin/env bash
# journal.index through the real binary: made by a read, kept current by check-ins, never
# changing what any command shows, and never trusted once the journal changed behind it.
. "$(dirname "$0")/_lib.sh"

D=$ATTUNE_DATA_DIR
index=$D/journal.index
export ATTUNE_NOW=2026-11-05T09:00
# A finished first programme, so the journal holds two runs.
run start
run checkin catch-the-urge
export ATTUNE_NOW=2026-12-20T09:00
run start --restart
expect_rc 0 "second programme starts"
export ATTUNE_NOW=2026-12-22T09:00
run checkin catch-the-urge --note "a quiet evening"
expect_rc 0 "a check-in in the second programme"

# The outputs of the commands that use the index, with and without it.
views() {
  for args in "today" "report" "report --format json" "report --run 1" "today --format json"; do
    # shellcheck disable=SC2086
    run $args
    printf '== %s (%s)\n%s\n%s\n' "$args" "$RC" "$OUT" "$ERR"
  done
}
rm -f "$index"
run today
[ -f "$index" ] && pass || fail "a read of a clean journal writes journal.index"
[ "$(stat -c %a "$index")" = 600 ] && pass || fail "journal.index is 0600"
grep -q "a quiet evening" "$index" && fail "the index holds record text" || pass
with_index=$(views)
printf '%s' "$with_index" | grep -q "catch-the-urge\|Catch" && pass || fail "views show the check-in"
rm -f "$index"
without=$(views)
[ "$with_index" = "$without" ] && pass || fail "output differs without the index"
printf 'garbage\n' >"$index"
[ "$(views)" = "$without" ] && pass || fail "a damaged index changes the output"

# A check-in keeps the index current: its size line is the journal's size afterwards.
run today
run checkin trigger-note
expect_rc 0 "checkin with an index"
[ "$(sed -n 's/^size //p' "$index")" = "$(stat -c %s "$D/journal")" ] && pass ||
  fail "checkin brings the index up to date"
after_checkin=$(views)
rm -f "$index"
[ "$(views)" = "$after_checkin" ] && pass || fail "the updated index reads as the journal does"

# Another copy's check-in arrives by concatenation (a sync): the index is not trusted.
cp -a "$D" "$T_ROOT/copy"
ATTUNE_DATA_DIR=$T_ROOT/copy "$ATTUNE_BIN" checkin body-check >/dev/null 2>&1 ||
  fail "checkin in the copy"
run today # index current for the old journal
tail -n 1 "$T_ROOT/copy/journal" >>"$D/journal"
run today
with=$OUT
printf '%s' "$with" | grep -q "\[done\].*(body-check)" && pass || fail "today shows the synced check-in"
run today
[ "$with" = "$OUT" ] && pass || fail "today is stable"
rm -f "$index"
run today
[ "$with" = "$OUT" ] && pass || fail "today after a sync matches a read without the index"
[ "$(sed -n 's/^size //p' "$index")" = "$(stat -c %s "$D/journal")" ] && pass ||
  fail "the index was rebuilt for the grown journal"

# A damaged line: reported on every read, and no index is kept for such a journal.
printf 'not a record\n' >>"$D/journal"
run today
expect_rc 0 "today with a damaged line"
expect_err_has "is not a valid record" "the damage is reported"
[ -f "$index" ] && [ "$(sed -n 's/^size //p' "$index")" = "$(stat -c %s "$D/journal")" ] &&
  fail "an index matching a damaged journal" || pass
run today
expect_err_has "is not a valid record" "the damage is reported again"
ls "$D" | grep -q 'journal\.index\.' && fail "a temporary index file was left" || pass

finish
