"""Published ports: from ``-p``/``-P`` bindings to held host ports and NAT mappings.

The order each engine takes bindings in, how it words a clash (the allocator's "port is already
allocated", 28's own socket bind, 20.10's docker-proxy), and 20.10's retry of an ephemeral port
whose bind failed.
"""

from __future__ import annotations

from typing import Optional

from ..records import Record, EMPTY_DICT
from ..addr import IP, AddrError, parse_ip
from ..engines.profile import Profile
from ..engines import PortMapOrder
from ..errors import DockerError, SystemError_
from ..journal import Journal
from ..kernel import Kernel
from ..libnetwork.controller import Controller
from ..libnetwork.drivers.bridge import Firewall, PortMapping
from ..libnetwork.model import Endpoint, PortHold
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
            for hold in holder.port_holds:
                self.ctl.release_ports(hold)
            saved = (holder.ports, holder.port_holds, c.ports_published)
            self.journal.record(lambda: (setattr(holder, "ports", saved[0]), setattr(holder, "port_holds", saved[1]),
                                         setattr(c, "ports_published", saved[2])))
            holder.ports, holder.port_holds = (), ()
            c.ports_published = EMPTY_DICT
        if target is not None:
            saved_t = (target.ports, target.port_holds)
            self.journal.record(lambda: (setattr(target, "ports", saved_t[0]),
                                         setattr(target, "port_holds", saved_t[1])))
            target.port_holds = list(saved_t[1])     # (_publish adds to a copy: the undo keeps the old)
            target.ports = self._publish(c, target) or ()
            target.port_holds = target.port_holds or ()
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
        held_here: dict[tuple[str, str], set[int]] = {}
        for h in ep.port_holds:
            held_here.setdefault((h.proto, h.host_ip), set()).update(h.ports)
        try:
            if c.publish_all and unknown_exposed:
                raise SystemError_(self.profile.messages.unknown_protocol)
            todo = [_Binding.of(k, b) for k in sorted(bindings) for b in bindings[k]]
            if self.profile.port_map_order is PortMapOrder.SORTED_BY_PORT:
                todo.sort(key=_Binding.order_2010)
            else:
                # 28: bindings with a fixed host port first, so an ephemeral pick never takes one asked for
                todo.sort(key=lambda x: (not x.asked, x.cport, x.proto))
            for run in _runs(todo):
                if len(run) < 2 or not self._publish_run(run, ep, held_here, published, mappings):
                    for one in run:
                        self._publish_one(one, ep, held_here, published, mappings)
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
        c.ports_published = published or EMPTY_DICT
        return mappings

    def _targets(self, hip: str, ep: Endpoint) -> list[str]:
        """The host addresses one binding listens on."""
        if hip:
            return [hip]
        targets = [ep.network.host_ip or "0.0.0.0"]
        if targets[0] == "0.0.0.0" and self.profile.ipv6_port_bindings and \
                (self.config.userland_proxy or ep.ip6 is not None):
            # the proxy listens on IPv6 too; without it, an IPv6 endpoint gets NAT rules
            targets.append("::")
            if ep.ip4 is None:
                # an IPv6-only endpoint (--ipv4=false) is published on IPv6 alone (r232)
                targets.remove("0.0.0.0")
        return targets

    def _publish_one(self, one: _Binding, ep: Endpoint, held_here: dict[tuple[str, str], set[int]],
                     published: dict[str, list[dict[str, str]]], mappings: list[PortMapping]) -> None:
        """Hold the host port of one binding on each of its addresses (what a clash says, and
        20.10's retry of an ephemeral port whose bind failed, as each engine does)."""
        proto, lo, hi, cport = one.proto, one.first, one.last, one.cport
        chosen: Optional[int] = None
        for t in self._targets(one.host_ip, ep):
            routed_ip = _routed_address(t, ep)
            if routed_ip is not None:
                # a routed gateway mode: no host port and no NAT, the container's own address and port
                # are reached through the firewall's ACCEPT; shown on the family's wildcard address
                # with an empty HostPort (r230: 127.0.0.1:8082:82 shows as 0.0.0.0 and "")
                wildcard = "0.0.0.0" if routed_ip.version == 4 else "::"
                published.setdefault(one.key, []).append({"HostIp": wildcard, "HostPort": ""})
                mappings.append(PortMapping(proto=proto, container_ip=routed_ip, container_port=cport,
                                            host_ip=wildcard, host_port=0))
                continue
            if self.profile.same_port_twice_fails and lo and lo in held_here.get((proto, t), ()):
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
                    self.ctl.release_ports(PortHold(proto, t, got, got))
            if chosen is None:
                chosen = got
            ep.port_holds.append(PortHold(proto, t, got, got))
            held_here.setdefault((proto, t), set()).add(got)
            published.setdefault(one.key, []).append({"HostIp": t, "HostPort": str(got)})
            cip = ep.ip6 if ":" in t else ep.ip4
            if cip is not None:
                mappings.append(PortMapping(proto=proto, container_ip=cip, container_port=cport,
                                            host_ip=t, host_port=got))

    def _publish_run(self, run: list[_Binding], ep: Endpoint, held_here: dict[tuple[str, str], set[int]],
                     published: dict[str, list[dict[str, str]]], mappings: list[PortMapping]) -> bool:
        """Bindings of consecutive fixed host ports (``-p 1-65535:1-65535``, which the client
        sends one port at a time) held as one run per address: one allocator step and one hold,
        not one per port. False, with nothing changed, when any port of the run would clash:
        then the bindings go one by one, and the first clash words the error as it always does."""
        proto, targets = run[0].proto, self._targets(run[0].host_ip, ep)
        if any(_routed_address(t, ep) is not None for t in targets):
            return False                # routed bindings hold nothing: one by one
        step = run[1].first - run[0].first
        ports = range(run[0].first, run[-1].first + step, step)
        for t in targets:
            own = held_here.get((proto, t), set())
            if (self.profile.same_port_twice_fails and not own.isdisjoint(ports)) or \
                    self.ports.first_held(proto, t, ports) is not None or \
                    any(not held.isdisjoint(ports) for held in self._proxy_overlaps(proto, t)) or \
                    self._bind_refused(proto, t, run[0].first, ep, run[0].cport) is not None:
                return False
        for t in targets:
            self.ctl.hold_ports(proto, t, ports)
            ep.port_holds.append(PortHold(proto, t, min(ports), max(ports)))
            held_here.setdefault((proto, t), set()).update(ports)
        for one in run:
            hp = str(one.first)
            shown = published.setdefault(one.key, [])
            for t in targets:
                shown.append({"HostIp": t, "HostPort": hp})
        for t in targets:
            cip = ep.ip6 if ":" in t else ep.ip4
            if cip is not None:
                mappings.append(PortMapping(proto, cip, run[0].cport, t, run[0].first, count=len(run), step=step))
        return True

    def _check_bind(self, proto: str, ip: str, port: int, ep: Endpoint, cport: int) -> None:
        """What binding the host port's socket says: 28 binds it itself, 20.10's docker-proxy does."""
        refused = self._bind_refused(proto, ip, port, ep, cport)
        if refused is None and any(port in held for held in self._proxy_overlaps(proto, ip)):
            refused = f"Error starting userland proxy: listen {proto}{_fam(ip)} {_shown(ip)}:{port}: bind: " \
                      f"address already in use"
        if refused is not None:
            raise SystemError_(refused)

    def _bind_refused(self, proto: str, ip: str, port: int, ep: Endpoint, cport: int) -> Optional[str]:
        """Why a socket cannot bind an address the host does not have (None: it is local)."""
        local = ip in ("0.0.0.0", "::", "") or ip.startswith("127.") or ip == "::1" or any(
            str(a.ip) == ip for _, a in self.kernel.host.addresses())
        if local:
            return None
        if self.profile.messages.bind_non_local is not None:
            return self.profile.messages.bind_non_local.format(shown=_shown(ip), port=port, ip=ep.ip4, cport=cport,
                                                               proto=proto)
        if self.config.userland_proxy:
            return f"Error starting userland proxy: listen {proto}{_fam(ip)} {_shown(ip)}:{port}: bind: " \
                   f"cannot assign requested address"
        return None

    def _proxy_overlaps(self, proto: str, ip: str) -> list[set[int]]:
        """20.10's allocator keeps one map per address; the proxy's bind finds the overlap with
        the ports another address of the family holds, when one of the two is the wildcard."""
        if not (self.profile.proxy_overlap_per_ip and self.config.userland_proxy):
            return []
        wild = ("0.0.0.0", "::")
        return [ports for (p2, ip2), ports in self.ports.held.items()
                if p2 == proto and ip2 != ip and _fam(ip2) == _fam(ip) and (ip2 in wild or ip in wild)]


class _Binding(Record, slots=True):
    """One (container port, host binding) pair the daemon publishes, parsed."""

    key: str                # "80/tcp"
    proto: str
    cport: int
    host_ip: str
    asked: bool             # a host port was given (else an ephemeral one)
    first: int              # the host port, or the first of a range (0: ephemeral)
    last: Optional[int]     # the range's last port, or None

    @classmethod
    def of(cls, key: str, b: dict[str, str]) -> "_Binding":
        cport, proto = parse_port_proto(key)
        text = b.get("HostPort", "") or ""
        lo, hi = _port_range(split_proto_port(text))   # (checked at create: portspecs)
        return cls(key, proto, cport, b.get("HostIp", "") or "", bool(text), lo, hi)

    def order_2010(self) -> tuple[int, int]:
        """The order 20.10 publishes ports in, as recorded: the highest host port first, and among
        ports without one (ephemeral) the highest container port first (443 before 80, 9002 before 9000)."""
        return -self.first, -self.cport

    def fixed(self) -> bool:
        return self.first != 0 and self.last in (None, self.first)


def _runs(bindings: list[_Binding]) -> list[list[_Binding]]:
    """The bindings cut into runs of one protocol and address whose container and host ports
    both step by one, the same way (``-p 1-65535:1-65535``); any other binding is a run alone."""
    runs: list[list[_Binding]] = []
    step = 0
    for b in bindings:
        run = runs[-1] if runs else None
        if run is not None and b.fixed() and run[-1].fixed() and b.proto == run[-1].proto and \
                b.host_ip == run[-1].host_ip and b.first - run[-1].first == b.cport - run[-1].cport and \
                b.first - run[-1].first in ((step,) if len(run) > 1 else (1, -1)):
            step = b.first - run[-1].first
            run.append(b)
        else:
            runs.append([b])
    return runs


def _routed_address(host_ip: str, ep: Endpoint) -> Optional[IP]:
    """The endpoint's own address a binding on ``host_ip`` reaches directly, when its network's
    gateway mode for that family is ``routed`` and the endpoint has an address of that family
    (else None: NAT, or docker-proxy for the other family)."""
    v6 = ":" in host_ip
    ip = ep.ip6 if v6 else ep.ip4
    if ip is None or ep.network.gw_mode(6 if v6 else 4) != "routed":
        return None
    return ip


def _fam(ip: str) -> str:
    return "6" if ":" in ip else "4"


def _shown(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


def sort_port_map_2010(pairs: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """The order 20.10 publishes ports in (see ``_Binding.order_2010``)."""
    return sorted(pairs, key=lambda kb: _Binding.of(*kb).order_2010())


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
