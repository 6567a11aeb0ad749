"""docker network connect/disconnect, and the legacy links between default-bridge containers.

Connecting a running container makes an endpoint at once (its published ports move there if it
becomes the gateway endpoint); a stopped one only records the settings. Links are resolved at create,
checked at start, and opened in the firewall when icc is off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..addr import AddrError, parse_ip
from ..errors import Forbidden, InvalidParameter, NotFound
from ..libnetwork.model import Endpoint
from ..values import parse_mac, typed
from .container import Container, EndpointSettings, parse_port_proto
from .etcfiles import note_networks
from .ports import sort_port_map_2010
from .specs import EndpointSpec

if TYPE_CHECKING:  # pragma: no cover
    from .daemon import Daemon


class ConnectMixin:
    """Mixin of the Daemon: the /networks/{id}/connect and disconnect endpoints, and links."""

    @typed
    def network_connect(self: "Daemon", net_term: str, ctr_term: str, spec: Optional[EndpointSpec] = None) -> None:
        """Connect a container to a network (POST /networks/{id}/connect)."""
        spec = spec or EndpointSpec()
        with self.journal.transaction():
            net = self.ctl.find_network(net_term)
            c = self.find_container(ctr_term)
            p = self.profile
            kind = c.mode_kind
            if c.running and kind == "container":
                raise Forbidden("container sharing network namespace with another container or host cannot be "
                                "connected to any other network")
            if kind != "host" and net.driver == "host":
                raise Forbidden("cannot connect container to host network - container must be created in host "
                                "network mode" if p.name == "28" else
                                "container cannot be disconnected from host network or connected to host network")
            if spec.aliases and net.predefined:
                msg = "network-scoped alias is supported only for containers in user defined networks"
                raise InvalidParameter(f"invalid endpoint settings:\n{msg}" if p.name == "28" else msg)
            for sname in c.networks:
                if sname == net.name:
                    if c.running:
                        raise Forbidden(f"endpoint with name {c.name} already exists in network {net.name}")
                    return
                if kind in ("host", "container") or net.driver == "host":
                    raise Forbidden("container sharing network namespace with another container or host cannot "
                                    "be connected to any other network")
                if sname == "none" or net.name == "none":
                    raise Forbidden("container cannot be connected to multiple networks with one of the networks "
                                    "in private (none) mode")
            if not p.validate_endpoint_at_create and spec.ipv6:
                try:
                    if parse_ip(spec.ipv6).version != 6:
                        raise AddrError("")
                except AddrError:
                    # 20.10's connect words it with a stray parenthesis
                    raise InvalidParameter(f"Invalid IPv6 address: {spec.ipv6})") from None
            if p.validate_endpoint_at_create and spec.mac and parse_mac(spec.mac) is None:
                # 28 checks the MAC at connect (20.10 only when the endpoint is made: r122_mac_api)
                raise InvalidParameter(f"invalid MAC address {spec.mac}")
            errs = self.endpoint_config_errors(net, net.name, spec, at_create=True)
            if errs:
                if p.validate_endpoint_at_create:
                    body = errs[0] if len(errs) == 1 else "\n".join(f"* {e}" for e in errs)
                    raise InvalidParameter(f"invalid endpoint settings:\n{body}")
                raise InvalidParameter(errs[0])
            es = EndpointSettings(network_id=net.id, ipv4=spec.ipv4, ipv6=spec.ipv6, aliases=list(spec.aliases),
                                  links=list(spec.links), mac=spec.mac, driver_opts=spec.driver_opts or {},
                                  gw_priority=spec.gw_priority, has_ipam_config=True, aliases_null=False)
            if not net.predefined:
                # the names the embedded DNS will know it by are settled at connect, running or not
                es.dns_names = list(dict.fromkeys([c.name] + list(spec.aliases) + [c.short_id]))
            self.journal.record(lambda: c.networks.pop(net.name, None))
            c.networks[net.name] = es
            if c.running and c.sandbox is not None:
                self._connect_endpoint(c, net.name, es, c.sandbox)
                self._place_ports(c)
                note_networks(self, c)

    @typed
    def network_disconnect(self: "Daemon", net_term: str, ctr_term: str, force: bool = False) -> None:
        """Disconnect a container from a network (POST /networks/{id}/disconnect)."""
        with self.journal.transaction():
            try:
                net = self.ctl.find_network(net_term)
            except NotFound:
                c = self.find_container(ctr_term)
                if c.running or net_term not in c.networks:
                    if not c.running and force:
                        raise Forbidden(f"container {c.id} is not connected to the network {net_term}") from None
                    raise
                # the network was removed under a stopped container: forget its settings
                es_gone = c.networks[net_term]
                self.journal.record(lambda: c.networks.__setitem__(net_term, es_gone))
                del c.networks[net_term]
                return
            c = self.find_container(ctr_term)
            if c.mode_kind == "host" and net.driver == "host":
                raise Forbidden("cannot disconnect container from host network - container was created in host "
                                "network mode" if self.profile.name == "28" else
                                "container cannot be disconnected from host network or connected to host network")
            key = None
            for k, es in c.networks.items():
                if k == net.name or es.network_id == net.id:
                    key = k
            if key is None:
                if c.running:
                    raise Forbidden(f"container {c.id} is not connected to network {net.name}")
                raise Forbidden(f"container {c.id} is not connected to the network {net.name}")
            es = c.networks[key]
            if es.endpoint is not None:
                note_networks(self, c)   # resolv.conf keeps what it had: decide before leaving
                self._detach_endpoint(c, es)
                self._place_ports(c)
            pos = list(c.networks).index(key)

            def restore() -> None:
                items = [kv for kv in c.networks.items() if kv[0] != key]
                items.insert(pos, (key, es))
                c.networks.clear()
                c.networks.update(items)
            self.journal.record(restore)
            del c.networks[key]

    def _link_children(self: "Daemon", c: Container) -> list[tuple[Container, str]]:
        out = []
        for l in c.links or []:
            child_name, _, rest = l.partition(":")
            alias = rest.rsplit("/", 1)[-1]
            try:
                child = self.find_container(child_name.lstrip("/"))
            except NotFound:
                # the link outlives its target: starting then fails as for a stopped one
                raise InvalidParameter(f"Cannot link to a non running container: {child_name} AS /{c.name}/{alias}")
            out.append((child, alias))
        return out

    def _check_links(self: "Daemon", c: Container) -> None:
        """A legacy link needs its target running on the default bridge (checked at start)."""
        for child, alias in self._link_children(c):
            es = child.networks.get("bridge")
            if not child.running:
                raise InvalidParameter(f"Cannot link to a non running container: /{child.name} AS /{c.name}/{alias}")
            if es is None or es.endpoint is None:
                if self.profile.name == "28":
                    raise InvalidParameter(f"container {child.id} not attached to default bridge network")
                raise InvalidParameter(f"Cannot link to /{child.name}, as it does not belong to the default "
                                       f"network")

    def _program_links(self: "Daemon", c: Container, ep: Endpoint) -> None:
        """With icc off, dockerd opens each linked container's exposed ports to this one."""
        if ep.network.icc or ep.ip4 is None:
            return
        for child, _ in self._link_children(c):
            es = child.networks.get("bridge")
            cep = es.endpoint if es is not None else None
            if cep is None or cep.ip4 is None:
                continue
            keys = [k for k, _ in sort_port_map_2010([(k, {}) for k in sorted(child.exposed)])]
            ports = [(proto, port) for port, proto in (parse_port_proto(k) for k in keys)]
            self.ctl.add_link(ep, ep.ip4, cep.ip4, ports)
