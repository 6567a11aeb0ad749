"""libnetwork's objects: networks, endpoints and sandboxes (the Container Network Model).

A Network is one driver's network (its ``driver`` names it in the controller's table) with its
IPAM pools; an Endpoint joins one container to one network (for the bridge driver: a veth pair,
an address, a MAC, published ports); a Sandbox is a container's network stack (a namespace, or
the host's for host mode). The bridge driver's parsed options (``bridge``, ``icc``,
``masquerade``, ``host_ip``, ``mtu``) are kept on the Network, where inspect and the views read
them; only the bridge driver sets them (``configure_network``).
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ..records import Record, field
from ..addr import IP, Prefix
from ..kernel import Link, Namespace


class IpamRequest(Record, frozen=True, slots=True):
    """One entry of a network's IPAM configuration as libnetwork's ipamAllocate takes it (moby's
    ``IpamConf``, parsed): the pool to request (None: a predefined one), its ``--ip-range``, the
    ``--gateway`` and ``--aux-address`` reservations, and the user's entry as given (shown by
    ``docker network inspect``; None for what the daemon chose itself)."""

    pool: Optional[Prefix] = None
    sub_pool: Optional[Prefix] = None
    gateway: Optional[IP] = None
    gateway_text: str = ""                       # as the user typed it, for the error message
    aux: tuple[tuple[str, IP], ...] = ()
    user_config: Optional[Mapping[str, Any]] = None


class PoolState(Record, slots=True):
    """One IPAM pool held by a network, and what it reserved in it."""

    pool_id: str
    pool: Prefix                      # the subnet (as typed when the user gave it)
    sub_pool: Optional[Prefix]
    gateway: Optional[IP]
    aux: dict[str, IP] = field(default_factory=dict)
    v6: bool = False
    user_config: Optional[Mapping[str, Any]] = None   # the user's IPAM config entry, verbatim


class Network(Record, slots=True, eq=False):
    id: str
    name: str
    driver: str                       # the name of its driver in the controller's table
    created_ns: int
    scope: str = "local"
    internal: bool = False
    attachable: bool = False
    ingress: bool = False
    enable_ipv4: bool = True
    enable_ipv6: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)        # driver options as shown by inspect
    ipam_driver: str = "default"
    ipam_options: Optional[dict[str, str]] = None
    user_ipam: bool = False           # the user gave --subnet: inspect echoes the config verbatim
    pools4: list[PoolState] = field(default_factory=list)
    pools6: list[PoolState] = field(default_factory=list)
    predefined: bool = False
    default_bridge: bool = False
    bridge: Optional[str] = None      # the bridge device's name
    icc: bool = True
    masquerade: bool = True
    host_ip: str = "0.0.0.0"
    mtu: int = 1500
    # the bridge's gateway modes per family (Engine 27+): nat, nat-unprotected, routed, isolated
    gw_mode4: str = "nat"
    gw_mode6: str = "nat"
    # no gateway address is taken from the pool (an isolated gateway mode: the bridge has no address,
    # the first container gets .1; r230 giso2)
    skip_gateway4: bool = False
    skip_gateway6: bool = False
    endpoints: dict[str, "Endpoint"] = field(default_factory=dict)
    endpoint_names: dict[str, "Endpoint"] = field(default_factory=dict)   # by endpoint (container) name
    # 20.10's default bridge shows no gateway in inspect (the pool was requested statically)
    show_gateway: bool = True
    # the user gave a subnet (or --bip/--fixed-cidr for the default bridge): --ip is allowed
    has_user_subnet: bool = False
    config_only: bool = False
    config_from: str = ""
    # IPAM config entries kept for display only (an IPv6 subnet given without --ipv6)
    display_only: list[dict[str, Any]] = field(default_factory=list)
    # dockerd --default-gateway(-v6): the default bridge's endpoints route via these, not the bridge
    endpoint_gateway4: Optional[IP] = None
    endpoint_gateway6: Optional[IP] = None
    # the bridge device was there before the network (a bridge made by hand): never removed with it
    owns_bridge: bool = True
    # 20.10's bridge driver dropped this network when another took its device (hd02)
    driver_forgot: bool = False

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def is_user_defined(self) -> bool:
        return not self.predefined

    def gw_mode(self, version: int) -> str:
        """The gateway mode of one address family (``nat`` unless the driver says otherwise)."""
        return self.gw_mode4 if version == 4 else self.gw_mode6

    @property
    def subnet4(self) -> Optional[Prefix]:
        return self.pools4[0].pool.masked() if self.pools4 else None

    def _repr_html_(self) -> str:
        """A notebook's view: the IPAM and bridge, then each endpoint (container, interface, IP,
        MAC, host veth)."""
        from .. import notebook as nb      # a notebook's: not loaded by a terminal (issue 15)
        flags = [f for f, on in (("internal", self.internal), ("attachable", self.attachable),
                                 ("IPv6", self.enable_ipv6), ("no ICC", not self.icc)) if on]
        head = (f"<div style='font-size:13px'><b>{nb.esc(self.name)}</b> {nb.badge(self.driver, nb.PALETTE[0])} "
                f"{nb.code(self.short_id)} " + " ".join(nb.badge(f, nb.MUTED) for f in flags) + "</div>")
        pools = nb.table(["subnet", "ip range", "gateway"],
                         ([nb.code(ps.pool), nb.code(ps.sub_pool or "—"), nb.code(ps.gateway or "—")]
                          for ps in list(self.pools4) + list(self.pools6)))
        eps = sorted(self.endpoints.values(), key=lambda ep: (ep.ip4.value if ep.ip4 is not None else -1, ep.name))
        rows = ([f"<b>{nb.esc(ep.name)}</b>", nb.code(ep.ifname or "—"),
                 nb.code(f"{ep.ip4}/{ep.prefixlen4}" if ep.ip4 is not None else "—"),
                 nb.code(f"{ep.ip6}/{ep.prefixlen6}" if ep.ip6 is not None else "—"), nb.code(ep.mac or "—"),
                 nb.code(ep.host_link.name if ep.host_link is not None else "—")] for ep in eps)
        bridge = f"<div style='font-size:12px'>bridge {nb.code(self.bridge)}</div>" if self.bridge else ""
        return (f"<div class='dn-network'>{head}{bridge}{pools}"
                + nb.table(["container", "interface", "IPv4", "IPv6", "MAC", "host veth"], rows) + "</div>")

    def endpoint_by_name(self, name: str) -> Optional["Endpoint"]:
        return self.endpoint_names.get(name)


class PortHold(Record, frozen=True, slots=True):
    """Host ports an endpoint holds for one protocol and address: ``first``..``last``, so a
    published range of 65,535 ports is one hold, not one per port.

    >>> list(PortHold("tcp", "0.0.0.0", 80, 82).ports)
    [80, 81, 82]
    """

    proto: str
    host_ip: str
    first: int
    last: int

    @property
    def ports(self) -> range:
        return range(self.first, self.last + 1)


class Endpoint(Record, slots=True, eq=False):
    id: str
    name: str                         # the container's name, without '/'
    network: Network
    container_id: str
    sandbox: Optional["Sandbox"] = None
    ip4: Optional[IP] = None
    prefixlen4: int = 0
    ip6: Optional[IP] = None
    prefixlen6: int = 0
    mac: str = ""
    gateway4: Optional[IP] = None
    gateway6: Optional[IP] = None
    host_link: Optional[Link] = None  # the host end of the veth pair
    link: Optional[Link] = None       # the container end (eth0, eth1 …)
    # (what most endpoints never have is a shared empty tuple: a host holds one endpoint per
    # container and network, which a fork copies and the cyclic collector scans)
    aliases: tuple[str, ...] = ()
    dns_names: tuple[str, ...] = ()
    ports: "list[Any] | tuple[()]" = ()          # PortMapping objects published for it
    port_holds: "list[PortHold] | tuple[()]" = ()   # host ports held, a run per range
    static_ip4: Optional[IP] = None
    static_ip6: Optional[IP] = None
    gw_priority: int = 0
    links: tuple[Any, ...] = ()   # (parent IP, child IP, ports) programmed for --link

    @property
    def ifname(self) -> str:
        return self.link.name if self.link is not None else ""


class Sandbox(Record, slots=True, eq=False):
    id: str
    container_id: str
    ns: Namespace
    key: str                           # /var/run/docker/netns/<id12> or …/default
    host_mode: bool = False
    endpoints: list[Endpoint] = field(default_factory=list)
    next_eth: int = 0                  # 20.10: names count up and are never reused

    def gateway_endpoint(self, skip_internal: bool = True) -> Optional[Endpoint]:
        """The endpoint whose gateway becomes the default route (libnetwork's endpoint order);
        28 never routes through an internal network, 20.10 does when nothing else is there."""
        ordered = sorted_endpoints(self.endpoints)
        for ep in ordered:
            if ep.gateway4 is not None and not (skip_internal and ep.network.internal):
                return ep
        # no IPv4 gateway anywhere: an IPv6-only network's endpoint (--ipv4=false) carries the
        # published ports (r232, r234)
        for ep in ordered:
            if ep.ip4 is None and ep.gateway6 is not None and not ep.network.internal:
                return ep
        return None

    def gateway_endpoint6(self) -> Optional[Endpoint]:
        """The endpoint whose IPv6 gateway becomes the IPv6 default route, chosen apart from the
        IPv4 one: an IPv6-only network keeps it when an IPv4-only one gives the IPv4 default
        (r234 on 28). Where every IPv6 network is dual-stack it is the IPv4 gateway endpoint,
        which the endpoint order puts first. Never an internal network's (20.10 routes IPv6 through
        one only as its IPv4 gateway endpoint, see the controller)."""
        for ep in sorted_endpoints(self.endpoints):
            if ep.gateway6 is not None and ep.ip6 is not None and not ep.network.internal:
                return ep
        return None


def order_key(net: Network, gw_priority: int, has_gateway4: bool, has_gateway6: bool) -> tuple[int, int, int, int, str]:
    """libnetwork's endpoint ordering in a sandbox (the better default gateway first): internal
    networks last; before them an endpoint with an IPv4 or an IPv6 gateway the other lacks (an
    IPv6 network's endpoint before an IPv4-only one, on every engine, and on 28 even against a
    higher gw-priority); then gw-priority, highest first; then by network name. Recorded in
    tests/golden r171_start_order_v6 (20.10, 26, 28) and r172_gw_priority_v6 (28)."""
    internal = net.internal
    return (1 if internal else 0, 0 if has_gateway4 and not internal else 1,
            0 if has_gateway6 and not internal else 1, -gw_priority, net.name)


def endpoint_order_key(ep: Endpoint) -> tuple[int, int, int, int, str]:
    return order_key(ep.network, ep.gw_priority, ep.gateway4 is not None, ep.gateway6 is not None)


def sorted_endpoints(eps: list[Endpoint]) -> list[Endpoint]:
    return sorted(eps, key=endpoint_order_key)
