#!/usr/bin/env python3
"""Writes a journal (attune-journal(5), version 1) with two programmes of the default plan.

Usage: _runs_fixture.py PLAN_TOML OUT [--every-field]
Run 1 starts Mon 2026-09-07 and runs its six weeks to Sun 2026-10-18, with a baseline and a
self-check each week; run 2 starts Mon 2026-11-02 and is in its third week on Wed 2026-11-18
(the "now" of the tests: ATTUNE_NOW=2026-11-18T20:00, TZ=UTC), with a skip that day.
--every-field adds what only some records carry, so every JSON field appears somewhere (used
by json_schema.sh): a command id (cmd), an undo, a forgotten record, and a note whose bytes
are not UTF-8 (exported as hex); after run 1, a review, a kept practice and a follow-up
self-check; in run 2, a pause, and a practice kept after its end.
"""
import datetime
import hashlib
import os
import sys
import zlib

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


def next_id():
    counter[0] += 1
    return "%016x" % (0xF1C5000000000000 + counter[0])


def line(rtype, day, **kv):
    return format_line(next_id(), rtype, day, day.strftime("%Y-%m-%d") + "T20:00:00Z", "UTC",
                       list(kv.items()))


def raw_line(rtype, day, fields):
    """A line whose field values are written as given (escapes such as \\xe9 kept)."""
    head = [next_id(), rtype, day.isoformat(), day.isoformat() + "T20:30:00Z", "UTC"]
    body = "\t".join(head + fields)
    return "%s\t~%08x\n" % (body, zlib.crc32(body.encode("utf-8")) & 0xFFFFFFFF)


def programme(lines, run, start, days, keep, plan_hash):
    lines.append(line("start", start, run=run, plan="avoidant", hash=plan_hash))
    lines.append(line("check", start, run=run, week=0, answers="2,4,4,2,4,4,3"))
    for i in range(days):
        day = start + datetime.timedelta(days=i)
        week = i // 7
        for n, ex in enumerate(WEEKS[week]):
            if keep(i, n):
                lines.append(line("done", day, run=run, exercise=ex))
            elif (i + n) % 5 == 0:
                lines.append(line("skip", day, run=run, exercise=ex, reason="away for work"))
        if i % 7 == 6:
            a = min(5, 2 + (week + 1) // 2 if run == 1 else 3)
            # Six items and the distress question (never scored).
            lines.append(line("check", day, run=run, week=week + 1,
                              answers="%d,%d,%d,%d,%d,%d,%d" % (a, 6 - a, 6 - a, a, 6 - a,
                                                                6 - a, 2 + week % 3)))


def main():
    plan_path, out_path = sys.argv[1], sys.argv[2]
    every_field = "--every-field" in sys.argv[3:]
    plan_hash = hashlib.sha256(open(plan_path, "rb").read()).hexdigest()
    lines = ["attune-journal 1\n"]
    run1 = datetime.date(2026, 9, 7)
    programme(lines, 1, run1, 42, lambda i, n: (i * 7 + n * 3) % 10 < 6, plan_hash)
    lines.append(line("note", run1 + datetime.timedelta(days=3), run=1,
                      text="Told A. how the week went"))
    run2 = datetime.date(2026, 11, 2)
    programme(lines, 2, run2, 16, lambda i, n: (i + n) % 4 != 3, plan_hash)
    today = datetime.date(2026, 11, 18)
    lines.append(line("done", today, run=2, exercise="say-one-feeling"))
    lines.append(line("skip", today, run=2, exercise="feeling-word", reason="a long day"))
    lines.append(line("note", run2 + datetime.timedelta(days=9), run=2,
                      text="Asked for a moment instead of leaving"))
    if every_field:
        first = next_id()
        lines.append(format_line(first, "done", today, "2026-11-18T20:40:00Z", "UTC",
                                 [("run", 2), ("exercise", "notice-response")]))
        lines.append(format_line(next_id(), "note", today, "2026-11-18T20:40:00Z", "UTC",
                                 [("run", 2), ("text", "said it out loud"), ("cmd", first)]))
        undone = next_id()
        lines.append(format_line(undone, "done", today - datetime.timedelta(days=1),
                                 "2026-11-18T20:41:00Z", "UTC",
                                 [("run", 2), ("exercise", "say-one-feeling")]))
        lines.append(raw_line("undo", today, ["run=2", "ref=" + undone]))
        lines.append(raw_line("note", today, ["run=2", "text=caf\\xe9 at noon"]))
        lines.append(raw_line("forgotten", today, ["run=2", "refs=" + "%016x" % 0xDEAD]))
        # After run 1: its review, a kept practice and the 4-week follow-up self-check.
        after = datetime.date(2026, 10, 19)
        for question, text in (("helped", "naming one feeling"), ("signs", "going quiet"),
                               ("keep", "one feeling a day")):
            lines.append(line("review", after, run=1, question=question, text=text))
        lines.append(line("keep", after, run=1, exercise="say-one-feeling", times=3))
        lines.append(line("check", datetime.date(2026, 11, 16), run=1, week=6,
                          answers="4,2,2,4,2,2,2", followup=4))
        # A rest in run 2 (today --date 2026-11-05 is paused), and a practice kept after its
        # end (today at ATTUNE_NOW=2026-12-22 shows it).
        lines.append(line("pause", datetime.date(2026, 11, 5), run=2, until="2026-11-06",
                          reason="a family visit"))
        lines.append(line("keep", datetime.date(2026, 12, 20), run=2,
                          exercise="say-one-feeling", times=3))
    with open(out_path, "w", encoding="utf-8") as f:
        f.writelines(lines)


main()
