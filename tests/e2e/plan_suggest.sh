#!/usr/bin/env bash
# Issue 17 part 5, choosing a plan: `plan list` says who each plan is for; `plan suggest`
# asks six questions (terminal, or --answers) and suggests a plan with its reason and that it
# is not a diagnosis; `start` with no plan chosen offers it on a terminal, never off one.
. "$(dirname "$0")/_lib.sh"
SRC=${ATTUNE_SOURCE_DIR:?}
export ATTUNE_NOW=2026-11-02T09:00

run plan list
expect_rc 0 "plan list"
expect_out_has "    For people who value independence and step back when someone gets close." \
  "avoidant says who it is for"
expect_out_has "    For people who worry about their relationships and often seek reassurance." \
  "anxious says who it is for"
expect_out_has "    For people who long for closeness and are wary of it at the same time." \
  "fearful-avoidant says who it is for"
run plan show anxious
expect_out_has $'id anxious · 6 weeks · built-in\nFor people who worry' "plan show gives the audience"
run plan show anxious --format json
expect_out_has '"audience": "For people who worry about their relationships and often seek reassurance."' \
  "plan show json audience"

# Fixed answers, one per rule (pull, worry, pull, worry, pull, worry).
run plan suggest --answers 2,4,1,5,2,4
expect_rc 0 "suggest anxious"
expect_out_has "Suggested plan: anxious (Steady ground: six weeks of small steps)" "anxious suggested"
expect_out_has "For people who worry about their relationships" "who it is for"
expect_out_has "You said that worrying about the people close to you sounds more like you than stepping back." "the reason"
expect_out_has "This is a suggestion, not a diagnosis" "not a diagnosis"
expect_out_has "Nothing you answered is saved." "nothing saved, said"
expect_out_has "To begin it: 'attune start --plan anxious'." "how to begin"
expect_err_empty "suggest writes no warning"
[ ! -e "$ATTUNE_DATA_DIR" ] && pass || fail "suggest creates no data folder"

run plan suggest --answers 4,2,5,1,4,2
expect_out_has "Suggested plan: avoidant (Staying close: six weeks of small steps)" "avoidant suggested"
run plan suggest -a "4, 4, 4, 5, 3, 4"
expect_out_has "Suggested plan: fearful-avoidant (Safe enough: six weeks of small steps)" "fearful-avoidant suggested"
expect_out_has "both sound like you" "fearful-avoidant reason"
run plan suggest --answers 3,3,3,3,3,3
expect_out_has "Suggested plan: avoidant" "no clear lean: the default"
expect_out_has "Your answers do not lean clearly one way" "no clear lean: said"

run plan suggest --answers 3,3,3
expect_rc 2 "too few answers"
expect_err_has "attune: error: got 3 answers for 6 questions; give one answer from 1 to 5 per question, in order" "count wording"
expect_err_lines 1 "one line"
run plan suggest --answers 3,3,x,3,3,3
expect_rc 2 "an answer that is not a number"
expect_err_has 'attune: error: answer 3 "x" is not on the scale 1 to 5' "bad answer named"
run plan suggest --answers 3,3,3,6,3,3
expect_rc 2 "an answer off the scale"
expect_err_has 'answer 4 "6" is not on the scale 1 to 5' "off-scale answer named"
run plan suggest
expect_rc 2 "no terminal, no answers"
expect_err_has "attune: error: not a terminal, so I cannot ask; give the six answers with --answers, e.g. --answers 3,3,3,3,3,3" "not-a-terminal wording"

# On a terminal: the six questions, an off-scale answer asked again.
tty_run $'4\n2\n9\n5\n1\n4\n2' plan suggest
expect_rc 0 "suggest on a terminal"
expect_out_has "Six short questions to help you choose a plan." "introduced"
expect_out_has "1/6  When someone close to me wants to talk about feelings" "first question"
expect_out_has "6/6  When someone I care about goes quiet, I wonder if something is wrong." "last question"
expect_out_has "Please type a number from 1 to 5." "off-scale asked again"
expect_out_has "Suggested plan: avoidant" "answers 4,2,5,1,4,2 on a terminal"
tty_run $'2\n\n' plan suggest
expect_rc 0 "stopping is fine"
expect_out_has "Stopped; nothing saved." "stopped"
expect_out_lacks "Suggested plan" "no suggestion after stopping"

# start, no plan chosen, on a terminal: offered first; Enter takes the suggestion.
export ATTUNE_DATA_DIR=$T_ROOT/data-suggested
tty_run $'y\n2\n4\n1\n5\n2\n4\n\nn' start
expect_rc 0 "start on a terminal with the suggestion"
expect_out_has "No plan chosen yet. Six short questions can suggest one" "offered"
expect_out_has "Suggested plan: anxious" "suggested at start"
expect_out_has "Start \"anxious\"? [Y/n, or another plan's id]" "asked which plan"
expect_out_has "Programme 1 started: Steady ground: six weeks of small steps." "the suggested plan started"
run plan show
expect_out_has "id anxious" "the running programme follows anxious"

# Another id typed instead (an unknown one first).
export ATTUNE_DATA_DIR=$T_ROOT/data-other
tty_run $'y\n2\n4\n1\n5\n2\n4\nanxius\nfearful-avoidant\nn' start
expect_rc 0 "start with another plan typed"
expect_out_has 'There is no plan "anxius". The plans are: anxious, avoidant, fearful-avoidant.' "unknown id asked again"
expect_out_has "Programme 1 started: Safe enough: six weeks of small steps." "the typed plan started"

# Declining the questions keeps the default; "n" to the plan starts nothing.
export ATTUNE_DATA_DIR=$T_ROOT/data-declined
tty_run $'n\nn' start
expect_out_has "No problem: starting with the default plan, avoidant." "declined"
expect_out_has "Programme 1 started: Staying close: six weeks of small steps." "default started"
export ATTUNE_DATA_DIR=$T_ROOT/data-none
tty_run $'y\n2\n4\n1\n5\n2\n4\nn' start
expect_rc 0 "declining the plan is not an error"
expect_out_has "Nothing started." "nothing started"
[ ! -e "$ATTUNE_DATA_DIR/journal" ] && pass || fail "no journal written when nothing started"

# A plan chosen (--plan, or config) or off a terminal: never asked.
export ATTUNE_DATA_DIR=$T_ROOT/data-flag
tty_run $'n' start --plan anxious
expect_out_lacks "No plan chosen yet" "--plan: not offered"
expect_out_has "Programme 1 started: Steady ground" "--plan anxious started"
export ATTUNE_DATA_DIR=$T_ROOT/data-script
run start
expect_rc 0 "start off a terminal"
expect_out_lacks "No plan chosen yet" "off a terminal: not offered"
expect_out_has "Programme 1 started: Staying close: six weeks of small steps." "scripts get the default"
# A programme already running: nothing offered, the usual refusal.
tty_run $'y' start
expect_rc 2 "start while running"
expect_out_lacks "No plan chosen yet" "not offered while a programme runs"

# Completion, in the real shells: `plan s<TAB>` offers suggest, `plan suggest --<TAB>` --answers.
mkdir -p "$T_ROOT/bin"
ln -s "$ATTUNE_BIN" "$T_ROOT/bin/attune"
expect_line() { if printf '%s\n' "$OUT" | grep -qxF -- "$1"; then pass; else fail "$2: no candidate '$1'"; fi; }
bash_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" bash --norc --noprofile -c '
    . "$1"; shift
    COMP_WORDS=(attune "$@"); COMP_CWORD=$#
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _attune attune "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$SRC/completions/attune.bash" $1 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}
zsh_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" timeout 30 zsh -f "$SRC/tests/e2e/_zsh_capture.zsh" \
    "$SRC/completions" "attune $1" 2>"$T_ROOT/stderr" | sort)
  RC=${PIPESTATUS[0]}
  ERR=$(cat "$T_ROOT/stderr")
}
fish_complete() {
  OUT=$(PATH="$T_ROOT/bin:$PATH" timeout 30 fish --no-config -c \
    'source $argv[1]; complete -C $argv[2]' "$SRC/completions/attune.fish" "attune $1" \
    2>"$T_ROOT/stderr" | cut -f1 | sort)
  RC=${PIPESTATUS[0]}
  ERR=$(cat "$T_ROOT/stderr")
}
for shell in bash zsh fish; do
  if ! command -v "$shell" >/dev/null; then
    RC=1 OUT="" ERR=""
    fail "$shell is not installed: run scripts/setup.sh --tests"
    continue
  fi
  "${shell}_complete" "plan s"
  expect_line "suggest" "$shell: plan s<TAB> offers suggest"
  expect_line "show" "$shell: plan s<TAB> offers show"
  "${shell}_complete" "plan suggest --"
  expect_line "--answers" "$shell: plan suggest --<TAB> offers --answers"
done

# plan validate knows audience: positions and did-you-mean.
bad=$T_ROOT/audience.toml
sed 's/^audience = /audiance = /' "$SRC/plans/anxious.toml" >"$bad"
line=$(grep -n '^audiance' "$bad" | cut -d: -f1)
run plan validate "$bad"
expect_rc 2 "a misspelt audience"
expect_err_has "$bad:$line:1: error: unknown key \"audiance\" in the plan; did you mean \"audience\"?" "did-you-mean"
sed 's/^audience = .*/audience = """\nFor people\nwho worry."""/' "$SRC/plans/anxious.toml" >"$bad"
run plan validate "$bad"
expect_rc 2 "an audience with a line break"
expect_err_has "$bad:$line:12: error: \"audience\" has a line break" "line break refused with its position"
long=$(printf 'x%.0s' $(seq 1 121))
sed "s/^audience = .*/audience = \"$long\"/" "$SRC/plans/anxious.toml" >"$bad"
run plan validate "$bad"
expect_rc 2 "a long audience"
expect_err_has "$bad:$line:12: error: \"audience\" is 121 characters long; keep it to one line of at most 120 characters" "too long"
finish
