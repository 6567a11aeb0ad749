"""``test`` and ``[``, the builtin of bash 5.2 and of busybox ash 1.35: POSIX's rules by the
number of arguments (0 to 4), ``!``, ``-a``/``-o`` beyond, string tests (``-z``, ``-n``,
``=``, ``!=``), integer comparisons (``-eq`` … ``-ge``, leading blanks allowed) and file tests
(``-e``, ``-f``, ``-d``, ``-s``, ``-r``, ``-w``, ``-x``) answered from the shell's ``Files``.
Errors exit 2 with each shell's words (checked with the real binaries).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Mapping, Optional

from .builtin import Output, norm

if TYPE_CHECKING:
    from .runner import Shell

_INT_OPS: Mapping[str, Callable[[int, int], bool]] = MappingProxyType({
    "-eq": int.__eq__, "-ne": int.__ne__, "-lt": int.__lt__, "-le": int.__le__, "-gt": int.__gt__, "-ge": int.__ge__})
_STR_OPS: Mapping[str, Callable[[str, str], bool]] = MappingProxyType({
    "=": str.__eq__, "==": str.__eq__, "!=": str.__ne__})
_UNARY = frozenset(("-z", "-n", "-e", "-f", "-d", "-s", "-r", "-w", "-x", "-L", "-h", "-p", "-S", "-b", "-c"))

# (bash's words, ash's words)
_MISSING = ("{rt}[: missing `]'", "{rt}missing ]")
_BAD_NUMBER = ("{rt}{cmd}: {arg}: integer expression expected", "{rt}{arg}: bad number")
_BAD_NUMBER_EMPTY = ("{rt}{cmd}: : integer expression expected", "{rt}bad number")
_BINARY = ("{rt}{cmd}: {arg}: binary operator expected", "{rt}{arg}: unknown operand")
_UNARY_EXPECTED = ("{rt}{cmd}: {arg}: unary operator expected", "{rt}{other}: unknown operand")
_TOO_MANY = ("{rt}{cmd}: too many arguments", "{rt}{arg}: unknown operand")
_OPERAND_EXPECTED = ("{rt}{cmd}: argument expected", "{rt}{arg}: argument expected")
_ARG_EXPECTED = ("{rt}{cmd}: argument expected", "{rt}argument expected")
_PAREN_EXPECTED = ("{rt}{cmd}: `)' expected", "{rt}closing paren expected")


class _Fail(Exception):
    def __init__(self, message: tuple[str, str], arg: str = "", other: str = "") -> None:
        super().__init__(arg)
        self.message = message
        self.arg = arg
        self.other = other


def run_test(sh: "Shell", cmd: str, args: list[str], o: Output) -> int:
    """``test ARGS`` or ``[ ARGS ]``: 0 true, 1 false, 2 an error (its message in ``o``)."""
    if cmd == "[":
        if not args or args[-1] != "]":
            o.write(2, sh.message(_MISSING[sh.dialect.ash]))
            return 2
        args = args[:-1]
    try:
        return 0 if _evaluate(sh, args) else 1
    except _Fail as f:
        o.write(2, sh.message(f.message[sh.dialect.ash], cmd=cmd, arg=f.arg, other=f.other or f.arg))
        return 2


def _evaluate(sh: "Shell", a: list[str]) -> bool:
    """POSIX's rules by argument count where each shell keeps them, the grammar beyond."""
    n = len(a)
    if n == 0:
        return False
    if n == 1:
        return a[0] != ""
    if n == 2 and not sh.dialect.ash:         # ash reads two words with its grammar
        if a[0] == "!":
            return a[1] == ""
        if a[0] in _UNARY:
            return _unary(sh, a[0], a[1])
        raise _Fail(_UNARY_EXPECTED, a[0], a[1])
    if n == 3 and (a[1] in _STR_OPS or a[1] in _INT_OPS):
        return _binary(a[0], a[1], a[2])
    if not sh.dialect.ash:
        if n == 3 and a[1] not in ("-a", "-o"):
            if a[0] == "!":
                return not _evaluate(sh, a[1:])
            if a[0] == "(" and a[2] == ")":
                return a[1] != ""
            raise _Fail(_BINARY, a[1])
        if n == 4 and a[0] == "!":
            return not _evaluate(sh, a[1:])
        if n == 4 and a[0] == "(" and a[3] == ")":
            return _evaluate(sh, a[1:3])
    p = _Expr(sh, a)
    value = p.or_()
    if p.i < len(a):
        raise _Fail(_TOO_MANY, a[p.i])
    return value


class _Expr:
    """test's grammar: or := and (-o and)*, and := not (-a not)*, not := ! not | primary,
    primary := ( or ) | -op arg | arg binop arg | arg. Both sides are evaluated, as the shells do."""

    def __init__(self, sh: "Shell", args: list[str]) -> None:
        self.sh = sh
        self.a = args
        self.i = 0

    def _next(self) -> str:
        if self.i >= len(self.a):
            raise _Fail(_ARG_EXPECTED)
        self.i += 1
        return self.a[self.i - 1]

    def _peek(self, k: int = 0) -> Optional[str]:
        return self.a[self.i + k] if self.i + k < len(self.a) else None

    def or_(self) -> bool:
        value = self.and_()
        while self._peek() == "-o":
            self.i += 1
            right = self.and_()
            value = value or right
        return value

    def and_(self) -> bool:
        value = self.not_()
        while self._peek() == "-a":
            self.i += 1
            right = self.not_()
            value = value and right
        return value

    def not_(self) -> bool:
        if self._peek() == "!" and self._peek(1) is not None:
            self.i += 1
            return not self.not_()
        return self.primary()

    def primary(self) -> bool:
        t = self._next()
        if t == "(" and self._peek() is not None:
            value = self.or_()
            if self._next() != ")":
                raise _Fail(_PAREN_EXPECTED)
            return value
        op = self._peek()
        if op is not None and (op in _STR_OPS or op in _INT_OPS):
            if self._peek(1) is not None:
                self.i += 1               # a binary test first, as bash's term() checks
                return _binary(t, op, self._next())
            if t not in _UNARY:
                raise _Fail(_OPERAND_EXPECTED, op)
        if t in _UNARY and op is not None:
            return _unary(self.sh, t, self._next())
        return t != ""


def _binary(left: str, op: str, right: str) -> bool:
    if op in _STR_OPS:
        return _STR_OPS[op](left, right)
    return _INT_OPS[op](_integer(left), _integer(right))


def _integer(s: str) -> int:
    t = s.strip(" \t")
    digits = t[1:] if t[:1] in "+-" else t
    if not digits.isdigit():
        raise _Fail(_BAD_NUMBER if s else _BAD_NUMBER_EMPTY, s)
    return int(t)


def _unary(sh: "Shell", op: str, arg: str) -> bool:
    if op == "-z":
        return arg == ""
    if op == "-n":
        return arg != ""
    path = norm(sh.cwd, arg) if arg else ""
    content: Optional[str] = sh.files.read(path) if path else None
    is_dir = bool(path) and sh.files.is_dir(path)
    if op == "-d":
        return is_dir
    if op == "-f":
        return content is not None
    if op == "-s":
        return bool(content) or is_dir
    if op in ("-e", "-r", "-w", "-x"):
        return content is not None or is_dir
    return False
