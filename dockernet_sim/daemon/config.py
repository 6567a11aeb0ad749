"""The daemon's settings (dockerd flags) and the machine it runs on.

``DaemonConfig.from_flags`` reads the flags a scenario's ``#! dockerd`` line gives; ``HostSpec``
is the machine (``#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400
nameserver=10.255.255.53``). Bad flags raise ``ValueError`` with dockerd's wording.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ..addr import AddrError, IP, Prefix, parse_prefix
from ..values import check_fields, check_ifname, check_mtu, field_checked


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
    # the recording machines' other NICs (traffic-control devices), usable as macvlan/ipvlan parents
    extra_links: tuple[str, ...] = ("ifb0", "ifb1")

    def __post_init__(self) -> None:
        _check_host_spec(self)

    @staticmethod
    def from_directive(words: Sequence[str], base: Optional["HostSpec"] = None) -> "HostSpec":
        h = base or HostSpec()
        ns: list[str] = []
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
            else:
                raise ValueError(f"unknown host setting {k!r}")
        if ns:
            h = replace(h, nameservers=tuple(ns))
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


def _check_daemon_config(c: DaemonConfig) -> None:
    check_fields(c, "DaemonConfig")
    check_mtu("DaemonConfig.mtu", c.mtu)
    if c.bridge is not None:
        check_ifname("DaemonConfig.bridge", c.bridge)


__all__ = ["HostSpec", "DaemonConfig", "AddrError"]
