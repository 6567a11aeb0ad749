"""The Linux programs a user runs on the host or with ``docker exec``: ip, ifconfig, brctl,
bridge, iptables, iptables-save, hostname, cat of the network files.

Each takes argv and the namespace it runs in, and returns what the real tool prints. Inside
containers the userland is the image's (busybox or iproute2); on the host it is iproute2 and
net-tools. Unknown programs and bad arguments give the tool's own message and exit code.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from ..kernel import Namespace
from . import views
from .result import Result


def run_ip(argv: Sequence[str], ns: Namespace, flavour: str) -> Result:
    """``ip`` (busybox or iproute2)."""
    args = list(argv)
    family: Optional[int] = None
    brief = False
    while args and args[0].startswith("-"):
        a = args.pop(0)
        if a == "-4":
            family = 4
        elif a == "-6":
            family = 6
        elif a in ("-br", "-brief"):
            brief = True
        elif a in ("-o", "-oneline", "-d", "-details", "-s", "-stats", "-c", "-color"):
            continue
        else:
            if flavour == "busybox":
                return Result("", _busybox_ip_usage(), 1)
            return Result("", f'Option "{a}" is unknown, try "ip -help".\n', 255)
    if not args:
        if flavour == "busybox":
            return Result("", _busybox_ip_usage(), 1)
        return Result("", _IPROUTE_USAGE, 255)
    obj, rest = args[0], args[1:]
    dev: Optional[str] = None
    if rest and rest[0] in ("show", "list", "ls", "lst", "sh", "s", "l"):
        rest = rest[1:]
    if rest and rest[0] == "dev" and len(rest) > 1:
        dev = rest[1]
        rest = rest[2:]
    elif rest and not rest[0].startswith("-") and obj in ("a", "addr", "address", "link", "l"):
        dev = rest[0]
        rest = rest[1:]
    if dev is not None and ns.link(dev) is None:
        if flavour == "busybox":
            return Result("", f"ip: can't find device '{dev}'\n", 1)
        return Result("", f'Device "{dev}" does not exist.\n', 1)
    if obj in ("a", "ad", "addr", "address"):
        return Result(views.ip_addr(ns, flavour=flavour, dev=dev, brief=brief, family=family), "", 0)
    if obj in ("l", "li", "link"):
        return Result(views.ip_link(ns, flavour=flavour, dev=dev, brief=brief), "", 0)
    if obj in ("r", "ro", "route"):
        return Result(views.ip_route(ns, flavour=flavour, family=family or 4), "", 0)
    if flavour == "busybox":
        return Result("", f"ip: unknown command '{obj}'\n" if False else _busybox_ip_usage(), 1)
    return Result("", f'Object "{obj}" is unknown, try "ip help".\n', 1)


def _busybox_ip_usage() -> str:
    return ("BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.\n\n"
            "Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\n"
            "OPTIONS := -f[amily] inet|inet6|link | -o[neline]\n\n"
            "ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]\n"
            "ip route list|flush|add|del|change|append|replace|test ROUTE\n"
            "ip link set IFACE [up|down] [arp on|off] [multicast on|off]\n"
            "\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]\n"
            "\t[master IFACE | nomaster] [netns PID]\n"
            "ip tunnel add|change|del NAME [mode ipip|gre|sit]\n"
            "\t[remote ADDR] [local ADDR] [ttl TTL]\n"
            "ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]\n"
            "ip rule [list] | add|del SELECTOR ACTION\n")


_IPROUTE_USAGE = ("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                  "       ip [ -force ] -batch filename\n")


def run_ifconfig(argv: Sequence[str], ns: Namespace, flavour: str) -> Result:
    args = [a for a in argv if a != "-a"]
    iface = args[0] if args else None
    if iface is not None and ns.link(iface) is None:
        if flavour == "busybox":
            return Result("", f"ifconfig: {iface}: error fetching interface information: Device not found\n", 1)
        return Result("", f"{iface}: error fetching interface information: Device not found\n", 1)
    return Result(views.ifconfig(ns, iface=iface, flavour=flavour), "", 0)


def run_brctl(argv: Sequence[str], ns: Namespace) -> Result:
    if not argv or argv[0] == "show":
        return Result(views.brctl_show(ns), "", 0)
    return Result("", f"never heard of command [{argv[0]}]\n", 1)


def run_bridge(argv: Sequence[str], ns: Namespace) -> Result:
    if argv and argv[0] in ("link", "l"):
        return Result(views.bridge_link(ns), "", 0)
    return Result("", 'Object "' + (argv[0] if argv else "") + '" is unknown, try "bridge help".\n', 255)


def run_iptables(argv: Sequence[str], ns: Namespace) -> Result:
    table, action, chain = "filter", None, None
    numeric = verbose = False
    args = list(argv)
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-t", "--table") and i + 1 < len(args):
            table = args[i + 1]
            i += 2
            continue
        if a in ("-S", "--list-rules", "-L", "--list"):
            action = "S" if a in ("-S", "--list-rules") else "L"
            if i + 1 < len(args) and not args[i + 1].startswith("-"):
                chain = args[i + 1]
                i += 1
        elif a in ("-n", "--numeric"):
            numeric = True
        elif a in ("-v", "--verbose"):
            verbose = True
        elif a.startswith("-") and len(a) > 2 and not a.startswith("--"):
            for ch in a[1:]:
                if ch == "n":
                    numeric = True
                elif ch == "v":
                    verbose = True
                elif ch == "L":
                    action = "L"
                elif ch == "S":
                    action = "S"
        i += 1
    if table not in ns.netfilter.tables:
        return Result("", f"iptables v1.8.9 (legacy): can't initialize iptables table `{table}': Table does not "
                          f"exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n", 3)
    if chain is not None and chain not in ns.netfilter.tables[table].chains:
        return Result("", f"iptables: No chain/target/match by that name.\n", 1)
    if action == "S":
        return Result(views.iptables_S(ns.netfilter, table=table, chain=chain), "", 0)
    if action == "L":
        return Result(views.iptables_L(ns.netfilter, table=table, numeric=numeric, verbose=verbose, chain=chain),
                      "", 0)
    return Result("", "iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' "
                      "for more information.\n", 2)


def run_iptables_save(argv: Sequence[str], ns: Namespace) -> Result:
    return Result(views.iptables_save(ns.netfilter), "", 0)


HostTool = Callable[[Sequence[str], Namespace], Result]
