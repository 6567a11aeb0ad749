"""What a snapshot holds: the model's classes, the type of each of their fields, and the daemon's
parts with the attributes of each that API calls change.

A field's type is its dataclass annotation (``FIELD_TYPES`` where the annotation is looser than
what the field holds), or for the classes with hand-written slots the table ``SLOT_TYPES``
(tests/unit/test_snapshot.py checks that it names every slot, and that every attribute of a part
is either its state here or wiring its constructor gives it).
"""

from __future__ import annotations

from collections import Counter
import functools
import types
import typing
from typing import Any, Callable, Optional, Union

from ..addr import IP, Prefix
from ..records import EMPTY_DICT, MISSING, fields as record_fields, is_record
from ..daemon.container import Container, ContainerStore, EndpointSettings, Image, Mount, PidCounter
from ..daemon.health import Health, HealthConfig, ProbeResult
from ..daemon.layer import Change, Layer
from ..daemon.specs import MountSpec, Ulimit
from ..daemon.volumes import Volume, VolumeStore
from ..daemon.events import Actor, EventLog, Message
from ..daemon.daemon import Daemon
from ..kernel.links import Address, Link
from ..kernel.neighbour import Neighbour, Neighbours
from ..kernel.netfilter import Chain, Netfilter, Rule, Table
from ..kernel.netns import SHARED_ADDRESSES, Kernel, Namespace, Route
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

# A field that holds a tuple shared by many objects until it is first written, and its own list
# from then (``Link.ports``, the empty tuple; ``Link.addresses``, lo's ``127.0.0.1/8``) is typed
# ``list[X] | tuple[...]``: a tuple is written tagged, ``{"$tuple": [...]}``, so the two read back
# apart, and equal tuples are read as one, shared again; a tuple equal to one of the model's own
# (``SHARED_TUPLES``, which new objects get too) is written as its number there, and read as it.
SHARED_TUPLES: tuple[tuple[Any, ...], ...] = SHARED_ADDRESSES

# The hand-written classes of the model: the type of each slot (what their __init__ annotates).
SLOT_TYPES: dict[type, dict[str, Any]] = {
    Namespace: {"name": str, "kernel": Kernel, "links": dict[str, Link], "routes": Union[list[Route], tuple[Route, ...]],
                "_netfilter": Optional[Netfilter], "_netfilter6": Optional[Netfilter], "_next_index": int, "sysctl": dict[str, str],
                "netnsids": dict[str, int], "_free_nsids": Union[list[int], tuple[()]], "_next_nsid": int,
                "_neighbours": Optional[Neighbours]},
    Neighbours: {"by_dev": dict[str, dict[int, Neighbour]]},
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
    (Endpoint, "ports"): Union[list[PortMapping], tuple[()]],
    (Link, "addresses"): Union[list[Address], tuple[Address, ...]],   # lo's: a tuple all share; a list in older files
    (Endpoint, "links"): tuple[tuple[IP, IP, tuple[tuple[str, int], ...]], ...],   # bridge.add_link's
}

# Fields that hold a tuple now and a list in files written before (read as a tuple).
LISTS_NOW_TUPLES: frozenset[tuple[type, str]] = frozenset({(Link, "addresses"), (Namespace, "routes")})

# Fields that are an index of the others, kept beside them for speed: not written, made again by
# a load (their order, which a rollback may leave otherwise than the calls made it, is no state).
DERIVED: dict[tuple[type, str], Callable[[Any], Any]] = {
    (Chain, "counts"): lambda chain: dict(Counter(r.spec for r in chain.rules)),
}

# Attributes that remember what was worked out before, so that equal values are shared or not
# worked out twice, and that a rollback leaves as they are ("a cache, not state"): not written,
# and a loaded host starts them empty. (``Kernel._default_routes`` is written: the routes it
# holds are objects of the snapshot, and which namespaces share one shows in the file.)
CACHES: dict[type, tuple[str, ...]] = {Kernel: ("_subnets",), Ipam: ("_parsed_ids",)}

# The objects a snapshot holds: built anew by a load.
DATA_CLASSES: tuple[type, ...] = (
    Namespace, Link, Address, Route, Netfilter, Table, Chain, Rule, Neighbours, Neighbour,
    Network, PoolState, Endpoint, Sandbox, PortHold, PortMapping, BridgeRules,
    _Pool, _Child, AddrSet, PrefixIndex, Container, EndpointSettings, Image, Mount, MountSpec, Ulimit, Volume,
    Layer, Change, HealthConfig, Health, ProbeResult, Actor, Message)

# The daemon's parts (built by its constructor, found again on the fresh daemon) and the
# attributes of each that API calls change.
_DRIVER_STATE = {"networks": dict[str, Network]}
PART_STATE: dict[type, dict[str, Any]] = {
    Daemon: {"images": dict[str, Image]},
    Kernel: {"namespaces": dict[str, Namespace], "host": Namespace, "_global_index": int,
             "_default_routes": dict[tuple[str, Optional[IP], Optional[int]], Route]},
    Controller: {"networks": dict[str, Network], "sandboxes": dict[str, Sandbox],
                 "endpoints_by_id": dict[str, Endpoint], "last_address": dict[tuple[str, str, int], IP]},
    Ipam: {"policy": Policy, "_pools": dict[str, _Pool], "_alloc": dict[int, PrefixIndex], "_rotation": int},
    PortAllocator: {"held": dict[tuple[str, str], set[int]], "last": dict[tuple[str, Union[str, int]], int]},
    Firewall: {"nf": Netfilter, "nf6": Optional[Netfilter]},
    ContainerStore: {"containers": dict[str, Container], "names": dict[str, str],
                     "monitored": dict[str, Container]},
    PidCounter: {"last": int},
    VolumeStore: {"volumes": dict[str, Volume]},
    EventLog: {"ring": list[Message], "count": int},
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
    """The daemon's parts by the name a snapshot gives them (of the drivers registered on
    demand, those made so far: :func:`make_saved_drivers` makes a file's before it is read)."""
    out: dict[str, Any] = {"daemon": d, "kernel": d.kernel, "ctl": d.ctl, "ipam": d.ipam, "ports": d.ports,
                           "firewall": d.firewall, "store": d.store, "pids": d.pids, "volumes": d.volume_store,
                           "events": d.event_log}
    for name, driver in d.ctl.drivers.items():
        out["driver:" + name] = driver
    return out


def make_saved_drivers(d: Daemon, saved: Any) -> None:
    """Make the drivers registered on demand that a snapshot's parts name (``driver:macvlan``):
    the host saved had made them. Other names are left for the reader to refuse."""
    if isinstance(saved, dict):
        for key in saved:
            name = key[len("driver:"):] if isinstance(key, str) and key.startswith("driver:") else ""
            if name in d.ctl.on_demand:
                d.ctl.driver(name)


def _hints(cls: type) -> dict[str, Any]:
    """Field -> type of a data class (resolved annotations; the classes above as the namespace
    for names a module imports only for type checking)."""
    if cls in SLOT_TYPES:
        return SLOT_TYPES[cls]
    names = {c.__name__: c for c in (*DATA_CLASSES, IP, Prefix, Kernel, Policy)}
    hints = typing.get_type_hints(cls, localns=names)
    return {f.name: FIELD_TYPES.get((cls, f.name), hints[f.name]) for f in record_fields(cls)}


NO_DEFAULT = object()


def _default(cls: type, name: str) -> Any:
    """A field's plain default (a str, int, bool, None, the empty tuple or the shared empty table
    ``EMPTY_DICT``: shared safely), or NO_DEFAULT."""
    if is_record(cls):
        for f in record_fields(cls):
            if f.name == name and f.default is not MISSING and (type(f.default) in (*SCALARS, NONE)
                                                                or f.default == () or f.default is EMPTY_DICT):
                return f.default
    return NO_DEFAULT


def _factory(cls: type, name: str) -> Optional[Callable[[], Any]]:
    if is_record(cls):
        for f in record_fields(cls):
            if f.name == name and f.default_factory is not MISSING:
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
    """A type's origin and arguments, ``X | Y`` as ``Union[X, Y]``."""
    origin = typing.get_origin(t)
    return Union if origin is types.UnionType else origin, typing.get_args(t)


def optional_of(t: Any) -> Optional[Any]:
    """X for Optional[X], else None."""
    origin, args = origin_args(t)
    if origin is Union and len(args) == 2 and NONE in args:
        return args[0] if args[1] is NONE else args[1]
    return None


def list_or_tuple(t: Any) -> Optional[Any]:
    """``list[X]`` for ``list[X] | tuple[()]`` and ``list[X] | tuple[X, ...]`` (a list, or a
    tuple shared until first written), ``dict[K, V]`` for ``dict[K, V] | tuple[()]`` (a bridge's
    ports), else None."""
    origin, args = origin_args(t)
    if origin is not Union or len(args) != 2:
        return None
    many, shared = args
    if origin_args(many)[0] is dict and origin_args(many)[1][0] is not str:   # (written as pairs: a list)
        return many if shared == tuple[()] else None
    if origin_args(many)[0] is not list or origin_args(shared)[0] is not tuple:
        return None
    return many if shared == tuple[()] or shared == tuple[origin_args(many)[1][0], ...] else None
