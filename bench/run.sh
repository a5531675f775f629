#!/usr/bin/env bash
# Whole-process benchmark of EVERY command (issues 7 and 15): hyperfine medians, CPU time and
# peak memory (/usr/bin/time), on journals from bench/gen_journal.py with the shipped plan.
#   bench/run.sh [ATTUNE_BIN]     (default build-bench/attune, built here in Release)
#   SMALL=N (default 20000) records for the ratio table; LARGE=N (default 1000000) for the
#   wall/peak table (LARGE=0 leaves it out); RUNS=N (default 10) runs per command at SMALL,
#   LARGE_RUNS=N (default 5) at LARGE; ROUNDS=N (default 3) side-by-side rounds at SMALL;
#   JOURNAL_1000000=FILE reuses a journal gen_journal.py made earlier (it takes minutes).
# Needs hyperfine (Debian package; not installed by setup.sh), python3 and /usr/bin/time.
#
# Table 1 (SMALL): every command and `attune --version` in ONE hyperfine call per round, run
# after run in the same minute; each round gives each command's median divided by
# --version's, and the table shows the median round. Table 2 (LARGE): each command's median
# wall time, CPU time (user + system) and peak RSS. A command that writes runs every time on
# a fresh copy of the data (hyperfine --prepare, not timed): the journal copied back, synced
# (else the timed fsync would write out the whole copy), and read once so journal.index
# matches it, as after any earlier command; commands that need an earlier step (resume after
# pause; review and keep after end) get that step in their preparation too. At SMALL, reads
# get the same preparation, so every command of the one hyperfine call sees the same journal;
# at LARGE they share one (they change nothing), and whole-history commands (export, import,
# forget, report --run all), which take seconds there, are timed twice without warm-up.
# On a shared machine the wall time mostly measures waiting for a core: the load average is
# printed before and after, and the CPU time beside the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD_DIR:-build-bench}
if [ $# -ge 1 ]; then
  bin=$(realpath "$1")
else
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DATTUNE_BENCH=ON -DATTUNE_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j 2 --target attune >/dev/null
  bin=$(realpath "$build/attune")
fi
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: install time (apt-get install time)" >&2; exit 2; }
small=${SMALL:-20000}
large=${LARGE:-1000000}
runs=${RUNS:-10}
large_runs=${LARGE_RUNS:-5}
rounds=${ROUNDS:-3}

work=$(mktemp -d "${TMPDIR:-/tmp}/attune-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config TZ=Europe/Berlin LC_ALL=C.UTF-8 NO_COLOR=1
mkdir -p "$HOME"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)" >&2
data=$work/data # the one data folder every command uses (ATTUNE_DATA_DIR)

# A journal of N records whose last run is active, in $work/pristine.N (with the plan copy
# 'attune start' saves, named by its SHA-256: every command reads the run's plan from it).
make_journal() { # N SEED OUT
  # JOURNAL_N=FILE reuses a journal made earlier by gen_journal.py (seed 7) for N records.
  local saved=JOURNAL_$1
  if [ "$2" = 7 ] && [ -n "${!saved:-}" ]; then
    cp "${!saved}" "$3"
    return
  fi
  python3 bench/gen_journal.py --no-check --records "$1" --seed "$2" \
    --plan plans/avoidant.toml --out "$3" 2>/dev/null
}
# "now": the day after the last record (nothing lies in the future), 09:30.
now_for() { # JOURNAL
  local last
  last=$(tail -1 "$1" | cut -f3)
  date -d "$last + 1 day" +%Y-%m-%dT09:30
}
# The untimed preparation of every timed run: the data folder as the generator left it.
prepare_script() { # N -> writes $work/fresh.N
  cat >"$work/fresh.$1" <<EOF
#!/bin/sh
set -e
rm -rf "$data"
mkdir -m 700 "$data" "$data/plans"
cp "$work/pristine.$1" "$data/journal"
chmod 600 "$data/journal"
cp "$PWD/plans/avoidant.toml" "$data/plans/$(sha256sum plans/avoidant.toml | cut -d' ' -f1).toml"
sync "$data/journal"
"$bin" today >/dev/null
for step in "\$@"; do sh -c "\$step" >/dev/null; done
EOF
  chmod +x "$work/fresh.$1"
}

answers=3,4,2,3,4,2,1
# label | command (after "attune ") | untimed step before it ("" for none) | r (reads one
# programme), w (writes) or h (whole history: export, import, forget, report --run all).
# Exercise ids are the shipped plan's week 1; every command must succeed (checked first).
commands=(
  "today|today||r"
  "today --format json|today --format json||r"
  "checkin EXERCISE (done)|checkin trigger-note||w"
  "checkin --note TEXT|checkin --note 'a walk together'||w"
  "checkin --skip EXERCISE --reason TEXT|checkin --skip trigger-note --reason tired||w"
  "checkin --not-arisen EXERCISE|checkin --not-arisen catch-the-urge||w"
  "reflect --baseline --answers (self-check)|reflect --baseline --answers $answers||w"
  "pause|pause --reason 'a hard week'||w"
  "resume|resume|\$ATTUNE pause|w"
  "cue EXERCISE TEXT|cue trigger-note 'after dinner'||w"
  "undo|undo||w"
  "undo --list|undo --list||r"
  "log|log||r"
  "log --format json|log --format json||r"
  "log --run 1 (the oldest programme)|log --run 1||r"
  "streak|streak||r"
  "streak --format json|streak --format json||r"
  "report|report||r"
  "report --format json|report --format json||r"
  "report --format csv|report --format csv||r"
  "report --format markdown|report --format markdown||r"
  "report --format html|report --format html||r"
  "report --run 1|report --run 1||r"
  "report --run all (whole history)|report --run all||h"
  "remind|remind||r"
  "week|week||r"
  "plan show|plan show||r"
  "start --restart|start --restart||w"
  "end|end||w"
  "review|review --helped 'the notes' --signs 'going quiet' --keep 'a walk'|\$ATTUNE end|w"
  "keep EXERCISE|keep trigger-note --times-per-week 3|\$ATTUNE end|w"
  "export --format json (whole history)|export --format json||h"
  "export --format csv (whole history)|export --format csv||h"
  "export --format journal (whole history)|export --format journal||h"
  "export --format ics|export --format ics||r"
  "import FILE (whole history)|import $work/import.json||h"
  "forget --all-notes --yes (rewrites the whole journal)|forget --all-notes --yes||h"
)
field() { # N ROW
  local IFS='|'
  # shellcheck disable=SC2206
  local f=($2)
  printf '%s' "${f[$1]:-}"
}
label_of() { field 0 "$1"; }
args_of() { field 1 "$1"; }
step_of() { field 2 "$1"; }
kind_of() { field 3 "$1"; }

# hyperfine arguments for every command of the table, each with its preparation; --version
# first. CMDS and PREPS are filled for the caller.
hyperfine_args() { # N
  HF=(--prepare "$work/fresh.$1" "$bin --version")
  local c step
  for c in "${commands[@]}"; do
    step=$(step_of "$c")
    HF+=(--prepare "$work/fresh.$1 \"${step//\$ATTUNE/$bin}\"" "$bin $(args_of "$c")")
  done
}

# Each command once, checked: a command that fails is left out of the tables and listed
# under them with its error (a format this build does not have, such as export --format
# journal before the streaming export, or a bug).
failed=
check_all() { # N
  local c step kept=()
  for c in "${commands[@]}"; do
    step=$(step_of "$c")
    "$work/fresh.$1" "${step//\$ATTUNE/$bin}"
    if eval "\"$bin\" $(args_of "$c")" >/dev/null 2>"$work/err"; then
      kept+=("$c")
    else
      failed+="- not measured at $1 records: \`attune $(args_of "$c")\`: $(head -1 "$work/err")"$'\n'
    fi
  done
  commands=("${kept[@]}")
}

setup_size() { # N
  make_journal "$1" 7 "$work/pristine.$1"
  export ATTUNE_DATA_DIR=$data ATTUNE_NOW
  ATTUNE_NOW=$(now_for "$work/pristine.$1")
  # The newest programme begins today (week 1: its baseline self-check and when-it-arises
  # exercise are open) with one note, so undo has a command to withdraw.
  prepare_script "$1"
  "$work/fresh.$1"
  "$bin" start --restart >/dev/null
  "$bin" checkin --note 'the first evening' >/dev/null
  cp "$data/journal" "$work/pristine.$1"
  # A file from another device to import: a tenth of the size (at most 100,000 records).
  local m=$(($1 / 10))
  [ "$m" -le 100000 ] || m=100000
  make_journal "$m" 99 "$work/other.journal"
  mkdir -m 700 -p "$work/other"
  cp "$work/other.journal" "$work/other/journal" && chmod 600 "$work/other/journal"
  ATTUNE_DATA_DIR=$work/other "$bin" export --format json >"$work/import.json" 2>/dev/null
  rm -rf "$work/other" "$work/other.journal"
}

# ---- Table 1: SMALL records, ratio to --version, side by side ----
setup_size "$small"
check_all "$small"
for r in $(seq "$rounds"); do
  hyperfine_args "$small"
  hyperfine -N --warmup 2 --runs "$runs" "${HF[@]}" --export-json "$work/ratio$r.json" \
    >/dev/null 2>&1
done
labels=$(for c in "${commands[@]}"; do label_of "$c"; echo; done)
ratios=$(LABELS=$labels python3 - "$work" "$rounds" <<'PY'
import json, os, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
labels = os.environ["LABELS"].splitlines()
per = {}
for r in range(1, rounds + 1):
    results = json.load(open(f"{work}/ratio{r}.json"))["results"]
    base = results[0]
    for label, res in zip(labels, results[1:]):
        per.setdefault(label, []).append((res["median"] / base["median"], res["median"] * 1000,
                                          base["median"] * 1000,
                                          (res["user"] + res["system"]) * 1000,
                                          (base["user"] + base["system"]) * 1000))
for label in labels:
    xs = per[label]
    med = lambda i: statistics.median(x[i] for x in xs)
    lo, hi = min(x[0] for x in xs), max(x[0] for x in xs)
    cpu_ratio = statistics.median(x[3] / x[4] for x in xs)
    print(f"| {label} | {med(1):.1f} | {med(2):.1f} | **{med(0):.2f}** | {lo:.2f}-{hi:.2f} "
          f"| {med(3):.1f} | {cpu_ratio:.2f} |")
PY
)
version_cpu=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % ((r["user"]+r["system"])*1000))' "$work/ratio1.json")

# ---- Table 2: LARGE records, wall ms, CPU ms and peak RSS per command ----
large_rows=
if [ "$large" -gt 0 ]; then
  setup_size "$large"
  check_all "$large"
  mib=$(($(stat -c %s "$work/pristine.$large") / 1048576))
  "$work/fresh.$large" # reads change nothing: one preparation serves them all
  for c in "${commands[@]}"; do
    step=$(step_of "$c")
    step=${step//\$ATTUNE/$bin}
    kind=$(kind_of "$c")
    # A command that writes: a fresh copy every run. Whole-history ones take seconds: 2 runs.
    opts=(--warmup 1 --runs "$large_runs")
    [ "$kind" = h ] && opts=(--warmup 0 --runs 2)
    [ "$kind" = r ] || opts+=(--prepare "$work/fresh.$large \"$step\"")
    hyperfine -N "${opts[@]}" --export-json "$work/h.json" "$bin $(args_of "$c")" >/dev/null 2>&1
    times=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f | %.1f" % (r["median"]*1000, (r["user"]+r["system"])*1000))' "$work/h.json")
    [ "$kind" = r ] || "$work/fresh.$large" "$step"
    eval "/usr/bin/time -f '%M' -o \"$work/rss\" \"$bin\" $(args_of "$c")" >/dev/null 2>&1 || true
    [ "$kind" = r ] || "$work/fresh.$large"
    rss=$(awk '{ printf "%.1f", $1 / 1024 }' <(tail -1 "$work/rss"))
    large_rows+="| $(label_of "$c") | $times | $rss |"$'\n'
  done
  # The first read after another program changed the journal: no usable index.
  "$work/fresh.$large"
  hyperfine -N --warmup 1 --runs "$large_runs" --prepare "rm -f $data/journal.index" \
    --export-json "$work/h.json" "$bin report" >/dev/null 2>&1
  times=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f | %.1f" % (r["median"]*1000, (r["user"]+r["system"])*1000))' "$work/h.json")
  rm -f "$data/journal.index"
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" report >/dev/null 2>&1 || true
  large_rows+="| report, no journal.index (first read after a sync) | $times | $(awk '{ printf "%.1f", $1 / 1024 }' <(tail -1 "$work/rss")) |"$'\n'
fi

echo "Ratio to \`attune --version\` at $small records, every command and --version in one"
echo "hyperfine call ($rounds rounds of $runs runs; --version: $version_cpu ms CPU):"
echo
echo "| command | median ms | --version ms | ratio (median round) | range | CPU ms | CPU ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "$ratios"
if [ -n "$large_rows" ]; then
  echo
  echo "At $large records ($mib MiB journal), $large_runs runs each:"
  echo
  echo "| command | median wall ms | CPU ms | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  printf '%s' "$large_rows"
fi
[ -z "$failed" ] || printf '\n%s' "$failed"
echo
echo "machine: $(nproc) cores, $(uname -sr); $("$bin" --version 2>/dev/null | head -1); $(date -u +%Y-%m-%d)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
