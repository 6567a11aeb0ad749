"""Published ports: from ``-p``/``-P`` bindings to held host ports and NAT mappings.

The order each engine takes bindings in, how it words a clash (the allocator's "port is already
allocated", 28's own socket bind, 20.10's docker-proxy), and 20.10's retry of an ephemeral port
whose bind failed.
"""

from __future__ import annotations

from typing import Optional

from ..addr import AddrError, parse_ip
from ..engines.profile import Profile
from ..engines import PortMapOrder
from ..errors import DockerError, SystemError_
from ..journal import Journal
from ..kernel import Kernel
from ..libnetwork.controller import Controller
from ..libnetwork.drivers.bridge import Firewall, PortMapping
from ..libnetwork.model import Endpoint
from ..libnetwork.portallocator import PortAllocator
from .config import DaemonConfig
from .container import Container, parse_port_proto
from .portspecs import split_proto_port


class PortService:
    """The daemon's port publishing: a container's ``-p``/``-P`` bindings on its gateway endpoint."""

    def __init__(self, profile: Profile, journal: Journal, kernel: Kernel, ctl: Controller, firewall: Firewall,
                 ports: PortAllocator, config: DaemonConfig) -> None:
        self.profile = profile
        self.journal = journal
        self.kernel = kernel
        self.ctl = ctl
        self.firewall = firewall
        self.ports = ports
        self.config = config

    def place_ports(self, c: Container) -> None:
        """Keep the published ports on the sandbox's gateway endpoint (libnetwork programs external
        connectivity there, and moves it when a connect or disconnect changes the gateway); an
        internal network's endpoint carries none."""
        sb = c.sandbox
        if sb is None or sb.host_mode:
            return
        gw = sb.gateway_endpoint(skip_internal=self.profile.gateway_skips_internal)
        target = gw if gw is not None and self.ctl.publishes_ports(gw.network) and not gw.network.internal else None
        holder = next((ep for ep in sb.endpoints if ep.ports or ep.port_holds), None)
        if holder is target:
            return
        if holder is not None:
            self.ctl.revoke_external_connectivity(holder)
            for proto, hip, port in holder.port_holds:
                self.ctl.release_port(proto, hip, port)
            saved = (holder.ports, holder.port_holds, c.ports_published)
            self.journal.record(lambda: (setattr(holder, "ports", saved[0]), setattr(holder, "port_holds", saved[1]),
                                         setattr(c, "ports_published", saved[2])))
            holder.ports, holder.port_holds = [], []
            c.ports_published = {}
        if target is not None:
            saved_t = (target.ports, list(target.port_holds))
            self.journal.record(lambda: (setattr(target, "ports", saved_t[0]),
                                         target.port_holds.__setitem__(slice(None), saved_t[1])))
            target.ports = self._publish(c, target)
            self.ctl.program_external_connectivity(target)

    def _publish(self, c: Container, ep: Endpoint) -> list[PortMapping]:
        """Hold host ports for the container's bindings and return the mappings to program."""
        # a binding whose protocol no engine knows is skipped (and not shown), but -P of such an
        # exposed port fails (recorded through the Engine API: tests/golden/api r125, r126)
        # so is one whose HostIp is no address (r127_hostip_api: started, nothing published)
        bindings: dict[str, list[dict[str, str]]] = {k: list(v) for k, v in c.port_bindings.items()
                                                     if _known_proto(k) and all(map(_host_ip_ok, v))}
        skipped = {k for k in c.port_bindings if k not in bindings}
        unknown_exposed = [k for k in c.exposed if not _known_proto(k) and k not in c.port_bindings]
        if c.publish_all:
            for k in c.exposed:
                if k not in bindings and _known_proto(k):
                    bindings[k] = [{"HostIp": "", "HostPort": ""}]
        mappings: list[PortMapping] = []
        published: dict[str, list[dict[str, str]]] = {}
        held_here = set(ep.port_holds)      # a set: a 65,535-port range costs linear time, not quadratic
        try:
            if c.publish_all and unknown_exposed:
                raise SystemError_(self.profile.messages.unknown_protocol)
            pairs = [(k, b) for k in sorted(bindings) for b in bindings[k]]
            if self.profile.port_map_order is PortMapOrder.SORTED_BY_PORT:
                pairs = sort_port_map_2010(pairs)
            else:
                # 28: bindings with a fixed host port first, so an ephemeral pick never takes one asked for
                pairs.sort(key=lambda kb: (not kb[1].get("HostPort"), parse_port_proto(kb[0])))
            for key, b in pairs:
                cport, proto = parse_port_proto(key)
                hip = b.get("HostIp", "") or ""
                hport_txt = b.get("HostPort", "") or ""
                lo, hi = _port_range(split_proto_port(hport_txt))   # (checked at create: portspecs)
                targets: list[str]
                if hip:
                    targets = [hip]
                else:
                    targets = [ep.network.host_ip or "0.0.0.0"]
                    if targets[0] == "0.0.0.0" and self.profile.ipv6_port_bindings and \
                            (self.config.userland_proxy or ep.ip6 is not None):
                        # the proxy listens on IPv6 too; without it, an IPv6 endpoint gets NAT rules
                        targets.append("::")
                chosen: Optional[int] = None
                for t in targets:
                    if self.profile.same_port_twice_fails and lo and (proto, t, lo) in held_here:
                        # the same container asks twice for one port: its own socket is in the way
                        raise SystemError_(f"failed to listen on {proto.upper()} socket: address already in use")
                    own_pick = chosen is None or (self.profile.retry_ephemeral_bind and lo == 0)
                    for attempt in range(10):
                        if chosen is None:
                            got = self.ctl.hold_port(proto, t, lo, hi)
                        elif own_pick:
                            got = self.ctl.hold_port(proto, t, 0)   # 20.10: each address picks its own
                        else:
                            got = self.ctl.hold_port(proto, t, chosen)
                        try:
                            self._check_bind(proto, t, got, ep, cport)
                            break
                        except DockerError:
                            # 20.10's bridge driver tries another ephemeral port when the bind fails
                            if not (own_pick and lo == 0 and self.profile.retry_ephemeral_bind) or attempt == 9:
                                raise
                            self.ctl.release_port(proto, t, got)
                    if chosen is None:
                        chosen = got
                    ep.port_holds.append((proto, t, got))
                    held_here.add((proto, t, got))
                    published.setdefault(key, []).append({"HostIp": t, "HostPort": str(got)})
                    if ":" not in t and ep.ip4 is not None:
                        mappings.append(PortMapping(proto=proto, container_ip=ep.ip4, container_port=cport,
                                                    host_ip=t, host_port=got))
        except DockerError as e:
            raise SystemError_(f"driver failed programming external connectivity on endpoint {c.name} "
                               f"({ep.id}): {e}") from None
        for k in c.exposed:
            # an exposed port of an unknown protocol is still listed (r150: `--expose 80/xyz` shows
            # as 80/0); a binding of one is skipped and not shown (r125)
            if k not in skipped and (_known_proto(k) or k.partition("/")[0].isdigit()):
                published.setdefault(k, [])
        old = c.ports_published
        self.journal.record(lambda: setattr(c, "ports_published", old))
        c.ports_published = published
        return mappings

    def _check_bind(self, proto: str, ip: str, port: int, ep: Endpoint, cport: int) -> None:
        """What binding the host port's socket says: 28 binds it itself, 20.10's docker-proxy does."""
        local = ip in ("0.0.0.0", "::", "") or ip.startswith("127.") or ip == "::1" or any(
            str(a.ip) == ip for _, a in self.kernel.host.addresses())
        fam = "6" if ":" in ip else "4"
        shown = f"[{ip}]" if fam == "6" else ip
        if not local:
            if self.profile.messages.bind_non_local is not None:
                raise SystemError_(self.profile.messages.bind_non_local.format(
                    shown=shown, port=port, ip=ep.ip4, cport=cport, proto=proto))
            if self.config.userland_proxy:
                raise SystemError_(f"Error starting userland proxy: listen {proto}{fam} {shown}:{port}: bind: "
                                   f"cannot assign requested address")
        if self.profile.proxy_overlap_per_ip and self.config.userland_proxy:
            # 20.10's allocator keeps one map per address; the proxy's bind finds the overlap
            for (p2, ip2), ports in self.ports.held.items():
                if p2 != proto or ip2 == ip or port not in ports or (":" in ip2) != (fam == "6"):
                    continue
                if ip2 in ("0.0.0.0", "::") or ip in ("0.0.0.0", "::"):
                    raise SystemError_(f"Error starting userland proxy: listen {proto}{fam} {shown}:{port}: bind: "
                                       f"address already in use")


def sort_port_map_2010(pairs: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """The order 20.10 publishes ports in, as recorded: the highest host port first, and among
    ports without one (ephemeral) the highest container port first (443 before 80, 9002 before 9000)."""
    def hp(b: dict[str, str]) -> int:
        t = split_proto_port(b.get("HostPort") or "").split("-")[0]
        return int(t) if t.isdigit() else 0

    return sorted(pairs, key=lambda kb: (-hp(kb[1]), -parse_port_proto(kb[0])[0]))


def _port_range(text: str) -> tuple[int, Optional[int]]:
    if not text:
        return 0, None
    a, _, b = text.partition("-")
    lo = int(a)
    return lo, (int(b) if b else None)


def _known_proto(key: str) -> bool:
    return key.partition("/")[2] in ("", "tcp", "udp", "sctp")


def _host_ip_ok(binding: dict[str, str]) -> bool:
    text = binding.get("HostIp", "") or ""
    try:
        return not text or parse_ip(text) is not None
    except AddrError:
        return False
