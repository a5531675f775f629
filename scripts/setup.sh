#!/usr/bin/env bash
# Installs what attune needs from Debian (only what is missing), then configures and builds.
#   scripts/setup.sh           build dependencies, then build into ./build
#   scripts/setup.sh --tests   also what the test suite needs (mandoc, chromium, ...)
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra configure flags),
#   CI=true turns warnings into errors.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=no
for arg in "$@"; do
  case "$arg" in
    --tests) want_tests=yes ;;
    *) echo "setup.sh: unknown option '$arg' (use --tests)" >&2; exit 2 ;;
  esac
done

packages=(g++ cmake make libcli11-dev libtomlplusplus-dev libhowardhinnant-date-dev
          libboost-test-dev tzdata)
if [ "$want_tests" = yes ]; then
  packages+=(mandoc python3 util-linux bsdutils procps tmux bash-completion chromium
             clang-14 libclang-rt-14-dev clang-tidy cppcheck valgrind dpkg-dev file fakeroot)
fi
if [ "$want_tests" = yes ]; then
  packages+=(man-db) # `man -w` in the install and package tests
  packages+=(zsh fish) # the zsh and fish completions, run in real shells
  packages+=(python3-icalendar) # export --format ics, read by a real calendar parser
  packages+=(git) # attune sync's tests run real git (tests/e2e/sync.sh)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DATTUNE_WERROR="$werror" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
