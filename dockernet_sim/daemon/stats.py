"""``GET /containers/{id}/stats?stream=false``: one sample of a container's resource use.

A real engine reads these from the container's cgroup and its interfaces' counters, and the
figures move from run to run (``tests/golden/scenarios/r221_stats.sh`` records formats that repeat:
names, IDs, PIDs). The model's figures are fixed and said here:

* CPU: none used (the recorded containers are idle shells);
* memory: :data:`PROCESS_MEMORY` per process, against the container's ``--memory`` or else the
  recording machine's memory (:data:`HOST_MEMORY`, its MemTotal);
* network: the bytes the kernel model counted on the container's interfaces (``lo`` aside), so
  a ping between containers shows; a real idle container also sends a little of its own, which
  the model does not;
* block I/O: none; PIDs: the processes running (PID 1 and the servers ``docker exec`` left).

A container that is not running reads as zeros, as recorded.
"""

from __future__ import annotations

from typing import Optional

from ..kernel import Namespace
from ..records import Record
from .container import Container

PROCESS_MEMORY = 480 * 1024
HOST_MEMORY = 24683792 * 1024
ONLINE_CPUS = 2                  # the recording machine's


class ContainerStats(Record, frozen=True, slots=True):
    """One sample, in the units the API reports (bytes)."""

    id: str
    name: str
    running: bool
    pids: int = 0
    memory: int = 0
    memory_limit: int = 0
    rx_bytes: int = 0
    tx_bytes: int = 0


def container_stats(c: Container, ns: Optional[Namespace]) -> ContainerStats:
    """The sample of ``c``, whose processes see the namespace ``ns``."""
    if not c.running:
        return ContainerStats(c.id, c.name, False)
    pids = 1 + len(c.servers)
    rx = tx = 0
    if ns is not None and c.mode_kind != "host":
        for link in ns.sorted_links():
            if link.name != "lo":
                rx += link.rx_bytes
                tx += link.tx_bytes
    return ContainerStats(c.id, c.name, True, pids, PROCESS_MEMORY * pids, c.memory or HOST_MEMORY, rx, tx)
