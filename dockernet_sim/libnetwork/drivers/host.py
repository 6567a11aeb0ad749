"""The ``host`` network driver: containers share the host's network stack (libnetwork's
``drivers/host/host.go``).

Nothing is programmed: the predefined ``host`` network has no pools, no device and no rules,
and a container joined to it uses the host's namespace (its sandbox is the host's), so Join
makes no interface. Docker allows one ``host`` network, the predefined one; the driver refuses
another with the driver's words (``only one instance of "host" network is allowed``, r46).
"""

from __future__ import annotations

from typing import Callable, Optional

from ...errors import Forbidden
from ..model import Endpoint, Network, Sandbox
from .api import Driver, Interface

__all__ = ["HostDriver"]


class HostDriver(Driver):
    """Every operation succeeds and changes nothing."""

    name = "host"
    null_ipam = True

    def configure_network(self, net: Network) -> None:
        # the driver's own CreateNetwork refuses a second network: after the daemon parsed the
        # IPAM config (20.10 says "Invalid subnet …" first), ignoring every option (r46, r130)
        if self.networks:
            raise Forbidden(f'only one instance of "{self.name}" network is allowed')

    def create_network(self, net: Network) -> None:
        self._remember(net)

    def delete_network(self, net: Network) -> None:
        self._forget(net)

    def create_endpoint(self, ep: Endpoint, mac: Optional[str]) -> None:
        pass

    def delete_endpoint(self, ep: Endpoint) -> None:
        pass

    def join(self, ep: Endpoint, sb: Sandbox, ifname: Callable[[], str]) -> Optional[Interface]:
        return None

    def leave(self, ep: Endpoint, sb: Sandbox) -> None:
        pass

    def program_external_connectivity(self, ep: Endpoint) -> None:
        pass

    def revoke_external_connectivity(self, ep: Endpoint) -> None:
        pass
