"""What each client prints when no daemon answers on its socket.

A daemon that refused to start (``Daemon.start_failure``) leaves no socket: the client parses
its flags and arguments as usual (their errors come first), then its first request fails with
``Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon
running?`` (docker/cli's client.ErrorConnectionFailed; the recorder's own socket path shows in
the transcripts). Recorded on both clients in the ``df*`` scenarios of ``tests/golden``:
``run``/``create`` frame it as their other client-side errors (exit 125), ``network inspect``
and ``inspect`` without ``--format`` print their empty list ``[]`` first (df01 on 28: with a
format they print nothing), every other command prints it alone (exit 1).
"""

from __future__ import annotations

from ..engines.profile import Profile
from ..result import Result
from . import framing
from .framing import CANNOT_CONNECT, Unreachable   # (raised and caught on every path: they live with framing)

# commands that print the documents they collected (none) before the error
_LISTS_FIRST = frozenset({"network inspect", "inspect", "container inspect"})


def unreachable(profile: Profile, path: str, formatted: bool = False) -> Result:
    """The client's output for command ``path`` (``network ls``, ``run``, …) with no daemon."""
    words = path.split()
    if words and words[0] == "container" and len(words) > 1:
        words = words[1:]
    if words and words[0] in ("run", "create"):
        return Result("", framing.run_error(profile, CANNOT_CONNECT, create_failed=True, cmd=path, daemon=False), 125)
    out = "[]\n" if path in _LISTS_FIRST and not formatted else ""
    return Result(out, CANNOT_CONNECT + "\n", 1)


__all__ = ["CANNOT_CONNECT", "Unreachable", "unreachable"]
