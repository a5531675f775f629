#!/usr/bin/env bash
# attune forget erases a person's own words (notes, reasons, review answers, cues) from the
# journal's bytes (withdrawn ones too), keeps a `forgotten` record with the count, asks first (refuses off a terminal
# without --yes); report/export --no-notes carry no note text.
. "$(dirname "$0")/_lib.sh"

at() { export ATTUNE_NOW="$1"; }
J="$ATTUNE_DATA_DIR/journal"
# raw_has TEXT: the journal's raw bytes hold TEXT
raw_count() { grep -a -c -F -- "$1" "$J"; }
expect_raw_lacks() { if grep -a -q -F -- "$1" "$J"; then fail "$2: the journal still holds '$1'"; else pass; fi; }
expect_raw_has() { if grep -a -q -F -- "$1" "$J"; then pass; else fail "$2: the journal lacks '$1'"; fi; }

at 2026-10-01T08:00
run start
expect_rc 0 "start"
run checkin catch-the-urge -n 'PRIVATE-ONE: I was afraid of him'
expect_rc 0 "note one"
at 2026-10-02T09:00
run checkin -s body-check -r 'SECRET-REASON he was home'
expect_rc 0 "skip with a reason"
run checkin -n 'WITHDRAWN-WORDS'
expect_rc 0 "a note to withdraw"
run undo
expect_rc 0 "undo the note"
at 2026-10-03T09:00
run checkin -n 'PRIVATE-TWO kept until all'
expect_rc 0 "note two"
expect_raw_has "WITHDRAWN-WORDS" "undo leaves the text in the file (why forget exists)"
run export -o "$T_ROOT/old.json"
expect_rc 0 "an export with the words, made before forgetting"

# --- --no-notes: reports and exports for sharing hold no word of a note or reason ---
for fmt in text json csv markdown html; do
  run report --format "$fmt" --no-notes
  expect_rc 0 "report --format $fmt --no-notes"
  for secret in PRIVATE-ONE SECRET-REASON WITHDRAWN-WORDS PRIVATE-TWO; do
    expect_out_lacks "$secret" "report --format $fmt --no-notes"
  done
done
run report --format markdown
expect_out_has "PRIVATE-ONE" "without --no-notes the report shows notes (the check above can fail)"
for fmt in json csv; do
  run export --format "$fmt" --no-notes
  expect_rc 0 "export --format $fmt --no-notes"
  for secret in PRIVATE-ONE SECRET-REASON WITHDRAWN-WORDS PRIVATE-TWO; do
    expect_out_lacks "$secret" "export --format $fmt --no-notes"
  done
  expect_out_has "body-check" "export --no-notes keeps the skip itself"
done
run export --no-notes -o "$T_ROOT/shared.json"
expect_rc 0 "export --no-notes -o"
if grep -a -q -e PRIVATE -e SECRET "$T_ROOT/shared.json"; then fail "export --no-notes -o holds a note"; else pass; fi

# --- asking: no target, two targets, off a terminal without --yes: exit 2, nothing changed ---
cp "$J" "$T_ROOT/before"
run forget
expect_rc 2 "forget with nothing chosen"
expect_err_has "attune: error: say what to forget" "forget with nothing chosen"
run forget --all-notes --day 2026-10-01 --yes
expect_rc 2 "forget with two choices"
run forget --all-notes
expect_rc 2 "forget off a terminal without --yes"
expect_err_has "attune: error: attune forget asks before erasing, and this is not a terminal" "no --yes"
expect_err_has "add --yes" "no --yes hint"
expect_err_lines 1 "no --yes: one error line with its hint"
if cmp -s "$J" "$T_ROOT/before"; then pass; else fail "a refused forget changed the journal"; fi
run forget --record 0123456789abcdef --yes
expect_rc 2 "forget an unknown record"
expect_err_has "no record \"0123456789abcdef\" in the journal" "unknown record"
if cmp -s "$J" "$T_ROOT/before"; then pass; else fail "a refused forget changed the journal"; fi

# --- --record ID: that one text only ---
run log --format json
ID=$(printf '%s' "$OUT" | python3 -c 'import json,sys
for r in json.load(sys.stdin)["records"]:
    if "PRIVATE-ONE" in json.dumps(r): print(r["id"])')
[ -n "$ID" ] || fail "could not find the note's id in log --format json"
at 2026-10-04T09:00
run forget --record "$ID" --yes
expect_rc 0 "forget --record"
expect_err_empty "forget --record"
expect_out_has "Erased the text of 1 note. The journal keeps a count of what was erased, never the words." "forget --record says how many"
expect_raw_lacks "PRIVATE-ONE" "forget --record"
expect_raw_lacks "afraid" "forget --record"
expect_raw_has "SECRET-REASON" "forget --record leaves other texts"
expect_raw_has "	forgotten	2026-10-04	" "a forgotten record"
expect_raw_has "refs=$ID	" "the forgotten record names the id"
run forget --record "$ID" --yes
expect_rc 2 "forgetting an erased record again"
expect_err_has "its text is already erased" "forgetting twice"
run log
expect_rc 0 "log after forget"
expect_err_empty "log after forget: the journal reads without warnings"
expect_out_has "(text erased)" "log shows that a note was erased"

# --- --day DATE: the skip reason and the withdrawn note of that day ---
run forget --day 2026-10-02 --yes
expect_rc 0 "forget --day"
expect_out_has "Erased the text of 1 note and 1 skip reason." "forget --day counts the withdrawn note"
expect_raw_lacks "SECRET-REASON" "forget --day"
expect_raw_lacks "WITHDRAWN-WORDS" "forget --day erases a withdrawn note"
expect_raw_has "PRIVATE-TWO" "forget --day leaves other days"
run today
expect_rc 0 "today after forget"
expect_err_empty "today after forget"

# --- --all-notes, with a git folder: the warning; the export names the forgotten ids ---
run pause --from 2026-10-20 --until 2026-10-21 --reason 'PAUSE-WORDS a trip'
expect_rc 0 "a pause with a reason, to forget"
mkdir "$ATTUNE_DATA_DIR/.git"
run forget --all-notes --yes
expect_rc 0 "forget --all-notes"
expect_out_has "Erased the text of 1 note and 1 pause reason." "forget names each kind it erased"
expect_raw_lacks "PAUSE-WORDS" "forget --all-notes erases a pause's reason"
expect_err_has "attune: warning: the data folder is a git repository" "a clone may keep the text"
expect_raw_lacks "PRIVATE-TWO" "forget --all-notes"
[ "$(raw_count '	forgotten	')" -eq 3 ] && pass || fail "three forgotten records, one per forget"
run forget --all-notes --yes
expect_rc 0 "nothing left to forget"
expect_out_has "Nothing to forget: no note, reason, review answer or cue holds any text." "nothing left to forget"
rmdir "$ATTUNE_DATA_DIR/.git"
run export
expect_rc 0 "export after forget"
expect_out_has '"type":"forgotten"' "the export holds the forgotten records"
expect_out_has '"refs":["'"$ID"'"]' "with their ids"
for secret in PRIVATE-ONE SECRET-REASON WITHDRAWN-WORDS PRIVATE-TWO; do
  expect_raw_lacks "$secret" "after all forgets"
done
ls -a "$ATTUNE_DATA_DIR" | grep -q 'attune-' && fail "a temporary file was left in the data folder" || pass

# --- the export and its CSV round-trip into a fresh folder, forgotten records included ---
run export -o "$T_ROOT/after.json"
run export --format csv -o "$T_ROOT/after.csv"
for f in after.json after.csv; do
  OUT=$(ATTUNE_DATA_DIR="$T_ROOT/copy-$f" "$ATTUNE_BIN" import "$T_ROOT/$f" 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  expect_rc 0 "import $f with forgotten records"
  expect_err_empty "import $f"
done
# An old export (with the words) into the forgotten journal adds nothing and conflicts with nothing.
run import "$T_ROOT/old.json"
expect_rc 0 "an older export after forget is not a conflict"
expect_out_has "Nothing new" "an older export adds nothing"
expect_raw_lacks "PRIVATE" "importing an older export brings no text back"

# --- on a terminal forget asks first: no erases nothing, yes erases ---
at 2026-10-05T09:00
run checkin -n 'TTY-NOTE'
expect_rc 0 "a note to forget on a terminal"
cp "$J" "$T_ROOT/before-tty"
tty_run "n" forget --all-notes
expect_rc 0 "forget on a terminal, answered no"
expect_out_has "Erase the text of 1 note from the journal? The words cannot be brought back. [y/N]" "forget asks"
expect_out_has "Nothing was erased." "answered no"
if cmp -s "$J" "$T_ROOT/before-tty"; then pass; else fail "answering no changed the journal"; fi
tty_run "y" forget --all-notes
expect_rc 0 "forget on a terminal, answered yes"
expect_out_has "Erased the text of 1 note." "answered yes"
expect_raw_lacks "TTY-NOTE" "forget on a terminal"

# --- completion knows the command and its options ---
OUT=$(printf 'forget\n--\n' | "$ATTUNE_BIN" complete words 2>&1)
for opt in --record --day --all-notes --yes; do
  expect_out_has "$opt" "completion of forget offers $opt"
done
OUT=$(printf 'report\n--no\n' | "$ATTUNE_BIN" complete words 2>&1)
expect_out_has "--no-notes" "completion of report offers --no-notes"
OUT=$(printf 'export\n--no\n' | "$ATTUNE_BIN" complete words 2>&1)
expect_out_has "--no-notes" "completion of export offers --no-notes"
OUT=$(printf 'fo\n' | "$ATTUNE_BIN" complete words 2>&1)
expect_out_has "forget" "completion offers the forget command"

finish
