#!/usr/bin/env bash
# `attune week [N]`: a week's theme, rationale and exercises as text and JSON; the current week
# of the running programme by default; a kind one-line error for a week outside the plan.
. "$(dirname "$0")/_lib.sh"

MON=2026-11-02T19:00    # the programme's first day
WEEK2=2026-11-11T19:00  # day 10: week 2
AFTER=2026-12-20T19:00  # past the six weeks

# No programme: N is needed, and the plan `start` would use is shown.
at "$MON" week
expect_rc 2 "week without N and no programme"
expect_err_has "attune: error: no programme is running, so there is no current week" "says why"
expect_err_has "weeks 1 to 6" "the hint names the range"
expect_out_empty "nothing on stdout with the error"
if [ -d "$ATTUNE_DATA_DIR" ]; then fail "week created the data folder"; else pass; fi

at "$MON" week 1
expect_rc 0 "week 1 without a programme"
expect_out_has "Week 1 of 6: Notice the urge to pull away" "week 1 heading"
expect_out_has "    What: " "exercises say what"
expect_out_has "    Why:  " "exercises say why"
expect_out_has "), when it comes up" "schedules in words"
expect_out_has "), 4 times a week" "schedules in words (N a week)"
expect_err_empty "week 1"
long=$(printf '%s\n' "$OUT" | awk 'length > 80' | wc -l)
if [ "$long" -eq 0 ]; then pass; else fail "week 1 text has lines over 80 columns (not a terminal)"; fi

at "$MON" week 1 --format json
expect_rc 0 "week 1 json"
expect_out_has '"week": 1,' "json week"
expect_out_has '"theme": "Notice the urge to pull away",' "json theme"
expect_out_has '"cue_source": "plan",' "json cue source"
expect_out_has '"schedule": "when it comes up"' "json schedule in words"
if printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert list(d) == ["schema", "week", "theme", "rationale", "exercises"], list(d)
assert d["exercises"], "no exercises"
for e in d["exercises"]:
    assert list(e) == ["id", "title", "what", "why", "cue", "cue_source", "schedule"], list(e)
    assert e["cue_source"] == "plan"
'; then pass; else fail "week 1 json has exactly the documented fields"; fi

# Outside the plan: exit 2, one line and a hint with the range.
for n in 0 99 x; do
  at "$MON" week "$n"
  expect_rc 2 "week $n"
  expect_err_has "attune: error: there is no week $n in this plan" "week $n says so"
  expect_err_has "this plan has weeks 1 to 6: try 'attune week 1'" "week $n hint"
  expect_err_lines 1 "week $n: one line with its hint"
  expect_out_empty "week $n prints nothing on stdout"
done

# A running programme: its current week by default, in text and JSON.
at "$MON" start
expect_rc 0 "start"
at "$MON" week
expect_rc 0 "week on the first day"
expect_out_has "Week 1 of 6: Notice the urge to pull away" "the first day is week 1"
at "$WEEK2" week
expect_rc 0 "week in week 2"
expect_out_has "Week 2 of 6: Reflect on what happens inside" "day 10 is week 2"
at "$WEEK2" week --format json
expect_rc 0 "week json in week 2"
expect_out_has '"week": 2,' "json of the current week"
expect_out_has '"theme": "Reflect on what happens inside"' "json theme of the current week"
at "$WEEK2" week 1
expect_rc 0 "an earlier week by number"
expect_out_has "Week 1 of 6:" "week 1 while in week 2"
at "$WEEK2" week 99
expect_rc 2 "week 99 with a programme"
expect_err_has "weeks 1 to 6" "week 99 hint"

# Past the last day: no current week, but any week can still be read.
at "$AFTER" week
expect_rc 2 "week after the programme"
expect_err_has "your programme is complete, so there is no current week" "says it is complete"
at "$AFTER" week 6
expect_rc 0 "week 6 after the programme"
expect_out_has "Week 6 of 6:" "week 6 heading"

finish
