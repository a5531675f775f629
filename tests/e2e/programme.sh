#!/usr/bin/env bash
# A whole six-week programme, driven day by day through the real binary: start, check-ins,
# skips, undo, backdating, self-checks and the end. Start Thu 2026-11-05, last day Wed 12-16.
. "$(dirname "$0")/_lib.sh"

at() { export ATTUNE_NOW="$1"; }

at 2026-11-05T09:00
run today
expect_rc 0 "today before any programme"
expect_out_has "No programme is running yet." "today says nothing is running"
expect_out_has "'attune start'" "today says how to start"

run checkin catch-the-urge
expect_rc 2 "checkin with no programme"
expect_err_has "attune: error: no programme is running; start one with 'attune start'" "no programme wording"
expect_err_lines 1 "no programme is one line"
[ ! -e "$ATTUNE_DATA_DIR/journal" ] && pass || fail "nothing written without a programme"

run start
expect_rc 0 "start"
expect_out_has "Programme 1 started: " "start names the run"
expect_out_has "6 weeks from 2026-11-05 to 2026-12-16; today is Week 1 · Day 1 of 42." "start gives the span"
expect_out_has "'attune reflect --baseline'" "start says how to take the baseline off a terminal"
[ "$(stat -c %a "$ATTUNE_DATA_DIR/journal")" = 600 ] && pass || fail "journal is 0600"

run start
expect_rc 2 "second start refused"
expect_err_has "attune: error: programme 1 is still running (Week 1 · Day 1 of 42); to end it and begin again, use 'attune start --restart' (your history is kept)" "second start wording"
expect_err_lines 1 "second start is one line"

run reflect --answers 2,2,4,1
expect_rc 2 "too few answers"
expect_err_has "attune: error: got 4 answers for 6 statements and the question \"How hard was this week for you?\"" "too few answers wording"
run reflect --answers 2,2,9,1,4
expect_rc 2 "answer off the scale"
expect_err_has 'attune: error: answer 3 "9" is not on the scale 1 to 5' "off-scale wording"
expect_err_lines 1 "off-scale is one line"
run reflect
expect_rc 2 "reflect off a terminal without answers"
expect_err_has "attune: error: not a terminal, so I cannot ask; give the answers with --answers, e.g. --answers 1,1,1,1,1,1,1" "reflect not-a-terminal wording"
[ "$(grep -c $'\tcheck\t' "$ATTUNE_DATA_DIR/journal")" -eq 0 ] && pass || fail "bad answers write nothing"
run reflect --answers 2,2,4,1,4,2,2
expect_rc 0 "baseline self-check"
expect_out_has "Saved the self-check for your starting point (baseline)." "baseline saved"
run log --format json
expect_out_has '"week": 0' "the first self-check is week 0"

run today
expect_rc 0 "today on day 1"
expect_out_has "Week 1 · Day 1 of 42  Today, Thursday" "position line"
expect_out_has "This week: Notice the urge to pull away" "theme"
expect_out_has "If it comes up:" "the situational exercise is listed apart"
expect_out_lacks "[open]    Catch the urge" "a situational exercise is never open"
expect_out_has "(trigger-note): 0 of 4 this week, today and 6 more days left" "N-a-week progress"
expect_out_lacks "body-check" "body-check is not due on a Thursday"

run today --format json
expect_rc 0 "today json"
expect_out_has '"date": "2026-11-05"' "json date"
expect_out_has '"week": 1' "json week"
expect_out_has '"day": 1' "json day"
expect_out_has '"theme": "Notice the urge to pull away"' "json theme"
expect_out_has '"id": "catch-the-urge"' "json exercise id"
expect_out_has '"state": "open"' "json state"
expect_out_has '"state": "if_it_comes_up"' "json: a situation is never open"
expect_out_lacks '"due_today": true' "json: nothing is due on a Thursday of week 1"
expect_out_has '"week_target": 4' "json week_target"

run checkin catch trig
expect_rc 0 "checkin by prefix"
expect_out_has "Saved for today: catch-the-urge done, trigger-note done." "checkin feedback names what was saved"
expect_out_has "a streak of 1 day" "streak after day 1"

run checkin catch-the-urge
expect_rc 0 "same check-in again"
expect_out_has "Already recorded for 2026-11-05: catch-the-urge (done)." "already recorded"
[ "$(grep -c $'\tdone\t' "$ATTUNE_DATA_DIR/journal")" -eq 2 ] && pass || fail "repeat not written twice"

run checkin feeling-word
expect_rc 2 "exercise from a later week"
expect_err_has 'attune: error: "feeling-word" is not part of week 1'"'"'s plan; this week: catch-the-urge, trigger-note, body-check' "later week wording"
run checkin catch-the-urg3
expect_rc 2 "unknown exercise"
expect_err_has 'did you mean "catch-the-urge"?' "did-you-mean"
expect_err_lines 1 "unknown exercise is one line"
run checkin xyz
expect_rc 2 "unknown exercise far from any"
expect_err_has 'attune: error: no exercise "xyz" in this week; this week: catch-the-urge, trigger-note, body-check' "candidates listed"
run checkin
expect_rc 2 "nothing named off a terminal"
expect_err_has "attune: error: nothing to record; name what you did" "not-a-terminal wording"
run checkin catch --date 2026-11-06
expect_rc 2 "future date"
expect_err_has 'attune: error: 2026-11-06 is in the future; today is 2026-11-05' "future wording"
run checkin catch --date 2026-11-04
expect_rc 2 "before the start"
expect_err_has 'attune: error: 2026-11-04 is before the programme started; it started on 2026-11-05' "before start wording"
run checkin catch --date someday
expect_rc 2 "bad date"
expect_err_has 'attune: error: "someday" is not a date I can read' "bad date wording"

# Day 2 (Fri): done and skip; Day 3 (Sat) missed; Day 4 backdated from day 5.
at 2026-11-06T21:00
run checkin catch --skip body-check --reason "a long day at work" --note "felt tired"
expect_rc 0 "done, skip with reason and note"
expect_out_has "Saved for today: catch-the-urge done, body-check skipped, a note." "mixed feedback"
expect_out_has "The one for today is taken care of" "skips count as taken care of"
expect_out_has "a streak of 2 days" "streak on day 2"

at 2026-11-09T08:00
run checkin catch --date yesterday
expect_rc 0 "backdating to yesterday"
expect_out_has "Saved for 2026-11-08: catch-the-urge done." "backdated feedback"
run checkin catch body
expect_rc 0 "Monday check-in"
expect_out_has "a streak of" "streak after a forgiven miss"

run undo
expect_rc 0 "undo"
expect_out_has "Withdrawn: catch-the-urge done and body-check done on 2026-11-09." "undo names everything the check-in wrote"
run today --format json
expect_out_has '"state": "open"' "body-check open again after undo"
run checkin catch body
expect_rc 0 "record it again after undo"

run log --week 1
expect_rc 0 "log week 1"
expect_out_has "2026-11-06  W1 D2  21:00  skipped  body-check: a long day at work" "log shows the skip and reason"
expect_out_has "note     felt tired" "log shows notes"
expect_out_has "self-check (baseline) 2,2,4,1,4,2,2" "log shows the baseline"
run log --format json
expect_rc 0 "log json"
expect_out_has '"type": "skip"' "log json type"
expect_out_has '"reason": "a long day at work"' "log json reason"
expect_out_has '"text": "felt tired"' "log json note (export's name, text)"
expect_out_has '"exercise": "body-check"' "log json exercise"
run log --week 9
expect_rc 2 "log week out of range"
expect_err_has "attune: error: --week 9 is not a week of the programme; use 1 to 6" "log week wording"

# Weeks 2 to 6: a check-in most days and a self-check each week.
day=2026-11-12
ex=(feeling-word say-one-feeling catch-the-urge ask-small-help stay-five-minutes)
for week in 2 3 4 5 6; do
  at "${day}T20:00"
  # Day 1 of each week: --week names this week (without it, the week that just ended).
  run reflect --week "$week" --answers 3,3,3,3,3,3,3
  if [ "$RC" -eq 0 ]; then pass; else fail "self-check week $week"; fi
  expect_out_has "Saved the self-check for week $week." "self-check week $week saved"
  run checkin "${ex[$((week - 2))]}"
  if [ "$RC" -eq 0 ]; then pass; else fail "check-in in week $week"; fi
  run today --format json
  expect_out_has "\"week\": $week" "today is week $week"
  day=$(date -u -d "$day + 7 days" +%F)
done

at 2026-12-16T22:00
run today
expect_out_has "Week 6 · Day 42 of 42" "last day"
run reflect --answers 4,4,2,4,2,2,2
expect_rc 2 "week 6 self-check already taken"
expect_err_has "the self-check for week 6 is already recorded" "once per week wording"

at 2026-12-17T09:00
run today
expect_rc 0 "after the end"
expect_out_has "ran from 2026-11-05 to 2026-12-16. What you practised is yours to keep." "today after the end"
run checkin catch
expect_rc 2 "check-in after the end"
expect_err_has "attune: error: the programme ended on 2026-12-16, and no exercise is kept after it" "after-end wording"
run checkin stay --date 2026-12-16
expect_rc 0 "backdating into the last day is still allowed"
expect_out_has "Saved for 2026-12-16: stay-five-minutes done." "backdated into the last day"

run start
expect_rc 0 "a new programme after the end needs no --restart"
expect_out_has "Programme 2 started" "runs are numbered"
run start --restart
expect_rc 0 "restart"
expect_out_has "Programme 3 started" "restart numbers the next run"
[ "$(grep -c $'\tend\t' "$ATTUNE_DATA_DIR/journal")" -eq 1 ] && pass || fail "restart appends one end record"
run log --run 1 --week 1
expect_rc 0 "an earlier run's log"
expect_out_has "felt tired" "earlier run kept"

finish
