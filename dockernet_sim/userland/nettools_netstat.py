"""net-tools' ``netstat`` on the host: the sockets published ports open (``daemon.proxy``).

Measured on the recording machine (net-tools 2.10, Debian; r281, r282 on Engines 20.10, 26 and
28, and listeners of our own on loopback): ``Active Internet connections (only servers)``, the
heading, then one line per socket as ``%-5s %6d %6d %-23s %-23s %-11s`` — protocol (``tcp6``/
``udp6`` for IPv6), Recv-Q and Send-Q (0 for a listening socket: its backlog is not shown),
local and foreign address (``:::8080``, ``0.0.0.0:*``), state (``LISTEN``; nothing for UDP) —
TCP before UDP, IPv4 before IPv6; ``-p`` adds `` PID/Program name`` as ``%-20s``.

``-r`` is the routing table (``route``'s, as before). Connections, UNIX sockets (a netstat
without ``-t``/``-u``) and name lookups (a netstat without ``-n``) are not modelled and say so.
"""

from __future__ import annotations

from typing import Sequence

from ..daemon.proxy import HostSocket
from ..result import Result

__all__ = ["nettools_netstat_sockets", "NETSTAT_LETTERS"]

# the letters netstat takes without an argument (its getopt string, less -A/-c's arguments)
NETSTAT_LETTERS = "vWeenNcCFrialoptuwxsgMZ46"
_NOT_MODELLED = "dockernet_sim: netstat: {what}: not simulated\n"


def _usage() -> str:
    from pathlib import Path
    return (Path(__file__).parent / "data" / "netstat_usage.txt").read_text()


def bad_option(letter: str) -> Result:
    """netstat's answer to an option it does not know: its line and usage on stderr, exit 3."""
    return Result("", f"netstat: invalid option -- '{letter}'\n" + _usage(), 3)


def nettools_netstat_sockets(flags: str, sockets: Sequence[HostSocket]) -> Result:
    """``netstat -[lantup]`` over the host's sockets (``flags``: the option letters given)."""
    if "t" not in flags and "u" not in flags:
        return Result("", _NOT_MODELLED.format(what="UNIX and raw sockets (say -t or -u)"), 2)
    if "n" not in flags:
        return Result("", _NOT_MODELLED.format(what="host and service names (say -n)"), 2)
    which = "servers and established" if "a" in flags else "only servers" if "l" in flags else "w/o servers"
    head = "Proto Recv-Q Send-Q Local Address           Foreign Address         State      "
    if "p" in flags:
        head += " PID/Program name    "
    out = [f"Active Internet connections ({which})", head]
    if "l" in flags or "a" in flags:
        for proto in ("tcp", "udp"):
            if proto[0] not in flags:
                continue
            for v6 in (False, True):
                for s in sockets:
                    if s.proto != proto or s.v6 != v6:
                        continue
                    local = f"{s.address}:{s.port}"
                    line = (f"{proto + ('6' if v6 else ''):<5} {0:>6} {0:>6} {local:<23} "
                            f"{(':::*' if v6 else '0.0.0.0:*'):<23} {('LISTEN' if proto == 'tcp' else ''):<11}")
                    if "p" in flags:
                        line += f" {f'{s.pid}/{s.program}' if s.program else '-':<20}"
                    out.append(line)
    return Result("".join(line + "\n" for line in out), "", 0)
