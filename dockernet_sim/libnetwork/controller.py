"""libnetwork's controller: networks, endpoints and sandboxes, with drivers behind a seam.

Imitates libnetwork's ``controller.go``, ``network.go``, ``endpoint.go`` and ``sandbox.go``:
what every network shares is here — the network and endpoint tables, IPAM pools, gateways and
endpoint addresses, sandboxes (a namespace per container, or the host's), the ``ethN`` naming,
an interface's addresses and the default route inside the container. What a driver does is the
driver's (:mod:`.drivers.api`): a network's ``driver`` names it in the table of registered
drivers (:mod:`.drivers.registry`), and the controller asks it to create and delete the network
and its endpoints, join and leave sandboxes, and program external connectivity. Nothing here
knows which driver it talks to. Every change, the drivers' included, records its inverse in the
journal before it is made (or, when the inverse is known only afterwards, a ``journal.step()``
slot filled right after it), so a failing or interrupted API call leaves nothing behind; the
IPAM and the kernel's counters journal themselves.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from ..addr import IP, Prefix
from ..errors import DockerError, Forbidden, InvalidParameter, NotFound, SystemError_
from ..ids import Randomness
from ..journal import Journal, put_back
from ..kernel import Kernel, Namespace
from ..engines import Profile
from .drivers.api import Driver, DriverContext
from .ipam import Ipam
from .model import Endpoint, IpamRequest, Network, PoolState, PortHold, Sandbox
from .portallocator import PortAllocator


class Controller:
    """Owns the networks, endpoints and sandboxes of one host, and its registered drivers."""

    def __init__(self, kernel: Kernel, profile: Profile, rand: Randomness, journal: Journal, ipam: Ipam,
                 ports: PortAllocator, drivers: Iterable[Driver], *, mtu: int = 1500,
                 on_demand: Mapping[str, Callable[[DriverContext], Driver]] = {}) -> None:
        self.kernel = kernel
        self.profile = profile
        self.rand = rand
        self.journal = journal
        self.ipam = ipam
        self.ports = ports
        self.mtu = mtu
        self.drivers: dict[str, Driver] = {d.name: d for d in drivers}     # the drivers made so far
        # registered drivers not made yet (their modules load with them): name -> maker
        self.on_demand: dict[str, Callable[[DriverContext], Driver]] = dict(on_demand)
        self.networks: dict[str, Network] = {}          # by ID, in creation order
        self.sandboxes: dict[str, Sandbox] = {}
        self.endpoints_by_id: dict[str, Endpoint] = {}
        # (network ID, container name, family) -> the address it last had: the hint the
        # ``sticky`` allocation policy honours (a what-if knob; Docker itself has no memory)
        self.last_address: dict[tuple[str, str, int], IP] = {}

    # -- small journalled helpers --------------------------------------------------------------
    def _undo(self, fn: Callable[[], object]) -> None:
        self.journal.record(fn)

    def host_ns(self) -> Namespace:
        return self.kernel.host

    # -- lookups -------------------------------------------------------------------------------
    def network_by_name(self, name: str) -> Optional[Network]:
        for n in self.networks.values():
            if n.name == name:
                return n
        return None

    def find_network(self, term: str) -> Network:
        """Docker's lookup: full ID, then exact name, then unique ID prefix."""
        n = self.networks.get(term)
        if n is not None:
            return n
        byname = [n for n in self.networks.values() if n.name == term]
        if len(byname) == 1:
            return byname[0]
        if len(byname) > 1:
            raise InvalidParameter(f"network {term} is ambiguous ({len(byname)} matches found on name)")
        if term:
            pref = [n for n in self.networks.values() if n.id.startswith(term)]
            if len(pref) == 1:
                return pref[0]
            if len(pref) > 1:
                raise InvalidParameter(f"network {term} is ambiguous ({len(pref)} matches found based on ID prefix)")
        raise NotFound(f"network {term} not found")

    # -- networks ------------------------------------------------------------------------------
    def add_network(self, net: Network) -> None:
        self._undo(lambda: self.networks.pop(net.id, None))
        self.networks[net.id] = net

    def allocate_pools(self, net: Network, configs4: Sequence[IpamRequest], configs6: Sequence[IpamRequest],
                       exclude: Sequence[Prefix] = ()) -> None:
        """Request the network's IPAM pools, gateways and aux addresses (libnetwork ipamAllocate)."""
        for v6, configs in ((False, configs4), (True, configs6)):
            if (v6 and not net.enable_ipv6) or (not v6 and not net.enable_ipv4):
                continue
            if not configs:
                configs = [IpamRequest()]
            for cfg in configs:
                sub = cfg.sub_pool
                # (the IPAM journals its own changes exactly, cursors and all)
                info = self.ipam.request_pool(cfg.pool, sub, v6=v6, exclude=() if v6 else exclude)
                ps = PoolState(pool_id=info.pool_id, pool=info.pool, sub_pool=sub, gateway=None, v6=v6,
                               user_config=cfg.user_config)
                if not (net.skip_gateway6 if v6 else net.skip_gateway4):
                    try:
                        gw = self.ipam.request_address(info.pool_id, cfg.gateway, gateway=True)
                    except DockerError as e:
                        raise SystemError_(f"failed to allocate gateway ({cfg.gateway_text}): {e}") from None
                    ps.gateway = gw
                for key, ip in cfg.aux:
                    if not info.pool.contains(ip):
                        raise Forbidden(f"auxiliary address: ({key}:{ip}) must belong to the master pool: {info.pool}")
                    try:
                        self.ipam.request_address(info.pool_id, ip)
                    except DockerError as e:
                        raise SystemError_(f"failed to allocate secondary ip address ({key}:{ip}): {e}") from None
                    ps.aux[key] = ip
                (net.pools6 if v6 else net.pools4).append(ps)

    def release_pools(self, net: Network) -> None:
        for ps in net.pools4 + net.pools6:
            for ip in ps.aux.values():
                self.ipam.release_address(ps.pool_id, ip)
            if ps.gateway is not None:
                self.ipam.release_address(ps.pool_id, ps.gateway)
            self.ipam.release_pool(ps.pool_id)

    def driver(self, name: str) -> Driver:
        """The driver registered under ``name``, made now if it was registered on demand
        (KeyError when there is none)."""
        d = self.drivers.get(name)
        if d is None:
            d = self.drivers[name] = self.on_demand[name](self._driver_context())
        return d

    def _driver_context(self) -> DriverContext:
        return DriverContext(self.kernel, self.profile, self.rand, self.journal)

    def has_driver(self, name: str) -> bool:
        return name in self.drivers or name in self.on_demand

    def driver_states(self) -> dict[str, object]:
        """Each registered driver's state for comparison (``Daemon.state``); one not made yet has
        a new driver's, read from one made for the asking and dropped (the host is left as it was)."""
        ctx = self._driver_context()
        return {**{name: make(ctx).state() for name, make in self.on_demand.items()},
                **{name: d.state() for name, d in self.drivers.items()}}

    def register(self, driver: Driver) -> None:
        """Register a driver under its name (libnetwork's ``RegisterDriver``): configuration of
        the host, not an Engine API call, so not journalled."""
        self.drivers[driver.name] = driver

    def _driver_of(self, net: Network) -> Driver:
        return self.drivers.get(net.driver) or self.driver(net.driver)

    def configure_network(self, net: Network) -> None:
        """The network's driver parses and checks its options, before the pools are allocated."""
        self._driver_of(net).configure_network(net)

    def create_network(self, net: Network) -> None:
        """Program a network whose pools are allocated, through its driver (libnetwork's
        ``addNetwork``: the driver's ``CreateNetwork``)."""
        self._driver_of(net).create_network(net)

    def delete_network(self, net: Network) -> None:
        """The driver's ``DeleteNetwork``, then the pools go back to IPAM."""
        self._driver_of(net).delete_network(net)
        self.release_pools(net)
        self._undo(put_back(self.networks, net.id, net))   # listings keep creation order
        del self.networks[net.id]

    # -- sandboxes -----------------------------------------------------------------------------
    def new_sandbox(self, container_id: str, *, host_mode: bool = False) -> Sandbox:
        sid = self.rand.object_id()
        if host_mode:
            sb = Sandbox(id=sid, container_id=container_id, ns=self.host_ns(),
                         key="/var/run/docker/netns/default", host_mode=True)
        else:
            name = sid[:12]
            had = self.kernel.namespaces.get(name)
            self._undo(lambda: self.kernel.namespaces.pop(name, None) if had is None else None)
            ns = self.kernel.new_namespace(name, lo_ipv6=self.profile.container_ipv6_enabled)
            if not self.profile.container_ipv6_enabled:
                ns.sysctl["net.ipv6.conf.all.disable_ipv6"] = "1"
            sb = Sandbox(id=sid, container_id=container_id, ns=ns, key=f"/var/run/docker/netns/{sid[:12]}")
        self._undo(lambda: self.sandboxes.pop(sid, None))
        self.sandboxes[sid] = sb
        return sb

    def delete_sandbox(self, sb: Sandbox) -> None:
        for ep in list(sb.endpoints):
            self.leave(ep)
        if sb.id in self.sandboxes:     # (back in its place: a saved host's snapshot keeps the order)
            self._undo(put_back(self.sandboxes, sb.id, sb))
            del self.sandboxes[sb.id]
        if not sb.host_mode:
            ns = self.kernel.namespaces.get(sb.ns.name)
            if ns is not None:
                self._undo(put_back(self.kernel.namespaces, ns.name, ns))   # views list them in order
                del self.kernel.namespaces[ns.name]
                self.kernel.host.forget_netns(ns.name)   # journalled by the kernel

    # -- endpoints -----------------------------------------------------------------------------
    def create_endpoint(self, net: Network, container_id: str, name: str, *, ip4: Optional[IP] = None,
                        ip6: Optional[IP] = None, mac: Optional[str] = None,
                        aliases: Sequence[str] = (), dns_names: Sequence[str] = (), gw_priority: int = 0) -> Endpoint:
        """Allocate an endpoint's addresses and let its driver complete it (libnetwork
        CreateEndpoint): IPv4 first, the driver's MAC, then IPv6 (which 20.10 derives from it)."""
        if net.config_only:
            raise InvalidParameter("cannot create endpoint on configuration-only network")
        if net.endpoint_by_name(name) is not None:
            raise Forbidden(f"endpoint with name {name} already exists in network {net.name}")
        ep = Endpoint(id=self.rand.object_id(), name=name, network=net, container_id=container_id,
                      aliases=tuple(aliases), dns_names=tuple(dns_names), static_ip4=ip4, static_ip6=ip6,
                      gw_priority=gw_priority)
        driver = self._driver_of(net)
        if driver.ipam_endpoints:
            self._assign_address(net, ep, ip4, v6=False)
        driver.create_endpoint(ep, mac)
        if driver.ipam_endpoints and net.enable_ipv6:
            try:
                self._assign_address(net, ep, ip6, v6=True, driver=driver)
            except DockerError:
                if self.profile.failed_ipv6_keeps_ipv4 and ep.ip4 is not None:
                    self._leak_address(net, ep.ip4)
                raise
        self._undo(lambda: (net.endpoints.pop(ep.id, None), net.endpoint_names.pop(name, None),
                            self.endpoints_by_id.pop(ep.id, None)))
        net.endpoints[ep.id] = ep
        net.endpoint_names[name] = ep
        self.endpoints_by_id[ep.id] = ep
        return ep

    def _leak_address(self, net: Network, ip: IP) -> None:
        """Profile ``failed_ipv6_keeps_ipv4``: dockerd does not give back the IPv4 address an
        endpoint took when its IPv6 address then fails (r93_ipv6_errors): held by nobody, it stays
        allocated until the network goes."""
        for ps in net.pools4:
            if ps.pool.contains(ip):
                self.journal.survive_rollback(
                    lambda pid=ps.pool_id, a=ip: self.ipam.request_address(pid, a))
                return

    def _assign_address(self, net: Network, ep: Endpoint, pref: Optional[IP], v6: bool,
                        driver: Optional[Driver] = None) -> None:
        """Take the endpoint's address from the first of the network's pools that has one (the
        one asked for, else the driver's preference, else IPAM's choice)."""
        pools = net.pools6 if v6 else net.pools4
        fam = 6 if v6 else 4
        memory = self.last_address
        for ps in pools:
            if pref is not None and not ps.pool.contains(pref):
                continue
            if pref is None and driver is not None:
                pref = driver.preferred_ipv6(ep, ps.pool)
            key = (net.id, ep.name, fam)
            hint = memory.get(key) if pref is None else None
            try:
                ip = self.ipam.request_address(ps.pool_id, pref, hint=hint)
            except DockerError as e:
                if pref is not None or not _is_no_available(e):
                    raise
                continue
            before = memory.get(key)
            self._undo(lambda k=key, b=before: memory.__setitem__(k, b) if b is not None else memory.pop(k, None))
            memory[key] = ip
            if v6:
                ep.ip6, ep.prefixlen6, ep.gateway6 = ip, ps.pool.length, net.endpoint_gateway6 or ps.gateway
            else:
                ep.ip4, ep.prefixlen4, ep.gateway4 = ip, ps.pool.length, net.endpoint_gateway4 or ps.gateway
            return
        if pref is not None:
            raise InvalidParameter(self.profile.messages.address_not_in_subnet.format(ip=pref))
        if not pools:
            return
        raise SystemError_(f"no available IPv{fam} addresses on this network's address pools: {net.name} ({net.id})")

    def delete_endpoint(self, ep: Endpoint) -> None:
        """The driver's ``DeleteEndpoint``, then the endpoint's addresses go back to IPAM."""
        net = ep.network
        self._driver_of(net).delete_endpoint(ep)
        for ip, pools in ((ep.ip4, net.pools4), (ep.ip6, net.pools6)):
            if ip is None:
                continue
            for ps in pools:
                if ps.pool.contains(ip):
                    self.ipam.release_address(ps.pool_id, ip)
                    break
        # back in their places: inspect lists the endpoints in this order, and a saved host's
        # snapshot has every table's
        places = [put_back(net.endpoints, ep.id, ep), put_back(self.endpoints_by_id, ep.id, ep)]
        if net.endpoint_names.get(ep.name) is ep:
            places.append(put_back(net.endpoint_names, ep.name, ep))

        def undo() -> None:
            for restore_place in places:
                restore_place()
        self._undo(undo)
        net.endpoints.pop(ep.id, None)
        if net.endpoint_names.get(ep.name) is ep:
            del net.endpoint_names[ep.name]
        self.endpoints_by_id.pop(ep.id, None)

    def eth_name(self, sb: Sandbox) -> str:
        if self.profile.reuse_eth_numbers:
            used = {l.name for l in sb.ns.links.values()}
            i = 0
            while f"eth{i}" in used:
                i += 1
            return f"eth{i}"
        i = sb.next_eth
        self._undo(lambda: setattr(sb, "next_eth", i))
        sb.next_eth += 1
        return f"eth{i}"

    def join(self, ep: Endpoint, sb: Sandbox, ifname: Optional[str] = None) -> None:
        """Attach an endpoint to a sandbox (libnetwork Join): the driver makes the interface, the
        sandbox gets the endpoint's addresses on it and its default route."""
        self._undo(lambda: (sb.endpoints.remove(ep) if ep in sb.endpoints else None, setattr(ep, "sandbox", None)))
        ep.sandbox = sb
        sb.endpoints.append(ep)
        if sb.host_mode:
            return
        iface = self._driver_of(ep.network).join(ep, sb, lambda: ifname or self.eth_name(sb))
        if iface is None:
            return
        self._undo(lambda: (setattr(ep, "host_link", None), setattr(ep, "link", None)))
        ep.host_link, ep.link = iface.host_link, iface.link
        name = iface.link.name
        if ep.ip6 is None and self.profile.disable_ipv6_without_v6:
            # dockerd turns IPv6 off on an interface whose network has none (no fe80:: either)
            key = f"net.ipv6.conf.{name}.disable_ipv6"
            self._undo(lambda: sb.ns.sysctl.pop(key, None))
            sb.ns.sysctl[key] = "1"
        if ep.ip4 is not None:
            sb.ns.add_address(name, ep.ip4, ep.prefixlen4)
        if ep.ip6 is not None:
            # dockerd adds endpoint IPv6 addresses without DAD
            sb.ns.add_address(name, ep.ip6, ep.prefixlen6, nodad=True)
            if sb.ns.sysctl.get("net.ipv6.conf.all.disable_ipv6") == "1":
                # a container with an IPv6 endpoint has IPv6 on (20.10 turns it off otherwise)
                self._undo(lambda: sb.ns.sysctl.__setitem__("net.ipv6.conf.all.disable_ipv6", "1"))
                sb.ns.sysctl["net.ipv6.conf.all.disable_ipv6"] = "0"
        self.update_default_route(sb)

    def update_default_route(self, sb: Sandbox) -> None:
        """Keep exactly one default route per family, via the gateway endpoint's gateway."""
        if sb.host_mode:
            return
        ns = sb.ns
        gw = sb.gateway_endpoint(skip_internal=self.profile.gateway_skips_internal)
        gw6 = sb.gateway_endpoint6()
        if gw6 is None and gw is not None and gw.ip6 is not None:
            gw6 = gw        # an internal network's, where the engine routes through one (20.10)
        routes = [r for r in ns.routes if r.dst is not None]
        if gw is not None and gw.link is not None and gw.gateway4 is not None:
            routes.insert(0, self.kernel.default_route(gw.link.name, gw.gateway4))
        if gw6 is not None and gw6.link is not None and gw6.gateway6 is not None:
            routes.append(self.kernel.default_route(gw6.link.name, gw6.gateway6, metric=1024))
        old = ns.routes
        self._undo(lambda: setattr(ns, "routes", old))
        ns.routes = tuple(routes)

    def leave(self, ep: Endpoint) -> None:
        """Detach an endpoint from its sandbox (libnetwork Leave): the driver takes its interface,
        rules and ports away; the sandbox's default route follows."""
        sb = ep.sandbox
        if sb is None:
            return
        if not sb.host_mode:
            self._driver_of(ep.network).leave(ep, sb)
        # back in its place: the sandbox's order is its interfaces' (and a saved host's snapshot)
        at = sb.endpoints.index(ep)
        self._undo(lambda: (sb.endpoints.insert(at, ep) if ep not in sb.endpoints else None, setattr(ep, "sandbox", sb)))
        del sb.endpoints[at]
        ep.sandbox = None
        if not sb.host_mode:
            self.update_default_route(sb)

    def program_external_connectivity(self, ep: Endpoint) -> None:
        """Map the published ports the gateway endpoint holds (``ep.ports``), through its driver."""
        self._driver_of(ep.network).program_external_connectivity(ep)

    def revoke_external_connectivity(self, ep: Endpoint) -> None:
        self._driver_of(ep.network).revoke_external_connectivity(ep)

    def publishes_ports(self, net: Network) -> bool:
        """Whether the network's driver maps published ports (its endpoints can hold them)."""
        return self._driver_of(net).publishes_ports

    def add_link(self, ep: Endpoint, parent_ip: IP, child_ip: IP, ports: Sequence[tuple[str, int]]) -> None:
        """A legacy --link between two default-bridge containers, programmed by the driver."""
        self._driver_of(ep.network).add_link(ep, parent_ip, child_ip, tuple(ports))

    # -- ports -----------------------------------------------------------------------------------
    def hold_port(self, proto: str, host_ip: str, port: int, end: Optional[int] = None) -> int:
        last = dict(self.ports.last)
        then = self.journal.step()
        got = self.ports.request(proto, host_ip, port, end)
        then(lambda: (self.ports.release(proto, host_ip, got), self.ports.last.clear(),
                      self.ports.last.update(last)))
        return got

    def hold_ports(self, proto: str, host_ip: str, ports: range) -> None:
        """Hold a run of free host ports (``PortAllocator.first_held`` found none held): one
        journal step for the run, however many ports it has."""
        self.journal.record(lambda: self.ports.release_run(proto, host_ip, ports))
        self.ports.hold_run(proto, host_ip, ports)

    def release_ports(self, hold: PortHold) -> None:
        held, key = self.ports.held, (hold.proto, hold.host_ip or "0.0.0.0")
        # a run that empties its address's set takes the set out: the undo puts it back in its
        # place (the table's order is in a saved host's snapshot), then holds the run again
        back = put_back(held, key, held[key]) if key in held else None

        def undo() -> None:
            if back is not None and key not in held:
                back()
            self.ports.hold_run(hold.proto, hold.host_ip, hold.ports)
        self.journal.record(undo)
        self.ports.release_run(hold.proto, hold.host_ip, hold.ports)


def _is_no_available(e: DockerError) -> bool:
    return "no available addresses" in str(e).lower()
