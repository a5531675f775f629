#!/usr/bin/env python3
"""Prints the code point tables of src/core/text_width.cpp from Python's Unicode database, so
display_width needs no locale and no library (glibc's wcwidth depends on LC_CTYPE).

  scripts/gen-width-table.py > /tmp/tables.inc   (then paste between the table markers)

Zero columns: combining marks (Mn, Me), format characters (Cf, except U+00AD SOFT HYPHEN,
which terminals show), Hangul medial vowels and final consonants (they join the syllable).
Two columns: East Asian Wide and Fullwidth (which covers the emoji with emoji presentation),
and the CJK ideograph blocks, assigned or not. Unassigned code points elsewhere are folded into
the neighbouring range, which keeps the tables short.
"""
import unicodedata

CJK = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD),
       (0x30000, 0x3FFFD)]


def zero(cp):
    cat = unicodedata.category(chr(cp))
    if cp == 0xAD:
        return False
    return cat in ("Mn", "Me", "Cf") or 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF


def wide(cp):
    if any(a <= cp <= b for a, b in CJK):
        return True
    c = chr(cp)
    if unicodedata.category(c) == "Cn" or zero(cp):
        return False
    return unicodedata.east_asian_width(c) in ("W", "F")


def ranges(pred):
    out, start, last = [], None, None
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if pred(cp):
            if start is None:
                start = cp
            last = cp
        elif unicodedata.category(chr(cp)) != "Cn" and start is not None:
            out.append((start, last))
            start = None
    if start is not None:
        out.append((start, last))
    return out


def table(name, rs, doc):
    lines = [f"/// {doc}", f"constexpr Range {name}[] = {{"]
    row = ""
    for a, b in rs:
        item = f"{{0x{a:04X}, 0x{b:04X}}}, "
        if len(row) + len(item) > 96:
            lines.append("    " + row.rstrip())
            row = ""
        row += item
    if row:
        lines.append("    " + row.rstrip())
    lines.append("};")
    return "\n".join(lines)


print(f"// Unicode {unicodedata.unidata_version}, from scripts/gen-width-table.py.")
print(table("zero_width", ranges(zero), "Zero columns."))
print()
print(table("double_width", ranges(wide), "Two columns."))
