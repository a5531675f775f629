#!/usr/bin/env bash
# The plan's reflection prompts (prompts = [...]) in the interactive check-in: asked after
# "done", answers kept in the day's note, each labelled by its question.
. "$(dirname "$0")/_lib.sh"
export ATTUNE_NOW=2026-11-05T20:00 # a Thursday: catch-the-urge due, trigger-note open


run start
expect_rc 0 "start"

# First, the week's cue offer (three new exercises): Enter keeps the plan's.
# trigger-note: done, then its four prompts (one left blank); catch-the-urge (when it
# arises, asked after what is open): not yet; a note.
tty_run $'\n\n\nd\nWent quiet when M. asked about work\nScared\n\nStayed and said I was tired\n\nLong day.' checkin
expect_rc 0 "interactive check-in with prompts"
expect_out_has "A few words for each, if you like (Enter to pass):" "the prompts are introduced"
expect_out_has "  What happened?" "asks the first prompt"
expect_out_has "  How strong was the urge, 0 to 10?" "asks the scale prompt"
expect_out_has "Saved for today: trigger-note done, a note." "saves the exercise and a note"
run log --format json
expect_out_has '"text": "Write down the trigger: What happened? Went quiet when M. asked about work / What did I feel? Scared / What did I do? Stayed and said I was tired / Long day."' "answers are labelled in the note"

finish
