"""What an Engine API call asks for: a container's networking (the body of POST
/containers/create) and one network's endpoint settings (``--network``, ``--ip``, ``--alias`` …)."""

from __future__ import annotations

from typing import Optional

from ..records import dataclass, field
from ..values import field_checked


@field_checked
@dataclass(slots=True)
class EndpointSpec:
    """What ``--network``/``--ip``/``--alias``… ask for one network (EndpointSettings in the API)."""

    ipv4: str = ""
    ipv6: str = ""
    aliases: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    mac: str = ""
    driver_opts: Optional[dict[str, str]] = None
    gw_priority: int = 0


@field_checked
@dataclass(slots=True)
class ContainerSpec:
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
    dns_options: list[str] = field(default_factory=list)
    extra_hosts: Optional[list[str]] = None                          # docker's CLI sends null, compose []
    links: list[str] = field(default_factory=list)
    mac_address: str = ""
    tty: bool = False
    open_stdin: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    env: list[str] = field(default_factory=list)
    user: str = ""                                                   # Config.User (--user)
    sysctls: dict[str, str] = field(default_factory=dict)            # HostConfig.Sysctls (--sysctl)
