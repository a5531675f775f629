#!/usr/bin/env python3
"""Writes a journal (attune-journal(5), version 1) for a six-week run of the default plan.

Usage: _journal_fixture.py PLAN_TOML OUT [REPEAT]
The run starts Mon 2026-11-02; records cover every day up to 2026-12-13 (reports look at
them as of their own "today"). REPEAT > 1 writes each done record that many times (new ids)
to make a large journal for timing by hand.
"""
import datetime
import hashlib
import os
import sys

# One journal writer for benchmarks and tests: bench/gen_journal.py.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
from gen_journal import format_line  # noqa: E402

WEEKS = [
    ["catch-the-urge", "trigger-note", "body-check"],
    ["trigger-note", "what-it-protects", "feeling-word"],
    ["say-one-feeling", "feeling-word", "notice-response"],
    ["stay-five-minutes", "catch-the-urge", "say-i-need-a-moment"],
    ["ask-small-help", "offer-comfort", "say-one-feeling"],
    ["share-something-real", "stay-five-minutes", "look-back"],
]


counter = [0]


def line(rtype, day, **kv):
    counter[0] += 1
    rid = "%016x" % (0x5EED000000000000 + counter[0])
    return format_line(rid, rtype, day, day.strftime("%Y-%m-%d") + "T20:00:00Z", "UTC",
                       list(kv.items()))


def main():
    plan_path, out_path = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    plan_hash = hashlib.sha256(open(plan_path, "rb").read()).hexdigest()
    start = datetime.date(2026, 11, 2)
    lines = ["attune-journal 1\n"]
    lines.append(line("start", start, run=1, plan="avoidant", hash=plan_hash))
    lines.append(line("check", start, run=1, week=0, answers="2,2,4,2,4"))
    for i in range(42):
        day = start + datetime.timedelta(days=i)
        week = i // 7
        for n, ex in enumerate(WEEKS[week]):
            if (i * 7 + n * 3) % 10 < 7 or (week == 3 and n != 2):
                for _ in range(repeat):
                    lines.append(line("done", day, run=1, exercise=ex))
            elif (i + n) % 9 == 0:
                lines.append(line("skip", day, run=1, exercise=ex, reason="away, \"busy\""))
        if i % 7 == 6:
            a = min(5, 2 + (week + 1) // 2)
            lines.append(line("check", day, run=1, week=week + 1,
                              answers="%d,%d,%d,%d,%d" % (a, a, 6 - a, a, 6 - a)))
    lines.append(line("note", start + datetime.timedelta(days=3), run=1,
                      text="Told A. <script>alert(1)</script> & it went fine"))
    lines.append(line("note", start + datetime.timedelta(days=20), run=1,
                      text="Stayed in the room\nfor the whole talk"))
    with open(out_path, "w", encoding="utf-8") as f:
        f.writelines(lines)


main()
