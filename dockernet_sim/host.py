"""DockerHost: the public face of the model — the Engine API plus a terminal.

A DockerHost holds a :class:`~dockernet_sim.daemon.daemon.Daemon` (the engine, made of its
parts and services) and a call log attached to it (``calllog.CallLog``, so that the host can be
saved); its methods hand each call to the daemon, and add what a user at a notebook wants on
top: a terminal (``sh``), what-if questions, drawing, saving, exporting.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28", seed=0)
>>> h.sh("docker network ls").stdout.splitlines()[0]
'NETWORK ID     NAME      DRIVER    SCOPE'
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence, Union

from .records import Record
from .result import Result
from .daemon.config import DaemonConfig, HostSpec
from .daemon.container import Container, Image
from .daemon.daemon import Daemon
from .daemon.images import ImageRow
from .daemon.specs import ContainerSpec, EndpointSpec
from .engines import DEFAULT_NAME, Profile
from .ids import Randomness
from .journal import Journal
from .kernel import Kernel, Namespace
from .libnetwork.controller import Controller
from .libnetwork.drivers.bridge import Firewall
from .libnetwork.ipam import Ipam
from .libnetwork.model import Network
from .libnetwork.portallocator import PortAllocator
from .addr import IP, Prefix
from .calllog import CallLog, call_log, decode
from .userland.programs import host_ip_program
from .values import check_value
if TYPE_CHECKING:
    from .daemon.system import DiskUsage, SystemInfo


class ForkPoint(Record, frozen=True, slots=True, eq=False):
    """A moment a host was forked: both hosts had made ``calls`` logged API calls, the same ones.
    ``before`` is the previous fork point of the same lineage (a fork of a fork), so two hosts
    find the last moment they were one by identity."""

    calls: int
    before: Optional["ForkPoint"] = None

    def chain(self) -> list[ForkPoint]:
        out, p = [], self
        while p is not None:
            out.append(p)
            p = p.before
        return out


class LoggedCall(Record, frozen=True, slots=True):
    """One Engine API call as the host logged it (for save/load): its arguments as given (a
    container or network by the name or ID typed), and the daemon's error if it failed."""

    op: str
    args: tuple[Any, ...]
    kwargs: Mapping[str, Any]
    error: Optional[str] = None


class SinceFork(Record, frozen=True, slots=True):
    """What two hosts did since the last moment they were one (:meth:`DockerHost.since_fork`):
    ``mine`` are the calls made on the host asked, ``theirs`` those made on the other. Everything
    neither list names is as it was at the fork on both sides: a diff can start from these."""

    mine: tuple[LoggedCall, ...]
    theirs: tuple[LoggedCall, ...]


def _logged(entries: Sequence[str]) -> tuple[LoggedCall, ...]:
    out = []
    for text in entries:
        entry = json.loads(text)
        err = entry.get("error")
        out.append(LoggedCall(entry["op"], tuple(decode(entry["args"])),
                              {k: decode(v) for k, v in entry["kwargs"].items()},
                              err["message"] if err is not None else None))
    return tuple(out)


PROTOCOLS = ("icmp", "tcp", "udp", "sctp")      # what docker publishes, and ping's


def _check_port_proto(fn: str, port: Optional[int], proto: str) -> None:
    """A what-if question's port and protocol, as a packet can carry them."""
    check_value(f"{fn}() argument port", port, Optional[int])
    if port is not None and not 0 < port < 65536:
        raise ValueError(f"{fn}() argument port must be between 1 and 65535, not {port}")
    check_value(f"{fn}() argument proto", proto, str)
    if proto not in PROTOCOLS:
        raise ValueError(f"{fn}() argument proto must be one of {', '.join(PROTOCOLS)}, not {proto!r}")


class DockerHost:
    """One simulated Docker host. ``engine`` names a profile of ``dockernet_sim.engines`` (``"28"``,
    the default, ``"20.10"`` or ``"26"``) or is a ``Profile``; ``seed`` (an int; ``None`` is a
    TypeError, never "random") fixes every random choice (IDs, MACs, veth names), so the same calls
    give the same output."""

    def __init__(self, engine: "str | Profile" = DEFAULT_NAME, seed: int = 0, *, host: Optional[HostSpec] = None,
                 config: Optional[DaemonConfig] = None, images: Sequence[Image] = ()) -> None:
        self.daemon = Daemon(engine, seed, host=host, config=config, images=images)
        self.daemon.host_ip_program = host_ip_program
        # every API call from now on is logged, for save/load
        self.daemon.recorder = CallLog(self.daemon)
        self.fork_point: Optional[ForkPoint] = None     # the last time this host was forked

    # -- the daemon's parts, for reading ----------------------------------------------------------
    @property
    def profile(self) -> Profile:
        return self.daemon.profile

    @property
    def seed(self) -> int:
        return self.daemon.seed

    @property
    def rand(self) -> Randomness:
        return self.daemon.rand

    @property
    def journal(self) -> Journal:
        return self.daemon.journal

    @property
    def host(self) -> HostSpec:
        """The machine the engine runs on (hostname, eth0, nameservers)."""
        return self.daemon.host

    @property
    def config(self) -> DaemonConfig:
        return self.daemon.config

    @property
    def engine_id(self) -> str:
        return self.daemon.engine_id

    @property
    def images(self) -> dict[str, Image]:
        return self.daemon.images

    @property
    def containers(self) -> dict[str, Container]:
        return self.daemon.containers

    @property
    def names(self) -> dict[str, str]:
        return self.daemon.names

    @property
    def kernel(self) -> Kernel:
        return self.daemon.kernel

    @property
    def ctl(self) -> Controller:
        return self.daemon.ctl

    @property
    def ipam(self) -> Ipam:
        return self.daemon.ipam

    @property
    def firewall(self) -> Firewall:
        return self.daemon.firewall

    @property
    def ports(self) -> PortAllocator:
        return self.daemon.ports

    # -- the Engine API (each call is atomic, and logged for save/load) ---------------------------
    def network_create(self, name: str, *, driver: str = "bridge", options: Optional[dict[str, str]] = None,
                       ipam_config: Sequence[dict[str, Union[str, dict[str, str]]]] = (), ipam_driver: str = "default",
                       ipam_options: Optional[dict[str, str]] = None, internal: bool = False,
                       attachable: bool = False, labels: Optional[dict[str, str]] = None,
                       enable_ipv6: Optional[bool] = None, enable_ipv4: Optional[bool] = None,
                       check_duplicate: bool = True, scope: str = "",
                       config_only: bool = False, config_from: str = "", ingress: bool = False) -> str:
        """Create a network (POST /networks/create) and return its ID.

        >>> h = DockerHost(engine="28")
        >>> nid = h.network_create("nasanet", ipam_config=[{"Subnet": "172.18.0.0/16", "Gateway": "172.18.0.1"}])
        >>> h.network_inspect("nasanet")["IPAM"]["Config"]
        [{'Subnet': '172.18.0.0/16', 'Gateway': '172.18.0.1'}]
        """
        return self.daemon.network_create(
            name, driver=driver, options=options, ipam_config=ipam_config, ipam_driver=ipam_driver,
            ipam_options=ipam_options, internal=internal, attachable=attachable, labels=labels,
            enable_ipv6=enable_ipv6, enable_ipv4=enable_ipv4, check_duplicate=check_duplicate, scope=scope, config_only=config_only,
            config_from=config_from, ingress=ingress)

    def network_remove(self, term: str) -> None:
        """Remove a network (DELETE /networks/{id})."""
        self.daemon.network_remove(term)

    def networks_prune(self, filters: Sequence[str] = ()) -> list[str]:
        """Remove every unused user network; their names. ``filters``: ``label=…``, ``until=…``."""
        return self.daemon.networks_prune(filters)

    def network_connect(self, net_term: str, ctr_term: str, spec: Optional[EndpointSpec] = None) -> None:
        """Connect a container to a network (POST /networks/{id}/connect)."""
        self.daemon.network_connect(net_term, ctr_term, spec)

    def network_disconnect(self, net_term: str, ctr_term: str, force: bool = False) -> None:
        """Disconnect a container from a network (POST /networks/{id}/disconnect)."""
        self.daemon.network_disconnect(net_term, ctr_term, force)

    def container_create(self, spec: ContainerSpec) -> tuple[str, list[str]]:
        """Create a container (POST /containers/create); returns (ID, warnings)."""
        return self.daemon.container_create(spec)

    def container_start(self, term: str) -> None:
        """Start a container (POST /containers/{id}/start)."""
        self.daemon.container_start(term)

    def container_task_failed(self, term: str, error: str, exit_code: int = 127) -> None:
        """A start runc refused (the program is not in the image): the container keeps its state,
        with ``error`` as State.Error and ``exit_code`` as State.ExitCode."""
        self.daemon.container_task_failed(term, error, exit_code)

    def container_stop(self, term: str) -> None:
        """Stop a container (POST /containers/{id}/stop)."""
        self.daemon.container_stop(term)

    def container_exited(self, term: str, exit_code: int = 0) -> None:
        """The container's main process ended by itself (its network is released as on a stop)."""
        self.daemon.container_exited(term, exit_code)

    def container_output(self, term: str, stdout: str = "", stderr: str = "") -> None:
        """What the container's main process wrote, kept for ``docker logs``."""
        self.daemon.container_output(term, stdout, stderr)

    def container_health_probe(self, term: str, exit_code: int, output: str) -> None:
        """The health monitor's due probe of a container ended with ``exit_code`` and ``output``:
        State.Health takes it (``h.sh("sleep 5")`` runs the due probes in the containers)."""
        self.daemon.container_health_probe(term, exit_code, output)

    def time_passes(self, ns: int) -> None:
        """The host's clock moves ``ns`` nanoseconds on, no probe run (``sleep`` runs them)."""
        self.daemon.time_passes(ns)

    def health_due(self, until_ns: int) -> Optional[Container]:
        """The running container whose health probe falls due first, by ``until_ns``."""
        return self.daemon.health_due(until_ns)

    def container_logs(self, term: str, tail: str = "all", since_ns: Optional[int] = None,
                       until_ns: Optional[int] = None, timestamps: bool = False,
                       details: bool = False) -> tuple[tuple[str, str], ...]:
        """The log of a container: ("stdout"|"stderr", line) entries, oldest first; the query's
        ``tail``, time bounds and prefixes as ``docker logs`` asks them."""
        return self.daemon.container_logs(term, tail, since_ns, until_ns, timestamps, details)

    def container_changes(self, term: str) -> tuple[tuple[str, str], ...]:
        """``docker diff``: (``A``/``C``/``D``, path) for each change of the container's files."""
        return self.daemon.container_changes(term)

    def container_top(self, term: str, ps_args: str = "") -> tuple[list[str], list[list[str]]]:
        """``docker top``: (Titles, Processes) as the host's ps lists the container's processes."""
        return self.daemon.container_top(term, ps_args)

    def exec_server(self, term: str, argv: list[str]) -> None:
        """A process ``docker exec`` started keeps running in the container (a server in the
        background listens) until the container stops."""
        self.daemon.exec_server(term, argv)

    def container_layer_put(self, term: str, path: str, kind: str, mode: int = 0, mtime: int = 0, target: str = "",
                            text: str = "", copied_up: bool = False) -> None:
        """Write ``path`` into the container's writable layer (``f`` file, ``d`` directory, ``l``
        link, ``w`` whiteout): what its processes' writes and ``docker cp`` do."""
        self.daemon.container_layer_put(term, path, kind, mode, mtime, target, text, copied_up)

    def container_layer_drop(self, term: str, path: str) -> None:
        """Take ``path``, which only the container's layer had, out of it (a file deleted)."""
        self.daemon.container_layer_drop(term, path)

    def container_kill(self, term: str, signal: str = "KILL") -> None:
        """Send a signal (POST /containers/{id}/kill)."""
        self.daemon.container_kill(term, signal)

    def container_pause(self, term: str) -> None:
        """Pause a container (POST /containers/{id}/pause): it stays running, frozen."""
        self.daemon.container_pause(term)

    def container_unpause(self, term: str) -> None:
        """Unpause a container (POST /containers/{id}/unpause)."""
        self.daemon.container_unpause(term)

    def container_restart(self, term: str) -> None:
        """Restart a container: a stop, then a start."""
        self.daemon.container_restart(term)

    def container_remove(self, term: str, force: bool = False, volumes: bool = False) -> None:
        """Remove a container (DELETE /containers/{id}); ``volumes``: its anonymous volumes too."""
        self.daemon.container_remove(term, force, volumes)

    def volume_create(self, name: str = "", labels: Optional[dict[str, str]] = None,
                      options: Optional[dict[str, str]] = None) -> str:
        """Create a volume (POST /volumes/create); returns its name."""
        return self.daemon.volume_create(name, labels, options)

    def volume_remove(self, name: str, force: bool = False) -> None:
        """Remove a volume (DELETE /volumes/{name})."""
        self.daemon.volume_remove(name, force)

    def volumes_prune(self, all: bool = False) -> list[str]:
        """Remove unused volumes (POST /volumes/prune); returns their names."""
        return self.daemon.volumes_prune(all)

    def volume_list(self, filters: Sequence[str] = ()) -> list[Any]:
        """The volumes (GET /volumes), with ``KEY=VALUE`` filters."""
        return self.daemon.volume_list(filters)

    def volume_inspect(self, name: str) -> dict[str, Any]:
        """GET /volumes/{name}."""
        return self.daemon.volume_inspect(name)

    def container_update(self, term: str, restart_name: str = "", restart_max_retries: int = 0,
                         nano_cpus: int = 0, memory: int = 0, memory_swap: int = 0) -> list[str]:
        """Update a container (POST /containers/{id}/update): restart policy, CPUs, memory."""
        return self.daemon.container_update(term, restart_name, restart_max_retries, nano_cpus, memory, memory_swap)

    def containers_prune(self, filters: Sequence[str] = ()) -> list[str]:
        """``docker container prune -f``: remove every container that is not running; their IDs."""
        return self.daemon.containers_prune(filters)

    def container_rename(self, term: str, new: str) -> None:
        """Rename a container (POST /containers/{id}/rename)."""
        self.daemon.container_rename(term, new)

    def container_attach(self, term: str) -> None:
        """A client attaches to the container's streams (logged as an ``attach`` event)."""
        self.daemon.container_attach(term)

    def exec_run(self, term: str, argv: list[str], exit_code: int, ended: bool = True) -> str:
        """A process run in the container by ``docker exec`` (its ``exec_create``, ``exec_start``
        and, once it ``ended``, ``exec_die`` events); the exec's ID."""
        return self.daemon.exec_run(term, argv, exit_code, ended)

    def events(self, since_ns: Optional[int] = None, until_ns: Optional[int] = None,
               filters: Sequence[str] = ()) -> list[Any]:
        """``GET /events`` over a window: the daemon's buffered events (the last 256), oldest first.

        >>> h = DockerHost()
        >>> _ = h.network_create("front")
        >>> [(m.type, m.action) for m in h.events(since_ns=0, filters=["type=network"])]
        [('network', 'create')]
        """
        return self.daemon.events(since_ns, until_ns, filters)

    def run(self, image: str = "busybox", name: str = "", **kw: Any) -> str:
        """``docker run -d``: create then start; returns the container ID.

        >>> h = DockerHost(engine="20.10")
        >>> cid = h.run("busybox", name="c1")
        >>> h.container_inspect("c1")["NetworkSettings"]["IPAddress"]
        '172.17.0.2'
        """
        return self.daemon.run(image, name, **kw)

    def add_image(self, image: Image) -> None:
        """Declare an image (its command, EXPOSEd ports and userland), as ``#! image`` does."""
        self.daemon.add_image(image)

    def image_list(self) -> list[ImageRow]:
        """The host's images, a row per reference (GET /images/json)."""
        return self.daemon.image_list()

    def image_inspect(self, ref: str) -> dict[str, Any]:
        """An image's document (GET /images/{name}/json)."""
        return self.daemon.image_inspect(ref)

    def image_tag(self, source: str, target: str) -> None:
        """Name an image by another reference too (POST /images/{name}/tag)."""
        self.daemon.image_tag(source, target)

    def image_remove(self, ref: str, force: bool = False) -> list[str]:
        """Remove a reference, and the image with its last one (DELETE /images/{name})."""
        return self.daemon.image_remove(ref, force)

    def images_prune(self, all: bool = False, filters: Sequence[str] = ()) -> list[str]:
        """Remove the images no container was made from (``all``; dangling ones otherwise: none
        here) and return the report's lines (POST /images/prune)."""
        return self.daemon.images_prune(all, filters)

    def system_info(self) -> "SystemInfo":
        """GET /info: counts of containers by state and of images, the daemon's pools, the machine."""
        return self.daemon.system_info()

    def system_df(self) -> "DiskUsage":
        """GET /system/df: images with their shared sizes and containers."""
        return self.daemon.system_df()

    def set_allocation_policy(self, policy: str) -> None:
        """``lowest`` (Docker, the default), ``round-robin`` (as swarm) or ``sticky`` (a container
        gets its previous address back when it is free)."""
        self.daemon.set_allocation_policy(policy)

    # -- reading ----------------------------------------------------------------------------------
    def network_inspect(self, term: str) -> dict[str, Any]:
        """The ``docker network inspect`` document of one network."""
        return self.daemon.network_inspect(term)

    def container_inspect(self, term: str) -> dict[str, Any]:
        """The ``docker inspect`` document of one container."""
        return self.daemon.container_inspect(term)

    def network_list(self) -> list[Network]:
        return self.daemon.network_list()

    def network_get(self, term: str) -> Network:
        return self.daemon.network_get(term)

    def container_list(self, all: bool = False) -> list[Container]:
        return self.daemon.container_list(all)

    def find_container(self, term: str) -> Container:
        """Docker's lookup: full ID, name (with or without '/'), then unique ID prefix."""
        return self.daemon.find_container(term)

    def container_netns(self, c: Container) -> Optional[Namespace]:
        """The namespace a container's processes see (its donor's in container: mode)."""
        return self.daemon.container_netns(c)

    def host_reserved(self) -> list[Prefix]:
        """What Docker's dynamic pool choice avoids: on-link host routes and the host's nameservers."""
        return self.daemon.host_reserved()

    def image(self, ref: str) -> Image:
        return self.daemon.image(ref)

    def state(self) -> dict[str, Any]:
        """A complete, comparable snapshot of the host (for tests; cost grows with the host)."""
        return self.daemon.state()

    # -- the terminal and the rest ------------------------------------------------------------------
    def sh(self, line: str) -> Result:
        """Run one command line as a user would type it; returns stdout, stderr and exit code."""
        check_value("sh() argument line", line, str)
        from .terminal import Session
        return Session(engine=self.profile, seed=self.seed, host=self.daemon).run_line(line)

    def host_ip(self, argv: list[str]) -> Result:
        """``ip ARGV`` run on the host (iproute2), as the terminal runs it: a scenario builds a
        macvlan parent or a shim this way, so the call is recorded and save/load replays it."""
        return self.daemon.host_ip(argv)

    def host_sysctl(self, key: str, text: str) -> str:
        """Write ``text`` to the host's sysctl ``key`` (``sysctl -w key=text`` on the host): ""
        or the kernel's refusal (``Invalid argument``); recorded, so save/load replays it.

        >>> h = DockerHost()
        >>> h.host_sysctl("net.ipv4.ip_forward", "0")
        ''
        >>> h.sh("sysctl net.ipv4.ip_forward").stdout
        'net.ipv4.ip_forward = 0\n'
        """
        return self.daemon.host_sysctl(key, text)

    def host_iptables_policy(self, table: str, chain: str, target: str, v6: bool = False) -> str:
        """``iptables [-t TABLE] -P CHAIN TARGET`` on the host: "" or iptables' complaint."""
        return self.daemon.host_iptables_policy(table, chain, target, v6)

    def fork(self) -> "DockerHost":
        """An independent copy for what-if work: changing one never changes the other.

        The daemon's mutable objects are copied, its values shared (``graphcopy.deep_copy``:
        strings, numbers, addresses, routes, rules, which nothing can change; a third of the
        time of the pickle round trip it replaced at 2,000 containers, ``bench/whatif_bench.py``),
        so the cost still grows with the host: sharing unchanged mutable parts needs the model's
        cross-references (a link's peer, master and namespace, an endpoint's network) to become
        handles. Both hosts remember the fork (:attr:`fork_point`); :meth:`since_fork` tells what
        each did since, which is all a diff between them needs to look at.
        """
        from .graphcopy import deep_copy    # only a fork needs it: not loaded at start-up (issue 15)
        twin = object.__new__(type(self))
        mine = {k: v for k, v in self.__dict__.items() if k != "fork_point"}
        twin.__dict__.update(deep_copy(mine))
        twin.fork_point = self.fork_point = ForkPoint(len(call_log(self).calls), self.fork_point)
        return twin

    def since_fork(self, other: "DockerHost") -> Optional[SinceFork]:
        """The API calls this host and ``other`` made since the last moment they were one (the
        latest fork point both descend from), or None if neither is a fork of the other or of a
        common ancestor. Only calls through the Engine API count: a change made by reaching into
        the model's objects is not seen (nor saved)."""
        mine = self.fork_point.chain() if self.fork_point is not None else []
        theirs = {id(p) for p in other.fork_point.chain()} if other.fork_point is not None else set()
        common = next((p for p in mine if id(p) in theirs), None)
        if common is None:
            return None
        return SinceFork(_logged(call_log(self).calls[common.calls:]),
                         _logged(call_log(other).calls[common.calls:]))

    def save(self, path: "str | os.PathLike[str]") -> None:
        """Save the host to a JSON file; ``DockerHost.load(path)`` gives it back, behaving identically."""
        from . import persist           # saving and loading: loaded by the first (issue 15)
        persist.save(self, path)

    @classmethod
    def load(cls, path: "str | os.PathLike[str]", *, replay: bool = False) -> "DockerHost":
        """A host saved with :meth:`save`, built from the file's snapshot of the model (or, with
        ``replay``, by replaying its calls and checking they make that snapshot); a damaged or
        foreign file raises ``persist.PersistError``."""
        from . import persist
        return persist.load(path, cls, replay=replay)

    def export_script(self, prefix: str = "dns", cleanup: bool = False) -> str:
        """A bash script that builds this topology on a real Linux machine, inside network
        namespaces named ``PREFIX-host``, ``PREFIX-<container>`` (never the machine's own network);
        with ``cleanup=True`` the script that removes them. See ``dockernet_sim.export``."""
        from . import export
        return export.export_script(self.daemon, prefix=prefix, cleanup=cleanup)

    # -- what-if: reachability, differences and addresses (dockernet_sim.query) -----------------
    def reach(self, src: Any, dst: Any, port: Optional[int] = None, proto: str = "icmp",
              by_name: bool = False) -> Any:
        """Can ``src`` reach ``dst``? A :class:`~dockernet_sim.query.Trace` (``.explain()``,
        ``.lesson``). ``by_name=True`` resolves ``dst`` first, as the container ``src`` would."""
        for param, value in (("src", src), ("dst", dst)):
            if not isinstance(value, (str, IP, Container)):
                raise TypeError(f"reach() argument {param} must be a container name, an IP address or a Container, "
                                f"not {type(value).__name__}")
        _check_port_proto("reach", port, proto)
        check_value("reach() argument by_name", by_name, bool)
        from .query import reach
        return reach(self.daemon, src, dst, port=port, proto=proto, by_name=by_name)

    def reachability(self, containers: Any = None, port: Optional[int] = None, proto: str = "icmp") -> Any:
        """Every running container against every other (``query.reachability``)."""
        check_value("reachability() argument containers", containers, Optional[Sequence[str]])
        _check_port_proto("reachability", port, proto)
        from .query import reachability
        return reachability(self.daemon, containers, port=port, proto=proto)

    def diff(self, other: "DockerHost") -> Any:
        """What changed from this host to ``other`` (say, a :meth:`fork` changed since): networks,
        addresses, iptables rules, and which container pairs gained or lost reachability. After a
        fork it looks only at what the calls since (:meth:`since_fork`) can have changed."""
        if not isinstance(other, DockerHost):
            raise TypeError(f"diff() argument other must be a DockerHost, not {type(other).__name__}")
        from .query.diff import diff
        return diff(self.daemon, other.daemon, since=self.since_fork(other))

    def next_subnet(self, v6: bool = False) -> Any:
        """The subnet the next ``docker network create`` (without ``--subnet``) would get."""
        from .query.whatif import next_subnet
        return next_subnet(self.daemon, v6=v6)

    def next_address(self, network: str, v6: bool = False, container: Optional[str] = None) -> Any:
        """The address the next container on ``network`` would get (None: the pool is full)."""
        check_value("next_address() argument network", network, str)
        check_value("next_address() argument container", container, Optional[str])
        from .query.whatif import next_address
        return next_address(self.daemon, network, v6=v6, container=container)

    def whois(self, address: Any) -> Any:
        """Who holds an address: container, gateway, aux, network-address, broadcast, or free."""
        check_value("whois() argument address", address, Union[str, IP])
        from .query.whatif import whois
        return whois(self.daemon, address)

    def usage(self, network: str) -> Any:
        """A network's used ranges, free count and utilisation."""
        check_value("usage() argument network", network, str)
        from .query.whatif import usage
        return usage(self.daemon, network)

    def serve(self, socket_path: str = "", tcp: str = "") -> Any:
        """Serve the Docker Engine API for this host, for real clients: a unix socket (mode 0600;
        by default in a fresh private directory) or a loopback ``tcp="127.0.0.1:PORT"``. Returns
        a running :class:`~dockernet_sim.api.Server`; use it as a context manager and set
        ``DOCKER_HOST`` to its ``docker_host``."""
        from .api import Server
        return Server(self, socket_path=socket_path, tcp=tcp)

    def compose(self, source: Any, project_name: str = "", profiles: "tuple[str, ...] | list[str]" = (),
                working_dir: str = "/tmp/dk-work/app") -> Any:
        """A compose project on this host (``docker compose`` for Python): ``source`` is a path to
        a compose file, the file's text, or the file as a dict. Returns a
        :class:`~dockernet_sim.client.compose.ComposeProject` with ``up()``, ``down()``, ``ps()``.

        >>> h = DockerHost()
        >>> app = h.compose("services:\\n  db:\\n    image: busybox\\n", project_name="shop")
        >>> app.up().exit_code, [c.name for c in app.containers()]
        (0, ['shop-db-1'])
        """
        import json as _json
        from .client.compose import ComposeProject
        from .compose.model import Files
        if isinstance(source, dict):
            text = _json.dumps(source)           # JSON is YAML: the same reader takes it
        elif isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source
                                                  and os.path.isfile(source)):
            with open(source, encoding="utf-8") as f:
                text = f.read()
            working_dir = os.path.dirname(os.path.abspath(source))
        elif isinstance(source, str):
            text = source
        else:
            raise TypeError(f"compose() source must be a path, a str or a dict, not {type(source).__name__}")
        from .terminal import Session
        files = Files(working_dir, {f"{working_dir}/compose.yaml": text})
        project = ComposeProject(self, files, "compose.yaml", project_name, tuple(profiles))
        session = Session(engine=self.profile, seed=self.seed, host=self)
        project.cli.execute, project.cli.runner = session.docker_exec, session._attached_run
        return project

    def draw(self, scale: float = 1.0, font_size: Optional[float] = None, trace: Any = None) -> Any:
        """An SVG drawing of the namespaces, bridges and veth pairs (shown as an image in a notebook;
        ``.save(path)``): ``scale``/``font_size`` for the back of a room, ``trace=h.reach(…)`` to
        highlight a packet's path."""
        check_value("draw() argument scale", scale, float)
        check_value("draw() argument font_size", font_size, Optional[float])
        from .query import Trace
        if trace is not None and not isinstance(trace, Trace):
            raise TypeError(f"draw() argument trace must be a Trace (h.reach(...)), not {type(trace).__name__}")
        from . import display
        return display.draw(self.daemon, scale=scale, font_size=font_size, trace=trace)

    def _repr_html_(self) -> str:
        from . import display
        return display.host_html(self.daemon)

    def __repr__(self) -> str:
        return (f"<DockerHost engine={self.profile.name} networks={len(self.ctl.networks)} "
                f"containers={len(self.containers)}>")
