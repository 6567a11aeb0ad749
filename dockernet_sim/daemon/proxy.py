"""The host's sockets a published port opens: docker-proxy's listener per binding, or dockerd's own.

With the userland proxy (the default) each host binding of a running container has a
``docker-proxy`` process listening on it: ``-p 8080:80`` is ``0.0.0.0:8080`` and ``[::]:8080``
(the ``::`` binding every engine adds, ``docker port``'s second line), ``-p 127.0.0.1:9090:80``
one socket, a UDP binding an unconnected UDP socket; a stopped container's proxies are gone and a
start brings them back (r281, ``ss -ltn``/``-lun``, ``netstat -lnt`` on Engines 20.10, 26 and
28). A TCP listener's backlog is the Go runtime's, read from ``net.core.somaxconn`` (4096 on the
recording machine): ``ss``'s Send-Q.

With ``--userland-proxy=false`` no proxy runs, and dockerd keeps each port's socket open itself
so that nothing else takes the port (r282): 20.10 and 26 with a Go listener (backlog 4096), 28
bound and listening with a backlog of 0 (the profile's ``held_port_backlog``); as the proxy's, on
the addresses ``docker port`` shows (28 without the proxy binds ``[::]`` only for an IPv6
endpoint).

The machine's own listeners (``HostSpec.listeners``: the recording machines had one on
``0.0.0.0:2024``, backlog 128, its process not visible to ``ss -p``) are listed with them.

Process IDs are the model's: each proxy's is below its container's (the daemon starts the
proxies before the container's task), counted down from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Record

if TYPE_CHECKING:
    from .daemon import Daemon

PROXY = "docker-proxy"
# the model's dockerd: its held ports' descriptors come after those it opens at start
DOCKERD_FIRST_FD = 20
MACHINE_BACKLOG = 128    # the recording machine's own listener's (r281)
SOMAXCONN = 4096          # the recording machine's net.core.somaxconn (kernel/data/sysctl_net.json)


class HostSocket(Record, frozen=True, slots=True):
    """One socket on the host: ``proto`` ``tcp``/``udp``, ``address`` as bound (``0.0.0.0``,
    ``::``, ``127.0.0.1``), ``port``, the process holding it (``program``, ``pid``, ``fd``;
    ``program`` "" for one out of sight, the machine's own) and a listening TCP socket's
    ``backlog``."""
    proto: str
    address: str
    port: int
    program: str
    pid: int
    fd: int
    backlog: int

    @property
    def v6(self) -> bool:
        return ":" in self.address


def host_sockets(daemon: "Daemon") -> list[HostSocket]:
    """The sockets published ports hold open on the host, in the order the kernel's tables list
    them: by port, then address."""
    proxy = daemon.config.userland_proxy
    out: list[HostSocket] = []
    for where in daemon.host.listeners:         # the machine's own (HostSpec.listeners)
        address, _, port = where.rpartition(":")
        out.append(HostSocket("tcp", address.strip("[]"), int(port), "", 0, 0, MACHINE_BACKLOG))
    for c in daemon.containers.values():
        if not c.running or not c.ports_published:
            continue
        held = [(key, b) for key, bindings in c.ports_published.items() for b in bindings]
        for k, (key, b) in enumerate(held):
            port = b.get("HostPort", "")
            if not port.isdigit():
                continue
            proto = key.partition("/")[2] or "tcp"
            program, pid = (PROXY, c.pid - len(held) + k) if proxy else ("dockerd", daemon.daemon_pid)
            backlog = SOMAXCONN if proxy else daemon.profile.held_port_backlog
            out.append(HostSocket(proto, b.get("HostIp") or "0.0.0.0", int(port), program, pid,
                                  3 if proxy else DOCKERD_FIRST_FD + k, backlog if proto == "tcp" else 0))
    out.sort(key=lambda s: (s.port, s.address))
    return out


__all__ = ["HostSocket", "PROXY", "host_sockets"]
