#!/usr/bin/env bash
# Every JSON output carries "schema": 1 first, and its keys are exactly the fields attune(1)
# JSON OUTPUT lists: the two cannot drift apart. The journal (_runs_fixture.py --every-field)
# has two programmes and every kind of record, so every documented field is printed somewhere.
. "$(dirname "$0")/_lib.sh"
export ATTUNE_NOW=2026-11-18T20:00
python3 "$(dirname "$0")/_runs_fixture.py" "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" \
  "$T_ROOT/journal" --every-field
OUT=$(python3 "$(dirname "$0")/_json_schema.py" "$ATTUNE_SOURCE_DIR/man/attune.1" "$T_ROOT/journal" 2>&1)
RC=$?
ERR=""
expect_rc 0 "JSON keys match attune(1) JSON OUTPUT"
expect_out_has "0 problems" "no field printed but undocumented, or documented but never printed"

# Outside a programme too: today's and remind's short objects still start with the schema.
rm -rf "$ATTUNE_DATA_DIR"
for args in "today --format json" "remind --format json" "config show --format json" "week 1 --format json" "plan show --format json"; do
  # shellcheck disable=SC2086
  run $args
  if printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if next(iter(d))=="schema" and d["schema"]==1 else 1)'; then
    pass
  else
    fail "$args without a programme: schema 1 first"
  fi
done
finish
