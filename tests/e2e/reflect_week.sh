#!/usr/bin/env bash
# Issue 18, item 4: `reflect` on the first two days of week N+1 with week N unanswered asks on
# a terminal which week is meant; off a terminal it counts for the week that just ended
# (the statements ask about the past week) and says so, and --week N chooses. The
# confirmation always names the week it saved. Start Mon 2026-11-02: Mon 11-09 and
# Tue 11-10 are days 1 and 2 of week 2.
. "$(dirname "$0")/_lib.sh"
export TZ=America/Los_Angeles


at 2026-11-02T09:00 start
expect_rc 0 "start"
at 2026-11-02T20:00 reflect --answers 3,3,3,3,3,3,3
expect_rc 0 "baseline"
expect_out_has "Saved the self-check for your starting point (baseline)." "baseline saved"

# Off a terminal, Monday of week 2, week 1 unanswered: week 1, and it says so.
at 2026-11-09T20:00 reflect --answers 4,4,4,4,4,4,4
expect_rc 0 "reflect on Monday of week 2"
expect_out_has "It counts for week 1, the week that just ended; to count it for this week instead, run 'attune undo' and then 'attune reflect --week 2'." "says which week and how to choose the other"
expect_out_has "Saved the self-check for week 1." "saved for the week that just ended"
at 2026-11-09T20:01 log --format json --since 2026-11-09
expect_out_has '"week": 1' "the journal holds week 1"
at 2026-11-09T20:02 undo
expect_rc 0 "undo"

# --week chooses, off a terminal.
at 2026-11-09T20:03 reflect --week 2 --answers 4,4,4,4,4,4,4
expect_rc 0 "reflect --week 2"
expect_out_has "Saved the self-check for week 2." "saved for this week"
expect_out_lacks "It counts for" "no note when the week was chosen"
at 2026-11-09T20:04 undo
at 2026-11-09T20:05 reflect --week 3 --answers 4,4,4,4,4,4,4
expect_rc 2 "a week not yet begun"
expect_err_has "attune: error: week 3 has not begun yet (2026-11-09 is in week 2); a self-check counts for its own week or an earlier one" "future week wording"

# On a terminal it asks; Enter means the week that just ended, "2" this week.
export ATTUNE_NOW=2026-11-10T20:00
tty_run $'2\n5\n5\n5\n5\n5\n5\n5' reflect
unset ATTUNE_NOW
expect_rc 0 "reflect on a terminal, Tuesday of week 2"
case "$OUT" in *"Is this one for the week that just ended (week 1), or this one (week 2)?"*) pass ;; *) fail "asks which week" ;; esac
case "$OUT" in *"Saved the self-check for week 2."*) pass ;; *) fail "the chosen week is saved" ;; esac
at 2026-11-10T20:01 log --format json --since 2026-11-10
expect_out_has '"week": 2' "week 2 recorded from the terminal"

# Week 2 is answered now: Tuesday still offers only week 1, without asking.
at 2026-11-10T20:02 reflect --answers 2,2,2,2,2,2,2
expect_rc 0 "week 1 late"
expect_out_has "Saved the self-check for week 1." "the only week left"
expect_out_lacks "It counts for" "nothing to choose"

# Wednesday of week 3 (day 3): this week, no question.
at 2026-11-18T20:00 reflect --answers 3,3,3,3,3,3,3
expect_rc 0 "Wednesday of week 3"
expect_out_has "Saved the self-check for week 3." "day 3 counts for its own week"

finish
