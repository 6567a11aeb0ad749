"""The built-in network drivers, registered by name (libnetwork's ``drvregistry`` and the
daemon's ``initBuiltin…`` calls).

The controller finds a network's driver in the table this builds; adding a driver is one module
under ``drivers/`` and one line here. The drivers a host has from its start (null, host, bridge:
the predefined networks') are made with it; macvlan and ipvlan are made, and their modules loaded,
when a network first names them (:data:`ON_DEMAND`; dockerd registers them all at start, which
nothing a user sees tells apart: a start-up need not load them, issue 15).
"""

from __future__ import annotations

from typing import Callable, Mapping

from .api import Driver, DriverContext
from .bridge import BridgeDriver, Firewall
from .host import HostDriver
from .null import NullDriver

__all__ = ["ON_DEMAND", "builtin_drivers"]


def builtin_drivers(ctx: DriverContext, firewall: Firewall) -> list[Driver]:
    """The built-in drivers a host makes at its start; ``firewall`` is the bridge driver's."""
    return [NullDriver(ctx), HostDriver(ctx), BridgeDriver(ctx, firewall)]


def _macvlan(ctx: DriverContext) -> Driver:
    from .macvlan import MacvlanDriver
    return MacvlanDriver(ctx)


def _ipvlan(ctx: DriverContext) -> Driver:
    from .ipvlan import IpvlanDriver
    return IpvlanDriver(ctx)


# the other built-in drivers, by name: each made when first asked for
ON_DEMAND: Mapping[str, Callable[[DriverContext], Driver]] = {"macvlan": _macvlan, "ipvlan": _ipvlan}
