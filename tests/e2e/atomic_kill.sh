#!/usr/bin/env bash
# All or nothing under kill -9: `attune import` of a large file and `attune forget` rewrite the
# whole journal (temporary file, fsync, rename, fsync folder), so a kill at any moment leaves
# the journal byte for byte as it was or as it would be after the command, never in between.
# Then: attune's temporaries are named by one pattern and a later write removes stale ones.
#
# ATTUNE_KILL_RUNS (default 30) kills per command; ATTUNE_KILL_RECORDS (default 50000, sized for
# about a minute on an idle 2-core machine; the issue's figures used 120000) records
# in the imported file. Delays are random (seeded) over each command's measured duration; every
# second import kill runs on a slow disk (the fault shim) and is aimed at the writing, where an
# append tore the journal; the assertions are the same whatever the delay.
. "$(dirname "$0")/_lib.sh"

RUNS=${ATTUNE_KILL_RUNS:-30}
RECORDS=${ATTUNE_KILL_RECORDS:-50000}
# Under ASan+UBSan every command is several times slower: a smaller import keeps the same
# number of kills (the assertion is the same: before or after, never between) in CI's budget.
if [ "${ATTUNE_SANITIZE:-0}" = 1 ] && [ -z "${ATTUNE_KILL_RECORDS:-}" ]; then RECORDS=15000; fi
RANDOM=1914 # the same delays on every run of the test
D="$ATTUNE_DATA_DIR"
J="$D/journal"
W="$T_ROOT/work"
mkdir -p "$W"
export ATTUNE_NOW=2026-10-01T08:00
GEN="${ATTUNE_SOURCE_DIR:?}/bench/gen_journal.py"

python3 "$GEN" --records 2000 --seed 11 --out "$W/base" --no-check >/dev/null || exit 1
python3 "$GEN" --records "$RECORDS" --seed 12 --out "$W/import" --no-check >/dev/null || exit 1

# reset FILE: the data folder holds exactly FILE as its journal
reset() {
  rm -rf "$D"
  mkdir -p "$D"
  chmod 700 "$D"
  cp "$1" "$J"
  chmod 600 "$J"
}
now_ms() { date +%s%3N; }
# pick MS: sets PICK to a random whole number of milliseconds below MS (seeded above; not in
# a subshell, so the sequence is the same on every run)
pick() { PICK=$(((RANDOM * 32768 + RANDOM) % $1)); }
# reads_clean DESCRIPTION: the whole journal reads without a warning
reads_clean() {
  OUT=""
  "$ATTUNE_BIN" export --format csv >/dev/null 2>"$T_ROOT/stderr" </dev/null
  RC=$?
  # A note is not a warning: the two generated journals were started separately (seeds 11
  # and 12), so every read says once that their programmes are kept apart.
  ERR=$(grep -v '^attune: note: ' "$T_ROOT/stderr")
  if [ "$RC" -eq 0 ] && [ -z "$ERR" ]; then pass; else fail "$1: the journal does not read cleanly"; fi
}
# kill_at MS CMD...: starts CMD, kills it with SIGKILL after MS milliseconds (if still running)
kill_at() {
  local ms=$1
  shift
  "$@" >/dev/null 2>&1 </dev/null &
  local pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

# kill_writing MS CMD...: starts CMD, waits until the journal or a temporary new journal
# changes, then kills CMD with SIGKILL after MS more milliseconds
kill_writing() {
  local ms=$1 size
  shift
  size=$(stat -c %s "$J")
  "$@" >/dev/null 2>&1 </dev/null &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    [ "$(stat -c %s "$J")" != "$size" ] && break
    compgen -G "$D/.journal.attune-*" >/dev/null && break
    sleep 0.005
  done
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

# --- import: the reference states, and how long an import takes here (also on a slow disk:
# the fault shim cuts each write of the journal, or of the new journal, to 64 KiB and 2 ms, so
# kills land inside the writing too) ---
SLOW=()
# The shim is preloaded ahead of the sanitizer runtime in the ASan build: allow that.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
if [ -n "${ATTUNE_FAULT_SHIM:-}" ] && [ -e "$ATTUNE_FAULT_SHIM" ]; then
  SLOW=(env LD_PRELOAD="$ATTUNE_FAULT_SHIM" ATTUNE_FAULT=slow)
fi
reset "$W/base"
t0=$(now_ms)
run import "$W/import"
t1=$(now_ms)
expect_rc 0 "the reference import"
cp "$J" "$W/imported"
reads_clean "after the reference import"
IMPORT_MS=$((t1 - t0 + 1))
expected=$(($(grep -c '' "$W/base") + RECORDS))
[ "$(grep -c '' "$W/imported")" -eq "$expected" ] && pass ||
  fail "the reference import holds $(grep -c '' "$W/imported") lines, expected $expected"
SLOW_MS=$IMPORT_MS
if [ ${#SLOW[@]} -gt 0 ]; then
  reset "$W/base"
  t0=$(now_ms)
  "${SLOW[@]}" "$ATTUNE_BIN" import "$W/import" >/dev/null 2>&1
  t1=$(now_ms)
  SLOW_MS=$((t1 - t0 + 1))
  cmp -s "$J" "$W/imported" && pass || fail "an import on a slow disk wrote other bytes"
fi

before=0 after=0 odd=0
for i in $(seq 1 "$RUNS"); do
  reset "$W/base"
  if [ $((i % 2)) -eq 0 ] && [ ${#SLOW[@]} -gt 0 ]; then
    # On the slow disk, aim at the writing: from the moment the journal (or a new journal)
    # starts to change, a random moment within the time the writing takes.
    pick 1000
    kill_writing "$PICK" "${SLOW[@]}" "$ATTUNE_BIN" import "$W/import"
  else
    pick "$IMPORT_MS"
    kill_at "$PICK" "$ATTUNE_BIN" import "$W/import"
  fi
  if cmp -s "$J" "$W/base"; then
    before=$((before + 1))
  elif cmp -s "$J" "$W/imported"; then
    after=$((after + 1))
  else
    odd=$((odd + 1))
    fail "import kill $i: the journal is neither as it was nor fully imported ($(grep -c '' "$J") lines)"
  fi
  [ $((i % 10)) -eq 0 ] && reads_clean "after import kill $i"
done
echo "import: $RUNS kills within ${IMPORT_MS} ms (${SLOW_MS} ms on a slow disk): $before before, $after after, $odd torn"
[ "$odd" -eq 0 ] && pass || fail "import left $odd journals torn"

# --- forget --all-notes: the same, the journal before or after (the forgotten record's id is
# random, so "after" is compared without it) ---
reset "$W/imported"
t0=$(now_ms)
run forget --all-notes --yes
t1=$(now_ms)
expect_rc 0 "the reference forget"
FORGET_MS=$((t1 - t0 + 1))
grep -a -v $'\tforgotten\t' "$J" >"$W/forgot-body"
if grep -a -q -P '\tnote\t.*\ttext=[^\t]' "$J"; then fail "the reference forget left a note's text"; else pass; fi
reads_clean "after the reference forget"
before=0 after=0 odd=0
for i in $(seq 1 "$RUNS"); do
  reset "$W/imported"
  pick "$FORGET_MS"
  kill_at "$PICK" "$ATTUNE_BIN" forget --all-notes --yes
  if cmp -s "$J" "$W/imported"; then
    before=$((before + 1))
  elif grep -a -v $'\tforgotten\t' "$J" | cmp -s - "$W/forgot-body" &&
    [ "$(grep -a -c $'\tforgotten\t' "$J")" -ge 1 ]; then
    after=$((after + 1))
  else
    odd=$((odd + 1))
    fail "forget kill $i: the journal is neither as it was nor fully rewritten"
  fi
  [ $((i % 10)) -eq 0 ] && reads_clean "after forget kill $i"
done
echo "forget: $RUNS kills within ${FORGET_MS} ms: $before before, $after after, $odd torn"
[ "$odd" -eq 0 ] && pass || fail "forget left $odd journals torn"

# --- temporaries: one pattern; stale ones (over a minute, ours, regular files) are removed by
# the next write; fresh ones, other names and links are left alone ---
reset "$W/base"
mkdir -p "$D/plans" "$W/out"
old() { touch -d '2 minutes ago' "$@"; }
echo private >"$D/.journal.attune-AAAAAA" && old "$D/.journal.attune-AAAAAA"
echo index >"$D/.journal.index.attune-BBBBBB" && old "$D/.journal.index.attune-BBBBBB"
echo index >"$D/journal.index.CCCCCC" && old "$D/journal.index.CCCCCC"
echo plan >"$D/plans/.0123abcd.toml.DDDDDD" && old "$D/plans/.0123abcd.toml.DDDDDD"
echo plan >"$D/plans/.0123abcd.toml.attune-EEEEEE" && old "$D/plans/.0123abcd.toml.attune-EEEEEE"
echo fresh >"$D/.journal.attune-FFFFFF"
ln -s "$W/base" "$D/.link.attune-GGGGGG" && touch -h -d '2 minutes ago' "$D/.link.attune-GGGGGG"
run import "$W/base"
expect_rc 0 "a write that adds nothing"
for f in .journal.attune-AAAAAA .journal.index.attune-BBBBBB journal.index.CCCCCC \
  plans/.0123abcd.toml.DDDDDD plans/.0123abcd.toml.attune-EEEEEE; do
  [ -e "$D/$f" ] && fail "the stale temporary $f is still there after a write" || pass
done
[ -e "$D/.journal.attune-FFFFFF" ] && pass || fail "a fresh temporary (maybe in use) was removed"
[ -L "$D/.link.attune-GGGGGG" ] && pass || fail "a link named like a temporary was removed"
run export
[ -e "$D/.journal.attune-FFFFFF" ] && pass || fail "a read removed a temporary"

echo export >"$W/out/.mine.json.attune-HHHHHH" && old "$W/out/.mine.json.attune-HHHHHH"
echo theirs >"$W/out/.theirs.json.attune-IIIIII" && old "$W/out/.theirs.json.attune-IIIIII"
run export -o "$W/out/mine.json"
expect_rc 0 "export -o"
[ -e "$W/out/.mine.json.attune-HHHHHH" ] && fail "the stale temporary of -o is still there" || pass
[ -e "$W/out/.theirs.json.attune-IIIIII" ] && pass || fail "another target's temporary was removed"
[ "$(ls -A "$W/out" | grep -c '')" -eq 2 ] && pass || fail "export -o left a temporary: $(ls -A "$W/out")"

finish
