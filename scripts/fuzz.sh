#!/usr/bin/env bash
# The developer's fuzzing script (CI does not fuzz: it replays fuzz/corpus/ and
# fuzz/regressions/ as tests, so a CI run never depends on luck). Builds the libFuzzer
# harnesses (fuzz/fuzz_*.cpp) with clang into build-fuzz, runs each for SECONDS (default 60)
# starting from the kept corpus fuzz/corpus/HARNESS/, fuzz/regressions/ and seeds made here
# (plans/, tests/fixtures, generated journals), then merges (libFuzzer -merge=1) the kept
# corpus and everything new into a minimal set that replaces fuzz/corpus/HARNESS/: commit it.
#   scripts/fuzz.sh [SECONDS] [HARNESS...]
#   FUZZ_MERGE=no scripts/fuzz.sh ...   fuzz only, leave fuzz/corpus/ as it is
# A crash, hang (>10 s), leak or memory blow-up (>2 GB) exits 1 and leaves the input in
# build-fuzz/crashes/; before fixing, add it to fuzz/regressions/HARNESS/ (the suite replays
# those and the corpus with the normal compiler: ctest -R fuzz_). One job per harness
# (-jobs=1): longer runs are better than more of them on a shared two-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
# Absolute: fuzz_cli works inside a sandbox folder, so relative corpus paths would break.
build=$(realpath -m "${FUZZ_BUILD_DIR:-build-fuzz}")

# shellcheck disable=SC2086
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DATTUNE_FUZZ=ON -DATTUNE_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=FuzzBuild -DCMAKE_CXX_FLAGS_FUZZBUILD="-O1 -gline-tables-only" ${CMAKE_ARGS:-} >/dev/null
mapfile -t all < <(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
[ -f src/core/journal.cpp ] || mapfile -t all < <(printf '%s\n' "${all[@]}" | grep -vx fuzz_journal)
harnesses=("${@:-${all[@]}}")
cmake --build "$build" -j "$(nproc)" --target "${harnesses[@]}"

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_plan,fuzz_journal,fuzz_dates,fuzz_cli,fuzz_exchange,fuzz_zone} "$build/crashes"

# Every input that once crashed a harness (the suite replays them too: fuzz_regressions_*).
for dir in fuzz/regressions/*/; do
  h=$(basename "$dir")
  mkdir -p "$seeds/$h"
  cp "$dir"* "$seeds/$h/" 2>/dev/null || true
done
# Plans: the shipped ones and every TOML fixture.
fixtures=(plans)
[ -d tests/fixtures ] && fixtures+=(tests/fixtures)
find "${fixtures[@]}" -name '*.toml' | while read -r f; do
  cp "$f" "$seeds/fuzz_plan/$(echo "$f" | tr / _)"
done
# Journals: small generated ones (libFuzzer mutates short inputs best) and the fixtures.
for n in 1 5 20 60; do
  python3 bench/gen_journal.py --records "$n" --seed "$n" --plan plans/avoidant.toml \
    --out "$seeds/fuzz_journal/gen-$n" 2>/dev/null
done
find "${fixtures[@]}" -type f \( -name '*journal*' -o -name '*.journal' \) |
  while read -r f; do cp "$f" "$seeds/fuzz_journal/$(echo "$f" | tr / _)"; done
# Exports: the generated journals as they are, and tiny JSON and CSV exports.
cp "$seeds"/fuzz_journal/gen-* "$seeds/fuzz_exchange/" 2>/dev/null || true
printf '{"format":"attune-export","version":1,"records":[{"id":"00000000000000a1","type":"note","day":"2026-11-02","recorded":"2026-11-02T08:00:00Z","zone":"UTC","run":1,"text":"a\\u00e9\\n","hex":[]}],"plans":{}}' >"$seeds/fuzz_exchange/json"
printf 'id,type,day,recorded,zone,run,exercise,text,plan,hash,week,answers,ref,hex\r\n00000000000000a2,check,2026-11-02,2026-11-02T08:00:00Z,UTC,1,,,,,0,"3,5",,\r\n' >"$seeds/fuzz_exchange/csv"
# Zone files: a few real ones (DST both hemispheres, half-hour DST, v1-only data) and footers.
for z in UTC Europe/Dublin Australia/Lord_Howe America/Sao_Paulo Pacific/Apia Asia/Kolkata; do
  [ -f "/usr/share/zoneinfo/$z" ] && cp "/usr/share/zoneinfo/$z" "$seeds/fuzz_zone/$(echo "$z" | tr / _)"
done
i=0
for s in 'CET-1CEST,M3.5.0,M10.5.0/3' '<+03>-3' 'AEST-10AEDT,M10.1.0,M4.1.0/3' \
  '<-03>3<-02>,M9.1.6/24,M4.1.6/24' 'EST5EDT,0/0,J365/25' 'IST-1GMT0,M10.5.0,M3.5.0/1' \
  '<+1030>-10:30<+11>-11,M10.1.0,M4.1.0' 'XXX3YYY,J60/-167,300/167:59:59'; do
  printf '%s' "$s" >"$seeds/fuzz_zone/footer-$((i++))"
done
# Dates and times, as people type them.
i=0
for s in 2026-11-26 2026-02-29 2024-02-29 0000-01-01 9999-12-31 today yesterday -0 -1 -100000 \
  -100001 mon Tuesday SUN 2026-11-26T09:30 2026-03-08T02:30:00 2026-11-26T09:30:00Z 04:00 \
  23:59 24:00 ' today' 2026-1-5; do
  printf '%s' "$s" >"$seeds/fuzz_dates/$((i++))"
done
# Command lines, one per line, arguments separated by spaces (see fuzz/fuzz_cli.cpp).
i=0
while IFS= read -r line; do
  printf '%b' "$line" >"$seeds/fuzz_cli/$((i++))"
done <<'LINES'
--version
--help
today
start\ntoday
start\ncheckin catch-the-urge\nreport
start --on 2026-11-20\ncheckin catch-the-urge --day yesterday\nundo\nlog
start\nskip catch-the-urge --reason tired\nreport --format json
start\nreflect\nreport --format csv
start\ncheckin --note hello\nstreak
plan list
plan show avoidant
remind --exit-code
report --format markdown
config get day_starts_at
help checkin
LINES

kept=$PWD/fuzz/corpus
status=0
for h in "${harnesses[@]}"; do
  mkdir -p "$build/corpus/$h" "$kept/$h"
  echo "fuzz: $h for ${seconds}s"
  # New inputs go to build-fuzz/corpus/ (the first folder); the kept corpus and seeds are
  # read only.
  if ! "$build/$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$h-" \
    "$build/corpus/$h" "$kept/$h" "$seeds/$h" 2>"$build/$h.log"; then
    echo "fuzz: $h FOUND A CRASH (see $build/$h.log and $build/crashes/)" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$build/$h.log" >&2 || tail -20 "$build/$h.log" >&2
    status=1
    continue
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/$h.log" | tail -2
  [ "${FUZZ_MERGE:-yes}" = yes ] || continue
  # Minimise: the smallest set of inputs that keeps every feature (coverage edge) found so
  # far. Inputs over 16 KiB are left out so the kept corpus stays small (a few hundred KB).
  merged="$build/merged/$h"
  rm -rf "$merged"
  mkdir -p "$merged"
  if "$build/$h" -merge=1 -max_len=16384 -timeout=10 -rss_limit_mb=2048 "$merged" \
    "$kept/$h" "$build/corpus/$h" "$seeds/$h" 2>"$build/$h.merge.log"; then
    rm -rf "$kept/$h"
    mkdir -p "$kept/$h"
    # Content-named (libFuzzer's SHA-1 names), so reruns change only what changed.
    cp "$merged"/* "fuzz/corpus/$h/"
    echo "fuzz: fuzz/corpus/$h now $(ls "$kept/$h" | wc -l) inputs, $(du -sh "$kept/$h" | cut -f1)"
  else
    echo "fuzz: merging $h failed (see $build/$h.merge.log)" >&2
    status=1
  fi
done
exit $status
