#!/usr/bin/env bash
# Hostile input through the real binary: huge, deep, binary and invalid text in plans,
# journals, notes, dates and arguments; folders that are not what they should be. Each
# case must end with a clear one-line message and a documented exit code (never 1, the
# "unexpected problem" code), within 2 s (enforced by `timeout`, which kills a hang; under
# the sanitizers, which slow everything several times, the bound is 10 s), within bounded
# memory (ulimit -v; skipped under ASan, which reserves terabytes of address space), and
# without writing anything: every case compares a snapshot of the whole test folder.
# Cases for a command that is not built yet on this branch are reported as SKIP.
. "$(dirname "$0")/_lib.sh"

export ATTUNE_NOW=2026-11-26T09:30
mem_kib=$((256 * 1024))
bound=2
if [ "${ATTUNE_SANITIZE:-0}" = 1 ]; then mem_kib=unlimited; bound=10; fi

# hrun CMD...: like run, under a memory limit and the time bound.
hrun() {
  OUT=$( (ulimit -v "$mem_kib"; exec timeout "$bound" "$ATTUNE_BIN" "$@") 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  if [ "$RC" -eq 124 ]; then fail "attune $* took more than $bound s (killed)"; fi
}
# ready CMD: the command exists (not the foundation's placeholder).
ready() {
  if "$ATTUNE_BIN" "$1" --help 2>&1 | grep -q 'not ready yet' ||
    "$ATTUNE_BIN" --help | grep -E "^ +$1 " | grep -q 'not ready yet'; then
    echo "SKIP: '$1' is not built yet"
    return 1
  fi
}
# snapshot DIR: checksums and modes of every file and folder but the lock file and the
# journal.index cache (which readers may create or refresh) and this script's own stderr
# capture. A leftover temporary index file (journal.index.XXXXXX) would still show.
snapshot() { (cd "$1" 2>/dev/null && find . \( -name journal.lock -o -name journal.index -o \
  -path ./stderr \) -prune -o -type f -print0 | sort -z | xargs -0 -r sha256sum
  find . -printf '%p %m\n' | grep -v -e journal.lock -e '/journal\.index ' -e '^\./stderr ' |
    sort); }
# unchanged BEFORE DESCRIPTION: nothing under the test folder was written since BEFORE.
unchanged() { if [ "$(snapshot "$T_ROOT")" = "$1" ]; then pass; else fail "$2: something was written"; fi; }
# expect_clean_error CODE DESCRIPTION: one prefixed line, the documented code, nothing on stdout.
expect_clean_error() {
  expect_rc "$1" "$2"
  expect_err_has "attune: error: " "$2: prefixed message"
  expect_err_lines 1 "$2: one line"
  expect_out_empty "$2"
}
expect_valid_utf8_err() {
  if printf '%s' "$ERR" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then pass; else
    fail "$1: stderr is not valid UTF-8 (a bad byte was echoed raw)"; fi
}

work=$T_ROOT/work
mkdir -p "$work"

# ---- Plans ----------------------------------------------------------------------------------
if ready plan; then
  # 100 MB: refused by size before anything parses it.
  head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' '#' >"$work/huge.toml"
  before=$(snapshot "$T_ROOT")
  hrun plan validate "$work/huge.toml"
  expect_rc 2 "100 MB plan"
  expect_err_has "huge.toml" "100 MB plan names the file"
  expect_err_has "too large" "100 MB plan says why"
  unchanged "$before" "100 MB plan"
  hrun --plan "$work/huge.toml" start
  expect_clean_error 2 "start with a 100 MB plan"
  expect_err_has "too large" "start with a 100 MB plan says why"
  unchanged "$before" "start with a 100 MB plan"
  rm -f "$work/huge.toml"

  # 10,000 nested arrays: refused by depth before toml++ recurses.
  { printf 'x = '; head -c 10000 /dev/zero | tr '\0' '['; head -c 10000 /dev/zero | tr '\0' ']'; echo; } >"$work/deep.toml"
  before=$(snapshot "$T_ROOT")
  hrun plan validate "$work/deep.toml"
  expect_rc 2 "10,000 nested arrays"
  expect_err_has "deep.toml:1" "nested arrays: position"
  expect_err_has "nest" "nested arrays: says nesting"
  unchanged "$before" "10,000 nested arrays"

  # Invalid UTF-8 inside a string value.
  sed 's/^name = .*/name = "caf\xc3\x28 \xff"/' "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" >"$work/badutf8.toml"
  before=$(snapshot "$T_ROOT")
  hrun plan validate "$work/badutf8.toml"
  expect_rc 2 "invalid UTF-8 in a plan"
  expect_err_has "badutf8.toml:" "invalid UTF-8: position"
  expect_err_has "UTF-8" "invalid UTF-8: says so"
  expect_valid_utf8_err "invalid UTF-8 in a plan"

  hrun plan show --format text "$work/badutf8.toml"
  expect_rc 2 "plan show of an invalid plan"
  expect_err_has "UTF-8" "plan show of an invalid plan: says so"
  expect_valid_utf8_err "plan show of an invalid plan"
  unchanged "$before" "invalid UTF-8 in a plan"
fi

# ---- Arguments ------------------------------------------------------------------------------
before=$(snapshot "$T_ROOT")
hrun $'\xff\xfe'
expect_clean_error 2 "invalid UTF-8 as a command"
expect_valid_utf8_err "invalid UTF-8 as a command"
expect_err_has '"\xff\xfe"' "invalid bytes are shown as \\xHH"
hrun $'\x1b[31mred'
expect_clean_error 2 "terminal escape as a command"
if printf '%s' "$ERR" | grep -q $'\x1b'; then fail "an ESC byte reached the terminal"; else pass; fi
hrun --data-dir "$work/d" $'--col\xffor' today
expect_clean_error 2 "invalid UTF-8 in an option name"
[ ! -e "$work/d" ] && pass || fail "a refused command line created the data folder"
hrun start --on $'2026-11-2\xff'
expect_clean_error 2 "invalid UTF-8 in the date of start"
expect_err_has 'is not a date' "invalid UTF-8 in a date: says so"
expect_err_has '"2026-11-2\xff"' "invalid UTF-8 in a date: shown as \\xHH"
expect_valid_utf8_err "invalid UTF-8 in the date of start"
unchanged "$before" "refused arguments"

# ---- Journal damage -------------------------------------------------------------------------
if ready start && ready today && ready report; then
  hrun start
  expect_rc 0 "start a programme for the journal cases"
  journal=$ATTUNE_DATA_DIR/journal
  [ -f "$journal" ] && pass || fail "start wrote no journal"
  good=$(cat "$journal")

  # NUL bytes inside a line, then a 4 KiB block of zeros (what a crash can leave), then a
  # 10 MB line: each is reported and skipped, the good records still count.
  { printf '%s\n' "$good"; printf 'abc\0def\0\n'; head -c 4096 /dev/zero; printf '\n';
    head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; printf '\n'; } >"$journal"
  before=$(snapshot "$ATTUNE_DATA_DIR")
  for cmd in today report log; do
    hrun "$cmd"
    expect_rc 0 "$cmd over NULs, zeros and a 10 MB line"
    expect_err_has "warning" "$cmd over a damaged journal warns"
    expect_valid_utf8_err "$cmd over a damaged journal"
  done
  [ "$(snapshot "$ATTUNE_DATA_DIR")" = "$before" ] && pass || fail "reading a damaged journal changed files"

  # A zero-byte journal is an empty one: no programme, said kindly, nothing written.
  : >"$journal"
  before=$(snapshot "$T_ROOT")
  hrun report
  expect_clean_error 2 "report on a zero-byte journal"
  expect_err_has "no programme has been started" "report on a zero-byte journal: says why"
  hrun today
  expect_rc 0 "today on a zero-byte journal"
  expect_out_has "No programme is running yet" "today on a zero-byte journal: says so kindly"
  expect_err_empty "today on a zero-byte journal"
  unchanged "$before" "zero-byte journal"

  # The journal is a folder.
  rm -f "$journal"
  mkdir "$journal"
  before=$(snapshot "$T_ROOT")
  hrun today
  expect_clean_error 77 "journal that is a folder"
  expect_err_has "is a folder" "journal that is a folder: says so"
  hrun checkin --note hi
  expect_clean_error 77 "checkin into a journal that is a folder"
  unchanged "$before" "journal that is a folder"
  rmdir "$journal"

  # The journal is a symbolic link to a file elsewhere: never followed, never written.
  printf 'not yours\n' >"$work/elsewhere"
  ln -s "$work/elsewhere" "$journal"
  before=$(snapshot "$T_ROOT")
  hrun today
  expect_clean_error 77 "symlinked journal"
  expect_err_has "symbolic link" "symlinked journal: says so"
  hrun checkin --note hi
  expect_clean_error 77 "checkin through a symlinked journal"
  unchanged "$before" "symlinked journal"
  [ "$(cat "$work/elsewhere")" = "not yours" ] && pass || fail "the symlink target was changed"
  rm -f "$journal"
fi

if ready checkin; then
  rm -rf "$ATTUNE_DATA_DIR"
  hrun start
  before=$(snapshot "$ATTUNE_DATA_DIR")
  hrun checkin --note $'caf\xc3\x28'
  expect_clean_error 2 "invalid UTF-8 in a note"
  expect_err_has "UTF-8" "invalid UTF-8 in a note: says so"
  expect_valid_utf8_err "invalid UTF-8 in a note"
  [ "$(snapshot "$ATTUNE_DATA_DIR")" = "$before" ] && pass || fail "a refused note was written"

  hrun checkin --date $'2026-11-2\xff' --note hello
  expect_clean_error 2 "invalid UTF-8 in the date of a checkin"
  expect_err_has 'is not a date' "invalid UTF-8 in a checkin date: says so"
  expect_valid_utf8_err "invalid UTF-8 in a date"
  [ "$(snapshot "$ATTUNE_DATA_DIR")" = "$before" ] && pass || fail "a refused date wrote"
fi

# ---- undo ID: hostile ids, and a journal line whose cmd= is not an id ----------------------
if ready undo; then
  rm -rf "$ATTUNE_DATA_DIR"
  hrun start
  hrun checkin catch-the-urge --note hostile
  before=$(snapshot "$T_ROOT")
  long=$(head -c 100000 /dev/zero | tr '\0' 'a')
  for id in $'\xff\xfe\xfd\xfc' $'\x1b[31mabcd' "$long" "abc" "g000" "0123456789abcdef0"; do
    hrun undo "$id"
    expect_clean_error 2 "undo with a hostile id (${#id} bytes)"
    expect_valid_utf8_err "undo with a hostile id"
    if printf '%s' "$ERR" | grep -q $'\x1b'; then fail "undo: an ESC byte reached the terminal"; else pass; fi
    [ "${#ERR}" -lt 400 ] && pass || fail "undo: a long id is not echoed whole"
  done
  unchanged "$before" "refused undo ids"

  # A line with a right checksum and cmd=NOT-AN-ID: reported and skipped, never withdrawn by
  # an undo of the command it names, and undo still works on the good lines.
  body=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' 00000000000000aa done 2026-11-26 \
    2026-11-26T08:00:00Z UTC run=1 exercise=catch-the-urge cmd=NOT-AN-ID)
  crc=$(printf '%s' "$body" | python3 -c 'import sys, zlib; print("%08x" % zlib.crc32(sys.stdin.buffer.read()))')
  printf '%s\t~%s\n' "$body" "$crc" >>"$ATTUNE_DATA_DIR/journal"
  hrun undo --list
  expect_rc 0 "undo --list over a line with a bad cmd"
  expect_err_has "(bad cmd): skipped" "the bad cmd line is reported"
  expect_out_has 'catch-the-urge done and the note "hostile"' "the good command is listed whole"
  hrun undo
  expect_rc 0 "undo over a line with a bad cmd"
  expect_out_has 'Withdrawn: catch-the-urge done and the note "hostile"' "undo takes the good command"
fi

# ---- pause: hostile dates and reasons, and a pause line that cannot be ------------------------
if ready pause; then
  rm -rf "$ATTUNE_DATA_DIR"
  hrun start --on 2026-11-02
  before=$(snapshot "$ATTUNE_DATA_DIR")
  long=$(head -c 100000 /dev/zero | tr '\0' '9')
  for bad in $'2026-11-3\xff' $'\x1b[31m2026' "$long" "2026-02-30"; do
    hrun pause --until "$bad"
    expect_clean_error 2 "pause --until hostile (${#bad} bytes)"
    expect_valid_utf8_err "pause --until hostile"
    if printf '%s' "$ERR" | grep -q $'\x1b'; then fail "pause: an ESC byte reached the terminal"; else pass; fi
    [ "${#ERR}" -lt 400 ] && pass || fail "pause: a long date is not echoed whole"
  done
  hrun pause --reason $'caf\xc3\x28'
  expect_clean_error 2 "invalid UTF-8 in a pause reason"
  [ "$(snapshot "$ATTUNE_DATA_DIR")" = "$before" ] && pass || fail "a refused pause was written"
  hrun pause --from 2026-11-10 --until 2026-11-12 --reason $'\x1b[2Jwiped'
  expect_rc 0 "a pause whose reason holds an escape sequence"
  hrun log
  if printf '%s' "$OUT" | grep -q $'\x1b'; then fail "log sent a reason's ESC to the terminal"; else pass; fi
  # A pause line with a right checksum whose until= comes before its day: reported, skipped.
  body=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s' 00000000000000ab pause 2026-11-20 \
    2026-11-26T08:00:00Z UTC run=1 until=2026-11-19)
  crc=$(printf '%s' "$body" | python3 -c 'import sys, zlib; print("%08x" % zlib.crc32(sys.stdin.buffer.read()))')
  printf '%s\t~%s\n' "$body" "$crc" >>"$ATTUNE_DATA_DIR/journal"
  hrun remind --exit-code # week 4: only when-it-arises exercises, so nothing is open (0), not paused (12)
  expect_rc 0 "a bad pause line pauses nothing"
  expect_err_has "(a pause that ends before it begins): skipped" "the bad pause line is reported"
fi

# ---- Folders we may not use (as root, run attune as an unprivileged user) -------------------
if ready checkin && [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  as_user() { setpriv --reuid=daemon --regid=daemon --clear-groups -- "$@"; }
  shared=$(mktemp -d /tmp/attune-hostile.XXXXXX)
  chmod 755 "$shared"
  # Owned by another user (nobody), 0700: the daemon user may not read or write it.
  mkdir -m 700 "$shared/theirs"
  cp "$ATTUNE_DATA_DIR/journal" "$shared/theirs/journal"
  chown -R nobody "$shared/theirs"
  before=$(snapshot "$shared/theirs")
  OUT=$(as_user env HOME="$shared" ATTUNE_DATA_DIR="$shared/theirs" timeout "$bound" "$ATTUNE_BIN" checkin --note hi 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  expect_clean_error 77 "data folder owned by another user"
  [ "$(snapshot "$shared/theirs")" = "$before" ] && pass || fail "another user's folder changed"

  # Read-only folder of our own user: checkin refuses cleanly, the journal is untouched.
  mkdir "$shared/ro"
  cp "$ATTUNE_DATA_DIR/journal" "$shared/ro/journal"
  chown -R daemon "$shared/ro"
  chmod 500 "$shared/ro"
  chmod 400 "$shared/ro/journal"
  before=$(snapshot "$shared/ro")
  OUT=$(as_user env HOME="$shared" ATTUNE_DATA_DIR="$shared/ro" timeout "$bound" "$ATTUNE_BIN" checkin --note hi 2>"$T_ROOT/stderr")
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  expect_clean_error 77 "read-only data folder"
  [ "$(snapshot "$shared/ro")" = "$before" ] && pass || fail "read-only folder changed"
  chmod -R u+w "$shared"
  rm -rf "$shared"
else
  echo "SKIP: the folder-permission cases need root and setpriv (CI runs them as root)"
fi

# A personal cue holds the person's words like a note: hostile text is refused whole.
if ready cue; then
  rm -rf "$ATTUNE_DATA_DIR"
  hrun start
  before=$(snapshot "$ATTUNE_DATA_DIR")
  hrun cue catch-the-urge $'caf\xc3\x28'
  expect_clean_error 2 "invalid UTF-8 in a cue"
  expect_err_has "UTF-8" "invalid UTF-8 in a cue: says so"
  expect_valid_utf8_err "invalid UTF-8 in a cue"
  hrun cue catch-the-urge $'when\x1b[31m red'
  expect_clean_error 2 "a control character in a cue"
  hrun cue $'catch\xff' "after dinner"
  expect_clean_error 2 "invalid UTF-8 in a cue's exercise"
  expect_valid_utf8_err "invalid UTF-8 in a cue's exercise"
  [ "$(snapshot "$ATTUNE_DATA_DIR")" = "$before" ] && pass || fail "a refused cue was written"
fi

finish
