"""Writing a snapshot: the objects reached from the daemon's parts, a table per class and a
column per field, each value checked to its field's type as it is written."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import Any, Callable, Union

from ..addr import IP, Prefix
from ..daemon.daemon import Daemon
from ..kernel.netfilter import Netfilter
from ..kernel.netns import Namespace
from .schema import (SHARED_TUPLES, DATA_CLASSES, ENUMS, NO_DEFAULT, PART_STATE, SCALARS, SNAPSHOT_VERSION,
                     SnapshotError, list_or_tuple, optional_of, origin_args, parts,
                     schema)


class _Writer:
    """The tables being written: each object reached gets the next row of its class's table, and
    each field's type an encoder (made once)."""

    def __init__(self, part_classes: dict[type, Any], canonical: bool) -> None:
        self.canonical = canonical
        self.s = schema()
        self.parts = part_classes
        self.index: dict[int, int] = {}
        self.shared = {t: n for n, t in enumerate(SHARED_TUPLES)}   # by value: a fork's copies too
        self.objects: dict[type, list[Any]] = {c: [] for c in DATA_CLASSES}
        self.encoder: Callable[[Any], Callable[[Any], Any]] = functools.cache(self._compile)   # by type

    def ref(self, cls: type, v: Any) -> int:
        n = self.index.get(id(v))
        if n is None:
            table = self.objects[cls]
            n = self.index[id(v)] = len(table)
            table.append(v)
        return n

    def _compile(self, t: Any) -> Callable[[Any], Any]:
        if t in SCALARS:
            def scalar(v: Any) -> Any:
                if type(v) is not t:
                    raise SnapshotError(f"{v!r} is not a {t.__name__}")
                return v
            return scalar
        if t is IP:
            return lambda v: [v.value, v.version] if type(v) is IP else _bad(v, "IP")
        if t is Prefix:
            return lambda v: [v.addr.value, v.addr.version, v.length, v.text] if type(v) is Prefix else _bad(v, "Prefix")
        if t in ENUMS:
            return lambda v: v.value if type(v) is t else _bad(v, t.__name__)
        if t in self.s.fields:
            return lambda v: self.ref(t, v) if type(v) is t else _bad(v, t.__name__)
        if t is Any:
            return self._any
        inner = optional_of(t)
        if inner is not None:
            enc = self.encoder(inner)
            return lambda v: None if v is None else enc(v)
        many = list_or_tuple(t)
        if many is not None:
            enc, one, kind = self.encoder(many), self.encoder(origin_args(many)[1][0]), origin_args(many)[0]
            return lambda v: enc(v) if type(v) is kind else self._tuple(v, one) if type(v) is tuple \
                else _bad(v, str(t))
        origin, args = origin_args(t)
        if origin is Union:
            encs = [(a, self.encoder(a)) for a in args]
            def union(v: Any) -> Any:
                for a, e in encs:
                    if type(v) is a:
                        return e(v)
                return _bad(v, str(t))
            return union
        if origin in (list, set, frozenset) or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
            enc = self.encoder(args[0])
            if origin is list or origin is tuple:
                return lambda v: [enc(x) for x in v] if type(v) is origin else _bad(v, str(t))
            return lambda v: sorted((enc(x) for x in v), key=json.dumps) if type(v) is origin else _bad(v, str(t))
        if origin is tuple:
            encs = [self.encoder(a) for a in args]
            return lambda v: ([e(x) for e, x in zip(encs, v)] if type(v) is tuple and len(v) == len(encs)
                              else _bad(v, str(t)))
        if origin is dict or origin is Mapping:
            ek, ev = self.encoder(args[0]), self.encoder(args[1])
            items = self._items
            if args[0] is str:
                return lambda v: {ek(k): ev(x) for k, x in items(v, ek)} if isinstance(v, dict) else _bad(v, str(t))
            return lambda v: [[ek(k), ev(x)] for k, x in items(v, ek)] if isinstance(v, dict) else _bad(v, str(t))
        raise SnapshotError(f"no snapshot form for the type {t}")

    def _tuple(self, v: tuple[Any, ...], one: Callable[[Any], Any]) -> dict[str, Any]:
        """A tuple in a ``list[X] | tuple[...]`` field: the model's own N-th shared tuple (or one
        equal to it: a fork's copy), or its items."""
        n = self.shared.get(v)
        return {"$tuple": [one(x) for x in v]} if n is None else {"$shared": n}

    def _items(self, v: dict[Any, Any], key: Callable[[Any], Any]) -> Any:
        """A dict's items in the order they are written: its own, or (canonical) by key."""
        if not self.canonical:
            return v.items()
        return sorted(v.items(), key=lambda kv: json.dumps(key(kv[0])))

    def _any(self, v: Any) -> Any:
        """A value of a field declared ``Any``: tagged, as ``persist.encode`` tags arguments."""
        t = type(v)
        if t in SCALARS or v is None:
            return v
        if t is list:
            return [self._any(x) for x in v]
        if t is tuple:
            return {"$tuple": [self._any(x) for x in v]}
        if t is dict:
            return {"$dict": [[self._any(k), self._any(x)] for k, x in self._items(v, self._any)]}
        if t is IP or t is Prefix:
            return {"$" + t.__name__: self.encoder(t)(v)}
        if t in self.s.fields:
            return {"$ref": [t.__name__, self.ref(t, v)]}
        raise SnapshotError(f"cannot write a value of type {t.__name__}")


_PRISTINE_NETFILTER = Netfilter().state()


# The fields :func:`_value` writes otherwise than as they are.
_SPECIAL = frozenset({(Namespace, "_netfilter"), (Namespace, "_netfilter6"), (Netfilter, "_tables")})


def _value(w: _Writer, obj: Any, name: str) -> Any:
    """A field as the snapshot writes it: netfilter tables that are as the kernel made them
    (looked at by a packet walk, say, and never changed) as the tables nobody looked at, which
    is what a replay of the calls, which walks no packet, has: a namespace's not made yet (unless
    a part of the daemon holds them), the others' not filled in."""
    value = getattr(obj, name)
    if value is None:
        return value
    if type(obj) is Namespace and name in ("_netfilter", "_netfilter6"):
        pristine = id(value) not in w.index and (value.untouched or value.state() == _PRISTINE_NETFILTER)
        return None if pristine else value
    if type(obj) is Netfilter and name == "_tables" and obj.state() == _PRISTINE_NETFILTER:
        return None
    return value


def _all_default(w: _Writer, cls: type, name: str, col: list[Any]) -> bool:
    """Whether every value of a column is the field's default as written (or an empty list or
    dict, as its factory makes them)."""
    s = w.s
    default = s.defaults[cls][name]
    if default is not NO_DEFAULT:
        written = w.encoder(s.fields[cls][name])(default)
        return all(type(x) is type(written) and x == written for x in col)
    return s.factories[cls][name] in (list, dict) and not any(col)


def _bad(v: Any, want: str) -> Any:
    shown = repr(v) if type(v) in SCALARS else "…"     # (a model object's repr walks its graph)
    raise SnapshotError(f"{type(v).__name__} value {shown:.60} where a {want} belongs")


def write(d: Daemon, log: str, *, canonical: bool = False) -> dict[str, Any]:
    """The snapshot of a daemon's model, made by the calls of the log whose ``CallLog.digest()`` is
    ``log`` (raises SnapshotError if a value is outside its field's type). ``canonical`` writes
    every dict in the order of its keys, and numbers the objects in that walk: two hosts that
    differ only in the order of their dicts (a rolled-back call puts some entries back at the
    end, a replay never made it) then have one snapshot."""
    named = parts(d)
    w = _Writer({type(p): p for p in named.values()}, canonical)
    out_parts: dict[str, Any] = {}
    for name, part in named.items():
        out_parts[name] = {attr: w.encoder(t)(getattr(part, attr)) for attr, t in PART_STATE[type(part)].items()}
    (version, internal, gauss), clock = d.rand.state()   # type: ignore[misc]
    out_parts["rand"] = [list(internal), clock, version, gauss]
    # every object reached is written, a column at a time for the objects reached so far;
    # writing them may reach more (a batch of its own after)
    s = w.s
    plans = {cls: [(name, w.encoder(t), (cls, name) in _SPECIAL) for name, t in s.fields[cls].items()
                   if t not in w.parts] for cls in DATA_CLASSES}
    columns: dict[type, dict[str, list[Any]]] = {cls: {name: [] for name, _, _ in plan} for cls, plan in plans.items()}
    done = dict.fromkeys(DATA_CLASSES, 0)
    pending = True
    while pending:
        pending = False
        for cls in DATA_CLASSES:
            table = w.objects[cls]
            while done[cls] < len(table):
                pending = True
                batch, done[cls] = table[done[cls]:], len(table)
                for name, enc, special in plans[cls]:
                    values = [_value(w, obj, name) for obj in batch] if special else list(map(attrgetter(name), batch))
                    scalar = s.fields[cls][name]
                    if scalar in SCALARS and set(map(type, values)) == {scalar}:
                        columns[cls][name] += values        # (checked whole: written as they are)
                    else:
                        columns[cls][name] += map(enc, values)
    objects: dict[str, Any] = {}
    for cls in DATA_CLASSES:
        if not done[cls]:
            continue
        every = columns[cls]
        # a column of defaults is left out (the reader fills it in), but not the table's last
        # one: its length is what the reader checks the row count against
        kept = {name: col for name, col in every.items() if not _all_default(w, cls, name, col)}
        objects[cls.__name__] = {"count": done[cls], "fields": kept or dict([next(iter(every.items()))])}
    return {"version": SNAPSHOT_VERSION, "log": log, "parts": out_parts, "objects": objects}
