#!/usr/bin/env python3
"""Fails on a function longer than 120 lines in src/ or include/ that does not say why.

  scripts/check-function-size.py [SOURCE_DIR] [FILE...]
      (the test suite runs it as the test `function_size`; FILEs, if given, are checked
      instead of every *.cpp/*.hpp/*.h under src/ and include/)

The rule:
  A function's length is counted from its first line (where its declaration starts, a
  `template <...>` line included) to the line of its closing brace, both included. A
  function longer than LIMIT (120) lines is a finding unless the line right before its first
  line, or its first line itself, holds a comment with one of the markers
      // long because: <reason>
      // NOLINTNEXTLINE(readability-function-size): <reason>    (or NOLINT(...) on the line)
  followed by a reason of at least MIN_REASON (10) characters. Functions are free functions,
  member functions defined in or out of their class, constructors (with initialiser lists),
  destructors and operators. Not functions: namespaces, classes, structs, unions, enums,
  braced initialisers of variables and arrays. Lambdas and local classes count as part of
  the function around them. Comments, string literals (raw ones too), character literals and
  preprocessor lines are skipped before braces are matched; digit separators (1'000) are not
  taken for character literals.
Prints one line per finding, sorted, and exits 1; else prints a summary and exits 0.
"""
import pathlib
import re
import sys

LIMIT = 120
MIN_REASON = 10
MARKER = re.compile(
    r"(?:long because:|NOLINT(?:NEXTLINE)?\(readability-function-size\):?)\s*(?P<reason>.*)")
QUALIFIERS = re.compile(
    r"(?:\s|\bconst\b|\bvolatile\b|\bnoexcept\b(?:\s*\([^()]*\))?|\boverride\b|\bfinal\b|"
    r"\bmutable\b|&&|&|\btry\b)*$")


def strip_code(text):
    """`text` with comments, literals and preprocessor lines blanked (newlines kept, so a
    position keeps its line), and the comments of each line (1-based) for the markers."""
    out = []
    comments = {}
    i, n, line = 0, len(text), 1
    at_line_start = True

    def note(line_no, comment):
        comments[line_no] = comments.get(line_no, "") + " " + comment

    while i < n:
        c = text[i]
        if c == "\n":
            out.append(c)
            line += 1
            i += 1
            at_line_start = True
            continue
        if at_line_start and c in " \t":
            out.append(c)
            i += 1
            continue
        if at_line_start and c == "#":  # a preprocessor line, with its continuations
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append(" \n")
                    line += 1
                    i += 2
                    continue
                out.append(" ")
                i += 1
            continue
        at_line_start = False
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            note(line, text[i:end])
            out.append(" " * (end - i))
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            chunk = text[i:end]
            for k, part in enumerate(chunk.split("\n")):
                note(line + k, part)
            out.append(re.sub(r"[^\n]", " ", chunk))
            line += chunk.count("\n")
            i = end
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^()\\\s]{0,16})\(', text[i:i + 24])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            close = ")" + raw.group(1) + '"'
            end = text.find(close, i + raw.end())
            end = n if end < 0 else end + len(close)
            chunk = text[i:end]
            out.append('""' + re.sub(r"[^\n]", " ", chunk[2:]))
            line += chunk.count("\n")
            i = end
            continue
        if c in "\"'":
            if c == "'" and is_digit_separator(text, i):
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else c)
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out), comments


def is_digit_separator(text, i):
    """Whether the ' at i sits inside a number (1'000, 0xFF'FF)."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_'."):
        j -= 1
    return j < i and text[j].isdigit()


def match_brace(code, i):
    """The index of the } matching the { at i."""
    depth = 0
    for j in range(i, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


def top_level(head):
    """`head` with every parenthesised, bracketed or angled part collapsed to its brackets."""
    out, depth = [], 0
    for c in head:
        if c in "([":
            if depth == 0:
                out.append(c)
            depth += 1
        elif c in ")]":
            depth = max(depth - 1, 0)
            if depth == 0:
                out.append(c)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def classify(head):
    """'scope' (descend), 'function', 'init' (inside a constructor's initialiser list: a
    member's braces) or 'other' (skip the block) for the text before a {."""
    flat = top_level(re.sub(r"\btemplate\s*<.*?>\s*(?=[A-Za-z_])", "", head, flags=re.S))
    flat = re.sub(r"^\s*(?:public|private|protected)\s*:(?!:)", "", flat)
    masked = flat.replace("::", "##")
    if re.search(r"\bnamespace\b|\bextern\s*\"\"\s*$", masked):
        return "scope"
    if re.search(r"\benum\b", masked):
        return "other"
    if re.search(r"\b(class|struct|union)\b", masked) and "(" not in masked:
        return "scope"
    ctor = re.search(r"\)\s*(?:noexcept\s*)?:(?!#)", masked)
    if ctor:
        tail = masked.rstrip()
        return "init" if tail and (tail[-1].isalnum() or tail[-1] in "_>") else "function"
    if re.search(r"(?<![=!<>])=(?!=)", masked) and "operator" not in masked:
        return "other"
    body = re.sub(r"->.*$", "", masked, flags=re.S)  # a trailing return type
    m = re.search(r"\)" + QUALIFIERS.pattern, body)
    return "function" if m else "other"


def function_name(head):
    flat = top_level(head)
    cut = re.search(r"\)\s*(?:noexcept\s*)?:(?!:)", flat.replace("::", "##"))
    flat = flat[:cut.start() + 1] if cut else flat
    m = re.search(r"((?:[A-Za-z_~][A-Za-z_0-9]*\s*::\s*)*(?:operator\s*\S+?|~?[A-Za-z_][A-Za-z_0-9]*))"
                  r"\s*\(\)[^()]*$", flat)
    return re.sub(r"\s+", "", m.group(1)) if m else "?"


def open_parens(head):
    """Whether `head` has a ( or [ not yet closed."""
    return head.count("(") + head.count("[") > head.count(")") + head.count("]")


def functions(text):
    """(first line, last line, name) of every function in a file's text."""
    code, comments = strip_code(text)
    found = []

    def line_of(pos):
        return code.count("\n", 0, pos) + 1

    def walk(start, end):
        head_start = start
        i = start
        while i < end:
            c = code[i]
            if c in ";}":
                head_start = i + 1
            elif c == "{" and open_parens(code[head_start:i]):
                i = match_brace(code, i)  # a default argument's braces: still the head
            elif c == "{":
                head = code[head_start:i]
                kind = classify(head)
                close = match_brace(code, i)
                if kind == "scope":
                    walk(i + 1, close)
                    head_start = close + 1
                elif kind == "init":
                    pass  # the head goes on to the body's {
                elif kind == "function":
                    first = head_start + len(head) - len(head.lstrip())
                    found.append((line_of(first), line_of(close), function_name(head)))
                    head_start = close + 1
                else:
                    head_start = close + 1
                i = close
            i += 1

    walk(0, len(code))
    return found, comments


def excused(comments, first):
    for line_no in (first - 1, first):
        m = MARKER.search(comments.get(line_no, ""))
        if m and len(m.group("reason").strip()) >= MIN_REASON:
            return True
    return False


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)
    root = root.resolve()
    if len(sys.argv) > 2:
        files = sorted(pathlib.Path(f).resolve() for f in sys.argv[2:])
    else:
        files = sorted(p for d in ("src", "include") for p in (root / d).rglob("*")
                       if p.suffix in (".cpp", ".hpp", ".h") and p.is_file())
    findings, count, excused_count = [], 0, 0
    for path in files:
        found, comments = functions(path.read_text(encoding="utf-8", errors="replace"))
        for first, last, name in found:
            count += 1
            length = last - first + 1
            if length <= LIMIT:
                continue
            if excused(comments, first):
                excused_count += 1
                continue
            try:
                shown = path.relative_to(root)
            except ValueError:
                shown = path
            findings.append((str(shown), first, f"{shown}:{first}: {name} is {length} lines (more than {LIMIT}): "
                            f"split it, or say why on the line before it: // long because: ..."))
    for _, _, line in sorted(findings):
        print(line)
    if findings:
        print(f"check-function-size: {len(findings)} function(s) over {LIMIT} lines without a "
              "reason", file=sys.stderr)
        return 1
    print(f"check-function-size: {count} functions in {len(files)} files, none over {LIMIT} "
          f"lines without a reason ({excused_count} with one)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
