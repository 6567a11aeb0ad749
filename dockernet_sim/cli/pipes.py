"""The text filters people pipe docker output into, as Debian bookworm prints them.

GNU grep 3.8 (BRE/ERE translated to Python ``re``), GNU coreutils head, tail,
wc, sort, uniq, cut, cat (C.UTF-8 locale: byte order, ‘’ quotes in messages),
mawk's ``{print $N}`` programs, and jq 1.6's path filters and pretty printer.
Each takes the argument vector and standard input and returns
``(stdout, stderr, exit_code)``; an unknown program is bash's
``command not found`` (127).  Nothing here raises on bad input.

>>> run_filter(["grep", "-i", "ipaddress"], '"IPAddress": "172.17.0.2",\\n"Gateway": ""\\n')
('"IPAddress": "172.17.0.2",\\n', '', 0)
"""

from __future__ import annotations

import re
from typing import Callable

__all__ = ["FILTERS", "run_filter"]

Result = tuple[str, str, int]


def _lines(text: str) -> list[str]:
    """Lines without their newlines; a last line with no newline still counts."""
    if not text:
        return []
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return parts


# --------------------------------------------------------------------------
# POSIX regular expressions (GNU flavour) -> Python re


class _RegexError(Exception):
    pass


_CLASSES = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "0-9A-Za-z", "upper": "A-Z", "lower": "a-z",
    "space": " \\t\\n\\r\\f\\v", "blank": " \\t", "punct": "!-/:-@\\[-`{-~", "print": " -~",
    "graph": "!-~", "cntrl": "\\x00-\\x1f\\x7f", "xdigit": "0-9A-Fa-f",
}


def _class_char(c: str) -> str:
    return "\\" + c if c in "\\]^-[&|~" else c


def _bracket(pat: str, i: int) -> tuple[str, int]:
    """Parse a bracket expression starting at pat[i] == '['; return (python class, next index)."""
    n = len(pat)
    j = i + 1
    if j >= n:
        raise _RegexError("Invalid regular expression")
    negate = pat[j] == "^"
    if negate:
        j += 1
    start = j
    items: list[str] = []
    first = True
    while True:
        if j >= n:
            raise _RegexError("Unmatched [, [^, [:, [., or [=")
        c = pat[j]
        if c == "]" and not first:
            j += 1
            break
        first = False
        if c == "[" and j + 1 < n and pat[j + 1] in ":.=":
            kind = pat[j + 1]
            end = pat.find(kind + "]", j + 2)
            if end < 0:
                raise _RegexError("Unmatched [, [^, [:, [., or [=")
            name = pat[j + 2 : end]
            j = end + 2
            if kind == ":":
                if name not in _CLASSES:
                    raise _RegexError("Invalid character class name")
                items.append(_CLASSES[name])
            else:
                items.append("".join(_class_char(ch) for ch in name))
            continue
        j += 1
        if j + 1 < n and pat[j] == "-" and pat[j + 1] != "]":
            hi = pat[j + 1]
            j += 2
            if ord(hi) < ord(c):
                raise _RegexError("Invalid range end")
            items.append(_class_char(c) + "-" + _class_char(hi))
        else:
            items.append(_class_char(c))
    body = pat[start : j - 1]
    if len(body) >= 3 and body[0] == ":" and body[-1] == ":" and body[1:-1].isalpha():
        raise _RegexError("character class syntax is [[:space:]], not [:space:]")
    return "[" + ("^" if negate else "") + "".join(items) + "]", j


def _interval(body: str) -> tuple[int, int | None] | None:
    m = re.fullmatch(r"(\d*)(,(\d*))?", body)
    if not m or (m.group(1) == "" and m.group(2) is None):
        return None
    lo = int(m.group(1)) if m.group(1) else 0
    if m.group(2) is None:
        hi: int | None = lo
    else:
        hi = int(m.group(3)) if m.group(3) else None
    return lo, hi


def posix_to_python(pat: str, extended: bool) -> tuple[str, list[str]]:
    """Translate a GNU BRE (or ERE) into a Python pattern; returns (pattern, warnings).
    Raises _RegexError with GNU grep's message."""
    n = len(pat)
    warnings: list[str] = []
    stack: list[list[str]] = [[]]  # alternatives-aware token lists per group
    quantified: list[list[bool]] = [[]]
    groups_open = 0
    groups_closed = 0
    i = 0
    at_start = True

    def atom(s: str) -> None:
        stack[-1].append(s)
        quantified[-1].append(False)

    def quant(q: str) -> None:
        toks, qs = stack[-1], quantified[-1]
        if not toks or toks[-1] == "|":
            return
        if qs[-1]:
            toks[-1] = "(?:" + toks[-1] + ")" + q
        else:
            toks[-1] += q
        qs[-1] = True

    while i < n:
        c = pat[i]
        if c == "\\":
            if i + 1 >= n:
                raise _RegexError("Trailing backslash")
            d = pat[i + 1]
            i += 2
            if not extended and d == "(":
                stack.append([])
                quantified.append([])
                groups_open += 1
                at_start = True
                continue
            if not extended and d == ")":
                if len(stack) == 1:
                    raise _RegexError("Unmatched ) or \\)")
                inner = "".join(stack.pop())
                quantified.pop()
                groups_closed += 1
                atom("(" + inner + ")")
                at_start = False
                continue
            if not extended and d == "|":
                stack[-1].append("|")
                quantified[-1].append(False)
                at_start = True
                continue
            if not extended and d == "{":
                close = pat.find("\\}", i)
                if close < 0:
                    raise _RegexError("Unmatched \\{")
                iv = _interval(pat[i:close])
                if iv is None or (iv[1] is not None and iv[0] > iv[1]):
                    raise _RegexError("Invalid content of \\{\\}")
                if iv[0] > 32767 or (iv[1] or 0) > 32767:
                    raise _RegexError("Regular expression too big")
                i = close + 2
                if at_start:
                    atom(re.escape("{"))
                else:
                    quant("{%d,%s}" % (iv[0], "" if iv[1] is None else iv[1]))
                continue
            if not extended and d in "+?":
                if at_start:
                    atom(re.escape(d))
                    at_start = False
                else:
                    quant(d)
                continue
            if d.isdigit() and d != "0":
                if int(d) > groups_closed:
                    raise _RegexError("Invalid back reference")
                atom("\\" + d)
            elif d == "<":
                atom(r"\b(?=\w)")
            elif d == ">":
                atom(r"\b(?<=\w)")
            elif d in "bBwWsS":
                atom("\\" + d)
            elif d == "`":
                atom(r"\A")
            elif d == "'":
                atom(r"\Z")
            else:
                atom(re.escape(d))
            at_start = False
            continue
        if c == "[":
            cls, i = _bracket(pat, i)
            atom(cls)
            at_start = False
            continue
        i += 1
        if c == "*":
            if at_start:
                if extended:
                    warnings.append("* at start of expression")
                else:
                    atom(re.escape("*"))
                    at_start = False
            else:
                quant("*")
            continue
        if c == "^":
            if extended or at_start:
                atom("^")
            else:
                atom(re.escape("^"))
            continue
        if c == "$":
            rest = pat[i:]
            if extended or rest == "" or rest.startswith("\\)") or rest.startswith("\\|"):
                atom("$")
            else:
                atom(re.escape("$"))
            at_start = False
            continue
        if extended and c == "(":
            stack.append([])
            quantified.append([])
            groups_open += 1
            at_start = True
            continue
        if extended and c == ")":
            if len(stack) == 1:
                atom(re.escape(")"))
                at_start = False
                continue
            inner = "".join(stack.pop())
            quantified.pop()
            groups_closed += 1
            atom("(" + inner + ")")
            at_start = False
            continue
        if extended and c == "|":
            stack[-1].append("|")
            quantified[-1].append(False)
            at_start = True
            continue
        if extended and c in "+?":
            if at_start:
                warnings.append(c + " at start of expression")
            else:
                quant(c)
            continue
        if extended and c == "{":
            close = pat.find("}", i)
            iv = _interval(pat[i:close]) if close >= 0 else None
            if iv is None:
                atom(re.escape("{"))
                at_start = False
                continue
            if iv[1] is not None and iv[0] > iv[1]:
                raise _RegexError("Invalid content of \\{\\}")
            i = close + 1
            if at_start:
                warnings.append("{...} at start of expression")
            else:
                quant("{%d,%s}" % (iv[0], "" if iv[1] is None else iv[1]))
            continue
        if c == ".":
            atom(".")
        else:
            atom(re.escape(c))
        at_start = False
    if len(stack) > 1:
        raise _RegexError("Unmatched ( or \\(")
    return "".join(stack[0]), warnings


# --------------------------------------------------------------------------
# option parsing shared by the GNU tools


class _Usage(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _getopt(
    prog: str, argv: list[str], flags: str, with_arg: str, long: dict[str, str], permute: bool = True
) -> tuple[list[tuple[str, str]], list[str]]:
    """GNU getopt_long: bundled short flags, options taking a value, ``--``, and
    (GNU's default) options after operands."""
    opts: list[tuple[str, str]] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            rest.extend(argv[i:])
            break
        if a.startswith("--") and len(a) > 2:
            name, eq, val = a[2:].partition("=")
            matches = [k for k in long if k == name] or [k for k in long if k.startswith(name)]
            if len(matches) != 1:
                if not matches:
                    raise _Usage(f"{prog}: unrecognized option '{a}'")
                raise _Usage(f"{prog}: option '{a}' is ambiguous")
            key = long[matches[0]]
            if key.endswith("="):
                if not eq:
                    if i >= len(argv):
                        raise _Usage(f"{prog}: option '--{matches[0]}' requires an argument")
                    val = argv[i]
                    i += 1
                opts.append((key[:-1], val))
            elif key.endswith("?"):
                opts.append((key[:-1], val))
            else:
                if eq:
                    raise _Usage(f"{prog}: option '--{matches[0]}' doesn't allow an argument")
                opts.append((key, ""))
            continue
        if a.startswith("-") and len(a) > 1:
            j = 1
            while j < len(a):
                ch = a[j]
                j += 1
                if ch in with_arg:
                    val = a[j:]
                    if not val:
                        if i >= len(argv):
                            raise _Usage(f"{prog}: option requires an argument -- '{ch}'")
                        val = argv[i]
                        i += 1
                    opts.append((ch, val))
                    break
                if ch in flags:
                    opts.append((ch, ""))
                    continue
                raise _Usage(f"{prog}: invalid option -- '{ch}'")
            continue
        rest.append(a)
        if not permute:
            rest.extend(argv[i:])
            break
    return opts, rest


def _try(prog: str) -> str:
    return f"Try '{prog} --help' for more information.\n"


# --------------------------------------------------------------------------
# grep

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
        rx = re.compile("|".join("(?:%s)" % p for p in pys), re.IGNORECASE if ignore else 0)
    except re.error:
        return "", "grep: Invalid regular expression\n", 2
    invert = "v" in o
    eol = "\0" if "z" in o else "\n"  # -z: NUL-terminated records
    lines = _lines(stdin) if eol == "\n" else [x for x in stdin.split("\0")][: -1 if stdin.endswith("\0") else None]
    if eol != "\n" and stdin == "":
        lines = []
    selected: list[int] = []
    for idx, line in enumerate(lines):
        if max_count >= 0 and len(selected) >= max_count:
            break
        if (rx.search(line) is not None) != invert:
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
                for m in rx.finditer(lines[idx]):
                    if m.group(0):
                        out.append((f"{idx + 1}:" if number else "") + m.group(0) + eol)
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


# --------------------------------------------------------------------------
# head, tail


def _records(text: str, nul: bool) -> list[str]:
    """Lines (or NUL-terminated records) with their terminators, as head and tail count them."""
    sep = "\0" if nul else "\n"
    parts = text.split(sep)
    out = [p + sep for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def _count_arg(prog: str, what: str, v: str) -> tuple[int, str] | str:
    """A GNU count with optional sign; returns (value, sign) or an error message."""
    s = v.strip()
    sign = s[:1] if s[:1] in "+-" else ""
    body = s[1:] if sign else s
    mult = {"": 1, "b": 512, "K": 1024, "KiB": 1024, "kB": 1000, "M": 1024**2, "MB": 1000**2, "G": 1024**3}
    m = re.fullmatch(r"(\d+)([A-Za-z]*)", body)
    if not m or m.group(2) not in mult:
        return f"{prog}: invalid number of {what}: ‘{v}’\n"
    return int(m.group(1)) * mult[m.group(2)], sign


def _head(argv: list[str], stdin: str) -> Result:
    argv = [("-n" + a[1:]) if re.fullmatch(r"-\d+", a) and (i == 0 or argv[i - 1] not in ("-n", "-c")) else a
            for i, a in enumerate(argv)]
    try:
        opts, rest = _getopt("head", argv, "qvz", "nc", {"lines": "n=", "bytes": "c=", "quiet": "q",
                                                         "silent": "q", "verbose": "v"})
    except _Usage as e:
        return "", e.message + "\n" + _try("head"), 1
    count, unit, neg = 10, "n", False
    for k, v in opts:
        if k in ("n", "c"):
            r = _count_arg("head", "lines" if k == "n" else "bytes", v)
            if isinstance(r, str):
                return "", r, 1
            count, unit, neg = r[0], k, r[1] == "-"
    if rest and any(f != "-" for f in rest):
        bad = [f for f in rest if f != "-"]
        return "", "".join(f"head: cannot open '{f}' for reading: No such file or directory\n" for f in bad), 1
    if unit == "c":
        data = stdin.encode()
        part = data[: len(data) - count] if neg else data[:count]
        return part.decode("utf-8", "replace"), "", 0
    chunks = _records(stdin, any(k == "z" for k, _ in opts))
    part = chunks[: max(len(chunks) - count, 0)] if neg else chunks[:count]
    return "".join(part), "", 0


def _tail(argv: list[str], stdin: str) -> Result:
    fixed = []
    for i, a in enumerate(argv):
        prev = argv[i - 1] if i else ""
        if re.fullmatch(r"[-+]\d+", a) and prev not in ("-n", "-c", "--lines", "--bytes"):
            fixed.append("-n" + ("+" if a[0] == "+" else "") + a[1:])
        else:
            fixed.append(a)
    try:
        opts, rest = _getopt("tail", fixed, "qvfFz", "ncs", {"lines": "n=", "bytes": "c=", "quiet": "q",
                                                              "silent": "q", "verbose": "v", "follow": "f"})
    except _Usage as e:
        return "", e.message + "\n" + _try("tail"), 1
    count, unit, from_start = 10, "n", False
    for k, v in opts:
        if k in ("n", "c"):
            r = _count_arg("tail", "lines" if k == "n" else "bytes", v)
            if isinstance(r, str):
                return "", r, 1
            count, unit, from_start = r[0], k, r[1] == "+"
    if rest and any(f != "-" for f in rest):
        bad = [f for f in rest if f != "-"]
        return "", "".join(f"tail: cannot open '{f}' for reading: No such file or directory\n" for f in bad), 1
    if unit == "c":
        data = stdin.encode()
        part = data[max(count - 1, 0):] if from_start else (data[-count:] if count else b"")
        return part.decode("utf-8", "replace"), "", 0
    chunks = _records(stdin, any(k == "z" for k, _ in opts))
    part = chunks[max(count - 1, 0):] if from_start else (chunks[-count:] if count else [])
    return "".join(part), "", 0


# --------------------------------------------------------------------------
# wc, cat, sort, uniq, cut


def _wc(argv: list[str], stdin: str) -> Result:
    try:
        opts, rest = _getopt("wc", argv, "lwcmL", "", {"lines": "l", "words": "w", "bytes": "c", "chars": "m",
                                                       "max-line-length": "L"})
    except _Usage as e:
        return "", e.message + "\n" + _try("wc"), 1
    if rest and any(f != "-" for f in rest):
        bad = [f for f in rest if f != "-"]
        return "", "".join(f"wc: {f}: No such file or directory\n" for f in bad), 1
    which = {k for k, _ in opts} or {"l", "w", "c"}
    values = []
    for k in "lwmcL":
        if k not in which:
            continue
        if k == "l":
            values.append(stdin.count("\n"))
        elif k == "w":
            values.append(len(stdin.split()))
        elif k == "m":
            values.append(len(stdin))
        elif k == "c":
            values.append(len(stdin.encode()))
        else:
            values.append(max((len(x.expandtabs(8)) for x in stdin.split("\n")), default=0))
    if len(values) == 1:
        return f"{values[0]}\n", "", 0
    return " ".join("%7d" % v for v in values) + "\n", "", 0


def _cat(argv: list[str], stdin: str) -> Result:
    files = [a for a in argv if a != "-" and not a.startswith("-")]
    if files:
        return "", "".join(f"cat: {f}: No such file or directory\n" for f in files), 1
    return stdin, "", 0


def _num_prefix(s: str) -> float:
    m = re.match(r"\s*(-?\d*(?:\.\d*)?)", s)
    try:
        return float(m.group(1)) if m and m.group(1) not in ("", "-", ".", "-.") else 0.0
    except ValueError:
        return 0.0


def _sort(argv: list[str], stdin: str) -> Result:
    try:
        opts, rest = _getopt("sort", argv, "rnufbsVh", "kt", {"reverse": "r", "numeric-sort": "n", "unique": "u",
                                                             "ignore-case": "f", "key": "k=", "field-separator": "t=",
                                                             "stable": "s", "version-sort": "V"})
    except _Usage as e:
        return "", e.message + "\n" + _try("sort"), 2
    if rest and any(f != "-" for f in rest):
        bad = [f for f in rest if f != "-"][0]
        return "", f"sort: cannot read: {bad}: No such file or directory\n", 2
    o = {k for k, _ in opts}
    sep = None
    key_field: tuple[int, int | None] | None = None
    for k, v in opts:
        if k == "t":
            if len(v) != 1:
                return "", "sort: multi-character tab ‘%s’\n" % v, 2
            sep = v
        elif k == "k":
            m = re.fullmatch(r"(\d+)(?:\.\d+)?[a-zA-Z]*(?:,(\d+)(?:\.\d+)?[a-zA-Z]*)?", v)
            if not m or m.group(1) == "0":
                return "", f"sort: invalid number at field start: invalid count at start of ‘{v}’\n", 2
            key_field = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)
            if "n" in v[len(m.group(1)):]:
                o.add("n")
    lines = _lines(stdin)

    def key_text(line: str) -> str:
        if key_field is None:
            return line
        if sep is None:
            fields = re.findall(r"\s*\S+", line)
        else:
            fields = line.split(sep)
        a, b = key_field
        sel = fields[a - 1 : (b if b is not None else len(fields))]
        return (sep or "").join(sel) if sep is not None else "".join(sel)

    def k(line: str) -> tuple:
        t = key_text(line)
        if "f" in o:
            t = t.upper()
        if "n" in o:
            return (_num_prefix(t),)
        return (t.encode("utf-8", "surrogateescape"),)

    def full(line: str) -> tuple:
        return k(line) + ((line.encode("utf-8", "surrogateescape"),) if "s" not in o and "u" not in o else ())

    out = sorted(lines, key=full, reverse="r" in o)
    if "u" in o:
        seen: list[str] = []
        last = None
        for line in out:
            kk = k(line)
            if kk != last:
                seen.append(line)
                last = kk
        out = seen
    return "".join(x + "\n" for x in out), "", 0


def _uniq(argv: list[str], stdin: str) -> Result:
    try:
        opts, rest = _getopt("uniq", argv, "cdui", "fs", {"count": "c", "repeated": "d", "unique": "u",
                                                          "ignore-case": "i"})
    except _Usage as e:
        return "", e.message + "\n" + _try("uniq"), 1
    if rest and rest[0] != "-":
        return "", f"uniq: {rest[0]}: No such file or directory\n", 1
    o = {k for k, _ in opts}
    groups: list[list[str]] = []
    for line in _lines(stdin):
        if groups and (groups[-1][0].lower() == line.lower() if "i" in o else groups[-1][0] == line):
            groups[-1].append(line)
        else:
            groups.append([line])
    out = []
    for g in groups:
        if "d" in o and len(g) < 2:
            continue
        if "u" in o and len(g) > 1:
            continue
        out.append(("%7d " % len(g) if "c" in o else "") + g[0] + "\n")
    return "".join(out), "", 0


def _parse_list(spec: str, what: str) -> list[tuple[int, int | None]] | str:
    ranges: list[tuple[int, int | None]] = []
    for part in spec.split(","):
        m = re.fullmatch(r"(\d*)(-?)(\d*)", part)
        if not m or (not m.group(1) and not m.group(3) and m.group(2)) or not part:
            return f"cut: invalid field value ‘{part}’\n" if part else "cut: invalid range with no endpoint: -\n"
        lo = int(m.group(1)) if m.group(1) else 1
        hi = (int(m.group(3)) if m.group(3) else None) if m.group(2) else lo
        if lo == 0 or hi == 0:
            return f"cut: {what} are numbered from 1\n"
        if hi is not None and hi < lo:
            return "cut: invalid decreasing range\n"
        ranges.append((lo, hi))
    return ranges


def _cut(argv: list[str], stdin: str) -> Result:
    try:
        opts, rest = _getopt("cut", argv, "sn", "dfcb", {"delimiter": "d=", "fields": "f=", "characters": "c=",
                                                         "bytes": "b=", "only-delimited": "s",
                                                         "output-delimiter": "O="})
    except _Usage as e:
        return "", e.message + "\n" + _try("cut"), 1
    delim = "\t"
    mode = None
    spec = ""
    out_delim = None
    o = {k for k, _ in opts}
    for k, v in opts:
        if k == "d":
            if len(v) != 1:
                return "", "cut: the delimiter must be a single character\n" + _try("cut"), 1
            delim = v
        elif k in ("f", "c", "b"):
            if mode is not None:
                return "", "cut: only one type of list may be specified\n" + _try("cut"), 1
            mode, spec = k, v
        elif k == "O":
            out_delim = v
    if mode is None:
        return "", "cut: you must specify a list of bytes, characters, or fields\n" + _try("cut"), 1
    if "d" in o and mode != "f":
        return "", "cut: an input delimiter may be specified only when operating on fields\n" + _try("cut"), 1
    ranges = _parse_list(spec, "fields" if mode == "f" else "byte/character positions")
    if isinstance(ranges, str):
        return "", ranges + _try("cut"), 1
    if rest and any(f != "-" for f in rest):
        bad = [f for f in rest if f != "-"]
        return "", "".join(f"cut: {f}: No such file or directory\n" for f in bad), 1

    def wanted(i: int) -> bool:
        return any(lo <= i and (hi is None or i <= hi) for lo, hi in ranges)

    out = []
    for line in _lines(stdin):
        if mode == "f":
            if delim not in line:
                if "s" not in o:
                    out.append(line + "\n")
                continue
            fields = line.split(delim)
            sel = [f for i, f in enumerate(fields, 1) if wanted(i)]
            out.append((out_delim if out_delim is not None else delim).join(sel) + "\n")
        else:
            data = line.encode()
            sel_b = bytes(b for i, b in enumerate(data, 1) if wanted(i))
            out.append(sel_b.decode("utf-8", "replace") + "\n")
    return "".join(out), "", 0


# --------------------------------------------------------------------------
# awk: the print programs people use on docker output (mawk 1.3.4)


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
            py, _ = posix_to_python(cond[1:-1], True)
            cond_rx = re.compile(py)
        except (_RegexError, re.error):
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


# --------------------------------------------------------------------------
# jq 1.6: paths, iteration, pipes and a few builtins; its printer and messages

class _JqError(Exception):
    """A runtime error: ``jq: error (at <stdin>:N): MSG``, exit 5."""


class _JqCompileError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


_JQ_TOKEN = re.compile(
    r"""(?P<ws>\s+)|(?P<comment>\#[^\n]*)|(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<str>"(?:[^"\\]|\\.)*")"""
    r"""|(?P<field>\.[A-Za-z_][A-Za-z0-9_]*)|(?P<var>\$[A-Za-z_][A-Za-z0-9_]*)|(?P<ident>[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)"""
    r"""|(?P<op>\.\.|\?//|//|==|!=|<=|>=|\|=|\+=|-=|\*=|/=|%=|//=|[.\[\]{}()|,:;?<>+\-*/%=])"""
)


def _jq_lex(prog: str) -> list[tuple[str, str, int]]:
    toks: list[tuple[str, str, int]] = []
    depth: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    i = 0
    while i < len(prog):
        m = _JQ_TOKEN.match(prog, i)
        if not m:
            toks.append(("INVALID_CHARACTER", prog[i], i))
            return toks
        kind = m.lastgroup or ""
        text = m.group(0)
        if kind in ("ws", "comment"):
            i = m.end()
            continue
        if kind == "op" and text in "([{":
            depth.append(text)
        elif kind == "op" and text in ")]}":
            if not depth or depth[-1] != pairs[text]:
                toks.append(("INVALID_CHARACTER", text, i))
                return toks
            depth.pop()
        toks.append((kind, text, i))
        i = m.end()
    toks.append(("$end", "", max(len(prog) - 1, 0)))
    return toks


_JQ_KEYWORDS = {"and", "or", "not_kw", "if", "then", "elif", "else", "end", "as", "def", "reduce", "foreach",
                "try", "catch", "label", "import", "include", "__loc__"}


class _JqParser:
    """Recursive descent over jq's grammar (the subset people type at a shell)."""

    def __init__(self, prog: str) -> None:
        self.prog = prog
        self.toks = _jq_lex(prog)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.i]

    def next(self) -> tuple[str, str, int]:
        t = self.toks[self.i]
        if t[0] not in ("$end", "INVALID_CHARACTER"):
            self.i += 1
        return t

    def fail(self, t: tuple[str, str, int], expecting: str = "") -> None:
        name = {"$end": "$end", "INVALID_CHARACTER": "INVALID_CHARACTER", "num": "LITERAL", "str": "QQSTRING_START",
                "field": "FIELD", "ident": "IDENT", "var": "'$'"}.get(t[0], "'%s'" % t[1])
        if t[0] == "op" and t[1] in ("..", "//", "==", "!=", "<=", ">=", "?//"):
            name = {"..": "REC", "//": "\"//\"", "==": "\"==\"", "!=": "\"!=\"", "<=": "\"<=\"",
                    ">=": "\">=\"", "?//": "\"?//\""}[t[1]]
        if t[0] == "ident" and t[1] in ("and", "or", "if", "then", "else", "end", "elif", "as", "def"):
            name = t[1]
        msg = "syntax error, unexpected " + name + (", expecting " + expecting if expecting else "")
        raise _JqCompileError(msg, t[2])

    def expect(self, text: str) -> None:
        t = self.next()
        if t[1] != text or t[0] not in ("op",):
            self.fail(t)

    def parse(self) -> tuple:
        node = self.pipe()
        t = self.peek()
        if t[0] != "$end":
            self.fail(t, "$end")
        return node

    def pipe(self) -> tuple:
        left = self.comma()
        if self.peek()[1] == "|" and self.peek()[0] == "op":
            self.next()
            return ("pipe", left, self.pipe())
        return left

    def comma(self) -> tuple:
        left = self.alt()
        while self.peek()[1] == "," and self.peek()[0] == "op":
            self.next()
            left = ("comma", left, self.alt())
        return left

    def alt(self) -> tuple:
        left = self.or_()
        if self.peek()[1] == "//" and self.peek()[0] == "op":
            self.next()
            return ("alt", left, self.alt())
        return left

    def or_(self) -> tuple:
        left = self.and_()
        while self.peek() [0] == "ident" and self.peek()[1] == "or":
            self.next()
            left = ("or", left, self.and_())
        return left

    def and_(self) -> tuple:
        left = self.cmp()
        while self.peek()[0] == "ident" and self.peek()[1] == "and":
            self.next()
            left = ("and", left, self.cmp())
        return left

    def cmp(self) -> tuple:
        left = self.add()
        t = self.peek()
        if t[0] == "op" and t[1] in ("==", "!=", "<", "<=", ">", ">="):
            self.next()
            return ("cmp", t[1], left, self.add())
        return left

    def add(self) -> tuple:
        left = self.mul()
        while self.peek()[0] == "op" and self.peek()[1] in "+-" and len(self.peek()[1]) == 1:
            op = self.next()[1]
            left = ("arith", op, left, self.mul())
        return left

    def mul(self) -> tuple:
        left = self.postfix()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/", "%"):
            op = self.next()[1]
            left = ("arith", op, left, self.postfix())
        return left

    def postfix(self) -> tuple:
        node = self.term()
        while True:
            t = self.peek()
            if t[0] == "field":
                self.next()
                node = ("index", node, ("lit", t[1][1:]))
            elif t[0] == "op" and t[1] == "." and self.toks[self.i + 1][0] == "str":
                self.next()
                s = self.next()
                node = ("index", node, ("lit", _jq_unquote(s[1])))
            elif t[0] == "op" and t[1] == "[":
                node = self.bracket(node)
            elif t[0] == "op" and t[1] == "?":
                self.next()
                node = ("try", node)
            elif t[0] == "op" and t[1] == "." and self.toks[self.i + 1][1] == "[":
                self.next()
                node = self.bracket(node)
            elif t[0] == "op" and t[1] == ".":
                self.next()
                self.fail(self.peek(), "FORMAT or QQSTRING_START")
            else:
                return node

    def bracket(self, node: tuple) -> tuple:
        self.expect("[")
        t = self.peek()
        if t[0] == "op" and t[1] == "]":
            self.next()
            return ("iter", node)
        if t[0] == "op" and t[1] == ":":
            self.next()
            hi = self.pipe()
            self.expect("]")
            return ("slice", node, None, hi)
        idx = self.pipe()
        if self.peek()[0] == "op" and self.peek()[1] == ":":
            self.next()
            hi = None
            if not (self.peek()[0] == "op" and self.peek()[1] == "]"):
                hi = self.pipe()
            self.expect("]")
            return ("slice", node, idx, hi)
        self.expect("]")
        return ("index", node, idx)

    def term(self) -> tuple:
        t = self.next()
        kind, text = t[0], t[1]
        if kind == "op" and text == ".":
            nt = self.peek()
            if nt[0] == "str":
                self.next()
                return ("index", ("id",), ("lit", _jq_unquote(nt[1])))
            return ("id",)
        if kind == "op" and text == "..":
            return ("recurse",)
        if kind == "field":
            return ("index", ("id",), ("lit", text[1:]))
        if kind == "num":
            return ("lit", float(text))
        if kind == "str":
            return ("lit", _jq_unquote(text))
        if kind == "op" and text == "(":
            inner = self.pipe()
            self.expect(")")
            return inner
        if kind == "op" and text == "[":
            if self.peek()[0] == "op" and self.peek()[1] == "]":
                self.next()
                return ("array", None)
            inner = self.pipe()
            self.expect("]")
            return ("array", inner)
        if kind == "op" and text == "{":
            return self.obj()
        if kind == "op" and text == "-":
            return ("neg", self.postfix())
        if kind == "ident" and text not in ("and", "or", "then", "else", "end", "elif", "as"):
            args: list[tuple] = []
            if self.peek()[0] == "op" and self.peek()[1] == "(":
                self.next()
                args.append(self.pipe())
                while self.peek()[0] == "op" and self.peek()[1] == ";":
                    self.next()
                    args.append(self.pipe())
                self.expect(")")
            return ("call", text, args, t[2])
        if kind == "var" and text == "$__loc__":
            return ("lit", {"file": "<stdin>", "line": 1})
        self.fail(t)
        raise AssertionError  # pragma: no cover

    def obj(self) -> tuple:
        entries: list[tuple[tuple, tuple]] = []
        if self.peek()[0] == "op" and self.peek()[1] == "}":
            self.next()
            return ("object", entries)
        while True:
            t = self.next()
            if t[0] in ("ident", "field") or (t[0] == "ident"):
                key: tuple = ("lit", t[1].lstrip("."))
                default: tuple = ("index", ("id",), key)
            elif t[0] == "str":
                key = ("lit", _jq_unquote(t[1]))
                default = ("index", ("id",), key)
            elif t[0] == "var":
                key = ("lit", t[1][1:])
                default = ("lit", None)
            elif t[0] == "op" and t[1] == "(":
                key = self.pipe()
                self.expect(")")
                default = ("index", ("id",), key)
            else:
                self.fail(t)
                raise AssertionError  # pragma: no cover
            if self.peek()[0] == "op" and self.peek()[1] == ":":
                self.next()
                value = self.alt_noncomma()
            else:
                value = default
            entries.append((key, value))
            t = self.next()
            if t[0] == "op" and t[1] == "}":
                return ("object", entries)
            if not (t[0] == "op" and t[1] == ","):
                self.fail(t)

    def alt_noncomma(self) -> tuple:
        left = self.alt()
        if self.peek()[0] == "op" and self.peek()[1] == "|":
            self.next()
            return ("pipe", left, self.alt_noncomma())
        return left


def _jq_unquote(s: str) -> str:
    import json as _json

    try:
        return _json.loads(s)
    except ValueError:
        return s[1:-1]


def _jq_type(v: object) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _jq_trunc(v: object) -> str:
    s = _jq_dump(v, None, False)
    if len(s.encode()) > 14:
        s = s.encode()[:11].decode("utf-8", "ignore") + "..."
    return s


def _jq_num(x: float) -> str:
    """jq 1.6's number printer (jvp_dtoa_fmt): shortest digits, exponent form
    when the decimal point is more than 15 places past them or before 1e-4."""
    import math as _math

    if isinstance(x, bool):
        return "true" if x else "false"
    x = float(x)
    if _math.isnan(x):
        return "null"
    if _math.isinf(x):
        return "1.7976931348623157e+308" if x > 0 else "-1.7976931348623157e+308"
    if x == 0:
        return "-0" if _math.copysign(1.0, x) < 0 else "0"
    r = repr(abs(x))
    mant, _, ex = r.partition("e")
    ip, _, fp = mant.partition(".")
    if fp == "0":
        fp = ""
    digits = (ip + fp).lstrip("0")
    decpt = len(ip) + (int(ex) if ex else 0) - (len(ip + fp) - len((ip + fp).lstrip("0")))
    digits = digits.rstrip("0") or "0"
    sign = "-" if x < 0 else ""
    nd = len(digits)
    if decpt <= -4 or decpt > nd + 15:
        e = decpt - 1
        body = digits[0] + ("." + digits[1:] if nd > 1 else "")
        return sign + body + "e" + ("-" if e < 0 else "+") + "%02d" % abs(e)
    if decpt <= 0:
        return sign + "0." + "0" * (-decpt) + digits
    if decpt >= nd:
        return sign + digits + "0" * (decpt - nd)
    return sign + digits[:decpt] + "." + digits[decpt:]


def _jq_str(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in _JQ_ESC:
            out.append(_JQ_ESC[ch])
        elif o < 0x20 or o == 0x7F:
            out.append("\\u%04x" % o)
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_JQ_ESC = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def _jq_dump(v: object, indent: int | None, sort_keys: bool, level: int = 0) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return _jq_num(v)
    if isinstance(v, str):
        return _jq_str(v)
    if isinstance(v, list):
        if not v:
            return "[]"
        if indent is None:
            return "[" + ",".join(_jq_dump(x, None, sort_keys) for x in v) + "]"
        pad = " " * (indent * (level + 1))
        inner = (",\n").join(pad + _jq_dump(x, indent, sort_keys, level + 1) for x in v)
        return "[\n" + inner + "\n" + " " * (indent * level) + "]"
    assert isinstance(v, dict)
    if not v:
        return "{}"
    items = sorted(v.items()) if sort_keys else list(v.items())
    if indent is None:
        return "{" + ",".join(_jq_str(k) + ":" + _jq_dump(x, None, sort_keys) for k, x in items) + "}"
    pad = " " * (indent * (level + 1))
    inner = (",\n").join(pad + _jq_str(k) + ": " + _jq_dump(x, indent, sort_keys, level + 1) for k, x in items)
    return "{\n" + inner + "\n" + " " * (indent * level) + "}"


def _jq_index(v: object, k: object) -> object:
    if v is None:
        if isinstance(k, (str, float, int)) or k is None:
            return None
    if isinstance(v, dict) and isinstance(k, str):
        return v.get(k)
    if isinstance(v, list) and isinstance(k, (int, float)) and not isinstance(k, bool):
        i = int(k // 1)
        if i < 0:
            i += len(v)
        return v[i] if 0 <= i < len(v) else None
    if isinstance(k, str):
        raise _JqError('Cannot index %s with string "%s"' % (_jq_type(v), k))
    if isinstance(k, (int, float)) and not isinstance(k, bool):
        raise _JqError("Cannot index %s with number" % _jq_type(v))
    raise _JqError("Cannot index %s with %s" % (_jq_type(v), _jq_type(k)))


def _jq_iter(v: object) -> list:
    if isinstance(v, list):
        return list(v)
    if isinstance(v, dict):
        return list(v.values())
    raise _JqError("Cannot iterate over %s%s" % (_jq_type(v), " (%s)" % _jq_trunc(v)))


def _jq_cmp_key(v: object) -> tuple:
    order = {"null": 0, "boolean": 1, "number": 3, "string": 4, "array": 5, "object": 6}
    t = _jq_type(v)
    if t == "boolean":
        return (1 if v is False else 2, 0)
    if t == "array":
        return (5, tuple(_jq_cmp_key(x) for x in v))  # type: ignore[union-attr]
    if t == "object":
        items = sorted(v.items())  # type: ignore[union-attr]
        return (6, tuple(k for k, _ in items), tuple(_jq_cmp_key(x) for _, x in items))
    return (order[t], v if v is not None else 0)


def _jq_truthy(v: object) -> bool:
    return v is not None and v is not False


def _jq_eval(node: tuple, v: object):  # noqa: C901 - one dispatch over the node kinds
    kind = node[0]
    if kind == "id":
        yield v
    elif kind == "lit":
        yield node[1]
    elif kind == "recurse":
        stack = [v]
        while stack:
            x = stack.pop()
            yield x
            if isinstance(x, list):
                stack.extend(reversed(x))
            elif isinstance(x, dict):
                stack.extend(reversed(list(x.values())))
    elif kind == "index":
        for base in _jq_eval(node[1], v):
            for k in _jq_eval(node[2], v):
                yield _jq_index(base, k)
    elif kind == "slice":
        for base in _jq_eval(node[1], v):
            lo = next(iter(_jq_eval(node[2], v)), None) if node[2] else None
            hi = next(iter(_jq_eval(node[3], v)), None) if node[3] else None
            if base is None:
                yield None
            elif isinstance(base, (list, str)):
                a = None if lo is None else int(lo)
                b = None if hi is None else int(hi)
                yield base[a:b]
            else:
                raise _JqError("Cannot index %s with object" % _jq_type(base))
    elif kind == "iter":
        for base in _jq_eval(node[1], v):
            yield from _jq_iter(base)
    elif kind == "try":
        try:
            yield from list(_jq_eval(node[1], v))
        except _JqError:
            return
    elif kind == "pipe":
        for x in _jq_eval(node[1], v):
            yield from _jq_eval(node[2], x)
    elif kind == "comma":
        yield from _jq_eval(node[1], v)
        yield from _jq_eval(node[2], v)
    elif kind == "alt":
        got = [x for x in _jq_eval(node[1], v) if _jq_truthy(x)]
        if got:
            yield from got
        else:
            yield from _jq_eval(node[2], v)
    elif kind in ("and", "or"):
        for a in _jq_eval(node[1], v):
            if kind == "and" and not _jq_truthy(a):
                yield False
                continue
            if kind == "or" and _jq_truthy(a):
                yield True
                continue
            for b in _jq_eval(node[2], v):
                yield _jq_truthy(b)
    elif kind == "cmp":
        op = node[1]
        for b in _jq_eval(node[3], v):
            for a in _jq_eval(node[2], v):
                ka, kb = _jq_cmp_key(a), _jq_cmp_key(b)
                yield {"==": ka == kb, "!=": ka != kb, "<": ka < kb, "<=": ka <= kb, ">": ka > kb,
                       ">=": ka >= kb}[op]
    elif kind == "arith":
        op = node[1]
        for b in _jq_eval(node[3], v):
            for a in _jq_eval(node[2], v):
                yield _jq_arith(op, a, b)
    elif kind == "neg":
        for a in _jq_eval(node[1], v):
            if not isinstance(a, (int, float)) or isinstance(a, bool):
                raise _JqError("%s (%s) cannot be negated" % (_jq_type(a), _jq_trunc(a)))
            yield -a
    elif kind == "array":
        yield [] if node[1] is None else list(_jq_eval(node[1], v))
    elif kind == "object":
        results: list[dict] = [{}]
        for knode, vnode in node[1]:
            new: list[dict] = []
            for partial in results:
                for k in _jq_eval(knode, v):
                    if not isinstance(k, str):
                        raise _JqError("Object keys must be strings")
                    for val in _jq_eval(vnode, v):
                        d = dict(partial)
                        d[k] = val
                        new.append(d)
            results = new
        yield from results
    elif kind == "call":
        yield from _jq_call(node[1], node[2], v)
    else:  # pragma: no cover
        raise _JqError("unknown expression")


def _jq_arith(op: str, a: object, b: object) -> object:
    num = (int, float)
    if op == "+":
        if a is None:
            return b
        if b is None:
            return a
        if isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool):
            return a + b
        if isinstance(a, str) and isinstance(b, str):
            return a + b
        if isinstance(a, list) and isinstance(b, list):
            return a + b
        if isinstance(a, dict) and isinstance(b, dict):
            return {**a, **b}
        raise _JqError("%s (%s) and %s (%s) cannot be added" % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b)))
    if op == "-":
        if isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool):
            return a - b
        if isinstance(a, list) and isinstance(b, list):
            return [x for x in a if x not in b]
        raise _JqError("%s (%s) and %s (%s) cannot be subtracted" % (_jq_type(a), _jq_trunc(a), _jq_type(b),
                                                                      _jq_trunc(b)))
    if isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool):
        if op == "*":
            return a * b
        if b == 0:
            raise _JqError("%s (%s) and %s (%s) cannot be divided because the divisor is zero"
                           % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b)))
        return a / b if op == "/" else float(int(a) % int(b))
    if op == "/" and isinstance(a, str) and isinstance(b, str):
        return a.split(b) if b else list(a)
    word = {"*": "multiplied", "/": "divided", "%": "divided"}[op]
    raise _JqError("%s (%s) and %s (%s) cannot be %s" % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b), word))


def _jq_length(v: object) -> object:
    if v is None:
        return 0.0
    if isinstance(v, bool):
        raise _JqError("boolean (%s) has no length" % _jq_trunc(v))
    if isinstance(v, (int, float)):
        return abs(v)
    return float(len(v))  # type: ignore[arg-type]


def _jq_keys(v: object, sort: bool) -> list:
    if isinstance(v, dict):
        return sorted(v) if sort else list(v)
    if isinstance(v, list):
        return [float(i) for i in range(len(v))]
    raise _JqError("%s (%s) has no keys" % (_jq_type(v), _jq_trunc(v)))


_JQ_ARITY = {
    "keys": 0, "keys_unsorted": 0, "length": 0, "utf8bytelength": 0, "type": 0, "not": 0, "empty": 0,
    "to_entries": 0, "from_entries": 0, "first": 0, "last": 0, "add": 0, "tostring": 0, "tonumber": 0,
    "ascii_downcase": 0, "ascii_upcase": 0, "sort": 0, "unique": 0, "reverse": 0, "min": 0, "max": 0,
    "values": 0, "null": 0, "true": 0, "false": 0, "tojson": 0, "fromjson": 0, "arrays": 0, "objects": 0,
    "strings": 0, "numbers": 0, "booleans": 0, "nulls": 0, "iterables": 0, "scalars": 0, "flatten": 0,
    "map": 1, "select": 1, "has": 1, "join": 1, "startswith": 1, "endswith": 1, "split": 1, "sort_by": 1,
    "group_by": 1, "unique_by": 1, "map_values": 1, "with_entries": 1, "contains": 1, "inside": 1, "index": 1,
    "ltrimstr": 1, "rtrimstr": 1, "test": 1, "any": 0, "all": 0, "del": 1, "paths": 0,
    "range": 1, "limit": 2, "error": 1, "in": 1,
}
_JQ_ARITIES = {("first", 1), ("last", 1), ("range", 2)}  # second arities of names above


def _jq_check_calls(node: tuple) -> None:
    if not isinstance(node, tuple):
        return
    if node[0] == "call":
        name, args, pos = node[1], node[2], node[3]
        ok = _JQ_ARITY.get(name) == len(args) or (name, len(args)) in _JQ_ARITIES
        if not ok:
            raise _JqCompileError("%s/%d is not defined" % (name, len(args)), -1)
        for a in args:
            _jq_check_calls(a)
        return
    for x in node[1:]:
        if isinstance(x, tuple):
            _jq_check_calls(x)
        elif isinstance(x, list):
            for y in x:
                if isinstance(y, tuple):
                    _jq_check_calls(y)


def _jq_call(name: str, args: list[tuple], v: object):  # noqa: C901 - a builtin table
    if name == "empty":
        return
    if name in ("null", "true", "false"):
        yield {"null": None, "true": True, "false": False}[name]
    elif name == "not":
        yield not _jq_truthy(v)
    elif name == "length":
        yield _jq_length(v)
    elif name == "utf8bytelength":
        if not isinstance(v, str):
            raise _JqError("%s (%s) only strings have UTF-8 byte length" % (_jq_type(v), _jq_trunc(v)))
        yield float(len(v.encode()))
    elif name in ("keys", "keys_unsorted"):
        yield _jq_keys(v, name == "keys")
    elif name == "type":
        yield _jq_type(v)
    elif name == "values":
        if v is not None:
            yield v
    elif name in ("arrays", "objects", "strings", "numbers", "booleans", "nulls", "iterables", "scalars"):
        t = _jq_type(v)
        want = {"arrays": ("array",), "objects": ("object",), "strings": ("string",), "numbers": ("number",),
                "booleans": ("boolean",), "nulls": ("null",), "iterables": ("array", "object"),
                "scalars": ("null", "boolean", "number", "string")}[name]
        if t in want:
            yield v
    elif name == "map":
        out = []
        for x in _jq_iter(v):
            out.extend(_jq_eval(args[0], x))
        yield out
    elif name == "map_values":
        if isinstance(v, dict):
            yield {k: next(iter(_jq_eval(args[0], x)), None) for k, x in v.items()}
        else:
            yield [y for x in _jq_iter(v) for y in list(_jq_eval(args[0], x))[:1]]
    elif name == "select":
        for c in _jq_eval(args[0], v):
            if _jq_truthy(c):
                yield v
    elif name == "has":
        for k in _jq_eval(args[0], v):
            if v is None:
                yield False
            elif isinstance(v, dict) and isinstance(k, str):
                yield k in v
            elif isinstance(v, list) and isinstance(k, (int, float)) and not isinstance(k, bool):
                yield 0 <= k < len(v)
            else:
                raise _JqError("Cannot check whether %s has a %s key" % (_jq_type(v), _jq_type(k)))
    elif name == "in":
        for obj in _jq_eval(args[0], v):
            yield from _jq_call("has", [("lit", v)], obj)
    elif name == "to_entries":
        if not isinstance(v, dict):
            raise _JqError("%s (%s) has no keys" % (_jq_type(v), _jq_trunc(v)))
        yield [{"key": k, "value": x} for k, x in v.items()]
    elif name == "from_entries":
        out_d: dict = {}
        for e in _jq_iter(v):
            if not isinstance(e, dict):
                raise _JqError("Cannot index %s with string \"key\"" % _jq_type(e))
            k = next((e[x] for x in ("key", "k", "name", "Name", "Key", "K") if e.get(x) is not None), None)
            out_d[k if isinstance(k, str) else _jq_dump(k, None, False)] = e.get("value", e.get("v"))
        yield out_d
    elif name == "with_entries":
        entries = next(iter(_jq_call("to_entries", [], v)))
        mapped = next(iter(_jq_call("map", args, entries)))
        yield from _jq_call("from_entries", [], mapped)
    elif name in ("first", "last") and args:
        vals = list(_jq_eval(args[0], v))
        if vals:
            yield vals[0] if name == "first" else vals[-1]
    elif name in ("first", "last"):
        yield _jq_index(v, 0.0 if name == "first" else -1.0)
    elif name == "add":
        acc: object = None
        for x in _jq_iter(v):
            acc = _jq_arith("+", acc, x)
        yield acc
    elif name in ("any", "all"):
        xs = [_jq_truthy(x) for x in _jq_iter(v)]
        yield any(xs) if name == "any" else all(xs)
    elif name == "flatten":
        def flat(x: list) -> list:
            r: list = []
            for y in x:
                r.extend(flat(y) if isinstance(y, list) else [y])
            return r
        if not isinstance(v, list):
            raise _JqError("Cannot iterate over %s (%s)" % (_jq_type(v), _jq_trunc(v)))
        yield flat(v)
    elif name == "tostring":
        yield v if isinstance(v, str) else _jq_dump(v, None, False)
    elif name == "tojson":
        yield _jq_dump(v, None, False)
    elif name == "fromjson":
        import json as _json

        try:
            yield _json.loads(str(v), parse_int=float)
        except ValueError:
            raise _JqError("%s (%s) cannot be parsed as JSON" % (_jq_type(v), _jq_trunc(v))) from None
    elif name == "tonumber":
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            yield v
        else:
            try:
                yield float(str(v))
            except ValueError:
                raise _JqError("Cannot parse '%s' as JSON" % v) from None
    elif name in ("ascii_downcase", "ascii_upcase"):
        if not isinstance(v, str):
            raise _JqError("explode input must be a string")
        tr = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        yield v.translate(tr) if name == "ascii_downcase" else v.translate({b: a for a, b in tr.items()})
    elif name in ("sort", "unique", "reverse", "min", "max"):
        if name == "reverse" and isinstance(v, str):
            yield v[::-1]
            return
        if not isinstance(v, list):
            raise _JqError("%s (%s) cannot be %s" % (_jq_type(v), _jq_trunc(v),
                                                      "reversed" if name == "reverse" else "sorted, as it is not an array"))
        if name == "reverse":
            yield v[::-1]
        elif name in ("min", "max"):
            yield (min if name == "min" else max)(v, key=_jq_cmp_key) if v else None
        else:
            s = sorted(v, key=_jq_cmp_key)
            if name == "unique":
                u: list = []
                for x in s:
                    if not u or _jq_cmp_key(u[-1]) != _jq_cmp_key(x):
                        u.append(x)
                s = u
            yield s
    elif name in ("sort_by", "group_by", "unique_by"):
        # jq defines these as _impl(map([f])): iterate, evaluate, then insist on an array
        keys = [list(_jq_eval(args[0], x)) for x in _jq_iter(v)]
        if not isinstance(v, list):
            raise _JqError("%s (%s) and array (%s) cannot be sorted, as they are not both arrays"
                           % (_jq_type(v), _jq_trunc(v), _jq_trunc(keys)))
        keyed = [(tuple(_jq_cmp_key(k) for k in ks), x) for ks, x in zip(keys, v)]
        keyed.sort(key=lambda kv: kv[0])
        if name == "sort_by":
            yield [x for _, x in keyed]
        else:
            groups: list[list] = []
            last = None
            for k, x in keyed:
                if groups and k == last:
                    groups[-1].append(x)
                else:
                    groups.append([x])
                last = k
            yield groups if name == "group_by" else [g[0] for g in groups]
    elif name == "join":
        for sep in _jq_eval(args[0], v):
            parts = []
            for x in _jq_iter(v):
                if x is None:
                    parts.append("")
                elif isinstance(x, (bool, int, float)):
                    parts.append(_jq_dump(x, None, False))
                elif isinstance(x, str):
                    parts.append(x)
                else:
                    raise _JqError("Cannot join with %s" % _jq_type(x))
            if not isinstance(sep, str):
                raise _JqError("%s (%s) and %s (%s) cannot be added" % (_jq_type(sep), _jq_trunc(sep), "string", '""'))
            yield sep.join(parts)
    elif name in ("startswith", "endswith", "ltrimstr", "rtrimstr", "split", "contains", "inside", "index", "test"):
        for a in _jq_eval(args[0], v):
            if name in ("startswith", "endswith"):
                if not isinstance(v, str) or not isinstance(a, str):
                    raise _JqError("%s() requires string inputs" % name)
                yield v.startswith(a) if name == "startswith" else v.endswith(a)
            elif name in ("ltrimstr", "rtrimstr"):
                if isinstance(v, str) and isinstance(a, str):
                    if name == "ltrimstr" and v.startswith(a):
                        yield v[len(a):]
                        continue
                    if name == "rtrimstr" and v.endswith(a) and a:
                        yield v[: -len(a)]
                        continue
                yield v
            elif name == "split":
                if not isinstance(v, str) or not isinstance(a, str):
                    raise _JqError("split input and separator must be strings")
                yield v.split(a) if a else list(v)
            elif name in ("contains", "inside"):
                x, y = (v, a) if name == "contains" else (a, v)
                yield _jq_contains(x, y)
            elif name == "index":
                if isinstance(v, str) and isinstance(a, str):
                    i = v.find(a)
                    yield float(i) if i >= 0 and a else None
                else:
                    yield _jq_index(v, a)
            else:
                if not isinstance(v, str):
                    raise _JqError("%s (%s) cannot be matched, as it is not a string" % (_jq_type(v), _jq_trunc(v)))
                try:
                    yield re.search(str(a), v) is not None
                except re.error:
                    raise _JqError("%s (at offset 0) is not a valid regex" % a) from None
    elif name == "del":
        yield _jq_del(v, args[0])
    elif name == "paths":
        out_p: list = []

        def walk(x: object, path: list) -> None:
            items = x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else []
            for k, y in items:
                p = path + [k if isinstance(k, str) else float(k)]
                out_p.append(p)
                walk(y, p)
        walk(v, [])
        yield from out_p
    elif name == "range":
        vals = [list(_jq_eval(a, v)) for a in args]
        if len(args) == 1:
            for n in vals[0]:
                i = 0.0
                while i < n:
                    yield i
                    i += 1
        else:
            for lo in vals[0]:
                for hi in vals[1]:
                    i = lo
                    while i < hi:
                        yield i
                        i += 1
    elif name == "limit":
        for n in _jq_eval(args[0], v):
            count = 0
            for x in _jq_eval(args[1], v):
                if count >= n:
                    break
                yield x
                count += 1
    elif name == "error":
        for m in _jq_eval(args[0], v):
            raise _JqError(m if isinstance(m, str) else _jq_dump(m, None, False) + " (not a string)")
    else:  # pragma: no cover - _jq_check_calls rejects unknown names first
        raise _JqError("%s/%d is not defined" % (name, len(args)))


def _jq_contains(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return all(k in a and _jq_contains(a[k], x) for k, x in b.items())
    if isinstance(a, list) and isinstance(b, list):
        return all(any(_jq_contains(x, y) for x in a) for y in b)
    if isinstance(a, str) and isinstance(b, str):
        return b in a
    if _jq_type(a) == _jq_type(b):
        return a == b
    raise _JqError("%s (%s) and %s (%s) cannot have their containment checked"
                   % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b)))


def _jq_del(v: object, path: tuple) -> object:
    import copy

    out = copy.deepcopy(v)
    if path[0] == "index" and path[1] == ("id",):
        for k in _jq_eval(path[2], v):
            if isinstance(out, dict) and isinstance(k, str):
                out.pop(k, None)
            elif isinstance(out, list) and isinstance(k, (int, float)):
                i = int(k)
                if -len(out) <= i < len(out):
                    del out[i]
    return out


class _JqParseError(Exception):
    pass


def _jq_literal(tok: str) -> object:
    pattern = {"t": ("true", True), "f": ("false", False), "n": ("null", None)}.get(tok[0])
    if pattern is not None:
        if tok != pattern[0]:
            raise _JqParseError("Invalid literal")
        return pattern[1]
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", tok):
        if not re.fullmatch(r"[+-]?(inf|infinity|nan)", tok, re.IGNORECASE):
            raise _JqParseError("Invalid numeric literal")
    return float(tok)


def _jq_inputs(text: str) -> tuple[list[tuple[object, int]], str | None]:
    """jq 1.6's streaming JSON parser (jv_parse.c's token rules and messages).
    Returns the values, each with the line number jq reports for it, and the
    parse error (``MSG at line L, column C``) that stopped it, if any."""
    import json as _json

    out: list[tuple[object, int]] = []
    stack: list[list] = []  # ["a", list] | ["o", dict] | ["k", key]
    nxt: list = []  # [] or [value]
    tok: list[str] = []
    line, col = 1, 0
    in_str = False
    strbuf: list[str] = []
    escaped = False
    n = len(text)

    def report_line(k: int) -> int:
        e = text.find("\n", k)
        return text.count("\n", 0, n if e < 0 else e + 1)

    def value(v: object) -> None:
        if nxt:
            raise _JqParseError("Expected separator between values")
        nxt.append(v)

    def structure(ch: str) -> None:
        if ch in "[{":
            if nxt:
                raise _JqParseError("Expected separator between values")
            stack.append(["a", []] if ch == "[" else ["o", {}])
        elif ch == ":":
            if not nxt:
                raise _JqParseError("Expected string key before ':'")
            if not stack or stack[-1][0] != "o":
                raise _JqParseError("':' not as part of an object")
            if not isinstance(nxt[0], str):
                raise _JqParseError("Object keys must be strings")
            stack.append(["k", nxt.pop()])
        elif ch == ",":
            if not nxt:
                raise _JqParseError("Expected value before ','")
            if not stack:
                raise _JqParseError("',' not as part of an object or array")
            top = stack[-1]
            if top[0] == "a":
                top[1].append(nxt.pop())
            elif top[0] == "k":
                stack.pop()
                stack[-1][1][top[1]] = nxt.pop()
            else:
                raise _JqParseError("Objects must consist of key:value pairs")
        elif ch == "]":
            if not stack or stack[-1][0] != "a":
                raise _JqParseError("Unmatched ']'")
            if nxt:
                stack[-1][1].append(nxt.pop())
            elif stack[-1][1]:
                raise _JqParseError("Expected another array element")
            nxt.append(stack.pop()[1])
        else:  # }
            if not stack:
                raise _JqParseError("Unmatched '}'")
            if nxt:
                if stack[-1][0] != "k":
                    raise _JqParseError("Objects must consist of key:value pairs")
                key = stack.pop()[1]
                stack[-1][1][key] = nxt.pop()
            else:
                if stack[-1][0] != "o":
                    raise _JqParseError("Unmatched '}'")
                if stack[-1][1]:
                    raise _JqParseError("Expected another key-value pair")
            nxt.append(stack.pop()[1])

    def where(at_eof: bool = False) -> str:
        return (" at EOF" if at_eof else "") + f" at line {line}, column {col}"

    for k, ch in enumerate(text):
        col += 1
        if ch == "\n":
            line += 1
            col = 0
        try:
            if in_str:
                if escaped:
                    escaped = False
                    strbuf.append(ch)
                elif ch == "\\":
                    escaped = True
                    strbuf.append(ch)
                elif ch == '"':
                    in_str = False
                    try:
                        sval = _json.loads('"' + "".join(strbuf) + '"', strict=False)
                    except ValueError:
                        raise _JqParseError("Invalid escape") from None
                    strbuf = []
                    value(sval)
                else:
                    strbuf.append(ch)
            elif ch in " \t\r\n[{:,]}\"":
                if tok:
                    lit = _jq_literal("".join(tok))
                    tok = []
                    value(lit)
                if ch in "[{:,]}":
                    structure(ch)
                elif ch == '"':
                    in_str = True
            else:
                tok.append(ch)
                continue
            if not stack and nxt:
                out.append((nxt.pop(), report_line(k)))
        except _JqParseError as e:
            return out, str(e) + where()
    try:
        if in_str:
            raise _JqParseError("Unfinished string")
        if tok:
            value(_jq_literal("".join(tok)))
        if not stack and nxt:
            out.append((nxt.pop(), report_line(n)))
        if stack or nxt:
            raise _JqParseError("Unfinished JSON term")
    except _JqParseError as e:
        return out, str(e) + where(True)
    return out, None


_JQ_USAGE = ("Use jq --help for help with command-line options,\n"
             "or see the jq manpage, or online docs  at https://stedolan.github.io/jq\n")


def run_jq(argv: list[str], stdin: str) -> Result:
    """jq 1.6 with the options -r -j -c -S -e -n -M -C -a and a filter."""
    raw = join = compact = sort_keys = exit_status = null_input = ascii_out = False
    indent = 2
    prog: str | None = None
    files: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a.startswith("--") and prog is None or a in ("--raw-output", "--compact-output", "--sort-keys"):
            long = {"--raw-output": "r", "--join-output": "j", "--compact-output": "c", "--sort-keys": "S",
                    "--exit-status": "e", "--null-input": "n", "--monochrome-output": "M", "--color-output": "C",
                    "--ascii-output": "a", "--tab": "tab"}
            if a == "--indent" and i < len(argv):
                try:
                    indent = max(0, min(7, int(argv[i])))
                except ValueError:
                    return "", "jq: --indent takes a number\n" + _JQ_USAGE, 2
                i += 1
                continue
            if a not in long:
                return "", f"jq: Unknown option: {a}\n" + _JQ_USAGE, 2
            flags = long[a]
        elif a.startswith("-") and len(a) > 1 and a != "-":
            flags = a[1:]
        else:
            if prog is None:
                prog = a
            else:
                files.append(a)
            continue
        if flags == "tab":
            indent = 1
            continue
        for f in flags:
            if f == "r":
                raw = True
            elif f == "j":
                raw = join = True
            elif f == "c":
                compact = True
            elif f == "S":
                sort_keys = True
            elif f == "e":
                exit_status = True
            elif f == "n":
                null_input = True
            elif f in "MC":
                pass
            elif f == "a":
                ascii_out = True
            else:
                return "", f"jq: Unknown option: {a}\n" + _JQ_USAGE, 2
    if prog is None:
        return "", "Usage:\tjq [OPTIONS] FILTER [FILES...]\n" + _JQ_USAGE, 2
    if files:
        f = files[0]
        return "", f"jq: error: Could not open {f}: No such file or directory\n", 2
    try:
        tree = _JqParser(prog).parse() if prog.strip() else ("id",)
        _jq_check_calls(tree)
    except _JqCompileError as e:
        if e.offset < 0:
            head = f"jq: error: {e.message} at <top-level>, line 1:\n{prog}\n"
        else:
            head = (f"jq: error: {e.message} (Unix shell quoting issues?) at <top-level>, line 1:\n"
                    f"{prog}{' ' * e.offset}\n")
        return "", head + "jq: 1 compile error\n", 3
    if null_input:
        values: list[tuple[object, int]] = [(None, 0)]
        perr = None
    else:
        values, perr = _jq_inputs(stdin)
    out: list[str] = []
    err: list[str] = []
    status = 0
    last: object = ...
    for val, line in values:
        try:
            for r in _jq_eval(tree, val):
                last = r
                if raw and isinstance(r, str):
                    text = r
                else:
                    text = _jq_dump(r, None if compact else indent, sort_keys)
                if ascii_out:
                    text = "".join(c if ord(c) < 0x80 else ("\\u%04x" % ord(c) if ord(c) < 0x10000 else
                                   "\\u%04x\\u%04x" % (0xD800 + ((ord(c) - 0x10000) >> 10),
                                                       0xDC00 + ((ord(c) - 0x10000) & 0x3FF))) for c in text)
                out.append(text if join else text + "\n")
        except _JqError as e:
            err.append(f"jq: error (at <stdin>:{line}): {e}\n")
            status = 5
        except RecursionError:
            err.append(f"jq: error (at <stdin>:{line}): Exceeds depth limit for parsing\n")
            status = 5
    if perr is not None:
        err.append(f"parse error: {perr}\n")
        status = 2 if status == 0 else status
        status = 4 if status == 2 else status
    if exit_status and status == 0:
        if last is ...:
            status = 4
        elif not _jq_truthy(last):
            status = 1
    return "".join(out), "".join(err), status

# --------------------------------------------------------------------------

FILTERS: dict[str, Callable[[list[str], str], Result]] = {
    "grep": _grep,
    "head": _head,
    "tail": _tail,
    "wc": _wc,
    "sort": _sort,
    "uniq": _uniq,
    "cut": _cut,
    "cat": _cat,
    "awk": _awk,
    "mawk": _awk,
    "jq": run_jq,
}


def run_filter(argv: list[str], stdin: str) -> Result:
    """Run one pipeline stage: ``argv[0]`` is the program.

    >>> run_filter(["head", "-n", "1"], "a\\nb\\n")
    ('a\\n', '', 0)
    >>> run_filter(["nosuch"], "")
    ('', 'bash: nosuch: command not found\\n', 127)
    """
    if not argv:
        return stdin, "", 0
    prog = argv[0]
    fn = FILTERS.get(prog.rsplit("/", 1)[-1] if prog.startswith("/") else prog)
    if fn is None:
        return "", f"bash: {prog}: command not found\n", 127
    try:
        return fn(list(argv[1:]), stdin)
    except RecursionError:
        return "", f"{prog}: input too deeply nested\n", 2
