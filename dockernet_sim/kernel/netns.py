"""Network namespaces, their routes, and the kernel that owns them.

The host namespace has ``lo`` and the machine's NICs (``eth0`` with an address and a default
route); each container sandbox gets its own namespace with ``lo``. Interface indexes are
allocated as the kernel does: older kernels (the 20.10 recordings) use one counter for the
whole machine, newer ones (the 28 recordings) a counter per namespace. The counters (indexes,
netns ids) journal themselves, so an API call that fails takes none; the objects are journalled
by libnetwork, which programs them.

A namespace per container is most of what a host holds, so what it does not need yet it does not
make: its netfilter tables wait for their first use, the free-id heap for its first freed id; and
the values containers have in common are shared: ``lo``'s two addresses, each subnet's broadcast
address and connected-route prefix (``Kernel.subnet``), each default route
(``Kernel.default_route``). Fewer objects per container means less for a fork to copy and for
Python's cyclic collector to scan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Optional

from ..records import Record, replace
from ..addr import IP, Prefix, parse_ip, prefix
from ..journal import Journal, put_back
from ..values import ifname_error
from .links import Address, Link
from .netfilter import Netfilter

if TYPE_CHECKING:
    from .neighbour import Neighbours

# every namespace's loopback addresses (values: one object each for the whole machine)
LOOPBACK4 = Address(ip=parse_ip("127.0.0.1"), prefixlen=8, scope="host")
LOOPBACK6 = Address(ip=parse_ip("::1"), prefixlen=128, scope="host")
_LO_V4, _LO_V4_V6 = (LOOPBACK4,), (LOOPBACK4, LOOPBACK6)
# (the tuples every lo shares until an address is added: a load shares them again)
SHARED_ADDRESSES = (_LO_V4, _LO_V4_V6)


class Route(Record, frozen=True, slots=True):
    """A routing-table entry as ``ip route`` prints it (a value: namespaces share equal ones)."""

    dst: Optional[Prefix]            # None: the default route
    dev: str
    via: Optional[IP] = None
    scope: str = "global"            # "link" for connected routes
    src: Optional[IP] = None
    proto: Optional[str] = None      # "kernel" for routes the kernel adds with an address
    metric: Optional[int] = None

    @property
    def is_default(self) -> bool:
        return self.dst is None

    def __reduce__(self) -> tuple[Any, ...]:
        # (see Address.__reduce__)
        return Route, (self.dst, self.dev, self.via, self.scope, self.src, self.proto, self.metric)


class Namespace:
    """A network namespace: links by name (kept in index order), routes, netfilter, sysctls."""

    __slots__ = ("name", "kernel", "links", "routes", "_netfilter", "_netfilter6", "_next_index", "sysctl",
                 "netnsids", "_free_nsids", "_next_nsid", "_neighbours")

    def __init__(self, name: str, kernel: "Kernel") -> None:
        self.name = name
        self.kernel = kernel
        self.links: dict[str, Link] = {}
        self.routes: tuple[Route, ...] = ()     # made again on a change: a fork shares it
        self._netfilter: Optional[Netfilter] = None
        self._netfilter6: Optional[Netfilter] = None      # ip6tables' tables, made when first used
        self._next_index = 1
        self.sysctl: dict[str, str] = {}
        # peer namespace name -> the id this namespace knows it by (``link-netnsid N``)
        self.netnsids: dict[str, int] = {}
        # a heap: the kernel hands out the lowest free id (a list from the first id freed)
        self._free_nsids: "list[int] | tuple[()]" = ()
        self._next_nsid = 0
        self._neighbours: Optional[Neighbours] = None    # the ARP table (``ip neigh``), made on first use

    @property
    def neighbours(self) -> Neighbours:
        """The namespace's neighbour (ARP) table, made when a packet first needs it."""
        table = self._neighbours
        if table is None:
            from .neighbour import Neighbours      # the ARP table's module: loaded by the first table (issue 15)
            table = self._neighbours = Neighbours()
        return table

    @property
    def has_neighbours(self) -> bool:
        """Whether the neighbour table holds an entry (without making one)."""
        return self._neighbours is not None and len(self._neighbours) > 0

    @property
    def netfilter_untouched(self) -> bool:
        """Whether no netfilter table has been made here (asked without making one: a query
        reading thousands of containers' namespaces leaves them as it found them)."""
        nf = self._netfilter
        return nf is None or nf.untouched

    @property
    def netfilter(self) -> Netfilter:
        """The namespace's netfilter tables, made when first looked at."""
        nf = self._netfilter
        if nf is None:
            nf = self._netfilter = Netfilter()
        return nf

    @property
    def netfilter_untouched(self) -> bool:
        """Whether the netfilter tables are as the kernel made them, never looked at (without
        making them)."""
        return self._netfilter is None or self._netfilter.untouched

    @property
    def netfilter6(self) -> Netfilter:
        """The namespace's IPv6 netfilter tables (what ``ip6tables`` shows), made when first looked at."""
        nf = self._netfilter6
        if nf is None:
            nf = self._netfilter6 = Netfilter()
        return nf

    def netfilter_for(self, version: int) -> Netfilter:
        """The tables a packet of one family walks: IPv6's own once something programmed them
        (dockerd 27+ does by default); until then (an engine that leaves ip6tables alone, where
        only a listing made them) the IPv4 tables stand in, as the model always let them."""
        nf6 = self._netfilter6
        if version == 6 and nf6 is not None and nf6.programmed:
            return nf6
        return self.netfilter

    def netfilter_state(self) -> dict[str, dict[str, tuple[Optional[str], tuple[str, ...]]]]:
        """``netfilter.state()``, without making the tables to read them (a comparison of two
        hosts must not change either)."""
        return (self._netfilter or Netfilter()).state()

    # -- links -------------------------------------------------------------------------
    def add_link(self, name: str, kind: str, *, index: Optional[int] = None, **kw: object) -> Link:
        why = ifname_error(name)
        if why is not None:     # dev_valid_name(): the kernel never holds such a link
            raise ValueError(f"RTNETLINK answers: {why.capitalize()} ({name!r})")
        if name in self.links:
            raise ValueError(f"RTNETLINK answers: File exists ({name})")
        if index is None:
            index = self.kernel.next_ifindex(self)
        if kind == "bridge" and "ports" not in kw:
            kw["ports"], kw["port_mtus"] = {}, {}   # (other kinds share () until enslaving: Link.add_port)
        link = Link(index=index, name=name, kind=kind, netns=self, **kw)  # type: ignore[arg-type]
        self.links[name] = link
        return link

    def remove_link(self, name: str) -> Link:
        link = self.links.pop(name)
        if self._neighbours is not None:
            from .neighbour import drop_device
            drop_device(self, name)
        if link.master is not None:
            link.master.remove_port(link)
        for port in link.ports:
            port.master = None
        link.ports = link.port_mtus = ()
        self.routes = tuple([r for r in self.routes if r.dev != name])
        link.netns = None
        return link

    def rename_link(self, old: str, new: str) -> None:
        why = ifname_error(new)
        if why is not None:
            raise ValueError(f"RTNETLINK answers: {why.capitalize()} ({new!r})")
        link = self.links.pop(old)
        link.name = new
        self.links[new] = link
        # keep index order for listings
        self.links = dict(sorted(self.links.items(), key=lambda kv: kv[1].index))
        self.routes = tuple([replace(r, dev=new) if r.dev == old else r for r in self.routes])

    def sorted_links(self) -> list[Link]:
        return sorted(self.links.values(), key=lambda l: l.index)

    def netnsid(self, peer: "Namespace") -> int:
        """The id of ``peer`` as seen from here, allocated as the kernel does: the lowest free id,
        the first time a link here refers to ``peer`` (a veth end moved or created there)."""
        nsid = self.netnsids.get(peer.name)
        if nsid is None:
            name, free = peer.name, self._free_nsids
            if free:
                import heapq                # (free ids exist only once a namespace went away)
                nsid = free[0]
                self.kernel.journal.record(lambda: (self.netnsids.pop(name, None),
                                                    None if nsid in free else heapq.heappush(free, nsid)))
                heapq.heappop(free)
            else:
                nsid = self._next_nsid
                self.kernel.journal.record(lambda: (self.netnsids.pop(name, None), setattr(self, "_next_nsid", nsid)))
                self._next_nsid += 1
            self.netnsids[name] = nsid
        return nsid

    def forget_netns(self, name: str) -> None:
        """A namespace this one knew is gone: its id is free again."""
        nsid = self.netnsids.get(name)
        if nsid is not None:
            import heapq
            was = self._free_nsids
            free = was if isinstance(was, list) else []
            known = put_back(self.netnsids, name, nsid)     # (in its place: a snapshot keeps the order)

            def undo() -> None:   # (a rollback only: the heap is rebuilt without the id)
                if free is not was:
                    self._free_nsids = was      # the shared empty tuple again, as before the call
                elif nsid in free:
                    free.remove(nsid)
                    heapq.heapify(free)
                known()
            self.kernel.journal.record(undo)
            self._free_nsids = free
            del self.netnsids[name]
            heapq.heappush(free, nsid)

    def link(self, name: str) -> Optional[Link]:
        return self.links.get(name)

    def link_by_index(self, index: int) -> Optional[Link]:
        for l in self.links.values():
            if l.index == index:
                return l
        return None

    # -- addresses and routes ------------------------------------------------------------
    def add_address(self, dev: str, ip: IP, prefixlen: int, *, broadcast: bool = True,
                    scope: str = "global", connected_route: bool = True, nodad: bool = False) -> Address:
        link = self.links[dev]
        net, last = self.kernel.subnet(ip, prefixlen)
        brd = last if ip.version == 4 and broadcast and prefixlen < 31 else None
        a = Address(ip=ip, prefixlen=prefixlen, broadcast=brd, scope=scope, nodad=nodad)
        link.add_address(a)
        if connected_route and scope == "global":
            self.routes = (*self.routes, Route(dst=net, dev=dev, scope="link", src=ip if ip.version == 4 else None,
                                               proto="kernel", metric=None if ip.version == 4 else 256))
        return a

    def remove_address(self, dev: str, ip: IP, prefixlen: Optional[int] = None) -> None:
        """Remove ``ip`` from ``dev`` with the route it brought; only its ``ip/prefixlen`` if given
        (IPv4 keeps ``10.0.0.1/8`` and ``10.0.0.1/24`` apart)."""
        link = self.links[dev]
        if prefixlen is None:
            link.addresses = tuple([a for a in link.addresses if a.ip != ip])
            self.routes = tuple([r for r in self.routes if not (r.dev == dev and r.src == ip)])
            return
        net = self.kernel.subnet(ip, prefixlen)[0]
        link.addresses = tuple([a for a in link.addresses if not (a.ip == ip and a.prefixlen == prefixlen)])
        self.routes = tuple([r for r in self.routes if not (r.dev == dev and r.src == ip and r.dst == net)])

    def add_route(self, route: Route) -> None:
        self.routes = (*self.routes, route)

    def gateway_device(self, gateway: IP, dev: Optional[str] = None) -> Optional[str]:
        """The device a route ``via gateway`` goes out of, as Linux's ``fib_check_nh`` picks it for a
        route of universe scope: the longest prefix among what the gateway can be reached by
        directly — an address of this namespace (the local table: its device; 127/8 is ``lo``'s) or
        a route of link scope (a connected subnet) — and None when the gateway is none of these,
        is a subnet's broadcast address, or is not on ``dev`` when ``dev`` was given (iproute2:
        ``Error: Nexthop has invalid gateway.``; busybox's ioctl: ``Network is unreachable``).
        Checked in a network namespace on the recording machine (kernel 6.18).

        >>> from dockernet_sim.kernel import Kernel
        >>> ns = Kernel().host
        >>> ns.gateway_device(parse_ip("127.0.0.9")), ns.gateway_device(parse_ip("10.9.9.9"))
        ('lo', None)
        """
        best: tuple[int, Optional[str]] = (-1, None)
        for link, a in self.addresses():
            if a.ip.version != gateway.version:
                continue
            net = prefix(a.ip.value, a.prefixlen, a.ip.version)
            if a.ip == gateway or link.kind == "loopback" and net.contains(gateway):
                length = a.ip.bits if a.ip == gateway else a.prefixlen
                if length > best[0]:
                    best = (length, link.name)
            elif a.ip.version == 4 and a.prefixlen < 31 and (a.broadcast or net.last) == gateway:
                best = (32, None)               # RTN_BROADCAST: no unicast next hop
        for r in self.routes:
            if r.scope == "link" and r.dst is not None and r.dst.version == gateway.version and \
                    r.dst.contains(gateway) and r.dst.length > best[0]:
                best = (r.dst.length, r.dev)
        found = best[1]
        return None if dev is not None and found != dev else found

    def default_routes(self) -> list[Route]:
        return [r for r in self.routes if r.dst is None]

    def addresses(self) -> Iterator[tuple[Link, Address]]:
        for l in self.sorted_links():
            for a in l.addresses:
                yield l, a


class Kernel:
    """The machine: its host namespace and every other namespace, and ifindex allocation.

    ``ifindex_policy`` is ``"global"`` (one counter for the machine, as the 20.10 recordings show:
    a container's ``eth0`` is the host veth's index - 1) or ``"per_netns"`` (each namespace counts
    from 1, as newer kernels do: ``2: eth0@if241``).
    """

    __slots__ = ("namespaces", "host", "ifindex_policy", "_global_index", "journal", "_subnets",
                 "_default_routes")

    def __init__(self, ifindex_policy: str = "per_netns", first_host_index: int = 1,
                 journal: Optional[Journal] = None) -> None:
        # the counters are journalled here (an API call that fails takes no index or id); the
        # objects themselves by libnetwork, which made them
        self.journal = journal if journal is not None else Journal()
        self.namespaces: dict[str, Namespace] = {}
        self.ifindex_policy = ifindex_policy
        self._global_index = max(2, first_host_index)
        # (version, network, length) -> the subnet's prefix and last address: values, so the
        # addresses and routes of a subnet's many endpoints share them (one entry per subnet ever
        # addressed; never undone: a cache, not state)
        self._subnets: dict[tuple[int, int, int], tuple[Prefix, IP]] = {}
        self._default_routes: dict[tuple[str, Optional[IP], Optional[int]], Route] = {}
        self.host = self.new_namespace("host")

    def new_namespace(self, name: str, lo_ipv6: bool = False) -> Namespace:
        """A namespace with its ``lo`` up (``lo_ipv6``: with ``::1`` too)."""
        if name in self.namespaces:
            raise ValueError(f"Cannot create namespace file \"/var/run/netns/{name}\": File exists")
        ns = Namespace(name, self)
        self.namespaces[name] = ns
        ns._next_index = 2
        ns.add_link("lo", "loopback", mtu=65536, up=True, carrier=True, txqueuelen=1000, index=1,
                    addresses=_LO_V4_V6 if lo_ipv6 else _LO_V4)
        return ns

    def default_route(self, dev: str, via: Optional[IP], metric: Optional[int] = None) -> Route:
        """``default via VIA dev DEV``: one object for every namespace routing so (cached as
        ``subnet`` is)."""
        key = (dev, via, metric)
        routes = self._default_routes
        route = routes.get(key)
        if route is None:
            # journalled, unlike ``subnet``'s values: which namespaces share a route is in a saved
            # host's snapshot, so a call rolled back must not leave the one it made here
            self.journal.record(lambda: routes.pop(key, None))
            route = routes[key] = Route(dst=None, dev=dev, via=via, metric=metric)
        return route

    def subnet(self, ip: IP, prefixlen: int) -> tuple[Prefix, IP]:
        """The network ``ip/prefixlen`` is in (host bits cleared) and its last address."""
        host_bits = (32 if ip.version == 4 else 128) - prefixlen
        key = (ip.version, ip.value >> host_bits, prefixlen)
        got = self._subnets.get(key)
        if got is None:
            net = prefix(ip.value, prefixlen, ip.version).masked()
            got = self._subnets[key] = (net, net.last)
        return got

    def delete_namespace(self, name: str) -> None:
        ns = self.namespaces.pop(name)
        for link in ns.links.values():   # a dead namespace's id is free again where it was known
            if link.peer is not None and link.peer.netns is not None and link.peer.netns is not ns:
                link.peer.netns.forget_netns(name)
        self.host.forget_netns(name)
        for link in list(ns.links.values()):
            if link.peer is not None and link.peer.netns is not None and link.peer.netns is not ns:
                # deleting a namespace destroys its veth ends, and so their peers
                peer = link.peer
                peer.netns.remove_link(peer.name)  # type: ignore[union-attr]
                peer.peer = None
            link.peer = None

    def count(self, link: Link, received: bool, packets: int, nbytes: int) -> None:
        """``packets`` frames of ``nbytes`` in all crossed ``link`` (received, else sent): its
        counters grow, journalled as every change of the model is."""
        if received:
            old = (link.rx_packets, link.rx_bytes)
            self.journal.record(lambda: (setattr(link, "rx_packets", old[0]), setattr(link, "rx_bytes", old[1])))
            link.rx_packets += packets
            link.rx_bytes += nbytes
        else:
            old = (link.tx_packets, link.tx_bytes)
            self.journal.record(lambda: (setattr(link, "tx_packets", old[0]), setattr(link, "tx_bytes", old[1])))
            link.tx_packets += packets
            link.tx_bytes += nbytes

    def next_ifindex(self, ns: Namespace) -> int:
        if self.ifindex_policy == "per_netns":
            i = ns._next_index
            self.journal.record(lambda: setattr(ns, "_next_index", i))
            ns._next_index += 1
            return i
        i = self._global_index
        self.journal.record(lambda: setattr(self, "_global_index", i))
        self._global_index += 1
        return i

    def add_veth(self, ns_a: Namespace, name_a: str, ns_b: Namespace, name_b: str, *, mtu: int = 1500,
                 mac_a: str, mac_b: str, txqueuelen: int = 0) -> tuple[Link, Link]:
        """Create a veth pair with one end in each namespace (``ip link add … type veth peer …``).

        The container-side end (``b``) is numbered first when one counter serves the machine,
        which is why 20.10 shows ``16: eth0@if17``. ``txqueuelen`` is 0 because libnetwork asks for
        it (``ip a`` shows no ``qlen`` on Docker's veths).
        """
        if ns_a.kernel.ifindex_policy == "global":
            ib = self.next_ifindex(ns_b)
            ia = self.next_ifindex(ns_a)
        else:
            ia = self.next_ifindex(ns_a)
            ib = self.next_ifindex(ns_b)
        a = ns_a.add_link(name_a, "veth", index=ia, mtu=mtu, mac=mac_a, txqueuelen=txqueuelen)
        b = ns_b.add_link(name_b, "veth", index=ib, mtu=mtu, mac=mac_b, txqueuelen=txqueuelen)
        a.peer, b.peer = b, a
        if ns_a is not ns_b:
            ns_a.netnsid(ns_b)
            ns_b.netnsid(ns_a)
        return a, b
