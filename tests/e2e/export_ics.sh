#!/usr/bin/env bash
# attune export --format ics: a calendar that a real parser (Python's icalendar, from Debian's
# python3-icalendar) reads, with the events, alarms, zone and stable UIDs of a fixed programme
# in Europe/Berlin across the end of summer time (25 October 2026), with a pause left out.
. "$(dirname "$0")/_lib.sh"

# Debian's python3 has the module; a python3 earlier on PATH may not.
PY=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import icalendar' 2>/dev/null; then PY=$candidate; break; fi
done
if [ -z "$PY" ]; then
  echo "FAIL: no python3 with icalendar (install python3-icalendar: scripts/setup.sh --tests)" >&2
  exit 1
fi

export TZ=Europe/Berlin
run export --format ics
expect_rc 2 "nothing to export before a programme"
expect_err_has "attune: error: no programme is running" "says why"

ATTUNE_NOW=2026-10-12T08:00 run start
expect_rc 0 "start on Monday 2026-10-12"
# Three days away, planned ahead: no reminders then, and the later ones move three days on.
ATTUNE_NOW=2026-10-13T08:00 run pause --from 2026-10-28 --until 2026-10-30
expect_rc 0 "a planned pause"
START_ID=$("$ATTUNE_BIN" log --format json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["records"][0]["id"])')

ATTUNE_NOW=2026-10-13T09:00 run export --format ics
expect_rc 0 "export ics"
expect_err_empty "no warnings"

ATTUNE_NOW=2026-10-13T09:00 "$ATTUNE_BIN" export --format ics >"$T_ROOT/a.ics"

check() { # check FILE REMIND_HOUR REMIND_MINUTE: the calendar, read by icalendar
  "$PY" - "$1" "$START_ID" "$2" "$3" <<'PY'
import datetime, sys
from icalendar import Calendar
path, start_id, hour, minute = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
raw = open(path, "rb").read()
problems = []
def check(cond, what):
    if not cond:
        problems.append(what)

# Line ends and folding, on the bytes.
check(raw.endswith(b"END:VCALENDAR\r\n"), "ends with END:VCALENDAR CRLF")
check(b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF")
lines = raw.split(b"\r\n")[:-1]
check(all(len(l) <= 75 for l in lines), "no line over 75 octets")
check(any(l.startswith(b" ") for l in lines), "long lines are folded")
for l in lines:
    try:
        l.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("a fold splits a UTF-8 sequence: %r" % l)

cal = Calendar.from_ical(raw)
check(str(cal["VERSION"]) == "2.0", "VERSION 2.0")
zones = cal.walk("VTIMEZONE")
check(len(zones) == 1 and str(zones[0]["TZID"]) == "Europe/Berlin", "one VTIMEZONE, Europe/Berlin")
std = [c for c in zones[0].walk("STANDARD")]
dst = [c for c in zones[0].walk("DAYLIGHT")]
check(len(dst) >= 1 and len(std) >= 1, "STANDARD and DAYLIGHT components")
change = [c for c in std if c.decoded("DTSTART") == datetime.datetime(2026, 10, 25, 3, 0)]
check(len(change) == 1, "summer time ends 2026-10-25 03:00")
if change:
    check(change[0].decoded("TZOFFSETFROM") == datetime.timedelta(hours=2), "from +0200")
    check(change[0].decoded("TZOFFSETTO") == datetime.timedelta(hours=1), "to +0100")

events = cal.walk("VEVENT")
# avoidant, six weeks from Monday 2026-10-12 with 2026-10-28..30 paused: daily, weekday and
# N-a-week exercises; when-it-arises ones have no day, so no reminder.
check(len(events) == 28, "28 events, not %d" % len(events))
uids = [str(e["UID"]) for e in events]
check(len(set(uids)) == len(uids), "UIDs are unique")
check(all(u.startswith(start_id + "-") and u.endswith("@attune") for u in uids), "UIDs from the start id")
for e in events:
    alarms = e.walk("VALARM")
    check(len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY", "one display alarm: " + str(e["UID"]))
    check("DESCRIPTION" in e and len(str(e["DESCRIPTION"])) > 20, "a description: " + str(e["UID"]))
timed = [e for e in events if isinstance(e.decoded("DTSTART"), datetime.datetime)]
weekly = [e for e in events if not isinstance(e.decoded("DTSTART"), datetime.datetime)]
check(len(weekly) == 5, "one all-week item per N-a-week exercise and week, split by the pause (5), not %d" % len(weekly))
for e in timed:
    start = e.decoded("DTSTART")
    check(start.tzinfo is not None, "timed events have a zone")
    check((start.hour, start.minute) == (hour, minute), "reminder at %02d:%02d: %s" % (hour, minute, start))
    check(e["DTSTART"].params.get("TZID") == "Europe/Berlin", "TZID Europe/Berlin")
days = sorted(e.decoded("DTSTART").date() for e in timed)
check(days[0] == datetime.date(2026, 10, 12) and days[-1] <= datetime.date(2026, 11, 25),
      "events within the programme: %s .. %s" % (days[0], days[-1]))
def utc_of(day):
    e = [e for e in timed if e.decoded("DTSTART").date() == day and "feeling-word" in str(e["UID"])][0]
    return e.decoded("DTSTART").astimezone(datetime.timezone.utc)
check(utc_of(datetime.date(2026, 10, 24)).hour == hour - 2, "Saturday 24th: summer time")
check(utc_of(datetime.date(2026, 10, 25)).hour == hour - 1, "Sunday 25th: winter time")
first = [e for e in events if str(e["UID"]) == start_id + "-body-check-20261012@attune"]
check(len(first) == 1 and str(first[0]["SUMMARY"]) == "Check in with your body", "the first day's exercise")
check(not [d for d in days if datetime.date(2026, 10, 28) <= d <= datetime.date(2026, 10, 30)], "nothing on the paused days")
split = sorted((e.decoded("DTSTART"), e.decoded("DTEND")) for e in weekly if "Say one feeling" in str(e["SUMMARY"]))
check(split[:2] == [(datetime.date(2026, 10, 26), datetime.date(2026, 10, 28)), (datetime.date(2026, 10, 31), datetime.date(2026, 11, 5))], "week 3's item is split around the pause: %s" % split)
w1 = [e for e in weekly if e.decoded("DTSTART") == datetime.date(2026, 10, 12)]
check(len(w1) == 1 and w1[0].decoded("DTEND") == datetime.date(2026, 10, 19), "week 1's item spans the week")
check(len(w1) == 1 and "4 times this week" in str(w1[0]["SUMMARY"]), "says how often")
if problems:
    print("\n".join(problems))
    sys.exit(1)
PY
}

if OUTPUT=$(check "$T_ROOT/a.ics" 19 0 2>&1); then pass; else fail "the calendar: $OUTPUT"; fi

# Exported again a week later: the same UIDs (a calendar updates, never duplicates).
ATTUNE_NOW=2026-10-20T21:00 "$ATTUNE_BIN" export --format ics >"$T_ROOT/b.ics"
uids() { grep -a '^UID:' "$1" | tr -d '\r'; }
if [ -n "$(uids "$T_ROOT/a.ics")" ] && [ "$(uids "$T_ROOT/a.ics")" = "$(uids "$T_ROOT/b.ics")" ]; then pass; else
  fail "re-export gives identical UIDs"
fi

# remind_at moves every reminder; -o writes a private file and says so.
mkdir -p "$XDG_CONFIG_HOME/attune"
printf 'remind_at = "07:30"\n' >"$XDG_CONFIG_HOME/attune/config.toml"
ATTUNE_NOW=2026-10-13T09:00 run export --format ics -o "$T_ROOT/morning.ics"
expect_rc 0 "export ics to a file"
expect_out_has "Saved the calendar of programme 1 (28 reminders, at 07:30)" "says what it saved"
if [ "$(stat -c %a "$T_ROOT/morning.ics")" = 600 ]; then pass; else fail "the file is 0600"; fi
if OUTPUT=$(check "$T_ROOT/morning.ics" 7 30 2>&1); then pass; else fail "at 07:30: $OUTPUT"; fi
run config show
expect_out_has "remind_at      07:30" "config show lists remind_at"

printf 'remind_at = "7pm"\n' >"$XDG_CONFIG_HOME/attune/config.toml"
run export --format ics
expect_rc 78 "a bad remind_at is a config error"
expect_err_has 'config.toml:1:13: remind_at "7pm" is not a time of day' "points at it"
rm "$XDG_CONFIG_HOME/attune/config.toml"

run export --format icz
expect_rc 2 "unknown format"
expect_err_has "did you mean 'ics'?" "did you mean ics"

finish
