"""Command-line flags the way the docker client parses them (cobra + pflag).

Long flags (``--name x``, ``--name=x``), shorthands (``-d``, ``-itd``, ``-p8080:80``, ``-p 80``),
repeated list flags, ``--`` to end flags, and, for ``docker run``/``create``/``exec``, the rule
that flags stop at the first positional argument (the image). Errors are pflag's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence


class FlagError(Exception):
    """A parse error; str() is pflag's message (``unknown flag: --bogus``)."""


@dataclass(frozen=True, slots=True)
class Flag:
    name: str
    short: str = ""
    kind: str = "bool"          # bool | string | list | int | map
    default: Any = None
    hidden: bool = False


@dataclass(slots=True)
class Parsed:
    values: dict[str, Any] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    given: set[str] = field(default_factory=set)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def parse_bool(text: str, flag: str) -> bool:
    t = text
    if t in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if t in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise FlagError(f'invalid argument "{text}" for "{flag}" flag: strconv.ParseBool: parsing "{text}": invalid syntax')


def parse(argv: Sequence[str], flags: Sequence[Flag], *, interspersed: bool = True) -> Parsed:
    by_long = {f.name: f for f in flags}
    by_short = {f.short: f for f in flags if f.short}
    out = Parsed()
    for f in flags:
        if f.kind == "list":
            out.values[f.name] = []
        elif f.kind == "map":
            out.values[f.name] = {}
        else:
            out.values[f.name] = f.default if f.default is not None else (False if f.kind == "bool" else
                                                                         (0 if f.kind == "int" else ""))

    def setv(f: Flag, raw: str, shown: str) -> None:
        out.given.add(f.name)
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
                raise FlagError(f'invalid argument "{raw}" for "{shown}" flag: strconv.ParseInt: parsing '
                                f'"{raw}": invalid syntax') from None
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
