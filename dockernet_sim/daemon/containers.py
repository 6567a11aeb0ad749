"""The Engine API's container endpoints, as far as networking goes.

create, start, stop, restart, kill, remove, rename (connect/disconnect: ``connect``). Addresses
are taken when a container starts (or is connected while running) and given back when it
stops: so an address can change across a restart, as the tutorial warns.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from ..addr import AddrError, parse_ip
from ..engines.profile import Profile
from ..errors import Conflict, DockerError, InvalidParameter, NotFound, SystemError_
from ..ids import Randomness
from ..journal import Journal, put_back, restore_item
from ..kernel import Namespace
from ..libnetwork.controller import Controller
from ..libnetwork.model import Endpoint, Sandbox, order_key
from ..records import EMPTY_DICT
from ..values import EINVAL_TEXT, MTU_MAX, MTU_MIN, parse_mac
from .config import BRIDGE_NONE, DaemonConfig, HostSpec
from .container import (PAUSE_PAUSED, RESTART_FAILED, START_PAUSED, UNPAUSE_NOT_PAUSED, Container, ContainerStore, EndpointSettings,
                        Image, PidCounter, is_valid_name, note_networks)
from .endpoints import endpoint_config_errors
from .links import LinkService
from .macs import endpoint_mac, link_mac_error
from .portspecs import check_port_bindings
from .ports import PortService
from .volumes import VolumeStore
from .specs import ContainerSpec, EndpointSpec
from .execuser import exec_user
from .events import Emitter

# daemon/oci_linux.go WithSysctls: for a container with a network namespace of its own, as the
# kernel then shows them (daemon.sysctls writes them when the container has --sysctl keys too)
DOCKER_DEFAULT_SYSCTLS = (("net.ipv4.ip_unprivileged_port_start", "0"), ("net.ipv4.ping_group_range", "0\t2147483647"))


class ContainerService:
    """The daemon's /containers endpoints, as far as networking goes."""

    def __init__(self, profile: Profile, rand: Randomness, journal: Journal, ctl: Controller, host: HostSpec,
                 store: ContainerStore, pids: PidCounter, image: Callable[[str], Image], links: LinkService,
                 publisher: PortService, config: DaemonConfig, knows_image: Callable[[Image], bool],
                 volumes: VolumeStore, events: Emitter) -> None:
        self.profile = profile
        self.events = events                # the daemon's event log (daemon.events)
        self.config = config           # the daemon's flags (--bridge none: no default bridge to join)
        self.rand = rand
        self.journal = journal
        self.ctl = ctl
        self.host = host
        self.store = store
        self.containers = store.containers
        self.names = store.names
        self.pids = pids
        self.image = image
        self.knows_image = knows_image      # whether the image's files are the recordings' (no passwd)
        self.links = links
        self.publisher = publisher
        self.volumes = volumes              # AutoRemove takes the anonymous volumes too (moby: RemoveVolume)

    def find_container(self, term: str) -> Container:
        """Docker's lookup: full ID, name (with or without '/'), then unique ID prefix."""
        return self.store.find(term)

    # -- create ------------------------------------------------------------------------------
    def container_create(self, spec: ContainerSpec) -> tuple[str, list[str]]:
        """Create a container (POST /containers/create); returns (ID, warnings)."""
        with self.journal.transaction():
            return self._container_create(spec)

    def _container_create(self, spec: ContainerSpec) -> tuple[str, list[str]]:
        p = self.profile
        warnings: list[str] = []
        if spec.restart_name or spec.restart_max_retries:      # (none asked: nothing to check)
            from .update import check_restart_policy
            check_restart_policy(p.messages, spec.restart_name, spec.restart_max_retries)   # r220
        if spec.healthcheck is not None:
            from .health import check as check_health
            check_health(spec.healthcheck)        # verifyContainerSettings, before the name (r261)
        name = spec.name
        if name:
            if not is_valid_name(name):
                raise InvalidParameter(f"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
            name = name.lstrip("/")
            if name in self.names:
                raise Conflict(f'Conflict. The container name "/{name}" is already in use by container '
                               f'"{self.names[name]}". You have to remove (or rename) that container to be able to '
                               f'reuse that name.')
        mode = spec.network_mode or "default"
        kind = _mode_kind(mode)
        # validateNetMode / validateNetContainerMode, first hit wins
        if kind == "container":
            donor_ref = mode.split(":", 1)[1]
            if not donor_ref:
                raise InvalidParameter(p.messages.invalid_container_mode)
            if spec.hostname:
                raise InvalidParameter("conflicting options: hostname and the network mode")
            if spec.links:
                raise InvalidParameter("conflicting options: container type network can't be used with links. "
                                       "This would result in undefined behavior")
            if spec.dns:
                raise InvalidParameter("conflicting options: dns and the network mode")
            if spec.extra_hosts:
                raise InvalidParameter("conflicting options: custom host-to-IP mapping and the network mode")
            if spec.mac_address and p.mac_conflicts_with_shared_netns:
                raise InvalidParameter("conflicting options: mac-address and the network mode")
            if spec.port_bindings or spec.publish_all:
                raise InvalidParameter("conflicting options: port publishing and the container type network mode")
            if spec.expose:
                raise InvalidParameter("conflicting options: port exposing and the container type network mode")
        if kind == "host":
            if spec.links:
                raise InvalidParameter("conflicting options: host type networking can't be used with links. "
                                       "This would result in undefined behavior")
            if spec.mac_address and p.mac_conflicts_with_shared_netns:
                raise InvalidParameter("conflicting options: mac-address and the network mode")
        check_port_bindings(spec.port_bindings)
        if spec.sysctls:
            from .sysctls import check_create
            check_create(p, spec.sysctls)
        if len(spec.networks) > 1 and not p.create_with_many_endpoints:
            # daemon verifyNetworkingConfig before API 1.44 (r173 on 20.10)
            raise InvalidParameter("Container cannot be connected to network endpoints: " + ", ".join(spec.networks))
        image = self.image(spec.image)
        # the networks the container starts on
        netmap: dict[str, EndpointSpec] = {}
        if kind in ("bridge", "user", "host", "none"):
            primary = "bridge" if kind == "bridge" else mode
            netmap[primary] = spec.networks.get(mode) or spec.networks.get(primary) or EndpointSpec()
            for k, v in spec.networks.items():
                if k not in (mode, primary):
                    netmap[k] = v
        if kind == "bridge" and self.config.bridge == BRIDGE_NONE:
            # --bridge none: joining the default bridge disables the container's networking instead
            # (daemon connectToNetwork, DisableBridge); df25 on 28 runs such a container
            netmap.pop("bridge", None)
        # v28 validates endpoint settings at create (and resolves network names)
        if p.validate_endpoint_at_create:
            for nname, es in netmap.items():
                net = None
                try:
                    net = self.ctl.find_network(nname)
                except NotFound:
                    net = None
                shown = "bridge" if nname in ("default",) else nname
                # a container-level MacAddress belongs to the first network (API < 1.44 moves it
                # there); net.ParseMAC must read it, a check of its own outside the endpoint
                # settings' list (recorded: tests/golden/api r121_names_api, r122_mac_api)
                mac = es.mac or (spec.mac_address if nname == next(iter(netmap)) else "")
                if mac and parse_mac(mac) is None:
                    raise InvalidParameter(f"invalid config for network {shown}: invalid MAC address {mac}")
                errs = endpoint_config_errors(self.profile, net, nname, es, at_create=True)
                if errs:
                    body = errs[0] if len(errs) == 1 else "\n".join(f"* {e}" for e in errs)
                    raise InvalidParameter(f"invalid config for network {shown}: invalid endpoint settings:\n{body}")
        else:
            for es in netmap.values():
                for text, fam in ((es.ipv4, 4), (es.ipv6, 6)):
                    if not text:
                        continue
                    try:
                        if parse_ip(text).version != fam:
                            raise AddrError("")
                    except AddrError:
                        raise InvalidParameter(f"invalid IPv{fam} address: {text}") from None
        if p.forwarding_read_live and kind not in ("host", "none"):
            # 20.10 reads ip_forward at each create (sysinfo.New); 26 and 28 keep what they read at
            # start-up, so a later `sysctl -w net.ipv4.ip_forward=0` goes unsaid (r280)
            written = self.ctl.kernel.host.sysctl
            if "0" in (written.get("net.ipv4.ip_forward"), written.get("net.ipv4.conf.all.forwarding")):
                warnings.append("IPv4 forwarding is disabled. Networking will not work.")
        if kind == "host" and spec.port_bindings:
            warnings.append("Published ports are discarded when using host network mode")
        cid = self.rand.object_id()
        while cid in self.containers:
            cid = self.rand.object_id()
        if not name:
            from .names import generate_name        # (a container without --name: issue 15)
            name = generate_name(self.rand, self.names)
        stored_mode = mode
        if kind == "bridge":
            # no --network: each engine's default name; 28 also turns "default" into "bridge"
            stored_mode = p.inspect.network_mode_default if mode in ("", "default") else mode
            if p.inspect.network_mode_canonical:
                stored_mode = "bridge"
        elif kind == "container":
            donor_ref = mode.split(":", 1)[1]
            try:
                stored_mode = "container:" + self.find_container(donor_ref).id
            except NotFound:
                stored_mode = mode
        exposed = tuple(dict.fromkeys((*image.exposed, *spec.expose,     # keys as sent (compose: "5000"; c37)
                                       *spec.port_bindings.keys())))
        c = Container(id=cid, name=name, image=image, image_ref=spec.image,
                      cmd=tuple(spec.cmd) if spec.cmd else (() if spec.entrypoint else tuple(image.cmd)),
                      created_ns=self.rand.now_ns(),
                      network_mode=stored_mode, port_bindings={k: [dict(b) for b in v] for k, v in spec.port_bindings.items()} or EMPTY_DICT,
                      publish_all=spec.publish_all, exposed=exposed, hostname=spec.hostname,
                      domainname=spec.domainname, user_hostname=bool(spec.hostname), dns=_sent(spec.dns),
                      dns_search=_sent(spec.dns_search), dns_options=_sent(spec.dns_options),
                      extra_hosts=_sent(spec.extra_hosts),
                      links=None, mac_address=spec.mac_address, tty=spec.tty, open_stdin=spec.open_stdin,
                      labels=dict(spec.labels) or EMPTY_DICT, env=list(spec.env) if spec.env else None, user=spec.user,
                      restart_name=spec.restart_name or "no", restart_max_retries=spec.restart_max_retries,
                      auto_remove=spec.auto_remove, working_dir=spec.working_dir,
                      sysctls=dict(sorted(spec.sysctls.items())) or EMPTY_DICT,
                      cap_add=_caps(p, spec.cap_add), cap_drop=_caps(p, spec.cap_drop), privileged=spec.privileged,
                      readonly_rootfs=spec.readonly_rootfs, init=spec.init, stop_signal=spec.stop_signal,
                      stop_timeout=spec.stop_timeout, ipc_mode=self._joined(spec.ipc_mode),
                      pid_mode=self._joined(spec.pid_mode),
                      tmpfs=dict(spec.tmpfs) or EMPTY_DICT, ulimits=None if spec.ulimits is None else tuple(spec.ulimits), log_driver=spec.log_driver,
                      log_options=dict(spec.log_options) or EMPTY_DICT)
        if spec.healthcheck is not None or image.healthcheck is not None:
            from .health import HealthConfig
            c.healthcheck = (spec.healthcheck or HealthConfig()).merged_over(image.healthcheck)
        if not c.hostname:
            c.hostname = self.host.hostname if kind == "host" else cid[:12]
        if kind == "container":
            try:
                donor = self.find_container(mode.split(":", 1)[1])
                c.hostname = donor.hostname
                c.domainname = donor.domainname
            except NotFound:
                pass
        user_links: list[str] = []
        if spec.links:
            resolved = []
            for l in spec.links:
                target, _, alias = l.partition(":")
                try:
                    child = self.find_container(target)
                except NotFound as e:
                    raise InvalidParameter(f"could not get container for {target}: {e}") from None
                resolved.append(f"/{child.name}:/{name}/{alias or child.name}")
                user_links.append(f"{child.name}:{alias or child.name}")
            if kind == "bridge":
                c.links = resolved           # legacy links live on the default bridge
        for nname, es in netmap.items():
            if kind == "user" and nname == mode and user_links:
                # on a user network they are DNS aliases (a client of API 1.44 or later sends them
                # on the endpoint too: kept once, r45 through the API)
                es.links = list(dict.fromkeys([*es.links, *user_links]))
            net_id = ""
            try:
                net_id = self.ctl.find_network(nname).id
            except DockerError:
                pass
            c.networks[nname] = EndpointSettings(network_id=net_id, ipv4=es.ipv4, ipv6=es.ipv6,
                                                 aliases=tuple(es.aliases), links=tuple(es.links), mac=es.mac,
                                                 driver_opts=es.driver_opts, gw_priority=es.gw_priority,
                                                 has_ipam_config=bool(es.ipv4 or es.ipv6 or es.link_local_ips),
                                                 aliases_null=not es.aliases, link_local_ips=tuple(es.link_local_ips))
        c.entrypoint = list(spec.entrypoint) if spec.entrypoint else None
        self.journal.record(lambda: (self.containers.pop(cid, None), self.names.pop(name, None)))
        self.containers[cid] = c
        self.names[name] = cid
        self.events.container(c, "create")
        return cid, warnings

    # -- start -------------------------------------------------------------------------------
    def _to_start(self, term: str) -> Optional[Container]:
        """The container a start names, or None when it is running already (a paused one refuses)."""
        c = self.find_container(term)
        if c.paused:
            raise Conflict(START_PAUSED)
        return None if c.running else c

    def container_start(self, term: str) -> None:
        """Start a container (POST /containers/{id}/start): sandbox, endpoints, ports."""
        c = self._to_start(term)
        if c is None:
            return
        with self.journal.transaction():
            try:
                self._start(c)
                self.events.container(c, "start")
            except DockerError:
                # daemon/start.go: a start that failed leaves exit code 128 (r176) unless it has one
                # (a killed container keeps its 137: r28), whatever else it undid
                if c.exit_code == 0:
                    self.journal.survive_rollback(lambda: self._set_exit_code(c, 128))
                if c.auto_remove:       # daemon/start.go: an AutoRemove container goes with its failed start
                    self.journal.survive_rollback(lambda: self._remove(c))
                raise

    def _set_exit_code(self, c: Container, code: int) -> None:
        old = c.exit_code
        self.journal.record(lambda: setattr(c, "exit_code", old))
        c.exit_code = code

    def container_task_failed(self, term: str, error: str, exit_code: int = 127) -> None:
        """A start that runc refused (the program is not in the image): dockerd had set up the
        container's network and ports for the task and takes them down again; the container keeps
        its state, with ``error`` in State.Error and ``exit_code`` as its ExitCode (r190). A failure
        of the network setup itself is the start's own error, raised as ``container_start`` does."""
        c = self._to_start(term)
        if c is None:
            return
        with self.journal.transaction():
            self._start(c, task=False)
            listed = dict(c.ports_published) or EMPTY_DICT if self.profile.failed_task_lists_ports else EMPTY_DICT
            self._release_network(c)
            old = (c.error, c.exit_code, c.listed_ports)
            self.journal.record(lambda: (setattr(c, "error", old[0]), setattr(c, "exit_code", old[1]),
                                         setattr(c, "listed_ports", old[2])))
            c.error, c.exit_code, c.listed_ports = error, exit_code, listed
            if c.auto_remove:
                self._auto_remove(c)

    def _start(self, c: Container, task: bool = True) -> None:
        """The container's network and ports; then (``task``) its process runs."""
        p = self.profile
        kind = c.mode_kind
        prefix = p.start_error_prefix
        if kind == "container":
            ref = c.network_mode.split(":", 1)[1]
            try:
                donor = self.find_container(ref)
            except NotFound:
                if p.messages.join_missing_donor is not None:
                    raise SystemError_(p.messages.join_missing_donor.format(ref=ref)) from None
                raise
            if donor is c:
                raise InvalidParameter(p.messages.join_own_netns)
            if not donor.running:
                raise Conflict(p.messages.join_not_running.format(id=donor.id, name=donor.name,
                                                                  status=donor.status))
            self.journal.record(lambda: (setattr(c, "donor", None), setattr(c, "shared_ns", None)))
            c.donor = donor
            c.shared_ns = donor.shared_ns if donor.mode_kind == "container" else (
                donor.sandbox.ns if donor.sandbox is not None else None)
            if task:
                if c.shared_ns is not None and c.sysctls:
                    # runc writes into the namespace it joins (r243: container:s1 takes net.core.*)
                    from .sysctls import apply
                    apply(p, self.journal, c.shared_ns, c.sysctls, own_netns=False,
                                  host_netns=c.shared_ns is self.ctl.host_ns())
                self._mount_events(c)
                self._set_running(c)
            return
        if c.links:
            self.links.check_links(c)
        self.journal.record(lambda: setattr(c, "sandbox", None))
        sb = self.ctl.new_sandbox(c.id, host_mode=(kind == "host"))
        c.sandbox = sb
        if task and p.events.mount_before_network:
            self._mount_events(c)
        try:
            self._attach_all(c, sb)
            self.publisher.place_ports(c)
        except DockerError as e:
            if prefix and not str(e).startswith(prefix):
                raise type(e)(prefix + str(e)) from None
            raise
        if not task:
            return
        if not p.events.mount_before_network:
            self._mount_events(c)
        if c.sysctls:
            from .sysctls import apply
            apply(p, self.journal, sb.ns, c.sysctls, own_netns=not sb.host_mode, host_netns=sb.host_mode)
        elif not sb.host_mode:
            # dockerd's two (daemon.sysctls: without a --sysctl, nothing else is written or checked)
            for key, value in DOCKER_DEFAULT_SYSCTLS:
                self.journal.record(restore_item(sb.ns.sysctl, key))
                sb.ns.sysctl[key] = value
        if c.user and self.knows_image(c.image):
            # the runtime spec's user, looked up once the network is there (r176)
            who = exec_user(c.user)
            if isinstance(who, str):
                raise SystemError_(who)
        self._set_running(c)
        note_networks(self.journal, c)

    def _mount_events(self, c: Container) -> None:
        """setupMounts: a ``mount`` event for each volume the task mounts."""
        for m in c.mounts:
            if m.type == "volume" and m.name:
                self.events.volume(m.name, "mount", {"container": c.id, "destination": m.destination,
                                                      "propagation": "", "read/write": "true" if m.rw else "false"})

    def _set_running(self, c: Container) -> None:
        old = (c.status, c.pid, c.started_ns, c.exit_code)
        kept = (c.error, c.listed_ports)
        self.journal.record(lambda: (_restore_state(c, old), setattr(c, "error", kept[0]),
                                     setattr(c, "listed_ports", kept[1])))
        pid = self.pids.next(self.rand.randbits(5))   # the counter records its own undo first
        started = self.rand.now_ns()
        c.status, c.pid, c.started_ns, c.exit_code = "running", pid, started, 0
        c.error, c.listed_ports = "", EMPTY_DICT
        if c.healthcheck is not None and c.healthcheck.probe_argv() is not None:
            self._monitor_health(c)

    def _monitor_health(self, c: Container) -> None:
        """moby initHealthMonitor: the container is ``starting`` again, streak 0, its log kept,
        and its first probe is due an interval from now (daemon/health.py)."""
        from .health import Health, interval_after
        old = c.health
        self.journal.record(restore_item(self.store.monitored, c.id))
        self.journal.record(lambda: setattr(c, "health", old))
        fresh = Health(log=old.log if old is not None else ())
        wait = interval_after(c.healthcheck, fresh, c.started_ns, c.started_ns, self.profile.health_start_interval)
        c.health = Health(log=fresh.log, next_ns=c.started_ns + wait)
        self.store.monitored[c.id] = c

    def container_health_probe(self, term: str, exit_code: int, output: str) -> None:
        """The monitor's probe of ``term``, due now or earlier, ended with ``exit_code`` and
        ``output``: the clock moves to its end, State.Health takes the result, the next probe is
        scheduled (daemon/health.py)."""
        from .health import PROBE_TIME, ProbeResult, after_probe, cut_output, interval_after
        c = self.find_container(term)
        old = c.health
        if old is None or c.healthcheck is None or c.id not in self.store.monitored:
            raise Conflict(f"container {c.id} has no health check running")
        with self.journal.transaction():
            start = max(old.next_ns, self.rand.peek_ns())
            end = start + PROBE_TIME
            self.rand.pass_until(end)
            new = after_probe(c.healthcheck, old, c.started_ns, ProbeResult(start, end, exit_code, cut_output(output)))
            wait = interval_after(c.healthcheck, new, c.started_ns, end, self.profile.health_start_interval)
            self.journal.record(lambda: setattr(c, "health", old))
            c.health = type(new)(new.status, new.failing_streak, new.log, end + wait)

    def health_due(self, until_ns: int) -> Optional[Container]:
        """The watched container whose probe is due first, at ``until_ns`` or before (a paused one
        waits: the freezer holds its processes)."""
        best: Optional[Container] = None
        for c in self.store.monitored.values():
            h = c.health
            if h is not None and not c.paused and h.next_ns <= until_ns and (best is None or h.next_ns < best.health.next_ns):  # type: ignore[union-attr]
                best = c
        return best

    def _end_health(self, c: Container) -> None:
        """The probes stop with the container; its health reads ``unhealthy`` (r260), streak and log kept."""
        old = c.health
        if old is None:
            return
        from .health import UNHEALTHY, Health
        self.journal.record(put_back(self.store.monitored, c.id, c))
        self.journal.record(lambda: setattr(c, "health", old))
        del self.store.monitored[c.id]
        c.health = Health(UNHEALTHY, old.failing_streak, old.log)

    def _attach_all(self, c: Container, sb: Sandbox) -> None:
        order = list(c.networks.keys())
        # the default network connects first; 20.10 then names interfaces in libnetwork's order
        if "bridge" in order:
            order.remove("bridge")
            order.insert(0, "bridge")
        if self.profile.eth_names_in_libnetwork_order and len(order) > 1 and c.mode_kind in ("bridge", "user"):
            # the interfaces are made once the container's namespace exists, in the sandbox's
            # endpoint order (tests/golden r170, r171): an endpoint has the gateways its
            # network's pools give it
            keys = {}
            for n in order:
                try:
                    net = self.ctl.find_network(n)
                except NotFound:
                    keys[n] = (0, 0, 0, 0, n)     # the start fails on it: its name is never seen
                    continue
                keys[n] = order_key(net, self._gw_priority(c.networks[n]), bool(net.pools4), bool(net.pools6))
            names = {n: f"eth{i}" for i, n in enumerate(sorted(order, key=keys.__getitem__))}
            sb.next_eth = len(order)
        else:
            names = {}
        for nname in order:
            self.connect_endpoint(c, nname, c.networks[nname], sb, ifname=names.get(nname))

    def _gw_priority(self, es: EndpointSettings) -> int:
        """The endpoint's GwPriority as the engine reads it (older engines ignore the field)."""
        return es.gw_priority if self.profile.endpoint_gw_priority else 0

    def connect_endpoint(self, c: Container, nname: str, es: EndpointSettings, sb: Sandbox,
                          ifname: Optional[str] = None) -> Optional[Endpoint]:
        if es.network_id:
            # the network the container was created for, by its ID: removing it is noticed at start
            net = self.ctl.networks.get(es.network_id)
            if net is None:
                raise NotFound(f"network {es.network_id} not found")
        else:
            net = self.ctl.find_network(nname)
        errs = endpoint_config_errors(self.profile, net, nname, es, at_create=False)
        if errs:
            raise InvalidParameter(errs[0])
        if es.network_id != net.id:
            old = es.network_id
            self.journal.record(lambda: setattr(es, "network_id", old))
            es.network_id = net.id
        ip4 = parse_ip(es.ipv4) if es.ipv4 else None
        ip6 = parse_ip(es.ipv6) if es.ipv6 else None
        if ip4 is not None and not any(ps.pool.contains(ip4) for ps in net.pools4):
            raise InvalidParameter(self.profile.messages.address_not_in_subnet.format(ip=ip4))
        dns_names: tuple[str, ...] = ()
        if not net.predefined:
            dns_names = tuple(dict.fromkeys((c.name, *es.aliases, c.short_id)))
        asked = es.mac or (c.mac_address if nname in ("bridge", c.network_mode) else "")
        mac = endpoint_mac(asked)
        ep = self.ctl.create_endpoint(net, c.id, c.name, ip4=ip4, ip6=ip6, mac=mac,
                                      aliases=es.aliases, dns_names=dns_names,
                                      gw_priority=self._gw_priority(es))
        self.ctl.join(ep, sb, ifname=ifname)
        self.events.network(net.id, net.name, net.driver, "connect", c.id)
        if mac and ep.host_link is not None:
            why = link_mac_error(self.profile, ep.host_link.name, asked, mac, self.rand.peek_ns())
            if why is not None:
                raise SystemError_(why)
        if not MTU_MIN <= net.mtu <= MTU_MAX and ep.host_link is not None:
            # only 20.10 gets here (28 refuses the network): its veth takes no such MTU
            # (recorded: tests/golden/api r124_mtu_start, 67 and 65536)
            raise SystemError_(f"failed to create endpoint {c.name} on network {net.name}: failed to set MTU on "
                               f"host interface {ep.host_link.name}: {EINVAL_TEXT}")
        if nname == "bridge" and c.links:
            self.links.program_links(c, ep)
        old_join = (es.joined, es.dns_names, es.endpoint)
        self.journal.record(lambda: (setattr(es, "joined", old_join[0]), setattr(es, "dns_names", old_join[1]),
                                     setattr(es, "endpoint", old_join[2])))
        if not es.joined or es.dns_names != ep.dns_names:
            es.joined, es.dns_names = True, ep.dns_names if dns_names else None
        es.endpoint = ep
        return ep

    # -- stop / kill / restart ---------------------------------------------------------------------
    def container_stop(self, term: str) -> None:
        c = self.find_container(term)
        if not c.running:
            return
        with self.journal.transaction():
            # the images' shell runs as PID 1 and ignores SIGTERM: dockerd kills it after the timeout
            self._stop_signals(c)
            self._task_ended(c, exit_code=137, stopped=True)

    def container_exited(self, term: str, exit_code: int = 0) -> None:
        """The container's main process ended by itself (an attached ``docker run`` whose command
        finished): its network is released as on a stop."""
        c = self.find_container(term)
        if not c.running:
            return
        with self.journal.transaction():
            self._task_ended(c, exit_code=exit_code)

    def container_output(self, term: str, stdout: str, stderr: str) -> None:
        c = self.find_container(term)
        held = dict(c.log_partial)
        lines: list[tuple[str, str]] = []
        partial: list[tuple[str, str]] = []
        for stream, text in (("stdout", stdout), ("stderr", stderr)):
            # json-file's reader: an entry a line, a line ends at "\n" only (a tty's "\r\n" too)
            *ended, rest = (held.get(stream, "") + text).split("\n")
            lines += [(stream, line + "\n") for line in ended]
            if rest:
                partial.append((stream, rest))
        if not lines and tuple(partial) == c.log_partial:
            return
        with self.journal.transaction():
            old = (c.log, c.log_partial)
            self.journal.record(lambda: (setattr(c, "log", old[0]), setattr(c, "log_partial", old[1])))
            c.log, c.log_partial = old[0] + tuple(lines), tuple(partial)

    def _close_log(self, c: Container) -> None:
        """PID 1's streams close: a line left without its end is logged as it is."""
        if not c.log_partial:
            return
        old = (c.log, c.log_partial)
        self.journal.record(lambda: (setattr(c, "log", old[0]), setattr(c, "log_partial", old[1])))
        c.log, c.log_partial = old[0] + old[1], ()

    def container_kill(self, term: str, signal: str = "KILL") -> None:
        """Send a signal (POST /containers/{id}/kill). The images' shell runs as PID 1, which the
        kernel shields from every signal it has no handler for: only SIGKILL stops it."""
        m = self.profile.messages
        try:
            c = self.find_container(term)
        except NotFound as e:
            raise NotFound(m.kill_not_found.format(term=term, err=e)) from None
        from .signals import parse_signal       # the signal table: loaded by the first kill (issue 15)
        signum = parse_signal(signal)
        if signum is None:
            raise InvalidParameter(m.kill_bad_signal.format(term=term, signal=signal))
        if not c.running:
            raise Conflict(m.kill_not_running.format(term=term, id=c.id))
        with self.journal.transaction():
            self.events.container(c, "kill", {"signal": str(signum)})
            if signum == 9:
                self._task_ended(c, exit_code=137)

    def exec_server(self, term: str, argv: list[str]) -> None:
        """A process ``docker exec`` started keeps running in the container (detached, or a server
        that put itself in the background), until the container stops."""
        c = self.find_container(term)
        if not c.running:
            raise Conflict(self.profile.messages.exec_not_running.format(id=c.id))
        with self.journal.transaction():
            servers = c.servers
            self.journal.record(lambda: setattr(c, "servers", servers))
            c.servers = servers + (tuple(argv),)

    # -- pause / unpause ---------------------------------------------------------------------------
    def container_pause(self, term: str) -> None:
        """Freeze every process (POST /containers/{id}/pause). The container stays running: its
        namespace, addresses, ports and DNS names stay, and the kernel still answers for it (r180)."""
        c = self.find_container(term)
        m = self.profile.messages
        if not c.running:
            raise Conflict(m.pause_not_running.format(id=c.id))
        if c.paused:
            raise Conflict(PAUSE_PAUSED.format(id=c.id))
        self._set_paused(c, True)

    def container_unpause(self, term: str) -> None:
        """Thaw the container's processes (POST /containers/{id}/unpause)."""
        c = self.find_container(term)
        if not c.paused:
            raise Conflict(UNPAUSE_NOT_PAUSED.format(id=c.id))
        self._set_paused(c, False)

    def _set_paused(self, c: Container, paused: bool) -> None:
        with self.journal.transaction():
            self.journal.record(lambda: setattr(c, "paused", not paused))
            c.paused = paused
            self.events.container(c, "pause" if paused else "unpause")

    def _task_ended(self, c: Container, exit_code: int, stopped: bool = False) -> None:
        """PID 1 is gone (it exited, or a stop or kill ended it): the container stops, and one
        created with AutoRemove is removed with it (moby daemon/monitor.go: not on a restart,
        which calls ``_stop`` itself)."""
        self._stop(c, exit_code=exit_code, stopped=stopped)
        if c.auto_remove:
            self._auto_remove(c)

    def _stop_signals(self, c: Container) -> None:
        """containerStop: SIGTERM, which the images' shell ignores, then SIGKILL (r270)."""
        self.events.container(c, "kill", {"signal": "15"})
        self.events.container(c, "kill", {"signal": "9"})

    def _stop(self, c: Container, exit_code: int = 0, stopped: bool = False) -> None:
        """The task is gone: its network and mounts released and ``die`` logged, in the engine's
        order (``EventFacts.release_before_die``), and ``stop`` when a stop ended it, before or
        after ``die`` (``stop_before_die``)."""
        f = self.profile.events
        self._close_log(c)
        if not f.release_before_die:
            self._died(c, exit_code, stopped, self.rand.peek_ns())
        self._release_network(c)
        for m in c.mounts:
            if m.type == "volume" and m.name:
                self.events.volume(m.name, "unmount", {"container": c.id})
        old = (c.status, c.pid, c.started_ns, c.exit_code, c.finished_ns, c.servers, c.paused)
        self.journal.record(lambda: (_restore_state(c, old[:4]), setattr(c, "finished_ns", old[4]),
                                     setattr(c, "servers", old[5]), setattr(c, "paused", old[6])))
        c.servers = ()                  # every process of the container ends with PID 1
        if c.health is not None and c.health.next_ns:
            self._end_health(c)
        c.paused = False                # a stop thaws the container to let its processes die
        finished = self.rand.now_ns()
        started = c.started_ns
        c.status, c.pid, c.exit_code, c.finished_ns = "exited", 0, exit_code, finished
        if f.release_before_die:
            self._died(c, exit_code, stopped, finished, started)
        elif stopped:
            self.events.container(c, "stop")
        # (containers sharing this one's namespace lose its interfaces with it: they keep only lo)

    def _died(self, c: Container, exit_code: int, stopped: bool, now_ns: int, started_ns: int = -1) -> None:
        """The monitor's ``die`` (with the seconds the task ran, where the engine says so), and a
        stop's ``stop`` before it where the engine logs that first."""
        f = self.profile.events
        die = {"exitCode": str(exit_code)}
        if f.die_exec_duration:
            began = c.started_ns if started_ns < 0 else started_ns
            die["execDuration"] = str(max(0, now_ns - began) // 1_000_000_000)
        if stopped and f.stop_before_die:
            self.events.container(c, "stop")
        self.events.container(c, "die", die)
        if stopped and not f.stop_before_die and f.release_before_die:
            self.events.container(c, "stop")

    def _release_network(self, c: Container) -> None:
        sb = c.sandbox
        if c.mode_kind == "container":
            old = (c.donor, c.shared_ns)
            self.journal.record(lambda: (setattr(c, "donor", old[0]), setattr(c, "shared_ns", old[1])))
            c.donor = None
            c.shared_ns = None
            return
        if sb is None:
            return
        for nname, es in c.networks.items():
            ep = es.endpoint
            if ep is None:
                continue
            self.detach_endpoint(c, es)
        self.ctl.delete_sandbox(sb)
        prev = (c.stale_sandbox_id, c.stale_sandbox_key, c.ports_published)
        self.journal.record(lambda: (setattr(c, "stale_sandbox_id", prev[0]), setattr(c, "stale_sandbox_key", prev[1]),
                                     setattr(c, "sandbox", sb), setattr(c, "ports_published", prev[2])))
        if not self.profile.inspect.clear_sandbox_on_stop:
            c.stale_sandbox_id, c.stale_sandbox_key = sb.id, sb.key
        c.sandbox = None
        c.ports_published = EMPTY_DICT

    def detach_endpoint(self, c: Container, es: EndpointSettings) -> None:
        ep = es.endpoint
        assert ep is not None
        self.ctl.leave(ep)
        for hold in ep.port_holds:
            self.ctl.release_ports(hold)
        self.ctl.delete_endpoint(ep)
        net = ep.network
        self.events.network(net.id, net.name, net.driver, "disconnect", c.id)
        self.journal.record(lambda: setattr(es, "endpoint", ep))
        es.endpoint = None

    def container_restart(self, term: str) -> None:
        """Restart (POST /containers/{id}/restart): a stop, then a start. As in dockerd the two
        steps stand on their own: if the start fails, the container stays stopped."""
        c = self.find_container(term)
        with self.journal.transaction(keep=(DockerError,)):   # an interrupt takes back both steps
            if c.running:
                with self.journal.transaction():
                    self._stop_signals(c)
                    self._stop(c, exit_code=137, stopped=True)
            try:
                with self.journal.transaction():
                    self._start(c)
                    self.events.container(c, "start")
                    self.events.container(c, "restart")
            except DockerError as e:
                raise type(e)(RESTART_FAILED.format(term=term, error=e)) from None

    # -- remove / rename -------------------------------------------------------------------------
    def container_remove(self, term: str, force: bool = False) -> None:
        c = self.find_container(term)
        with self.journal.transaction():
            if c.paused and not force:
                raise Conflict(self.profile.messages.rm_paused.format(term=term, id=c.id, name="/" + c.name))
            if c.running:
                if not force:
                    raise Conflict(self.profile.messages.rm_running.format(term=term, id=c.id, name="/" + c.name))
                self.events.container(c, "kill", {"signal": "9"})
                self._stop(c, exit_code=137)
            self._remove(c)

    def containers_prune(self, filters: Sequence[str] = ()) -> list[str]:
        """Remove every container that is not running (created or exited: a paused one runs);
        their IDs in the daemon's list order, newest first (POST /containers/prune; r210).
        ``filters`` as a network prune's: ``label=…``, ``label!=…``, ``until=…``."""
        from .networks import labels_match, prune_filters
        labels, until_ns = prune_filters(filters, self.profile, self.rand.peek_ns())
        removed: list[str] = []
        with self.journal.transaction():
            for c in self.container_list(all=True):
                if c.running or not labels_match(c.labels, labels):
                    continue
                if until_ns is not None and c.created_ns >= until_ns:
                    continue
                self._remove(c)
                removed.append(c.id)
        return removed

    def _auto_remove(self, c: Container) -> None:
        """AutoRemove (``--rm``): moby's monitor removes the container with its anonymous volumes
        (``ContainerRmConfig.RemoveVolume``), as ``rm -v`` does; a volume another container mounts stays."""
        self._remove(c)
        self.volumes.remove_anonymous(c, self.containers.values())

    def _remove(self, c: Container) -> None:
        """The container leaves the daemon's tables (it is stopped); a rollback puts it back in
        its place in the listings."""
        self.journal.record(put_back(self.containers, c.id, c))
        self.journal.record(put_back(self.names, c.name, c.id))
        del self.containers[c.id]
        del self.names[c.name]
        if c.id in self.store.monitored:        # (a stop took it out already: never, as a rule)
            self.journal.record(put_back(self.store.monitored, c.id, c))
            del self.store.monitored[c.id]
        self.events.container(c, "destroy")

    def container_rename(self, term: str, new: str) -> None:
        c = self.find_container(term)
        new = new.lstrip("/")
        if not new or not is_valid_name(new):
            raise InvalidParameter(f"Error when allocating new name: Invalid container name (/{new}), only "
                                   f"[a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
        if new == c.name:
            raise InvalidParameter("Renaming a container with the same name as its current name")
        if new in self.names:
            raise Conflict(f'Error when allocating new name: Conflict. The container name "/{new}" is already in use by container '
                           f'"{self.names[new]}". You have to remove (or rename) that container to be able to '
                           f'reuse that name.')
        with self.journal.transaction():
            old = c.name
            for es in c.networks.values():
                if es.endpoint is not None:
                    self._rename_endpoint(es.endpoint, old, new)
            self.events.container(c, "rename", {"name": new, "oldName": "/" + old})
            self._rename_step(c, old, new)   # last: the name table keeps its order unless it succeeds

    def _rename_step(self, c: Container, old: str, new: str) -> None:
        names = self.names
        self.journal.record(lambda: (names.pop(new, None), names.__setitem__(old, c.id), setattr(c, "name", old)))
        del names[old]
        names[new] = c.id
        c.name = new

    def _rename_endpoint(self, ep: Endpoint, old: str, new: str) -> None:
        table, dns = ep.network.endpoint_names, ep.dns_names
        prev_old, prev_new = table.get(old), table.get(new)

        def undo() -> None:
            for key, value in ((new, prev_new), (old, prev_old)):
                table.pop(key, None)
                if value is not None:
                    table[key] = value
            ep.name, ep.dns_names = old, dns
        self.journal.record(undo)
        table.pop(old, None)
        table[new] = ep
        ep.name = new
        if dns and dns[0] == old:
            ep.dns_names = (new, *dns[1:])

    # -- queries ---------------------------------------------------------------------------------
    def _joined(self, mode: str) -> str:
        """An ipc or pid mode as stored: ``container:NAME`` names the container by its ID (r300)."""
        if mode.startswith("container:"):
            try:
                return "container:" + self.find_container(mode.split(":", 1)[1]).id
            except NotFound:
                return mode
        return mode

    def container_list(self, all: bool = False) -> list[Container]:
        cs = [c for c in self.containers.values() if all or c.running]
        return sorted(cs, key=lambda c: c.created_ns, reverse=True)

    def container_netns(self, c: Container) -> Optional[Namespace]:
        """The namespace a container's processes see (its donor's in container: mode)."""
        if c.mode_kind == "container":
            return c.shared_ns
        return c.sandbox.ns if c.sandbox is not None else None


def _mode_kind(mode: str) -> str:
    if mode == "host":
        return "host"
    if mode == "none":
        return "none"
    if mode.startswith("container:"):
        return "container"
    if mode in ("default", "bridge", ""):
        return "bridge"
    return "user"


def _caps(p: "Profile", values: Optional[list[str]]) -> Optional[tuple[str, ...]]:
    """Capabilities as the daemon stores them: 28 upper-cases them with CAP_ in front (r300)."""
    if values is None or not p.capabilities_normalized:
        return _sent(values)
    return tuple(v if v.upper() == "ALL" else (v.upper() if v.upper().startswith("CAP_") else "CAP_" + v.upper())
                 for v in values)


def _sent(values: Optional[list[str]]) -> Optional[tuple[str, ...]]:
    """A list as the client sent it: null stays null, [] stays [] (inspect shows which; c37)."""
    return None if values is None else tuple(values)


def _restore_state(c: Container, old: tuple[Any, ...]) -> None:
    c.status, c.pid, c.started_ns, c.exit_code = old
