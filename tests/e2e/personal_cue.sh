#!/usr/bin/env bash
# Personal if-then plans and weeks that introduce themselves (issue 16 §3, §4): `attune cue`
# sets and clears a cue of one's own; today (text and JSON) and week show it with its source;
# undo withdraws it; export/import carry it; the first `today` of a programme week shows the
# week's rationale, later ones only its theme; the cue offer comes once a week on a terminal
# and never off one; remind says when a week's self-check is due.
. "$(dirname "$0")/_lib.sh"

MON=2026-11-02T19:00  # day 1, week 1
SAT=2026-11-07T19:00  # day 6
SUN=2026-11-08T19:00  # day 7: the last day of week 1
WEEK2=2026-11-09T19:00 # day 8: the first day of week 2

# No programme: an error, and no data folder is made.
at "$MON" cue trigger-note "when I brush my teeth"
expect_rc 2 "cue with no programme"
expect_err_has "attune: error: no programme is running" "says why"
if [ -d "$ATTUNE_DATA_DIR" ]; then fail "cue created the data folder"; else pass; fi

at "$MON" start
expect_rc 0 "start"

# ---- The week's introduction: the first today shows the rationale, later ones only the theme.
RATIONALE="You cannot choose differently until you can see the moment of choice."
at "$MON" today --quiet
expect_out_has "This week: Notice the urge to pull away" "--quiet keeps the theme"
expect_out_lacks "$RATIONALE" "--quiet leaves the introduction out"
at "$MON" today --format json
expect_out_lacks "$RATIONALE" "JSON has no introduction"
at "$MON" today
expect_rc 0 "first today of week 1"
expect_out_has "This week: Notice the urge to pull away" "theme"
expect_out_has "$RATIONALE" "the first today introduces the week (not used up by --quiet or JSON)"
long=$(printf '%s\n' "$OUT" | awk 'length > 80' | wc -l)
if [ "$long" -eq 0 ]; then pass; else fail "the introduction is wrapped at 80 columns off a terminal"; fi
expect_out_lacks "Your cue>" "never asks off a terminal"
at "$MON" today
expect_out_has "This week: Notice the urge to pull away" "later today: the theme"
expect_out_lacks "$RATIONALE" "later that week, no introduction"
at "$SAT" today
expect_out_lacks "$RATIONALE" "still week 1, no introduction"

# ---- Set a cue: validation first.
at "$MON" cue triger-note "when I brush my teeth"
expect_rc 2 "a misspelt exercise"
expect_err_has 'attune: error: no exercise "triger-note" in this programme' "names it"
expect_err_has 'did you mean "trigger-note"?' "did you mean"
at "$MON" cue trigger-note "$(printf 'when\nthen')"
expect_rc 2 "two lines"
expect_err_has "attune: error: the cue holds a line break" "one line only"
at "$MON" cue trigger-note "$(printf '%0301d' 0)"
expect_rc 2 "too long"
expect_err_has "the cue is too long (301 bytes; at most 300)" "names the limit"
at "$MON" cue trigger-note "   "
expect_rc 2 "empty"
expect_err_has "attune: error: the cue is empty" "empty cue"
at "$MON" cue trigger-note "a cue" --clear
expect_rc 2 "text and --clear"
at "$MON" log --format json
if [ "$(json 'sum(r["type"] == "cue" for r in d["records"])')" = 0 ]; then pass; else fail "a refused cue wrote nothing"; fi

at "$MON" cue trigger-note "  when I brush my teeth at night "
expect_rc 0 "set a cue"
expect_out_has "Saved as your cue for Write down the trigger (trigger-note): when I brush my teeth at night." "confirms"
at "$MON" cue trigger-note
expect_out_has "Your cue: when I brush my teeth at night" "shows the cue in force"

at "$MON" today
expect_out_has "Your cue: when I brush my teeth at night" "today shows the person's cue"
expect_out_lacks "When: before bed" "in place of the plan's"
expect_out_has "When: after lunch" "others keep the plan's"
at "$MON" today --format json
expect_rc 0 "today json"
if [ "$(json '[(e["id"], e["cue"], e["cue_source"]) for e in d["exercises"] if e["id"] in ("trigger-note", "body-check")]')" = "[('trigger-note', 'when I brush my teeth at night', 'mine'), ('body-check', 'after lunch', 'plan')]" ]; then pass; else fail "today json cue and cue_source"; fi
at "$MON" week --format json
if [ "$(json '[(e["cue"], e["cue_source"]) for e in d["exercises"] if e["id"] == "trigger-note"]')" = "[('when I brush my teeth at night', 'mine')]" ]; then pass; else fail "week json cue_source mine"; fi
at "$MON" week
expect_out_has "Your cue: when I brush my teeth at night" "week text shows it"

# The newest wins; a later week's exercise may be given one ahead.
at "$MON" cue trigger-note "after I put the kettle on"
at "$MON" cue stay-five "when my partner starts a hard talk"
expect_rc 0 "a prefix of a later week's exercise"
at "$MON" today --format json
if [ "$(json '[e["cue"] for e in d["exercises"] if e["id"] == "trigger-note"][0]')" = "after I put the kettle on" ]; then pass; else fail "the newest cue wins"; fi

# undo withdraws the last one: the one before is in force again.
at "$MON" undo
expect_rc 0 "undo a cue"
expect_out_has "your cue for stay-five-minutes" "undo names it"
at "$MON" undo
at "$MON" today --format json
if [ "$(json '[e["cue"] for e in d["exercises"] if e["id"] == "trigger-note"][0]')" = "when I brush my teeth at night" ]; then pass; else fail "undo brings back the older cue"; fi

# Export and import carry cues (JSON and CSV), history included.
for format in json csv; do
  at "$MON" export --format "$format" -o "$T_ROOT/out.$format"
  expect_rc 0 "export $format"
  ATTUNE_DATA_DIR="$T_ROOT/copy-$format" ATTUNE_NOW=$MON run import "$T_ROOT/out.$format"
  expect_rc 0 "import $format"
  ATTUNE_DATA_DIR="$T_ROOT/copy-$format" ATTUNE_NOW=$MON run today --format json
  if [ "$(json '[(e["cue"], e["cue_source"]) for e in d["exercises"] if e["id"] == "trigger-note"]')" = "[('when I brush my teeth at night', 'mine')]" ]; then pass; else fail "the cue survives a $format round trip"; fi
done
grep -q '"type":"cue"' "$T_ROOT/out.json" && pass || fail "export json holds cue records"

# Clear: back to the plan's.
at "$MON" cue trigger-note --clear
expect_rc 0 "clear"
expect_out_has "Back to the plan's cue for trigger-note: before bed" "says which cue applies"
at "$MON" today --format json
if [ "$(json '[(e["cue"], e["cue_source"]) for e in d["exercises"] if e["id"] == "trigger-note"]')" = "[('before bed', 'plan')]" ]; then pass; else fail "cleared: the plan's cue"; fi
at "$MON" cue trigger-note --clear
expect_rc 0 "clearing twice"
expect_out_has "already follows the plan's cue; nothing changed" "nothing to clear"

# forget erases a cue's words like a note's.
at "$MON" cue body-check "when I sit down at my desk"
at "$MON" forget --all-notes --yes
expect_rc 0 "forget"
if grep -q "sit down at my desk" "$ATTUNE_DATA_DIR/journal"; then fail "forget left the cue's words"; else pass; fi
at "$MON" today --format json
if [ "$(json '[e["cue_source"] for e in d["exercises"] if e["id"] == "body-check"][0]')" = plan ]; then pass; else fail "a forgotten cue reads as cleared"; fi

# ---- remind: the last day of a week without its self-check.
at "$MON" reflect --baseline --answers 3,3,3,3,3,3,3
expect_rc 0 "the baseline (it is not week 1's self-check)"
at "$SAT" remind --format json
if [ "$(json 'd["self_check_due"]')" = False ]; then pass; else fail "not due on day 6"; fi
at "$SUN" remind --format json
if [ "$(json 'd["self_check_due"]')" = True ]; then pass; else fail "due on the last day of week 1"; fi
at "$SUN" remind
expect_rc 0 "remind"
expect_out_has "attune: today ends week 1; its self-check is there when you are ready ('attune reflect')" "says it kindly"
at "$SUN" reflect --answers 3,3,3,3,3,3,3
expect_rc 0 "the week's self-check"
at "$SUN" remind --format json
if [ "$(json 'd["self_check_due"]')" = False ]; then pass; else fail "not due once taken"; fi
at "$SUN" remind
expect_out_lacks "self-check" "nothing said once taken"

# ---- A new week: the introduction again, then the offer on a terminal, once.
ATTUNE_NOW=$WEEK2 run log --format json
cues_before=$(json 'sum(r["type"] == "cue" for r in d["records"])')
ATTUNE_NOW=$WEEK2 tty_run $'\n\n' today
expect_rc 0 "first today of week 2 on a terminal"
expect_out_has "This week: Reflect on what happens inside" "week 2's theme"
expect_out_has "New exercises this week" "offers the week's new exercises"
expect_out_has "What was the distance protecting? (what-it-protects)" "a new one is offered"
offer=$(printf '%s\n' "$OUT" | sed -n '/New exercises this week/,$p')
case $offer in *"(trigger-note)"*) fail "one from week 1 is offered again" ;; *) pass ;; esac
expect_out_has "The plan's cue:" "shows the plan's cue"
expect_out_has "Your cue> " "asks"
ATTUNE_NOW=$WEEK2 run log --format json
if [ "$(json 'sum(r["type"] == "cue" for r in d["records"])')" = "$cues_before" ]; then pass; else fail "Enter keeps the plan's cue (nothing recorded)"; fi
ATTUNE_NOW=$WEEK2 tty_run '' today
expect_out_lacks "Your cue> " "the offer is made once a week"
expect_out_lacks "New exercises" "not offered again"

# Week 3: the first interactive check-in makes the offer (a cue typed there is saved), and
# the first today after it still introduces the week but offers nothing more.
WEEK3=2026-11-16T19:00
ATTUNE_NOW=$WEEK3 tty_run $'when the kids are asleep\n\n\n\n\n\n\n\n' checkin
expect_out_has "Your cue> " "the first interactive check-in of the week offers cues"
expect_out_has "Saved as your cue." "a typed cue is saved"
expect_out_has "For each one" "then the check-in goes on"
ATTUNE_NOW=$WEEK3 tty_run $'\n\n\n' today
expect_out_has "Your cue: when the kids are asleep" "today shows the cue set in the offer"
expect_out_lacks "Your cue> " "offered once, by check-in or today"

# Week 4: off a terminal nothing is asked and the offer is not used up.
WEEK4=2026-11-23T19:00
ATTUNE_NOW=$WEEK4 run today
expect_out_lacks "Your cue>" "never asks off a terminal"
ATTUNE_NOW=$WEEK4 tty_run $'\n\n\n\n' today
expect_out_has "Your cue> " "the offer still comes on a terminal"

# Losing the memory is harmless: the introduction comes once more.
at "$WEEK4" week --format json
R4=$(json '" ".join(d["rationale"].split()[:3])')
at "$WEEK4" today
expect_out_lacks "$R4" "week 4 introduced already"
[ -f "$HOME/.local/state/attune/weeks.seen" ] && pass || fail "the memory is in the state folder"
[ -e "$ATTUNE_DATA_DIR/weeks.seen" ] && fail "the memory is kept out of the data folder" || pass
rm -f "$HOME/.local/state/attune/weeks.seen"
at "$WEEK4" today
expect_rc 0 "today without weeks.seen"
expect_out_has "$R4" "the introduction comes once more"
finish
