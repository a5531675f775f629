#!/usr/bin/env bash
# attune sync with real git: two machines (data folders) sharing a bare repository. Check-ins
# on both (same day, different days, the same record on both, a programme started separately
# on each), synced in both orders, end in byte-identical journals and identical reports;
# offline, a damaged merge, git missing, a repository of someone else's, and kill -9 mid-sync.
. "$(dirname "$0")/_lib.sh"

REAL_GIT=$(command -v git) || { echo "FAIL: git is not installed (scripts/setup.sh installs it)"; exit 1; }
export GIT_CONFIG_GLOBAL="$T_ROOT/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "Test Person"
git config --global user.email "test@example.invalid"
git config --global init.defaultBranch master # attune names its branch main whatever this says
BARE="$T_ROOT/remote.git"
git init -q --bare --initial-branch=main "$BARE"
A="$T_ROOT/a"
B="$T_ROOT/b"
at() { export ATTUNE_NOW="$1"; }
on() { # on DIR ARGS...: attune with DIR as its data folder
  local dir=$1
  shift
  ATTUNE_DATA_DIR="$dir" run "$@"
}
# same_everywhere WHAT: A and B hold byte-identical journals and identical JSON reports.
same_everywhere() {
  if cmp -s "$A/journal" "$B/journal"; then pass; else
    fail "$1: the journals differ"
    diff "$A/journal" "$B/journal" | head -20 >&2
  fi
  on "$A" report --format json
  local a_rc=$RC a_out=$OUT
  on "$B" report --format json
  if [ "$a_rc" -eq 0 ] && [ "$RC" -eq 0 ] && [ "$a_out" = "$OUT" ]; then pass; else
    fail "$1: the reports differ (rc $a_rc and $RC)"
  fi
}
lines_with() { grep -a -c -F -- "$1" "$2"; }
# expect_clean_read WHAT: no warning about the journal (the note on two programmes numbered 1,
# which every read of the joined journal gives, is expected).
expect_clean_read() {
  if printf '%s' "$ERR" | grep -q -e "attune: warning" -e "attune: error"; then fail "$1"; else pass; fi
}

# --- a programme started separately on each machine, then sync init on both ---
at 2026-10-05T08:00
on "$A" start
expect_rc 0 "A: start"
on "$A" checkin catch-the-urge -n 'A-MONDAY'
expect_rc 0 "A: check-in"
at 2026-10-05T09:00
on "$B" start
expect_rc 0 "B: start its own programme"
on "$B" checkin catch-the-urge -n 'B-MONDAY'
expect_rc 0 "B: the same exercise on the same day"

on "$A" sync
expect_rc 2 "sync before sync init"
expect_err_has "attune: error: the data folder \"$A\" is not set up for sync" "sync before init"
expect_err_has "attune sync init" "sync before init: the hint"

on "$A" sync init "$BARE"
expect_rc 0 "A: sync init REMOTE"
expect_out_has "Made the data folder a git repository" "A: sync init"
expect_out_has "Its remote 'origin' is $BARE" "A: sync init names the remote"
grep -qx 'journal merge=union' "$A/.gitattributes" && pass || fail ".gitattributes lacks the union driver"
for ignored in journal.lock journal.index '.*.attune-*'; do
  grep -qxF -- "$ignored" "$A/.gitignore" && pass || fail ".gitignore lacks $ignored"
done
tracked=$(git -C "$A" ls-files | tr '\n' ' ')
case "$tracked" in
".gitattributes .gitignore journal plans/"*".toml ") pass ;;
*) fail "sync init tracks: $tracked" ;;
esac
[ "$(git -C "$A" remote get-url origin)" = "$BARE" ] && pass || fail "the remote is not origin"
[ "$(git -C "$A" symbolic-ref --short HEAD)" = main ] && pass || fail "the branch is not main"
on "$A" sync init
expect_rc 0 "sync init again (the repository is ours)"

on "$A" sync
expect_rc 0 "A: first sync pushes"
expect_out_has "Synced with origin" "A: first sync"
on "$B" sync init "$BARE"
expect_rc 0 "B: sync init with its own journal"
on "$B" sync
expect_rc 0 "B: sync merges the two histories"
expect_out_has "from there" "B: received A's records"
expect_err_has "attune: note:" "B: two programmes claim number 1: a note says how they are numbered"
on "$A" sync
expect_rc 0 "A: sync takes the merge"
same_everywhere "after the first syncs"
for word in A-MONDAY B-MONDAY; do
  [ "$(lines_with "$word" "$A/journal")" -ge 1 ] && pass || fail "the merged journal lacks $word"
done
[ "$(head -1 "$A/journal")" = "attune-journal 1" ] && pass || fail "the version line is not first"
[ "$(lines_with 'attune-journal 1' "$A/journal")" -eq 1 ] && pass || fail "the version line repeats"
on "$A" sync
expect_rc 0 "sync with nothing new"
expect_out_has "Already in sync with origin." "sync with nothing new"

# --- same day, different days, the same record on both; B syncs first, then A ---
at 2026-10-06T08:00
on "$A" checkin body-check -n 'A-TUESDAY'
expect_rc 0 "A: Tuesday"
at 2026-10-06T20:00
on "$B" checkin -n 'B-TUESDAY'
expect_rc 0 "B: the same day"
at 2026-10-07T08:00
on "$A" checkin catch-the-urge -n 'SHARED-RECORD'
expect_rc 0 "A: Wednesday"
on "$A" export -o "$T_ROOT/a.json"
expect_rc 0 "A: export"
on "$B" import "$T_ROOT/a.json"
expect_rc 0 "B: import (the same records now on both)"
at 2026-10-08T08:00
on "$B" checkin -n 'B-THURSDAY'
expect_rc 0 "B: Thursday"
on "$B" sync
expect_rc 0 "B syncs first"
on "$A" sync
expect_rc 0 "then A"
on "$B" sync
expect_rc 0 "then B again"
same_everywhere "B first, then A"
for word in A-TUESDAY B-TUESDAY SHARED-RECORD B-THURSDAY; do
  [ "$(lines_with "$word" "$A/journal")" -ge 1 ] && pass || fail "the journal lacks $word"
done

# --- the other order: A first, then B ---
at 2026-10-09T08:00
on "$A" checkin catch-the-urge -n 'A-FRIDAY'
on "$B" checkin catch-the-urge -n 'B-FRIDAY'
on "$A" sync
expect_rc 0 "A syncs first"
on "$B" sync
expect_rc 0 "then B"
on "$A" sync
expect_rc 0 "then A again"
same_everywhere "A first, then B"
on "$A" log
expect_rc 0 "log after the syncs"
expect_clean_read "log after the syncs reads cleanly"

# --- offline: the remote is gone; commits here, the push is pending, exit 0 ---
mv "$BARE" "$BARE.away"
at 2026-10-10T08:00
on "$A" checkin catch-the-urge -n 'A-OFFLINE'
on "$A" sync
expect_rc 0 "offline sync"
expect_out_has "the push is pending" "offline sync says so"
expect_err_has "attune: warning: cannot fetch: cannot reach the remote 'origin'" "offline: why"
git -C "$A" diff --quiet HEAD -- journal && pass || fail "offline sync did not commit the journal"
git -C "$A" show HEAD:journal | grep -q A-OFFLINE && pass || fail "the commit lacks the check-in"
on "$A" sync --verbose
expect_rc 0 "offline sync --verbose"
expect_err_has "    fatal: " "--verbose shows git's own words, indented"
mv "$BARE.away" "$BARE"
on "$A" sync
expect_rc 0 "back online: the pending push goes"
on "$B" sync
expect_rc 0 "B takes it"
same_everywhere "after the offline sync"

# --- forget warns: a clone can still hold the words; a sync keeps them erased ---
at 2026-10-10T09:00
on "$A" forget --yes --record "$(grep -a A-FRIDAY "$A/journal" | head -1 | cut -f1)"
expect_rc 0 "forget on A"
expect_err_has "a clone or the remote that still has it keeps it there" "forget warns about the remote"
on "$B" checkin body-check -n 'B-AFTER-FORGET'
on "$B" sync
on "$A" sync
expect_rc 0 "A syncs the erasure"
on "$B" sync
expect_rc 0 "B takes the erasure"
if grep -a -q A-FRIDAY "$B/journal"; then fail "the forgotten note came back into B's journal"; else pass; fi
same_everywhere "after forget"

# --- kill -9 during sync, at each git step: the journal reads cleanly, nothing is lost ---
SLOW="$T_ROOT/slow"
mkdir -p "$SLOW"
cat >"$SLOW/git" <<EOF
#!/bin/sh
case " \$* " in *" \$SLOW_ON "*) sleep 30 & echo "\$\$ \$!" >"$T_ROOT/slow.pid"; wait ;; esac
exec "$REAL_GIT" "\$@"
EOF
chmod +x "$SLOW/git"
n=0
for step in add commit fetch merge-tree update-ref push; do
  n=$((n + 1))
  at "2026-10-1${n}T08:00"
  on "$B" checkin -n "B-KILL-$step"
  on "$B" sync
  on "$A" checkin -n "A-KILL-$step"
  expect_rc 0 "A: check-in before the killed sync ($step)"
  rm -f "$T_ROOT/slow.pid"
  ATTUNE_DATA_DIR="$A" SLOW_ON="$step" PATH="$SLOW:$PATH" "$ATTUNE_BIN" sync >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do [ -s "$T_ROOT/slow.pid" ] && break; sleep 0.05; done
  if [ -s "$T_ROOT/slow.pid" ]; then pass; else fail "sync never reached git $step"; fi
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ -s "$T_ROOT/slow.pid" ] && kill -9 $(cat "$T_ROOT/slow.pid") 2>/dev/null
  on "$A" log --since 2026-10-01
  expect_rc 0 "log after kill -9 at git $step"
  expect_clean_read "the journal reads cleanly after kill -9 at git $step"
  expect_out_has "A-KILL-$step" "the acknowledged check-in survives kill -9 at git $step"
  on "$A" report --format json
  expect_rc 0 "report after kill -9 at git $step"
  on "$A" sync
  expect_rc 0 "the next sync after kill -9 at git $step"
done
on "$B" sync
expect_rc 0 "B after the kills"
same_everywhere "after the killed syncs"
for step in add commit fetch merge-tree update-ref push; do
  [ "$(lines_with "A-KILL-$step" "$B/journal")" -ge 1 ] && pass || fail "B lacks A-KILL-$step"
done

# --- a merge that would damage the journal: refused, exit 65, the journal as it was ---
C="$T_ROOT/c"
git clone -q "$BARE" "$C"
printf '0123456789abcdef\tdone\thand-made\n' >>"$C/journal"
git -C "$C" commit -q -am "a hand-made line" && git -C "$C" push -q origin HEAD
at 2026-10-20T08:00
on "$A" checkin -n 'A-BEFORE-DAMAGE'
cp "$A/journal" "$T_ROOT/before"
on "$A" sync
expect_rc 65 "a damaged merge"
expect_err_has "attune: error: the merged journal would not read cleanly" "a damaged merge"
expect_err_has "nothing was merged, the journal is as it was" "a damaged merge"
expect_err_lines 1 "a damaged merge: one line"
cmp -s "$A/journal" "$T_ROOT/before" && pass || fail "the damaged merge changed the journal"
git -C "$A" merge-base --is-ancestor origin/main HEAD && fail "the damaged merge was merged" || pass
on "$A" log
expect_rc 0 "log after the refused merge"
expect_clean_read "the journal reads cleanly after the refused merge"
git -C "$C" reset -q --hard HEAD~1 && git -C "$C" push -q -f origin HEAD

# a damaged line here: never shared
cp "$B/journal" "$T_ROOT/b-before"
printf 'garbage\n' >>"$B/journal"
on "$B" sync
expect_rc 65 "a damaged journal here"
expect_err_has "the journal does not read cleanly, so it is not shared: line" "a damaged journal"
git -C "$B" show HEAD:journal | grep -q garbage && fail "the damaged line was committed" || pass
cp "$T_ROOT/b-before" "$B/journal"

# --- git missing: exit 69, naming the package; nothing done ---
mkdir -p "$T_ROOT/nogit"
nogit() { # nogit DIR ARGS...: attune with a PATH that has no git
  local dir=$1
  shift
  OUT=$(ATTUNE_DATA_DIR="$dir" PATH="$T_ROOT/nogit" "$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}
nogit "$A" sync
expect_rc 69 "sync without git"
expect_err_has "attune: error: git is not installed" "sync without git"
expect_err_has "install the package 'git'" "sync without git names the package"
nogit "$T_ROOT/fresh" sync init
expect_rc 69 "sync init without git"
[ -e "$T_ROOT/fresh" ] && fail "sync init without git made the data folder" || pass

# --- a repository with other content is refused ---
D="$T_ROOT/d"
git init -q "$D"
echo hello >"$D/README.md"
git -C "$D" add README.md && git -C "$D" commit -q -m mine
on "$D" sync init
expect_rc 77 "sync init in someone else's repository"
expect_err_has "is a git repository that holds other files (\"README.md\")" "other content"
for f in .gitattributes .gitignore journal.lock; do
  [ -e "$D/$f" ] && fail "sync init wrote $f into someone else's repository" || pass
done

# --- no remote: commits here ---
on "$T_ROOT/solo" start
on "$T_ROOT/solo" sync init
expect_rc 0 "sync init without a remote"
expect_out_has "It has no remote yet" "sync init without a remote"
on "$T_ROOT/solo" checkin catch-the-urge
on "$T_ROOT/solo" sync
expect_rc 0 "sync without a remote"
expect_out_has "Committed here; there is no remote" "sync without a remote"

finish
