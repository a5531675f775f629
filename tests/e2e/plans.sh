#!/usr/bin/env bash
# attune plan list | show | validate, with the shipped plans and a broken one.
. "$(dirname "$0")/_lib.sh"
SRC=${ATTUNE_SOURCE_DIR:?}
BROKEN="$SRC/tests/fixtures/plans/broken.toml"

run plan validate "$SRC/plans/avoidant.toml" "$SRC/plans/anxious.toml" "$SRC/plans/fearful-avoidant.toml"
expect_rc 0 "shipped plans validate"
expect_err_empty "shipped plans have no diagnostics"
expect_out_has "$SRC/plans/anxious.toml: ok (plan \"anxious\", 6 weeks)" "ok line per file"

run --quiet plan validate "$SRC/plans/avoidant.toml"
expect_rc 0 "validate --quiet"
expect_out_empty "--quiet prints no ok line"

run plan validate "$BROKEN" "$SRC/plans/avoidant.toml"
expect_rc 2 "a broken plan exits 2"
expect_err_lines 3 "one line per problem"
expect_err_has "$BROKEN:26:35: error: unknown weekday \"fry\"; did you mean \"fri\"?" "bad weekday"
expect_err_has "$BROKEN:30:3: error: unknown key \"titel\" in an exercise of week 1; did you mean \"title\"?" "unknown key"
expect_err_has "$BROKEN:34:33: error: times_per_week 8 is impossible; use 1 to 7: a week has seven days" "impossible schedule"
expect_out_has "avoidant.toml: ok" "the valid file is still reported"

run plan validate "$T_ROOT/missing.toml"
expect_rc 2 "a missing file exits 2"
expect_err_has "$T_ROOT/missing.toml: error: cannot read plan file" "missing file named"

run plan list
expect_rc 0 "plan list"
expect_out_has "avoidant" "built-in plan listed"
expect_out_has "(built-in, default)" "default marked"

mkdir -p "$XDG_CONFIG_HOME/attune/plans"
sed 's/^id = "anxious"/id = "my-steps"/' "$SRC/plans/anxious.toml" >"$XDG_CONFIG_HOME/attune/plans/my-steps.toml"
run plan list
expect_out_has "my-steps" "user plan listed"
run plan show my-steps
expect_rc 0 "user plan shown by id"
expect_out_has "Steady ground" "user plan text"

run plan show
expect_rc 0 "plan show"
expect_out_has "Staying close: six weeks of small steps" "default plan name"
expect_out_has "Week 6: Open up about something that matters" "last week"
expect_out_has "not therapy" "the notice"
expect_out_has "reverse-scored)" "reverse items marked"
expect_out_has "(avoidance, reverse-scored)" "items show their dimension"
expect_out_has "(noticing)" "awareness items are shown as noticing"
expect_out_has "Then: How hard was this week for you? (reported, never scored)" "the distress question is shown"

run plan show "$SRC/plans/fearful-avoidant.toml" --format json
expect_rc 0 "plan show FILE --format json"
expect_out_has '"id": "fearful-avoidant"' "json id"
expect_out_has '"kind": "times_per_week"' "json schedule kind"
if printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["week"]) == 6' 2>/dev/null; then pass; else fail "json parses with six weeks"; fi

run --plan my-steps plan show
expect_rc 0 "--plan picks the plan to show"
expect_out_has "Steady ground" "--plan my-steps"

run plan show avoidnt
expect_rc 2 "unknown plan id"
expect_err_has 'attune: error: unknown plan "avoidnt"; did you mean "avoidant"?' "did-you-mean"
expect_err_lines 1 "unknown plan is one line"

run plan show "$BROKEN"
expect_rc 2 "invalid plan given to show"
expect_err_has "attune: error: $BROKEN:26:35: unknown weekday \"fry\" (and 2 more problems)" "first problem and count"

# The complete example in attune-plan(5) is a valid plan.
awk '/^\.EX/{n++; next} /^\.EE/{if (n == 1) exit} n == 1' "$SRC/man/attune-plan.5" |
  sed 's/\\e/\\/g' >"$T_ROOT/example.toml"
run plan validate "$T_ROOT/example.toml"
expect_rc 0 "the man page example validates"
expect_out_has 'ok (plan "small-steps", 2 weeks)' "the man page example is the whole plan"

# An empty environment in an empty folder still has the built-in plan.
EMPTY_HOME=$(mktemp -d "$T_ROOT/home.XXXXXX")
OUT=$(cd "$EMPTY_HOME" && env -i HOME="$EMPTY_HOME" "$ATTUNE_BIN" plan show 2>"$T_ROOT/stderr")
RC=$?
ERR=$(cat "$T_ROOT/stderr")
expect_rc 0 "env -i plan show"
expect_out_has "Staying close" "env -i shows the default plan"

finish
