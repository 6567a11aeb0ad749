"""Two hosts' object graphs compared whole: the strictest "same host" there is.

``same_graph(a, b)`` walks both graphs side by side from their daemons, through every slot and
``__dict__`` entry, every list, tuple, dict (keys in order) and set, and checks that they are
isomorphic: the same types, equal values, and the same sharing (an object reached twice on one
side is the same object reached twice on the other, and nothing is shared across the sides but
immutable values and what both use and neither owns, such as the engine's profile). A loaded host
that lacks some state its original had, or holds a copy where the original shares, fails here
even when every view and the digest agree. (A field that is an index of the others, such as a
netfilter chain's counts of its rules, ``snapshot.DERIVED``, is compared by value: its order is
no state; a cache, ``snapshot.CACHES``, is not compared.)
"""

from __future__ import annotations

import enum
import random
import types
from typing import Any, Optional

from dockernet_sim.records import is_record
from dockernet_sim.snapshot import CACHES, DERIVED

_ATOMS = (str, int, float, bool, bytes, type(None), complex)
_SKIP = frozenset({"recorder", "fork_point"})   # the call log and fork lineage are compared apart


def _attrs(o: Any) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    seen: set[str] = set()
    for cls in type(o).__mro__:
        for name in cls.__dict__.get("__slots__", ()):
            if name in seen or name in ("__dict__", "__weakref__"):
                continue
            seen.add(name)
            try:
                out.append((name, object.__getattribute__(o, name)))
            except AttributeError:
                out.append((name, _UNSET))
    d = getattr(o, "__dict__", None)
    if isinstance(d, dict):
        out.extend(sorted(d.items()))
    return out


_UNSET = object()


def same_graph(a: Any, b: Any) -> Optional[str]:
    """None if the graphs from ``a`` and ``b`` are isomorphic, else where they first differ."""
    pairs: dict[int, int] = {}
    keep: list[Any] = []      # the objects paired, alive while the ids are compared
    stack: list[tuple[Any, Any, str]] = [(a, b, "host")]
    while stack:
        x, y, path = stack.pop()
        if type(x) is not type(y):
            return f"{path}: {type(x).__name__} vs {type(y).__name__}"
        if isinstance(x, _ATOMS):
            if x != y and not (x != x and y != y):
                return f"{path}: {x!r} vs {y!r}"
            continue
        if isinstance(x, (enum.Enum, type, types.ModuleType, types.BuiltinFunctionType, types.FunctionType)):
            if x is not y:
                return f"{path}: {x!r} is not {y!r}"
            continue
        if x is y:         # what both use and neither owns: the engine's profile and its tables
            continue
        if _frozen(x):     # a value (an address, a prefix): equal is the same, shared or not
            stack.extend((u, v, f"{path}.{n}") for (n, u), (_, v) in zip(_attrs(x), _attrs(y)))
            continue
        if isinstance(x, tuple):     # the same: what it holds is compared, sharing and all
            if len(x) != len(y):
                return f"{path}: {len(x)} items vs {len(y)}"
            stack.extend((u, v, f"{path}[{i}]") for i, (u, v) in enumerate(zip(x, y)))
            continue
        if id(x) in pairs:
            if pairs[id(x)] != id(y):
                return f"{path}: shared differently"
            continue
        if id(y) in pairs.values():
            return f"{path}: shared differently"
        pairs[id(x)] = id(y)
        keep.append((x, y))
        if isinstance(x, types.MethodType):
            if x.__func__ is not y.__func__:
                return f"{path}: method {x.__func__.__qualname__} vs {y.__func__.__qualname__}"
            stack.append((x.__self__, y.__self__, path + ".__self__"))
        elif isinstance(x, random.Random):
            if x.getstate() != y.getstate():
                return f"{path}: random state differs"
        elif isinstance(x, list):
            if len(x) != len(y):
                return f"{path}: {len(x)} items vs {len(y)}"
            stack.extend((u, v, f"{path}[{i}]") for i, (u, v) in enumerate(zip(x, y)))
        elif isinstance(x, dict):
            kx, ky = list(x), list(y)
            if len(kx) != len(ky):
                return f"{path}: keys {kx[:5]} vs {ky[:5]}"
            for i, (u, v) in enumerate(zip(kx, ky)):
                stack.append((u, v, f"{path}.keys()[{i}]"))
                stack.append((x[u], y[v], f"{path}[{u!r}]" if type(u) in (str, int) else f"{path}.values()[{i}]"))
        elif isinstance(x, (set, frozenset)):
            if x != y:
                return f"{path}: {sorted(map(repr, x ^ y))[:4]} on one side only"
        else:
            ax, ay = _attrs(x), _attrs(y)
            if [n for n, _ in ax] != [n for n, _ in ay]:
                return f"{path}: attributes {[n for n, _ in ax]} vs {[n for n, _ in ay]}"
            for (name, u), (_, v) in zip(ax, ay):
                if name in _SKIP or name in CACHES.get(type(x), ()):
                    continue
                if (type(x), name) in DERIVED:     # an index of the other fields: equal is enough
                    if u != v:
                        return f"{path}.{name}: {u!r:.80} vs {v!r:.80}"
                    continue
                if (u is _UNSET) != (v is _UNSET):
                    return f"{path}.{name}: set on one side only"
                if u is not _UNSET:
                    stack.append((u, v, f"{path}.{name}"))
    return None


def _frozen(x: Any) -> bool:
    return is_record(x) and type(x).__record_params__[0]
