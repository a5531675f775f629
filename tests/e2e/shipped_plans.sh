#!/usr/bin/env bash
# Issue 18 item 9: every shipped plan is compiled in. A copy of the binary in an empty folder
# (no plans/ beside it, nothing installed) lists all three and starts any of them; a plan of
# the user's own with a shipped id (in the config plans folder) overrides it.
. "$(dirname "$0")/_lib.sh"
SRC=${ATTUNE_SOURCE_DIR:?}

lone=$T_ROOT/lone
mkdir -p "$lone"
cp "$ATTUNE_BIN" "$lone/attune"
ATTUNE_BIN=$lone/attune
[ "$(ls "$lone")" = attune ] && pass || fail "the folder holds only the binary"

run plan list
expect_rc 0 "plan list from an empty folder"
expect_err_empty "plan list warns of nothing"
for id in anxious avoidant fearful-avoidant; do
  printf '%s\n' "$OUT" | grep -q "^$id  *.*(built-in" && pass || fail "plan list shows $id, built in"
done
expect_out_has "(built-in, default)" "the default still marked"

export ATTUNE_NOW=2026-11-02T09:00
run start --plan anxious
expect_rc 0 "start --plan anxious with no plan files anywhere"
expect_out_has "Steady ground: six weeks of small steps" "the anxious plan started"
cmp -s "$(ls "$ATTUNE_DATA_DIR"/plans/*.toml)" "$SRC/plans/anxious.toml" && pass ||
  fail "the saved copy is the shipped text"
run plan show fearful-avoidant
expect_rc 0 "plan show fearful-avoidant"
expect_out_has "id fearful-avoidant · 6 weeks · built-in" "shown as built in"

# A user plan with the same id wins over the compiled-in one.
mkdir -p "$XDG_CONFIG_HOME/attune/plans"
mine=$XDG_CONFIG_HOME/attune/plans/anxious.toml
sed 's/^name = .*/name = "My own steady ground"/' "$SRC/plans/anxious.toml" >"$mine"
run plan list
expect_rc 0 "plan list with a user plan"
printf '%s\n' "$OUT" | grep -q "^anxious  *My own steady ground  ($mine)" && pass ||
  fail "the user's anxious replaces the built-in one"
[ "$(printf '%s\n' "$OUT" | grep -c '^anxious ')" -eq 1 ] && pass || fail "anxious listed once"
export ATTUNE_DATA_DIR=$T_ROOT/data2
run start --plan anxious
expect_rc 0 "start --plan anxious with a user plan"
expect_out_has "Programme 1 started: My own steady ground." "the user's plan started"
finish
