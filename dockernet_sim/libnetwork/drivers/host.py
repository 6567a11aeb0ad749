"""The ``host`` network driver: containers share the host's network stack (libnetwork's
``drivers/host/host.go``).

Nothing is programmed: the predefined ``host`` network has no pools, no device and no rules,
and a container joined to it uses the host's namespace (its sandbox is the host's), so Join
makes no interface. Docker allows one ``host`` network, the predefined one; the driver refuses
another with the driver's words (``only one instance of "host" network is allowed``, r46).
"""

from __future__ import annotations

from .api import SingletonDriver

__all__ = ["HostDriver"]


class HostDriver(SingletonDriver):
    """Every operation succeeds and changes nothing; one ``host`` network at most."""

    name = "host"
