"""The ``ipvlan`` network driver (libnetwork's ``drivers/ipvlan``): networks on a parent link,
modes ``l2`` (the default), ``l3`` and ``l3s``. What it shares with macvlan is in :mod:`.parent`."""

from __future__ import annotations

from .parent import ParentDriver

__all__ = ["IpvlanDriver"]


class IpvlanDriver(ParentDriver):
    name = "ipvlan"
    mode_option = "ipvlan_mode"
    modes = ("l2", "l3", "l3s")
