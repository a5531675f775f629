#!/usr/bin/env bash
# `cpack -G DEB` builds a Debian package with the right contents and dependencies, and the
# package works once unpacked: into a throwaway root here, or with `dpkg -i` when CI=true.
. "$(dirname "$0")/_lib.sh"

: "${ATTUNE_BUILD_DIR:?ATTUNE_BUILD_DIR must point to the build folder}"
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing: run scripts/setup.sh --tests" >&2
    exit 1
  fi
done

# Package into a scratch folder so the build folder stays clean.
OUT=$(cd "$ATTUNE_BUILD_DIR" && cpack -G DEB -B "$T_ROOT/pkg" 2>"$T_ROOT/stderr")
RC=$?
ERR=$(cat "$T_ROOT/stderr")
expect_rc 0 "cpack -G DEB"
DEB=$(ls "$T_ROOT"/pkg/attune_*.deb 2>/dev/null | head -n 1)
if [ -n "$DEB" ]; then pass; else fail "no attune_*.deb was made"; finish; exit; fi

# Control fields.
OUT=$(dpkg-deb -I "$DEB")
RC=$?
expect_rc 0 "dpkg-deb -I"
expect_out_has "Package: attune" "package name"
expect_out_has "Section: utils" "section"
expect_out_has "Maintainer: " "maintainer"
expect_out_has "Description: six-week practice" "description"
depends=$(dpkg-deb -f "$DEB" Depends)
for dep in libtomlplusplus3 libstdc++6 libc6 tzdata; do
  if printf '%s' "$depends" | grep -q "\b$dep\b"; then pass; else
    OUT=$depends fail "Depends lacks $dep"
  fi
done
# attune reads zone files itself (src/core/zone.cpp): nothing links the tz library.
if printf '%s' "$depends" | grep -q 'libdate-tz'; then OUT=$depends fail "Depends names libdate-tz"; else pass; fi
if printf '%s' "$depends" | grep -q -- '-dev'; then OUT=$depends fail "Depends names a -dev package"; else pass; fi

# Contents, all under /usr.
OUT=$(dpkg-deb -c "$DEB")
RC=$?
expect_rc 0 "dpkg-deb -c"
for file in ./usr/bin/attune ./usr/share/man/man1/attune.1 ./usr/share/man/man7/attune-evidence.7 \
  ./usr/share/attune/plans/avoidant.toml \
  ./usr/share/bash-completion/completions/attune ./usr/share/zsh/vendor-completions/_attune \
  ./usr/share/fish/vendor_completions.d/attune.fish ./usr/lib/systemd/user/attune-remind.timer; do
  expect_out_has "$file" "the package holds $file"
done
if printf '%s\n' "$OUT" | awk '{print $6}' | grep -v '^\./usr' | grep -v '^\./$' | grep -q .; then
  fail "the package puts files outside /usr"
else
  pass
fi
OUT=$(dpkg-deb -f "$DEB" Depends)

# Unpacked, it runs and its man page is found.
ROOT="$T_ROOT/root"
if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; then
  OUT=$(dpkg -i "$DEB" 2>&1)
  RC=$?
  expect_rc 0 "dpkg -i"
  ROOT=""
else
  dpkg-deb -x "$DEB" "$ROOT"
fi
ATTUNE_BIN="$ROOT/usr/bin/attune"
run --version
expect_rc 0 "packaged attune --version"
expect_out_has "attune " "packaged attune --version"
OUT=$(MANPATH="$ROOT/usr/share/man" man -w attune 2>&1)
RC=$?
expect_rc 0 "man -w attune"
expect_out_has "$ROOT/usr/share/man/man1/attune.1" "man finds the packaged page"
if [ -z "$ROOT" ]; then
  dpkg -r attune >/dev/null 2>&1 || fail "dpkg -r attune"
fi

finish
