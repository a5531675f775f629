#!/usr/bin/env bash
# Whole-process benchmark (issue 7): medians with hyperfine, peak memory with /usr/bin/time.
#   bench/run.sh [ATTUNE_BIN]     (default build-bench/attune, built here in Release)
#   RUNS=N (default 20) hyperfine runs per row; SIZES="10000 100000 1000000" for the scaling rows;
#   ROUNDS=N (default 5) side-by-side rounds for the ratios to --version.
# Needs hyperfine (Debian package; not installed by setup.sh), python3 and /usr/bin/time.
# Prints a markdown table. Journals come from bench/gen_journal.py with the shipped plan.
# Timings on a shared machine are noisy: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD_DIR:-build-bench}
if [ $# -ge 1 ]; then
  bin=$(realpath "$1")
  hello=$(realpath "${HELLO_BIN:-$build/attune_hello}")
else
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DATTUNE_BENCH=ON -DATTUNE_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" --target attune attune_hello >/dev/null
  bin=$(realpath "$build/attune")
  hello=$(realpath "$build/attune_hello")
fi
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: install time (apt-get install time)" >&2; exit 2; }
runs=${RUNS:-20}
sizes=${SIZES:-10000 100000 1000000}

work=$(mktemp -d "${TMPDIR:-/tmp}/attune-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config TZ=Europe/Berlin LC_ALL=C.UTF-8 NO_COLOR=1
mkdir -p "$HOME"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)" >&2

# A data folder holding a generated journal of N records whose last run is active.
make_data() { # N DIR
  mkdir -p "$2"
  chmod 700 "$2"
  python3 bench/gen_journal.py --no-check --records "$1" --plan plans/avoidant.toml \
    --out "$2/journal" 2>/dev/null
  chmod 600 "$2/journal"
  # The copy 'attune start' saves of the plan a run began with, named by its SHA-256: every
  # command reads the run's plan from it.
  mkdir -p "$2/plans"
  chmod 700 "$2/plans"
  cp plans/avoidant.toml "$2/plans/$(sha256sum plans/avoidant.toml | cut -d' ' -f1).toml"
  chmod 600 "$2/plans/"*.toml
}
# "now" inside the last run, so today/checkin/report work on an active programme.
now_for() { # DIR
  local start
  start=$(grep -P '\tstart\t' "$1/journal" | tail -1 | cut -f3)
  date -d "$start + 10 days" +%Y-%m-%dT09:30
}
# Wall-clock median, and CPU (user + system, mean): on a loaded machine the wall time
# mostly measures waiting for a core, the CPU time much less so.
json_times() { # FILE -> "WALL | CPU"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f | %.1f" % (r["median"]*1000, (r["user"]+r["system"])*1000))' "$1"
}
median_ms() { # CMD-STRING [hyperfine options...] -> "WALL | CPU" in ms
  local cmd=$1
  shift
  hyperfine -N --warmup 3 --runs "$runs" "$@" --export-json "$work/h.json" "$cmd" >/dev/null 2>&1
  json_times "$work/h.json"
}
max_rss_mib() { # CMD... -> peak RSS in MiB (one run)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%.1f", $1 / 1024 }' <(tail -1 "$work/rss")
}
row() { # LABEL CMD...   (the command must not change the data)
  local label=$1
  shift
  printf '| %s | %s | %s |\n' "$label" "$(median_ms "$*")" "$(max_rss_mib "$@")"
}

echo "| command | median wall ms | CPU ms | peak RSS MiB |"
echo "|---|---:|---:|---:|"
row "hello world (same libraries)" "$hello"
row "attune --version" "$bin" --version
mkdir -p "$work/none"
chmod 700 "$work/none"
export ATTUNE_DATA_DIR=$work/none ATTUNE_NOW=2026-03-10T09:30
row "attune today, no journal" "$bin" today

make_data 20000 "$work/d20k"
export ATTUNE_DATA_DIR=$work/d20k ATTUNE_NOW=$(now_for "$work/d20k")
# The everyday case: journal.index matches the journal (the first read, in the warm-up,
# writes it; every check-in keeps it current).
row "today (20k records)" "$bin" today
# The first read after another program changed the journal: no usable index.
printf '| %s | %s | %s |\n' "today (20k), no index (first read after a sync)" \
  "$(median_ms "$bin today" --prepare "rm -f $work/d20k/journal.index")" \
  "$(rm -f "$work/d20k/journal.index" && max_rss_mib "$bin" today)"
# checkin appends: each run starts from a fresh copy whose index a read has just made
# (hyperfine --prepare, not timed), so the timed run reads, appends and updates the index.
cp "$work/d20k/journal" "$work/pristine"
# sync: else the timed fsync would write out the whole fresh copy, not one record.
fresh="cp $work/pristine $work/d20k/journal && sync $work/d20k/journal && $bin today >/dev/null"
printf '| %s | %s | %s |\n' "checkin --note TEXT (20k), appends" \
  "$(median_ms "$bin checkin --note \"a walk together\"" --prepare "sh -c '$fresh'")" \
  "$(sh -c "$fresh" && max_rss_mib "$bin" checkin --note "a walk together")"
sh -c "$fresh"
row "report (20k)" "$bin" report
row "report --format json (20k)" "$bin" report --format json
printf '| %s | %s | %s |\n' "report (20k), no index" \
  "$(median_ms "$bin report" --prepare "rm -f $work/d20k/journal.index")" \
  "$(rm -f "$work/d20k/journal.index" && max_rss_mib "$bin" report)"

# The issue's ratio, measured fairly: --version and the 20k commands in one hyperfine call,
# run after run in the same minute, in ROUNDS (default 5) separate calls; each round gives
# each command's median divided by --version's, and the table shows the median round. Every
# timed run follows the same untimed preparation (a fresh copy of the journal, synced, read
# once), so the check-in appends one record to a 20k journal, as above.
rounds=${ROUNDS:-5}
for r in $(seq "$rounds"); do
  hyperfine -N --warmup 3 --runs "$runs" --prepare "sh -c '$fresh'" \
    --export-json "$work/ratio$r.json" "$bin --version" "$bin today" "$bin report" \
    "$bin report --format json" "$bin checkin --note \"a walk together\"" >/dev/null 2>&1
done
ratios=$(python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
per = {}
for r in range(1, rounds + 1):
    results = json.load(open(f"{work}/ratio{r}.json"))["results"]
    base = results[0]["median"]
    for res in results[1:]:
        name = "attune " + res["command"].split(" ", 1)[1]
        per.setdefault(name, []).append((res["median"] / base, res["median"] * 1000, base * 1000))
for name, xs in per.items():
    ratio = statistics.median(x[0] for x in xs)
    lo, hi = min(x[0] for x in xs), max(x[0] for x in xs)
    ms = statistics.median(x[1] for x in xs)
    base = statistics.median(x[2] for x in xs)
    print(f"| {name} (20k) | {ms:.1f} | {base:.1f} | {ratio:.2f} | {lo:.2f}-{hi:.2f} |")
PY
)

for n in $sizes; do
  make_data "$n" "$work/d$n"
  export ATTUNE_DATA_DIR=$work/d$n ATTUNE_NOW=$(now_for "$work/d$n")
  mib=$(($(stat -c %s "$work/d$n/journal") / 1048576))
  row "report ($n records, $mib MiB)" "$bin" report
  printf '| %s | %s | %s |\n' "report ($n records), no index" \
    "$(median_ms "$bin report" --prepare "rm -f $work/d$n/journal.index")" \
    "$(rm -f "$work/d$n/journal.index" && max_rss_mib "$bin" report)"
  rm -rf "$work/d$n"
done
echo
echo "Ratio to \`attune --version\`, measured side by side ($rounds rounds of $runs runs):"
echo
echo "| command | median ms | --version ms | ratio (median round) | range |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "$ratios"
echo
echo "machine: $(nproc) cores, $(uname -sr); $("$bin" --version 2>/dev/null | head -1); $(date -u +%Y-%m-%d); $runs runs per row"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
