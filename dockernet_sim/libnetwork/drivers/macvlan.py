"""The ``macvlan`` network driver (libnetwork's ``drivers/macvlan``): networks on a parent link,
modes ``bridge`` (the default), ``private``, ``vepa`` and ``passthru``. What it shares with ipvlan
(the option checks) is in :mod:`.parent`.

Imitates ``macvlan_network.go`` (``CreateNetwork``), ``macvlan_endpoint.go``
(``CreateEndpoint``: the MAC) and ``macvlan_joinleave.go`` (``Join``: a macvlan link on the
parent, moved into the container as ``ethN``). Recorded in m01–m08 on 20.10, 26 and 28:

* the container's interface is a macvlan link whose lower device is the host's parent, in the
  network's mode, with the parent's MTU (``com.docker.network.driver.mtu`` is not used);
* its MAC is the user's, else 20.10's ``02:42`` + IPv4 bytes, else random (26, 28); a passthru
  child's MAC becomes its parent's too, as the kernel does;
* the kernel refuses a second child on a passthru parent and any child on a bridge port; Docker
  reports ``failed to create the macvlan port: …`` and the container does not start;
* there is no gateway device on the host, no iptables rule and no port mapping: the network's
  gateway is only an address IPAM reserves and the container's default route names.

Not checked against a recording (this machine's kernel has neither ``dummy`` nor 802.1q): a
network without ``parent=`` gets a dummy parent ``dm-<id[:12]>``, and a ``parent=eth0.10`` that
does not exist is made as a VLAN link on ``eth0`` and deleted with the network (libnetwork
``macvlan_setup.go`` ``createDummyLink``/``createVlanLink``, ``delDummyLink``/``delVlanLink``).
"""

from __future__ import annotations

from typing import Callable, Optional

from ...errors import InvalidParameter, SystemError_
from ...ids import mac_from_ip
from ...journal import put_back
from ...kernel import Link
from ..model import Endpoint, Network, Sandbox
from .api import DriverContext, Interface
from .parent import ParentDriver

__all__ = ["MacvlanDriver"]


class MacvlanDriver(ParentDriver):
    name = "macvlan"
    mode_option = "macvlan_mode"
    modes = ("bridge", "private", "vepa", "passthru")
    ipam_endpoints = True

    def __init__(self, ctx: DriverContext) -> None:
        super().__init__(ctx)
        # links the driver made on the host for its networks (dummy or VLAN parents), by network ID
        self.made_parents: dict[str, str] = {}

    # -- networks ----------------------------------------------------------------------------
    def parent_name(self, net: Network) -> str:
        """The network's parent link: ``parent=``, else the dummy ``dm-<id[:12]>``."""
        return net.options.get("parent") or f"dm-{net.id[:12]}"

    def mode(self, net: Network) -> str:
        return net.options.get(self.mode_option) or self.modes[0]

    def create_network(self, net: Network) -> None:
        host = self.ctx.kernel.host
        name = self.parent_name(net)
        super().create_network(net)
        if host.link(name) is not None:
            return
        # not checked against a recording: the dummy parent, or a VLAN sub-interface of a parent
        base, dot, vid = name.partition(".")
        if dot:
            lower = host.link(base)
            if lower is None:
                raise InvalidParameter(f"-o parent interface was not found on the host: {base}")
            idx = self.ctx.kernel.next_ifindex(host)
            host.add_link(name, "vlan", index=idx, mtu=lower.mtu, mac=lower.mac, up=True, carrier=True,
                          txqueuelen=0, lower=lower)
        else:
            idx = self.ctx.kernel.next_ifindex(host)
            host.add_link(name, "dummy", index=idx, mac=self.ctx.rand.random_mac(), up=True, carrier=True,
                          txqueuelen=1000)
        self.made_parents[net.id] = name
        self.ctx.journal.record(lambda: (self.made_parents.pop(net.id, None),
                                         host.remove_link(name) if host.link(name) is not None else None))

    def delete_network(self, net: Network) -> None:
        super().delete_network(net)
        name = self.made_parents.pop(net.id, None)
        if name is None:
            return
        host = self.ctx.kernel.host
        link = host.link(name)
        self.ctx.journal.record(lambda: self.made_parents.__setitem__(net.id, name))
        if link is not None:
            host.remove_link(name)

            def restore(link: Link = link) -> None:
                host.links[link.name] = link
                link.netns = host
                host.links = dict(sorted(host.links.items(), key=lambda kv: kv[1].index))
            self.ctx.journal.record(restore)

    # -- endpoints ---------------------------------------------------------------------------
    def create_endpoint(self, ep: Endpoint, mac: Optional[str]) -> None:
        """The user's MAC, else 20.10's ``02:42`` + IPv4 bytes, else a random one."""
        if mac:
            ep.mac = mac
        elif self.ctx.profile.mac_from_ip and ep.ip4 is not None:
            ep.mac = mac_from_ip(ep.ip4.value)
        else:
            ep.mac = self.ctx.rand.random_mac()

    def join(self, ep: Endpoint, sb: Sandbox, ifname: Callable[[], str]) -> Optional[Interface]:
        """A macvlan link on the parent, in the network's mode, made straight in the sandbox."""
        net = ep.network
        host = self.ctx.kernel.host
        parent = host.link(self.parent_name(net))
        if parent is None:
            # the parent went away after the network was made (m14, every engine)
            raise InvalidParameter(f"the requested parent interface {self.parent_name(net)} was not found on the "
                                   f"Docker host")
        mode = self.mode(net)
        from ...kernel.macvlan import macvlan_refusal      # (the kernel's rules load with the first child)
        refusal = macvlan_refusal(parent, mode)
        if refusal is not None:
            # macvlan_joinleave.go: Join's createMacVlan error, with the netlink errno
            raise SystemError_(f"failed to create the macvlan port: {refusal.value}")
        # the parent's MTU: the driver passes no MTU option on (m08: ``driver.mtu=1200`` on a
        # parent of 1300 still gives 1300)
        mtu = parent.mtu
        name = ifname()
        mac = ep.mac
        if mode == "passthru" and parent.mac != mac:
            # the kernel gives a passthru macvlan's address to its lower device (m02 on 20.10:
            # the parent shows the container's 02:42 MAC)
            old_mac = parent.mac
            parent.mac = mac
            self.ctx.journal.record(lambda: setattr(parent, "mac", old_mac))
        # made in the host's namespace, then moved into the sandbox: it keeps the host's index
        # (m06 on 28: ``2176: eth0@if2174`` beside the veth's ``2: eth1``)
        index = self.ctx.kernel.next_ifindex(host)
        link = sb.ns.add_link(name, "macvlan", index=index, mtu=mtu, mac=mac, up=True, carrier=True, txqueuelen=0,
                              lower=parent, macvlan_mode=mode)
        sb.ns.netnsid(host)
        self.ctx.journal.record(lambda: sb.ns.remove_link(name) if sb.ns.link(name) is link else None)
        if mode == "passthru" and not parent.up:
            parent.up = True    # passthru brings its lower device up and makes it promiscuous
            self.ctx.journal.record(lambda: setattr(parent, "up", False))
        return Interface(link=link)

    def leave(self, ep: Endpoint, sb: Sandbox) -> None:
        """The macvlan link goes with its routes."""
        link = ep.link
        if link is None:
            return
        if sb.ns.link(link.name) is not link:
            # the kernel deleted it with its parent (m14: stop and rm still succeed)
            ep.link = None
            self.ctx.journal.record(lambda: setattr(ep, "link", link))
            return
        saved_routes = sb.ns.routes
        sb.ns.remove_link(link.name)
        key = f"net.ipv6.conf.{link.name}.disable_ipv6"
        old_sysctl = sb.ns.sysctl.get(key)
        sysctl_back = put_back(sb.ns.sysctl, key, old_sysctl) if old_sysctl is not None else None
        sb.ns.sysctl.pop(key, None)

        def restore() -> None:
            sb.ns.links[link.name] = link
            link.netns = sb.ns
            sb.ns.links = dict(sorted(sb.ns.links.items(), key=lambda kv: kv[1].index))
            sb.ns.routes = saved_routes
            if sysctl_back is not None:
                sysctl_back()
        self.ctx.journal.record(restore)
        ep.link = None
        self.ctx.journal.record(lambda: setattr(ep, "link", link))

    def children(self, net: Network) -> list[Link]:
        """The macvlan links on the network's parent (in every namespace)."""
        from ...kernel.macvlan import macvlan_children
        parent = self.ctx.kernel.host.link(self.parent_name(net))
        return macvlan_children(parent) if parent is not None else []

    def state(self) -> object:
        return (tuple(self.networks), tuple(sorted(self.made_parents.items())))

