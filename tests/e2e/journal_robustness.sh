#!/usr/bin/env bash
# Privacy under umask 000, hostile notes round-tripping, and a fixture cut at every byte.
. "$(dirname "$0")/_lib.sh"
: "${ATTUNE_JOURNAL_DRIVER:?ATTUNE_JOURNAL_DRIVER must point to the built journal_driver}"
D=$ATTUNE_JOURNAL_DRIVER
drive() {
  OUT=$("$D" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}
mode_is() { # PATH MODE
  local m
  m=$(stat -c %a "$1")
  if [ "$m" = "$2" ]; then pass; else fail "$1 has mode $m, expected $2"; fi
}

( umask 000; "$D" append "$T_ROOT/private/deep/data" 1 >/dev/null )
mode_is "$T_ROOT/private" 700
mode_is "$T_ROOT/private/deep/data" 700
mode_is "$T_ROOT/private/deep/data/journal" 600
mode_is "$T_ROOT/private/deep/data/journal.lock" 600

# These two test parsing and appending, not the disk: on a tmpfs when there is one, so the
# thousands of fsyncs stay cheap.
FAST=$T_ROOT
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  FAST=$(mktemp -d /dev/shm/attune-e2e.XXXXXX)
  trap 'rm -rf "$FAST"; chmod -R u+w "$T_ROOT" 2>/dev/null; rm -rf "$T_ROOT"' EXIT
fi
drive hostile "$FAST/hostile" 10000 42
expect_rc 0 "10,000 hostile notes"
expect_out_has "10000 notes round-tripped exactly" "every note read back byte for byte"
expect_err_empty "no problems reading hostile notes"

drive truncations "$ATTUNE_SOURCE_DIR/tests/fixtures/journal/v1.journal" "$FAST/cut"
expect_rc 0 "cut at every offset: damage reported, nothing intact lost"
expect_out_has "1137 offsets checked" "every offset of the fixture"

# Binary garbage where the journal should be: read, reported, never a crash.
mkdir -p "$T_ROOT/junk"
{ head -c 4096 /dev/zero; echo; } >"$T_ROOT/junk/journal"
drive read "$T_ROOT/junk"
expect_rc 65 "zeros are reported as damage"
expect_err_has "line 1 is not a valid record" "the zero line is named"
finish
