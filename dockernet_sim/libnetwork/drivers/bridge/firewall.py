"""The iptables rules dockerd programs for bridge networks, per engine generation.

Mirrors the firewalling half of libnetwork's bridge driver: for ``20.10`` the vendored
``drivers/bridge/setup_ip_tables.go``, ``link.go`` and ``iptables.ChainInfo.Forward`` (per-network
rules straight in ``FORWARD``, isolation chains that end in ``RETURN``, a hairpin ``MASQUERADE``
per published port); for ``28`` the ``drivers/bridge/internal/iptabler`` package (``DOCKER-FORWARD``,
``DOCKER-CT``, ``DOCKER-BRIDGE``, no ``RETURN`` rules, per-endpoint ``raw`` drops).

Every rule is written exactly as ``iptables -S`` prints it (``-s -d -i -o -p``, then matches, then
the target), so a view renders the model verbatim. Like dockerd's own helpers, adding a rule that is
already there and deleting one that is not are no-ops: ``add_x`` followed by ``remove_x`` restores
the tables exactly, except for what dockerd itself never takes back (see :class:`Firewall`). Each
call also returns an ``undo`` that reverses exactly what that call changed, rule positions included
(``add_x`` after ``remove_x`` would put rules back at the top or the end, not where they were).

Checked against transcripts from real engines (tests/golden: s07 ports, r24 icc/internal/raw,
r25 bridge options, r28 ports across restarts, r38-r43 daemon flags). Behaviour marked
``# from source, not yet recorded`` was read in moby v20.10.24 / v28.5.2 and not yet seen in a
transcript; for 28 all of it also reproduces moby's own ``iptabler`` golden files (iptables-save
output from its CI, every option combination).

>>> from dockernet_sim.kernel.netfilter import Netfilter
>>> from dockernet_sim.addr import parse_ip, parse_prefix
>>> nf = Netfilter(); fw = Firewall(nf, "28")
>>> _ = fw.daemon_start()
>>> docker0 = BridgeRules("docker0", parse_prefix("172.17.0.0/16"), default_bridge=True)
>>> _ = fw.add_network(docker0)
>>> undo = fw.add_ports(docker0, [PortMapping("tcp", parse_ip("172.17.0.2"), 80, "0.0.0.0", 8080)])
>>> nf.chain("nat", "DOCKER").rules[-1].spec
'! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80'
>>> undo(); [r.spec for r in nf.chain("nat", "DOCKER").rules]
['-i docker0 -j RETURN']
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Sequence

from ....records import Record
from ....addr import IP, Prefix, parse_ip
from ....kernel.netfilter import Netfilter, Rule
from ....engines import DEFAULT_NAME, FirewallLayout, Profile, get_profile
if TYPE_CHECKING:
    from .setup_ip_tables import Iptables2010

__all__ = ["BridgeRules", "PortMapping", "Firewall", "Undo"]

Undo = Callable[[], None]   # what every Firewall call returns: reverses exactly that call's changes

# Chain names, as dockerd spells them.
DOCKER = "DOCKER"
DOCKER_USER = "DOCKER-USER"
DOCKER_FORWARD = "DOCKER-FORWARD"
DOCKER_BRIDGE = "DOCKER-BRIDGE"
DOCKER_CT = "DOCKER-CT"
ISO1 = "DOCKER-ISOLATION-STAGE-1"
ISO2 = "DOCKER-ISOLATION-STAGE-2"

_LOOPBACK = {4: "127.0.0.0/8", 6: "::1/128"}
_ICMP = {4: "icmp", 6: "ipv6-icmp"}           # ip6tables -S prints icmpv6 as ipv6-icmp
_CT_ACCEPT = "-m conntrack --ctstate RELATED,ESTABLISHED"
_LOCAL_DST = "-m addrtype --dst-type LOCAL"
_LOCAL_SRC = "-m addrtype --src-type LOCAL"


class BridgeRules(Record, frozen=True, slots=True):
    """One bridge network's settings, as far as its firewall rules depend on them.

    ``snat4``/``snat6`` are ``com.docker.network.host_ipv4``/``host_ipv6`` (SNAT instead of
    MASQUERADE); ``gw_mode4``/``gw_mode6`` are 28's ``com.docker.network.bridge.gateway_mode_ipv4/6``;
    ``trusted_interfaces`` is 28's ``com.docker.network.bridge.trusted_host_interfaces``.
    ``host_ip`` (``host_binding_ipv4``) only shapes the daemon's port bindings, not rules.

    >>> from dockernet_sim.addr import parse_prefix
    >>> BridgeRules("br-0123456789ab", parse_prefix("172.18.0.0/16"), icc=False).icc
    False
    """

    bridge: str
    subnet4: Optional[Prefix]
    subnets6: tuple[Prefix, ...] = ()
    icc: bool = True
    masquerade: bool = True
    internal: bool = False
    default_bridge: bool = False
    host_ip: str = "0.0.0.0"
    snat4: Optional[str] = None
    snat6: Optional[str] = None
    gw_mode4: str = "nat"
    gw_mode6: str = "nat"
    trusted_interfaces: tuple[str, ...] = ()

    def prefix(self, version: int) -> Optional[Prefix]:
        """The masked subnet the rules use for one family (the bridge's first IPv6 subnet)."""
        if version == 4:
            return self.subnet4.masked() if self.subnet4 is not None else None
        return self.subnets6[0].masked() if self.subnets6 else None

    def gw_mode(self, version: int) -> str:
        return self.gw_mode4 if version == 4 else self.gw_mode6


class PortMapping(Record, frozen=True, slots=True):
    """One published port, after the daemon resolved its host address and port.

    ``host_ip`` of another family than ``container_ip`` (``::`` to an IPv4-only container) is
    served by docker-proxy alone and programs no rule.

    >>> from dockernet_sim.addr import parse_ip
    >>> PortMapping("udp", parse_ip("172.17.0.3"), 90, "127.0.0.1", 9090).proto
    'udp'
    """

    proto: str
    container_ip: IP
    container_port: int
    host_ip: str
    host_port: int
    # a run of ports (``-p 1-65535:1-65535``): ``count`` ports, container and host port each
    # stepping by ``step`` (+1, or -1 in 20.10's order); one mapping, and one rule per port
    count: int = 1
    step: int = 1

    def pairs(self) -> list[tuple[str, str]]:
        """Each (container port, host port) of the run, as rule text spells them (0: no NAT)."""
        def run(start: int) -> "map[str]":
            return map(str, range(start, start + self.count * self.step, self.step) if start else [0] * self.count)
        return list(zip(run(self.container_port), run(self.host_port)))


# --- rule text --------------------------------------------------------------------------------

# Where a port goes in a rule written once for a whole run of ports (see ``_each``).
_CP = "\x01"     # the container port
_HP = "\x02"     # the host port


def _each(template: str, pairs: list[tuple[str, str]]) -> list[str]:
    """One rule per port of a run, from a rule written with ``_CP``/``_HP`` in place of the ports."""
    if _HP not in template:
        return [template.replace(_CP, c) for c, _ in pairs]
    if _CP not in template:
        return [template.replace(_HP, h) for _, h in pairs]
    return [template.replace(_CP, c).replace(_HP, h) for c, h in pairs]


def _spec(target: str, *, s: str = "", d: str = "", i: str = "", o: str = "", p: str = "",
          sport: "int | str" = 0, dport: "int | str" = 0, m: str = "") -> str:
    """A rule in ``iptables -S`` order. ``s``/``d``/``i``/``o`` starting with ``!`` are negated."""
    parts: list[str] = []
    for flag, value in (("-s", s), ("-d", d), ("-i", i), ("-o", o)):
        if value:
            parts += ["!", flag, value[1:]] if value[0] == "!" else [flag, value]
    if p:
        parts += ["-p", p]
        if sport or dport:
            # `-p tcp --dport N` loads the tcp match implicitly; iptables -S shows it.
            parts += ["-m", p, "--sport" if sport else "--dport", str(sport or dport)]
    if m:
        parts.append(m)
    parts += ["-j", target]
    return " ".join(parts)


def _host(ip: IP) -> str:
    """One address as iptables prints it: with its full-length mask."""
    return f"{ip}/{32 if ip.version == 4 else 128}"


def _hostport(ip: IP, port: "int | str") -> str:
    """Go's net.JoinHostPort: IPv6 addresses in brackets."""
    return f"{ip}:{port}" if ip.version == 4 else f"[{ip}]:{port}"


def _is_loopback(ip: IP) -> bool:
    return (ip.version == 4 and ip.value >> 24 == 127) or (ip.version == 6 and ip.value == 1)


class _Tracked:
    """A Netfilter seen through one Firewall call: every change logs its exact inverse."""

    __slots__ = ("nf", "log")

    def __init__(self, nf: Netfilter, log: list[Callable[[], object]]) -> None:
        self.nf, self.log = nf, log

    def ensure_chain(self, table: str, chain: str) -> None:
        nf = self.nf
        if not nf.has_chain(table, chain):
            nf.ensure_chain(table, chain)
            self.log.append(lambda: nf.delete_chain(table, chain))

    def set_policy(self, table: str, chain: str, policy: str) -> None:
        nf, old = self.nf, self.nf.chain(table, chain).policy
        if old != policy:
            nf.set_policy(table, chain, policy)
            self.log.append(lambda: nf.set_policy(table, chain, old or "ACCEPT"))

    def ensure_append(self, table: str, chain: str, spec: str) -> None:
        if not self.nf.exists(table, chain, spec):
            self.insert(table, chain, spec, 0)

    def ensure_insert(self, table: str, chain: str, spec: str) -> None:
        if not self.nf.exists(table, chain, spec):
            self.insert(table, chain, spec, 1)

    def insert(self, table: str, chain: str, spec: str, position: int = 1) -> None:
        """Insert at ``position`` (1-based); 0 appends."""
        nf = self.nf
        self.ensure_chain(table, chain)
        if position:
            nf.insert(table, chain, spec, position)
        else:
            nf.append(table, chain, spec)
        # No duplicates are ever made (ensure_* and jump-to-top), so deleting by text is exact.
        self.log.append(lambda: nf.delete(table, chain, spec))

    def put_all(self, table: str, chain: str, specs: list[str], how: str, enable: bool) -> None:
        """``_put`` of each spec in turn."""
        for spec in specs:
            _put(self, table, chain, spec, how, enable)

    def delete(self, table: str, chain: str, spec: str) -> None:
        nf = self.nf
        if not nf.exists(table, chain, spec):
            return
        position = nf.chain(table, chain).position(spec) + 1
        nf.delete(table, chain, spec)
        self.log.append(lambda: nf.insert(table, chain, spec, position))


class _Batch(_Tracked):
    """A Netfilter seen through one Firewall call that may change thousands of rules (a published
    range is a rule set per port): adds and deletes are collected per chain, then made in one
    pass each, with one inverse per run instead of one per rule — the same result, rule positions
    included, as making them one by one (changes to different chains commute)."""

    __slots__ = ("ops",)

    def __init__(self, nf: Netfilter, log: list[Callable[[], object]]) -> None:
        super().__init__(nf, log)
        self.ops: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def ensure_append(self, table: str, chain: str, spec: str) -> None:
        self.ops.setdefault((table, chain), []).append(("A", spec))

    def ensure_insert(self, table: str, chain: str, spec: str) -> None:
        self.ops.setdefault((table, chain), []).append(("I", spec))

    def delete(self, table: str, chain: str, spec: str) -> None:
        self.ops.setdefault((table, chain), []).append(("D", spec))

    def put_all(self, table: str, chain: str, specs: list[str], how: str, enable: bool) -> None:
        kind = how if enable else "D"
        self.ops.setdefault((table, chain), []).extend([(kind, spec) for spec in specs])

    def flush(self) -> None:
        """Make the collected changes: each chain's run of adds, or of deletes, at once."""
        ops, self.ops = self.ops, {}
        for (table, chain), todo in ops.items():
            start = 0
            for i in range(1, len(todo) + 1):
                if i == len(todo) or todo[i][0] != todo[start][0]:
                    kind, specs = todo[start][0], [spec for _, spec in todo[start:i]]
                    if kind == "D":
                        self._delete_all(table, chain, specs)
                    else:
                        self._add_all(table, chain, specs, at_top=kind == "I")
                    start = i

    def _add_all(self, table: str, chain: str, specs: list[str], at_top: bool) -> None:
        """ensure_append (or ensure_insert at 1) of each spec in turn: the missing ones, once."""
        self.ensure_chain(table, chain)
        c = self.nf.chain(table, chain)
        counts = c.counts
        new = [spec for spec in dict.fromkeys(specs) if spec not in counts]
        if not new:
            return
        added = list(map(Rule, new))
        n = len(added)
        if at_top:
            c.rules[0:0] = added[::-1]      # each one inserted above the one before
        else:
            c.rules.extend(added)
        counts.update(dict.fromkeys(new, 1))
        end = n if at_top else len(c.rules)

        def undo() -> None:
            del c.rules[end - n:end]
            for spec in new:
                del counts[spec]
        self.log.append(undo)

    def _delete_all(self, table: str, chain: str, specs: list[str]) -> None:
        """delete of each spec in turn (its first copy, when there is one), in one pass."""
        c = self.nf.chain(table, chain) if self.nf.has_chain(table, chain) else None
        if c is None:
            return
        counts = c.counts
        want: dict[str, int] = {}
        for spec in specs:
            if want.get(spec, 0) < counts.get(spec, 0):
                want[spec] = want.get(spec, 0) + 1
        if not want:
            return
        kept: list[Rule] = []
        removed: list[tuple[int, Rule]] = []
        for i, r in enumerate(c.rules):
            if want.get(r.spec):
                want[r.spec] -= 1
                removed.append((i, r))
            else:
                kept.append(r)
        c.rules[:] = kept
        for _, r in removed:
            if counts[r.spec] == 1:
                del counts[r.spec]
            else:
                counts[r.spec] -= 1

        def undo() -> None:
            rest = iter(c.rules)
            merged: list[Rule] = []
            for i, r in removed:
                merged.extend(islice(rest, i - len(merged)))
                merged.append(r)
                counts[r.spec] = counts.get(r.spec, 0) + 1
            merged.extend(rest)
            c.rules[:] = merged
        self.log.append(undo)


def _put(nf: _Tracked, table: str, chain: str, spec: str, how: str, enable: bool) -> None:
    """dockerd's add-if-missing / delete-if-present, by insert ("I") or append ("A")."""
    if not enable:
        nf.delete(table, chain, spec)
    elif how == "I":
        nf.ensure_insert(table, chain, spec)
    else:
        nf.ensure_append(table, chain, spec)


def _jump_to_top(nf: _Tracked, chain: str, target: str) -> None:
    """iptables.EnsureJumpRule: delete the jump if present, then insert it at the top."""
    spec = f"-j {target}"
    nf.delete("filter", chain, spec)
    nf.insert("filter", chain, spec)


def _masquerade(b: BridgeRules, version: int, prefix: Prefix) -> tuple[str, str]:
    """The network's outgoing NAT rule and its hairpin (local source) rule."""
    snat = b.snat4 if version == 4 else b.snat6
    target = f"SNAT --to-source {parse_ip(snat)}" if snat else "MASQUERADE"
    return (_spec(target, s=str(prefix), o="!" + b.bridge),
            _spec(target, o=b.bridge, m=_LOCAL_SRC))


# --- the firewall -------------------------------------------------------------------------------

class Firewall:
    """The rules one dockerd programs, in the layout of its engine generation.

    ``nf`` holds IPv4 (``iptables``); ``nf6`` holds IPv6 (``ip6tables``) and is used when ``ipv6``
    (dockerd's ``--ip6tables``: off in 20.10, on by default in 28) is set — one is created if not
    given. ``icc``/``ip_masq`` are the daemon's ``--icc``/``--ip-masq``: like dockerd they only
    apply to the default bridge (``BridgeRules.default_bridge``). ``forward_drop`` says dockerd
    found forwarding off and switched it on (so it sets ``FORWARD``'s policy to DROP; 28's
    ``--ip-forward-no-drop`` clears it). ``allow_direct_routing`` and ``raw_rules=False``
    (``DOCKER_INSECURE_NO_IPTABLES_RAW=1``) turn off 28's raw-table drops.

    What dockerd leaves in place when it takes a network away (so ``remove_network`` does too):
    ``daemon_start``'s chains, jumps and policies; in 20.10 the nat ``PREROUTING``/``OUTPUT``
    jumps to ``DOCKER`` (added by the first non-internal network, ``ProgramChain``) and the
    ``FORWARD -j DOCKER-ISOLATION-STAGE-1`` jump (added by the first network, ``EnsureJumpRule``);
    in 28 the ip6tables ``FORWARD`` DROP policy, set when the first IPv6 network is created.
    Everything else a network adds is removed. 20.10 also moves ``-j DOCKER-ISOLATION-STAGE-1``
    and ``-j DOCKER-USER`` back to the top of ``FORWARD`` at every network create (they are
    there already, so this changes nothing).

    Rules are shared, not counted: two bindings that produce the same rule (one container port
    published on two host ports) share it, and the first removal takes it, as in dockerd.
    """

    def __init__(self, nf: Netfilter, engine: "str | Profile | FirewallLayout" = DEFAULT_NAME, *,
                 iptables: bool = True,
                 ip_masq: bool = True, icc: bool = True, userland_proxy: bool = True,
                 ipv6: bool = False, nf6: Optional[Netfilter] = None, forward_drop: bool = True,
                 allow_direct_routing: bool = False, raw_rules: bool = True) -> None:
        self.layout = engine if isinstance(engine, FirewallLayout) else get_profile(engine).firewall
        self.nf = nf
        self.nf6 = nf6 if nf6 is not None else (Netfilter() if ipv6 else None)
        self.iptables = iptables
        self.ipv6 = ipv6
        self.ip_masq = ip_masq
        self.icc = icc
        self.userland_proxy = userland_proxy
        self.hairpin = not userland_proxy    # dockerd's name: DNAT without the proxy's help
        self.forward_drop = forward_drop
        self.allow_direct_routing = allow_direct_routing
        self.raw_rules = raw_rules
        self._impl: "_Iptabler28 | Iptables2010"
        if self.layout is FirewallLayout.SPLIT_CHAINS:
            self._impl = _Iptabler28(self)
        else:
            from .setup_ip_tables import Iptables2010       # (20.10's layout, on first use: issue 15)
            self._impl = Iptables2010(self)
        self._log: list[Callable[[], object]] = []
        # while a call that changes rules per port runs: its changes, collected per family
        self._batches: Optional[dict[int, _Batch]] = None

    def table(self, version: int) -> Optional[_Tracked]:
        """The tables one family's rules go to (None when that family's iptables is off)."""
        nf = (self.nf if self.iptables else None) if version == 4 else (self.nf6 if self.ipv6 else None)
        if nf is None:
            return None
        if self._batches is None:
            return _Tracked(nf, self._log)
        batch = self._batches.get(version)
        if batch is None:
            batch = self._batches[version] = _Batch(nf, self._log)
        return batch

    def families(self) -> list[tuple[int, _Tracked]]:
        return [(v, nf) for v in (4, 6) if (nf := self.table(v)) is not None]

    def _run(self, fn: Callable[..., None], *args: object) -> Undo:
        """Run one change, and return what exactly reverses it (newest change first). A change
        that fails part way takes back the rules it had already made before the error goes on."""
        self._log = log = []
        try:
            fn(*args)
        except BaseException:
            for inverse in reversed(log):
                inverse()
            raise
        finally:
            self._log = []

        def undo() -> None:
            for inverse in reversed(log):
                inverse()
        return undo

    def network_icc(self, b: BridgeRules) -> bool:
        return b.icc and (self.icc or not b.default_bridge)

    def network_masquerade(self, b: BridgeRules) -> bool:
        return b.masquerade and (self.ip_masq or not b.default_bridge)

    def daemon_start(self) -> Undo:
        """Chains, jumps and policies dockerd sets up before it creates any network."""
        return self._run(self._impl.start)

    def add_network(self, b: BridgeRules) -> Undo:
        """A bridge network was created (the daemon's default bridge included)."""
        return self._run(self._impl.network, b, True)

    def remove_network(self, b: BridgeRules) -> Undo:
        """The network is gone (its endpoints, ports and links were removed first)."""
        return self._run(self._impl.network, b, False)

    def add_ports(self, b: BridgeRules, ports: Sequence[PortMapping]) -> Undo:
        """Rules for a container's published ports, in the order given.

        Order matters (20.10 appends everything; 28 inserts the filter ACCEPTs at the top): pass
        the bindings in the order the daemon allocated them (28 sorts them: exact host ports
        before ranges, then by container port, then tcp < udp < sctp, then host port and IP).
        """
        return self._run(self._ports, b, ports, True)

    def remove_ports(self, b: BridgeRules, ports: Sequence[PortMapping]) -> Undo:
        """The container stopped or left: its bindings' rules go (order does not matter)."""
        return self._run(self._ports, b, ports, False)

    def _ports(self, b: BridgeRules, ports: Sequence[PortMapping], enable: bool) -> None:
        self._batched(lambda: [self._impl.port(b, pb, enable) for pb in ports])

    def _batched(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` with its rule changes collected, then make them chain by chain: a call
        that publishes a 65,535-port range costs a pass over each chain, not one per rule."""
        self._batches = {}
        try:
            fn()
            for batch in self._batches.values():
                batch.flush()
        finally:
            self._batches = None

    def add_endpoint(self, b: BridgeRules, *ips: Optional[IP]) -> Undo:
        """A container joined the network with these addresses (28: raw direct-access drops)."""
        return self._run(self._impl.endpoint, b, [ip for ip in ips if ip is not None], True)

    def remove_endpoint(self, b: BridgeRules, *ips: Optional[IP]) -> Undo:
        return self._run(self._impl.endpoint, b, [ip for ip in ips if ip is not None], False)

    def add_link(self, b: BridgeRules, parent_ip: IP, child_ip: IP,
                 ports: Sequence[tuple[str, int]]) -> Undo:
        """A legacy ``--link`` (programmed by dockerd when icc is off): ACCEPT both ways."""
        return self._run(self._batched, lambda: self._link(b, parent_ip, child_ip, ports, True))

    def remove_link(self, b: BridgeRules, parent_ip: IP, child_ip: IP,
                    ports: Sequence[tuple[str, int]]) -> Undo:
        return self._run(self._batched, lambda: self._link(b, parent_ip, child_ip, ports, False))

    def _link(self, b: BridgeRules, parent_ip: IP, child_ip: IP,
              ports: Iterable[tuple[str, int]], enable: bool) -> None:
        # ChainInfo.Link (both engines): IPv4 only, appended, a rule each way (recorded in r38).
        nf = self.table(4)
        if nf is None:
            return
        br = b.bridge
        for proto, port in ports:
            there = _spec("ACCEPT", s=_host(parent_ip), d=_host(child_ip), i=br, o=br, p=proto, dport=port)
            back = _spec("ACCEPT", s=_host(child_ip), d=_host(parent_ip), i=br, o=br, p=proto, sport=port)
            _put(nf, "filter", DOCKER, there, "A", enable)
            _put(nf, "filter", DOCKER, back, "A", enable)


class _Iptabler28:
    """Engine 28: libnetwork/drivers/bridge/internal/iptabler (network.go, port.go, endpoint.go)."""

    def __init__(self, fw: Firewall) -> None:
        self.fw = fw

    def start(self) -> None:
        fw = self.fw
        self.driver_start()
        nf4 = fw.table(4)
        if fw.forward_drop and nf4 is not None:
            nf4.set_policy("filter", "FORWARD", "DROP")
        # The controller's setupUserChains, once the drivers are up (no RETURN rule since 28.2.2).
        for _, nf in fw.families():
            nf.ensure_chain("filter", DOCKER_USER)
            _jump_to_top(nf, "FORWARD", DOCKER_USER)

    def driver_start(self) -> None:
        """NewIptabler: what the bridge driver alone sets up (moby's iptabler tests start here)."""
        fw = self.fw
        for version, nf in fw.families():
            # setupIPChains
            nf.ensure_chain("nat", DOCKER)
            for chain in (DOCKER, DOCKER_FORWARD, DOCKER_BRIDGE, DOCKER_CT, ISO1, ISO2):
                nf.ensure_chain("filter", chain)
            nf.ensure_append("nat", "PREROUTING", _spec(DOCKER, m=_LOCAL_DST))
            loop = "" if fw.hairpin else "!" + _LOOPBACK[version]
            nf.ensure_append("nat", "OUTPUT", _spec(DOCKER, d=loop, m=_LOCAL_DST))
            _jump_to_top(nf, "FORWARD", DOCKER_FORWARD)
            for chain in (DOCKER_BRIDGE, ISO1, DOCKER_CT):      # inserted at the top, in reverse
                _jump_to_top(nf, DOCKER_FORWARD, chain)

    def network(self, b: BridgeRules, enable: bool) -> None:
        fw = self.fw
        for version, nf in fw.families():
            prefix = b.prefix(version)
            if prefix is None:
                continue
            if b.internal:
                self.internal(nf, version, b, prefix, enable)
            else:
                self.external(nf, version, b, prefix, enable)
            if version == 6 and enable and fw.forward_drop:
                # from source, not yet recorded: setupIPv6Forwarding, at the first IPv6 network.
                nf.set_policy("filter", "FORWARD", "DROP")

    def internal(self, nf: _Tracked, version: int, b: BridgeRules, prefix: Prefix, enable: bool) -> None:
        br, p = b.bridge, str(prefix)
        if version == 4:
            in_drop = _spec("DROP", d="!" + p, i=br)
            out_drop = _spec("DROP", s="!" + p, o=br)
        else:  # from source, not yet recorded
            in_drop = _spec("DROP", d="!" + p, i=br, o="!" + br)
            out_drop = _spec("DROP", s="!" + p, i="!" + br, o=br)
        _put(nf, "filter", ISO1, in_drop, "I", enable)
        _put(nf, "filter", ISO1, out_drop, "I", enable)
        icc = self.fw.network_icc(b)
        _put(nf, "filter", DOCKER_FORWARD, _spec("ACCEPT", i=br, o=br), "A", enable and icc)
        _put(nf, "filter", DOCKER_FORWARD, _spec("DROP", i=br, o=br), "A", enable and not icc)

    def external(self, nf: _Tracked, version: int, b: BridgeRules, prefix: Prefix, enable: bool) -> None:
        fw, br = self.fw, b.bridge
        mode = b.gw_mode(version)
        routed, unprotected = mode == "routed", mode == "nat-unprotected"
        icc = fw.network_icc(b)
        # setupNonInternalNetworkRules
        nat_rule, hairpin_rule = _masquerade(b, version, prefix)
        if fw.network_masquerade(b):
            if not routed:
                _put(nf, "nat", "POSTROUTING", nat_rule, "I", enable)
            if not fw.hairpin:
                _put(nf, "nat", DOCKER, _spec("RETURN", i=br), "I", enable)
        _put(nf, "nat", "POSTROUTING", hairpin_rule, "I", enable and fw.hairpin)
        # setIcc for a network with external access: only the DROP, when icc is off
        _put(nf, "filter", DOCKER_FORWARD, _spec("DROP", i=br, o=br), "A", enable and not icc)
        if routed:
            # ICMP into a routed network, above its DROP (recorded: r230 IPv4, r231 ipv6-icmp)
            _put(nf, "filter", DOCKER, _spec("ACCEPT", o=br, p=_ICMP[version]), "A", enable)
        if icc:
            _put(nf, "filter", DOCKER_FORWARD, _spec("ACCEPT", i=br), "A", enable)
        else:
            _put(nf, "filter", DOCKER_FORWARD, _spec("ACCEPT", i=br, o="!" + br), "A", enable)
        # setDefaultForwardRule: after the per-port ACCEPTs, which are inserted above it
        _put(nf, "filter", DOCKER, _spec("ACCEPT" if unprotected else "DROP", i="!" + br, o=br), "A", enable)
        _put(nf, "filter", DOCKER_CT, _spec("ACCEPT", o=br, m=_CT_ACCEPT), "A", enable)
        _put(nf, "filter", DOCKER_BRIDGE, _spec(DOCKER, o=br), "A", enable)
        # setINC; a routed network's RETURN and conntrack ACCEPT at the top (r230, r231)
        if routed:
            _put(nf, "filter", ISO1, _spec("RETURN", o=br), "I", enable)
            _put(nf, "filter", ISO1, _spec("ACCEPT", i=br, m=_CT_ACCEPT), "I", enable)
        _put(nf, "filter", ISO1, _spec(ISO2, i=br, o="!" + br), "A", enable)
        _put(nf, "filter", ISO2, _spec("DROP", o=br), "I", enable)

    def endpoint(self, b: BridgeRules, ips: list[IP], enable: bool) -> None:
        # filterDirectAccess: a raw PREROUTING drop per address, appended (recorded in r24).
        fw = self.fw
        if b.internal:
            return
        for ip in ips:
            nf = fw.table(ip.version)
            if nf is None or b.prefix(ip.version) is None:
                continue
            if b.gw_mode(ip.version) in ("routed", "nat-unprotected"):
                continue
            on = enable and fw.raw_rules and not fw.allow_direct_routing
            for ifname in b.trusted_interfaces:  # from source, not yet recorded
                _put(nf, "raw", "PREROUTING", _spec("ACCEPT", d=_host(ip), i=ifname), "A", on)
            _put(nf, "raw", "PREROUTING", _spec("DROP", d=_host(ip), i="!" + b.bridge), "A", on)

    def port(self, b: BridgeRules, pb: PortMapping, enable: bool) -> None:
        # setPerPortIptables
        fw, cip = self.fw, pb.container_ip
        nf = fw.table(cip.version)
        if nf is None or b.internal:
            return
        host = parse_ip(pb.host_ip)
        br, proto, pairs = b.bridge, pb.proto, pb.pairs()
        # host_port 0 means no NAT: the daemon passes 0 for networks in gateway mode "routed" (r230).
        host_port = pb.host_port
        nf4 = fw.table(4)
        if host_port and host.version == 4 and _is_loopback(host) and fw.raw_rules and nf4 is not None:
            # filterPortMappedOnLoopback (recorded in r43)
            nf4.put_all("raw", "PREROUTING", _each(_spec("DROP", d=_host(host), i="!lo", p=proto, dport=_HP), pairs),
                        "A", enable)
        if cip.version != host.version:
            return                      # [::] to an IPv4 container: docker-proxy only
        if host_port:
            dnat = _spec(f"DNAT --to-destination {_hostport(cip, _CP)}",
                         s="!fe80::/10" if cip.version == 6 else "",
                         d="" if host.value == 0 else _host(host),
                         i="" if fw.hairpin else "!" + br, p=proto, dport=_HP)
            nf.put_all("nat", DOCKER, _each(dnat, pairs), "A", enable)
            # per-port MASQUERADE only without the proxy (recorded in r43)
            nf.put_all("nat", "POSTROUTING",
                       _each(_spec("MASQUERADE", s=_host(cip), d=_host(cip), p=proto, dport=_CP), pairs),
                       "A", enable and fw.hairpin)
        if b.gw_mode(cip.version) != "nat-unprotected":
            nf.put_all("filter", DOCKER,
                       _each(_spec("ACCEPT", d=_host(cip), i="!" + br, o=br, p=proto, dport=_CP), pairs),
                       "I", enable)
