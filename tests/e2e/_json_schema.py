#!/usr/bin/env python3
"""Compares the keys of every JSON output with the list in attune(1), JSON OUTPUT.

Usage: _json_schema.py MAN_PAGE JOURNAL [--print]
Runs each command's --format json on the fixed journal (ATTUNE_BIN, ATTUNE_DATA_DIR, TZ,
ATTUNE_NOW come from the environment), collects every key as a path, and compares the set
with the paths documented in the man page. Paths: the document's name (today, week, report,
report_all, log, remind, streak, plan_show, config_show, export), then the keys joined by
dots; "[]" stands for every element of an array, "*" for every key of an object whose keys
are data (export.plans.*). Example: report.self_check.dimensions.avoidance.baseline.
A key in the output but not in the man page fails, and so does one documented but never
printed. --print lists the paths seen, one a line (to start a new section of the page).
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

# Each document and the command lines that, together, show every one of its fields.
COMMANDS = {
    # A paused day of run 2 (paused has its fields), and after its end with a practice kept.
    "today": [["today", "--format", "json"], ["today", "--format", "json", "--date", "-1"],
              ["today", "--format", "json", "--date", "2026-11-05"],
              ["ATTUNE_NOW=2026-12-22T20:00", "today", "--format", "json"]],
    "week": [["week", "1", "--format", "json"]],
    "report": [["report", "--format", "json"], ["report", "--run", "1", "--format", "json"]],
    "report_all": [["report", "--run", "all", "--format", "json"]],
    "log": [["log", "--format", "json"], ["log", "--run", "1", "--format", "json"]],
    # The next morning, when something is open (open[] has its fields).
    "remind": [["remind", "--format", "json"], ["ATTUNE_NOW=2026-11-19T09:00", "remind", "--format", "json"]],
    "streak": [["streak", "--format", "json"]],
    "plan_show": [["plan", "show", "--format", "json"]],
    "config_show": [["config", "show", "--format", "json"]],
    "export": [["export", "--format", "json"]],
}
# Objects whose keys are data, not field names.
DATA_KEYS = {"export.plans"}


def paths(value, prefix, out):
    if isinstance(value, dict):
        for key, item in value.items():
            name = "*" if prefix in DATA_KEYS else key
            path = prefix + "." + name
            out.add(path)
            paths(item, path, out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                paths(item, prefix + "[]", out)


def observed(bin_path):
    seen = {}
    for name, lines in COMMANDS.items():
        keys = set()
        for line in lines:
            env = dict(os.environ)
            args = list(line)
            while args and "=" in args[0]:
                key, value = args.pop(0).split("=", 1)
                env[key] = value
            proc = subprocess.run([bin_path] + args, capture_output=True, text=True, env=env)
            if proc.returncode not in (0, 10):
                sys.exit("attune %s: exit %d: %s" % (" ".join(args), proc.returncode,
                                                     proc.stderr.strip()))
            doc = json.loads(proc.stdout)
            if not isinstance(doc, dict) or doc.get("schema") != 1:
                sys.exit("attune %s: the top level is not an object with \"schema\": 1"
                         % " ".join(args))
            if next(iter(doc)) != "schema":
                sys.exit("attune %s: \"schema\" is not the first key" % " ".join(args))
            paths(doc, name, keys)
        seen[name] = keys
    return seen


def documented(man_path):
    """Every `.B PATH` right after a `.TP` between `.SH "JSON OUTPUT"` and the next `.SH`."""
    text = open(man_path, encoding="utf-8").read()
    start = text.find('\n.SH "JSON OUTPUT"\n')
    if start < 0:
        sys.exit("%s: no JSON OUTPUT section" % man_path)
    end = text.find("\n.SH ", start + 1)
    section = text[start:end if end > 0 else len(text)].split("\n")
    docs = {}
    for i, line in enumerate(section):
        if line == ".TP" and i + 1 < len(section):
            m = re.fullmatch(r"\.B ([a-z_]+)((?:\.[a-z_*]+|\[\])*)", section[i + 1])
            if m is None:
                continue
            docs.setdefault(m.group(1), set()).add(m.group(1) + m.group(2))
    return docs


def main():
    man_path, journal = sys.argv[1], sys.argv[2]
    data = os.environ["ATTUNE_DATA_DIR"]
    os.makedirs(data, exist_ok=True)
    shutil.copy(journal, os.path.join(data, "journal"))
    # The plan copy `start` keeps beside the journal (export's plans.*): the fixture's plan.
    source = os.environ.get("ATTUNE_SOURCE_DIR",
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    plan = os.path.join(source, "plans", "avoidant.toml")
    digest = hashlib.sha256(open(plan, "rb").read()).hexdigest()
    os.makedirs(os.path.join(data, "plans"), exist_ok=True)
    shutil.copy(plan, os.path.join(data, "plans", digest + ".toml"))
    os.chmod(data, 0o700)
    os.chmod(os.path.join(data, "journal"), 0o600)
    seen = observed(os.environ["ATTUNE_BIN"])
    if "--print" in sys.argv[3:]:
        for name in COMMANDS:
            print("\n".join(sorted(seen[name])))
        return 0
    docs = documented(man_path)
    problems = 0
    for name in COMMANDS:
        doc = docs.get(name, set())
        for path in sorted(seen[name] - doc):
            print("FAIL: %s is printed but not documented in attune(1) JSON OUTPUT" % path)
            problems += 1
        for path in sorted(doc - seen[name]):
            print("FAIL: %s is documented in attune(1) JSON OUTPUT but never printed" % path)
            problems += 1
    for name in sorted(set(docs) - set(COMMANDS)):
        print("FAIL: attune(1) JSON OUTPUT documents \"%s\", which this test does not run" % name)
        problems += 1
    total = sum(len(v) for v in seen.values())
    print("%d JSON fields in %d documents checked, %d problems" % (total, len(COMMANDS), problems))
    return 1 if problems else 0


sys.exit(main())
