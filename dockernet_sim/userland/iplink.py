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
from ..addr import parse_ip, prefix
from ..kernel import Link, Namespace
from ..kernel.macvlan import macvlan_children, macvlan_refusal
from ..kernel.netns import Route
from ..result import Result

__all__ = ["ip_modify", "MACVLAN_MODES"]

#: the modes ``ip link add … type macvlan mode M`` accepts (iproute2 ``ip/iplink_macvlan.c``)
MACVLAN_MODES = ("private", "vepa", "bridge", "passthru", "source")

# iproute2's and the kernel's words (iplink.c, ipaddress.c, iproute.c; errno strings)
_NO_DEVICE = 'Cannot find device "{dev}"\n'
_EXISTS = "RTNETLINK answers: File exists\n"
_BUSY = "RTNETLINK answers: Device or resource busy\n"
_NO_SUCH_PROCESS = "RTNETLINK answers: No such process\n"
_CANNOT_ASSIGN = "RTNETLINK answers: Cannot assign requested address\n"
_GARBAGE = 'Error: either "{word}" is duplicate, or "{extra}" is a garbage.\n'
_BAD_MODE = ('Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", '
             'not "{mode}"\n')


def _mac(ns: Namespace, name: str, index: int) -> str:
    """A locally administered unicast MAC, derived from where the link is (deterministic)."""
    b = bytearray(sha256(f"{ns.name}/{name}/{index}".encode()).digest()[:6])
    b[0] = (b[0] & 0xFC) | 0x02
    return ":".join(f"{x:02x}" for x in b)


def _err(text: str, code: int = 2) -> Result:
    return Result("", text, code)


def ip_modify(obj: str, args: list[str], ns: Namespace) -> Optional[Result]:
    """Run ``ip OBJ ARGS`` that changes ``ns``; None when the command is not one modelled here."""
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
            return _addr(verb[0] == "a", rest, ns)
    elif obj == "route":
        if "add".startswith(verb) or "delete".startswith(verb):
            return _route(verb[0] == "a", rest, ns)
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
        elif w == "mtu" and nxt is not None and nxt.isdigit():
            mtu = int(nxt)
            i += 2
        elif w == "dev" and nxt is not None:
            name = nxt
            i += 2
        elif name is None:
            name = w
            i += 1
        else:
            return _err(_GARBAGE.format(word="dev", extra=w), 255)
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
    if not args:
        return None
    rest = list(args)
    if rest[0] == "dev":
        rest.pop(0)
    if not rest:
        return None
    dev = rest.pop(0)
    link = ns.link(dev)
    if link is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    changes: list[tuple[str, object]] = []
    while rest:
        w = rest.pop(0)
        if w in ("up", "down"):
            changes.append(("up", w == "up"))
        elif w == "mtu" and rest and rest[0].isdigit():
            changes.append(("mtu", int(rest.pop(0))))
        elif w == "master" and rest:
            master_name = rest.pop(0)
            m = ns.link(master_name)
            if m is None:
                return _err(_NO_DEVICE.format(dev=master_name), 1)
            changes.append(("master", m))
        elif w == "nomaster":
            changes.append(("master", None))
        else:
            return None
    for what, value in changes:
        if what == "up":
            link.up = bool(value)
            if link.up:
                link.carrier = link.was_up = True
        elif what == "mtu":
            assert isinstance(value, int)
            link.mtu = value
        elif what == "master":
            if isinstance(value, Link):
                if macvlan_children(link):
                    return _err(_BUSY)
                if link.master is not None:
                    link.master.ports.remove(link)
                value.add_port(link)
            elif link.master is not None:
                link.master.ports.remove(link)
                link.master = None
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


def _addr(add: bool, args: list[str], ns: Namespace) -> Optional[Result]:
    words = list(args)
    if len(words) < 3 or "dev" not in words:
        return None
    i = words.index("dev")
    dev = words[i + 1] if i + 1 < len(words) else None
    others = words[:i] + words[i + 2:]
    others = [w for w in others if w not in ("brd", "+")]
    if dev is None or len(others) != 1:
        return None
    link = ns.link(dev)
    if link is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    text = others[0]
    ip_text, _, plen_text = text.partition("/")
    try:
        ip = parse_ip(ip_text)
    except ValueError:
        return None
    plen = int(plen_text) if plen_text.isdigit() else (32 if ip.version == 4 else 128)
    have = [a for a in link.addresses if a.ip == ip]
    if add:
        if have:
            return _err(_EXISTS)
        # a host address (/32) has no prefix route in the main table (m07)
        ns.add_address(dev, ip, plen, connected_route=not (ip.version == 4 and plen == 32))
    else:
        if not have:
            return _err(_CANNOT_ASSIGN)
        ns.remove_address(dev, ip)
    return Result("", "", 0)


def _route(add: bool, args: list[str], ns: Namespace) -> Optional[Result]:
    words = list(args)
    if not words:
        return None
    dst_text = words.pop(0)
    dev: Optional[str] = None
    via = None
    while words:
        w = words.pop(0)
        if w == "dev" and words:
            dev = words.pop(0)
        elif w == "via" and words:
            try:
                via = parse_ip(words.pop(0))
            except ValueError:
                return None
        else:
            return None
    if dst_text == "default":
        dst = None
    else:
        ip_text, _, plen_text = dst_text.partition("/")
        try:
            ip = parse_ip(ip_text)
        except ValueError:
            return None
        plen = int(plen_text) if plen_text.isdigit() else (32 if ip.version == 4 else 128)
        dst = prefix(ip.value, plen, ip.version).masked()
    if dev is not None and ns.link(dev) is None:
        return _err(_NO_DEVICE.format(dev=dev), 1)
    same = [r for r in ns.routes if r.dst == dst and (dev is None or r.dev == dev)]
    if add:
        if dev is None:
            return None
        if same:
            return _err(_EXISTS)
        ns.add_route(Route(dst=dst, dev=dev, via=via, scope="link" if via is None else "global",
                           proto="boot"))
        return Result("", "", 0)
    if not same:
        return _err(_NO_SUCH_PROCESS)
    ns.routes.remove(same[0])
    return Result("", "", 0)
