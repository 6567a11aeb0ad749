"""The daemon's check of published ports sent through the Engine API (the CLI checks its own
``-p`` first, so only API callers meet these words).

Recorded through the Engine API (``tests/golden/api/scenarios/r125_ports_api.sh``, 20.10, 26
and 28 alike): a container port that ``strconv.ParseUint(p, 10, 16)`` refuses (``abc``,
``99999``) and a host port that is not a port or a ``N-M`` range (``99999``, ``80\\n-A X``) fail
the create with ``invalid port specification: "…"`` (Go's ``%q``); the protocol after the ``/``
is not checked there.
"""

from __future__ import annotations

from typing import Optional

from ..errors import InvalidParameter
from ..golang.template import go_quote


def _uint16(text: str) -> bool:
    return text.isascii() and text.isdigit() and int(text) <= 65535


def _port_or_range(text: str) -> bool:
    start, dash, end = text.partition("-")
    if not dash:
        return _uint16(text)
    return _uint16(start) and _uint16(end) and int(start) <= int(end)


def split_proto_port(raw: str) -> str:
    """nat.SplitProtoPort's port half: ``80/tcp`` -> ``80``, ``80`` -> ``80``, ``/`` -> ``""``
    (no port: an ephemeral one, for a host port)."""
    return raw.split("/")[0]


def port_bindings_error(bindings: dict[str, list[dict[str, str]]]) -> Optional[str]:
    """The create-time message for the first bad port in ``bindings`` (None: all fine)."""
    for key, binds in bindings.items():
        port = split_proto_port(key)
        if port and not _uint16(port):
            return f"invalid port specification: {go_quote(port)}"
        for b in binds:
            host_port = b.get("HostPort", "") or ""
            hp = split_proto_port(host_port)
            if hp and not _port_or_range(hp):
                return f"invalid port specification: {go_quote(host_port)}"
    return None


def check_port_bindings(bindings: dict[str, list[dict[str, str]]]) -> None:
    why = port_bindings_error(bindings)
    if why is not None:
        raise InvalidParameter(why)


__all__ = ["port_bindings_error", "check_port_bindings", "split_proto_port"]
