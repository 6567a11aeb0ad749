"""What the tools run in a container move over the wire, counted on every link they cross.

Sizes as a real kernel counted them (kernel 6.18, busybox 1.35, r136 and r137 on Docker 28, 26
and 20.10): a link counts each frame's IP packet plus its 14-byte Ethernet header (a bridge
passing a frame up to its host, and lo, count the IP packet alone). ARP before the first packet
to a next hop, and the neighbour entries both sides learn, are ``kernel.neighbour``'s.

* ICMP echo: 28 bytes of headers around ping's data (98 a frame for the default 56).
* TCP (busybox ``nc`` and ``wget`` to a listener): a SYN and a SYN-ACK carry 20 bytes of options
  (60-byte packets), every later segment 12 (the timestamps: 52 bytes plus its data). ``nc``
  whose stdin ends sends SYN, ACK, FIN, ACK and gets SYN-ACK and FIN-ACK; ``wget`` sends SYN,
  ACK, its request, and two ACKs / FINs, and gets five segments, the answer among them. A port
  nobody listens on answers the SYN with a 40-byte RST.
* DNS over UDP (busybox ``nslookup`` and the resolver behind ``ping NAME``): a query is 28
  bytes of headers, the 12-byte DNS header, the name (its length + 2) and 4; an answer repeats
  the query and adds each record uncompressed (name, 10, and 4 for A, 16 for AAAA, the name for
  PTR) — Docker's embedded server writes no compression pointers (r136: 70 bytes for ``peer``'s
  A answer). An ICMP port unreachable quotes the query after 28 bytes of headers. Where the
  queries go is :func:`dns`'s business: over lo to the embedded server, which forwards what it
  does not know from the container's namespace, else along the walk to the server.
"""

from __future__ import annotations

from ..records import Record
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..addr import AddrError, parse_ip
from ..daemon import resolver
from ..kernel.neighbour import ARP_FRAME, ARP_PAYLOAD, MCAST_SOLICIT, Neighbour, set_entry

if TYPE_CHECKING:  # pragma: no cover
    from ..kernel import Namespace
    from .walk import Contact, Crossing

ETH_HLEN = 14           # an Ethernet header
ICMP_HEADERS = 28       # IPv4 (20) and ICMP (8) headers
UDP_HEADERS = 28        # IPv4 (20) and UDP (8)
TCP_SYN = 60            # IPv4 (20), TCP (20) and the SYN's options (20)
TCP_SEGMENT = 52        # IPv4 (20), TCP (20) and the timestamp option (12)
TCP_RST = 40            # IPv4 and TCP, no options


class Flow(Record, frozen=True, slots=True):
    """What one exchange moved: packets and IP bytes out (the request's way) and back."""

    out_packets: int
    out_bytes: int
    back_packets: int = 0
    back_bytes: int = 0

    def __add__(self, other: "Flow") -> "Flow":
        return Flow(self.out_packets + other.out_packets, self.out_bytes + other.out_bytes,
                    self.back_packets + other.back_packets, self.back_bytes + other.back_bytes)

    def times(self, n: int) -> "Flow":
        return Flow(n * self.out_packets, n * self.out_bytes, n * self.back_packets, n * self.back_bytes)

    def outward(self) -> "Flow":
        """Only what went out (the answer never came)."""
        return Flow(self.out_packets, self.out_bytes)


def echo(packets: int, ip_bytes: int) -> Flow:
    return Flow(packets, packets * ip_bytes, packets, packets * ip_bytes)


def tcp_connection(request: int = 0, answer: int = 0) -> Flow:
    """A connection that opens and closes: ``request`` and ``answer`` bytes of data each way
    (busybox nc with no data: four segments out, two back; wget: five each way)."""
    if not request and not answer:
        return Flow(4, TCP_SYN + 3 * TCP_SEGMENT, 2, TCP_SYN + TCP_SEGMENT)
    return Flow(5, TCP_SYN + 4 * TCP_SEGMENT + request, 5, TCP_SYN + 4 * TCP_SEGMENT + answer)


def tcp_refused() -> Flow:
    return Flow(1, TCP_SYN, 1, TCP_RST)


def dns_name(name: str) -> int:
    """The length of a name in a DNS message (labels with their length bytes and the root)."""
    name = name.rstrip(".")
    return len(name) + 2 if name else 1


def dns_query(name: str) -> int:
    """The IP size of a query for ``name`` (no EDNS: busybox sends none, r137: 71 bytes a frame
    for ``example.com``)."""
    return UDP_HEADERS + 12 + dns_name(name) + 4


def dns_answer(name: str, qtype: str, records: Sequence[str]) -> int:
    rdata = {"A": 4, "AAAA": 16}
    return dns_query(name) + sum(dns_name(name) + 10 + rdata.get(qtype, 0) + (dns_name(r) if qtype not in rdata else 0)
                                 for r in records)


def dns_exchange(name: str, qtype: str, records: Sequence[str], tries: int = 1) -> Flow:
    """A query and its answer, ``tries`` times."""
    return Flow(tries, tries * dns_query(name), tries, tries * dns_answer(name, qtype, records))


def port_unreachable(ip_bytes: int) -> int:
    """An ICMP port unreachable quoting a packet of ``ip_bytes`` (whole, below 548 bytes)."""
    return ICMP_HEADERS + min(ip_bytes, 548)


def loopback_wire(ns: "Namespace") -> "list[Crossing]":
    """Out and back through ``lo`` (a packet to a local address counts once each way)."""
    from .walk import Crossing
    lo = ns.links.get("lo")
    if lo is None:
        return []
    return [Crossing(lo, False, False), Crossing(lo, True, False),
            Crossing(lo, False, False, True), Crossing(lo, True, False, True)]


def mirrored(wire: "Sequence[Crossing]") -> "list[Crossing]":
    """The way back along a request's crossings (an RST or ICMP error for a packet nobody took)."""
    from .walk import Crossing
    return [Crossing(x.link, not x.received, not (x.link.is_bridge and not x.received), True)
            for x in reversed(wire) if not x.back]


def move(host: Any, wire: "Iterable[Crossing]", flow: Flow, contacts: "Iterable[Contact]" = ()) -> None:
    """``flow`` went along ``wire`` (a trace's crossings: the request's, then the reply's), after
    whatever ARP the next hops in ``contacts`` needed: every link counts it, as one change of
    the model. Cost: the links of one path."""
    kernel = host.kernel
    with host.journal.transaction():
        for contact in contacts:
            _resolve(kernel, contact, flow)
        for x in wire:
            packets, nbytes = (flow.back_packets, flow.back_bytes) if x.back else (flow.out_packets, flow.out_bytes)
            if packets:
                kernel.count(x.link, x.received, packets, nbytes + (ETH_HLEN * packets if x.framed else 0))


def _count_arp(kernel: Any, wire: "Iterable[Crossing]", frames: int) -> None:
    for x in wire:
        framed = not (x.link.is_bridge and x.received)
        kernel.count(x.link, x.received, frames, frames * (ARP_FRAME if framed else ARP_PAYLOAD))


def _resolve(kernel: Any, contact: "Contact", flow: Flow) -> None:
    """The neighbour lookup before ``contact``'s first packet: an ARP exchange (counted) where the
    sender has no entry, what each side learns, and DELAY for a STALE entry used to send."""
    from .walk import arp_wire
    if (flow.back_packets if contact.back else flow.out_packets) == 0:
        return
    ns, dev, target = contact.ns, contact.dev, contact.target
    entry = ns.neighbours.get(dev.name, contact.nexthop)
    request = arp_wire(dev, target)
    if target is None:
        _count_arp(kernel, request, MCAST_SOLICIT)
        set_entry(kernel, ns, Neighbour(contact.nexthop, dev.name, None, "FAILED", 2 * MCAST_SOLICIT))
        return
    if entry is None or entry.state == "FAILED":
        _count_arp(kernel, request, 1)
        _count_arp(kernel, [_reversed(x) for x in reversed(request) if not (x.link.is_bridge and x.link is not target)], 1)
        set_entry(kernel, ns, Neighbour(contact.nexthop, dev.name, target.mac, "REACHABLE", 4))
        mine = dev.ipv4()
        there = target.netns
        if mine and there is not None and there.neighbours.get(target.name, mine[0].ip) is None:
            set_entry(kernel, there, Neighbour(mine[0].ip, target.name, dev.mac, "STALE", 0))
        return
    if entry.state == "STALE":
        set_entry(kernel, ns, Neighbour(entry.ip, entry.dev, entry.mac, "DELAY", entry.probes))


def _reversed(x: "Crossing") -> "Crossing":
    from .walk import Crossing
    return Crossing(x.link, not x.received, x.framed, x.back)


# busybox nslookup's sends of one query by its answer (r136: a SERVFAIL is asked twice more, a
# query with no answer once more; a CONNREFUSED ends the run after the first query)
_TRIES = {"SERVFAIL": 3, "TIMEOUT": 2}


def dns(host: Any, c: Any, server: str, asked: list[tuple[str, str, str, list[str]]]) -> None:
    """Count what the queries ``asked`` (name, type, rcode, records) to ``server`` moved: over lo to
    the embedded server (which forwards what it does not know, from the container's namespace:
    to a loopback server over lo again, where nothing listens), else along the walk to the server."""
    from . import trace_from
    ns = host.container_netns(resolver.owner(c))
    if not asked or ns is None:
        return
    lo = loopback_wire(ns)
    flow = forwarded = Flow(0, 0)
    if server == resolver.EMBEDDED_DNS and resolver.uses_embedded_dns(host, c):
        ext = resolver.external_servers(host, c)
        outside = [s for s in ext if not resolver.is_loopback(s)]
        for qname, qtype, rcode, records in asked:
            if resolver.answered_inside(host, c, qname, qtype) or not ext:
                flow += dns_exchange(qname, qtype, records)
            elif outside:
                flow += dns_exchange(qname, qtype, records)
                forwarded += dns_exchange(qname, qtype, records)
            else:
                q = dns_query(qname)
                # the query, dockerd's forward, its ICMP port unreachable, and the SERVFAIL (28;
                # 20.10 answers nothing)
                answered = rcode != "TIMEOUT"
                one = Flow(2, 2 * q, 1 + answered, port_unreachable(q) + (q if answered else 0))
                flow += one.times(_TRIES.get(rcode, 1))
        move(host, lo, flow)
        if outside and forwarded.out_packets:
            t = trace_from(host, resolver.owner(c), parse_ip(outside[0]), 53, "udp")
            move(host, t.wire, forwarded if t.ok else forwarded.outward(), t.contacts)
        return
    first = dns_query(asked[0][0])
    if resolver.is_loopback(server):
        move(host, lo, Flow(1, first, 1, port_unreachable(first)))
        return
    try:
        ip = parse_ip(server)
    except AddrError:
        return
    t = trace_from(host, resolver.owner(c), ip, 53, "udp")
    if t.verdict == "refused":
        move(host, t.wire + mirrored(t.wire), Flow(1, first, 1, port_unreachable(first)), t.contacts)
        return
    for qname, qtype, rcode, records in asked:
        one = dns_exchange(qname, qtype, records)
        flow += one if t.ok else one.outward().times(_TRIES["TIMEOUT"])
    move(host, t.wire, flow, t.contacts)
