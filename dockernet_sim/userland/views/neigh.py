"""``ip neigh`` (iproute2 and busybox): a namespace's neighbour table (busybox ``arp -a`` is
``query.tools``'s: it names each address by a DNS query).

Formats as the recording machine's tools printed them (r136, r137: busybox 1.35 in the
containers, iproute2 6.1 on the host). iproute2 prints ``IP dev DEV lladdr MAC STATE `` (a
trailing blank; no ``dev`` when the listing is for one device). busybox adds the entry's
reference count (``ref 1`` while a timer holds it: REACHABLE, DELAY), ``used 0/0/0`` (seconds, as
busybox divides the kernel's ticks: always 0 here) and ``probes N``; a FAILED entry has no
``lladdr``. The kernel lists its hash table (random order per
namespace); the model lists by address.
"""

from __future__ import annotations

from typing import Optional

from ...addr import AddrError, parse_prefix
from ...kernel import Namespace
from ...kernel.neighbour import Neighbour
from .common import ToolError


def neighbours(ns: Namespace, flavour: str, dev: Optional[str] = None, to: Optional[str] = None,
               nud: Optional[str] = None) -> list[Neighbour]:
    """The entries ``ip neigh show [dev DEV] [to PREFIX] [nud STATE]`` selects."""
    want = None
    if to is not None:
        try:
            want = parse_prefix(to if "/" in to else to + ("/32" if ":" not in to else "/128")).masked()
        except (AddrError, ValueError):
            raise ToolError(f'Error: any valid prefix is expected rather than "{to}".\n')
    if dev is not None and ns.link(dev) is None:
        raise ToolError(f"ip: can't find device '{dev}'\n" if flavour == "busybox" else f'Cannot find device "{dev}"\n')
    return [n for n in ns.neighbours
            if (dev is None or n.dev == dev) and (want is None or want.contains(n.ip))
            and (nud is None or n.state == nud.upper())]


def ip_neigh(entries: list[Neighbour], flavour: str, one_dev: bool = False) -> str:
    out = []
    for n in entries:
        line = f"{n.ip} " + ("" if one_dev else f"dev {n.dev} ")
        if flavour == "busybox":
            line += f"lladdr {n.mac}" if n.mac else ""
            line += " ref 1" if n.state in ("REACHABLE", "DELAY") else ""
            line += f" used 0/0/0 probes {n.probes} {n.state}\n"
        else:
            line += (f"lladdr {n.mac} " if n.mac else "") + f"{n.state} \n"
        out.append(line)
    return "".join(out)

