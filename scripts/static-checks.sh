#!/usr/bin/env bash
# Static checks over src/ and fuzz/: clang-tidy (checks in .clang-tidy) and cppcheck.
# Zero findings, or a suppression below with its reason.
#   scripts/static-checks.sh [TIDY_DIR]
# clang-tidy needs one compile command per file, which a unity build's compile_commands.json
# does not have: so this configures its own non-unity tree (TIDY_DIR, default build-tidy)
# without building anything (a few seconds; nothing in src/ includes a generated file).
# Every file, every run: on two idle cores clang-tidy takes about 4 minutes, well inside
# .ci/run's budget, and a budget or "files changed since a tag" would let a finding in an
# unchanged file (exposed by a changed header) slip through.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-tidy}
cmake -S . -B "$build_dir" -DATTUNE_UNITY_BUILD=OFF -DATTUNE_BUILD_TESTS=ON ${CMAKE_ARGS:-} >/dev/null

# Our sources, and the fuzz harnesses (the test suite's replays compile them).
mapfile -t sources < <(find src -name '*.cpp' | sort)
if grep -q '/fuzz/fuzz_plan\.cpp"' "$build_dir/compile_commands.json"; then
  mapfile -t -O "${#sources[@]}" sources < <(find fuzz -name '*.cpp' | sort)
fi

status=0
echo "static-checks: clang-tidy over ${#sources[@]} files"
# Two at a time (the machine has two cores); any finding is an error (WarningsAsErrors).
# The CLI11-heavy front end dominates.
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
