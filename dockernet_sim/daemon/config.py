"""The daemon's settings (dockerd flags) and the machine it runs on.

``DaemonConfig.from_flags`` reads the flags a scenario's ``#! dockerd`` line gives, as dockerd's
flag parser (spf13/pflag) reads them; what it would refuse is kept in the value, with pflag's
wording, and the daemon then does not start (``daemon.startup``). ``HostSpec`` is the machine
(``#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53``);
a value no machine could have raises ``ValueError`` with the simulator's message.
The outside world is the nameserver's: ``name=example.com=203.0.113.10`` pins a name, ``outside=closed``
answers only pinned names (see ``daemon.resolver.outside_answer``); ``links=ifb0,ifb1`` names the
machine's other NICs.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..records import Record, replace
from ..addr import AddrError, IP, Prefix, parse_ip, parse_prefix, parse_prefix_netip
from ..golang.template import go_quote as _go_quote
from ..values import check_fields, check_ifname, check_mtu, field_checked


# the recording machines' leftover interfaces (tests/golden/README.md: `ifb0`, `ifb1`)
RECORDING_LINKS = ("ifb0", "ifb1")
# the recording machines' own TCP listener (a service of the machine's, its process out of sight,
# backlog 128): every host-side ``ss -ltn`` there lists it (r281)
RECORDING_LISTENERS = ("0.0.0.0:2024",)


# what splits a word for shlex (POSIX mode) beyond str.split()'s ASCII whitespace: its quotes and
# escape, and the ASCII whitespace str.split() splits at and shlex does not
_NOT_PLAIN = frozenset("'\"\\\x0b\x0c\x1c\x1d\x1e\x1f")


def shell_words(text: str) -> list[str]:
    """``shlex.split(text)``: the words of a ``#!`` line as the recorder's shell splits them (its
    ``ValueError`` for an unbalanced quote or a trailing backslash too). A line of plain ASCII
    words, as nearly all are, is split by ``str.split`` and does not load ``shlex`` (issue 15)."""
    if text.isascii() and _NOT_PLAIN.isdisjoint(text):
        return text.split()
    import shlex
    return shlex.split(text)


@field_checked
class HostSpec(Record, frozen=True, slots=True):
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
    # TCP sockets the machine itself listens on (``ADDRESS:PORT``): none on a plain host; a ``#!
    # host`` line describes the recording machines, which had one (RECORDING_LISTENERS)
    listeners: tuple[str, ...] = ()
    # the outside world behind the nameservers: names pinned to addresses, and whether every other
    # public name gets a documentation address (True) or NXDOMAIN (False)
    outside_names: tuple[tuple[str, str], ...] = ()
    outside_open: bool = True

    def __post_init__(self) -> None:
        _check_host_spec(self)

    @staticmethod
    def from_directive(words: Sequence[str], base: Optional["HostSpec"] = None) -> "HostSpec":
        """The settings of a ``#! host`` line (the machine a scenario was recorded on, so it has the
        recording machines' ``ifb0``/``ifb1`` unless ``links=`` says which other NICs it has); a value
        the machine could not have raises ``ValueError`` naming the setting (the simulator's message:
        this is no dockerd flag)."""
        h = base or HostSpec(extra_links=RECORDING_LINKS, listeners=RECORDING_LISTENERS)
        ns: list[str] = []
        pinned: list[tuple[str, str]] = list(h.outside_names)
        for w in words:
            k, _, v = w.partition("=")
            if k == "hostname":
                if not v or len(v) > 64 or any(c.isspace() or c == "/" for c in v):
                    raise ValueError(f"#! host {w}: a hostname is 1 to 64 characters, no spaces or '/'")
                h = replace(h, hostname=v)
            elif k == "eth0":
                _host_value(w, v, "an IPv4 address with its prefix length, like 192.0.2.2/24", cidr=True)
                h = replace(h, eth0=v)
            elif k == "gateway":
                if v:
                    _host_value(w, v, "an IPv4 address, like 192.0.2.1", cidr=False)
                h = replace(h, gateway=v)
            elif k == "mtu":
                if not v.isdigit() or not 68 <= int(v) <= 65535:
                    raise ValueError(f"#! host {w}: the MTU is a number from 68 to 65535")
                h = replace(h, mtu=int(v))
            elif k == "nameserver":
                try:
                    parse_ip(v)
                except AddrError:
                    raise ValueError(f"#! host {w}: a nameserver is an IP address") from None
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
                raise ValueError(f"#! host {w}: unknown setting {k!r} (hostname, eth0, gateway, mtu, nameserver, "
                                 f"search)")
        if ns:
            h = replace(h, nameservers=tuple(ns))
        if pinned != list(h.outside_names):
            h = replace(h, outside_names=tuple(pinned))
        return h


BRIDGE_NONE = "none"   # --bridge none: dockerd makes no default bridge network (DisableBridge)

# dockerd's flags that take a value, and the DaemonConfig field each sets ("" for repeated flags)
_VALUE_FLAGS: dict[str, str] = {
    "--bip": "bip", "--fixed-cidr": "fixed_cidr", "--fixed-cidr-v6": "fixed_cidr_v6", "--ip": "ip",
    "--mtu": "mtu", "--bridge": "bridge", "-b": "bridge", "--default-gateway": "default_gateway",
    "--default-gateway-v6": "default_gateway_v6", "--default-address-pool": "", "--dns": "",
    "--dns-search": "", "--dns-opt": "",
}
_BOOL_FLAGS: dict[str, str] = {
    "--ipv6": "ipv6", "--icc": "icc", "--ip-masq": "ip_masq", "--iptables": "iptables",
    "--ip6tables": "ip6tables", "--ip-forward": "ip_forward", "--userland-proxy": "userland_proxy",
    "--experimental": "experimental",
}
# flags dockerd registers as pflag ip values
_IP_FLAGS = frozenset({"--ip", "--default-gateway", "--default-gateway-v6"})
# pflag's texts (spf13/pflag flag.go, and the Value types dockerd registers)
UNKNOWN_FLAG = "unknown flag: {}"
NEEDS_ARGUMENT = "flag needs an argument: {}"
BAD_VALUE = 'invalid argument "{}" for "{}" flag: {}'


@field_checked
class DaemonConfig(Record, frozen=True, slots=True):
    """dockerd's network-related flags.

    Values are kept as typed; whether dockerd starts with them is decided when the daemon boots
    (``daemon.startup``). ``flag_error`` is what dockerd printed when it could not even parse its
    command line (an unknown flag, a number that is not one): such a daemon never starts.
    """

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
    ip6tables: Optional[bool] = None       # None: the engine's default
    experimental: bool = False             # 20.10 programs ip6tables only with it (df18, r284)
    default_gateway: Optional[str] = None
    default_gateway_v6: Optional[str] = None
    flag_error: str = ""                   # pflag's complaint: dockerd stops before it starts
    # what pflag says of a --default-address-pool base netip cannot parse, for engines whose flag
    # parser checks it (28: df14; 20.10 finds it later, in its controller)
    pool_base_error: str = ""
    # an address flag (--ip, --dns, --default-gateway…) given something that is no IP address: the
    # flag parser stops dockerd, in words that differ by engine (df21, df24)
    bad_ip_flag: str = ""
    bad_ip_value: str = ""
    # a --mtu no link can take (0: none): kept apart so that ``mtu`` is always one Linux accepts;
    # what dockerd does with it differs by engine (df22)
    mtu_unusable: int = 0

    def __post_init__(self) -> None:
        _check_daemon_config(self)

    @staticmethod
    def from_flags(text_or_argv: str | Sequence[str]) -> "DaemonConfig":
        """The flags of a ``#! dockerd`` line. Never raises for what dockerd would refuse: the
        refusal is part of the value (``flag_error``) and the daemon does not start."""
        argv = shell_words(text_or_argv) if isinstance(text_or_argv, str) else list(text_or_argv)
        if argv and argv[0] == "dockerd":
            argv = argv[1:]
        try:
            return _parse_flags(argv)
        except _BadIP as e:
            return DaemonConfig(bad_ip_flag=e.flag, bad_ip_value=e.value)
        except _FlagError as e:
            return DaemonConfig(flag_error=str(e))

    def bip_address(self) -> Optional[tuple[IP, Prefix]]:
        if not self.bip:
            return None
        p = parse_prefix(self.bip)
        return p.addr, p


def _host_value(word: str, value: str, what: str, cidr: bool) -> None:
    try:
        got = parse_prefix(value) if cidr else parse_ip(value)
    except AddrError:
        raise ValueError(f"#! host {word}: not {what}") from None
    version = got.addr.version if isinstance(got, Prefix) else got.version
    if version != 4:
        raise ValueError(f"#! host {word}: not {what}")


class _FlagError(Exception):
    """pflag refused the command line; str() is its text."""


class _BadIP(Exception):
    """An address flag's value is not an IP address."""

    def __init__(self, flag: str, value: str) -> None:
        super().__init__(flag, value)
        self.flag = flag
        self.value = value


_SPACE = " \t\n\r\v\f"


def parses_as_ip(text: str) -> bool:
    """net.ParseIP of the trimmed text (how the flag parsers read an address)."""
    try:
        parse_ip(text.strip(_SPACE))
    except AddrError:
        return False
    return True


def _bool(name: str, v: Optional[str]) -> bool:
    """pflag's bool flag: strconv.ParseBool of the text after ``=``, true when bare."""
    if v is None:
        return True
    if v in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if v in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise _FlagError(BAD_VALUE.format(v, name, f'strconv.ParseBool: parsing "{v}": invalid syntax'))


def _int(name: str, v: str) -> int:
    """pflag's int flag: strconv.ParseInt(v, 0, 64) — decimal, 0x, 0o, 0b, a sign."""
    try:
        if v.strip() != v or "_" in v:
            raise ValueError
        n = int(v, 0)
    except ValueError:
        raise _FlagError(BAD_VALUE.format(v, name, f'strconv.ParseInt: parsing "{v}": invalid syntax')) from None
    if not -(1 << 63) <= n < (1 << 63):
        raise _FlagError(BAD_VALUE.format(v, name, f'strconv.ParseInt: parsing "{v}": value out of range'))
    return n


def _parse_flags(argv: Sequence[str]) -> DaemonConfig:
    kw: dict[str, object] = {}
    pools: list[tuple[str, int]] = []
    pool_texts: list[str] = []
    repeated: dict[str, list[str]] = {"--dns": [], "--dns-search": [], "--dns-opt": []}
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if not a.startswith("-") or a in ("-", "--"):
            # dockerd takes no arguments (cobra.NoArgs)
            raise _FlagError('"dockerd" accepts no arguments.')
        name, eq, val = a.partition("=")
        vopt: Optional[str] = val if eq else None
        if name in _BOOL_FLAGS:
            kw[_BOOL_FLAGS[name]] = _bool(name, vopt)
            continue
        if name not in _VALUE_FLAGS:
            raise _FlagError(UNKNOWN_FLAG.format(name if name.startswith("--") else f"-{name[1:]}"))
        if vopt is None:
            if i >= len(argv):
                raise _FlagError(NEEDS_ARGUMENT.format(name))
            vopt = argv[i]
            i += 1
        field = _VALUE_FLAGS[name]
        if name in _IP_FLAGS and not parses_as_ip(vopt):
            raise _BadIP(name, vopt)        # df21: each engine words it its own way
        if name == "--mtu":
            mtu = _int(name, vopt)
            if mtu != 0:          # 0: unset, the default
                kw["mtu" if 68 <= mtu <= 65535 else "mtu_unusable"] = mtu
        elif name == "--default-address-pool":
            pools.append(_pool(vopt))
            pool_texts.append(vopt)
        elif name == "--dns":
            if not all(parses_as_ip(part) for part in vopt.split(",")):
                raise _BadIP(name, vopt)    # df24
            repeated[name].extend(part.strip(_SPACE) for part in vopt.split(","))
        elif name in repeated:
            repeated[name].append(vopt)
        elif name in ("--bridge", "-b") and not vopt:
            kw.pop("bridge", None)   # empty: the default, docker0
        else:
            kw[field] = vopt
    if pools:
        kw["default_address_pools"] = tuple(pools)
        for text, (base, _) in zip(pool_texts, pools):
            if not base:   # no base= at all: the zero prefix, refused later when the pools are built
                continue
            try:
                parse_prefix_netip(base)
            except AddrError as e:
                kw["pool_base_error"] = BAD_VALUE.format(text, "--default-address-pool",
                                                         f"invalid base prefix {_go_quote(base)}: {e}")
                break
    for flag, field in (("--dns", "dns"), ("--dns-search", "dns_search"), ("--dns-opt", "dns_opts")):
        if repeated[flag]:
            kw[field] = tuple(repeated[flag])
    return DaemonConfig(**kw)  # type: ignore[arg-type]


def _pool(text: str) -> tuple[str, int]:
    """``base=CIDR,size=N`` (opts.PoolsOpt); the base is checked when the daemon starts."""
    base, size = "", 0
    for part in text.split(","):
        k, _, v = part.partition("=")
        if k == "base":
            base = v
        elif k == "size":
            try:
                size = int(v)
            except ValueError:
                raise _FlagError(BAD_VALUE.format(text, "--default-address-pool",
                                                  f"invalid size value {_go_quote(text)} (must be integer): "
                                                  f"strconv.Atoi: parsing {_go_quote(v)}: invalid syntax")) from None
        elif not _:
            raise _FlagError(BAD_VALUE.format(text, "--default-address-pool",
                                              f"invalid field '{part}' must be a key=value pair"))
        else:
            raise _FlagError(BAD_VALUE.format(text, "--default-address-pool", f"unexpected key '{k}' in '{part}'"))
    return base, size


# -- checks: every field typed; the values that name or size a link as Linux allows ----------------
def _check_host_spec(h: HostSpec) -> None:
    check_fields(h, "HostSpec")
    check_mtu("HostSpec.mtu", h.mtu)
    for i, name in enumerate(h.extra_links):
        check_ifname(f"HostSpec.extra_links[{i}]", name)
    for i, where in enumerate(h.listeners):
        address, _, port = where.rpartition(":")
        if not port.isdigit() or not 0 < int(port) < 65536 or not parses_as_ip(address.strip("[]")):
            raise ValueError(f"HostSpec.listeners[{i}]: wants ADDRESS:PORT, not {where!r}")
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


__all__ = ["HostSpec", "DaemonConfig", "AddrError", "BRIDGE_NONE", "parses_as_ip", "shell_words"]
