"""What a snapshot holds: the model's classes, the type of each of their fields, and the daemon's
parts with the attributes of each that API calls change.

A field's type is its dataclass annotation (``FIELD_TYPES`` where the annotation is looser than
what the field holds), or for the classes with hand-written slots the table ``SLOT_TYPES``
(tests/unit/test_snapshot.py checks that it names every slot, and that every attribute of a part
is either its state here or wiring its constructor gives it).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
import functools
import types
import typing
from typing import Any, Callable, Optional, Union

from ..addr import IP, Prefix
from ..daemon.container import Container, ContainerStore, EndpointSettings, Image, PidCounter
from ..daemon.daemon import Daemon
from ..kernel.links import Address, Link
from ..kernel.netfilter import Chain, Netfilter, Rule, Table
from ..kernel.netns import Kernel, Namespace, Route
from ..libnetwork.addrset import AddrSet, Policy
from ..libnetwork.controller import Controller
from ..libnetwork.drivers.bridge.bridge import BridgeDriver
from ..libnetwork.drivers.bridge.firewall import BridgeRules, Firewall, PortMapping
from ..libnetwork.drivers.host import HostDriver
from ..libnetwork.drivers.ipvlan import IpvlanDriver
from ..libnetwork.drivers.macvlan import MacvlanDriver
from ..libnetwork.drivers.null import NullDriver
from ..libnetwork.ipam import Ipam, _Child, _Pool
from ..libnetwork.ipamutils import PrefixIndex
from ..libnetwork.model import Endpoint, Network, PoolState, PortHold, Sandbox
from ..libnetwork.portallocator import PortAllocator

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
    (Endpoint, "links"): list[tuple[IP, IP, tuple[tuple[str, int], ...]]],   # bridge.add_link's
}

# Fields that are an index of the others, kept beside them for speed: not written, made again by
# a load (their order, which a rollback may leave otherwise than the calls made it, is no state).
DERIVED: dict[tuple[type, str], Callable[[Any], Any]] = {
    (Chain, "counts"): lambda chain: dict(Counter(r.spec for r in chain.rules)),
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
    Ipam: {"policy": Policy, "_pools": dict[str, _Pool], "_alloc": dict[int, PrefixIndex], "_rotation": int},
    PortAllocator: {"held": dict[tuple[str, str], set[int]], "last": dict[tuple[str, Union[str, int]], int]},
    Firewall: {"nf": Netfilter, "nf6": Optional[Netfilter]},
    ContainerStore: {"containers": dict[str, Container], "names": dict[str, str]},
    PidCounter: {"last": int},
    BridgeDriver: {**_DRIVER_STATE, "rules": dict[str, BridgeRules]},
    MacvlanDriver: {**_DRIVER_STATE, "made_parents": dict[str, str]},
    IpvlanDriver: _DRIVER_STATE, NullDriver: _DRIVER_STATE, HostDriver: _DRIVER_STATE,
}

ENUMS = (Policy,)
NONE = type(None)
SCALARS = (str, int, bool)


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


NO_DEFAULT = object()


def _default(cls: type, name: str) -> Any:
    """A field's plain default (a str, int, bool or None: shared safely), or NO_DEFAULT."""
    if dataclasses.is_dataclass(cls):
        for f in dataclasses.fields(cls):
            if f.name == name and f.default is not dataclasses.MISSING and type(f.default) in (*SCALARS, NONE):
                return f.default
    return NO_DEFAULT


def _factory(cls: type, name: str) -> Optional[Callable[[], Any]]:
    if dataclasses.is_dataclass(cls):
        for f in dataclasses.fields(cls):
            if f.name == name and f.default_factory is not dataclasses.MISSING:
                return f.default_factory
    return None


class Schema:
    """Per class: the fields a snapshot writes, their types and defaults, and the fields rebuilt
    from those (computed once)."""

    def __init__(self) -> None:
        self.names = {c.__name__: c for c in DATA_CLASSES}
        assert len(self.names) == len(DATA_CLASSES)
        self.fields = {c: {n: t for n, t in _hints(c).items() if (c, n) not in DERIVED} for c in DATA_CLASSES}
        self.derived = {c: {n: f for (k, n), f in DERIVED.items() if k is c} for c in DATA_CLASSES}
        self.defaults = {c: {n: _default(c, n) for n in fs} for c, fs in self.fields.items()}
        self.factories = {c: {n: _factory(c, n) for n in fs} for c, fs in self.fields.items()}
        self.setters = {c: {n: _setter(c, n) for n in [*self.fields[c], *self.derived[c]]} for c in DATA_CLASSES}


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What sets a field on an object made without its __init__: the slot's own setter."""
    slot = cls.__dict__[name]
    assert isinstance(slot, types.MemberDescriptorType), f"{cls.__name__}.{name} is no slot"
    return slot.__set__


@functools.cache
def schema() -> Schema:
    """The tables above, resolved (once, when first needed: not at import)."""
    return Schema()


def origin_args(t: Any) -> tuple[Any, tuple[Any, ...]]:
    return typing.get_origin(t), typing.get_args(t)


def optional_of(t: Any) -> Optional[Any]:
    """X for Optional[X], else None."""
    origin, args = origin_args(t)
    if origin is Union and len(args) == 2 and NONE in args:
        return args[0] if args[1] is NONE else args[1]
    return None
