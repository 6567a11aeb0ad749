"""``ip route``, ``ip route get``, ``/proc/net/route`` and ``route -n``.

Mirrors iproute2 6.1 and busybox 1.35: the main table with the routes Linux adds itself
(link-local ``fe80::/64``, busybox's ``multicast ff00::/8``), route lookup and source selection,
and the IPv4 table as /proc/net/route has it (busybox route, netstat -r).
"""

from __future__ import annotations

from typing import Iterable, Optional

from ...addr import IP, Prefix, format_ipv4, parse_ip
from ...kernel.links import Link
from ...kernel.netns import Namespace, Route
from ..ipwords import Selector, busybox_prefix_ok
from .common import ToolError, _BUSYBOX
from .links import _addresses, _carrier, _ipv6_on, _ll_ready, _ntop


def _route_family(r: Route) -> int:
    if r.dst is not None:
        return r.dst.version
    return r.via.version if r.via is not None else 4


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


def ip_route(ns: Namespace, flavour: str = _BUSYBOX, *, family: int = 4, dev: Optional[str] = None,
             selector: Optional[Selector] = None) -> str:
    """``ip route`` (``family=4``) or ``ip -6 route`` (``family=6``), main table; ``dev``:
    ``ip route show dev X`` (iproute2 then leaves ``dev X`` out of each line, busybox does not);
    ``selector``: ``ip route show [root|match|exact] PREFIX``.

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
        if selector is not None and not (selector.keeps_route(family, r.dst.network.value, r.dst.length)
                                         if r.dst is not None else selector.keeps_route(family, 0, 0)):
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
        if busybox and not busybox_prefix_ok(dst):
            raise ToolError(f'ip: an inet prefix is expected rather than "{dst.partition("/")[0]}"\n', 1) from None
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
