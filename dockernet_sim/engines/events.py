"""What differs in an engine's event log (``docker events``): which events it logs, in which
order, with which attributes.

One :class:`EventFacts` per engine, each value as the recorded engine logged it
(tests/golden/scenarios/r270_events_container, r271_events_network_volume,
r272_events_windows_errors on 20.10, 26 and 28).
"""

from __future__ import annotations

from ..records import Record

__all__ = ["EventFacts"]


class EventFacts(Record, frozen=True, slots=True):
    """moby ``daemon/events.go`` and its callers, as one engine build behaves."""

    # a start mounts the container's volumes (``volume mount``) before it connects its networks
    # (28 sets the network up once the task exists: the mounts come first) or after
    mount_before_network: bool
    # a ``docker stop`` logs ``stop`` before the monitor's ``die`` (or after it)
    stop_before_die: bool
    # ``die`` carries ``execDuration`` (the seconds the task ran) beside ``exitCode``
    die_exec_duration: bool
    # a task that ends has its networks disconnected and volumes unmounted before ``die`` is
    # logged (or after: 20.10's monitor logs ``die`` first)
    release_before_die: bool
    # ``docker network disconnect`` of a running container logs ``disconnect`` twice (r271)
    disconnect_logged_twice: bool
    # creating a volume that exists (``volume create data`` again, ``run -v data:/…``) logs
    # ``create`` again (20.10's volume service logs every Create)
    create_logged_when_volume_exists: bool
