#!/usr/bin/env bash
# attune-journal(5) is clean roff: mandoc reports no warning or error.
. "$(dirname "$0")/_lib.sh"
if ! command -v mandoc >/dev/null; then
  echo "SKIP: mandoc is not installed (scripts/setup.sh --tests installs it)"
  finish
  exit
fi
OUT=$(mandoc -T lint -W warning "$ATTUNE_SOURCE_DIR/man/attune-journal.5" 2>&1); RC=$?; ERR=""
expect_rc 0 "attune-journal(5) lints clean"
expect_out_empty "no mandoc warnings"
OUT=$(mandoc -T utf8 "$ATTUNE_SOURCE_DIR/man/attune-journal.5" 2>&1 | col -b); RC=$?
expect_out_has "attune-journal 1" "the version line is documented"
expect_out_has "journal merge=union" "git syncing is documented"
finish
