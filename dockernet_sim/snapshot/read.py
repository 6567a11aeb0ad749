"""Reading a snapshot onto a freshly booted daemon: every table's shape checked before a row is
made, every column decoded whole with its type checks at C speed (``set(map(type, column))``),
references resolved to the rows they name, and the result checked for the back-references every
call keeps in step."""

from __future__ import annotations

import functools
import json
import operator
import typing
from collections import deque
from collections.abc import Iterable, Mapping
from itertools import chain, compress, islice, repeat
from typing import Any, Callable, Optional, Union

from ..addr import IP, AddrError, Prefix, ip
from ..daemon.daemon import Daemon
from ..records import EMPTY_DICT
from .schema import (SHARED_TUPLES, DATA_CLASSES, ENUMS, LISTS_NOW_TUPLES, NO_DEFAULT, PART_STATE, SCALARS, SNAPSHOT_VERSION,
                     list_or_tuple, make_saved_drivers, optional_of, origin_args, parts,
                     schema)


class Limits(typing.NamedTuple):
    """What a snapshot may hold: objects in all, characters in a string, nesting of a field
    declared ``Any`` (every other field's nesting is its type's)."""

    objects: int
    string: int
    depth: int


_A = {str: "a string", int: "an integer", bool: "true or false"}


class _Bad(Exception):
    """What is wrong with a value (the caller names the class and field it is in)."""


class _Reader:
    """The tables being read, their rows made: each field's type gets a decoder (made once) that
    checks a value and gives back what it stands for, and :meth:`column` a whole column at once."""

    def __init__(self, tables: dict[type, list[Any]], part_classes: dict[type, Any], limits: Limits) -> None:
        self.s = schema()
        self.tables = tables
        self.parts = part_classes
        self.limits = limits
        self.decoder: Callable[[Any], Callable[[Any], Any]] = functools.cache(self._compile)   # by type

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
        if t in SCALARS:
            def scalar(x: Any) -> Any:
                if type(x) is not t:
                    raise _Bad(f"{_show(x)} is not {_A[t]}")
                return x
            return scalar
        if t is IP:
            return _ip
        if t is Prefix:
            return _prefix
        if t in ENUMS:
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
        inner = optional_of(t)
        if inner is not None:
            dec = self.decoder(inner)
            return lambda x: None if x is None else dec(x)
        if list_or_tuple(t) is not None:
            return lambda x: self.column(t, [x])[0]
        origin, args = origin_args(t)
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
        if origin is dict or origin is Mapping:
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
        if t in SCALARS or x is None:
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
        inner = optional_of(t)
        if inner is not None:
            present = [x for x in col if x is not None]
            if len(present) == len(col):
                return self._column(inner, col)
            if not present:            # (a link's master or peer, mostly)
                return col
            values = iter(self._column(inner, present))
            return [None if x is None else next(values) for x in col]
        many = list_or_tuple(t)
        if many is not None:
            return self._lists_or_tuples(many, col)
        return self._column(t, col)

    def _lists_or_tuples(self, many: Any, col: list[Any]) -> list[Any]:
        """A column of ``list[X] | tuple[...]``: lists as they are, tuples tagged ``{"$tuple":
        [...]}`` and made one object per content (they were written from tuples many objects
        share), both decoded whole as :meth:`_column` decodes a list column; ``{"$shared": N}``
        is the model's own N-th tuple (:data:`~.schema.SHARED_TUPLES`)."""
        tagged = [x for x in col if type(x) is not list]
        if not tagged:
            return self._column(many, col)
        tags = set(chain.from_iterable(tagged)) if set(map(type, tagged)) == {dict} else None
        if tags is None or not tags <= _TUPLE_TAGS or set(map(len, tagged)) != {1}:
            raise _Bad("a value is not a list, a {\"$tuple\": [...]} or a {\"$shared\": N}")
        raw = list(map(_TUPLE, tagged if "$shared" not in tags else filter(_HAS_TUPLE, tagged)))
        if not set(map(type, raw)) <= {list}:
            raise _Bad("a {\"$tuple\": ...} value is not a list")
        if origin_args(many)[0] is dict and any(raw):
            raise _Bad("a value is not a list of pairs or an empty tuple")
        if not any(raw):       # every one the empty tuple (most links' ports): nothing to decode
            own: list[tuple[Any, ...]] = [()] * len(raw)
        else:
            items = iter(self._column(many, raw))
            shared: dict[Any, tuple[Any, ...]] = {}
            own = [shared.setdefault(tuple(r), tuple(next(items))) for r in raw]   # (refs or scalars: hashable)
        if "$shared" in tags:
            theirs = [x["$shared"] for x in tagged if "$shared" in x]
            if set(map(type, theirs)) != {int} or min(theirs) < 0 or max(theirs) >= len(SHARED_TUPLES):
                raise _Bad("a value names no tuple of the model's own")
            own_it, theirs_it = iter(own), iter(map(SHARED_TUPLES.__getitem__, theirs))
            own = [next(own_it) if "$tuple" in x else next(theirs_it) for x in tagged]
        if len(tagged) == len(col):
            return own
        tuples = iter(own)
        lists = iter(self._column(many, [x for x in col if type(x) is list]))
        return [next(lists) if type(x) is list else next(tuples) for x in col]

    def _column(self, t: Any, col: list[Any]) -> list[Any]:
        if not col:
            return col
        kinds = set(map(type, col))
        if t in SCALARS:
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
        origin, args = origin_args(t)
        if origin is list or origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            if kinds != {list}:                # the items of all the lists decoded as one column
                raise _Bad("a value is not a list")
            items = self._column(args[0], list(chain.from_iterable(col)))
            if args[0] in SCALARS:
                return col if origin is list else list(map(tuple, col))   # (lists: the parser's own, each held once)
            it = iter(items)
            return [origin(islice(it, len(x))) for x in col]
        if origin is tuple and args:           # each position decoded as a column
            if kinds != {list} or set(map(len, col)) != {len(args)}:
                raise _Bad(f"a value is not a list of {len(args)}")
            return list(zip(*(self._column(a, list(c)) for a, c in zip(args, zip(*col)))))
        if origin is dict and args[0] is str:
            if kinds != {dict}:
                raise _Bad("a value is not an object")
            keys = list(chain.from_iterable(col))
            if keys and max(map(len, keys)) > self.limits.string:
                raise _Bad(f"a string longer than {self.limits.string} characters")
            items = self._column(args[1], list(chain.from_iterable(map(dict.values, col))))
            if args[1] in SCALARS:
                return col
            it = iter(items)
            return [dict(zip(x, it)) for x in col]
        if origin is dict:                     # written as [key, value] pairs: keys and values as columns
            pairs = list(chain.from_iterable(col)) if kinds == {list} else None
            if pairs is None or pairs and (set(map(type, pairs)) != {list} or set(map(len, pairs)) != {2}):
                raise _Bad("a value is not a list of [key, value] pairs")
            keys, values = map(list, zip(*pairs)) if pairs else ([], [])
            it = zip(self._column(args[0], keys), self._column(args[1], values))
            try:
                return [dict(islice(it, len(x))) for x in col]
            except TypeError:
                raise _Bad("an unhashable key") from None
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
_TUPLE_TAGS = frozenset({"$tuple", "$shared"})
_HAS_TUPLE, _TUPLE = operator.methodcaller("__contains__", "$tuple"), operator.itemgetter("$tuple")


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


def _set(cls: type, field: str, objs: list[Any], values: Iterable[Any]) -> None:
    """Set a field of every object of a table: by ``setattr``, which finds the slot itself (a
    fifth faster than calling the slot's setter), or, for a frozen record, whose ``__setattr__``
    refuses, by the slot's own setter."""
    if cls.__setattr__ is object.__setattr__:
        deque(map(setattr, objs, repeat(field), values), 0)
    else:
        deque(map(schema().setters[cls][field], objs, values), 0)


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
    make_saved_drivers(d, saved_parts)
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
                if s.defaults[cls][field] is EMPTY_DICT:     # an empty table is the one shared again
                    values = [v or EMPTY_DICT for v in values]
                elif (cls, field) in LISTS_NOW_TUPLES:
                    values = [tuple(v) if type(v) is list else v for v in values]
            elif s.defaults[cls][field] is not NO_DEFAULT:
                values = repeat(s.defaults[cls][field], n)
            elif s.factories[cls][field] is not None:
                factory = s.factories[cls][field]
                values = [factory() for _ in range(n)]  # type: ignore[misc]
            else:
                raise error(f"not a valid host file: snapshot {name} is missing the field {field!r}")
            _set(cls, field, objs, values)
    for cls, derived in s.derived.items():     # once every field they are made from is set
        for field, make in derived.items():
            _set(cls, field, tables[cls], map(make, tables[cls]))
    for name, part in named.items():
        state = saved_parts.get(name)
        types = PART_STATE[type(part)]
        need(isinstance(state, dict) and set(state) == set(types), f"part {name!r} is missing or malformed")
        for attr, t in types.items():
            try:
                try:
                    value = r.column(t, [state[attr]])[0]
                except _Bad:     # the value-by-value decoder names what is wrong
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
