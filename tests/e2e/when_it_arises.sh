#!/usr/bin/env bash
# Issue 16 §2: exercises for situations that may not arise (schedule = "when-it-arises").
# The shipped avoidant plan, week 1 from Monday 2026-11-02: catch-the-urge (when it arises),
# trigger-note (4 a week), body-check (Mon, Wed, Fri). catch-the-urge is done on Monday and
# Thursday, did not come up on Tuesday and Friday, and is silent on Wednesday and Saturday.
# It is never open, never nagged about, never breaks the streak, and is reported as a count.
. "$(dirname "$0")/_lib.sh"
export TZ=Europe/Berlin

CATCH='[e for e in d["exercises"] if e["id"]=="catch-the-urge"][0]'
expect_field() { # JSON EXPR WANT DESCRIPTION
  local got
  got=$(field "$1" "$2")
  if [ "$got" = "$3" ]; then pass; else fail "$4: $2 is '$got', expected '$3'"; fi
}

at 2026-11-02T19:00 start
expect_rc 0 "start on Monday 2026-11-02"

# Monday: nothing recorded yet. The situational one is listed, never open or due.
at 2026-11-02T19:00 today --format json
expect_rc 0 "today as JSON"
expect_field "$OUT" "$CATCH[\"state\"]" "if_it_comes_up" "a silent situational exercise is not open"
expect_field "$OUT" "$CATCH[\"due_today\"]" "False" "never due"
expect_field "$OUT" "$CATCH[\"situational\"]" "True" "marked situational"
at 2026-11-02T19:00 today
expect_out_has "If it comes up:" "today lists it apart"
expect_out_has "When: whenever you want to leave a conversation or go quiet" "with its situation"
expect_out_has "'attune checkin --not-arisen ID' notes that it did not come up" "says how to note it"
expect_out_lacks "[open]    Catch the urge" "never shown as open"
at 2026-11-02T19:00 remind --format json
expect_out_lacks "catch-the-urge" "remind never nags about a situation"

at 2026-11-02T19:00 checkin body-check catch-the-urge
expect_rc 0 "Monday: both done"

# Tuesday: it did not come up; trigger-note done.
at 2026-11-03T19:00 checkin --not-arisen catch-the-urge
expect_rc 0 "Tuesday: --not-arisen"
expect_out_has "Saved for today: catch-the-urge did not come up." "says what was saved"
at 2026-11-03T19:00 today --format json
expect_field "$OUT" "$CATCH[\"state\"]" "not_arisen" "today shows not_arisen"
at 2026-11-03T19:00 today
expect_out_has "[no need] Catch the urge (catch-the-urge)" "today marks it kindly"
at 2026-11-03T19:00 checkin --not-arisen catch
expect_rc 0 "twice is not counted twice"
expect_out_has "Already recorded for 2026-11-03: catch-the-urge (did not come up)." "already recorded"
at 2026-11-03T19:00 checkin trigger-note
expect_rc 0 "Tuesday: trigger-note"

# Refusals: a scheduled exercise, and the same exercise both ways; nothing is written.
at 2026-11-03T19:00 checkin --not-arisen body-check
expect_rc 2 "a scheduled exercise cannot be 'not arisen'"
expect_err_has "attune: error: body-check is not a when-it-arises exercise; --not-arisen is for an exercise tied to a situation; to say it was not done, use --skip body-check" "refusal wording"
expect_err_lines 1 "the refusal is one line"
at 2026-11-04T19:00 checkin catch-the-urge --not-arisen catch-the-urge
expect_rc 2 "done and not arisen at once"
expect_err_has "attune: error: \"catch-the-urge\" is named as both done and not arisen; choose one" "both ways"

# Wednesday: body-check only; catch-the-urge silent. Undo withdraws a not_arisen.
at 2026-11-04T19:00 checkin body-check
expect_rc 0 "Wednesday: body-check"
at 2026-11-04T19:05 checkin --not-arisen catch-the-urge
expect_rc 0 "Wednesday: --not-arisen (to be undone)"
at 2026-11-04T19:06 undo
expect_rc 0 "undo withdraws it"
expect_out_has "catch-the-urge did not come up" "undo names it"
at 2026-11-04T19:07 today --format json
expect_field "$OUT" "$CATCH[\"state\"]" "if_it_comes_up" "withdrawn: silent again"

# Thursday: done, with trigger-note. Friday: body-check, and it did not come up.
at 2026-11-05T19:00 checkin catch-the-urge trigger-note
expect_rc 0 "Thursday"
at 2026-11-06T19:00 checkin body-check --not-arisen catch-the-urge
expect_rc 0 "Friday"
expect_out_has "Saved for today: body-check done, catch-the-urge did not come up." "both in one line"

# Saturday (silent): the streak counts Monday to Friday; nothing situational is open.
at 2026-11-07T19:00 streak
expect_rc 0 "streak"
expect_out_has "Current streak: 5 days." "silent and not-arisen days never break the streak"
at 2026-11-07T19:00 remind --exit-code
expect_rc 10 "trigger-note is still open this week"
expect_out_lacks "catch-the-urge" "but never the situation"
at 2026-11-07T19:00 checkin --all
expect_rc 0 "--all records what is open"
expect_out_lacks "catch-the-urge" "--all never records a situation as done"

at 2026-11-07T19:00 report --format json
expect_rc 0 "report as JSON"
expect_field "$OUT" "$CATCH[\"practised_days\"]" "2" "practised on Monday and Thursday"
expect_field "$OUT" "$CATCH[\"not_arisen_days\"]" "2" "did not come up on Tuesday and Friday"
expect_field "$OUT" "$CATCH[\"planned\"]" "0" "nothing planned"
expect_field "$OUT" "$CATCH[\"done\"]" "0" "nothing counted as done toward a plan"
expect_field "$OUT" "$CATCH[\"days_done\"]" "2" "days done kept"
expect_field "$OUT" "$CATCH[\"situational\"]" "True" "marked situational"
expect_field "$OUT" '[e for e in d["exercises"] if e["id"]=="body-check"][0]["practised_days"]' "None" "null for a scheduled exercise"
expect_field "$OUT" 'd["adherence"]["done"] == d["adherence"]["planned"]' "True" "the scheduled ones all kept: nothing situational owed"
expect_field "$OUT" 'd["streak"]["current"]' "6" "Saturday kept too, by trigger-note"
at 2026-11-07T19:00 report
expect_rc 0 "report as text"
expect_out_has "practised on 2 days when it came up" "text: a count, not a ratio"
at 2026-11-07T19:00 report --format markdown
expect_out_has "practised on 2 days when it came up" "Markdown: a count"
at 2026-11-07T19:00 report --format html
expect_out_has "practised on 2 days when it came up" "HTML: a count"

# The journal and export carry the record type.
at 2026-11-07T19:00 log --format json
expect_out_has '"type": "not_arisen"' "log shows the record"
at 2026-11-07T19:00 export --format csv
expect_out_has ",not_arisen,2026-11-03," "CSV export carries it"

finish
