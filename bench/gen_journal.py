#!/usr/bin/env python3
"""Generates a realistic attune journal of any size, in the format of attune-journal(5)
(include/attune/journal.hpp): header line, then one record per line with a CRC-32 trailer.

The history looks like years of real use: programmes of six weeks run back to back with
gaps, some ended early and restarted, most days a few exercises done, some skipped (with
reasons), a few undone, notes of varied length (with tabs, newlines and non-ASCII text that
must be escaped), and a weekly self-check. Output is deterministic for a given --seed.

  bench/gen_journal.py --records 20000 --out /tmp/journal [--plan plans/avoidant.toml]

Every line written is parsed back and checked (fields, escapes, CRC) before exiting.
"""
import argparse
import datetime as dt
import hashlib
import random
import sys
import zlib

DEFAULT_WEEKS = [
    ["notice-pull-away", "name-one-feeling", "reach-out-once"],
    ["notice-pull-away", "name-one-feeling", "ask-for-small-thing"],
    ["share-a-worry", "stay-five-minutes", "name-one-feeling"],
    ["share-a-worry", "ask-for-small-thing", "repair-after-distance"],
    ["say-what-you-need", "stay-five-minutes", "repair-after-distance"],
    ["say-what-you-need", "share-a-worry", "reach-out-once"],
]
DEFAULT_ANSWERS = 6
ZONES = ["Europe/Berlin", "UTC", "America/New_York", "Asia/Tokyo"]
REASONS = ["", "", "travelling", "ill today", "partner away", "too tired, tomorrow",
           "did not feel safe to try"]
NOTE_WORDS = ("today I noticed that I wanted to leave the room when we talked about the "
              "weekend and I stayed anyway it felt awkward but also warm Grüße à bientôt "
              "心 ok").split()


def plan_weeks(path):
    """Exercise ids per week from a plan TOML, or the defaults when it has none."""
    if not path:
        return DEFAULT_WEEKS, "avoidant", hashlib.sha256(b"bench").hexdigest()
    import tomllib
    raw = open(path, "rb").read()
    doc = tomllib.loads(raw.decode("utf-8"))
    weeks = []

    def walk(node):
        if isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
            ids = [x["id"] for x in node if isinstance(x.get("id"), str)]
            inner = [walk_week(x) for x in node]
            if any(inner):
                weeks.extend(w for w in inner if w)
                return True
            return bool(ids) and False
        if isinstance(node, dict):
            return any(walk(v) for v in node.values())
        return False

    def walk_week(week):
        for v in week.values():
            if isinstance(v, list) and v and all(isinstance(x, dict) and "id" in x for x in v):
                return [x["id"] for x in v]
        return None

    walk(doc)
    items = doc.get("self_check", {}).get("items", [])
    if items:
        global DEFAULT_ANSWERS
        DEFAULT_ANSWERS = len(items)
    return (weeks or DEFAULT_WEEKS), doc.get("id", "avoidant"), hashlib.sha256(raw).hexdigest()


def escape(value):
    out = []
    for ch in value:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        else:
            out.append(ch)
    return "".join(out)


def unescape(value):
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = value[i + 1]
        if n == "x":
            out.append(chr(int(value[i + 2:i + 4], 16)))
            i += 4
        else:
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[n])
            i += 2
    return "".join(out)


def format_line(rid, rtype, day, recorded, zone, fields):
    """One record line of attune-journal(5) ending in LF: ID, TYPE, DAY, RECORDED, ZONE,
    KEY=VALUE fields (values escaped) and the CRC-32 trailer. The one journal writer used by
    the benchmarks and the end-to-end fixtures. `day` is a date, `recorded` the UTC text."""
    head = [rid, rtype, day.isoformat(), recorded, zone]
    body = "\t".join(head + ["%s=%s" % (k, escape(str(v))) for k, v in fields])
    crc = zlib.crc32(body.encode("utf-8")) & 0xFFFFFFFF
    return "%s\t~%08x\n" % (body, crc)


class Writer:
    def __init__(self, rng, out):
        self.rng, self.out, self.count, self.ids = rng, out, 0, set()
        self.zone = "Europe/Berlin"

    def new_id(self):
        while True:
            rid = "%016x" % self.rng.getrandbits(64)
            if rid not in self.ids:
                self.ids.add(rid)
                return rid

    def record(self, rtype, day, fields):
        rid = self.new_id()
        when = dt.datetime.combine(day, dt.time(7, 0)) + dt.timedelta(
            minutes=self.rng.randrange(0, 15 * 60))
        self.out.write(format_line(rid, rtype, day, when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                   self.zone, fields))
        self.count += 1
        return rid


def note_text(rng):
    n = rng.choice([3, 8, 15, 30, 60, 120])
    words = [rng.choice(NOTE_WORDS) for _ in range(n)]
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), "\n")
    if rng.random() < 0.05:
        words.insert(rng.randrange(len(words)), "\tquoted \\ back")
    return " ".join(words)


def generate(records, seed, weeks, plan_id, plan_hash, out, answers_n):
    rng = random.Random(seed)
    w = Writer(rng, out)
    out.write("attune-journal 1\n")
    day = dt.date(2016, 1, 4)
    run = 0
    while w.count < records:
        run += 1
        if rng.random() < 0.1:
            w.zone = rng.choice(ZONES)
        w.record("start", day, [("run", run), ("plan", plan_id), ("hash", plan_hash)])
        length = len(weeks) * 7
        ended_early = rng.random() < 0.15
        stop_at = rng.randrange(7, length) if ended_early else length
        last_checkin = None
        for d in range(stop_at):
            if w.count >= records:
                break
            today = day + dt.timedelta(days=d)
            week = d // 7 + 1
            if d % 7 == 0:
                w.record("check", today, [("run", run), ("week", week - 1),
                                          ("answers", ",".join(str(rng.randint(1, 5))
                                                               for _ in range(answers_n)))])
            if rng.random() < 0.12:  # a missed day is information, not a failure
                continue
            for ex in weeks[(week - 1) % len(weeks)]:
                if w.count >= records:
                    break
                r = rng.random()
                if r < 0.75:
                    last_checkin = w.record("done", today, [("run", run), ("exercise", ex)])
                elif r < 0.85:
                    reason = rng.choice(REASONS)
                    fields = [("run", run), ("exercise", ex)]
                    if reason:
                        fields.append(("reason", reason))
                    last_checkin = w.record("skip", today, fields)
            if rng.random() < 0.25 and w.count < records:
                last_checkin = w.record("note", today, [("run", run), ("text", note_text(rng))])
            if last_checkin and rng.random() < 0.03 and w.count < records:
                w.record("undo", today, [("run", run), ("ref", last_checkin)])
                last_checkin = None
        if w.count >= records:
            break
        if ended_early:
            w.record("end", day + dt.timedelta(days=stop_at), [("run", run)])
        day += dt.timedelta(days=stop_at + rng.choice([0, 1, 3, 10, 30]))
    return w.count


def self_check(path, expected):
    """Parses the file back: header, field layout, escapes, CRC, unique ids."""
    seen = set()
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    assert lines[0] == b"attune-journal 1", "bad header"
    assert lines[-1] == b"", "file must end in LF"
    body = lines[1:-1]
    assert len(body) == expected, "expected %d records, found %d" % (expected, len(body))
    for n, raw in enumerate(body, start=2):
        cut = raw.rindex(b"\t")
        text = raw[:cut].decode("utf-8")
        trailer = raw[cut + 1:].decode("ascii")
        assert trailer[0] == "~" and len(trailer) == 9, "line %d: trailer" % n
        assert int(trailer[1:], 16) == zlib.crc32(raw[:cut]) & 0xFFFFFFFF, "line %d: crc" % n
        fields = text.split("\t")
        assert len(fields[0]) == 16 and fields[0] not in seen, "line %d: id" % n
        seen.add(fields[0])
        assert fields[1] in ("start", "end", "done", "skip", "note", "check", "undo")
        dt.date.fromisoformat(fields[2])
        dt.datetime.strptime(fields[3], "%Y-%m-%dT%H:%M:%SZ")
        for kv in fields[5:]:
            key, _, value = kv.partition("=")
            assert key and escape(unescape(value)) == value, "line %d: escape" % n
            assert all(ord(c) >= 0x20 and ord(c) != 0x7F for c in value), "line %d: raw ctl" % n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--plan", help="plan TOML to take exercise ids, id and hash from")
    ap.add_argument("--answers", type=int, help="self-check items (default: the plan's)")
    ap.add_argument("--no-check", action="store_true", help="skip the read-back check")
    args = ap.parse_args()
    weeks, plan_id, plan_hash = plan_weeks(args.plan)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        n = generate(args.records, args.seed, weeks, plan_id, plan_hash, out,
                     args.answers or DEFAULT_ANSWERS)
    if not args.no_check:
        self_check(args.out, n)
    print("gen_journal: %d records -> %s" % (n, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
