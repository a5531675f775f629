#!/usr/bin/env bash
# Human text fits the terminal (issue 18, item 8): every line of today, plan show, week, log,
# report, support, start and --help is at most 80 display columns when standard output is not
# a terminal, and at most COLUMNS when that is set; wrapped lines keep their hanging indent.
# Width is counted by an oracle independent of attune (Python's unicodedata), so a note in
# Japanese with an emoji and a combining accent is measured as a terminal shows it.
. "$(dirname "$0")/_lib.sh"
SRC=${ATTUNE_SOURCE_DIR:?}

# Outputs are collected, then measured by one Python run at the end (Python's start-up would
# otherwise be most of the test's time): blocks of "\x1e LIMIT LABEL" and the text.
cat >"$T_ROOT/width.py" <<'PY'
import re, sys, unicodedata
def cols(line):
    line = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", line)
    w = 0
    for ch in line:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf") and ch != "\u00ad":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
blocks = open(sys.argv[1], encoding="utf-8").read().split("\x1e")[1:]
for block in blocks:
    head, _, text = block.partition("\n")
    limit, label = head.split(" ", 1)
    for line in text.split("\n"):
        if cols(line) > int(limit):
            print(f"{label}: {cols(line)} columns, over {limit}: {line}")
            break
PY
MEASURED="$T_ROOT/measured.txt"
: >"$MEASURED"
measured=0

# fits LIMIT LABEL: the command succeeded; every line of $OUT is measured at the end.
fits() {
  expect_rc 0 "$2"
  printf '\036%s %s\n%s\n' "$1" "$2" "$OUT" >>"$MEASURED"
  measured=$((measured + 1))
}

# hangs AWK_PROGRAM LABEL: the awk program prints nothing for output whose indents are right.
hangs() {
  local wrong
  wrong=$(printf '%s\n' "$OUT" | sed 's/\x1b\[[0-9;]*m//g' | awk "$1" | head -3)
  if [ -z "$wrong" ]; then pass; else fail "$2: a line lost its indent: $wrong"; fi
}
# today: between the theme and the summary, each line is an exercise ("  [open]") or hangs
# under it at column 13. A welcome back (after quiet days) is one more paragraph before them.
TODAY_INDENT='NR == 1 && /^Welcome back:/ { welcome = 1 } /^$/ { block++; next } block == 1 + welcome && !/^  \[/ && !/^            [^ ]/'
# log: a record starts with its date; its wrapped text hangs under the text: a note, a reason
# or an exercise at column 36, other records (started programme ...) at column 27.
LOG_INDENT='!/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]  / &&
            !/^                                   [^ ]/ && !/^                          [^ ]/'
# plan show: inside the weeks, everything but a week's heading is indented.
PLAN_INDENT='/^Week [0-9]/ { inside = 1; next } /^Weekly self-check/ { inside = 0 }
             inside && NF && !/^  /'

NOTE="今日は友達と夕食を食べた。話題が将来のことになった時、席を立ちたくなったけれど、そのまま座って最後まで話を聞いた。🙂 Café with Zoë (decomposed: Cafe\xcc\x81), https://example.org/abc"
NOTE=$(printf '%b' "$NOTE")
REASON="we were travelling all day and by the time we got home neither of us had the energy for anything that needed words"

for plan in "$SRC"/plans/*.toml; do
  id=$(basename "$plan" .toml)
  for width in 80 60; do
    if [ "$width" = 80 ]; then unset COLUMNS; else export COLUMNS=$width; fi
    export ATTUNE_DATA_DIR="$T_ROOT/data-$id-$width"
    weeks=$(sed -n 's/^weeks *= *\([0-9]*\).*/\1/p' "$plan" | head -1)
    weeks=${weeks:-6}
    tag="$id at $width"

    ATTUNE_NOW=2026-11-02T19:00 run start --plan "$plan"
    fits "$width" "$tag: start"
    ids=$(ATTUNE_NOW=2026-11-02T19:00 "$ATTUNE_BIN" today --format json |
      sed -n 's/^ *"id": "\(.*\)",$/\1/p')
    first=$(printf '%s\n' "$ids" | head -1)
    second=$(printf '%s\n' "$ids" | tail -1)
    ATTUNE_NOW=2026-11-02T19:00 run checkin "$first" -n "$NOTE"
    expect_rc 0 "$tag: checkin with a long note"
    if [ "$second" != "$first" ]; then
      ATTUNE_NOW=2026-11-02T19:05 run checkin -s "$second" -r "$REASON"
      expect_rc 0 "$tag: skip with a long reason"
    fi

    # Every day of the programme, so every exercise's text is shown on some day.
    day=0
    while [ "$day" -lt $((weeks * 7)) ]; do
      now=$(date -u -d "2026-11-02 +$day days" +%Y-%m-%dT19:00)
      ATTUNE_NOW=$now run today
      fits "$width" "$tag: today on $now"
      hangs "$TODAY_INDENT" "$tag: today on $now"
      day=$((day + 1))
    done
    ATTUNE_NOW=2026-11-02T19:10 run --color always today
    fits "$width" "$tag: today in colour"
    hangs "$TODAY_INDENT" "$tag: today in colour"

    n=1
    while [ "$n" -le "$weeks" ]; do
      ATTUNE_NOW=2026-11-02T19:10 run week "$n"
      fits "$width" "$tag: week $n"
      ATTUNE_NOW=2026-11-02T19:10 run report --week "$n"
      fits "$width" "$tag: report --week $n"
      n=$((n + 1))
    done
    run plan show "$plan"
    fits "$width" "$tag: plan show"
    hangs "$PLAN_INDENT" "$tag: plan show"
    ATTUNE_NOW=2026-11-09T19:00 run report
    fits "$width" "$tag: report"
    ATTUNE_NOW=2026-11-09T19:00 run log
    fits "$width" "$tag: log"
    hangs "$LOG_INDENT" "$tag: log"
    expect_out_has "将来" "$tag: the note is in the log"
    ATTUNE_NOW=2026-11-09T19:00 run support
    fits "$width" "$tag: support"
  done
done

# --help, and help for every command, at 80 and at 60 columns.
for width in 80 60; do
  if [ "$width" = 80 ]; then unset COLUMNS; else export COLUMNS=$width; fi
  run --help
  fits "$width" "--help at $width"
  hangs '/^(Options|Subcommands):/ { inside = 1; next } /^$/ { inside = 0 } inside && !/^  /' \
    "--help at $width"
  for cmd in $("$ATTUNE_BIN" complete commands | cut -f1); do
    run "$cmd" --help
    fits "$width" "help $cmd at $width"
  done
  run plan validate --help
  fits "$width" "plan validate --help at $width"
done

# The width rule: COLUMNS that is not a number is ignored (80); a wide COLUMNS is capped at
# 100 so prose stays readable.
export ATTUNE_DATA_DIR="$T_ROOT/data-avoidant-80"
COLUMNS=wide ATTUNE_NOW=2026-11-02T19:00 run today
fits 80 "COLUMNS=wide gives 80"
widest=$(printf '%s\n' "$OUT" | LC_ALL=C awk '{ if (length > m) m = length } END { print m }')
if [ "$widest" -ge 70 ]; then pass; else fail "COLUMNS=wide: text wraps far short of 80 ($widest)"; fi
COLUMNS=250 ATTUNE_NOW=2026-11-02T19:00 run today
fits 100 "COLUMNS=250 is capped at 100"
COLUMNS=40 ATTUNE_NOW=2026-11-02T19:00 run today
fits 40 "COLUMNS=40"
hangs "$TODAY_INDENT" "COLUMNS=40"

# A word longer than the line (a link) keeps a line of its own, uncut, so it still works when
# copied; the lines around it are wrapped as usual.
LINK=https://example.org/a/rather/long/link/that/is/longer/than/the/room
COLUMNS=60 ATTUNE_NOW=2026-11-02T19:20 run checkin -n "see $LINK for the exercise"
expect_rc 0 "a note with a long link"
COLUMNS=60 ATTUNE_NOW=2026-11-02T19:20 run log --grep rather
if printf '%s\n' "$OUT" | grep -qxF "                                   $LINK"; then pass; else
  fail "the link stands whole on a line of its own, under the note"
fi
expect_out_has "note     see" "the note begins on the record's line"

wide=$(python3 "$T_ROOT/width.py" "$MEASURED")
if [ -z "$wide" ]; then pass; else
  RC=0 OUT=$(printf '%s\n' "$wide" | head -20) ERR="" fail "lines wider than allowed"
fi
if [ "$measured" -ge 100 ]; then pass; else fail "only $measured outputs were measured"; fi

finish
