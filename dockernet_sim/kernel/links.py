"""Network interfaces (rtnetlink links): loopback, veth, bridge, macvlan and the host's NICs.

Mirrors what ``ip link``/``ip addr`` show: an index unique in its namespace, a name, a kind,
MTU, MAC, the administrative and carrier state, a bridge master, a veth peer, a macvlan's lower
link (its parent, IFLA_LINK, possibly in another namespace) and mode, addresses, and the
traffic counters ``ifconfig`` and ``ip -s link`` print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..records import dataclass, field
from ..addr import IP

if TYPE_CHECKING:  # pragma: no cover
    from .netns import Namespace


@dataclass(slots=True)
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
    addresses: list[Address] = field(default_factory=list)
    master: Optional["Link"] = None          # the bridge this link is a port of
    peer: Optional["Link"] = None            # the other end of a veth pair
    netns: Optional["Namespace"] = None
    txqueuelen: int = 1000
    # bridge only: ports in the order they were enslaved
    ports: list["Link"] = field(default_factory=list)
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
