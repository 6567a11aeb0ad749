"""The ``macvlan`` network driver (libnetwork's ``drivers/macvlan``): networks on a parent link,
modes ``bridge`` (the default), ``private``, ``vepa`` and ``passthru``. What it shares with ipvlan
is in :mod:`.parent`."""

from __future__ import annotations

from .parent import ParentDriver

__all__ = ["MacvlanDriver"]


class MacvlanDriver(ParentDriver):
    name = "macvlan"
    mode_option = "macvlan_mode"
    modes = ("bridge", "private", "vepa", "passthru")
