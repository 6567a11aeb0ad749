"""Tab completion at the shell's prompt, from the context a person has typed so far.

After ``docker`` the engine's own command tree answers, as the recorded client helps it
(``client.help``): subcommands where a command has them, the flags of its ``Options`` when the
word starts with ``-``, and for each positional argument what its ``Usage:`` line names —
``CONTAINER`` the containers, ``NETWORK`` the networks, ``IMAGE`` the images, ``NAME|ID`` both
(``docker network connect NETWORK CONTAINER`` offers networks, then containers; a name being
created is not completed). ``--network``/``--net`` take networks and ``container:NAME``. The
shell's own ``trace SRC DST`` takes containers (and ``host``, ``outside``), ``whois`` the addresses
the host holds. Names with hyphens complete whole (the prompt splits words on blanks only).

>>> from dockernet_sim.terminal import Session
>>> s = Session()
>>> _ = s.run_line("docker network create back-end")
>>> completions(s, "docker network co", "co")
['connect']
>>> completions(s, "docker network connect b", "b")
['back-end', 'bridge']
"""

from __future__ import annotations

import re
from typing import Optional

from .client.help import texts
from .terminal import Session

# what the prompt runs besides docker (the shell's own commands and the host's tools)
FIRST_WORDS = ("docker", "ip", "ifconfig", "brctl", "bridge", "iptables", "iptables-save", "route", "netstat",
               "cat", "hostname", "trace", "whois", "save", "load", "export", "help", "clear", "exit", "sudo")
TOOL_WORDS = {"ip": ("addr", "link", "route", "neigh"), "brctl": ("show",), "bridge": ("link",),
              "iptables": ("-S", "-L", "-t", "-n", "-v", "nat", "filter", "raw", "mangle"),
              "cat": ("/etc/hosts", "/etc/resolv.conf"), "export": ("--cleanup",)}
_FLAG = re.compile(r"^\s+(?:(-\w), )?(--[\w-]+)(?: (\w+))?")
_VALUE_FLAGS = ("--network", "--net")


def _options(help_text: str) -> tuple[list[str], set[str]]:
    """A command's flags (long, then short) and those that take a value, from its help."""
    flags: list[str] = []
    valued: set[str] = set()
    in_options = False
    for line in help_text.splitlines():
        if line.endswith("Options:"):
            in_options = True
            continue
        if in_options and line and not line.startswith(" "):
            in_options = False
        m = _FLAG.match(line) if in_options else None
        if m is None:
            continue
        short, long, kind = m.groups()
        flags += [long] + ([short] if short else [])
        if kind:
            valued.update(f for f in (short, long) if f)
    return flags, valued


def _slots(usage: str, path: list[str]) -> tuple[list[str], bool]:
    """The positional placeholders of a ``Usage:`` line (``["NETWORK", "CONTAINER"]``), and
    whether the last one repeats (``[CONTAINER...]``)."""
    words = usage.split()[2 + len(path):]
    slots = [w.strip("[]") for w in words if w != "[OPTIONS]"]
    repeats = bool(slots) and slots[-1].endswith("...")
    slots = [s.rstrip(".").strip("[]") for s in slots]
    if repeats and len(slots) > 1 and slots[-1] == slots[-2]:
        slots.pop()
    return slots, repeats


def _docker(s: Session, words: list[str], text: str) -> list[str]:
    t = texts(s.host.profile.name)
    if t is None:
        return []
    path: list[str] = []
    for w in words:
        if w.startswith("-") or t.text(" ".join(path + [w])) is None:
            break
        path.append(w)
    key = " ".join(path)
    help_text = t.text(key) or ""
    flags, valued = _options(help_text)
    rest = words[len(path):]
    if rest and rest[-1] in _VALUE_FLAGS or text.startswith(tuple(f + "=" for f in _VALUE_FLAGS)):
        lead = text.split("=", 1)[0] + "=" if text.startswith("-") else ""
        modes = ([f"container:{c}" for c in _containers(s)] if text[len(lead):].startswith("container:")
                 else _networks(s) + ["container:"])
        return [lead + m for m in modes]
    if text.startswith("-"):
        return flags
    if rest and rest[-1] in valued:
        return []                      # the flag's value: nothing to offer
    positional = [w for i, w in enumerate(rest) if not w.startswith("-") and not (i and rest[i - 1] in valued)]
    subs = sorted({k.split()[len(path)] for k in t.help if k and k.split()[:len(path)] == path
                   and len(k.split()) == len(path) + 1})
    if subs and not positional:
        return subs
    usage = next((l for l in help_text.splitlines() if l.startswith("Usage:")), "")
    slots, repeats = _slots(usage, path)
    if not slots:
        return []
    n = len(positional)
    slot = slots[n] if n < len(slots) else (slots[-1] if repeats else "")
    if path and path[-1] == "create" and n == 0:
        return []                      # the name of what is being created
    pools = {"CONTAINER": _containers(s), "NETWORK": _networks(s), "IMAGE": _images(s),
             "NAME|ID": _containers(s) + _networks(s)}
    return pools.get(slot, [])


def _containers(s: Session) -> list[str]:
    return sorted(c.name for c in s.host.containers.values())


def _networks(s: Session) -> list[str]:
    return sorted(n.name for n in s.host.ctl.networks.values())


def _images(s: Session) -> list[str]:
    return sorted(s.host.images)


def _addresses(s: Session) -> list[str]:
    """Every address ``whois`` can name: the networks' gateways and the containers' endpoints."""
    out: list[str] = []
    for n in s.host.ctl.networks.values():
        out += [str(ps.gateway) for ps in list(n.pools4) + list(n.pools6) if ps.gateway]
        out += [str(a) for ep in n.endpoints.values() for a in (ep.ip4, ep.ip6) if a is not None]
    return sorted(set(out))


def completions(s: Session, line: str, text: str) -> list[str]:
    """What Tab offers for ``text``, the word being typed at the end of ``line`` (the whole line
    so far, as readline's buffer holds it)."""
    words = line[:len(line) - len(text)].split()
    if words[:1] == ["sudo"]:
        words = words[1:]
    pool: list[str]
    if not words:
        pool = list(FIRST_WORDS)
    elif words[0] == "docker":
        pool = _docker(s, words[1:], text)
    elif words[0] == "trace":
        pool = _containers(s) + ["host", "outside"] if len(words) < 3 else []
    elif words[0] == "whois":
        pool = _addresses(s) if len(words) < 2 else []
    else:
        pool = list(TOOL_WORDS.get(words[0], ()))
    return [w for w in dict.fromkeys(pool) if w.startswith(text)]


def complete_word(s: Session, line: str, text: str, state: int) -> Optional[str]:
    """readline's completer protocol: the ``state``-th completion, None past the last."""
    opts = completions(s, line, text)
    return opts[state] if state < len(opts) else None


__all__ = ["completions", "complete_word", "FIRST_WORDS"]
