"""libnetwork's controller: networks, endpoints and sandboxes, programmed into the kernel model.

This is where an Engine API call turns into kernel state: a bridge network becomes a bridge
device with the gateway address and firewall rules; an endpoint becomes an IPAM address, a MAC,
a veth pair with one end on the bridge and the other renamed ``ethN`` inside the container's
namespace, routes, and published ports. Every change records its inverse in the journal before
it is made (or, when the inverse is known only afterwards, a ``journal.step()`` slot filled right
after it), so a failing or interrupted API call leaves nothing behind.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from ..addr import IP, Prefix, parse_ip
from ..errors import DockerError, Forbidden, InvalidParameter, NotFound, SystemError_
from ..ids import Randomness, mac_from_ip
from ..journal import Journal, put_back
from ..kernel import Address, Kernel, Link, Namespace, Route
from ..engines.profile import Profile
from .drivers.bridge_iptables import BridgeRules, Firewall
from .ipam import Ipam
from .model import Endpoint, Network, PoolState, Sandbox
from .portallocator import PortAllocator

# driver option keys, as the bridge driver names them
OPT_NAME = "com.docker.network.bridge.name"
OPT_ICC = "com.docker.network.bridge.enable_icc"
OPT_MASQ = "com.docker.network.bridge.enable_ip_masquerade"
OPT_HOST_IP = "com.docker.network.bridge.host_binding_ipv4"
OPT_MTU = "com.docker.network.driver.mtu"
OPT_DEFAULT = "com.docker.network.bridge.default_bridge"

KNOWN_DRIVERS = ("bridge", "host", "null")


class Controller:
    """Owns the networks, endpoints and sandboxes of one host."""

    def __init__(self, kernel: Kernel, profile: Profile, rand: Randomness, journal: Journal, ipam: Ipam,
                 firewall: Firewall, ports: PortAllocator, *, mtu: int = 1500) -> None:
        self.kernel = kernel
        self.profile = profile
        self.rand = rand
        self.journal = journal
        self.ipam = ipam
        self.firewall = firewall
        self.ports = ports
        self.mtu = mtu
        self.networks: dict[str, Network] = {}          # by ID, in creation order
        self.sandboxes: dict[str, Sandbox] = {}
        self.endpoints_by_id: dict[str, Endpoint] = {}
        # (network ID, container name, family) -> the address it last had: the hint the
        # ``sticky`` allocation policy honours (a what-if knob; Docker itself has no memory)
        self.last_address: dict[tuple[str, str, int], IP] = {}
        # names of host links by MAC for the default bridge, etc.

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

    def allocate_pools(self, net: Network, configs4: list[dict[str, Any]], configs6: list[dict[str, Any]],
                       exclude: Sequence[Prefix] = ()) -> None:
        """Request the network's IPAM pools, gateways and aux addresses (libnetwork ipamAllocate)."""
        for v6, configs in ((False, configs4), (True, configs6)):
            if v6 and not net.enable_ipv6:
                continue
            if not configs:
                configs = [{}]
            for cfg in configs:
                pool = cfg.get("_pool")
                sub = cfg.get("_range")
                # (the IPAM journals its own changes exactly, cursors and all)
                info = self.ipam.request_pool(pool, sub, v6=v6, exclude=() if v6 else exclude)
                ps = PoolState(pool_id=info.pool_id, pool=info.pool, sub_pool=sub, gateway=None, v6=v6,
                               user_config=cfg.get("_user"))
                gw_req: Optional[IP] = cfg.get("_gateway")
                try:
                    gw = self.ipam.request_address(info.pool_id, gw_req, gateway=True)
                except DockerError as e:
                    raise SystemError_(f"failed to allocate gateway ({cfg.get('Gateway', '')}): {e}") from None
                ps.gateway = gw
                for key, ip in cfg.get("_aux", {}).items():
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

    def check_bridge_conflicts(self, net: Network) -> None:
        """The bridge driver refuses a network whose bridge name or subnet another bridge has."""
        for other in self.networks.values():
            if other is net or other.driver != "bridge" or other.bridge is None:
                continue
            if other.default_bridge and self.profile.name == "20.10":
                # 20.10's driver takes a conflict with the default bridge for a stale leftover and
                # carries on (the new network shares docker0)
                continue
            reason = None
            if other.bridge == net.bridge:
                reason = "networks have same bridge name"
            else:
                for a in net.pools4:
                    for b in other.pools4:
                        if a.gateway is not None and b.gateway is not None and (
                                a.pool.masked().contains(b.gateway) or b.pool.masked().contains(a.gateway)):
                            reason = "networks have overlapping IPv4"
                if reason is None:
                    for a in net.pools6:
                        for b in other.pools6:
                            if a.pool.overlaps(b.pool):
                                reason = "networks have overlapping IPv6"
            if reason:
                raise Forbidden(f"cannot create network {net.id} ({net.bridge}): conflicts with network "
                                f"{other.id} ({other.bridge}): {reason}")

    def create_bridge(self, net: Network) -> None:
        """Create the bridge device with its gateway addresses, and program the firewall."""
        host = self.host_ns()
        assert net.bridge is not None
        if host.link(net.bridge) is None:
            mac = self.rand.random_mac(prefix_0242=self.profile.bridge_mac_0242)
            # 20.10 leaves the bridge's own MTU at the kernel default (ports then bring it down)
            self._undo(lambda: host.remove_link(net.bridge) if host.link(net.bridge) else None)
            host.add_link(net.bridge, "bridge", mtu=net.mtu if self.profile.name == "28" else 1500, mac=mac,
                          up=True, carrier=False, txqueuelen=0)
            for ps in net.pools4:
                if ps.gateway is not None:
                    host.add_address(net.bridge, ps.gateway, ps.pool.length)
            for ps in net.pools6:
                if ps.gateway is not None:
                    a6 = host.add_address(net.bridge, ps.gateway, ps.pool.length)
                    a6.nodad = self.profile.name == "28"
            if net.pools6 and self.profile.name == "20.10":
                # 20.10 also gives an IPv6 bridge the link-local fe80::1
                host.add_address(net.bridge, parse_ip("fe80::1"), 64, scope="link", connected_route=False)
        if not self.firewall.userland_proxy:
            # setupLoopbackAddressesRouting (bridge_linux.go): without docker-proxy, 127.0.0.1
            # published ports are DNATed out of the bridge, so the bridge must route 127/8.
            key = f"net.ipv4.conf.{net.bridge}.route_localnet"
            old_value = host.sysctl.get(key)
            self._undo(lambda: host.sysctl.pop(key, None) if old_value is None
                       else host.sysctl.__setitem__(key, old_value))
            host.sysctl[key] = "1"
        net.rules = BridgeRules(bridge=net.bridge, subnet4=net.subnet4,
                                subnets6=tuple(p.pool.masked() for p in net.pools6), icc=net.icc,
                                masquerade=net.masquerade, internal=net.internal,
                                default_bridge=net.default_bridge, host_ip=net.host_ip)
        then = self.journal.step()
        then(self.firewall.add_network(net.rules))

    def delete_network(self, net: Network) -> None:
        if net.driver == "bridge" and net.rules is not None:
            then = self.journal.step()
            then(self.firewall.remove_network(net.rules))
            host = self.host_ns()
            link = host.link(net.bridge) if net.bridge else None
            if link is not None:
                saved_routes = list(host.routes)

                def restore(link: Link = link) -> None:
                    # the same device object back, with its routes (a network has no ports by now)
                    host.links[link.name] = link
                    link.netns = host
                    host.links = dict(sorted(host.links.items(), key=lambda kv: kv[1].index))
                    host.routes = saved_routes
                self._undo(restore)
                host.remove_link(link.name)
                # the device's /proc/sys/net/ipv4/conf/<bridge> goes with it
                for key in [k for k in host.sysctl if k.startswith(f"net.ipv4.conf.{link.name}.")]:
                    self._undo(lambda key=key, value=host.sysctl[key]: host.sysctl.__setitem__(key, value))
                    del host.sysctl[key]
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
            ns = self.kernel.new_namespace(name)
            if not self.profile.container_ipv6_enabled:
                ns.sysctl["net.ipv6.conf.all.disable_ipv6"] = "1"
            else:
                ns.links["lo"].addresses.append(Address(ip=parse_ip("::1"), prefixlen=128, scope="host"))
            sb = Sandbox(id=sid, container_id=container_id, ns=ns, key=f"/var/run/docker/netns/{sid[:12]}")
        self._undo(lambda: self.sandboxes.pop(sid, None))
        self.sandboxes[sid] = sb
        return sb

    def delete_sandbox(self, sb: Sandbox) -> None:
        for ep in list(sb.endpoints):
            self.leave(ep)
        self._undo(lambda: self.sandboxes.__setitem__(sb.id, sb))
        self.sandboxes.pop(sb.id, None)
        if not sb.host_mode:
            ns = self.kernel.namespaces.get(sb.ns.name)
            if ns is not None:
                self._undo(put_back(self.kernel.namespaces, ns.name, ns))   # views list them in order
                del self.kernel.namespaces[ns.name]
                self.kernel.host.forget_netns(ns.name)   # journalled by the kernel

    # -- endpoints -----------------------------------------------------------------------------
    def create_endpoint(self, net: Network, container_id: str, name: str, *, ip4: Optional[IP] = None,
                        ip6: Optional[IP] = None, mac: Optional[str] = None,
                        aliases: Sequence[str] = (), dns_names: Sequence[str] = ()) -> Endpoint:
        """Allocate an endpoint's addresses and MAC (libnetwork CreateEndpoint)."""
        if net.config_only:
            raise InvalidParameter("cannot create endpoint on configuration-only network")
        if net.endpoint_by_name(name) is not None:
            raise Forbidden(f"endpoint with name {name} already exists in network {net.name}")
        ep = Endpoint(id=self.rand.object_id(), name=name, network=net, container_id=container_id,
                      aliases=list(aliases), dns_names=list(dns_names), static_ip4=ip4, static_ip6=ip6)
        if net.driver == "bridge":
            self._assign_address(net, ep, ip4, v6=False)
            if mac:
                ep.mac = mac
            elif self.profile.mac_from_ip and ep.ip4 is not None:
                ep.mac = mac_from_ip(ep.ip4.value)
            else:
                ep.mac = self.rand.random_mac()
            if net.enable_ipv6:
                # (20.10's default bridge derives the IPv6 address from the MAC chosen above)
                try:
                    self._assign_address(net, ep, ip6, v6=True)
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

    def _assign_address(self, net: Network, ep: Endpoint, pref: Optional[IP], v6: bool) -> None:
        pools = net.pools6 if v6 else net.pools4
        fam = 6 if v6 else 4
        for ps in pools:
            if pref is not None and not ps.pool.contains(pref):
                continue
            if (v6 and pref is None and net.default_bridge and self.profile.mac_from_ip and ep.ip4 is not None
                    and ps.pool.length <= 80):
                # 20.10's default bridge: the IPv6 address is the prefix with the MAC in its low 48 bits
                mac = int((ep.mac or mac_from_ip(ep.ip4.value)).replace(":", ""), 16)
                pref = IP(ps.pool.network.value | mac, 6)
            memory = getattr(self, "last_address", None)
            if memory is None:
                memory = self.last_address = {}
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
                ep.ip6, ep.prefixlen6, ep.gateway6 = ip, ps.pool.length, ps.gateway
            else:
                ep.ip4, ep.prefixlen4, ep.gateway4 = ip, ps.pool.length, ps.gateway
            return
        if pref is not None:
            word = "invalid" if self.profile.ipam_engine == "28" else "Invalid"
            raise InvalidParameter(f"{word} address {pref}: It does not belong to any of this network's subnets")
        if not pools:
            return
        raise SystemError_(f"no available IPv{fam} addresses on this network's address pools: {net.name} ({net.id})")

    def _leak_address(self, net: Network, ip: IP) -> None:
        """Profile ``failed_ipv6_keeps_ipv4``: dockerd does not give back the IPv4 address an
        endpoint took when its IPv6 address then fails (r93_ipv6_errors): held by nobody, it stays
        allocated until the network goes."""
        for ps in net.pools4:
            if ps.pool.contains(ip):
                self.journal.survive_rollback(
                    lambda pid=ps.pool_id, a=ip: self.ipam.request_address(pid, a))
                return

    def delete_endpoint(self, ep: Endpoint) -> None:
        net = ep.network
        for ip, pools in ((ep.ip4, net.pools4), (ep.ip6, net.pools6)):
            if ip is None:
                continue
            for ps in pools:
                if ps.pool.contains(ip):
                    self.ipam.release_address(ps.pool_id, ip)
                    break
        restore_place = put_back(net.endpoints, ep.id, ep)      # inspect lists them in this order

        def undo() -> None:
            restore_place()
            net.endpoint_names[ep.name] = ep
            self.endpoints_by_id[ep.id] = ep
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
        """Attach an endpoint to a sandbox: veth pair, addresses, routes (libnetwork Join)."""
        net = ep.network
        self._undo(lambda: (sb.endpoints.remove(ep) if ep in sb.endpoints else None, setattr(ep, "sandbox", None)))
        ep.sandbox = sb
        sb.endpoints.append(ep)
        if net.driver != "bridge" or sb.host_mode:
            return
        host = self.host_ns()
        bridge = host.link(net.bridge) if net.bridge else None
        name = ifname or self.eth_name(sb)
        veth = self._unique_veth_name()
        mac_a = self.rand.random_mac(prefix_0242=False)
        # (the kernel journals the pair's own bookkeeping: indexes and netns ids)
        old_a, old_b = host.link(veth), sb.ns.link(name)
        self._undo(lambda: (host.remove_link(veth) if host.link(veth) is not old_a else None,
                            sb.ns.remove_link(name) if sb.ns.link(name) is not old_b else None))
        a, b = self.kernel.add_veth(host, veth, sb.ns, name, mtu=net.mtu, mac_a=mac_a, mac_b=ep.mac)
        a.up = a.carrier = True
        b.up = b.carrier = True
        if bridge is not None:
            a.master = bridge
            bridge.ports.append(a)
            # CreateEndpoint: without docker-proxy a container reaches its own published port
            # by DNAT back out of the port it came in on, so the port gets hairpin mode
            a.hairpin = not self.firewall.userland_proxy
            was = (bridge.mtu, bridge.carrier, bridge.had_carrier)
            self._undo(lambda: (setattr(bridge, "mtu", was[0]), setattr(bridge, "carrier", was[1]),
                                setattr(bridge, "had_carrier", was[2])))
            if self.profile.name == "20.10" and bridge.mtu != min(p.mtu for p in bridge.ports):
                bridge.mtu = min(p.mtu for p in bridge.ports)   # a bridge takes its smallest port's MTU
            bridge.carrier = bridge.had_carrier = True
        self._undo(lambda: (setattr(ep, "host_link", None), setattr(ep, "link", None)))
        ep.host_link, ep.link = a, b
        if ep.ip6 is None and self.profile.name == "28":
            # dockerd turns IPv6 off on an interface whose network has none (no fe80:: either)
            key = f"net.ipv6.conf.{name}.disable_ipv6"
            self._undo(lambda: sb.ns.sysctl.pop(key, None))
            sb.ns.sysctl[key] = "1"
        if ep.ip4 is not None:
            sb.ns.add_address(name, ep.ip4, ep.prefixlen4)
        if ep.ip6 is not None:
            a6 = sb.ns.add_address(name, ep.ip6, ep.prefixlen6)
            a6.nodad = True          # dockerd adds endpoint IPv6 addresses without DAD
            if sb.ns.sysctl.get("net.ipv6.conf.all.disable_ipv6") == "1":
                # a container with an IPv6 endpoint has IPv6 on (20.10 turns it off otherwise)
                self._undo(lambda: sb.ns.sysctl.__setitem__("net.ipv6.conf.all.disable_ipv6", "1"))
                sb.ns.sysctl["net.ipv6.conf.all.disable_ipv6"] = "0"
        self.update_default_route(sb)
        if ep.ip4 is not None or ep.ip6 is not None:
            then = self.journal.step()
            then(self.firewall.add_endpoint(net.rules, ep.ip4, ep.ip6))
        if ep.ports:
            then = self.journal.step()
            then(self.firewall.add_ports(net.rules, ep.ports))

    def _unique_veth_name(self) -> str:
        host = self.host_ns()
        while True:
            n = self.rand.veth_name()
            if host.link(n) is None:
                return n

    def update_default_route(self, sb: Sandbox) -> None:
        """Keep exactly one default route per family, via the gateway endpoint's gateway."""
        if sb.host_mode:
            return
        ns = sb.ns
        gw = sb.gateway_endpoint(skip_internal=self.profile.name == "28")
        routes = [r for r in ns.routes if r.dst is not None]
        if gw is not None and gw.link is not None:
            routes.insert(0, Route(dst=None, dev=gw.link.name, via=gw.gateway4))
            if gw.ip6 is not None and gw.gateway6 is not None:
                routes.append(Route(dst=None, dev=gw.link.name, via=gw.gateway6, metric=1024))
        old = ns.routes
        self._undo(lambda: setattr(ns, "routes", old))
        ns.routes = routes

    def leave(self, ep: Endpoint) -> None:
        """Detach an endpoint from its sandbox: remove its ports, rules and veth pair."""
        sb = ep.sandbox
        if sb is None:
            return
        net = ep.network
        if net.driver == "bridge" and not sb.host_mode:
            for lk in list(ep.links):
                then = self.journal.step()
                then(self.firewall.remove_link(net.rules, *lk))
            if ep.links:
                saved_links = list(ep.links)
                self._undo(lambda: ep.links.__setitem__(slice(None), saved_links))
                ep.links.clear()
            if ep.ports and net.rules is not None:
                then = self.journal.step()
                then(self.firewall.remove_ports(net.rules, ep.ports))
            if (ep.ip4 is not None or ep.ip6 is not None) and net.rules is not None:
                then = self.journal.step()
                then(self.firewall.remove_endpoint(net.rules, ep.ip4, ep.ip6))
            a, b = ep.host_link, ep.link
            if a is not None and b is not None:
                host = self.host_ns()
                bridge = a.master
                saved_routes = list(sb.ns.routes)
                port_pos = bridge.ports.index(a) if bridge is not None and a in bridge.ports else None
                key = f"net.ipv6.conf.{b.name}.disable_ipv6"
                old_sysctl = sb.ns.sysctl.get(key)
                carrier = bridge.carrier if bridge is not None else None

                def restore() -> None:
                    # the pair back as it was, whether one end or both were taken away
                    host.links[a.name] = a
                    a.netns = host
                    sb.ns.links[b.name] = b
                    b.netns = sb.ns
                    host.links = dict(sorted(host.links.items(), key=lambda kv: kv[1].index))
                    sb.ns.links = dict(sorted(sb.ns.links.items(), key=lambda kv: kv[1].index))
                    sb.ns.routes = saved_routes
                    if old_sysctl is not None:
                        sb.ns.sysctl[key] = old_sysctl
                    if bridge is not None:
                        a.master = bridge
                        if a not in bridge.ports:
                            bridge.ports.insert(port_pos if port_pos is not None else len(bridge.ports), a)
                        bridge.carrier = bool(carrier)
                    ep.host_link, ep.link = a, b
                self._undo(restore)
                host.remove_link(a.name)
                sb.ns.remove_link(b.name)
                sb.ns.sysctl.pop(key, None)
                if bridge is not None and not bridge.ports:
                    bridge.carrier = True  # the kernel keeps carrier once a bridge has had a port
                ep.host_link = ep.link = None
        self._undo(lambda: (sb.endpoints.append(ep) if ep not in sb.endpoints else None, setattr(ep, "sandbox", sb)))
        sb.endpoints.remove(ep)
        ep.sandbox = None
        if not sb.host_mode:
            self.update_default_route(sb)

    def add_link(self, ep: Endpoint, parent_ip: IP, child_ip: IP, ports: Sequence[tuple[str, int]]) -> None:
        """A legacy --link between two default-bridge containers: dockerd opens the child's exposed
        ports to the parent (only when icc is off), after the parent's published ports."""
        net = ep.network
        if net.rules is None:
            return
        then = self.journal.step()
        then(self.firewall.add_link(net.rules, parent_ip, child_ip, ports))
        n = len(ep.links)
        self._undo(lambda: ep.links.__delitem__(slice(n, None)))
        ep.links.append((parent_ip, child_ip, tuple(ports)))

    # -- ports -----------------------------------------------------------------------------------
    def hold_port(self, proto: str, host_ip: str, port: int, end: Optional[int] = None) -> int:
        last = dict(self.ports.last)
        then = self.journal.step()
        got = self.ports.request(proto, host_ip, port, end)
        then(lambda: (self.ports.release(proto, host_ip, got), self.ports.last.clear(),
                      self.ports.last.update(last)))
        return got

    def release_port(self, proto: str, host_ip: str, port: int) -> None:
        then = self.journal.step()
        self.ports.release(proto, host_ip, port)
        then(lambda: self.ports._hold(proto, host_ip, port))


def _is_no_available(e: DockerError) -> bool:
    return "no available addresses" in str(e).lower()
