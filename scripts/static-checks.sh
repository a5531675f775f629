#!/usr/bin/env bash
# Static checks over src/ and fuzz/: clang-tidy (checks in .clang-tidy) and cppcheck.
# Zero findings, or a suppression below with its reason.
#   scripts/static-checks.sh [TIDY_DIR]
# clang-tidy reads the compile commands of a tree of its own (TIDY_DIR, default build-tidy),
# configured but not built (a few seconds; nothing in src/ includes a generated file).
# Every file, every run: a budget or "files changed since a tag" would let a finding in an
# unchanged file (exposed by a changed header) slip through. What makes that affordable:
# the front end is checked the way it is built, one unity batch per clang-tidy run (the
# batches CMake writes for attune_cli, which #include its files), so CLI11 is parsed once
# per batch rather than once per file: 25 CPU-s for a batch of 12 files instead of about
# 18 CPU-s for each file alone. Findings inside the included files are reported as usual
# (.clang-tidy's HeaderFilterRegex covers src/cli) and NOLINT comments in them still apply.
# Only bugprone-suspicious-include is off for those runs (a unity batch is nothing but
# #includes of .cpp files); the grep below checks that one rule for every file instead.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-tidy}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DATTUNE_UNITY_BUILD=ON -DATTUNE_BUILD_TESTS=ON ${CMAKE_ARGS:-} >/dev/null

# What to check: every translation unit of ours in the compile commands (src/ and fuzz/,
# whose harnesses the test suite's replays compile), with the front end's unity batches in
# place of the files they include. Every .cpp under src/ and fuzz/ must be one or the other:
# a file in neither would go unchecked, which is a finding of its own.
mapfile -t units < <(python3 - "$build_dir" <<'PY'
import json, pathlib, re, sys
root = pathlib.Path.cwd().resolve()
build = pathlib.Path(sys.argv[1]).resolve()
files = sorted({str(pathlib.Path(e["file"]).resolve())
                for e in json.load(open(build / "compile_commands.json"))})
covered, units = set(), []
for f in files:
    path = pathlib.Path(f)
    if path.suffix == ".cxx" and "/Unity/" in f:
        units.append(f)
        for inc in re.findall(r'^#include "([^"]+)"', path.read_text(), re.M):
            covered.add(str(pathlib.Path(inc).resolve()))
    elif path.is_relative_to(root / "src") or path.is_relative_to(root / "fuzz"):
        units.append(f)
        covered.add(f)
missing = [str(p.relative_to(root)) for d in ("src", "fuzz") for p in sorted((root / d).rglob("*.cpp"))
           if str(p) not in covered]
for m in missing:
    print(f"MISSING {m}")
print("\n".join(units))
PY
)
status=0
if printf '%s\n' "${units[@]}" | grep '^MISSING '; then
  echo "static-checks: the files above are in no compile command, so clang-tidy cannot check them" >&2
  status=1
  mapfile -t units < <(printf '%s\n' "${units[@]}" | grep -v '^MISSING ')
fi
plain=() batches=()
for unit in "${units[@]}"; do
  case "$unit" in
    */Unity/*) batches+=("$unit") ;;
    *) plain+=("$unit") ;;
  esac
done

# bugprone-suspicious-include, by hand for every file (see above).
if grep -n -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]*\.(c|cc|cpp|cxx)[>"]' \
  -r src fuzz --include='*.cpp' --include='*.hpp' --include='*.h'; then
  echo "static-checks: #include of a source file above (bugprone-suspicious-include)" >&2
  status=1
fi

echo "static-checks: clang-tidy over ${#plain[@]} files and ${#batches[@]} front-end unity batches"
tidy_filter='^[0-9]+ warnings? generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^$'
# Two at a time (the machine has two cores); any finding is an error (WarningsAsErrors).
# The batches first: they are the longest runs. --config-file because clang-tidy looks for
# .clang-tidy beside the file it checks, and the batches live in the build tree (which may
# be outside the source tree: without it they would get clang-tidy's default checks).
{
  printf 'B %s\n' "${batches[@]}"
  printf 'P %s\n' "${plain[@]}"
} | xargs -P 2 -L 1 bash -c '
  if [ "$0" = B ]; then
    exec clang-tidy -p "'"$build_dir"'" --config-file=.clang-tidy --quiet \
      --checks=-bugprone-suspicious-include "$1"
  fi
  exec clang-tidy -p "'"$build_dir"'" --config-file=.clang-tidy --quiet "$1"' \
  2> >(grep -v -E "$tidy_filter" >&2) || status=1

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
