#!/usr/bin/env bash
# Whole-process benchmark (issue 7): medians with hyperfine, peak memory with /usr/bin/time.
#   bench/run.sh [ATTUNE_BIN]     (default build-bench/attune, built here with -O2)
# Needs hyperfine (Debian package; not installed by setup.sh) and python3.
# Prints a markdown table. Journals come from bench/gen_journal.py with the shipped plan.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD_DIR:-build-bench}
if [ $# -ge 1 ]; then
  bin=$1
  hello=${HELLO_BIN:-$build/attune_hello}
else
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DATTUNE_BENCH=ON -DATTUNE_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" --target attune attune_hello >/dev/null
  bin=$build/attune
  hello=$build/attune_hello
fi
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/attune-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config TZ=Europe/Berlin LC_ALL=C.UTF-8 NO_COLOR=1
mkdir -p "$HOME"

# A data folder holding a generated journal of N records whose last run is active.
make_data() { # N DIR
  mkdir -p "$2"
  chmod 700 "$2"
  python3 bench/gen_journal.py --records "$1" --plan plans/avoidant.toml --out "$2/journal" 2>/dev/null
  chmod 600 "$2/journal"
}
# "now" inside the last run, so today/checkin/report work on an active programme.
now_for() { # DIR
  local start
  start=$(grep -P '\tstart\t' "$1/journal" | tail -1 | cut -f3)
  date -d "$start + 10 days" +%Y-%m-%dT09:30
}

median_ms() { # NAME CMD... -> median in ms (hyperfine JSON)
  local name=$1
  shift
  hyperfine -N --warmup 3 --min-runs 20 --export-json "$work/$name.json" "$@" >/dev/null 2>&1 ||
    hyperfine --warmup 3 --min-runs 20 --export-json "$work/$name.json" "$@" >/dev/null
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$work/$name.json"
}
max_rss_kib() { # CMD... -> peak RSS in KiB
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/rss"
}
row() { # LABEL CMD...
  local label=$1
  shift
  printf '| %s | %s | %s |\n' "$label" "$(median_ms "$(echo "$label" | tr -c 'a-z0-9' _)" "$@")" \
    "$(($(max_rss_kib "$@") / 1024))"
}

echo "| command | median ms | peak RSS MiB |"
echo "|---|---:|---:|"
row "hello world (same libraries)" "$hello"
row "attune --version" "$bin" --version
row "attune --version (no journal)" env ATTUNE_DATA_DIR="$work/none" "$bin" --version

make_data 20000 "$work/d20k"
now=$(now_for "$work/d20k")
export ATTUNE_DATA_DIR=$work/d20k ATTUNE_NOW=$now
row "today (20k records)" "$bin" today
# checkin appends: run it against a copy that is reset by hyperfine's --prepare.
cp -a "$work/d20k" "$work/d20k-pristine"
printf '| %s | %s | %s |\n' "checkin catch-the-urge (20k)" \
  "$(hyperfine -N --warmup 2 --min-runs 20 --prepare "cp $work/d20k-pristine/journal $work/d20k/journal" \
    --export-json "$work/checkin.json" "$bin checkin catch-the-urge" >/dev/null 2>&1 &&
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$work/checkin.json" || echo fail)" \
  "$(($(max_rss_kib "$bin" checkin catch-the-urge) / 1024))"
cp "$work/d20k-pristine/journal" "$work/d20k/journal"
row "report (20k)" "$bin" report
row "report --format json (20k)" "$bin" report --format json

for n in 10000 100000 1000000; do
  make_data "$n" "$work/d$n"
  export ATTUNE_DATA_DIR=$work/d$n ATTUNE_NOW=$(now_for "$work/d$n")
  row "report ($n records)" "$bin" report
done
echo
echo "machine: $(nproc) cores, $(uname -sr); attune $("$bin" --version 2>/dev/null | head -1); $(date -u +%Y-%m-%d)"
