"""Classes of containers that a packet walk cannot tell apart, for the reachability matrix.

The idea is Batfish's and header-space analysis's: partition the endpoints so that every route
and rule treats the members of a part alike, walk one packet per pair of parts, and give every
pair of members that verdict. A walk (``walk.py``) reads only kernel objects: the sender's and
receiver's interfaces, routes, sysctls and rules, the bridges or macvlan parents their links hang
on, the rules of every namespace it passes and the listening sockets. Two containers whose views
are the same once their own addresses are replaced by placeholders — same interface names and
subnets, on the same bridges, same routes, same rules naming their address in the same way
(Docker 28's raw ``-d IP/32 ! -i br -j DROP``, a published port's ``DNAT`` and ``ACCEPT``, a
``--link``'s pair of rules), same listeners — get the same verdict against any third container.

Anything that would make that unsafe gives the container a class of its own (conservative by
construction — a class of one is always right):

* its namespace is shared (``container:`` mode, ``--network host``), or one of its links is not a
  veth into a bridge of the host or a macvlan on a parent in the host;
* one of its addresses is held by another namespace too (ARP would have to choose);
* a rule or route anywhere names a prefix narrower than one of its subnets (a ``/26`` shim route
  or an ``-s 10.0.0.0/30`` rule tells members of the subnet apart).

A rule, route or proxy in another namespace naming one of its addresses is part of its key (so
a container singled out by a rule is alone, or with those singled out the same way), and a match
the classes cannot reason about (``iprange``, ``ipset``, ``u32``, ``bpf``) anywhere puts every
container in a class of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Hashable, Optional, Sequence

from ..records import Record
from ..addr import AddrError, IP, parse_ip
from .chains import Parsed

__all__ = ["class_keys", "Survey", "Memo"]

_V4 = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?:/(\d{1,2}))?(?![\w.])")
_V6 = re.compile(r"(?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?:/(\d{1,3}))?(?![\w:])")

# an address as a dictionary key: its value, with bit 128 set for IPv6 — a plain int, hashed at
# once and no object for the cyclic collector (a tuple per address was one per container)
Addr = int
_SIX = 1 << 128


def _key(ip: IP) -> Addr:
    return ip.value if ip.version == 4 else ip.value | _SIX


def _template(text: str, own: dict[str, str]) -> str:
    """``text`` with the container's own addresses replaced by placeholders (``{IP0}``, …)."""
    if not any(a in text for a in own):
        return text

    def sub(m: "re.Match[str]") -> str:
        ph = own.get(m.group(1))
        return m.group(0) if ph is None else ph + m.group(0)[len(m.group(1)):]
    return _V6.sub(sub, _V4.sub(sub, text))


class _Mention(Record, frozen=True, slots=True):
    """A line (a rule, a route, a proxy) of one namespace naming single addresses at ``spans``."""

    ns: int                                   # id() of the namespace holding the line
    line: str
    spans: tuple[tuple[int, int, Addr], ...]  # (start, end, address) of each single address named

    def templated(self, own_at: dict[Addr, int]) -> str:
        out, at = [], 0
        for start, end, key in self.spans:
            i = own_at.get(key)
            if i is not None:
                out += [self.line[at:start], f"{{IP{i}}}"]
                at = end
        return "".join(out) + self.line[at:]


class _Line(Record, frozen=True, slots=True):
    """What a rule, route or proxy line names, whatever the host: its single addresses as
    ``(address, start, end, plain)`` — plain when matched by a bare ``-s``/``-d`` and so only
    telling that address's packets apart — the prefixes it names (masked, none of length 0),
    and whether it matches in a way the classes cannot reason about."""

    singles: tuple[tuple[Addr, int, int, bool], ...]
    prefixes: tuple[tuple[int, int, int], ...]
    opaque: bool


def _line(text: str) -> _Line:
    singles: list[tuple[Addr, int, int, bool]] = []
    prefixes: list[tuple[int, int, int]] = []
    # neither pattern matches a space and both take one for a boundary, so an IPv4 address is
    # looked for only in the words holding a dot; an IPv6 one needs two colons
    dot = text.find(".")
    while dot >= 0:
        start = text.rfind(" ", 0, dot) + 1
        end = text.find(" ", dot)
        end = len(text) if end < 0 else end
        _word4(text, start, end, singles, prefixes)
        dot = text.find(".", end)
    if text.count(":") >= 2:
        for m in _V6.finditer(text):
            _file(text, m.group(1), m.group(2), m.start(1), 128, singles, prefixes)
    return _Line(tuple(singles), tuple(prefixes), _opaque(text))


def _opaque(text: str) -> bool:
    """Whether a line matches in a way the classes cannot reason about (address ranges, sets,
    u32, bpf): one substring test each, spelled out (a loop over them costs twice as much, and
    every rule of the host is asked)."""
    return ("iprange" in text or "--src-range" in text or "--dst-range" in text or "--match-set" in text
            or "-m set" in text or "u32" in text or "bpf" in text)


def _word4(text: str, start: int, end: int, singles: list[tuple[Addr, int, int, bool]],
           prefixes: list[tuple[int, int, int]]) -> None:
    """The IPv4 addresses of one word: a word that is an address, with a prefix length of one or
    two digits or none, is the one match the pattern would find there; any other is scanned."""
    word = text[start:end]
    addr, slash, length = word.partition("/")
    if ":" not in addr and (not slash or (0 < len(length) < 3 and length.isdecimal())):
        if _file(text, addr, length if slash else None, start, 32, singles, prefixes):
            return
    for m in _V4.finditer(text, start, end):
        _file(text, m.group(1), m.group(2), m.start(1), 32, singles, prefixes)


def _file(text: str, addr: str, length: Optional[str], start: int, bits: int,
          singles: list[tuple[Addr, int, int, bool]], prefixes: list[tuple[int, int, int]]) -> bool:
    """File an address the line names at ``start`` (``singles``) or a prefix (``prefixes``);
    False if the text is no address of that family."""
    try:
        a = parse_ip(addr)
    except (AddrError, ValueError):
        return False
    if a.bits != bits:
        return False
    if length is None or int(length) == bits:
        end = start + len(addr)
        plain = text.endswith(("-d ", "-s "), 0, start) and not text.endswith(("! -d ", "! -s "), 0, start) \
            and text[end:end + 1] in ("", " ", "/")
        singles.append((_key(a), start, end, plain))
    elif int(length):
        prefixes.append(_masked(a.version, a.value, int(length)))
    return True


def _masked(version: int, value: int, length: int) -> tuple[int, int, int]:
    drop = (32 if version == 4 else 128) - length
    return version, value >> drop << drop, length


def _ns_rule_lines(ns: Any) -> list[str]:
    """A namespace's rules, chains and policies that differ from an empty netfilter (a user
    chain's policy is None)."""
    out: list[str] = []
    if ns.netfilter_untouched:
        return out
    for t in ns.netfilter.tables.values():
        for c in t.chains.values():
            if c.rules or c.policy != "ACCEPT":
                out.append(f"{t.name} {c.name} {c.policy}")
                out.extend(f"{t.name} {c.name} {r.spec}" for r in c.rules)
    return out


# a namespace's own part of its key as the memo keeps it: its addresses with their placeholder
# numbers (pairs, not a dict: plain values, which the cyclic collector stops tracking), the
# subnets they lie in, and the rest as a token
Shape = tuple[tuple[tuple[Addr, int], ...], Sequence[tuple[int, int, int]], Hashable]


class _Facts(Record, frozen=True, slots=True):
    """What a survey reads of one namespace, whatever the rest of the host holds."""

    addrs: tuple[Addr, ...]                   # its addresses but the loopback's
    lines: tuple[str, ...]                    # its rules, chains and policies (``_ns_rule_lines``)
    narrow: tuple[tuple[int, int, int], ...]  # its routes' prefixes
    # (a /32 destination, gateway, the route's place in the namespace's list): all plain values,
    # which the cyclic collector stops tracking
    singles: tuple[tuple[Optional[Addr], Optional[Addr], int], ...]


def _facts(ns: Any) -> _Facts:
    addrs: list[Addr] = []
    for l in ns.links.values():
        if l.addresses and l.kind != "loopback":
            addrs += [_key(a.ip) for a in l.addresses]
    narrow, singles = [], []
    for at, r in enumerate(ns.routes):
        dst, via = r.dst, r.via
        single = None
        if dst is not None:
            addr, length = dst.addr, dst.length
            if length == addr.bits:
                single = _key(addr)
            elif length:
                narrow.append(_masked(addr.version, addr.value, length))
        if single is not None or via is not None:
            singles.append((single, _key(via) if via is not None else None, at))
    return _Facts(tuple(addrs), tuple(_ns_rule_lines(ns)), tuple(narrow), tuple(singles))


class Memo:
    """What the surveys of one query (the two hosts of a diff) read once: a namespace's facts and
    its own part of a key, by the namespace object (or another host's namespace known to hold the
    same, ``alias``), and what a line names and a rule's fields, by their text."""

    __slots__ = ("facts", "shapes", "lines", "values", "parsed", "tokens")

    def __init__(self) -> None:
        # one copy of each equal key part: the containers of a class share theirs, and the
        # collector has fewer objects to scan
        self.values: dict[Hashable, Hashable] = {}
        # by the namespace object itself (hashed by identity): no entry object per namespace
        self.facts: dict[Any, _Facts] = {}
        self.shapes: dict[Any, Optional[Shape]] = {}
        self.tokens: dict[Hashable, int] = {}
        self.lines: dict[str, _Line] = {}
        self.parsed: dict[str, Parsed] = {}       # a rule's fields by its text (``chains.RuleBook``)

    def mentions(self, line: str) -> "_Line":
        """What a line names (``_Line``), read once per text for both surveys of a diff."""
        got = self.lines.get(line)
        if got is None:
            got = self.lines[line] = _line(line)
        return got

    def same(self, value: Any) -> Any:
        """The one copy of ``value`` kept for this memo's surveys."""
        return self.values.setdefault(value, value)

    def token(self, value: Hashable) -> int:
        """A number standing for ``value`` in this memo's keys: a key holding it hashes and
        compares as fast as an int, however large the value."""
        return self.tokens.setdefault(value, len(self.tokens))

    def read(self, ns: Any) -> _Facts:
        got = self.facts.get(ns)
        if got is None:
            got = self.facts[ns] = _facts(ns)
        return got

    def alias(self, ns: Any, like: Any) -> None:
        """``ns`` (another host's) holds what ``like`` does, as the caller knows (no call since a
        fork named its container): what is read of ``like`` stands for it."""
        self.facts[ns] = self.read(like)


class Survey:
    """What the classes need to know about the whole host, read once per query (``ctx.survey``).

    Besides the classes' inputs it keeps what :func:`query.diff` needs to tell which pairs a
    change can affect: ``world()``, everything a walk reads that no container's key holds (the
    host's and other namespaces' links, routes, sysctls, and every rule line but those that only
    match one container's packets — a plain ``-s A`` / ``-d A``), ``redirected``, the addresses
    named any other way (a DNAT's target, a route's gateway, a negated match), and ``holders``,
    who holds each address.
    """

    def __init__(self, ctx: Any, memo: Optional[Memo] = None, like: Optional["Survey"] = None,
                 same: Optional[dict[int, Any]] = None) -> None:
        self.ctx = ctx
        self.memo = memo if memo is not None else Memo()
        d = ctx.d
        self.ns_of: dict[str, Any] = ctx.ns_of
        # the running containers in each namespace but the host's (``Context.names_of``), and how many
        self.names_of: dict[int, tuple[str, ...]] = ctx.names_of
        self.running_ns: Counter[int] = Counter({i: len(names) for i, names in self.names_of.items()})
        # who holds each address, what names an address held outside the host, and the prefixes
        # that split subnets
        self.owners: Counter[Addr] = Counter()
        self.holders: dict[Addr, str] = {}
        self.held: set[Addr] = set()
        self.named: dict[Addr, list[_Mention]] = {}
        self.narrow: set[tuple[int, int, int]] = set()
        self.split: dict[tuple[int, int, int], bool] = {}     # subnet -> a narrower prefix lies in it
        self.opaque = False
        self.rule_lines: dict[int, Sequence[str]] = {}
        self.redirected: set[Addr] = set()
        # the single and gateway addresses of every route, and the namespaces whose rules or routes
        # name a held address: what a survey derived from this one must know (``_after``)
        self.routed: set[Optional[Addr]] = set()
        self.naming: set[int] = set()
        self._world: list[Any] = []
        # the addresses counted again when taken from another survey (``_after``); None: counted whole
        self.recounted: Optional[set[Addr]] = None
        namespaces = list(d.kernel.namespaces.values())
        read, host = self.memo.read, ctx.host_ns
        rest = self._after(like, same, namespaces) if like is not None and same is not None else None
        everything = [(ns, read(ns)) for ns in (namespaces if rest is None else rest)]
        if rest is None:
            self._hold(everything)
        for ns, facts in everything:
            self._read(ns, facts, "host" if ns is host else "netns", ns is host or id(ns) not in self.names_of)
        for l in ctx.sockets.by_ns.get(id(host), []):
            text = f"proxy {l.proto} {l.ip} {l.port}" + (f" -> {l.proxy_to[0]}:{l.proxy_to[1]}" if l.proxy_to else "")
            self._line(host, text, True)

    def _holder(self, ns: Any) -> str:
        names = self.names_of.get(id(ns))
        if names is None:
            return f"netns {ns.name}"
        return names[0] if len(names) == 1 else ",".join(sorted(names))

    def _hold(self, everything: list[tuple[Any, _Facts]]) -> None:
        """Count who holds each address (``owners``, ``holders``, ``held``: held outside the host)."""
        owners, holders, held, host = self.owners, self.holders, self.held, self.ctx.host_ns
        for ns, facts in everything:
            addrs = facts.addrs
            if not addrs:
                continue
            holder = self._holder(ns)
            for key in addrs:
                owners[key] += 1
                holders[key] = holder if owners[key] == 1 else "(several)"
            if ns is not host:
                held.update(addrs)

    def _after(self, like: "Survey", same: dict[int, Any], namespaces: list[Any]) -> Optional[list[Any]]:
        """This host's holdings and prefixes taken from ``like``'s (another host's survey sharing
        this one's memo), given that each namespace here whose id ``same`` maps to one of
        ``like``'s holds what that one does (``Memo.alias``): the others are counted again, and
        returned, to be read whole. None — nothing taken — when a namespace of ``same`` had rules,
        or routes or rules naming a held address, or would have them here (an address it routes
        to held here and not there), or when an address held once is one of those namespaces'
        and another's there: what a full survey would give is then not cheaper to tell."""
        theirs = {id(ns) for ns in same.values()}
        if not like.naming.isdisjoint(theirs):
            return None
        read, host = self.memo.read, self.ctx.host_ns
        rest = [ns for ns in namespaces if id(ns) not in same]
        gone = [ns for ns in like.ctx.d.kernel.namespaces.values() if id(ns) not in theirs]
        owners = Counter(like.owners)
        hosted: Counter[Addr] = Counter(read(host).addrs)
        mine: dict[Addr, str] = {}
        for ns in gone:
            owners.subtract(read(ns).addrs)
        for ns in rest:
            addrs = read(ns).addrs
            if addrs:
                owners.update(addrs)
                holder = self._holder(ns)
                for key in addrs:
                    mine.setdefault(key, holder)
        changed = set(mine).union(*(read(ns).addrs for ns in gone))
        holders, held = dict(like.holders), set(like.held)
        for key in changed:
            n = owners[key]
            if n <= 0:
                owners.pop(key, None)
                holders.pop(key, None)
            elif n > 1:
                holders[key] = "(several)"
            elif key in mine:
                holders[key] = mine[key]
            else:
                return None          # one of ``same`` holds it alone now: which, only a full count tells
            if n > hosted[key]:
                held.add(key)
            else:
                held.discard(key)
        if not like.routed.isdisjoint(held - like.held):
            return None
        self.owners, self.holders, self.held, self.routed = owners, holders, held, set(like.routed)
        self.recounted = changed
        for ns in same.values():
            self.narrow.update(read(ns).narrow)
        return rest

    def _read(self, ns: Any, facts: _Facts, where: str, worldly: bool) -> None:
        if facts.lines:
            self.rule_lines[id(ns)] = facts.lines
            self.naming.add(id(ns))
            for line in facts.lines:
                self._line(ns, f"{where} {line}", worldly)
        held, routed = self.held, self.routed
        if facts.narrow:
            self.narrow.update(facts.narrow)
        for single, via, at in facts.singles:
            routed.add(single)
            routed.add(via)
            if single in held or via in held:
                r = ns.routes[at]
                self._line(ns, f"{where} route {r.dst or 'default'} via {r.via} dev {r.dev}", False)
        if worldly:
            self._world.append((where, ns.name, tuple(ns.routes), tuple(sorted(ns.sysctl.items()))))
            for l in ns.links.values():
                if l.kind == "veth" and l.peer is not None and l.peer.netns is not ns:
                    continue      # a container's end is its key's; a veth within one namespace is not
                self._world.append((l.name, l.kind, l.up, l.carrier, l.mtu, tuple(l.addresses),
                                    l.master.name if l.master is not None else None, l.hairpin,
                                    l.lower.name if l.lower is not None else None, l.macvlan_mode))

    def _line(self, ns: Any, line: str, worldly: bool) -> None:
        """File a rule, route or proxy line: its single addresses (``named``), its prefixes
        (``narrow``), and — unless it only matches one container's packets — the world."""
        spans = []
        attributable = True
        parsed = self.memo.mentions(line)
        if parsed.opaque:
            self.opaque = True
        if parsed.prefixes:
            self.narrow.update(parsed.prefixes)
        held = self.held
        for key, start, end, plain in parsed.singles:
            if key in held:
                spans.append((start, end, key))
                if not plain:
                    attributable = False
                    self.redirected.add(key)
        if spans:
            self.naming.add(id(ns))
            m = _Mention(id(ns), line, tuple(spans))
            for _, _, key in spans:
                self.named.setdefault(key, []).append(m)
        if worldly and not (spans and attributable):
            self._world.append(line)

    def world(self) -> tuple[Any, ...]:
        """What every walk may read and no container's key holds (comparable across hosts)."""
        return (tuple(self._world), frozenset(self.narrow), self.opaque)

    def key(self, c: Any) -> Hashable:
        """The class key of a container: equal keys mean the walk cannot tell them apart."""
        ns = self.ns_of.get(c.id) if c.id in self.ns_of else self.ctx.netns(c)
        if ns is None:
            return ("down",)
        if self.opaque or ns is self.ctx.host_ns or self.running_ns[id(ns)] > 1:
            return ("unique", c.name)
        return self.signature(ns) or ("unique", c.name)

    def keeps(self, c: Any, other: "Survey", oc: Any) -> bool:
        """Whether container ``c``'s key here is ``oc``'s in ``other``'s host, given that their
        namespaces hold the same (``Memo.alias``) and that both hosts have the same prefixes
        splitting subnets and the same opacity: its addresses held as often on both sides and
        named by the same lines outside it."""
        ns, ons = self.ns_of.get(c.id), other.ns_of.get(oc.id)
        if ns is None or ons is None:
            return ns is None and ons is None
        if ns is self.ctx.host_ns or ons is other.ctx.host_ns or self.running_ns[id(ns)] != 1 \
                or other.running_ns[id(ons)] != 1:
            return False
        for key in self.memo.read(ns).addrs:
            if self.owners[key] != other.owners[key] or self._naming(key, ns) != other._naming(key, ons):
                return False
        return True

    def _naming(self, key: Addr, ns: Any) -> list[str]:
        lines = [m.line for m in self.named.get(key, ()) if m.ns != id(ns)]
        return sorted(lines) if len(lines) > 1 else lines

    def _is_split(self, subnet: tuple[int, int, int]) -> bool:
        got = self.split.get(subnet)
        if got is None:
            sv, svalue, slength = subnet
            got = self.split[subnet] = any(v == sv and length > slength and _masked(v, value, slength)[1] == svalue
                                           for v, value, length in self.narrow)
        return got

    def signature(self, ns: Any) -> Optional[Hashable]:
        """Everything a walk reads about ``ns``, its own addresses as placeholders; None when the
        namespace cannot share a class."""
        got = self._shape(ns)
        if got is None:
            return None
        own, subnets, shape = got
        own_at = dict(own)
        owners, split, named = self.owners, self.split, self.named
        mentions: list[_Mention] = []
        for key in own_at:
            if owners[key] > 1:
                return None  # ARP would have to choose
            mentions += named.get(key, ())
        for subnet in subnets:
            if split.get(subnet) or (subnet not in split and self._is_split(subnet)):
                return None  # a rule or route tells addresses of a subnet apart

        sockets = self.ctx.sockets.by_ns.get(id(ns))
        listeners = tuple(sorted((l.proto, _own(own_at, l.ip) if l.ip is not None else "*", l.port,
                                  (_own(own_at, l.proxy_to[0]), l.proxy_to[1]) if l.proxy_to is not None else "")
                                 for l in sockets)) if sockets else ()
        if mentions:
            lines_naming = {id(m): m for m in mentions if m.ns != id(ns)}
            mentioned = tuple(sorted([m.templated(own_at) for m in lines_naming.values()]))
        else:
            mentioned = ()
        return self.memo.same(("class", shape, listeners, mentioned))

    def _shape(self, ns: Any) -> Optional[Shape]:
        """The namespace's own part of its key (links, routes, rules, sysctls), read once per
        namespace object; in the key, equal parts are one small number (``Memo.token``)."""
        shapes = self.memo.shapes
        if ns in shapes:
            return shapes[ns]
        shape = _shape(ns, self.ctx.host_ns, self.rule_lines.get(id(ns), ()))
        if shape is not None:
            own_at, subnets, body = shape
            shape = (tuple(own_at.items()), self.memo.same(tuple(subnets)), self.memo.token(body))
        shapes[ns] = shape
        return shape


def _shape(ns: Any, host: Any, lines: Sequence[str]) -> Optional[tuple[dict[Addr, int], list[tuple[int, int, int]],
                                                                      Hashable]]:
    own_at: dict[Addr, int] = {}
    subnets = []
    links = []
    for l in ns.sorted_links():
        kind = l.kind
        if kind == "loopback":
            links.append((l.name, kind, l.up, tuple([(a.ip.version, a.ip.value, a.prefixlen) for a in l.addresses])))
            continue
        addrs = []
        for a in l.addresses:
            ip, length = a.ip, a.prefixlen
            version, value = ip.version, ip.value
            own_at[value if version == 4 else value | _SIX] = len(own_at)
            drop = (32 if version == 4 else 128) - length
            net = (version, value >> drop << drop, length)       # _masked, inlined: once per address of the host
            subnets.append(net)
            addrs.append((net, a.scope))
        peer = l.peer
        if kind == "veth" and peer is not None:
            master = peer.master
            if peer.netns is not host or master is None:
                return None
            attach: tuple[Any, ...] = ("veth", peer.up, peer.carrier, master.name, peer.hairpin, peer.mtu)
        elif kind == "macvlan" and l.lower is not None and l.lower.netns is host:
            attach = ("macvlan", l.lower.name, l.macvlan_mode)
        else:
            return None
        links.append((l.name, kind, l.up, l.carrier, l.mtu, tuple(addrs), attach))

    routes = tuple([(None if r.dst is None else (_own(own_at, r.dst.addr), r.dst.length), r.dev,
                     None if r.via is None else _own(own_at, r.via), r.scope, r.metric,
                     None if r.src is None else _own(own_at, r.src)) for r in ns.routes])
    if lines:
        own = {str(IP(key & ~_SIX, 6 if key & _SIX else 4)): f"{{IP{i}}}" for key, i in own_at.items()}
        rules = tuple(_template(line, own) for line in lines)
    else:
        rules = ()
    sysctl = ns.sysctl
    return own_at, subnets, (tuple(links), routes, tuple(sorted(sysctl.items())) if len(sysctl) > 1 else tuple(sysctl.items()),
                             rules)


def _own(own_at: dict[Addr, int], a: Optional[IP]) -> Any:
    """An address in a key: a placeholder if it is the namespace's own, else its value."""
    if a is None:
        return None
    key = _key(a)
    at = own_at.get(key)
    return ("own", at) if at is not None else key


def class_keys(ctx: Any, names: Sequence[str]) -> dict[str, Hashable]:
    """A key per name: equal keys mean the walk cannot tell the containers apart."""
    from . import _find_container
    survey = ctx.survey
    keys: dict[str, Hashable] = {}
    for n in names:
        c = _find_container(ctx.d, n) if n not in ("host", "outside") else None
        keys[n] = ("other", n) if c is None else survey.key(c)
    return keys
