#!/usr/bin/env bash
# Hooks: $XDG_CONFIG_HOME/attune/hooks/on-* run after the records are on disk, read the new
# records as JSON lines, see ATTUNE_HOOK=1; a failing, hanging or unsafe hook is one warning
# line and changes nothing else; import runs no hook.
. "$(dirname "$0")/_lib.sh"

HOOKS="$XDG_CONFIG_HOME/attune/hooks"
mkdir -p "$HOOKS"
chmod 755 "$XDG_CONFIG_HOME" "$XDG_CONFIG_HOME/attune" "$HOOKS"
SEEN="$T_ROOT/seen"
mkdir -p "$SEEN"
# hook NAME: a hook that keeps its stdin and its ATTUNE_HOOK for the test to read.
hook() {
  cat >"$HOOKS/$1" <<SH
#!/bin/sh
cat >"$SEEN/$1.json"
printf '%s' "\$ATTUNE_HOOK" >"$SEEN/$1.env"
echo "hook $1 says hello"
SH
  chmod 755 "$HOOKS/$1"
}
hook on-start
hook on-checkin
hook on-reflect
export ATTUNE_NOW=2026-11-05T09:00
PY_BIN=python3

run start
expect_rc 0 "start"
if [ -s "$SEEN/on-start.json" ] && grep -q '"type":"start"' "$SEEN/on-start.json"; then pass; else
  fail "on-start read the start record"
fi
expect_out_lacks "hook on-start says hello" "a hook's output never goes to stdout"
expect_err_has "hook on-start says hello" "it goes to stderr"

# on-checkin reads exactly the new records, as log --format json writes them.
run checkin catch-the-urge --note "felt it, stayed"
expect_rc 0 "checkin"
if [ "$(cat "$SEEN/on-checkin.env" 2>/dev/null)" = 1 ]; then pass; else fail "ATTUNE_HOOK=1 in the hook"; fi
JSONLOG=$("$ATTUNE_BIN" log --format json)
if "$PY_BIN" - "$SEEN/on-checkin.json" "$JSONLOG" <<'PY'; then pass; else fail "on-checkin received exactly the new records"; fi
import json, sys
lines = open(sys.argv[1]).read().splitlines()
got = [json.loads(l) for l in lines]
log = json.loads(sys.argv[2])["records"]
assert [g["type"] for g in got] == ["done", "note"], got
assert got[0]["exercise"] == "catch-the-urge" and got[1]["text"] == "felt it, stayed", got
by_id = {r["id"]: r for r in log}
for g in got:  # the schema of log --format json, field for field
    assert by_id[g["id"]] == g, (by_id[g["id"]], g)
PY
rm -f "$SEEN"/on-checkin.*

# A failing hook: one warning line, the record stays, exit 0.
printf '#!/bin/sh\ncat >/dev/null\nexit 3\n' >"$HOOKS/on-checkin"
run checkin trigger-note
expect_rc 0 "a failing hook leaves the exit status alone"
expect_err_has "attune: warning: hook on-checkin failed (exit status 3); the record is saved" "one warning"
expect_err_lines 1 "one line"
run log --format json
expect_out_has '"exercise": "trigger-note"' "the record is in place"

# A hanging hook (and its child) is stopped after hook_timeout.
printf 'hook_timeout = 1\n' >"$XDG_CONFIG_HOME/attune/config.toml"
printf '#!/bin/sh\nsleep 30 &\nsleep 30\n' >"$HOOKS/on-checkin"
BEFORE=$(date +%s)
run checkin body-check
AFTER=$(date +%s)
expect_rc 0 "a hanging hook leaves the exit status alone"
expect_err_has "attune: warning: hook on-checkin did not finish within 1 s and was stopped" "one warning"
expect_err_lines 1 "one line"
if [ $((AFTER - BEFORE)) -lt 10 ]; then pass; else fail "stopped in time ($((AFTER - BEFORE)) s)"; fi
run log --format json
expect_out_has '"exercise": "body-check"' "the record is in place"
rm "$XDG_CONFIG_HOME/attune/config.toml"

# A hook anyone can write to is refused; so is one that is not executable.
hook on-checkin
chmod 777 "$HOOKS/on-checkin"
ATTUNE_NOW=2026-11-06T09:00 run checkin catch-the-urge
expect_rc 0 "refused hook, saved record"
expect_err_has "is writable by anyone, so it was not run" "world-writable hook refused"
expect_err_lines 1 "one line"
if [ ! -e "$SEEN/on-checkin.json" ]; then pass; else fail "the world-writable hook did not run"; fi
chmod 644 "$HOOKS/on-checkin"
ATTUNE_NOW=2026-11-07T09:00 run checkin catch-the-urge
expect_err_has "is not executable, so it was not run" "non-executable hook refused"
chmod 755 "$HOOKS/on-checkin"
chmod 777 "$HOOKS"
ATTUNE_NOW=2026-11-08T09:00 run checkin catch-the-urge
expect_err_has "is in a folder anyone can write to, so it was not run" "world-writable folder refused"
if [ ! -e "$SEEN/on-checkin.json" ]; then pass; else fail "the hook in a world-writable folder did not run"; fi
chmod 755 "$HOOKS"

# A self-check runs on-reflect.
ATTUNE_NOW=2026-11-08T10:00 run reflect --baseline --answers 3,3,3,3,3,3,3
if grep -q '"type":"check"' "$SEEN/on-reflect.json" 2>/dev/null; then pass; else fail "on-reflect read the self-check (rc=$RC: $ERR)"; fi

# Import never runs a hook.
"$ATTUNE_BIN" export >"$T_ROOT/export.json"
rm -f "$SEEN"/*
ATTUNE_DATA_DIR="$T_ROOT/other" run import "$T_ROOT/export.json"
expect_rc 0 "import"
if [ -z "$(ls "$SEEN")" ]; then pass; else fail "no hook ran on import: $(ls "$SEEN")"; fi

# attune inside a hook runs no hooks (a hook that checks in cannot loop).
ATTUNE_HOOK=1 ATTUNE_NOW=2026-11-09T09:00 run checkin catch-the-urge
expect_rc 0 "checkin inside a hook"
if [ ! -e "$SEEN/on-checkin.json" ]; then pass; else fail "no hooks from inside a hook"; fi

# attune end runs on-end with its end record (reason and all), after the record is saved.
hook on-end
ATTUNE_NOW=2026-11-09T10:00 run end --reason "moving house"
expect_rc 0 "end"
if grep -q '"type":"end"' "$SEEN/on-end.json" 2>/dev/null && grep -q '"reason":"moving house"' "$SEEN/on-end.json"; then pass; else
  fail "on-end read the end record (rc=$RC: $ERR)"
fi
ATTUNE_NOW=2026-11-09T10:00 run log --format json
expect_out_has '"type": "end"' "the end record is on disk"

finish
