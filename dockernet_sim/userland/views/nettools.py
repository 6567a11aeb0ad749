"""``ifconfig`` and busybox ``hostname -i``: the programs of net-tools (and busybox's), in a module
named for the package, not the program, so that :mod:`..views` can load it on first use (issue 15)
and its ``ifconfig`` name is still the function.

Mirrors net-tools and busybox 1.35 ifconfig (IFF_* flags, netmask, the link's traffic counters
with their size in 1024-based units, the tenth truncated: ``41120 (40.1 KiB)``, as both print it on
kernel 6.18) and busybox ``hostname -i`` (the first address /etc/hosts gives the hostname).
"""

from __future__ import annotations

from typing import Optional

from ...addr import format_ipv4
from ...kernel.links import Link
from ...kernel.netns import Namespace
from .common import ToolError, _BUSYBOX
from .links import _addresses, _base_flags, _carrier, _ntop


_IFF = (("UP", 0x1), ("BROADCAST", 0x2), ("DEBUG", 0x4), ("LOOPBACK", 0x8), ("POINTOPOINT", 0x10),
        ("NOTRAILERS", 0x20), ("RUNNING", 0x40), ("NOARP", 0x80), ("PROMISC", 0x100),
        ("ALLMULTI", 0x200), ("MASTER", 0x400), ("SLAVE", 0x800), ("MULTICAST", 0x1000))
_SCOPE_ID = {"global": (0x0, "global", "Global"), "link": (0x20, "link", "Link"),
             "host": (0x10, "host", "Host"), "site": (0x40, "site", "Site")}


def _iff(link: Link) -> int:
    bits = {"LOOPBACK": 0x8, "BROADCAST": 0x2, "MULTICAST": 0x1000, "NOARP": 0x80}
    v = sum(bits[f] for f in _base_flags(link))
    if link.up:
        v |= 0x1
        if _carrier(link):
            v |= 0x40
    return v


def _natural_key(name: str) -> tuple[str, int]:
    """net-tools orders interfaces by the name without its trailing number, then the number."""
    i = len(name)
    while i > 0 and name[i - 1].isdigit():
        i -= 1
    return name[:i], int(name[i:]) if i < len(name) else -1


def _scaled(nbytes: int) -> str:
    """A byte count as both ifconfigs print it beside the number: ``294.0 B``, ``1.3 MiB``."""
    whole, tenth, unit = nbytes, 0, 0
    while whole >= 1024 and unit < len(_UNITS) - 1:
        whole, tenth, unit = whole // 1024, (whole % 1024) * 10 // 1024, unit + 1
    return f"{whole}.{tenth} {_UNITS[unit]}"


_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def _netmask(prefixlen: int) -> str:
    return format_ipv4((0xFFFFFFFF << (32 - prefixlen)) & 0xFFFFFFFF)


def ifconfig(ns: Namespace, iface: Optional[str] = None, flavour: str = "net-tools", *, all: bool = False) -> str:
    """``ifconfig [-a] [IFACE]``: net-tools on the host, busybox's own in containers.

    ``flavour`` ``"busybox"`` gives busybox's layout; anything else (``"net-tools"``, and
    ``"iproute2"``, which on the host means net-tools) the net-tools one. Without ``iface`` only
    interfaces that are up are listed, unless ``all``; they come sorted by name.
    """
    busybox = flavour == _BUSYBOX
    if iface is not None:
        link = ns.link(iface)
        if link is None:
            prefix = "ifconfig: " if busybox else ""
            raise ToolError(f"{prefix}{iface}: error fetching interface information: Device not found\n", 1)
        links = [link]
    else:
        links = [l for l in ns.links.values() if all or l.up]
        links.sort(key=(lambda l: l.name) if busybox else (lambda l: _natural_key(l.name)))
    render = _ifconfig_busybox if busybox else _ifconfig_nettools
    return "".join(render(ns, l) for l in links)


def _ifconfig_nettools(ns: Namespace, link: Link) -> str:
    flags = _iff(link)
    names = ",".join(n for n, bit in _IFF if flags & bit)
    s = f"{link.name}: flags={flags}<{names}>  mtu {link.mtu}\n"
    addrs = _addresses(ns, link)
    v4 = [a for a in addrs if a.ip.version == 4]
    if v4:
        a = v4[0]   # SIOCGIFADDR: the primary address only
        s += f"        inet {a.ip}  netmask {_netmask(a.prefixlen)}"
        if flags & 0x2:
            s += f"  broadcast {a.broadcast if a.broadcast is not None else '0.0.0.0'}"
        s += "\n"
    for a in addrs:
        if a.ip.version == 6:
            sid, name, _ = _SCOPE_ID.get(a.scope, (0, "global", "Global"))
            s += f"        inet6 {_ntop(a.ip)}  prefixlen {a.prefixlen}  scopeid {sid:#x}<{name}>\n"
    if link.kind == "loopback":
        s += f"        loop  txqueuelen {link.txqueuelen}  (Local Loopback)\n"
    else:
        s += f"        ether {link.mac}  txqueuelen {link.txqueuelen}  (Ethernet)\n"
    return s + (f"        RX packets {link.rx_packets}  bytes {link.rx_bytes} ({_scaled(link.rx_bytes)})\n"
                "        RX errors 0  dropped 0  overruns 0  frame 0\n"
                f"        TX packets {link.tx_packets}  bytes {link.tx_bytes} ({_scaled(link.tx_bytes)})\n"
                "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n")


def _ifconfig_busybox(ns: Namespace, link: Link) -> str:
    if link.kind == "loopback":
        s = f"{link.name:<9} Link encap:Local Loopback  \n"
    else:
        s = f"{link.name:<9} Link encap:Ethernet  HWaddr {link.mac.upper()}  \n"
    flags = _iff(link)
    addrs = _addresses(ns, link)
    v4 = [a for a in addrs if a.ip.version == 4]
    if v4:
        a = v4[0]
        s += f"          inet addr:{a.ip}  "
        if flags & 0x2:
            s += f"Bcast:{a.broadcast if a.broadcast is not None else '0.0.0.0'}  "
        s += f"Mask:{_netmask(a.prefixlen)}\n"
    for a in addrs:
        if a.ip.version == 6:
            s += f"          inet6 addr: {_ntop(a.ip)}/{a.prefixlen} Scope:{_SCOPE_ID.get(a.scope, (0, '', 'Global'))[2]}\n"
    words = "".join(n + " " for n, bit in _IFF if flags & bit)
    s += f"          {words} MTU:{link.mtu}  Metric:1\n"
    return s + (f"          RX packets:{link.rx_packets} errors:0 dropped:0 overruns:0 frame:0\n"
                f"          TX packets:{link.tx_packets} errors:0 dropped:0 overruns:0 carrier:0\n"
                f"          collisions:0 txqueuelen:{link.txqueuelen} \n"
                f"          RX bytes:{link.rx_bytes} ({_scaled(link.rx_bytes)})  "
                f"TX bytes:{link.tx_bytes} ({_scaled(link.tx_bytes)})\n\n")


# --- hostname -------------------------------------------------------------------------------

def hostname_i(ns: Namespace, hostname: Optional[str] = None, hosts: Optional[str] = None) -> str:
    """busybox ``hostname -i``: the IPv4 address the hostname resolves to.

    With ``hosts`` (the container's ``/etc/hosts``) and ``hostname``, the first IPv4 line naming
    it (the images' static busybox resolves without ``multi on``: a container on two networks
    prints only the first, r44); without, the namespace's first global IPv4 address.
    """
    addrs: list[str] = []
    if hosts is not None and hostname is not None:
        want = hostname.lower()
        for line in hosts.splitlines():
            words = line.split("#", 1)[0].split()
            if len(words) >= 2 and want in (w.lower() for w in words[1:]) and _is_ipv4(words[0]):
                addrs.append(words[0])
                break
    else:
        addrs = [str(a.ip) for l in ns.sorted_links() for a in l.addresses
                 if a.ip.version == 4 and a.scope == "global"][:1]
    if not addrs:
        # the name is not in /etc/hosts and the container's resolver cannot answer (r27 hn)
        raise ToolError(f"hostname: {hostname or ''}: Host name lookup failure\n", 1)
    return " ".join(addrs) + "\n"


def _is_ipv4(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts)
