"""The model of a host as data: the ``snapshot`` section of a host file (issue 15).

Loading a host by replaying its call log costs what building it did; a snapshot of the model
loads in time proportional to the file. The model is an object graph: kernel namespaces with
links (a veth's peer, a port's bridge, its namespace), routes and netfilter tables; libnetwork's
networks, endpoints and sandboxes; IPAM's pools and bitmaps; the port allocator; the
containers. A snapshot writes it as tables, one per class of the model (``Link``, ``Endpoint``,
``Container`` …), a column per field, an object referring to another by its row in the other's
table; and the state of the daemon's parts (the kernel, the controller, IPAM, the drivers …),
which loading sets on a freshly booted daemon of the same engine, seed and configuration:
those parts keep the wiring the constructor gave them, and get the saved objects.

What a field may hold is its declared type: the dataclass annotation, or for the classes with
hand-written slots the table :data:`SLOT_TYPES` (a test checks that it names every slot). A
file is untrusted input: every column is checked against its field's type (exact ``str``,
``int``, ``bool``; a reference to a row that exists, of the class the field names; an address
in range), nothing but the classes here is ever built, and a problem raises ``PersistError``
naming the class and field. A file that is well typed but describes a different host than its
log is caught by the digest (``persist.digest``) and by the hash of the log the snapshot names.

Columns are decoded a whole column at a time, with the type checks at C speed (``set(map(type,
column))``), so a load costs a few operations per field, not a Python call per value.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections import deque
from itertools import chain, compress, islice, repeat
from typing import Any, Callable, Mapping, Optional, Union

from .addr import IP, AddrError, Prefix, ip
from .daemon.container import Container, ContainerStore, EndpointSettings, Image, PidCounter
from .daemon.daemon import Daemon
from .kernel.links import Address, Link
from .kernel.netfilter import Chain, Netfilter, Rule, Table
from .kernel.netns import Kernel, Namespace, Route
from .libnetwork.addrset import AddrSet, Policy
from .libnetwork.controller import Controller
from .libnetwork.drivers.bridge.bridge import BridgeDriver
from .libnetwork.drivers.bridge.firewall import BridgeRules, Firewall, PortMapping
from .libnetwork.drivers.host import HostDriver
from .libnetwork.drivers.ipvlan import IpvlanDriver
from .libnetwork.drivers.macvlan import MacvlanDriver
from .libnetwork.drivers.null import NullDriver
from .libnetwork.ipam import Ipam, _Child, _Pool
from .libnetwork.ipamutils import PrefixIndex
from .libnetwork.model import Endpoint, Network, PoolState, PortHold, Sandbox
from .libnetwork.portallocator import PortAllocator

SNAPSHOT_VERSION = 1

# The hand-written classes of the model: the type of each slot (what their __init__ annotates).
SLOT_TYPES: dict[type, dict[str, Any]] = {
    Namespace: {"name": str, "kernel": Kernel, "links": dict[str, Link], "routes": list[Route],
                "netfilter": Netfilter, "_next_index": int, "sysctl": dict[str, str], "netnsids": dict[str, int],
                "_free_nsids": list[int], "_next_nsid": int},
    Netfilter: {"_tables": Optional[dict[str, Table]]},
    Table: {"name": str, "chains": dict[str, Chain]},
    AddrSet: {"_size": int, "_blocks": dict[int, int], "_count": int, "_rs": list[int], "_re": list[int],
              "_lastb": int, "_lastfull": int, "cursor": int, "policy": Policy},
    _Pool: {"key": str, "prefix": Prefix, "version": int, "network": int, "length": int, "explicit": bool,
            "children": dict[str, _Child], "sets": dict[int, AddrSet], "chunk_shift": int, "chunk_size": int},
    _Child: {"key": str, "given": Prefix, "range_prefix": Optional[Prefix], "start": int, "end": int},
    PrefixIndex: {"bits": int, "items": list[tuple[int, int]], "_nets": list[int], "_lasts": list[int],
                  "_maxlast": list[int]},
}

# Where a dataclass's annotation is looser than what the field holds.
FIELD_TYPES: dict[tuple[type, str], Any] = {
    (Endpoint, "ports"): list[PortMapping],
    (Endpoint, "links"): list[tuple[IP, IP, tuple[str, ...]]],
}

# The objects a snapshot holds: built anew by a load.
DATA_CLASSES: tuple[type, ...] = (
    Namespace, Link, Address, Route, Netfilter, Table, Chain, Rule,
    Network, PoolState, Endpoint, Sandbox, PortHold, PortMapping, BridgeRules,
    _Pool, _Child, AddrSet, PrefixIndex, Container, EndpointSettings, Image)

# The daemon's parts (built by its constructor, found again on the fresh daemon) and the
# attributes of each that API calls change.
_DRIVER_STATE = {"networks": dict[str, Network]}
PART_STATE: dict[type, dict[str, Any]] = {
    Daemon: {"images": dict[str, Image]},
    Kernel: {"namespaces": dict[str, Namespace], "host": Namespace, "_global_index": int},
    Controller: {"networks": dict[str, Network], "sandboxes": dict[str, Sandbox],
                 "endpoints_by_id": dict[str, Endpoint], "last_address": dict[tuple[str, str, int], IP]},
    Ipam: {"policy": Policy, "_pools": dict[str, _Pool], "_alloc": dict[int, PrefixIndex], "_rotation": int,
           "_parsed_ids": dict[str, tuple[str, str, Optional[str], str, str]],
           "_bases": dict[int, list[tuple[int, int, int]]]},
    PortAllocator: {"held": dict[tuple[str, str], set[int]], "last": dict[tuple[str, Union[str, int]], int]},
    Firewall: {"nf": Netfilter, "nf6": Optional[Netfilter]},
    ContainerStore: {"containers": dict[str, Container], "names": dict[str, str]},
    PidCounter: {"last": int},
    BridgeDriver: {**_DRIVER_STATE, "rules": dict[str, BridgeRules]},
    MacvlanDriver: {**_DRIVER_STATE, "made_parents": dict[str, str]},
    IpvlanDriver: _DRIVER_STATE, NullDriver: _DRIVER_STATE, HostDriver: _DRIVER_STATE,
}

_ENUMS = (Policy,)
_A = {str: "a string", int: "an integer", bool: "true or false"}
_NONE = type(None)
_SCALARS = (str, int, bool)


class SnapshotError(ValueError):
    """A snapshot that cannot be written (a value outside its field's type) or read."""


def parts(d: Daemon) -> dict[str, Any]:
    """The daemon's parts by the name a snapshot gives them."""
    out: dict[str, Any] = {"daemon": d, "kernel": d.kernel, "ctl": d.ctl, "ipam": d.ipam, "ports": d.ports,
                           "firewall": d.firewall, "store": d.store, "pids": d.pids}
    for name, driver in d.ctl.drivers.items():
        out["driver:" + name] = driver
    return out


def _hints(cls: type) -> dict[str, Any]:
    """Field -> type of a data class (resolved annotations; the classes above as the namespace
    for names a module imports only for type checking)."""
    if cls in SLOT_TYPES:
        return SLOT_TYPES[cls]
    names = {c.__name__: c for c in (*DATA_CLASSES, IP, Prefix, Kernel, Policy)}
    hints = typing.get_type_hints(cls, localns=names)
    return {f.name: FIELD_TYPES.get((cls, f.name), hints[f.name]) for f in dataclasses.fields(cls)}


_NO_DEFAULT = object()


def _default(cls: type, name: str) -> Any:
    """A field's plain default (a str, int, bool or None: shared safely), or _NO_DEFAULT."""
    if dataclasses.is_dataclass(cls):
        for f in dataclasses.fields(cls):
            if f.name == name and f.default is not dataclasses.MISSING and type(f.default) in (*_SCALARS, _NONE):
                return f.default
    return _NO_DEFAULT


def _factory(cls: type, name: str) -> Optional[Callable[[], Any]]:
    if dataclasses.is_dataclass(cls):
        for f in dataclasses.fields(cls):
            if f.name == name and f.default_factory is not dataclasses.MISSING:
                return f.default_factory
    return None


class _Schema:
    """Per class: its fields, their types and defaults (computed once)."""

    def __init__(self) -> None:
        self.names = {c.__name__: c for c in DATA_CLASSES}
        assert len(self.names) == len(DATA_CLASSES)
        self.fields = {c: _hints(c) for c in DATA_CLASSES}
        self.defaults = {c: {n: _default(c, n) for n in fs} for c, fs in self.fields.items()}
        self.factories = {c: {n: _factory(c, n) for n in fs} for c, fs in self.fields.items()}
        self.setters = {c: {n: _setter(c, n) for n in fs} for c, fs in self.fields.items()}


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What sets a field on an object made without its __init__: the slot's own setter."""
    slot = cls.__dict__[name]
    assert isinstance(slot, types.MemberDescriptorType), f"{cls.__name__}.{name} is no slot"
    return slot.__set__


_schema: Optional[_Schema] = None


def schema() -> _Schema:
    global _schema
    if _schema is None:
        _schema = _Schema()
    return _schema


def _origin(t: Any) -> tuple[Any, tuple[Any, ...]]:
    return typing.get_origin(t), typing.get_args(t)


def _optional(t: Any) -> Optional[Any]:
    """X for Optional[X], else None."""
    origin, args = _origin(t)
    if origin is Union and len(args) == 2 and _NONE in args:
        return args[0] if args[1] is _NONE else args[1]
    return None


# -- writing -------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, part_classes: dict[type, Any]) -> None:
        self.s = schema()
        self.parts = part_classes
        self.index: dict[int, int] = {}
        self.objects: dict[type, list[Any]] = {c: [] for c in DATA_CLASSES}
        self.encoders: dict[Any, Callable[[Any], Any]] = {}

    def ref(self, cls: type, v: Any) -> int:
        n = self.index.get(id(v))
        if n is None:
            table = self.objects[cls]
            n = self.index[id(v)] = len(table)
            table.append(v)
        return n

    def encoder(self, t: Any) -> Callable[[Any], Any]:
        key = t
        enc = self.encoders.get(key)
        if enc is None:
            enc = self.encoders[key] = self._compile(t)
        return enc

    def _compile(self, t: Any) -> Callable[[Any], Any]:
        if t in _SCALARS:
            def scalar(v: Any) -> Any:
                if type(v) is not t:
                    raise SnapshotError(f"{v!r} is not a {t.__name__}")
                return v
            return scalar
        if t is IP:
            return lambda v: [v.value, v.version] if type(v) is IP else _bad(v, "IP")
        if t is Prefix:
            return lambda v: [v.addr.value, v.addr.version, v.length, v.text] if type(v) is Prefix else _bad(v, "Prefix")
        if t in _ENUMS:
            return lambda v: v.value if type(v) is t else _bad(v, t.__name__)
        if t in self.s.fields:
            return lambda v: self.ref(t, v) if type(v) is t else _bad(v, t.__name__)
        if t is Any:
            return self._any
        inner = _optional(t)
        if inner is not None:
            enc = self.encoder(inner)
            return lambda v: None if v is None else enc(v)
        origin, args = _origin(t)
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
        if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
            ek, ev = self.encoder(args[0]), self.encoder(args[1])
            if args[0] is str:
                return lambda v: {ek(k): ev(x) for k, x in v.items()} if isinstance(v, dict) else _bad(v, str(t))
            return lambda v: [[ek(k), ev(x)] for k, x in v.items()] if isinstance(v, dict) else _bad(v, str(t))
        raise SnapshotError(f"no snapshot form for the type {t}")

    def _any(self, v: Any) -> Any:
        """A value of a field declared ``Any``: tagged, as ``persist.encode`` tags arguments."""
        t = type(v)
        if t in _SCALARS or v is None:
            return v
        if t is list:
            return [self._any(x) for x in v]
        if t is tuple:
            return {"$tuple": [self._any(x) for x in v]}
        if t is dict:
            return {"$dict": [[self._any(k), self._any(x)] for k, x in v.items()]}
        if t is IP or t is Prefix:
            return {"$" + t.__name__: self.encoder(t)(v)}
        if t in self.s.fields:
            return {"$ref": [t.__name__, self.ref(t, v)]}
        raise SnapshotError(f"cannot write a value of type {t.__name__}")


_PRISTINE_NETFILTER = Netfilter().state()


def _value(obj: Any, name: str) -> Any:
    """A field as the snapshot writes it: netfilter tables that are as the kernel made them
    (looked at by a packet walk, say, and never changed) as the tables nobody looked at, which
    is what a replay of the calls, which walks no packet, has."""
    value = getattr(obj, name)
    if value is not None and type(obj) is Netfilter and name == "_tables" and obj.state() == _PRISTINE_NETFILTER:
        return None
    return value


def _all_default(cls: type, name: str, col: list[Any]) -> bool:
    """Whether every value of a column is the field's default (or an empty list or dict, as its
    factory makes them)."""
    s = schema()
    default = s.defaults[cls][name]
    if default is not _NO_DEFAULT:
        return all(type(x) is type(default) and x == default for x in col)
    return s.factories[cls][name] in (list, dict) and not any(col)


def _bad(v: Any, want: str) -> Any:
    raise SnapshotError(f"{type(v).__name__} value {v!r:.60} where a {want} belongs")


def write(d: Daemon, log: str) -> dict[str, Any]:
    """The snapshot of a daemon's model, made by the calls of the log whose ``CallLog.digest()`` is
    ``log`` (raises SnapshotError if a value is outside its field's type)."""
    named = parts(d)
    w = _Writer({type(p): p for p in named.values()})
    out_parts: dict[str, Any] = {}
    for name, part in named.items():
        out_parts[name] = {attr: w.encoder(t)(getattr(part, attr)) for attr, t in PART_STATE[type(part)].items()}
    state, clock = d.rand.state()
    out_parts["rand"] = [list(state[1]) if isinstance(state, tuple) else [], clock,   # type: ignore[index]
                         state[0], state[2]]   # type: ignore[index]
    # every object reached is written; writing one may reach more
    s = w.s
    rows: dict[type, list[list[Any]]] = {c: [] for c in DATA_CLASSES}
    pending = True
    while pending:
        pending = False
        for cls in DATA_CLASSES:
            table, done = w.objects[cls], rows[cls]
            fields = s.fields[cls]
            while len(done) < len(table):
                pending = True
                obj = table[len(done)]
                done.append([None if t in w.parts else w.encoder(t)(_value(obj, name))
                             for name, t in fields.items()])
    objects: dict[str, Any] = {}
    for cls in DATA_CLASSES:
        if not rows[cls]:
            continue
        every = {name: [r[i] for r in rows[cls]] for i, (name, t) in enumerate(s.fields[cls].items())
                 if t not in w.parts}
        # a column of defaults is left out (the reader fills it in), but not the table's last
        # one: its length is what the reader checks the row count against
        columns = {name: col for name, col in every.items() if not _all_default(cls, name, col)}
        objects[cls.__name__] = {"count": len(rows[cls]), "fields": columns or dict([next(iter(every.items()))])}
    return {"version": SNAPSHOT_VERSION, "log": log, "parts": out_parts, "objects": objects}


# -- reading ------------------------------------------------------------------------------------
class _Bad(Exception):
    pass


class _Reader:
    def __init__(self, tables: dict[type, list[Any]], part_classes: dict[type, Any], limits: Limits) -> None:
        self.s = schema()
        self.tables = tables
        self.parts = part_classes
        self.limits = limits
        self.decoders: dict[Any, Callable[[Any], Any]] = {}

    def decoder(self, t: Any) -> Callable[[Any], Any]:
        dec = self.decoders.get(t)
        if dec is None:
            dec = self.decoders[t] = self._compile(t)
        return dec

    def _compile(self, t: Any) -> Callable[[Any], Any]:
        if t is str:
            longest = self.limits.string
            def text(x: Any) -> Any:
                if type(x) is not str:
                    raise _Bad(f"{_show(x)} is not a string")
                if len(x) > longest:
                    raise _Bad(f"a string longer than {longest} characters")
                return x
            return text
        if t in _SCALARS:
            def scalar(x: Any) -> Any:
                if type(x) is not t:
                    raise _Bad(f"{_show(x)} is not {_A[t]}")
                return x
            return scalar
        if t is IP:
            return _ip
        if t is Prefix:
            return _prefix
        if t in _ENUMS:
            def member(x: Any) -> Any:
                try:
                    if type(x) is str:
                        return t(x)
                except ValueError:
                    pass
                raise _Bad(f"{_show(x)} is not a {t.__name__}")
            return member
        if t in self.s.fields:
            table = self.tables[t]
            def ref(x: Any) -> Any:
                if type(x) is not int or not 0 <= x < len(table):
                    raise _Bad(f"{_show(x)} names no {t.__name__} of the snapshot")
                return table[x]
            return ref
        if t is Any:
            return self._any
        inner = _optional(t)
        if inner is not None:
            dec = self.decoder(inner)
            return lambda x: None if x is None else dec(x)
        origin, args = _origin(t)
        if origin is Union:
            decs = [self.decoder(a) for a in args]
            def union(x: Any) -> Any:
                for d in decs:
                    try:
                        return d(x)
                    except _Bad:
                        pass
                raise _Bad(f"{_show(x)} is not a {t}")
            return union
        if origin is list or origin is set or origin is frozenset or origin is tuple and len(args) == 2 \
                and args[1] is Ellipsis:
            dec = self.decoder(args[0])
            build = origin
            def many(x: Any) -> Any:
                if type(x) is not list:
                    raise _Bad(f"{_show(x)} is not a list")
                return build(map(dec, x))
            return many
        if origin is tuple:
            decs = [self.decoder(a) for a in args]
            def fixed(x: Any) -> Any:
                if type(x) is not list or len(x) != len(decs):
                    raise _Bad(f"{_show(x)} is not a list of {len(decs)}")
                return tuple(d(v) for d, v in zip(decs, x))
            return fixed
        if origin is dict or origin is typing.get_origin(Mapping[str, str]):
            dk, dv = self.decoder(args[0]), self.decoder(args[1])
            if args[0] is str:
                def object_(x: Any) -> Any:
                    if type(x) is not dict:
                        raise _Bad(f"{_show(x)} is not an object")
                    if x and max(map(len, x)) > self.limits.string:
                        raise _Bad(f"a string longer than {self.limits.string} characters")
                    return {k: dv(v) for k, v in x.items()}
                return object_
            def pairs(x: Any) -> Any:
                if type(x) is not list or not all(type(p) is list and len(p) == 2 for p in x):
                    raise _Bad(f"{_show(x)} is not a list of [key, value] pairs")
                try:
                    return {dk(k): dv(v) for k, v in x}
                except TypeError:
                    raise _Bad(f"an unhashable key in {_show(x)}") from None
            return pairs
        raise _Bad(f"no snapshot form for the type {t}")

    def _any(self, x: Any, depth: int = 0) -> Any:
        t = type(x)
        if t is str:
            return self.decoder(str)(x)
        if t in _SCALARS or x is None:
            return x
        if depth >= self.limits.depth:
            raise _Bad(f"nested deeper than {self.limits.depth}")
        depth += 1
        if t is list:
            return [self._any(v, depth) for v in x]
        if t is dict and len(x) == 1:
            (tag, v), = x.items()
            if tag == "$tuple" and type(v) is list:
                return tuple(self._any(e, depth) for e in v)
            if tag == "$dict" and type(v) is list and all(type(p) is list and len(p) == 2 for p in v):
                try:
                    return {self._any(k, depth): self._any(e, depth) for k, e in v}
                except TypeError:
                    raise _Bad(f"an unhashable key in {_show(x)}") from None
            if tag == "$IP":
                return _ip(v)
            if tag == "$Prefix":
                return _prefix(v)
            if tag == "$ref" and type(v) is list and len(v) == 2 and v[0] in self.s.names:
                return self.decoder(self.s.names[v[0]])(v[1])
        raise _Bad(f"{_show(x)} is not a value a snapshot writes")

    def column(self, t: Any, col: list[Any]) -> list[Any]:
        """A whole column decoded, with the checks at C speed where the type allows."""
        inner = _optional(t)
        if inner is None:
            return self._column(t, col)
        present = [x for x in col if x is not None]
        if len(present) == len(col):
            return self._column(inner, col)
        values = iter(self._column(inner, present))
        return [None if x is None else next(values) for x in col]

    def _column(self, t: Any, col: list[Any]) -> list[Any]:
        if not col:
            return col
        kinds = set(map(type, col))
        if t in _SCALARS:
            if kinds != {t}:
                raise _Bad(f"a value is not {_A[t]}")
            if t is str and max(map(len, col)) > self.limits.string:
                raise _Bad(f"a string longer than {self.limits.string} characters")
            return col
        if t in self.s.fields:
            table = self.tables[t]
            if kinds != {int} or min(col) < 0 or max(col) >= len(table):
                raise _Bad(f"a reference names no {t.__name__} of the snapshot")
            return list(map(table.__getitem__, col))
        if t is IP:
            return _ips(col, kinds)
        if t is Prefix:
            return _prefixes(col, kinds, self.limits.string)
        origin, args = _origin(t)
        simple = args and (args[-1] in _SCALARS or args[-1] in self.s.fields)
        if origin is list and simple:          # a list of values or references each: checked flat
            if kinds != {list}:
                raise _Bad("a value is not a list")
            items = self._column(args[0], list(chain.from_iterable(col)))
            if args[0] in _SCALARS:
                return col     # the parser's own lists, each held once: kept as they are
            it = iter(items)
            return [list(islice(it, len(x))) for x in col]
        if origin is dict and args[0] is str and simple:
            if kinds != {dict}:
                raise _Bad("a value is not an object")
            keys = list(chain.from_iterable(col))
            if keys and max(map(len, keys)) > self.limits.string:
                raise _Bad(f"a string longer than {self.limits.string} characters")
            items = self._column(args[1], list(chain.from_iterable(map(dict.values, col))))
            if args[1] in _SCALARS:
                return col
            it = iter(items)
            return [dict(zip(x, it)) for x in col]
        return list(map(self.decoder(t), col))


_IP_VALUE, _IP_VERSION = IP.__dict__["value"].__set__, IP.__dict__["version"].__set__
_IP_TOP = {4: 1 << 32, 6: 1 << 128}


def _prefixes(col: list[Any], kinds: set[type], longest: int) -> list[Prefix]:
    """A column of prefixes ``[value, version, length, text]``, as :func:`_ips` builds addresses."""
    if kinds != {list} or set(map(len, col)) != {4}:
        raise _Bad("a value is not a prefix [value, version, length, text]")
    values, versions, lengths, texts = zip(*col)
    addrs = _ips(list(map(list, zip(values, versions))), {list})
    if set(map(type, lengths)) != {int} or set(map(type, texts)) != {str} or max(map(len, texts)) > longest:
        raise _Bad("a value is not a prefix [value, version, length, text]")
    if min(lengths) < 0 or any(max(compress(lengths, map(v.__eq__, versions)), default=0) > bits
                               for v, bits in ((4, 32), (6, 128))):
        raise _Bad("a prefix length out of range")
    out = list(map(object.__new__, repeat(Prefix, len(col))))   # type: ignore[call-overload]
    for name, column in (("addr", addrs), ("length", lengths), ("text", texts)):
        deque(map(Prefix.__dict__[name].__set__, out, column), 0)
    return out


def _ips(col: list[Any], kinds: set[type]) -> list[IP]:
    """A column of addresses ``[value, version]``, checked at C speed and built without a Python
    call per address."""
    if kinds != {list} or set(map(len, col)) != {2}:
        raise _Bad("a value is not an address [value, version]")
    values, versions = zip(*col)
    if set(map(type, values)) != {int} or set(map(type, versions)) != {int} or not set(versions) <= {4, 6}:
        raise _Bad("a value is not an address [value, version]")
    if min(values) < 0 or any(max(compress(values, map(v.__eq__, versions)), default=0) >= top
                              for v, top in _IP_TOP.items()):
        raise _Bad("an address value out of range")
    ips = list(map(object.__new__, repeat(IP, len(col))))   # type: ignore[call-overload]
    deque(map(_IP_VALUE, ips, values), 0)
    deque(map(_IP_VERSION, ips, versions), 0)
    return ips


_is_str = str.__instancecheck__


def _show(x: Any) -> str:
    text = json.dumps(x)
    return text if len(text) <= 40 else text[:37] + "..."


def _ip(x: Any) -> IP:
    if type(x) is not list or len(x) != 2 or type(x[0]) is not int or x[1] not in (4, 6) or type(x[1]) is not int:
        raise _Bad(f"{_show(x)} is not an address [value, version]")
    try:
        return ip(x[0], x[1])
    except AddrError as e:
        raise _Bad(str(e)) from None


def _prefix(x: Any) -> Prefix:
    if type(x) is not list or len(x) != 4 or type(x[2]) is not int or type(x[3]) is not str:
        raise _Bad(f"{_show(x)} is not a prefix [value, version, length, text]")
    try:
        return Prefix(_ip(x[:2]), x[2], x[3])
    except (AddrError, TypeError) as e:
        raise _Bad(str(e)) from None


class Limits(typing.NamedTuple):
    """What a snapshot may hold: objects in all, characters in a string, nesting of a field
    declared ``Any`` (every other field's nesting is its type's)."""

    objects: int
    string: int
    depth: int


def read(d: Daemon, snap: Any, log: str, limits: Limits, error: Callable[[str], Exception]) -> None:
    """Set a freshly booted daemon's model to the snapshot's, which must be of the call log whose
    ``CallLog.digest()`` is ``log`` and within ``limits``; raises ``error(message)`` for a snapshot
    that is not one this module writes (the daemon is then half set: drop it)."""
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise error(f"not a valid host file: snapshot {what}")
    need(isinstance(snap, dict) and set(snap) == {"version", "log", "parts", "objects"}, "is malformed")
    need(type(snap["version"]) is int and snap["version"] == SNAPSHOT_VERSION,
         f"version {snap['version']!r} is not one this dockernet_sim reads ({SNAPSHOT_VERSION})")
    need(snap["log"] == log, "is of another call log than the file's (the calls were changed, or the snapshot)")
    s = schema()
    objects, saved_parts = snap["objects"], snap["parts"]
    named = parts(d)
    need(isinstance(objects, dict) and isinstance(saved_parts, dict), "is malformed")
    need(set(named) | {"rand"} == set(saved_parts), "names other parts than this daemon has")
    # every table's shape first: its rows are made only for columns the file holds
    total = 0
    for name, table in objects.items():
        cls = s.names.get(name)
        need(cls is not None, f"names an unknown class {name!r}")
        need(isinstance(table, dict) and set(table) == {"count", "fields"} and type(table["count"]) is int
             and isinstance(table["fields"], dict) and table["fields"], f"table {name} is malformed")
        n, columns = table["count"], table["fields"]
        extra = sorted(set(columns) - set(s.fields[cls]))
        need(not extra, f"{name} has no field {extra[0]!r}" if extra else "")
        for field, col in columns.items():
            need(type(col) is list and len(col) == n, f"{name}.{field} does not have {n} values")
        total += n
        need(total <= limits.objects, f"has more than {limits.objects} objects")
    tables: dict[type, list[Any]] = {c: [] for c in DATA_CLASSES}
    for name, table in objects.items():
        cls = s.names[name]
        tables[cls] = list(map(object.__new__, repeat(cls, table["count"])))   # type: ignore[call-overload]
    r = _Reader(tables, {type(p): p for p in named.values()}, limits)
    for name, table in objects.items():
        cls = s.names[name]
        n, columns, objs = table["count"], table["fields"], tables[cls]
        for field, t in s.fields[cls].items():
            if t in r.parts:
                values: Any = repeat(r.parts[t], n)
            elif field in columns:
                try:
                    values = r.column(t, columns[field])
                except _Bad as e:
                    raise error(f"not a valid host file: snapshot {name}.{field}: {e}") from None
            elif s.defaults[cls][field] is not _NO_DEFAULT:
                values = repeat(s.defaults[cls][field], n)
            elif s.factories[cls][field] is not None:
                factory = s.factories[cls][field]
                values = [factory() for _ in range(n)]  # type: ignore[misc]
            else:
                raise error(f"not a valid host file: snapshot {name} is missing the field {field!r}")
            deque(map(s.setters[cls][field], objs, values), 0)
    for name, part in named.items():
        state = saved_parts.get(name)
        types = PART_STATE[type(part)]
        need(isinstance(state, dict) and set(state) == set(types), f"part {name!r} is missing or malformed")
        for attr, t in types.items():
            try:
                value = r.decoder(t)(state[attr])
            except _Bad as e:
                raise error(f"not a valid host file: snapshot {name}.{attr}: {e}") from None
            current = getattr(part, attr)
            if type(current) is dict and type(value) is dict:   # shared with the services: fill it in place
                current.clear()
                current.update(value)
            else:
                setattr(part, attr, value)
    problem = _inconsistency(d)
    need(problem is None, f"is inconsistent: {problem}")
    rand = saved_parts.get("rand")
    need(type(rand) is list and len(rand) == 4 and type(rand[0]) is list and len(rand[0]) == 625
         and set(map(type, rand[0])) <= {int} and type(rand[1]) is int and type(rand[2]) is int
         and (rand[3] is None or type(rand[3]) is float), "random state is malformed")
    try:
        d.rand.set_state(((rand[2], tuple(rand[0]), rand[3]), rand[1]))
    except (ValueError, TypeError, OverflowError) as e:
        raise error(f"not a valid host file: snapshot random state: {e}") from None


def _inconsistency(d: Daemon) -> Optional[str]:
    """What in a daemon's model contradicts itself, by the back-references and keys every call
    keeps in step (a well-typed snapshot could still point an endpoint at another network than
    the one that lists it), or None."""
    k = d.kernel
    if k.namespaces.get("host") is not k.host:
        return "the host namespace is not the kernel's"
    for name, ns in k.namespaces.items():
        if ns.name != name:
            return f"namespace {name!r} is named {ns.name!r}"
        for link_name, link in ns.links.items():
            if link.netns is not ns or link.name != link_name:
                return f"link {link_name!r} of namespace {name!r} is not that link"
            if link.peer is not None and link.peer.peer is not link:
                return f"the peer of link {link_name!r} in namespace {name!r} is not its peer"
    for nid, net in d.ctl.networks.items():
        if net.id != nid:
            return f"network {nid!r} has another ID"
        for eid, ep in net.endpoints.items():
            if ep.network is not net or ep.id != eid:
                return f"endpoint {eid!r} of network {net.name!r} is not that network's"
    for eid, ep in d.ctl.endpoints_by_id.items():
        if ep.id != eid or ep.network.endpoints.get(eid) is not ep:
            return f"endpoint {eid!r} is not its network's"
    for sid, sb in d.ctl.sandboxes.items():
        if sb.id != sid or any(ep.sandbox is not sb for ep in sb.endpoints):
            return f"sandbox {sid!r} is not its endpoints' sandbox"
    for cid, c in d.containers.items():
        if c.id != cid:
            return f"container {cid!r} has another ID"
    for name, cid in d.names.items():
        if cid not in d.containers:
            return f"the name {name!r} is of no container"
    return None


__all__ = ["SNAPSHOT_VERSION", "SLOT_TYPES", "FIELD_TYPES", "DATA_CLASSES", "PART_STATE", "SnapshotError",
           "parts", "schema", "write", "read", "Limits"]
