"""A packet's walk through the kernel model: routes, neighbours, bridges, netfilter, conntrack.

Only kernel objects decide: each namespace's addresses and routes, veth peers and bridge ports
(ARP is answered by whichever namespace owns the address, as Linux does with ``arp_ignore=0``),
and the netfilter rules as ``iptables -S`` prints them, walked in the kernel's hook order:

* sent by a local process: route, ``raw``/``mangle``/``nat``/``filter`` OUTPUT, ``nat`` POSTROUTING;
* received: ``raw``, ``mangle``, ``nat`` PREROUTING, then ``filter`` INPUT (local address) or
  ``filter`` FORWARD and ``nat`` POSTROUTING (forwarded; container namespaces do not forward);
* bridged between two ports of a bridge: Docker loads ``br_netfilter``, so the frame also goes
  through PREROUTING, FORWARD (``-i br -o br``) and POSTROUTING of the bridge's namespace.

The ``nat`` table sees only a connection's first packet; replies are walked with conntrack state
``ESTABLISHED`` and the first packet's NAT undone where it was done (destination at PREROUTING /
OUTPUT, source at POSTROUTING / INPUT). Who listens on a port is the :class:`Sockets` table
(``ss -ltn``), filled by the caller from the processes it knows (the container's service, the
userland proxy).

The world outside the host is one modelled remote network behind ``eth0``: it answers pings, has
a service on 80/tcp, 443/tcp and 53/udp, and routes replies only to addresses it can see (the
host's own addresses on its LAN, not a container's private address). Not recorded: the oracle
sends no traffic off the machine.
"""

from __future__ import annotations

from typing import Callable, Optional

from ..records import Record, replace
from ..addr import IP, AddrError, Prefix, parse_ip, parse_prefix
from ..kernel import Link, Namespace
from .chains import RuleBook
from .macvlan_l2 import explain_parent, explain_unreachable, macvlan_segment, wire_children

OUTSIDE_IP = "198.51.100.7"          # TEST-NET-2: the modelled remote host
OUTSIDE_SERVICES = {("tcp", 80), ("tcp", 443), ("udp", 53)}
MAX_STEPS = 200


class Hop(Record, slots=True):
    """One step of a trace: where (a namespace label), what kind of decision, and the text."""

    where: str
    kind: str          # route, arp, veth, bridge, rule, nat, deliver, drop, ...
    text: str
    phase: str = "request"

    def __str__(self) -> str:
        return f"[{self.where}] {self.text}"


class Packet(Record, slots=True):
    src: Optional[IP]
    dst: IP
    proto: str                 # icmp | tcp | udp
    sport: int = 0
    dport: int = 0
    state: str = "NEW"         # conntrack state as -m conntrack sees it

    def text(self) -> str:
        if self.proto == "icmp":
            return f"icmp {self.src} > {self.dst}"
        return f"{self.proto} {self.src}:{self.sport} > {self.dst}:{self.dport}"


class Nat(Record, slots=True):
    ns: Namespace
    kind: str                  # "dnat" | "snat"
    old: tuple[IP, int]
    new: tuple[IP, int]
    rule: str


class Outcome(Record, slots=True):
    """How a walk ended: ``verdict`` and, when delivered, where and to whom."""

    verdict: str               # delivered | dropped | no route | unreachable | refused | loop
    ns: Optional[Namespace] = None
    listener: Optional["Listener"] = None
    packet: Optional[Packet] = None
    reason: str = ""


class Crossing(Record, frozen=True, slots=True):
    """A packet crossed ``link``: ``received`` it (else sent it). ``framed``: the link counts the
    Ethernet header (a veth, a NIC, a bridge sending); a bridge passing a frame up to its host and
    the loopback count the IP packet only (measured on kernel 6.18 with a bridge, two veth pairs
    and busybox ping: 98 bytes a veth, 84 the bridge's RX and lo)."""

    link: Link
    received: bool
    framed: bool = True
    back: bool = False          # crossed by the reply (else by the request)


class Contact(Record, frozen=True, slots=True):
    """``ns`` sent to ``nexthop`` out of ``dev``, an address ``target`` holds (None: nobody answered
    ARP): where the kernel needs a neighbour entry first (``kernel.neighbour``)."""

    ns: Namespace
    dev: Link
    nexthop: IP
    target: Optional[Link]
    back: bool = False


def arp_wire(dev: Link, target: Optional[Link]) -> list[Crossing]:
    """The links an ARP request from ``dev`` for an address of ``target`` crosses (broadcast: a
    bridge passes it up to its host as well); ``target`` None: the request alone, unanswered."""
    wire = [Crossing(dev, False)]
    peer = dev.peer
    if dev.is_bridge:
        port = target.peer if target is not None else None
        if port is not None:
            wire.append(Crossing(port, False))
    elif dev.kind == "veth" and peer is not None:
        wire.append(Crossing(peer, True))
        if peer.master is not None:
            wire.append(Crossing(peer.master, True, framed=False))
            if target is not None and target is not peer.master and target.peer is not None:
                wire.append(Crossing(target.peer, False))
    if target is not None and target is not peer and not target.is_bridge:
        wire.append(Crossing(target, True))
    return wire


class Listener(Record, frozen=True, slots=True):
    proto: str
    ip: Optional[IP]           # None: every address
    port: int
    owner: str                 # who listens, for the trace
    proxy_to: Optional[tuple[IP, int]] = None   # docker-proxy: where it connects
    program: str = ""          # the listening program's name (``httpd``), where a process listens
    # the paused container whose frozen process holds the socket: the kernel still completes the
    # handshake from the socket's backlog, but nothing reads the request (r180)
    frozen: str = ""


class Sockets:
    """Listening sockets per namespace (what ``ss -ltnu`` would show)."""

    def __init__(self) -> None:
        self.by_ns: dict[int, list[Listener]] = {}

    def add(self, ns: Namespace, listener: Listener) -> None:
        self.by_ns.setdefault(id(ns), []).append(listener)

    def find(self, ns: Namespace, proto: str, ip: IP, port: int) -> Optional[Listener]:
        best = None
        for l in self.by_ns.get(id(ns), []):
            if l.proto != proto or l.port != port:
                continue
            if l.ip is not None and l.ip == ip:
                return l
            if l.ip is None or (l.ip.value == 0 and l.ip.version == ip.version):
                best = best or l
        return best


class Outside:
    """The sentinel for 'beyond eth0'."""


OUTSIDE = Outside()


def is_loopback(ip: IP) -> bool:
    return (ip.version == 4 and ip.value >> 24 == 127) or (ip.version == 6 and ip.value == 1)


def local_addresses(ns: Namespace) -> list[tuple[Link, IP]]:
    return [(l, a.ip) for l, a in ns.addresses()]


def is_local(ns: Namespace, ip: IP) -> bool:
    """addrtype LOCAL: an address of any interface here (all of 127/8 when lo has 127.0.0.1/8)."""
    for l, a in ns.addresses():
        if a.ip == ip:
            return True
        if l.kind == "loopback" and ip.version == 4 and a.ip.version == 4 and a.prefixlen < 32:
            if (ip.value >> (32 - a.prefixlen)) == (a.ip.value >> (32 - a.prefixlen)):
                return True
    return False


class LocalAddresses:
    """:func:`is_local` for the walks of one query: each namespace's addresses read once, as a
    set (a host of 10,000 containers has 10,000 veths to look through otherwise)."""

    __slots__ = ("_by_ns",)

    def __init__(self) -> None:
        self._by_ns: dict[int, tuple[Namespace, set[tuple[int, int]], list[tuple[int, int]]]] = {}

    def __call__(self, ns: Namespace, ip: IP) -> bool:
        got = self._by_ns.get(id(ns))
        if got is None or got[0] is not ns:
            held: set[tuple[int, int]] = set()
            loopback_nets: list[tuple[int, int]] = []
            for l in ns.links.values():
                for a in l.addresses:
                    held.add((a.ip.version, a.ip.value))
                    if l.kind == "loopback" and a.ip.version == 4 and a.prefixlen < 32:
                        loopback_nets.append((a.prefixlen, a.ip.value >> (32 - a.prefixlen)))
            got = self._by_ns[id(ns)] = (ns, held, loopback_nets)
        if (ip.version, ip.value) in got[1]:
            return True
        return ip.version == 4 and any(ip.value >> (32 - n) == v for n, v in got[2])


def route_localnet(ns: Namespace, dev: str) -> bool:
    """Whether ``dev`` routes 127/8 (``net.ipv4.conf.{all,DEV}.route_localnet``; either one will do)."""
    return ns.sysctl.get("net.ipv4.conf.all.route_localnet") == "1" or \
        ns.sysctl.get(f"net.ipv4.conf.{dev}.route_localnet") == "1"


class RouteHit(Record, slots=True):
    dev: Link
    nexthop: IP
    src: Optional[IP]
    text: str


def route_lookup(ns: Namespace, dst: IP) -> Optional[RouteHit]:
    """The main table's longest-prefix match (lowest metric among equals); links must be up."""
    best = None
    best_key: tuple[int, int] = (-1, 0)
    for r in ns.routes:
        if r.dst is None:
            if r.via is None and (r.dev not in ns.links):
                continue
            fam = r.via.version if r.via is not None else _dev_family(ns, r.dev, dst.version)
            if fam != dst.version:
                continue
            length = 0
        else:
            if not r.dst.contains(dst):
                continue
            length = r.dst.length
        link = ns.links.get(r.dev)
        if link is None or not link.up:
            continue
        key = (length, -(r.metric or 0))
        if key > best_key:
            best, best_key = r, key
    if best is None:
        return None
    link = ns.links[best.dev]
    src = best.src
    if src is None:
        for a in link.addresses:
            if a.ip.version == dst.version and a.scope == "global":
                src = a.ip
                break
    via = best.via if best.via is not None else dst
    shown = "default" if best.dst is None else str(best.dst.masked())
    text = shown + (f" via {best.via}" if best.via is not None else "") + f" dev {best.dev}"
    if best.dst is not None and best.via is None:
        text += " scope link"
    return RouteHit(link, via, src, text)


def _dev_family(ns: Namespace, dev: str, want: int) -> int:
    return want


# --- netfilter ----------------------------------------------------------------------------------

def _match_prefix(text: str, ip: Optional[IP]) -> bool:
    if ip is None:
        return False
    try:
        p = parse_prefix(text) if "/" in text else None
    except (AddrError, ValueError):
        return False
    if p is None:
        try:
            return parse_ip(text) == ip
        except AddrError:
            return False
    return p.masked().contains(ip)


def _match_iface(pattern: str, name: Optional[str]) -> bool:
    if name is None:
        return False
    if pattern.endswith("+"):
        return name.startswith(pattern[:-1])
    return name == pattern


def rule_matches(f: dict, pkt: Packet, ns: Namespace, iif: Optional[str], oif: Optional[str],
                 local: Callable[[Namespace, IP], bool] = is_local) -> bool:
    def check(key: str, test: Callable[[str], bool]) -> bool:
        if key not in f:
            return True
        neg, value = f[key]  # type: ignore[misc]
        return test(value) != neg

    if not check("src", lambda v: _match_prefix(v, pkt.src)):
        return False
    if not check("dst", lambda v: _match_prefix(v, pkt.dst)):
        return False
    if not check("in", lambda v: _match_iface(v, iif)):
        return False
    if not check("out", lambda v: _match_iface(v, oif)):
        return False
    if not check("proto", lambda v: v in ("all", pkt.proto) or (v == "ipv6-icmp" and pkt.proto == "icmp")):
        return False
    if not check("dport", lambda v: pkt.proto in ("tcp", "udp", "sctp") and _in_ports(v, pkt.dport)):
        return False
    if not check("sport", lambda v: pkt.proto in ("tcp", "udp", "sctp") and _in_ports(v, pkt.sport)):
        return False
    if not check("dst_type", lambda v: v == "LOCAL" and local(ns, pkt.dst)):
        return False
    if not check("src_type", lambda v: v == "LOCAL" and pkt.src is not None and local(ns, pkt.src)):
        return False
    if not check("ctstate", lambda v: pkt.state in v.split(",")):
        return False
    return True


def _in_ports(spec: str, port: int) -> bool:
    lo, _, hi = spec.partition(":")
    try:
        return int(lo) <= port <= int(hi or lo)
    except ValueError:
        return False


class ChainResult(Record, slots=True):
    verdict: str               # ACCEPT | DROP | REJECT
    rule: str                  # what decided, as iptables -S would show it
    nat: Optional[tuple[str, str]] = None      # (target, argument)


class Walker:
    """Walks one packet and its reply; ``hops`` collects the steps."""

    def __init__(self, sockets: Sockets, label: Callable[[Namespace], str], host_ns: Namespace,
                 proxy_hook: Optional[Callable[["Walker", Listener, Packet], Outcome]] = None,
                 rules: Optional[RuleBook] = None, local: Optional[LocalAddresses] = None) -> None:
        self.sockets = sockets
        self.is_local = local if local is not None else LocalAddresses()
        self.rules = rules        # a query of many walks files each chain's rules by destination
        self.label = label
        self.host_ns = host_ns
        self.hops: list[Hop] = []
        self.phase = "request"
        self.nats: list[Nat] = []
        self.steps = 0
        self.proxy_hook = proxy_hook
        self.ttl = 64
        self.first_src: Optional[IP] = None
        self.seen_src: Optional[IP] = None     # set by the caller when a request is delivered
        self.ingress_port: Optional[Link] = None   # the bridge port of the frame being received
        self.wire: list[Crossing] = []         # the links the packet and its reply crossed, in order
        self.contacts: list[Contact] = []      # each next hop a packet was sent to, in order
        self.listener: Optional[Listener] = None   # set by the caller: who took the request

    @property
    def replying(self) -> bool:
        return self.phase.endswith("reply")

    def link_label(self, link: Link) -> str:
        return f"{link.name} in {self.label(link.netns)}" if link.netns is not None else link.name

    def cross(self, link: Optional[Link], received: bool, framed: bool = True) -> None:
        if link is not None:
            self.wire.append(Crossing(link, received, framed, self.replying))

    def hop(self, ns: Optional[Namespace], kind: str, text: str) -> None:
        where = self.label(ns) if ns is not None else "outside"
        self.hops.append(Hop(where, kind, text, self.phase))

    # -- netfilter -------------------------------------------------------------------------------
    def chain(self, ns: Namespace, table: str, chain: str, pkt: Packet, iif: Optional[str],
              oif: Optional[str], depth: int = 0) -> Optional[ChainResult]:
        """Run a chain; None means fall through (RETURN, or the end of a user chain)."""
        t = ns.netfilter_for(pkt.dst.version).tables.get(table)
        if t is None or chain not in t.chains or depth > 20:
            return None
        c = t.chains[chain]
        rules = self.rules.candidates(c, pkt.dst) if self.rules is not None else ((r, r.fields()) for r in c.rules)
        for rule, f in rules:
            if not rule_matches(f, pkt, ns, iif, oif, self.is_local):
                continue
            target = f.get("target")
            spec = f"-t {table} -A {chain} {rule.spec}" if table != "filter" else f"-A {chain} {rule.spec}"
            if target in ("ACCEPT", "DROP", "REJECT"):
                return ChainResult(str(target), spec)
            if target == "RETURN":
                return None
            if target == "DNAT":
                return ChainResult("DNAT", spec, ("DNAT", str(f.get("to_destination", ""))))
            if target == "SNAT":
                return ChainResult("SNAT", spec, ("SNAT", str(f.get("to_source", ""))))
            if target == "MASQUERADE":
                return ChainResult("MASQUERADE", spec, ("MASQUERADE", ""))
            if target in t.chains:
                self.hop(ns, "rule", f"{spec}  (jump)")
                res = self.chain(ns, table, str(target), pkt, iif, oif, depth + 1)
                if res is not None:
                    return res
                continue
            # LOG, CHECKSUM, …: non-terminating
        return None

    def hook(self, ns: Namespace, hook: str, pkt: Packet, iif: Optional[str], oif: Optional[str],
             tables: tuple[str, ...] = ("raw", "mangle", "nat", "filter")) -> Optional[str]:
        """Run the tables at a hook in priority order; returns a drop reason, or None to go on."""
        for table in tables:
            if table == "nat" and pkt.state != "NEW":
                continue          # conntrack applies the first packet's NAT to the rest
            t = ns.netfilter_for(pkt.dst.version).tables.get(table)
            if t is None or hook not in t.chains:
                continue
            res = self.chain(ns, table, hook, pkt, iif, oif)
            if res is None:
                policy = t.chains[hook].policy or "ACCEPT"
                if policy != "ACCEPT":
                    self.hop(ns, "drop", f"{table} {hook}: no rule matched, policy {policy}  (-P {hook} {policy})")
                    return f"policy {policy} of {table} {hook}"
                if t.chains[hook].rules and table == "filter":
                    self.hop(ns, "rule", f"{table} {hook}: no rule decided, policy ACCEPT")
                continue
            if res.verdict in ("DROP", "REJECT"):
                self.hop(ns, "drop", f"{res.rule}  -> {res.verdict}")
                return res.rule
            if res.nat is not None:
                self.apply_nat(ns, res, pkt, oif)
                continue
            self.hop(ns, "rule", f"{res.rule}  -> ACCEPT")
        return None

    def apply_nat(self, ns: Namespace, res: ChainResult, pkt: Packet, oif: Optional[str]) -> None:
        assert res.nat is not None
        kind, arg = res.nat
        if kind == "DNAT":
            ip_txt, port = _split_hostport(arg)
            new_ip = parse_ip(ip_txt)
            new_port = port if port else pkt.dport
            self.nats.append(Nat(ns, "dnat", (pkt.dst, pkt.dport), (new_ip, new_port), res.rule))
            self.hop(ns, "nat", f"{res.rule}  -> destination {_hp(pkt.dst, pkt.dport, pkt.proto)} becomes "
                                f"{_hp(new_ip, new_port, pkt.proto)}")
            pkt.dst, pkt.dport = new_ip, new_port
            return
        if kind == "SNAT":
            ip_txt, _ = _split_hostport(arg)
            new_ip = parse_ip(ip_txt)
        else:
            link = ns.links.get(oif or "")
            new_ip = None
            if link is not None:
                hit = route_lookup(ns, pkt.dst)
                new_ip = hit.src if hit is not None else None
                if new_ip is None:
                    for a in link.addresses:
                        if a.ip.version == pkt.dst.version:
                            new_ip = a.ip
                            break
            if new_ip is None:
                return
        assert pkt.src is not None
        self.nats.append(Nat(ns, "snat", (pkt.src, pkt.sport), (new_ip, pkt.sport), res.rule))
        self.hop(ns, "nat", f"{res.rule}  -> source {pkt.src} becomes {new_ip}")
        pkt.src = new_ip

    def undo_nat(self, ns: Namespace, pkt: Packet, which: str) -> None:
        """Conntrack on a reply: undo the first packet's ``dnat`` (source) or ``snat`` (destination)."""
        for n in self.nats:
            if n.ns is not ns or n.kind != which:
                continue
            if which == "snat" and pkt.dst == n.new[0]:
                self.hop(ns, "nat", f"conntrack: reply to {n.new[0]} is for {n.old[0]} (undoing {n.rule})")
                pkt.dst = n.old[0]
            elif which == "dnat" and pkt.src == n.new[0] and (pkt.proto == "icmp" or pkt.sport == n.new[1]):
                self.hop(ns, "nat", f"conntrack: reply from {_hp(n.new[0], n.new[1], pkt.proto)} leaves as "
                                    f"{_hp(n.old[0], n.old[1], pkt.proto)} (undoing {n.rule})")
                pkt.src, pkt.sport = n.old

    # -- the walk --------------------------------------------------------------------------------
    def send(self, ns: Namespace, pkt: Packet) -> Outcome:
        """A local process in ``ns`` sends ``pkt``."""
        hit = self.route(ns, pkt)
        if isinstance(hit, Outcome):
            return hit
        if pkt.src is None:
            pkt.src = hit.src if hit is not None else pkt.dst
            if self.first_src is None:
                self.first_src = pkt.src
        if self.replying:
            self.undo_nat(ns, pkt, "snat")
        drop = self.hook(ns, "OUTPUT", pkt, None, hit.dev.name if hit is not None else "lo")
        if drop:
            return Outcome("dropped", ns, reason=drop)
        if self.nats and self.nats[-1].ns is ns and self.nats[-1].kind == "dnat" and not self.replying \
                and self.nats[-1].new[0] == pkt.dst:
            hit2 = self.route(ns, pkt)          # rerouted after a nat OUTPUT DNAT
            if isinstance(hit2, Outcome):
                return hit2
            hit = hit2
            if hit is not None and pkt.src is not None and pkt.src.version == 4 and is_loopback(pkt.src) \
                    and hit.dev.kind != "loopback" and not route_localnet(ns, hit.dev.name):
                # ip_route_me_harder: a 127/8 source may leave only where route_localnet allows it
                self.hop(ns, "drop", f"route: source {pkt.src} may not leave through {hit.dev.name} "
                                     f"(net.ipv4.conf.{hit.dev.name}.route_localnet=0)")
                return Outcome("dropped", ns, reason="martian source")
        oif = hit.dev.name if hit is not None else "lo"
        drop = self.hook(ns, "POSTROUTING", pkt, None, oif)
        if drop:
            return Outcome("dropped", ns, reason=drop)
        if hit is None:
            self.hop(ns, "deliver", f"{pkt.dst} is local here: looped back through lo")
            return self.receive(ns, "lo", pkt)
        return self.transmit(ns, hit.dev, hit.nexthop, pkt)

    def route(self, ns: Namespace, pkt: Packet) -> "RouteHit | None | Outcome":
        if self.is_local(ns, pkt.dst):
            self.hop(ns, "route", f"route: {pkt.dst} is a local address (table local)")
            lo = ns.links.get("lo")
            self.cross(lo, False, framed=False)
            self.cross(lo, True, framed=False)
            return None
        hit = route_lookup(ns, pkt.dst)
        if hit is None:
            lack = ("the namespace has only lo" if all(name == "lo" for name in ns.links) else
                    "and no default route" if all(r.dst is not None for r in ns.routes) else "")
            self.hop(ns, "drop", f"route: no route to {pkt.dst} (ip route has no matching entry{' ' if lack else ''}"
                                 f"{lack})")
            return Outcome("no route", ns, reason=f"no route to {pkt.dst}")
        self.hop(ns, "route", f"route: {pkt.dst} via `{hit.text}`")
        return hit

    def neighbour(self, ns: Namespace, dev: Link, nexthop: IP) -> "Link | Outside | None":
        """Who answers ARP (or NDP) for ``nexthop`` on ``dev``'s segment."""
        if dev.kind == "ether":
            return OUTSIDE
        segment: list[Link] = []
        if dev.kind == "macvlan":
            seg = macvlan_segment(dev)
            segment = list(seg.siblings + seg.wire)
            if seg.outside and not any(any(a.ip == nexthop for a in l.addresses) for l in segment):
                return OUTSIDE
        elif dev.is_bridge:
            if not dev.carrier:
                return None
            segment = [p.peer for p in dev.ports if p.up and p.peer is not None]
        elif dev.kind == "veth" and dev.peer is not None:
            peer = dev.peer
            if peer.master is not None:
                br = peer.master
                segment = [br] + [p.peer for p in br.ports if p.up and p.peer is not None and p is not peer]
            else:
                # the peer, and the macvlan children a frame arriving on the peer is handed to
                segment = [peer] + wire_children(peer)
        # an interface holding the address itself first, then any namespace it is local to
        for l in segment:
            if any(a.ip == nexthop for a in l.addresses):
                return l
        for l in segment:
            if l.netns is not None and l.up and self.is_local(l.netns, nexthop) and not is_loopback(nexthop):
                return l
        return None

    def transmit(self, ns: Namespace, dev: Link, nexthop: IP, pkt: Packet) -> Outcome:
        self.steps += 1
        if self.steps > MAX_STEPS:
            return Outcome("loop", ns, reason="too many steps")
        target = self.neighbour(ns, dev, nexthop)
        if not isinstance(target, Outside) and nexthop.version == 4 and dev.kind != "loopback":
            self.contacts.append(Contact(ns, dev, nexthop, target, self.replying))
        if target is None:
            why = explain_unreachable(dev, nexthop, self.link_label) if dev.kind == "macvlan" else \
                explain_parent(dev, nexthop, self.link_label)
            self.hop(ns, "drop", f"arp: nobody on {dev.name} answers who-has {nexthop}" + (f": {why}" if why else ""))
            return Outcome("unreachable", ns, reason=why or f"no neighbour {nexthop} on {dev.name}")
        self.cross(dev, False)
        if isinstance(target, Outside):
            self.hop(ns, "arp", f"out {dev.name} towards {nexthop} (outside the host)")
            return self.outside_receive(pkt)
        self.hop(ns, "arp", f"arp: {nexthop} is at {target.mac} ({target.name} in {self.label(target.netns)})")
        if dev.is_bridge:
            port = target.peer
            self.hop(ns, "bridge", f"bridge {dev.name} sends the frame out port {port.name if port else '?'}")
            self.cross(port, False)
            self.cross(target, True)
            return self.receive(target.netns, target.name, pkt)  # type: ignore[arg-type]
        if dev.kind == "macvlan" or target.kind == "macvlan":
            self.hop(ns, "macvlan", _macvlan_hop(dev, target, self.link_label))
            self.cross(target, True)
            return self.receive(target.netns, target.name, pkt)  # type: ignore[arg-type]
        peer = dev.peer
        assert peer is not None and peer.netns is not None
        self.hop(ns, "veth", f"{dev.name} -> veth peer {peer.name} in {self.label(peer.netns)}")
        self.cross(peer, True)
        if peer.master is not None:
            br = peer.master
            if target is br:
                self.cross(br, True, framed=False)
                self.hop(peer.netns, "bridge", f"{peer.name} is a port of bridge {br.name}; the frame is for "
                                               f"the bridge's own MAC: up to the IP stack")
                self.ingress_port = peer
                return self.receive(peer.netns, br.name, pkt)
            return self.bridge_forward(peer.netns, br, peer, target, pkt)
        return self.receive(peer.netns, peer.name, pkt)

    def bridge_forward(self, ns: Namespace, br: Link, in_port: Link, target: Link, pkt: Packet) -> Outcome:
        out_port = target.peer
        self.hop(ns, "bridge", f"bridge {br.name}: {in_port.name} -> {out_port.name if out_port else '?'} "
                               f"(same L2 segment; br_netfilter runs iptables on bridged frames)")
        for hook in ("PREROUTING", "FORWARD", "POSTROUTING"):
            iif = br.name if hook != "POSTROUTING" else None
            oif = br.name if hook != "PREROUTING" else None
            if hook == "PREROUTING":
                drop = self.prerouting(ns, pkt, iif, oif)
            else:
                drop = self.hook(ns, hook, pkt, iif, oif)
            if drop:
                return Outcome("dropped", ns, reason=drop)
            if self.replying and hook == "POSTROUTING":
                self.undo_nat(ns, pkt, "dnat")
        assert target.netns is not None
        self.cross(out_port, False)
        self.cross(target, True)
        return self.receive(target.netns, target.name, pkt)

    def receive(self, ns: Namespace, iif: str, pkt: Packet) -> Outcome:
        """``pkt`` arrives on interface ``iif`` of ``ns`` (the IP layer's ip_rcv)."""
        self.steps += 1
        if self.steps > MAX_STEPS:
            return Outcome("loop", ns, reason="too many steps")
        port_in, self.ingress_port = self.ingress_port, None
        dst_before = pkt.dst
        if iif != "lo":
            drop = self.prerouting(ns, pkt, iif, None)
            if drop:
                if port_in is not None and self.wire and self.wire[-1].link.name == iif:
                    # br_netfilter runs PREROUTING as the frame enters the bridge port, before the
                    # bridge passes it up and counts it (r136: Docker 28's raw DROP leaves lab0 at 0)
                    self.wire.pop()
                return Outcome("dropped", ns, reason=drop)
        if self.is_local(ns, pkt.dst):
            if iif != "lo" and pkt.dst.version == 4 and is_loopback(pkt.dst) and not route_localnet(ns, iif):
                self.hop(ns, "drop", f"martian destination {pkt.dst} arriving on {iif} "
                                     f"(net.ipv4.conf.{iif}.route_localnet=0)")
                return Outcome("dropped", ns, reason="martian")
            drop = self.hook(ns, "INPUT", pkt, iif, None)
            if drop:
                return Outcome("dropped", ns, reason=drop)
            if self.replying:
                self.undo_nat(ns, pkt, "dnat")
            return self.deliver(ns, pkt)
        if ns is self.host_ns:
            # the host routes between its links as its sysctls say (a user's `sysctl -w
            # net.ipv4.ip_forward=0`); a container's namespace is taken not to route at all. The
            # tree's module loads only once some forwarding switch was written 0 (issue 15)
            forwarding, key = True, "net.ipv4.ip_forward"
            if any(v == "0" and (k == "net.ipv4.ip_forward" or k.endswith(".forwarding")) for k, v in ns.sysctl.items()):
                from ..kernel.sysctl import forwards
                forwarding, key = forwards(ns, iif, pkt.dst.version == 6)
        else:
            forwarding, key = ns.sysctl.get("net.ipv4.ip_forward", "0") == "1", "net.ipv4.ip_forward"
        if not forwarding:
            self.hop(ns, "drop", f"{pkt.dst} is not an address here and this namespace does not forward "
                                 f"({key}=0)")
            return Outcome("dropped", ns, reason=f"sysctl {key}=0: packets are not routed between links here")
        hit = route_lookup(ns, pkt.dst)
        if hit is None:
            self.hop(ns, "drop", f"route: no route to {pkt.dst}")
            return Outcome("unreachable", ns, reason="no route (forwarding)")
        self.hop(ns, "route", f"forward: {pkt.dst} via `{hit.text}`")
        self.ttl -= 1
        if hit.dev.name == iif and hit.dev.is_bridge and port_in is not None and pkt.dst != dst_before:
            # br_netfilter's "bridged DNAT": a frame from a bridge port whose destination PREROUTING
            # changed (DNAT, or conntrack undoing a MASQUERADE) and that is routed back out of the
            # same bridge is bridged on from its port — and a bridge sends a frame back out of the
            # port it came in on only when that port is in hairpin mode
            target = self.neighbour(ns, hit.dev, hit.nexthop)
            if isinstance(target, Link) and target.peer is port_in and not port_in.hairpin:
                self.hop(ns, "drop", f"bridge {hit.dev.name}: the frame would go back out of {port_in.name}, "
                                     f"the port it came in on, and its hairpin mode is off")
                return Outcome("dropped", ns, reason=f"hairpin mode off on {port_in.name}")
        drop = self.hook(ns, "FORWARD", pkt, iif, hit.dev.name)
        if drop:
            return Outcome("dropped", ns, reason=drop)
        drop = self.hook(ns, "POSTROUTING", pkt, None, hit.dev.name)
        if drop:
            return Outcome("dropped", ns, reason=drop)
        if self.replying:
            self.undo_nat(ns, pkt, "dnat")
        return self.transmit(ns, hit.dev, hit.nexthop, pkt)

    def prerouting(self, ns: Namespace, pkt: Packet, iif: Optional[str], oif: Optional[str]) -> Optional[str]:
        """PREROUTING: raw (priority -300), then conntrack (-200: a reply's destination NAT is
        undone here), then mangle and nat (first packets only)."""
        drop = self.hook(ns, "PREROUTING", pkt, iif, oif, ("raw",))
        if drop:
            return drop
        if self.replying:
            self.undo_nat(ns, pkt, "snat")
        return self.hook(ns, "PREROUTING", pkt, iif, oif, ("mangle", "nat", "filter"))

    def deliver(self, ns: Namespace, pkt: Packet) -> Outcome:
        if self.replying or pkt.proto == "icmp":
            self.hop(ns, "deliver", f"delivered to {pkt.dst} in {self.label(ns)}")
            return Outcome("delivered", ns, packet=pkt)
        l = self.sockets.find(ns, pkt.proto, pkt.dst, pkt.dport)
        if l is None:
            what = "TCP RST (connection refused)" if pkt.proto == "tcp" else "ICMP port unreachable"
            self.hop(ns, "deliver", f"nothing listens on {pkt.proto} port {pkt.dport} in {self.label(ns)}: {what}")
            return Outcome("refused", ns, packet=pkt, reason=f"no listener on {pkt.proto}/{pkt.dport}")
        self.hop(ns, "deliver", f"{l.owner} listens on {pkt.proto} "
                                f"{'*' if l.ip is None else l.ip}:{l.port} in {self.label(ns)}")
        return Outcome("delivered", ns, listener=l, packet=pkt)

    def outside_receive(self, pkt: Packet) -> Outcome:
        """A packet left through eth0: the modelled outside network."""
        if self.replying:
            self.hop(None, "deliver", f"reply reaches {pkt.dst} outside the host")
            return Outcome("delivered", None, packet=pkt)
        if pkt.proto != "icmp" and (pkt.proto, pkt.dport) not in OUTSIDE_SERVICES:
            self.hop(None, "deliver", f"the remote {pkt.dst} has nothing on {pkt.proto}/{pkt.dport}")
            return Outcome("refused", None, packet=pkt, reason="remote port closed")
        self.hop(None, "deliver", f"the remote {pkt.dst} answers")
        return Outcome("delivered", None, packet=pkt,
                       listener=Listener(pkt.proto, None, pkt.dport, "a remote service"))

    def outside_send(self, pkt: Packet, host_eth: Link, visible: list[Prefix]) -> Outcome:
        """The outside sends ``pkt`` to the host (its routers know only the host's LAN)."""
        if not any(p.contains(pkt.dst) for p in visible) and self.replying:
            self.hop(None, "drop", f"the outside has no route back to {pkt.dst} (a private address behind "
                                   f"the host; only {', '.join(str(p) for p in visible)} is reachable)")
            return Outcome("dropped", None, reason="no route back from the outside")
        self.hop(None, "route", f"from the outside to {pkt.dst}: arrives on the host's {host_eth.name}")
        self.cross(host_eth, True)
        assert host_eth.netns is not None
        return self.receive(host_eth.netns, host_eth.name, pkt)


def _macvlan_hop(dev: Link, target: Link, label: Callable[[Link], str]) -> str:
    """The step of a frame on a macvlan segment, in words."""
    if dev.kind == "macvlan" and target.kind == "macvlan" and target.lower is dev.lower:
        return (f"macvlan: {dev.name} and {label(target)} are bridge-mode children of the same parent "
                f"{dev.lower.name if dev.lower else '?'}; the kernel passes the frame between them directly")
    if dev.kind == "macvlan":
        return (f"macvlan: {dev.name} sends by its parent {dev.lower.name if dev.lower else '?'} onto the wire; "
                f"{label(target)} receives it")
    return (f"{dev.name} -> its wire; the parent {target.lower.name if target.lower else '?'} hands the frame "
            f"to its macvlan child {label(target)}")


def _split_hostport(arg: str) -> tuple[str, int]:
    if arg.startswith("["):
        host, _, port = arg[1:].partition("]:")
        return host, int(port) if port else 0
    if arg.count(":") == 1:
        host, _, port = arg.partition(":")
        return host, int(port.split("-")[0]) if port else 0
    return arg, 0


def _hp(ip: IP, port: int, proto: str) -> str:
    if proto == "icmp" or not port:
        return str(ip)
    return f"{ip}:{port}" if ip.version == 4 else f"[{ip}]:{port}"


def copy_packet(p: Packet) -> Packet:
    return replace(p)
