#!/usr/bin/env bash
# `attune report` and `attune streak` on a fixed six-week journal, and the HTML report in a
# real browser (Debian's chromium, headless): the page and its SVG charts are there, text is
# escaped, and a screenshot is kept at $ATTUNE_BUILD_DIR/report.png for people to look at.
. "$(dirname "$0")/_lib.sh"

run report
expect_rc 2 "report before any programme"
expect_err_has "attune: error: no programme has been started yet; begin with 'attune start'" \
  "report before any programme says how to begin"
expect_err_lines 1 "no programme is one line"

mkdir -m 700 -p "$ATTUNE_DATA_DIR"
python3 "$(dirname "$0")/_journal_fixture.py" "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" \
  "$ATTUNE_DATA_DIR/journal"
chmod 600 "$ATTUNE_DATA_DIR/journal"
export ATTUNE_NOW=2026-11-25T21:00

run report
expect_rc 0 "text report"
expect_out_has "Week 4 · Day 24 of 42" "text report says where we are"
expect_out_has "● kept" "text report has a legend with symbols"
expect_out_has "A personal trend, not a diagnosis." "text report frames the self-check"
expect_out_lacks $'\e[' "no colour when not on a terminal"
widest=$(printf '%s\n' "$OUT" | while IFS= read -r l; do printf '%s\n' "${#l}"; done | sort -n | tail -1)
if [ "$widest" -le 80 ]; then pass; else fail "text report is $widest columns wide"; fi

COLUMNS=50 run report --week 4
expect_rc 0 "narrow text report"
widest=$(printf '%s\n' "$OUT" | while IFS= read -r l; do printf '%s\n' "${#l}"; done | sort -n | tail -1)
if [ "$widest" -le 50 ]; then pass; else fail "narrow report is $widest columns wide"; fi
expect_out_has "Week 4: " "--week shows that week's detail"

run --color always report
expect_out_has $'\e[32m●' "--color always paints kept days green"

run report --format json
expect_rc 0 "json report"
expect_out_has '"week": 4,' "json has the programme week"
expect_out_has '"day": 24,' "json has the programme day"
expect_out_has '"streak": {' "json has the streak"
if printf '%s' "$OUT" | python3 -c 'import json,sys; json.load(sys.stdin)'; then pass; else fail "json parses"; fi

run report --format csv
expect_rc 0 "csv report"
expect_out_has $'date,week,day,exercise,title,status,reason\r' "csv header with CRLF"
expect_out_has '"away, ""busy"""' "csv quotes a reason with a comma and quotes"

run report --format markdown
expect_rc 0 "markdown report"
expect_out_has "## Week by week" "markdown has the weekly table"
expect_out_has '\<script\>' "markdown escapes angle brackets in notes"

run report --format pdf
expect_rc 2 "unknown format"
expect_err_has 'attune: error: unknown report format "pdf"; choose text, json, csv, markdown or html' \
  "unknown format wording"
run report --format htm
expect_err_has "did you mean 'html'?" "format did-you-mean"

run report --week 9
expect_rc 2 "week outside the programme"
expect_err_has 'week "9" is not in the programme; choose a week from 1 to 6' "bad week wording"

run report --run 3
expect_rc 2 "unknown run"
expect_err_has 'there is no programme 3; there is only programme 1' "unknown run wording"

run streak
expect_rc 0 "streak"
expect_out_has "Current streak: " "streak shows the current streak"
expect_out_has "Last 14 days:" "streak shows the last two weeks"

html="$T_ROOT/out/report.html"
mkdir -p "$T_ROOT/out"
run report --format html --output "$html"
expect_rc 0 "html report to a file"
expect_out_has "Saved the report to $html" "html report says where it went"
[ "$(stat -c %a "$html")" = 600 ] && pass || fail "report file is not 0600"
grep -q '<script' "$html" && fail "html contains a script" || pass
grep -qE 'https?://' "$html" && fail "html refers to the network" || pass

# --output replaces a file whole (temporary file, then rename): an older, wider-open file
# becomes 0600 and no temporary file is left behind; a folder, or /dev/stdout (a pipe here),
# is refused with exit 2 (tests/e2e/output_safety.sh has every kind of refused target).
txt="$T_ROOT/out/report.txt"
printf 'old\n' >"$txt"
chmod 644 "$txt"
run report --output "$txt"
expect_rc 0 "text report over an existing file"
[ "$(stat -c %a "$txt")" = 600 ] && pass || fail "a replaced report file is not 0600"
grep -q '^old$' "$txt" && fail "the old report was not replaced" || pass
[ -z "$(find "$T_ROOT/out" -name '.*attune-*')" ] && pass || fail "a temporary file was left"
run report --output "$T_ROOT/out"
expect_rc 2 "report into a folder"
expect_err_has "\"$T_ROOT/out\" is a folder; give a file name inside it" \
  "report into a folder wording"
run report --output /dev/stdout
expect_rc 2 "report to /dev/stdout"
expect_err_has "not a regular file" "report to /dev/stdout says why"
run report --output -
expect_rc 0 "report to -"
expect_out_has "Week 4 · Day 24 of 42" "report to - is printed"

if ! command -v chromium >/dev/null; then
  RC=1 OUT="" ERR=""
  fail "chromium is not installed: run scripts/setup.sh --tests (apt-get install chromium)"
  finish
  exit
fi
browse() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$(mktemp -d "$T_ROOT/chromium.XXXXXX")" "$@" 2>>"$T_ROOT/chromium.log"
}
OUT=$(browse --dump-dom "file://$html")
RC=$?
ERR=$(tail -5 "$T_ROOT/chromium.log")
expect_rc 0 "chromium renders the page"
expect_out_has "Week 4 · Day 24 of 42" "the page says where we are"
for chart in chart-calendar chart-adherence chart-self-check; do
  expect_out_has "<svg id=\"$chart\"" "the page has the $chart chart"
done
count=$(printf '%s' "$OUT" | grep -o '<g class="day ' | wc -l)
[ "$count" -eq 42 ] && pass || fail "calendar has $count day cells, expected 42"
expect_out_has "&lt;script&gt;alert(1)&lt;/script&gt; &amp; it went fine" "notes are escaped"
expect_out_lacks "<script>" "no script element in the page"
expect_out_has "not a diagnosis" "the self-check is framed kindly"

shot="${ATTUNE_BUILD_DIR:-$T_ROOT}/report.png"
rm -f "$shot"
browse --window-size=960,2600 --hide-scrollbars --screenshot="$shot" "file://$html" >/dev/null
RC=$?
expect_rc 0 "chromium takes a screenshot"
size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] && pass || fail "screenshot $shot is missing or empty ($size bytes)"

finish
