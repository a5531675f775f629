#!/usr/bin/env bash
# The zsh and fish completions, loaded in the real shells: each completes a command, an
# option, an option value, and an exercise id of the running programme's plan.
# zsh is driven through a pseudo terminal with its own completion system (compinit); fish
# answers `complete -C`, which runs the same machinery as pressing TAB.
. "$(dirname "$0")/_lib.sh"

mkdir -p "$T_ROOT/bin"
ln -s "$ATTUNE_BIN" "$T_ROOT/bin/attune"
export ATTUNE_NOW=2026-11-20T10:00
run start --plan avoidant </dev/null
expect_rc 0 "a programme to complete exercise ids from"

# Sets OUT to the sorted candidates, RC and ERR.
zsh_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" timeout 30 zsh -f "$ATTUNE_SOURCE_DIR/tests/e2e/_zsh_capture.zsh" \
    "$ATTUNE_SOURCE_DIR/completions" "$1" 2>"$T_ROOT/stderr" | sort)
  RC=${PIPESTATUS[0]}
  ERR=$(cat "$T_ROOT/stderr")
}
fish_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" timeout 30 fish --no-config -c \
    'source $argv[1]; complete -C $argv[2]' "$ATTUNE_SOURCE_DIR/completions/attune.fish" "$1" \
    2>"$T_ROOT/stderr" | cut -f1 | sort)
  RC=${PIPESTATUS[0]}
  ERR=$(cat "$T_ROOT/stderr")
}

# expect_line WORD DESCRIPTION: WORD is one of the candidates, exactly.
expect_line() { if printf '%s\n' "$OUT" | grep -qxF -- "$1"; then pass; else fail "$2: no candidate '$1'"; fi; }

for shell in zsh fish; do
  if ! command -v "$shell" >/dev/null; then
    RC=1 OUT="" ERR=""
    fail "$shell is not installed: run scripts/setup.sh --tests"
    continue
  fi
  complete_in() { "${shell}_complete" "$@"; }

  complete_in "attune st"
  expect_rc 0 "$shell: completing a command"
  expect_line "start" "$shell: st<TAB> offers start"
  expect_line "streak" "$shell: st<TAB> offers streak"
  expect_out_lacks "today" "$shell: st<TAB> offers only words starting with st"
  expect_out_lacks "complete" "$shell: the hidden complete command is never offered"
  expect_err_empty "$shell: completing a command"

  complete_in "attune checkin ca"
  expect_rc 0 "$shell: completing an exercise id"
  if [ "$OUT" = "catch-the-urge" ]; then pass; else fail "$shell: checkin ca<TAB> gave '$OUT'"; fi

  complete_in "attune checkin --skip bo"
  expect_line "body-check" "$shell: --skip bo<TAB> offers body-check"

  complete_in "attune remind --ex"
  expect_line "--exit-code" "$shell: remind --ex<TAB> offers --exit-code"

  complete_in "attune --color a"
  expect_line "auto" "$shell: --color a<TAB> offers auto"
  expect_line "always" "$shell: --color a<TAB> offers always"
  expect_out_lacks "never" "$shell: --color a<TAB> filters by prefix"

  complete_in "attune report --format "
  expect_line "markdown" "$shell: report --format <TAB> offers markdown"
  expect_line "html" "$shell: report --format <TAB> offers html"

  complete_in "attune export --format c"
  expect_line "csv" "$shell: export --format c<TAB> offers csv"

  complete_in "attune export --format i"
  expect_line "ics" "$shell: export --format i<TAB> offers ics"

  complete_in "attune checkin catch-the-urge "
  expect_line "body-check" "$shell: checkin <TAB> offers the week's exercises"
  expect_out_lacks "catch-the-urge" "$shell: an id already typed is not offered again"
  expect_out_lacks "what-it-protects" "$shell: week 2's exercises are not offered in week 1"

  complete_in "attune --plan av"
  expect_line "avoidant" "$shell: --plan av<TAB> offers the built-in plan"
done

finish
