#!/usr/bin/env bash
# At least 500 check-ins killed with SIGKILL at random moments: after each, the journal reads
# cleanly (a cut line only as a reported problem) and holds every acknowledged record.
. "$(dirname "$0")/_lib.sh"
: "${ATTUNE_JOURNAL_DRIVER:?ATTUNE_JOURNAL_DRIVER must point to the built journal_driver}"
D=$ATTUNE_JOURNAL_DRIVER
DIR=$T_ROOT/data

OUT=$("$D" killloop "$DIR" 500 20261127 2>"$T_ROOT/err"); RC=$?; ERR=$(cat "$T_ROOT/err")
expect_rc 0 "500 killed check-ins lose no acknowledged record"
expect_out_has "500 rounds, " "all rounds ran"
expect_out_has "acknowledged records all present" "acknowledged records checked"

# Afterwards a normal check-in still works and starts on a fresh line.
OUT=$("$D" append "$DIR" 1 2>"$T_ROOT/err"); RC=$?; ERR=$(cat "$T_ROOT/err")
expect_rc 0 "a check-in after the crashes succeeds"
id=$OUT
OUT=$("$D" ids "$DIR" 2>"$T_ROOT/err"); RC=$?; ERR=$(cat "$T_ROOT/err")
expect_out_has "$id" "the new record is read back"
[ "$(tail -c 1 "$DIR/journal" | od -An -c | tr -d ' ')" = '\n' ] && pass || fail "journal ends in a newline"
finish
