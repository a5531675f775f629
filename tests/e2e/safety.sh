#!/usr/bin/env bash
# Help where it matters (issue 17): `attune support` from config, the safety note at start,
# caution and the alone alternative in `today`, a support line after a sharp self-check drop,
# and never a support line because practice was low.
. "$(dirname "$0")/_lib.sh"

at() { export ATTUNE_NOW="$1"; }
CONFIG="$XDG_CONFIG_HOME/attune/config.toml"
mkdir -p "$(dirname "$CONFIG")"

# --- attune support, before anything else exists ---
run support
expect_rc 0 "support with no journal and no config"
expect_err_empty "support is quiet on stderr"
expect_out_has "You do not have to carry this alone." "support opens warmly"
expect_out_has "emergency number" "support says what to do in danger"
expect_out_has "frightens, controls or hurts you" "support speaks of abuse"
expect_out_has "From your plan (Staying close: six weeks of small steps):" "support shows the plan's advice"
expect_out_has "individual sessions" "the plan names individual help"
expect_out_has "Your own list is empty." "support says how to add your own"
expect_out_has "$CONFIG:" "support names the config file"
expect_out_has "https://findahelpline.com" "support gives the directory by default"

printf '%s\n' 'color = "never"' '' '[support]' \
  'lines = ["Samaritans 116 123", "Dr Okafor 020 7946 0000"]' 'directory = false' >"$CONFIG"
run support
expect_rc 0 "support with own lines"
expect_out_has "Your own list:
  Samaritans 116 123
  Dr Okafor 020 7946 0000" "support shows the person's own lines in order"
expect_out_lacks "findahelpline" "directory = false leaves the directory out"
expect_out_lacks "Your own list is empty." "no hint when lines exist"

printf '%s\n' '[support]' 'line = ["Samaritans 116 123"]' >"$CONFIG"
run support
expect_rc 78 "a config mistake is still reported"
expect_out_has "You do not have to carry this alone." "help is shown despite the config mistake"
expect_out_has "https://findahelpline.com" "the directory is shown when the config cannot be read"
expect_err_has "attune: error: $CONFIG:2:1: unknown key \"line\" in [support]; did you mean \"lines\"?" "config mistake wording and position"
expect_err_lines 1 "config mistake is one line"
rm -f "$CONFIG"

run --help
expect_rc 0 "--help"
expect_out_has "support" "--help lists support"
expect_out_has "'attune support'" "--help footer points to support"

run complete commands
expect_out_has "support	Show where to find help" "completion knows support"

# --- start ends with the safety note ---
at 2026-11-02T09:00
run start
expect_rc 0 "start"
expect_out_has "If someone frightens, controls or hurts you, the urge to leave is protecting you" "start has the safety note"
expect_out_has "'attune support'" "start points to support"

# --- today: caution and the alone alternative where the plan has them ---
run today --date 2026-11-02
expect_out_lacks "Take care:" "week 1 noticing has no caution"
at 2026-11-23T09:00 # week 4: stay a few minutes longer
run today
expect_rc 0 "today in week 4"
expect_out_has "Stay a few minutes longer (stay-five-minutes)" "week 4 shows the stay step"
expect_out_has "On your own: With no one around" "today shows the alone alternative"
expect_out_has "Take care: If someone frightens, controls or hurts you" "today shows the caution"
run today --format json
expect_rc 0 "today json"
fields=$(printf '%s' "$OUT" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["exercises"]:
    print(e["id"], "caution" if e["caution"] else e["caution"], "alone" if e["alone"] else e["alone"])')
if [ "$fields" = "stay-five-minutes caution alone
catch-the-urge None None
say-i-need-a-moment caution alone" ]; then pass; else
  OUT=$fields fail "json has caution and alone per exercise, null when absent"
fi
expect_out_has '"caution": "If someone frightens, controls or hurts you' "json caution text"

# --- reflect: a sharp drop brings one kind line; a steady week does not ---
at 2026-11-02T20:00
run reflect --answers 3,1,1,5,1,1,1 --date 2026-11-02
expect_rc 0 "baseline"
expect_out_lacks "attune support" "a baseline brings no support line"
at 2026-11-10T20:00
run reflect --week 2 --answers 3,3,3,3,3,3,3
expect_rc 0 "week 2 self-check"
expect_out_has "This week sounds harder than the last. You do not have to carry it alone: 'attune support' shows where help is." "a sharp drop brings the support line"
run -q undo
at 2026-11-10T20:00
run -q reflect --week 2 --answers 3,3,3,3,3,3,3
expect_out_has "'attune support'" "the support line is said even with --quiet"
at 2026-11-17T20:00
run reflect --week 3 --answers 3,3,3,3,3,2,3
expect_rc 0 "week 3 self-check"
expect_out_lacks "attune support" "a steady week brings no support line"

# --- the end summary: practice was almost nil, and no crisis text appears for it ---
at 2026-12-20T09:00
run report
expect_rc 0 "report after the end"
expect_out_has "'attune support' lists where to" "the summary points to support"
expect_out_lacks "domestic abuse helpline" "low practice never brings the plan's crisis text"
expect_out_lacks "emergency services" "low practice never brings the emergency line"

finish
