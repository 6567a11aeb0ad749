"""Hypothesis strategies and state machines for testing IPAM logic and whole hosts.

``hypothesis`` is imported only when something here is used (``import dockernet_sim`` never
imports it). Strategies:

* :func:`addresses`, :func:`prefixes` — ``IP`` and ``Prefix`` values of either family, within
  bounds; :func:`pool_requests` — arguments of ``Ipam.request_pool``;
* :func:`network_specs`, :func:`container_specs` — arguments of ``network_create`` and
  ``ContainerSpec`` values;
* :func:`docker_command_lines` (``valid=True`` or ``False``) — lines for ``host.sh``.

State machines (``hypothesis.stateful.RuleBasedStateMachine`` subclasses, built on first use):

* :class:`IpamStateMachine` — pools and addresses against a naive model (a ``dict`` of sets):
  addresses unique and inside their pool, failing calls change nothing;
* :class:`HostStateMachine` — random Engine API calls on a :class:`DockerHost`: a failing call
  leaves ``state()`` unchanged, no address is held twice on a network.

Paste into a test file and extend with your own rules and invariants::

    from hypothesis import settings
    from hypothesis.stateful import invariant
    from .testing import HostStateMachine, IpamStateMachine

    class MyHost(HostStateMachine):
        engine = "20.10"

        @invariant()
        def every_running_container_has_an_ip(self):
            for c in self.host.containers.values():
                if c.running and c.mode_kind == "bridge":
                    assert self.host.container_inspect(c.id)["NetworkSettings"]["IPAddress"]

    TestMyHost = MyHost.TestCase
    TestIpam = IpamStateMachine.TestCase
    TestIpam.settings = settings(max_examples=50)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

from .addr import IP, Prefix, ip, prefix
from .engines import DEFAULT_NAME

if TYPE_CHECKING:  # pragma: no cover
    from hypothesis.strategies import SearchStrategy

BITS = {4: 32, 6: 128}
# Default bounds: where Docker's own pools and users' subnets live.
V4_BASE, V4_BASE_LEN = prefix(10 << 24, 8, 4), 8                      # 10.0.0.0/8
V6_BASE, V6_BASE_LEN = prefix(0xFD << 120, 8, 6), 8                    # fd00::/8

NETWORK_NAMES = ("n1", "n2", "n3", "bridge", "host", "none", "nosuch")
CONTAINER_NAMES = ("aa", "bb", "cc", "dd", "xx")


def _st() -> Any:
    import hypothesis.strategies as st   # lazily: only when a strategy is asked for
    return st


# -- addresses and prefixes ------------------------------------------------------------------------
def addresses(version: Optional[int] = None, within: Optional[Prefix] = None) -> "SearchStrategy[IP]":
    """``IP`` values of one family (4, 6) or either (None), optionally inside ``within``.

    >>> from hypothesis import find
    >>> str(find(addresses(4), lambda a: True))
    '0.0.0.0'
    """
    st = _st()
    if within is not None:
        first, last = within.network.value, within.last.value
        return st.integers(first, last).map(lambda v: ip(v, within.version))
    if version is None:
        return st.one_of(addresses(4), addresses(6))
    _check_version(version)
    return st.integers(0, (1 << BITS[version]) - 1).map(lambda v: ip(v, version))


def prefixes(version: Optional[int] = None, *, min_length: Optional[int] = None,
             max_length: Optional[int] = None, within: Optional[Prefix] = None,
             strict: bool = True) -> "SearchStrategy[Prefix]":
    """``Prefix`` values: lengths in [min_length, max_length], inside ``within`` if given; with
    ``strict`` the host bits are zero (``10.1.0.0/16``), else any address (``10.1.2.3/16``)."""
    st = _st()
    if version is None and within is None:
        return st.one_of(prefixes(4, min_length=min_length, max_length=max_length, strict=strict),
                         prefixes(6, min_length=min_length, max_length=max_length, strict=strict))
    v = within.version if within is not None else version
    assert v is not None
    _check_version(v)
    bits = BITS[v]
    lo = within.length if within is not None else 0
    lo = max(lo, min_length if min_length is not None else 0)
    hi = min(bits, max_length if max_length is not None else bits)
    if lo > hi:
        raise ValueError(f"no prefix length in [{lo}, {hi}]")
    base = within.network.value if within is not None else 0
    outer = within.length if within is not None else 0

    @st.composite
    def build(draw: Any) -> Prefix:
        length = draw(st.integers(lo, hi), label="length")
        net = draw(st.integers(0, (1 << (length - outer)) - 1), label="network") << (bits - length) \
            if length > outer else 0
        value = base | net
        if not strict:
            value |= draw(st.integers(0, (1 << (bits - length)) - 1), label="host bits")
        return prefix(value, length, v)

    return build()


class PoolRequest:
    """Arguments of ``Ipam.request_pool``: ``pool`` (None: a predefined one), ``sub_pool``, ``v6``."""

    __slots__ = ("pool", "sub_pool", "v6")

    def __init__(self, pool: Optional[Prefix], sub_pool: Optional[Prefix], v6: bool) -> None:
        self.pool, self.sub_pool, self.v6 = pool, sub_pool, v6

    def apply(self, ipam: Any) -> Any:
        """``ipam.request_pool(...)`` with these arguments; returns its PoolInfo."""
        return ipam.request_pool(self.pool, self.sub_pool, v6=self.v6)

    def __repr__(self) -> str:
        return f"PoolRequest(pool={self.pool}, sub_pool={self.sub_pool}, v6={self.v6})"


def pool_requests(version: Optional[int] = None, *, default_pools: bool = True,
                  v4_lengths: tuple[int, int] = (16, 30), v6_lengths: tuple[int, int] = (48, 120),
                  v4_within: Prefix = V4_BASE, v6_within: Prefix = V6_BASE) -> "SearchStrategy[PoolRequest]":
    """Pool requests: a ``--subnet`` (with an ``--ip-range`` inside it half the time) of bounded
    length, or (``default_pools``) a request for the next predefined pool."""
    st = _st()
    if version is None:
        return st.one_of(pool_requests(4, default_pools=default_pools, v4_lengths=v4_lengths,
                                       v4_within=v4_within),
                         pool_requests(6, default_pools=default_pools, v6_lengths=v6_lengths,
                                       v6_within=v6_within))
    _check_version(version)
    lengths, within = (v4_lengths, v4_within) if version == 4 else (v6_lengths, v6_within)

    @st.composite
    def build(draw: Any) -> PoolRequest:
        if default_pools and draw(st.integers(0, 3), label="predefined") == 0:
            return PoolRequest(None, None, version == 6)
        pool = draw(prefixes(version, min_length=lengths[0], max_length=lengths[1], within=within), label="pool")
        sub = None
        if draw(st.booleans(), label="ip range"):
            sub = draw(prefixes(within=pool), label="ip range")
        return PoolRequest(pool, sub, version == 6)

    return build()


# -- Engine API arguments ------------------------------------------------------------------------------
def network_specs(names: Sequence[str] = NETWORK_NAMES, *, subnets: bool = True) -> "SearchStrategy[dict[str, Any]]":
    """Keyword arguments for ``host.network_create(**spec)``: a name, maybe a subnet (IPv4 or
    IPv6, sometimes with host bits or a gateway outside it), ``internal``, ``enable_ipv6``."""
    st = _st()

    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        spec: dict[str, Any] = {"name": draw(st.sampled_from(list(names)), label="name")}
        if subnets and draw(st.booleans(), label="subnet?"):
            v = draw(st.sampled_from([4, 4, 6]), label="family")
            within = V4_BASE if v == 4 else V6_BASE
            lens = (16, 29) if v == 4 else (48, 120)
            sub = draw(prefixes(v, min_length=lens[0], max_length=lens[1], within=within,
                                strict=draw(st.integers(0, 4)) > 0), label="subnet")
            cfg: dict[str, Any] = {"Subnet": str(sub)}
            if draw(st.booleans(), label="gateway?"):
                cfg["Gateway"] = str(draw(st.one_of(addresses(within=sub.masked()), addresses(v)), label="gateway"))
            spec["ipam_config"] = [cfg]
            if v == 6:
                spec["enable_ipv6"] = True
        if draw(st.integers(0, 4), label="internal?") == 0:
            spec["internal"] = True
        return spec

    return build()


def container_specs(networks: Sequence[str] = ("", "bridge", "host", "none", "n1", "n2"),
                    names: Sequence[str] = CONTAINER_NAMES) -> "SearchStrategy[Any]":
    """``ContainerSpec`` values: a name, a network mode, sometimes a fixed ``--ip``, a published
    port (on 8080, so two of them conflict), a volume or a health check (an interval under 1ms
    is refused)."""
    st = _st()
    from .daemon.containers import ContainerSpec, EndpointSpec

    @st.composite
    def build(draw: Any) -> ContainerSpec:
        spec = ContainerSpec(image="busybox", name=draw(st.sampled_from(list(names)), label="name"))
        net = draw(st.sampled_from(list(networks)), label="network")
        if net:
            spec.network_mode = net
            if net not in ("host", "none", "bridge") and draw(st.booleans(), label="--ip?"):
                spec.networks = {net: EndpointSpec(ipv4=draw(st.sampled_from(
                    ["10.1.0.5", "10.2.0.9", "172.18.0.7", "bogus"]), label="--ip"))}
        if draw(st.integers(0, 3), label="publish?") == 0:
            spec.port_bindings = {"80/tcp": [{"HostIp": "", "HostPort": draw(st.sampled_from(["8080", ""]))}]}
        if draw(st.integers(0, 3), label="volume?") == 0:
            spec.binds = [draw(st.sampled_from(["v1:/data", "v2:/data:ro", "v1:relative"]), label="-v")]
        if draw(st.integers(0, 3), label="healthcheck?") == 0:
            from .daemon.health import HealthConfig
            spec.healthcheck = HealthConfig(draw(st.sampled_from([("CMD", "true"), ("CMD-SHELL", "exit 1"), ("NONE",)])),
                                            interval=draw(st.sampled_from([0, 2_000_000_000, 500]), label="interval"))
        return spec

    return build()


# -- command lines ----------------------------------------------------------------------------------
def docker_command_lines(valid: bool = True) -> "SearchStrategy[str]":
    """Lines for ``host.sh``. ``valid``: well-formed commands (they may still fail, as a name
    taken or an unknown network fails in Docker); else malformed ones (unknown flags, missing
    arguments, bad subnets, unbalanced quotes) that must fail with a message, never a traceback."""
    st = _st()
    name = st.sampled_from(["n1", "n2", "web", "a", "b"])
    cname = st.sampled_from(["aa", "bb", "cc"])
    sub4 = prefixes(4, min_length=16, max_length=28, within=V4_BASE).map(str)
    if valid:
        return st.one_of(
            st.just("docker network ls"), st.just("docker ps -a"), st.just("ip a"), st.just("iptables -S"),
            st.just("brctl show"), st.just("docker network prune -f"),
            st.builds(lambda n: f"docker network create {n}", name),
            st.builds(lambda s, n: f"docker network create --subnet {s} {n}", sub4, name),
            st.builds(lambda n: f"docker network rm {n}", name),
            st.builds(lambda n: f"docker network inspect {n}", name),
            st.builds(lambda c, n: f"docker run -d --name {c} --network {n} busybox", cname,
                      st.sampled_from(["bridge", "host", "none", "n1", "n2"])),
            st.builds(lambda c: f"docker run -d --name {c} -p 8080:80 busybox", cname),
            st.builds(lambda n, c: f"docker network connect {n} {c}", name, cname),
            st.builds(lambda n, c: f"docker network disconnect {n} {c}", name, cname),
            st.builds(lambda v, c: f"docker {v} {c}", st.sampled_from(["start", "stop", "restart", "kill"]), cname),
            st.builds(lambda c: f"docker rm -f {c}", cname),
            st.builds(lambda c: f"docker inspect {c}", cname),
            st.builds(lambda c: f"docker exec {c} ip a", cname),
            st.builds(lambda c, v: f"docker run -d --name {c} -v {v} busybox", cname,
                      st.sampled_from(["v1:/data", "/anon", "v2:/ro:ro"])),
            st.builds(lambda v: f"docker volume {v}", st.sampled_from(["ls", "create v1", "rm v1", "prune -f",
                                                                       "inspect v1"])),
            st.builds(lambda c: f"docker rm -f -v {c}", cname),
            st.builds(lambda r, c: f"docker update --restart {r} {c}", st.sampled_from(["always", "on-failure:2"]),
                      cname),
            st.builds(lambda c: f"docker stats --no-stream --format '{{{{.Name}}}} {{{{.PIDs}}}}' {c}", cname),
        )
    return st.one_of(
        st.builds(lambda f: f"docker network create --{f} n9", st.sampled_from(["bogus", "subnetx", "x"])),
        st.just("docker network create"), st.just("docker run"), st.just("docker network connect n1"),
        st.just("docker network create --subnet"), st.just("docker nosuch"), st.just("docker run -d --name"),
        st.builds(lambda s: f"docker network create --subnet {s} n9",
                  st.sampled_from(["10.0.0.0/33", "300.1.1.1/8", "bogus", "10.1/x", ":::/64", ""])),
        st.builds(lambda s: f"docker run -d -p {s} busybox", st.sampled_from(["99999:80", "x:y", "80:", ":::"])),
        st.builds(lambda q: f"docker network create {q}", st.sampled_from(["'n1", '"unterminated'])),
        st.builds(lambda s: f"docker network create {s}", st.sampled_from(["bridge", "host", "none"])),
        st.builds(lambda w: f"nosuchtool {w}", st.text("abc -", max_size=5)),
        st.sampled_from(["docker update aa", "docker update --restart bogus aa", "docker wait", "docker volume rm",
                         "docker volume create a b", "docker run -d -v x:rel busybox", "docker stats --no-stream nope",
                         "docker run -d --mount type=bogus,target=/x busybox", "docker attach"]),
    )


def _check_version(v: int) -> None:
    if v not in BITS:
        raise ValueError(f"IP version must be 4 or 6, not {v!r}")


# -- state machines (built on first use, so hypothesis is imported only then) -----------------------
def _build_ipam_machine() -> type:
    import hypothesis.strategies as st
    from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

    from .errors import DockerError
    from .libnetwork.ipam import Ipam

    class IpamStateMachine(RuleBasedStateMachine):
        """Pools and addresses of one ``Ipam`` against a naive model: pool id -> (pool, set of
        allocated address values). Set ``engine`` on a subclass; add rules and invariants."""

        engine = DEFAULT_NAME
        requests = pool_requests(v4_lengths=(22, 30), v6_lengths=(112, 124))

        pools = Bundle("pools")

        def __init__(self) -> None:
            super().__init__()
            self.ipam = Ipam(self.engine)
            self.model: dict[str, tuple[Prefix, set[int]]] = {}

        def snapshot(self) -> Any:
            return self.ipam.state()

        def attempt(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
            """Call ``fn``; if it raises a DockerError the IPAM's state must be unchanged."""
            before = self.snapshot()
            try:
                return fn(*args, **kw)
            except DockerError:
                assert self.snapshot() == before, f"a failing {fn!r} changed the IPAM"
                raise

        @rule(target=pools, req=st.deferred(lambda: IpamStateMachine.requests))
        def request_pool(self, req: PoolRequest) -> Any:
            try:
                info = self.attempt(req.apply, self.ipam)
            except DockerError:
                return _NO_POOL
            self.model[info.pool_id] = (info.pool.masked(), set())
            return info.pool_id

        @rule(pool_id=consumes(pools))
        def release_pool(self, pool_id: Any) -> None:
            if pool_id is _NO_POOL or pool_id not in self.model:
                return
            try:
                self.attempt(self.ipam.release_pool, pool_id)
            except DockerError:
                return
            self.model.pop(pool_id, None)

        @rule(pool_id=pools, preferred=st.one_of(st.none(), st.integers(0, 1 << 20)))
        def request_address(self, pool_id: Any, preferred: Optional[int]) -> None:
            if pool_id is _NO_POOL or pool_id not in self.model:
                return
            pool, taken = self.model[pool_id]
            want = None
            if preferred is not None:
                want = ip(pool.network.value + preferred % (1 << (BITS[pool.version] - pool.length)), pool.version)
            try:
                got = self.attempt(self.ipam.request_address, pool_id, want)
            except DockerError:
                return    # taken, reserved or exhausted: attempt() checked that nothing changed
            assert pool.contains(got), f"{got} is outside its pool {pool}"
            assert got.value not in taken, f"{got} handed out twice"
            if want is not None:
                assert got == want, f"asked for {want}, got {got}"
            taken.add(got.value)

        @rule(pool_id=pools, data=st.data())
        def release_address(self, pool_id: Any, data: Any) -> None:
            if pool_id is _NO_POOL or pool_id not in self.model or not self.model[pool_id][1]:
                return
            pool, taken = self.model[pool_id]
            v = data.draw(st.sampled_from(sorted(taken)), label="address")
            self.attempt(self.ipam.release_address, pool_id, ip(v, pool.version))
            taken.discard(v)

        @invariant()
        def addresses_inside_pools(self) -> None:
            for pool, taken in self.model.values():
                for v in taken:
                    assert pool.contains(ip(v, pool.version))

    return IpamStateMachine


class _NoPool:
    def __repr__(self) -> str:
        return "<no pool>"


_NO_POOL = _NoPool()


def _build_host_machine() -> type:
    import hypothesis.strategies as st
    from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

    from .errors import DockerError
    from .host import DockerHost

    class HostStateMachine(RuleBasedStateMachine):
        """Random Engine API calls on one host. ``self.host`` is the DockerHost; ``call(fn, …)``
        runs one call and checks that a failing one changed nothing. Set ``engine``/``seed`` on
        a subclass, override ``make_host`` for another setup, add rules and invariants."""

        engine = DEFAULT_NAME
        seed = 0

        def __init__(self) -> None:
            super().__init__()
            self.host = self.make_host()

        def make_host(self) -> DockerHost:
            return DockerHost(engine=self.engine, seed=self.seed)

        def call(self, fn: Any, *args: Any, **kw: Any) -> Any:
            before = self.host.state()
            try:
                return fn(*args, **kw)
            except DockerError:
                assert self.host.state() == before, f"a failing {fn.__name__} changed the host"
                return None

        @rule(spec=network_specs())
        def network_create(self, spec: dict[str, Any]) -> None:
            spec = dict(spec)
            self.call(self.host.network_create, spec.pop("name"), **spec)

        @rule(name=st.sampled_from(NETWORK_NAMES))
        def network_remove(self, name: str) -> None:
            self.call(self.host.network_remove, name)

        @rule(spec=container_specs(), start=st.booleans())
        def container_create(self, spec: Any, start: bool) -> None:
            made = self.call(self.host.container_create, spec)
            if made and start:
                self.call(self.host.container_start, made[0])

        @rule(op=st.sampled_from(["container_start", "container_stop", "container_restart", "container_kill"]),
              name=st.sampled_from(CONTAINER_NAMES))
        def lifecycle(self, op: str, name: str) -> None:
            h = self.host
            calls = {"container_start": h.container_start, "container_stop": h.container_stop,
                     "container_restart": h.container_restart, "container_kill": h.container_kill}
            self.call(calls[op], name)

        @rule(name=st.sampled_from(CONTAINER_NAMES), force=st.booleans())
        def container_remove(self, name: str, force: bool) -> None:
            self.call(self.host.container_remove, name, force=force)

        @rule(net=st.sampled_from(NETWORK_NAMES), name=st.sampled_from(CONTAINER_NAMES), connect=st.booleans())
        def connect(self, net: str, name: str, connect: bool) -> None:
            if connect:
                self.call(self.host.network_connect, net, name)
            else:
                self.call(self.host.network_disconnect, net, name)

        @invariant()
        def no_address_twice_on_a_network(self) -> None:
            for net in self.host.ctl.networks.values():
                seen: set[str] = set()
                for ep in net.endpoints.values():
                    for a in (ep.ip4, ep.ip6):
                        if a is None:
                            continue
                        key = str(a)
                        assert key not in seen, f"{key} twice on {net.name}"
                        seen.add(key)

    return HostStateMachine


_BUILDERS = {"IpamStateMachine": _build_ipam_machine, "HostStateMachine": _build_host_machine}
_BUILT: dict[str, type] = {}


def __getattr__(name: str) -> Any:
    # PEP 562: the state machines subclass hypothesis's, so they are made when first asked for.
    if name in _BUILDERS:
        if name not in _BUILT:
            _BUILT[name] = _BUILDERS[name]()
            _BUILT[name].__module__ = __name__
        return _BUILT[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["addresses", "prefixes", "PoolRequest", "pool_requests", "network_specs", "container_specs",
           "docker_command_lines", "IpamStateMachine", "HostStateMachine"]
