"""Reachability and traces, computed from kernel objects only.

``reach(host, src, dst, port=None, proto="icmp")`` walks one packet (and its reply) through the
namespaces, veth pairs, bridges, routes and netfilter rules the daemon programmed — never through
Docker's configuration — so every verdict names the rule or object that decided it, as a person
debugging with ``ip route`` and ``iptables -S`` would. Who listens on a port comes from the
processes (``query.listeners``: an image's ``LISTEN`` ports, ``httpd``, ``nc -l`` — never EXPOSE
or ``-p``, which open nothing); the userland proxy (``docker-proxy``) listens on each published
host port.

>>> from dockernet_sim import DockerHost
>>> h = DockerHost(engine="28")
>>> _ = h.run("busybox", name="web"); _ = h.run("busybox", name="db")
>>> reach(h, "web", "db").verdict
'reachable'
>>> reach(h, "web", "db", port=80).verdict      # nothing listens on 80 in db
'refused'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Hashable, Iterable, Iterator, Mapping, Optional, Sequence

from ..records import Record, field
from .. import notebook
from ..addr import IP, AddrError, parse_ip, prefix
from ..daemon import resolver
from ..daemon.container import Container
from ..kernel import Link, Namespace
from .chains import RuleBook
from .listeners import listening
from .walk import OUTSIDE_IP, Contact, Crossing, Hop, Listener, LocalAddresses, Outcome, Packet, Sockets, Walker

if TYPE_CHECKING:
    from .matrix import Memo, Survey

__all__ = ["reach", "reachability", "resolve", "Trace", "Hop", "Reachability", "Resolution",
           "exec_network_tool", "OUTSIDE_IP"]

EPHEMERAL_PORT = 40000
MATRIX_WORDS = notebook.MATRIX_WORDS      # the matrix's words, shared with its HTML view


class Trace(Record, slots=True):
    """The walk of one packet and its reply.

    ``verdict``: ``reachable``, ``dropped`` (a rule, a policy, or a lost reply), ``no route``
    (the sender has no route: ``sendto: Network is unreachable``), ``unreachable`` (nobody answers
    ARP), ``refused`` (nothing listens: TCP RST / ICMP port unreachable), ``no address``,
    ``bad address`` (a name that does not resolve). ``seen_src``: the source address the
    receiver saw (``getpeername`` in the server), once the request arrived — after any SNAT or
    MASQUERADE, and docker-proxy's own address when the proxy relayed it.
    """

    src: str
    dst: str
    proto: str
    port: Optional[int]
    verdict: str
    hops: list[Hop] = field(default_factory=list)
    src_ip: Optional[IP] = None
    dst_ip: Optional[IP] = None
    reason: str = ""
    reply_ttl: int = 64
    seen_src: Optional[IP] = None    # the source the receiving socket saw (after NAT; docker-proxy's own)
    no_embedded_dns: bool = False    # a name that failed where no embedded DNS answers (the default bridge)
    wire: list[Crossing] = field(default_factory=list)   # the links the packet and its reply crossed
    contacts: list[Contact] = field(default_factory=list)   # the next hops sent to, for ARP
    listener: Optional[Listener] = None   # who took the connection (the last hop's, past any proxy)
    # the paused container the packet reached: its kernel answered (ICMP, the TCP handshake), its
    # processes are frozen (``docker pause``)
    paused: str = ""

    @property
    def lesson(self) -> str:
        """The verdict in a sentence a student understands (``query.lessons``)."""
        from .lessons import lesson
        return lesson(self)

    @property
    def ok(self) -> bool:
        return self.verdict == "reachable"

    def decided_by(self) -> str:
        """The last step: the rule, route or object that settled the verdict."""
        return self.hops[-1].text if self.hops else self.reason

    def explain(self) -> str:
        what = self.proto if self.port is None else f"{self.proto}/{self.port}"
        head = f"{self.src} -> {self.dst} ({what}"
        if self.dst_ip is not None:
            head += f", {self.src_ip or '?'} -> {self.dst_ip}"
        head += f"): {self.verdict.upper()}"
        lines = [head]
        phase = ""
        for h in self.hops:
            if h.phase != phase:
                phase = h.phase
                lines.append(f"  {phase}:")
            lines.append(f"    [{h.where}] {h.text}")
        if self.reason and self.verdict != "reachable":
            lines.append(f"  decided by: {self.reason}")
        lines.append(f"  why: {self.lesson}")
        return "\n".join(lines)

    __str__ = explain

    def __repr__(self) -> str:
        return f"<Trace {self.src} -> {self.dst} {self.proto}{'/' + str(self.port) if self.port else ''}: {self.verdict}>"

    def _repr_html_(self) -> str:
        """The verdict, each hop grouped by phase, and what decided it."""
        return notebook.trace_html(self)


class Resolution(Record, slots=True):
    """What a name resolves to inside one container, and what answered."""

    name: str
    addrs: list[IP]
    source: str

    @property
    def found(self) -> bool:
        return bool(self.addrs)

    def __repr__(self) -> str:
        return f"<Resolution {self.name}: {[str(a) for a in self.addrs] or 'not found'} ({self.source})>"


# --- the context: namespaces, labels and sockets, built once per query -------------------------

class Context:
    """What a walk needs besides the kernel: namespace labels and listening sockets."""

    def __init__(self, d: Any, memo: Optional["Memo"] = None) -> None:
        self.d = d
        self.memo = memo         # shared with another host's context by a diff (``matrix.Memo``)
        self.kernel = d.kernel
        self.host_ns: Namespace = d.kernel.host
        self.labels: dict[int, str] = {id(self.host_ns): "host"}
        self.sockets = Sockets()
        # each namespace's addresses read once for every walk of this query; the chains' rules
        # filed by destination when the query walks many packets (``many_walks()``)
        self.local = LocalAddresses()
        self.rules: Optional[RuleBook] = None
        self._survey: Optional[Survey] = None
        # each container's namespace, the running containers in each namespace but the host's (a
        # label is made from them when a hop needs it; tuples: plain values, which the cyclic
        # collector stops tracking), and what an argv listens on (most containers run one of a
        # few commands)
        self.ns_of: dict[str, Optional[Namespace]] = {}
        self.names_of: dict[int, tuple[str, ...]] = {}
        heard: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], list[Any]] = {}
        for c in d.containers.values():
            ns = self.ns_of[c.id] = self.netns(c)
            if ns is None:
                continue
            if ns is not self.host_ns:
                self.names_of[id(ns)] = self.names_of.get(id(ns), ()) + (c.name,)
            what = (tuple(c.argv), tuple(c.image.cmd), tuple(c.image.listens))
            sockets = heard.get(what)
            if sockets is None:
                sockets = heard[what] = listening(*what)
            frozen = c.name if c.paused else ""
            for proto, port, cmd in sockets:
                self.sockets.add(ns, Listener(proto, None, port, f"`{cmd}` in container {c.name}",
                                              program=cmd.split()[0] if cmd else "", frozen=frozen))
            for argv in c.servers:              # what `docker exec` left running beside PID 1
                for proto, port, cmd in listening(argv):
                    self.sockets.add(ns, Listener(proto, None, port, f"`{cmd}` (docker exec) in container {c.name}",
                                                  program=cmd.split()[0] if cmd else "", frozen=frozen))
        if d.firewall.userland_proxy:
            for sb in d.ctl.sandboxes.values():
                for ep in sb.endpoints:
                    for pm in ep.ports:
                        hip = parse_ip(pm.host_ip)
                        for cport, hport in pm.pairs():
                            self.sockets.add(self.host_ns, Listener(
                                pm.proto, None if hip.value == 0 else hip, int(hport), "docker-proxy",
                                (pm.container_ip, int(cport))))

    def many_walks(self) -> "Context":
        """File every chain's rules by destination for the walks to come (a matrix, a diff): a
        walk then tests only the rules that can match it, at the cost of reading each chain whole
        once — more than one walk alone would read."""
        if self.rules is None:
            self.rules = RuleBook(self.memo.parsed if self.memo is not None else None)
        return self

    @property
    def survey(self) -> "Survey":
        """What the matrix's classes read about the whole host (``matrix.Survey``), read once."""
        if self._survey is None:
            from .matrix import Survey
            self._survey = Survey(self, self.memo)
        return self._survey

    def survey_after(self, like: "Survey", same: dict[int, Any]) -> "Survey":
        """This host's survey taken from ``like``'s where ``same`` (a namespace's id here -> the
        namespace of ``like``'s host known to hold the same, ``Memo.alias``) allows: what a diff
        between a host and its fork reads of the fork (``Survey._after``)."""
        if self._survey is None:
            from .matrix import Survey
            self._survey = Survey(self, self.memo, like, same)
        return self._survey

    def netns(self, c: Any) -> Optional[Namespace]:
        if not c.running:
            return None
        if c.mode_kind == "host":
            return self.host_ns
        return self.d.container_netns(c)

    def label(self, ns: Optional[Namespace]) -> str:
        if ns is None:
            return "outside"
        got = self.labels.get(id(ns))
        if got is None:
            names = self.names_of.get(id(ns))
            got = self.labels[id(ns)] = "container " + ", ".join(sorted(names)) if names else f"netns {ns.name}"
        return got

    def host_eth(self) -> Any:
        for l in self.host_ns.sorted_links():
            if l.kind == "ether" and l.up:
                return l
        return None

    def visible_from_outside(self) -> list:
        eth = self.host_eth()
        if eth is None:
            return []
        return [prefix(a.ip.value, a.prefixlen, a.ip.version).masked() for a in eth.addresses
                if a.scope == "global"]

    def walker(self) -> Walker:
        return Walker(self.sockets, self.label, self.host_ns, rules=self.rules, local=self.local)


# --- endpoints: what a src/dst argument names --------------------------------------------------

class End(Record, slots=True):
    label: str
    ns: Optional[Namespace]            # None: outside
    ip: Optional[IP] = None
    container: Any = None


def _label(end: Any) -> str:
    """How a trace names one end: a container by its name, anything else as given."""
    return end.name if isinstance(end, Container) else str(end)


def _find_container(d: Any, term: str) -> Any:
    """A container by name or ID, else a compose service's first replica (``web`` for
    ``app-web-1``), as a user of a compose project names it."""
    cid = term if term in d.containers else d.names.get(term)
    if cid is not None and cid in d.containers:
        return d.containers[cid]
    try:
        return d.find_container(term)
    except Exception:
        pass
    replicas = [c for c in d.container_list(all=True)
                if c.labels.get("com.docker.compose.service") == term
                and c.labels.get("com.docker.compose.oneoff") != "True"]
    replicas.sort(key=lambda c: (c.status != "running", c.labels.get("com.docker.compose.container-number", ""),
                                 c.name))
    return replicas[0] if replicas else None


def _src_end(ctx: Context, src: Any) -> End:
    d = ctx.d
    if src == "host":
        return End("host", ctx.host_ns)
    if src == "outside":
        return End("outside", None, parse_ip(OUTSIDE_IP))
    c = src if isinstance(src, Container) else _find_container(d, str(src))
    if c is not None:
        return End(c.name, ctx.netns(c), None, c)
    ip = parse_ip(str(src))
    for ns in ctx.kernel.namespaces.values():
        if any(a.ip == ip for _, a in ns.addresses()):
            return End(str(src), ns, ip)
    return End(str(src), None, ip)


def _container_ips(ctx: Context, c: Any) -> list[tuple[Any, IP]]:
    ns = ctx.netns(c)
    if ns is None:
        return []
    out = []
    for l, a in ns.addresses():
        if l.kind != "loopback" and a.scope == "global":
            out.append((l, a.ip))
    return out


def _segment_of(link: Link) -> Optional[Link]:
    """The device two links share when they are on one L2 segment: a veth's bridge, a macvlan's
    parent."""
    if link.peer is not None:
        return link.peer.master
    return link.lower


def _dst_end(ctx: Context, dst: Any, src: End, family: int = 4) -> End:
    d = ctx.d
    if dst == "host":
        eth = ctx.host_eth()
        ip = next((a.ip for a in eth.addresses if a.ip.version == family), None) if eth is not None else None
        return End("host", ctx.host_ns, ip)
    if dst == "outside":
        return End("outside", None, parse_ip(OUTSIDE_IP))
    c = dst if isinstance(dst, Container) else _find_container(d, str(dst))
    if c is not None:
        ips = [(l, ip) for l, ip in _container_ips(ctx, c) if ip.version == family]
        if not ips:
            return End(c.name, ctx.netns(c), None, c)
        # the address on a network the source shares, else the first one
        if src.ns is not None:
            for l, ip in ips:
                br = _segment_of(l)
                for sl, sip in ([(sl, a.ip) for sl, a in src.ns.addresses()]):
                    sbr = _segment_of(sl)
                    if br is not None and sbr is br:
                        return End(c.name, ctx.netns(c), ip, c)
        return End(c.name, ctx.netns(c), ips[0][1], c)
    try:
        ip = parse_ip(str(dst))
    except AddrError:
        if src.container is not None:
            addrs, note = resolver.getaddrinfo(d, src.container, str(dst), server_path(d))
            if addrs:
                return End(str(dst), None, addrs[0])
        return End(str(dst), None, None)
    return End(str(dst), None, ip)


# --- the walk ---------------------------------------------------------------------------------

def _roundtrip(ctx: Context, w: Walker, src: End, pkt: Packet, depth: int = 0) -> tuple[str, str]:
    """Walk ``pkt`` from ``src`` and its reply back; returns (verdict, reason)."""
    w.phase = "request" if depth == 0 else "proxy request"
    origin_ip = pkt.src
    if src.ns is None:
        eth = ctx.host_eth()
        out = w.outside_send(pkt, eth, ctx.visible_from_outside())
    else:
        out = w.send(src.ns, pkt)
    if out.verdict != "delivered":
        return _verdict(out), out.reason
    assert out.packet is not None
    w.seen_src = out.packet.src
    w.listener = out.listener
    if out.listener is not None and out.listener.proxy_to is not None and depth < 3:
        cip, cport = out.listener.proxy_to
        w.hop(out.ns, "proxy", f"docker-proxy accepts the connection and opens its own to {cip}:{cport}")
        saved = w.nats
        w.nats = []
        inner = Packet(None, cip, pkt.proto, EPHEMERAL_PORT + 1 + depth, cport)
        v, why = _roundtrip(ctx, w, End("host", out.ns), inner, depth + 1)
        w.nats = saved
        if v != "reachable":
            return v, why
    w.phase = "reply" if depth == 0 else "proxy reply"
    w.ttl = 64
    got = out.packet
    reply = Packet(got.dst, got.src, got.proto, got.dport, got.sport, "ESTABLISHED")  # type: ignore[arg-type]
    if out.ns is None:
        back = w.outside_send(reply, ctx.host_eth(), ctx.visible_from_outside())
    else:
        back = w.send(out.ns, reply)
    if back.verdict == "delivered" and back.ns is src.ns and (origin_ip is None or back.packet is None
                                                               or back.packet.dst == origin_ip):
        return "reachable", ""
    if back.verdict == "delivered":
        return "dropped", f"the reply went to {back.packet.dst if back.packet else '?'}, not to the sender"
    return "dropped", "the reply was lost: " + (back.reason or back.verdict)


def _verdict(out: Outcome) -> str:
    return {"dropped": "dropped", "no route": "no route", "unreachable": "unreachable",
            "refused": "refused", "loop": "dropped"}.get(out.verdict, out.verdict)


def _by_name(ctx: Context, src: End, name: str, t: Trace, family: int) -> Optional[End]:
    """Resolve ``name`` as a process in ``src``'s container would (/etc/hosts, then its resolv.conf
    servers: 127.0.0.11 on user networks, the host's servers on the default bridge); records the
    step as the trace's first hop, and fails the trace when the name does not resolve."""
    c = src.container
    addrs, note = resolver.getaddrinfo(ctx.d, c, name, server_path(ctx.d))
    picked = [a for a in addrs if a.version == family] or addrs
    where = ctx.label(src.ns)
    if not picked:
        t.hops = [Hop(where, "resolve", f"resolve {name!r}: not found ({note})", "resolve")]
        t.verdict, t.reason = "bad address", f"{name!r} does not resolve in {src.label}: {note}"
        t.no_embedded_dns = not resolver.uses_embedded_dns(ctx.d, c)
        return None
    t.hops = [Hop(where, "resolve", f"resolve {name!r}: {picked[0]} ({note})", "resolve")]
    return End(name, None, picked[0])


def _trace(ctx: Context, src_arg: Any, dst_arg: Any, port: Optional[int], proto: str,
           by_name: bool = False) -> Trace:
    proto = proto.lower()
    if port is not None and proto == "icmp":
        proto = "tcp"
    src = _src_end(ctx, src_arg)
    family = 4
    if isinstance(dst_arg, str) and ":" in dst_arg:
        family = 6
    t = Trace(_label(src_arg), _label(dst_arg), proto, port, "reachable")
    if src.container is not None and src.ns is None:
        t.verdict, t.reason = "no address", f"{src.label} is not running"
        return t
    named: list[Hop] = []
    if by_name:
        if src.container is None or not isinstance(dst_arg, str):
            raise ValueError("a trace by name goes from a container to a name (what you would type after ping)")
        got = _by_name(ctx, src, dst_arg, t, family)
        if got is None:
            return t
        dst, named = got, list(t.hops)
    else:
        dst = _dst_end(ctx, dst_arg, src, family)
    t.dst_ip = dst.ip
    if dst.ip is None:
        if dst.container is not None:
            t.verdict = "no address"
            t.reason = f"{dst.label} has no IPv{family} address but its loopback (network mode " \
                       f"{dst.container.network_mode})" if dst.container.running else f"{dst.label} is not running"
        else:
            t.verdict, t.reason = "bad address", f"{dst.label!r} does not resolve"
        return t
    w = ctx.walker()
    pkt = Packet(src.ip, dst.ip, proto, EPHEMERAL_PORT if proto != "icmp" else 0, port or 0)
    t.verdict, t.reason = _roundtrip(ctx, w, src, pkt)
    t.src_ip = src.ip or w.first_src
    t.seen_src = w.seen_src
    t.hops = named + w.hops
    t.wire = w.wire
    t.contacts = w.contacts
    t.listener = w.listener
    if t.verdict == "reachable":
        t.paused = w.listener.frozen if w.listener is not None else \
            dst.container.name if dst.container is not None and dst.container.paused and proto == "icmp" else ""
    t.reply_ttl = max(1, w.ttl)
    if not t.reason and w.hops and t.verdict != "reachable":
        t.reason = w.hops[-1].text
    return t


def reach(host: Any, src: Any, dst: Any, port: Optional[int] = None, proto: str = "icmp",
          by_name: bool = False) -> Trace:
    """Can ``src`` reach ``dst``? Walks the packet and its reply through the kernel model.

    ``src``/``dst``: a container (name, ID or object), ``"host"`` (for ``dst``: the host's eth0
    address), an IP address, or ``"outside"`` (a modelled remote host, :data:`OUTSIDE_IP`). A
    ``port`` makes it TCP unless ``proto`` says ``"udp"``. ``by_name=True``: ``dst`` is a name
    resolved first as ``src`` (a container) would resolve it — the trace's first hop — and a name
    that does not resolve fails the trace with the resolver's answer (``bad address``, as ping).
    """
    return _trace(Context(host), src, dst, port, proto, by_name)


class _Traces(Mapping[tuple[str, str], Trace]):
    """The matrix's traces: every ordered pair of its names, each walked on first access.

    Every pair's verdict is known up front (from one walk per pair of classes); the full trace of
    a pair — hops with its own addresses — is walked when asked for, with what the matrix read of
    the host (its sockets, namespaces' addresses and rules): read it before changing the host."""

    def __init__(self, names: list[str], make: Any, walked: dict[tuple[str, str], Trace]) -> None:
        self._names = names
        self._known = set(names)
        self._make = make
        self._walked = walked

    def __getitem__(self, key: tuple[str, str]) -> Trace:
        t = self._walked.get(key)
        if t is None:
            if key not in self:
                raise KeyError(key)
            t = self._walked[key] = self._make(*key)
        return t

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and len(key) == 2 and key[0] in self._known and key[1] in self._known

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((a, b) for a in self._names for b in self._names)

    def __len__(self) -> int:
        return len(self._names) ** 2


class Reachability(Record):
    """A who-reaches-whom matrix; ``m[a, b]`` is the :class:`Trace` from ``a`` to ``b``
    (walked when first asked for); ``m.verdict(a, b)`` / ``m.verdicts()`` need no walk.

    Held by class, not by pair: ``classes[name]`` is the class of a name, ``table[i, j]`` the
    verdict from any member of class ``i`` to any other member of class ``j`` (one walk each),
    ``members[i]`` the names of class ``i`` in the matrix's order. So a matrix of 10,000
    containers costs memory and time in proportion to its containers and classes, and
    ``verdicts()`` spells out every pair only when asked."""

    names: list[str]
    traces: Mapping[tuple[str, str], Trace]
    classes: dict[str, int]
    table: dict[tuple[int, int], str]
    members: list[list[str]]
    walks: int = 0                       # how many packet walks the matrix took
    proto: str = "icmp"

    def __getitem__(self, key: tuple[str, str]) -> Trace:
        return self.traces[key]

    def verdict(self, a: str, b: str) -> str:
        i, j = self.classes[a], self.classes[b]
        return "reachable" if a == b else self.table[i, j]

    def verdicts(self) -> dict[tuple[str, str], str]:
        """Every ordered pair's verdict (``n * n`` entries: for small matrices)."""
        out = {}
        for a in self.names:
            row = self.classes[a]
            for b in self.names:
                out[a, b] = "reachable" if a == b else self.table[row, self.classes[b]]
        return out

    def legend(self) -> str:
        """What the matrix's words mean, the same under the text and the HTML table."""
        return notebook.matrix_legend(self.proto)

    def __str__(self) -> str:
        w = max([len(n) for n in self.names] + [4])
        cw = max(w, 7)
        lines = [" " * w + " " + " ".join(n.rjust(cw) for n in self.names)]
        for a in self.names:
            row = [(MATRIX_WORDS.get(self.verdict(a, b), self.verdict(a, b)) if a != b else "").rjust(cw)
                   for b in self.names]
            lines.append(a.ljust(w) + " " + " ".join(row))
        lines.append(self.legend())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """Rows are sources, columns destinations; a cell's tooltip names what decided it."""
        return notebook.matrix_html(self)


def reachability(host: Any, containers: Optional[Sequence[str]] = None, port: Optional[int] = None,
                 proto: str = "icmp") -> Reachability:
    """Every running container (or the named ones) against every other.

    The context (labels, sockets, parsed rules) is built once, and one packet is walked per pair
    of *classes*, not per pair of containers: two containers are in one class when everything a
    walk reads about them is the same once their own addresses are blanked out — interfaces,
    the bridges their veths hang on, routes, sysctls, their own rules, listeners, and the rules,
    routes and proxies elsewhere that name their addresses (see ``matrix.Survey``). So 10,000
    containers on 20 networks take about 400 walks. A pair's full trace is walked when it is read.
    """
    from .matrix import class_keys
    ctx = Context(host).many_walks()
    if containers is None:
        containers = [c.name for c in sorted(host.containers.values(), key=lambda c: c.created_ns) if c.running]
    names = list(dict.fromkeys(containers))
    index: dict[Hashable, int] = {}
    classes: dict[str, int] = {}
    members: list[list[str]] = []
    for n, key in class_keys(ctx, names).items():
        i = index.setdefault(key, len(index))
        if i == len(members):
            members.append([])
        members[i].append(n)
        classes[n] = i
    walked: dict[tuple[str, str], Trace] = {}
    table: dict[tuple[int, int], str] = {}
    for i, row in enumerate(members):
        for j, col in enumerate(members):
            a = row[0]
            b = col[0] if i != j else (row[1] if len(row) > 1 else None)
            if b is not None:
                t = walked[a, b] = _trace(ctx, a, b, port, proto)
                table[i, j] = t.verdict

    def make(a: str, b: str) -> Trace:
        if a == b:
            return Trace(a, b, proto, port, "reachable", reason="itself")
        return _trace(ctx, a, b, port, proto)

    shown = proto if port is None else f"{'tcp' if proto == 'icmp' else proto}/{port}"
    return Reachability(names, _Traces(names, make, walked), classes, table, members, len(walked), shown)


def resolve(host: Any, container: Any, name: str) -> Resolution:
    """What ``name`` resolves to inside ``container`` (/etc/hosts, then its resolv.conf servers)."""
    c = container if isinstance(container, Container) else host.find_container(str(container))
    addrs, note = resolver.getaddrinfo(host, c, name, server_path(host))
    return Resolution(name, addrs, note)


def server_path(host: Any) -> resolver.ServerPath:
    """How the resolver learns whether a DNS query from a container reaches a server: a UDP/53
    packet walked from the container (the embedded server forwards from the container's
    namespace too), so ``--network none``, ``--internal`` and ``--ip-masq=false`` fail as on a
    real host."""
    def path(c: Any, ip: IP) -> str:
        t = _trace(Context(host), c, str(ip), 53, "udp")
        return {"reachable": "ok", "no route": "unreachable", "no address": "unreachable",
                "refused": "refused"}.get(t.verdict, "lost")
    return path


def trace_from(host: Any, container: Any, ip: IP, port: Optional[int] = None, proto: str = "icmp") -> Trace:
    """A trace from a container to an address (what ``docker exec … ping`` uses)."""
    return _trace(Context(host), container, str(ip), port, proto)


def exec_network_tool(host: Any, container: Any, prog: str, args: list[str]) -> Any:
    """``docker exec C ping|nslookup|getent|nc …``: the tool's output from this model."""
    from .tools import run_tool
    return run_tool(host, container, prog, args)
