"""What every tool view shares: ToolError (a tool's stderr and exit status) and busybox's usage text.

Mirrors how the Linux tools fail: a message on stderr and a non-zero exit, with busybox 1.35's
``ip`` usage for the options it lacks.
"""

from __future__ import annotations


class ToolError(Exception):
    """A tool refused: ``stderr`` is what it printed there, ``exit_code`` its status.

    >>> from dockernet_sim.kernel import Kernel
    >>> try:
    ...     ip_addr(Kernel().host, "busybox", dev="nosuch")
    ... except ToolError as e:
    ...     print(repr(e.stderr), e.exit_code)
    "ip: can't find device 'nosuch'\\n" 1
    """

    def __init__(self, stderr: str, exit_code: int = 1) -> None:
        super().__init__(stderr.rstrip("\n"))
        self.stderr = stderr
        self.exit_code = exit_code


# What busybox ip prints (to stderr, exit 1) for options it lacks, such as ``-br``.
BUSYBOX_IP_USAGE = (
    "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n"
    "Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\n"
    "OPTIONS := -f[amily] inet|inet6|link | -o[neline]\n\n"
    "ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]\n"
    "ip route list|flush|add|del|change|append|replace|test ROUTE\n"
    "ip link set IFACE [up|down] [arp on|off] [multicast on|off]\n"
    "\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]\n"
    "\t[master IFACE | nomaster] [netns PID]\n"
    "ip tunnel add|change|del|show [NAME]\n"
    "\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]\n"
    "ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]\n"
    "ip rule [list] | add|del SELECTOR ACTION\n"
)

_BUSYBOX = "busybox"
