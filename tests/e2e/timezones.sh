#!/usr/bin/env bash
# Time zones and the day boundary: DST nights, a skipped day, check-ins after midnight, and a
# journal written in one zone read in another with the same results.
. "$(dirname "$0")/_lib.sh"

fresh() { export ATTUNE_DATA_DIR="$T_ROOT/data-$1"; }

# New York, spring forward: 2026-03-08 02:30 does not exist. It never throws.
fresh ny-spring
export TZ=America/New_York
ATTUNE_NOW=2026-03-05T10:00 run start
expect_rc 0 "start in New York"
ATTUNE_NOW=2026-03-08T02:30 run checkin catch
expect_rc 0 "check-in at a nonexistent 02:30"
expect_out_has "Saved for 2026-03-07 (before 04:00 still counts as the day before): catch-the-urge done." "02:30 is before 04:00: still the 7th, and it says so"
grep -q $'\t2026-03-07\t2026-03-08T07:00:00Z\tAmerica/New_York' "$ATTUNE_DATA_DIR/journal" && pass || fail "nonexistent time stored as the end of the gap"
ATTUNE_NOW=2026-03-08T09:00 run checkin catch
expect_rc 0 "check-in on the short day"
expect_out_has "Saved for today: catch-the-urge done." "the short day is a day"
ATTUNE_NOW=2026-03-09T09:00 run checkin catch
expect_out_has "You have a streak of 2 days" "the 7th and the short 8th both kept; an unfinished today does not break it"

# New York, fall back: 2026-11-01 01:30 happens twice.
fresh ny-fall
ATTUNE_NOW=2026-10-29T10:00 run start
expect_rc 0 "start before fall-back"
ATTUNE_NOW=2026-11-01T01:30 run checkin catch
expect_rc 0 "check-in at an ambiguous 01:30"
expect_out_has "Saved for 2026-10-31 (before 04:00 still counts as the day before): catch-the-urge done." "ambiguous 01:30 is still the 31st"
grep -q $'\t2026-10-31\t2026-11-01T05:30:00Z\t' "$ATTUNE_DATA_DIR/journal" && pass || fail "ambiguous time takes the earlier instant"
ATTUNE_NOW=2026-11-01T20:00 run today --format json
expect_out_has '"date": "2026-11-01"' "the long day is one day"
expect_out_has '"day": 4' "day 4 after the long night"

# Pacific/Apia skipped 2011-12-30 entirely.
fresh apia
export TZ=Pacific/Apia
ATTUNE_NOW=2011-12-28T12:00 run start
expect_rc 0 "start in Apia"
ATTUNE_NOW=2011-12-29T12:00 run checkin catch
expect_rc 0 "check-in on the 29th"
ATTUNE_NOW=2011-12-30T12:00 run today --format json
expect_rc 0 "a wall time on the day that did not exist"
# 12:00 on the missing day maps to the end of the gap (31st 00:00), before the 04:00 boundary.
expect_out_has '"date": "2011-12-30"' "the missing day's wall time counts for the logical 30th"
expect_out_has '"day": 3' "and is day 3"
ATTUNE_NOW=2011-12-31T12:00 run checkin catch
expect_rc 0 "check-in on the 31st"
ATTUNE_NOW=2011-12-31T12:00 run today --format json
expect_out_has '"day": 4' "the calendar day that did not happen still counts as a programme day"

# The day boundary at 04:00 (default) and a configured one.
fresh boundary
export TZ=Europe/Berlin
ATTUNE_NOW=2026-03-09T12:00 run start
ATTUNE_NOW=2026-03-11T01:30 run checkin catch
expect_out_has "Saved for 2026-03-10 (before 04:00 still counts as the day before): catch-the-urge done. Nothing is set for that day itself" "01:30 check-in saved for the 10th, and it says so"
grep -q $'\tdone\t2026-03-10\t2026-03-11T00:30:00Z\t' "$ATTUNE_DATA_DIR/journal" && pass || fail "01:30 on the 11th is stored for the 10th"
ATTUNE_NOW=2026-03-11T04:00 run today --format json
expect_out_has '"date": "2026-03-11"' "04:00 is the new day"
mkdir -p "$XDG_CONFIG_HOME/attune"
printf 'day_starts_at = "00:00"\n' >"$XDG_CONFIG_HOME/attune/config.toml"
ATTUNE_NOW=2026-03-12T01:30 run today --format json
expect_out_has '"date": "2026-03-12"' "a midnight boundary keeps 01:30 on its own day"
rm "$XDG_CONFIG_HOME/attune/config.toml"

# A journal written in Tokyo reads the same in Los Angeles.
fresh travel
export TZ=Asia/Tokyo
ATTUNE_NOW=2026-06-01T08:00 run start
for d in 01 02 03 05; do ATTUNE_NOW=2026-06-${d}T21:00 run checkin catch; done
ATTUNE_NOW=2026-06-05T22:00 run log --format json
tokyo_log=$OUT
ATTUNE_NOW=2026-06-05T22:00 run today --date 2026-06-03 --format json
tokyo_day=$OUT
export TZ=America/Los_Angeles
ATTUNE_NOW=2026-06-05T22:00 run log --format json
[ "$OUT" = "$tokyo_log" ] && pass || fail "log is the same under another zone"
ATTUNE_NOW=2026-06-05T22:00 run today --date 2026-06-03 --format json
[ "$OUT" = "$tokyo_day" ] && pass || fail "a past day reads the same under another zone"
expect_out_has '"state": "done"' "the Tokyo check-in is still done"

# TZ forms and bad values.
fresh tzforms
export TZ=:Asia/Tokyo
ATTUNE_NOW=2026-06-01T08:00 run config show
expect_out_has "Asia/Tokyo" "':Area/City' is accepted"
export TZ=Not/AZone
ATTUNE_NOW=2026-06-01T08:00 run config show
expect_rc 0 "unknown TZ still runs"
expect_err_has 'attune: warning: TZ="Not/AZone" is not a time zone name I know; using UTC' "unknown TZ warns"
expect_out_has "UTC" "unknown TZ falls back to UTC"
export TZ=Nowhere/Atlantis
ATTUNE_NOW=2026-06-01T08:00 run start
expect_rc 0 "unknown TZ: start still runs"
expect_err_has 'attune: warning: TZ="Nowhere/Atlantis" is not a time zone name I know; using UTC' "unknown TZ warns for start"
grep -q $'\tUTC\t' "$ATTUNE_DATA_DIR/journal" && pass || fail "unknown TZ: the start is recorded in UTC"
ATTUNE_NOW=2026-06-01T08:00 run today
expect_rc 0 "unknown TZ: today still runs"
expect_err_has 'attune: warning: TZ="Nowhere/Atlantis" is not a time zone name I know; using UTC' "unknown TZ warns for today"
export TZ=:Europe/Berlin
ATTUNE_NOW=2026-06-01T08:00 run config show
expect_rc 0 "':Europe/Berlin' runs"
expect_out_has "Europe/Berlin" "':Europe/Berlin' is accepted"
expect_err_empty "':Europe/Berlin' gives no warning"
export TZ=/usr/share/zoneinfo/Asia/Kolkata
ATTUNE_NOW=2026-06-01T08:00 run config show
expect_out_has "Asia/Kolkata" "a path under the zoneinfo folder names its zone"
# Only real zone files count: a folder, a non-TZif file, a leap-second zone or a path that
# climbs out of the zoneinfo folder is unknown.
for bad in Europe zone.tab right/Europe/Berlin ../../../etc/passwd; do
  export TZ=$bad
  ATTUNE_NOW=2026-06-01T08:00 run config show
  expect_rc 0 "TZ=$bad still runs"
  expect_err_has "attune: warning: TZ=\"$bad\" is not a time zone name I know; using UTC" "TZ=$bad is unknown"
done
# TZDIR moves the zoneinfo folder, as in glibc.
mkdir -p "$T_ROOT/tzdir/Test"
cp /usr/share/zoneinfo/Asia/Tokyo "$T_ROOT/tzdir/Test/Here"
export TZ=Test/Here
TZDIR="$T_ROOT/tzdir" ATTUNE_NOW=2026-06-01T08:00 run config show --format json
expect_rc 0 "a zone under TZDIR"
expect_out_has '"value": "Test/Here"' "TZDIR is searched"
expect_err_empty "a zone under TZDIR gives no warning"
TZDIR="$T_ROOT/tzdir" TZ=Europe/Berlin ATTUNE_NOW=2026-06-01T08:00 run config show
expect_err_has 'TZ="Europe/Berlin" is not a time zone name I know' "only TZDIR is searched when set"
# Without TZ, the zone /etc/localtime links to (where this machine has such a link).
link=$(readlink /etc/localtime 2>/dev/null || true)
case $link in
*zoneinfo/*)
  ( unset TZ; ATTUNE_NOW=2026-06-01T08:00 "$ATTUNE_BIN" config show >"$T_ROOT/sys.out" 2>"$T_ROOT/sys.err" )
  OUT=$(cat "$T_ROOT/sys.out"); ERR=$(cat "$T_ROOT/sys.err"); RC=0
  expect_out_has "${link##*zoneinfo/}" "no TZ: the zone /etc/localtime links to"
  expect_out_has "system zone" "no TZ: said to be the system zone"
  expect_err_empty "no TZ: no warning"
  ;;
esac
# An unknown configured zone is a config error at the setting, exit 78.
mkdir -p "$XDG_CONFIG_HOME/attune"
printf 'color = "never"\ntimezone = "Mars/Olympus"\n' >"$XDG_CONFIG_HOME/attune/config.toml"
ATTUNE_NOW=2026-06-01T08:00 run today
expect_rc 78 "unknown configured zone"
expect_err_has "attune: error: $XDG_CONFIG_HOME/attune/config.toml:2:1: unknown time zone \"Mars/Olympus\"; use an IANA name such as \"Europe/Berlin\"" "unknown configured zone wording and place"
expect_err_lines 1 "unknown configured zone is one line"
printf 'timezone = "Europe/Berlin"\n' >"$XDG_CONFIG_HOME/attune/config.toml"
TZ=Asia/Tokyo ATTUNE_NOW=2026-06-01T08:00 run config show
expect_out_has "Europe/Berlin" "a configured zone beats TZ"
rm "$XDG_CONFIG_HOME/attune/config.toml"
export TZ=UTC
ATTUNE_NOW=2026-13-01T08:00 run today
expect_rc 2 "bad ATTUNE_NOW"
expect_err_has 'attune: error: ATTUNE_NOW="2026-13-01T08:00" is not a date and time; use YYYY-MM-DDTHH:MM' "bad ATTUNE_NOW wording"
expect_err_lines 1 "bad ATTUNE_NOW is one line"

finish
