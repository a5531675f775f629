#!/usr/bin/env python3
"""Checks every #include in src/ and include/attune/ against the dependency table in
ARCHITECTURE.md (the rows between the `include-rules` markers), so the document stays true.

  scripts/check-includes.py [SOURCE_DIR]     (the test suite runs it: ctest -R architecture)

Each table row is `| module | files | may include |`:
  files        name patterns (fnmatch) of the module's files: the path below src/core/ or
               include/attune/ without extension (`journal*` matches src/core/journal_run.cpp
               and include/attune/journal.hpp; `commands/*` a subfolder), or below src/ for
               the front end and the generator (`cli/*`, `codegen/*`). The first row whose
               pattern matches a file owns it, so list exact names before wider patterns.
  may include  modules, third-party libraries (date, date-tz, toml++, CLI11, posix; see
               LIBRARIES below), `core` (every core module's public header), or a private
               header by its file name (`journal_detail.hpp`). A file may always include the
               C++ standard library and its own module's headers, public or private.
A file that no row owns is a finding too: a new file gets a row (or a wider pattern).
Prints one line per finding and exits 1, or prints a summary and exits 0.
"""
import fnmatch
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent).resolve()
# <header> prefixes of the third-party libraries, by the name the table uses.
LIBRARIES = {
    "date/tz.h": "date-tz",
    "date/": "date",
    "toml++/": "toml++",
    "CLI/": "CLI11",
    "boost/": "boost",
    "zlib.h": "zlib",
    "nlohmann/": "nlohmann-json",
}
# Any other <name.h> or <sys/...> is the C library or POSIX.
C_STANDARD = {"assert.h", "errno.h", "limits.h", "stdint.h", "stddef.h", "stdio.h", "stdlib.h",
              "string.h", "time.h", "signal.h",
              # the compiler's own SSE2 intrinsics (every x86-64 compiler has them; each use
              # sits under #if defined(__SSE2__) with a plain fallback)
              "emmintrin.h"}


def read_rules():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- include-rules -->(.*?)<!-- /include-rules -->", text, re.S)
    if not match:
        sys.exit("check-includes: ARCHITECTURE.md has no <!-- include-rules --> table")
    rules = []
    for line in match.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("module", "") or set(cells[0]) <= set("-: "):
            continue
        module, files, allowed = cells
        rules.append((module, [f.strip(" `") for f in files.split(",") if f.strip()],
                      {a.strip(" `") for a in allowed.split(",") if a.strip(" `—-")}))
    return rules


def owner(rules, rel):
    """The module owning a file (relative path), or None."""
    # The path below src/core or include/attune (or src/, for cli/ and codegen/), without
    # the extension: "journal_run", "cli/app", "commands/checkin" for a subfolder.
    parts = rel.with_suffix("").parts
    if parts[:2] in (("src", "core"), ("include", "attune")):
        key = "/".join(parts[2:])
    else:
        key = "/".join(parts[1:])
    for module, patterns, _ in rules:
        if any(fnmatch.fnmatchcase(key, p) for p in patterns):
            return module
    return None


def main():
    rules = read_rules()
    allowed = {module: may for module, _, may in rules}
    modules = set(allowed)
    core_modules = {m for m, patterns, _ in rules
                    if not any(p.startswith(("cli/", "codegen/")) for p in patterns)}
    files = sorted([p for p in (ROOT / "src").rglob("*") if p.suffix in (".cpp", ".hpp")] +
                   list((ROOT / "include/attune").rglob("*.hpp")))
    findings = []
    include_re = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
    for path in files:
        rel = path.relative_to(ROOT)
        mine = owner(rules, rel)
        if mine is None:
            findings.append(f"{rel}: no row of ARCHITECTURE.md's table owns this file")
            continue
        may = allowed[mine]
        for kind, name in include_re.findall(path.read_text(encoding="utf-8")):
            what = None  # (token the table must name, description)
            if kind == '"' and name.startswith("attune/"):
                target = owner(rules, pathlib.Path("include") / name)
                if target is None:
                    findings.append(f"{rel}: includes {name}, which no row owns")
                    continue
                if target != mine and target not in may and not (
                        "core" in may and target in core_modules):
                    what = (target, f'"{name}" (module {target})')
            elif kind == '"':
                private = (path.parent / name).resolve()
                local_owner = owner(rules, private.relative_to(ROOT)) if private.exists() else None
                if local_owner is None:
                    findings.append(f"{rel}: includes \"{name}\", which is not beside it")
                    continue
                in_cli = rel.parts[:2] == ("src", "cli")
                if local_owner != mine and not in_cli and pathlib.Path(name).name not in may:
                    what = (pathlib.Path(name).name, f'private "{name}" of {local_owner}')
            else:
                lib = next((v for k, v in LIBRARIES.items() if name.startswith(k)), None)
                if lib is None and (name.endswith(".h") or name.startswith("sys/")):
                    lib = None if name in C_STANDARD else "posix"
                if lib is not None and lib not in may:
                    what = (lib, f"<{name}> ({lib})")
            if what:
                findings.append(f"{rel}: includes {what[1]}, but the table lets {mine} use only: "
                                f"{', '.join(sorted(may)) or 'the standard library'}")
    for module, may in allowed.items():
        for token in may:
            if token not in modules and token not in LIBRARIES.values() and token not in (
                    "core", "posix") and not token.endswith(".hpp"):
                findings.append(f"ARCHITECTURE.md: module {module} may use '{token}', which is "
                                "neither a module nor a known library")
    for line in findings:
        print("check-includes:", line)
    if findings:
        print(f"check-includes: {len(findings)} finding(s): fix the include, or the table in "
              "ARCHITECTURE.md if the rule has really changed")
        return 1
    print(f"check-includes: {len(files)} files follow ARCHITECTURE.md's {len(rules)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
