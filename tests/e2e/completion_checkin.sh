#!/usr/bin/env bash
# Rename to completion_checkin.sh once `checkin` and the session are on main (see
# ATTUNE_SESSION_READY in src/cli/cmd_remind.cpp). The bash completion offers the exercise
# ids of the running programme's plan after `checkin` and `checkin --skip`.
. "$(dirname "$0")/_lib.sh"

mkdir -p "$T_ROOT/bin"
ln -s "$ATTUNE_BIN" "$T_ROOT/bin/attune"
complete_line() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" bash --norc --noprofile -c '
    [ -r /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
    . "$1"; shift
    COMP_WORDS=(attune "$@"); COMP_CWORD=$#
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _attune attune "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$ATTUNE_SOURCE_DIR/completions/attune.bash" "$@" 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

ATTUNE_NOW=2026-11-02T09:00 run start
expect_rc 0 "start"

complete_line checkin no
expect_rc 0 "checkin no<TAB>"
expect_out_has "notice-response" "checkin no<TAB> offers notice-response"
expect_out_lacks "catch-the-urge" "checkin no<TAB> filters by prefix"
expect_err_empty "checkin no<TAB>"

complete_line checkin --skip bo
expect_out_has "body-check" "checkin --skip bo<TAB> offers body-check"

complete_line --data-dir "$T_ROOT/elsewhere" checkin ca
expect_out_has "catch-the-urge" "a --data-dir with no journal still completes the default plan"

finish
