"""Network interfaces (rtnetlink links): loopback, veth, bridge, macvlan and the host's NICs.

Mirrors what ``ip link``/``ip addr`` show: an index unique in its namespace, a name, a kind,
MTU, MAC, the administrative and carrier state, a bridge master, a veth peer, a macvlan's lower
link (its parent, IFLA_LINK, possibly in another namespace) and mode, addresses, and the
traffic counters ``ifconfig`` and ``ip -s link`` print.

A host of n containers holds about 3n links, which a fork copies and Python's cyclic collector
scans: what many links never have (ports: only a bridge has them; addresses: not a host's veth)
is a shared empty tuple until first written, and an address is a value, which links can share
(every namespace's ``lo`` holds the same two); a link's addresses are a tuple, made again when
one is added or removed (rare), so that a fork shares it instead of copying a list per link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..records import Record
from ..addr import IP

if TYPE_CHECKING:  # pragma: no cover
    from .netns import Namespace


class Address(Record, frozen=True, slots=True):
    """An address on a link, as ``ip addr`` lists it (``inet 172.17.0.2/16 brd 172.17.255.255``)."""

    ip: IP
    prefixlen: int
    broadcast: Optional[IP] = None
    scope: str = "global"
    # IFA_F_NODAD: added without duplicate address detection (``ip a`` shows ``nodad``)
    nodad: bool = False

    @property
    def family(self) -> int:
        return self.ip.version

    def __reduce__(self) -> tuple[Any, ...]:
        # pickling a host (as copy.deepcopy does): dataclasses' own pickling of a frozen class
        # looks up its fields for every object, several times the cost of this
        return Address, (self.ip, self.prefixlen, self.broadcast, self.scope, self.nodad)


class Link(Record, slots=True, eq=False):
    """One interface in one namespace.

    ``kind`` is ``loopback``, ``veth``, ``bridge``, ``macvlan`` or ``ether`` (a physical or
    dummy NIC).
    ``up`` is the administrative state (IFF_UP); ``carrier`` is LOWER_UP.
    """

    index: int
    name: str
    kind: str
    mtu: int = 1500
    mac: str = "00:00:00:00:00:00"
    up: bool = False
    carrier: bool = False
    addresses: tuple[Address, ...] = ()      # made again on a change (``Namespace.add_address``)
    master: Optional["Link"] = None          # the bridge this link is a port of
    peer: Optional["Link"] = None            # the other end of a veth pair
    netns: Optional["Namespace"] = None
    txqueuelen: int = 1000
    # bridge only: ports in the order they were enslaved, each with its place in that order (a
    # dict, so a port leaves in O(1); another link's is a shared empty tuple until something is
    # enslaved to it: ``add_port``), and how many ports have each MTU (the smallest, which a
    # 20.10 bridge takes, without a walk over the ports)
    ports: "dict[Link, int] | tuple[()]" = ()
    port_mtus: "dict[int, int] | tuple[()]" = ()
    # whether the link has had carrier while up: the kernel adds the IPv6 link-local address then
    # and keeps it when carrier goes (a bridge whose last port left still shows its fe80::)
    had_carrier: bool = False
    stp: bool = False
    hairpin: bool = False
    # macvlan only: the parent link (which may be in another namespace) and the mode
    # (``bridge``, ``private``, ``vepa``, ``passthru``; linux ``drivers/net/macvlan.c``)
    lower: Optional["Link"] = None
    macvlan_mode: str = ""
    # the link has been up once: the kernel attached its qdisc then and keeps showing it (``qdisc
    # noqueue`` on a link set down again; m11)
    was_up: bool = False
    # rtnl_link_stats64: the packets the model moved across the link (``Kernel.count``)
    rx_packets: int = 0
    rx_bytes: int = 0
    tx_packets: int = 0
    tx_bytes: int = 0

    def add_address(self, address: Address) -> None:
        """Add ``address`` last (``ip addr add``; the namespace adds its route)."""
        self.addresses = (*self.addresses, address)

    def add_port(self, port: "Link", place: Optional[int] = None) -> None:
        """Enslave ``port`` here, last or back at the ``place`` :meth:`remove_port` gave (an undo):
        it is in ``ports`` and this link is its ``master``, both or neither."""
        ports, mtus = self.ports, self.port_mtus
        if not isinstance(ports, dict) or not isinstance(mtus, dict):
            ports, mtus = self.ports, self.port_mtus = {}, {}
        last = next(reversed(ports.values()), -1)
        ports[port] = last + 1 if place is None else place
        if place is not None and place < last:      # (an undo only: the order as it was)
            self.ports = dict(sorted(ports.items(), key=lambda kv: kv[1]))
        mtus[port.mtu] = mtus.get(port.mtu, 0) + 1
        port.master = self

    def remove_port(self, port: "Link") -> int:
        """Release ``port`` (``ip link set … nomaster``, or the port is deleted); returns its place."""
        ports, mtus = self.ports, self.port_mtus
        assert isinstance(ports, dict) and isinstance(mtus, dict)
        place = ports.pop(port)
        left = mtus.pop(port.mtu) - 1
        if left:
            mtus[port.mtu] = left
        port.master = None
        return place

    def set_mtu(self, mtu: int) -> None:
        """Change the MTU (``ip link set … mtu N``), keeping the master's count of port MTUs."""
        mtus = self.master.port_mtus if self.master is not None else None
        if isinstance(mtus, dict):
            left = mtus.pop(self.mtu) - 1
            if left:
                mtus[self.mtu] = left
            mtus[mtu] = mtus.get(mtu, 0) + 1
        self.mtu = mtu

    def smallest_port_mtu(self) -> Optional[int]:
        """The smallest MTU among the ports (a bridge without ports: None)."""
        return min(self.port_mtus) if self.port_mtus else None

    @property
    def is_bridge(self) -> bool:
        return self.kind == "bridge"

    def flags(self) -> list[str]:
        """IFF flags in the order iproute2 prints them."""
        if self.kind == "loopback":
            out = ["LOOPBACK"]
        else:
            out = ["BROADCAST", "MULTICAST"]
        if self.up:
            out.append("UP")
        if self.up and self.carrier:
            out.append("LOWER_UP")
        if self.kind == "loopback" and not self.up:
            out = ["LOOPBACK"]
        return out

    def ipv4(self) -> list[Address]:
        return [a for a in self.addresses if a.ip.version == 4]

    def ipv6(self) -> list[Address]:
        return [a for a in self.addresses if a.ip.version == 6]
