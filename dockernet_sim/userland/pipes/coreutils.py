"""head, tail, wc, sort, uniq, cut and cat, as GNU coreutils on Debian bookworm prints them.

Mirrors coreutils in the C.UTF-8 locale (byte order, curly quotes in messages): line and byte
counts, NUL-terminated records, sort keys and flags, uniq counts, cut field/byte/character lists.
"""

from __future__ import annotations

import re

from .common import Result, _Usage, _getopt, _lines, _try


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
