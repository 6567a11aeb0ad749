"""The network driver interface: what the controller asks of a driver (libnetwork's driverapi).

Modelled on libnetwork's ``driverapi.Driver`` (moby ``libnetwork/driverapi/driverapi.go``):
``CreateNetwork``/``DeleteNetwork``, ``CreateEndpoint``/``DeleteEndpoint``, ``Join``/``Leave``
and ``ProgramExternalConnectivity``/``RevokeExternalConnectivity``. As in libnetwork, the
controller does what every driver shares — the network and endpoint objects, IPAM (pools,
gateways, endpoint addresses), sandboxes, the interface's addresses and default route inside
the container's namespace — and asks the network's driver for the rest: a bridge device, a veth
pair, firewall rules, published ports.

What the model adds to driverapi:

* :meth:`Driver.configure_network` — the driver parses and checks its options (libnetwork's
  drivers do it at the top of ``CreateNetwork``, in ``parseNetworkOptions``); the model asks
  before the pools are allocated, so an option error is reported before an IPAM one;
* :meth:`Driver.preferred_ipv6` — 20.10's bridge driver derives a default-bridge endpoint's
  IPv6 address from its MAC (``drivers/bridge/bridge.go`` ``CreateEndpoint``);
* :meth:`Driver.add_link` — a legacy ``--link`` (the bridge driver's ``link.go``);
* :meth:`Driver.state` — a comparable snapshot of what the driver keeps, for the atomicity tests.

Capabilities that libnetwork reads from a driver's ``Capability`` or its behaviour are class
data here: whether the driver's endpoints take addresses from the network's pools, and whether
it maps published ports. A driver is registered under its :attr:`Driver.name`; the controller
finds a network's driver by that name, never by asking which driver it is.

Every call runs inside the Engine API call's transaction: whatever a driver changes, it records
the inverse in ``ctx.journal`` (or returns nothing to undo), so a failing call leaves the host
exactly as it was.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, ClassVar, Optional

from ...records import Record
from ...addr import IP, Prefix
from ...engines import Profile
from ...errors import Forbidden
from ...ids import Randomness
from ...journal import Journal, put_back
from ...kernel import Kernel, Link
from ..model import Endpoint, Network, Sandbox

__all__ = ["Driver", "DriverContext", "Interface"]


class DriverContext(Record, frozen=True, slots=True):
    """What every driver is given at registration: the host it programs and its bookkeeping
    (libnetwork hands its drivers a ``DriverCallback`` and their configuration)."""

    kernel: Kernel
    profile: Profile
    rand: Randomness
    journal: Journal


class Interface(Record, frozen=True, slots=True):
    """The interface a driver's Join made for the container (libnetwork's ``InterfaceInfo``):
    ``link`` inside the sandbox's namespace, ``host_link`` its host-side peer if it has one."""

    link: Link
    host_link: Optional[Link] = None


class Driver(ABC):
    """One network driver (libnetwork's ``driverapi.Driver``), bound to one host."""

    #: the name networks ask for (``docker network create -d NAME``)
    name: ClassVar[str]
    #: the driver's endpoints take addresses from the network's IPAM pools
    ipam_endpoints: ClassVar[bool] = False
    #: ProgramExternalConnectivity maps published ports (the sandbox's gateway endpoint holds them)
    publishes_ports: ClassVar[bool] = False
    #: the driver's networks use libnetwork's ``null`` IPAM (host, null): no pools, and inspect
    #: shows no IPAM config (``null`` on 28, ``[]`` on 20.10; r90, r113)
    null_ipam: ClassVar[bool] = False

    def __init__(self, ctx: DriverContext) -> None:
        self.ctx = ctx
        # the driver's own table of its networks, by ID in creation order (libnetwork's drivers
        # each keep one: ``d.networks``)
        self.networks: dict[str, Network] = {}

    def _remember(self, net: Network) -> None:
        self.ctx.journal.record(lambda: self.networks.pop(net.id, None))
        self.networks[net.id] = net

    def _forget(self, net: Network) -> None:
        if net.id in self.networks:
            # back in its place: conflicts are reported against the first network in this order
            self.ctx.journal.record(put_back(self.networks, net.id, net))
            del self.networks[net.id]

    # -- networks ----------------------------------------------------------------------------
    def configure_network(self, net: Network) -> None:
        """Parse the driver's options (``net.options``) into the network's settings, refusing
        what the driver rejects; called before the pools are allocated. The default ignores
        every option, as libnetwork's drivers ignore options they do not know."""

    @abstractmethod
    def create_network(self, net: Network) -> None:
        """Program a network whose IPAM pools are allocated (driverapi ``CreateNetwork``)."""

    @abstractmethod
    def delete_network(self, net: Network) -> None:
        """Take back what :meth:`create_network` programmed (driverapi ``DeleteNetwork``)."""

    # -- endpoints ---------------------------------------------------------------------------
    @abstractmethod
    def create_endpoint(self, ep: Endpoint, mac: Optional[str]) -> None:
        """Complete a new endpoint after its IPv4 address is assigned: its MAC (``mac`` when the
        user gave one) and anything the driver keeps for it (driverapi ``CreateEndpoint``)."""

    @abstractmethod
    def delete_endpoint(self, ep: Endpoint) -> None:
        """Forget an endpoint that has left its sandbox (driverapi ``DeleteEndpoint``)."""

    def preferred_ipv6(self, ep: Endpoint, pool: Prefix) -> Optional[IP]:
        """The IPv6 address the driver wants for an endpoint that asked for none, or None to let
        IPAM choose."""
        return None

    # -- sandboxes ---------------------------------------------------------------------------
    @abstractmethod
    def join(self, ep: Endpoint, sb: Sandbox, ifname: Callable[[], str]) -> Optional[Interface]:
        """Give the sandbox its interface on this network (driverapi ``Join``): return the link
        made inside ``sb.ns`` (named by calling ``ifname``), or None when the driver gives the
        container no interface. The controller then puts the endpoint's addresses on it."""

    @abstractmethod
    def leave(self, ep: Endpoint, sb: Sandbox) -> None:
        """Take the endpoint's interface out of the sandbox (driverapi ``Leave``)."""

    @abstractmethod
    def program_external_connectivity(self, ep: Endpoint) -> None:
        """Map the endpoint's published ports (``ep.ports``), for the sandbox's gateway
        endpoint (driverapi ``ProgramExternalConnectivity``)."""

    @abstractmethod
    def revoke_external_connectivity(self, ep: Endpoint) -> None:
        """Unmap the endpoint's published ports (driverapi ``RevokeExternalConnectivity``)."""

    def add_link(self, ep: Endpoint, parent_ip: IP, child_ip: IP, ports: tuple[tuple[str, int], ...]) -> None:
        """Open a legacy ``--link`` from ``parent_ip`` to ``child_ip``'s ``ports``; the default
        programs nothing (only the bridge driver knows links)."""

    # -- tests -------------------------------------------------------------------------------
    def state(self) -> object:
        """A comparable snapshot of what the driver itself keeps (the kernel's state is
        snapshotted separately)."""
        return tuple(self.networks)


class InterfacelessDriver(Driver):
    """A driver whose endpoints get no interface and nothing to program: every endpoint
    operation succeeds and changes nothing (host, null; macvlan/ipvlan's network half)."""

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


class SingletonDriver(InterfacelessDriver):
    """A driver that programs nothing and allows one network (libnetwork's ``host`` and ``null``
    drivers): a second network is refused in the driver's words (``only one instance of "host"
    network is allowed``, r46)."""

    null_ipam: ClassVar[bool] = True

    def configure_network(self, net: Network) -> None:
        # the driver's own CreateNetwork refuses a second network: after the daemon parsed the
        # IPAM config (20.10 says "Invalid subnet …" first), ignoring every option (r46, r130)
        if self.networks:
            raise Forbidden(f'only one instance of "{self.name}" network is allowed')
