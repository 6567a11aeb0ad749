"""Network interfaces (rtnetlink links): loopback, veth, bridge, macvlan and the host's NICs.

Mirrors what ``ip link``/``ip addr`` show: an index unique in its namespace, a name, a kind,
MTU, MAC, the administrative and carrier state, a bridge master, a veth peer, a macvlan's lower
link (its parent, IFLA_LINK, possibly in another namespace) and mode, addresses, and the
traffic counters ``ifconfig`` and ``ip -s link`` print.

A host of n containers holds about 3n links, which a fork copies and Python's cyclic collector
scans: what many links never have (ports: only a bridge has them; addresses: not a host's veth)
is a shared empty tuple until first written, and an address is a value, which links can share
(every namespace's ``lo`` holds the same two).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..records import dataclass, field
from ..addr import IP

if TYPE_CHECKING:  # pragma: no cover
    from .netns import Namespace


@dataclass(frozen=True, slots=True)
class Address:
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
        # a fork pickles the host: dataclasses' own pickling of a frozen class looks up its
        # fields for every object, several times the cost of this
        return Address, (self.ip, self.prefixlen, self.broadcast, self.scope, self.nodad)


@dataclass(slots=True, eq=False)
class Link:
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
    addresses: "list[Address] | tuple[()]" = ()   # a list from the first (``Namespace.add_address``)
    master: Optional["Link"] = None          # the bridge this link is a port of
    peer: Optional["Link"] = None            # the other end of a veth pair
    netns: Optional["Namespace"] = None
    txqueuelen: int = 1000
    # bridge only: ports in the order they were enslaved (a bridge's is a list; another link's a
    # shared empty tuple until something is enslaved to it: ``add_port``)
    ports: "list[Link] | tuple[()]" = ()
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
        if isinstance(self.addresses, list):
            self.addresses.append(address)
        else:
            self.addresses = [*self.addresses, address]

    def add_port(self, port: "Link", position: Optional[int] = None) -> None:
        """Enslave ``port`` here, last or at ``position``: it is in ``ports`` and this link is its
        ``master``, both or neither (no call between the two)."""
        ports = self.ports
        if not isinstance(ports, list):
            ports = self.ports = []
        ports.insert(len(ports) if position is None else position, port)
        port.master = self

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
