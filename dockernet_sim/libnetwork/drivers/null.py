"""The ``null`` network driver: a container with only a loopback interface (libnetwork's
``drivers/null/null.go``).

The predefined ``none`` network uses it, and so does every configuration-only network (it holds
settings for others and is never programmed). Join makes no interface: the container keeps its
own namespace with ``lo`` alone. Docker allows one ``null`` network besides the configuration-only
ones (``only one instance of "null" network is allowed``, r46).
"""

from __future__ import annotations

from .api import SingletonDriver

__all__ = ["NullDriver"]


class NullDriver(SingletonDriver):
    """Every operation succeeds and changes nothing; one ``null`` network at most."""

    name = "null"
