"""The ``null`` network driver: a container with only a loopback interface (libnetwork's
``drivers/null/null.go``).

The predefined ``none`` network uses it, and so does every configuration-only network (it holds
settings for others and is never programmed). Join makes no interface: the container keeps its
own namespace with ``lo`` alone. Docker allows one ``null`` network besides the configuration-only
ones (``only one instance of "null" network is allowed``, r46).
"""

from __future__ import annotations

from typing import Callable, Optional

from ...errors import Forbidden
from ..model import Endpoint, Network, Sandbox
from .api import Driver, Interface

__all__ = ["NullDriver"]


class NullDriver(Driver):
    """Every operation succeeds and changes nothing."""

    name = "null"
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
