#!/usr/bin/env bash
# Issue 18 item 12: record or skip a whole day (checkin --all, --skip-all [--reason]), the
# combinations that mean nothing refused (exit 2, one line), and the interactive check-in
# after a gap offering each unanswered earlier day of the programme week, newest first.
. "$(dirname "$0")/_lib.sh"


# Refused before anything is read: one line, exit 2, nothing written.
at 2026-11-02T19:00 start
expect_rc 0 "start on Monday 2026-11-02"
for args in "--all --skip-all" "catch-the-urge --all" "--skip-all --skip catch-the-urge" \
  "--all --reason tired"; do
  # shellcheck disable=SC2086
  at 2026-11-02T19:00 checkin $args
  expect_rc 2 "checkin $args is refused"
  expect_err_lines 1 "checkin $args: one line"
  expect_out_empty "checkin $args: nothing printed"
done
at 2026-11-02T19:00 checkin --all --skip-all
expect_err_has "attune: error: --all and --skip-all cannot be used together" "--all with --skip-all wording"
at 2026-11-02T19:00 checkin catch-the-urge --all
expect_err_has "attune: error: --all already records everything open as done" "--all with names wording"
at 2026-11-02T19:00 checkin --skip-all --skip catch-the-urge
expect_err_has "attune: error: --skip-all already skips everything open" "--skip-all with --skip wording"
at 2026-11-02T19:00 checkin --all --reason tired
expect_err_has "attune: error: --reason goes with --skip or --skip-all" "--reason needs a skip"
at 2026-11-02T19:00 log --format json
expect_out_lacks '"type": "done"' "nothing was written by a refused check-in"

# Monday: everything open done, but the weekly one skipped.
at 2026-11-02T19:00 checkin --all --skip trigger-note
expect_rc 0 "checkin --all --skip"
expect_out_has "Saved for today: body-check done, trigger-note skipped." "--all records what is open, --skip names the exception"
expect_out_lacks "catch-the-urge" "--all never records a when-it-arises exercise"
at 2026-11-02T19:00 checkin --all
expect_rc 0 "checkin --all with nothing open"
expect_out_has "Nothing is open for today; nothing recorded." "says so when nothing is open"
# The skip did not meet the weekly quota: trigger-note is open again on Tuesday.
at 2026-11-03T19:00 checkin --skip-all --reason "a long day"
expect_rc 0 "checkin --skip-all --reason"
expect_out_has "Saved for today: trigger-note skipped." "--skip-all skips what is open"
expect_out_lacks "catch-the-urge" "--skip-all never skips a when-it-arises exercise"
at 2026-11-03T19:00 log --format json
expect_out_has '"reason": "a long day"' "the reason goes with each skip"
at 2026-11-03T19:00 remind
expect_out_empty "remind: nothing open after --skip-all"

# A gap: nothing from Wednesday to Saturday. Sunday on a terminal first offers the week's
# cues (three new exercises: Enter keeps the plan's), then asks about today (what is open,
# then the when-it-arises catch-the-urge), then Friday, then Wednesday (newest first;
# Thursday and Saturday had nothing scheduled: body-check is Mon/Wed/Fri), then a note.
export ATTUNE_NOW=2026-11-08T20:00
# Cues: Enter x3; today: trigger-note Enter, catch-the-urge d; Fri: body-check s;
# Wed: body-check d; note: Enter.
tty_run $'\n\n\n\nd\ns\nd\n' checkin
expect_rc 0 "interactive check-in after a gap"
[ -n "${SHOW:-}" ] && printf "%s\n" "$OUT" >&2
fri=$(printf '%s' "$OUT" | grep -n "Friday 2026-11-06, not answered yet:" | cut -d: -f1)
wed=$(printf '%s' "$OUT" | grep -n "Wednesday 2026-11-04, not answered yet:" | cut -d: -f1)
[ -n "$fri" ] && [ -n "$wed" ] && [ "$fri" -lt "$wed" ] && pass ||
  fail "earlier days are offered newest first (Friday line $fri, Wednesday line $wed)"
expect_out_has "Saved for today: catch-the-urge done." "today saved"
expect_out_lacks "Tuesday 2026-11-03, not answered yet" "an answered day is not offered"
expect_out_lacks "Monday 2026-11-02, not answered yet" "an answered day is not offered (Monday)"
expect_out_lacks "Thursday 2026-11-05, not answered yet" "a day with nothing scheduled is not offered"
expect_out_has "Saved for 2026-11-06: body-check skipped." "Friday saved"
expect_out_has "Saved for 2026-11-04: body-check done." "Wednesday saved"
run log --format json
got=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(sorted((r["day"],r["type"],r["exercise"]) for r in json.load(sys.stdin)["records"] if r["day"] in ("2026-11-04","2026-11-05","2026-11-06")))')
want="[('2026-11-04', 'done', 'body-check'), ('2026-11-06', 'skip', 'body-check')]"
[ "$got" = "$want" ] && pass || fail "earlier days recorded on their own dates: got $got"
# The new options in the three shells' completions (they ask `attune complete`): offered by
# name, and a flag does not swallow the next word (after --skip-all come exercise ids).
mkdir -p "$T_ROOT/bin"
ln -s "$ATTUNE_BIN" "$T_ROOT/bin/attune"
bash_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" bash --norc --noprofile -c '
    [ -r /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
    . "$1"; shift
    read -r -a COMP_WORDS <<<"$1"; [ "${1: -1}" = " " ] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
    _attune attune "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$ATTUNE_SOURCE_DIR/completions/attune.bash" "$1" 2>"$T_ROOT/stderr")
  RC=$?
}
zsh_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" timeout 30 zsh -f "$ATTUNE_SOURCE_DIR/tests/e2e/_zsh_capture.zsh" \
    "$ATTUNE_SOURCE_DIR/completions" "$1" 2>"$T_ROOT/stderr" | sort)
  RC=${PIPESTATUS[0]}
}
fish_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" timeout 30 fish --no-config -c \
    'source $argv[1]; complete -C $argv[2]' "$ATTUNE_SOURCE_DIR/completions/attune.fish" "$1" \
    2>"$T_ROOT/stderr" | cut -f1 | sort)
  RC=${PIPESTATUS[0]}
}
has_line() { if printf '%s\n' "$OUT" | grep -qxF -- "$1"; then pass; else fail "$2: no candidate '$1'"; fi; }
for shell in bash zsh fish; do
  command -v "$shell" >/dev/null || { RC=1 OUT="" ERR="" fail "$shell is not installed"; continue; }
  "${shell}_complete" "attune checkin --sk"
  has_line "--skip-all" "$shell: checkin --sk<TAB>"
  "${shell}_complete" "attune checkin --a"
  has_line "--all" "$shell: checkin --a<TAB>"
  "${shell}_complete" "attune checkin --skip-all ca"
  has_line "catch-the-urge" "$shell: checkin --skip-all ca<TAB> offers an exercise"
done

finish
