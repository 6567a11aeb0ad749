"""What the Linux tools print about kernel objects: ``ip``, ``ifconfig``, ``brctl``, ``bridge``,
``iptables``, ``iptables-save`` and ``hostname -i``.

Pure functions from kernel objects to text, one per tool and userland flavour. The formats are
the ones the recording machine's programs print (iproute2 6.1, busybox 1.35 as the images have
it, net-tools ifconfig, bridge-utils brctl, iptables 1.8.9 nf_tables); every layout here was
checked against those programs run on a hand-built namespace, byte for byte.

What the kernel derives rather than stores is derived here, as the kernel would:

- carrier: a veth has it when both ends are up; a bridge when one of its ports does;
- IPv6: a namespace has it unless ``net.ipv6.conf.all.disable_ipv6`` is ``"1"``, a link unless
  ``net.ipv6.conf.<name>.disable_ipv6`` is; ``lo`` then has ``::1``, and a link that is up and
  has (or has had) carrier has its EUI-64 ``fe80::`` address, a ``fe80::/64`` route and, for
  busybox, a ``multicast ff00::/8`` route;
- ``link-netnsid``, ``@ifN``, ``M-DOWN``, ``secondary``, operstate and qdisc.

>>> from dockernet_sim.kernel import Kernel
>>> print(ip_addr(Kernel().host, "busybox"), end="")
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
"""

from __future__ import annotations

import time
from typing import Iterable, Optional, Sequence

from ..addr import IP, Prefix, format_ipv4, format_ipv6, parse_ip
from ..kernel.links import Address, Link
from ..kernel.netfilter import Netfilter, Rule
from ..kernel.netns import Namespace, Route

__all__ = [
    "ToolError", "ip_addr", "ip_link", "ip_route", "ifconfig", "brctl_show", "bridge_link",
    "iptables_S", "iptables_L", "iptables_save", "hostname_i", "BUSYBOX_IP_USAGE",
    "ip_route_get", "route_n", "proc_net_route",
]


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


# --- what the kernel derives -------------------------------------------------------------

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
    return "LOWERLAYERDOWN" if link.kind == "veth" else "DOWN"


def _qdisc(link: Link) -> str:
    if not link.up:
        return "noop"
    if link.kind in ("loopback", "veth", "bridge"):
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
    peer = link.peer
    if link.kind != "veth" or peer is None:
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
           kind: Optional[str] = None) -> list[Link]:
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


# --- ip -------------------------------------------------------------------------------------

def ip_addr(ns: Namespace, flavour: str = _BUSYBOX, *, dev: Optional[str] = None, brief: bool = False,
            family: Optional[int] = None, kind: Optional[str] = None, oneline: bool = False) -> str:
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
        raise ToolError(BUSYBOX_IP_USAGE, 1)
    out = []
    by_index = _by_index(ns)
    for link in _links(ns, dev, flavour, kind=kind):
        addrs = _addresses(ns, link)
        if family is not None:
            addrs = [a for a in addrs if a.ip.version == family]
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
        out.append(_link_line(ns, link, flavour, mode=False, family=family, one=dev is not None,
                              by_index=by_index))
        out.extend(_addr_lines(link, a, flavour) for a in addrs)
    return "".join(out)


def ip_link(ns: Namespace, flavour: str = _BUSYBOX, *, dev: Optional[str] = None, brief: bool = False,
            kind: Optional[str] = None, oneline: bool = False) -> str:
    """``ip link [show [dev] X]`` / ``ip -br link`` / ``ip link show type bridge`` / ``ip -o link``.

    >>> from dockernet_sim.kernel import Kernel
    >>> print(ip_link(Kernel().host, "busybox"), end="")
    1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
        link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    """
    if brief and flavour == _BUSYBOX:
        raise ToolError(BUSYBOX_IP_USAGE, 1)
    out = []
    by_index = _by_index(ns)
    for link in _links(ns, dev, flavour, rc=2, kind=kind):
        if brief:
            suffix, mdown, _ = _peer_ref(ns, link, "iproute2", by_index=by_index)
            mac = "00:00:00:00:00:00" if link.kind == "loopback" else link.mac
            out.append(f"{link.name + suffix:<16} {_operstate(link):<14} {mac} {_link_flags(link, mdown)} \n")
        else:
            line = _link_line(ns, link, flavour, mode=True, family=None, by_index=by_index)
            out.append(line.replace("\n", "\\", 1) if oneline else line)
    return "".join(out)


def _route_family(r: Route) -> int:
    if r.dst is not None:
        return r.dst.version
    return r.via.version if r.via is not None else getattr(r, "family", 4)


def _routes(ns: Namespace, family: int) -> list[tuple[Route, bool]]:
    """Main-table routes of one family in dump order, each with whether it is busybox-only
    (the ``multicast ff00::/8`` routes of the local table, which busybox lists too)."""
    routes = [r for r in ns.routes if _route_family(r) == family]
    extra: list[tuple[Route, bool]] = []
    if family == 6:
        have = {(r.dev, r.dst.network.value, r.dst.length) for r in routes if r.dst is not None}
        links = [l for l in ns.links.values() if l.kind != "loopback" and _ipv6_on(ns, l)]
        # fe80::/64 comes with the first link-local address: one Docker added (20.10's fe80::1
        # on an IPv6 bridge, there from the start) or the kernel's own, when carrier came
        for link in sorted(links, key=lambda l: l.index if _has_ll(l) else _ready_order(l)):
            if _has_ll(link) or _ll_ready(ns, link):
                ll = Route(dst=Prefix(IP(0xFE80 << 112, 6), 64), dev=link.name, proto="kernel", metric=256)
                if (link.name, ll.dst.network.value, 64) not in have:  # type: ignore[union-attr]
                    routes.append(ll)
        for link in sorted(links, key=_ready_order):
            if _ll_ready(ns, link):
                extra.append((Route(dst=Prefix(IP(0xFF << 120, 6), 8), dev=link.name, proto="kernel",
                                    metric=256), True))

    def key(r: Route) -> tuple[int, int, int]:
        if r.dst is None:
            value, length = (0, 0) if family == 4 else ((1 << 128) - 1, 0)
        else:
            length = r.dst.length
            value = r.dst.network.value if family == 4 else r.dst.last.value
        metric = r.metric if r.metric is not None else (0 if family == 4 else 1024)
        # IPv4's fib trie lists by address (covering prefixes first); IPv6's fib6 tree walks
        # post-order (covered prefixes first, the default last)
        return value, -length, metric

    ordered = sorted(routes, key=key)
    return [(r, False) for r in ordered] + extra


def _has_ll(link: Link) -> bool:
    return any(a.ip.version == 6 and a.ip.value >> 64 == 0xFE80 << 48 for a in link.addresses)


def _ready_order(link: Link) -> float:
    """When the kernel configured IPv6 on the link, as far as the model can tell: a bridge right
    after its first port (it gets carrier from that port), any other link by its index."""
    if link.kind == "bridge" and link.ports:
        return min(p.index for p in link.ports) + 0.5
    return float(link.index)


def ip_route(ns: Namespace, flavour: str = _BUSYBOX, *, family: int = 4, dev: Optional[str] = None) -> str:
    """``ip route`` (``family=4``) or ``ip -6 route`` (``family=6``), main table; ``dev``:
    ``ip route show dev X`` (iproute2 then leaves ``dev X`` out of each line, busybox does not).

    >>> from dockernet_sim.kernel import Kernel, Route
    >>> from dockernet_sim.addr import parse_ip
    >>> k = Kernel(); ns = k.host
    >>> _ = ns.add_link("eth0", "ether", up=True, carrier=True)
    >>> _ = ns.add_address("eth0", parse_ip("10.2.0.2"), 24)
    >>> ns.add_route(Route(dst=None, dev="eth0", via=parse_ip("10.2.0.1")))
    >>> print(ip_route(ns, "busybox"), end="")
    default via 10.2.0.1 dev eth0 
    10.2.0.0/24 dev eth0 scope link  src 10.2.0.2 
    """
    if dev is not None and ns.link(dev) is None:
        if flavour == _BUSYBOX:
            raise ToolError(f"ip: can't find device '{dev}'\n", 1)
        raise ToolError(f'Cannot find device "{dev}"\n', 1)
    out = []
    for r, busybox_only in _routes(ns, family):
        if busybox_only and flavour != _BUSYBOX or dev is not None and r.dev != dev:
            continue
        out.append(_route_line(ns, r, flavour, family, multicast=busybox_only,
                               show_dev=dev is None or flavour == _BUSYBOX))
    return "".join(out)


def _route_line(ns: Namespace, r: Route, flavour: str, family: int, *, multicast: bool,
                show_dev: bool = True) -> str:
    if r.dst is None:
        dst = "default"
    elif r.dst.length == r.dst.bits:
        dst = _ntop(r.dst.network)
    else:
        dst = f"{_ntop(r.dst.network)}/{r.dst.length}"
    s = ("multicast " if multicast else "") + dst + " "
    if r.via is not None:
        s += f"via {_ntop(r.via)} "
    if show_dev:
        s += f"dev {r.dev} "
    metric = r.metric if r.metric is not None else (1024 if family == 6 else None)
    link = ns.link(r.dev)
    linkdown = link is not None and not _carrier(link)
    if flavour == _BUSYBOX:
        if family == 4 and r.scope != "global":
            s += f"scope {r.scope} "
        if r.src is not None and family == 4:
            s += f" src {r.src} "
        if metric is not None:
            s += f" metric {metric} "
        return s + "\n"
    if r.proto not in (None, "boot"):
        s += f"proto {r.proto} "
    if family == 4:
        if r.scope != "global":
            s += f"scope {r.scope} "
        if r.src is not None:
            s += f"src {r.src} "
        if metric is not None:
            s += f"metric {metric} "
        return s + ("linkdown " if linkdown else "") + "\n"
    s += f"metric {metric} " + ("linkdown " if linkdown else "")
    return s + "pref medium\n"


def ip_route_get(ns: Namespace, dst: str, flavour: str = _BUSYBOX) -> str:
    """``ip route get ADDR``: the route the kernel picks, and the source address it would use.

    >>> from dockernet_sim.kernel import Kernel, Route
    >>> from dockernet_sim.addr import parse_ip
    >>> ns = Kernel().host
    >>> _ = ns.add_link("eth0", "ether", up=True, carrier=True)
    >>> _ = ns.add_address("eth0", parse_ip("10.90.0.2"), 24)
    >>> print(ip_route_get(ns, "10.90.0.1", "busybox"), end="")
    10.90.0.1 dev eth0  src 10.90.0.2 
    """
    busybox = flavour == _BUSYBOX
    try:
        ip = parse_ip(dst)
    except ValueError:
        if busybox:
            raise ToolError("ip: need at least destination address\n", 1) from None
        raise ToolError(f'Error: any valid prefix is expected rather than "{dst}".\n', 1) from None
    text = _ntop(ip)
    own = {a.ip.value: (l, a) for l in ns.sorted_links() for a in _addresses(ns, l) if a.ip.version == ip.version}
    if ip.version == 6:
        if ip.value in own:
            if busybox:
                return f"local {text} from :: dev lo table local  src {text}  metric 0 \n"
            return f"local {text} from :: dev lo table local proto kernel src {text} metric 0 pref medium\n"
        route = _lookup([r for r, extra in _routes(ns, 6) if not extra], ip)
        if route is None:
            raise _unreachable(busybox)
        src = _source(ns, route.dev, ip)
        metric = route.metric if route.metric is not None else 1024
        via = f"via {_ntop(route.via)} " if route.via is not None else ""
        if busybox:
            return f"{text} from :: {via}dev {route.dev}  src {src}  metric {metric} \n"
        proto = f"proto {route.proto} " if route.proto not in (None, "boot") else ""
        return f"{text} from :: {via}dev {route.dev} {proto}src {src} metric {metric} pref medium\n"
    if ip.value in own or ip.value >> 24 == 127 or ip.value == 0:
        src = text if ip.value in own else "127.0.0.1"
        line, cache = f"local {text} dev lo", "<local> "
    else:
        brd = next(((l, a) for l in ns.sorted_links() for a in _addresses(ns, l)
                    if a.broadcast is not None and a.broadcast.value == ip.value), None)
        if brd is not None:
            src = str(brd[1].ip)
            line, cache = f"broadcast {text} dev {brd[0].name}", "<local,brd> "
        else:
            route = _lookup(ns.routes, ip)
            if route is None:
                raise _unreachable(busybox)
            src = str(route.src) if route.src is not None else _source(ns, route.dev, ip)
            via = f" via {route.via}" if route.via is not None else ""
            line, cache = f"{text}{via} dev {route.dev}", ""
    if busybox:
        return f"{line}  src {src} \n"
    return f"{line} src {src} uid 0 \n    cache {cache}\n"


def _unreachable(busybox: bool) -> ToolError:
    return ToolError(("ip: " if busybox else "") + "RTNETLINK answers: Network is unreachable\n", 2)


def _lookup(routes: Iterable[Route], ip: IP) -> Optional[Route]:
    """Longest prefix match, then the lowest metric (the first of equals)."""
    best: Optional[Route] = None
    best_key = (-1, 0)
    for r in routes:
        if _route_family(r) != ip.version:
            continue
        length = 0 if r.dst is None else r.dst.length
        if r.dst is not None and not r.dst.contains(ip):
            continue
        key = (length, -(r.metric or 0))
        if key > best_key:
            best, best_key = r, key
    return best


def _source(ns: Namespace, dev: str, ip: IP) -> str:
    """The address the kernel would send from: on the outgoing link, of the destination's scope
    (a link-local one for ``fe80::``), preferring one whose subnet holds the destination."""
    link = ns.link(dev)
    addrs = [a for a in _addresses(ns, link) if a.ip.version == ip.version] if link is not None else []
    if ip.version == 6:
        want = "link" if ip.value >> 118 == 0xFE80 >> 6 else "global"
        addrs = [a for a in addrs if a.scope == want] or addrs
    for a in addrs:
        mask = ((1 << a.ip.bits) - 1) ^ ((1 << (a.ip.bits - a.prefixlen)) - 1)
        if a.ip.value & mask == ip.value & mask and "secondary" not in a.flags:
            return _ntop(a.ip)
    primary = [a for a in addrs if "secondary" not in a.flags]
    return _ntop(primary[0].ip) if primary else ("::" if ip.version == 6 else "0.0.0.0")


# --- the IPv4 routing table as /proc/net/route has it (busybox route, netstat -r) ---------

def _proc_routes(ns: Namespace) -> list[tuple[str, int, int, int, int, int]]:
    """(iface, destination, gateway, flags, metric, mask) in the kernel's order."""
    rows = []
    for r, _ in _routes(ns, 4):
        length = 0 if r.dst is None else r.dst.length
        mask = (0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF
        dest = 0 if r.dst is None else r.dst.network.value
        flags = 0x1 | (0x2 if r.via is not None else 0) | (0x4 if length == 32 else 0)
        rows.append((r.dev, dest, r.via.value if r.via is not None else 0, flags, r.metric or 0, mask))
    return rows


def _le_hex(value: int) -> str:
    """An address as /proc/net/route prints it: the network-order bytes read as a host (little-
    endian) int."""
    return "%08X" % int.from_bytes(value.to_bytes(4, "big"), "little")


def proc_net_route(ns: Namespace) -> str:
    """``cat /proc/net/route``: tab-separated, each line padded to 127 characters."""
    out = ["%-127s\n" % "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"]
    for dev, dest, gw, flags, metric, mask in _proc_routes(ns):
        row = f"{dev}\t{_le_hex(dest)}\t{_le_hex(gw)}\t{flags:04X}\t0\t0\t{metric}\t{_le_hex(mask)}\t0\t0\t0"
        out.append("%-127s\n" % row)
    return "".join(out)


def route_n(ns: Namespace, numeric: bool = True, *, netstat: bool = False) -> str:
    """busybox ``route [-n]``, or ``netstat -r[n]`` with ``netstat``: the IPv4 table.

    Without ``numeric`` the default destination reads ``default`` and a missing gateway ``*``.
    """
    out = ["Kernel IP routing table\n",
           "Destination     Gateway         Genmask         Flags "
           + ("  MSS Window  irtt" if netstat else "Metric Ref    Use") + " Iface\n"]
    for dev, dest, gw, flags, metric, mask in _proc_routes(ns):
        d = "default" if dest == 0 and not numeric else format_ipv4(dest)
        g = "*" if gw == 0 and not numeric else format_ipv4(gw)
        f = "U" + ("G" if flags & 0x2 else "") + ("H" if flags & 0x4 else "")
        row = f"{d[:15]:<15} {g[:15]:<15} {format_ipv4(mask):<16}{f:<6}"
        row += f"{0:5d} {0:<5d} {0:6d} {dev}\n" if netstat else f"{metric:<6d} {0:<2d} {0:7d} {dev}\n"
        out.append(row)
    return "".join(out)


# --- ifconfig -------------------------------------------------------------------------------

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
    return s + ("        RX packets 0  bytes 0 (0.0 B)\n"
                "        RX errors 0  dropped 0  overruns 0  frame 0\n"
                "        TX packets 0  bytes 0 (0.0 B)\n"
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
    return s + ("          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n"
                "          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n"
                f"          collisions:0 txqueuelen:{link.txqueuelen} \n"
                "          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n")


# --- bridges --------------------------------------------------------------------------------

def brctl_show(ns: Namespace, bridge: Optional[str] = None) -> str:
    """``brctl show [BRIDGE]``: bridges by name, each bridge's ports by name.

    No bridges, no output (not even the header).
    """
    if bridge is not None:
        link = ns.link(bridge)
        if link is None or not link.is_bridge:
            raise ToolError(f"bridge {bridge} does not exist!\n", 1)
        bridges = [link]
    else:
        bridges = sorted((l for l in ns.links.values() if l.is_bridge), key=lambda l: l.name)
    if not bridges:
        return ""
    out = ["bridge name\tbridge id\t\tSTP enabled\tinterfaces\n"]
    for br in bridges:
        ports = sorted(p.name for p in br.ports)
        bid = "8000." + "".join(f"{b:02x}" for b in _mac_bytes(br.mac))
        row = f"{br.name}\t\t{bid}\t{'yes' if br.stp else 'no'}\t\t"
        row += "\n\t\t\t\t\t\t\t".join(ports)
        out.append(row + "\n")
    return "".join(out)


def bridge_link(ns: Namespace, dev: Optional[str] = None) -> str:
    """``bridge link [show [dev X]]``: every bridge port, by index.

    >>> from dockernet_sim.kernel import Kernel
    >>> bridge_link(Kernel().host)
    ''
    """
    out = []
    by_index = _by_index(ns)
    for link in ns.sorted_links():
        if link.master is None or (dev is not None and link.name != dev):
            continue
        suffix, mdown, _ = _peer_ref(ns, link, "iproute2", nsid_known=False, by_index=by_index)
        forwarding = _carrier(link) and link.master.up
        out.append(f"{link.index}: {link.name}{suffix}: {_link_flags(link, mdown)} mtu {link.mtu} "
                   f"master {link.master.name} state {'forwarding' if forwarding else 'disabled'} "
                   f"priority 32 cost 2 \n")
    return "".join(out)


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


# --- iptables ------------------------------------------------------------------------------

_IPTABLES = "iptables v1.8.9 (nf_tables)"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# iptables-save's table order with nf_tables
_SAVE_ORDER = ("mangle", "security", "raw", "filter", "nat")


def _chain_missing(table: str, chain: str) -> ToolError:
    return ToolError(f"{_IPTABLES}: chain `{chain}' in table `{table}' is incompatible, use 'nft' tool.\n", 1)


def _table(nf: Netfilter, table: str, *, save: bool = False):  # type: ignore[no-untyped-def]
    t = nf.tables.get(table)
    if t is None:
        if save:
            raise ToolError(f"Table `{table}' does not exist\n", 1)
        raise ToolError(f"{_IPTABLES}: table '{table}' does not exist\n"
                        "Perhaps iptables or your kernel needs to be upgraded.\n", 3)
    return t


def iptables_S(nf: Netfilter, table: str = "filter", chain: Optional[str] = None) -> str:
    """``iptables [-t T] -S [CHAIN]``: policies, ``-N`` user chains by name, then the rules.

    >>> n = Netfilter(); _ = n.append("filter", "DOCKER-USER", "-j RETURN")
    >>> print(iptables_S(n), end="")
    -P INPUT ACCEPT
    -P FORWARD ACCEPT
    -P OUTPUT ACCEPT
    -N DOCKER-USER
    -A DOCKER-USER -j RETURN
    """
    t = _table(nf, table)
    chains = t.ordered_chains()
    if chain is not None:
        if chain not in t.chains:
            raise _chain_missing(table, chain)
        chains = [t.chains[chain]]
    out = [f"-P {c.name} {c.policy}\n" for c in chains if c.builtin]
    out += [f"-N {c.name}\n" for c in chains if not c.builtin]
    for c in chains:
        out += [f"-A {c.name} {r.spec}\n" for r in c.rules]
    return "".join(out)


def iptables_save(nf: Netfilter, table: Optional[str] = None, now: Optional[float] = None) -> str:
    """``iptables-save [-t T]``: each table in use, with ``[0:0]`` counters.

    ``now`` (seconds since the epoch, UTC) stamps the header and footer lines; a table is shown
    when it holds a rule, a user chain or a non-ACCEPT policy (an untouched table does not exist
    in nf_tables).
    """
    t = time.gmtime(now if now is not None else 0)
    stamp = (f"{_DAYS[t.tm_wday]} {_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} "
             f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d} {t.tm_year}")   # ctime(3), in UTC
    names = [table] if table is not None else [n for n in _SAVE_ORDER if n in nf.tables]
    out = []
    for name in names:
        t = _table(nf, name, save=True)
        chains = t.ordered_chains()
        if table is None and not any(c.rules or not c.builtin or c.policy != "ACCEPT" for c in chains):
            continue
        out.append(f"# Generated by iptables-save v1.8.9 (nf_tables) on {stamp}\n*{name}\n")
        out += [f":{c.name} {c.policy if c.builtin else '-'} [0:0]\n" for c in chains]
        for c in chains:
            out += [f"-A {c.name} {r.spec}\n" for r in c.rules]
        out.append(f"COMMIT\n# Completed on {stamp}\n")
    return "".join(out)


def iptables_L(nf: Netfilter, table: str = "filter", numeric: bool = False, verbose: bool = False,
               chain: Optional[str] = None, *, line_numbers: bool = False, exact: bool = False) -> str:
    """``iptables [-t T] -L [CHAIN] [-n] [-v] [-x] [--line-numbers]``.

    Chain headers read ``Chain X (policy P)`` for builtins and ``Chain X (N references)`` for user
    chains, N counting the rules that jump to X. Without ``numeric`` addresses and ports are
    named as the recording machine's ``/etc/hosts``, ``/etc/networks`` and ``/etc/services`` name
    them, and protocols as ``all``/``tcp``/``udp`` (with it, as numbers).
    """
    t = _table(nf, table)
    chains = t.ordered_chains()
    if chain is not None:
        if chain not in t.chains:
            raise _chain_missing(table, chain)
        chains = [t.chains[chain]]
    refs: dict[str, int] = {}
    for c in t.chains.values():
        for r in c.rules:
            target = _parse(r).target
            if target:
                refs[target] = refs.get(target, 0) + 1
    blocks = []
    for c in chains:
        if c.builtin:
            pol = f"policy {c.policy} 0 packets, 0 bytes" if verbose else f"policy {c.policy}"
        else:
            pol = f"{refs.get(c.name, 0)} references"
        lines = [f"Chain {c.name} ({pol})\n", _l_header(verbose, line_numbers, exact)]
        for n, r in enumerate(c.rules, 1):
            lines.append(_l_row(_parse(r), n, numeric, verbose, line_numbers, exact))
        blocks.append("".join(lines))
    return "\n".join(blocks)


def _l_header(verbose: bool, line_numbers: bool, exact: bool) -> str:
    s = "num  " if line_numbers else ""
    if verbose:
        s += "    pkts      bytes " if exact else " pkts bytes "
    s += "target     prot opt "
    if verbose:
        s += "in     out     "
    return s + "source               destination         \n"


class _Spec:
    """A rule's fields, parsed from its ``-S`` text."""

    __slots__ = ("src", "dst", "inp", "out", "proto", "matches", "target", "target_opts", "goto")

    def __init__(self) -> None:
        self.src: tuple[bool, str] = (False, "")
        self.dst: tuple[bool, str] = (False, "")
        self.inp: tuple[bool, str] = (False, "")
        self.out: tuple[bool, str] = (False, "")
        self.proto: tuple[bool, str] = (False, "")
        self.matches: list[tuple[str, list[tuple[bool, str, str]]]] = []
        self.target = ""
        self.target_opts: list[tuple[bool, str, str]] = []
        self.goto = False


def _split(spec: str) -> list[str]:
    """Words of an ``iptables -S`` rule, honouring its double quotes."""
    words, cur, quoted, esc, have = [], [], False, False, False
    for ch in spec:
        if esc:
            cur.append(ch)
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == '"':
            quoted, have = not quoted, True
        elif ch == " " and not quoted:
            if cur or have:
                words.append("".join(cur))
            cur, have = [], False
        else:
            cur.append(ch)
    if cur or have:
        words.append("".join(cur))
    return words


def _parse(rule: Rule) -> _Spec:
    spec = _Spec()
    words = _split(rule.spec)
    fields = {"-s": "src", "-d": "dst", "-i": "inp", "-o": "out", "-p": "proto"}
    opts: Optional[list[tuple[bool, str, str]]] = None
    neg = False
    i = 0
    while i < len(words):
        w = words[i]
        if w == "!":
            neg = True
            i += 1
            continue
        if w in fields and i + 1 < len(words) and opts is None:
            setattr(spec, fields[w], (neg, words[i + 1]))
            i += 2
        elif w == "-m" and i + 1 < len(words):
            opts = []
            spec.matches.append((words[i + 1], opts))
            i += 2
        elif w in ("-j", "-g") and i + 1 < len(words):
            spec.target = words[i + 1]
            spec.goto = w == "-g"
            opts = spec.target_opts
            i += 2
        elif w.startswith("--"):
            value = ""
            if i + 1 < len(words) and not words[i + 1].startswith("--") and words[i + 1] != "!":
                value = words[i + 1]
                i += 1
            if opts is None:
                opts = []
                spec.matches.append(("", opts))
            opts.append((neg, w[2:], value))
            i += 1
        else:
            i += 1
        neg = False
    return spec


# the recording machine's /etc/hosts and /etc/networks, as iptables -L names addresses
_HOSTS = {"127.0.0.1": "localhost"}
_NETWORKS = {"0.0.0.0": "default", "127.0.0.0": "loopback", "169.254.0.0": "link-local"}


def _l_addr(text: str, numeric: bool) -> str:
    if not text:
        return "0.0.0.0/0" if numeric else "anywhere"
    addr, _, length = text.partition("/")
    if length in ("0", "0.0.0.0") and not numeric:
        return "anywhere"
    mask = "" if length in ("", "32", "255.255.255.255") else "/" + length   # or a dotted odd mask
    if numeric:
        return addr + mask
    return (_HOSTS.get(addr) or _NETWORKS.get(addr) or addr) + mask


def _service(port: str, proto: str, numeric: bool) -> str:
    if numeric or not port.isdigit():
        return port
    table = _UDP if proto == "udp" else _TCP
    return table.get(int(port), port)


def _ports(label: str, value: str, neg: bool, proto: str, numeric: bool) -> str:
    bang = "!" if neg else ""
    if ":" in value:
        a, b = value.split(":", 1)
        return f" {label}s:{bang}{_service(a, proto, numeric)}:{_service(b, proto, numeric)}"
    return f" {label}:{bang}{_service(value, proto, numeric)}"


def _match_text(name: str, opts: list[tuple[bool, str, str]], numeric: bool, proto: str) -> str:
    if name in ("tcp", "udp", "sctp"):
        s = f" {name}"
        for neg, opt, value in opts:
            if opt in ("sport", "source-port"):
                s += _ports("spt", value, neg, name, numeric)
            elif opt in ("dport", "destination-port"):
                s += _ports("dpt", value, neg, name, numeric)
        return s
    if name in ("conntrack", "state"):
        s = ""
        for neg, opt, value in opts:
            if opt in ("ctstate", "state"):
                s += (" !" if neg else "") + f" {'ctstate' if opt == 'ctstate' else 'state'} {value}"
        return s
    if name == "addrtype":
        s = " ADDRTYPE match"
        for neg, opt, value in opts:
            if opt in ("src-type", "dst-type"):
                s += f" {opt} {'!' if neg else ''}{value}"
            elif opt == "limit-iface-in":
                s += " limit-in"
            elif opt == "limit-iface-out":
                s += " limit-out"
        return s
    if name == "comment":
        return "".join(f" /* {value} */" for _, opt, value in opts if opt == "comment")
    if name == "multiport":
        return "".join(f" multiport {opt} " + ",".join(_service(p, proto, numeric) for p in value.split(","))
                       for _, opt, value in opts)
    return f" {name}" if name else ""


def _target_text(target: str, opts: list[tuple[bool, str, str]]) -> str:
    o = {opt: value for _, opt, value in opts}
    if target in ("DNAT", "SNAT"):
        key = "to-destination" if target == "DNAT" else "to-source"
        return f" to:{o[key]}" if key in o else ""
    if target == "MASQUERADE" and "to-ports" in o:
        return f" masq ports: {o['to-ports']}"
    if target == "REJECT":
        return f" reject-with {o.get('reject-with', 'icmp-port-unreachable')}"
    return ""


_PROTO_NUMBERS = {"all": "0", "tcp": "6", "udp": "17", "icmp": "1", "sctp": "132"}


def _l_row(s: _Spec, n: int, numeric: bool, verbose: bool, line_numbers: bool, exact: bool) -> str:
    row = f"{n:<4} " if line_numbers else ""
    if verbose:
        row += "       0        0 " if exact else "    0     0 "
    proto = s.proto[1] or "all"
    if numeric:
        proto = _PROTO_NUMBERS.get(proto, proto)
    row += f"{s.target:<9} " + ("!" if s.proto[0] else " ") + f"{proto:<5}" + "-- "
    if verbose:
        any_ = "*" if numeric else "any"
        inp = ("!" if s.inp[0] else "") + (s.inp[1] or any_)
        out = ("!" if s.out[0] else "") + (s.out[1] or any_)
        row += f" {inp:<6} {out:<6} "
    row += ("!" if s.src[0] else " ") + f"{_l_addr(s.src[1], numeric):<19} "
    row += ("!" if s.dst[0] else " ") + f"{_l_addr(s.dst[1], numeric):<19} "
    if s.goto:
        row += "[goto] "
    for name, opts in s.matches:
        row += _match_text(name, opts, numeric, s.proto[1])
    return row + _target_text(s.target, s.target_opts) + "\n"


def _services(data: Iterable[str]) -> dict[int, str]:
    table: dict[int, str] = {}
    for chunk in data:
        for pair in chunk.split():
            port, name = pair.split(":")
            table[int(port)] = name
    return table


# The recording machine's /etc/services (Debian netbase): the first name of each port.
_TCP = _services((
    "1:tcpmux 7:echo 9:discard 11:systat 13:daytime 15:netstat 17:qotd 19:chargen 20:ftp-data 21:ftp",
    "22:ssh 23:telnet 25:smtp 37:time 43:whois 49:tacacs 53:domain 70:gopher 79:finger 80:http",
    "88:kerberos 102:iso-tsap 104:acr-nema 106:poppassd 110:pop3 111:sunrpc 113:auth 119:nntp",
    "135:epmap 139:netbios-ssn 143:imap2 161:snmp 162:snmp-trap 163:cmip-man 164:cmip-agent 174:mailq",
    "179:bgp 199:smux 209:qmtp 210:z3950 345:pawserv 346:zserv 369:rpc2portmap 370:codaauth2 389:ldap",
    "427:svrloc 443:https 444:snpp 445:microsoft-ds 464:kpasswd 465:submissions 487:saft 512:exec",
    "513:login 514:shell 515:printer 538:gdomap 540:uucp 543:klogin 544:kshell 548:afpovertcp",
    "554:rtsp 563:nntps 587:submission 607:nqs 628:qmqp 631:ipp 636:ldaps 646:ldp 655:tinc 706:silc",
    "749:kerberos-adm 750:kerberos4 751:kerberos-master 754:krb-prop 775:moira-db 777:moira-update",
    "783:spamd 853:domain-s 871:supfilesrv 873:rsync 989:ftps-data 990:ftps 992:telnets 993:imaps",
    "995:pop3s 1080:socks 1093:proofd 1094:rootd 1099:rmiregistry 1127:supfiledbg 1178:skkserv",
    "1194:openvpn 1236:rmtcfg 1313:xtel 1314:xtelw 1352:lotusnote 1433:ms-sql-s 1524:ingreslock",
    "1645:datametrics 1646:sa-msg-port 1649:kermit 1677:groupwise 1812:radius 1813:radius-acct",
    "2000:cisco-sccp 2049:nfs 2086:gnunet 2101:rtcm-sc104 2119:gsigatekeeper 2121:iprop 2135:gris",
    "2401:cvspserver 2430:venus 2431:venus-se 2432:codasrv 2433:codasrv-se 2583:mon 2600:zebrasrv",
    "2601:zebra 2602:ripd 2603:ripngd 2604:ospfd 2605:bgpd 2606:ospf6d 2607:ospfapi 2608:isisd",
    "2628:dict 2792:f5-globalsite 2811:gsiftp 2947:gpsd 3050:gds-db 3205:isns 3260:iscsi-target",
    "3306:mysql 3389:ms-wbt-server 3493:nut 3632:distcc 3689:daap 3690:svn 4031:suucp 4094:sysrqd",
    "4190:sieve 4353:f5-iquery 4369:epmd 4373:remctl 4460:ntske 4557:fax 4559:hylafax 4691:mtn",
    "4899:radmin-port 4949:munin 5060:sip 5061:sip-tls 5222:xmpp-client 5269:xmpp-server",
    "5308:cfengine 5432:postgresql 5556:freeciv 5666:nrpe 5667:nsca 5671:amqps 5672:amqp 5680:canna",
    "6000:x11 6001:x11-1 6002:x11-2 6003:x11-3 6004:x11-4 6005:x11-5 6006:x11-6 6007:x11-7",
    "6346:gnutella-svc 6347:gnutella-rtr 6379:redis 6444:sge-qmaster 6445:sge-execd 6446:mysql-proxy",
    "6514:syslog-tls 6566:sane-port 6667:ircd 6697:ircs-u 7000:bbs 7100:font-service 8021:zope-ftp",
    "8080:http-alt 8081:tproxy 8088:omniorb 8140:puppet 8990:clc-build-daemon 9098:xinetd",
    "9101:bacula-dir 9102:bacula-fd 9103:bacula-sd 9418:git 9667:xmms2 9673:zope 10000:webmin",
    "10050:zabbix-agent 10051:zabbix-trapper 10080:amanda 10081:kamanda 10082:amandaidx",
    "10083:amidxtape 10809:nbd 11112:dicom 11371:hkp 17004:sgi-cad 17500:db-lsp 22125:dcap",
    "22128:gsidcap 22273:wnn6 24554:binkp 27374:asp 30865:csync2 57000:dircproxy 60177:tfido",
    "60179:fido",
))
_UDP = _services((
    "7:echo 9:discard 13:daytime 19:chargen 21:fsp 37:time 49:tacacs 53:domain 67:bootps 68:bootpc",
    "69:tftp 88:kerberos 111:sunrpc 123:ntp 137:netbios-ns 138:netbios-dgm 161:snmp 162:snmp-trap",
    "163:cmip-man 164:cmip-agent 177:xdmcp 213:ipx 319:ptp-event 320:ptp-general 369:rpc2portmap",
    "370:codaauth2 371:clearcase 389:ldap 427:svrloc 443:https 464:kpasswd 500:isakmp 512:biff",
    "513:who 514:syslog 517:talk 518:ntalk 520:route 538:gdomap 546:dhcpv6-client 547:dhcpv6-server",
    "554:rtsp 623:asf-rmcp 636:ldaps 646:ldp 655:tinc 750:kerberos4 751:kerberos-master",
    "752:passwd-server 779:moira-ureg 853:domain-s 1194:openvpn 1210:predict 1434:ms-sql-m",
    "1645:datametrics 1646:sa-msg-port 1701:l2f 1812:radius 1813:radius-acct 2049:nfs 2086:gnunet",
    "2101:rtcm-sc104 2102:zephyr-srv 2103:zephyr-clt 2104:zephyr-hm 2430:venus 2431:venus-se",
    "2432:codasrv 2433:codasrv-se 2583:mon 3130:icpv2 3205:isns 3493:nut 4500:ipsec-nat-t 4569:iax",
    "5060:sip 5061:sip-tls 5353:mdns 5555:rplay 6346:gnutella-svc 6347:gnutella-rtr 6696:babel",
    "7000:afs3-fileserver 7001:afs3-callback 7002:afs3-prserver 7003:afs3-vlserver 7004:afs3-kaserver",
    "7005:afs3-volser 7007:afs3-bos 7008:afs3-update 7009:afs3-rmtsys 17001:sgi-cmsd 17002:sgi-crsd",
    "17003:sgi-gcd 27374:asp",
))
