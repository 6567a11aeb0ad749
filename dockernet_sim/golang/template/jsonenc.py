"""encoding/json as docker's ``json`` template function calls it.

Mirrors golang/go ``src/encoding/json`` (json.NewEncoder + SetEscapeHTML(false)): strings,
floats, omitted empties, map key order; Go 1.22+ writes \\b and \\f short (docker 28, not 20.10).
"""

from __future__ import annotations

import math
from typing import Any

from .reflect import (
    _V, _concrete, _elem, _elem_type, _field, _indirect_interface, _map_types, _struct_fields, _typed,
)
from .strconv import _format_float, go_quote
from .values import JsonNumber, Struct
from ..version import JSON_SHORT_ESCAPES, LATEST, GoVersion


class _JsonError(Exception):
    pass


def _json_string(s: str, short_bf: bool) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20:
            if ch == "\n":
                out.append("\\n")
            elif ch == "\r":
                out.append("\\r")
            elif ch == "\t":
                out.append("\\t")
            elif short_bf and ch == "\b":
                out.append("\\b")
            elif short_bf and ch == "\f":
                out.append("\\f")
            else:
                out.append("\\u00%02x" % o)
        elif o in (0x2028, 0x2029):
            out.append("\\u%04x" % o)
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _json_float(x: float) -> str:
    if math.isnan(x) or math.isinf(x):
        raise _JsonError("json: unsupported value: " + _format_float(x, "g", -1))
    a = abs(x)
    if a != 0 and (a < 1e-6 or a >= 1e21):
        s = _format_float(x, "e", -1)
        if len(s) >= 4 and s[-4] == "e" and s[-3] == "-" and s[-2] == "0":
            s = s[:-2] + s[-1]
        return s
    return _format_float(x, "f", -1)


def _json_empty(v: _V) -> bool:
    k = v.k
    if k in ("ptr", "interface"):
        return v.py is None
    if k in ("map", "slice", "array", "string"):
        return not v.py
    if k in ("bool", "int", "uint", "float"):
        return not v.py
    return False


def _json_value(v: _V, short_bf: bool, depth: int = 0) -> str:
    if depth > 1000:
        raise _JsonError("json: unsupported value: encountered a cycle")
    if v.k == "interface":
        v = _indirect_interface(v)
    k = v.k
    py = v.py
    if k == "invalid":
        return "null"
    if k == "ptr":
        if py is None:
            return "null"
        return _json_value(_elem(v), short_bf, depth + 1)
    if isinstance(py, Struct) and py.marshal is not None:
        return _json_value(_concrete(py.marshal()), short_bf, depth + 1)
    if k == "bool":
        return "true" if py else "false"
    if k in ("int", "uint"):
        return str(int(py))
    if k == "float":
        return _json_float(float(py))
    if k == "string":
        if isinstance(py, JsonNumber) or v.typ == "json.Number":
            num = str(py) or "0"
            if not _is_json_number(num):
                raise _JsonError("json: invalid number literal " + go_quote(num))
            return num
        return _json_string(str(py), short_bf)
    if k == "struct":
        parts = []
        for name in _struct_fields(py):
            if not name[:1].isupper():
                continue
            fv = _field(py, name)
            if name in py.omitempty and _json_empty(fv):
                continue
            key = py.json_tags.get(name, name) if isinstance(py, Struct) else name
            parts.append(_json_string(key, short_bf) + ":" + _json_value(fv, short_bf, depth + 1))
        return "{" + ",".join(parts) + "}"
    if k == "map":
        if py is None:
            return "null"
        kt, et = _map_types(v)
        entries = []
        for key, x in py.items():
            entries.append((str(key) if not isinstance(key, bool) else ("true" if key else "false"), x))
        entries.sort(key=lambda e: e[0])
        return "{" + ",".join(
            _json_string(ks, short_bf) + ":" + _json_value(_typed(x, et), short_bf, depth + 1) for ks, x in entries
        ) + "}"
    if k in ("slice", "array"):
        if py is None:
            return "null"
        et = _elem_type(v)
        return "[" + ",".join(_json_value(_typed(x, et), short_bf, depth + 1) for x in py) + "]"
    if k == "complex":
        raise _JsonError("json: unsupported type: " + (v.typ or "complex128"))
    if k in ("func", "chan"):
        raise _JsonError("json: unsupported type: " + (v.typ or "func()"))
    return _json_string(str(py), short_bf)


def _is_json_number(s: str) -> bool:
    import re

    return re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?", s) is not None


def go_json(value: Any, go: GoVersion = LATEST) -> str:
    """docker's ``json`` template function: Go's json encoding, compact, no
    HTML escaping, map keys sorted, Struct fields in order.

    >>> go_json({"b": 1.0, "a": [None, "<x>"]})
    '{"a":[null,"<x>"],"b":1}'
    """
    return _json_value(_concrete(value), _short_bf(go))


def _short_bf(go: GoVersion) -> bool:
    # Go 1.22 taught encoding/json to write \b and \f; docker 20.10 was built with 1.19.
    return go.at_least(JSON_SHORT_ESCAPES.major, JSON_SHORT_ESCAPES.minor)
