"""Go values as Python data: the types a template's data is given in.

Mirrors the Go side of ``--format`` data: structs, typed maps and slices, typed nils,
json.Number and funcs (methods), plus TemplateError (Go's error text), GoError, and the kind
a Go type name has (``_kind_of_type``, reflect.Kind).
How each Python value reads as a Go value: the table in the package docstring.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping


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


_NONE: Mapping[str, Any] = MappingProxyType({})
_NO_NAMES: frozenset[str] = frozenset()


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
        json_tags: Mapping[str, str] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(fields, **kw)
        self.type_name = type_name
        # a field's `json:"name"` tag where it is not the field's name (events.Message's "status")
        self.json_tags: Mapping[str, str] = dict(json_tags) if json_tags else _NONE
        # (a struct without them shares one empty, read-only table: a document of 65,535 port
        # bindings makes 131,070 structs)
        self.field_types: Mapping[str, str] = dict(field_types) if field_types else _NONE
        self.omitempty = frozenset(omitempty) if omitempty else _NO_NAMES
        self.methods: Mapping[str, Callable[..., Any]] = dict(methods) if methods else _NONE
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
    import inspect as _inspect   # only a template calling a plain Python method needs it
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
