"""grep, as GNU grep 3.8 on Debian bookworm prints it.

Mirrors grep's short and long options, its messages and exit codes (0 matched, 1 not, 2 trouble).
"""

from __future__ import annotations

import re

from .common import Result, _Usage, _getopt, _lines, _try
from ...regexvm import PatternTooBig
from .regex import TOO_BIG, _RegexError, linear_or_re, posix_to_python


_GREP_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\n" + _try("grep")
_GREP_LONG = {
    "extended-regexp": "E", "fixed-strings": "F", "basic-regexp": "G", "regexp": "e=", "file": "f=",
    "ignore-case": "i", "no-ignore-case": "no-i", "word-regexp": "w", "line-regexp": "x",
    "invert-match": "v", "count": "c", "only-matching": "o", "quiet": "q", "silent": "q",
    "line-number": "n", "max-count": "m=", "after-context": "A=", "before-context": "B=",
    "context": "C=", "color": "color?", "colour": "color?", "with-filename": "H", "no-filename": "h",
    "no-messages": "s", "files-with-matches": "l", "files-without-match": "L", "byte-offset": "b",
    "initial-tab": "T", "text": "a", "perl-regexp": "P",
}


def _grep(argv: list[str], stdin: str) -> Result:
    try:
        opts, rest = _getopt("grep", argv, "EFGiywxvcoqsnHhlLbTaPUz", "efmABCd", _GREP_LONG)
    except _Usage as e:
        return "", e.message + "\n" + _GREP_USAGE, 2
    patterns: list[str] = []
    o = {k for k, _ in opts}
    mode = "G"
    max_count = -1
    after = before = 0
    for k, v in opts:
        if k in ("E", "F", "G", "P"):
            mode = k
        elif k == "e":
            patterns.append(v)
        elif k == "f":
            return "", f"grep: {v}: No such file or directory\n", 2
        elif k in ("m", "A", "B", "C"):
            try:
                num = int(v)
                if num < 0 and k != "m":
                    raise ValueError
            except ValueError:
                what = {"m": "max count", "A": "context length", "B": "context length", "C": "context length"}[k]
                return "", f"grep: invalid {what} argument\n", 2
            if k == "m":
                max_count = num
            elif k == "A":
                after = num
            elif k == "B":
                before = num
            else:
                after = before = num
    if mode == "P":
        mode = "E"
    if not patterns:
        if not rest:
            return "", _GREP_USAGE, 2
        patterns = rest[0].split("\n")
        rest = rest[1:]
    else:
        patterns = [p for pat in patterns for p in pat.split("\n")]
    ignore = "i" in o or "y" in o
    errors = ""
    if rest:
        errors = "".join(f"grep: {f}: No such file or directory\n" for f in rest if f != "-")
        if all(f != "-" for f in rest):
            return "", errors, 2
    warn = ""
    pys: list[str] = []
    for p in patterns:
        if mode == "F":
            py = re.escape(p)
        else:
            try:
                py, ws = posix_to_python(p, mode == "E")
            except _RegexError as e:
                return "", f"grep: {e}\n", 2
            warn += "".join(f"grep: warning: {w}\n" for w in ws)
        if "w" in o:
            py = r"(?<!\w)(?:" + py + r")(?!\w)"
        if "x" in o:
            py = r"^(?:" + py + r")$"
        pys.append(py)
    try:
        rx = linear_or_re("|".join("(?:%s)" % p for p in pys), ignore)
    except re.error:
        return "", "grep: Invalid regular expression\n", 2
    except PatternTooBig:
        return "", "grep: " + TOO_BIG + "\n", 2
    invert = "v" in o
    eol = "\0" if "z" in o else "\n"  # -z: NUL-terminated records
    lines = _lines(stdin) if eol == "\n" else [x for x in stdin.split("\0")][: -1 if stdin.endswith("\0") else None]
    if eol != "\n" and stdin == "":
        lines = []
    selected: list[int] = []
    for idx, line in enumerate(lines):
        if max_count >= 0 and len(selected) >= max_count:
            break
        if rx.search(line) != invert:
            selected.append(idx)
    status = 0 if selected else 1
    if errors:
        status = 2
    if "q" in o:
        return "", warn, 0 if selected else status
    if "c" in o:
        return f"{len(selected)}\n", warn + errors, status
    if "l" in o or "L" in o:
        name = "(standard input)"
        show = bool(selected) if "l" in o else not selected
        return (name + "\n" if show else ""), warn + errors, status
    number = "n" in o
    out: list[str] = []
    if "o" in o:
        if not invert:
            for idx in selected:
                for a, b in rx.spans(lines[idx]):
                    if b > a:
                        out.append((f"{idx + 1}:" if number else "") + lines[idx][a:b] + eol)
        return "".join(out), warn + errors, status
    if after or before:
        shown: dict[int, str] = {}
        for idx in selected:
            for j in range(max(0, idx - before), min(len(lines), idx + after + 1)):
                if j == idx:
                    shown[j] = ":"
                else:
                    shown.setdefault(j, "-")
        last = -2
        for j in sorted(shown):
            if last >= 0 and j != last + 1:
                out.append("--" + eol)
            out.append((f"{j + 1}{shown[j]}" if number else "") + lines[j] + eol)
            last = j
        return "".join(out), warn + errors, status
    for idx in selected:
        out.append((f"{idx + 1}:" if number else "") + lines[idx] + eol)
    return "".join(out), warn + errors, status
