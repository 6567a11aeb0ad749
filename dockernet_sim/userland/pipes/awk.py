"""awk: the ``{print $N}`` programs people run on docker output, as mawk 1.3.4 prints them.

Mirrors mawk's field splitting (blanks, or -F), ``$0``/``$N``/``$NF``/``NF``/``NR`` in print lists,
and ``/re/``, ``NR`` comparison and ``NF`` patterns (a pattern alone prints the line). A ``/re/``
is matched in linear time (mawk itself backtracks: ``/(a+)+b/`` on thirty ``a`` ran past the
recorder's minute; the answer, no match, is the same), and ``{`` in it is a literal, as in
mawk 1.3.4 20200120 (r150_bounded_inputs).
"""

from __future__ import annotations

import re

from .common import Result, _lines
from ...regexvm import PatternTooBig
from .regex import _RegexError, linear_or_re, posix_to_python


def _awk(argv: list[str], stdin: str) -> Result:
    fs: str | None = None
    args = list(argv)
    prog = None
    while args:
        a = args.pop(0)
        if a == "-F" and args:
            fs = args.pop(0)
        elif a.startswith("-F") and len(a) > 2:
            fs = a[2:]
        elif a == "--":
            continue
        elif prog is None:
            prog = a
        else:
            return "", f"mawk: cannot open {a} (No such file or directory)\n", 2
    if prog is None:
        return "", "usage: mawk [-F value] [-v var=value] [--] 'program text' [file ...]\n", 2
    if fs is not None and fs == "\\t":
        fs = "\t"
    m = re.fullmatch(r"\s*(?:(/(?:[^/\\]|\\.)*/|NR\s*(?:==|!=|>=|<=|>|<)\s*\d+|NF)\s*)?\{\s*(print\b[^{}]*?)?\s*;?\s*\}\s*",
                     prog)
    if not m:   # a pattern alone: its action is {print}
        m = re.fullmatch(r"\s*(/(?:[^/\\]|\\.)*/|NR\s*(?:==|!=|>=|<=|>|<)\s*\d+|NF)\s*()", prog)
    if not m:
        tok = prog.strip()[:1] or "end of file"
        return "", f"mawk: line 1: syntax error at or near {tok}\n", 2
    cond, body = m.group(1), m.group(2)
    items: list[list[str]] = []
    if body:
        rest = body[len("print"):].strip()
        if rest:
            for part in _split_commas(rest):
                toks = re.findall(r'"(?:[^"\\]|\\.)*"|\$\(?\s*NF\s*(?:-\s*\d+)?\s*\)?|\$\d+|NF|NR|\$0', part)
                if "".join(toks).replace(" ", "") != part.replace(" ", ""):
                    return "", f"mawk: line 1: syntax error at or near {part.strip()[:1]}\n", 2
                items.append(toks)
    cond_rx = None
    if cond and cond.startswith("/"):
        try:
            py, _ = posix_to_python(cond[1:-1], True, intervals=False)
            cond_rx = linear_or_re(py)
        except (_RegexError, re.error, PatternTooBig):
            return "", f"mawk: line 1: regular expression compile failed (missing operand)\n{cond[1:-1]}\n", 2
    out = []
    for nr, line in enumerate(_lines(stdin), 1):
        if fs is None or fs == " ":
            fields = line.split()
        elif len(fs) == 1:
            fields = line.split(fs)
        else:
            try:
                fields = re.split(posix_to_python(fs, True)[0], line)
            except (_RegexError, re.error):
                fields = line.split(fs)
        nf = len(fields)
        if cond:
            if cond_rx is not None:
                if not cond_rx.search(line):
                    continue
            elif cond == "NF":
                if not nf:
                    continue
            else:
                mm = re.fullmatch(r"NR\s*(==|!=|>=|<=|>|<)\s*(\d+)", cond)
                assert mm is not None
                op, val = mm.group(1), int(mm.group(2))
                ok = {"==": nr == val, "!=": nr != val, ">=": nr >= val, "<=": nr <= val, ">": nr > val,
                      "<": nr < val}[op]
                if not ok:
                    continue

        def value(tok: str) -> str:
            if tok.startswith('"'):
                return tok[1:-1].replace('\\"', '"').replace("\\t", "\t").replace("\\n", "\n")
            if tok == "NF":
                return str(nf)
            if tok == "NR":
                return str(nr)
            if tok == "$0":
                return line
            t = tok.replace(" ", "").replace("(", "").replace(")", "")
            if t.startswith("$NF"):
                k = nf - (int(t[4:]) if len(t) > 3 else 0)
            else:
                k = int(t[1:])
            if k == 0:
                return line
            return fields[k - 1] if 0 < k <= nf else ""

        if not items:
            out.append(line + "\n")
        else:
            out.append(" ".join("".join(value(t) for t in it) for it in items) + "\n")
    return "".join(out), "", 0


def _split_commas(s: str) -> list[str]:
    parts, cur, q = [], [], False
    for ch in s:
        if ch == '"':
            q = not q
        if ch == "," and not q:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts
