"""The daemon's settings (dockerd flags) and the machine it runs on.

``DaemonConfig.from_flags`` reads the flags a scenario's ``#! dockerd`` line gives; ``HostSpec``
is the machine (``#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 links=ifb0,ifb1
nameserver=10.255.255.53``) and the outside world its nameserver answers for
(``name=example.com=203.0.113.10`` pins a name, ``outside=closed`` answers only pinned names;
see ``daemon.resolver.outside_answer``). Bad flags raise ``ValueError`` with dockerd's wording.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ..addr import AddrError, IP, Prefix, parse_ip, parse_prefix
from ..values import check_fields, check_ifname, check_mtu, field_checked


# the recording machines' leftover interfaces (tests/golden/README.md: `ifb0`, `ifb1`)
RECORDING_LINKS = ("ifb0", "ifb1")


@field_checked
@dataclass(frozen=True, slots=True)
class HostSpec:
    """The machine the engine runs on: its name, NIC, gateway and resolvers."""

    hostname: str = "vm"
    eth0: str = "192.0.2.2/24"
    gateway: str = "192.0.2.1"
    mtu: int = 1500
    nameservers: tuple[str, ...] = ("10.255.255.53",)
    search: tuple[str, ...] = ()
    # other NICs (usable as macvlan/ipvlan parents): none on a plain host; a ``#! host`` line
    # describes the recording machines, which also had two traffic-control devices (RECORDING_LINKS)
    extra_links: tuple[str, ...] = ()
    # the outside world behind the nameservers: names pinned to addresses, and whether every other
    # public name gets a documentation address (True) or NXDOMAIN (False)
    outside_names: tuple[tuple[str, str], ...] = ()
    outside_open: bool = True

    def __post_init__(self) -> None:
        _check_host_spec(self)

    @staticmethod
    def from_directive(words: Sequence[str], base: Optional["HostSpec"] = None) -> "HostSpec":
        """A ``#! host`` line: the machine a scenario was recorded on, so it has the recording
        machines' ``ifb0``/``ifb1`` unless ``links=`` says which other NICs it has (``links=``
        alone: none)."""
        h = base or HostSpec(extra_links=RECORDING_LINKS)
        ns: list[str] = []
        pinned: list[tuple[str, str]] = list(h.outside_names)
        for w in words:
            k, _, v = w.partition("=")
            if k == "hostname":
                h = replace(h, hostname=v)
            elif k == "eth0":
                h = replace(h, eth0=v)
            elif k == "gateway":
                h = replace(h, gateway=v)
            elif k == "mtu":
                h = replace(h, mtu=int(v))
            elif k == "nameserver":
                ns.append(v)
            elif k == "search":
                h = replace(h, search=tuple(v.split(",")))
            elif k == "name":
                name, eq, addr = v.partition("=")
                if not eq or not name:
                    raise ValueError(f"host setting name= wants NAME=ADDRESS, not {v!r}")
                pinned.append((name.lower().rstrip("."), addr))
            elif k == "links":
                h = replace(h, extra_links=tuple(x for x in v.split(",") if x))
            elif k == "outside":
                if v not in ("open", "closed"):
                    raise ValueError(f"host setting outside= is open or closed, not {v!r}")
                h = replace(h, outside_open=v == "open")
            else:
                raise ValueError(f"unknown host setting {k!r}")
        if ns:
            h = replace(h, nameservers=tuple(ns))
        if pinned != list(h.outside_names):
            h = replace(h, outside_names=tuple(pinned))
        return h


@field_checked
@dataclass(frozen=True, slots=True)
class DaemonConfig:
    """dockerd's network-related flags."""

    bip: Optional[str] = None
    fixed_cidr: Optional[str] = None
    fixed_cidr_v6: Optional[str] = None
    ipv6: bool = False
    default_address_pools: tuple[tuple[str, int], ...] = ()
    icc: bool = True
    ip_masq: bool = True
    ip: str = "0.0.0.0"
    mtu: int = 1500
    dns: tuple[str, ...] = ()
    dns_search: tuple[str, ...] = ()
    dns_opts: tuple[str, ...] = ()
    iptables: bool = True
    ip_forward: bool = True
    userland_proxy: bool = True
    bridge: Optional[str] = None

    def __post_init__(self) -> None:
        _check_daemon_config(self)

    @staticmethod
    def from_flags(text_or_argv: str | Sequence[str]) -> "DaemonConfig":
        argv = shlex.split(text_or_argv) if isinstance(text_or_argv, str) else list(text_or_argv)
        if argv and argv[0] == "dockerd":
            argv = argv[1:]
        kw: dict[str, object] = {}
        pools: list[tuple[str, int]] = []
        dns: list[str] = []
        search: list[str] = []
        opts: list[str] = []
        i = 0

        def boolval(v: Optional[str]) -> bool:
            if v is None:
                return True
            if v.lower() in ("true", "1", "t"):
                return True
            if v.lower() in ("false", "0", "f"):
                return False
            raise ValueError(f'invalid argument "{v}": strconv.ParseBool: parsing "{v}": invalid syntax')

        while i < len(argv):
            a = argv[i]
            name, eq, val = a.partition("=")
            vopt: Optional[str] = val if eq else None
            bools = {"--ipv6": "ipv6", "--icc": "icc", "--ip-masq": "ip_masq", "--iptables": "iptables",
                     "--ip-forward": "ip_forward", "--userland-proxy": "userland_proxy"}
            if name in bools:
                kw[bools[name]] = boolval(vopt)
                i += 1
                continue
            takes = {"--bip", "--fixed-cidr", "--fixed-cidr-v6", "--default-address-pool", "--ip", "--mtu",
                     "--dns", "--dns-search", "--dns-opt", "--bridge", "-b"}
            if name not in takes:
                raise ValueError(f"unknown flag: {name}")
            if vopt is None:
                if i + 1 >= len(argv):
                    raise ValueError(f"flag needs an argument: {name}")
                vopt = argv[i + 1]
                i += 2
            else:
                i += 1
            if name == "--bip":
                kw["bip"] = vopt
            elif name == "--fixed-cidr":
                kw["fixed_cidr"] = vopt
            elif name == "--fixed-cidr-v6":
                kw["fixed_cidr_v6"] = vopt
            elif name == "--default-address-pool":
                base, size = "", 0
                for part in vopt.split(","):
                    k, _, v = part.partition("=")
                    if k == "base":
                        base = v
                    elif k == "size":
                        size = int(v)
                pools.append((base, size))
            elif name == "--ip":
                kw["ip"] = vopt
            elif name == "--mtu":
                kw["mtu"] = int(vopt)
            elif name == "--dns":
                dns.append(vopt)
            elif name == "--dns-search":
                search.append(vopt)
            elif name == "--dns-opt":
                opts.append(vopt)
            elif name in ("--bridge", "-b"):
                kw["bridge"] = vopt
        if pools:
            kw["default_address_pools"] = tuple(pools)
        if dns:
            kw["dns"] = tuple(dns)
        if search:
            kw["dns_search"] = tuple(search)
        if opts:
            kw["dns_opts"] = tuple(opts)
        return DaemonConfig(**kw)  # type: ignore[arg-type]

    def bip_address(self) -> Optional[tuple[IP, Prefix]]:
        if not self.bip:
            return None
        p = parse_prefix(self.bip)
        return p.addr, p


# -- checks: every field typed; the values that name or size a link as Linux allows ----------------
def _check_host_spec(h: HostSpec) -> None:
    check_fields(h, "HostSpec")
    check_mtu("HostSpec.mtu", h.mtu)
    for i, name in enumerate(h.extra_links):
        check_ifname(f"HostSpec.extra_links[{i}]", name)
    for i, pair in enumerate(h.outside_names):
        if len(pair) != 2 or not pair[0]:
            raise ValueError(f"HostSpec.outside_names[{i}]: wants (name, address), not {pair!r}")
        try:
            parse_ip(pair[1])
        except AddrError:
            raise ValueError(f"HostSpec.outside_names[{i}]: {pair[1]!r} is not an IP address") from None


def _check_daemon_config(c: DaemonConfig) -> None:
    check_fields(c, "DaemonConfig")
    check_mtu("DaemonConfig.mtu", c.mtu)
    if c.bridge is not None:
        check_ifname("DaemonConfig.bridge", c.bridge)


__all__ = ["HostSpec", "DaemonConfig", "AddrError"]
