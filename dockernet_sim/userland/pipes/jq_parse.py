"""jq 1.6's filter language: lexer and parser to a small AST.

Mirrors jq's src/lexer.l and src/parser.y for the subset docker users write (paths, iteration,
pipes, commas, alternatives, comparisons, arithmetic, construction, builtin calls), with jq's
compile error texts.
"""

from __future__ import annotations

import re


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
