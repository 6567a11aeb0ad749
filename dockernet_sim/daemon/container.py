"""Containers as the daemon keeps them: configuration, state, and per-network settings.

Mirrors the parts of moby's ``container.Container`` that networking reads and ``docker
inspect`` shows: the network mode, ``NetworkSettings.Networks`` (the configuration a user gave
per network, plus the operational data filled while the container runs), port bindings, DNS
and hosts options, and the run state.

What the daemon never changes in place is a tuple (the command, exposed ports, DNS options, an
endpoint's aliases and DNS names): a host holds one container and one settings entry per network
per container, and tuples of strings are objects Python's cyclic collector stops scanning. A
table most containers leave empty (labels, sysctls, port bindings, published ports) is the one
shared ``records.EMPTY_DICT`` until it is written: a writer gives the container a dict of its own.
"""

from __future__ import annotations

from typing import Any, Optional

from ..records import Record, EMPTY_DICT, field
from ..errors import InvalidParameter, NotFound
from ..journal import Journal
from ..libnetwork.model import Endpoint, Sandbox
from ..values import field_checked
from .health import Health, HealthConfig
from .layer import Layer
from .specs import MountSpec, Ulimit

NAME_RE = r"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$"       # the daemon's validContainerNamePattern
_NAME_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NAME_REST = _NAME_FIRST | frozenset("_.-")

# what 20.10, 26 and 28 alike say about a paused container (r180); the texts that differ are the
# profiles' (rm_paused, pause_not_running)
START_PAUSED = "cannot start a paused container, try unpause instead"
PAUSE_PAUSED = "Container {id} is already paused"
UNPAUSE_NOT_PAUSED = "Container {id} is not paused"
EXEC_PAUSED = "Container {term} is paused, unpause the container before exec"   # the container as typed
# a restart whose start failed, on every engine (r55, r190): the container as typed, the start's error
RESTART_FAILED = "Cannot restart container {term}: {error}"
# runc's reason for refusing a task whose program is not in the image, the same under every
# engine (r190): a bare name is looked up in $PATH, a path is stat'ed; the profile's
# messages.start_not_found puts containerd's and the daemon's words around it
RUNC_NOT_IN_PATH = 'exec: "{prog}": executable file not found in $PATH'
RUNC_NO_SUCH_FILE = 'exec: "{prog}": stat {prog}: no such file or directory'


@field_checked
class Image(Record, slots=True):
    """An image as far as networking cares: its command, EXPOSEd ports and userland tools."""

    name: str
    cmd: tuple[str, ...] = ("/bin/sh",)
    exposed: tuple[str, ...] = ()          # "80/tcp"
    tools: str = "busybox"                 # "busybox" | "iproute2"
    id: str = ""
    listens: tuple[str, ...] = ()          # "80/tcp": what the image's own command serves
    # what `docker ps --size` calls the image's virtual size: the recording machines' images are all
    # a busybox root of this size
    virtual_size: str = "1.98MB"
    healthcheck: Optional[HealthConfig] = None     # the image's HEALTHCHECK (``#! image … HEALTHCHECK``)


class Mount(Record, frozen=True, slots=True):
    """One entry of a container's ``Mounts`` in inspect (moby's MountPoint): a volume (by name),
    a bind (a host path) or a tmpfs."""

    type: str
    name: str
    source: str
    destination: str
    mode: str
    rw: bool
    propagation: str


class EndpointSettings(Record, slots=True):
    """One entry of NetworkSettings.Networks: what the user asked for, and what it got."""

    network_id: str = ""
    ipv4: str = ""                          # IPAMConfig.IPv4Address (--ip)
    ipv6: str = ""                          # IPAMConfig.IPv6Address (--ip6)
    aliases: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    mac: str = ""                           # requested MAC (--mac-address)
    driver_opts: Optional[dict[str, str]] = None
    gw_priority: int = 0
    has_ipam_config: bool = False           # IPAMConfig shown as {} (connect) rather than null (run)
    aliases_null: bool = True               # run without --network-alias shows "Aliases": null
    endpoint: Optional[Endpoint] = None     # operational data while running
    joined: bool = False                    # an endpoint was made once: inspect shows NetworkID from then on
    dns_names: Optional[tuple[str, ...]] = None   # 28's DNSNames, kept after the container stops
    link_local_ips: tuple[str, ...] = ()    # IPAMConfig.LinkLocalIPs, kept, not given to the interface (c59)


class Container(Record, slots=True, eq=False):
    id: str
    name: str                               # without the leading "/"
    image: Image
    image_ref: str                          # the image as typed ("busybox", "centos:latest")
    cmd: tuple[str, ...]
    created_ns: int
    network_mode: str                       # as stored: "default"/"bridge"/"host"/"none"/"container:<id>"/net
    networks: dict[str, EndpointSettings] = field(default_factory=dict)
    port_bindings: dict[str, list[dict[str, str]]] = EMPTY_DICT
    publish_all: bool = False
    exposed: tuple[str, ...] = ()      # Config.ExposedPorts keys
    hostname: str = ""
    domainname: str = ""
    user_hostname: bool = False
    dns: Optional[tuple[str, ...]] = ()     # as the client sent them: None for null
    dns_search: Optional[tuple[str, ...]] = ()
    dns_options: Optional[tuple[str, ...]] = ()    # compose sends null (c55)
    extra_hosts: Optional[tuple[str, ...]] = None
    links: Optional[list[str]] = None       # "/child:/parent/alias" as the daemon stores them
    mac_address: str = ""
    tty: bool = False
    open_stdin: bool = False
    labels: dict[str, str] = EMPTY_DICT
    env: Optional[list[str]] = None
    user: str = ""                          # Config.User: USER[:GROUP], runc's to look up at start
    # HostConfig's restart policy, AutoRemove (--rm) and the resources `docker update` changes (r220)
    restart_name: str = "no"
    restart_max_retries: int = 0
    # HostConfig.AutoRemove (--rm): the daemon removes the container once its task ends — it
    # exits, is stopped or killed, or its start fails — but not across a restart (moby
    # daemon/monitor.go autoRemove, daemon/start.go)
    auto_remove: bool = False
    nano_cpus: int = 0
    memory: int = 0
    memory_swap: int = 0
    # what the container mounts (daemon.volumes), and how it was asked for: HostConfig.Binds
    # (None: not sent), HostConfig.Mounts and Config.Volumes (r222)
    mounts: tuple[Mount, ...] = ()
    binds: Optional[tuple[str, ...]] = None
    host_mounts: tuple[MountSpec, ...] = ()
    config_volumes: tuple[str, ...] = ()
    working_dir: str = ""                   # Config.WorkingDir (-w): PID 1's working directory ("": /)
    sysctls: dict[str, str] = EMPTY_DICT   # HostConfig.Sysctls: runc writes them at start
    # Config.Healthcheck as created (the image's merged in) and State.Health once a start made one:
    # values replaced whole, never changed in place (daemon/health.py)
    healthcheck: Optional[HealthConfig] = None
    health: Optional[Health] = None
    # kept as sent and shown by inspect, not acted on (c55): capabilities, privileged, a read-only
    # root, docker-init, the stop signal and timeout
    cap_add: Optional[tuple[str, ...]] = None
    cap_drop: Optional[tuple[str, ...]] = None
    privileged: bool = False
    readonly_rootfs: bool = False
    init: Optional[bool] = None
    stop_signal: str = ""
    stop_timeout: Optional[int] = None
    ipc_mode: str = ""                      # HostConfig.IpcMode, PidMode, Tmpfs, Ulimits, LogConfig as sent (c59)
    pid_mode: str = ""
    tmpfs: dict[str, str] = EMPTY_DICT
    ulimits: Optional[tuple[Ulimit, ...]] = ()     # None: sent as null
    log_driver: str = ""
    log_options: dict[str, str] = EMPTY_DICT
    # state
    status: str = "created"                 # created | running | exited | restarting | removing
    # moby's State.Paused: the cgroup freezer holds every process; the container is still running
    # (its namespace, addresses and ports stay), and its state reads "paused" (r180)
    paused: bool = False
    pid: int = 0
    exit_code: int = 0
    started_ns: int = 0
    finished_ns: int = 0
    restart_count: int = 0
    # moby's State.Error: why the last start failed (runc refused the task: r190); a start clears it
    error: str = ""
    sandbox: Optional[Sandbox] = None
    stale_sandbox_id: str = ""               # 20.10 keeps SandboxID/Key after stop
    stale_sandbox_key: str = ""
    ports_published: dict[str, list[dict[str, str]]] = EMPTY_DICT  # NetworkSettings.Ports
    # the ports ``docker ps`` lists for a container that is not running: those its task had bound
    # when runc refused it, on engines whose list view keeps them (Profile.failed_task_lists_ports)
    listed_ports: dict[str, list[dict[str, str]]] = EMPTY_DICT
    donor: Optional["Container"] = None     # container: mode, while running
    shared_ns: Any = None                   # container: mode: the namespace joined at start (kept if the donor stops)
    entrypoint: Optional[list[str]] = None  # --entrypoint: the program the command is given to
    # processes `docker exec` started that keep running beside PID 1 (a server put in the
    # background: `exec -d C httpd -f -p 80`, `exec C httpd -p 82`), until the container stops
    servers: tuple[tuple[str, ...], ...] = ()
    # what PID 1 wrote, as dockerd's json-file log keeps it: one (stream, line) entry a line, stream
    # "stdout" or "stderr", each line with its newline; every run appends (`docker logs`, r160)
    log: tuple[tuple[str, str], ...] = ()
    # a line PID 1 has begun and not ended, per stream: json-file logs it once it ends or its stream
    # closes (r191: an interactive shell's prompt shows in the log only once the container stops)
    log_partial: tuple[tuple[str, str], ...] = ()
    # what its processes wrote into its root file system (daemon.layer); None until the first write
    layer: Optional[Layer] = None

    @property
    def argv(self) -> list[str]:
        """What runs as PID 1: the entrypoint (if any) followed by the command."""
        return list(self.entrypoint or []) + list(self.cmd)

    @property
    def list_command(self) -> str:
        """The Command of the daemon's container list (GET /containers/json): the program, then
        its arguments, an argument with a space in single quotes (moby daemon/container/view.go;
        r95: ``sh -c 'sleep 1000'``)."""
        path, *args = self.argv or [""]
        return " ".join([path] + [f"'{a}'" if " " in a else a for a in args])
    # the resolv.conf written for the run started at resolv_run_ns points at 127.0.0.11 (None: not
    # decided yet); kept up to date by note_networks (written on start and on joining a user
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
    def state(self) -> str:
        """moby's State.StateString(): what inspect's State.Status, ``ps``'s State and the
        ``status`` filter read ("paused" for a running container the freezer holds)."""
        return "paused" if self.paused and self.running else self.status

    def _repr_html_(self) -> str:
        """A notebook's view: state, mode, and the interfaces of the namespace it sees."""
        from .. import notebook as nb      # a notebook's: not loaded by a terminal (issue 15)
        ns = self.shared_ns if self.mode_kind == "container" else (
            self.sandbox.ns if self.sandbox is not None else None)
        colour = "#059669" if self.running else nb.MUTED
        mode = (self.network_mode if self.mode_kind != "container" or self.donor is None
                else f"container:{self.donor.name}")
        head = (f"<div style='font-size:13px'><b>{nb.esc(self.name)}</b> {nb.code(self.short_id)} "
                f"{nb.badge(self.state, colour)} {nb.badge(mode, nb.PALETTE[0])} "
                f"<span style='color:{nb.MUTED}'>{nb.esc(self.image_ref)}</span></div>")
        if ns is None:
            body = f"<div style='color:{nb.MUTED};font-size:12px'>no network namespace</div>"
        else:
            rows = []
            for l in ns.sorted_links():
                peer = ""
                if l.peer is not None and l.peer.netns is not None:
                    peer = f"{l.peer.name} in {l.peer.netns.name}"
                    if l.peer.master is not None:
                        peer += f" (port of {l.peer.master.name})"
                addrs = "<br>".join(nb.code(a) for a in nb.address_texts((a.ip, a.prefixlen) for a in l.addresses))
                rows.append([nb.code(f"{l.index}: {l.name}"), nb.esc(l.kind), addrs or "—", nb.code(l.mac),
                             nb.esc(peer or "—")])
            where = "the host's namespace" if ns.name == "host" else f"netns {ns.name}"
            body = (f"<div style='font-size:12px;color:{nb.MUTED}'>{nb.esc(where)}</div>"
                    + nb.table(["interface", "kind", "addresses", "MAC", "veth peer"], rows))
        ports = [full for _, full in nb.port_texts(self.name, self.ports_published or {})]
        if ports:
            body += "<div style='font-size:12px'>published: " + ", ".join(nb.code(p) for p in ports) + "</div>"
        return f"<div class='dn-container'>{head}{body}</div>"

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


class ContainerStore:
    """The daemon's containers by ID and the names it has given out (moby's container store and
    name registrar), with Docker's lookup by ID, name or unique ID prefix."""

    def __init__(self) -> None:
        self.containers: dict[str, Container] = {}
        self.names: dict[str, str] = {}
        # the running containers whose health the daemon probes (by ID): what time passing looks
        # at, so that a host without health checks pays nothing for them
        self.monitored: dict[str, Container] = {}

    def find(self, term: str) -> Container:
        """Docker's lookup: full ID, name (with or without '/'), then unique ID prefix."""
        c = self.containers.get(term)
        if c is not None:
            return c
        name = term[1:] if term.startswith("/") else term
        cid = self.names.get(name)
        if cid is not None:
            return self.containers[cid]
        if term:
            matches = [c for c in self.containers.values() if c.id.startswith(term)]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise InvalidParameter(f"multiple IDs found with provided prefix: {term}")
        raise NotFound(f"No such container: {term}")


class PidCounter:
    """The PIDs the host's kernel hands to containers' first processes: increasing, with gaps."""

    def __init__(self, first: int, journal: Optional[Journal] = None) -> None:
        self.last = first
        self._journal = journal   # records each step's undo before the step

    def next(self, gap: int) -> int:
        if self._journal is not None:
            old = self.last
            self._journal.record(lambda: setattr(self, "last", old))
        self.last += 1 + gap
        return self.last


def on_user_network(c: Container) -> bool:
    """Whether the container is attached to a user-defined network right now."""
    return any(n not in ("bridge", "host", "none") for n in c.networks)


def note_networks(journal: Journal, c: Container) -> None:
    """Bring the container's resolv.conf choice up to date (see ``etcfiles.uses_embedded_dns``); safe to
    call after every start, connect and disconnect."""
    if not c.running:
        return
    old = (c.resolv_run_ns, c.resolv_embedded)
    journal.record(lambda: (setattr(c, "resolv_run_ns", old[0]), setattr(c, "resolv_embedded", old[1])))
    on_user = on_user_network(c)
    if c.resolv_run_ns != c.started_ns:
        c.resolv_run_ns = c.started_ns
        c.resolv_embedded = on_user
    elif on_user:
        c.resolv_embedded = True


def is_valid_name(name: str) -> bool:
    # fullmatch: Go's $ ends the text, Python's match would let a trailing newline through
    # (recorded: tests/golden/api r121_names_api, "c\n" refused by 20.10, 26 and 28)
    # (two characters at least: "a" and "/b" are refused by 20.10, 26 and 28, r151_container_names)
    # Read by hand, as NAME_RE reads it in full (no regex to compile at start-up: issue 15)
    bare = name[1:] if name[:1] == "/" else name
    return len(bare) >= 2 and bare[0] in _NAME_FIRST and _NAME_REST.issuperset(bare[1:])


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
