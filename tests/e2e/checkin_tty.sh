#!/usr/bin/env bash
# The interactive check-in through a pseudo-terminal, as a person would use it; and the
# same command off a terminal, which must fail at once instead of waiting for input.
. "$(dirname "$0")/_lib.sh"
# A Thursday: trigger-note open, catch-the-urge (when it arises) asked after it, body-check not due.
export ATTUNE_NOW=2026-11-05T20:00


run start
expect_rc 0 "start off a terminal"

# The week's first interactive check-in first offers its three new cues: Enter keeps each.
# trigger-note: a stray answer, then skipped with a reason; catch-the-urge: "s" is no answer
# for a situation, then done; a note.
tty_run $'\n\n\nnot sure\ns\ntoo tired\ns\nd\nSpoke up at dinner.' checkin
expect_rc 0 "interactive check-in"
expect_out_has "done / skip / not yet? [d/s/Enter]" "offers the three answers"
expect_out_has "Please type d, s, or just press Enter." "a stray answer is asked again, kindly"
expect_out_has "(trigger-note), 0 of 4 this week, today and 6 more days left" "asks about the weekly one with its progress"
expect_out_has "A reason, if you like (Enter to pass):" "a skip asks for an optional reason"
expect_out_has "Catch the urge (catch-the-urge), if it came up: whenever you want to leave a conversation or go quiet" "asks about the situational exercise with its situation"
expect_out_has "done / didn't come up / not yet? [d/c/Enter]" "offers done, didn't come up, not yet for a situation"
expect_out_has "Please type d, c, or just press Enter." "a skip is no answer for a situation"
expect_out_has "A note for the day? (Enter to leave it)" "offers a note"
expect_out_has "Saved for today: catch-the-urge done, trigger-note skipped, a note." "saves what was said"
run log --format json
expect_out_has '"text": "Spoke up at dinner."' "the note was saved"
expect_out_has '"reason": "too tired"' "the skip's reason was saved"

# Friday: trigger-note skipped with Enter for no reason, body-check not yet, and "c" records
# that the situation did not come up.
ATTUNE_NOW=2026-11-06T20:00 tty_run $'s\n\n\nc\n\n' checkin
expect_rc 0 "interactive check-in, a situation that did not come up"
expect_out_has "Saved for today: trigger-note skipped, catch-the-urge did not come up." "saves the skip and the not arisen"
ATTUNE_NOW=2026-11-06T20:00 run today --format json
expect_out_has '"state": "not_arisen"' "today shows it did not come up"

tty_run $'\n' checkin --date 2026-11-05
expect_rc 0 "nothing open is asked again"
expect_out_lacks "Catch the urge (catch-the-urge)" "settled exercises are not asked again"

run checkin
expect_rc 2 "not a terminal"
expect_err_has "attune: error: nothing to record; name what you did, e.g. 'attune checkin catch-the-urge', or run it in a terminal to be asked" "not-a-terminal wording"
expect_err_lines 1 "not-a-terminal is one line"

# Off a terminal with input waiting: still no reading, no hang.
OUT=$(printf 'd\n' | timeout 10 "$ATTUNE_BIN" checkin 2>&1)
RC=$?
expect_rc 2 "piped input is not read as answers"

# The baseline self-check offered by start, answered on the terminal.
export ATTUNE_DATA_DIR="$T_ROOT/data-baseline"
tty_run $'n\n\n3\n7\n4\n2\n5\n1\n2\n3' start
expect_rc 0 "start on a terminal"
expect_out_has "Would you like to take the short self-check now (6 statements), as your starting point? [Y/n]" "baseline offered"
expect_out_has "One last question, on the same scale (not hard at all to very hard):
How hard was this week for you?" "the distress question is asked last, with its own labels"
expect_out_has "Please type a number from 1 to 5." "off-scale answer asked again"
expect_out_has "Your starting point is saved." "baseline saved"
run log --format json
expect_out_has '"week": 0' "baseline recorded as week 0"

export ATTUNE_DATA_DIR="$T_ROOT/data-skip-baseline"
tty_run $'n\nn' start
expect_out_has "No problem. You can take it any time this first week with 'attune reflect --baseline'." "baseline can be skipped"

finish
