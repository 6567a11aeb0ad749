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

from ..records import Record
from typing import TYPE_CHECKING, Iterator, Optional

from ..addr import IP

if TYPE_CHECKING:  # pragma: no cover
    from .netns import Kernel, Namespace

ARP_FRAME = 42          # an ARP request or reply on an Ethernet link (14 + 28)
ARP_PAYLOAD = 28        # what a bridge passing it up to its host counts
MCAST_SOLICIT = 3       # requests for a next hop before the entry FAILs (net.ipv4.neigh.*.mcast_solicit)
STATES = ("REACHABLE", "STALE", "DELAY", "FAILED")


class Neighbour(Record, slots=True):
    """One entry: ``ip neigh`` prints ``IP dev DEV lladdr MAC STATE``."""

    ip: IP
    dev: str
    mac: Optional[str]           # None: FAILED (nobody answered)
    state: str
    probes: int


class Neighbours:
    """A namespace's entries by device, then address (a device's entries go with it in one step;
    no other device's are looked at), each change journalled by the kernel."""

    __slots__ = ("by_dev",)

    def __init__(self) -> None:
        self.by_dev: dict[str, dict[int, Neighbour]] = {}

    def get(self, dev: str, ip: IP) -> Optional[Neighbour]:
        entries = self.by_dev.get(dev)
        return entries.get(ip.value) if entries is not None else None

    def put(self, entry: Neighbour) -> None:
        self.by_dev.setdefault(entry.dev, {})[entry.ip.value] = entry

    def __iter__(self) -> Iterator[Neighbour]:
        """In address order (what the recordings list; the kernel walks its hash table)."""
        return iter(sorted((n for entries in self.by_dev.values() for n in entries.values()),
                           key=lambda n: (n.ip.value, n.dev)))

    def __len__(self) -> int:
        return sum(map(len, self.by_dev.values()))


def set_entry(kernel: "Kernel", ns: "Namespace", entry: Neighbour) -> None:
    """Put ``entry`` in ``ns``'s table (replacing one for the same device and address), journalled."""
    table = ns.neighbours
    old = table.get(entry.dev, entry.ip)
    entries = table.by_dev.get(entry.dev)
    kernel.journal.record(lambda: table.put(old) if old is not None else
                          table.by_dev.pop(entry.dev, None) if entries is None else entries.pop(entry.ip.value, None))
    table.put(entry)


def drop_device(ns: "Namespace", dev: str) -> None:
    """A link left the namespace: its entries go with it (``neigh_ifdown``), journalled. (A
    namespace without entries is left without a table: a removal, or its undo, does not make one.)"""
    if not ns.has_neighbours:
        return
    table = ns.neighbours.by_dev
    gone = table.pop(dev, None)
    if gone is not None:
        ns.kernel.journal.record(lambda: table.__setitem__(dev, gone))
