"""The network files Linux shows a process: ``/proc/net/{route,dev,arp,if_inet6}``,
``/sys/class/net/DEV/*`` and the network sysctls under ``/proc/sys/net``, generated from a
namespace of the model.

Formats are the kernel's ``seq_printf`` lines as the recording machine's kernel 6.18 printed them
in busybox containers (r44 and r201_busybox_net_files on Docker 20.10, 26 and 28):
``/proc/net/route`` pads every line to 127 columns and writes addresses in the host's
(little-endian) byte order; ``/proc/net/dev`` is ``dev_seq_printf_stats``; ``/proc/net/arp`` is
``arp_format_neigh_entry`` (flags 0x2 once the entry is complete); sysfs attributes are one value
and a newline, and a down device refuses ``carrier`` and a loopback ``speed`` (``EINVAL``).
Devices are listed in index order, as the kernel walks its device list; neighbours by address
(the kernel walks a hash table).
"""

from __future__ import annotations

from typing import Callable, Optional

from ..kernel import Namespace
from ..kernel.links import Link
from .rootfs import Content, Reader, Unreadable
from .views.links import _addresses, _carrier, _operstate

__all__ = ["proc_net_route", "proc_net_dev", "proc_net_arp", "proc_net_if_inet6", "sysfs_attribute",
           "network_files"]

_ROUTE_HEAD = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"


def _le_hex(value: int) -> str:
    """An IPv4 address as /proc/net/route shows it: the host's (little-endian) byte order."""
    return f"{int.from_bytes(value.to_bytes(4, 'big'), 'little'):08X}"


def proc_net_route(ns: Optional[Namespace]) -> str:
    """/proc/net/route: the IPv4 routes of the main table, every line padded to 127 columns."""
    lines = [_ROUTE_HEAD.ljust(127)]
    for r in (ns.routes if ns is not None else []):
        if (r.dst is not None and r.dst.version != 4) or (r.dst is None and r.via is not None
                                                            and r.via.version != 4):
            continue
        dst = r.dst.masked() if r.dst is not None else None
        flags = 0x1 | (0x2 if r.via is not None else 0) | (0x4 if dst is not None and dst.length == 32 else 0)
        mask = ((0xFFFFFFFF << (32 - dst.length)) & 0xFFFFFFFF) if dst is not None else 0
        line = (f"{r.dev}\t{_le_hex(dst.addr.value if dst else 0)}\t{_le_hex(r.via.value if r.via else 0)}\t"
                f"{flags:04X}\t0\t0\t{r.metric or 0}\t{_le_hex(mask)}\t0\t0\t0")
        lines.append(line.ljust(127))
    return "\n".join(lines) + "\n"


def proc_net_dev(ns: Namespace) -> str:
    """/proc/net/dev: each device's counters (the model counts packets and bytes only)."""
    out = ["Inter-|   Receive                                                |  Transmit\n",
           " face |bytes    packets errs drop fifo frame compressed multicast|"
           "bytes    packets errs drop fifo colls carrier compressed\n"]
    for link in ns.links.values():
        out.append(f"{link.name:>6}:{link.rx_bytes:8d} {link.rx_packets:7d} {0:4d} {0:4d} {0:4d} {0:5d} {0:10d} "
                   f"{0:9d} {link.tx_bytes:8d} {link.tx_packets:7d} {0:4d} {0:4d} {0:4d} {0:5d} {0:7d} {0:10d}\n")
    return "".join(out)


def proc_net_arp(ns: Namespace) -> str:
    """/proc/net/arp: the IPv4 neighbours (an unanswered one without its address, flags 0x0)."""
    out = ["IP address       HW type     Flags       HW address            Mask     Device\n"]
    entries = [n for n in ns.neighbours if n.ip.version == 4]
    for n in sorted(entries, key=lambda n: (n.ip.value, n.dev)):
        complete = n.mac is not None and n.state not in ("FAILED", "INCOMPLETE")
        flags = 0x2 if complete else 0x0
        mac = (n.mac or "00:00:00:00:00:00").lower() if complete else "00:00:00:00:00:00"
        out.append(f"{str(n.ip):<16} 0x{1:<10x}0x{flags:<10x}{mac:<17}     {'*':<8} {n.dev}\n")
    return "".join(out)


_SCOPE = {"global": 0x00, "host": 0x10, "link": 0x20, "site": 0x40}


def proc_net_if_inet6(ns: Namespace) -> str:
    """/proc/net/if_inet6: each IPv6 address as 32 hex digits, index, prefix length, scope, flags."""
    out = []
    for link in ns.links.values():
        for a in _addresses(ns, link):
            if a.ip.version != 6:
                continue
            flags = 0x80 | (0x02 if "nodad" in a.flags else 0)
            out.append(f"{a.ip.value:032x} {link.index:02x} {a.prefixlen:02x} {_SCOPE.get(a.scope, 0):02x} "
                       f"{flags:02x} {link.name:>8}\n")
    return "".join(out)


def sysfs_attribute(ns: Namespace, link: Link, attr: str) -> Content:
    """``/sys/class/net/DEV/ATTR``: the value and its newline; None for an attribute not modelled."""
    loopback = link.kind == "loopback"
    if attr == "address":
        return link.mac.lower() + "\n"
    if attr == "broadcast":
        return ("00:00:00:00:00:00" if loopback else "ff:ff:ff:ff:ff:ff") + "\n"
    if attr == "mtu":
        return f"{link.mtu}\n"
    if attr == "ifindex":
        return f"{link.index}\n"
    if attr == "iflink":
        return f"{link.peer.index if link.peer is not None else link.index}\n"
    if attr == "type":
        return ("772" if loopback else "1") + "\n"
    if attr == "addr_len":
        return "6\n"
    if attr == "tx_queue_len":
        return f"{link.txqueuelen}\n"
    if attr == "operstate":
        return _operstate(link).lower() + "\n"
    if attr == "flags":
        from .views.nettools import _iff        # ifconfig's flags: loaded by the first reader (issue 15)
        return f"0x{_iff(link):x}\n"
    if attr == "carrier":
        if not link.up:
            return Unreadable("Invalid argument")
        return ("1" if _carrier(link) else "0") + "\n"
    if attr == "speed":
        if loopback or not link.up:
            return Unreadable("Invalid argument")
        return ("10000" if link.kind == "veth" else "-1") + "\n"
    if attr == "ifalias":
        return "\n"
    return None


def _sysctl(ns: Namespace, path: str) -> Reader:
    """A /proc/sys file: the kernel's sysctl tree of the namespace (``kernel.sysctl``)."""
    from .sysctl import proc_sys_file
    return lambda: proc_sys_file(ns, path) or Unreadable("No such file or directory")


# the counters the kernel model keeps, by their sysfs names
_COUNTERS: dict[str, Callable[[Link], int]] = {
    "rx_bytes": lambda lk: lk.rx_bytes, "rx_packets": lambda lk: lk.rx_packets,
    "tx_bytes": lambda lk: lk.tx_bytes, "tx_packets": lambda lk: lk.tx_packets}


def network_files(ns: Namespace) -> dict[str, Reader]:
    """Every generated file of the namespace, by path (each made when read)."""
    files: dict[str, Reader] = {
        "/proc/net/route": lambda: proc_net_route(ns),
        "/proc/net/dev": lambda: proc_net_dev(ns),
        "/proc/net/arp": lambda: proc_net_arp(ns),
        "/proc/net/if_inet6": lambda: proc_net_if_inet6(ns),
        # a container's namespace forwards as the recording machine's did (r201)
        "/proc/sys/net/ipv4/ip_forward": _sysctl(ns, "/proc/sys/net/ipv4/ip_forward"),
    }
    for conf in ("all", "default", *ns.links):
        # (a write to "all" reaches every device the namespace has: 20.10 disables IPv6 so, r201)
        path = f"/proc/sys/net/ipv6/conf/{conf}/disable_ipv6"
        files[path] = _sysctl(ns, path)
    for link in ns.links.values():
        base = f"/sys/devices/virtual/net/{link.name}/"
        for attr in ("address", "broadcast", "mtu", "ifindex", "iflink", "type", "addr_len", "tx_queue_len",
                     "operstate", "flags", "carrier", "speed", "ifalias"):
            files[base + attr] = (lambda lk, at: lambda: sysfs_attribute(ns, lk, at))(link, attr)
        # the counters the model keeps (statistics/ has 23 in all: the directory stays partial)
        for counter, value in _COUNTERS.items():
            files[base + "statistics/" + counter] = (lambda lk, v: lambda: f"{v(lk)}\n")(link, value)
    return files
