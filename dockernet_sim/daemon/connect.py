"""docker network connect/disconnect.

Connecting a running container makes an endpoint at once (its published ports move there if it
becomes the gateway endpoint); a stopped one only records the settings.
"""

from __future__ import annotations

from typing import Optional

from ..addr import AddrError, parse_ip
from ..engines.profile import Profile
from ..errors import Forbidden, InvalidParameter, NotFound
from ..journal import Journal
from ..libnetwork.controller import Controller
from ..values import parse_mac
from .container import ContainerStore, EndpointSettings, note_networks
from .containers import ContainerService
from .endpoints import endpoint_config_errors
from .ports import PortService
from .specs import EndpointSpec


class ConnectService:
    """The daemon's /networks/{id}/connect and disconnect endpoints."""

    def __init__(self, profile: Profile, journal: Journal, ctl: Controller, store: ContainerStore,
                 containers: ContainerService, publisher: PortService) -> None:
        self.profile = profile
        self.journal = journal
        self.ctl = ctl
        self.store = store
        self.containers = containers
        self.publisher = publisher

    def network_connect(self, net_term: str, ctr_term: str, spec: Optional[EndpointSpec] = None) -> None:
        """Connect a container to a network (POST /networks/{id}/connect)."""
        spec = spec or EndpointSpec()
        with self.journal.transaction():
            net = self.ctl.find_network(net_term)
            c = self.store.find(ctr_term)
            p = self.profile
            kind = c.mode_kind
            if c.running and kind == "container":
                raise Forbidden("container sharing network namespace with another container or host cannot be "
                                "connected to any other network")
            if kind != "host" and net.driver == "host":
                raise Forbidden(p.messages.connect_to_host)
            if spec.aliases and net.predefined:
                msg = "network-scoped alias is supported only for containers in user defined networks"
                raise InvalidParameter(p.messages.endpoint_settings.format(msg=msg))
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
            errs = endpoint_config_errors(self.profile, net, net.name, spec, at_create=True)
            if errs:
                if p.validate_endpoint_at_create:
                    body = errs[0] if len(errs) == 1 else "\n".join(f"* {e}" for e in errs)
                    raise InvalidParameter(f"invalid endpoint settings:\n{body}")
                raise InvalidParameter(errs[0])
            es = EndpointSettings(network_id=net.id, ipv4=spec.ipv4, ipv6=spec.ipv6, aliases=tuple(spec.aliases),
                                  links=tuple(spec.links), mac=spec.mac, driver_opts=spec.driver_opts or {},
                                  gw_priority=spec.gw_priority, has_ipam_config=True, aliases_null=False,
                                  link_local_ips=tuple(spec.link_local_ips))
            if not net.predefined:
                # the names the embedded DNS will know it by are settled at connect, running or not
                es.dns_names = tuple(dict.fromkeys([c.name, *spec.aliases, c.short_id]))
            self.journal.record(lambda: c.networks.pop(net.name, None))
            c.networks[net.name] = es
            if c.running and c.sandbox is not None:
                self.containers.connect_endpoint(c, net.name, es, c.sandbox)
                self.publisher.place_ports(c)
                note_networks(self.journal, c)

    def network_disconnect(self, net_term: str, ctr_term: str, force: bool = False) -> None:
        """Disconnect a container from a network (POST /networks/{id}/disconnect)."""
        with self.journal.transaction():
            try:
                net = self.ctl.find_network(net_term)
            except NotFound:
                c = self.store.find(ctr_term)
                # daemon DisconnectFromNetwork: a stopped container (or -f) is looked up in its own
                # settings by the name given (r174: a second disconnect after the network went)
                if c.running and (not force or net_term in c.networks):
                    raise
                if net_term not in c.networks:
                    raise Forbidden(f"container {c.id} is not connected to the network {net_term}") from None
                # the network was removed under a stopped container: forget its settings
                es_gone = c.networks[net_term]
                self.journal.record(lambda: c.networks.__setitem__(net_term, es_gone))
                del c.networks[net_term]
                return
            c = self.store.find(ctr_term)
            if c.mode_kind == "host" and net.driver == "host":
                raise Forbidden(self.profile.messages.disconnect_from_host)
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
                note_networks(self.journal, c)   # resolv.conf keeps what it had: decide before leaving
                self.containers.detach_endpoint(c, es)
                if self.profile.events.disconnect_logged_twice:   # (r271: 20.10 and 26)
                    self.containers.events.network(net.id, net.name, net.driver, "disconnect", c.id)
                self.publisher.place_ports(c)
            pos = list(c.networks).index(key)

            def restore() -> None:
                items = [kv for kv in c.networks.items() if kv[0] != key]
                items.insert(pos, (key, es))
                c.networks.clear()
                c.networks.update(items)
            self.journal.record(restore)
            del c.networks[key]
