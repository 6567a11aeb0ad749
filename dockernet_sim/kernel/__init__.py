"""What Linux has: network namespaces, links, addresses, routes, neighbour (ARP) tables and
netfilter tables.

Nothing here knows about Docker. libnetwork programs these objects the way the real daemon
programs the kernel through netlink and iptables, and every view (``ip a``, ``brctl show``,
``iptables -S``) and every reachability trace reads them back.
"""

from typing import Any

from .links import Address, Link
from .netfilter import Chain, Netfilter, Rule, Table
from .netns import Kernel, Namespace, Route

__all__ = ["Address", "Link", "Neighbour", "Chain", "Netfilter", "Rule", "Table", "Kernel", "Namespace", "Route"]


def __getattr__(name: str) -> Any:
    """``Neighbour``: the ARP tables' module loads with the first table a packet needs (issue 15)."""
    if name != "Neighbour":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .neighbour import Neighbour
    return Neighbour
