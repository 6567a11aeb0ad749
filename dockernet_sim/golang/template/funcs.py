"""Template functions: Go's builtins and the ones docker/cli installs.

Mirrors golang/go ``src/text/template/funcs.go`` (and, or, not, len, index, slice, eq/ne/lt/le/
gt/ge, html, js, urlquery, print*, call) and docker/cli ``templates/templates.go`` (json, split,
join, title, lower, upper, pad, truncate), plus docker's header functions for table output.
"""

from __future__ import annotations

import unicodedata
from typing import Any, TYPE_CHECKING

from .evaluate import _REFLECT_VALUE, _assignable, _can_be_nil, _is_true, _to_py, _zero_of
from .fmt import _print_arg, _sprint, _sprintf, _sprintln
from .reflect import (
    _INTERFACE, _V, _concrete, _elem_type, _field, _indirect, _indirect_interface, _map_types,
    _struct_fields, _typed,
)
from .strconv import _is_print
from .values import GoError, GoFunc, Slice, _as_gofunc, _kind_of_type
from ..version import GoVersion

if TYPE_CHECKING:
    from .exec import _State


def _fn_not(s: _State, a: _V) -> _V:
    return _V(not _is_true(_indirect_interface(a))[0], "bool")


def _fn_len(s: _State, item: _V) -> _V:
    item, is_nil = _indirect(item)
    if is_nil:
        raise GoError("len of nil pointer")
    if not item.valid():
        raise GoError("reflect: call of reflect.Value.Type on zero Value")
    if item.k in ("array", "chan", "map", "slice"):
        return _V(len(item.py or ()), "int")
    if item.k == "string":
        return _V(len(str(item.py).encode("utf-8", "surrogatepass")), "int")
    raise GoError("len of type %s" % item.typ)


def _index_arg(index: _V, cap: int) -> int:
    k = index.k
    if k in ("int", "uint"):
        x = int(index.py)
    elif k == "invalid":
        raise GoError("cannot index slice/array with nil")
    else:
        raise GoError("cannot index slice/array with type %s" % index.typ)
    if x < 0 or x > cap:
        raise GoError("index out of range: %d" % x)
    return x


def _fn_index(s: _State, item: _V, *indexes: _V) -> _V:
    item = _indirect_interface(item)
    if not item.valid():
        raise GoError("index of untyped nil")
    for index in indexes:
        index = _indirect_interface(index)
        item, is_nil = _indirect(item)
        if is_nil:
            raise GoError("index of nil pointer")
        k = item.k
        if k in ("array", "slice", "string"):
            if k == "string":
                b = str(item.py).encode("utf-8", "surrogatepass")
                x = _index_arg(index, len(b))
                if x == len(b):
                    raise GoError("reflect: string index out of range")
                item = _V(b[x], "uint8")
            else:
                seq = item.py or []
                x = _index_arg(index, len(seq))
                if x == len(seq):
                    raise GoError("reflect: slice index out of range")
                item = _typed(seq[x], _elem_type(item))
        elif k == "map":
            kt, et = _map_types(item)
            if not index.valid():
                if not _can_be_nil(kt):
                    raise GoError("value is nil; should be of type %s" % kt)
                key = None
            else:
                if not _assignable(index, kt):
                    if index.k in ("int", "uint") and _kind_of_type(kt) in ("int", "uint"):
                        pass
                    else:
                        raise GoError("value has type %s; should be %s" % (index.typ, kt))
                key = index.py
            mp = item.py or {}
            if key in mp:
                item = _typed(mp[key], et)
            else:
                item = _zero_of(et)
        else:
            raise GoError("can't index item of type %s" % item.typ)
    return item


def _fn_slice(s: _State, item: _V, *indexes: _V) -> _V:
    item = _indirect_interface(item)
    if not item.valid():
        raise GoError("slice of untyped nil")
    if len(indexes) > 3:
        raise GoError("too many slice indexes: %d" % len(indexes))
    if item.k == "string":
        if len(indexes) == 3:
            raise GoError("cannot 3-index slice a string")
        data: Any = str(item.py).encode("utf-8", "surrogatepass")
    elif item.k in ("array", "slice"):
        data = list(item.py or [])
    else:
        raise GoError("can't slice item of type %s" % item.typ)
    cap = len(data)
    idx = [0, len(data), cap]
    for i, index in enumerate(indexes):
        idx[i] = _index_arg(index, cap)
    if idx[0] > idx[1]:
        raise GoError("invalid slice index: %d > %d" % (idx[0], idx[1]))
    if len(indexes) == 3 and idx[1] > idx[2]:
        raise GoError("invalid slice index: %d > %d" % (idx[1], idx[2]))
    part = data[idx[0] : idx[1]]
    if item.k == "string":
        return _V(part.decode("utf-8", "replace"), item.typ)
    if isinstance(item.py, Slice):
        return _V(Slice(part, item.py.type_name, underlying=item.py.underlying), item.typ, None, item.under)
    return _V(part, item.typ, None, item.under)


def _basic_kind(v: _V) -> str:
    k = v.k
    if k in ("bool", "int", "uint", "float", "complex", "string"):
        return k
    return ""


def _eq_values(a: _V, b: _V) -> bool:
    ka, kb = _basic_kind(a), _basic_kind(b)
    if ka != kb:
        if ka in ("int", "uint") and kb in ("int", "uint"):
            return int(a.py) == int(b.py)
        if a.valid() and b.valid():
            raise GoError("incompatible types for comparison")
        return False
    if ka:
        return a.py == b.py
    if not (a.k == b.k or not a.valid() or not b.valid()):
        raise GoError(
            "non-comparable types %s: %s, %s: %s"
            % (_print_arg(a, "s"), a.typ, b.typ, _print_arg(b, "v"))
        )
    a_nil = not a.valid() or a.is_nil()
    b_nil = not b.valid() or b.is_nil()
    if a_nil or b_nil:
        return a_nil == b_nil
    if not _comparable(b):
        raise GoError("non-comparable type %s: %s" % (_print_arg(b, "s"), b.typ))
    if a.typ != b.typ:
        return False
    return a.py == b.py


def _comparable(v: _V, depth: int = 0) -> bool:
    if v.k in ("slice", "map", "func"):
        return False
    if v.k == "struct" and depth < 50:
        return all(_comparable(_field(v.py, n), depth + 1) for n in _struct_fields(v.py))
    return True


def _fn_eq(s: _State, arg1: _V, *arg2: _V) -> _V:
    arg1 = _indirect_interface(arg1)
    if not arg2:
        raise GoError("missing argument for comparison")
    for a in arg2:
        if _eq_values(arg1, _indirect_interface(a)):
            return _V(True, "bool")
    return _V(False, "bool")


def _fn_ne(s: _State, a: _V, b: _V) -> _V:
    return _V(not _fn_eq(s, a, b).py, "bool")


def _lt(a: _V, b: _V) -> bool:
    a = _indirect_interface(a)
    ka = _basic_kind(a)
    if not ka:
        raise GoError("invalid type for comparison")
    b = _indirect_interface(b)
    kb = _basic_kind(b)
    if not kb:
        raise GoError("invalid type for comparison")
    if ka != kb:
        if ka in ("int", "uint") and kb in ("int", "uint"):
            return int(a.py) < int(b.py)
        raise GoError("incompatible types for comparison")
    if ka in ("bool", "complex"):
        raise GoError("invalid type for comparison")
    return a.py < b.py


def _fn_lt(s: _State, a: _V, b: _V) -> _V:
    return _V(_lt(a, b), "bool")


def _fn_le(s: _State, a: _V, b: _V) -> _V:
    if _lt(a, b):
        return _V(True, "bool")
    return _fn_eq(s, a, b)


def _fn_gt(s: _State, a: _V, b: _V) -> _V:
    return _V(not _fn_le(s, a, b).py, "bool")


def _fn_ge(s: _State, a: _V, b: _V) -> _V:
    return _V(not _lt(a, b), "bool")


def _eval_args(args: tuple[_V, ...]) -> str:
    if len(args) == 1 and args[0].k in ("string", "interface") and isinstance(args[0].py, str):
        return str(args[0].py)
    vals = []
    for a in args:
        a = _indirect_interface(a) if a.k == "interface" else a
        if a.k == "ptr":
            a, _ = _indirect(a)
        vals.append(a if a.valid() else _V("<no value>", "string"))
    return _sprint(vals)


def _fn_html(s: _State, *args: _V) -> _V:
    t = _eval_args(args)
    rep = {"\0": "\ufffd", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}
    return _V("".join(rep.get(c, c) for c in t), "string")


def _fn_js(s: _State, *args: _V) -> _V:
    t = _eval_args(args)
    out = []
    for c in t:
        o = ord(c)
        if c == "\\":
            out.append("\\\\")
        elif c == "'":
            out.append("\\'")
        elif c == '"':
            out.append('\\"')
        elif c == "<":
            out.append("\\u003C")
        elif c == ">":
            out.append("\\u003E")
        elif c == "&":
            out.append("\\u0026")
        elif c == "=":
            out.append("\\u003D")
        elif o < 0x20:
            out.append("\\u00%02X" % o)
        elif o >= 0x80 and not _is_print(c):
            out.append("\\u%04X" % o)
        else:
            out.append(c)
    return _V("".join(out), "string")


def _fn_urlquery(s: _State, *args: _V) -> _V:
    from urllib.parse import quote_plus

    return _V(quote_plus(_eval_args(args), safe="-_.~"), "string")


def _fn_print(s: _State, *args: _V) -> _V:
    return _V(_sprint(list(args)), "string")


def _fn_println(s: _State, *args: _V) -> _V:
    return _V(_sprintln(list(args)), "string")


def _fn_printf(s: _State, fmt: _V, *args: _V) -> _V:
    return _V(_sprintf(str(fmt.py), list(args)), "string")


def _fn_call(s: _State, fn: _V, *args: _V) -> _V:
    fn = _indirect_interface(fn)
    if not fn.valid():
        raise GoError("call of nil")
    if fn.k != "func":
        raise GoError("non-function of type %s" % fn.typ)
    g = _as_gofunc(fn.py, "call")
    n_in = len(g.params)
    if g.variadic is not None:
        if len(args) < n_in:
            raise GoError("wrong number of args: got %d want at least %d" % (len(args), n_in))
    elif len(args) != n_in:
        raise GoError("wrong number of args: got %d want %d" % (len(args), n_in))
    res = g.fn(*[_to_py(a) for a in args]) if not g.raw else g.fn(s, *args)
    return res if isinstance(res, _V) else _concrete(res)


def _go_title(s: str) -> str:
    out = []
    prev = " "
    for c in s:
        sep = not (prev.isalnum() or prev == "_") if ord(prev) < 0x80 else (
            not (prev.isalpha() or unicodedata.category(prev) == "Nd") and prev.isspace()
        )
        if ord(prev) >= 0x80 and not prev.isspace() and not (prev.isalpha() or prev.isdigit()):
            sep = False
        out.append(_go_upper_char(c, title=True) if sep else c)
        prev = c
    return "".join(out)


def _go_upper_char(c: str, title: bool = False) -> str:
    u = c.title() if title else c.upper()
    return u if len(u) == 1 else c


def _go_lower(s: str) -> str:
    return "".join(x if len(x) == 1 else c for c in s for x in (c.lower(),))


def _go_upper(s: str) -> str:
    return "".join(_go_upper_char(c) for c in s)


def _go_split(s: str, sep: str) -> list[str]:
    if sep == "":
        return list(s)
    return s.split(sep)


def _docker_pad(source: str, prefix: int, suffix: int) -> str:
    if source == "":
        return source
    if prefix < 0 or suffix < 0:
        raise GoError("strings: negative Repeat count")
    return " " * prefix + source + " " * suffix


def _docker_truncate(source: str, length: int) -> str:
    b = source.encode("utf-8", "surrogatepass")
    if len(b) < length:
        return source
    if length < 0:
        raise GoError("runtime error: slice bounds out of range [:%d]" % length)
    return b[:length].decode("utf-8", "replace")


def _docker_json(go: GoVersion, json_errors: bool) -> GoFunc:
    def json_fn(s: _State, v: _V) -> _V:
        from .jsonenc import _JsonError, _json_value, _short_bf     # encoding/json: loaded by its first use (issue 15)
        try:
            return _V(_json_value(v, _short_bf(go)).strip(" \t\r\n"), "string")
        except _JsonError as e:
            if not json_errors:
                return _V("", "string")  # docker 20.10 ignores the encoder's error
            raise GoError(str(e)) from None

    return GoFunc(json_fn, (_INTERFACE,), None, "string", "json", raw=True)


def _join(elems: list[str], sep: str) -> str:
    return sep.join(elems)


def _builtins() -> dict[str, GoFunc]:
    rv = _REFLECT_VALUE
    f = GoFunc
    return {
        "and": f(lambda s, *a: a[-1], (rv,), rv, rv, "and", raw=True),
        "or": f(lambda s, *a: a[-1], (rv,), rv, rv, "or", raw=True),
        "not": f(_fn_not, (rv,), None, "bool", "not", raw=True),
        "len": f(_fn_len, (rv,), None, "int", "len", raw=True),
        "index": f(_fn_index, (rv,), rv, rv, "index", raw=True),
        "slice": f(_fn_slice, (rv,), rv, rv, "slice", raw=True),
        "call": f(_fn_call, (rv,), rv, rv, "call", raw=True),
        "html": f(_fn_html, (), _INTERFACE, "string", "html", raw=True),
        "js": f(_fn_js, (), _INTERFACE, "string", "js", raw=True),
        "urlquery": f(_fn_urlquery, (), _INTERFACE, "string", "urlquery", raw=True),
        "print": f(_fn_print, (), _INTERFACE, "string", "print", raw=True),
        "println": f(_fn_println, (), _INTERFACE, "string", "println", raw=True),
        "printf": f(_fn_printf, ("string",), _INTERFACE, "string", "printf", raw=True),
        "eq": f(_fn_eq, (rv,), rv, "bool", "eq", raw=True),
        "ne": f(_fn_ne, (rv, rv), None, "bool", "ne", raw=True),
        "lt": f(_fn_lt, (rv, rv), None, "bool", "lt", raw=True),
        "le": f(_fn_le, (rv, rv), None, "bool", "le", raw=True),
        "gt": f(_fn_gt, (rv, rv), None, "bool", "gt", raw=True),
        "ge": f(_fn_ge, (rv, rv), None, "bool", "ge", raw=True),
    }


def _docker_funcs(go: GoVersion, json_errors: bool) -> dict[str, GoFunc]:
    """docker/cli templates/templates.go basicFunctions."""
    s = "string"
    return {
        "json": _docker_json(go, json_errors),
        "split": GoFunc(_go_split, (s, s), None, "[]string", "split"),
        "join": GoFunc(_join, ("[]string", s), None, s, "join"),
        "title": GoFunc(_go_title, (s,), None, s, "title"),
        "lower": GoFunc(_go_lower, (s,), None, s, "lower"),
        "upper": GoFunc(_go_upper, (s,), None, s, "upper"),
        "pad": GoFunc(_docker_pad, (s, "int", "int"), None, s, "pad"),
        "truncate": GoFunc(_docker_truncate, (s, "int"), None, s, "truncate"),
    }


def header_funcs() -> dict[str, GoFunc]:
    """docker/cli templates.HeaderFunctions: identity versions used for table headers."""
    s = "string"
    ident = lambda v, *_: v  # noqa: E731
    return {
        "json": GoFunc(ident, (s,), None, s, "json"),
        "split": GoFunc(ident, (s, s), None, s, "split"),
        "join": GoFunc(ident, (s, s), None, s, "join"),
        "title": GoFunc(ident, (s,), None, s, "title"),
        "lower": GoFunc(ident, (s,), None, s, "lower"),
        "upper": GoFunc(ident, (s,), None, s, "upper"),
        "truncate": GoFunc(ident, (s, "int"), None, s, "truncate"),
    }
