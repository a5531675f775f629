#!/usr/bin/env bash
# `attune remind` under cron's bare environment (env -i: no terminal, no colour, no PATH,
# no TZ): one kind line when something is open, nothing otherwise; --exit-code, json and
# --notify with and without notify-send.
. "$(dirname "$0")/_lib.sh"

# cron_run NOW ARGS...: attune under `env -i` with only HOME and the data folder, stdin closed.
cron_run() {
  local now=$1
  shift
  OUT=$(env -i HOME="$HOME" ATTUNE_DATA_DIR="$ATTUNE_DATA_DIR" ATTUNE_NOW="$now" \
    "$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" <&-)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}
# at NOW ARGS...: attune as a person runs it (the _lib.sh environment).

MON=2026-11-02T19:00 # the programme's first day, a Monday
TUE=2026-11-03T19:00

# No programme yet: idle.
cron_run "$MON" remind
expect_rc 0 "remind with no programme"
expect_out_empty "remind with no programme prints nothing (cron sends no mail)"
expect_err_empty "remind with no programme"
cron_run "$MON" remind --exit-code
expect_rc 11 "remind --exit-code with no programme"
expect_out_empty "remind --exit-code with no programme prints nothing"
cron_run "$MON" remind --format json
expect_rc 0 "remind json with no programme"
expect_out_has '"state":"idle"' "json says idle"
expect_out_has '"open":[]' "json has no open items when idle"

at "$MON" start
expect_rc 0 "start on Monday"

# Monday: the 4-a-week and the Monday exercise are open; catch-the-urge (when it arises) is
# never open, so never named.
cron_run "$MON" remind
expect_rc 0 "remind with something open (no --exit-code)"
expect_out_has "attune: 2 practices open today: trigger-note, body-check" \
  "remind names what is open"
expect_err_empty "remind with something open"
n=$(printf '%s\n' "$OUT" | grep -c '')
if [ "$n" -eq 1 ]; then pass; else fail "remind prints one line, not $n"; fi
if printf '%s' "$OUT" | grep -q $'\x1b'; then fail "remind printed colour"; else pass; fi
cron_run "$MON" remind --exit-code
expect_rc 10 "remind --exit-code with something open"
expect_out_has "2 practices open today" "remind --exit-code still prints the line"
cron_run "$MON" remind --format json --exit-code
expect_rc 10 "json --exit-code with something open"
expect_out_has '"state":"open"' "json says open"
expect_out_has '"date":"2026-11-02"' "json has the day"
expect_out_has '"week":1' "json has the week"
expect_out_has '"id":"trigger-note","title":"Write down the trigger","due_today":false,"week_done":0,"week_target":4' \
  "json describes an N-a-week exercise"
expect_out_has '"id":"body-check","title":"Check in with your body","due_today":true' \
  "json describes an exercise due today"
expect_out_lacks 'catch-the-urge' "json never names a situational exercise"
expect_out_has '"text":"attune: 2 practices open today' "json carries the line for status bars"

# Done or skipped is not open.
at "$MON" checkin catch-the-urge trigger-note
expect_rc 0 "check in two exercises"
at "$MON" checkin --skip body-check --reason "long day"
expect_rc 0 "skip one exercise"
cron_run "$MON" remind --exit-code
expect_rc 0 "remind --exit-code once everything is done or skipped"
expect_out_empty "remind prints nothing once everything is done or skipped"
expect_err_empty "remind when clear"
cron_run "$MON" remind --format json
expect_out_has '"state":"clear"' "json says clear"

# Tuesday: no body-check (Mon/Wed/Fri); the 4-a-week one stays open until done 4 times.
cron_run "$TUE" remind
expect_out_has "attune: 1 practice open today: trigger-note" "Tuesday's open item, singular"
at "$TUE" checkin --not-arisen catch-the-urge
cron_run "$TUE" remind
expect_out_has "attune: 1 practice open today: trigger-note" "a situation that did not come up changes nothing"

# --notify: notify-send is run directly with the line, and nothing is printed.
mkdir -p "$T_ROOT/bin" "$T_ROOT/badbin"
cat >"$T_ROOT/bin/notify-send" <<EOS
#!/bin/sh
printf '%s\n' "\$@" >"$T_ROOT/notified"
EOS
printf '#!/bin/sh\nexit 1\n' >"$T_ROOT/badbin/notify-send"
chmod +x "$T_ROOT/bin/notify-send" "$T_ROOT/badbin/notify-send"
OUT=$(env -i HOME="$HOME" ATTUNE_DATA_DIR="$ATTUNE_DATA_DIR" ATTUNE_NOW="$TUE" PATH="$T_ROOT/bin" \
  "$ATTUNE_BIN" remind --notify 2>"$T_ROOT/stderr" <&-)
RC=$?
ERR=$(cat "$T_ROOT/stderr")
expect_rc 0 "remind --notify"
expect_out_empty "remind --notify prints nothing when the notification was sent"
if grep -qx "1 practice open today: trigger-note" "$T_ROOT/notified" 2>/dev/null; then pass; else
  fail "notify-send did not get the line"
fi
OUT=$(env -i HOME="$HOME" ATTUNE_DATA_DIR="$ATTUNE_DATA_DIR" ATTUNE_NOW="$TUE" PATH="$T_ROOT/badbin" \
  "$ATTUNE_BIN" remind --notify 2>"$T_ROOT/stderr" <&-)
RC=$?
expect_out_has "attune: 1 practice open today: trigger-note" "a failed notification falls back to printing"
OUT=$(env -i HOME="$HOME" ATTUNE_DATA_DIR="$ATTUNE_DATA_DIR" ATTUNE_NOW="$TUE" PATH="$T_ROOT/none" \
  "$ATTUNE_BIN" remind --notify 2>"$T_ROOT/stderr" <&-)
RC=$?
expect_rc 0 "remind --notify without notify-send"
expect_out_has "attune: 1 practice open today: trigger-note" "no notify-send: printed instead"

# After the six weeks: idle again.
cron_run 2026-12-20T19:00 remind --exit-code
expect_rc 11 "remind --exit-code after the programme"
expect_out_empty "remind after the programme prints nothing"

# Errors keep their own codes, even with --exit-code.
cron_run "$TUE" remind --format yaml --exit-code
expect_rc 2 "a bad --format is a usage error"
expect_err_has "attune: error:" "a bad --format says so"

finish
