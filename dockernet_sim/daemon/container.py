"""Containers as the daemon keeps them: configuration, state, and per-network settings.

Mirrors the parts of moby's ``container.Container`` that networking reads and ``docker
inspect`` shows: the network mode, ``NetworkSettings.Networks`` (the configuration a user gave
per network, plus the operational data filled while the container runs), port bindings, DNS
and hosts options, and the run state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..libnetwork.model import Endpoint, Sandbox
from ..values import field_checked

NAME_RE = re.compile(r"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")


@field_checked
@dataclass(slots=True)
class Image:
    """An image as far as networking cares: its command, EXPOSEd ports and userland tools."""

    name: str
    cmd: tuple[str, ...] = ("/bin/sh",)
    exposed: tuple[str, ...] = ()          # "80/tcp"
    tools: str = "busybox"                 # "busybox" | "iproute2"
    id: str = ""
    # what `docker ps --size` calls the image's virtual size: the recording machines' images are all
    # a busybox root of this size
    virtual_size: str = "1.98MB"


@dataclass(slots=True)
class EndpointSettings:
    """One entry of NetworkSettings.Networks: what the user asked for, and what it got."""

    network_id: str = ""
    ipv4: str = ""                          # IPAMConfig.IPv4Address (--ip)
    ipv6: str = ""                          # IPAMConfig.IPv6Address (--ip6)
    aliases: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    mac: str = ""                           # requested MAC (--mac-address)
    driver_opts: Optional[dict[str, str]] = None
    gw_priority: int = 0
    has_ipam_config: bool = False           # IPAMConfig shown as {} (connect) rather than null (run)
    aliases_null: bool = True               # run without --network-alias shows "Aliases": null
    endpoint: Optional[Endpoint] = None     # operational data while running
    joined: bool = False                    # an endpoint was made once: inspect shows NetworkID from then on
    dns_names: Optional[list[str]] = None   # 28's DNSNames, kept after the container stops


@dataclass(slots=True, eq=False)
class Container:
    id: str
    name: str                               # without the leading "/"
    image: Image
    image_ref: str                          # the image as typed ("busybox", "centos:latest")
    cmd: list[str]
    created_ns: int
    network_mode: str                       # as stored: "default"/"bridge"/"host"/"none"/"container:<id>"/net
    networks: dict[str, EndpointSettings] = field(default_factory=dict)
    port_bindings: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    publish_all: bool = False
    exposed: list[str] = field(default_factory=list)      # Config.ExposedPorts keys
    hostname: str = ""
    domainname: str = ""
    user_hostname: bool = False
    dns: list[str] = field(default_factory=list)
    dns_search: list[str] = field(default_factory=list)
    dns_options: list[str] = field(default_factory=list)
    extra_hosts: Optional[list[str]] = None
    links: Optional[list[str]] = None       # "/child:/parent/alias" as the daemon stores them
    mac_address: str = ""
    tty: bool = False
    open_stdin: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    env: Optional[list[str]] = None
    # state
    status: str = "created"                 # created | running | exited | restarting | removing
    pid: int = 0
    exit_code: int = 0
    started_ns: int = 0
    finished_ns: int = 0
    restart_count: int = 0
    sandbox: Optional[Sandbox] = None
    stale_sandbox_id: str = ""               # 20.10 keeps SandboxID/Key after stop
    stale_sandbox_key: str = ""
    ports_published: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # NetworkSettings.Ports
    donor: Optional["Container"] = None     # container: mode, while running
    shared_ns: Any = None                   # container: mode: the namespace joined at start (kept if the donor stops)
    hosts_extra: list[tuple[str, str]] = field(default_factory=list)  # entries added by connect
    entrypoint: Optional[list[str]] = None  # --entrypoint: the program the command is given to

    @property
    def argv(self) -> list[str]:
        """What runs as PID 1: the entrypoint (if any) followed by the command."""
        return list(self.entrypoint or []) + list(self.cmd)
    # the resolv.conf written for the run started at resolv_run_ns points at 127.0.0.11 (None: not
    # decided yet); kept up to date by etcfiles.note_networks (written on start and on joining a user
    # network, never on disconnect)
    resolv_embedded: Optional[bool] = None
    resolv_run_ns: int = -1

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def running(self) -> bool:
        return self.status == "running"

    @property
    def mode_kind(self) -> str:
        m = self.network_mode
        if m in ("host",):
            return "host"
        if m == "none":
            return "none"
        if m.startswith("container:"):
            return "container"
        if m in ("default", "bridge", ""):
            return "bridge"
        return "user"


def is_valid_name(name: str) -> bool:
    # fullmatch: Go's $ ends the text, Python's match would let a trailing newline through
    # (recorded: tests/golden/api r121_names_api, "c\n" refused by 20.10, 26 and 28)
    return bool(NAME_RE.fullmatch(name)) and len(name.lstrip("/")) >= 2 or bool(re.fullmatch(r"/?[a-zA-Z0-9]", name))


def parse_port_proto(spec: str) -> tuple[int, str]:
    """``80/udp`` -> (80, "udp"); a port that is not a number (an Engine API caller's ExposedPorts
    key such as ``1-2/tcp;x``, which Docker keeps as given) sorts as 0."""
    p, _, proto = spec.partition("/")
    return (int(p) if p.isascii() and p.isdigit() else 0), (proto or "tcp")


def port_key(port: int, proto: str) -> str:
    return f"{port}/{proto}"


def sort_port_keys(keys: list[str]) -> list[str]:
    def k(s: str) -> tuple[int, str]:
        p, proto = parse_port_proto(s)
        return p, proto
    return sorted(keys, key=k)


Json = dict[str, Any]
