#!/usr/bin/env bash
# The bash completion offers, after `checkin` and `checkin --skip`, the exercise ids a check-in
# accepts today: those of the current programme week, less the ones already typed.
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

export ATTUNE_NOW=2026-11-02T09:00
run start
expect_rc 0 "start"

complete_line checkin tr
expect_rc 0 "checkin tr<TAB>"
expect_out_has "trigger-note" "checkin tr<TAB> offers trigger-note"
expect_out_lacks "catch-the-urge" "checkin tr<TAB> filters by prefix"
expect_err_empty "checkin tr<TAB>"

complete_line checkin no
expect_out_lacks "notice-response" "checkin no<TAB> in week 1 leaves out week 3's notice-response"

complete_line checkin --skip bo
expect_out_has "body-check" "checkin --skip bo<TAB> offers body-check"

complete_line checkin --not-arisen ""
expect_out_has "catch-the-urge" "checkin --not-arisen <TAB> offers the situational exercise"
expect_out_lacks "body-check" "checkin --not-arisen <TAB> leaves out scheduled ones"

complete_line --data-dir "$T_ROOT/elsewhere" checkin ca
expect_rc 0 "checkin with no programme"
expect_out_empty "with no programme running, checkin accepts no exercise: none is offered"
expect_err_empty "checkin with no programme"

# Week 2 (from 2026-11-09): checkin accepts only trigger-note, what-it-protects and
# feeling-word; the other ids of the plan are refused, so they are not offered.
export ATTUNE_NOW=2026-11-10T09:00
complete_line checkin ""
expect_rc 0 "checkin <TAB> in week 2"
if [ "$OUT" = "$(printf '%s\n' feeling-word trigger-note what-it-protects)" ]; then pass
else fail "checkin <TAB> in week 2 gave: $OUT"; fi
expect_err_empty "checkin <TAB> in week 2"

complete_line checkin trigger-note ""
expect_out_lacks "trigger-note" "an id already on the line is not offered again"
expect_out_has "feeling-word" "the other ids of the week still are"

complete_line checkin feeling-word --skip ""
expect_out_lacks "feeling-word" "--skip leaves out ids already on the line"
expect_out_has "what-it-protects" "--skip offers the week's other ids"
expect_out_lacks "catch-the-urge" "--skip offers no id of another week"

finish
