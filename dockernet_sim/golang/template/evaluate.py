"""Template execution, the evaluation half: pipelines, commands, fields, calls and arguments.

Mirrors the eval* functions of golang/go ``src/text/template/exec.go`` (evalField, evalCall,
evalArg, validateType, truth), with Go's execution error texts; ``_Evaluator`` is the base of
exec.py's ``_State``.
"""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .reflect import (
    _INTERFACE, _MISSING, _V, _ZERO, _concrete, _elem, _field, _indirect, _indirect_interface, _map_types,
    _method, _struct_fields, _typed,
)
from .strconv import go_quote
from .values import GoError, GoFunc, Struct, _kind_of_type

if TYPE_CHECKING:
    from .nodes import (
        _ChainNode, _CommandNode, _FieldNode, _IdentifierNode, _Node, _NumberNode, _PipeNode, _VariableNode,
    )


class _ExecFail(Exception):
    pass


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


def _byte_col(text: str, pos: int) -> tuple[int, int]:
    before = text[:pos]
    line = 1 + before.count("\n")
    nl = before.rfind("\n")
    col_text = before if nl < 0 else before[nl + 1 :]
    return line, len(col_text.encode("utf-8", "surrogatepass"))


_REFLECT_VALUE = "reflect.Value"


def _can_be_nil(typ: str) -> bool:
    if typ == _REFLECT_VALUE:
        return True
    return _kind_of_type(typ) in ("chan", "func", "interface", "map", "ptr", "slice")


def _zero_of(typ: str) -> _V:
    k = _kind_of_type(typ)
    if k == "interface":
        return _V(None, typ, "interface")
    if k in ("ptr", "slice", "map", "func", "chan"):
        return _V(None, typ, k)
    if k == "string":
        return _V("", typ)
    if k == "bool":
        return _V(False, typ)
    if k in ("int", "uint"):
        return _V(0, typ)
    if k == "float":
        return _V(0.0, typ)
    if k == "complex":
        return _V(0j, typ)
    return _V(Struct(typ), typ, "struct")


def _assignable(v: _V, typ: str) -> bool:
    if typ == _INTERFACE or typ == "any":
        return True
    if v.typ == typ:
        return True
    if v.under is not None and v.under == typ and typ[:1] in "[*m" and not typ[:1].isalpha() or (
        v.under == typ and typ.startswith("map[")
    ):
        return True
    return False


def _is_true(v: _V) -> tuple[bool, bool]:
    if not v.valid():
        return False, True
    k = v.k
    py = v.py
    if k in ("array", "map", "slice", "string"):
        return bool(py), True
    if k in ("bool", "int", "uint", "float", "complex"):
        return bool(py), True
    if k in ("chan", "func", "ptr", "interface"):
        return py is not None, True
    if k == "struct":
        return True, True
    return False, False


class _Evaluator:
    """exec.go's eval* methods (pipelines, commands, fields, calls, arguments); the base of _State."""

    # evaluation
    def eval_pipeline(self, dot: _V, pipe: _PipeNode | None) -> _V:
        if pipe is None:
            return _ZERO
        self.at(pipe)
        value = _MISSING
        for cmd in pipe.cmds:
            value = self.eval_command(dot, cmd, value)
            if value.k == "interface":
                value = _indirect_interface(value)
        for var in pipe.decl:
            if pipe.is_assign:
                self.set_var(var.ident[0], value)
            else:
                self.push(var.ident[0], value)
        return value

    def not_a_function(self, args: list[_Node], final: _V) -> None:
        if len(args) > 1 or final is not _MISSING:
            self.errorf("can't give argument to non-function %s" % args[0])

    def eval_command(self, dot: _V, cmd: _CommandNode, final: _V) -> _V:
        first = cmd.args[0]
        k = first.kind
        if k == "field":
            return self.eval_field_node(dot, first, cmd.args, final)  # type: ignore[arg-type]
        if k == "chain":
            return self.eval_chain_node(dot, first, cmd.args, final)  # type: ignore[arg-type]
        if k == "identifier":
            return self.eval_function(dot, first, cmd, cmd.args, final)  # type: ignore[arg-type]
        if k == "pipe":
            self.not_a_function(cmd.args, final)
            return self.eval_pipeline(dot, first)  # type: ignore[arg-type]
        if k == "variable":
            return self.eval_variable_node(dot, first, cmd.args, final)  # type: ignore[arg-type]
        self.at(first)
        self.not_a_function(cmd.args, final)
        if k == "bool":
            return _V(first.true, "bool")  # type: ignore[attr-defined]
        if k == "dot":
            return dot
        if k == "nil":
            self.errorf("nil is not a command")
        if k == "number":
            return self.ideal_constant(first)  # type: ignore[arg-type]
        if k == "string":
            return _V(first.text, "string")  # type: ignore[attr-defined]
        self.errorf("can't evaluate command %s" % go_quote(str(first)))
        raise AssertionError  # pragma: no cover

    def ideal_constant(self, c: _NumberNode) -> _V:
        self.at(c)
        t = c.text
        if c.is_complex:
            return _V(c.complex128, "complex128")
        is_hex_int = len(t) > 2 and t[0] == "0" and t[1] in "xX" and not any(ch in t for ch in "pP")
        if c.is_float and not is_hex_int and not t.startswith("'") and any(ch in t for ch in ".eEpP"):
            return _V(c.float64, "float64")
        if c.is_int:
            return _V(c.int64, "int")
        if c.is_uint:
            self.errorf("%s overflows int" % t)
        return _ZERO

    def eval_field_node(self, dot: _V, field: _FieldNode, args: list[_Node] | None, final: _V) -> _V:
        self.at(field)
        return self.eval_field_chain(dot, dot, field, field.ident, args, final)

    def eval_chain_node(self, dot: _V, chain: _ChainNode, args: list[_Node] | None, final: _V) -> _V:
        self.at(chain)
        if not chain.field:
            self.errorf("internal error: no fields in evalChainNode")
        if chain.node.kind == "nil":
            self.errorf("indirection through explicit nil in %s" % chain)
        pipe = self.eval_arg(dot, None, chain.node)
        return self.eval_field_chain(dot, pipe, chain, chain.field, args, final)

    def eval_variable_node(self, dot: _V, variable: _VariableNode, args: list[_Node] | None, final: _V) -> _V:
        self.at(variable)
        value = self.var_value(variable.ident[0])
        if len(variable.ident) == 1:
            self.not_a_function(args or [variable], final)
            return value
        return self.eval_field_chain(dot, value, variable, variable.ident[1:], args, final)

    def eval_field_chain(
        self, dot: _V, receiver: _V, node: _Node, ident: list[str], args: list[_Node] | None, final: _V
    ) -> _V:
        n = len(ident)
        for i in range(n - 1):
            receiver = self.eval_field(dot, ident[i], node, None, _MISSING, receiver)
        return self.eval_field(dot, ident[n - 1], node, args, final, receiver)

    def eval_function(self, dot: _V, node: _IdentifierNode, cmd: _Node, args: list[_Node] | None, final: _V) -> _V:
        self.at(node)
        name = node.ident
        fn = self.tmpl._funcs.get(name)
        if fn is None:
            self.errorf("%s is not a defined function" % go_quote(name))
        return self.eval_call(dot, fn, name in _BUILTIN_NAMES, cmd, name, args, final)  # type: ignore[arg-type]

    def eval_field(
        self, dot: _V, name: str, node: _Node, args: list[_Node] | None, final: _V, receiver: _V
    ) -> _V:
        if not receiver.valid():
            if self.missingkey == "error":
                self.errorf("nil data; no entry for key %s" % go_quote(name))
            return _ZERO
        typ = receiver.typ
        receiver, is_nil = _indirect(receiver)
        if receiver.k == "interface" and is_nil:
            self.errorf("nil pointer evaluating %s.%s" % (typ, name))
        method = _method(receiver, name) if not is_nil else None
        if method is not None:
            return self.eval_call(dot, method, False, node, name, args, final)
        has_args = (args is not None and len(args) > 1) or final is not _MISSING
        k = receiver.k
        if k == "struct":
            st = receiver.py
            if name in st and name in _struct_fields(st):
                if not name[:1].isupper():
                    self.errorf("%s is an unexported field of struct type %s" % (name, typ))
                if has_args:
                    self.errorf("%s has arguments but cannot be invoked as function" % name)
                return _field(st, name)
        elif k == "map":
            kt, et = _map_types(receiver)
            if kt in ("string", _INTERFACE):
                if has_args:
                    self.errorf("%s is not a method but has arguments" % name)
                mp = receiver.py
                if mp is not None and name in mp:
                    return _typed(dict.__getitem__(mp, name), et)
                if self.missingkey == "zero":
                    return _zero_of(et)
                if self.missingkey == "error":
                    self.errorf("map has no entry for key %s" % go_quote(name))
                return _ZERO
        elif k == "ptr":
            if is_nil and (receiver.fields is None or name in receiver.fields):
                self.errorf("nil pointer evaluating %s.%s" % (typ, name))
        self.errorf("can't evaluate field %s in type %s" % (name, typ))
        raise AssertionError  # pragma: no cover

    def eval_call(
        self, dot: _V, fn: GoFunc, is_builtin: bool, node: _Node, name: str, args: list[_Node] | None, final: _V
    ) -> _V:
        if args is not None:
            args = args[1:]
        else:
            args = []
        num_in = len(args) + (final is not _MISSING)
        params = fn.params
        if fn.variadic is not None:
            num_fixed = len(params)
            if num_in < num_fixed:
                self.errorf("wrong number of args for %s: want at least %d got %d" % (name, len(params), len(args)))
        else:
            num_fixed = len(args)
            if num_in != len(params):
                self.errorf("wrong number of args for %s: want %d got %d" % (name, len(params), num_in))

        if is_builtin and name in ("and", "or"):
            v = _ZERO
            for a in args:
                v = self.eval_arg(dot, _REFLECT_VALUE, a)
                if _is_true(_indirect_interface(v))[0] == (name == "or"):
                    return v
            if final is not _MISSING:
                v = final
            return v

        argv: list[_V] = []
        i = 0
        while i < num_fixed and i < len(args):
            argv.append(self.eval_arg(dot, params[i], args[i]))
            i += 1
        if fn.variadic is not None:
            while i < len(args):
                argv.append(self.eval_arg(dot, fn.variadic, args[i]))
                i += 1
        if final is not _MISSING:
            if fn.variadic is not None:
                t = params[num_in - 1] if num_in - 1 < num_fixed else fn.variadic
            else:
                t = params[-1]
            argv.append(self.validate_type(final, t))
        try:
            if fn.raw:
                result = fn.fn(self, *argv)
            else:
                result = fn.fn(*[_to_py(a) for a in argv])
        except GoError as e:
            self.at(node)
            self.errorf("error calling %s: %s" % (name, e))
        except (_ExecFail, RecursionError):
            raise
        except Exception as e:  # noqa: BLE001 - a panicking Go function becomes an error
            self.at(node)
            self.errorf("error calling %s: %s" % (name, e))
        if isinstance(result, _V):
            return result
        if fn.result is not None and fn.result not in (_INTERFACE, _REFLECT_VALUE):
            return _typed(result, fn.result)
        return _concrete(result)

    def validate_type(self, value: _V, typ: str | None) -> _V:
        if not value.valid():
            if typ is None:
                return _ZERO
            if typ == _REFLECT_VALUE:
                return _ZERO
            if _can_be_nil(typ):
                return _zero_of(typ)
            self.errorf("invalid value; expected %s" % typ)
        if typ == _REFLECT_VALUE or typ is None:
            return value
        if not _assignable(value, typ):
            if value.k == "interface" and value.py is not None:
                value = _elem(value)
                if _assignable(value, typ):
                    return value
            if value.k == "ptr" and (value.typ or "")[1:] == typ:
                value = _elem(value)
                if not value.valid():
                    self.errorf("dereference of nil pointer of type %s" % typ)
            else:
                self.errorf("wrong type for value; expected %s; got %s" % (typ, value.typ))
        return value

    def eval_arg(self, dot: _V, typ: str | None, n: _Node) -> _V:
        self.at(n)
        k = n.kind
        if k == "dot":
            return self.validate_type(dot, typ)
        if k == "nil":
            if typ is not None and _can_be_nil(typ):
                return _ZERO if typ == _REFLECT_VALUE else _zero_of(typ)
            self.errorf("cannot assign nil to %s" % typ)
        if k == "field":
            return self.validate_type(self.eval_field_node(dot, n, [n], _MISSING), typ)  # type: ignore[arg-type]
        if k == "variable":
            return self.validate_type(self.eval_variable_node(dot, n, None, _MISSING), typ)  # type: ignore[arg-type]
        if k == "pipe":
            return self.validate_type(self.eval_pipeline(dot, n), typ)  # type: ignore[arg-type]
        if k == "identifier":
            return self.validate_type(self.eval_function(dot, n, n, None, _MISSING), typ)  # type: ignore[arg-type]
        if k == "chain":
            return self.validate_type(self.eval_chain_node(dot, n, None, _MISSING), typ)  # type: ignore[arg-type]
        tk = _kind_of_type(typ) if typ not in (None, _REFLECT_VALUE) else "interface"
        if tk == "bool":
            if k == "bool":
                return _V(n.true, typ)  # type: ignore[attr-defined]
            self.errorf("expected bool; found %s" % n)
        if tk == "complex":
            if k == "number" and n.is_complex:  # type: ignore[attr-defined]
                return _V(n.complex128, typ)  # type: ignore[attr-defined]
            self.errorf("expected complex; found %s" % n)
        if tk == "float":
            if k == "number" and n.is_float:  # type: ignore[attr-defined]
                return _V(n.float64, typ)  # type: ignore[attr-defined]
            self.errorf("expected float; found %s" % n)
        if tk == "int":
            if k == "number" and n.is_int:  # type: ignore[attr-defined]
                return _V(n.int64, typ)  # type: ignore[attr-defined]
            self.errorf("expected integer; found %s" % n)
        if tk == "uint":
            if k == "number" and n.is_uint:  # type: ignore[attr-defined]
                return _V(n.uint64, typ)  # type: ignore[attr-defined]
            self.errorf("expected unsigned integer; found %s" % n)
        if tk == "string":
            if k == "string":
                return _V(n.text, typ)  # type: ignore[attr-defined]
            self.errorf("expected string; found %s" % n)
        if tk == "interface":
            return self.eval_empty_interface(dot, n)
        self.errorf("can't handle %s for arg of type %s" % (n, typ))
        raise AssertionError  # pragma: no cover

    def eval_empty_interface(self, dot: _V, n: _Node) -> _V:
        self.at(n)
        k = n.kind
        if k == "bool":
            return _V(n.true, "bool")  # type: ignore[attr-defined]
        if k == "dot":
            return dot
        if k == "field":
            return self.eval_field_node(dot, n, None, _MISSING)  # type: ignore[arg-type]
        if k == "identifier":
            return self.eval_function(dot, n, n, None, _MISSING)  # type: ignore[arg-type]
        if k == "nil":
            self.errorf("evalEmptyInterface: nil (can't happen)")
        if k == "number":
            return self.ideal_constant(n)  # type: ignore[arg-type]
        if k == "string":
            return _V(n.text, "string")  # type: ignore[attr-defined]
        if k == "variable":
            return self.eval_variable_node(dot, n, None, _MISSING)  # type: ignore[arg-type]
        if k == "pipe":
            return self.eval_pipeline(dot, n)  # type: ignore[arg-type]
        self.errorf("can't handle assignment of %s to empty interface argument" % n)
        raise AssertionError  # pragma: no cover


def _to_py(v: _V) -> Any:
    if v.py is None:
        if v.k == "slice":
            return []
        if v.k == "map":
            return {}
    return v.py


_BUILTIN_NAMES = frozenset(
    "and call html index slice js len not or print printf println urlquery eq ge gt le lt ne".split()
)
