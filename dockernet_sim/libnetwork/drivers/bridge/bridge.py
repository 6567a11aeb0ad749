"""The ``bridge`` network driver: a Linux bridge per network, a veth pair per endpoint, iptables.

Imitates libnetwork's ``drivers/bridge`` (``bridge_linux.go``: ``createNetwork``,
``CreateEndpoint``, ``Join``, ``Leave``, ``ProgramExternalConnectivity``; the ``setup_*.go``
steps: the device, its addresses, ``route_localnet``; ``link.go``): a network becomes a bridge
device with the gateway addresses and the firewall's rules (:mod:`.firewall`); an endpoint gets
a MAC (20.10: ``02:42`` + its IPv4 address, 28: random) and, on Join, a veth pair with one end a
port of the bridge (hairpin without docker-proxy) and the other ``ethN`` in the container.
Checked against the recorded scenarios (r24, r25, r38–r43, r110–r112 among others).
"""

from __future__ import annotations

from typing import Callable, Optional

from ....addr import IP, Prefix, parse_ip
from ....errors import Forbidden, InvalidParameter, SystemError_
from ....ids import mac_from_ip
from ....journal import put_back, restore_item
from ....kernel import Link
from ....values import EINVAL_TEXT, ERANGE_TEXT, MTU_MAX, MTU_MIN, ifname_error
from ...model import Endpoint, Network, Sandbox
from ..api import Driver, DriverContext, Interface
from .firewall import BridgeRules, Firewall

__all__ = ["BridgeDriver", "OPT_DEFAULT", "OPT_HOST_IP", "OPT_ICC", "OPT_MASQ", "OPT_MTU", "OPT_NAME"]

# driver option keys, as the bridge driver names them (libnetwork's netlabel and bridge packages)
OPT_NAME = "com.docker.network.bridge.name"
OPT_ICC = "com.docker.network.bridge.enable_icc"
OPT_MASQ = "com.docker.network.bridge.enable_ip_masquerade"
OPT_HOST_IP = "com.docker.network.bridge.host_binding_ipv4"
OPT_MTU = "com.docker.network.driver.mtu"
OPT_DEFAULT = "com.docker.network.bridge.default_bridge"
OPT_GW_MODE4 = "com.docker.network.bridge.gateway_mode_ipv4"
OPT_GW_MODE6 = "com.docker.network.bridge.gateway_mode_ipv6"

# the gateway modes Engine 27+ knows (case matters: r230, `Routed` is refused)
GATEWAY_MODES = ("nat", "nat-unprotected", "routed", "isolated")
# the daemon's words (recorded: r230_gateway_modes on 28)
UNKNOWN_GATEWAY_MODE = "failed to parse {key} value: {value} (unknown gateway mode {value})"
ISOLATED_NOT_INTERNAL = "gateway mode 'isolated' can only be used for an internal network"
# a bridge network with neither family (r232; macvlan takes one: r235)
IPV4_OR_IPV6 = "IPv4 or IPv6 must be enabled"


def _gateway_modes(options: dict[str, str], internal: bool) -> tuple[str, str]:
    """The gateway mode of each family, from the driver options (nat when not given).

    >>> _gateway_modes({OPT_GW_MODE4: "routed"}, False)
    ('routed', 'nat')
    """
    modes = []
    for key in (OPT_GW_MODE4, OPT_GW_MODE6):
        value = options.get(key, "nat")
        if value not in GATEWAY_MODES:
            raise InvalidParameter(UNKNOWN_GATEWAY_MODE.format(key=key, value=value))
        modes.append(value)
    if "isolated" in modes and not internal:
        raise InvalidParameter(ISOLATED_NOT_INTERNAL)
    return modes[0], modes[1]


def _go_bool_opt(options: dict[str, str], key: str, default: bool) -> bool:
    """A boolean driver option, parsed as Go's strconv.ParseBool (the bridge driver's words on error)."""
    if key not in options:
        return default
    v = options[key]
    if v in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if v in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise InvalidParameter(f'failed to parse {key} value: {v} (strconv.ParseBool: parsing "{v}": invalid syntax)')


def _go_atoi_ok(v: str) -> bool:
    t = v[1:] if v[:1] in "+-" else v
    return t.isdigit() and t.isascii()


def _network_mtu(v: str) -> int:
    """The driver.mtu option, once strconv.Atoi read it (``_go_atoi_ok``): a 64-bit int, not
    negative (recorded: tests/golden/api r123_mtu, ``invalid MTU number: -1`` on 20.10 and 28);
    0 asks for no MTU, so the kernel's 1500 (r124)."""
    digits = v.lstrip("+-").lstrip("0")
    if len(digits) > 19 or not -(2**63) <= int(v) <= 2**63 - 1:
        raise InvalidParameter(f'failed to parse {OPT_MTU} value: {v} (strconv.Atoi: parsing "{v}": '
                               f'value out of range)')
    mtu = int(v)
    if mtu < 0:
        raise InvalidParameter(f"invalid MTU number: {mtu}")
    return mtu or 1500


class BridgeDriver(Driver):
    """The bridge driver of one host; ``firewall`` is the host's iptables programmer, set up by
    the daemon from its flags (``--iptables``, ``--icc``, ``--userland-proxy`` …)."""

    name = "bridge"
    ipam_endpoints = True
    publishes_ports = True

    def __init__(self, ctx: DriverContext, firewall: Firewall) -> None:
        super().__init__(ctx)
        self.firewall = firewall
        self.rules: dict[str, BridgeRules] = {}      # by network ID: the firewall's view of it

    def _undo(self, fn: Callable[[], object]) -> None:
        self.ctx.journal.record(fn)

    # -- networks ----------------------------------------------------------------------------
    def configure_network(self, net: Network) -> None:
        """parseNetworkOptions: the bridge's name, icc, masquerade, MTU and host binding address
        (r130: the parse errors come before the IPAM ones; other drivers ignore these options)."""
        options = net.options
        if not net.enable_ipv4 and not net.enable_ipv6:
            raise InvalidParameter(IPV4_OR_IPV6)
        net.bridge = options.get(OPT_NAME) or f"br-{net.id[:12]}"
        net.icc = _go_bool_opt(options, OPT_ICC, True)
        net.masquerade = _go_bool_opt(options, OPT_MASQ, True)
        if OPT_MTU in options and not _go_atoi_ok(options[OPT_MTU]):
            v = options[OPT_MTU]
            raise InvalidParameter(f'failed to parse {OPT_MTU} value: {v} (strconv.Atoi: parsing "{v}": '
                                   f'invalid syntax)')
        net.mtu = _network_mtu(options[OPT_MTU]) if OPT_MTU in options else 1500
        net.host_ip = options.get(OPT_HOST_IP, "0.0.0.0")   # dockerd's --ip is for the default bridge only
        if self.ctx.profile.bridge_gateway_modes:
            # older drivers keep these options without reading them (r230 on 26 and 20.10)
            net.gw_mode4, net.gw_mode6 = _gateway_modes(options, net.internal)
            net.skip_gateway4 = net.gw_mode4 == "isolated"
            net.skip_gateway6 = net.gw_mode6 == "isolated"

    def create_network(self, net: Network) -> None:
        """processIPAM (one subnet per family), the conflicts with the other bridges, then the
        device and its rules."""
        if len(net.pools4) > 1 or len(net.pools6) > 1:
            raise Forbidden("bridge driver doesn't support multiple subnets")
        self._check_device(net)
        self._check_conflicts(net)
        self._remember(net)
        self._create_device(net)

    def _check_device(self, net: Network) -> None:
        """Netlink refuses a name Linux's dev_valid_name() rejects; dockerd passes the errno text on
        (recorded: r120_odd_names, ``mybr0123456789ab`` and ``mybr/x`` on 20.10, 26 and 28). 28
        creates the bridge with the network's MTU, which Linux takes from 68 to 65535 (api r123_mtu:
        67, 65536 and 99999999999 give EINVAL); 20.10 makes it with 1500 and takes any."""
        profile = self.ctx.profile
        why = ifname_error(net.bridge) if net.bridge is not None else None
        if why is not None:
            prefix = profile.messages.bridge_name_range_prefix if why == ERANGE_TEXT else ""
            raise SystemError_(prefix + why)
        if profile.bridge_mtu_at_create and not MTU_MIN <= net.mtu <= MTU_MAX:
            raise SystemError_(EINVAL_TEXT)

    def _check_conflicts(self, net: Network) -> None:
        """The bridge driver refuses a network whose bridge name or subnet another bridge has."""
        for other in self.networks.values():
            if other is net or other.bridge is None:
                continue
            if other.default_bridge and self.ctx.profile.bridge_conflict_ignores_default:
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

    def _create_device(self, net: Network) -> None:
        """Create the bridge device with its gateway addresses, and program the firewall."""
        host = self.ctx.kernel.host
        profile = self.ctx.profile
        assert net.bridge is not None
        existing = host.link(net.bridge)
        if existing is not None and not existing.is_bridge:
            # hd02 on both engines: newInterface takes only a bridge (eth0, lo, a veth are refused)
            raise Forbidden(f"existing interface {net.bridge} is not a bridge")
        if existing is not None and not net.default_bridge:
            self._adopt_device(net, existing)
        if host.link(net.bridge) is None:
            mac = self.ctx.rand.random_mac(prefix_0242=profile.bridge_mac_0242)
            # 20.10 leaves the bridge's own MTU at the kernel default (ports then bring it down)
            self._undo(lambda: host.remove_link(net.bridge) if host.link(net.bridge) else None)
            host.add_link(net.bridge, "bridge", mtu=net.mtu if profile.bridge_mtu_at_create else 1500, mac=mac,
                          up=True, carrier=False, txqueuelen=0)
            for ps in net.pools4:
                if ps.gateway is not None:
                    host.add_address(net.bridge, ps.gateway, ps.pool.length)
            for ps in net.pools6:
                if ps.gateway is not None:
                    host.add_address(net.bridge, ps.gateway, ps.pool.length, nodad=profile.bridge_v6_nodad)
            if net.pools6 and profile.bridge_v6_link_local:
                # 20.10 also gives an IPv6 bridge the link-local fe80::1
                host.add_address(net.bridge, parse_ip("fe80::1"), 64, scope="link", connected_route=False)
        if not self.firewall.userland_proxy:
            # setupLoopbackAddressesRouting (bridge_linux.go): without docker-proxy, 127.0.0.1
            # published ports are DNATed out of the bridge, so the bridge must route 127/8.
            key = f"net.ipv4.conf.{net.bridge}.route_localnet"
            self._undo(restore_item(host.sysctl, key))
            host.sysctl[key] = "1"
        rules = BridgeRules(bridge=net.bridge, subnet4=net.subnet4,
                            subnets6=tuple(p.pool.masked() for p in net.pools6), icc=net.icc,
                            masquerade=net.masquerade, internal=net.internal,
                            default_bridge=net.default_bridge, host_ip=net.host_ip,
                            gw_mode4=net.gw_mode4, gw_mode6=net.gw_mode6)
        self._undo(lambda: self.rules.pop(net.id, None))
        self.rules[net.id] = rules
        then = self.ctx.journal.step()     # the firewall's change and its undo are one step
        then(self.firewall.add_network(rules))

    def _adopt_device(self, net: Network, link: Link) -> None:
        """A bridge that was there before the network (made by hand, or docker0 on 20.10): brought
        up, given the gateway addresses, and left in place when the network goes (hd02)."""
        host = self.ctx.kernel.host
        net.owns_bridge = False
        was_up = link.up
        link.up = True
        self._undo(lambda: setattr(link, "up", was_up))
        if self.ctx.profile.bridge_takeover:
            # 20.10 setupBridgeIPv4: the bridge's other IPv4 addresses make way for the gateway's, and
            # a default network on this device is a stale leftover the driver forgets (hd02 on 20.10)
            saved = (link.addresses, host.routes)
            for a in [a for a in link.addresses if a.family == 4]:
                host.remove_address(link.name, a.ip)
            self._undo(lambda: (setattr(link, "addresses", saved[0]), setattr(host, "routes", saved[1])))
            for other in self.networks.values():
                if other.default_bridge and other.bridge == link.name and not other.driver_forgot:
                    other.driver_forgot = True
                    self._undo(lambda o=other: setattr(o, "driver_forgot", False))
        for ps in net.pools4 + net.pools6:
            if ps.gateway is not None:
                host.add_address(link.name, ps.gateway, ps.pool.length)
                self._undo(lambda ip=ps.gateway: host.remove_address(link.name, ip))

    def delete_network(self, net: Network) -> None:
        """Remove the network's rules and its bridge device (with the device's sysctls), unless the
        device was there before the network: a network never removes what it did not create."""
        self._forget(net)
        rules = self.rules.get(net.id)
        if rules is None:
            return
        self._undo(put_back(self.rules, net.id, rules))
        del self.rules[net.id]
        then = self.ctx.journal.step()
        then(self.firewall.remove_network(rules))
        host = self.ctx.kernel.host
        link = host.link(net.bridge) if net.bridge and net.owns_bridge else None
        if link is None:
            return
        saved_routes, ports, mtus = host.routes, link.ports, link.port_mtus

        def restore(link: Link = link) -> None:
            # the same device object back, with its routes and its (by now empty) table of ports
            host.links[link.name] = link
            link.netns = host
            link.ports, link.port_mtus = ports, mtus
            host.links = dict(sorted(host.links.items(), key=lambda kv: kv[1].index))
            host.routes = saved_routes
        self._undo(restore)
        host.remove_link(link.name)
        # the device's /proc/sys/net/ipv4/conf/<bridge> goes with it
        for key in [k for k in host.sysctl if k.startswith(f"net.ipv4.conf.{link.name}.")]:
            self._undo(put_back(host.sysctl, key, host.sysctl[key]))
            del host.sysctl[key]

    # -- endpoints ---------------------------------------------------------------------------
    def create_endpoint(self, ep: Endpoint, mac: Optional[str]) -> None:
        """The endpoint's MAC: the user's, else 20.10's ``02:42`` + IPv4 bytes, else random."""
        net = ep.network
        if not 68 <= net.mtu <= 65535:
            # df22 on 20.10 (--mtu 70000): the kernel refuses the veth's MTU
            raise SystemError_(f"failed to create endpoint {ep.name} on network {net.name}: failed to set MTU on "
                               f"host interface {self._unique_veth_name()}: invalid argument")
        if net.driver_forgot:   # hd02 on 20.10
            raise SystemError_(f"failed to create endpoint {ep.name} on network {net.name}: network {net.id} does "
                               f"not exist")
        if mac:
            ep.mac = mac
        elif self.ctx.profile.mac_from_ip and ep.ip4 is not None:
            ep.mac = mac_from_ip(ep.ip4.value)
        else:
            ep.mac = self.ctx.rand.random_mac()

    def delete_endpoint(self, ep: Endpoint) -> None:
        pass

    def preferred_ipv6(self, ep: Endpoint, pool: Prefix) -> Optional[IP]:
        """20.10's default bridge: the IPv6 address is the prefix with the MAC in its low 48 bits."""
        net = ep.network
        if not (net.default_bridge and self.ctx.profile.mac_from_ip and ep.ip4 is not None and pool.length <= 80):
            return None
        mac = int((ep.mac or mac_from_ip(ep.ip4.value)).replace(":", ""), 16)
        return IP(pool.network.value | mac, 6)

    # -- sandboxes ---------------------------------------------------------------------------
    def join(self, ep: Endpoint, sb: Sandbox, ifname: Callable[[], str]) -> Optional[Interface]:
        """A veth pair: the host end a port of the bridge, the other end ``ethN`` in the sandbox;
        then the endpoint's rules (and its published ports, if it has any already)."""
        net = ep.network
        host = self.ctx.kernel.host
        rand = self.ctx.rand
        bridge = host.link(net.bridge) if net.bridge else None
        name = ifname()
        veth = self._unique_veth_name()
        mac_a = rand.random_mac(prefix_0242=False)
        # (the kernel journals the pair's own bookkeeping: indexes and netns ids)
        old_a, old_b = host.link(veth), sb.ns.link(name)
        self._undo(lambda: (host.remove_link(veth) if host.link(veth) is not old_a else None,
                            sb.ns.remove_link(name) if sb.ns.link(name) is not old_b else None))
        a, b = self.ctx.kernel.add_veth(host, veth, sb.ns, name, mtu=net.mtu, mac_a=mac_a, mac_b=ep.mac)
        a.up = a.carrier = True
        b.up = b.carrier = True
        if bridge is not None:
            bridge.add_port(a)
            # CreateEndpoint: without docker-proxy a container reaches its own published port
            # by DNAT back out of the port it came in on, so the port gets hairpin mode
            a.hairpin = not self.firewall.userland_proxy
            was = (bridge.mtu, bridge.carrier, bridge.had_carrier)
            self._undo(lambda: (setattr(bridge, "mtu", was[0]), setattr(bridge, "carrier", was[1]),
                                setattr(bridge, "had_carrier", was[2])))
            smallest = bridge.smallest_port_mtu()
            if self.ctx.profile.bridge_mtu_follows_ports and smallest is not None and bridge.mtu != smallest:
                bridge.mtu = smallest       # a bridge takes its smallest port's MTU (counted, not walked)
            bridge.carrier = bridge.had_carrier = True
        rules = self.rules.get(net.id)
        if rules is not None:
            if ep.ip4 is not None or ep.ip6 is not None:
                then = self.ctx.journal.step()
                then(self.firewall.add_endpoint(rules, ep.ip4, ep.ip6))
            if ep.ports:
                then = self.ctx.journal.step()
                then(self.firewall.add_ports(rules, ep.ports))
        return Interface(link=b, host_link=a)

    def _unique_veth_name(self) -> str:
        host = self.ctx.kernel.host
        while True:
            n = self.ctx.rand.veth_name()
            if host.link(n) is None:
                return n

    def leave(self, ep: Endpoint, sb: Sandbox) -> None:
        """Remove the endpoint's links, ports and rules, then its veth pair (both ends go, with
        the container end's routes and sysctls)."""
        rules = self.rules.get(ep.network.id)
        if rules is not None:
            for lk in list(ep.links):
                then = self.ctx.journal.step()
                then(self.firewall.remove_link(rules, *lk))
        if ep.links:
            saved_links = ep.links
            self._undo(lambda: setattr(ep, "links", saved_links))
            ep.links = ()
        if ep.ports and rules is not None:
            then = self.ctx.journal.step()
            then(self.firewall.remove_ports(rules, ep.ports))
        if (ep.ip4 is not None or ep.ip6 is not None) and rules is not None:
            then = self.ctx.journal.step()
            then(self.firewall.remove_endpoint(rules, ep.ip4, ep.ip6))
        a, b = ep.host_link, ep.link
        if a is None or b is None:
            return
        host = self.ctx.kernel.host
        bridge = a.master
        saved_routes = sb.ns.routes
        port_place = bridge.ports.get(a) if bridge is not None and isinstance(bridge.ports, dict) else None
        key = f"net.ipv6.conf.{b.name}.disable_ipv6"
        old_sysctl = sb.ns.sysctl.get(key)
        sysctl_back = put_back(sb.ns.sysctl, key, old_sysctl) if old_sysctl is not None else None
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
            if sysctl_back is not None:
                sysctl_back()
            if bridge is not None:
                if a not in bridge.ports:
                    bridge.add_port(a, port_place)
                a.master = bridge
                bridge.carrier = bool(carrier)
            ep.host_link, ep.link = a, b
        self._undo(restore)
        host.remove_link(a.name)
        sb.ns.remove_link(b.name)
        sb.ns.sysctl.pop(key, None)
        if bridge is not None and not bridge.ports:
            bridge.carrier = True  # the kernel keeps carrier once a bridge has had a port
        ep.host_link = ep.link = None

    def program_external_connectivity(self, ep: Endpoint) -> None:
        rules = self.rules.get(ep.network.id)
        if ep.ports and rules is not None:
            then = self.ctx.journal.step()
            then(self.firewall.add_ports(rules, ep.ports))

    def revoke_external_connectivity(self, ep: Endpoint) -> None:
        rules = self.rules.get(ep.network.id)
        if ep.ports and rules is not None:
            then = self.ctx.journal.step()
            then(self.firewall.remove_ports(rules, ep.ports))

    def add_link(self, ep: Endpoint, parent_ip: IP, child_ip: IP, ports: tuple[tuple[str, int], ...]) -> None:
        """dockerd opens the child's exposed ports to the parent (only when icc is off), after the
        parent's published ports (the bridge driver's ``link.go``)."""
        rules = self.rules.get(ep.network.id)
        if rules is None:
            return
        then = self.ctx.journal.step()
        then(self.firewall.add_link(rules, parent_ip, child_ip, ports))
        saved_links = ep.links
        self._undo(lambda: setattr(ep, "links", saved_links))
        ep.links = (*saved_links, (parent_ip, child_ip, tuple(ports)))

    def state(self) -> object:
        return (tuple(self.networks), tuple(sorted(self.rules)))
