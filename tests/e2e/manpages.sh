#!/usr/bin/env bash
# Every man page is lint-clean under mandoc, and attune.1 renders with the sections a
# reader looks for, naming every exit code in include/attune/error.hpp.
. "$(dirname "$0")/_lib.sh"

MAN="$ATTUNE_SOURCE_DIR/man"
if ! command -v mandoc >/dev/null; then
  echo "mandoc is missing: run scripts/setup.sh --tests" >&2
  exit 1
fi

count=0
for page in "$MAN"/*.1 "$MAN"/*.5 "$MAN"/*.7; do
  [ -e "$page" ] || continue
  count=$((count + 1))
  OUT=$(mandoc -T lint -W warning "$page" 2>&1)
  RC=$?
  ERR=""
  expect_rc 0 "mandoc lint $(basename "$page")"
  expect_out_empty "mandoc lint $(basename "$page") finds nothing"
done
if [ "$count" -ge 1 ]; then pass; else fail "no man pages found in $MAN"; fi

OUT=$(MANWIDTH=80 mandoc -T utf8 "$MAN/attune.1" 2>"$T_ROOT/stderr" | sed 's/.\x08//g')
RC=$?
ERR=$(cat "$T_ROOT/stderr")
expect_rc 0 "attune.1 renders"
expect_err_empty "attune.1 renders without complaint"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
  if printf '%s\n' "$OUT" | grep -qx "$section"; then pass; else fail "attune.1 lacks section $section"; fi
done
for var in ATTUNE_DATA_DIR ATTUNE_NOW TZ TZDIR NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME HOME; do
  expect_out_has "$var" "attune.1 documents $var"
done
expect_out_has "0 19 * * *" "attune.1 shows a crontab line"
expect_out_has "attune-remind.timer" "attune.1 shows the systemd timer"

# Every exit code the program defines is documented (a new one must reach the man page).
codes=$(sed -n 's/.*inline constexpr int [a-z_]* = \([0-9]*\);.*/\1/p' \
  "$ATTUNE_SOURCE_DIR/include/attune/error.hpp")
[ -n "$codes" ] || fail "no exit codes found in error.hpp"
exit_section=$(printf '%s\n' "$OUT" | sed -n '/^EXIT STATUS$/,/^EXAMPLES$/p')
for code in $codes; do
  if printf '%s\n' "$exit_section" | grep -qE "^[[:space:]]+$code([[:space:]]|\$)"; then pass; else
    OUT=$exit_section fail "EXIT STATUS lacks $code"
  fi
done

# Every visible command is documented.
for cmd in $("$ATTUNE_BIN" complete commands | cut -f1); do
  if printf '%s\n' "$OUT" | grep -q "attune $cmd"; then pass; else fail "attune.1 lacks command $cmd"; fi
done

# Every long option of every visible command (as --help and completion offer it) is in
# attune.1, so a new option cannot reach --help without the man page.
for cmd in $("$ATTUNE_BIN" complete commands | cut -f1); do
  for opt in $(printf '%s\n' "$cmd" -- | "$ATTUNE_BIN" complete words | cut -f1); do
    case "$opt" in --help | --version) continue ;; esac
    if printf '%s\n' "$OUT" | grep -qF -- "$opt"; then pass; else
      fail "attune.1 lacks $opt of attune $cmd"
    fi
  done
done

# forget erases every kind of the person's own words (src/core/forget.cpp, `personal`): notes,
# skip, pause and end reasons, review answers and cues. Its one-line help (--help and the
# shells' completion) and its man section name each kind.
help_line=$("$ATTUNE_BIN" complete commands | grep '^forget' | cut -f2)
man_forget=$(sed -n '/^\.SS "attune forget/,/^\.TP/p' "$MAN/attune.1" | tr '\n' ' ')
for kind in notes skip pause end "review answers" cues; do
  case "$help_line" in *"$kind"*) pass ;; *) fail "forget's help line lacks '$kind': $help_line" ;; esac
  case "$man_forget" in *"$kind"*) pass ;; *) fail "attune.1's forget section lacks '$kind'" ;; esac
done
OUT=$("$ATTUNE_BIN" --help)
RC=$?
expect_out_has "skip/pause/end reasons, review answers" "--help shows forget's line"

# man itself finds and formats the page by path.
if command -v man >/dev/null; then
  OUT=$(MANWIDTH=80 man -l "$MAN/attune.1" 2>"$T_ROOT/stderr" | sed 's/.\x08//g')
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  expect_rc 0 "man -l attune.1"
  expect_out_has "remind" "man -l attune.1 shows remind"
fi

finish
