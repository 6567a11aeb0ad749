"""The built-in network drivers, registered by name (libnetwork's ``drvregistry`` and the
daemon's ``initBuiltin…`` calls).

The controller finds a network's driver in the table this builds; adding a driver is one module
under ``drivers/`` and one line here.
"""

from __future__ import annotations

from .api import Driver, DriverContext
from .bridge import BridgeDriver, Firewall
from .host import HostDriver
from .ipvlan import IpvlanDriver
from .macvlan import MacvlanDriver
from .null import NullDriver

__all__ = ["builtin_drivers"]


def builtin_drivers(ctx: DriverContext, firewall: Firewall) -> list[Driver]:
    """One instance of each built-in driver for a host; ``firewall`` is the bridge driver's."""
    return [NullDriver(ctx), HostDriver(ctx), BridgeDriver(ctx, firewall), MacvlanDriver(ctx), IpvlanDriver(ctx)]
