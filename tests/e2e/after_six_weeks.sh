#!/usr/bin/env bash
# Issue 16, section 5: what comes after six weeks. A programme lived to its end (start Mon
# 2026-11-02, last day Sun 2026-12-13); the review by options and by an answers file; two
# exercises kept for four maintenance weeks (7 days from the keep day, Wed 2026-12-16) with
# today/checkin/remind/streak/report; keep --stop; the follow-ups due 4 weeks (Sun
# 2027-01-10) and 12 weeks (Sun 2027-03-07) after the end; end --reason; start --restart.
. "$(dirname "$0")/_lib.sh"
export TZ=Europe/Berlin

answers=3,3,3,3,3,3,3

at 2026-11-02T09:00 start
expect_rc 0 "start"
at 2026-11-02T20:00 reflect --baseline --answers 2,2,2,2,2,2,2
expect_rc 0 "baseline"
for day in 2026-11-02 2026-11-03 2026-11-10 2026-12-01; do
  at "${day}T20:00" checkin catch-the-urge --date "$day"
done

# ---- Before the end: review and keep say when; nothing fails without a way on. --------------
at 2026-12-12T20:00 review --helped "naming it"
expect_rc 2 "review before the last day"
expect_err_has "attune: error: the review looks back on a whole programme, and yours runs until 2026-12-13" "review says when"
expect_err_has "'attune end' ends the programme first" "review hint names end"
at 2026-12-12T20:00 keep catch-the-urge
expect_rc 2 "keep before the end"
expect_err_has "your programme runs until 2026-12-13" "keep says when"
at 2026-12-12T20:00 today --format json
expect_json "d['review_offered']" False "no review offer before the last day"

# The last day: today offers the review, in text and JSON.
at 2026-12-13T09:00 today
expect_rc 0 "today on the last day"
expect_out_has "This is the last day of your programme." "last day named"
expect_out_has "'attune review' asks three short questions" "review offered on the last day"
at 2026-12-13T09:00 today --format json
expect_json "d['phase']" active "the last day is still active"
expect_json "d['review_offered']" True "review_offered on the last day"
expect_json "d['maintenance']" None "no maintenance yet"

# ---- After the end ---------------------------------------------------------------------------
at 2026-12-14T09:00 today
expect_rc 0 "today after the end"
expect_out_has "ran from 2026-11-02 to 2026-12-13. What you practised is yours to keep." "a beginning, not a verdict"
expect_out_has "'attune review' asks three short questions" "review offered after the end"
expect_out_has "'attune keep EXERCISE...'" "keep offered"
expect_out_lacks "fail" "no verdict"
at 2026-12-14T09:00 today --format json
expect_json "d['phase']" finished "phase finished"
expect_json "d['review_offered']" True "review_offered after the end"
expect_json "d['followup_due']" None "no follow-up yet"
at 2026-12-14T09:00 checkin catch-the-urge
expect_rc 2 "checkin after the end with nothing kept"
expect_err_has "attune: error: the programme ended on 2026-12-13, and no exercise is kept after it" "checkin says why"
expect_err_has "'attune keep EXERCISE...' carries up to three on" "checkin says what to do instead"
at 2026-12-14T09:00 checkin --note "six weeks done"
expect_rc 0 "a note after the end is fine"
at 2026-12-14T09:00 remind --exit-code
expect_rc 11 "remind idle after the end with nothing kept"
expect_out_empty "remind silent"

# Review by options, off a terminal.
at 2026-12-14T10:00 review
expect_rc 2 "review off a terminal with nothing given"
expect_err_has "--helped TEXT --signs TEXT --keep TEXT" "review hint off a terminal"
at 2026-12-14T10:00 review --helped "naming the urge out loud" --signs "I stop replying" --keep "Sunday check-ins"
expect_rc 0 "review by options"
expect_out_has "Saved your review (3 answers)." "review saved"
at 2026-12-14T10:01 report --format json
expect_json "d['review']['helped']" "naming the urge out loud" "report JSON review.helped"
expect_json "d['review']['signs']" "I stop replying" "report JSON review.signs"
expect_json "d['review']['date']" 2026-12-14 "report JSON review.date"
at 2026-12-14T10:01 today --format json
expect_json "d['review_offered']" False "no offer once reviewed"
# undo withdraws the review command as a whole.
at 2026-12-14T10:02 undo
expect_rc 0 "undo the review"
at 2026-12-14T10:03 report --format json
expect_json "d['review']" None "review withdrawn"

# Review by answers file: a mistake is reported with its place, nothing saved.
printf 'helped: naming it\nhoped: typo\n' >"$T_ROOT/bad.txt"
at 2026-12-14T10:04 review --answers-file "$T_ROOT/bad.txt"
expect_rc 2 "a bad answers file"
expect_err_has "attune: error: $T_ROOT/bad.txt:2:1: \"hoped\" is not one of the questions" "the place and the key"
cat >"$T_ROOT/review.txt" <<'EOF'
# my review
helped: naming the urge
  out loud, to myself
signs: I stop replying for days
keep: the Sunday check-in
EOF
at 2026-12-14T10:05 review --answers-file "$T_ROOT/review.txt"
expect_rc 0 "review by answers file"
at 2026-12-14T10:06 report --format json
expect_json "d['review']['helped']" "naming the urge
out loud, to myself" "a continuation line joins the answer"
expect_json "d['review']['keep']" "the Sunday check-in" "keep answer"
at 2026-12-14T10:06 report --format markdown
expect_out_has "## Your review" "Markdown review section"
expect_out_has "**Early signs of pulling away:** I stop replying for days" "Markdown review answer"
at 2026-12-14T10:06 report --format html
expect_out_has '<section id="review"><h2>Your review</h2>' "HTML review section"
at 2026-12-14T10:06 report
expect_out_has "Your review" "text review heading"
expect_out_has "What I will keep doing: the Sunday check-in" "text review answer"

# ---- Keep two exercises for four maintenance weeks -------------------------------------------
at 2026-12-16T09:00 keep catch-the-urge trigger-note body-check feeling-word
expect_rc 2 "four exercises are too many"
expect_err_has "choose up to three" "the limit says what to do"
at 2026-12-16T09:00 keep catch-the-urge trigger-note --times-per-week 2
expect_rc 0 "keep two"
expect_out_has "Keeping catch-the-urge and trigger-note, 2 times a week each" "keep confirms"
at 2026-12-16T09:01 today
expect_out_has "Your kept practice, week 1 (since 2026-12-16)" "today shows the kept practice"
expect_out_has "0 of 2 this week" "today shows the weekly count"
at 2026-12-16T09:01 today --format json
expect_json "d['maintenance']['week']" 1 "maintenance week 1"
expect_json "len(d['maintenance']['exercises'])" 2 "two kept"
expect_json "d['maintenance']['exercises'][1]['id']" trigger-note "kept ids"
at 2026-12-16T09:02 remind --exit-code
expect_rc 10 "remind: kept exercises open"
expect_out_has "attune: 2 practices open today: catch-the-urge, trigger-note" "remind names them"
at 2026-12-16T09:02 checkin body-check
expect_rc 2 "an exercise not kept"
expect_err_has "no exercise \"body-check\" in your kept practice" "names the kept practice"

# Completion: after the end, checkin offers the kept exercises; keep offers the plan's.
OUT=$(printf 'checkin\n\n' | ATTUNE_NOW=2026-12-16T09:03 "$ATTUNE_BIN" complete words 2>/dev/null)
RC=$? ERR=""
expect_out_has "trigger-note" "checkin completes a kept exercise"
expect_out_lacks "body-check" "checkin does not offer what is not kept"
OUT=$(printf 'keep\n\n' | ATTUNE_NOW=2026-12-16T09:03 "$ATTUNE_BIN" complete words 2>/dev/null)
expect_out_has "body-check" "keep completes the programme's exercises"
at 2026-12-16T09:03 help keep
expect_out_has "--times-per-week" "keep --help"

ci() { at "$1T20:00" checkin "$2" --date "$1"; [ "$RC" -eq 0 ] || fail "checkin $2 on $1"; }
# Week 1 (Wed 12-16 .. Tue 12-22): both met.
ci 2026-12-16 catch-the-urge
expect_out_has "So far: catch-the-urge 1 of 2 this week" "checkin reports the maintenance week"
ci 2026-12-16 trigger-note
ci 2026-12-17 catch-the-urge
ci 2026-12-19 trigger-note
at 2026-12-19T20:01 remind --exit-code
expect_rc 0 "remind clear once the week is met"
# Week 2 (12-23 .. 12-29): both met. Week 3 (12-30 .. 01-05): trigger-note once only.
ci 2026-12-23 catch-the-urge
ci 2026-12-24 catch-the-urge
ci 2026-12-25 trigger-note
ci 2026-12-26 trigger-note
ci 2026-12-30 catch-the-urge
ci 2027-01-01 catch-the-urge
ci 2027-01-02 trigger-note
# Week 4 (01-06 .. 01-12): both met by Sat 01-09.
ci 2027-01-06 catch-the-urge
ci 2027-01-07 trigger-note
ci 2027-01-08 catch-the-urge
ci 2027-01-09 trigger-note
at 2027-01-09T21:00 streak
expect_rc 0 "streak during maintenance"
expect_out_has "Your kept practice: current streak 1 week, longest 2 weeks." "maintenance streak in weeks"
at 2027-01-09T21:00 remind --exit-code --format json
expect_rc 0 "nothing open, no follow-up yet"
expect_json "d['maintenance']" True "remind JSON maintenance"
expect_json "d['followup_due']" None "no follow-up before 4 weeks"
at 2027-01-09T21:00 report --format json
expect_json "d['maintenance']['since']" 2026-12-16 "report maintenance since"
expect_json "[w['kept'] for w in d['maintenance']['weeks']]" "[True, True, False, True]" "weeks kept"
expect_json "d['maintenance']['streak']" "{'current': 1, 'longest': 2}" "report maintenance streak"
expect_json "d['maintenance']['weeks'][2]['exercises'][1]['missed']" 1 "week 3 missed one"
at 2027-01-09T21:00 report
expect_out_has "Your kept practice" "text maintenance section"
expect_out_has "Weeks where each one reached its times: 2 of 3" "text weeks kept"

# ---- Follow-up 4 weeks after the end ---------------------------------------------------------
at 2027-01-10T09:00 remind --exit-code
expect_rc 10 "remind: the 4-week follow-up is due"
expect_out_has "attune: the 4-week follow-up self-check is due ('attune reflect')" "remind mentions the follow-up"
at 2027-01-10T09:00 today --format json
expect_json "d['followup_due']" 4 "today JSON followup_due"
at 2027-01-10T09:01 reflect --answers 4,4,4,4,4,4,2
expect_rc 0 "reflect records the follow-up"
expect_out_has "Saved the 4-week follow-up." "the follow-up is named"
at 2027-01-10T09:02 log --format json --since 2027-01-10
expect_out_has '"followup": 4' "the journal holds followup=4"
at 2027-01-10T09:03 remind --exit-code
expect_rc 0 "the follow-up is taken and the kept week is met"
expect_out_empty "remind silent again"
at 2027-01-11T09:00 reflect --answers 4,4,4,4,4,4,2
expect_rc 2 "no self-check between follow-ups"
expect_err_has "the next self-check is the follow-up on 2027-03-07" "says when the next one is due"

# keep --stop: the kept practice ends; remind is idle again.
at 2027-01-13T09:00 keep --stop
expect_rc 0 "keep --stop"
expect_out_has "Your kept practice has stopped" "stop confirms"
at 2027-01-13T09:01 keep --stop
expect_rc 2 "nothing to stop"
at 2027-01-13T09:01 remind --exit-code
expect_rc 11 "remind idle after stopping"
at 2027-01-13T09:01 today --format json
expect_json "d['maintenance']" None "no maintenance after stop"

# ---- Follow-up 12 weeks after the end --------------------------------------------------------
at 2027-03-06T09:00 remind --exit-code
expect_rc 11 "nothing due the day before"
at 2027-03-07T09:00 remind --exit-code --format json
expect_rc 10 "the 12-week follow-up is due"
expect_json "d['followup_due']" 12 "remind JSON followup_due 12"
expect_json "d['text']" "attune: the 12-week follow-up self-check is due ('attune reflect')" "remind text"
at 2027-03-07T09:01 reflect --answers 5,5,5,5,5,5,1
expect_rc 0 "reflect records the 12-week follow-up"
expect_out_has "Saved the 12-week follow-up." "12-week named"
at 2027-03-07T09:02 report --format json
expect_json "[f['followup'] for f in d['self_check']['followups']]" "[4, 12]" "report JSON follow-ups"
expect_json "d['self_check']['followups'][0]['date']" 2027-01-10 "follow-up date"
expect_json "d['self_check']['latest_week']" 0 "follow-ups stay out of the programme trend"
expect_json "d['maintenance']['active']" False "maintenance stopped"
expect_json "d['maintenance']['stopped']" 2027-01-13 "stop day"
expect_json "d['followup_due']" None "nothing due any more"
at 2027-03-07T09:02 report
expect_out_has "Follow-up, 4 weeks after the end (" "text follow-up on the trend"
at 2027-03-07T09:02 report --format markdown
expect_out_has "Follow-up self-checks:" "Markdown follow-ups"
at 2027-03-07T09:02 report --format html
expect_out_has '<ul id="followups">' "HTML follow-ups"

# Export and import carry the new records; forget erases the review's words.
at 2027-03-07T09:03 export --format csv -o "$T_ROOT/all.csv"
expect_rc 0 "export csv"
at 2027-03-07T09:03 export -o "$T_ROOT/all.json"
expect_rc 0 "export json"
ATTUNE_DATA_DIR="$T_ROOT/copy" at 2027-03-07T09:04 import "$T_ROOT/all.csv"
expect_rc 0 "import csv"
ATTUNE_DATA_DIR="$T_ROOT/copy2" at 2027-03-07T09:04 import "$T_ROOT/all.json"
expect_rc 0 "import json"
for dir in copy copy2; do
  ATTUNE_DATA_DIR="$T_ROOT/$dir" at 2027-03-07T09:05 report --format json
  expect_json "d['review']['signs']" "I stop replying for days" "$dir: review imported"
  expect_json "len(d['self_check']['followups'])" 2 "$dir: follow-ups imported"
  expect_json "d['maintenance']['stopped']" 2027-01-13 "$dir: keep and keep_stop imported"
done
at 2027-03-07T09:06 forget --all-notes --yes
expect_rc 0 "forget"
at 2027-03-07T09:07 report --format json
expect_json "d['review']['helped']" "" "forget erased the review's words"
if grep -rq "Sunday check-in" "$ATTUNE_DATA_DIR"; then fail "review text left in the journal"; else pass; fi

# ---- attune end --reason, in a programme of its own ------------------------------------------
export ATTUNE_DATA_DIR="$T_ROOT/ended"
at 2026-11-02T09:00 start
at 2026-11-20T09:00 end --reason "too much right now"
expect_rc 0 "end"
expect_out_has "Programme 1 (" "end names the programme"
expect_out_has "2026-11-02 to 2026-11-20) has ended. Stopping is a choice you are free to make" "end is kind"
at 2026-11-20T09:01 log --format json
expect_out_has '"reason": "too much right now"' "the reason is in the end record"
at 2026-11-20T09:02 end
expect_rc 2 "ending twice"
expect_err_has "programme 1 has already ended" "says it has ended"
at 2026-11-21T09:00 today
expect_rc 0 "today after end"
expect_out_has "ended on 2026-11-20" "today says when it ended"
at 2026-11-21T09:00 today --format json
expect_json "d['phase']" finished "phase after end"
at 2026-11-21T09:01 keep catch-the-urge
expect_rc 0 "keep after an early end"
# On a terminal: checkin asks about the kept exercise, review asks its three questions.
export ATTUNE_NOW=2026-11-21T09:02
tty_run $'d' checkin
expect_rc 0 "interactive checkin of the kept practice"
expect_out_has "Your kept practice. For each one: d = done, s = skip, Enter = not yet." "asks about the kept practice"
expect_out_has "Saved for today: catch-the-urge done." "saves the kept exercise"
unset ATTUNE_NOW
at 2026-11-21T09:03 undo
expect_rc 0 "undo after the end"
expect_out_has "catch-the-urge done" "undo names what it withdrew"
export ATTUNE_NOW=2026-11-21T09:04
tty_run $'being honest with myself\n\nbeing kind to myself' review
unset ATTUNE_NOW
expect_rc 0 "interactive review after an early end"
expect_out_has "What are the early signs that you are pulling away again?" "asks the second question"
expect_out_has "Saved your review (2 answers)." "Enter leaves one out"
at 2026-11-21T09:05 report --format json
expect_json "d['review']['signs']" None "the skipped question is null"
expect_json "d['review']['keep']" "being kind to myself" "the third answer"
# The follow-up counts from the end day: 2026-11-20 + 28 days.
at 2026-12-18T09:00 remind --exit-code
expect_rc 10 "follow-up 4 weeks after the early end"
at 2026-11-21T09:06 start
expect_rc 0 "a new programme after an end"
expect_out_lacks "Ended programme" "nothing running, nothing ended"

# ---- start --restart says which programme it ended -------------------------------------------
export ATTUNE_DATA_DIR="$T_ROOT/restart"
at 2026-11-02T09:00 start
at 2026-11-05T09:00 start --restart
expect_rc 0 "restart"
expect_out_has "Ended programme 1 (" "restart names the programme"
expect_out_has "2026-11-02 to 2026-11-05); it stays in your history ('attune report --run 1')." "restart names the dates"
expect_out_has "Programme 2 started" "and starts the next"

finish
