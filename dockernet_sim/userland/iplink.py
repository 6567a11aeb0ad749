"""iproute2's ``ip`` changing the host: the commands scenarios run to build a macvlan parent and a
host shim.

Imitates iproute2 6.1 (``ip/iplink.c``, ``ip/ipaddress.c``, ``ip/iproute.c``) on a Linux 6.x
kernel (``drivers/net/veth.c``, ``drivers/net/macvlan.c``, ``net/bridge``) for:

* ``ip link add NAME type veth peer name PEER``, ``ip link add NAME type bridge``,
  ``ip link add [link] NAME link PARENT type macvlan [mode M]`` (also ``link PARENT name NAME``);
* ``ip link set DEV up|down|mtu N|master BR|nomaster``, ``ip link del DEV``;
* ``ip addr add|del ADDR/LEN dev DEV``, ``ip route add|del PREFIX [via GW] dev DEV``.

The messages are iproute2's and the kernel's (``RTNETLINK answers: …``, ``Cannot find device``),
as the recorded scenarios m02, m04 and m07 show them. A link the user makes gets a locally
administered MAC derived from its namespace, name and index (the kernel's is random; the
fidelity comparison masks random MACs), so the model stays deterministic.
"""

from __future__ import annotations

from typing import Optional

from ..ids import sha256
from ..addr import Prefix, prefix
from ..kernel import Link, Namespace
from ..kernel.macvlan import macvlan_children, macvlan_refusal
from ..kernel.netns import Route
from ..result import Result
from .ipwords import KEYWORDS, get_address, get_integer, get_prefix

__all__ = ["ip_modify", "MACVLAN_MODES"]

#: the modes ``ip link add … type macvlan mode M`` accepts (iproute2 ``ip/iplink_macvlan.c``)
MACVLAN_MODES = ("private", "vepa", "bridge", "passthru", "source")

# iproute2's and the kernel's words (iplink.c, ipaddress.c, iproute.c; errno strings)
_NO_DEVICE = 'Cannot find device "{dev}"\n'
_EXISTS = "RTNETLINK answers: File exists\n"
_BUSY = "RTNETLINK answers: Device or resource busy\n"
_NO_SUCH_PROCESS = "RTNETLINK answers: No such process\n"
_BAD_GATEWAY = "Error: Nexthop has invalid gateway.\n"        # fib_check_nh's extended ack
_CANNOT_ASSIGN = "RTNETLINK answers: Cannot assign requested address\n"
_GARBAGE = 'Error: either "{word}" is duplicate, or "{extra}" is a garbage.\n'
_INCOMPLETE = 'Command line is not complete. Try option "help"\n'
_NO_DEV_ARG = 'Not enough information: "dev" argument is required.\n'
_BAD_PREFIX = 'Error: {family} prefix is expected rather than "{word}".\n'
_BAD_ADDRESS = 'Error: {family} address is expected rather than "{word}".\n'
_BAD_ARGUMENT = 'Error: argument "{word}" is wrong: {why}\n\n'
_FAMILY_NAME = {None: "any valid", 4: "inet", 6: "inet6"}
# the kernel's extended acks (net/ipv4/devinet.c, net/ipv6/addrconf.c), as this machine's kernel says them
_ASSIGNED = {4: "Error: {proto}: Address already assigned.\n", 6: "Error: {proto}: address already assigned.\n"}
_NOT_FOUND = {4: "Error: {proto}: Address not found.\n", 6: "Error: {proto}: address not found.\n"}
_WILDCARD = ("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
             "         Explicitly specify the prefix length ({ip}/32) to avoid this warning.\n"
             "         This special behaviour is likely to disappear in further releases,\n"
             "         fix your scripts!\n")
_LINK_OPTIONS = frozenset(("name", "address", "broadcast", "brd", "peer", "netns", "txqueuelen", "qlen",
                           "txqlen", "promisc", "trailers", "arp", "multicast", "allmulticast", "dynamic",
                           "alias", "vf", "type", "group", "mode", "state", "link", "addrgenmode", "xdp",
                           "protodown", "gso_max_size", "gso_max_segs", "numtxqueues", "numrxqueues", "carrier"))
# ipaddr_modify's and iproute_modify's other words: each is a change the model does not make
_ADDR_OPTIONS = frozenset(("peer", "remote", "anycast", "scope", "label", "valid_lft", "preferred_lft",
                           "metric", "priority", "preference", "home", "nodad", "optimistic", "noprefixroute",
                           "mngtmpaddr", "autojoin", "proto"))
_ROUTE_OPTIONS = frozenset(("src", "from", "mtu", "advmss", "metric", "priority", "preference", "table",
                            "vrf", "proto", "protocol", "scope", "type", "tos", "dsfield", "onlink", "nexthop",
                            "nhid", "encap", "realms", "expires", "pref", "weight", "as", "window", "rtt",
                            "rttvar", "ssthresh", "cwnd", "initcwnd", "initrwnd", "hoplimit", "reordering",
                            "features", "quickack", "congctl", "rto_min", "fastopen_no_cookie", "ttl-propagate",
                            "unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit",
                            "blackhole", "nat"))
_BAD_MODE = ('Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", '
             'not "{mode}"\n')


def _mac(ns: Namespace, name: str, index: int) -> str:
    """A locally administered unicast MAC, derived from where the link is (deterministic)."""
    b = bytearray(sha256(f"{ns.name}/{name}/{index}".encode()).digest()[:6])
    b[0] = (b[0] & 0xFC) | 0x02
    return ":".join(f"{x:02x}" for x in b)


def _err(text: str, code: int = 2) -> Result:
    return Result("", text, code)


def ip_modify(obj: str, args: list[str], ns: Namespace, family: Optional[int] = None) -> Optional[Result]:
    """Run ``ip [-4|-6] OBJ ARGS`` that changes ``ns``; None when the command is not one modelled here."""
    if not args:
        return None
    verb, rest = args[0], args[1:]
    if obj == "link":
        if "add".startswith(verb):
            return _link_add(rest, ns)
        if "set".startswith(verb):
            return _link_set(rest, ns)
        if "delete".startswith(verb):
            return _link_del(rest, ns)
    elif obj == "address":
        if "add".startswith(verb) or "delete".startswith(verb):
            return _addr(verb[0] == "a", rest, ns, family)
    elif obj == "route":
        if "add".startswith(verb) or "delete".startswith(verb):
            return _route(verb[0] == "a", rest, ns, family)
    return None


def _link_add(args: list[str], ns: Namespace) -> Optional[Result]:
    name: Optional[str] = None
    parent: Optional[str] = None
    kind: Optional[str] = None
    peer: Optional[str] = None
    mode = "vepa"           # the kernel's default macvlan mode (macvlan.c: MACVLAN_MODE_VEPA)
    mtu: Optional[int] = None
    i = 0
    while i < len(args):
        w = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else None
        if w == "type" and nxt is not None:
            kind = nxt
            i += 2
            # the kind's own arguments follow
            while i < len(args):
                kw = args[i]
                kv = args[i + 1] if i + 1 < len(args) else None
                if kind == "veth" and kw == "peer" and (kv is None or kv == "name" and i + 2 == len(args)):
                    return _err(_INCOMPLETE, 255)
                if kind == "veth" and kw == "peer" and kv == "name" and i + 2 < len(args):
                    peer = args[i + 2]
                    i += 3
                elif kind == "macvlan" and kw == "mode" and kv is not None:
                    if kv not in MACVLAN_MODES:
                        return _err(_BAD_MODE.format(mode=kv), 255)
                    mode = kv
                    i += 2
                else:
                    return None
            break
        if w == "link" and nxt is not None:
            parent = nxt
            i += 2
        elif w == "name" and nxt is not None:
            name = nxt
            i += 2
        elif w == "mtu" and nxt is not None:
            mtu = get_integer(nxt)
            if mtu is None:
                return _err(_BAD_ARGUMENT.format(word=nxt, why='Invalid "mtu" value'), 255)
            i += 2
        elif w == "dev" and nxt is not None:
            name = nxt
            i += 2
        elif name is None:
            name = w
            i += 1
        else:
            return _err(_GARBAGE.format(word="dev", extra=w), 255)
    if kind is None:
        return _err('Not enough information: "type" argument is required\n', 1)
    if name is None or kind not in ("veth", "bridge", "macvlan"):
        return None
    if ns.link(name) is not None or (peer is not None and ns.link(peer) is not None):
        return _err(_EXISTS)
    if kind == "veth":
        peer_name = peer or _next_free(ns, "veth")
        ns.kernel.add_veth(ns, name, ns, peer_name, mtu=mtu or 1500,
                           mac_a=_mac(ns, name, 0), mac_b=_mac(ns, peer_name, 0), txqueuelen=1000)
        return Result("", "", 0)
    if kind == "bridge":
        idx = ns.kernel.next_ifindex(ns)
        ns.add_link(name, "bridge", index=idx, mtu=mtu or 1500, mac=_mac(ns, name, idx), txqueuelen=0)
        return Result("", "", 0)
    if parent is None:
        return _err("RTNETLINK answers: Invalid argument\n")
    lower = ns.link(parent)
    if lower is None:
        return _err(_NO_DEVICE.format(dev=parent), 1)
    failure = macvlan_refusal(lower, mode)
    if failure is not None:
        return _err(f"RTNETLINK answers: {failure.strerror}\n")
    idx = ns.kernel.next_ifindex(ns)
    ns.add_link(name, "macvlan", index=idx, mtu=mtu or lower.mtu, mac=_mac(ns, name, idx), txqueuelen=1000,
                lower=lower, macvlan_mode=mode)
    return Result("", "", 0)


def _next_free(ns: Namespace, base: str) -> str:
    i = 0
    while ns.link(f"{base}{i}") is not None:
        i += 1
    return f"{base}{i}"


def _link_set(args: list[str], ns: Namespace) -> Optional[Result]:
    """``ip link set [dev] DEV up|down|mtu N|master BR|nomaster``: iproute2's ``iplink_parse``
    reads every word first (a bad number or master is told before an unknown device)."""
    dev: Optional[str] = None
    changes: list[tuple[str, object]] = []
    mtu: Optional[str] = None
    words = list(args)
    while words:
        w = words.pop(0)
        if w in ("dev", "mtu", "master") and not words:
            return _err(_INCOMPLETE, 255)
        if w in ("up", "down"):
            changes.append(("up", w == "up"))
        elif w == "mtu":
            value = words.pop(0)
            if mtu is not None:
                return _err(f'Error: duplicate "mtu": "{value}" is the second value.\n', 255)
            mtu = value
            number = get_integer(value)
            if number is None:
                return _err(_BAD_ARGUMENT.format(word=value, why='Invalid "mtu" value'), 255)
            changes.append(("mtu", number))
        elif w == "master":
            master_name = words.pop(0)
            m = ns.link(master_name)
            if m is None:
                return _err(_BAD_ARGUMENT.format(word=master_name, why="Device does not exist"), 255)
            changes.append(("master", m))
        elif w == "nomaster":
            changes.append(("master", None))
        elif w in _LINK_OPTIONS:
            return None                     # names, addresses, flags, queues: not modelled
        else:
            if w == "dev":
                w = words.pop(0)
            if dev is not None:
                return _err(_GARBAGE.format(word="dev", extra=w), 255)
            dev = w
    if dev is None:
        return _err(_NO_DEV_ARG, 255)
    link = ns.link(dev)
    if link is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    for what, value in changes:
        if what == "mtu":
            assert isinstance(value, int)
            low, high = (0, None) if link.kind == "loopback" else (68, 65535)
            if value < low:
                return _err("Error: mtu less than device minimum.\n")
            if high is not None and value > high:
                return _err("Error: mtu greater than device maximum.\n")
    for what, value in changes:
        if what == "up":
            link.up = bool(value)
            if link.up:
                link.carrier = link.was_up = True
        elif what == "mtu":
            assert isinstance(value, int)
            link.set_mtu(value)
        elif what == "master":
            if isinstance(value, Link):
                if macvlan_children(link):
                    return _err(_BUSY)
                if link.master is not None:
                    link.master.remove_port(link)
                value.add_port(link)
            elif link.master is not None:
                link.master.remove_port(link)
    return Result("", "", 0)


def _link_del(args: list[str], ns: Namespace) -> Optional[Result]:
    rest = [a for a in args if a != "dev"]
    if not rest:
        return None
    dev = rest[0]
    link = ns.link(dev)
    if link is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    remove_link_with_dependents(ns, link)
    return Result("", "", 0)


def remove_link_with_dependents(ns: Namespace, link: Link) -> None:
    """Delete a link as the kernel does: a veth takes its peer with it, a device takes the
    macvlans stacked on it (in whatever namespace they are)."""
    for child in macvlan_children(link):
        if child.netns is not None:
            child.netns.remove_link(child.name)
    peer = link.peer
    ns.remove_link(link.name)
    if peer is not None and peer.netns is not None and peer.netns.link(peer.name) is peer:
        for child in macvlan_children(peer):
            if child.netns is not None:
                child.netns.remove_link(child.name)
        peer.netns.remove_link(peer.name)
        peer.peer = None
    link.peer = None


def _addr(add: bool, args: list[str], ns: Namespace, family: Optional[int]) -> Optional[Result]:
    """``ip addr add|del PREFIX dev DEV [brd …]`` (iproute2's ``ipaddr_modify``: the words are read
    in order, so a bad prefix is told before a missing device)."""
    local: Optional[str] = None
    dev: Optional[str] = None
    words = list(args)
    while words:
        w = words.pop(0)
        if w in ("dev", "broadcast", "brd"):
            if not words:
                return _err(_INCOMPLETE, 255)
            value = words.pop(0)
            if w == "dev":
                dev = value
        elif w in _ADDR_OPTIONS:
            return None                     # peer, label, lifetimes, flags: not modelled
        else:
            if w == "local":
                if not words:
                    return _err(_INCOMPLETE, 255)
                w = words.pop(0)
            if local is not None:
                return _err(_GARBAGE.format(word="local", extra=w), 255)
            if w not in KEYWORDS and get_prefix(w, family) is None:
                return _err(_BAD_PREFIX.format(family=_FAMILY_NAME[family], word=w), 1)
            local = w
    if dev is None:
        return _err(_NO_DEV_ARG, 1)
    link = ns.link(dev)
    if link is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    parsed = get_prefix(local, family) if local is not None else None
    if parsed is None:                      # nothing, or a keyword: no address for the kernel
        return _err("RTNETLINK answers: Operation not supported\n")
    ip, plen = parsed
    width = 32 if ip.version == 4 else 128
    # the kernel knows an IPv4 address by address and length, an IPv6 one by address alone
    same = [a for a in link.addresses if a.ip == ip
            and (ip.version == 6 or a.prefixlen == (plen if plen is not None or add else a.prefixlen))]
    proto = f"ipv{ip.version}"
    if add:
        if same:
            return _err(_ASSIGNED[ip.version].format(proto=proto))
        plen = width if plen is None else plen
        # a host address (/32) has no prefix route in the main table (m07)
        ns.add_address(dev, ip, plen, connected_route=not (ip.version == 4 and plen == 32))
        return Result("", "", 0)
    warning = _WILDCARD.format(ip=ip) if ip.version == 4 and plen is None else ""
    if ip.version == 6 and plen is not None:
        same = [a for a in same if a.prefixlen == plen]
    elif ip.version == 6:
        same = [a for a in same if a.prefixlen == width]
    if not same:
        return Result("", warning + _NOT_FOUND[ip.version].format(proto=proto), 2)
    ns.remove_address(dev, ip, same[0].prefixlen)
    return Result("", warning, 0)


def _route(add: bool, args: list[str], ns: Namespace, family: Optional[int]) -> Optional[Result]:
    """``ip route add|del PREFIX [via GW] [dev DEV]`` (iproute2's ``iproute_modify``)."""
    words = list(args)
    if not words:
        return _err(IP_ROUTE_USAGE, 255) if add else _err(_NO_SUCH_PROCESS)
    dst_text: Optional[str] = None
    dst: Optional[Prefix] = None
    dev: Optional[str] = None
    via = None
    while words:
        w = words.pop(0)
        if w in ("dev", "oif", "via"):
            if not words:
                return _err(_INCOMPLETE, 255)
            value = words.pop(0)
            if w != "via":
                dev = value
                continue
            want = 6 if dst is not None and dst.version == 6 else family if dst is None else 4
            via = get_address(value, want)
            if via is None:
                return _err(_BAD_ADDRESS.format(family=_FAMILY_NAME[want], word=value), 1)
        elif w in _ROUTE_OPTIONS:
            return None                     # metrics, tables, types: not modelled
        else:
            if w == "to":
                if not words:
                    return _err(_INCOMPLETE, 255)
                w = words.pop(0)
            if dst_text is not None:
                return _err(_GARBAGE.format(word="to", extra=w), 255)
            dst_text = w
            if w in KEYWORDS:
                continue
            parsed = get_prefix(w, family)
            if parsed is None:
                return _err(_BAD_PREFIX.format(family=_FAMILY_NAME[family], word=w), 1)
            ip, plen = parsed
            plen = (32 if ip.version == 4 else 128) if plen is None else plen
            dst = prefix(ip.value, plen, ip.version)
            if ip.version == 4 and dst.has_host_bits:
                return _err("Error: Invalid prefix for given prefix length.\n")
            dst = dst.masked()              # (IPv6 clears the host bits itself)
    if dst_text is None:
        return None
    if dev is not None and ns.link(dev) is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    same = [r for r in ns.routes if r.dst == dst and (dev is None or r.dev == dev)]
    if add:
        if via is not None and via.value:
            # the kernel checks the next hop and, without dev, takes the gateway's own device
            found = ns.gateway_device(via, dev)
            if found is None:
                return _err(_BAD_GATEWAY)
            dev = found
        if dev is None:
            return _err("RTNETLINK answers: No such device\n")
        if any(r.dst == dst for r in ns.routes):
            return _err(_EXISTS)
        ns.add_route(Route(dst=dst, dev=dev, via=via, scope="link" if via is None else "global",
                           proto="boot"))
        return Result("", "", 0)
    if not same:
        return _err(_NO_SUCH_PROCESS)
    at = ns.routes.index(same[0])
    ns.routes = ns.routes[:at] + ns.routes[at + 1:]
    return Result("", "", 0)


# iproute2 6.1 ip/iproute.c usage(): ``ip route add`` or ``del`` with nothing after it (exit 255)
IP_ROUTE_USAGE = (
    'Usage: ip route { list | flush } SELECTOR\n'
    '       ip route save SELECTOR\n'
    '       ip route restore\n'
    '       ip route showdump\n'
    '       ip route get [ ROUTE_GET_FLAGS ] ADDRESS\n'
    '                            [ from ADDRESS iif STRING ]\n'
    '                            [ oif STRING ] [ tos TOS ]\n'
    '                            [ mark NUMBER ] [ vrf NAME ]\n'
    '                            [ uid NUMBER ] [ ipproto PROTOCOL ]\n'
    '                            [ sport NUMBER ] [ dport NUMBER ]\n'
    '       ip route { add | del | change | append | replace } ROUTE\n'
    'SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n'
    '            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]\n'
    '            [ type TYPE ] [ scope SCOPE ]\n'
    'ROUTE := NODE_SPEC [ INFO_SPEC ]\n'
    'NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n'
    '             [ table TABLE_ID ] [ proto RTPROTO ]\n'
    '             [ scope SCOPE ] [ metric METRIC ]\n'
    '             [ ttl-propagate { enabled | disabled } ]\n'
    'INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...\n'
    'NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n'
    '      [ dev STRING ] [ weight NUMBER ] NHFLAGS\n'
    'FAMILY := [ inet | inet6 | mpls | bridge | link ]\n'
    'OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n'
    '           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n'
    '           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n'
    '           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n'
    '           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n'
    '           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n'
    '           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]\n'
    'TYPE := { unicast | local | broadcast | multicast | throw |\n'
    '          unreachable | prohibit | blackhole | nat }\n'
    'TABLE_ID := [ local | main | default | all | NUMBER ]\n'
    'SCOPE := [ host | link | global | NUMBER ]\n'
    'NHFLAGS := [ onlink | pervasive ]\n'
    'RTPROTO := [ kernel | boot | static | NUMBER ]\n'
    'PREF := [ low | medium | high ]\n'
    'TIME := NUMBER[s|ms]\n'
    'BOOL := [1|0]\n'
    'FEATURES := ecn\n'
    'ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]\n'
    'ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]\n'
    'SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]\n'
    'SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]\n'
    'SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]\n'
    'ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |\n'
    '            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |\n'
    '            End.BM | End.S | End.AS | End.AM | End.BPF }\n'
    'OPTIONS := OPTION [ OPTIONS ]\n'
    'OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |\n'
    '            table TABLEID | vrftable TABLEID | endpoint PROGNAME }\n'
    'FLAVORS := { FLAVOR[,FLAVOR] }\n'
    'FLAVOR := { psp | usp | usd | next-csid }\n'
    'IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE\n'
    'XFRMINFO := if_id IF_ID [ link_dev LINK ]\n'
    'ROUTE_GET_FLAGS := [ fibmatch ]\n'
)
