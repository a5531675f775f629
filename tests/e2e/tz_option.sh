#!/usr/bin/env bash
# Config and time zones (issue 18, item 15): every config mistake in one run, with positions
# and did-you-mean (zone names too); --tz ZONE for one command; timezone = "auto" in the
# config to follow TZ and the system zone.
. "$(dirname "$0")/_lib.sh"
CONF="$XDG_CONFIG_HOME/attune/config.toml"
mkdir -p "$(dirname "$CONF")"
printf 'timezone = "Europe/Berlin"\n' >"$CONF"

ATTUNE_NOW=2026-11-02T19:00 run start -q
expect_rc 0 "start"

# --tz beats the config file for this one command; the record keeps the zone it was made in.
ATTUNE_NOW=2026-11-02T19:00 run --tz America/Los_Angeles checkin catch-the-urge
expect_rc 0 "checkin --tz"
ATTUNE_NOW=2026-11-02T19:05 run checkin -n "back home"
expect_rc 0 "the next command without --tz"
run log --format json
zones=$(printf '%s\n' "$OUT" | sed -n 's/^ *"zone": "\(.*\)",$/\1/p' | tr '\n' ' ')
if [ "$zones" = "Europe/Berlin America/Los_Angeles Europe/Berlin " ]; then pass; else
  fail "zones of the records: '$zones'"
fi
# 19:00 in Los Angeles is 03:00 the next day in UTC; 19:00 in Berlin is 18:00 UTC.
expect_out_has '"recorded": "2026-11-03T03:00:00Z"' "the --tz record's instant is Los Angeles time"
expect_out_has '"recorded": "2026-11-02T18:00:00Z"' "the start's instant is Berlin time"

run --tz America/Los_Angeles config show
expect_rc 0 "config show --tz"
expect_out_has "America/Los_Angeles" "config show names the zone"
expect_out_has "(flag: --tz)" "and says it came from --tz"

run --tz Berln today
expect_rc 2 "an unknown --tz is a usage error"
expect_err_has 'attune: error: unknown time zone "Berln" for --tz' "names the zone and the option"
expect_err_lines 1 "one line"
expect_out_empty "nothing on stdout"

# timezone = "auto": TZ decides, and without TZ the system zone.
printf 'timezone = "auto"\n' >"$CONF"
TZ=Asia/Tokyo run config show
expect_rc 0 "config show with auto"
expect_out_has "Asia/Tokyo" "auto follows TZ"
expect_out_has "(environment: TZ)" "and says so"
TZ=Asia/Tokyo ATTUNE_NOW=2026-11-02T20:00 run checkin trigger-note
expect_rc 0 "checkin with timezone auto"
run log --format json
expect_out_has '"zone": "Asia/Tokyo"' "the record keeps Tokyo"
# --tz still beats auto.
TZ=Asia/Tokyo run --tz UTC config show
expect_out_has "(flag: --tz)" "--tz beats timezone = auto"

# Three mistakes, three lines, one run (exit 78), in the order of the file.
printf 'timezone = "Berln"\nday_start_at = "03:00"\ncolor = "blue"\n' >"$CONF"
run today
expect_rc 78 "a config with three mistakes"
expect_err_lines 3 "one line per mistake"
expect_err_has "config.toml:1:1: unknown time zone \"Berln\"; did you mean \"Europe/Berlin\"?" \
  "the zone, with a did-you-mean"
expect_err_has "config.toml:2:1: unknown key \"day_start_at\"; did you mean \"day_starts_at\"?" "the key"
expect_err_has "config.toml:3:9: color \"blue\" is not auto, always or never" "the colour"
if [ "$(printf '%s\n' "$ERR" | sed -n 's/.*config.toml:\([0-9]*\):.*/\1/p' | tr '\n' ' ')" = "1 2 3 " ]; then
  pass
else fail "the mistakes in the order of the file"; fi
expect_out_empty "nothing on stdout"

# --tz also suggests a zone.
printf '' >"$CONF"
run --tz europe/berlin today
expect_rc 2 "--tz with a wrong case"
expect_err_has 'did you mean "Europe/Berlin"?' "--tz suggests the zone"

finish
