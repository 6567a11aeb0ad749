"""What-if questions about addresses that only a running daemon could otherwise answer.

Mirrors what Docker's default IPAM (``libnetwork/ipams/defaultipam``; ``ipam/allocator.go`` in
20.10) would do next, without doing it: which subnet the next ``docker network create`` gets
(ipam-spec §1.2: 20.10 rotates, 28 takes the lowest free; both skip the host's on-link routes and
nameservers), which address the next container on a network gets (§2.3, §2.4: lowest free, or
serial as swarm asks), who holds an address (§2.2 reserved network/broadcast, §2.5 gateway, §2.7
aux addresses, endpoints) and how full a network is. Nothing here changes the host, except
:func:`set_allocation_policy`, the knob that picks how addresses are chosen inside a pool.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> _ = h.run("busybox", name="web")
>>> str(next_subnet(h)), str(next_address(h, "bridge"))
('172.18.0.0/16', '172.17.0.3')
>>> whois(h, "172.17.0.2").kind, whois(h, "172.17.0.2").container
('container', 'web')
>>> usage(h, "bridge").used
'172.17.0.0-172.17.0.2, 172.17.255.255'
"""

from __future__ import annotations

import html
from bisect import bisect_right
from typing import Any, Optional

from ..records import Record, field
from ..addr import IP, AddrError, Prefix, parse_ip
from ..daemon.daemon import ALLOCATION_POLICIES
from ..libnetwork.addrset import Policy

__all__ = ["next_subnet", "next_address", "whois", "usage", "set_allocation_policy", "allocation_policy",
           "Owner", "PoolUsage", "NetworkUsage", "POLICIES"]

POLICIES = ALLOCATION_POLICIES


# --- next subnet / next address ----------------------------------------------------------------

def next_subnet(host: Any, v6: bool = False) -> Optional[Prefix]:
    """The subnet ``docker network create NAME`` (no ``--subnet``) would get now, or None when
    the predefined pools are used up (ipam-spec §1.2). Honours the host's on-link routes and
    nameservers (``Daemon.host_reserved()``); allocates nothing and leaves 20.10's rotation
    index where it is."""
    exclude = host.host_reserved() if not v6 else ()
    return host.ipam.next_pool(v6=v6, exclude=exclude)


def _sticky_hint(host: Any, net: Any, container: Optional[str], fam: int) -> Optional[IP]:
    if container is None or host.ipam.policy is not Policy.STICKY:
        return None
    memory = host.ctl.last_address
    return memory.get((net.id, container, fam))


def next_address(host: Any, network: str, *, v6: bool = False, container: Optional[str] = None) -> Optional[IP]:
    """The address the next container started on (or connected to) ``network`` would get, or None
    if its pools are full (or it has none: ``host``, ``none``). The pools are tried in order, as
    libnetwork's ``assignAddressVersion`` does (ipam-spec §2.8). With the ``sticky`` policy and a
    ``container`` name, that container's previous address wins when it is still free."""
    net = host.ctl.find_network(network)
    fam = 6 if v6 else 4
    for ps in (net.pools6 if v6 else net.pools4):
        hint = _sticky_hint(host, net, container, fam)
        if hint is not None and ps.pool.contains(hint) and _dynamic_contains(ps, hint) \
                and not _allocated(host, ps, hint):
            return hint
        got = host.ipam.next_address(ps.pool_id)
        if got is not None:
            return got
    return None


def _dynamic_contains(ps: Any, address: IP) -> bool:
    rng = ps.sub_pool.masked() if ps.sub_pool is not None else ps.pool.masked()
    return rng.contains(address)


def _runs(host: Any, ps: Any) -> list[tuple[IP, IP]]:
    return host.ipam.pool_usage(ps.pool_id)[0]


def _allocated(host: Any, ps: Any, address: IP, runs: Optional[list[tuple[IP, IP]]] = None) -> bool:
    runs = _runs(host, ps) if runs is None else runs
    starts = [a.value for a, _ in runs]
    i = bisect_right(starts, address.value) - 1
    return i >= 0 and runs[i][1].value >= address.value


# --- the allocation policy knob ----------------------------------------------------------------

def allocation_policy(host: Any) -> str:
    """The host's current policy: ``lowest`` (Docker), ``round-robin`` or ``sticky``."""
    return Policy(host.ipam.policy).value


def set_allocation_policy(host: Any, policy: str) -> None:
    """How addresses are picked inside a pool from now on (ipam-spec §2.4):

    * ``lowest`` — Docker's local behaviour: the lowest free address;
    * ``round-robin`` — what swarm asks for (``com.docker.network.ipam.serial``): the first free
      address after the one handed out last, wrapping round;
    * ``sticky`` — not Docker, a what-if: a container (by name) gets the address it had last on
      that network when it is free again, else the lowest free one.

    Changes the IPAM's pools already allocated too, and keeps their serial cursors (Docker moves
    the cursor on every allocation, whatever the policy).
    """
    # through the host's API call, so that a saved host remembers it
    host.set_allocation_policy(policy.value if isinstance(policy, Policy) else str(policy))


# --- whois ---------------------------------------------------------------------------------------

class Owner(Record, frozen=True, slots=True):
    """Who holds an address. ``kind`` is one of ``container``, ``gateway``, ``aux``,
    ``network-address``, ``broadcast``, ``reserved`` (allocated, no owner known), ``free`` (in a
    network's subnet, not allocated), ``host`` (an address of the host outside any network) or
    ``unknown`` (in no network's subnet)."""

    ip: IP
    kind: str
    network: Optional[str] = None
    container: Optional[str] = None
    endpoint: Optional[str] = None      # the endpoint ID
    detail: str = ""                    # the aux key, the interface, …
    subnet: Optional[Prefix] = None

    def __str__(self) -> str:
        where = f" on network {self.network} ({self.subnet})" if self.network else ""
        if self.kind == "container":
            what = f"container {self.container} (endpoint {self.endpoint[:12] if self.endpoint else '?'}"
            what += f", {self.detail})" if self.detail else ")"
        elif self.kind == "gateway":
            what = f"the gateway (bridge {self.detail})" if self.detail else "the gateway"
        elif self.kind == "aux":
            what = f"an auxiliary address ({self.detail})"
        elif self.kind == "network-address":
            what = "the network address (reserved)"
        elif self.kind == "broadcast":
            what = "the broadcast address (reserved)"
        elif self.kind == "reserved":
            what = "allocated (no owner recorded)"
        elif self.kind == "free":
            what = "free"
        elif self.kind == "host":
            what = f"the host ({self.detail})"
        else:
            what = "in no network's subnet"
        return f"{self.ip}: {what}{where}"


def whois(host: Any, address: "str | IP") -> Owner:
    """Who owns ``address``: a container's endpoint, a network's gateway or aux address, the
    network or broadcast address Docker reserves (ipam-spec §2.2), or nobody (``free``).

    >>> from dockernet_sim import DockerHost
    >>> h = DockerHost(engine="28")
    >>> print(whois(h, "172.17.0.1"))
    172.17.0.1: the gateway (bridge docker0) on network bridge (172.17.0.0/16)
    """
    a = address if isinstance(address, IP) else parse_ip(str(address).strip())
    fallback: Optional[Owner] = None
    for net in host.ctl.networks.values():
        for ps in net.pools4 + net.pools6:
            subnet = ps.pool.masked()
            if not subnet.contains(a):
                continue
            for ep in net.endpoints.values():
                if ep.ip4 == a or ep.ip6 == a:
                    return Owner(a, "container", net.name, ep.name, ep.id, ep.ifname, subnet)
            if ps.gateway == a:
                return Owner(a, "gateway", net.name, detail=net.bridge or "", subnet=subnet)
            for key, aux in ps.aux.items():
                if aux == a:
                    return Owner(a, "aux", net.name, detail=key, subnet=subnet)
            if fallback is None:
                fallback = _unowned(host, net, ps, subnet, a)
    if fallback is not None:
        return fallback
    for l, addr in host.kernel.host.addresses():
        if addr.ip == a:
            return Owner(a, "host", detail=l.name)
    return Owner(a, "unknown")


def _unowned(host: Any, net: Any, ps: Any, subnet: Prefix, a: IP) -> Owner:
    if not _allocated(host, ps, a):
        return Owner(a, "free", net.name, subnet=subnet)
    if a == subnet.network:
        return Owner(a, "network-address", net.name, subnet=subnet)
    if a.version == 4 and a == subnet.last:
        return Owner(a, "broadcast", net.name, subnet=subnet)
    return Owner(a, "reserved", net.name, subnet=subnet)


# --- usage ---------------------------------------------------------------------------------------

def _run_text(first: IP, last: IP) -> str:
    return str(first) if first == last else f"{first}-{last}"


class PoolUsage(Record, frozen=True, slots=True):
    """One pool of a network: its allocated runs (reserved addresses included), how many
    addresses dynamic allocation can still hand out, out of how many it searches."""

    subnet: Prefix
    ip_range: Optional[Prefix]
    runs: tuple[tuple[IP, IP], ...]
    free: int
    capacity: int

    @property
    def used(self) -> str:
        return ", ".join(_run_text(a, b) for a, b in self.runs)

    @property
    def allocated(self) -> int:
        return sum(b.value - a.value + 1 for a, b in self.runs)

    @property
    def utilisation(self) -> float:
        return 0.0 if self.capacity <= 0 else (self.capacity - self.free) / self.capacity


class NetworkUsage(Record, frozen=True, slots=True):
    """A network's used and free addresses (its IPv4 pools; IPv6 ones when it has no IPv4).

    ``used``: the allocated addresses as compact ranges (``172.17.0.0-172.17.0.3``);
    ``free``: how many addresses the next containers can still get; ``utilisation``: the share
    of the searchable addresses taken (0.0-1.0); ``pools``: per pool, both families.
    """

    network: str
    pools: tuple[PoolUsage, ...] = field(default_factory=tuple)
    # addresses no container can get, and why: (address, why)
    reserved: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def _main(self) -> tuple[PoolUsage, ...]:
        v4 = tuple(p for p in self.pools if p.subnet.version == 4)
        return v4 or self.pools

    @property
    def used(self) -> str:
        return ", ".join(p.used for p in self._main() if p.runs)

    @property
    def used_ranges(self) -> list[str]:
        return [_run_text(a, b) for p in self._main() for a, b in p.runs]

    @property
    def allocated(self) -> int:
        return sum(p.allocated for p in self._main())

    @property
    def free(self) -> int:
        return sum(p.free for p in self._main())

    @property
    def capacity(self) -> int:
        return sum(p.capacity for p in self._main())

    @property
    def utilisation(self) -> float:
        cap = self.capacity
        return 0.0 if cap <= 0 else (cap - self.free) / cap

    def __str__(self) -> str:
        if not self.pools:
            return f"network {self.network}: no address pools"
        lines = [f"network {self.network}"]
        for p in self.pools:
            rng = f" (ip-range {p.ip_range})" if p.ip_range is not None else ""
            lines.append(f"  {p.subnet}{rng}: {p.allocated} allocated, {p.free} free of {p.capacity} "
                         f"({p.utilisation:.2%} used)")
            lines.append(f"    used: {p.used or '-'}")
        if self.reserved:
            lines.append("  reserved:")
            lines += [f"    {a}: {why}" for a, why in self.reserved]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(str(p.subnet))}</td><td>{html.escape(p.used)}</td>"
                       f"<td>{p.free}</td><td>{p.utilisation:.2%}</td></tr>" for p in self.pools)
        kept = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(why)}</td></tr>" for a, why in self.reserved)
        return (f"<div><b>{html.escape(self.network)}</b><table style='text-align:left'><tr><th>subnet</th>"
                f"<th>used</th><th>free</th><th>utilisation</th></tr>{rows}</table>"
                f"<table style='text-align:left'><tr><th>reserved</th><th>why</th></tr>{kept}</table></div>")


def usage(host: Any, network: str) -> NetworkUsage:
    """How full ``network`` is (see :class:`NetworkUsage`)."""
    net = host.ctl.find_network(network)
    pools = []
    for ps in net.pools4 + net.pools6:
        runs, free = host.ipam.pool_usage(ps.pool_id)
        rng = ps.sub_pool.masked() if ps.sub_pool is not None else ps.pool.masked()
        # what a dynamic request searches: the range, clipped to the bitmap Docker 28 searches
        # (pools of more than 2**63 addresses) or the 2**64-1 bits of 20.10's IPv6 bitmaps
        taken = 0
        lo, hi = rng.network.value, rng.last.value
        for a, b in runs:
            s, e = max(a.value, lo), min(b.value, hi)
            if s <= e:
                taken += e - s + 1
        capacity = min(rng.size, free + taken) if free + taken else rng.size
        pools.append(PoolUsage(ps.pool.masked(), ps.sub_pool.masked() if ps.sub_pool is not None else None,
                               tuple(runs), free, capacity))
    return NetworkUsage(net.name, tuple(pools), tuple(_reserved(host, net)))


# why an address is kept from containers (the IPAM's reservations, as ``whois`` names them)
RESERVED_WHY = {
    "network-address": "the subnet's own address (all host bits zero): names the network, never a host",
    "broadcast": "the IPv4 broadcast address (all host bits one): reaches every host on the subnet",
    "gateway": "the gateway: the bridge's own address, the containers' default route out",
    "aux": "an auxiliary address (--aux-address {detail}): kept for something outside Docker",
}


def _reserved(host: Any, net: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ps in net.pools4 + net.pools6:
        subnet = ps.pool.masked()
        wanted = [subnet.network] + ([subnet.last] if subnet.version == 4 else [])
        if ps.gateway is not None:
            wanted.insert(1, ps.gateway)
        wanted += list(ps.aux.values())
        for a in wanted:
            o = whois(host, str(a))
            why = RESERVED_WHY.get(o.kind)
            if why is not None:
                out.append((str(a), why.format(detail=o.detail)))
    return out



# --- the shell's ``trace`` and ``whois`` -----------------------------------------------------------

TRACE_USAGE = "usage: trace SRC DST [PORT[/PROTO]|icmp]\n"
WHOIS_USAGE = "usage: whois IP\n"


def _is_address(text: str) -> bool:
    try:
        parse_ip(text)
    except AddrError:
        return False
    return True


def _is_container(host: Any, term: str) -> bool:
    return any(c.name == term or (len(term) >= 3 and c.id.startswith(term)) for c in host.containers.values())


def shell_command(host: Any, prog: str, args: list[str]) -> tuple[str, str, int]:
    """``trace A B [PORT/PROTO]`` (the explained path; exit 0 when reachable, 1 when not) and
    ``whois IP`` (who holds the address). Returns (stdout, stderr, exit code)."""
    from . import reach
    if prog == "whois":
        if len(args) != 1:
            return "", WHOIS_USAGE, 2
        try:
            return str(whois(host, args[0])) + "\n", "", 0
        except ValueError as e:
            return "", f"whois: {e}\n", 2
    if len(args) not in (2, 3):
        return "", TRACE_USAGE, 2
    port: Optional[int] = None
    proto = "icmp"
    if len(args) == 3:
        spec = args[2].lower()
        num, _, p = spec.partition("/")
        if num == "icmp" and not p:
            pass
        elif num.isdigit() and 0 < int(num) < 65536 and p in ("", "tcp", "udp", "sctp"):
            port, proto = int(num), p or "tcp"
        else:
            return "", f"trace: invalid port {args[2]!r}\n" + TRACE_USAGE, 2
    for i, term in enumerate(args[:2]):
        # SRC is a container, the host, the outside or an address; so is DST seen from the host or
        # the outside (from a container it is what a user would type after ping there)
        if (i == 0 or not _is_container(host, args[0])) and term not in ("host", "outside") \
                and not _is_address(term) and not _is_container(host, term):
            return "", f"trace: no such container: {term}\n", 2
    by_name = args[0] not in ("host", "outside") and args[1] not in ("host", "outside") and \
        not _is_address(args[1]) and _is_container(host, args[0])
    try:
        t = reach(host, args[0], args[1], port=port, proto=proto, by_name=by_name)
    except ValueError as e:
        return "", f"trace: {e}\n", 2
    return t.explain() + "\n", "", 0 if t.ok else 1
