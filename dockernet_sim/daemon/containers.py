"""The Engine API's container endpoints, as far as networking goes.

create, start, stop, restart, kill, remove, rename, and network connect/disconnect. Addresses
are taken when a container starts (or is connected while running) and given back when it
stops: so an address can change across a restart, as the tutorial warns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..addr import AddrError, parse_ip
from ..errors import Conflict, DockerError, InvalidParameter, NotFound, SystemError_
from ..libnetwork.model import Endpoint, Network, Sandbox
from ..values import EINVAL_TEXT, MTU_MAX, MTU_MIN, parse_mac, typed
from .container import Container, EndpointSettings, is_valid_name, parse_port_proto, port_key
from .connect import ConnectMixin
from .etcfiles import note_networks
from .macs import endpoint_mac, link_mac_error
from .portspecs import check_port_bindings
from .names import generate_name
from .ports import PortsMixin
from .specs import ContainerSpec, EndpointSpec

if TYPE_CHECKING:  # pragma: no cover
    from .daemon import Daemon


class ContainerAPI(PortsMixin, ConnectMixin):
    """Mixin of the Daemon: the /containers endpoints."""

    # -- lookup ------------------------------------------------------------------------------
    @typed
    def find_container(self: "Daemon", term: str) -> Container:
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

    # -- create ------------------------------------------------------------------------------
    @typed
    def container_create(self: "Daemon", spec: ContainerSpec) -> tuple[str, list[str]]:
        """Create a container (POST /containers/create); returns (ID, warnings)."""
        with self.journal.transaction():
            return self._container_create(spec)

    def _container_create(self: "Daemon", spec: ContainerSpec) -> tuple[str, list[str]]:
        p = self.profile
        warnings: list[str] = []
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
                w = "invalid" if p.ipam_engine == "28" else "Invalid"
                raise InvalidParameter(f"{w} network mode: invalid container format container:<name|id>")
            if spec.hostname:
                raise InvalidParameter("conflicting options: hostname and the network mode")
            if spec.links:
                raise InvalidParameter("conflicting options: container type network can't be used with links. "
                                       "This would result in undefined behavior")
            if spec.dns:
                raise InvalidParameter("conflicting options: dns and the network mode")
            if spec.extra_hosts:
                raise InvalidParameter("conflicting options: custom host-to-IP mapping and the network mode")
            if spec.mac_address and p.name == "20.10":
                raise InvalidParameter("conflicting options: mac-address and the network mode")
            if spec.port_bindings or spec.publish_all:
                raise InvalidParameter("conflicting options: port publishing and the container type network mode")
            if spec.expose:
                raise InvalidParameter("conflicting options: port exposing and the container type network mode")
        if kind == "host":
            if spec.links:
                raise InvalidParameter("conflicting options: host type networking can't be used with links. "
                                       "This would result in undefined behavior")
            if spec.mac_address and p.name == "20.10":
                raise InvalidParameter("conflicting options: mac-address and the network mode")
        check_port_bindings(spec.port_bindings)
        image = self.image(spec.image)
        # the networks the container starts on
        netmap: dict[str, EndpointSpec] = {}
        if kind in ("bridge", "user", "host", "none"):
            primary = "bridge" if kind == "bridge" else mode
            netmap[primary] = spec.networks.get(mode) or spec.networks.get(primary) or EndpointSpec()
            for k, v in spec.networks.items():
                if k not in (mode, primary):
                    netmap[k] = v
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
                errs = self.endpoint_config_errors(net, nname, es, at_create=True)
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
        if kind == "host" and spec.port_bindings:
            warnings.append("Published ports are discarded when using host network mode")
        cid = self.rand.object_id()
        while cid in self.containers:
            cid = self.rand.object_id()
        if not name:
            name = generate_name(self.rand, self.names)
        stored_mode = mode
        if kind == "bridge":
            # no --network: each engine's default name; 28 also turns "default" into "bridge"
            stored_mode = p.network_mode_default if mode in ("", "default") else mode
            if p.name == "28":
                stored_mode = "bridge"
        elif kind == "container":
            donor_ref = mode.split(":", 1)[1]
            try:
                stored_mode = "container:" + self.find_container(donor_ref).id
            except NotFound:
                stored_mode = mode
        exposed = list(dict.fromkeys(list(image.exposed) + [_norm_port(x) for x in spec.expose]
                                     + list(spec.port_bindings.keys())))
        c = Container(id=cid, name=name, image=image, image_ref=spec.image,
                      cmd=list(spec.cmd) if spec.cmd else ([] if spec.entrypoint else list(image.cmd)),
                      created_ns=self.rand.now_ns(),
                      network_mode=stored_mode, port_bindings={k: [dict(b) for b in v] for k, v in spec.port_bindings.items()},
                      publish_all=spec.publish_all, exposed=exposed, hostname=spec.hostname,
                      domainname=spec.domainname, user_hostname=bool(spec.hostname), dns=list(spec.dns),
                      dns_search=list(spec.dns_search), dns_options=list(spec.dns_options),
                      extra_hosts=list(spec.extra_hosts) if spec.extra_hosts else None,
                      links=None, mac_address=spec.mac_address, tty=spec.tty, open_stdin=spec.open_stdin,
                      labels=dict(spec.labels), env=list(spec.env) if spec.env else None)
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
                es.links = list(es.links) + user_links   # on a user network they are DNS aliases
            net_id = ""
            try:
                net_id = self.ctl.find_network(nname).id
            except DockerError:
                pass
            c.networks[nname] = EndpointSettings(network_id=net_id, ipv4=es.ipv4, ipv6=es.ipv6,
                                                 aliases=list(es.aliases), links=list(es.links), mac=es.mac,
                                                 driver_opts=es.driver_opts, gw_priority=es.gw_priority,
                                                 has_ipam_config=bool(es.ipv4 or es.ipv6),
                                                 aliases_null=not es.aliases)
        c.entrypoint = list(spec.entrypoint) if spec.entrypoint else None
        self.journal.record(lambda: (self.containers.pop(cid, None), self.names.pop(name, None)))
        self.containers[cid] = c
        self.names[name] = cid
        return cid, warnings

    def endpoint_config_errors(self: "Daemon", net: Optional[Network], nname: str, es: Any,
                               at_create: bool) -> list[str]:
        """validateEndpointSettings: what is wrong with --ip/--ip6/--alias for this network."""
        errs: list[str] = []
        ipv4 = getattr(es, "ipv4", "")
        ipv6 = getattr(es, "ipv6", "")
        bad: set[str] = set()
        for text, fam in ((ipv4, 4), (ipv6, 6)):
            if not text:
                continue
            try:
                if parse_ip(text).version != fam:
                    raise AddrError("")
            except AddrError:
                if not self.profile.validate_endpoint_at_create:
                    return [f"invalid IPv{fam} address: {text}"]
                # 28 reports every problem: the bad text also lies in no configured subnet
                errs.append(f"invalid IPv{fam} address: {text}")
                bad.add(text)
        if net is None:
            return errs
        if ipv4 or ipv6:
            if net.predefined:
                errs.append("user specified IP address is supported on user defined networks only")
            fams = {4 if ipv4 else 0, 6 if ipv6 else 0} - {0}
            if not net.has_user_subnet or any(not _user_subnet(net, f) for f in fams):
                errs.append("user specified IP address is supported only when connecting to networks with user "
                            "configured subnets")
            elif self.profile.validate_endpoint_at_create:
                for text, pools in ((ipv4, net.pools4), (ipv6, net.pools6)):
                    if text:
                        if text in bad or not any(ps.pool.contains(parse_ip(text)) for ps in pools):
                            errs.append(f"no configured subnet or ip-range contain the IP address {text}")
        if getattr(es, "aliases", None) and net.predefined:
            errs.append("network-scoped alias is supported only for containers in user defined networks")
        return errs

    # -- start -------------------------------------------------------------------------------
    @typed
    def container_start(self: "Daemon", term: str) -> None:
        """Start a container (POST /containers/{id}/start): sandbox, endpoints, ports."""
        c = self.find_container(term)
        if c.running:
            return
        with self.journal.transaction():
            self._start(c)

    def _start(self: "Daemon", c: Container) -> None:
        p = self.profile
        kind = c.mode_kind
        prefix = p.start_error_prefix
        if kind == "container":
            ref = c.network_mode.split(":", 1)[1]
            try:
                donor = self.find_container(ref)
            except NotFound:
                if p.name == "28":
                    raise SystemError_(f"joining network namespace of container: No such container: {ref}") from None
                raise
            if donor is c:
                raise InvalidParameter("cannot join own network namespace" if p.name == "28"
                                       else "cannot join own network")
            if not donor.running:
                if p.name == "28":
                    raise Conflict(f"cannot join network namespace of a non running container: container "
                                   f"{donor.name} is {donor.status}")
                raise Conflict(f"cannot join network of a non running container: {donor.id}")
            self.journal.record(lambda: (setattr(c, "donor", None), setattr(c, "shared_ns", None)))
            c.donor = donor
            c.shared_ns = donor.shared_ns if donor.mode_kind == "container" else (
                donor.sandbox.ns if donor.sandbox is not None else None)
            self._set_running(c)
            return
        if c.links:
            self._check_links(c)
        self.journal.record(lambda: setattr(c, "sandbox", None))
        sb = self.ctl.new_sandbox(c.id, host_mode=(kind == "host"))
        c.sandbox = sb
        try:
            self._attach_all(c, sb)
            self._place_ports(c)
        except DockerError as e:
            if prefix and not str(e).startswith(prefix):
                raise type(e)(prefix + str(e)) from None
            raise
        self._set_running(c)
        note_networks(self, c)

    def _set_running(self: "Daemon", c: Container) -> None:
        old = (c.status, c.pid, c.started_ns, c.exit_code)
        self.journal.record(lambda: _restore_state(c, old))
        pid = self.next_pid()
        started = self.rand.now_ns()
        c.status, c.pid, c.started_ns, c.exit_code = "running", pid, started, 0

    def _attach_all(self: "Daemon", c: Container, sb: Sandbox) -> None:
        order = list(c.networks.keys())
        # the default network connects first; 20.10 then names interfaces in libnetwork's order
        if "bridge" in order:
            order.remove("bridge")
            order.insert(0, "bridge")
        if self.profile.name == "20.10" and len(order) > 1 and c.mode_kind in ("bridge", "user"):
            nets = []
            for n in order:
                try:
                    nets.append((self.ctl.find_network(n), n))
                except NotFound:
                    nets.append((None, n))
            order_sorted = sorted(nets, key=lambda t: (1 if t[0] is not None and t[0].internal else 0,
                                                       t[0].name if t[0] is not None else t[1]))
            names = {n: f"eth{i}" for i, (_, n) in enumerate(order_sorted)}
            sb.next_eth = len(order)
        else:
            names = {}
        for nname in order:
            self._connect_endpoint(c, nname, c.networks[nname], sb, ifname=names.get(nname))

    def _connect_endpoint(self: "Daemon", c: Container, nname: str, es: EndpointSettings, sb: Sandbox,
                          ifname: Optional[str] = None) -> Optional[Endpoint]:
        if es.network_id:
            # the network the container was created for, by its ID: removing it is noticed at start
            net = self.ctl.networks.get(es.network_id)
            if net is None:
                raise NotFound(f"network {es.network_id} not found")
        else:
            net = self.ctl.find_network(nname)
        errs = self.endpoint_config_errors(net, nname, es, at_create=False)
        if errs:
            raise InvalidParameter(errs[0])
        if es.network_id != net.id:
            old = es.network_id
            self.journal.record(lambda: setattr(es, "network_id", old))
            es.network_id = net.id
        ip4 = parse_ip(es.ipv4) if es.ipv4 else None
        ip6 = parse_ip(es.ipv6) if es.ipv6 else None
        if ip4 is not None and not any(ps.pool.contains(ip4) for ps in net.pools4):
            w = "invalid" if self.profile.ipam_engine == "28" else "Invalid"
            raise InvalidParameter(f"{w} address {ip4}: It does not belong to any of this network's subnets")
        dns_names: list[str] = []
        if not net.predefined:
            dns_names = list(dict.fromkeys([c.name] + list(es.aliases) + [c.short_id]))
        asked = es.mac or (c.mac_address if nname in ("bridge", c.network_mode) else "")
        mac = endpoint_mac(asked)
        ep = self.ctl.create_endpoint(net, c.id, c.name, ip4=ip4, ip6=ip6, mac=mac,
                                      aliases=es.aliases, dns_names=dns_names)
        self.ctl.join(ep, sb, ifname=ifname)
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
            self._program_links(c, ep)
        old_join = (es.joined, es.dns_names, es.endpoint)
        self.journal.record(lambda: (setattr(es, "joined", old_join[0]), setattr(es, "dns_names", old_join[1]),
                                     setattr(es, "endpoint", old_join[2])))
        if not es.joined or es.dns_names != ep.dns_names:
            es.joined, es.dns_names = True, list(ep.dns_names) if dns_names else None
        es.endpoint = ep
        return ep

    # -- stop / kill / restart ---------------------------------------------------------------------
    @typed
    def container_stop(self: "Daemon", term: str) -> None:
        c = self.find_container(term)
        if not c.running:
            return
        with self.journal.transaction():
            # the images' shell runs as PID 1 and ignores SIGTERM: dockerd kills it after the timeout
            self._stop(c, exit_code=137)

    @typed
    def container_exited(self: "Daemon", term: str, exit_code: int = 0) -> None:
        """The container's main process ended by itself (an attached ``docker run`` whose command
        finished): its network is released as on a stop."""
        c = self.find_container(term)
        if not c.running:
            return
        with self.journal.transaction():
            self._stop(c, exit_code=exit_code)

    @typed
    def container_kill(self: "Daemon", term: str, signal: str = "KILL") -> None:
        """Send a signal (POST /containers/{id}/kill). The images' shell runs as PID 1, which the
        kernel shields from every signal it has no handler for: only SIGKILL stops it."""
        word = "cannot" if self.profile.name == "28" else "Cannot"
        try:
            c = self.find_container(term)
        except NotFound as e:
            raise NotFound(f"{word} kill container: {term}: {e}") from None
        signum = parse_signal(signal)
        if signum is None:
            if self.profile.name == "28":
                raise InvalidParameter(f"cannot kill container: {term}: invalid signal: {signal}")
            raise InvalidParameter(f"Invalid signal: {signal}")
        if not c.running:
            raise Conflict(f"Cannot kill container: {term}: Container {c.id} is not running"
                           if self.profile.name == "20.10" else
                           f"cannot kill container: {term}: container {c.id} is not running")
        if signum != 9:
            return
        with self.journal.transaction():
            self._stop(c, exit_code=137)

    def _stop(self: "Daemon", c: Container, exit_code: int = 0) -> None:
        self._release_network(c)
        old = (c.status, c.pid, c.started_ns, c.exit_code, c.finished_ns)
        self.journal.record(lambda: (_restore_state(c, old[:4]), setattr(c, "finished_ns", old[4])))
        finished = self.rand.now_ns()
        c.status, c.pid, c.exit_code, c.finished_ns = "exited", 0, exit_code, finished
        # containers sharing this one's namespace lose their interfaces (they keep only lo)
        for other in self.containers.values():
            if other.donor is c:
                pass

    def _release_network(self: "Daemon", c: Container) -> None:
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
            self._detach_endpoint(c, es)
        self.ctl.delete_sandbox(sb)
        prev = (c.stale_sandbox_id, c.stale_sandbox_key, c.ports_published)
        self.journal.record(lambda: (setattr(c, "stale_sandbox_id", prev[0]), setattr(c, "stale_sandbox_key", prev[1]),
                                     setattr(c, "sandbox", sb), setattr(c, "ports_published", prev[2])))
        if not self.profile.clear_sandbox_on_stop:
            c.stale_sandbox_id, c.stale_sandbox_key = sb.id, sb.key
        c.sandbox = None
        c.ports_published = {}

    def _detach_endpoint(self: "Daemon", c: Container, es: EndpointSettings) -> None:
        ep = es.endpoint
        assert ep is not None
        self.ctl.leave(ep)
        for proto, hip, port in ep.port_holds:
            self.ctl.release_port(proto, hip, port)
        self.ctl.delete_endpoint(ep)
        self.journal.record(lambda: setattr(es, "endpoint", ep))
        es.endpoint = None

    @typed
    def container_restart(self: "Daemon", term: str) -> None:
        """Restart (POST /containers/{id}/restart): a stop, then a start. As in dockerd the two
        steps stand on their own: if the start fails, the container stays stopped."""
        c = self.find_container(term)
        with self.journal.transaction(keep=(DockerError,)):   # an interrupt takes back both steps
            if c.running:
                with self.journal.transaction():
                    self._stop(c, exit_code=137)
            try:
                with self.journal.transaction():
                    self._start(c)
            except DockerError as e:
                raise type(e)(f"Cannot restart container {term}: {e}") from None

    # -- remove / rename -------------------------------------------------------------------------
    @typed
    def container_remove(self: "Daemon", term: str, force: bool = False) -> None:
        c = self.find_container(term)
        with self.journal.transaction():
            if c.running:
                if not force:
                    if self.profile.name == "28":
                        raise Conflict(f'cannot remove container "{term}": container is running: stop the '
                                       f'container before removing or force remove')
                    raise Conflict(f"You cannot remove a running container {c.id}. Stop the container before "
                                   f"attempting removal or force remove")
                self._stop(c, exit_code=137)
            self.journal.record(lambda: (self.containers.__setitem__(c.id, c), self.names.__setitem__(c.name, c.id)))
            del self.containers[c.id]
            del self.names[c.name]

    @typed
    def container_rename(self: "Daemon", term: str, new: str) -> None:
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
            self._rename_step(c, old, new)   # last: the name table keeps its order unless it succeeds

    def _rename_step(self: "Daemon", c: Container, old: str, new: str) -> None:
        names = self.names
        self.journal.record(lambda: (names.pop(new, None), names.__setitem__(old, c.id), setattr(c, "name", old)))
        del names[old]
        names[new] = c.id
        c.name = new

    def _rename_endpoint(self: "Daemon", ep: Endpoint, old: str, new: str) -> None:
        table, dns = ep.network.endpoint_names, list(ep.dns_names)
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
        if ep.dns_names and ep.dns_names[0] == old:
            ep.dns_names[0] = new

    # -- connect / disconnect --------------------------------------------------------------------
    # -- queries ---------------------------------------------------------------------------------
    @typed
    def container_list(self: "Daemon", all: bool = False) -> list[Container]:
        cs = [c for c in self.containers.values() if all or c.running]
        return sorted(cs, key=lambda c: c.created_ns, reverse=True)

    def container_netns(self: "Daemon", c: Container) -> Optional[Any]:
        """The namespace a container's processes see (its donor's in container: mode)."""
        if c.mode_kind == "container":
            return c.shared_ns
        return c.sandbox.ns if c.sandbox is not None else None


SIGNALS = {"HUP": 1, "INT": 2, "QUIT": 3, "ILL": 4, "TRAP": 5, "ABRT": 6, "IOT": 6, "BUS": 7, "FPE": 8,
           "KILL": 9, "USR1": 10, "SEGV": 11, "USR2": 12, "PIPE": 13, "ALRM": 14, "TERM": 15, "STKFLT": 16,
           "CHLD": 17, "CONT": 18, "STOP": 19, "TSTP": 20, "TTIN": 21, "TTOU": 22, "URG": 23, "XCPU": 24,
           "XFSZ": 25, "VTALRM": 26, "PROF": 27, "WINCH": 28, "IO": 29, "POLL": 29, "PWR": 30, "SYS": 31}


def parse_signal(text: str) -> Optional[int]:
    """A signal by number, name or SIG-name (as moby's signal.ParseSignal), or None."""
    t = text.strip()
    if t.isdigit():
        n = int(t)
        return n if 0 < n <= 64 else None
    name = t.upper()
    if name.startswith("SIG"):
        name = name[3:]
    m = {f"RTMIN+{i}": 34 + i for i in range(1, 16)} | {f"RTMAX-{i}": 64 - i for i in range(1, 15)}
    return SIGNALS.get(name) or m.get(name) or {"RTMIN": 34, "RTMAX": 64}.get(name)


def _user_subnet(net: Network, family: int) -> bool:
    """Whether the user configured a subnet of this family (a --bip/--fixed-cidr bridge counts)."""
    if net.default_bridge:
        return bool(net.pools6 if family == 6 else net.pools4)
    pools = net.pools6 if family == 6 else net.pools4
    return any(ps.user_config is not None for ps in pools)


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


def _norm_port(spec: str) -> str:
    p, proto = parse_port_proto(spec)
    return port_key(p, proto) if p else spec


def _restore_state(c: Container, old: tuple[Any, ...]) -> None:
    c.status, c.pid, c.started_ns, c.exit_code = old
