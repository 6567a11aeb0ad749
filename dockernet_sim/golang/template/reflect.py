"""Values as Go's reflect sees them: ``_V`` = (Python value, Go type, kind).

Mirrors the parts of golang/go ``src/reflect`` that text/template and fmt use: kinds,
dynamic types of interface values, Elem/Indirect, fields, methods and map keys in order.
"""

from __future__ import annotations

from typing import Any

from .values import GoFunc, JsonNumber, Map, Nil, Slice, Struct, _as_gofunc, _kind_of_type


_INTERFACE = "interface {}"


class _V:
    """A reflect.Value: ``py`` the Python value, ``typ`` its Go type string,
    ``k`` its kind.  ``typ is None`` is the invalid (zero) Value."""

    __slots__ = ("py", "typ", "k", "under", "fields")

    def __init__(
        self, py: Any, typ: str | None, k: str | None = None, under: str | None = None, fields: Any = None
    ) -> None:
        self.py = py
        self.typ = typ
        self.k = k if k is not None else _kind(py, typ)
        self.under = under
        self.fields = fields

    def valid(self) -> bool:
        return self.typ is not None

    def is_nil(self) -> bool:
        return self.py is None and self.k in ("ptr", "interface", "slice", "map", "func", "chan")

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"_V({self.py!r}, {self.typ!r}, {self.k!r})"


_ZERO = _V(None, None, "invalid")
_MISSING = _V(None, "<missing>", "missing")


def _kind(py: Any, typ: str | None) -> str:
    if typ is None:
        return "invalid"
    k = _kind_of_type(typ)
    if k is not None:
        return k
    # a named type: its kind is the Python value's
    if py is None:
        return "interface"
    if isinstance(py, Nil):
        return py.kind
    if isinstance(py, bool):
        return "bool"
    if isinstance(py, int):
        return "int"
    if isinstance(py, float):
        return "float"
    if isinstance(py, complex):
        return "complex"
    if isinstance(py, str):
        return "string"
    if isinstance(py, Struct):
        return "struct"
    if isinstance(py, (list, tuple)):
        return "slice"
    if isinstance(py, dict):
        return "map"
    if callable(py):
        return "func"
    return "string"


def _dyn_type(py: Any) -> str:
    """The Go type of a Python value held in an interface."""
    if isinstance(py, (Struct, Map, Slice, Nil)):
        return py.type_name
    if isinstance(py, bool):
        return "bool"
    if isinstance(py, int):
        return "int"
    if isinstance(py, float):
        return "float64"
    if isinstance(py, complex):
        return "complex128"
    if isinstance(py, JsonNumber):
        return "json.Number"
    if isinstance(py, str):
        return "string"
    if isinstance(py, (list, tuple)):
        return "[]interface {}"
    if isinstance(py, dict):
        return "map[string]interface {}"
    if isinstance(py, GoFunc):
        return py.type_string()
    if callable(py):
        return _as_gofunc(py, "func").type_string()
    return "string"


def _concrete(py: Any) -> _V:
    """reflect.ValueOf(py) for a value taken out of an interface."""
    if py is None:
        return _ZERO
    if isinstance(py, Nil):
        return _V(None, py.type_name, py.kind, None, py.fields)
    under = py.underlying if isinstance(py, (Map, Slice)) else None
    return _V(py, _dyn_type(py), None, under)


def _typed(py: Any, static: str) -> _V:
    """A value of static type ``static`` (a struct field, a map or slice element)."""
    if isinstance(py, Nil):
        return _V(None, py.type_name, py.kind, None, py.fields)
    if _kind_of_type(static) == "interface":
        return _V(py, static, "interface")
    if py is None:
        k = _kind_of_type(static)
        return _V(None, static, k if k in ("ptr", "slice", "map", "func", "chan") else "ptr")
    if isinstance(py, (Struct, Map, Slice)):
        return _concrete(py)
    return _V(py, static)


def _infer_field_type(py: Any) -> str:
    """Static type of a Struct field from its Python value (typed documents
    hold []string and map[string]string far more often than interfaces)."""
    if py is None:
        return _INTERFACE
    if isinstance(py, (list, tuple)) and not isinstance(py, Slice):
        if all(isinstance(x, str) and not isinstance(x, JsonNumber) for x in py):
            return "[]string"
        if py and all(isinstance(x, Struct) for x in py) and len({x.type_name for x in py}) == 1:
            return "[]" + py[0].type_name
        return "[]interface {}"
    if isinstance(py, dict) and not isinstance(py, (Struct, Map)):
        vals = list(py.values())
        if all(isinstance(x, str) and not isinstance(x, JsonNumber) for x in vals):
            return "map[string]string"
        if vals and all(isinstance(x, Struct) for x in vals) and len({x.type_name for x in vals}) == 1:
            return "map[string]" + vals[0].type_name
        return "map[string]interface {}"
    return _dyn_type(py)


def _split_map_type(t: str) -> tuple[str, str]:
    depth = 0
    for i in range(4, len(t)):
        c = t[i]
        if c == "[":
            depth += 1
        elif c == "]":
            if depth == 0:
                return t[4:i], t[i + 1 :]
            depth -= 1
    return "string", _INTERFACE


def _under(v: _V) -> str:
    return v.under or v.typ or ""


def _map_types(v: _V) -> tuple[str, str]:
    t = _under(v)
    if t.startswith("map["):
        return _split_map_type(t)
    return "string", _INTERFACE


def _elem_type(v: _V) -> str:
    t = _under(v)
    if t.startswith("[]"):
        return t[2:]
    if t.startswith("["):
        return t[t.index("]") + 1 :]
    return _INTERFACE


def _elem(v: _V) -> _V:
    """reflect.Value.Elem for interfaces and pointers."""
    if v.k == "interface":
        return _concrete(v.py)
    if v.k == "ptr":
        if v.py is None:
            return _ZERO
        return _V(v.py, (v.typ or "*")[1:], None)
    return v


def _indirect(v: _V) -> tuple[_V, bool]:
    while v.k in ("ptr", "interface"):
        if v.py is None:
            return v, True
        v = _elem(v)
    return v, False


def _indirect_interface(v: _V) -> _V:
    if v.k != "interface":
        return v
    if v.py is None:
        return _ZERO
    return _concrete(v.py)


def _is_method_value(x: Any) -> bool:
    return isinstance(x, GoFunc) or (callable(x) and not isinstance(x, (Struct, Map, Slice, Nil, type)))


def _struct_fields(st: Struct) -> list[str]:
    return [k for k, x in st.items() if not _is_method_value(x)]


def _field(st: Struct, name: str) -> _V:
    py = dict.__getitem__(st, name)
    static = st.field_types.get(name) or _infer_field_type(py)
    return _typed(py, static)


def _method(v: _V, name: str) -> GoFunc | None:
    py = v.py
    if isinstance(py, (Struct, Map)):
        m = py.methods.get(name)
        if m is None and isinstance(py, Struct):
            x = dict.get(py, name)
            if _is_method_value(x):
                m = x
        if m is not None:
            return _as_gofunc(m, name)
    return None


def _map_items(v: _V) -> list[tuple[_V, _V]]:
    """A map's entries in fmtsort order."""
    kt, et = _map_types(v)
    items = []
    for k, x in (v.py or {}).items():
        items.append((_typed(k, kt) if kt != _INTERFACE else _V(k, kt, "interface"), _typed(x, et)))
    items.sort(key=lambda kv: _sort_key(kv[0]))
    return items


def _sort_key(kv: _V) -> tuple:
    v = _indirect_interface(kv)
    py = v.py
    if isinstance(py, bool):
        return (0, py)
    if isinstance(py, (int, float)):
        return (1, py)
    if isinstance(py, str):
        return (2, py)
    return (3, str(py))
