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
from typing import Any, Hashable, Iterator, Optional, Sequence

from ..records import dataclass
from ..addr import AddrError, IP, parse_ip
from .chains import Parsed

__all__ = ["class_keys", "Survey", "Memo"]

_V4 = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?:/(\d{1,2}))?(?![\w.])")
_V6 = re.compile(r"(?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?:/(\d{1,3}))?(?![\w:])")
_OPAQUE = ("iprange", "--src-range", "--dst-range", "--match-set", "-m set", "u32", "bpf")

Addr = tuple[int, int]          # (version, value): an address as a dictionary key


def _mentions(text: str) -> Iterator[tuple[IP, int, int, int]]:
    """The addresses and prefixes a line names: (address, prefix length, where the address's text
    starts and ends)."""
    for rx, bits in ((_V4, 32), (_V6, 128)):
        if bits == 128 and text.count(":") < 2:
            break            # an IPv6 address has two colons at least: spare the scan
        for m in rx.finditer(text):
            try:
                a = parse_ip(m.group(1))
            except (AddrError, ValueError):
                continue
            if a.bits == bits:
                yield a, int(m.group(2)) if m.group(2) else bits, m.start(1), m.end(1)


def _template(text: str, own: dict[str, str]) -> str:
    """``text`` with the container's own addresses replaced by placeholders (``{IP0}``, …)."""
    if not any(a in text for a in own):
        return text

    def sub(m: "re.Match[str]") -> str:
        ph = own.get(m.group(1))
        return m.group(0) if ph is None else ph + m.group(0)[len(m.group(1)):]
    return _V6.sub(sub, _V4.sub(sub, text))


@dataclass(frozen=True, slots=True)
class _Mention:
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


@dataclass(frozen=True, slots=True)
class _Line:
    """What a rule, route or proxy line names, whatever the host: its single addresses as
    ``(address, start, end, plain)`` — plain when matched by a bare ``-s``/``-d`` and so only
    telling that address's packets apart — the prefixes it names (masked, none of length 0),
    and whether it matches in a way the classes cannot reason about."""

    singles: tuple[tuple[Addr, int, int, bool], ...]
    prefixes: tuple[tuple[int, int, int], ...]
    opaque: bool


def _line(text: str) -> _Line:
    singles, prefixes = [], []
    for a, length, start, end in _mentions(text):
        if length == a.bits:
            head = text[:start]
            plain = head.endswith(("-d ", "-s ")) and not head.endswith(("! -d ", "! -s ")) \
                and text[end:end + 1] in ("", " ", "/")
            singles.append(((a.version, a.value), start, end, plain))
        elif length:
            prefixes.append(_masked(a.version, a.value, length))
    return _Line(tuple(singles), tuple(prefixes), any(o in text for o in _OPAQUE))


def _masked(version: int, value: int, length: int) -> tuple[int, int, int]:
    drop = (32 if version == 4 else 128) - length
    return version, value >> drop << drop, length


def _ns_rule_lines(ns: Any) -> list[str]:
    """A namespace's rules, chains and policies that differ from an empty netfilter (a user
    chain's policy is None)."""
    out: list[str] = []
    if ns.netfilter.untouched:
        return out
    for t in ns.netfilter.tables.values():
        for c in t.chains.values():
            if c.rules or c.policy != "ACCEPT":
                out.append(f"{t.name} {c.name} {c.policy}")
                out.extend(f"{t.name} {c.name} {r.spec}" for r in c.rules)
    return out


Shape = tuple[dict[Addr, int], Sequence[tuple[int, int, int]], Hashable]


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a survey reads of one namespace, whatever the rest of the host holds."""

    addrs: tuple[Addr, ...]                   # its addresses but the loopback's
    lines: tuple[str, ...]                    # its rules, chains and policies (``_ns_rule_lines``)
    narrow: tuple[tuple[int, int, int], ...]  # its routes' prefixes
    singles: tuple[tuple[Optional[Addr], Optional[Addr], Any], ...]   # (a /32 destination, gateway, route)


def _facts(ns: Any) -> _Facts:
    addrs = []
    for l in ns.links.values():
        if l.addresses and l.kind != "loopback":
            addrs += [(a.ip.version, a.ip.value) for a in l.addresses]
    narrow, singles = [], []
    for r in ns.routes:
        dst = r.dst
        if dst is not None and 0 < dst.length < dst.addr.bits:
            narrow.append(_masked(dst.version, dst.addr.value, dst.length))
        single = (dst.version, dst.addr.value) if dst is not None and dst.length == dst.addr.bits else None
        if single is not None or r.via is not None:
            singles.append((single, (r.via.version, r.via.value) if r.via is not None else None, r))
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
        self.facts: dict[int, tuple[Any, _Facts]] = {}
        self.shapes: dict[int, tuple[Any, Optional[Shape]]] = {}
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
        got = self.facts.get(id(ns))
        if got is None or got[0] is not ns:
            got = self.facts[id(ns)] = (ns, _facts(ns))
        return got[1]

    def alias(self, ns: Any, like: Any) -> None:
        """``ns`` (another host's) holds what ``like`` does, as the caller knows (no call since a
        fork named its container): what is read of ``like`` stands for it."""
        self.facts[id(ns)] = (ns, self.read(like))


class Survey:
    """What the classes need to know about the whole host, read once per query (``ctx.survey``).

    Besides the classes' inputs it keeps what :func:`query.diff` needs to tell which pairs a
    change can affect: ``world()``, everything a walk reads that no container's key holds (the
    host's and other namespaces' links, routes, sysctls, and every rule line but those that only
    match one container's packets — a plain ``-s A`` / ``-d A``), ``redirected``, the addresses
    named any other way (a DNAT's target, a route's gateway, a negated match), and ``holders``,
    who holds each address.
    """

    def __init__(self, ctx: Any, memo: Optional[Memo] = None) -> None:
        self.ctx = ctx
        self.memo = memo if memo is not None else Memo()
        d = ctx.d
        host = ctx.host_ns
        self.ns_of: dict[str, Any] = ctx.ns_of
        self.running_ns: Counter[int] = Counter()
        names_of: dict[int, list[str]] = {}
        for c in d.containers.values():
            ns = self.ns_of[c.id]
            if ns is not None:
                self.running_ns[id(ns)] += 1
                names_of.setdefault(id(ns), []).append(c.name)
        # who holds each address, what names an address held outside the host, and the prefixes
        # that split subnets
        self.owners: Counter[Addr] = Counter()
        self.holders: dict[Addr, str] = {}
        held: set[Addr] = set()
        owners, holders = self.owners, self.holders
        read = self.memo.read
        everything = [(ns, read(ns)) for ns in d.kernel.namespaces.values()]
        for ns, facts in everything:
            addrs = facts.addrs
            if not addrs:
                continue
            holder = ",".join(sorted(names_of[id(ns)])) if id(ns) in names_of and ns is not host else f"netns {ns.name}"
            for key in addrs:
                owners[key] += 1
                holders[key] = holder if owners[key] == 1 else "(several)"
            if ns is not host:
                held.update(addrs)
        self.held = held
        self.named: dict[Addr, list[_Mention]] = {}
        self.narrow: set[tuple[int, int, int]] = set()
        self.split: dict[tuple[int, int, int], bool] = {}     # subnet -> a narrower prefix lies in it
        self.opaque = False
        self.rule_lines: dict[int, Sequence[str]] = {}
        self.redirected: set[Addr] = set()
        self._world: list[Any] = []
        for ns, facts in everything:
            self._read(ns, facts, "host" if ns is host else "netns", ns is host or id(ns) not in names_of)
        for l in ctx.sockets.by_ns.get(id(host), []):
            text = f"proxy {l.proto} {l.ip} {l.port}" + (f" -> {l.proxy_to[0]}:{l.proxy_to[1]}" if l.proxy_to else "")
            self._line(host, text, True)

    def _read(self, ns: Any, facts: _Facts, where: str, worldly: bool) -> None:
        if facts.lines:
            self.rule_lines[id(ns)] = facts.lines
            for line in facts.lines:
                self._line(ns, f"{where} {line}", worldly)
        held = self.held
        if facts.narrow:
            self.narrow.update(facts.narrow)
        for single, via, r in facts.singles:
            if single in held or via in held:
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
        own_at, subnets, shape = got
        if any(self.owners[key] > 1 for key in own_at) or any(self._is_split(s) for s in subnets):
            return None      # ARP would have to choose, or a rule or route tells addresses of a subnet apart

        sockets = self.ctx.sockets.by_ns.get(id(ns))
        listeners = tuple(sorted((l.proto, _own(own_at, l.ip) if l.ip is not None else "*", l.port,
                                  (_own(own_at, l.proxy_to[0]), l.proxy_to[1]) if l.proxy_to is not None else "")
                                 for l in sockets)) if sockets else ()
        lines_naming = {id(m): m for key in own_at for m in self.named.get(key, ()) if m.ns != id(ns)}
        mentioned = tuple(sorted(m.templated(own_at) for m in lines_naming.values()))
        return self.memo.same(("class", shape, listeners, mentioned))

    def _shape(self, ns: Any) -> Optional[Shape]:
        """The namespace's own part of its key (links, routes, rules, sysctls), read once per
        namespace object; in the key, equal parts are one small number (``Memo.token``)."""
        got = self.memo.shapes.get(id(ns))
        if got is not None and got[0] is ns:
            return got[1]
        shape = _shape(ns, self.ctx.host_ns, self.rule_lines.get(id(ns), ()))
        if shape is not None:
            own_at, subnets, body = shape
            shape = (own_at, self.memo.same(tuple(subnets)), self.memo.token(body))
        self.memo.shapes[id(ns)] = (ns, shape)
        return shape


def _shape(ns: Any, host: Any, lines: Sequence[str]) -> Optional[Shape]:
    own_at: dict[Addr, int] = {}
    subnets = []
    links = []
    for l in ns.sorted_links():
        if l.kind == "loopback":
            links.append((l.name, l.kind, l.up, tuple([(a.ip.version, a.ip.value, a.prefixlen) for a in l.addresses])))
            continue
        addrs = []
        for a in l.addresses:
            version, value = a.ip.version, a.ip.value
            own_at[version, value] = len(own_at)
            net = _masked(version, value, a.prefixlen)
            subnets.append(net)
            addrs.append((net, a.scope))
        if l.kind == "veth" and l.peer is not None:
            peer = l.peer
            if peer.netns is not host or peer.master is None:
                return None
            attach: tuple[Any, ...] = ("veth", peer.up, peer.carrier, peer.master.name, peer.hairpin, peer.mtu)
        elif l.kind == "macvlan" and l.lower is not None and l.lower.netns is host:
            attach = ("macvlan", l.lower.name, l.macvlan_mode)
        else:
            return None
        links.append((l.name, l.kind, l.up, l.carrier, l.mtu, tuple(addrs), attach))

    routes = tuple([(None if r.dst is None else (_own(own_at, r.dst.addr), r.dst.length), r.dev,
                     None if r.via is None else _own(own_at, r.via), r.scope, r.metric,
                     None if r.src is None else _own(own_at, r.src)) for r in ns.routes])
    if lines:
        own = {str(IP(value, version)): f"{{IP{i}}}" for (version, value), i in own_at.items()}
        rules = tuple(_template(line, own) for line in lines)
    else:
        rules = ()
    return own_at, subnets, (tuple(links), routes, tuple(sorted(ns.sysctl.items())), rules)


def _own(own_at: dict[Addr, int], a: Optional[IP]) -> Any:
    """An address in a key: a placeholder if it is the namespace's own, else its value."""
    if a is None:
        return None
    at = own_at.get((a.version, a.value))
    return ("own", at) if at is not None else (a.version, a.value)


def class_keys(ctx: Any, names: Sequence[str]) -> dict[str, Hashable]:
    """A key per name: equal keys mean the walk cannot tell the containers apart."""
    from . import _find_container
    survey = ctx.survey
    keys: dict[str, Hashable] = {}
    for n in names:
        c = _find_container(ctx.d, n) if n not in ("host", "outside") else None
        keys[n] = ("other", n) if c is None else survey.key(c)
    return keys
