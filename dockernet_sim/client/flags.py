"""Command-line flags the way the docker client parses them (cobra + pflag).

Long flags (``--name x``, ``--name=x``), shorthands (``-d``, ``-itd``, ``-p8080:80``, ``-p 80``),
repeated list flags, ``--`` to end flags, and, for ``docker run``/``create``/``exec``, the rule
that flags stop at the first positional argument (the image). Errors are pflag's own words.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any, Callable, Optional, Sequence

from ..records import Record, field


class FlagError(Exception):
    """A parse error; str() is pflag's message (``unknown flag: --bogus``)."""


class Flag(Record, frozen=True, slots=True):
    name: str
    short: str = ""
    kind: str = "bool"          # bool | string | list | int | map
    default: Any = None
    hidden: bool = False
    # docker/cli opts validators: the value to store, or ValueError(message); pflag reports
    # it as `invalid argument "<raw>" for "<flag>" flag: <message>` (both Go-quoted: _invalid)
    validate: Optional[Callable[[str], str]] = None


class Parsed(Record, slots=True):
    values: dict[str, Any] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    given: set[str] = field(default_factory=set)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def _quote(text: str) -> str:
    from ..golang.template.strconv import go_quote     # only an error needs it
    return go_quote(text)


def _invalid(raw: str, flag: str, why: str) -> FlagError:
    """pflag's ``invalid argument %q for %q flag: %v``."""
    return FlagError(f"invalid argument {_quote(raw)} for {_quote(flag)} flag: {why}")


def parse_bool(text: str, flag: str) -> bool:
    t = text
    if t in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if t in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise _invalid(text, flag, f"strconv.ParseBool: parsing {_quote(text)}: invalid syntax")


_NAME, _SHORT = attrgetter("name"), attrgetter("short")


def parse(argv: Sequence[str], flags: Sequence[Flag], *, interspersed: bool = True) -> Parsed:
    by_long = dict(zip(map(_NAME, flags), flags))       # (at C speed: `docker run` has 60 flags)
    by_short = dict(zip(map(_SHORT, flags), flags))
    by_short.pop("", None)
    out = Parsed()
    values = out.values
    for f in flags:
        kind = f.kind
        if kind == "list":
            values[f.name] = []
        elif kind == "map":
            values[f.name] = {}
        elif f.default is not None:
            values[f.name] = f.default
        else:
            values[f.name] = False if kind == "bool" else (0 if kind == "int" else "")

    def setv(f: Flag, raw: str, shown: str) -> None:
        out.given.add(f.name)
        if f.validate is not None:
            try:
                raw = f.validate(raw)
            except ValueError as e:
                raise _invalid(raw, shown, str(e)) from None
        if f.kind == "bool":
            out.values[f.name] = parse_bool(raw, shown)
        elif f.kind == "list":
            out.values[f.name].append(raw)
        elif f.kind == "map":
            k, eq, v = raw.partition("=")
            out.values[f.name][k] = v
        elif f.kind == "int":
            try:
                out.values[f.name] = int(raw)
            except ValueError:
                raise _invalid(raw, shown, f"strconv.ParseInt: parsing {_quote(raw)}: invalid syntax") from None
        else:
            out.values[f.name] = raw

    i = 0
    args = list(argv)
    while i < len(args):
        a = args[i]
        if a == "--":
            out.args.extend(args[i + 1:])
            break
        if a.startswith("--") and len(a) > 2:
            name, eq, val = a[2:].partition("=")
            f = by_long.get(name)
            if f is None:
                raise FlagError(f"unknown flag: --{name}")
            shown = f"-{f.short}, --{f.name}" if f.short else f"--{f.name}"
            if f.kind == "bool":
                setv(f, val if eq else "true", shown)
            elif eq:
                setv(f, val, shown)
            else:
                if i + 1 >= len(args):
                    raise FlagError(f"flag needs an argument: --{name}")
                setv(f, args[i + 1], shown)
                i += 1
            i += 1
            continue
        if a.startswith("-") and len(a) > 1:
            j = 1
            while j < len(a):
                ch = a[j]
                f = by_short.get(ch)
                if f is None:
                    raise FlagError(f"unknown shorthand flag: '{ch}' in {a}")
                shown = f"-{f.short}, --{f.name}"
                if f.kind == "bool":
                    if j + 1 < len(a) and a[j + 1] == "=":
                        setv(f, a[j + 2:], shown)
                        break
                    setv(f, "true", shown)
                    j += 1
                    continue
                rest = a[j + 1:]
                if rest.startswith("="):
                    rest = rest[1:]
                if rest:
                    setv(f, rest, shown)
                else:
                    if i + 1 >= len(args):
                        raise FlagError(f"flag needs an argument: '{ch}' in -{ch}")
                    setv(f, args[i + 1], shown)
                    i += 1
                break
            i += 1
            continue
        out.args.append(a)
        if not interspersed:
            out.args.extend(args[i + 1:])
            break
        i += 1
    return out


def split_kv(items: Sequence[str]) -> dict[str, str]:
    d: dict[str, str] = {}
    for it in items:
        k, _, v = it.partition("=")
        d[k] = v
    return d


# -- docker/cli opts validators (opts/opts.go, opts/hosts.go) ------------------------------------------
_WHITESPACE = " \t"
# patterns compiled (and cached) by re on first use, not at import (issue 15)
_ALPHA = r"[a-zA-Z]"
_DOMAIN = (r"^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))"
           r"(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])))*)\.?\s*$")


def validate_label(value: str) -> str:
    """opts.ValidateLabel (same text in 20.10 and 28)."""
    key = value.partition("=")[0].lstrip(_WHITESPACE)
    if key == "":
        raise ValueError(f"invalid label '{value}': empty name")
    if any(c in key for c in _WHITESPACE):
        raise ValueError(f"label '{key}' contains whitespaces")
    return value


# opts.ValidateSysctl: the IPC sysctls a container may set, and the prefixes of the namespaced rest
_SYSCTL_IPC_KEYS = frozenset(("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall",
                              "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"))
_SYSCTL_PREFIXES = ("net.", "fs.mqueue.")


def sysctl_validator(refusal: str) -> Callable[[str], str]:
    """opts.ValidateSysctl: ``KEY=VALUE`` with a key the container's own namespaces hold;
    ``refusal`` is the generation's words ({value}: 20.10 "not whitelisted", 26 and 28 "not allowed")."""
    def validate(value: str) -> str:
        key, eq, _ = value.partition("=")
        if eq and key and (key in _SYSCTL_IPC_KEYS or key.startswith(_SYSCTL_PREFIXES)):
            return value
        raise ValueError(refusal.format(value=value))
    return validate


def _go_parse_ip(text: str) -> Optional[str]:
    from ..addr import AddrError, go_string, parse_ip
    try:
        return go_string(parse_ip(text))
    except (AddrError, ValueError):
        return None


def ip_address_validator(not_ip: str) -> Callable[[str], str]:
    """opts.ValidateIPAddress: the address in Go's canonical form; ``not_ip`` the generation's
    error template (``{value}``)."""
    def validate(val: str) -> str:
        ip = _go_parse_ip(val.strip())
        if ip is not None:
            return ip
        raise ValueError(not_ip.format(value=val))
    return validate


def validate_dns_search(val: str) -> str:
    """opts.ValidateDNSSearch."""
    val = val.strip(" ")
    if val == ".":
        return val
    if not re.search(_ALPHA, val):
        raise ValueError(f"{val} is not a valid domain")
    m = re.match(_DOMAIN, val)
    if m and len(m.group(1)) < 255:
        return m.group(1)
    raise ValueError(f"{val} is not a valid domain")


def extra_host_validator(equals_syntax: bool) -> Callable[[str], str]:
    """opts.ValidateExtraHost: 20.10 splits on the first ``:``; 28 also takes ``host=ip`` and
    ``[ip]`` and hands the daemon ``host:ip``."""
    def validate(val: str) -> str:
        if not equals_syntax:
            k, sep, v = val.partition(":")
            if not sep or not k:
                raise ValueError(f"bad format for add-host: {go_quote_str(val)}")
            if v != "host-gateway" and _go_parse_ip(v.strip()) is None:
                raise ValueError(f"invalid IP address in add-host: {go_quote_str(v)}")
            return val
        k, sep, v = val.partition("=")
        if not sep:
            k, sep, v = val.partition(":")
        if not sep or not k or ":" in k:
            raise ValueError(f"bad format for add-host: {go_quote_str(val)}")
        if v != "host-gateway":
            if len(v) > 2 and v[0] == "[" and v[-1] == "]":
                v = v[1:-1]
            if _go_parse_ip(v.strip()) is None:
                raise ValueError(f"invalid IP address in add-host: {go_quote_str(v)}")
        return k + ":" + v
    return validate


def validate_link(val: str) -> str:
    """opts.ValidateLink (ParseLink's errors)."""
    if val == "":
        raise ValueError("empty string specified for links")
    if len(val.split(":", 2)) > 2:
        raise ValueError("bad format for links: " + val)
    return val


def go_quote_str(s: str) -> str:
    from ..golang.template import go_quote
    return go_quote(s)
