#!/usr/bin/env bash
# Programmes are identified by their start records (issue 14, defects 5 and 11; issue 18,
# item 1): two journals joined in either order read the same, import gives what joining
# gives, the running programme is the one started last, and a start's plan is an id that
# is never opened as a path.
. "$(dirname "$0")/_lib.sh"

SRC_DIR=${ATTUNE_SOURCE_DIR:?}
at() { export ATTUNE_NOW="$1"; }
# in_dir DIR CMD...: runs attune with another data folder.
in_dir() {
  local dir="$1"
  shift
  OUT=$(ATTUNE_DATA_DIR="$dir" "$ATTUNE_BIN" "$@" 2>"$T_ROOT/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$T_ROOT/stderr")
}
# same_out DIR1 DIR2 DESCRIPTION CMD...: both folders give the same stdout, exit 0.
same_out() {
  local a="$1" b="$2" what="$3"
  shift 3
  in_dir "$a" "$@"
  local out_a="$OUT" rc_a=$RC
  in_dir "$b" "$@"
  if [ "$rc_a" -eq 0 ] && [ "$RC" -eq 0 ] && [ "$out_a" = "$OUT" ]; then pass; else
    fail "$what: '$*' differs (exit $rc_a and $RC)"
    diff <(printf '%s\n' "$out_a") <(printf '%s\n' "$OUT") | head -20 >&2
  fi
}
P="$T_ROOT/p" Q="$T_ROOT/q"

# --- two devices each start a programme 1 ---
at 2026-03-02T09:00
in_dir "$P" start
expect_rc 0 "device P starts the default plan"
at 2026-03-03T20:00
in_dir "$P" checkin catch-the-urge
expect_rc 0 "device P checks in"
at 2026-03-04T10:00
in_dir "$Q" --plan "$SRC_DIR/plans/anxious.toml" start
expect_rc 0 "device Q starts the anxious plan"
at 2026-03-04T21:00
in_dir "$Q" checkin catch-the-urge trigger-note -n "from Q"
expect_rc 0 "device Q checks in"

# --- joined both ways: the same programmes, numbers, weeks and check-ins ---
PQ="$T_ROOT/pq" QP="$T_ROOT/qp"
mkdir -p "$PQ/plans" "$QP/plans"
chmod 700 "$PQ" "$QP"
cp "$P"/plans/*.toml "$Q"/plans/*.toml "$PQ/plans/"
cp "$P"/plans/*.toml "$Q"/plans/*.toml "$QP/plans/"
cat "$P/journal" "$Q/journal" >"$PQ/journal"
cat "$Q/journal" "$P/journal" >"$QP/journal"
chmod 600 "$PQ/journal" "$QP/journal"
at 2026-03-05T12:00
same_out "$PQ" "$QP" "cat p q = cat q p" today --format json
same_out "$PQ" "$QP" "cat p q = cat q p" report --format json
same_out "$PQ" "$QP" "cat p q = cat q p" report --run 1 --format json
same_out "$PQ" "$QP" "cat p q = cat q p" report --run 2 --format json
same_out "$PQ" "$QP" "cat p q = cat q p" log --format json

in_dir "$QP" report --run 1 --format json
expect_rc 0 "report --run 1 of the joined journal"
expect_out_has '"id": "avoidant"' "programme 1 is the one started first (P, avoidant)"
in_dir "$QP" report --run 2 --format json
expect_rc 0 "report --run 2 of the joined journal"
expect_out_has '"id": "anxious"' "programme 2 is the one started last (Q, anxious)"
in_dir "$QP" log --run 1
expect_out_has "catch-the-urge" "P's check-in stays in programme 1"
in_dir "$QP" log --run 2
expect_out_has "from Q" "Q's check-in is in programme 2"
in_dir "$QP" today
expect_rc 0 "today on the joined journal"
expect_err_has "attune: note: 2 programmes were started separately as programme 1 (journals from two devices joined): each is kept, and programmes are numbered by when they started: 1 = avoidant from 2026-03-02; 2 = anxious from 2026-03-04 (written as 1)" "the clash is said once"
n=$(printf '%s\n' "$ERR" | grep -c 'attune: note:')
[ "$n" -eq 1 ] && pass || fail "the note is said once, not $n times"

# A new check-in goes to the running programme (Q's, started last) and stays there.
cp -r "$QP" "$T_ROOT/qp2"
in_dir "$T_ROOT/qp2" checkin body-check
expect_rc 0 "check in on the joined journal"
in_dir "$T_ROOT/qp2" log --run 2
expect_out_has "body-check" "the new check-in belongs to programme 2"
in_dir "$T_ROOT/qp2" log --run 1
expect_out_lacks "body-check" "and not to programme 1"

# --- import gives what joining gives, and --dry-run says exactly that ---
cp -r "$P" "$T_ROOT/imp"
in_dir "$T_ROOT/imp" import --dry-run "$Q/journal"
expect_rc 0 "import --dry-run beside a separate programme 1"
expect_out_has "Would import 4 records; nothing was written." "dry run counts"
expect_out_has "  programme 2 (anxious, from 2026-03-04): would be added, 4 records" "dry run names the added programme and its number"
expect_out_has "  the running programme would be 2 (the one started last)" "dry run names the running programme"
expect_err_empty "no merge warning"
in_dir "$T_ROOT/imp" import "$Q/journal"
expect_rc 0 "import beside a separate programme 1"
expect_out_has "  programme 2 (anxious, from 2026-03-04): added, 4 records" "import names the added programme"
for cmd in "today --format json" "report --format json" "report --run 1 --format json" "report --run 2 --format json" "log --format json"; do
  # shellcheck disable=SC2086
  same_out "$PQ" "$T_ROOT/imp" "import = cat" $cmd
done
# Import the other way round: Q here, P imported: Q is renumbered 2, still running.
cp -r "$Q" "$T_ROOT/imp2"
in_dir "$T_ROOT/imp2" import "$P/journal"
expect_rc 0 "import an earlier programme 1"
expect_out_has "  programme 1 (avoidant, from 2026-03-02): added, 2 records" "the earlier programme is 1"
expect_out_has "  programme 2 (anxious, from 2026-03-04): was programme 1 here" "the one here is renumbered"
same_out "$PQ" "$T_ROOT/imp2" "import the other way = cat" report --format json
same_out "$PQ" "$T_ROOT/imp2" "import the other way = cat" today --format json

# --- a start's plan is an id, never a path ---
crc_line() { # BODY: prints BODY TAB ~CRC
  python3 -c 'import sys, zlib; b = sys.argv[1]; print("%s\t~%08x" % (b, zlib.crc32(b.encode())))' "$1"
}
H=$(printf '%064d' 0)
mkfifo "$T_ROOT/fifo"
for plan in /etc/passwd "$T_ROOT/fifo" ../fifo; do
  D="$T_ROOT/bad$RANDOM"
  mkdir -p "$D" && chmod 700 "$D"
  {
    echo "attune-journal 1"
    crc_line "00000000000000a1	start	2026-03-02	2026-03-02T09:00:00Z	UTC	run=1	plan=$plan	hash=$H"
  } >"$D/journal"
  chmod 600 "$D/journal"
  for cmd in today report; do
    OUT=$(cd "$T_ROOT" && ATTUNE_DATA_DIR="$D" timeout 10 "$ATTUNE_BIN" $cmd 2>"$T_ROOT/stderr" </dev/null)
    RC=$?
    ERR=$(cat "$T_ROOT/stderr")
    [ "$RC" -ne 124 ] && pass || fail "$cmd with plan=$plan hangs"
    expect_err_has "attune: warning: journal: line 2 is not a valid record (bad plan id): skipped" "$cmd: a start with plan=$plan is a bad record"
    expect_out_lacks "root:" "$cmd never shows /etc/passwd"
  done
done
# A valid id whose file in the plan folder is a FIFO is not opened either.
mkdir -p "$XDG_CONFIG_HOME/attune/plans"
mkfifo "$XDG_CONFIG_HOME/attune/plans/evil.toml"
D="$T_ROOT/evil"
mkdir -p "$D" && chmod 700 "$D"
{
  echo "attune-journal 1"
  crc_line "00000000000000a1	start	2026-03-02	2026-03-02T09:00:00Z	UTC	run=1	plan=evil	hash=$H"
} >"$D/journal"
chmod 600 "$D/journal"
OUT=$(ATTUNE_DATA_DIR="$D" timeout 10 "$ATTUNE_BIN" today 2>"$T_ROOT/stderr" </dev/null)
RC=$?
ERR=$(cat "$T_ROOT/stderr")
[ "$RC" -ne 124 ] && pass || fail "today with plan=evil (a FIFO in the plan folder) hangs"
expect_err_has 'unknown plan "evil"' "a FIFO in the plan folder is not a plan"
rm -f "$XDG_CONFIG_HOME/attune/plans/evil.toml"

# Import refuses a start whose plan is not an id: exit 65, the position, nothing written.
in_dir "$P" export --format json -o "$T_ROOT/p.json"
expect_rc 0 "export P"
sed 's|"plan":"avoidant"|"plan":"/etc/passwd"|; s|"plan": "avoidant"|"plan": "/etc/passwd"|' "$T_ROOT/p.json" >"$T_ROOT/bad.json"
grep -q '/etc/passwd' "$T_ROOT/bad.json" && pass || fail "the test file names /etc/passwd"
in_dir "$T_ROOT/fresh" import "$T_ROOT/bad.json"
expect_rc 65 "import of a path as plan"
expect_err_has "attune: error: $T_ROOT/bad.json:" "the error has the position"
expect_err_has 'plan "/etc/passwd" is not a plan id' "the error names the plan"
[ ! -e "$T_ROOT/fresh/journal" ] && pass || fail "nothing is written"
# ... and in a journal file, with its line.
{
  echo "attune-journal 1"
  crc_line "00000000000000a1	start	2026-03-02	2026-03-02T09:00:00Z	UTC	run=1	plan=../x	hash=$H"
} >"$T_ROOT/bad.journal"
in_dir "$T_ROOT/fresh" import "$T_ROOT/bad.journal"
expect_rc 65 "import of a journal with a path as plan"
expect_err_has "attune: error: $T_ROOT/bad.journal:2:" "the error has the line"
expect_err_has "bad plan id" "the error says why"

finish
