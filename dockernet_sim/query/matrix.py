"""Classes of containers that a packet walk cannot tell apart, for the reachability matrix.

A walk (``walk.py``) reads only kernel objects: the sender's and receiver's interfaces, routes,
sysctls and rules, the bridges their veths hang on, the host's rules and the listening sockets.
Two containers whose views are the same once their own addresses are replaced by placeholders
— same interface names and subnets, on the same bridges, same routes, same rules naming their
address in the same way (Docker 28's raw ``-d IP/32 ! -i br -j DROP``, a DNAT to a published
port) — get the same verdict against any third container, so the matrix walks one pair per
pair of classes. Anything that would make that unsafe gives the container a class of its own:
a namespace shared with another container (``container:`` mode, ``host`` mode), a veth that
leads anywhere but a bridge of the host, a rule naming a prefix narrower than a container's
subnet, or a match the classes cannot reason about (``iprange``, ``ipset``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Hashable, Sequence

from ..addr import AddrError, IP, Prefix, parse_ip, prefix

__all__ = ["class_keys"]

_V4 = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?:/(\d{1,2}))?(?![\w.])")
_V6 = re.compile(r"(?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?:/(\d{1,3}))?(?![\w:])")
_OPAQUE = ("iprange", "--src-range", "--dst-range", "--match-set", "-m set", "u32", "bpf")


def _mentions(text: str) -> list[tuple[IP, int]]:
    """The addresses and prefixes a rule names, as (address, prefix length)."""
    out = []
    for rx, bits in ((_V4, 32), (_V6, 128)):
        for m in rx.finditer(text):
            try:
                a = parse_ip(m.group(1))
            except (AddrError, ValueError):
                continue
            if a.bits != bits:
                continue
            out.append((a, int(m.group(2)) if m.group(2) else bits))
    return out


def _templater(own: list[str]) -> Any:
    if not own:
        return lambda text: text
    pats = [(re.compile(rf"(?<![\w.:]){re.escape(a)}(?![\w.])" if ":" not in a
                        else rf"(?<![\w.:]){re.escape(a)}(?![\w:])"), f"{{IP{i}}}") for i, a in enumerate(own)]

    def t(text: str) -> str:
        for rx, ph in pats:
            text = rx.sub(ph, text)
        return text
    return t


def class_keys(ctx: Any, names: Sequence[str]) -> dict[str, Hashable]:
    """A key per name: equal keys mean the walk cannot tell the containers apart."""
    from . import _find_container
    d = ctx.d
    host = ctx.host_ns
    running_ns: Counter[int] = Counter()
    for c in d.containers.values():
        ns = ctx.netns(c)
        if ns is not None:
            running_ns[id(ns)] += 1

    # host rules (and docker-proxy listeners) by the single addresses they name
    named: dict[str, list[str]] = {}
    narrow: list[Prefix] = []
    opaque = False
    for table, chain, rule in host.netfilter.rules():
        spec = rule.spec
        if any(o in spec for o in _OPAQUE):
            opaque = True
        line = f"{table} {chain} {spec}"
        for a, length in _mentions(spec):
            if length == a.bits:
                named.setdefault(str(a), []).append(line)
            else:
                narrow.append(prefix(a.value, length, a.version).masked())
    for l in ctx.sockets.by_ns.get(id(host), []):
        if l.proxy_to is not None:
            named.setdefault(str(l.proxy_to[0]), []).append(
                f"proxy {l.proto} {l.ip} {l.port} -> {l.proxy_to[0]}:{l.proxy_to[1]}")

    keys: dict[str, Hashable] = {}
    for n in names:
        c = _find_container(d, n) if not isinstance(n, str) or n not in ("host", "outside") else None
        if c is None:
            keys[n] = ("other", n)
            continue
        ns = ctx.netns(c)
        if ns is None:
            keys[n] = ("down",)
            continue
        if opaque or ns is host or running_ns[id(ns)] > 1:
            keys[n] = ("unique", n)
            continue
        keys[n] = _signature(ctx, ns, host, named, narrow) or ("unique", n)
    return keys


def _signature(ctx: Any, ns: Any, host: Any, named: dict[str, list[str]], narrow: list[Prefix]) -> Hashable:
    own: list[str] = []
    subnets: list[Prefix] = []
    for l in ns.sorted_links():
        if l.kind == "loopback":
            continue
        for a in l.addresses:
            own.append(str(a.ip))
            subnets.append(prefix(a.ip.value, a.prefixlen, a.ip.version).masked())
    for p in narrow:
        for s in subnets:
            if p.length > s.length and s.contains(p):
                return None           # a rule tells addresses of this subnet apart
    t = _templater(own)
    links = []
    for l in ns.sorted_links():
        addrs = tuple((str(prefix(a.ip.value, a.prefixlen, a.ip.version).masked()), a.scope)
                      for a in l.addresses) if l.kind != "loopback" else tuple(
                          (str(a.ip), a.prefixlen) for a in l.addresses)
        pinfo = None
        if l.peer is not None:
            peer = l.peer
            if peer.netns is not host or peer.master is None:
                return None
            pinfo = (peer.up, peer.carrier, peer.master.name, peer.hairpin, peer.mtu)
        links.append((l.name, l.kind, l.up, l.carrier, l.mtu, addrs, pinfo))
    routes = tuple((t(str(r.dst)) if r.dst is not None else None, r.dev, str(r.via) if r.via is not None else None,
                    r.scope, r.metric, t(str(r.src)) if r.src is not None else None) for r in ns.routes)
    sysctl = tuple(sorted(ns.sysctl.items()))
    rules = t(repr(sorted(ns.netfilter.state().items())))
    listeners = tuple(sorted((l.proto, t(str(l.ip)) if l.ip is not None else "*", l.port,
                              t(str(l.proxy_to)) if l.proxy_to is not None else "")
                             for l in ctx.sockets.by_ns.get(id(ns), [])))
    mentioned = tuple(sorted(t(line) for a in own for line in named.get(a, ())))
    return ("class", tuple(links), routes, sysctl, rules, listeners, mentioned)
