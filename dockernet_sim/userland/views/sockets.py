"""busybox netstat's socket listings (``netstat -tln``, ``-an``, ``-x`` …), in busybox 1.35's
layout as the recorded images print it (r140) and the machine's own busybox (the same Debian
build) does: a title per table saying which sockets it holds, the Internet sockets (TCP, then UDP;
no connection is established in the model, so only listening ones exist), and the UNIX domain
table, empty in a container.

>>> from dockernet_sim.query.listeners import OpenSocket
>>> print(netstat_sockets([OpenSocket("tcp", ":::80", ":::*", "LISTEN")], "tl"), end="")
Active Internet connections (only servers)
Proto Recv-Q Send-Q Local Address           Foreign Address         State       
tcp        0      0 :::80                   :::*                    LISTEN      
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:    # the what-if layer loads only when a listing is asked for
    from ...query.listeners import OpenSocket

INET_HEADER = "Proto Recv-Q Send-Q Local Address           Foreign Address         State       "
UNIX_HEADER = "Proto RefCnt Flags       Type       State         I-Node Path"


def netstat_sockets(sockets: Sequence["OpenSocket"], flags: str) -> str:
    """The listing for ``flags``, netstat's option letters: ``l`` servers only, ``a`` servers and
    established, neither: established only; ``t``/``u``/``w``/``x`` the tables (none: all)."""
    which = ("servers and established" if "a" in flags else "only servers" if "l" in flags
             else "w/o servers")
    tables = "".join(t for t in "tuwx" if t in flags) or "tuwx"
    out = []
    if set(tables) & set("tuw"):
        out += [f"Active Internet connections ({which})", INET_HEADER]
        if "a" in flags or "l" in flags:
            for s in sockets:
                if (s.proto == "tcp" and "t" in tables) or (s.proto == "udp" and "u" in tables):
                    out.append(f"{s.proto:<5} {0:>6} {0:>6} {s.local:<23} {s.foreign:<23} {s.state:<12}")
    if "x" in tables:
        out += [f"Active UNIX domain sockets ({which})", UNIX_HEADER]
    return "".join(line + "\n" for line in out)


__all__ = ["netstat_sockets", "INET_HEADER", "UNIX_HEADER"]
