#!/usr/bin/env bash
# Write, fsync and close failing (injected EIO), a full disk (tiny tmpfs) and a held lock:
# a non-zero exit, a clear message, the journal byte-identical and no temp files left.
. "$(dirname "$0")/_lib.sh"
: "${ATTUNE_JOURNAL_DRIVER:?ATTUNE_JOURNAL_DRIVER must point to the built journal_driver}"
: "${ATTUNE_FAULT_SHIM:?ATTUNE_FAULT_SHIM must point to the built fault shim}"
D=$ATTUNE_JOURNAL_DRIVER
# AddressSanitizer insists on coming first; the shim only wraps three calls.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0

# drive ARGS...: runs the driver, capturing like run()
drive() {
  OUT=$("$D" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

# drive_faulty MODE ERRNO ARGS...: the driver with the shim injecting MODE
drive_faulty() {
  local mode=$1 errno=$2
  shift 2
  OUT=$(LD_PRELOAD=$ATTUNE_FAULT_SHIM ATTUNE_FAULT=$mode ATTUNE_FAULT_ERRNO=$errno \
    "$D" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}

# same_files DIR EXPECTED_LIST DESCRIPTION: the folder holds exactly these names
same_files() {
  local have
  have=$(cd "$1" && ls -A | tr '\n' ' ')
  if [ "$have" = "$2" ]; then pass; else fail "$3: folder holds '$have', expected '$2'"; fi
}

DIR=$T_ROOT/data
drive append "$DIR" 3
expect_rc 0 "three check-ins"
cp "$DIR/journal" "$T_ROOT/before"

for mode in write write0 fsync close; do
  drive_faulty "$mode" 5 append "$DIR" 1 3000
  expect_rc 74 "EIO on $mode exits 74"
  expect_err_has 'Input/output error' "EIO on $mode names the cause"
  expect_err_has 'nothing was saved; the journal is as it was' "EIO on $mode says nothing was saved"
  expect_out_empty "EIO on $mode acknowledges nothing"
  cmp -s "$DIR/journal" "$T_ROOT/before" && pass || fail "EIO on $mode: journal byte-identical"
  same_files "$DIR" "journal journal.lock " "EIO on $mode leaves no temp files"
done

drive_faulty write 28 append "$DIR" 1
expect_rc 74 "ENOSPC on write exits 74"
expect_err_has 'No space left on device' "ENOSPC names the cause"
expect_err_has 'free some disk space' "ENOSPC gives the fix"
cmp -s "$DIR/journal" "$T_ROOT/before" && pass || fail "ENOSPC: journal byte-identical"

# A failure while creating a new journal leaves no journal behind.
NEW=$T_ROOT/new
drive_faulty fsync 5 append "$NEW" 1
expect_rc 74 "EIO on the first check-in exits 74"
expect_err_has 'nothing was saved' "first check-in says nothing was saved"
same_files "$NEW" "journal.lock " "a failed first check-in leaves no journal"

# The journal still works afterwards.
drive append "$DIR" 1
expect_rc 0 "a check-in after the failures succeeds"
drive read "$DIR"
expect_rc 0 "the journal reads cleanly"
expect_out_has "4 records, 0 problems" "all four records, no damage"

# A real full disk: a 64 KiB tmpfs (CI runs as root; skipped where mounting is not allowed).
SMALL=$T_ROOT/small
mkdir -p "$SMALL"
if mount -t tmpfs -o size=64k tmpfs "$SMALL" 2>/dev/null; then
  trap 'umount "$SMALL" 2>/dev/null; chmod -R u+w "$T_ROOT" 2>/dev/null; rm -rf "$T_ROOT"' EXIT
  drive append "$SMALL/data" 2
  expect_rc 0 "check-ins on the small disk"
  dd if=/dev/zero of="$SMALL/filler" bs=4k 2>/dev/null
  cp "$SMALL/data/journal" "$T_ROOT/small-before"
  drive append "$SMALL/data" 1 20000
  expect_rc 74 "a full disk exits 74"
  expect_err_has 'No space left on device' "a full disk names the cause"
  expect_err_has 'nothing was saved; the journal is as it was' "a full disk says nothing was saved"
  expect_out_empty "a full disk acknowledges nothing"
  cmp -s "$SMALL/data/journal" "$T_ROOT/small-before" && pass || fail "full disk: journal byte-identical"
  same_files "$SMALL/data" "journal journal.lock " "a full disk leaves no temp files"
  drive append "$SMALL/new" 1 20000
  expect_rc 74 "a full disk on the first check-in exits 74"
  [ ! -e "$SMALL/new/journal" ] && pass || fail "no partial new journal on a full disk"
  rm -f "$SMALL/filler"
  drive append "$SMALL/data" 1 20000
  expect_rc 0 "with space again the check-in succeeds"
  umount "$SMALL"
else
  echo "SKIP: full disk on a tmpfs (mount -t tmpfs is not permitted here; ENOSPC is still injected above)"
fi

# Another process holds the lock: the wait times out with exit 75.
# The subshell takes the lock on fd 9 and becomes the sleep, so killing it frees the lock.
( exec 9>>"$DIR/journal.lock"; flock -x 9; touch "$T_ROOT/held"; exec sleep 60 ) & holder=$!
while [ ! -e "$T_ROOT/held" ]; do sleep 0.05; done
drive lock "$DIR" 300
expect_rc 75 "a held lock times out with exit 75"
expect_err_has "another attune is running and holds the journal in \"$DIR\"" "busy message"
expect_err_has 'wait for it to finish and try again' "busy hint"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
drive lock "$DIR" 5000
expect_rc 0 "the lock is free once its holder is gone"
finish
