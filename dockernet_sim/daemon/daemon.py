"""The daemon: one Docker host's Engine API over the libnetwork and kernel models.

``Daemon(engine="28", seed=0)`` boots like dockerd on a fresh data root: the host namespace
with ``lo`` and ``eth0``, the firewall's base chains, the predefined ``bridge`` (``docker0``),
``host`` and ``none`` networks. Every public method is one Engine API call and is atomic.

The daemon is made of parts, as dockerd is: the kernel model, libnetwork's controller (with its
IPAM, firewall and port allocator), the container store, and the services that answer the API —
:class:`NetworkService`, :class:`ContainerService`, :class:`ConnectService`, :class:`PortService`,
:class:`LinkService` — each built with explicit references to the parts it uses. The Daemon's
own methods are the API: each is declared in the table of ``daemon.apicalls`` and hands the call to
its service.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence, Union

from ..records import replace
from ..addr import IP, Prefix, parse_ip, parse_prefix, prefix
from ..ids import Randomness, sha256
from ..journal import Journal, put_back
from ..kernel import Kernel, Namespace, Route
from ..libnetwork.addrset import Policy
from ..libnetwork.controller import Controller
from ..libnetwork.drivers.api import DriverContext
from ..libnetwork.drivers.bridge import OPT_DEFAULT, OPT_HOST_IP, OPT_ICC, OPT_MASQ, OPT_MTU, OPT_NAME, Firewall
from ..libnetwork.drivers.registry import ON_DEMAND, builtin_drivers
from ..libnetwork.ipam import Ipam
from ..libnetwork.model import IpamRequest, Network
from ..libnetwork.portallocator import PortAllocator
from ..engines import DEFAULT_NAME, Profile, get_profile
from ..errors import Conflict, DockerError, InvalidParameter, NotFound
from ..result import Result
from ..values import check_fields, check_seed, check_str, check_value, typed
from .apicalls import Recorder, api_call
from .config import BRIDGE_NONE, DaemonConfig, HostSpec
from .connect import ConnectService
from .events import Emitter, EventLog
from .container import Container, ContainerStore, Image, PidCounter
from .containers import ContainerService, ContainerSpec, EndpointSpec
from .images import ImageRow, familiar, image_document, image_key, split_reference
from .inspect import container_document, network_document
from .links import LinkService
from .networks import NetworkService
from .ports import PortService
from .volumes import VolumeStore, volume_document
from .startup import (controller_failure, default_bridge_failure, leaves_bridge_device, refused_when_down,
                      startup_failure)

DEFAULT_MTU = 1500     # what --mtu 0 (unset) means

DEFAULT_IMAGES = {
    "busybox": Image("busybox", ("sh",)),
    "web": Image("web", ("/bin/sh",), ("80/tcp", "443/tcp")),
}
# the recorder imports centos too (its busybox root, CMD /bin/sh) when a scenario declares no image
# of its own: `docker info` and `system df` count three images (r211)
UNDECLARED_EXTRA_IMAGES = (Image("centos", ("/bin/sh",)),)
# the images the recorder imports when a scenario declares none, in its order (their events: r272)
RECORDER_IMPORTS = ("busybox", "centos", "web")


# a program run on the host's namespace: its arguments, the namespace -> its output
HostProgram = Callable[[Sequence[str], Namespace], Result]


def _image_key(ref: str) -> str:
    return image_key(ref)


class Daemon:
    """A Docker Engine's networking, in memory."""

    def __init__(self, engine: "str | Profile" = DEFAULT_NAME, seed: int = 0, *, host: Optional[HostSpec] = None,
                 config: Optional[DaemonConfig] = None, images: Sequence[Image] = ()) -> None:
        # the constructor's arguments reach every output (and an export): their types are checked
        # first; seed=None is refused, not taken as "random" (a host must be reproducible)
        if not isinstance(engine, Profile):
            check_str("engine", engine)
        check_seed(seed)
        check_value("host", host, Optional[HostSpec])
        check_value("config", config, Optional[DaemonConfig])
        check_value("images", images, Sequence[Image])
        for spec in (host, config):
            if spec is not None:
                check_fields(spec, type(spec).__name__)
        # told about every API call (DockerHost attaches a calllog.CallLog, to save the host)
        self.recorder: Optional[Recorder] = None
        # the host's own `ip` (iproute2, a program of the userland above this layer): whoever builds
        # the daemon with a terminal (DockerHost, a Session) hands it in; see host_ip
        self.host_ip_program: Optional[HostProgram] = None
        self.profile: Profile = get_profile(engine)
        self.seed = seed
        self.rand = Randomness(seed)
        self.journal = Journal(checkpoints=(self.rand.checkpoint,))
        # the last 256 events (moby daemon/events): every part that acts logs through the emitter
        self.event_log = EventLog(self.journal)
        self.emitter = Emitter(self.event_log, self.rand.peek_ns, self.profile.events)
        self.host = host or HostSpec()
        self.config = config or DaemonConfig()
        self.images: dict[str, Image] = {}
        # the images it was given (what a saved host is made again with; the recorder imported them)
        # (copies: the table's own values are its business, shared with nothing)
        self.declared_images: tuple[Image, ...] = tuple(replace(im) for im in images)
        for im in DEFAULT_IMAGES.values():
            self.add_image(im)
        for im in (images or UNDECLARED_EXTRA_IMAGES):
            self.add_image(im)
        self.store = ContainerStore()
        self.containers: dict[str, Container] = self.store.containers
        self.names: dict[str, str] = self.store.names
        self.volume_store = VolumeStore(self.journal, self.rand, self.emitter)
        self.pids = PidCounter(1000 + self.rand.randbits(12), self.journal)
        self.daemon_pid = self.pids.last   # dockerd's own; its containers' processes come after it
        self.engine_id = self.rand.uuid()
        self.kernel = Kernel(ifindex_policy=self.profile.ifindex_policy, journal=self.journal)
        self._setup_host()
        # dockerd checks its flags and builds the default bridge before it opens its socket; when
        # that fails it logs why and exits: the host keeps its own devices and no client gets in
        self.start_failure: Optional[str] = startup_failure(self.config, self.profile, self.host)
        pools = None
        if self.config.default_address_pools and self.start_failure is None:
            pools = [(parse_prefix(b), s) for b, s in self.config.default_address_pools]
        ula = self._ula_base() if self.profile.ipam.ula_default else None
        try:
            self.ipam = Ipam(engine=self.profile, default_pools=pools, ula_base=ula, journal=self.journal)
        except DockerError as e:   # pools IPAM cannot build: dockerd gives up as it would
            self.start_failure = controller_failure(f"error obtaining controller instance: {e}")
            self.ipam = Ipam(engine=self.profile, default_pools=None, ula_base=ula, journal=self.journal)
        # ip6tables: on by default in 27+ (the rules of r231, r232 without --ipv6): the host's own
        # IPv6 tables, which ip6tables lists and IPv6 packets walk. An older engine's --ipv6 alone
        # keeps the IPv6 rules the model always made to itself (its IPv6 packets walk the IPv4 tables)
        ip6tables = self.config.ip6tables if self.config.ip6tables is not None else self.profile.ip6tables_default
        self.firewall = Firewall(self.kernel.host.netfilter, self.profile.firewall, iptables=self.config.iptables,
                                 ip_masq=self.config.ip_masq, icc=self.config.icc,
                                 userland_proxy=self.config.userland_proxy, ipv6=self.config.ipv6 or bool(ip6tables),
                                 nf6=self.kernel.host.netfilter6 if ip6tables else None)
        self.ports = PortAllocator(last_per_ip=self.profile.port_alloc_last_per_ip,
                                   cross_ip=self.profile.port_alloc_cross_ip)
        drivers = builtin_drivers(DriverContext(self.kernel, self.profile, self.rand, self.journal), self.firewall)
        self.ctl = Controller(self.kernel, self.profile, self.rand, self.journal, self.ipam, self.ports, drivers,
                              mtu=self.config.mtu, on_demand=ON_DEMAND)
        self.network_service = NetworkService(self.profile, self.rand, self.journal, self.kernel, self.ctl,
                                              self.host, self.containers, self.emitter)
        self.network_service.config = self.config
        self.port_service = PortService(self.profile, self.journal, self.kernel, self.ctl, self.firewall,
                                        self.ports, self.config)
        self.link_service = LinkService(self.profile, self.ctl, self.store)
        self.container_service = ContainerService(self.profile, self.rand, self.journal, self.ctl, self.host,
                                                  self.store, self.pids, self.image, self.link_service,
                                                  self.port_service, self.config, self.knows_image,
                                                  self.volume_store, self.emitter)
        self.connect_service = ConnectService(self.profile, self.journal, self.ctl, self.store,
                                              self.container_service, self.port_service)
        if self.start_failure is not None:
            if leaves_bridge_device(self.config, self.profile) and self.config.bridge is None:
                self.kernel.host.add_link("docker0", "bridge", mtu=DEFAULT_MTU, txqueuelen=0,
                                          mac=self.rand.random_mac(prefix_0242=self.profile.bridge_mac_0242))
            return
        self.firewall.daemon_start()
        if not self.config.iptables and self.config.ip_forward:
            # enabling forwarding still sets the FORWARD policy to DROP, rules or not
            self.kernel.host.netfilter.set_policy("filter", "FORWARD", "DROP")
        try:
            self._create_predefined()
        except DockerError as e:   # the journal put the host back; dockerd gives up as it would
            self.start_failure = default_bridge_failure(e, self.profile)
            return
        # the recorder's `docker import` of each image once the daemon answers (the scenario's
        # declared images, else busybox, centos and web): each logs its tag, then its import (r272)
        imported = [_image_key(im.name) for im in images] if images else list(RECORDER_IMPORTS)
        for key in imported:
            im = self.images[key]
            self.emitter.image(im.id, "tag", familiar(im.name))
            self.emitter.image(im.id, "import")

    # -- boot ----------------------------------------------------------------------------------
    def _setup_host(self) -> None:
        host = self.kernel.host
        eth0 = parse_prefix(self.host.eth0)
        # the recording machines number their links lo=1, ifb0=2, ifb1=3, eth0=4 (28's `bridge link`
        # names a container-side peer index by the host link that has it)
        for name in self.host.extra_links:
            host.add_link(name, "ifb", mtu=1500, mac=self.rand.random_mac(), up=False, carrier=False, txqueuelen=32)
        mac = self.rand.random_mac()
        eth = host.add_link("eth0", "ether", mtu=self.host.mtu, mac=mac, up=True, carrier=True)
        eth.had_carrier = True
        host.add_address("eth0", eth0.addr, eth0.length)
        if self.host.gateway:
            host.routes = (Route(dst=None, dev="eth0", via=parse_ip(self.host.gateway)), *host.routes)

    def _ula_base(self) -> Prefix:
        sha = sha256(self.engine_id.encode()).digest()
        gid = int.from_bytes(sha[:8], "big") & ((1 << 40) - 1)
        return prefix((0xFD << 120) | (gid << 80), 48, 6)

    def _create_predefined(self) -> None:
        p = self.profile
        cfg = self.config
        with self.journal.transaction():
            # host and none first, then the default bridge (as dockerd's controller does)
            for name, driver in (("none", "null"), ("host", "host")):
                net = Network(id=self.rand.object_id(), name=name, driver=driver, created_ns=self.rand.now_ns(),
                              predefined=True, ipam_options=None)
                self.ctl.add_network(net)
                self.ctl.create_network(net)
            if cfg.bridge == BRIDGE_NONE:
                return   # df25: no default bridge network and no docker0
            masq = cfg.ip_masq and cfg.iptables    # df17: no iptables, no masquerading (both engines)
            opts = {OPT_DEFAULT: "true", OPT_ICC: "true" if cfg.icc else "false",
                    OPT_MASQ: "true" if masq else "false", OPT_HOST_IP: cfg.ip or "0.0.0.0",
                    OPT_NAME: cfg.bridge or "docker0", OPT_MTU: str(cfg.mtu_unusable or cfg.mtu)}
            net = Network(id=self.rand.object_id(), name="bridge", driver="bridge", created_ns=self.rand.now_ns(),
                          predefined=True, default_bridge=True, options=opts, enable_ipv6=cfg.ipv6)
            self.ctl.configure_network(net)     # the bridge's name, icc, MTU … from the options above
            # df28 on 28: containers route via --default-gateway; the bridge keeps its own address
            net.endpoint_gateway4 = _gateway(cfg.default_gateway, 4)
            net.endpoint_gateway6 = _gateway(cfg.default_gateway_v6, 6)
            conf4: Optional[IpamRequest] = None
            if cfg.bip:
                bip = parse_prefix(cfg.bip)
                conf4 = IpamRequest(pool=bip.masked(), gateway=bip.addr, gateway_text=str(bip.addr))
                net.user_ipam = False
            elif p.ipam.default_bridge_first_free_pool:
                # FindAvailableNetwork: the first default pool clear of the host's routes, as a static pool
                pool = self.ipam.next_pool(v6=False, exclude=self.host_reserved())
                if pool is not None:
                    conf4 = IpamRequest(pool=pool)
                net.show_gateway = False
            if cfg.fixed_cidr:
                fixed = parse_prefix(cfg.fixed_cidr).masked()
                conf4 = replace(conf4 or IpamRequest(), sub_pool=fixed)
                if not cfg.bip and p.fixed_cidr_is_pool:
                    # df05 on 28: with no --bip (and no docker0 yet) the fixed CIDR is the whole subnet
                    conf4 = IpamRequest(pool=fixed, sub_pool=fixed)
                    net.show_gateway = False
            gw4 = _gateway(cfg.default_gateway, 4)
            if gw4 is not None and p.default_gateway_is_aux and conf4 is not None:
                conf4 = replace(conf4, aux=(("DefaultGatewayIPv4", gw4),))     # df28 on 20.10
            conf6: list[IpamRequest] = []
            if not cfg.ipv6 and cfg.fixed_cidr_v6 and p.fixed_cidr_v6_shown_without_ipv6:
                net.display_only.append({"Subnet": str(parse_prefix(cfg.fixed_cidr_v6).masked())})   # df11
            if cfg.ipv6 and cfg.fixed_cidr_v6:
                v6net = parse_prefix(cfg.fixed_cidr_v6)
                txt = str(v6net.masked())
                if p.ipam.fixed_cidr_v6_preferred_pool:   # 28: a preferred pool with the same sub-pool
                    conf6 = [IpamRequest(pool=v6net.masked(), sub_pool=v6net.masked(),
                                         user_config={"Subnet": txt, "IPRange": txt})]
                else:
                    conf6 = [IpamRequest(pool=v6net.masked(), user_config={"Subnet": txt})]
            self.ctl.allocate_pools(net, [conf4] if conf4 is not None else [], conf6, exclude=self.host_reserved())
            if cfg.bip:
                net.show_gateway = True
            net.has_user_subnet = bool(cfg.bip or cfg.fixed_cidr or (cfg.ipv6 and cfg.fixed_cidr_v6))
            self.ctl.add_network(net)
            self.ctl.create_network(net)

    # -- the API: networks ------------------------------------------------------------------------
    @api_call
    @typed
    @refused_when_down
    def network_create(self, name: str, *, driver: str = "bridge", options: Optional[dict[str, str]] = None,
                       ipam_config: Sequence[dict[str, Union[str, dict[str, str]]]] = (), ipam_driver: str = "default",
                       ipam_options: Optional[dict[str, str]] = None, internal: bool = False,
                       attachable: bool = False, labels: Optional[dict[str, str]] = None,
                       enable_ipv6: Optional[bool] = None, enable_ipv4: Optional[bool] = None,
                       check_duplicate: bool = True, scope: str = "",
                       config_only: bool = False, config_from: str = "", ingress: bool = False) -> str:
        """Create a network (POST /networks/create) and return its ID (see ``NetworkService``)."""
        return self.network_service.network_create(
            name, driver=driver, options=options, ipam_config=ipam_config, ipam_driver=ipam_driver,
            ipam_options=ipam_options, internal=internal, attachable=attachable, labels=labels,
            enable_ipv6=enable_ipv6, enable_ipv4=enable_ipv4, check_duplicate=check_duplicate, scope=scope, config_only=config_only,
            config_from=config_from, ingress=ingress)

    @api_call
    @typed
    @refused_when_down
    def network_remove(self, term: str) -> None:
        """Remove a network (DELETE /networks/{id})."""
        self.network_service.network_remove(term)

    @api_call
    @typed
    @refused_when_down
    def networks_prune(self, filters: Sequence[str] = ()) -> list[str]:
        """Remove every unused user network; their names (POST /networks/prune)."""
        return self.network_service.networks_prune(filters)

    @api_call
    @typed
    @refused_when_down
    def network_connect(self, net_term: str, ctr_term: str, spec: Optional[EndpointSpec] = None) -> None:
        """Connect a container to a network (POST /networks/{id}/connect)."""
        self.connect_service.network_connect(net_term, ctr_term, spec)

    @api_call
    @typed
    @refused_when_down
    def network_disconnect(self, net_term: str, ctr_term: str, force: bool = False) -> None:
        """Disconnect a container from a network (POST /networks/{id}/disconnect)."""
        self.connect_service.network_disconnect(net_term, ctr_term, force)

    @typed
    @refused_when_down
    def network_list(self) -> list[Network]:
        return self.network_service.network_list()

    @typed
    @refused_when_down
    def network_get(self, term: str) -> Network:
        return self.network_service.network_get(term)

    @typed
    def host_reserved(self) -> list[Prefix]:
        """What Docker's dynamic pool choice avoids: on-link host routes and the host's nameservers."""
        return self.network_service.host_reserved()

    @api_call
    @typed
    def set_allocation_policy(self, policy: str) -> None:
        """How IPAM picks addresses inside a pool from now on: ``lowest`` (Docker), ``round-robin``
        (as swarm asks with ``com.docker.network.ipam.serial``) or ``sticky`` (a what-if)."""
        chosen = ALLOCATION_POLICIES.get(policy.lower().replace("_", "-"))
        if chosen is None:
            raise ValueError(f"unknown allocation policy {policy!r}: choose one of {', '.join(ALLOCATION_POLICIES)}")
        old = self.ipam.policy
        with self.journal.transaction():
            self.journal.record(lambda: self.ipam.set_policy(old))
            self.ipam.set_policy(chosen)

    # -- the API: containers ----------------------------------------------------------------------
    @api_call
    @typed
    @refused_when_down
    def container_create(self, spec: ContainerSpec) -> tuple[str, list[str]]:
        """Create a container (POST /containers/create); returns (ID, warnings). The volumes its
        mounts name are made with it (``daemon.volumes``)."""
        if not (spec.binds or spec.mounts or spec.volumes):
            return self.container_service.container_create(spec)
        with self.journal.transaction():
            mounts = self.volume_store.mounts_for(spec.binds, spec.mounts, spec.volumes)
            cid, warnings = self.container_service.container_create(spec)
            c = self.containers[cid]          # new in this transaction: its removal undoes all of it
            c.mounts, c.host_mounts, c.config_volumes = mounts, tuple(spec.mounts), tuple(spec.volumes)
            c.binds = tuple(spec.binds) if spec.binds else None
            return cid, warnings

    @api_call
    @typed
    @refused_when_down
    def container_start(self, term: str) -> None:
        """Start a container (POST /containers/{id}/start): sandbox, endpoints, ports."""
        self.container_service.container_start(term)

    @api_call
    @typed
    @refused_when_down
    def container_task_failed(self, term: str, error: str, exit_code: int = 127) -> None:
        """A start runc refused (POST /containers/{id}/start when the program is not in the image):
        the network set up for the task is taken down, State.Error and ExitCode keep why."""
        self.container_service.container_task_failed(term, error, exit_code)

    @api_call
    @typed
    @refused_when_down
    def container_stop(self, term: str) -> None:
        """Stop a container (POST /containers/{id}/stop)."""
        self.container_service.container_stop(term)

    @api_call
    @typed
    def container_exited(self, term: str, exit_code: int = 0) -> None:
        """The container's main process ended by itself: its network is released as on a stop."""
        self.container_service.container_exited(term, exit_code)

    @api_call
    @typed
    @refused_when_down
    def container_health_probe(self, term: str, exit_code: int, output: str) -> None:
        """The health monitor's probe of a container ended (moby daemon/health.go): the clock
        moves to its end and State.Health takes the result (daemon/health.py)."""
        self.container_service.container_health_probe(term, exit_code, output)

    @api_call
    @typed
    def time_passes(self, ns: int) -> None:
        """The host's clock moves ``ns`` nanoseconds on (a ``sleep``, a wait): no probe runs here;
        ``daemon.health.let_time_pass`` runs those due on the way."""
        if ns < 0:
            raise ValueError("time does not go back")
        with self.journal.transaction():
            self.rand.pass_until(self.rand.peek_ns() + ns)

    def health_due(self, until_ns: int) -> Optional[Container]:
        """The running container whose health probe is due first, by ``until_ns`` (None: none)."""
        return self.container_service.health_due(until_ns)

    @api_call
    @typed
    def container_output(self, term: str, stdout: str = "", stderr: str = "") -> None:
        """What the container's main process wrote, kept for ``docker logs`` (the json-file log
        driver: one entry a line, stdout's lines then stderr's)."""
        self.container_service.container_output(term, stdout, stderr)

    @typed
    @refused_when_down
    def container_logs(self, term: str, tail: str = "all", since_ns: Optional[int] = None,
                       until_ns: Optional[int] = None, timestamps: bool = False,
                       details: bool = False) -> tuple[tuple[str, str], ...]:
        """The log of a container (GET /containers/{id}/logs): ("stdout"|"stderr", line) entries,
        oldest first, as the query selects and prefixes them (``daemon.logs``)."""
        from .logs import read_log
        return tuple(read_log(self.find_container(term), tail, since_ns, until_ns, timestamps, details))

    @typed
    @refused_when_down
    def container_changes(self, term: str) -> tuple[tuple[str, str], ...]:
        """``GET /containers/{id}/changes``: (``A``/``C``/``D``, path) for each change of the
        container's file system against its image (daemon.layer)."""
        from .layer import container_changes
        return container_changes(self.find_container(term).layer)

    @typed
    @refused_when_down
    def container_top(self, term: str, ps_args: str = "") -> tuple[list[str], list[list[str]]]:
        """``GET /containers/{id}/top``: (Titles, Processes) as the host's ps lists the container's."""
        from .top import container_top
        return container_top(self.find_container(term), ps_args, self.profile.messages.exec_not_running)

    @api_call
    @typed
    @refused_when_down
    def exec_server(self, term: str, argv: list[str]) -> None:
        """A process ``docker exec`` started (POST /exec/{id}/start) keeps running beside PID 1 —
        detached, or a server that forked into the background — until the container stops."""
        self.container_service.exec_server(term, argv)

    @api_call
    @typed
    @refused_when_down
    def container_layer_put(self, term: str, path: str, kind: str, mode: int = 0, mtime: int = 0, target: str = "",
                            text: str = "", copied_up: bool = False) -> None:
        """A process of the container wrote ``path`` (a file ``f`` with its text, a directory
        ``d``, a link ``l`` to ``target``, or ``w``: deleted what the image had): the change goes
        into its writable layer (daemon.layer), made by the first write. ``docker cp`` into a
        container (PUT /containers/{id}/archive) writes so too."""
        from .layer import DIRECTORY, FILE, SYMLINK, WHITEOUT, Change, write_change
        if kind not in (FILE, DIRECTORY, SYMLINK, WHITEOUT):
            raise InvalidParameter(f"invalid change kind: {kind}")
        c = self.find_container(term)
        with self.journal.transaction():
            write_change(self.journal, c, path, Change(kind, mode, mtime, target, text, copied_up))

    @api_call
    @typed
    @refused_when_down
    def container_layer_drop(self, term: str, path: str) -> None:
        """A process of the container deleted ``path``, which only its layer had."""
        from .layer import drop_change
        c = self.find_container(term)
        with self.journal.transaction():
            drop_change(self.journal, c, path)

    @api_call
    @typed
    @refused_when_down
    def container_kill(self, term: str, signal: str = "KILL") -> None:
        """Send a signal (POST /containers/{id}/kill); only SIGKILL stops the images' shell."""
        self.container_service.container_kill(term, signal)

    @api_call
    @typed
    @refused_when_down
    def container_pause(self, term: str) -> None:
        """Pause a container (POST /containers/{id}/pause): its processes freeze, it stays running."""
        self.container_service.container_pause(term)

    @api_call
    @typed
    @refused_when_down
    def container_unpause(self, term: str) -> None:
        """Unpause a container (POST /containers/{id}/unpause)."""
        self.container_service.container_unpause(term)

    @api_call
    @typed
    @refused_when_down
    def container_restart(self, term: str) -> None:
        """Restart (POST /containers/{id}/restart): a stop, then a start."""
        self.container_service.container_restart(term)

    @api_call
    @typed
    @refused_when_down
    def container_remove(self, term: str, force: bool = False, volumes: bool = False) -> None:
        """Remove a container (DELETE /containers/{id}); with ``volumes`` (``rm -v``) also its
        anonymous volumes that no other container mounts."""
        if not volumes:
            self.container_service.container_remove(term, force)
            return
        with self.journal.transaction():
            # the volumes first: the container's removal is the step a rollback cannot put back in
            # its place in the listing, so it comes last (a refused removal takes the volumes back)
            c = self.find_container(term)
            gone = self.volume_store.remove_anonymous(c, self.containers.values(), log=False)
            self.container_service.container_remove(term, force)
            for name in gone:        # logged after the container's destroy, as dockerd removes them
                self.emitter.volume(name, "destroy")

    # -- volumes ---------------------------------------------------------------------------------
    @api_call
    @typed
    @refused_when_down
    def volume_create(self, name: str = "", labels: Optional[dict[str, str]] = None,
                      options: Optional[dict[str, str]] = None) -> str:
        """POST /volumes/create: the volume's name (a volume by that name is given back as it is)."""
        with self.journal.transaction():
            return self.volume_store.create(name, labels, options).name

    @api_call
    @typed
    @refused_when_down
    def volume_remove(self, name: str, force: bool = False) -> None:
        """DELETE /volumes/{name}: refused while a container mounts it; with ``force`` an unknown
        name is no error (moby's volume service ignores NotFound when forced)."""
        if force and name not in self.volume_store.volumes:
            return
        with self.journal.transaction():
            self.volume_store.remove(name, self.containers.values())

    @api_call
    @typed
    @refused_when_down
    def volumes_prune(self, all: bool = False) -> list[str]:
        """POST /volumes/prune: the unused volumes removed (anonymous ones only, unless ``all``
        or the engine's prune takes every one); their names."""
        every = all or self.profile.volume_prune_all_by_default
        with self.journal.transaction():
            gone = [v for v in self.volume_store.unused(self.containers.values()) if every or v.anonymous]
            for v in gone:
                self.volume_store.remove(v.name, ())
            return [v.name for v in gone]

    @typed
    @refused_when_down
    def volume_list(self, filters: Sequence[str] = ()) -> list[Any]:
        """GET /volumes: the volumes (``KEY=VALUE`` filters: dangling, name, driver, label), in
        the order they were made."""
        from .volumes import select
        return select(self.volume_store.volumes.values(), filters, self.containers.values(),
                      self.profile.volume_anonymous_label)

    @typed
    @refused_when_down
    def volume_inspect(self, name: str) -> dict[str, Any]:
        """GET /volumes/{name}."""
        p = self.profile
        return volume_document(self.volume_store.get(name), p.volume_empty_maps_null, p.volume_anonymous_label)

    @api_call
    @typed
    @refused_when_down
    def containers_prune(self, filters: Sequence[str] = ()) -> list[str]:
        """Remove every container that is not running; their IDs (POST /containers/prune)."""
        return self.container_service.containers_prune(filters)

    @api_call
    @typed
    @refused_when_down
    def container_attach(self, term: str) -> None:
        """POST /containers/{id}/attach: a client takes the container's streams (logged as
        ``attach``; what flows through them is the terminal's business)."""
        c = self.find_container(term)
        with self.journal.transaction():
            self.emitter.container(c, "attach")

    @api_call
    @typed
    @refused_when_down
    def exec_run(self, term: str, argv: list[str], exit_code: int, ended: bool = True) -> str:
        """POST /containers/{id}/exec, then /exec/{id}/start, the process run to its end (unless
        it keeps running: ``ended``): the ``exec_create``, ``exec_start`` and ``exec_die`` events
        (r270); returns the exec's ID. What the process printed is the terminal's business. (The
        ID is derived from the container and the log's count, not drawn from the random source:
        an exec leaves every ID and address that follows as it was.)"""
        c = self.find_container(term)
        eid = sha256(f"exec:{c.id}:{self.event_log.count}".encode()).hexdigest()
        with self.journal.transaction():
            self.emit_exec_start(c, argv, eid)
            if ended:
                self.emitter.container(c, "exec_die", {"execID": eid, "exitCode": str(exit_code)})
        return eid

    def emit_exec_start(self, c: Container, argv: Sequence[str], eid: str) -> None:
        # daemon/exec.go: the action names the program and its arguments (`exec_create: true `)
        command = f"{argv[0] if argv else ''} {' '.join(argv[1:])}"
        self.emitter.container(c, "exec_create: " + command, {"execID": eid})
        self.emitter.container(c, "exec_start: " + command, {"execID": eid})

    @api_call
    @typed
    @refused_when_down
    def container_rename(self, term: str, new: str) -> None:
        """Rename a container (POST /containers/{id}/rename)."""
        self.container_service.container_rename(term, new)

    @api_call
    @typed
    @refused_when_down
    def container_update(self, term: str, restart_name: str = "", restart_max_retries: int = 0,
                         nano_cpus: int = 0, memory: int = 0, memory_swap: int = 0) -> list[str]:
        """Update a container (POST /containers/{id}/update): its restart policy and the resources
        inspect shows (see ``daemon.update``); returns the daemon's warnings."""
        from .update import check_restart_policy, container_update
        check_restart_policy(self.profile.messages, restart_name, restart_max_retries)
        c = self.find_container(term)
        with self.journal.transaction():
            container_update(self.journal, c, restart_name, restart_max_retries, nano_cpus, memory, memory_swap)
        return []

    @typed
    @refused_when_down
    def container_stats(self, term: str) -> Any:
        """GET /containers/{id}/stats?stream=false: one :class:`~.stats.ContainerStats` sample."""
        from .stats import container_stats
        c = self.find_container(term)
        return container_stats(c, self.container_netns(c))

    @typed
    @refused_when_down
    def find_container(self, term: str) -> Container:
        """Docker's lookup: full ID, name (with or without '/'), then unique ID prefix."""
        return self.store.find(term)

    @typed
    @refused_when_down
    def container_list(self, all: bool = False) -> list[Container]:
        return self.container_service.container_list(all)

    def container_netns(self, c: Container) -> Optional[Namespace]:
        """The namespace a container's processes see (its donor's in container: mode)."""
        return self.container_service.container_netns(c)

    # -- images ----------------------------------------------------------------------------------
    @api_call
    @typed
    def add_image(self, image: Image) -> None:
        """Declare an image (its command, EXPOSEd ports and userland), as ``#! image`` does."""
        key = _image_key(image.name)
        if not image.id:
            # a copy: the caller's value (and DEFAULT_IMAGES, shared by every daemon) stays as it was
            image = replace(image, id=sha256(("image:" + key).encode()).hexdigest())
        self.images[key] = image

    def image(self, ref: str) -> Image:
        """Any image name is taken as present; unknown ones behave like busybox."""
        key = _image_key(ref)
        im = self.images.get(key)
        if im is None:
            im = Image(split_reference(ref)[0], ("/bin/sh",))
            im.id = sha256(("image:" + key).encode()).hexdigest()
        return im

    @typed
    @refused_when_down
    def image_list(self) -> list[ImageRow]:
        """GET /images/json: a row per reference. Docker lists the newest first; the recordings'
        images were all imported in the same second, where its order is random: by reference here."""
        rows = [ImageRow(*split_reference(im.name), im) for im in self.images.values()]
        return sorted(rows, key=lambda r: (r.repository, r.tag))

    def _refs_of(self, image_id: str) -> list[str]:
        return sorted(familiar(im.name) for im in self.images.values() if im.id == image_id)

    def _stored_image(self, ref: str) -> Image:
        im = self.images.get(_image_key(ref))
        if im is None:
            raise NotFound(f"No such image: {familiar(ref)}")
        return im

    @typed
    @refused_when_down
    def image_inspect(self, ref: str) -> dict[str, Any]:
        """GET /images/{name}/json."""
        im = self._stored_image(ref)
        return image_document(im, self._refs_of(im.id))

    @api_call
    @typed
    @refused_when_down
    def image_tag(self, source: str, target: str) -> None:
        """POST /images/{name}/tag: ``target`` names ``source``'s image too."""
        im = self._stored_image(source)
        key = _image_key(target)
        old = self.images.get(key)
        name = familiar(target)
        tagged = replace(im, name=name)
        with self.journal.transaction():
            self.journal.record(lambda: self.images.pop(key, None) if old is None else self.images.__setitem__(key, old))
            self.images[key] = tagged
            self.emitter.image(im.id, "tag", name)

    @api_call
    @typed
    @refused_when_down
    def image_remove(self, ref: str, force: bool = False) -> list[str]:
        """DELETE /images/{name}: untag, and delete the image with its last reference (refused
        while a container was made from it, unless forced)."""
        with self.journal.transaction():
            im = self._stored_image(ref)
            refs = self._refs_of(im.id)
            if len(refs) == 1 and not force:
                user = next((c for c in self.store.containers.values() if c.image.id == im.id), None)
                if user is not None:
                    raise Conflict(f'conflict: unable to remove repository reference "{ref}" (must force) - '
                                   f"container {user.id[:12]} is using its referenced image {im.id[:12]}")
            key = _image_key(ref)
            self.journal.record(put_back(self.images, key, im))      # back in its place: listings follow the order
            del self.images[key]
            done = [f"Untagged: {familiar(ref)}"]
            self.emitter.image(im.id, "untag")
            if len(refs) == 1:
                done.append(f"Deleted: sha256:{im.id}")
                self.emitter.image(im.id, "delete")
            return done

    @api_call
    @typed
    @refused_when_down
    def images_prune(self, all: bool = False, filters: Sequence[str] = ()) -> list[str]:
        """POST /images/prune: remove the images no container was made from (``all``; only
        dangling ones otherwise, and every image here has a name) and say what went, in the words
        of the prune's report (``untagged: REF``, ``deleted: sha256:ID``; the shared root layer goes
        with the last image of its userland)."""
        for f in filters:
            key = f.partition("=")[0]
            if key not in ("label", "label!", "until", "dangling"):
                raise InvalidParameter(self.profile.messages.invalid_filter.format(filter=key))
        if not all:
            return []
        done: list[str] = []
        with self.journal.transaction():
            used = {c.image.id for c in self.store.containers.values()}
            for im in self._distinct_images():
                if im.id in used:
                    continue
                left = [o for o in self.images.values() if o.tools == im.tools and o.id != im.id]
                for ref in self._refs_of(im.id):
                    key = _image_key(ref)
                    self.journal.record(put_back(self.images, key, self.images[key]))
                    del self.images[key]
                    done.append(f"untagged: {ref}")
                    self.emitter.image(im.id, "untag")
                done.append(f"deleted: sha256:{im.id}")
                self.emitter.image(im.id, "delete")
                if not left:
                    done.append(f"deleted: sha256:{sha256(('layer:' + im.tools).encode()).hexdigest()}")
        return done

    def _distinct_images(self) -> list[Image]:
        seen: dict[str, Image] = {}
        for im in self.images.values():
            seen.setdefault(im.id, im)
        return list(seen.values())

    @typed
    @refused_when_down
    def events(self, since_ns: Optional[int] = None, until_ns: Optional[int] = None,
               filters: Sequence[str] = ()) -> list[Any]:
        """GET /events over a window: the buffered events (the last 256) from ``since`` to
        ``until`` that the ``KEY=VALUE`` filters let through, oldest first (``daemon.events``
        Message values). Without a window a real daemon sends only what happens next: none here."""
        from .events import EventFilter
        return self.event_log.buffered(since_ns, until_ns, EventFilter.parse(filters) if filters else None)

    @typed
    @refused_when_down
    def system_info(self) -> Any:
        """GET /info: the counts of containers and images, the daemon's pools, the machine (a
        ``daemon.system.SystemInfo``: that module loads on first use, so the annotation cannot name it)."""
        from .system import RECORDING_MACHINE, SystemInfo      # (on first use: issue 15's start-up)
        cs = list(self.store.containers.values())
        paused = sum(1 for c in cs if c.running and c.paused)
        running = sum(1 for c in cs if c.running) - paused
        pools = tuple((b, s) for b, s in self.config.default_address_pools)
        return SystemInfo(id=self.engine_id, containers=len(cs), running=running, paused=paused,
                          stopped=len(cs) - running - paused, images=len(self._distinct_images()),
                          name=self.host.hostname, default_address_pools=pools,
                          ipv4_forwarding=self._info_forwarding(), machine=RECORDING_MACHINE,
                          system_time_ns=self.rand.peek_ns())

    def _info_forwarding(self) -> bool:
        """/info's IPv4Forwarding: 20.10 reads ip_forward now, 26 and 28 as dockerd read it at start
        (forwarding: the model's machine has it on, and dockerd turns it on unless --ip-forward=false)."""
        if not self.profile.forwarding_read_live:
            return True
        written = self.kernel.host.sysctl
        return "0" not in (written.get("net.ipv4.ip_forward"), written.get("net.ipv4.conf.all.forwarding"))

    @typed
    @refused_when_down
    def system_df(self) -> Any:
        """GET /system/df: images with their shared and unique sizes, containers newest first (a
        ``daemon.system.DiskUsage``)."""
        from .system import disk_usage
        images = self._distinct_images()
        refs = {im.id: self._refs_of(im.id) for im in images}
        return disk_usage(images, refs, self.container_service.container_list(True),
                          [v.name for v in self.volume_store.volumes.values()])

    def knows_image(self, image: Image) -> bool:
        """Whether ``image`` was declared (or is one of the recordings' images): what is in any
        other image (nginx, redis, …) the simulator cannot know."""
        return _image_key(image.name) in self.images

    # -- inspect ---------------------------------------------------------------------------------
    @typed
    @refused_when_down
    def network_inspect(self, term: str) -> dict[str, Any]:
        """The ``docker network inspect`` document of one network."""
        return network_document(self, self.ctl.find_network(term))

    @typed
    @refused_when_down
    def container_inspect(self, term: str) -> dict[str, Any]:
        """The ``docker inspect`` document of one container."""
        return container_document(self, self.find_container(term))

    # -- convenience: docker run ------------------------------------------------------------------
    @api_call
    @typed
    def run(self, image: str = "busybox", name: str = "", **kw: Any) -> str:
        """``docker run -d``: create then start; returns the container ID.

        >>> from dockernet_sim import DockerHost
        >>> h = DockerHost(engine="20.10")
        >>> cid = h.run("busybox", name="c1")
        >>> h.container_inspect("c1")["NetworkSettings"]["IPAddress"]
        '172.17.0.2'
        """
        networks = kw.pop("networks", None)
        spec = ContainerSpec(image=image, name=name, **kw)
        if networks:
            spec.networks = {n: (e if isinstance(e, EndpointSpec) else EndpointSpec(**e)) for n, e in networks.items()}
        # two calls that stand on their own (a failed start leaves the container created), but
        # one interrupt takes back both; through the API methods, so the spec's values are
        # checked as any call's (the recorder keeps only this outer call)
        with self.journal.transaction(keep=(DockerError,)):
            cid, _ = self.container_create(spec)
            self.container_start(cid)
        return cid

    @api_call
    def host_ip(self, argv: list[str]) -> Result:
        """``ip ARGV`` run on the host (iproute2): a scenario builds a macvlan parent or a shim this
        way. Not the Engine API, but it changes the host's links and routes, so it is recorded like
        one and save/load replays it."""
        if self.host_ip_program is None:
            raise TypeError("this daemon was built without the host's ip program (DockerHost hands it in)")
        with self.journal.transaction():   # the kernel records its own undos: all or nothing
            return self.host_ip_program(list(argv), self.kernel.host)

    @api_call
    @typed
    def host_sysctl(self, key: str, text: str) -> str:
        """Write ``text`` to the host's sysctl ``key`` (``net.ipv4.ip_forward``), as ``sysctl -w``
        or ``echo 0 > /proc/sys/…`` on the host does: "" when the kernel took it, else the
        errno's words (``Invalid argument``, ``No such file or directory``; nothing changes).
        Not the Engine API, but it changes what the host forwards (the what-if walk reads it),
        so it is recorded like one and save/load replays it."""
        from ..kernel import sysctl as tree      # (on first use: issue 15)
        ns = self.kernel.host
        value, error = tree.parse_write(ns, key, text)
        if value is None:
            return error
        with self.journal.transaction():
            if key in ("net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding"):
                tree.keep_copied_forwarding(self.kernel, self.journal)
            tree.write(ns, key, value, self.journal)
        return ""

    @api_call
    @typed
    def host_iptables_policy(self, table: str, chain: str, target: str, v6: bool = False) -> str:
        """``iptables [-t TABLE] -P CHAIN TARGET`` on the host (``v6``: ip6tables): "" when set,
        else the tool's complaint (``Bad built-in chain name.``, ``Bad policy name. …``, a table
        that does not exist: measured with iptables 1.8.9 on the recording machine) and
        nothing changes. A scenario puts back the FORWARD policy dockerd changed (r280); recorded
        like the Engine API, so save/load replays it."""
        nf = self.kernel.host.netfilter6 if v6 else self.kernel.host.netfilter
        if table not in nf.tables:
            return f"table '{table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded."
        chains = nf.tables[table].chains
        if chain not in chains or chains[chain].policy is None:
            return "Bad built-in chain name."
        if target not in ("ACCEPT", "DROP"):
            return "Bad policy name. Run `dmesg' for more information."
        c = chains[chain]
        old = c.policy
        with self.journal.transaction():
            self.journal.record(lambda: setattr(c, "policy", old))
            c.policy = target
        return ""

    # -- state for tests ---------------------------------------------------------------------------
    def state(self, *, namespaces: bool = True) -> dict[str, Any]:
        """A complete, comparable snapshot of the host (for tests; cost grows with the host);
        without ``namespaces`` (see :func:`namespace_state`) if asked."""
        nss = {name: namespace_state(ns) for name, ns in self.kernel.namespaces.items()} if namespaces else None
        nets = {}
        for n in self.ctl.networks.values():
            nets[n.id] = (n.name, tuple((ps.pool_id, str(ps.pool), str(ps.gateway)) for ps in n.pools4 + n.pools6),
                          tuple(sorted(n.endpoints)))
        ctrs = {}
        for c in self.containers.values():
            ctrs[c.id] = (c.name, c.state, c.network_mode, tuple(
                (n, es.network_id, es.endpoint.id if es.endpoint else None) for n, es in c.networks.items()),
                c.sandbox.id if c.sandbox else None, repr(sorted(c.ports_published.items()))) + (
                # exec'd servers only where there are some: host files saved before read as they did
                (tuple(tuple(argv) for argv in c.servers),) if c.servers else ()) + (
                # a start runc refused, likewise only where there was one
                (("error", c.error, c.exit_code, repr(sorted(c.listed_ports.items()))),) if c.error else ()) + (
                # restart policy, resources and mounts likewise (r220, r222)
                (("update", c.restart_name, c.restart_max_retries, c.auto_remove, c.nano_cpus, c.memory,
                  c.memory_swap),) if (c.restart_name, c.restart_max_retries, c.auto_remove, c.nano_cpus, c.memory,
                                       c.memory_swap) != ("no", 0, False, 0, 0, 0) else ()) + (
                (("mounts", repr(c.mounts), c.binds, repr(c.host_mounts), c.config_volumes),) if c.mounts else ()) + (
                # a health check and its state, likewise only where there is one
                (("health", repr(c.healthcheck), repr(c.health), c.id in self.store.monitored),)
                if c.healthcheck is not None else ())
        ipam_state = self.ipam.state()
        out = {"namespaces": nss, "networks": nets, "containers": ctrs, "names": dict(self.names),
               "ports": self.ports.state(), "ipam": ipam_state, "sandboxes": sorted(self.ctl.sandboxes),
               "drivers": self.ctl.driver_states()}
        if self.volume_store.volumes:      # (only where there are some: older saved digests still match)
            out["volumes"] = [(v.name, v.created_ns, sorted(v.labels.items()), sorted(v.options.items()), v.anonymous)
                              for v in self.volume_store.volumes.values()]
        if not namespaces:
            del out["namespaces"]
        return out


def link_rows(ns: Namespace, shown: Optional[dict[int, Any]] = None) -> list[tuple[Any, ...]]:
    """A namespace's links as :meth:`Daemon.state` lists them. ``shown``, given for many
    namespaces at once, keeps the text of the address tuples links share (every loopback's),
    by the tuple's id: a tuple of frozen addresses, alive while its links are."""
    return [(l.index, l.name, l.kind, l.mtu, l.mac, l.up, l.carrier,
             _shown(l.addresses, shown) if shown is not None and type(l.addresses) is tuple
             else tuple((str(a.ip), a.prefixlen) for a in l.addresses),
             l.master.name if l.master else None, l.peer.name if l.peer else None,
             l.lower.name if l.lower else None, l.macvlan_mode)
            # counters only where packets moved: a quiet link reads as it did before
            # counters were modelled, so host files saved then still match their digest
            + (((l.rx_packets, l.rx_bytes, l.tx_packets, l.tx_bytes),)
               if l.rx_packets or l.tx_packets else ())
            for l in ns.sorted_links()]


def _shown(addresses: tuple[Any, ...], shown: dict[int, Any]) -> tuple[tuple[str, int], ...]:
    text = shown.get(id(addresses))
    if text is None:
        text = shown[id(addresses)] = tuple((str(a.ip), a.prefixlen) for a in addresses)
    return text


def route_rows(ns: Namespace, shown: Optional[dict[int, Any]] = None) -> list[tuple[Any, ...]]:
    """A namespace's routes as :meth:`Daemon.state` lists them; ``shown`` as :func:`link_rows`'
    (namespaces share equal routes: every container's default route on a network)."""
    if shown is None:
        return [_route_row(r) for r in ns.routes]
    return [shown[id(r)] if id(r) in shown else shown.setdefault(id(r), _route_row(r)) for r in ns.routes]


def _route_row(r: Any) -> tuple[Any, ...]:
    return (str(r.dst) if r.dst else None, r.dev, str(r.via) if r.via else None, r.scope)


def neighbour_rows(ns: Namespace) -> list[tuple[Any, ...]]:
    """A namespace's neighbour (ARP) entries as :meth:`Daemon.state` lists them."""
    return [(n.dev, str(n.ip), n.mac, n.state, n.probes) for n in ns.neighbours]


def namespace_state(ns: Namespace) -> dict[str, Any]:
    """One namespace in :meth:`Daemon.state`: its links, routes, netfilter tables and (where
    packets moved) neighbours."""
    out = {"links": link_rows(ns), "routes": route_rows(ns), "netfilter": ns.netfilter_state()}
    if ns.has_neighbours:      # (only where packets moved: older saved digests still match)
        out["neighbours"] = neighbour_rows(ns)
    return out


def _gateway(text: Optional[str], version: int) -> Optional[IP]:
    """A --default-gateway(-v6) value of the right family (pflag already checked it parses)."""
    if not text:
        return None
    ip = parse_ip(text.strip())
    return ip if ip.version == version else None


# the names set_allocation_policy takes (ipam-spec §2.4)
ALLOCATION_POLICIES = {"lowest": Policy.LOWEST, "round-robin": Policy.ROUND_ROBIN, "sticky": Policy.STICKY}
