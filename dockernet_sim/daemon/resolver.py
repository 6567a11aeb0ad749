"""The embedded DNS server (127.0.0.11) and a container's name lookups.

Mirrors libnetwork's ``resolver.go`` and ``sandbox_dns_unix.go``: a container attached to at
least one user-defined network gets ``nameserver 127.0.0.11``; the server answers the names the
container's networks know — each endpoint's DNS names (container name, ``--network-alias`` /
``connect --alias``, the 12-character short ID, the hostname) and the container's own legacy
``--link`` aliases — case-insensitively, and ``name.network`` for one network
(``Sandbox.ResolveName`` tries ``a.b.c`` as ``a.b`` in network ``c`` and so on). Anything else is
forwarded to the external servers (``--dns``, the daemon's ``--dns``, or the host's resolv.conf).

What an unanswered forward gives is per engine (recorded in r26/r45 with ``dockerd --dns
127.0.0.1``, where nothing listens): 28 answers SERVFAIL, 20.10 does not answer (the client times
out). A non-loopback external server is the modelled outside world (``outside_answer``): it
answers every public name with a documentation address (203.0.113.0/24, 2001:db8:113::/64, from
a hash of the name, so the same name always gets the same address), unless ``HostSpec`` pins the
name (``#! host name=example.com=203.0.113.10``) or closes the world (``outside=closed``); dotless
names and the reserved top-level domains (RFC 6761 and 2606: ``.test``, ``.example``,
``.invalid``, ``.localhost``; also ``.local`` and ``.internal``) are NXDOMAIN. Not recorded: the
oracle never resolves outside names. Whether a query reaches a server at all is the packet walk's
business (``query.server_path``, passed in as ``path``): no route gives ``UNREACHABLE`` (the
client's ``connect`` fails, r131), a lost packet ``TIMEOUT``.

``lookup_hosts`` reads /etc/hosts as the C library does (first matching line wins), so ``ping``
and ``hostname -i`` see ``--add-host`` and ``--link`` entries before any DNS.

>>> is_loopback("127.0.0.1"), is_loopback("10.255.255.53")
(True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from ..ids import sha256
from ..records import Record, field
from ..addr import IP, AddrError, parse_ip
from .config import HostSpec
from ..libnetwork.model import Endpoint
from .container import Container

if TYPE_CHECKING:  # pragma: no cover
    from .daemon import Daemon

EMBEDDED_DNS = "127.0.0.11"

# Can a DNS query from a container reach a server? ``"ok"``, ``"unreachable"`` (no route: the
# client's connect fails), ``"refused"`` (nothing listens there) or ``"lost"`` (sent, never answered). The query layer walks the packet;
# None means "assume it arrives".
ServerPath = Callable[[Container, IP], str]
RESERVED_TLDS = ("test", "example", "invalid", "localhost", "local", "internal", "arpa")


def outside_answer(spec: HostSpec, name: str, server: str) -> Answer:
    """What the outside world's DNS answers for ``name`` (A and AAAA)."""
    key = name.lower().rstrip(".")
    for pinned, addr in spec.outside_names:
        if pinned.lower().rstrip(".") == key:
            return Answer(name, "NOERROR", [parse_ip(addr)],
                          f"the outside resolver behind {server}: {key} is pinned to {addr} (HostSpec)", server)
    if not spec.outside_open:
        return Answer(name, "NXDOMAIN", [], f"the outside resolver behind {server}: no such name "
                                            f"(the outside world is closed: only pinned names resolve)", server)
    labels = key.split(".")
    if len(labels) < 2 or labels[-1] in RESERVED_TLDS or not all(labels):
        return Answer(name, "NXDOMAIN", [], f"the outside resolver behind {server}: no such name "
                                            f"({key!r} is not a public name)", server)
    n = int(sha256(key.encode()).hexdigest()[:8], 16) % 254 + 1
    v4, v6 = parse_ip(f"203.0.113.{n}"), parse_ip(f"2001:db8:113::{n:x}")
    return Answer(name, "NOERROR", [v4, v6],
                  f"the outside resolver behind {server}: {key} is {v4} (a documentation address "
                  f"standing for the internet)", server)


class Answer(Record, slots=True):
    """One DNS exchange: ``rcode`` is ``NOERROR``, ``NXDOMAIN``, ``SERVFAIL``, ``UNREACHABLE`` (no route to the server), ``CONNREFUSED`` (nothing listens on it) or ``TIMEOUT`` (no
    answer at all); ``addrs`` the A and AAAA records; ``source`` says who decided, for traces."""

    name: str
    rcode: str
    addrs: list[IP] = field(default_factory=list)
    source: str = ""
    server: str = ""

    @property
    def v4(self) -> list[IP]:
        return [a for a in self.addrs if a.version == 4]

    @property
    def v6(self) -> list[IP]:
        return [a for a in self.addrs if a.version == 6]


def owner(c: Container) -> Container:
    """The container whose network stack and files ``c`` uses (its donor in container: mode)."""
    if c.mode_kind == "container" and c.donor is not None:
        return c.donor
    return c


def uses_embedded_dns(d: "Daemon", c: Container) -> bool:
    """Whether the container's resolv.conf points at 127.0.0.11 (see etcfiles.uses_embedded_dns:
    written at start and on joining a user network, kept after a disconnect)."""
    from .etcfiles import uses_embedded_dns as _uses
    return _uses(d, owner(c))


def external_servers(d: "Daemon", c: Container) -> list[str]:
    """The servers 127.0.0.11 forwards to (the ``ExtServers`` line of 28's resolv.conf)."""
    c = owner(c)
    return list(c.dns or ()) or list(d.config.dns) or list(d.host.nameservers)


def _endpoints(c: Container) -> list:
    c = owner(c)
    if c.sandbox is None or not c.running:
        return []
    from ..libnetwork.model import sorted_endpoints
    # libnetwork keeps a sandbox's endpoints in this order; ResolveName walks them so
    return [ep for ep in sorted_endpoints(c.sandbox.endpoints) if not ep.network.predefined]


def _names_of(d: "Daemon", ep: Endpoint) -> list[str]:
    names = list(ep.dns_names)
    other = d.containers.get(ep.container_id)
    if other is not None and other.hostname and other.hostname not in names:
        # moby's buildEndpointDNSNames ends with Config.Hostname (r45: --hostname customhost resolves)
        names.append(other.hostname)
    return names


def embedded_lookup(d: "Daemon", c: Container, name: str, path: Optional[ServerPath] = None) -> Answer:
    """What 127.0.0.11 answers ``c`` for ``name`` (A and AAAA together): its own names, else what
    the external servers answer."""
    return embedded_names(d, c, name) or _forward(d, c, name, path)


def answered_inside(d: "Daemon", c: Container, name: str, qtype: str) -> bool:
    """Whether 127.0.0.11 answers this query itself, without forwarding it."""
    if qtype.upper() == "PTR":
        ip = _arpa_to_ip(name)
        return ip is not None and any(ip in (o.ip4, o.ip6) for ep in _endpoints(c)
                                      for o in ep.network.endpoints.values() if o.sandbox is not None)
    return qtype.upper() in ("A", "AAAA") and embedded_names(d, c, name) is not None


def embedded_names(d: "Daemon", c: Container, name: str) -> Optional[Answer]:
    """The answer from the names ``c``'s networks know, or None.

    Sandbox.ResolveName: ``name`` as a whole, then every split ``a.b`` + network ``c``; the name
    part matches DNS names case-insensitively (``WEB`` resolves) but the network part must equal
    the network's name exactly (``Web.MyNet`` does not resolve on ``mynet``: r80, r86).
    """
    full = name.rstrip(".")
    eps = _endpoints(c)
    addrs: list[IP] = []
    source = ""
    candidates: list[tuple[str, Optional[str]]] = [(full.lower(), None)]
    parts = full.split(".")
    for i in range(len(parts) - 1, 0, -1):
        candidates.append((".".join(parts[:i]).lower(), ".".join(parts[i:])))
    me = owner(c)
    for short, netname in candidates:
        for ep in eps:
            net = ep.network
            if netname is not None and net.name != netname:
                continue
            # links on a user network (the endpoint's "name:alias" list): only for the container
            # that asked for them
            es = me.networks.get(net.name)
            for link in (es.links if es is not None else []):
                child, _, alias = link.partition(":")
                alias = alias or child
                if alias.lower() == short:
                    target = net.endpoint_by_name(child.lstrip("/"))
                    if target is not None and target.ip4 is not None and target.ip4 not in addrs:
                        addrs.append(target.ip4)
                        source = f"--link {child.lstrip('/')}:{alias} on network {net.name}"
            for other in net.endpoints.values():
                if other.sandbox is None:
                    continue
                if short in (n.lower() for n in _names_of(d, other)):
                    for a in (other.ip4, other.ip6):
                        if a is not None and a not in addrs:
                            addrs.append(a)
                    source = source or f"DNS names of endpoint {other.name} on network {net.name}"
            if addrs:
                # the first network (in the sandbox's endpoint order) that knows the name answers
                return Answer(name, "NOERROR", addrs, "embedded DNS 127.0.0.11: " + source, EMBEDDED_DNS)
    return None


def ptr_name(ip: IP) -> str:
    """The in-addr.arpa / ip6.arpa name of an address (busybox nslookup's make_ptr)."""
    if ip.version == 4:
        v = ip.value
        return ".".join(str((v >> s) & 0xFF) for s in (0, 8, 16, 24)) + ".in-addr.arpa"
    nib = f"{ip.value:032x}"
    return ".".join(reversed(nib)) + ".ip6.arpa"


def embedded_reverse(d: "Daemon", c: Container, ip: IP,
                     path: Optional[ServerPath] = None) -> tuple[str, list[str], str]:
    """127.0.0.11's answer to a PTR query for ``ip``: (rcode, names, source). Sandbox.ResolveIP
    looks in the asking container's user networks and answers ``container.network`` (r86:
    ``2.0.86.10.in-addr.arpa name = web.mynet``); anything else is forwarded."""
    for ep in _endpoints(c):
        for other in ep.network.endpoints.values():
            if other.sandbox is None:
                continue
            if ip in (other.ip4, other.ip6):
                return "NOERROR", [f"{other.name}.{ep.network.name}"], \
                    f"embedded DNS 127.0.0.11: endpoint {other.name} on network {ep.network.name}"
    a = _forward(d, c, ptr_name(ip), path)
    return a.rcode, [], a.source


def query(d: "Daemon", c: Container, server: str, name: str, qtype: str,
          path: Optional[ServerPath] = None) -> tuple[str, list[str]]:
    """One DNS query of type ``qtype`` (``A``, ``AAAA``, ``PTR``, …) sent to ``server``, as a client
    in ``c`` sees it: (rcode, answer records as text). ``name`` of a PTR query is the arpa name."""
    qtype = qtype.upper()
    embedded = server == EMBEDDED_DNS and uses_embedded_dns(d, c)
    if qtype == "PTR":
        ip = _arpa_to_ip(name)
        if embedded:
            if ip is None:
                return _forward(d, c, name, path).rcode, []
            rcode, names, _ = embedded_reverse(d, c, ip, path)
            return rcode, names
        return server_lookup(d, c, server, name, path).rcode, []
    if qtype in ("A", "AAAA"):
        ans = server_lookup(d, c, server, name, path)
        if ans.rcode != "NOERROR":
            return ans.rcode, []
        return "NOERROR", [str(a) for a in (ans.v4 if qtype == "A" else ans.v6)]
    # other types: the embedded server forwards them; the outside resolvers know nothing
    if embedded:
        return _forward(d, c, name, path).rcode, []
    rcode = server_lookup(d, c, server, name, path).rcode
    return ("NXDOMAIN" if rcode == "NOERROR" else rcode), []


def _arpa_to_ip(name: str) -> Optional[IP]:
    n = name.rstrip(".").lower()
    try:
        if n.endswith(".in-addr.arpa"):
            parts = n[:-len(".in-addr.arpa")].split(".")
            if len(parts) == 4:
                return parse_ip(".".join(reversed(parts)))
        elif n.endswith(".ip6.arpa"):
            nib = n[:-len(".ip6.arpa")].split(".")
            if len(nib) == 32:
                h = "".join(reversed(nib))
                return parse_ip(":".join(h[i:i + 4] for i in range(0, 32, 4)))
    except AddrError:
        return None
    return None


def _forward(d: "Daemon", c: Container, name: str, path: Optional[ServerPath] = None) -> Answer:
    servers = external_servers(d, c)
    outside = [s for s in servers if not is_loopback(s)]
    if outside:
        # the embedded server forwards from the container's namespace, so the query takes the
        # container's route (and the host's NAT) to the server
        if path is not None and path(owner(c), parse_ip(outside[0])) != "ok":
            servers = outside
        elif name.lower().rstrip(".").endswith(".arpa"):
            return Answer(name, "NXDOMAIN", [], f"forwarded to {outside[0]}: no such name", EMBEDDED_DNS)
        else:
            a = outside_answer(d.host, name, outside[0])
            return Answer(name, a.rcode, a.addrs, "embedded DNS 127.0.0.11 forwarded to " + a.source, EMBEDDED_DNS)
    if servers:
        # the forward goes to the host's loopback, where nothing listens (recorded: r26, r45)
        return Answer(name, d.profile.loopback_forward_rcode, [],
                      f"embedded DNS forwarded to {', '.join(servers)}: no answer", EMBEDDED_DNS)
    # no external server at all: not recorded
    return Answer(name, "NXDOMAIN", [], "embedded DNS: no server to forward to", EMBEDDED_DNS)


def server_lookup(d: "Daemon", c: Container, server: str, name: str, path: Optional[ServerPath] = None) -> Answer:
    """A query sent straight to ``server`` (``nslookup NAME SERVER`` or a non-embedded resolv.conf)."""
    if server == EMBEDDED_DNS and uses_embedded_dns(d, c):
        return embedded_lookup(d, c, name, path)
    if is_loopback(server):
        # nothing listens on port 53 in the container's namespace: the kernel answers with ICMP
        # port unreachable, so the client's next write fails with ECONNREFUSED (r131)
        return Answer(name, "CONNREFUSED", [], f"nothing listens on {server}:53 in the container", server)
    try:
        ip = parse_ip(server)
    except AddrError:
        return Answer(name, "TIMEOUT", [], f"{server} is not an address", server)
    how = path(owner(c), ip) if path is not None else "ok"
    if how == "unreachable":
        return Answer(name, "UNREACHABLE", [], f"no route from the container to the nameserver {server}", server)
    if how == "refused":
        return Answer(name, "CONNREFUSED", [], f"nothing listens on {server}:53: an ICMP port unreachable "
                                               f"comes back", server)
    if how != "ok":
        return Answer(name, "TIMEOUT", [], f"the query to {server}:53 gets no answer (the packet or its "
                                           f"reply is lost on the way)", server)
    return outside_answer(d.host, name, server)


def is_loopback(s: str) -> bool:
    """Whether the server address ``s`` is a loopback address (127/8, ::1)."""
    try:
        ip = parse_ip(s)
    except AddrError:
        return False
    return (ip.version == 4 and ip.value >> 24 == 127) or (ip.version == 6 and ip.value == 1)


def hosts_entries(d: "Daemon", c: Container) -> list[tuple[IP, list[str]]]:
    """/etc/hosts as (address, names) pairs, in file order."""
    from .etcfiles import hosts_file
    out: list[tuple[IP, list[str]]] = []
    for line in hosts_file(d, c).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        try:
            ip = parse_ip(words[0])
        except AddrError:
            continue
        out.append((ip, words[1:]))
    return out


def lookup_hosts(d: "Daemon", c: Container, name: str, family: int = 0) -> Optional[IP]:
    """The first /etc/hosts address for ``name`` (case-insensitive), as the C library finds it."""
    want = name.lower()
    for ip, names in hosts_entries(d, c):
        if family and ip.version != family:
            continue
        if want in (n.lower() for n in names):
            return ip
    return None


def resolv_servers(d: "Daemon", c: Container) -> list[str]:
    """The nameservers of the container's /etc/resolv.conf, in order."""
    from .etcfiles import resolv_conf
    out = []
    for line in resolv_conf(d, c).splitlines():
        w = line.split()
        if len(w) >= 2 and w[0] == "nameserver":
            out.append(w[1])
    return out


def getaddrinfo(d: "Daemon", c: Container, name: str,
                path: Optional[ServerPath] = None) -> tuple[list[IP], str]:
    """What a C library resolver finds for ``name``: /etc/hosts, then each resolv.conf server.

    Returns the addresses (empty: not found) and a note naming what answered.
    """
    try:
        return [parse_ip(name)], "a literal address"
    except AddrError:
        pass
    hit = lookup_hosts(d, c, name)
    if hit is not None:
        return [hit], f"/etc/hosts: {hit} {name}"
    notes = []
    for server in resolv_servers(d, c):
        ans = server_lookup(d, c, server, name, path)
        if ans.addrs:
            return _rfc6724(c, ans.addrs), ans.source
        notes.append(f"{server}: {ans.rcode} ({ans.source})" if ans.source else f"{server}: {ans.rcode}")
        if ans.rcode == "NXDOMAIN":
            break
    return [], "; ".join(notes) or "no nameserver"


def hostname_addresses(d: "Daemon", c: Container) -> list[IP]:
    """What ``hostname -i`` prints: the hostname's first /etc/hosts address, else what DNS gives.

    Recorded: r27 (``--network none``: no entry, so ``Host name lookup failure``), r44 (a container
    on two networks: only the first line's address).
    """
    from .etcfiles import container_hostname
    name = container_hostname(d, c)
    ip = lookup_hosts(d, c, name, 4) or lookup_hosts(d, c, name)
    if ip is not None:
        return [ip]
    addrs, _ = getaddrinfo(d, c, name)
    return addrs


def _rfc6724(c: Container, addrs: list[IP]) -> list[IP]:
    """getaddrinfo's destination order: IPv6 first when the container has a global IPv6 address
    (r31: ``ping d2`` on a dual-stack network pings d2's IPv6 address)."""
    o = owner(c)
    ns = o.shared_ns if o.mode_kind == "container" else (o.sandbox.ns if o.sandbox is not None else None)
    has6 = ns is not None and any(a.ip.version == 6 and a.scope == "global" for _, a in ns.addresses())
    return sorted(addrs, key=lambda a: 0 if (a.version == 6) == has6 else 1)
