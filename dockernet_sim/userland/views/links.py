"""``ip addr`` and ``ip link``, and what the kernel derives for them rather than stores.

Mirrors iproute2 6.1 and busybox 1.35 ``ip``; derived as Linux does: carrier (a veth when both
ends are up, a bridge when one of its ports has it), IPv6 on or off per namespace and link (sysctl
``disable_ipv6``), ``::1`` and EUI-64 ``fe80::`` addresses, ``link-netnsid``, ``@ifN``,
``M-DOWN``, ``secondary``, operstate, qdisc and the link flags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from ...addr import IP, format_ipv4, format_ipv6
from ...kernel.links import Address, Link
from ...kernel.netns import Namespace
from ..applets import busybox_usage
from .common import ToolError, _BUSYBOX

if TYPE_CHECKING:   # (ip's address words: loaded by the first selector)
    from ..ipwords import Selector


def _carrier(link: Link) -> bool:
    """IFF_LOWER_UP: a veth has carrier when both ends are up, a bridge when a port forwards."""
    if not link.up:
        return False
    if link.kind == "veth":
        return link.peer is not None and link.peer.up
    if link.kind == "bridge":
        return any(_carrier(p) for p in link.ports)
    if link.kind == "loopback":
        return True
    if link.kind == "macvlan":
        # a macvlan follows its lower device's carrier (linux macvlan.c: netif_stacked_transfer_operstate)
        return link.lower is not None and link.lower.netns is not None and _carrier(link.lower)
    return link.carrier


def _ipv6_on(ns: Optional[Namespace], link: Link) -> bool:
    sysctl = ns.sysctl if ns is not None else {}
    return (sysctl.get("net.ipv6.conf.all.disable_ipv6", "0") != "1"
            and sysctl.get(f"net.ipv6.conf.{link.name}.disable_ipv6", "0") != "1")


def _ll_ready(ns: Optional[Namespace], link: Link) -> bool:
    """The kernel has configured IPv6 on the link: ``fe80::`` address and routes."""
    if link.kind == "loopback" or not link.up or not _ipv6_on(ns, link):
        return False
    return _carrier(link) or link.had_carrier


def _mac_bytes(mac: str) -> list[int]:
    try:
        b = [int(x, 16) for x in mac.split(":")]
    except ValueError:
        b = []
    return b if len(b) == 6 else [0] * 6


def _eui64(mac: str) -> IP:
    b = _mac_bytes(mac)
    iid = bytes([b[0] ^ 2, b[1], b[2], 0xFF, 0xFE, b[3], b[4], b[5]])
    return IP((0xFE80 << 112) | int.from_bytes(iid, "big"), 6)


class _Addr:
    """One address line as the tools show it."""

    __slots__ = ("ip", "prefixlen", "broadcast", "scope", "flags")

    def __init__(self, ip: IP, prefixlen: int, broadcast: Optional[IP], scope: str, flags: Sequence[str] = ()):
        self.ip, self.prefixlen, self.broadcast, self.scope, self.flags = ip, prefixlen, broadcast, scope, tuple(flags)


def _addresses(ns: Optional[Namespace], link: Link) -> list[_Addr]:
    """The link's addresses in kernel dump order, with the ones the kernel adds by itself.

    IPv4 in the order added (an address inside an earlier one's subnet is ``secondary``); then
    IPv6 by scope -- global (newest first), link, host -- as the kernel keeps its list.
    """
    out: list[_Addr] = []
    primaries: list[Address] = []
    for a in link.addresses:
        if a.ip.version != 4:
            continue
        mask = (0xFFFFFFFF << (32 - a.prefixlen)) & 0xFFFFFFFF
        secondary = any(p.prefixlen == a.prefixlen and (p.ip.value & mask) == (a.ip.value & mask)
                        for p in primaries)
        if not secondary:
            primaries.append(a)
        out.append(_Addr(a.ip, a.prefixlen, a.broadcast, a.scope, ("secondary",) if secondary else ()))
    if not _ipv6_on(ns, link):
        return out
    v6 = [a for a in link.addresses if a.ip.version == 6]
    rank = {"global": 0, "site": 1, "link": 2, "host": 3}
    shown = [_Addr(a.ip, a.prefixlen, None, a.scope, ("nodad",) if a.nodad else ()) for a in reversed(v6)]
    have = {a.ip.value for a in v6}
    if link.kind == "loopback" and link.up and 1 not in have:
        shown.append(_Addr(IP(1, 6), 128, None, "host"))
    if _ll_ready(ns, link):
        ll = _eui64(link.mac)
        if ll.value not in have:
            # added when carrier came, after any link-local address Docker put on the bridge
            # (20.10's fe80::1), so listed before it
            first_link = next((i for i, a in enumerate(shown) if a.scope == "link"), len(shown))
            shown.insert(first_link, _Addr(ll, 64, None, "link"))
    shown.sort(key=lambda a: rank.get(a.scope, 0))
    return out + shown


def _operstate(link: Link) -> str:
    if not link.up:
        return "DOWN"
    if link.kind == "loopback":
        return "UNKNOWN"
    if _carrier(link):
        return "UP"
    return "LOWERLAYERDOWN" if link.kind in ("veth", "macvlan") else "DOWN"


def _qdisc(link: Link) -> str:
    if not link.up and not link.was_up:
        return "noop"
    if link.kind in ("loopback", "veth", "bridge", "macvlan"):
        return "noqueue"
    return "pfifo_fast"


def _base_flags(link: Link) -> list[str]:
    if link.kind == "loopback":
        return ["LOOPBACK"]
    if link.kind == "ifb":
        return ["BROADCAST", "NOARP"]
    return ["BROADCAST", "MULTICAST"]


def _link_flags(link: Link, mdown: bool) -> str:
    """``<…>`` as iproute2 and busybox print it."""
    flags = []
    carrier = _carrier(link)
    if link.up and not carrier:
        flags.append("NO-CARRIER")
    flags += _base_flags(link)
    if link.up:
        flags.append("UP")
        if carrier:
            flags.append("LOWER_UP")
    if mdown:
        flags.append("M-DOWN")
    return "<" + ",".join(flags) + ">"


def _by_index(ns: Namespace) -> dict[int, Link]:
    return {l.index: l for l in ns.links.values()}


def _peer_ref(ns: Optional[Namespace], link: Link, flavour: str, *, nsid_known: bool = True,
              by_index: Optional[dict[int, Link]] = None) -> tuple[str, bool, Optional[int]]:
    """(``@…`` suffix, M-DOWN, link-netnsid) for a link with a peer (IFLA_LINK).

    The message names the peer by index. Told the peer's netnsid, iproute2 prints ``@ifN``;
    otherwise (busybox always, iproute2 for ``-6`` and ``bridge link``, whose dumps lack it) the
    tool looks the index up in its own namespace and may name an unrelated link.
    """
    peer = link.peer if link.kind == "veth" else link.lower if link.kind == "macvlan" else None
    if peer is None:
        return "", False, None
    same_ns = peer.netns is ns
    nsid = None
    if not same_ns and ns is not None and peer.netns is not None:
        # allocated when the veth was made; if not, the kernel allocates it as it dumps the link
        nsid = ns.netnsid(peer.netns)
    if by_index is None and ns is not None:
        by_index = _by_index(ns)
    local = by_index.get(peer.index) if by_index is not None else None
    if flavour == _BUSYBOX:
        # busybox looks the index up here, whatever namespace the peer is in
        return "@" + (local.name if local is not None else f"if{peer.index}"), local is None or not local.up, None
    if same_ns:
        return "@" + peer.name, not peer.up, None
    if not nsid_known:
        if local is not None:
            return "@" + local.name, not local.up, None
        return f"@if{peer.index}", False, None
    return f"@if{peer.index}", False, nsid


def _links(ns: Namespace, dev: Optional[str], flavour: str, *, rc: int = 1,
           kind: Optional[str] = None, master: Optional[str] = None, up_only: bool = False) -> list[Link]:
    if dev is None:
        links = ns.sorted_links()
    else:
        link = ns.link(dev)
        if link is None:
            if flavour == _BUSYBOX:
                raise ToolError(f"ip: can't find device '{dev}'\n", rc)
            raise ToolError(f'Device "{dev}" does not exist.\n', 1)
        links = [link]
    if kind is not None:   # ``show type bridge``
        links = [l for l in links if l.kind == kind]
    if master is not None:   # ``show master docker0``: the ports of that device
        links = [l for l in links if l.master is not None and l.master.name == master]
    if up_only:              # ``show up``: administratively up
        links = [l for l in links if l.up]
    return links


def _link_line(ns: Namespace, link: Link, flavour: str, *, mode: bool, family: Optional[int],
               one: bool = False, by_index: Optional[dict[int, Link]] = None) -> str:
    """The first line of a link, and the ``link/ether`` line unless a family is chosen.

    ``one``: iproute2 asked the kernel for this one link (``dev X``), so it has all of its
    attributes even under ``-6`` (whose link dump lacks qdisc, master, group and netnsid).
    """
    inet6_dump = family == 6 and not (one and flavour != _BUSYBOX)
    suffix, mdown, nsid = _peer_ref(ns, link, flavour, nsid_known=not inet6_dump, by_index=by_index)
    head = f"{link.index}: {link.name}{suffix}: {_link_flags(link, mdown)} mtu {link.mtu} "
    qlen = f"qlen {link.txqueuelen}" if link.txqueuelen else ""
    if inet6_dump:
        # the AF_INET6 link dump carries no qdisc, master or group
        if flavour == _BUSYBOX:
            return head + qlen + "\n"
        return head + f"state {_operstate(link)} " + qlen + "\n"
    head += f"qdisc {_qdisc(link)} "
    if link.master is not None:
        head += f"master {link.master.name} "
    tail = f" link-netnsid {nsid}" if nsid is not None else ""
    if flavour == _BUSYBOX:
        head += qlen
    else:
        head += f"state {_operstate(link)} " + ("mode DEFAULT " if mode else "") + "group default " + qlen
    if family is not None:
        # no link/ether line: iproute2 appends the netnsid to the first one
        return head + ("" if flavour == _BUSYBOX else tail) + "\n"
    if link.kind == "loopback":
        return head + "\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
    return head + f"\n    link/ether {link.mac} brd ff:ff:ff:ff:ff:ff{tail}\n"


def _addr_lines(link: Link, a: _Addr, flavour: str) -> str:
    fam = "inet" if a.ip.version == 4 else "inet6"
    s = f"    {fam} {_ntop(a.ip)}/{a.prefixlen} "
    if a.broadcast is not None:
        s += f"brd {a.broadcast} "
    s += f"scope {a.scope} "
    flags = list(a.flags)
    if flavour == _BUSYBOX:
        if "secondary" in flags:
            s += "secondary "
        if "nodad" in flags:
            s += "flags 02 "
    else:
        s += "".join(f + " " for f in flags)
    if a.ip.version == 4:
        s += link.name   # the IFA_LABEL, IPv4 only
    return s + "\n       valid_lft forever preferred_lft forever\n"


def _ntop(ip: IP) -> str:
    """inet_ntop's text: like RFC 5952, but ``::a.b.c.d`` for IPv4-compatible addresses."""
    if ip.version == 4:
        return str(ip)
    v = ip.value
    if v >> 32 == 0 and v >> 16 != 0:
        return "::" + format_ipv4(v)
    return format_ipv6(v)


def _brief_name(ns: Namespace, link: Link, family: Optional[int] = None,
                by_index: Optional[dict[int, Link]] = None) -> str:
    suffix, _, _ = _peer_ref(ns, link, "iproute2", nsid_known=family != 6, by_index=by_index)
    return link.name + suffix


def _macvlan_details(link: Link) -> str:
    """What ``ip -d link`` adds for a macvlan (iproute2 6.1 on Linux 6.x; recorded in m07)."""
    return (" promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n"
            f"    macvlan mode {link.macvlan_mode} bcqueuelen 1000 usedbcqueuelen 1000 addrgenmode eui64 "
            "numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 "
            "tso_max_segs 65535 gro_max_size 65536 \n")


# --- ip -------------------------------------------------------------------------------------

def ip_addr(ns: Namespace, flavour: str = _BUSYBOX, *, dev: Optional[str] = None, brief: bool = False,
            family: Optional[int] = None, kind: Optional[str] = None, oneline: bool = False,
            master: Optional[str] = None, up_only: bool = False, scope: Optional[str] = None,
            to: Optional[Selector] = None) -> str:
    """``ip a`` / ``ip addr show [dev X]`` / ``ip -4 a`` / ``ip -6 a`` / ``ip -br a`` /
    ``ip addr show type bridge`` (``kind="bridge"``).

    ``flavour`` is ``"busybox"`` or ``"iproute2"``; ``oneline`` is ``-o`` (one line per address,
    no link lines). Raises :class:`ToolError` for an unknown device, and for ``-br`` under busybox
    (which has no such option).

    >>> from dockernet_sim.kernel import Kernel
    >>> print(ip_addr(Kernel().host, "iproute2", brief=True), end="")
    lo               UNKNOWN        127.0.0.1/8 ::1/128 
    """
    if brief and flavour == _BUSYBOX:
        raise ToolError(busybox_usage("ip"), 1)
    out = []
    by_index = _by_index(ns)
    for link in _links(ns, dev, flavour, kind=kind, master=master, up_only=up_only):
        addrs = _addresses(ns, link)
        if scope is not None:    # ``scope global|link|host``: links without such an address are left out
            addrs = [a for a in addrs if a.scope == scope]
            if not addrs:
                continue
        if family is not None:
            addrs = [a for a in addrs if a.ip.version == family]
            if not addrs:
                continue
        if to is not None:       # ``to PREFIX``: only the addresses inside it, only their links
            addrs = [a for a in addrs if to.keeps_address(a.ip.version, a.ip.value)]
            if not addrs:
                continue
        if brief:
            words = "".join(f"{_ntop(a.ip)}/{a.prefixlen} " for a in addrs)
            out.append(f"{_brief_name(ns, link, family, by_index):<16} {_operstate(link):<14} {words}\n")
            continue
        if oneline:
            out.extend(f"{link.index}: {link.name}" + _addr_lines(link, a, flavour).replace("\n", "\\", 1)
                       for a in addrs)
            continue
        # (with a family or a prefix to match, iproute2 and busybox leave the link/ether line out)
        out.append(_link_line(ns, link, flavour, mode=False, family=family or (to.version if to else None),
                              one=dev is not None, by_index=by_index))
        out.extend(_addr_lines(link, a, flavour) for a in addrs)
    return "".join(out)


# iproute2's print_stats64: the columns' least widths (bytes, packets, errors, dropped, missed or
# carrier, mcast or collsns), read off iproute2 6.x's output; each is widened to its widest number
# (as the least widths suggest; not seen on a real machine: no counter there had more digits)
_STATS_WIDTHS = (10, 7, 6, 7, 7, 7)


def _link_stats(link: Link, level: int) -> str:
    """The ``RX:``/``TX:`` blocks ``ip -s link`` prints under a link (the model's links never
    drop or err: those columns are 0)."""
    rx = (link.rx_bytes, link.rx_packets, 0, 0, 0, 0)
    tx = (link.tx_bytes, link.tx_packets, 0, 0, 0, 0)
    w = [max(least, len(str(a)), len(str(b))) for least, a, b in zip(_STATS_WIDTHS, rx, tx)]

    def head(label: str, names: tuple[str, ...]) -> str:
        cells = " ".join(f"{n:>{width}}" for n, width in zip(names, w[1:]))
        return f"    {label}: {'bytes':>{w[0] - 4}} {cells} {'':>10}\n"

    def row(values: tuple[int, ...]) -> str:
        return "    " + "".join(f"{v:>{width}} " for v, width in zip(values, w)) + "\n"

    def errors(label: str, names: tuple[str, ...]) -> str:
        cells = " ".join(f"{n:>{width}}" for n, width in zip(names, w[1:]))
        zeros = "".join(f"{0:>{width}} " for width in w[1:])
        return f"    {label} errors:{'':>{w[0] - 10}} {cells}\n    {'':>{w[0]}} {zeros}\n"

    out = head("RX", ("packets", "errors", "dropped", "missed", "mcast")) + row(rx)
    if level > 1:
        out += errors("RX", ("length", "crc", "frame", "fifo", "overrun"))
    out += head("TX", ("packets", "errors", "dropped", "carrier", "collsns")) + row(tx)
    if level > 1:
        out += errors("TX", ("aborted", "fifo", "window", "heartbt", "transns"))
    return out


def ip_link(ns: Namespace, flavour: str = _BUSYBOX, *, dev: Optional[str] = None, brief: bool = False,
            kind: Optional[str] = None, oneline: bool = False, master: Optional[str] = None,
            up_only: bool = False, details: int = 0, stats: int = 0) -> str:
    """``ip link [show [dev] X]`` / ``ip -br link`` / ``ip link show type bridge`` / ``ip -o link``;
    iproute2's ``-s`` adds the link's counters (``-s -s`` the error breakdown; busybox ignores it).

    >>> from dockernet_sim.kernel import Kernel
    >>> print(ip_link(Kernel().host, "busybox"), end="")
    1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
        link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    """
    if brief and flavour == _BUSYBOX:
        raise ToolError(busybox_usage("ip"), 1)
    out = []
    by_index = _by_index(ns)
    for link in _links(ns, dev, flavour, rc=2, kind=kind, master=master, up_only=up_only):
        if brief:
            suffix, mdown, _ = _peer_ref(ns, link, "iproute2", by_index=by_index)
            mac = "00:00:00:00:00:00" if link.kind == "loopback" else link.mac
            out.append(f"{link.name + suffix:<16} {_operstate(link):<14} {mac} {_link_flags(link, mdown)} \n")
        else:
            line = _link_line(ns, link, flavour, mode=True, family=None, by_index=by_index)
            if details and link.kind == "macvlan":
                line = line[:-1] + _macvlan_details(link)
            if stats and flavour != _BUSYBOX:
                line += _link_stats(link, stats)
            out.append(line[:-1].replace("\n", "\\") + "\n" if oneline else line)
    return "".join(out)
