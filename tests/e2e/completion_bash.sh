#!/usr/bin/env bash
# The bash completion, loaded in a real bash as a person's shell would load it, completes
# commands, options, option values, exercise ids of the plan in use, and plan ids; and the
# hidden `attune complete` query never fails loudly.
. "$(dirname "$0")/_lib.sh"

SCRIPT="$ATTUNE_SOURCE_DIR/completions/attune.bash"
mkdir -p "$T_ROOT/bin"
ln -s "$ATTUNE_BIN" "$T_ROOT/bin/attune"

# complete_line WORD...: the words typed after `attune`, the last one under the cursor.
# Sets OUT to the sorted COMPREPLY, one per line.
complete_line() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" bash --norc --noprofile -c '
    [ -r /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
    . "$1"; shift
    COMP_WORDS=(attune "$@"); COMP_CWORD=$#
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _attune attune "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$SCRIPT" "$@" 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

complete_line st
expect_rc 0 "completing a command"
expect_out_has "start" "st<TAB> offers start"
expect_out_has "streak" "st<TAB> offers streak"
expect_out_lacks "today" "st<TAB> offers only words starting with st"
expect_out_lacks "complete" "the hidden complete command is never offered"
expect_err_empty "completing a command"

complete_line --col
expect_out_has "--color" "--col<TAB> offers --color"

complete_line --color a
expect_out_has "auto" "--color a<TAB> offers auto"
expect_out_has "always" "--color a<TAB> offers always"
expect_out_lacks "never" "--color a<TAB> filters by prefix"

complete_line --plan av
expect_out_has "avoidant" "--plan av<TAB> offers the built-in plan"

mkdir -p "$T_ROOT/somewhere/dir-one"
complete_line --data-dir "$T_ROOT/somewhere/di"
expect_out_has "$T_ROOT/somewhere/dir-one" "--data-dir completes folders"

complete_line remind --
expect_out_has "--exit-code" "remind --<TAB> offers the command's options"
expect_out_has "--data-dir" "remind --<TAB> offers the global options too"
n=$(printf '%s\n' "$OUT" | grep -cx -- "--help")
if [ "$n" -eq 1 ]; then pass; else fail "--help offered $n times"; fi

complete_line remind --format j
expect_out_has "json" "remind --format j<TAB> offers json"
expect_out_lacks "text" "remind --format j<TAB> filters by prefix"

# Every option with a set of values offers exactly that set.
complete_line report --format ""
expect_rc 0 "report --format <TAB>"
if [ "$OUT" = "$(printf '%s\n' csv html json markdown text)" ]; then pass
else fail "report --format <TAB> gave: $OUT"; fi
complete_line report --format=m
expect_out_has "--format=markdown" "report --format=m<TAB> offers --format=markdown"

complete_line export --format ""
if [ "$OUT" = "$(printf '%s\n' csv ics json)" ]; then pass
else fail "export --format <TAB> gave: $OUT"; fi

for cmd in "today" "log" "config show" "plan show"; do
  # shellcheck disable=SC2086
  complete_line $cmd --format ""
  if [ "$OUT" = "$(printf '%s\n' json text)" ]; then pass
  else fail "$cmd --format <TAB> gave: $OUT"; fi
done

complete_line --color ""
if [ "$OUT" = "$(printf '%s\n' always auto never)" ]; then pass
else fail "--color <TAB> gave: $OUT"; fi

ATTUNE_NOW=2026-11-02T09:00 run start
expect_rc 0 "a programme for --run"
complete_line log --run ""
if [ "$OUT" = "1" ]; then pass; else fail "log --run <TAB> gave: $OUT"; fi
complete_line report --run ""
if [ "$OUT" = "$(printf '%s\n' 1 all)" ]; then pass; else fail "report --run <TAB> gave: $OUT"; fi
complete_line streak --format ""
if [ "$OUT" = "$(printf '%s\n' json text)" ]; then pass; else fail "streak --format <TAB> gave: $OUT"; fi

complete_line help che
expect_out_has "checkin" "help che<TAB> offers checkin"

# The hidden query itself: stable lines, never an error.
run complete exercises
expect_rc 0 "complete exercises"
expect_out_has "catch-the-urge" "complete exercises lists the plan's exercise ids"
expect_err_empty "complete exercises"

run complete plans
expect_rc 0 "complete plans"
expect_out_has "avoidant" "complete plans lists the built-in plan"

run complete commands
expect_rc 0 "complete commands"
OUT=$(printf '%s\n' "$OUT" | cut -f1)
expect_out_has "checkin" "complete commands lists checkin"
expect_out_lacks "complete" "complete commands omits itself"

run complete nonsense
expect_rc 0 "an unknown query"
expect_out_empty "an unknown query prints nothing"
expect_err_empty "an unknown query says nothing"

run --help
expect_rc 0 "--help"
expect_out_lacks " complete " "help does not show the hidden command"

# sync: its subcommand and option; `sync init REMOTE` completes folders (a bare repository).
complete_line sync ""
expect_out_has "init" "sync <TAB> offers init"
complete_line sync --
expect_out_has "--verbose" "sync --<TAB> offers --verbose"
complete_line sync init "$T_ROOT/somewhere/di"
expect_out_has "$T_ROOT/somewhere/dir-one" "sync init <TAB> completes folders"

finish
