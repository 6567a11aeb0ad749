"""What changed between two hosts: networks, addresses, iptables rules and reachability.

For what-if work: ``h2 = h.fork()``, change ``h2``, then ``diff(h, h2)`` lists the networks added
or removed (and changed subnets), each container's address per network, the rules added or
removed per table and chain of the host (as ``iptables -S`` prints them), the routes added or
removed per namespace (the host's and each running container's, as ``ip route`` prints them),
each container's default gateway with the network whose endpoint holds it (what ``docker network
connect`` moves: the gateway endpoint, and with it the published ports' DNAT), and the pairs of
containers (running in both) that gained or lost ICMP reachability, from
:func:`dockernet_sim.query.reachability` on both hosts.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> _ = h.sh("docker network create n1")
>>> _ = h.run("busybox", name="a"); _ = h.run("busybox", name="b", network_mode="n1")
>>> h2 = h.fork(); h2.network_connect("n1", "a")
>>> d = diff(h, h2)
>>> d.reach_gained
[('a', 'b'), ('b', 'a')]
>>> d.addresses
[('a', 'n1', None, '172.18.0.3')]
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = ["diff", "HostDiff"]


@dataclass
class HostDiff:
    """The differences from host ``a`` to host ``b``.

    ``networks_added`` / ``networks_removed``: ``(name, subnets)``; ``subnets_changed``:
    ``(name, old subnets, new subnets)``; ``addresses``: ``(container, network, old, new)`` with
    None for "none"; ``rules_added`` / ``rules_removed``: ``{(table, chain): [line, …]}`` where a
    line is ``-A CHAIN spec`` (``-P CHAIN POLICY`` for a policy, ``-N CHAIN`` for a chain);
    ``reach_gained`` / ``reach_lost``: ``(src, dst)`` pairs; ``reach_changed``: every pair whose
    verdict changed, ``(src, dst, old verdict, new verdict)``.
    """

    networks_added: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    networks_removed: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    subnets_changed: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    addresses: list[tuple[str, str, Optional[str], Optional[str]]] = field(default_factory=list)
    rules_added: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    rules_removed: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    reach_changed: list[tuple[str, str, str, str]] = field(default_factory=list)
    # the host's own links (not Docker's veths): ``(name, old, new)``, None for "absent", a link
    # shown as ``kind[@parent mode M] addresses``; when they differ, the host's reachability of
    # each container is compared too (a macvlan shim changes it)
    host_links: list[tuple[str, Optional[str], Optional[str]]] = field(default_factory=list)
    routes_added: dict[str, list[str]] = field(default_factory=dict)      # namespace -> ip route lines
    routes_removed: dict[str, list[str]] = field(default_factory=dict)
    gateways: list[tuple[str, Optional[str], Optional[str]]] = field(default_factory=list)

    @property
    def reach_gained(self) -> list[tuple[str, str]]:
        return [(a, b) for a, b, old, new in self.reach_changed if new == "reachable"]

    @property
    def reach_lost(self) -> list[tuple[str, str]]:
        return [(a, b) for a, b, old, new in self.reach_changed if old == "reachable"]

    @property
    def empty(self) -> bool:
        return not (self.networks_added or self.networks_removed or self.subnets_changed or self.addresses
                    or self.rules_added or self.rules_removed or self.reach_changed or self.host_links
                    or self.routes_added or self.routes_removed or self.gateways)

    def __bool__(self) -> bool:
        return not self.empty

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.networks_added or self.networks_removed or self.subnets_changed:
            out.append("networks:")
            out += [f"  + {n} ({', '.join(s) or 'no subnet'})" for n, s in self.networks_added]
            out += [f"  - {n} ({', '.join(s) or 'no subnet'})" for n, s in self.networks_removed]
            out += [f"  ~ {n}: {', '.join(o) or '-'} -> {', '.join(s) or '-'}" for n, o, s in self.subnets_changed]
        if self.addresses:
            out.append("addresses:")
            for c, n, old, new in self.addresses:
                if old is None:
                    out.append(f"  + {c} on {n}: {new}")
                elif new is None:
                    out.append(f"  - {c} on {n}: {old}")
                else:
                    out.append(f"  ~ {c} on {n}: {old} -> {new}")
        if self.host_links:
            out.append("host links:")
            for name, old, new in self.host_links:
                sign = "+" if old is None else "-" if new is None else "~"
                out.append(f"  {sign} {name}: " + (new or old or "") if sign != "~" else f"  ~ {name}: {old} -> {new}")
        if self.gateways:
            out.append("default gateways:")
            for c, old, new in self.gateways:
                out.append(f"  ~ {c}: {old or 'none'} -> {new or 'none'}")
        if self.routes_added or self.routes_removed:
            out.append("routes:")
            for ns in list(self.routes_removed) + [n for n in self.routes_added if n not in self.routes_removed]:
                out.append(f"  {ns}:")
                out += [f"    - {r}" for r in self.routes_removed.get(ns, [])]
                out += [f"    + {r}" for r in self.routes_added.get(ns, [])]
        if self.rules_added or self.rules_removed:
            out.append("rules:")
            for key in sorted(set(self.rules_added) | set(self.rules_removed)):
                out.append(f"  {key[0]} {key[1]}:")
                out += [f"    - {r}" for r in self.rules_removed.get(key, [])]
                out += [f"    + {r}" for r in self.rules_added.get(key, [])]
        if self.reach_changed:
            out.append("reachability (icmp):")
            for a, b, old, new in self.reach_changed:
                sign = "+" if new == "reachable" else "-" if old == "reachable" else "~"
                out.append(f"  {sign} {a} -> {b}: {old} -> {new}")
        return out or ["no differences"]

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def __repr__(self) -> str:
        return (f"<HostDiff networks +{len(self.networks_added)}/-{len(self.networks_removed)} "
                f"addresses {len(self.addresses)} rules +{sum(map(len, self.rules_added.values()))}/"
                f"-{sum(map(len, self.rules_removed.values()))} reach +{len(self.reach_gained)}/"
                f"-{len(self.reach_lost)}>")

    def _repr_html_(self) -> str:
        colours = {"+": "#2a2", "-": "#c33", "~": "#b70"}
        rows = []
        for line in self.lines():
            s = line.strip()
            colour = colours.get(s[:1], "") if not s.endswith(":") else ""
            style = f"color:{colour}" if colour else "font-weight:bold"
            rows.append(f"<div style='{style};white-space:pre;font-family:monospace'>{html.escape(line)}</div>")
        return "<div class='dn-diff'>" + "".join(rows) + "</div>"


def _subnets(net: Any) -> tuple[str, ...]:
    return tuple(str(ps.pool) for ps in net.pools4 + net.pools6)


def _addresses(host: Any) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for c in host.containers.values():
        for nname, es in c.networks.items():
            ep = es.endpoint
            if ep is None:
                continue
            ips = [str(ip) for ip in (ep.ip4, ep.ip6) if ip is not None]
            if ips:
                out[c.name, nname] = ", ".join(ips)
    return out


def _host_links(host: Any) -> dict[str, str]:
    """The host's own links (bridges, NICs, macvlans, a parent's veth pair), Docker's container
    veths left out: their names are random."""
    out: dict[str, str] = {}
    for l in host.kernel.host.sorted_links():
        if l.kind == "loopback" or (l.kind == "veth" and l.peer is not None and l.peer.netns is not l.netns):
            continue
        text = l.kind
        if l.kind == "macvlan":
            text += f"@{l.lower.name if l.lower is not None else '?'} mode {l.macvlan_mode}"
        text += " " + ("up" if l.up else "down")
        addrs = [f"{a.ip}/{a.prefixlen}" for a in l.addresses if a.scope != "link"]
        out[l.name] = text + (" " + " ".join(addrs) if addrs else "")
    return out


def _rules(host: Any) -> dict[tuple[str, str], Counter[str]]:
    out: dict[tuple[str, str], Counter[str]] = {}
    nf = host.kernel.host.netfilter
    for t in nf.tables.values():
        for c in t.ordered_chains():
            lines = out.setdefault((t.name, c.name), Counter())
            if c.builtin:
                lines[f"-P {c.name} {c.policy or 'ACCEPT'}"] += 1
            else:
                lines[f"-N {c.name}"] += 1
            for r in c.rules:
                lines[f"-A {c.name} {r.spec}"] += 1
    return out


def _route_text(r: Any) -> str:
    text = "default" if r.dst is None else str(r.dst.masked())
    if r.via is not None:
        text += f" via {r.via}"
    text += f" dev {r.dev}"
    if r.proto:
        text += f" proto {r.proto}"
    if r.scope != "global":
        text += f" scope {r.scope}"
    if r.src is not None:
        text += f" src {r.src}"
    if r.metric:
        text += f" metric {r.metric}"
    return text


def _routes(host: Any) -> dict[str, list[str]]:
    """Each namespace's routes as ``ip route`` lines: the host's, then every running container's."""
    out = {"host": [_route_text(r) for r in host.kernel.host.routes]}
    for c in sorted(host.containers.values(), key=lambda c: c.created_ns):
        ns = host.container_netns(c) if c.running and c.mode_kind not in ("host", "container") else None
        if ns is not None:
            out[c.name] = [_route_text(r) for r in ns.routes]
    return out


def _gateways(host: Any) -> dict[str, str]:
    """Each running container's IPv4 default route and the network of the endpoint that holds it."""
    out: dict[str, str] = {}
    for c in host.containers.values():
        ns = host.container_netns(c) if c.running and c.mode_kind not in ("host", "container") else None
        if ns is None:
            continue
        for r in ns.routes:
            if r.dst is None and r.via is not None and r.via.version == 4:
                net = next((n for n, es in c.networks.items() if es.endpoint is not None
                            and es.endpoint.link is not None and es.endpoint.link.name == r.dev), "?")
                out[c.name] = f"{r.via} dev {r.dev} (network {net})"
                break
    return out


def diff(a: Any, b: Any, reach: bool = True) -> HostDiff:
    """What changed from host ``a`` to host ``b`` (see :class:`HostDiff`); ``reach=False``
    skips the reachability matrices."""
    d = HostDiff()
    na = {n.name: n for n in a.ctl.networks.values()}
    nb = {n.name: n for n in b.ctl.networks.values()}
    d.networks_added = [(n, _subnets(nb[n])) for n in nb if n not in na]
    d.networks_removed = [(n, _subnets(na[n])) for n in na if n not in nb]
    d.subnets_changed = [(n, _subnets(na[n]), _subnets(nb[n])) for n in na
                         if n in nb and _subnets(na[n]) != _subnets(nb[n])]

    aa, ab = _addresses(a), _addresses(b)
    order = list(aa) + [k for k in ab if k not in aa]
    d.addresses = [(c, n, aa.get((c, n)), ab.get((c, n))) for c, n in order if aa.get((c, n)) != ab.get((c, n))]

    ta, tb = _routes(a), _routes(b)
    for ns in list(ta) + [n for n in tb if n not in ta]:
        old_r, new_r = ta.get(ns, []), tb.get(ns, [])
        if ns in ta and ns in tb:
            gone = [r for r in old_r if r not in new_r]
            came = [r for r in new_r if r not in old_r]
            if gone:
                d.routes_removed[ns] = gone
            if came:
                d.routes_added[ns] = came
    ga, gb = _gateways(a), _gateways(b)
    d.gateways = [(c, ga.get(c), gb.get(c)) for c in list(ga) + [k for k in gb if k not in ga]
                  if c in ga and c in gb and ga.get(c) != gb.get(c)]

    ra, rb = _rules(a), _rules(b)
    for key in list(ra) + [k for k in rb if k not in ra]:
        old, new = ra.get(key, Counter()), rb.get(key, Counter())
        added = [line for line in new.elements() if (new - old)[line] > 0]
        removed = [line for line in old.elements() if (old - new)[line] > 0]
        if added:
            d.rules_added[key] = _dedupe(added, new - old)
        if removed:
            d.rules_removed[key] = _dedupe(removed, old - new)

    la, lb = _host_links(a), _host_links(b)
    d.host_links = [(n, la.get(n), lb.get(n)) for n in list(la) + [k for k in lb if k not in la]
                    if la.get(n) != lb.get(n)]

    if reach:
        from . import reach as reach_one, reachability
        running_a = [c.name for c in sorted(a.containers.values(), key=lambda c: c.created_ns) if c.running]
        running_b = {c.name for c in b.containers.values() if c.running}
        common = [n for n in running_a if n in running_b]
        if len(common) > 1:
            ma, mb = reachability(a, common), reachability(b, common)
            for x in common:
                for y in common:
                    if x != y and ma.verdict(x, y) != mb.verdict(x, y):
                        d.reach_changed.append((x, y, ma.verdict(x, y), mb.verdict(x, y)))
        if d.host_links:
            for x in common:
                va, vb = reach_one(a, "host", x).verdict, reach_one(b, "host", x).verdict
                if va != vb:
                    d.reach_changed.append(("host", x, va, vb))
    return d


def _dedupe(lines: list[str], counts: Counter[str]) -> list[str]:
    out: list[str] = []
    left = Counter(counts)
    for line in lines:
        if left[line] > 0:
            out.append(line)
            left[line] -= 1
    return out
