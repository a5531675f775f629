#!/usr/bin/env bash
# Static checks over src/ and fuzz/: clang-tidy (checks in .clang-tidy) and cppcheck.
# Zero findings, or a suppression below with its reason. Needs build/compile_commands.json
# (scripts/setup.sh makes it). Usage: scripts/static-checks.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
[ -f "$build_dir/compile_commands.json" ] || {
  echo "static-checks: $build_dir/compile_commands.json missing; run scripts/setup.sh first" >&2
  exit 2
}

# Our sources, and the fuzz harnesses when the build compiled them (the test suite's replays).
mapfile -t sources < <(find src -name '*.cpp' | sort)
if grep -q '/fuzz/fuzz_plan\.cpp"' "$build_dir/compile_commands.json"; then
  mapfile -t -O "${#sources[@]}" sources < <(find fuzz -name '*.cpp' | sort)
fi

status=0
echo "static-checks: clang-tidy over ${#sources[@]} files"
# Two at a time (the machine has two cores); any finding is an error (WarningsAsErrors).
# About 9 minutes on two busy cores: the CLI11-heavy front end dominates.
printf '%s\n' "${sources[@]}" |
  xargs -P 2 -n 4 clang-tidy -p "$build_dir" --quiet 2> >(grep -v -E '^[0-9]+ warnings? generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^$' >&2) ||
  status=1

echo "static-checks: cppcheck"
# Suppressions, each with its reason:
#   missingIncludeSystem  cppcheck does not need (and cannot parse well) the system and
#                         third-party headers; clang-tidy sees them through the build
#   unmatchedSuppression  the list below may name checks that do not fire on every tree
cppcheck --quiet --error-exitcode=1 --std=c++17 --language=c++ \
  --enable=warning,performance,portability \
  --inline-suppr \
  -I include -I src/cli \
  --suppress=missingIncludeSystem \
  --suppress=unmatchedSuppression \
  src fuzz || status=1
if [ "$status" -ne 0 ]; then
  echo "static-checks: FINDINGS above (fix them, or suppress with the reason)" >&2
  exit 1
fi
echo "static-checks: clean"
