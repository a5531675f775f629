#!/usr/bin/env bash
# A self-check that can show change (issue 17): each dimension's trend in JSON, text, HTML and
# Markdown for a fixed history; the half-point rule; the early dip explained once; a missing
# baseline; `reflect --baseline` in week 1 only; a high distress answer brings the support line,
# low practice never does. Plan: the built-in avoidant plan, 6 items + distress (7 answers):
#   notice-pull-away (awareness), keep-to-myself, steer-away, accept-support (reversed)
#   (avoidance), lose-interest, slow-reply (anxiety), then "How hard was this week for you?".
. "$(dirname "$0")/_lib.sh"

at() { export ATTUNE_NOW="$1"; }

at 2026-11-02T09:00
run start
expect_rc 0 "start"
expect_out_has "'attune reflect --baseline'" "start points to the baseline self-check"
expect_out_has "any time this first week" "start says the baseline may wait until week 1 ends"

# --- the baseline, any day of week 1 ---
at 2026-11-05T20:00
run reflect --baseline --answers 2,4,4,2,2,2
expect_rc 2 "six answers for six statements and the question"
expect_err_has 'attune: error: got 6 answers for 6 statements and the question "How hard was this week for you?"' "the distress question counts as an answer"
# avoidance (4 + 4 + (6 - 2)) / 3 = 4.0, anxiety 2.0, noticing 2.0, distress 3
run reflect --baseline --answers 2,4,4,2,2,2,3
expect_rc 0 "baseline on day 4"
expect_out_has "Saved the self-check for your starting point (baseline)." "baseline saved"
expect_out_lacks "attune support" "a calm baseline brings no support line"
run reflect --baseline --answers 2,4,4,2,2,2,3
expect_rc 2 "a second baseline is refused"
expect_err_has "already recorded" "second baseline wording"

# --- week 2: anxiety one point higher (the early dip); nothing practised all along ---
at 2026-11-13T20:00
run reflect --baseline --answers 4,4,4,2,3,3,2
expect_rc 2 "--baseline after week 1"
expect_err_has "attune: error: the baseline self-check is taken during week 1, and 2026-11-13 is not in week 1" "--baseline after week 1 wording"
expect_err_lines 1 "--baseline after week 1 is one line"
# avoidance 4.0, anxiety 3.0, noticing 4.0, distress 2
run reflect --answers 4,4,4,2,3,3,2
expect_rc 0 "week 2 self-check"
expect_out_lacks "attune support" "low practice and a calm week bring no support line"

# --- week 4: avoidance 3.0 (-1: lower), anxiety 2.5 (+0.5: about the same), noticing 4.0 ---
at 2026-11-27T20:00
run reflect --answers 4,3,3,3,2,3,2
expect_rc 0 "week 4 self-check"
expect_out_lacks "attune support" "no support line for a steady week"

at 2026-11-28T09:00
run report --format json
expect_rc 0 "json report"
dims=$(printf '%s' "$OUT" | python3 -c '
import json, sys
sc = json.load(sys.stdin)["self_check"]
d = sc["dimensions"]
def show(x):
    return "%s %s %s %s %s" % (x["baseline"], x["latest"], x["change"], x["direction"],
                               [(p["week"], p["mean"]) for p in x["points"]])
print(show(d["avoidance"]))
print(show(d["anxiety"]))
print(show(d["awareness"]))
print(sc["baseline_week"], sc["baseline_from_first"], sc["change_threshold"], sc["early_dip"])
print([(p["week"], p["answer"], p["high"]) for p in sc["distress"]])
print(sc["baseline"], sc["latest"], sc["change"], sc["latest_week"])
')
expected="4 3 -1 lower [(0, 4), (2, 4), (4, 3)]
2 2.5 0.5 about the same [(0, 2), (2, 3), (4, 2.5)]
2 4 2 higher [(0, 2), (2, 4), (4, 4)]
0 False 0.5 True
[(0, 3, False), (2, 2, False), (4, 2, False)]
45 55 10 4"
[ "$dims" = "$expected" ] && pass || { OUT=$dims fail "json dimensions: expected
$expected"; }

run report
expect_rc 0 "text report"
expect_out_has "Avoidance ▆·▆·▅  4.0 → 3.0, lower" "text: avoidance sparkline and change"
expect_out_has "Anxiety   ▃·▅·▄  2.0 → 2.5, about the same" "text: half a point is about the same"
expect_out_has "Noticing  ▃·▆·▆  2.0 → 4.0, higher" "text: noticing shown on its own"
expect_out_has "How hard  ▅·▃·▃" "text: distress reported"
expect_out_has "A change counts when it is more than half a point" "text: the threshold rule is stated"
expect_out_lacks "45%" "text: no merged security number for a plan with dimensions"
[ "$(printf '%s' "$OUT" | grep -c "often look worse before they look better")" -eq 1 ] && pass ||
  fail "text: the early dip is explained exactly once"

run report --format html
expect_rc 0 "html report"
for d in avoidance anxiety awareness; do
  [ "$(printf '%s' "$OUT" | grep -o "<g class=\"dimension\" data-dimension=\"$d\"><polyline" | wc -l)" -eq 1 ] &&
    pass || fail "html: one chart line for $d"
done
expect_out_has '<li data-dimension="anxiety"><b>Anxiety</b> 2.0 → 2.5, about the same</li>' "html: anxiety summary"
[ "$(printf '%s' "$OUT" | grep -o "often look worse before they look better" | wc -l)" -eq 1 ] && pass ||
  fail "html: the early dip is explained exactly once"

run report --format markdown
expect_rc 0 "markdown report"
expect_out_has "| Week | Avoidance | Anxiety | Noticing | How hard |" "markdown: a column per dimension"
expect_out_has "| baseline | 4.0 | 2.0 | 2.0 | 3 |" "markdown: the baseline row"
expect_out_has "- Avoidance: 4.0 → 3.0, lower" "markdown: avoidance change"

# --- a high distress answer brings one kind line, whatever was practised ---
at 2026-12-04T20:00
run reflect --answers 4,3,3,3,2,3,4
expect_rc 0 "week 5 self-check with a hard week"
expect_out_has "That sounds like a hard week. You do not have to carry it alone: 'attune support' shows where help is." "high distress brings the support line"
[ "$(printf '%s' "$OUT" | grep -c "where help is")" -eq 1 ] && pass || fail "one support line only"

# --- no baseline: the first self-check is the starting point, and the report says so ---
export ATTUNE_DATA_DIR="$T_ROOT/data2"
at 2026-11-02T09:00
run -q start
at 2026-11-11T20:00
run reflect --answers 3,3,3,3,3,3,1
expect_rc 0 "first self-check in week 2"
expect_out_has "Saved the self-check for week 2." "it counts for week 2"
at 2026-11-12T09:00
run report
expect_out_has "Avoidance ··▅  3.0 (starting point)" "one self-check: a starting point, no change"
expect_out_has "is your starting point." "text: the first self-check is the starting point"
run report --format markdown
expect_out_has "No baseline self-check was taken in week 1, so your first self-check (week 2) is your starting point." "the report says the first self-check is the baseline"
run report --format json
printf '%s' "$OUT" | python3 -c '
import json, sys
sc = json.load(sys.stdin)["self_check"]
assert sc["baseline_week"] == 2 and sc["baseline_from_first"] is True, sc
assert sc["dimensions"]["avoidance"]["baseline"] == 3.0 and sc["dimensions"]["avoidance"]["change"] is None
' && pass || fail "json: the first self-check is the baseline"

# --- plan validate knows the new fields: position and did-you-mean ---
SRC=$ATTUNE_SOURCE_DIR
sed -e '0,/dimension = "anxiety"/s//dimension = "anxious"/' \
  -e 's/^\[self_check.distress\]/[self_check.distres]/' "$SRC/plans/avoidant.toml" >"$T_ROOT/typo.toml"
line=$(grep -n 'dimension = "anxious"' "$T_ROOT/typo.toml" | cut -d: -f1)
dline=$(grep -n '^\[self_check.distres\]' "$T_ROOT/typo.toml" | cut -d: -f1)
run plan validate "$T_ROOT/typo.toml"
expect_rc 2 "a plan with a bad dimension does not validate"
expect_err_has "$T_ROOT/typo.toml:$line:13: error: unknown self-check dimension \"anxious\"; did you mean \"anxiety\"?" "dimension: position and did-you-mean"
expect_err_has "$T_ROOT/typo.toml:$dline:13: error: unknown key \"distres\" in [self_check]; did you mean \"distress\"?" "distress: position and did-you-mean"

finish
