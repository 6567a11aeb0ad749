"""Go's text/template, as the docker CLI runs it for ``--format`` and ``-f``.

Mirrors golang/go ``src/text/template`` (lexer, parser, executor, builtin
functions, and the parts of ``fmt`` and ``encoding/json`` that printing goes
through) at the two Go releases that built the recorded clients: Go 1.19
(docker 20.10.24) and Go 1.24 (docker 28.2.2), plus the functions that
docker/cli ``templates/templates.go`` installs (json, split, join, title,
lower, upper, pad, truncate).  Error texts are Go's own; docker prefixes them
with ``template parsing error: `` (see ``DOCKER_ERROR_PREFIX``).

Data model (Python value -> Go value)::

    dict            map[string]interface {}   (a missing key prints <no value>)
    Struct          a struct, or *struct when type_name starts with "*";
                    a missing field is "can't evaluate field X in type T";
                    callables stored in it are methods
    Map / Slice     a map / slice with an explicit Go type
    Nil("[]string") a typed nil: prints [] / map[] / <nil>, json null
    list, tuple     []interface {}  (inside a Struct: []string when all str)
    None            nil interface   (prints <no value>; <nil> via printf)
    str, int, float, bool, JsonNumber

Example::

    >>> parse("{{range .IPAM.Config}}{{.Subnet}}{{end}}").execute(
    ...     {"IPAM": {"Config": [{"Subnet": "10.0.0.0/24"}]}})
    '10.0.0.0/24'
"""

from __future__ import annotations

import inspect as _inspect
import math
import unicodedata
from typing import Any, Callable, Iterable, Mapping

__all__ = [
    "DOCKER_ERROR_PREFIX",
    "GoError",
    "GoFunc",
    "JsonNumber",
    "Map",
    "Nil",
    "Slice",
    "Struct",
    "Template",
    "TemplateError",
    "go_json",
    "go_sprint",
    "header_funcs",
    "parse",
]

# docker/cli cli/command/formatter/formatter.go and cli/command/inspect/inspector.go
# (v20.10.24 and v28.2.2 alike) wrap both parse and execution errors so.
DOCKER_ERROR_PREFIX = "template parsing error: "


# --------------------------------------------------------------------------
# Public data model


class TemplateError(Exception):
    """A template failed to parse or execute; ``str()`` is Go's error text.

    ``kind`` is ``"parse"`` or ``"exec"`` (docker inspect exits 64 for the
    first, 1 for the second); ``partial`` is what execution wrote before it
    stopped (docker's table header keeps it).
    """

    def __init__(self, message: str, kind: str = "exec", partial: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.partial = partial

    def __str__(self) -> str:
        return self.message


class GoError(Exception):
    """Raise from a function or method to make the template fail with
    ``error calling NAME: <message>`` (a Go function's non-nil error)."""


class JsonNumber(str):
    """encoding/json's Number: a string kind that marshals unquoted."""


class Struct(dict):
    """A Go struct value.  ``type_name`` is its Go type as reflect prints it
    ("types.ContainerJSON"; "*formatter.networkContext" for a pointer).

    ``field_types`` gives a field's static Go type where inference from the
    Python value is wrong (e.g. ``{"IPAMConfig": "*network.EndpointIPAMConfig"}``
    so that None is a nil pointer).  ``omitempty`` names fields json leaves out
    when empty.  ``methods`` (and callables stored as values) are methods:
    ``{{.Label "team"}}``.  ``marshal`` returns what ``json`` encodes instead.

    >>> parse('{{.Name}}').execute(Struct("types.NetworkResource", Name="bridge"))
    'bridge'
    """

    def __init__(
        self,
        type_name: str,
        fields: Mapping[str, Any] | Iterable[tuple[str, Any]] = (),
        /,
        *,
        field_types: Mapping[str, str] | None = None,
        omitempty: Iterable[str] = (),
        methods: Mapping[str, Callable[..., Any]] | None = None,
        marshal: Callable[[], Any] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(fields, **kw)
        self.type_name = type_name
        self.field_types = dict(field_types or {})
        self.omitempty = frozenset(omitempty)
        self.methods = dict(methods or {})
        self.marshal = marshal

    def __repr__(self) -> str:
        return f"Struct({self.type_name!r}, {dict.__repr__(self)})"


class Map(dict):
    """A Go map with an explicit type (default ``map[string]string``) and
    optional methods (docker's table header is a ``formatter.SubHeaderContext``
    map with a ``Label`` method)."""

    def __init__(
        self,
        data: Mapping[Any, Any] | Iterable[tuple[Any, Any]] = (),
        /,
        type_name: str = "map[string]string",
        *,
        underlying: str | None = None,
        methods: Mapping[str, Callable[..., Any]] | None = None,
    ) -> None:
        super().__init__(data)
        self.type_name = type_name
        self.underlying = underlying
        self.methods = dict(methods or {})


class Slice(list):
    """A Go slice with an explicit type (default ``[]string``)."""

    def __init__(
        self, data: Iterable[Any] = (), /, type_name: str = "[]string", *, underlying: str | None = None
    ) -> None:
        super().__init__(data)
        self.type_name = type_name
        self.underlying = underlying


class Nil:
    """A typed nil: ``Nil("[]string")`` prints ``[]``, ``Nil("map[string]string")``
    ``map[]``, ``Nil("*network.EndpointIPAMConfig")`` ``<nil>``; all marshal to null."""

    __slots__ = ("type_name", "kind", "fields")

    def __init__(self, type_name: str, kind: str | None = None, fields: Iterable[str] | None = None) -> None:
        self.type_name = type_name
        self.kind = kind or _kind_of_type(type_name) or "ptr"
        # for a nil *struct: its field names, so a wrong one reads "can't evaluate field"
        self.fields = frozenset(fields) if fields is not None else None

    def __repr__(self) -> str:
        return f"Nil({self.type_name!r})"


class GoFunc:
    """A Python callable with a Go signature, for functions and methods.

    ``params`` are Go types ("string", "int", "interface {}", "reflect.Value"),
    ``variadic`` the element type of a final ``...`` parameter.  Arguments
    arrive as Python values (``reflect.Value`` ones as the raw value too);
    raise GoError for a Go error result.
    """

    __slots__ = ("fn", "params", "variadic", "result", "name", "raw")

    def __init__(
        self,
        fn: Callable[..., Any],
        params: Iterable[str] = (),
        variadic: str | None = None,
        result: str | None = None,
        name: str | None = None,
        raw: bool = False,
    ) -> None:
        self.fn = fn
        self.params = tuple(params)
        self.variadic = variadic
        self.result = result
        self.name = name or getattr(fn, "__name__", "func")
        self.raw = raw  # receives the internal value objects (builtins)

    def type_string(self) -> str:
        ps = list(self.params)
        if self.variadic is not None:
            ps.append("..." + self.variadic)
        res = self.result or "interface {}"
        return f"func({', '.join(ps)}) {res}"


def _as_gofunc(fn: Any, name: str) -> GoFunc:
    if isinstance(fn, GoFunc):
        return fn
    try:
        sig = _inspect.signature(fn)
    except (TypeError, ValueError):
        return GoFunc(fn, (), "interface {}", None, name)
    params: list[str] = []
    variadic = None
    for p in sig.parameters.values():
        if p.kind == p.VAR_POSITIONAL:
            variadic = "interface {}"
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty:
            params.append("interface {}")
    return GoFunc(fn, params, variadic, None, name)


# --------------------------------------------------------------------------
# Values as reflect sees them: (python value, Go type, kind)

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


def _kind_of_type(t: str) -> str | None:
    if t.startswith("interface") or t == "any":
        return "interface"
    if t.startswith("*"):
        return "ptr"
    if t.startswith("[]"):
        return "slice"
    if t.startswith("["):
        return "array"
    if t.startswith("map["):
        return "map"
    if t.startswith("func"):
        return "func"
    if t.startswith("chan") or t.startswith("<-chan"):
        return "chan"
    return _BASIC_KINDS.get(t)


_BASIC_KINDS = {
    "bool": "bool",
    "string": "string",
    "json.Number": "string",
    "int": "int", "int8": "int", "int16": "int", "int32": "int", "int64": "int", "rune": "int",
    "uint": "uint", "uint8": "uint", "uint16": "uint", "uint32": "uint", "uint64": "uint",
    "uintptr": "uint", "byte": "uint",
    "float32": "float", "float64": "float",
    "complex64": "complex", "complex128": "complex",
}


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
    under = getattr(py, "underlying", None) if isinstance(py, (Map, Slice)) else None
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


# --------------------------------------------------------------------------
# fmt (Sprint, Sprintln, Sprintf) and the strconv float formatting under it

_FAKE_POINTER = 0xC000010000  # pointers print as an address Go would choose; ours is fixed


def go_quote(s: str, ascii_only: bool = False) -> str:
    """strconv.Quote (QuoteToASCII when ``ascii_only``)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\ufffd")
        elif _is_print(ch) and not (ascii_only and o >= 0x80):
            out.append(ch)
        elif ch in _C_ESCAPES:
            out.append(_C_ESCAPES[ch])
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif o < 0x10000:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    out.append('"')
    return "".join(out)


_C_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def _is_print(ch: str) -> bool:
    """unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space."""
    if ch == " ":
        return True
    return unicodedata.category(ch)[0] in "LMNPS"


def _quote_rune(o: int, ascii_only: bool = False) -> str:
    if o < 0 or o > 0x10FFFF or 0xD800 <= o <= 0xDFFF:
        o = 0xFFFD
    ch = chr(o)
    if ch == "'" or ch == "\\":
        return "'\\" + ch + "'"
    if _is_print(ch) and not (ascii_only and o >= 0x80):
        return "'" + ch + "'"
    if ch in _C_ESCAPES:
        return "'" + _C_ESCAPES[ch] + "'"
    if o < 0x20 or o == 0x7F:
        return "'\\x%02x'" % o
    if o < 0x10000:
        return "'\\u%04x'" % o
    return "'\\U%08x'" % o


def _can_backquote(s: str) -> bool:
    for ch in s:
        o = ord(ch)
        if o == 0xFEFF or 0xD800 <= o <= 0xDFFF:
            return False
        if (o < 0x20 and ch != "\t") or ch == "`" or o == 0x7F:
            return False
    return True


def _shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip digits d1d2... and dp with |x| = 0.d1d2... * 10**dp."""
    r = repr(abs(x))
    mant, _, ex = r.partition("e")
    exp = int(ex) if ex else 0
    ip, _, fp = mant.partition(".")
    if fp == "0":
        fp = ""
    digits = ip + fp
    dp = len(ip) + exp
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    if not digits:
        return "0", 1
    return digits, dp


def _round_digits(x: float, n: int) -> tuple[str, int]:
    """|x| correctly rounded to n >= 1 significant digits, trailing zeros trimmed."""
    mant, _, ex = ("%.*e" % (n - 1, abs(x))).partition("e")
    digits = mant.replace(".", "").rstrip("0")
    if not digits:
        return "0", 1
    return digits, int(ex) + 1


def _fmt_e(digits: str, dp: int, prec: int, e: str) -> str:
    s = digits[0]
    if prec > 0:
        s += "." + digits[1:].ljust(prec, "0")[:prec]
    exp = dp - 1 if digits != "0" else 0
    return s + e + ("-" if exp < 0 else "+") + "%02d" % abs(exp)


def _fmt_f(digits: str, dp: int, prec: int) -> str:
    if dp > 0:
        ip = digits[:dp].ljust(dp, "0")
        fp = digits[dp:]
    else:
        ip = "0"
        fp = "0" * (-dp) + digits
    if prec > 0:
        return ip + "." + fp.ljust(prec, "0")[:prec]
    return ip


def _format_float(x: float, verb: str, prec: int) -> str:
    """strconv.FormatFloat(x, verb, prec, 64); prec -1 means shortest."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    if verb == "b":
        import struct as _struct

        bits = _struct.unpack("<Q", _struct.pack("<d", x))[0]
        exp = (bits >> 52) & 0x7FF
        mant = bits & ((1 << 52) - 1)
        if exp == 0:
            exp += 1
        else:
            mant |= 1 << 52
        exp += -1023 - 52
        return sign + "%dp%s%d" % (mant, "+" if exp >= 0 else "-", abs(exp))
    if verb in "xX":
        return sign + _format_hex_float(abs(x), prec, verb == "X")
    shortest = prec < 0
    if shortest:
        digits, dp = _shortest_digits(x) if x != 0 else ("0", 1)
        if verb in "eE":
            prec = len(digits) - 1
        elif verb == "f":
            prec = max(len(digits) - dp, 0)
        else:
            prec = len(digits)
    elif verb in "eE":
        digits, dp = _round_digits(x, prec + 1) if x != 0 else ("0", 1)
    elif verb == "f":
        return sign + "%.*f" % (prec, abs(x))
    else:
        if prec == 0:
            prec = 1
        digits, dp = _round_digits(x, prec) if x != 0 else ("0", 1)
    if verb in "eE":
        return sign + _fmt_e(digits, dp, prec, verb)
    if verb == "f":
        return sign + _fmt_f(digits, dp, prec)
    # g, G
    eprec = prec
    if eprec > len(digits) and len(digits) >= dp:
        eprec = len(digits)
    if shortest:
        eprec = 6
    exp = dp - 1
    if x != 0 and (exp < -4 or exp >= eprec):
        if prec > len(digits):
            prec = len(digits)
        return sign + _fmt_e(digits, dp, prec - 1, "e" if verb == "g" else "E")
    if prec > dp:
        prec = len(digits)
    return sign + _fmt_f(digits, dp, max(prec - dp, 0))


def _format_hex_float(a: float, prec: int, upper: bool) -> str:
    if a == 0:
        mant, exp = 0, 0
    else:
        m, e = math.frexp(a)  # a = m * 2**e, 0.5 <= m < 1
        mant = int(m * (1 << 53))  # 53 bits, top bit set
        exp = e - 1
    # mant holds 1.xxxx with 52 fraction bits
    frac_bits = 52
    if prec >= 0:
        shift = frac_bits - 4 * prec
        if shift > 0:
            half = 1 << (shift - 1)
            rem = mant & ((1 << shift) - 1)
            mant >>= shift
            if rem > half or (rem == half and mant & 1):
                mant += 1
            frac_bits = 4 * prec
            if mant >> (frac_bits + 1):
                mant >>= 1
                exp += 1
    ip = mant >> frac_bits
    frac = mant & ((1 << frac_bits) - 1)
    nhex = (frac_bits + 3) // 4
    fs = format(frac << (4 * nhex - frac_bits), "0%dx" % nhex) if nhex else ""
    if prec < 0:
        fs = fs.rstrip("0")
    elif len(fs) < prec:
        fs = fs.ljust(prec, "0")
    s = "0x%d" % ip + ("." + fs if fs else "") + "p" + ("-" if exp < 0 else "+") + "%02d" % abs(exp)
    return s.upper().replace("0X", "0X") if upper else s


class _Fmt:
    __slots__ = ("wid", "wid_present", "prec", "prec_present", "minus", "plus", "sharp", "space", "zero",
                 "plus_v", "sharp_v")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.wid = 0
        self.prec = 0
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False


class _Printer:
    """fmt's pp: one Sprint/Sprintln/Sprintf call."""

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.f = _Fmt()
        self.arg: _V | None = None
        self.value: _V = _ZERO
        self.reordered = False
        self.good_argnum = True

    def out(self) -> str:
        return "".join(self.buf)

    # format.go
    def write_padding(self, n: int) -> None:
        if n > 0:
            self.buf.append(("0" if self.f.zero else " ") * n)

    def pad(self, s: str) -> None:
        f = self.f
        if not f.wid_present or f.wid == 0:
            self.buf.append(s)
            return
        width = f.wid - len(s)
        if not f.minus:
            self.write_padding(width)
            self.buf.append(s)
        else:
            self.buf.append(s)
            self.write_padding(width)

    def fmt_integer(self, n: int, base: int, verb: str, upper: bool = False) -> None:
        f = self.f
        negative = n < 0
        u = -n if negative else n
        prec = 0
        if f.prec_present:
            prec = f.prec
            if prec == 0 and u == 0:
                old = f.zero
                f.zero = False
                self.write_padding(f.wid)
                f.zero = old
                return
        elif f.zero and f.wid_present:
            prec = f.wid
            if negative or f.plus or f.space:
                prec -= 1
        if base == 10:
            digits = str(u)
        elif base == 16:
            digits = format(u, "X" if upper else "x")
        elif base == 8:
            digits = format(u, "o")
        else:
            digits = format(u, "b")
        if len(digits) < prec:
            digits = "0" * (prec - len(digits)) + digits
        if f.sharp:
            if base == 2:
                digits = "0b" + digits
            elif base == 8:
                if digits[0] != "0":
                    digits = "0" + digits
            elif base == 16:
                digits = ("0X" if upper else "0x") + digits
        if verb == "O":
            digits = "0o" + digits
        if negative:
            digits = "-" + digits
        elif f.plus:
            digits = "+" + digits
        elif f.space:
            digits = " " + digits
        old = f.zero
        f.zero = False
        self.pad(digits)
        f.zero = old

    def fmt_unicode(self, u: int) -> None:
        f = self.f
        prec = 4
        if f.prec_present and f.prec > 4:
            prec = f.prec
        s = "U+" + format(u, "X").rjust(prec, "0")
        if f.sharp and 0 <= u <= 0x10FFFF and not 0xD800 <= u <= 0xDFFF and _is_print(chr(u)):
            s += " '" + chr(u) + "'"
        old = f.zero
        f.zero = False
        self.pad(s)
        f.zero = old

    def fmt_c(self, c: int) -> None:
        self.pad(chr(c) if 0 <= c <= 0x10FFFF and not 0xD800 <= c <= 0xDFFF else "\ufffd")

    def fmt_qc(self, c: int) -> None:
        self.pad(_quote_rune(c, self.f.plus))

    def truncate(self, s: str) -> str:
        if self.f.prec_present:
            return s[: self.f.prec]
        return s

    def fmt_s(self, s: str) -> None:
        self.pad(self.truncate(s))

    def fmt_q(self, s: str) -> None:
        s = self.truncate(s)
        if self.f.sharp and _can_backquote(s):
            self.pad("`" + s + "`")
            return
        self.pad(go_quote(s, self.f.plus))

    def fmt_sbx(self, s: str, upper: bool) -> None:
        f = self.f
        b = s.encode("utf-8", "surrogatepass")
        length = len(b)
        if f.prec_present and f.prec < length:
            length = f.prec
        width = 2 * length
        if width > 0:
            if f.space:
                if f.sharp:
                    width *= 2
                width += length - 1
            elif f.sharp:
                width += 2
        else:
            if f.wid_present:
                self.write_padding(f.wid)
            return
        if f.wid_present and f.wid > width and not f.minus:
            self.write_padding(f.wid - width)
        x = "0X" if upper else "0x"
        hx = "%02X" if upper else "%02x"
        parts = []
        if f.sharp:
            parts.append(x)
        for i in range(length):
            if f.space and i > 0:
                parts.append(" ")
                if f.sharp:
                    parts.append(x)
            parts.append(hx % b[i])
        self.buf.append("".join(parts))
        if f.wid_present and f.wid > width and f.minus:
            self.write_padding(f.wid - width)

    def fmt_float_raw(self, v: float, verb: str, prec: int) -> None:
        f = self.f
        if f.prec_present:
            prec = f.prec
        num = _format_float(v, verb, prec)
        if num[0] not in "+-":
            num = "+" + num
        if f.space and num[0] == "+" and not f.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            old = f.zero
            f.zero = False
            if num[1] == "N" and not f.space and not f.plus:
                num = num[1:]
            self.pad(num)
            f.zero = old
            return
        if f.sharp and verb != "b":
            digits = 0
            if verb in "vgGx":  # Go's list has no upper-case X
                digits = prec
                if digits == -1:
                    digits = 6
            tail = ""
            has_point = False
            saw_nonzero = False
            body = num
            i = 1
            while i < len(body):
                c = body[i]
                if c == ".":
                    has_point = True
                elif c in "pP" or (c in "eE" and verb not in "xX"):
                    tail = body[i:]
                    body = body[:i]
                    break
                else:
                    if c != "0":
                        saw_nonzero = True
                    if saw_nonzero:
                        digits -= 1
                i += 1
            if not has_point:
                if len(body) == 2 and body[1] == "0":
                    digits -= 1
                body += "."
            if digits > 0:
                body += "0" * digits
            num = body + tail
        if f.plus or num[0] != "+":
            if f.zero and f.wid_present and f.wid > len(num):
                self.buf.append(num[0])
                self.write_padding(f.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    # print.go
    def bad_verb(self, verb: str) -> None:
        self.buf.append("%!" + verb + "(")
        if self.arg is not None:
            self.buf.append((self.arg.typ or "") + "=")
            self.print_arg(self.arg, "v")
        elif self.value.valid():
            self.buf.append((self.value.typ or "") + "=")
            self.print_value(self.value, "v", 0)
        else:
            self.buf.append("<nil>")
        self.buf.append(")")

    def fmt_bool(self, v: bool, verb: str) -> None:
        if verb in "tv":
            self.pad("true" if v else "false")
        else:
            self.bad_verb(verb)

    def fmt0x64(self, v: int, leading0x: bool) -> None:
        sharp = self.f.sharp
        self.f.sharp = leading0x
        self.fmt_integer(v, 16, "v")
        self.f.sharp = sharp

    def fmt_int(self, v: int, signed: bool, verb: str) -> None:
        if verb == "v":
            if self.f.sharp_v and not signed:
                self.fmt0x64(v, True)
            else:
                self.fmt_integer(v, 10, verb)
        elif verb == "d":
            self.fmt_integer(v, 10, verb)
        elif verb == "b":
            self.fmt_integer(v, 2, verb)
        elif verb in "oO":
            self.fmt_integer(v, 8, verb)
        elif verb == "x":
            self.fmt_integer(v, 16, verb)
        elif verb == "X":
            self.fmt_integer(v, 16, verb, True)
        elif verb == "c":
            self.fmt_c(v)
        elif verb == "q":
            self.fmt_qc(v)
        elif verb == "U":
            self.fmt_unicode(v if v >= 0 else v + (1 << 64))
        else:
            self.bad_verb(verb)

    def fmt_float(self, v: float, verb: str) -> None:
        if verb == "v":
            self.fmt_float_raw(v, "g", -1)
        elif verb in "bgGxX":
            self.fmt_float_raw(v, verb, -1)
        elif verb in "feE":
            self.fmt_float_raw(v, verb, 6)
        elif verb == "F":
            self.fmt_float_raw(v, "f", 6)
        else:
            self.bad_verb(verb)

    def fmt_complex(self, v: complex, verb: str) -> None:
        if verb in "vbgGxXfFeE":
            old = self.f.plus
            self.buf.append("(")
            self.fmt_float(v.real, verb)
            self.f.plus = True
            self.fmt_float(v.imag, verb)
            self.buf.append("i)")
            self.f.plus = old
        else:
            self.bad_verb(verb)

    def fmt_string(self, v: str, verb: str) -> None:
        if verb == "v":
            if self.f.sharp_v:
                self.fmt_q(v)
            else:
                self.fmt_s(v)
        elif verb == "s":
            self.fmt_s(v)
        elif verb == "x":
            self.fmt_sbx(v, False)
        elif verb == "X":
            self.fmt_sbx(v, True)
        elif verb == "q":
            self.fmt_q(v)
        else:
            self.bad_verb(verb)

    def fmt_pointer(self, value: _V, verb: str) -> None:
        if value.k not in ("chan", "func", "map", "ptr", "slice"):
            self.bad_verb(verb)
            return
        u = 0 if value.py is None else _FAKE_POINTER
        if verb == "v":
            if self.f.sharp_v:
                self.buf.append("(" + (value.typ or "") + ")(")
                if u == 0:
                    self.buf.append("nil")
                else:
                    self.fmt0x64(u, True)
                self.buf.append(")")
            elif u == 0:
                self.pad("<nil>")
            else:
                self.fmt0x64(u, not self.f.sharp)
        elif verb == "p":
            self.fmt0x64(u, not self.f.sharp)
        elif verb in "bodxX":
            self.fmt_int(u, False, verb)
        else:
            self.bad_verb(verb)

    def handle_methods(self, v: _V, verb: str) -> bool:
        """A Struct's String method is a fmt.Stringer."""
        if verb not in "vsxXq" or self.f.sharp_v:
            return False
        target = v
        if v.k == "ptr" and v.py is not None:
            target = _elem(v)
        if target.k != "struct":
            return False
        m = _method(target, "String")
        if m is None or m.params or m.variadic is not None:
            return False
        try:
            res = m.fn()
        except Exception as e:  # noqa: BLE001 - fmt reports a panicking String method inline
            self.buf.append("%!" + verb + "(PANIC=String method: " + str(e) + ")")
            return True
        self.fmt_string(str(res), verb)
        return True

    def print_arg(self, arg: _V | None, verb: str) -> None:
        if arg is not None and arg.k == "interface":
            arg = _indirect_interface(arg)
        if arg is not None and not arg.valid():
            arg = None
        self.arg = arg
        self.value = _ZERO
        if arg is None:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.bad_verb(verb)
            return
        if verb == "T":
            self.fmt_s(arg.typ or "")
            return
        if verb == "p":
            self.fmt_pointer(arg, "p")
            return
        if self.handle_methods(arg, verb):
            return
        self.print_value(arg, verb, 0)
        self.arg = None

    def print_value(self, value: _V, verb: str, depth: int) -> None:
        if depth > 0 and value.valid() and self.handle_methods(value, verb):
            return
        self.arg = None
        self.value = value
        k = value.k
        py = value.py
        f = self.f
        if k == "invalid":
            if depth == 0:
                self.buf.append("<invalid reflect.Value>")
            elif verb == "v":
                self.buf.append("<nil>")
            else:
                self.bad_verb(verb)
        elif k == "bool":
            self.fmt_bool(bool(py), verb)
        elif k == "int":
            self.fmt_int(int(py), True, verb)
        elif k == "uint":
            self.fmt_int(int(py), False, verb)
        elif k == "float":
            self.fmt_float(float(py), verb)
        elif k == "complex":
            self.fmt_complex(complex(py), verb)
        elif k == "string":
            self.fmt_string(str(py), verb)
        elif k == "map":
            if f.sharp_v:
                self.buf.append(value.typ or "")
                if py is None:
                    self.buf.append("(nil)")
                    return
                self.buf.append("{")
            else:
                self.buf.append("map[")
            for i, (kk, vv) in enumerate(_map_items(value)):
                if i > 0:
                    self.buf.append(", " if f.sharp_v else " ")
                self.print_value(kk, verb, depth + 1)
                self.buf.append(":")
                self.print_value(vv, verb, depth + 1)
            self.buf.append("}" if f.sharp_v else "]")
        elif k == "struct":
            if f.sharp_v:
                self.buf.append(value.typ or "")
            self.buf.append("{")
            for i, name in enumerate(_struct_fields(py)):
                if i > 0:
                    self.buf.append(", " if f.sharp_v else " ")
                if f.plus_v or f.sharp_v:
                    self.buf.append(name + ":")
                fv = _field(py, name)
                if fv.k == "interface" and fv.py is not None:
                    fv = _elem(fv)
                self.print_value(fv, verb, depth + 1)
            self.buf.append("}")
        elif k == "interface":
            if py is None:
                self.buf.append((value.typ or "") + "(nil)" if f.sharp_v else "<nil>")
            else:
                self.print_value(_concrete(py), verb, depth + 1)
        elif k in ("slice", "array"):
            et = _elem_type(value)
            if verb in "sqxX" and et in ("uint8", "byte"):
                data = bytes(int(x) & 0xFF for x in (py or []))
                text = data.decode("utf-8", "replace")
                if verb == "s":
                    self.fmt_s(text)
                elif verb == "q":
                    self.fmt_q(text)
                else:
                    self.fmt_sbx(text, verb == "X")
                return
            if f.sharp_v:
                self.buf.append(value.typ or "")
                if k == "slice" and py is None:
                    self.buf.append("(nil)")
                    return
                self.buf.append("{")
                for i, x in enumerate(py or []):
                    if i > 0:
                        self.buf.append(", ")
                    self.print_value(_typed(x, et), verb, depth + 1)
                self.buf.append("}")
            else:
                self.buf.append("[")
                for i, x in enumerate(py or []):
                    if i > 0:
                        self.buf.append(" ")
                    self.print_value(_typed(x, et), verb, depth + 1)
                self.buf.append("]")
        elif k == "ptr":
            if depth == 0 and py is not None:
                e = _elem(value)
                if e.k in ("array", "slice", "struct", "map"):
                    self.buf.append("&")
                    self.print_value(e, verb, depth + 1)
                    return
            self.fmt_pointer(value, verb)
        elif k in ("chan", "func"):
            self.fmt_pointer(value, verb)
        else:  # pragma: no cover
            self.buf.append("?")

    def do_print(self, args: list[_V]) -> None:
        prev_string = False
        for i, a in enumerate(args):
            a = _indirect_interface(a) if a.k == "interface" else a
            is_string = a.valid() and a.k == "string"
            if i > 0 and not is_string and not prev_string:
                self.buf.append(" ")
            self.print_arg(a, "v")
            prev_string = is_string

    def do_println(self, args: list[_V]) -> None:
        for i, a in enumerate(args):
            if i > 0:
                self.buf.append(" ")
            self.print_arg(a, "v")
        self.buf.append("\n")

    def arg_number(self, argnum: int, fmt: str, i: int, nargs: int) -> tuple[int, int, bool]:
        if len(fmt) <= i or fmt[i] != "[":
            return argnum, i, False
        self.reordered = True
        index, wid, ok = _parse_arg_number(fmt[i:])
        if ok and 0 <= index < nargs:
            return index, i + wid, True
        self.good_argnum = False
        return argnum, i + wid, ok

    def do_printf(self, fmt: str, args: list[_V]) -> None:
        end = len(fmt)
        argnum = 0
        after_index = False
        self.reordered = False
        f = self.f
        i = 0
        while i < end:
            self.good_argnum = True
            last = i
            while i < end and fmt[i] != "%":
                i += 1
            if i > last:
                self.buf.append(fmt[last:i])
            if i >= end:
                break
            i += 1
            f.clear()
            simple_done = False
            while i < end:
                c = fmt[i]
                if c == "#":
                    f.sharp = True
                elif c == "0":
                    f.zero = not f.minus
                elif c == "+":
                    f.plus = True
                elif c == "-":
                    f.minus = True
                    f.zero = False
                elif c == " ":
                    f.space = True
                else:
                    if "a" <= c <= "z" and argnum < len(args):
                        if c == "v":
                            f.sharp_v = f.sharp
                            f.sharp = False
                            f.plus_v = f.plus
                            f.plus = False
                        self.print_arg(args[argnum], c)
                        argnum += 1
                        i += 1
                        simple_done = True
                    break
                i += 1
            if simple_done:
                continue
            argnum, i, after_index = self.arg_number(argnum, fmt, i, len(args))
            if i < end and fmt[i] == "*":
                i += 1
                f.wid, f.wid_present, argnum = _int_from_arg(args, argnum)
                if not f.wid_present:
                    self.buf.append("%!(BADWIDTH)")
                if f.wid < 0:
                    f.wid = -f.wid
                    f.minus = True
                    f.zero = False
                after_index = False
            else:
                f.wid, f.wid_present, i = _parsenum(fmt, i, end)
                if after_index and f.wid_present:
                    self.good_argnum = False
            if i + 1 < end and fmt[i] == ".":
                i += 1
                if after_index:
                    self.good_argnum = False
                argnum, i, after_index = self.arg_number(argnum, fmt, i, len(args))
                if i < end and fmt[i] == "*":
                    i += 1
                    f.prec, f.prec_present, argnum = _int_from_arg(args, argnum)
                    if f.prec < 0:
                        f.prec = 0
                        f.prec_present = False
                    if not f.prec_present:
                        self.buf.append("%!(BADPREC)")
                    after_index = False
                else:
                    f.prec, f.prec_present, i = _parsenum(fmt, i, end)
                    if not f.prec_present:
                        f.prec = 0
                        f.prec_present = True
            if not after_index:
                argnum, i, after_index = self.arg_number(argnum, fmt, i, len(args))
            if i >= end:
                self.buf.append("%!(NOVERB)")
                break
            verb = fmt[i]
            i += 1
            if verb == "%":
                self.buf.append("%")
            elif not self.good_argnum:
                self.buf.append("%!" + verb + "(BADINDEX)")
            elif argnum >= len(args):
                self.buf.append("%!" + verb + "(MISSING)")
            else:
                if verb == "v":
                    f.sharp_v = f.sharp
                    f.sharp = False
                    f.plus_v = f.plus
                    f.plus = False
                self.print_arg(args[argnum], verb)
                argnum += 1
        if not self.reordered and argnum < len(args):
            f.clear()
            self.buf.append("%!(EXTRA ")
            for j, a in enumerate(args[argnum:]):
                if j > 0:
                    self.buf.append(", ")
                a = _indirect_interface(a) if a.k == "interface" else a
                if not a.valid():
                    self.buf.append("<nil>")
                else:
                    self.buf.append((a.typ or "") + "=")
                    self.print_arg(a, "v")
            self.buf.append(")")


def _too_large(n: int) -> bool:
    return n > 1_000_000 or n < -1_000_000


def _parsenum(s: str, start: int, end: int) -> tuple[int, bool, int]:
    if start >= end:
        return 0, False, end
    num = 0
    isnum = False
    i = start
    while i < end and "0" <= s[i] <= "9":
        if _too_large(num):
            return 0, False, end
        num = num * 10 + ord(s[i]) - 48
        isnum = True
        i += 1
    return num, isnum, i


def _parse_arg_number(fmt: str) -> tuple[int, int, bool]:
    if len(fmt) < 3:
        return 0, 1, False
    for i in range(1, len(fmt)):
        if fmt[i] == "]":
            width, ok, newi = _parsenum(fmt, 1, i)
            if not ok or newi != i:
                return 0, i + 1, False
            return width - 1, i + 1, True
    return 0, 1, False


def _int_from_arg(args: list[_V], argnum: int) -> tuple[int, bool, int]:
    num, is_int, new = 0, False, argnum
    if argnum < len(args):
        a = _indirect_interface(args[argnum])
        if a.k in ("int", "uint") and a.valid():
            num, is_int = int(a.py), True
        new = argnum + 1
        if _too_large(num):
            num, is_int = 0, False
    return num, is_int, new


def _sprint(args: list[_V]) -> str:
    p = _Printer()
    p.do_print(args)
    return p.out()


def _sprintln(args: list[_V]) -> str:
    p = _Printer()
    p.do_println(args)
    return p.out()


def _sprintf(fmt: str, args: list[_V]) -> str:
    p = _Printer()
    p.do_printf(fmt, args)
    return p.out()


def _print_arg(v: _V, verb: str) -> str:
    p = _Printer()
    p.print_arg(v, verb)
    return p.out()


def go_sprint(value: Any) -> str:
    """fmt.Sprint(value) with Go's formatting (``map[a:1]``, ``[a b]``, ``1e+06``)."""
    return _sprint([_concrete(value)])

# --------------------------------------------------------------------------
# encoding/json (json.NewEncoder + SetEscapeHTML(false), as docker's json func)


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
            parts.append(_json_string(name, short_bf) + ":" + _json_value(fv, short_bf, depth + 1))
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


def go_json(value: Any, engine: str = "28") -> str:
    """docker's ``json`` template function: Go's json encoding, compact, no
    HTML escaping, map keys sorted, Struct fields in order.

    >>> go_json({"b": 1.0, "a": [None, "<x>"]})
    '{"a":[null,"<x>"],"b":1}'
    """
    return _json_value(_concrete(value), _short_bf(engine))


def _short_bf(engine: str) -> bool:
    # Go 1.22 taught encoding/json to write \b and \f; docker 20.10 was built with 1.19.
    return engine != "20.10"


# --------------------------------------------------------------------------
# Lexer (text/template/parse/lex.go)

(
    _ERROR, _BOOL, _CHAR, _CHAR_CONSTANT, _COMMENT, _COMPLEX, _ASSIGN, _DECLARE, _EOF, _FIELD,
    _IDENTIFIER, _LEFT_DELIM, _LEFT_PAREN, _NUMBER, _PIPE, _RAW_STRING, _RIGHT_DELIM,
    _RIGHT_PAREN, _SPACE, _STRING, _TEXT, _VARIABLE, _KEYWORD, _BLOCK, _BREAK, _CONTINUE,
    _DOT, _DEFINE, _ELSE, _END, _IF, _NIL, _RANGE, _TEMPLATE, _WITH,
) = range(35)

_KEYWORDS = {
    ".": _DOT, "block": _BLOCK, "break": _BREAK, "continue": _CONTINUE, "define": _DEFINE,
    "else": _ELSE, "end": _END, "if": _IF, "range": _RANGE, "nil": _NIL, "template": _TEMPLATE,
    "with": _WITH,
}

_EOF_RUNE = ""
_SPACE_CHARS = " \t\r\n"


class _Item:
    __slots__ = ("typ", "pos", "val", "line")

    def __init__(self, typ: int, pos: int, val: str, line: int) -> None:
        self.typ = typ
        self.pos = pos
        self.val = val
        self.line = line

    def __str__(self) -> str:
        if self.typ == _EOF:
            return "EOF"
        if self.typ == _ERROR:
            return self.val
        if self.typ > _KEYWORD:
            return "<" + self.val + ">"
        if len(self.val.encode("utf-8", "surrogatepass")) > 10:
            return go_quote(self.val[:10]) + "..."
        return go_quote(self.val)


def _go_U(r: str) -> str:
    """%#U"""
    o = ord(r)
    s = "U+%04X" % o
    if _is_print(r):
        s += " '" + r + "'"
    return s


def _is_space(r: str) -> bool:
    return r != "" and r in _SPACE_CHARS


def _is_alnum(r: str) -> bool:
    return r != "" and (r == "_" or r.isalpha() or unicodedata.category(r) == "Nd")


def _has_left_trim(s: str) -> bool:
    return len(s) >= 2 and s[0] == "-" and _is_space(s[1])


def _has_right_trim(s: str) -> bool:
    return len(s) >= 2 and _is_space(s[0]) and s[1] == "-"


class _Lexer:
    def __init__(self, text: str, go_new: bool) -> None:
        self.input = text
        self.pos = 0
        self.start = 0
        self.at_eof = False
        self.paren_depth = 0
        self.line = 1
        self.start_line = 1
        self.items: list[_Item] = []
        self.go_new = go_new

    def run(self) -> list[_Item]:
        state: Callable[[], Any] | None = self.lex_text
        while state is not None:
            state = state()
        return self.items

    # primitives
    def next(self) -> str:
        if self.pos >= len(self.input):
            self.at_eof = True
            return _EOF_RUNE
        r = self.input[self.pos]
        self.pos += 1
        if r == "\n":
            self.line += 1
        return r

    def peek(self) -> str:
        r = self.next()
        self.backup()
        return r

    def backup(self) -> None:
        if not self.at_eof and self.pos > 0:
            self.pos -= 1
            if self.input[self.pos] == "\n":
                self.line -= 1

    def emit(self, t: int) -> None:
        self.items.append(_Item(t, self.start, self.input[self.start : self.pos], self.start_line))
        self.start = self.pos
        self.start_line = self.line

    def ignore(self) -> None:
        self.line += self.input.count("\n", self.start, self.pos)
        self.start = self.pos
        self.start_line = self.line

    def accept(self, valid: str) -> bool:
        r = self.next()
        if r != "" and r in valid:
            return True
        self.backup()
        return False

    def accept_run(self, valid: str) -> None:
        while True:
            r = self.next()
            if r == "" or r not in valid:
                break
        self.backup()

    def errorf(self, msg: str) -> None:
        self.items.append(_Item(_ERROR, self.start, msg, self.start_line))
        return None

    def at_right_delim(self) -> tuple[bool, bool]:
        s = self.input
        if _has_right_trim(s[self.pos :]) and s.startswith("}}", self.pos + 2):
            return True, True
        if s.startswith("}}", self.pos):
            return True, False
        return False, False

    def at_terminator(self) -> bool:
        r = self.peek()
        if _is_space(r):
            return True
        if r in ("", ".", ",", "|", ":", ")", "("):
            return True
        return self.input.startswith("}}", self.pos)

    # states
    def lex_text(self) -> Any:
        s = self.input
        x = s.find("{{", self.pos)
        if x >= 0:
            self.pos = x
            trim = 0
            if _has_left_trim(s[x + 2 :]):
                seg = s[self.start : self.pos]
                trim = len(seg) - len(seg.rstrip(_SPACE_CHARS))
            self.pos -= trim
            if self.pos > self.start:
                self.line += s.count("\n", self.start, self.pos)
                self.emit(_TEXT)
            self.pos += trim
            self.ignore()
            return self.lex_left_delim
        self.pos = len(s)
        if self.pos > self.start:
            self.line += s.count("\n", self.start, self.pos)
            self.emit(_TEXT)
        self.emit(_EOF)
        return None

    def lex_left_delim(self) -> Any:
        self.pos += 2
        trim = _has_left_trim(self.input[self.pos :])
        after = 2 if trim else 0
        if self.input.startswith("/*", self.pos + after):
            self.pos += after
            self.ignore()
            return self.lex_comment
        self.emit(_LEFT_DELIM)
        self.pos += after
        self.ignore()
        self.paren_depth = 0
        return self.lex_inside_action

    def lex_comment(self) -> Any:
        self.pos += 2
        i = self.input.find("*/", self.pos)
        if i < 0:
            return self.errorf("unclosed comment")
        self.pos = i + 2
        delim, trim = self.at_right_delim()
        if not delim:
            return self.errorf("comment ends before closing delimiter")
        if trim:
            self.pos += 2
        self.pos += 2
        if trim:
            rest = self.input[self.pos :]
            self.pos += len(rest) - len(rest.lstrip(_SPACE_CHARS))
        self.ignore()
        return self.lex_text

    def lex_right_delim(self) -> Any:
        trim = _has_right_trim(self.input[self.pos :])
        if trim:
            self.pos += 2
            self.ignore()
        self.pos += 2
        self.emit(_RIGHT_DELIM)
        if trim:
            rest = self.input[self.pos :]
            self.pos += len(rest) - len(rest.lstrip(_SPACE_CHARS))
            self.ignore()
        return self.lex_text

    def lex_inside_action(self) -> Any:
        delim, _ = self.at_right_delim()
        if delim:
            if self.paren_depth == 0:
                return self.lex_right_delim
            return self.errorf("unclosed left paren")
        r = self.next()
        if r == "":
            return self.errorf("unclosed action")
        if _is_space(r):
            self.backup()
            return self.lex_space
        if r == "=":
            self.emit(_ASSIGN)
        elif r == ":":
            if self.next() != "=":
                return self.errorf("expected :=")
            self.emit(_DECLARE)
        elif r == "|":
            self.emit(_PIPE)
        elif r == '"':
            return self.lex_quote
        elif r == "`":
            return self.lex_raw_quote
        elif r == "$":
            return self.lex_variable
        elif r == "'":
            return self.lex_char
        elif r == "." and self.pos < len(self.input) and not ("0" <= self.input[self.pos] <= "9"):
            return self.lex_field
        elif r in "+-." or "0" <= r <= "9":
            self.backup()
            return self.lex_number
        elif _is_alnum(r):
            self.backup()
            return self.lex_identifier
        elif r == "(":
            self.emit(_LEFT_PAREN)
            self.paren_depth += 1
        elif r == ")":
            self.paren_depth -= 1
            if self.go_new:
                if self.paren_depth < 0:
                    return self.errorf("unexpected right paren")
                self.emit(_RIGHT_PAREN)
            else:
                self.emit(_RIGHT_PAREN)
                if self.paren_depth < 0:
                    return self.errorf("unexpected right paren " + _go_U(r))
        elif ord(r) <= 0x7F and r.isprintable():
            self.emit(_CHAR)
        else:
            return self.errorf("unrecognized character in action: " + _go_U(r))
        return self.lex_inside_action

    def lex_space(self) -> Any:
        num = 0
        while True:
            r = self.peek()
            if not _is_space(r):
                break
            self.next()
            num += 1
        if _has_right_trim(self.input[self.pos - 1 :]) and self.input.startswith("}}", self.pos + 1):
            self.backup()
            if num == 1:
                return self.lex_right_delim
        self.emit(_SPACE)
        return self.lex_inside_action

    def lex_identifier(self) -> Any:
        while True:
            r = self.next()
            if _is_alnum(r):
                continue
            self.backup()
            word = self.input[self.start : self.pos]
            if not self.at_terminator():
                return self.errorf("bad character " + _go_U(r))
            kw = _KEYWORDS.get(word)
            if kw is not None:
                self.emit(kw)
            elif word[0] == ".":
                self.emit(_FIELD)
            elif word in ("true", "false"):
                self.emit(_BOOL)
            else:
                self.emit(_IDENTIFIER)
            return self.lex_inside_action

    def lex_field(self) -> Any:
        return self.lex_field_or_variable(_FIELD)

    def lex_variable(self) -> Any:
        if self.at_terminator():
            self.emit(_VARIABLE)
            return self.lex_inside_action
        return self.lex_field_or_variable(_VARIABLE)

    def lex_field_or_variable(self, typ: int) -> Any:
        if self.at_terminator():
            self.emit(_VARIABLE if typ == _VARIABLE else _DOT)
            return self.lex_inside_action
        while True:
            r = self.next()
            if not _is_alnum(r):
                self.backup()
                break
        if not self.at_terminator():
            return self.errorf("bad character " + _go_U(r))
        self.emit(typ)
        return self.lex_inside_action

    def lex_char(self) -> Any:
        while True:
            r = self.next()
            if r == "\\":
                r2 = self.next()
                if r2 != "" and r2 != "\n":
                    continue
                return self.errorf("unterminated character constant")
            if r == "" or r == "\n":
                return self.errorf("unterminated character constant")
            if r == "'":
                break
        self.emit(_CHAR_CONSTANT)
        return self.lex_inside_action

    def lex_number(self) -> Any:
        if not self.scan_number():
            return self.errorf("bad number syntax: " + go_quote(self.input[self.start : self.pos]))
        sign = self.peek()
        if sign in ("+", "-"):
            if not self.scan_number() or self.input[self.pos - 1] != "i":
                return self.errorf("bad number syntax: " + go_quote(self.input[self.start : self.pos]))
            self.emit(_COMPLEX)
        else:
            self.emit(_NUMBER)
        return self.lex_inside_action

    def scan_number(self) -> bool:
        self.accept("+-")
        digits = "0123456789_"
        if self.accept("0"):
            if self.accept("xX"):
                digits = "0123456789abcdefABCDEF_"
            elif self.accept("oO"):
                digits = "01234567_"
            elif self.accept("bB"):
                digits = "01_"
        self.accept_run(digits)
        if self.accept("."):
            self.accept_run(digits)
        if len(digits) == 11 and self.accept("eE"):
            self.accept("+-")
            self.accept_run("0123456789_")
        if len(digits) == 23 and self.accept("pP"):
            self.accept("+-")
            self.accept_run("0123456789_")
        self.accept("i")
        if _is_alnum(self.peek()):
            self.next()
            return False
        return True

    def lex_quote(self) -> Any:
        while True:
            r = self.next()
            if r == "\\":
                r2 = self.next()
                if r2 != "" and r2 != "\n":
                    continue
                return self.errorf("unterminated quoted string")
            if r == "" or r == "\n":
                return self.errorf("unterminated quoted string")
            if r == '"':
                break
        self.emit(_STRING)
        return self.lex_inside_action

    def lex_raw_quote(self) -> Any:
        while True:
            r = self.next()
            if r == "":
                return self.errorf("unterminated raw quoted string")
            if r == "`":
                break
        self.emit(_RAW_STRING)
        return self.lex_inside_action


# --------------------------------------------------------------------------
# strconv helpers used by the parser


class _SyntaxError(Exception):
    pass


def _unquote_char(s: str, i: int, quote: str) -> tuple[int, int]:
    """strconv.UnquoteChar: (code point, next index)."""
    c = s[i]
    if c == quote and quote in "'\"":
        raise _SyntaxError
    if c != "\\":
        return ord(c), i + 1
    if i + 1 >= len(s):
        raise _SyntaxError
    c = s[i + 1]
    i += 2
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
    if c in simple:
        return simple[c], i
    if c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        h = s[i : i + n]
        if len(h) < n or any(ch not in "0123456789abcdefABCDEF" for ch in h):
            raise _SyntaxError
        v = int(h, 16)
        if c == "x":
            return v, i + n  # a byte; callers see it as a code point
        if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
            raise _SyntaxError
        return v, i + n
    if c in "01234567":
        h = s[i - 1 : i + 2]
        if len(h) < 3 or any(ch not in "01234567" for ch in h):
            raise _SyntaxError
        v = int(h, 8)
        if v > 255:
            raise _SyntaxError
        return v, i + 2
    if c in "'\"":
        if c != quote:
            raise _SyntaxError
        return ord(c), i
    raise _SyntaxError


def _unquote(s: str) -> str:
    """strconv.Unquote for "..." and `...` literals."""
    if len(s) < 2 or s[0] != s[-1]:
        raise _SyntaxError
    q = s[0]
    body = s[1:-1]
    if q == "`":
        if "`" in body:
            raise _SyntaxError
        return body.replace("\r", "")
    if q != '"':
        raise _SyntaxError
    if "\n" in body:
        raise _SyntaxError
    out = []
    pending: list[int] = []  # \x bytes, decoded as UTF-8 together
    i = 0
    while i < len(body):
        is_byte = body[i] == "\\" and i + 1 < len(body) and body[i + 1] in "x01234567"
        v, i = _unquote_char(body, i, q)
        if is_byte:
            pending.append(v)
            continue
        if pending:
            out.append(bytes(pending).decode("utf-8", "replace"))
            pending = []
        out.append(chr(v))
    if pending:
        out.append(bytes(pending).decode("utf-8", "replace"))
    return "".join(out)


def _underscore_ok(s: str) -> bool:
    saw = "^"
    i = 0
    if len(s) >= 1 and s[0] in "+-":
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1].lower() in "bxo":
        i = 2
        saw = "0"
        hexa = s[1].lower() == "x"
    while i < len(s):
        c = s[i]
        if c.isdigit() or (hexa and c.lower() in "abcdef"):
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
        i += 1
    return saw != "_"


def _parse_int(text: str, unsigned: bool) -> int:
    """strconv.ParseInt / ParseUint with base 0."""
    s = text
    neg = False
    if not unsigned and s[:1] in ("+", "-"):
        neg = s[0] == "-"
        s = s[1:]
    if not s:
        raise _SyntaxError
    base = 10
    body = s
    if s[0] == "0" and len(s) > 1:
        p = s[1].lower()
        if p == "x":
            base, body = 16, s[2:]
        elif p == "o":
            base, body = 8, s[2:]
        elif p == "b":
            base, body = 2, s[2:]
        else:
            base, body = 8, s[1:]
    if "_" in body and not _underscore_ok(s):
        raise _SyntaxError
    body = body.replace("_", "")
    if not body:
        raise _SyntaxError
    try:
        v = int(body, base)
    except ValueError:
        raise _SyntaxError from None
    if any(c in "+- " for c in body):
        raise _SyntaxError
    if neg:
        v = -v
    if unsigned:
        if v >= 1 << 64:
            raise _SyntaxError
    elif not -(1 << 63) <= v < (1 << 63):
        raise _SyntaxError
    return v


def _parse_float(text: str) -> float:
    s = text
    if "_" in s:
        if not _underscore_ok(s):
            raise _SyntaxError
        s = s.replace("_", "")
    body = s.lstrip("+-")
    if len(s) - len(body) > 1 or not body:
        raise _SyntaxError
    if body[:2].lower() == "0x":
        try:
            if "p" not in body.lower():
                raise _SyntaxError
            return float.fromhex(s)
        except ValueError:
            raise _SyntaxError from None
    if any(c not in "0123456789.eE+-" for c in body):
        raise _SyntaxError
    try:
        return float(s)
    except ValueError:
        raise _SyntaxError from None


# --------------------------------------------------------------------------
# Parse tree (text/template/parse/node.go)


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


# --------------------------------------------------------------------------
# Parser (text/template/parse/parse.go)


class _ParseFail(Exception):
    pass


class _Parser:
    def __init__(self, text: str, funcs: set[str], go_new: bool) -> None:
        self.text = text
        self.funcs = funcs
        self.go_new = go_new
        self.items = _Lexer(text, go_new).run()
        self.ipos = 0
        self.token: list[_Item] = [self.items[0]] * 3
        self.peek_count = 0
        self.vars: list[str] = ["$"]
        self.action_line = 0
        self.range_depth = 0
        self.tree_set: dict[str, _ListNode] = {}

    # token stream
    def _lex_next(self) -> _Item:
        if self.ipos < len(self.items):
            it = self.items[self.ipos]
            self.ipos += 1
            return it
        return self.items[-1]

    def next(self) -> _Item:
        if self.peek_count > 0:
            self.peek_count -= 1
        else:
            self.token[0] = self._lex_next()
        return self.token[self.peek_count]

    def backup(self) -> None:
        self.peek_count += 1

    def backup2(self, t1: _Item) -> None:
        self.token[1] = t1
        self.peek_count = 2

    def backup3(self, t2: _Item, t1: _Item) -> None:
        self.token[1] = t1
        self.token[2] = t2
        self.peek_count = 3

    def peek(self) -> _Item:
        if self.peek_count > 0:
            return self.token[self.peek_count - 1]
        self.peek_count = 1
        self.token[0] = self._lex_next()
        return self.token[0]

    def next_non_space(self) -> _Item:
        while True:
            token = self.next()
            if token.typ != _SPACE:
                return token

    def peek_non_space(self) -> _Item:
        token = self.next_non_space()
        self.backup()
        return token

    # errors
    def errorf(self, msg: str) -> None:
        raise _ParseFail("template: :%d: %s" % (self.token[0].line, msg))

    def expect(self, expected: int, context: str) -> _Item:
        token = self.next_non_space()
        if token.typ != expected:
            self.unexpected(token, context)
        return token

    def expect_one_of(self, e1: int, e2: int, context: str) -> _Item:
        token = self.next_non_space()
        if token.typ != e1 and token.typ != e2:
            self.unexpected(token, context)
        return token

    def unexpected(self, token: _Item, context: str) -> None:
        if token.typ == _ERROR:
            extra = ""
            if self.action_line != 0 and self.action_line != token.line:
                extra = " in action started at :%d" % self.action_line
                if token.val.endswith(" action"):
                    extra = extra[len(" in action") :]
            self.errorf(str(token) + extra)
        self.errorf("unexpected %s in %s" % (token, context))

    # grammar
    def parse(self) -> dict[str, _ListNode]:
        root = _ListNode(self.peek().pos)
        while self.peek().typ != _EOF:
            if self.peek().typ == _LEFT_DELIM:
                delim = self.next()
                if self.next_non_space().typ == _DEFINE:
                    self.parse_definition()
                    continue
                self.backup2(delim)
            n = self.text_or_action()
            if n.kind in ("end", "else"):
                self.errorf("unexpected %s" % n)
            else:
                root.nodes.append(n)
        self.add("", root)
        return self.tree_set

    def add(self, name: str, root: _ListNode) -> None:
        existing = self.tree_set.get(name)
        if existing is None or _is_empty_tree(existing):
            self.tree_set[name] = root
            return
        if not _is_empty_tree(root):
            self.errorf("template: multiple definition of template %s" % go_quote(name))

    def parse_definition(self) -> None:
        context = "define clause"
        name_tok = self.expect_one_of(_STRING, _RAW_STRING, context)
        try:
            name = _unquote(name_tok.val)
        except _SyntaxError:
            self.errorf("invalid syntax")
        self.expect(_RIGHT_DELIM, context)
        saved_vars = self.vars
        self.vars = ["$"]
        root, end = self.item_list()
        if end.kind != "end":
            self.errorf("unexpected %s in %s" % (end, context))
        self.vars = saved_vars
        self.add(name, root)

    def item_list(self) -> tuple[_ListNode, _Node]:
        lst = _ListNode(self.peek_non_space().pos)
        while self.peek_non_space().typ != _EOF:
            n = self.text_or_action()
            if n.kind in ("end", "else"):
                return lst, n
            lst.nodes.append(n)
        self.errorf("unexpected EOF")
        raise AssertionError  # pragma: no cover

    def text_or_action(self) -> _Node:
        token = self.next_non_space()
        if token.typ == _TEXT:
            return _TextNode(token.pos, token.val)
        if token.typ == _LEFT_DELIM:
            self.action_line = token.line
            try:
                return self.action()
            finally:
                self.action_line = 0
        self.unexpected(token, "input")
        raise AssertionError  # pragma: no cover

    def action(self) -> _Node:
        token = self.next_non_space()
        t = token.typ
        if t == _BLOCK:
            return self.block_control()
        if t == _BREAK:
            return self.break_control(token.pos, token.line)
        if t == _CONTINUE:
            return self.continue_control(token.pos, token.line)
        if t == _ELSE:
            return self.else_control()
        if t == _END:
            return self.end_control()
        if t == _IF:
            return self.if_control()
        if t == _RANGE:
            return self.range_control()
        if t == _TEMPLATE:
            return self.template_control()
        if t == _WITH:
            return self.with_control()
        self.backup()
        token = self.peek()
        return _ActionNode(token.pos, token.line, self.pipeline("command", _RIGHT_DELIM))

    def break_control(self, pos: int, line: int) -> _Node:
        token = self.next_non_space()
        if token.typ != _RIGHT_DELIM:
            self.unexpected(token, "{{break}}")
        if self.range_depth == 0:
            self.errorf("{{break}} outside {{range}}")
        return _BreakNode(pos, line)

    def continue_control(self, pos: int, line: int) -> _Node:
        token = self.next_non_space()
        if token.typ != _RIGHT_DELIM:
            self.unexpected(token, "{{continue}}")
        if self.range_depth == 0:
            self.errorf("{{continue}} outside {{range}}")
        return _ContinueNode(pos, line)

    def pipeline(self, context: str, end: int) -> _PipeNode:
        token = self.peek_non_space()
        pipe = _PipeNode(token.pos, token.line, self.go_new)
        while True:  # decls
            v = self.peek_non_space()
            if v.typ != _VARIABLE:
                break
            self.next()
            token_after = self.peek()
            nxt = self.peek_non_space()
            if nxt.typ in (_ASSIGN, _DECLARE):
                pipe.is_assign = nxt.typ == _ASSIGN
                self.next_non_space()
                pipe.decl.append(_VariableNode(v.pos, v.val))
                self.vars.append(v.val)
            elif nxt.typ == _CHAR and nxt.val == ",":
                self.next_non_space()
                pipe.decl.append(_VariableNode(v.pos, v.val))
                self.vars.append(v.val)
                if context == "range" and len(pipe.decl) < 2:
                    if self.peek_non_space().typ in (_VARIABLE, _RIGHT_DELIM, _RIGHT_PAREN):
                        continue
                    self.errorf("range can only initialize variables")
                self.errorf("too many declarations in %s" % context)
            elif token_after.typ == _SPACE:
                self.backup3(v, token_after)
            else:
                self.backup2(v)
            break
        while True:
            token = self.next_non_space()
            if token.typ == end:
                self.check_pipeline(pipe, context)
                return pipe
            if token.typ in (_BOOL, _CHAR_CONSTANT, _COMPLEX, _DOT, _FIELD, _IDENTIFIER, _NUMBER, _NIL,
                             _RAW_STRING, _STRING, _VARIABLE, _LEFT_PAREN):
                self.backup()
                pipe.cmds.append(self.command())
            else:
                self.unexpected(token, context)

    def check_pipeline(self, pipe: _PipeNode, context: str) -> None:
        if not pipe.cmds:
            self.errorf("missing value for %s" % context)
        for i, c in enumerate(pipe.cmds[1:]):
            if c.args[0].kind in ("bool", "dot", "nil", "number", "string"):
                self.errorf("non executable command in pipeline stage %d" % (i + 2))

    def parse_control(self, allow_else_if: bool, context: str) -> tuple:
        mark = len(self.vars)
        try:
            pipe = self.pipeline(context, _RIGHT_DELIM)
            if context == "range":
                self.range_depth += 1
            lst, nxt = self.item_list()
            if context == "range":
                self.range_depth -= 1
            else_list = None
            if nxt.kind == "else":
                if self.go_new:
                    if context == "if" and self.peek().typ == _IF:
                        self.next()
                        else_list = _ListNode(nxt.pos)
                        else_list.nodes.append(self.if_control())
                        return pipe.pos, pipe.line, pipe, lst, else_list
                    if context == "with" and self.peek().typ == _WITH:
                        self.next()
                        else_list = _ListNode(nxt.pos)
                        else_list.nodes.append(self.with_control())
                        return pipe.pos, pipe.line, pipe, lst, else_list
                elif allow_else_if and self.peek().typ == _IF:
                    self.next()
                    else_list = _ListNode(nxt.pos)
                    else_list.nodes.append(self.if_control())
                    return pipe.pos, pipe.line, pipe, lst, else_list
                else_list, nxt = self.item_list()
                if nxt.kind != "end":
                    self.errorf("expected end; found %s" % nxt)
            return pipe.pos, pipe.line, pipe, lst, else_list
        finally:
            del self.vars[mark:]

    def if_control(self) -> _Node:
        return _IfNode(*self.parse_control(True, "if"))

    def range_control(self) -> _Node:
        return _RangeNode(*self.parse_control(False, "range"))

    def with_control(self) -> _Node:
        return _WithNode(*self.parse_control(False, "with"))

    def end_control(self) -> _Node:
        return _EndNode(self.expect(_RIGHT_DELIM, "end").pos)

    def else_control(self) -> _Node:
        peek = self.peek_non_space()
        if peek.typ == _IF or (self.go_new and peek.typ == _WITH):
            return _ElseNode(peek.pos, peek.line)
        token = self.expect(_RIGHT_DELIM, "else")
        return _ElseNode(token.pos, token.line)

    def block_control(self) -> _Node:
        context = "block clause"
        token = self.next_non_space()
        name = self.parse_template_name(token, context)
        pipe = self.pipeline(context, _RIGHT_DELIM)
        saved = self.vars, self.range_depth, self.action_line
        self.vars, self.range_depth, self.action_line = ["$"], 0, 0
        root, end = self.item_list()
        if end.kind != "end":
            self.errorf("unexpected %s in %s" % (end, context))
        self.vars, self.range_depth, self.action_line = saved
        self.add(name, root)
        return _TemplateNode(token.pos, token.line, name, pipe)

    def template_control(self) -> _Node:
        context = "template clause"
        token = self.next_non_space()
        name = self.parse_template_name(token, context)
        pipe = None
        if self.next_non_space().typ != _RIGHT_DELIM:
            self.backup()
            pipe = self.pipeline(context, _RIGHT_DELIM)
        return _TemplateNode(token.pos, token.line, name, pipe)

    def parse_template_name(self, token: _Item, context: str) -> str:
        if token.typ in (_STRING, _RAW_STRING):
            try:
                return _unquote(token.val)
            except _SyntaxError:
                self.errorf("invalid syntax")
        self.unexpected(token, context)
        raise AssertionError  # pragma: no cover

    def command(self) -> _CommandNode:
        cmd = _CommandNode(self.peek_non_space().pos)
        while True:
            self.peek_non_space()
            operand = self.operand()
            if operand is not None:
                cmd.args.append(operand)
            token = self.next()
            if token.typ == _SPACE:
                continue
            if token.typ in (_RIGHT_DELIM, _RIGHT_PAREN):
                self.backup()
            elif token.typ == _PIPE:
                pass
            else:
                self.unexpected(token, "operand")
            break
        if not cmd.args:
            self.errorf("empty command")
        return cmd

    def operand(self) -> _Node | None:
        node = self.term()
        if node is None:
            return None
        if self.peek().typ == _FIELD:
            chain = _ChainNode(self.peek().pos, node)
            while self.peek().typ == _FIELD:
                chain.add(self.next().val)
            if node.kind == "field":
                node = _FieldNode(chain.pos, str(chain))
            elif node.kind == "variable":
                node = _VariableNode(chain.pos, str(chain))
            elif node.kind in ("bool", "string", "number", "nil", "dot"):
                self.errorf("unexpected . after term %s" % go_quote(str(node)))
            else:
                node = chain
        return node

    def term(self) -> _Node | None:
        token = self.next_non_space()
        t = token.typ
        if t == _IDENTIFIER:
            if token.val not in self.funcs:
                self.errorf("function %s not defined" % go_quote(token.val))
            return _IdentifierNode(token.pos, token.val)
        if t == _DOT:
            return _DotNode(token.pos)
        if t == _NIL:
            return _NilNode(token.pos)
        if t == _VARIABLE:
            return self.use_var(token.pos, token.val)
        if t == _FIELD:
            return _FieldNode(token.pos, token.val)
        if t == _BOOL:
            return _BoolNode(token.pos, token.val == "true")
        if t in (_CHAR_CONSTANT, _COMPLEX, _NUMBER):
            try:
                return _NumberNode(token.pos, token.val, t)
            except _SyntaxError as e:
                self.errorf(str(e) or "invalid syntax")
        if t == _LEFT_PAREN:
            return self.pipeline("parenthesized pipeline", _RIGHT_PAREN)
        if t in (_STRING, _RAW_STRING):
            try:
                s = _unquote(token.val)
            except _SyntaxError:
                self.errorf("invalid syntax")
            return _StringNode(token.pos, token.val, s)
        self.backup()
        return None

    def use_var(self, pos: int, name: str) -> _Node:
        v = _VariableNode(pos, name)
        if v.ident[0] in self.vars:
            return v
        self.errorf("undefined variable %s" % go_quote(v.ident[0]))
        raise AssertionError  # pragma: no cover


def _is_empty_tree(n: _Node) -> bool:
    if isinstance(n, _ListNode):
        return all(_is_empty_tree(x) for x in n.nodes)
    if isinstance(n, _TextNode):
        return n.text.strip(" \t\n\v\f\r\x85\xa0") == ""
    return False


# --------------------------------------------------------------------------
# Executor (text/template/exec.go)


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


class _State:
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


def _to_py(v: _V) -> Any:
    if v.py is None:
        if v.k == "slice":
            return []
        if v.k == "map":
            return {}
    return v.py


# --------------------------------------------------------------------------
# Functions: Go's builtins (text/template/funcs.go) and docker's


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


def _docker_json(engine: str) -> GoFunc:
    def json_fn(s: _State, v: _V) -> _V:
        try:
            return _V(_json_value(v, _short_bf(engine)).strip(" \t\r\n"), "string")
        except _JsonError as e:
            if engine == "20.10":
                return _V("", "string")  # docker 20.10 ignores the encoder's error
            raise GoError(str(e)) from None

    return GoFunc(json_fn, (_INTERFACE,), None, "string", "json", raw=True)


def _join(elems: list[str], sep: str) -> str:
    return sep.join(elems)


_BUILTIN_NAMES = frozenset(
    "and call html index slice js len not or print printf println urlquery eq ge gt le lt ne".split()
)


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


def _docker_funcs(engine: str) -> dict[str, GoFunc]:
    """docker/cli templates/templates.go basicFunctions."""
    s = "string"
    return {
        "json": _docker_json(engine),
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


# --------------------------------------------------------------------------
# Public API


class Template:
    """A parsed template; ``execute(data)`` returns the text or raises TemplateError."""

    def __init__(self, text: str, trees: dict[str, _ListNode], funcs: dict[str, GoFunc], engine: str) -> None:
        self._text = text
        self._trees = trees
        self._funcs = funcs
        self._engine = engine
        self._go_new = engine != "20.10"

    @property
    def text(self) -> str:
        return self._text

    def funcs(self, extra: Mapping[str, Any]) -> "Template":
        """A copy whose functions are overridden by ``extra`` (Go's Template.Funcs,
        as docker does with HeaderFunctions for a table's header)."""
        funcs = dict(self._funcs)
        for name, fn in extra.items():
            funcs[name] = _as_gofunc(fn, name)
        return Template(self._text, self._trees, funcs, self._engine)

    def execute(self, data: Any, *, missingkey: str = "default") -> str:
        """Run the template on ``data``.  ``missingkey`` is Go's option:
        "default"/"invalid" (print <no value>), "zero", or "error" (docker
        inspect's retry on the raw JSON uses "error")."""
        state = _State(self, missingkey)
        dot = data if isinstance(data, _V) else _concrete(data)
        state.vars = [("$", dot)]
        try:
            state.walk(dot, self._trees[""])
        except _ExecFail as e:
            raise TemplateError(str(e), "exec", "".join(state.out)) from None
        except RecursionError:
            raise TemplateError(
                "template: : exceeded maximum template depth (100000)", "exec", "".join(state.out)
            ) from None
        return "".join(state.out)


def parse(text: str, *, engine: str = "28", funcs: Mapping[str, Any] | None = None) -> Template:
    """Parse ``text`` as docker's ``templates.Parse`` does (Go's builtins plus
    json, split, join, title, lower, upper, pad, truncate).  ``engine`` is
    "28" (Go 1.24: ``{{else with}}``, ``{{range 3}}``) or "20.10" (Go 1.19).
    Raises TemplateError(kind="parse").

    >>> parse("{{.Name}}: {{.Driver}}").execute({"Name": "bridge", "Driver": "bridge"})
    'bridge: bridge'
    """
    all_funcs = _builtins()
    all_funcs.update(_docker_funcs(engine))
    for name, fn in (funcs or {}).items():
        all_funcs[name] = _as_gofunc(fn, name)
    go_new = engine != "20.10"
    try:
        trees = _Parser(text, set(all_funcs), go_new).parse()
    except _ParseFail as e:
        raise TemplateError(str(e), "parse") from None
    except RecursionError:
        raise TemplateError("template: :1: nesting too deep", "parse") from None
    return Template(text, trees, all_funcs, engine)
