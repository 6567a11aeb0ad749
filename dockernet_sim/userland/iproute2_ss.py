"""iproute2's ``ss`` on the host: the sockets published ports open (``daemon.proxy``).

Layout measured on the recording machine (iproute2 6.15's ss, Debian; r281, r282 on Engines
20.10, 26 and 28, and listeners of our own on loopback): a table of columns, each as wide as its
widest cell or its heading, separated by one space — ``Netid`` (only when more than one socket
type is asked for), ``State``, ``Recv-Q``, ``Send-Q``, the local address right-aligned and
ending with its colon under ``Local Address:`` and its port left-aligned under ``Port``, the
peer's likewise, then ``Process`` (padded too; ``-p`` fills it with `` users:(("NAME",pid=N,fd=N))``, a space first). The
queues are printed six wide (``%-6d``); under ``-H`` the widths come from the rows alone.
A wildcard IPv6 address is ``[::]``, a peer of a listening socket ``ADDRESS:*``. Listening TCP
sockets show ``LISTEN`` with their backlog as Send-Q, bound UDP sockets ``UNCONN``; UDP is
listed before TCP, IPv4 before IPv6 within a protocol.

Only what the model has is listed: the host's sockets that Docker opens. Connections are not
modelled (``ss -t`` without ``-l`` lists none), nor UNIX sockets (an ``ss`` that would list them,
one without ``-t``/``-u``, says so), nor the services file (``-n`` is needed: without it ss would
name ports, ``8080`` as ``http-alt``).
"""

from __future__ import annotations

from typing import Sequence

from ..daemon.proxy import HostSocket
from ..result import Result

__all__ = ["run_ss"]

# ss's options that take no argument, by letter, and the long spellings people type
_FLAGS = {"l": "listening", "a": "all", "t": "tcp", "u": "udp", "n": "numeric", "p": "processes",
          "4": "ipv4", "6": "ipv6", "H": "no-header", "w": "raw", "x": "unix", "e": "", "m": "", "o": "", "i": "",
          "r": "resolve"}
_LONG = {"--listening": "listening", "--all": "all", "--tcp": "tcp", "--udp": "udp", "--numeric": "numeric",
         "--processes": "processes", "--ipv4": "ipv4", "--ipv6": "ipv6", "--no-header": "no-header",
         "--raw": "raw", "--unix": "unix", "--resolve": "resolve"}
_NOT_MODELLED = "dockernet_sim: ss: {what}: not simulated\n"


def _usage() -> str:
    """ss's usage text (iproute2 6.15), on stderr after a bad option."""
    from pathlib import Path
    return (Path(__file__).parent / "data" / "ss_usage.txt").read_text()


def _address(s: HostSocket) -> str:
    return f"[{s.address}]" if s.v6 else s.address


def run_ss(argv: Sequence[str], sockets: Sequence[HostSocket]) -> Result:
    """``ss [-ltunp46H]`` over the host's sockets."""
    mode: set[str] = set()
    for a in argv:
        if a in _LONG:
            mode.add(_LONG[a])
        elif a.startswith("-") and not a.startswith("--") and len(a) > 1:
            for ch in a[1:]:
                if ch not in _FLAGS:
                    return Result("", f"ss: invalid option -- '{ch}'\n" + _usage(), 255)
                mode.add(_FLAGS[ch])
        else:
            return Result("", _NOT_MODELLED.format(what=f"filter {' '.join(argv[argv.index(a):])!r}"), 2)
    if "tcp" not in mode and "udp" not in mode:
        return Result("", _NOT_MODELLED.format(what="UNIX and raw sockets (say -t or -u)"), 2)
    if mode & {"raw", "unix"}:
        return Result("", _NOT_MODELLED.format(what="UNIX and raw sockets"), 2)
    if "numeric" not in mode or "resolve" in mode:
        return Result("", _NOT_MODELLED.format(what="service names (say -n)"), 2)
    listening = "listening" in mode or "all" in mode
    families = {4, 6} if ("ipv4" in mode) == ("ipv6" in mode) else {4 if "ipv4" in mode else 6}
    rows: list[list[str]] = []
    for proto in ("udp", "tcp"):
        if proto not in mode or not listening:
            continue
        for v6 in (False, True):
            if (6 if v6 else 4) not in families:
                continue
            for s in sockets:
                if s.proto != proto or s.v6 != v6:
                    continue
                wild = "[::]" if v6 else "0.0.0.0"
                process = f' users:(("{s.program}",pid={s.pid},fd={s.fd}))' if "processes" in mode and s.program else ""
                # ss prints the queues as %-6d: six wide even under -H
                rows.append([proto, "LISTEN" if proto == "tcp" else "UNCONN", f"{0:<6}", f"{s.backlog:<6}",
                             _address(s) + ":", str(s.port), wild + ":", "*", process])
    head = ["Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port", "Process"]
    # the space before each column (none before the first shown, nor before a port or the process)
    delim = ["", " ", " ", " ", " ", "", " ", "", ""]
    right = {4, 6}
    shown = list(range(9)) if "tcp" in mode and "udp" in mode else list(range(1, 9))
    table = ([head] if "no-header" not in mode else []) + rows
    # widths come from what is printed: with -H the heading does not count (the last column
    # then has no padding at all)
    widths = [max((len(r[i]) for r in table), default=0) for i in range(9)]
    out = []
    for r in table:
        line = ""
        for n, i in enumerate(shown):
            cell = r[i].rjust(widths[i]) if i in right else r[i].ljust(widths[i])
            line += (delim[i] if n else "") + cell
        out.append(line + "\n")
    return Result("".join(out), "", 0)
