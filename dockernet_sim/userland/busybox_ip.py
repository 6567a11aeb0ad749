"""busybox 1.35's ``ip`` asked to change something inside a container (``networking/libiproute/
ipaddress.c``, ``iproute.c``, ``iplink.c``).

A container Docker starts has no ``CAP_NET_ADMIN``, so every change ends in the kernel's refusal;
what differs is what busybox says before it gets there: its argument checks (a bad prefix length,
a gateway that is not an address, a missing ``dev``), then the device lookup, then the refused
netlink message or ioctl. Recorded with the host's busybox 1.35.0 (the images' own build) in a
network namespace, run without ``CAP_NET_ADMIN`` (``setpriv --inh-caps=-net_admin
--bounding-set=-net_admin busybox ip …``).
"""

from __future__ import annotations

from typing import Optional

from ..kernel import Namespace
from ..result import Result
from .ipwords import busybox_address_ok, busybox_prefix_ok, get_unsigned

__all__ = ["busybox_ip_modify", "MODIFY_VERBS"]

#: the verbs that change a namespace (busybox matches them whole, as its ``index_in_substrings``)
MODIFY_VERBS = frozenset(("add", "del", "delete", "change", "append", "replace", "set", "flush"))

_EPERM = "ip: RTNETLINK answers: Operation not permitted\n"
_INCOMPLETE = 'ip: command line is not complete, try "help"\n'
_GARBAGE = 'ip: either "{word}" is duplicate, or "{extra}" is garbage\n'
_NO_DEVICE = "ip: can't find device '{dev}'\n"
# the words each command reads a value after (and ignores here: the kernel refuses the change)
_ADDR_VALUES = frozenset(("peer", "remote", "broadcast", "brd", "anycast", "scope", "label"))
_ROUTE_VALUES = frozenset(("src", "metric", "table", "proto", "protocol", "scope", "realm", "realms"))


def _fail(text: str, code: int) -> Result:
    return Result("", text, code)


def busybox_ip_modify(obj: str, verb: str, args: list[str], ns: Namespace) -> Result:
    """busybox ``ip addr|route|link VERB ARGS`` in a container: its message and exit code."""
    if verb == "flush":
        if obj == "address" and not args:
            return _fail("ip: flush requires an argument\n", 1)
        return _fail("ip: can't send flush request: Operation not permitted\n", 1)
    if obj == "address":
        return _addr(args, ns)
    if obj == "route":
        return _route(args, ns)
    if verb == "set":
        return _link_set(args, ns)
    if verb in ("del", "delete") and not args:
        return _fail("", 1)
    return _fail(_EPERM, 2)


def _addr(args: list[str], ns: Namespace) -> Result:
    words = list(args)
    local: Optional[str] = None
    dev: Optional[str] = None
    while words:
        w = words.pop(0)
        if w == "dev" or w in _ADDR_VALUES or w == "local":
            if not words:
                return _fail(_INCOMPLETE, 1)
            value = words.pop(0)
            if w == "dev":
                dev = value
            if w != "local":
                continue
            w = value
        if local is not None:
            return _fail(_GARBAGE.format(word="local", extra=w), 1)
        if not busybox_prefix_ok(w):
            return _fail(f'ip: an inet prefix is expected rather than "{w.partition("/")[0]}"\n', 1)
        local = w
    if dev is None:
        return _fail('ip: need "dev IFACE"\n', 1)
    if ns.link(dev) is None:
        return _fail(_NO_DEVICE.format(dev=dev), 1)
    return _fail(_EPERM, 2)


def _route(args: list[str], ns: Namespace) -> Result:
    words = list(args)
    dst: Optional[str] = None
    dev: Optional[str] = None
    while words:
        w = words.pop(0)
        if w in ("via", "dev", "oif", "mtu", "to") or w in _ROUTE_VALUES:
            if not words:
                return _fail(_INCOMPLETE, 1)
            value = words.pop(0)
            if w == "via" and not busybox_address_ok(value):
                return _fail(f'ip: an inet address is expected rather than "{value}"\n', 1)
            if w == "mtu" and get_unsigned(value) is None:
                return _fail(f"ip: invalid argument '{value}' to 'mtu'\n", 1)
            if w in ("dev", "oif"):
                dev = value
            if w != "to":
                continue
            w = value
        if dst is not None:
            return _fail(_GARBAGE.format(word="to", extra=w), 1)
        if not busybox_prefix_ok(w):
            return _fail(f'ip: an inet prefix is expected rather than "{w.partition("/")[0]}"\n', 1)
        dst = w
    if dev is not None and ns.link(dev) is None:
        return _fail(_NO_DEVICE.format(dev=dev), 1)
    return _fail(_EPERM, 2)


def _link_set(args: list[str], ns: Namespace) -> Result:
    words = list(args)
    dev: Optional[str] = None
    up: Optional[bool] = None
    mtu = master = False
    while words:
        w = words.pop(0)
        if w in ("up", "down"):
            up = w == "up"
        elif w in ("mtu", "master", "dev"):
            if not words:
                return _fail(_INCOMPLETE, 2)
            value = words.pop(0)
            if w == "mtu":
                if not value[:1].isalnum() or get_unsigned(value) is None:
                    return _fail(f"ip: invalid argument '{value}' to 'mtu'\n", 2)
                mtu = True
            elif w == "master":
                if ns.link(value) is None:
                    return _fail(_NO_DEVICE.format(dev=value), 2)
                master = True
            elif dev is not None:
                return _fail(_GARBAGE.format(word="dev", extra=value), 2)
            else:
                dev = value
        elif w == "nomaster":
            master = True
        elif dev is None:
            dev = w
        else:
            return _fail(_GARBAGE.format(word="dev", extra=w), 2)
    if dev is None:
        return _fail('ip: "dev" requires an argument\n', 2)
    if mtu:                                 # the ioctl is refused before the name is looked up
        return _fail("ip: SIOCSIFMTU: Operation not permitted\n", 2)
    link = ns.link(dev)
    if link is None:
        return _fail("ip: SIOCGIFFLAGS: No such device\n", 2)
    if up is not None and up != link.up:
        return _fail("ip: SIOCSIFFLAGS: Operation not permitted\n", 2)
    if master:
        return _fail(_EPERM, 2)
    return Result("", "", 0)
