"""The neighbour (ARP) table of a network namespace: Linux ``net/core/neighbour.c`` and ``net/ipv4/arp.c``.

Measured on kernel 6.18 (r136, r137): the first IPv4 packet from a namespace to a next hop it
has no entry for waits for an ARP exchange — a 42-byte broadcast request and a 42-byte reply
(Ethernet, no IP; a bridge passing either up to its host counts the 28-byte ARP payload). Both
sides learn: the requester from the reply (``REACHABLE``), the replier from the request
(``STALE``, and ``DELAY`` once it sends to the requester). A next hop nobody answers gets three
requests (``mcast_solicit``) and a ``FAILED`` entry. Time does not pass in the model: the unicast
probe a ``DELAY`` entry sends five seconds later, and ``REACHABLE`` going ``STALE``, do not happen.
``probes`` is what busybox ``ip neigh`` prints (NDA_PROBES as recorded: 4 for an entry learnt from
a reply, 0 for one learnt from a request, 6 for a failed one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

from ..addr import IP

if TYPE_CHECKING:  # pragma: no cover
    from .netns import Kernel, Namespace

ARP_FRAME = 42          # an ARP request or reply on an Ethernet link (14 + 28)
ARP_PAYLOAD = 28        # what a bridge passing it up to its host counts
MCAST_SOLICIT = 3       # requests for a next hop before the entry FAILs (net.ipv4.neigh.*.mcast_solicit)
STATES = ("REACHABLE", "STALE", "DELAY", "FAILED")


@dataclass(slots=True)
class Neighbour:
    """One entry: ``ip neigh`` prints ``IP dev DEV lladdr MAC STATE``."""

    ip: IP
    dev: str
    mac: Optional[str]           # None: FAILED (nobody answered)
    state: str
    probes: int


class Neighbours:
    """A namespace's entries by (device, address), each change journalled by the kernel."""

    __slots__ = ("by_key",)

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, int], Neighbour] = {}

    def get(self, dev: str, ip: IP) -> Optional[Neighbour]:
        return self.by_key.get((dev, ip.value))

    def __iter__(self) -> Iterator[Neighbour]:
        """In address order (what the recordings list; the kernel walks its hash table)."""
        return iter(sorted(self.by_key.values(), key=lambda n: (n.ip.value, n.dev)))

    def __len__(self) -> int:
        return len(self.by_key)


def set_entry(kernel: "Kernel", ns: "Namespace", entry: Neighbour) -> None:
    """Put ``entry`` in ``ns``'s table (replacing one for the same device and address), journalled."""
    table = ns.neighbours.by_key
    key = (entry.dev, entry.ip.value)
    old = table.get(key)
    kernel.journal.record(lambda: table.__setitem__(key, old) if old is not None else table.pop(key, None))
    table[key] = entry


def drop_device(ns: "Namespace", dev: str) -> None:
    """A link left the namespace: its entries go with it (``neigh_ifdown``), journalled."""
    table = ns.neighbours.by_key
    gone = {k: v for k, v in table.items() if k[0] == dev}
    if gone:
        ns.kernel.journal.record(lambda: table.update(gone))
        for key in gone:
            del table[key]
