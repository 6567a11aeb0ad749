"""The flags docker's commands take, and the parsing of the flag values that need it.

Mirrors docker/cli: the flag sets of ``network create``, ``run``/``create`` and ``ps`` (pflag
names, shorthands, kinds, defaults); ``-p/--publish`` and ``--expose`` as go-connections/nat
parses them; ``--subnet``/``--ip-range``/``--gateway``/``--aux-address`` consolidated into IPAM
configs as cli/command/network/create.go does, with its error texts.
"""

from __future__ import annotations

import re
from typing import Any, Optional, Sequence

from ..addr import AddrError, parse_ip, parse_prefix
from ..engines import DEFAULT, Profile
from ..golang.template import go_quote
from ..records import Record, field
from .flags import (
    Flag, extra_host_validator, ip_address_validator, sysctl_validator, validate_dns_search, validate_label,
    validate_link,
)
from .rows import _is_uint16


F = Flag

NETWORK_CREATE_FLAGS = [
    F("driver", "d", "string", "bridge"), F("subnet", "", "list"), F("ip-range", "", "list"), F("gateway", "", "list"),
    F("aux-address", "", "map"), F("ipv6", "", "bool"), F("ipv4", "", "bool", True), F("internal", "", "bool"),
    F("attachable", "", "bool"), F("label", "", "list", validate=validate_label), F("opt", "o", "map"), F("ipam-driver", "", "string", "default"),
    F("ipam-opt", "", "map"), F("scope", "", "string"), F("config-from", "", "string"), F("config-only", "", "bool"),
    F("ingress", "", "bool"),
]


def network_create_flags(profile: Profile) -> list[Flag]:
    """``docker network create``'s flags in the client generation: ``--ipv4`` is client 28's
    (26.1 and 20.10 answer ``unknown flag: --ipv4``, r232)."""
    if profile.network_create_ipv4_flag:
        return NETWORK_CREATE_FLAGS
    return [f for f in NETWORK_CREATE_FLAGS if f.name != "ipv4"]
_RUN_FLAGS = [
    F("detach", "d", "bool"), F("interactive", "i", "bool"), F("tty", "t", "bool"), F("name", "", "string"),
    F("network", "", "list"), F("net", "", "list"), F("ip", "", "string"), F("ip6", "", "string"),
    F("network-alias", "", "list"), F("net-alias", "", "list"), F("publish", "p", "list"), F("publish-all", "P", "bool"),
    F("expose", "", "list"), F("hostname", "h", "string"), F("domainname", "", "string"), F("dns", "", "list"),
    F("dns-search", "", "list"), F("dns-option", "", "list"), F("dns-opt", "", "list"), F("add-host", "", "list"),
    F("link", "", "list"), F("mac-address", "", "string"), F("rm", "", "bool"), F("env", "e", "list"),
    F("label", "l", "list"), F("restart", "", "string"), F("privileged", "", "bool"), F("cap-add", "", "list"),
    F("cap-drop", "", "list"), F("user", "u", "string"), F("workdir", "w", "string"), F("volume", "v", "list"),
    F("entrypoint", "", "string"), F("memory", "m", "string"), F("cpus", "", "string"), F("init", "", "bool"),
    F("platform", "", "string"), F("pull", "", "string"), F("quiet", "q", "bool"), F("sysctl", "", "list"),
    F("uts", "", "string"), F("pid", "", "string"), F("ipc", "", "string"), F("read-only", "", "bool"),
    F("stop-signal", "", "string"), F("stop-timeout", "", "int"), F("log-driver", "", "string"),
    F("log-opt", "", "list"), F("mount", "", "list"), F("tmpfs", "", "list"), F("device", "", "list"),
    F("health-cmd", "", "string"), F("no-healthcheck", "", "bool"), F("shm-size", "", "string"),
    F("health-interval", "", "string"), F("health-timeout", "", "string"), F("health-retries", "", "int"),
    F("health-start-period", "", "string"), F("health-start-interval", "", "string"),
    F("env-file", "", "list"), F("security-opt", "", "list"), F("group-add", "", "list"), F("ulimit", "", "list"),
    F("sig-proxy", "", "bool", True), F("attach", "a", "list"), F("cidfile", "", "string"), F("link-local-ip", "", "list"),
]


def run_flags(profile: Profile) -> list[Flag]:
    """``docker run``/``create`` flags with the client generation's validators."""
    checked = {
        "label": validate_label, "dns": ip_address_validator(profile.messages.dns_not_ip),
        "dns-search": validate_dns_search,
        "add-host": extra_host_validator(profile.extra_host_equals), "link": validate_link,
        "sysctl": sysctl_validator(profile.messages.sysctl_not_allowed),
        "network": lambda v: network_attachment(v, profile.network_opt_keys) and v,
    }
    checked["net"] = checked["network"]
    for name in _DURATION_FLAGS:
        checked[name] = validate_duration
    return [Flag(f.name, f.short, f.kind, f.default, f.hidden, checked[f.name]) if f.name in checked else f
            for f in _RUN_FLAGS if f.name != "health-start-interval" or profile.health_start_interval]


# the health flags that take a Go duration (opts.DurationOpt in container/opts.go)
_DURATION_FLAGS = ("health-interval", "health-timeout", "health-start-period", "health-start-interval")


def validate_duration(value: str) -> str:
    """pflag's Duration: Go's time.ParseDuration, its error as the flag's reason (r261:
    ``time: unknown unit "x" in duration "1x"``)."""
    from ..golang.gotime import GoTimeError, parse_duration
    try:
        parse_duration(value)
    except GoTimeError as e:
        raise ValueError(str(e)) from None
    return value


RUN_FLAGS = _RUN_FLAGS
PS_FLAGS = [F("all", "a", "bool"), F("quiet", "q", "bool"), F("no-trunc", "", "bool"), F("filter", "f", "list"),
            F("format", "", "string"), F("latest", "l", "bool"), F("last", "n", "int", -1), F("size", "s", "bool")]


def _go_parse_cidr(text: str) -> Any:
    try:
        return parse_prefix(text)
    except AddrError:
        raise ValueError(f"invalid CIDR address: {text}") from None


def _subnet_matches(subnet: str, data: str) -> bool:
    """network/create.go subnetMatches: is ``data`` (an IP, or a CIDR's address) in ``subnet``?"""
    try:
        s = parse_prefix(subnet).masked()
    except AddrError:
        raise ValueError(f"invalid subnet: invalid CIDR address: {subnet}") from None
    if "/" in data:
        ip = _go_parse_cidr(data).addr
    else:
        try:
            ip = parse_ip(data)
        except AddrError:
            return False
    try:
        return bool(s.contains(ip))
    except (TypeError, ValueError):
        return False


def consolidate_ipam(subnets: list[str], ranges: list[str], gateways: list[str],
                     aux: dict[str, str]) -> list[dict[str, Any]]:
    """docker/cli network/create.go createIPAMConfig: pair ranges, gateways and aux addresses
    with their subnet; errors are ValueError with the client's text."""
    if len(subnets) < len(ranges) or len(subnets) < len(gateways):
        raise ValueError("every ip-range or gateway must have a corresponding subnet")
    data: dict[str, dict[str, Any]] = {}
    for s in subnets:
        for k in data:
            if _subnet_matches(s, k) or _subnet_matches(k, s):
                raise ValueError("multiple overlapping subnet configuration is not supported")
        data[s] = {"Subnet": s}
    for r in ranges:
        match = False
        for s in subnets:
            _go_parse_cidr(r)
            if not _subnet_matches(s, r):
                continue
            if "IPRange" in data[s]:
                raise ValueError(f"cannot configure multiple ranges ({r}, {data[s]['IPRange']}) on the same subnet "
                                 f"({s})")
            data[s]["IPRange"] = r
            match = True
        if not match:
            raise ValueError(f"no matching subnet for range {r}")
    for g in gateways:
        match = False
        for s in subnets:
            if not _subnet_matches(s, g):
                continue
            if "Gateway" in data[s]:
                raise ValueError(f"cannot configure multiple gateways ({g}, {data[s]['Gateway']}) for the same "
                                 f"subnet ({s})")
            data[s]["Gateway"] = g
            match = True
        if not match:
            raise ValueError(f"no matching subnet for gateway {g}")
    for key, aa in aux.items():
        match = False
        for s in subnets:
            if not _subnet_matches(s, aa):
                continue
            data[s].setdefault("AuxiliaryAddresses", {})[key] = aa
            match = True
        if not match:
            raise ValueError(f"no matching subnet for aux-address {aa}")
    return list(data.values())


def go_parse_uint(text: str, bits: int) -> int:
    """strconv.ParseUint(text, 10, bits): the value, or ValueError with Go's text. Go reads
    digit by digit and reports the overflow where it happens, before a later bad character."""
    limit = (1 << bits) - 1
    n = 0
    if not text:
        raise ValueError(f"strconv.ParseUint: parsing {go_quote(text)}: invalid syntax")
    for ch in text:
        if not ("0" <= ch <= "9"):
            raise ValueError(f"strconv.ParseUint: parsing {go_quote(text)}: invalid syntax")
        n = n * 10 + ord(ch) - 48
        if n > limit:
            raise ValueError(f"strconv.ParseUint: parsing {go_quote(text)}: value out of range")
    return n


def expand_expose(spec: str, profile: Profile = DEFAULT) -> list[str]:
    """``--expose`` (cli/command/container/opts.go with go-connections nat.SplitProtoPort and
    ParsePortRange): ``PORT[/PROTO]`` or ``START-END[/PROTO]``, each port of the range as
    ``port/proto``; at most 65,536 of them, as ports are uint16. Errors are the client's
    (recorded in r150_bounded_inputs: ``--expose 0-4294967295``, ``abc``, ``10-5``)."""
    if ":" in spec:
        raise ValueError(f"invalid port format for --expose: {spec}")
    parts = spec.split("/")
    if not spec or not parts[0]:
        proto, port = "", ""
    elif len(parts) == 1 or not parts[1]:
        proto, port = "tcp", parts[0]
    else:
        proto, port = parts[1], parts[0]
    try:
        if not port:
            raise ValueError("empty string specified for ports")
        if "-" not in port:
            lo = hi = go_parse_uint(port, 16)
        else:
            bounds = port.split("-")
            lo, hi = go_parse_uint(bounds[0], 16), go_parse_uint(bounds[1], 16)
            if hi < lo:
                raise ValueError(profile.messages.invalid_port_range.format(value=port))
    except ValueError as e:
        raise ValueError(f"invalid range format for --expose: {spec}, error: {e}") from None
    return [f"{x}/{proto}" for x in range(lo, hi + 1)]


def _parse_port_range(text: str) -> tuple[int, int]:
    """go-connections nat.ParsePortRange (ports are uint16)."""
    if not text:
        raise ValueError("empty")
    lo, dash, hi = text.partition("-")
    if not dash:
        if not _is_uint16(lo):
            raise ValueError(text)
        return int(lo), int(lo)
    hi = hi.split("-")[0]
    if not _is_uint16(lo) or not _is_uint16(hi) or int(hi) < int(lo):
        raise ValueError(text)
    return int(lo), int(hi)


def convert_to_standard_notation(specs: Sequence[str], profile: Profile = DEFAULT) -> list[str]:
    """container/opts.go convertToStandardNotation: a ``-p`` value with ``=`` is the long syntax
    (``published=8080,target=80,protocol=udp,mode=host``), rewritten as ``published:target/protocol``
    (protocol tcp unless given; other keys such as ``mode`` are accepted and ignored)."""
    out: list[str] = []
    for spec in specs:
        if "=" not in spec:
            out.append(spec)
            continue
        params = {"protocol": "tcp"}
        for param in spec.split(","):
            if not profile.long_publish_syntax_strict:
                opt = param.split("=")
                ok, k, v = len(opt) >= 2, opt[0], opt[1] if len(opt) > 1 else ""
            else:
                k, eq, v = param.partition("=")
                ok = bool(eq) and bool(k)
            if not ok:
                raise ValueError(f"invalid publish opts format (should be name=value but got '{param}')")
            params[k] = v
        out.append(f"{params.get('published', '')}:{params.get('target', '')}/{params['protocol']}")
    return out


def parse_publish(specs: Sequence[str], profile: Profile = DEFAULT) -> dict[str, list[dict[str, str]]]:
    """``-p`` specs to PortBindings (docker/go-connections nat.ParsePortSpecs)."""
    m = profile.messages
    out: dict[str, list[dict[str, str]]] = {}
    for raw in convert_to_standard_notation(specs, profile):
        parts = raw.split(":")
        n = len(parts)
        cport = parts[-1]
        if n == 1:
            ip, hostp = "", ""
        elif n == 2:
            ip, hostp = "", parts[0]
        else:
            ip, hostp = ":".join(parts[:-2]), parts[-2]
        # SplitProtoPort
        pp = cport.split("/")
        if not cport or not pp[0]:
            proto, cport = "", ""
        elif len(pp) == 1:
            proto = "tcp"
        elif not pp[1]:
            proto, cport = "tcp", pp[0]
        else:
            proto, cport = pp[1], pp[0]
        if ip.startswith("["):
            if "]" not in ip or not ip.endswith("]"):
                raise ValueError(m.invalid_ip.format(value=ip))
            ip = ip[1:-1]
        if ip:
            try:
                parse_ip(ip)
            except AddrError:
                raise ValueError(m.invalid_ip.format(value=ip)) from None
        if not cport:
            raise ValueError(m.no_port.format(value=raw))
        try:
            clo, chi = _parse_port_range(cport)
        except ValueError:
            raise ValueError(m.invalid_container_port.format(value=cport)) from None
        hlo = hhi = 0
        if hostp:
            try:
                hlo, hhi = _parse_port_range(hostp)
            except ValueError:
                raise ValueError(m.invalid_host_port.format(value=hostp)) from None
        if hostp and (chi - clo) != (hhi - hlo) and chi != clo:
            raise ValueError(m.invalid_ranges.format(container=cport, host=hostp))
        if proto.lower() not in ("tcp", "udp", "sctp"):
            raise ValueError(m.invalid_proto.format(value=proto))
        for i in range(chi - clo + 1):
            hp = str(hlo + i) if hostp else ""
            if clo == chi and hlo != hhi:
                hp = f"{hp}-{hhi}"
            out.setdefault(f"{clo + i}/{proto.lower()}", []).append({"HostIp": ip, "HostPort": hp})
    return out


def valid_mac(s: str) -> bool:
    """Go's net.ParseMAC (opts.ValidateMACAddress): 6, 8 or 20 octets, as hex pairs joined by
    ``:`` or ``-``, or as groups of four hex digits joined by ``.``."""
    n = len(s)
    if n < 14:
        return False
    hx = "[0-9A-Fa-f]"
    if s[2:3] in (":", "-"):
        if (n + 1) % 3:
            return False
        octets = (n + 1) // 3
        sep = re.escape(s[2])
        pat = f"{hx}{{2}}(?:{sep}{hx}{{2}}){{{octets - 1}}}"
    elif s[4:5] == ".":
        if (n + 1) % 5:
            return False
        octets = 2 * (n + 1) // 5
        pat = f"{hx}{{4}}(?:\\.{hx}{{4}}){{{(n + 1) // 5 - 1}}}"
    else:
        return False
    return octets in (6, 8, 20) and re.fullmatch(pat, s) is not None


class NetworkAttachment(Record, slots=True):
    """One ``--network`` value (docker/cli opts.NetworkAttachmentOpts): a network name, or the
    advanced ``name=N,alias=A,ip=…`` form with what it asks of that network's endpoint."""

    target: str
    aliases: list[str] = field(default_factory=list)
    ipv4: str = ""
    ipv6: str = ""
    mac: str = ""
    link_local_ips: list[str] = field(default_factory=list)
    driver_opts: Optional[dict[str, str]] = None
    gw_priority: int = 0


_ADVANCED = r"\w+=\w+"     # the client's (unanchored) test for the advanced form (ASCII \w)
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def is_advanced(value: str) -> bool:
    """``re.search(_ADVANCED, value, re.ASCII)``: a word character on both sides of an ``=``,
    read by hand (no regex to compile at start-up: issue 15)."""
    at = value.find("=", 1)
    while 0 < at < len(value) - 1:
        if value[at - 1] in _WORD and value[at + 1] in _WORD:
            return True
        at = value.find("=", at + 1)
    return False
_ATOI = r"[+-]?[0-9]+"         # strconv.Atoi's digits (compiled by the first gw-priority)


def network_attachment(value: str, keys: tuple[str, ...]) -> NetworkAttachment:
    """``--network VALUE`` as opts.NetworkOpt.Set reads it: one CSV record (Go's) of ``key=value`` fields,
    each lower-cased whole (so the network's name too), ``keys`` the ones this client knows;
    ValueError carries the client's words (pflag frames them)."""
    if not is_advanced(value):
        return NetworkAttachment(value)
    from ..golang.csv import read_record      # (only this form needs it)
    att = NetworkAttachment("")
    for raw in read_record(value):
        key, eq, val = raw.lower().partition("=")
        if not eq or not key:
            raise ValueError(f"invalid field {raw}")
        key, val = key.strip(), val.strip()
        if key not in keys:
            raise ValueError(f"invalid field key {key}")
        if key == "name":
            att.target = val
        elif key == "alias":
            att.aliases.append(val)
        elif key == "ip":
            att.ipv4 = val
        elif key == "ip6":
            att.ipv6 = val
        elif key == "mac-address":
            att.mac = val
        elif key == "link-local-ip":
            att.link_local_ips.append(val)
        elif key == "driver-opt":
            okey, oeq, oval = val.partition("=")
            if not oeq or not okey:
                raise ValueError("invalid key value pair format in driver options")
            att.driver_opts = {**(att.driver_opts or {}), okey.strip(): oval.strip()}
        else:       # gw-priority: strconv.Atoi
            if not re.fullmatch(_ATOI, val, re.ASCII):
                raise ValueError(f"invalid gw-priority ({val}): invalid syntax")
            if not -2 ** 63 <= int(val) < 2 ** 63:
                raise ValueError(f"invalid gw-priority ({val}): value out of range")
            att.gw_priority = int(val)
    if not att.target:
        raise ValueError("network name/id is not specified")
    return att
