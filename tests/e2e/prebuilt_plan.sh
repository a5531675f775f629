#!/usr/bin/env bash
# A run of a shipped plan uses the form parsed when attune was built (no TOML parse). Every
# command must show exactly what it shows when the saved copy has to be parsed: a comment
# added at the end of the copy makes it differ from the shipped text by one line.
. "$(dirname "$0")/_lib.sh"

SRC=$ATTUNE_SOURCE_DIR
views() {
  for args in "today" "today --format json" "report" "report --format json" "report --format csv" \
    "log" "streak" "remind" "plan show"; do
    # shellcheck disable=SC2086
    run $args
    printf '== %s (%s)\n%s\n%s\n' "$args" "$RC" "$OUT" "$ERR"
  done
}
for plan in "$SRC"/plans/*.toml; do
  name=$(basename "$plan" .toml)
  export ATTUNE_DATA_DIR=$T_ROOT/data-$name ATTUNE_NOW=2026-11-02T09:00
  run start --plan "$plan"
  expect_rc 0 "$name: start"
  copy=$(ls "$ATTUNE_DATA_DIR"/plans/*.toml)
  cmp -s "$copy" "$plan" && pass || fail "$name: the saved copy is the shipped text"
  export ATTUNE_NOW=2026-11-04T20:00
  first=$("$ATTUNE_BIN" today --format json | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["exercises"][0]["id"])' 2>/dev/null)
  [ -n "$first" ] && pass || fail "$name: today names an exercise"
  run checkin "$first" --note "a quiet walk"
  expect_rc 0 "$name: check-in"
  run today # the week's introduction shows once, on the first today: not part of the comparison
  shipped=$(views)
  printf '%s' "$shipped" | grep -qF "== report (0)" && pass || fail "$name: report runs"
  printf '# a comment: no longer the shipped text\n' >>"$copy"
  parsed=$(views)
  if [ "$shipped" = "$parsed" ]; then pass; else
    fail "$name: output differs between the prebuilt and the parsed plan"
    diff <(printf '%s\n' "$shipped") <(printf '%s\n' "$parsed") | head -20 >&2
  fi
done
finish
