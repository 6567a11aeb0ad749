"""What changed between two hosts: networks, addresses, iptables rules and reachability.

For what-if work: ``h2 = h.fork()``, change ``h2``, then ``diff(h, h2)`` lists the networks added
or removed (and changed subnets), each container's address per network, the rules added or
removed per table and chain of the host (as ``iptables -S`` prints them), the routes added or
removed per namespace (the host's and each running container's, as ``ip route`` prints them),
each container's default gateway with the network whose endpoint holds it (what ``docker network
connect`` moves: the gateway endpoint, and with it the published ports' DNAT), and the pairs of
containers (running in both) that gained or lost ICMP reachability (:func:`reach_changes`: the
containers grouped by their class in each host, and only the groups a change can touch walked).
Between a host and its fork (``DockerHost.diff``), what each side did since the fork
(``since_fork()``) says which containers can differ: the others are read once, not compared, and
the fork's survey is the original's with the host and the named containers counted again.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> _ = h.sh("docker network create n1")
>>> _ = h.run("busybox", name="web"); _ = h.run("busybox", name="db", network_mode="n1")
>>> h2 = h.fork(); h2.network_connect("n1", "web")
>>> d = diff(h, h2)
>>> d.reach_gained
[('web', 'db'), ('db', 'web')]
>>> d.addresses
[('web', 'n1', None, '172.18.0.3')]
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any, Optional

from ..records import Record, field

__all__ = ["diff", "HostDiff"]


class HostDiff(Record):
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


def _chains(host: Any) -> dict[tuple[str, str], Any]:
    nf = host.kernel.host.netfilter
    return {(t.name, c.name): c for t in nf.tables.values() for c in t.ordered_chains()}


def _chain_lines(c: Any) -> Counter[str]:
    lines = Counter([f"-P {c.name} {c.policy or 'ACCEPT'}" if c.builtin else f"-N {c.name}"])
    lines.update(f"-A {c.name} {r.spec}" for r in c.rules)
    return lines


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


def _own_netns(host: Any, c: Any) -> Any:
    """A running container's own namespace (None in ``host`` and ``container:`` mode)."""
    return host.container_netns(c) if c.running and c.mode_kind not in ("host", "container") else None


def _endpoints(c: Any) -> list[tuple[str, Any]]:
    return [(n, es.endpoint) for n, es in c.networks.items() if es.endpoint is not None]


def _gateway(c: Any, ns: Any) -> Optional[str]:
    """A container's IPv4 default route and the network of the endpoint that holds it."""
    for r in ns.routes:
        if r.dst is None and r.via is not None and r.via.version == 4:
            net = next((n for n, ep in _endpoints(c) if ep.link is not None and ep.link.name == r.dev), "?")
            return f"{r.via} dev {r.dev} (network {net})"
    return None


def _containers(d: HostDiff, a: Any, b: Any, touched: Optional[set[str]] = None) -> None:
    """Addresses, routes and default gateways, container by container; a container whose
    addresses are equal and whose namespace has equal routes is passed over, and so is one that
    no call since the fork named (``touched``: the names that may differ, None for all)."""
    xs = [x for x in a.containers.values() if touched is None or x.name in touched]
    ys = [y for y in b.containers.values() if touched is None or y.name in touched]
    byname_b = {c.name: c for c in ys}
    ips_a = {x.name: [(n, ep.ip4, ep.ip6) for n, ep in _endpoints(x)] for x in xs}
    ips_b = {y.name: [(n, ep.ip4, ep.ip6) for n, ep in _endpoints(y)] for y in ys}
    for x in xs:           # what ``a`` had, then what only ``b`` has, in ``b``'s order
        ex, ey = ips_a[x.name], ips_b.get(x.name, [])
        if ex != ey:
            new = {n: _ips(i4, i6) for n, i4, i6 in ey}
            d.addresses += [(x.name, n, ip, new.get(n)) for n, ip in ((n, _ips(i4, i6)) for n, i4, i6 in ex)
                            if ip is not None and ip != new.get(n)]
    for y in ys:
        ex, ey = ips_a.get(y.name, []), ips_b[y.name]
        if ex != ey:
            old = {n for n, i4, i6 in ex if _ips(i4, i6) is not None}
            d.addresses += [(y.name, n, None, ip) for n, ip in ((n, _ips(i4, i6)) for n, i4, i6 in ey)
                            if n not in old and ip is not None]
    _route_changes(d, "host", [_route_text(r) for r in a.kernel.host.routes],
                   [_route_text(r) for r in b.kernel.host.routes])
    for x in sorted(xs, key=lambda c: c.created_ns):
        y = byname_b.get(x.name)
        nx, ny = _own_netns(a, x), _own_netns(b, y) if y is not None else None
        if nx is None or ny is None or nx is ny or (nx.routes == ny.routes and ips_a[x.name] == ips_b[x.name]):
            continue
        _route_changes(d, x.name, [_route_text(r) for r in nx.routes], [_route_text(r) for r in ny.routes])
        gx, gy = _gateway(x, nx), _gateway(y, ny)
        if gx is not None and gy is not None and gx != gy:
            d.gateways.append((x.name, gx, gy))


# Which containers a call since a fork may have changed (``DockerHost.since_fork``): the calls that
# change no container's own namespace or endpoints (the host's rules, bridges and routes are
# compared whole anyway), and where the others name theirs — positional index and keyword. A call
# not listed here (``host_ip`` can move a link into any namespace) may have changed anything.
_NAMES_NO_CONTAINER = frozenset({"network_create", "network_remove", "networks_prune", "set_allocation_policy",
                                 "add_image", "host_iptables_policy"})
_CONTAINER_TERMS: dict[str, tuple[tuple[int, str], ...]] = {
    "network_connect": ((1, "ctr_term"),), "network_disconnect": ((1, "ctr_term"),),
    "container_start": ((0, "term"),), "container_stop": ((0, "term"),), "container_exited": ((0, "term"),),
    "container_kill": ((0, "term"),), "container_restart": ((0, "term"),), "container_remove": ((0, "term"),),
    "container_rename": ((0, "term"), (1, "new")), "run": ((1, "name"),),
}


def _touched(since: Any, a: Any, b: Any) -> Optional[set[str]]:
    """The names, in either host, of the containers the calls of ``since`` (a ``SinceFork``) name;
    None when a call may have changed any container (one not known here, or a ``run`` or create
    whose container's name is drawn at random: both sides may draw the same one)."""
    from . import _find_container
    terms: list[str] = []
    for call in since.mine + since.theirs:
        if call.op == "container_create":
            spec = call.args[0] if call.args else call.kwargs.get("spec")
            terms.append(spec.name if spec is not None else "")
        elif call.op in _CONTAINER_TERMS:
            where = _CONTAINER_TERMS[call.op]
            terms += [call.args[i] if i < len(call.args) else call.kwargs.get(k, "") for i, k in where]
        elif call.op not in _NAMES_NO_CONTAINER:
            return None
    if not all(isinstance(t, str) and t for t in terms):
        return None
    names = set(terms)
    for d in (a, b):
        for t in terms:
            c = _find_container(d, t)
            if c is not None:
                names.add(c.name)
    return names


def _contexts(a: Any, b: Any, touched: Optional[set[str]]) -> tuple[Any, Any, dict[int, Any]]:
    """Both hosts' query contexts, sharing one memo, and the namespaces read
    once for both: ``{id(namespace in b): namespace in a}``. Between a host and its fork
    (``touched``: what the calls since named, ``_touched``), a container no call named keeps what
    its own namespace (not the host's, nor shared) held, so ``b``'s survey is taken from ``a``'s
    for those (``Context.survey_after``)."""
    from . import Context
    from .matrix import Memo
    memo = Memo()
    ctx_a, ctx_b = Context(a, memo).many_walks(), Context(b, memo).many_walks()
    sa = ctx_a.survey
    same: dict[int, Any] = {}
    if touched is None:
        return ctx_a, ctx_b, same
    # (the host's namespace has no names: ``Context.names_of``)
    own_a, own_b, names_b, ns_of_b = ctx_a.names_of, ctx_b.names_of, b.names, ctx_b.ns_of
    for x in a.containers.values():
        ns_a = ctx_a.ns_of[x.id]
        if ns_a is None or x.name in touched or len(own_a.get(id(ns_a), ())) != 1:
            continue
        cid = names_b.get(x.name)
        ns_b = ns_of_b.get(cid) if cid is not None else None
        if ns_b is not None and len(own_b.get(id(ns_b), ())) == 1:
            memo.alias(ns_b, ns_a)
            same[id(ns_b)] = ns_a
    ctx_b.survey_after(sa, same)
    return ctx_a, ctx_b, same


def _unsure(sa: Any, sb: Any, memo: Any) -> set[Any]:
    """The addresses whose holders were counted again (``Survey.recounted``) or that a line one
    survey files and the other does not names: the others are held as often and named by the same
    lines on both sides (what ``Survey.keeps`` asks of each)."""
    lines = [Counter(m.line for ms in s.named.values() for m in ms) for s in (sa, sb)]
    out = set(sb.recounted)
    for line, _ in lines[0].items() ^ lines[1].items():
        out.update(key for key, _, _, _ in memo.mentions(line).singles)
    return out


def _ips(ip4: Any, ip6: Any) -> Optional[str]:
    ips = [str(ip) for ip in (ip4, ip6) if ip is not None]
    return ", ".join(ips) if ips else None


def _route_changes(d: HostDiff, ns: str, old: list[str], new: list[str]) -> None:
    gone = [r for r in old if r not in new]
    came = [r for r in new if r not in old]
    if gone:
        d.routes_removed[ns] = gone
    if came:
        d.routes_added[ns] = came


def _rule_changes(d: HostDiff, a: Any, b: Any) -> None:
    """Rules added and removed per chain; a chain whose rules are the same list (shared by a
    fork), or an equal one, is passed over."""
    ca, cb = _chains(a), _chains(b)
    for key in list(ca) + [k for k in cb if k not in ca]:
        x, y = ca.get(key), cb.get(key)
        if x is not None and y is not None and x.policy == y.policy and (x.rules is y.rules or x.rules == y.rules):
            continue
        old = _chain_lines(x) if x is not None else Counter()
        new = _chain_lines(y) if y is not None else Counter()
        added, removed = new - old, old - new
        if added:
            d.rules_added[key] = list(added.elements())
        if removed:
            d.rules_removed[key] = list(removed.elements())


def diff(a: Any, b: Any, reach: bool = True, since: Any = None) -> HostDiff:
    """What changed from host ``a`` to host ``b`` (see :class:`HostDiff`); ``reach=False``
    skips reachability. ``since`` is ``a.since_fork(b)`` when the hosts are a host and its fork
    (``DockerHost.diff`` passes it): the containers no call since the fork named are then passed
    over, as equal on both sides, instead of compared.

    Each part skips what did not change: a chain whose rules are equal, a container's endpoints
    and routes when equal or when no call since the fork named it; reachability is walked only for
    the pairs of container classes a change can affect (:func:`reach_changes`).
    """
    d = HostDiff()
    na = {n.name: n for n in a.ctl.networks.values()}
    nb = {n.name: n for n in b.ctl.networks.values()}
    d.networks_added = [(n, _subnets(nb[n])) for n in nb if n not in na]
    d.networks_removed = [(n, _subnets(na[n])) for n in na if n not in nb]
    d.subnets_changed = [(n, _subnets(na[n]), _subnets(nb[n])) for n in na
                         if n in nb and _subnets(na[n]) != _subnets(nb[n])]
    touched = _touched(since, a, b) if since is not None else None
    _containers(d, a, b, touched)
    _rule_changes(d, a, b)
    la, lb = _host_links(a), _host_links(b)
    d.host_links = [(n, la.get(n), lb.get(n)) for n in list(la) + [k for k in lb if k not in la]
                    if la.get(n) != lb.get(n)]

    if reach:
        from . import reach as reach_one
        running_b = {c.name for c in b.containers.values() if c.running}
        common = [c.name for c in sorted(a.containers.values(), key=lambda c: c.created_ns)
                  if c.running and c.name in running_b]
        if len(common) > 1:
            d.reach_changed = reach_changes(a, b, common, touched=touched)
        if d.host_links:
            for x in common:
                va, vb = reach_one(a, "host", x).verdict, reach_one(b, "host", x).verdict
                if va != vb:
                    d.reach_changed.append(("host", x, va, vb))
    return d


def reach_changes(a: Any, b: Any, names: list[str], port: Optional[int] = None,
                  proto: str = "icmp", touched: Optional[set[str]] = None) -> list[tuple[str, str, str, str]]:
    """Every ordered pair of ``names`` (containers) whose verdict differs from host ``a`` to host ``b``:
    ``(src, dst, old, new)``, in the order of ``names``.

    Containers are grouped by their pair of class keys (one in each host, ``matrix.Survey``):
    a pair of groups has one verdict in ``a`` and one in ``b``, so one walk in each decides it.
    When the world outside the containers' keys is the same in both hosts (``Survey.world()``)
    and no address whose holder changed is reached any other way than a plain ``-s``/``-d``
    match, a pair of two containers whose keys did not change keeps its verdict: only pairs of
    groups with a changed container are walked — so one ``network connect`` costs a walk per
    group, not a matrix.

    ``touched``, when the hosts are a host and its fork, names the containers the calls since the
    fork named (``_touched``): every other container's namespace holds the same on both sides, so
    it is read once, and its key in ``b`` is its key in ``a`` unless the lines naming its
    addresses, their holders or the prefixes splitting subnets differ (``Survey.keeps``). When
    ``b``'s survey could be taken from ``a``'s (``Survey._after``), that is one set of unsure
    addresses for all of them (``_unsure``), and only the addresses counted again are compared.
    """
    from . import _find_container, _trace
    ctx_a, ctx_b, same = _contexts(a, b, touched)
    memo, sa, sb = ctx_a.memo, ctx_a.survey, ctx_b.survey
    # a container no call named may keep its key when the prefixes splitting subnets are the same
    called = touched if touched is not None and sa.opaque == sb.opaque and sa.narrow == sb.narrow else None
    unsure = _unsure(sa, sb, memo) if called is not None and sb.recounted is not None else None
    groups: dict[tuple[Any, Any], int] = {}
    members: list[list[str]] = []
    touched_group: list[bool] = []
    keys: list[tuple[Any, Any]] = []
    by_name_a, by_name_b = ({c.name: c for c in d.containers.values()} for d in (a, b))
    for n in names:
        ca, cb = by_name_a.get(n) or _find_container(a, n), by_name_b.get(n) or _find_container(b, n)
        ka = sa.key(ca)
        if called is None or n in called:
            kb = sb.key(cb)
        elif unsure is not None and id(ctx_b.ns_of[cb.id]) in same:
            # its namespace read once for both: its key stands unless one of its addresses is unsure
            kb = ka if unsure.isdisjoint(memo.read(ctx_a.ns_of[ca.id]).addrs) else sb.key(cb)
        else:
            kb = ka if sb.keeps(cb, sa, ca) else sb.key(cb)
        i = groups.setdefault((ka, kb), len(groups))
        if i == len(members):
            members.append([])
            keys.append((ka, kb))
            touched_group.append(ka != kb or ka[0] != "class")
        members[i].append(n)
    changed_names = [n for i, ms in enumerate(members) if touched_group[i] for n in ms]
    if sb.recounted is not None:
        # holders taken from ``sa`` differ only where counted again
        moved = {k for k in sb.recounted if sa.holders.get(k) != sb.holders.get(k)}
    else:
        moved = {k for k in set(sa.holders) | set(sb.holders) if sa.holders.get(k) != sb.holders.get(k)}
    for s, d, ctx, by_name in ((sa, a, ctx_a, by_name_a), (sb, b, ctx_b, by_name_b)):
        # the addresses a changed container holds, alone or with the containers sharing its namespace
        for n in changed_names:
            c = by_name.get(n) or _find_container(d, n)
            ns = ctx.ns_of.get(c.id) if c is not None else None
            if ns is not None:
                moved.update(k for k in memo.read(ns).addrs if n in s.holders.get(k, "").split(","))
    whole = sa.world() != sb.world() or bool((sa.redirected | sb.redirected) & moved)
    groups_of = {n: i for i, ms in enumerate(members) for n in ms}
    walked: tuple[dict[tuple[Any, Any], str], dict[tuple[Any, Any], str]] = ({}, {})

    def verdict(side: int, x: str, y: str) -> str:
        """The verdict of x -> y in one host, walked once per pair of that host's classes."""
        pair = (keys[groups_of[x]][side], keys[groups_of[y]][side])
        got = walked[side].get(pair)
        if got is None:
            got = walked[side][pair] = _trace(ctx_a if side == 0 else ctx_b, x, y, port, proto).verdict
        return got

    pos = {n: i for i, n in enumerate(names)}
    out = []
    for i, row in enumerate(members):
        for j, col in enumerate(members):
            if not (whole or touched_group[i] or touched_group[j]):
                continue
            x = row[0]
            y = col[0] if i != j else (row[1] if len(row) > 1 else None)
            if y is None:
                continue
            old, new = verdict(0, x, y), verdict(1, x, y)
            if old != new:
                out += [(p, q, old, new) for p in row for q in col if p != q]
    out.sort(key=lambda t: (pos[t[0]], pos[t[1]]))
    return out
