#!/usr/bin/env bash
# Issue 18, item 2: `undo` withdraws everything the last recording command wrote (all the
# check-ins, skips and the note of one checkin; one self-check) and says what; `undo --list`
# shows the last 10 commands; `undo ID` withdraws an older one and refuses unknown or
# withdrawn ids; reflect's "to redo it" hint works as given; cmd= survives export/import.
. "$(dirname "$0")/_lib.sh"
export TZ=Europe/Berlin

journal=$ATTUNE_DATA_DIR/journal

at 2026-11-02T09:00 start
expect_rc 0 "start"

# --- one checkin, three records: undo takes all three -------------------------------------
at 2026-11-03T20:00 checkin trigger-note -s catch-the-urge -n "sunday dinner, stayed"
expect_rc 0 "checkin with a done, a skip and a note"
n=$(grep -c $'\tcmd=' "$journal")
[ "$n" -eq 3 ] && pass || fail "the three records of one checkin share cmd= (got $n lines)"
at 2026-11-03T20:05 undo
expect_rc 0 "undo"
expect_out_has 'Withdrawn: trigger-note done, catch-the-urge skipped and the note "sunday dinner, stayed" on 2026-11-03. The journal keeps a note of the correction; record them again any time.' "undo says everything it withdrew"
expect_err_empty "undo"
at 2026-11-03T20:06 log --format json
expect_out_lacks "trigger-note" "the done is withdrawn"
expect_out_lacks "catch-the-urge" "the skip is withdrawn"
expect_out_lacks "sunday dinner" "the note is withdrawn"
n=$(grep -c $'\tundo\t' "$journal")
[ "$n" -eq 3 ] && pass || fail "one undo record per withdrawn record (got $n)"
at 2026-11-03T20:07 undo
expect_rc 2 "nothing left to undo"
expect_err_has "attune: error: there is nothing to undo in programme 1" "nothing to undo wording"

# --- undo --list and undo ID ------------------------------------------------------------
at 2026-11-02T21:00 reflect --answers 3,3,3,3,3,3,3 --date 2026-11-02
expect_rc 0 "baseline"
at 2026-11-04T08:15 checkin catch-the-urge -n "morning"
expect_rc 0 "checkin on the 4th"
at 2026-11-04T21:30 checkin trigger-note
expect_rc 0 "checkin in the evening"
at 2026-11-04T21:31 undo --list
expect_rc 0 "undo --list"
expect_out_has "The commands that recorded something in programme 1, newest first:" "list heading"
expect_out_has "2026-11-04 21:30  trigger-note done on 2026-11-04" "newest first with its time"
expect_out_has '2026-11-04 08:15  catch-the-urge done and the note "morning" on 2026-11-04' "a checkin is one line"
expect_out_has "2026-11-02 21:00  the baseline self-check on 2026-11-02" "the self-check is listed"
first=$(printf '%s\n' "$OUT" | sed -n 2p | awk '{print $1}')
morning=$(printf '%s\n' "$OUT" | grep "08:15" | awk '{print $1}')
[ ${#morning} -eq 8 ] && pass || fail "ids are 8 hex digits (got '$morning')"
case "$first" in "$morning") fail "list order" ;; *) pass ;; esac
at 2026-11-04T21:32 undo "$morning"
expect_rc 0 "undo ID"
expect_out_has 'Withdrawn: catch-the-urge done and the note "morning" on 2026-11-04.' "undo ID says what"
at 2026-11-04T21:33 undo --list
expect_out_lacks "morning" "a withdrawn command leaves the list"
expect_out_has "trigger-note done on 2026-11-04" "the newer command stays"
at 2026-11-04T21:34 undo "$morning"
expect_rc 2 "undo of a withdrawn id"
expect_err_has "attune: error: command \"$morning\" was already withdrawn (on 2026-11-04)" "already withdrawn wording"
expect_err_lines 1 "one error line"
at 2026-11-04T21:34 undo 0000ffff
expect_rc 2 "unknown id"
expect_err_has "attune: error: no command \"0000ffff\" to undo in programme 1; see 'attune undo --list' for the ids of recent commands" "unknown id wording and hint"
at 2026-11-04T21:34 undo extra
expect_rc 2 "not an id"
expect_err_has "attune: error: \"extra\" is not a command id (4 to 16 hex digits, such as \"3f9c0a1b\")" "not an id wording"
at 2026-11-04T21:34 undo --list "$first"
expect_rc 2 "--list with an id"
expect_err_has "give either --list or a command id, not both" "both wording"
before=$(cksum <"$journal")
at 2026-11-04T21:35 undo --list
[ "$(cksum <"$journal")" = "$before" ] && pass || fail "undo --list writes nothing"

# --- reflect's hint names the undo that really withdraws that self-check ----------------
at 2026-11-05T20:00 reflect --answers 4,4,4,4,4,4,4
expect_rc 0 "week 1 self-check"
at 2026-11-05T20:10 checkin catch-the-urge
expect_rc 0 "a checkin after the self-check"
at 2026-11-05T20:20 reflect --answers 2,2,2,2,2,2,2
expect_rc 2 "a second self-check for week 1 is refused"
expect_err_has "attune: error: the self-check for week 1 is already recorded; it is taken once a programme week; to redo it, run 'attune undo " "redo hint"
hint=$(printf '%s\n' "$ERR" | sed -n "s/.*run '\(attune undo [0-9a-f]*\)' first.*/\1/p")
[ -n "$hint" ] && pass || fail "the hint names a command with an id"
# shellcheck disable=SC2086
at 2026-11-05T20:21 ${hint#attune }
expect_rc 0 "the hint's command runs"
expect_out_has "Withdrawn: the week 1 self-check on 2026-11-05." "it withdraws the self-check, not the later checkin"
at 2026-11-05T20:22 log --format json --since 2026-11-05
expect_out_has '"exercise": "catch-the-urge"' "the later checkin stays"
at 2026-11-05T20:23 reflect --answers 2,2,2,2,2,2,2
expect_rc 0 "redo after the hint"
expect_out_has "Saved the self-check for week 1." "redone"

# --- cmd= survives export and import (JSON and CSV): undo there withdraws the whole command
at 2026-11-06T20:00 checkin trigger-note catch-the-urge -n "both today"
expect_rc 0 "checkin of three"
at 2026-11-06T20:01 export -o "$T_ROOT/all.json"
expect_rc 0 "export json"
grep -q '"cmd":"' "$T_ROOT/all.json" && pass || fail "json export holds cmd"
at 2026-11-06T20:01 export --format csv -o "$T_ROOT/all.csv"
expect_rc 0 "export csv"
head -1 "$T_ROOT/all.csv" | grep -q ',hex,cmd,question,times,followup,until' && pass || fail "csv header ends in cmd,question,times,followup,until"
for fmt in json csv; do
  ATTUNE_DATA_DIR=$T_ROOT/copy-$fmt ATTUNE_NOW=2026-11-06T20:02 run import "$T_ROOT/all.$fmt"
  expect_rc 0 "import $fmt"
  ATTUNE_DATA_DIR=$T_ROOT/copy-$fmt ATTUNE_NOW=2026-11-06T20:03 run undo
  expect_rc 0 "undo after import $fmt"
  expect_out_has 'Withdrawn: trigger-note done, catch-the-urge done and the note "both today" on 2026-11-06.' "the imported command is one ($fmt)"
done
# An export from before cmd (the header ends at hex) still imports.
sed '1s/,cmd,question,times,followup,until,reason,refs\r$/\r/' "$T_ROOT/all.csv" |
  sed '2,$s/,[0-9a-f]*,[a-z]*,[0-9]*,[0-9]*,[0-9-]*,,\r$/\r/' >"$T_ROOT/old.csv"
ATTUNE_DATA_DIR=$T_ROOT/copy-old ATTUNE_NOW=2026-11-06T20:02 run import "$T_ROOT/old.csv"
expect_rc 0 "an older CSV export without cmd imports"
ATTUNE_DATA_DIR=$T_ROOT/copy-old ATTUNE_NOW=2026-11-06T20:03 run undo
expect_out_has 'Withdrawn: the note "both today" on 2026-11-06.' "without cmd, each record is a command"

# --- completion offers the ids -------------------------------------------------------------
OUT=$(printf '%s\n' undo "" | ATTUNE_NOW=2026-11-06T20:05 "$ATTUNE_BIN" complete words 2>/dev/null)
expect_out_has "both today" "undo <TAB> offers recent commands with what they recorded"
expect_out_lacks "avoidant" "undo <TAB> offers no plan ids"

finish
