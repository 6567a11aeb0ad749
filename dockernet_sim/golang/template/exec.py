"""Template execution, the walk: text, actions, if/with/range, template calls and printing.

Mirrors the state and walk* functions of golang/go ``src/text/template/exec.go``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .evaluate import _Break, _Continue, _Evaluator, _ExecFail, _byte_col, _is_true
from .fmt import _print_arg
from .nodes import _ActionNode, _BranchNode, _ListNode, _Node, _PipeNode, _RangeNode, _TemplateNode, _TextNode
from .reflect import _V, _ZERO, _elem_type, _indirect, _indirect_interface, _map_items, _typed
from .strconv import go_quote

if TYPE_CHECKING:
    from .template import Template


class _State(_Evaluator):
    def __init__(self, tmpl: "Template", missingkey: str) -> None:
        self.tmpl = tmpl
        self.text = tmpl._text
        self.missingkey = missingkey
        self.node: _Node | None = None
        self.vars: list[tuple[str, _V]] = []
        self.out: list[str] = []
        self.depth = 0

    def at(self, node: _Node) -> None:
        self.node = node

    def errorf(self, msg: str) -> None:
        if self.node is None:
            raise _ExecFail("template: : " + msg)
        line, col = _byte_col(self.text, self.node.pos)
        raise _ExecFail('template: :%d:%d: executing "" at <%s>: %s' % (line, col, self.node, msg))

    def mark(self) -> int:
        return len(self.vars)

    def pop(self, mark: int) -> None:
        del self.vars[mark:]

    def push(self, name: str, value: _V) -> None:
        self.vars.append((name, value))

    def set_var(self, name: str, value: _V) -> None:
        for i in range(len(self.vars) - 1, -1, -1):
            if self.vars[i][0] == name:
                self.vars[i] = (name, value)
                return
        self.errorf("undefined variable: %s" % name)

    def set_top_var(self, n: int, value: _V) -> None:
        self.vars[len(self.vars) - n] = (self.vars[len(self.vars) - n][0], value)

    def var_value(self, name: str) -> _V:
        for i in range(len(self.vars) - 1, -1, -1):
            if self.vars[i][0] == name:
                return self.vars[i][1]
        self.errorf("undefined variable: %s" % name)
        raise AssertionError  # pragma: no cover

    # walking
    def walk(self, dot: _V, node: _Node) -> None:
        self.at(node)
        k = node.kind
        if k == "action":
            assert isinstance(node, _ActionNode)
            val = self.eval_pipeline(dot, node.pipe)
            if not node.pipe.decl:
                self.print_value(node, val)
        elif k == "break":
            raise _Break
        elif k == "continue":
            raise _Continue
        elif k in ("if", "with"):
            assert isinstance(node, _BranchNode)
            self.walk_if_or_with(k, dot, node.pipe, node.list, node.else_list)
        elif k == "list":
            assert isinstance(node, _ListNode)
            for n in node.nodes:
                self.walk(dot, n)
        elif k == "range":
            assert isinstance(node, _RangeNode)
            self.walk_range(dot, node)
        elif k == "template":
            assert isinstance(node, _TemplateNode)
            self.walk_template(dot, node)
        elif k == "text":
            assert isinstance(node, _TextNode)
            self.out.append(node.text)
        else:  # pragma: no cover
            self.errorf("unknown node: %s" % node)

    def walk_if_or_with(self, typ: str, dot: _V, pipe: _PipeNode, lst: _ListNode, else_list: _ListNode | None) -> None:
        mark = self.mark()
        try:
            val = self.eval_pipeline(dot, pipe)
            truth, ok = _is_true(_indirect_interface(val))
            if not ok:
                self.errorf("if/with can't use %s" % _print_arg(val, "v"))
            if truth:
                self.walk(val if typ == "with" else dot, lst)
            elif else_list is not None:
                self.walk(dot, else_list)
        finally:
            self.pop(mark)

    def walk_range(self, dot: _V, r: _RangeNode) -> None:
        self.at(r)
        outer = self.mark()
        try:
            val, _ = _indirect(self.eval_pipeline(dot, r.pipe))
            mark = self.mark()

            def one(index: _V, elem: _V) -> None:
                decl = r.pipe.decl
                if decl:
                    if r.pipe.is_assign:
                        if len(decl) > 1:
                            self.set_var(decl[0].ident[0], index)
                        else:
                            self.set_var(decl[0].ident[0], elem)
                    else:
                        self.set_top_var(1, elem)
                if len(decl) > 1:
                    if r.pipe.is_assign:
                        self.set_var(decl[1].ident[0], elem)
                    else:
                        self.set_top_var(2, index)
                try:
                    self.walk(elem, r.list)
                except _Continue:
                    pass
                finally:
                    self.pop(mark)

            k = val.k
            ran = False
            try:
                if k in ("array", "slice"):
                    et = _elem_type(val)
                    for i, x in enumerate(val.py or []):
                        ran = True
                        one(_V(i, "int"), _typed(x, et))
                elif k == "map":
                    for key, x in _map_items(val):
                        ran = True
                        one(key, x)
                elif k in ("int", "uint") and self.tmpl._go_new:
                    if len(r.pipe.decl) > 1:
                        self.errorf("can't use %s to iterate over more than one variable" % _print_arg(val, "v"))
                    for i in range(int(val.py)):
                        ran = True
                        one(_ZERO, _V(i, val.typ))
                elif k == "invalid":
                    pass
                else:
                    self.errorf("range can't iterate over %s" % _print_arg(val, "v"))
            except _Break:
                return
            if ran:
                return
            if r.else_list is not None:
                self.walk(dot, r.else_list)
        finally:
            self.pop(outer)

    def walk_template(self, dot: _V, t: _TemplateNode) -> None:
        self.at(t)
        root = self.tmpl._trees.get(t.name)
        if root is None:
            self.errorf("template %s not defined" % go_quote(t.name))
        if self.depth >= 200:
            self.errorf("exceeded maximum template depth (100000)")
        dot = self.eval_pipeline(dot, t.pipe)
        saved = self.vars
        self.vars = [("$", dot)]
        self.depth += 1
        try:
            self.walk(dot, root)  # type: ignore[arg-type]
        finally:
            self.depth -= 1
            self.vars = saved

    def print_value(self, n: _Node, v: _V) -> None:
        self.at(n)
        if v.k == "ptr":
            v, _ = _indirect(v)
        if not v.valid():
            self.out.append("<no value>")
            return
        if v.k in ("func", "chan") and v.py is not None:
            self.errorf("can't print %s of type %s" % (n, v.typ))
        self.out.append(_print_arg(v, "v"))
