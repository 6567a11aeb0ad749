"""The parse tree: list, text, action, pipe, command, field, chain, number... and branch nodes.

Mirrors golang/go ``src/text/template/parse/node.go``, including each node's String() (used in
error texts) and NumberNode's reading of number literals.
"""

from __future__ import annotations

import math

from .lexer import _CHAR_CONSTANT, _COMPLEX
from .strconv import _SyntaxError, _parse_float, _parse_int, _unquote_char, go_quote


class _Node:
    __slots__ = ("pos",)
    kind = ""

    def __str__(self) -> str:  # pragma: no cover - overridden
        return ""


class _ListNode(_Node):
    __slots__ = ("nodes",)
    kind = "list"

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.nodes: list[_Node] = []

    def __str__(self) -> str:
        return "".join(str(n) for n in self.nodes)


class _TextNode(_Node):
    __slots__ = ("text",)
    kind = "text"

    def __init__(self, pos: int, text: str) -> None:
        self.pos = pos
        self.text = text

    def __str__(self) -> str:
        return self.text


class _PipeNode(_Node):
    __slots__ = ("line", "is_assign", "decl", "cmds", "go_new")
    kind = "pipe"

    def __init__(self, pos: int, line: int, go_new: bool) -> None:
        self.pos = pos
        self.line = line
        self.is_assign = False
        self.decl: list[_VariableNode] = []
        self.cmds: list[_CommandNode] = []
        self.go_new = go_new

    def __str__(self) -> str:
        s = ""
        if self.decl:
            s = ", ".join(str(v) for v in self.decl) + (" = " if self.is_assign and self.go_new else " := ")
        return s + " | ".join(str(c) for c in self.cmds)


class _ActionNode(_Node):
    __slots__ = ("line", "pipe")
    kind = "action"

    def __init__(self, pos: int, line: int, pipe: _PipeNode) -> None:
        self.pos = pos
        self.line = line
        self.pipe = pipe

    def __str__(self) -> str:
        return "{{" + str(self.pipe) + "}}"


class _CommandNode(_Node):
    __slots__ = ("args",)
    kind = "command"

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.args: list[_Node] = []

    def __str__(self) -> str:
        return " ".join("(" + str(a) + ")" if isinstance(a, _PipeNode) else str(a) for a in self.args)


class _IdentifierNode(_Node):
    __slots__ = ("ident",)
    kind = "identifier"

    def __init__(self, pos: int, ident: str) -> None:
        self.pos = pos
        self.ident = ident

    def __str__(self) -> str:
        return self.ident


class _VariableNode(_Node):
    __slots__ = ("ident",)
    kind = "variable"

    def __init__(self, pos: int, ident: str) -> None:
        self.pos = pos
        self.ident = ident.split(".")

    def __str__(self) -> str:
        return ".".join(self.ident)


class _DotNode(_Node):
    __slots__ = ()
    kind = "dot"

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def __str__(self) -> str:
        return "."


class _NilNode(_Node):
    __slots__ = ()
    kind = "nil"

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def __str__(self) -> str:
        return "nil"


class _FieldNode(_Node):
    __slots__ = ("ident",)
    kind = "field"

    def __init__(self, pos: int, ident: str) -> None:
        self.pos = pos
        self.ident = ident[1:].split(".")

    def __str__(self) -> str:
        return "".join("." + i for i in self.ident)


class _ChainNode(_Node):
    __slots__ = ("node", "field")
    kind = "chain"

    def __init__(self, pos: int, node: _Node) -> None:
        self.pos = pos
        self.node = node
        self.field: list[str] = []

    def add(self, field: str) -> None:
        self.field.append(field[1:])

    def __str__(self) -> str:
        s = "(" + str(self.node) + ")" if isinstance(self.node, _PipeNode) else str(self.node)
        return s + "".join("." + f for f in self.field)


class _BoolNode(_Node):
    __slots__ = ("true",)
    kind = "bool"

    def __init__(self, pos: int, true: bool) -> None:
        self.pos = pos
        self.true = true

    def __str__(self) -> str:
        return "true" if self.true else "false"


class _NumberNode(_Node):
    __slots__ = ("is_int", "is_uint", "is_float", "is_complex", "int64", "uint64", "float64", "complex128", "text")
    kind = "number"

    def __init__(self, pos: int, text: str, typ: int) -> None:
        self.pos = pos
        self.text = text
        self.is_int = self.is_uint = self.is_float = self.is_complex = False
        self.int64 = 0
        self.uint64 = 0
        self.float64 = 0.0
        self.complex128 = 0j
        if typ == _CHAR_CONSTANT:
            try:
                v, i = _unquote_char(text[1:], 0, text[0])
            except (_SyntaxError, IndexError):
                raise _SyntaxError("invalid syntax") from None
            if text[1:][i:] != "'":
                raise _SyntaxError("malformed character constant: " + text)
            self.int64 = self.uint64 = v
            self.float64 = float(v)
            self.is_int = self.is_uint = self.is_float = True
            return
        if typ == _COMPLEX:
            try:
                self.complex128 = complex(text.replace("i", "j"))
            except ValueError:
                raise _SyntaxError("expected integer") from None
            self.is_complex = True
            self._simplify_complex()
            return
        if text.endswith("i"):
            try:
                f = _parse_float(text[:-1])
            except _SyntaxError:
                pass
            else:
                self.is_complex = True
                self.complex128 = complex(0, f)
                self._simplify_complex()
                return
        u = None
        try:
            u = _parse_int(text, True)
            self.is_uint = True
            self.uint64 = u
        except _SyntaxError:
            pass
        try:
            i = _parse_int(text, False)
            self.is_int = True
            self.int64 = i
            if i == 0:
                self.is_uint = True
                self.uint64 = u or 0
        except _SyntaxError:
            pass
        if self.is_int:
            self.is_float = True
            self.float64 = float(self.int64)
        elif self.is_uint:
            self.is_float = True
            self.float64 = float(self.uint64)
        else:
            try:
                f = _parse_float(text)
            except _SyntaxError:
                pass
            else:
                if not any(c in text for c in ".eEpP"):
                    raise _SyntaxError("integer overflow: " + go_quote(text))
                self.is_float = True
                self.float64 = f
                if not math.isinf(f) and float(int(f)) == f and -(1 << 63) <= int(f) < (1 << 63):
                    self.is_int = True
                    self.int64 = int(f)
                if not math.isinf(f) and float(int(f)) == f and 0 <= int(f) < (1 << 64):
                    self.is_uint = True
                    self.uint64 = int(f)
        if not (self.is_int or self.is_uint or self.is_float):
            raise _SyntaxError("illegal number syntax: " + go_quote(text))

    def _simplify_complex(self) -> None:
        c = self.complex128
        self.is_float = c.imag == 0
        if self.is_float:
            self.float64 = c.real
            if not math.isinf(c.real) and not math.isnan(c.real) and float(int(c.real)) == c.real:
                n = int(c.real)
                if -(1 << 63) <= n < (1 << 63):
                    self.is_int = True
                    self.int64 = n
                if 0 <= n < (1 << 64):
                    self.is_uint = True
                    self.uint64 = n

    def __str__(self) -> str:
        return self.text


class _StringNode(_Node):
    __slots__ = ("quoted", "text")
    kind = "string"

    def __init__(self, pos: int, quoted: str, text: str) -> None:
        self.pos = pos
        self.quoted = quoted
        self.text = text

    def __str__(self) -> str:
        return self.quoted


class _EndNode(_Node):
    __slots__ = ()
    kind = "end"

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def __str__(self) -> str:
        return "{{end}}"


class _ElseNode(_Node):
    __slots__ = ("line",)
    kind = "else"

    def __init__(self, pos: int, line: int) -> None:
        self.pos = pos
        self.line = line

    def __str__(self) -> str:
        return "{{else}}"


class _BranchNode(_Node):
    __slots__ = ("line", "pipe", "list", "else_list")
    name = ""

    def __init__(self, pos: int, line: int, pipe: _PipeNode, lst: _ListNode, else_list: _ListNode | None) -> None:
        self.pos = pos
        self.line = line
        self.pipe = pipe
        self.list = lst
        self.else_list = else_list

    def __str__(self) -> str:
        s = "{{" + self.name + " " + str(self.pipe) + "}}" + str(self.list)
        if self.else_list is not None:
            s += "{{else}}" + str(self.else_list)
        return s + "{{end}}"


class _IfNode(_BranchNode):
    __slots__ = ()
    kind = "if"
    name = "if"


class _RangeNode(_BranchNode):
    __slots__ = ()
    kind = "range"
    name = "range"


class _WithNode(_BranchNode):
    __slots__ = ()
    kind = "with"
    name = "with"


class _BreakNode(_Node):
    __slots__ = ("line",)
    kind = "break"

    def __init__(self, pos: int, line: int) -> None:
        self.pos = pos
        self.line = line

    def __str__(self) -> str:
        return "{{break}}"


class _ContinueNode(_Node):
    __slots__ = ("line",)
    kind = "continue"

    def __init__(self, pos: int, line: int) -> None:
        self.pos = pos
        self.line = line

    def __str__(self) -> str:
        return "{{continue}}"


class _TemplateNode(_Node):
    __slots__ = ("line", "name", "pipe")
    kind = "template"

    def __init__(self, pos: int, line: int, name: str, pipe: _PipeNode | None) -> None:
        self.pos = pos
        self.line = line
        self.name = name
        self.pipe = pipe

    def __str__(self) -> str:
        s = "{{template " + go_quote(self.name)
        if self.pipe is not None:
            s += " " + str(self.pipe)
        return s + "}}"
