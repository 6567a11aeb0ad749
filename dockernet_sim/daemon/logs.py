"""The daemon's answer to GET /containers/{id}/logs: the json-file log read back.

Mirrors moby's ``daemon/logs.go`` over the ``json-file`` driver, as far as the query goes:
``tail`` keeps the last N entries (``all``, or anything that is no number, every one), ``since``
and ``until`` (Unix seconds with nine digits of fraction, as the client sends them after reading
its flags; 0 for no bound) select by the entry's time, ``timestamps`` puts each entry's time
before it (RFC3339NanoFixed: always nine digits of the second) and ``details`` the entry's
attributes, none here, and a space. The model's log keeps one time per run, the container's
start: every entry has it. Recorded through the client (r160_logs_top, r191_logs_flags); the
docker CLI of the shell and the Engine API server both read the log through :func:`read_log`.
"""

from __future__ import annotations

from typing import Optional

from ..ids import format_time
from .container import Container

Entry = tuple[str, str]             # ("stdout" | "stderr", the line with its newline)


def tail_lines(entries: tuple[Entry, ...], tail: str) -> tuple[Entry, ...]:
    """The daemon's ``tail`` query: a number keeps that many last lines, anything else all."""
    try:
        n = int(tail)
    except ValueError:
        return entries
    if n < 0:
        return entries
    return entries[len(entries) - n:] if n else ()


def parse_api_time(value: str) -> Optional[int]:
    """``since``/``until`` as the API carries them (``1764979200.000000000``, or seconds alone):
    nanoseconds, None for no bound (empty, 0) or a value that is no time."""
    secs, _, frac = value.partition(".")
    if not secs.lstrip("-").isdigit() or (frac and not frac.isdigit()):
        return None
    ns = int(secs) * 1_000_000_000 + (int(frac.ljust(9, "0")[:9]) if frac else 0) * (-1 if secs.startswith("-") else 1)
    return ns or None


def read_log(c: Container, tail: str = "all", since_ns: Optional[int] = None, until_ns: Optional[int] = None,
             timestamps: bool = False, details: bool = False) -> list[Entry]:
    """The entries of ``c``'s log a query selects, each line as the daemon sends it."""
    entries = tail_lines(c.log, tail)
    if (since_ns is not None and c.started_ns < since_ns) or (until_ns is not None and c.started_ns > until_ns):
        return []
    ns = c.started_ns
    prefix = (f"{format_time(ns // 10**9 * 10**9)[:19]}.{ns % 10**9:09d}Z " if timestamps else "") + \
        (" " if details else "")
    return [(stream, prefix + line) for stream, line in entries]
