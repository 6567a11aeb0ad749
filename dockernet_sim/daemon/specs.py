"""What an Engine API call asks for: a container's networking (the body of POST
/containers/create) and one network's endpoint settings (``--network``, ``--ip``, ``--alias`` …)."""

from __future__ import annotations

from typing import Optional

from ..records import Record, field
from ..values import field_checked


@field_checked
class EndpointSpec(Record, slots=True):
    """What ``--network``/``--ip``/``--alias``… ask for one network (EndpointSettings in the API)."""

    ipv4: str = ""
    ipv6: str = ""
    aliases: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    mac: str = ""
    driver_opts: Optional[dict[str, str]] = None
    gw_priority: int = 0
    link_local_ips: list[str] = field(default_factory=list)     # IPAMConfig.LinkLocalIPs (--link-local-ip)


@field_checked
class MountSpec(Record, frozen=True, slots=True):
    """One entry of HostConfig.Mounts (``--mount``), as the client sends it."""

    type: str = "volume"
    source: str = ""
    target: str = ""
    read_only: bool = False


from .health import HealthConfig    # (a value of the create body)


@field_checked
class Ulimit(Record, frozen=True, slots=True):
    """One entry of HostConfig.Ulimits (``--ulimit nofile=1024:2048``, compose's ``ulimits``)."""

    name: str
    hard: int
    soft: int


@field_checked
class ContainerSpec(Record, slots=True):
    """The body of POST /containers/create, the networking part of it."""

    image: str = "busybox"
    cmd: Optional[list[str]] = None
    entrypoint: Optional[list[str]] = None
    name: str = ""
    hostname: str = ""
    domainname: str = ""
    network_mode: str = ""
    networks: dict[str, EndpointSpec] = field(default_factory=dict)
    port_bindings: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    publish_all: bool = False
    expose: list[str] = field(default_factory=list)
    dns: Optional[list[str]] = field(default_factory=list)          # None: not sent (the API's null)
    dns_search: Optional[list[str]] = field(default_factory=list)
    dns_options: Optional[list[str]] = field(default_factory=list)   # None: not sent (compose)
    extra_hosts: Optional[list[str]] = None                          # docker's CLI sends null, compose []
    links: list[str] = field(default_factory=list)
    mac_address: str = ""
    tty: bool = False
    open_stdin: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    env: list[str] = field(default_factory=list)
    user: str = ""                                                   # Config.User (--user)
    restart_name: str = ""                  # HostConfig.RestartPolicy (--restart): "" is the daemon's "no"
    restart_max_retries: int = 0
    auto_remove: bool = False               # HostConfig.AutoRemove (--rm)
    binds: list[str] = field(default_factory=list)            # HostConfig.Binds (-v SOURCE:/path[:MODE])
    mounts: list[MountSpec] = field(default_factory=list)     # HostConfig.Mounts (--mount)
    volumes: list[str] = field(default_factory=list)          # Config.Volumes (-v /path: anonymous)
    working_dir: str = ""                                            # Config.WorkingDir (--workdir)
    sysctls: dict[str, str] = field(default_factory=dict)            # HostConfig.Sysctls (--sysctl)
    healthcheck: Optional[HealthConfig] = None                       # Config.Healthcheck (--health-*)
    # what the daemon keeps and shows (c55): HostConfig.CapAdd/CapDrop (None: not sent), Privileged,
    # ReadonlyRootfs, Init (None: not sent), Config.StopSignal and StopTimeout (seconds; None: not sent)
    cap_add: Optional[list[str]] = None
    cap_drop: Optional[list[str]] = None
    privileged: bool = False
    readonly_rootfs: bool = False
    init: Optional[bool] = None
    stop_signal: str = ""
    stop_timeout: Optional[int] = None
    # HostConfig.IpcMode and PidMode ("": the daemon's default), Tmpfs (mount point -> options),
    # Ulimits, LogConfig (""/{}: the daemon's default driver) (c59)
    ipc_mode: str = ""
    pid_mode: str = ""
    tmpfs: dict[str, str] = field(default_factory=dict)
    ulimits: Optional[list[Ulimit]] = field(default_factory=list)    # None: null (compose, c59)
    log_driver: str = ""
    log_options: dict[str, str] = field(default_factory=dict)
