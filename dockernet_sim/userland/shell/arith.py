"""Arithmetic expansion ``$((…))`` as bash 5.2 and busybox ash 1.35 evaluate it: signed 64-bit
integers that wrap, decimal/octal (``010``)/hex (``0x10``) literals, variables by name (unset
or empty is 0, a value that is an expression is evaluated in turn), the C operators by
precedence — ``,``, assignments (``=``, ``+=`` …), ``?:``, ``||``, ``&&``, ``|``, ``^``, ``&``,
``==``/``!=``, comparisons, shifts, ``+``/``-``, ``*``/``/``/``%``, ``**``, unary
``!``/``~``/``-``/``+`` — and the errors each shell names (checked with the real binaries):
bash's ``EXPR: division by 0 (error token is "0")``, ash's ``divide by zero``.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Callable, Mapping, Optional

# kind -> (bash's words, ash's words)
MESSAGES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "divzero": ("division by 0", "divide by zero"),
    "operand": ("syntax error: operand expected", "arithmetic syntax error"),
    "syntax": ("syntax error in expression", "arithmetic syntax error"),
    "exponent": ("exponent less than 0", "exponent less than 0"),
    "base": ("value too great for base", "arithmetic syntax error"),
    "recursion": ("expression recursion level exceeded", "expression recursion loop detected"),
})

_TOKEN = re.compile(r"\s*(?:(0[xX][0-9a-fA-F]*|[0-9][0-9a-zA-Z_]*)|([A-Za-z_][A-Za-z0-9_]*)|"
                    r"(\*\*=?|<<=?|>>=?|&&|\|\||[=!<>]=|[-+*/%&^|]=|[-+*/%&^|!~<>=?:,()]))")
_BINARY = [("||",), ("&&",), ("|",), ("^",), ("&",), ("==", "!="), ("<", "<=", ">", ">="), ("<<", ">>"),
           ("+", "-"), ("*", "/", "%")]
_ASSIGN = ("=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=")
_OPERATORS: Mapping[str, Callable[[int, int], int]] = MappingProxyType({
    "+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y,
    "<<": lambda x, y: x << (y & 63), ">>": lambda x, y: x >> (y & 63), "&": lambda x, y: x & y,
    "^": lambda x, y: x ^ y, "|": lambda x, y: x | y, "<": lambda x, y: int(x < y),
    "<=": lambda x, y: int(x <= y), ">": lambda x, y: int(x > y), ">=": lambda x, y: int(x >= y),
    "==": lambda x, y: int(x == y), "!=": lambda x, y: int(x != y),
    "&&": lambda x, y: int(bool(x and y)), "||": lambda x, y: int(bool(x or y))})
MAX_PARENS = 32         # ( ) and unary operators nested: Python's stack holds the recursion
MAX_DEPTH = 16           # variables whose values are expressions, evaluated in turn


class ArithError(Exception):
    def __init__(self, kind: str, token: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.token = token


def _wrap(v: int) -> int:
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >> 63 else v


class _Eval:
    def __init__(self, text: str, get: Callable[[str], Optional[str]], put: Callable[[str, str], None],
                 depth: int) -> None:
        self.text = text
        self.get = get
        self.put = put
        self.depth = depth
        self.nest = 0
        self.pos = 0
        self.last = 0            # where the last token read starts: bash's "error token"
        self.tok: Optional[tuple[str, str]] = None
        self._advance()

    def _advance(self) -> None:
        rest = self.text[self.pos:]
        if not rest.strip():
            self.tok = None
            self.pos = len(self.text)
            return
        m = _TOKEN.match(self.text, self.pos)
        if m is None:
            self.last = self.pos + len(rest) - len(rest.lstrip())
            raise ArithError("syntax", self.text[self.last:])
        self.last = m.start(m.lastindex or 0)
        self.pos = m.end()
        kind = "num" if m.group(1) else "name" if m.group(2) else "op"
        self.tok = (kind, m.group(m.lastindex or 0))

    def _error(self, kind: str) -> ArithError:
        return ArithError(kind, self.text[self.last:].strip())

    def _is(self, *ops: str) -> bool:
        return self.tok is not None and self.tok[0] == "op" and self.tok[1] in ops

    def run(self) -> int:
        value = self.comma()
        if self.tok is not None:
            raise self._error("syntax")
        return value

    def comma(self) -> int:
        value = self.assign()
        while self._is(","):
            self._advance()
            value = self.assign()
        return value

    def assign(self) -> int:
        if self.tok is not None and self.tok[0] == "name":
            save = (self.pos, self.last, self.tok)
            name = self.tok[1]
            self._advance()
            if self._is(*_ASSIGN):
                op = self.tok[1] if self.tok else "="
                self._advance()
                right = self.assign()
                value = right if op == "=" else self._apply(op[:-1], self._variable(name), right)
                self.put(name, str(value))
                return value
            self.pos, self.last, self.tok = save
        return self.ternary()

    def ternary(self) -> int:
        cond = self.binary(0)
        if not self._is("?"):
            return cond
        self._advance()
        yes = self.comma()
        if not self._is(":"):
            raise self._error("syntax")
        self._advance()
        no = self.ternary()
        return yes if cond else no

    def binary(self, level: int) -> int:
        if level == len(_BINARY):
            return self.power()
        value = self.binary(level + 1)
        while self._is(*_BINARY[level]):
            op = self.tok[1] if self.tok else ""
            self._advance()
            value = self._apply(op, value, self.binary(level + 1))
        return value

    def power(self) -> int:
        base = self.unary()
        if not self._is("**"):
            return base
        self._advance()
        exp = self.power()
        if exp < 0:
            raise self._error("exponent")
        return _wrap(pow(base, exp, 1 << 64))

    def unary(self) -> int:
        if self._is("-", "+", "!", "~"):
            op = self.tok[1] if self.tok else ""
            self._advance()
            self._enter()
            v = self.unary()
            self.nest -= 1
            return _wrap(-v) if op == "-" else v if op == "+" else int(not v) if op == "!" else _wrap(~v)
        return self.primary()

    def primary(self) -> int:
        tok = self.tok
        if tok is None:
            raise self._error("operand")
        kind, text = tok
        if kind == "op" and text == "(":
            self._advance()
            self._enter()
            value = self.comma()
            self.nest -= 1
            if not self._is(")"):
                raise self._error("syntax")
            self._advance()
            return value
        if kind == "op":
            raise self._error("operand")
        self._advance()
        if kind == "num":
            return _number(text, self)
        return self._variable(text)

    def _enter(self) -> None:
        self.nest += 1
        if self.nest > MAX_PARENS:
            raise ArithError("depth", str(MAX_PARENS))

    def _variable(self, name: str) -> int:
        raw = (self.get(name) or "").strip()
        if not raw:
            return 0
        if re.fullmatch(r"[0-9]+", raw):
            return _wrap(int(raw, 8) if raw.startswith("0") and len(raw) > 1 else int(raw))
        if self.depth >= MAX_DEPTH:
            raise self._error("recursion")
        inner = _Eval(raw, self.get, self.put, self.depth + 1)
        inner.nest = self.nest + 1          # the value's parentheses count with the ones around it
        return inner.run()

    def _apply(self, op: str, a: int, b: int) -> int:
        if op in ("/", "%"):
            if b == 0:
                raise self._error("divzero")
            q = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)      # C truncates
            return _wrap(q if op == "/" else a - q * b)
        return _wrap(_OPERATORS[op](a, b))


def _number(text: str, ev: _Eval) -> int:
    try:
        if text[:2] in ("0x", "0X"):
            return _wrap(int(text[2:], 16))
        if text.startswith("0") and len(text) > 1:
            return _wrap(int(text, 8))
        return _wrap(int(text))
    except ValueError:
        raise ArithError("base", text) from None


def evaluate(text: str, get: Callable[[str], Optional[str]], put: Callable[[str, str], None], depth: int = 0) -> int:
    """The value of ``text`` (already expanded), reading and setting variables through
    ``get``/``put``; raises ArithError."""
    if not text.strip():
        return 0
    return _Eval(text, get, put, depth).run()
