#!/usr/bin/env bash
# Issue 14, "beyond the list": every command that writes, run against every hostile state of
# its environment. For each case: the documented exit status, exactly one `attune: error:`
# line, and not one pre-existing byte changed (checksums of the whole world before and after;
# on a refusal, not even a new file). A control case first shows the command works at all.
#
# A new writing command joins by adding one line to WRITERS below. Ends with one summary line:
#   hostile matrix: 74 cases (74 passed, 0 failed, 0 skipped); exits 0x10 2x10 74x8 75x8 77x38; bytes changed in 0 cases
. "$(dirname "$0")/_lib.sh"
export ATTUNE_NOW=2026-11-26T09:30
bound=5
if [ "${ATTUNE_SANITIZE:-0}" = 1 ]; then bound=20; fi

# NAME | WHAT IT WRITES (journal or output) | ARGUMENTS (@IMPORT@: a file with new records;
# @OUT@: the -o target of the case)
WRITERS=(
  "start     | journal | start --restart"
  "checkin   | journal | checkin catch-the-urge --note matrix"
  "not-arisen | journal | checkin --not-arisen catch-the-urge --note matrix"
  "undo      | journal | undo"
  "reflect   | journal | reflect --answers 3,3,3,3,3,3,3"
  "import    | journal | import @IMPORT@"
  "report -o | output  | report -o @OUT@"
  "export -o | output  | export -o @OUT@"
  "end       | journal | end --reason matrix"
  "cue       | journal | cue catch-the-urge after-dinner"
)

CASES=0 FAILED=0 SKIPPED=0 CHANGED=0
declare -A EXITS=()
FAILED_CASES=()

# ---- a baseline world: a running programme with a check-in, and a file to import ----
BASE=$T_ROOT/base
mkdir -p "$XDG_CONFIG_HOME/attune"
# No waiting for a held lock: the lock case answers at once.
printf 'lock_timeout = 0\n' >"$XDG_CONFIG_HOME/attune/config.toml"
ATTUNE_DATA_DIR=$BASE/other timeout "$bound" "$ATTUNE_BIN" start --on 2026-11-20 >/dev/null 2>&1 &&
  ATTUNE_DATA_DIR=$BASE/other timeout "$bound" "$ATTUNE_BIN" checkin catch-the-urge --note other >/dev/null 2>&1 &&
  ATTUNE_DATA_DIR=$BASE/other timeout "$bound" "$ATTUNE_BIN" export -o "$BASE/import.json" >/dev/null 2>&1 &&
  ATTUNE_DATA_DIR=$BASE/data timeout "$bound" "$ATTUNE_BIN" start --on 2026-11-23 >/dev/null 2>&1 &&
  ATTUNE_DATA_DIR=$BASE/data timeout "$bound" "$ATTUNE_BIN" checkin catch-the-urge --note base >/dev/null 2>&1 ||
  { echo "FAIL: could not build the baseline world"; exit 1; }
# Pad the journal to a whole number of 4 KiB pages with one more note: a file system gives
# out whole pages, and an append into the slack of the last one would succeed on a full disk.
cp -a "$BASE/data" "$BASE/probe"
size0=$(stat -c %s "$BASE/data/journal")
ATTUNE_DATA_DIR=$BASE/probe timeout "$bound" "$ATTUNE_BIN" checkin --note x >/dev/null 2>&1
line1=$(($(stat -c %s "$BASE/probe/journal") - size0)) # the line of a one-byte note
pad=$((1 + (4096 - (size0 + line1) % 4096) % 4096))
ATTUNE_DATA_DIR=$BASE/data timeout "$bound" "$ATTUNE_BIN" checkin --note "$(head -c "$pad" /dev/zero | tr '\0' p)" >/dev/null 2>&1
[ $(($(stat -c %s "$BASE/data/journal") % 4096)) -eq 0 ] || echo "note: the journal is not page-aligned; the disk-full cases may not fill"
rm -rf "$BASE/probe" "$BASE/data/journal.index"

# snapshot DIR: every path with its type and mode, and a checksum of every regular file
# (a FIFO or device is listed, never opened). The journal.index cache is left out: readers
# may refresh it by design.
snapshot() {
  (cd "$1" && find . -path ./data/journal.index -prune -o -printf '%y %m %p\n' | sort
    find . -path ./data/journal.index -prune -o -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# new_world: a fresh copy of the baseline in $W (data folder $D, outputs $O).
N=0
new_world() {
  N=$((N + 1))
  W=$T_ROOT/w$N
  mkdir -p "$W"
  cp -a "$BASE/data" "$W/data"
  mkdir -m 700 "$W/out"
  D=$W/data O=$W/out
}

# case_run DESCRIPTION EXPECTED KIND ARGS [-- PREFIX...]: runs one case in $W and checks it.
# A refusal (EXPECTED != 0) must leave the world byte-identical; a success must leave every
# pre-existing byte of the data folder alone when KIND is output.
case_run() {
  local what=$1 expected=$2 kind=$3 args=$4
  shift 4
  local prefix=("$@")
  args=${args//@IMPORT@/$BASE/import.json}
  args=${args//@OUT@/${OUT_TARGET:-$O/out.file}}
  local before after
  before=$(snapshot "$W")
  # shellcheck disable=SC2086 # ARGS is split on purpose
  OUT=$(ATTUNE_DATA_DIR=$D "${prefix[@]}" timeout "$bound" "$ATTUNE_BIN" $args 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
  after=$(snapshot "$W")
  CASES=$((CASES + 1))
  EXITS[$RC]=$((${EXITS[$RC]:-0} + 1))
  local problems=()
  [ "$RC" -eq 124 ] && problems+=("hung (killed after $bound s)")
  [ "$RC" -ne "$expected" ] && problems+=("exit $RC, expected $expected")
  if [ "$expected" -ne 0 ]; then
    [ "$(printf '%s\n' "$ERR" | grep -c '')" -eq 1 ] && [[ "$ERR" == "attune: error: "* ]] ||
      problems+=("not one 'attune: error:' line")
    if [ "$before" != "$after" ]; then
      problems+=("bytes changed")
      CHANGED=$((CHANGED + 1))
    fi
  elif [ "$kind" = output ]; then
    # Every line of the data folder's snapshot is still there.
    if [ -n "$(comm -23 <(printf '%s\n' "$before" | grep ' \./data' | sort) \
      <(printf '%s\n' "$after" | grep ' \./data' | sort))" ]; then
      problems+=("the data folder changed")
      CHANGED=$((CHANGED + 1))
    fi
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    pass
  else
    FAILED=$((FAILED + 1))
    FAILED_CASES+=("$what")
    fail "$what: $(IFS=';'; echo "${problems[*]}")"
  fi
}

trim() {
  local s=$1
  s=${s#"${s%%[![:space:]]*}"}
  printf '%s' "${s%"${s##*[![:space:]]}"}"
}
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP: $*"; }

# Whether this machine lets us make a read-only bind mount or a tmpfs (root in CI).
can_mount=no
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null &&
  mkdir -p "$T_ROOT/probe" && mount -t tmpfs -o size=64k tmpfs "$T_ROOT/probe" 2>/dev/null; then
  umount "$T_ROOT/probe"
  can_mount=yes
fi

for line in "${WRITERS[@]}"; do
  IFS='|' read -r name kind args <<<"$line"
  name=$(trim "$name") kind=$(trim "$kind") args=$(trim "$args")

  new_world
  case_run "$name: control" 0 "$kind" "$args"

  # The journal as a symbolic link, a FIFO, a folder, a device: a file attune may not use.
  new_world
  mv "$D/journal" "$W/elsewhere"
  ln -s "$W/elsewhere" "$D/journal"
  case_run "$name: journal is a symbolic link" 77 "$kind" "$args"
  new_world
  rm "$D/journal" && mkfifo "$D/journal"
  case_run "$name: journal is a FIFO" 77 "$kind" "$args"
  new_world
  rm "$D/journal" && mkdir "$D/journal"
  case_run "$name: journal is a folder" 77 "$kind" "$args"
  new_world
  rm "$D/journal"
  if [ "$(id -u)" -eq 0 ] && mknod "$D/journal" c 1 3 2>/dev/null; then
    case_run "$name: journal is a device" 77 "$kind" "$args"
  else
    ln -s /dev/null "$D/journal"
    case_run "$name: journal is a link to a device" 77 "$kind" "$args"
  fi

  # The data folder read-only: writers may not (77); readers writing elsewhere still work.
  new_world
  ro_expected=77
  [ "$kind" = output ] && ro_expected=0
  if [ "$(id -u)" -ne 0 ]; then
    chmod 500 "$D"
    case_run "$name: data folder read-only" "$ro_expected" "$kind" "$args"
    chmod 700 "$D"
  elif [ "$can_mount" = yes ]; then
    case_run "$name: data folder read-only (bind mount)" "$ro_expected" "$kind" "$args" \
      unshare -m sh -c 'mount --bind "$ATTUNE_DATA_DIR" "$ATTUNE_DATA_DIR" &&
        mount -o remount,bind,ro "$ATTUNE_DATA_DIR" && exec "$@"' sh
  else
    skip "$name: data folder read-only (root, and no mount namespace here: chmod does not stop root)"
  fi

  # Another attune holds the lock: 75 at once (lock_timeout = 0), nothing touched.
  new_world
  (exec 9>>"$D/journal.lock"; flock -x 9; touch "$W/held"; exec sleep 30) &
  holder=$!
  while [ ! -e "$W/held" ]; do sleep 0.02; done
  rm "$W/held"
  case_run "$name: lock held" 75 "$kind" "$args"
  kill "$holder" 2>/dev/null
  wait "$holder" 2>/dev/null

  # A full disk (a small tmpfs holding the world): 74, nothing half-written.
  if [ "$can_mount" = yes ]; then
    N=$((N + 1))
    W=$T_ROOT/w$N
    mkdir -p "$W"
    mount -t tmpfs -o size=256k,mode=700 tmpfs "$W"
    cp -a "$BASE/data" "$W/data"
    mkdir -m 700 "$W/out"
    D=$W/data O=$W/out
    dd if=/dev/zero of="$W/filler" bs=4k 2>/dev/null
    case_run "$name: disk full" 74 "$kind" "$args"
    umount "$W"
  else
    skip "$name: disk full (needs root to mount a small tmpfs)"
  fi

  # Every kind of -o target that must be refused (exit 2, nothing written).
  if [ "$kind" = output ]; then
    new_world
    mkfifo "$O/fifo"
    OUT_TARGET=$O/fifo case_run "$name: -o a FIFO" 2 "$kind" "$args"
    new_world
    mkdir "$O/dir"
    OUT_TARGET=$O/dir case_run "$name: -o a folder" 2 "$kind" "$args"
    new_world
    ln -s "$D/journal" "$O/link"
    OUT_TARGET=$O/link case_run "$name: -o a link into the data folder" 2 "$kind" "$args"
    new_world
    OUT_TARGET=$D/journal case_run "$name: -o the journal itself" 2 "$kind" "$args"
    new_world
    OUT_TARGET=$D/journal.lock case_run "$name: -o the journal's lock" 2 "$kind" "$args"
  fi
done

exits=$(for code in $(printf '%s\n' "${!EXITS[@]}" | sort -n); do printf '%sx%s ' "$code" "${EXITS[$code]}"; done)
echo "hostile matrix: $CASES cases ($((CASES - FAILED)) passed, $FAILED failed, $SKIPPED skipped); exits ${exits% }; bytes changed in $CHANGED cases"
for c in "${FAILED_CASES[@]}"; do echo "  failed: $c"; done
finish
