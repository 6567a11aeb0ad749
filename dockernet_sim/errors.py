"""Errors raised by the model, in the daemon's own words.

Docker's daemon classifies every error by kind (errdefs: InvalidParameter, NotFound, Conflict,
Forbidden, System, ...); the CLI only adds framing ("Error response from daemon: ", "docker: ",
the help line, the exit code). So every error here carries the daemon's text as ``str(err)``
and a kind; nothing in this module knows about terminals.

Hierarchy::

    DockerError                 base; str() is the daemon's message
    ├── InvalidParameter        bad request (HTTP 400)
    ├── NotFound                no such object (HTTP 404)
    ├── Conflict                name or address already taken (HTTP 409)
    ├── Forbidden               operation not permitted (HTTP 403)
    ├── SystemError_            internal failure of a driver or allocator (HTTP 500)
    └── DaemonNotRunning        the daemon refused to start: no call reaches it

>>> str(NotFound("network x not found"))
'network x not found'
"""

from __future__ import annotations


class DockerError(Exception):
    """An error a Docker Engine API call returns; ``str(err)`` is the daemon's text."""

    kind = "system"
    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidParameter(DockerError):
    kind = "invalid_parameter"
    status = 400


class NotFound(DockerError):
    kind = "not_found"
    status = 404


class Conflict(DockerError):
    kind = "conflict"
    status = 409


class Forbidden(DockerError):
    kind = "forbidden"
    status = 403


class SystemError_(DockerError):
    kind = "system"
    status = 500


class DaemonNotRunning(DockerError):
    """Every Engine API call of a daemon that refused to start (a client sees no socket).

    ``str(err)`` is the reason dockerd logged when it gave up (``failed to start daemon: …``).
    """

    kind = "unavailable"
    status = 503


__all__ = ["DockerError", "InvalidParameter", "NotFound", "Conflict", "Forbidden", "SystemError_",
           "DaemonNotRunning"]
