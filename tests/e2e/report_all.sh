#!/usr/bin/env bash
# report --run all: every programme side by side. Text and JSON are compared with golden files
# (tests/golden/report_all.txt, .json) on a fixed two-programme journal (_runs_fixture.py) at
# a fixed now and zone. After an intended change, regenerate them with
#   ATTUNE_UPDATE_GOLDEN=1 ATTUNE_BIN=build/attune ATTUNE_SOURCE_DIR=$PWD bash tests/e2e/report_all.sh
# and read the diff before committing.
. "$(dirname "$0")/_lib.sh"
GOLDEN="$ATTUNE_SOURCE_DIR/tests/golden"
export ATTUNE_NOW=2026-11-18T20:00 TZ=UTC COLUMNS=80

run report --run all
expect_rc 2 "--run all before any programme (as report)"
expect_err_has "attune: error: no programme has been started yet" "nothing started: one kind line"

mkdir -p "$ATTUNE_DATA_DIR" && chmod 700 "$ATTUNE_DATA_DIR"
python3 "$(dirname "$0")/_runs_fixture.py" "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" \
  "$ATTUNE_DATA_DIR/journal"
chmod 600 "$ATTUNE_DATA_DIR/journal"

# golden NAME ARGS...: stdout of attune ARGS equals tests/golden/NAME (or rewrites it).
golden() {
  local name=$1
  shift
  run "$@"
  expect_rc 0 "$*"
  expect_err_empty "$*"
  if [ "${ATTUNE_UPDATE_GOLDEN:-}" = 1 ]; then
    printf '%s\n' "$OUT" >"$GOLDEN/$name"
    echo "rewrote tests/golden/$name"
  elif diff -u "$GOLDEN/$name" <(printf '%s\n' "$OUT") >"$T_ROOT/diff"; then
    pass
  else
    fail "$* differs from tests/golden/$name: $(head -40 "$T_ROOT/diff")"
  fi
}
golden report_all.txt report --run all
golden report_all.json report --run all --format json

# One row per programme in every format, the second run beside the first.
run report --run all --format markdown
expect_rc 0 "markdown"
expect_out_has "| 1 | Staying close: six weeks of small steps | 2026-09-07 – 2026-10-18 | finished | 42 |" "markdown row of run 1"
expect_out_has "| 2 | Staying close: six weeks of small steps | 2026-11-02 – 2026-12-13 | running | 17 |" "markdown row of run 2"
run report --run all --format html
expect_rc 0 "html"
expect_out_has '<tr data-run="1">' "html row of run 1"
expect_out_has '<tr data-run="2">' "html row of run 2"
expect_out_has '<svg id="chart-run-1" class="run-chart" role="img" viewBox="0 0 370 220"' "run 1's chart"
expect_out_has '<svg id="chart-run-2" class="run-chart" role="img" viewBox="0 0 370 220"' "run 2's chart: the same axis"
expect_out_lacks "<script" "html: no scripts"
expect_out_lacks "http" "html: no external assets"
printf '%s' "$OUT" | python3 -c 'import sys, xml.dom.minidom as m, re
for svg in re.findall(r"<svg.*?</svg>", sys.stdin.read(), re.S): m.parseString(svg)' \
  && pass || fail "each chart is well-formed SVG"

# Saved to a file like any report; notes never appear.
run report --run all --format html -o "$T_ROOT/all.html"
expect_rc 0 "--run all -o FILE"
[ "$(stat -c %a "$T_ROOT/all.html")" = 600 ] && pass || fail "the file is private (0600)"
run report --run all --no-notes
expect_rc 0 "--run all --no-notes"
expect_out_lacks "Told A." "no note"

# What --run all does not do, each refused in one line with a way forward.
run report --run all --format csv
expect_rc 2 "--run all --format csv"
expect_err_has "attune: error: --run all has no csv format; choose text, json, markdown or html, or a single run for csv" "csv refused"
run report --run all --week 2
expect_rc 2 "--run all --week"
expect_err_has "attune: error: --week details one programme, not all of them" "--week refused"
run report --run some
expect_rc 2 "--run some"
expect_err_has "attune: error: --run \"some\" is not a run number or \"all\"" "--run some refused"
expect_err_lines 1 "one line"
run report --run 1 --format json
expect_rc 0 "--run 1 still reports one run"
expect_out_has '"run": 1,' "run 1's report"

# Narrow terminals get one block per programme instead of tables.
COLUMNS=40 run report --run all
expect_rc 0 "40 columns"
expect_out_has "Run 2 · avoidant · running" "a block per programme"
long=$(printf '%s\n' "$OUT" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
[ "$long" -le 44 ] && pass || fail "40 columns: a line of $long bytes"
finish
