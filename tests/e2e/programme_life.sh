#!/usr/bin/env bash
# A whole programme lived the way lives go (issue 16, "Done when"): a five-day illness counted
# as a pause after the fact, a planned week's holiday, situational exercises done on some days,
# "did not come up" on others and silent on the rest, a personal cue set and cleared, `week` on
# every week, the end, the review, two exercises kept for four more weeks, and both follow-up
# self-checks. At each step the JSON of today, report, week and remind is checked, with
# remind's exit codes 0, 10, 11 and 12, and paused days and not_arisen stay neutral in
# adherence, streaks and strength.
#
# The avoidant plan, started Monday 2027-03-01 in Europe/Berlin (clocks go forward on
# 2027-03-28, inside the programme). 42 programme days + 5 ill + 7 on holiday: the last day
# moves from 2027-04-11 to 2027-04-23.
. "$(dirname "$0")/_lib.sh"
export TZ=Europe/Berlin

state_of() { printf '[e["state"] for e in d["exercises"] if e["id"] == "%s"][0]' "$1"; }

# ---- Before the start: no programme, remind says so with 11.
at 2027-02-27T10:00 remind --exit-code
expect_rc 11 "remind before anything is started"

# ---- Week 1: start, baseline, a personal cue.
at 2027-03-01T09:00 start
expect_rc 0 "start"
at 2027-03-01T09:05 reflect --baseline --answers 5,5,4,4,5,4,2
expect_rc 0 "baseline self-check"
at 2027-03-01T09:10 cue trigger-note "when I put my phone on the charger"
expect_rc 0 "a personal cue"
at 2027-03-01T09:11 today --format json
expect_rc 0 "today json, day 1"
expect_json_true 'd["schema"] == 1 and d["week"] == 1 and d["day"] == 1' "day 1 of week 1"
expect_json_true 'd["paused"] is None and d["away_days"] == 0' "not paused, not away"
expect_json_true '[(e["cue"], e["cue_source"]) for e in d["exercises"] if e["id"] == "trigger-note"] == [("when I put my phone on the charger", "mine")]' "the cue is mine"
expect_json_true '[e["cue_source"] for e in d["exercises"] if e["id"] == "body-check"] == ["plan"]' "other cues are the plan's"
expect_json_true "$(state_of catch-the-urge) == 'if_it_comes_up'" "a situation is never open"
at 2027-03-01T09:12 week --format json
expect_json_true 'd["week"] == 1 and [e["cue_source"] for e in d["exercises"] if e["id"] == "trigger-note"] == ["mine"]' "week shows the personal cue"
at 2027-03-01T09:13 remind --exit-code
expect_rc 10 "remind: something is open"
at 2027-03-01T20:00 checkin trigger-note body-check catch-the-urge
expect_rc 0 "day 1: everything, and the situation came up"
at 2027-03-01T20:01 remind --exit-code
expect_rc 0 "remind: nothing open once the day is done"

at 2027-03-02T20:00 checkin trigger-note --not-arisen catch-the-urge
expect_rc 0 "day 2: the situation did not come up"
at 2027-03-02T20:01 today --format json
expect_json_true "$(state_of catch-the-urge) == 'not_arisen'" "not_arisen shows in today"
at 2027-03-03T20:00 checkin body-check
expect_rc 0 "day 3: silent on the situation"

# ---- Ill from Thursday 03-04 to Monday 03-08; back on Tuesday.
at 2027-03-09T09:00 today
expect_rc 0 "today after the illness"
expect_out_has "attune pause --from 2027-03-04 --until 2027-03-08" "the welcome back offers the exact pause"
expect_out_lacks "missed" "the welcome back never counts what was missed"
at 2027-03-09T09:00 today --format json
expect_json_true 'd["away_days"] >= 3 and d["paused"] is None' "away days before the pause"
at 2027-03-09T09:01 pause --from 2027-03-04 --until 2027-03-08 --reason "flu"
expect_rc 0 "the illness counted as a pause after the fact"
at 2027-03-09T09:02 today --format json
expect_json_true 'd["away_days"] == 0 and d["week"] == 1 and d["day"] == 4' "day 4 of week 1 after the pause"
at 2027-03-09T09:03 report --format json
expect_json_true '[(p["from"], p["until"], p["days"], p["reason"]) for p in d["pauses"]] == [("2027-03-04", "2027-03-08", 5, "flu")]' "report lists the pause"
expect_json_true 'd["end"] == "2027-04-16"' "the end moves by five days"
at 2027-03-09T20:00 checkin trigger-note
expect_rc 0 "day 4"
at 2027-03-09T20:01 streak --format json
expect_json_true 'd["current"] == 4' "the streak goes on across the pause (3 days, pause, 1 day)"
at 2027-03-09T20:02 cue trigger-note --clear
expect_rc 0 "the personal cue cleared"
at 2027-03-09T20:03 today --format json
expect_json_true '[e["cue_source"] for e in d["exercises"] if e["id"] == "trigger-note"] == ["plan"]' "the plan's cue again"

# ---- Days 5-7 of week 1 (Wed-Fri), then week 2 until the holiday.
for day in 2027-03-10 2027-03-11 2027-03-12 2027-03-13 2027-03-14; do
  at "${day}T20:00" checkin --all
  expect_rc 0 "checkin --all on $day"
done

# ---- A planned holiday, 03-15 to 03-21.
at 2027-03-14T20:05 pause --from 2027-03-15 --until 2027-03-21 --reason "holiday"
expect_rc 0 "a planned holiday pause"
at 2027-03-17T10:00 remind --exit-code
expect_rc 12 "remind exits 12 while paused"
expect_out_empty "remind prints nothing while paused"
at 2027-03-17T10:00 today --format json
expect_json_true 'd["paused"] == {"from": "2027-03-15", "until": "2027-03-21", "reason": "holiday"}' "today JSON names the pause"
at 2027-03-17T10:00 today
expect_out_has "2027-03-21" "today names the return"
at 2027-03-17T10:00 checkin --all
expect_rc 2 "checkin on a paused day is refused"
expect_err_has "attune resume" "with a hint"
at 2027-03-17T10:01 report --format json
expect_json_true 'd["end"] == "2027-04-23"' "the end moves by the holiday too"
expect_json_true 'len(d["pauses"]) == 2' "two pauses"

# ---- Back: every remaining day checked in with --all (scheduled ones done); the situations
# on some days, "did not come up" on others.
strength_before=""
day=2027-03-22
while [[ "$day" < "2027-04-24" ]]; do
  at "${day}T20:00" checkin --all
  [ "$RC" -eq 0 ] || fail "checkin --all on $day"
  day=$(date -d "$day + 1 day" +%F)
done
for day in 2027-04-05 2027-04-07; do
  at "${day}T20:30" checkin --date "$day" stay-five-minutes
  [ "$RC" -eq 0 ] || fail "stay-five-minutes on $day"
done
at 2027-04-06T20:30 checkin --date 2027-04-06 --not-arisen stay-five-minutes --not-arisen catch-the-urge
expect_rc 0 "not arisen in week 4"

for n in 1 2 3 4 5 6; do
  at 2027-04-20T10:00 week "$n" --format json
  expect_rc 0 "week $n"
  expect_json_true "d['week'] == $n and d['theme'] and d['rationale'] and all(e['cue_source'] in ('plan', 'mine') and e['schedule'] for e in d['exercises'])" "week $n json"
done

at 2027-04-23T21:00 report --format json
expect_rc 0 "report on the last day"
expect_json_true 'd["end"] == "2027-04-23"' "the moved end"
expect_json_true 'not [x for x in d["days"] if x["status"] not in ("kept", "rest")]' "no day missed: paused days are not in the programme's days"
expect_json_true 'len(d["days"]) == 42 and not [x for x in d["days"] if "2027-03-04" <= x["date"] <= "2027-03-08" or "2027-03-15" <= x["date"] <= "2027-03-21"]' "42 programme days, none of them paused"
expect_json_true 'd["streak"]["current"] == d["streak"]["longest"] == sum(x["status"] == "kept" for x in d["days"])' "one streak across both pauses"
expect_json_true '[(e["id"], e["practised_days"], e["not_arisen_days"]) for e in d["exercises"] if e["id"] in ("catch-the-urge", "stay-five-minutes")] == [("catch-the-urge", 1, 2), ("stay-five-minutes", 2, 1)]' "situations: practised on N days when they came up; not arisen counted apart"
expect_json_true 'all(e["planned"] == 0 for e in d["exercises"] if e["situational"])' "a situation is never planned, so never missed"
expect_json_true 'd["adherence"]["ratio"] == 1' "every planned practice done: paused days and not_arisen are neutral"
at 2027-04-23T21:01 today --format json
expect_json_true 'd["review_offered"] is True' "the last day offers the review"

# ---- After the end: review, keep two for four weeks, follow-ups.
at 2027-04-24T10:00 remind --exit-code
expect_rc 11 "remind after the end with nothing kept"
at 2027-04-24T10:01 review --helped "naming the urge" --signs "going quiet at dinner" --keep "the feeling word"
expect_rc 0 "the review"
at 2027-04-24T10:02 keep feeling-word trigger-note --times-per-week 3
expect_rc 0 "keep two exercises"
at 2027-04-24T10:03 remind --exit-code
expect_rc 10 "remind: the kept practice is open"
at 2027-04-24T10:04 today --format json
expect_json_true 'd["maintenance"]["times_per_week"] == 3 and sorted(e["id"] for e in d["maintenance"]["exercises"]) == ["feeling-word", "trigger-note"]' "today shows the kept practice"
for week in 0 1 2 3; do
  for offset in 0 2 4; do
    day=$(date -d "2027-04-24 + $((week * 7 + offset)) days" +%F)
    at "${day}T20:00" checkin --date "$day" feeling-word trigger-note
    [ "$RC" -eq 0 ] || fail "kept practice on $day"
  done
done
at 2027-05-20T20:30 remind --exit-code
expect_rc 0 "remind: the kept week is met"
at 2027-05-20T20:31 streak --format json
expect_rc 0 "streak during maintenance"
at 2027-05-21T10:00 remind --exit-code
expect_rc 10 "the 4-week follow-up is due (2027-04-23 + 28 days)"
at 2027-05-21T10:00 remind --format json
expect_json_true 'd["schema"] == 1' "remind json"
at 2027-05-21T10:05 reflect --answers 4,4,3,3,4,3,2
expect_rc 0 "the 4-week follow-up"
at 2027-05-21T10:06 keep --stop
expect_rc 0 "the kept practice stops"
at 2027-07-16T10:00 remind --exit-code
expect_rc 10 "the 12-week follow-up is due (2027-04-23 + 84 days)"
at 2027-07-16T10:05 reflect --answers 3,4,3,3,3,3,2
expect_rc 0 "the 12-week follow-up"
at 2027-07-16T10:06 remind --exit-code
expect_rc 11 "nothing left"
at 2027-07-16T10:07 report --format json
expect_json_true 'sorted(f["followup"] for f in d["self_check"]["followups"]) == [4, 12]' "both follow-ups on the trend"
expect_json_true 'd["review"] is not None' "the review is in the report"
expect_json_true 'd["maintenance"] is not None' "the kept practice is in the report"
expect_json_true 'len(d["pauses"]) == 2 and d["end"] == "2027-04-23"' "pauses and the moved end"
at 2027-07-16T10:08 report
expect_rc 0 "text report"
expect_out_has "naming the urge" "the review's words in the report"

finish
