#!/usr/bin/env bash
# `cmake --install` lays out a complete tree in the conventional places, and the installed
# binary runs from it.
. "$(dirname "$0")/_lib.sh"

: "${ATTUNE_BUILD_DIR:?ATTUNE_BUILD_DIR must point to the build folder}"
PREFIX="$T_ROOT/usr"
OUT=$(cmake --install "$ATTUNE_BUILD_DIR" --prefix "$PREFIX" 2>"$T_ROOT/stderr")
RC=$?
ERR=$(cat "$T_ROOT/stderr")
expect_rc 0 "cmake --install"

for file in \
  bin/attune \
  share/attune/plans/avoidant.toml \
  share/man/man1/attune.1 \
  share/bash-completion/completions/attune \
  share/zsh/vendor-completions/_attune \
  share/fish/vendor_completions.d/attune.fish \
  lib/systemd/user/attune-remind.service \
  lib/systemd/user/attune-remind.timer \
  share/doc/attune/contrib/crontab.example; do
  if [ -f "$PREFIX/$file" ]; then pass; else fail "the installed tree lacks $file"; fi
done
for page in "$ATTUNE_SOURCE_DIR"/man/*.5 "$ATTUNE_SOURCE_DIR"/man/*.7; do
  [ -e "$page" ] || continue
  section=${page##*.}
  if [ -f "$PREFIX/share/man/man$section/$(basename "$page")" ]; then pass; else
    fail "the installed tree lacks man$section/$(basename "$page")"
  fi
done
if [ -f "$PREFIX/share/man/man7/attune-evidence.7" ]; then pass; else
  fail "the installed tree lacks man7/attune-evidence.7"
fi
for plan in "$ATTUNE_SOURCE_DIR"/plans/*.toml; do
  if [ -f "$PREFIX/share/attune/plans/$(basename "$plan")" ]; then pass; else
    fail "the installed tree lacks plan $(basename "$plan")"
  fi
done
if [ -x "$PREFIX/bin/attune" ]; then pass; else fail "the installed attune is not executable"; fi
if find "$PREFIX" -name 'daily-commands.txt' | grep -q .; then fail "notes were installed"; else pass; fi

# The units name the installed binary, not a made-up path.
bindir=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$ATTUNE_BUILD_DIR/CMakeCache.txt")/bin
if grep -q "^ExecStart=$bindir/attune remind" "$PREFIX/lib/systemd/user/attune-remind.service"; then
  pass
else
  fail "the service does not run $bindir/attune remind"
fi
# The installed binary runs, and the installed man page is found by man.
ATTUNE_BIN="$PREFIX/bin/attune"
run --version
expect_rc 0 "installed attune --version"
expect_out_has "attune " "installed attune --version"
if command -v man >/dev/null; then
  OUT=$(MANPATH="$PREFIX/share/man" man -w attune 2>&1)
  RC=$?
  expect_rc 0 "man -w attune"
  expect_out_has "$PREFIX/share/man/man1/attune.1" "man finds the installed page"
fi

# The installed binary finds the installed plans (beside itself, whatever the prefix).
sed "s/^id = \"avoidant\"/id = \"zz-install-probe\"/" "$ATTUNE_SOURCE_DIR/plans/avoidant.toml" >"$PREFIX/share/attune/plans/zz-install-probe.toml"
run complete plans
expect_rc 0 "installed attune complete plans"
expect_out_has "zz-install-probe" "the installed binary finds plans in $PREFIX/share/attune/plans"
ATTUNE_BIN_SAVED=$ATTUNE_BIN
ATTUNE_BIN="$ATTUNE_BUILD_DIR/attune"
run complete plans
expect_out_lacks "zz-install-probe" "the build-tree binary does not see that tree's plans"
ATTUNE_BIN=$ATTUNE_BIN_SAVED

# The installed bash completion works against the installed binary.
OUT=$(PATH="$PREFIX/bin:$PATH" bash --norc --noprofile -c '
  . "$1"; COMP_WORDS=(attune rem); COMP_CWORD=1; _attune; printf "%s\n" "${COMPREPLY[@]}"' \
  _ "$PREFIX/share/bash-completion/completions/attune" 2>&1)
RC=$?
expect_out_has "remind" "the installed completion completes rem<TAB>"

finish
