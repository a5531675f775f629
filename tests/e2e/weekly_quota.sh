#!/usr/bin/env bash
# Issue 18 item 3: one rule for N-times-a-week exercises (count_quota, attune-plan(5)
# ADHERENCE). Twice a week: done Monday, skipped Tuesday, done Thursday. today, remind, every
# report format and the CSV must tell the same story: 2 of 2, 1 skipped, 2 days done, met, and
# nothing open for it on the rest of the week.
. "$(dirname "$0")/_lib.sh"

NOTE='[e for e in d["exercises"] if e["id"]=="trigger-note"]'

mkdir -p "$XDG_CONFIG_HOME/attune/plans"
sed -e 's/^id = "avoidant"/id = "twice"/' \
  -e 's/schedule = { times_per_week = 4 }/schedule = { times_per_week = 2 }/' \
  "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" >"$XDG_CONFIG_HOME/attune/plans/twice.toml"
grep -q 'times_per_week = 2' "$XDG_CONFIG_HOME/attune/plans/twice.toml" || {
  echo "FAIL: the test plan has no twice-a-week exercise" >&2
  exit 1
}

at 2026-11-02T19:00 start --plan twice
expect_rc 0 "start on Monday 2026-11-02"
at 2026-11-02T19:00 checkin trigger-note
expect_rc 0 "done on Monday"
at 2026-11-03T19:00 checkin --skip trigger-note --reason "a long day"
expect_rc 0 "skipped on Tuesday"

# Wednesday: the skip did not lower the target; the exercise is still open.
at 2026-11-04T19:00 today --format json
expect_rc 0 "today json on Wednesday"
got=$(field "$OUT" "[(e['state'],e['week_done'],e['week_target'],e['week_skipped'],e['week_met']) for e in $NOTE]")
[ "$got" = "[('open', 1, 2, 1, False)]" ] && pass || fail "Wednesday: 1 of 2, 1 skipped, still open (got $got)"
at 2026-11-04T19:00 remind
expect_out_has "trigger-note" "remind on Wednesday: still open after a skip"
at 2026-11-04T19:00 report --format json
got=$(field "$OUT" "[(e['done'],e['planned'],e['skipped'],e['days_done']) for e in $NOTE]")
[ "$got" = "[(1, 1, 1, 1)]" ] && pass || fail "report on Wednesday: 1 of 1, 1 skipped (got $got)"

at 2026-11-05T19:00 checkin trigger-note
expect_rc 0 "done on Thursday"

# Thursday and Sunday: met, 2 of 2, 1 skipped, 2 days done, everywhere.
for now in 2026-11-05T19:00 2026-11-08T19:00; do
  at "$now" today --format json
  got=$(field "$OUT" "[(e['week_done'],e['week_target'],e['week_skipped'],e['week_extra'],e['week_met']) for e in $NOTE]")
  case $now in
  2026-11-05*) want="[(2, 2, 1, 0, True)]" ;; # listed: done today
  *) want="[]" ;;                            # Sunday: met, not listed as open
  esac
  [ "$got" = "$want" ] && pass || fail "today json $now: want $want, got $got"
  at "$now" remind --format json
  expect_rc 0 "remind json $now"
  expect_out_lacks '"id":"trigger-note"' "remind $now: a met quota is not open"
  at "$now" report --format json
  got=$(field "$OUT" "[(e['done'],e['planned'],e['skipped'],e['extra'],e['days_done']) for e in $NOTE]")
  [ "$got" = "[(2, 2, 1, 0, 2)]" ] && pass || fail "report json $now: 2 of 2, 1 skipped, 2 days (got $got)"
  at "$now" report --format markdown
  expect_out_has "| Write down the trigger | 2 | 2 | 1 |" "report markdown $now"
  at "$now" report --format html
  expect_out_has '<td>Write down the trigger</td><td class="n">2</td><td class="n">2</td><td class="n">1</td>' "report html $now"
done

# The CSV on Sunday: done, skipped, done, and the days after the quota was met are not open.
at 2026-11-08T19:00 report --format csv
expect_rc 0 "report csv on Sunday"
rows=$(printf '%s\n' "$OUT" | tr -d '\r' | grep ',trigger-note,' | grep '^2026-11-0[2-8]' | cut -d, -f1,6 | tr '\n' ' ')
want="2026-11-02,done 2026-11-03,skipped 2026-11-04,not-due 2026-11-05,done 2026-11-06,not-due 2026-11-07,not-due 2026-11-08,not-due "
[ "$rows" = "$want" ] && pass || fail "csv week 1: want '$want', got '$rows'"
expect_out_has "2026-11-03,1,2,trigger-note,Write down the trigger,skipped,a long day" "csv keeps the skip and its reason"

# Extra practice is kept, not lost: done on Friday too.
at 2026-11-06T19:00 checkin trigger-note --date 2026-11-06
at 2026-11-08T19:00 report --format json
got=$(field "$OUT" "[(e['done'],e['planned'],e['extra'],e['days_done']) for e in $NOTE]")
[ "$got" = "[(2, 2, 1, 3)]" ] && pass || fail "report json: a third day is extra, kept (got $got)"
at 2026-11-08T19:00 today --format json --date 2026-11-06
got=$(field "$OUT" "[(e['week_done'],e['week_extra']) for e in $NOTE]")
[ "$got" = "[(2, 1)]" ] && pass || fail "today json Friday: 2 counted and 1 extra (got $got)"
at 2026-11-08T19:00 today --date 2026-11-06
expect_out_has "(trigger-note): 2 of 2 this week, plus 1 extra" "today text shows the extra day"

finish
