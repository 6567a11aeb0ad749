"""Legacy links (``--link``) between containers on the default bridge.

Links are resolved at create (by the container service), checked at start, and opened in the
firewall when icc is off (moby's ``daemon/links.go`` and the bridge driver's ``link.go``).
"""

from __future__ import annotations

from ..engines.profile import Profile
from ..errors import InvalidParameter, NotFound
from ..libnetwork.controller import Controller
from ..libnetwork.model import Endpoint
from .container import Container, ContainerStore, parse_port_proto
from .ports import sort_port_map_2010


class LinkService:
    """What the daemon does with a container's legacy links."""

    def __init__(self, profile: Profile, ctl: Controller, store: ContainerStore) -> None:
        self.profile = profile
        self.ctl = ctl
        self.store = store

    def link_children(self, c: Container) -> list[tuple[Container, str]]:
        out = []
        for l in c.links or []:
            child_name, _, rest = l.partition(":")
            alias = rest.rsplit("/", 1)[-1]
            try:
                child = self.store.find(child_name.lstrip("/"))
            except NotFound:
                # the link outlives its target: starting then fails as for a stopped one
                raise InvalidParameter(f"Cannot link to a non running container: {child_name} AS /{c.name}/{alias}")
            out.append((child, alias))
        return out

    def check_links(self, c: Container) -> None:
        """A legacy link needs its target running on the default bridge (checked at start)."""
        for child, alias in self.link_children(c):
            es = child.networks.get("bridge")
            if not child.running:
                raise InvalidParameter(f"Cannot link to a non running container: /{child.name} AS /{c.name}/{alias}")
            if es is None or es.endpoint is None:
                raise InvalidParameter(self.profile.messages.link_not_on_default_bridge.format(id=child.id,
                                                                                              name=child.name))

    def program_links(self, c: Container, ep: Endpoint) -> None:
        """With icc off, dockerd opens each linked container's exposed ports to this one."""
        if ep.network.icc or ep.ip4 is None:
            return
        for child, _ in self.link_children(c):
            es = child.networks.get("bridge")
            cep = es.endpoint if es is not None else None
            if cep is None or cep.ip4 is None:
                continue
            keys = [k for k, _ in sort_port_map_2010([(k, {}) for k in sorted(child.exposed)])]
            ports = [(proto, port) for port, proto in (parse_port_proto(k) for k in keys)]
            self.ctl.add_link(ep, ep.ip4, cep.ip4, ports)
