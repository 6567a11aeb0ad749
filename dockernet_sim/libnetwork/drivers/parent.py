"""Drivers whose networks sit on a host's parent interface: what macvlan and ipvlan share.

Imitates the network half of libnetwork's ``drivers/macvlan`` and ``drivers/ipvlan``
(``*_network.go`` ``CreateNetwork`` and ``parseNetworkOptions``): the mode option is checked
against the driver's modes, a ``parent`` that is no host link must look like a VLAN
sub-interface (``eth0.10``), and 20.10 refuses a second network on the same parent. Recorded in
r46 (``invalid subinterface vlan name …``, ``requested ipvlan mode 'bogus' is not valid …``,
20.10's ``network dm-… is already using parent interface …``).

The endpoint half is each driver's own: macvlan's in :mod:`.macvlan`; an ipvlan network still gives
a container no interface and no address (this machine's kernel has no ipvlan to record it on).
"""

from __future__ import annotations

from typing import ClassVar

from ...errors import Forbidden, InvalidParameter
from ..model import Network
from .api import InterfacelessDriver

__all__ = ["ParentDriver"]


class ParentDriver(InterfacelessDriver):
    """A driver of networks on a parent link; a subclass names its mode option and modes."""

    mode_option: ClassVar[str]            # "macvlan_mode" | "ipvlan_mode"
    modes: ClassVar[tuple[str, ...]]      # the valid modes, the default first

    def configure_network(self, net: Network) -> None:
        mode = net.options.get(self.mode_option, "")
        if mode and mode not in self.modes:
            raise InvalidParameter(f"requested {self.name} mode '{mode}' is not valid, '{self.modes[0]}' mode is "
                                   f"the {self.name} driver default")

    def create_network(self, net: Network) -> None:
        """Once the pools are allocated (m04: an overlapping subnet on the same parent is reported
        as the overlap): 20.10 and 26 refuse a second network on a parent, then a parent that is
        no host link must look like a VLAN sub-interface (m14 on 20.10: a deleted parent that a
        network still names is reported as in use)."""
        parent = net.options.get("parent", "")
        if parent and self.ctx.profile.one_network_per_parent:
            for other in self.networks.values():
                if other.options.get("parent") == parent:
                    raise Forbidden(f"network dm-{other.id[:12]} is already using parent interface {parent}")
        if parent and self.ctx.kernel.host.link(parent) is None and "." not in parent:
            raise InvalidParameter(f"invalid subinterface vlan name {parent}, example formatting is eth0.10")
        self._remember(net)
