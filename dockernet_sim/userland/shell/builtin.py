"""The builtins the shell runs itself, as bash 5.2 and busybox ash 1.35 behave: ``echo``
(``-n``, ``-e``, ``-E``), ``true``, ``false``, ``:``, ``exit``, ``cd`` (``-`` and ``$HOME``),
``pwd``, ``export`` (``-p``), ``unset``, ``read`` (``-r``), ``break``, ``continue``, and
``test``/``[`` (in ``conditional``). Their messages are the dialect's
(see ``dialects``). Each takes the shell, its arguments, the standard input and the output
to write to, and returns the exit status.
"""

from __future__ import annotations

import re

from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Mapping, Optional

from ...records import Record, field

if TYPE_CHECKING:
    from .runner import Shell


class ShellExit(Exception):
    """``exit``: leaves the (sub)shell with ``code``."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class LoopControl(Exception):
    """``break``/``continue`` (``kind``) out of ``levels`` enclosing loops."""

    def __init__(self, kind: str, levels: int) -> None:
        super().__init__(kind)
        self.kind = kind
        self.levels = levels


class Input(Record):
    """A command's standard input, shared by the commands that read it in turn: ``read`` takes
    a line, a program takes the rest."""
    text: str
    pos: int = 0

    def read_all(self) -> str:
        rest = self.text[self.pos:]
        self.pos = len(self.text)
        return rest

    def read_line(self) -> tuple[str, bool]:
        """The next line without its newline, and whether a newline ended it (at the end: "", False)."""
        end = self.text.find("\n", self.pos)
        if end < 0:
            line, self.pos = self.text[self.pos:], len(self.text)
            return line, False
        line, self.pos = self.text[self.pos:end], end + 1
        return line, True


class Output(Record):
    """What a command has sent to standard output and standard error so far, and in which order
    (a terminal shows both streams as they were written: ``docker network rm x || echo
    fallback`` prints the error, then ``fallback``)."""
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    order: list[tuple[int, str]] = field(default_factory=list)

    def write(self, fd: int, text: str) -> None:
        """``text`` written to fd 1 (standard output) or 2 (standard error)."""
        if text:
            (self.out if fd == 1 else self.err).append(text)
            self.order.append((fd, text))

    def take(self, other: "Output", fd: int) -> None:
        """What ``other`` wrote to ``fd``, in its order."""
        for f, text in other.order:
            if f == fd:
                self.write(f, text)


def norm(cwd: str, path: str) -> str:
    """``path`` made absolute from ``cwd``, with ``.``, ``..`` and repeated slashes resolved."""
    parts: list[str] = []
    for p in (path if path.startswith("/") else cwd.rstrip("/") + "/" + path).split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if parts:
                parts.pop()
            continue
        parts.append(p)
    return "/" + "/".join(parts)



_ESCAPES: Mapping[str, str] = MappingProxyType({
    "a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"})


def _unescape(s: str) -> tuple[str, bool]:
    """``echo -e``'s escapes; True when ``\\c`` ends the output."""
    out = ""
    i = 0
    while i < len(s):
        ch = s[i]
        if ch != "\\" or i + 1 >= len(s):
            out += ch
            i += 1
            continue
        nxt = s[i + 1]
        if nxt == "c":
            return out, True
        if nxt in _ESCAPES:
            out += _ESCAPES[nxt]
            i += 2
        elif nxt == "0" or nxt == "x":
            digits = "01234567" if nxt == "0" else "0123456789abcdefABCDEF"
            j = i + 2
            while j < len(s) and j < i + 2 + (3 if nxt == "0" else 2) and s[j] in digits:
                j += 1
            if nxt == "x" and j == i + 2:
                out += "\\x"
            else:
                out += chr(int(s[i + 2:j] or "0", 8 if nxt == "0" else 16))
            i = j
        else:
            out += "\\" + nxt
            i += 2
    return out, False


def echo(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    newline, escapes = True, False
    while args and len(args[0]) > 1 and args[0][0] == "-" and all(c in "neE" for c in args[0][1:]):
        for c in args[0][1:]:
            if c == "n":
                newline = False
            else:
                escapes = c == "e"
        args = args[1:]
    text = " ".join(args)
    if escapes:
        text, stop = _unescape(text)
        if stop:
            newline = False
    o.write(1, text + ("\n" if newline else ""))
    return 0


# printf's conversions: compiled (and kept by re) on printf's first use, not at import (issue 15)
_CONV = r"%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfgGcsb%])"


def _number(text: str) -> tuple[float, bool]:
    """An argument as printf reads a number: a leading quote is the next character's code."""
    if text[:1] in ("'", '"'):
        return (float(ord(text[1])) if len(text) > 1 else 0.0), True
    try:
        return float(int(text, 0)) if text.strip().lstrip("+-").isdigit() or text.lower().startswith(("0x", "-0x")) \
            else float(text), True
    except ValueError:
        return 0.0, not text


def printf(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    """``printf FORMAT [ARGUMENT]...``: the format's escapes and conversions, used again while
    arguments remain (busybox ash's and bash's builtin alike)."""
    if args and args[0] == "--":
        args = args[1:]
    bash = sh.dialect.name.startswith("bash")
    if not args:
        o.write(2, "printf: usage: printf [-v var] format [arguments]\n" if bash
                else f"{sh.dialect.name}: usage: printf FORMAT [ARGUMENT...]\n")
        return 2
    fmt, rest = args[0], list(args[1:])
    status = 0
    out: list[str] = []
    while True:
        used = False
        pos = 0
        for m in re.finditer(_CONV, fmt):
            text, stop = _unescape(fmt[pos:m.start()])
            out.append(text)
            if stop:
                o.write(1, "".join(out))
                return status
            pos = m.end()
            flags, width, prec, conv = m.groups()
            if conv == "%":
                out.append("%")
                continue
            if width == "*":
                width = str(int(_number(rest.pop(0) if rest else "0")[0]))
            if prec == "*":
                prec = str(int(_number(rest.pop(0) if rest else "0")[0]))
            used = True
            arg = rest.pop(0) if rest else None
            spec = "%" + flags + (width or "") + ("." + prec if prec is not None else "")
            if conv in "sb":
                value = arg or ""
                if conv == "b":
                    value, stop = _unescape(value)
                out.append((spec + "s") % value)
                if conv == "b" and stop:
                    o.write(1, "".join(out))
                    return status
            elif conv == "c":
                out.append((spec + "s") % ((arg or "")[:1]))
            else:
                n, ok = _number(arg or "")
                if not ok or (arg is None and not bash):
                    # ash reads a missing argument as '' too (busybox 1.35, bash 5.2 checked)
                    o.write(2, f"bash: printf: {arg}: invalid number\n" if bash
                            else f"{sh.dialect.name}: invalid number '{arg or ''}'\n")
                    status = 1
                if conv in "diouxX":
                    value = int(n)
                    if conv in "ouxX" and value < 0:
                        value &= (1 << 64) - 1
                    out.append((spec + ("d" if conv in "iu" else conv)) % value)
                else:
                    out.append((spec + conv) % n)
        text, stop = _unescape(fmt[pos:])
        out.append(text)
        if stop or not used or not rest:
            break
    o.write(1, "".join(out))
    return status


def true(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    return 0


def false(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    return 1


def exit_(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    d = sh.dialect
    if d.exit_echo and not sh.subshell:
        o.write(2, "exit\n")
    if not args:
        raise ShellExit(sh.status)
    a = args[0]
    digits = a[1:] if d.exit_negative_ok and a[:1] in "+-" else a
    if not digits.isdigit():
        o.write(2, sh.message(d.exit_illegal, arg=a))
        raise ShellExit(2)
    raise ShellExit(int(a) % 256)


def cd(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    d = sh.dialect
    arg = args[0] if args else sh.vars.get("HOME", "/")
    show = False
    if arg == "-":
        arg, show = sh.vars.get("OLDPWD", sh.cwd), True
    target = norm(sh.cwd, arg)
    if not sh.files.is_dir(target):
        o.write(2, sh.message(d.cd_failed, arg=arg))
        return d.cd_code
    sh.vars["OLDPWD"] = sh.cwd
    sh.cwd = target
    sh.vars["PWD"] = target
    if show:
        o.write(1, target + "\n")
    return 0


def pwd(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    o.write(1, sh.cwd + "\n")
    return 0


def export(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    names = [a for a in args if a != "-p"]
    if not names:
        for k in sorted(k for k in sh.exported if k in sh.vars):
            o.write(1, sh.dialect.export_line.format(k=k, v=sh.vars[k]) + "\n")
        return 0
    for a in names:
        k, eq, v = a.partition("=")
        if eq:
            sh.vars[k] = v
        sh.exported[k] = None
    return 0


def unset(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    for a in args:
        if a in ("-v", "-f"):
            continue
        sh.vars.pop(a, None)
        sh.exported.pop(a, None)
    return 0


def read(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    raw = "-r" in args
    names = [a for a in args if not a.startswith("-")] or ["REPLY"]
    line, nl = stdin.read_line() if stdin is not None else ("", False)
    if not line and not nl:
        for n in names:
            sh.vars[n] = ""
        return 1
    if not raw:
        line = "".join(line.split("\\"))
    ifs = sh.vars.get("IFS", " \t\n")
    if names == ["REPLY"] and "REPLY" not in args:
        sh.vars["REPLY"] = line
        return 0 if nl else 1
    fields = line.strip(ifs).split(None, len(names) - 1) if ifs == " \t\n" else \
        line.split(ifs[:1], len(names) - 1)
    for k, n in enumerate(names):
        sh.vars[n] = fields[k].rstrip(ifs) if k < len(fields) else ""
    return 0 if nl else 1


def loop_control(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output, kind: str) -> int:
    d = sh.dialect
    if not d.ash and sh.loops == 0:
        o.write(2, sh.message("{rt}{kind}: only meaningful in a `for', `while', or `until' loop", kind=kind))
        return 0
    levels = 1
    if args:
        if not args[0].isdigit() or int(args[0]) == 0:
            if d.ash:
                o.write(2, sh.message("{rt}{kind}: line 0: Illegal number: {arg}", kind=kind, arg=args[0]))
                raise ShellExit(2)
            o.write(2, sh.message("{rt}{kind}: {arg}: loop count out of range", kind=kind, arg=args[0]))
            return 1
        levels = int(args[0])
    if sh.loops == 0:
        return 0
    raise LoopControl(kind, min(levels, sh.loops))


def break_(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    return loop_control(sh, args, stdin, o, "break")


def continue_(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    return loop_control(sh, args, stdin, o, "continue")


def test(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    from .conditional import run_test
    return run_test(sh, "test", args, o)


def bracket(sh: "Shell", args: list[str], stdin: Optional[Input], o: Output) -> int:
    from .conditional import run_test
    return run_test(sh, "[", args, o)


Builtin = Callable[["Shell", list[str], Optional[Input], Output], int]

BUILTINS: Mapping[str, Builtin] = MappingProxyType({
    "echo": echo, "true": true, ":": true, "false": false, "exit": exit_, "cd": cd, "pwd": pwd,
    "export": export, "unset": unset, "read": read, "break": break_, "continue": continue_,
    "test": test, "[": bracket, "printf": printf,
})
