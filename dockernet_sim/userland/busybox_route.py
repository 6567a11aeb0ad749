"""busybox 1.35's ``route`` in a container (``networking/route.c``): the table, or a change.

``route [-ne] [-A inet[6]] [{add|del|delete} [-net|-host] TARGET [netmask MASK] [gw GATEWAY]
[metric N] [mss BYTES] [window BYTES] [irtt MS] [reject] [mod] [dyn] [reinstate] [[dev] IFACE]]``.
A change is checked as busybox checks it (an unknown verb, a missing target or a keyword without
its value: the usage; a name that is no address: ``resolving X``; a prefix length out of range;
a netmask with holes or with bits the target lacks) and then goes to the kernel as the
``SIOCADDRT``/``SIOCDELRT`` ioctl, which a container Docker starts (no ``CAP_NET_ADMIN``) is
refused: ``route: SIOCADDRT: Operation not permitted``, exit 1. busybox does not look the device
up before the ioctl. Recorded with the images' busybox 1.35.0 in a network namespace run without
``CAP_NET_ADMIN`` (``setpriv --inh-caps=-net_admin --bounding-set=-net_admin``), as
``busybox_ip`` was.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..addr import AddrError, parse_ip
from ..kernel import Namespace
from ..result import Result
from . import views
from .applets import busybox_usage

__all__ = ["busybox_route"]

_VERBS = ("add", "del", "delete")
# keywords followed by a value, and flags (route.c's tbl_ipvx)
_WITH_VALUE = ("netmask", "gw", "gateway", "metric", "mss", "window", "irtt", "dev", "device")
_NUMBERS = ("metric", "mss", "window", "irtt")
_FLAGS = ("reject", "mod", "dyn", "reinstate")


def _fail(text: str) -> Result:
    return Result("", text, 1)


def _usage() -> Result:
    return _fail(busybox_usage("route"))


def _address(text: str) -> Optional[int]:
    """busybox INET_resolve with -n semantics for the cases a container meets: a dotted quad."""
    if text == "default":
        return 0
    try:
        ip = parse_ip(text)
    except AddrError:
        return None
    return ip.value if ip.version == 4 else None


def busybox_route(argv: Sequence[str], ns: Namespace, netstat: bool = False) -> Result:
    """``route …`` as the images' busybox runs it in ``ns``."""
    args = list(argv)
    numeric = False
    while args and args[0].startswith("-") and len(args[0]) > 1:
        opt = args.pop(0)
        for ch in opt[1:]:
            if ch in "ne":
                numeric = numeric or ch == "n"
            elif ch == "A":
                if not args:
                    return _fail(f"route: option requires an argument -- 'A'\n{busybox_usage('route')}")
                args.pop(0)
                break
            else:
                return _fail(f"route: invalid option -- '{ch}'\n{busybox_usage('route')}")
    if not args:
        return Result(views.route_n(ns, numeric, netstat=netstat), "", 0)
    if args[0] not in _VERBS:
        return _usage()
    ioctl = "SIOCADDRT" if args[0] == "add" else "SIOCDELRT"
    words = args[1:]
    host = False
    if words and words[0] in ("-net", "-host"):
        host = words.pop(0) == "-host"
    if not words:
        return _usage()
    target = words.pop(0)
    text, slash, length = target.partition("/")
    mask: Optional[int] = None
    if slash:                              # the length is read before the address is resolved
        if not length.isdigit() or int(length) > 32:
            return _fail(f"route: number {length} is not in 0..32 range\n" if length.isdigit()
                         else f"route: invalid number '{length}'\n")
        mask = (0xFFFFFFFF << (32 - int(length))) & 0xFFFFFFFF
    dst = _address(text)
    if dst is None:
        return _fail(f"route: resolving {text}\n")
    while words:
        w = words.pop(0)
        if w in _FLAGS:
            continue
        if w in _WITH_VALUE:
            if not words:
                return _usage()
            value = words.pop(0)
            if w == "netmask":
                mask = _address(value)
                if mask is None:
                    return _fail(f"route: resolving {value}\n")
                hostmask = ~mask & 0xFFFFFFFF
                if hostmask & (hostmask + 1):      # ones after the first zero
                    return _fail(f"route: bogus netmask {value}\n")
            elif w in ("gw", "gateway") and _address(value) is None:
                return _fail(f"route: resolving {value}\n")
            elif w in _NUMBERS and not value.isdigit():
                return _fail(f"route: invalid number '{value}'\n")
            continue
        if words:                          # a bare word is the device only when it is the last
            return _usage()
    if mask is not None:
        if host and mask != 0xFFFFFFFF:
            return _fail(f"route: netmask {_le_hex(mask)} and host route conflict\n")
        if dst & ~mask & 0xFFFFFFFF:
            return _fail("route: netmask and route address conflict\n")
    return _fail(f"route: {ioctl}: Operation not permitted\n")


def _le_hex(mask: int) -> str:
    """The netmask as route.c prints it: the in_addr's 32 bits as a host-order (little-endian) word."""
    return f"{int.from_bytes(mask.to_bytes(4, 'big'), 'little'):08x}"
