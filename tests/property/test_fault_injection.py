"""A fault at every mutation point of every Engine API call rolls back exactly.

The mutation points of a call are the calls it makes into the model: every function and method
of ``kernel``, ``libnetwork`` and ``daemon`` (their mutators and the queries between them), the
journal's own steps (``Journal.record`` and ``step``) and the random source (``ids``). A first
run of the call on a fork counts the points it passes (``n``); then, for every ``k`` in
``1..n`` — all of them, none sampled — a fresh fork runs the call with an exception raised on
entry to the ``k``-th point. The exception is a ``BaseException`` (as ``KeyboardInterrupt``
is), so no handler in the model can take it for a Docker error. Afterwards:

* the exception came out of the call (nothing swallowed it);
* the host is byte-identical to what it was: the save document (its call log and the digest of
  the state and the random source), the full ``state()``, every kernel object field by field
  (links, addresses, routes, sysctls, netns ids, index counters), the IPAM's cursors, every
  network and container inspect document and the order of the listings;
* a retry without a fault behaves exactly as the call did on an untouched fork: the same result
  or the same error, and the same host afterwards.

Faults are not injected while a rollback runs (undos are not mutation points). Where a real
engine is not atomic, the profile names the behaviour and ``test_engine_atomic`` checks it; an
injected fault is never a Docker error, so none of those applies here — except 20.10's pool
rotation index, which the IPAM moves on as it looks for a pool and never back (its
``rotate_pools`` rule): the test allows exactly that, and then expects the retry to behave as on
an untouched host whose index had moved the same way.

The scenarios are a fixed, small set of hosts and calls covering every method in
``persist.RECORDED`` (plus ``container_exited``) on every engine profile.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from dataclasses import dataclass
from types import CodeType, FrameType
from typing import Any, Callable, Optional

import pytest

import dockernet_sim
from dockernet_sim import DockerHost, persist
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.daemon.container import Image
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec
from dockernet_sim.daemon.specs import MountSpec
from dockernet_sim.errors import DockerError

PKG = os.path.dirname(dockernet_sim.__file__)
ROOTS = tuple(os.path.join(PKG, d) + os.sep for d in ("kernel", "libnetwork", "daemon"))
FILES = frozenset(os.path.join(PKG, f) for f in ("ids.py", "journal.py"))
_GENERATORS = 0x20 | 0x80 | 0x200          # CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR


class Fault(BaseException):
    """The injected failure: not an Exception, so nothing in the model may catch it."""


def _is_point(code: CodeType) -> bool:
    if code.co_name.startswith("<") or code.co_flags & _GENERATORS:
        return False                      # lambdas (undos), comprehensions, generators (queries)
    return code.co_filename.startswith(ROOTS) or code.co_filename in FILES


_POINTS: dict[CodeType, bool] = {}        # _is_point of each function met so far (a pure function)


class Injector:
    """A trace function counting mutation points, and raising :class:`Fault` at the k-th.

    With a ``path``: a counting run (no ``fail_at``) appends the function of each point to it; a
    failing run checks that it passes the same functions up to its k-th point and, where it does
    not, raises :class:`Fault` there with ``diverged`` set (a host used again may skip a point that
    a fresh one passes: a cache filled by a call the journal took back)."""

    def __init__(self, host: DockerHost, fail_at: Optional[int] = None,
                 path: Optional[list[CodeType]] = None) -> None:
        self.host, self.fail_at, self.path, self.count, self.where = host, fail_at, path, 0, ""
        self.diverged = False

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        if event != "call":
            return None
        code = frame.f_code
        point = _POINTS.get(code)
        if point is None:
            point = _POINTS[code] = _is_point(code)
        if point and not self.host.journal.rolling_back:
            self.count += 1
            path = self.path
            if path is not None:
                if self.fail_at is None:
                    path.append(code)
                elif path[self.count - 1] is not code:
                    self.diverged = True
                    raise Fault(f"{code.co_name} instead of {path[self.count - 1].co_name} at point {self.count}")
            if self.count == self.fail_at:
                self.where = f"{code.co_name} ({os.path.relpath(code.co_filename, PKG)}:{frame.f_lineno})"
                raise Fault(self.where)
        return None


Outcome = tuple[str, Any]


def _call(host: DockerHost, op: Callable[[DockerHost], Any], injector: Optional[Injector]) -> Outcome:
    previous = sys.gettrace()
    sys.settrace(injector)
    try:
        result = op(host)
    except DockerError as e:
        return ("error", (type(e).__name__, str(e)))
    finally:
        sys.settrace(previous)
    return ("ok", result)


def _kernel(h: DockerHost) -> list[Any]:
    """Every namespace and link as the kernel holds them, in the order views list them."""
    out: list[Any] = [h.kernel._global_index]
    for ns in h.kernel.namespaces.values():
        links = [(l.index, l.name, l.kind, l.mtu, l.mac, l.up, l.carrier, l.txqueuelen, l.had_carrier, l.stp,
                  l.hairpin, [repr(a) for a in l.addresses], l.master.name if l.master else None,
                  (l.peer.netns.name if l.peer.netns else None, l.peer.name) if l.peer else None,
                  l.netns.name if l.netns else None, [p.name for p in l.ports]) for l in ns.links.values()]
        out.append((ns.name, links, [repr(r) for r in ns.routes], sorted(ns.sysctl.items()),
                    sorted(ns.netnsids.items()), sorted(ns._free_nsids), ns._next_nsid, ns._next_index))
    return out


def _exact(x: Any) -> bytes:
    """``x`` as pickle writes it with its memo off (``fast``): a value tree in bytes, so equal
    bytes are equal values — types, floats' bits, dict order and all — whatever objects the two
    trees share. A tenth of ``repr``'s time on a host's state."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(x)
    return out.getvalue()


PARTS = ("save header", "call log", "state()", "kernel objects", "IPAM with cursors", "random source",
         "pid counter", "images", "network inspect", "container inspect", "listing orders")


def snapshot(h: DockerHost) -> tuple[Any, ...]:
    """Everything a user or a later call could see (one entry per name in :data:`PARTS`). The save
    document is its header and call log here (its digest hashes the state, the random source, the
    pid counter and the images, all compared one by one; ``persist.dumps`` itself is compared once
    per case)."""
    log = persist.call_log(h)
    return (
        _exact(log.header), _exact(log.calls), _exact(h.state()), _exact(_kernel(h)), _exact(h.ipam.state(include_cursors=True)),
        _exact(h.rand.state()), repr(h.daemon.pids.last), repr(list(h.images.items())),
        _exact([h.network_inspect(n.id) for n in h.network_list()]),
        _exact([h.container_inspect(c.id) for c in h.container_list(all=True)]),
        _exact([list(h.names), [c.id for c in h.containers.values()], list(h.ctl.networks),
                {n.id: list(n.endpoints) for n in h.ctl.networks.values()}]),
    )


def differs(got: tuple[Any, ...], want: tuple[Any, ...]) -> str:
    return ", ".join(name for name, a, b in zip(PARTS, got, want) if a != b)


# -- the scenarios ---------------------------------------------------------------------------------
def _published(port: str) -> dict[str, list[dict[str, str]]]:
    return {"80/tcp": [{"HostIp": "", "HostPort": port}]}


def populated(engine: str) -> DockerHost:
    """A host with something of everything: a user network with a running container publishing
    a port, a stopped one, a container sharing another's namespace, an IPv6 network, a paused one."""
    h = DockerHost(engine=engine, seed=7)
    h.network_create("n0", ipam_config=[{"Subnet": "10.9.0.0/24"}])
    h.network_create("v6", enable_ipv6=True, ipam_config=[{"Subnet": "10.6.0.0/24"}, {"Subnet": "fd00:6::/64"}])
    h.network_create("spare", labels={"tier": "x"})
    h.run("busybox", name="web", port_bindings=_published("8080"))
    h.network_connect("n0", "web", EndpointSpec(aliases=["www"]))
    h.container_create(ContainerSpec(name="idle", network_mode="n0"))
    h.run("busybox", name="side", network_mode="container:web")
    h.network_create("cold", ipam_config=[{"Subnet": "10.10.0.0/24"}])
    h.run("busybox", name="frozen", network_mode="cold")
    h.container_pause("frozen")
    return h


def legacy(engine: str) -> DockerHost:
    """The other daemon: no userland proxy (hairpin NAT, route_localnet), icc off with --link
    (per-link rules), a macvlan network, and a stopped container whose network was removed."""
    h = DockerHost(engine=engine, seed=11, config=DaemonConfig(userland_proxy=False, icc=False))
    h.run("busybox", name="db", expose=["5432/tcp"])
    h.run("busybox", name="app", links=["db:database"], port_bindings=_published("8080"))
    h.network_create("mv", driver="macvlan", options={"parent": "eth0"},
                     ipam_config=[{"Subnet": "192.0.2.0/24", "Gateway": "192.0.2.1"}])
    h.network_create("gone", ipam_config=[{"Subnet": "10.3.0.0/24"}])
    h.container_create(ContainerSpec(name="left", network_mode="gone"))
    h.network_remove("gone")
    return h


def dual(engine: str) -> DockerHost:
    """An IPv6 daemon: the default bridge with --bip, --fixed-cidr and --fixed-cidr-v6, a network
    with auxiliary addresses, a container publishing every exposed port."""
    h = DockerHost(engine=engine, seed=5, config=DaemonConfig(
        ipv6=True, bip="172.20.0.1/16", fixed_cidr="172.20.8.0/24", fixed_cidr_v6="fd00:d0::/64", mtu=1400))
    h.network_create("aux", ipam_config=[{"Subnet": "10.4.0.0/24", "AuxiliaryAddresses": {"r": "10.4.0.2"}}])
    h.run("web", name="ww", publish_all=True)
    h.run("busybox", name="once", auto_remove=True)        # --rm: removed as its task ends
    return h


def volumes(engine: str) -> DockerHost:
    """Volumes: a named one a created container mounts beside an anonymous one, a spare one, a
    container with a restart policy."""
    h = DockerHost(engine=engine, seed=13)
    h.volume_create("data", labels={"a": "b"})
    h.volume_create("spare")
    h.container_create(ContainerSpec(name="user", binds=["data:/data"], volumes=["/anon"],
                                     mounts=[MountSpec(source="m1", target="/m")]))
    h.run("busybox", name="web", restart_name="always")
    return h


def health(engine: str) -> DockerHost:
    """Health checks: a running container probed once, a created one with a check, one whose
    check is disabled (daemon/health.py)."""
    from dockernet_sim.daemon.health import HealthConfig
    h = DockerHost(engine=engine, seed=17)
    h.container_create(ContainerSpec(name="probed", healthcheck=HealthConfig(("CMD", "true"), interval=2_000_000_000)))
    h.container_start("probed")
    h.time_passes(2_000_000_000)
    h.container_health_probe("probed", 0, "ok\n")
    h.container_create(ContainerSpec(name="later", healthcheck=HealthConfig(("CMD-SHELL", "exit 1"), retries=1)))
    h.run("busybox", name="off", healthcheck=HealthConfig(("NONE",)))
    return h


HOSTS: dict[str, Callable[[str], DockerHost]] = {"populated": populated, "legacy": legacy, "dual": dual,
                                                 "volumes": volumes, "health": health}


@dataclass(frozen=True)
class Case:
    name: str
    op: Callable[[DockerHost], Any]
    host: str = "populated"


CASES: tuple[Case, ...] = (
    Case("network_create", lambda h: h.network_create("n1", ipam_config=[{"Subnet": "10.1.0.0/24",
                                                                          "IPRange": "10.1.0.128/25"}])),
    Case("network_create_default_pool", lambda h: h.network_create("n2", internal=True)),
    Case("network_create_ipv6", lambda h: h.network_create("n6", enable_ipv6=True, ipam_config=[
        {"Subnet": "10.7.0.0/24"}, {"Subnet": "fd00:7::/64"}])),
    Case("network_create_overlap", lambda h: h.network_create("n3", ipam_config=[{"Subnet": "10.9.0.0/16"}])),
    Case("network_remove", lambda h: h.network_remove("spare")),
    Case("networks_prune", lambda h: h.networks_prune()),
    Case("network_connect", lambda h: h.network_connect("v6", "web", EndpointSpec(ipv4="10.6.0.9"))),
    Case("network_connect_in_use", lambda h: h.network_connect("v6", "web", EndpointSpec(ipv6="fd00:6::1"))),
    Case("network_disconnect", lambda h: h.network_disconnect("n0", "web")),
    Case("container_create", lambda h: h.container_create(ContainerSpec(
        name="new", network_mode="n0", networks={"n0": EndpointSpec(ipv4="10.9.0.50")},
        port_bindings=_published("9090")))),
    Case("container_start", lambda h: h.container_start("idle")),
    Case("container_task_failed", lambda h: h.container_task_failed("idle", "runc refused it", 127)),
    Case("container_stop", lambda h: h.container_stop("web")),
    Case("container_restart", lambda h: h.container_restart("web")),
    Case("container_kill", lambda h: h.container_kill("web")),
    Case("container_pause", lambda h: h.container_pause("web")),
    Case("image_tag", lambda h: h.image_tag("busybox", "mybox:1")),
    Case("image_remove", lambda h: h.image_remove("web")),
    Case("image_remove_in_use", lambda h: h.image_remove("busybox", force=True)),
    Case("container_unpause", lambda h: h.container_unpause("frozen")),
    Case("containers_prune", lambda h: h.containers_prune()),
    Case("images_prune", lambda h: h.images_prune(True)),
    Case("stop_paused", lambda h: h.container_stop("frozen")),
    Case("container_exited", lambda h: h.container_exited("web", 3)),
    Case("exec_server", lambda h: h.exec_server("web", ["httpd", "-f", "-p", "80"])),
    Case("container_layer_put", lambda h: h.container_layer_put("web", "/tmp/a", "f", 0o644, 0, "", "hi\n")),
    Case("container_layer_drop", lambda h: h.container_layer_drop("web", "/tmp/b")),
    Case("container_output", lambda h: h.container_output("web", "out\n", "err\n")),
    Case("container_remove", lambda h: h.container_remove("web", force=True)),
    Case("container_rename", lambda h: h.container_rename("web", "site")),
    Case("container_attach", lambda h: h.container_attach("web")),
    Case("exec_run", lambda h: h.exec_run("web", ["true"], 0)),
    Case("run", lambda h: h.run("busybox", name="r1", network_mode="v6", port_bindings=_published("7070"))),
    Case("run_port_taken", lambda h: h.run("busybox", name="r2", port_bindings=_published("8080"))),
    Case("add_image", lambda h: h.add_image(Image("alpine", ("sh",)))),
    Case("set_allocation_policy", lambda h: h.set_allocation_policy("round-robin")),
    Case("host_ip", lambda h: h.host_ip(["link", "add", "link", "eth0", "name", "shim", "type", "macvlan",
                                         "mode", "bridge"])),
    Case("host_sysctl", lambda h: h.host_sysctl("net.ipv4.ip_forward", "0")),
    Case("host_iptables_policy", lambda h: h.host_iptables_policy("filter", "FORWARD", "DROP")),
    Case("run_linked", lambda h: h.run("busybox", name="web2", links=["db"], port_bindings=_published("9000")),
         "legacy"),
    Case("stop_linked", lambda h: h.container_stop("app"), "legacy"),
    Case("restart_linked", lambda h: h.container_restart("app"), "legacy"),
    Case("run_macvlan", lambda h: h.run("busybox", name="m1", network_mode="mv"), "legacy"),
    Case("run_host_mode", lambda h: h.run("busybox", name="h1", network_mode="host"), "legacy"),
    Case("network_create_ipv6_no_subnet", lambda h: h.network_create("v6auto", enable_ipv6=True), "legacy"),
    Case("network_create_config_only", lambda h: h.network_create("cfg", config_only=True, ipam_config=[
        {"Subnet": "10.8.0.0/24"}]), "legacy"),
    Case("disconnect_removed_network", lambda h: h.network_disconnect("gone", "left"), "legacy"),
    Case("remove_linked_target", lambda h: h.container_remove("db", force=True), "legacy"),
    Case("run_default_bridge_ipv6", lambda h: h.run("busybox", name="b1", port_bindings=_published("8081")), "dual"),
    Case("connect_aux", lambda h: h.network_connect("aux", "ww"), "dual"),
    Case("stop_publish_all", lambda h: h.container_stop("ww"), "dual"),
    Case("network_create_aux", lambda h: h.network_create("aux2", ipam_config=[
        {"Subnet": "10.5.0.0/24", "IPRange": "10.5.0.64/26", "AuxiliaryAddresses": {"a": "10.5.0.3", "b": "10.5.0.70"}}]),
         "dual"),
    Case("network_remove_aux", lambda h: h.network_remove("aux"), "dual"),
    Case("container_health_probe", lambda h: h.container_health_probe("probed", 1, "no\n"), "health"),
    Case("time_passes", lambda h: h.time_passes(40_000_000_000), "health"),
    Case("start_with_check", lambda h: h.container_start("later"), "health"),
    Case("stop_with_check", lambda h: h.container_stop("probed"), "health"),
    Case("remove_with_check", lambda h: h.container_remove("probed", force=True), "health"),
    Case("container_update", lambda h: h.container_update("web", "on-failure", 3, nano_cpus=500000000)),
    Case("container_update_refused", lambda h: h.container_update("web", "", memory=67108864)),
    Case("volume_create", lambda h: h.volume_create("new", labels={"x": "y"}), "volumes"),
    Case("volume_create_anonymous", lambda h: h.volume_create(), "volumes"),
    Case("volume_remove", lambda h: h.volume_remove("spare"), "volumes"),
    Case("volume_remove_in_use", lambda h: h.volume_remove("data"), "volumes"),
    Case("volumes_prune", lambda h: h.volumes_prune(all=True), "volumes"),
    Case("create_with_mounts", lambda h: h.container_create(ContainerSpec(
        name="mm", binds=["data:/d", "fresh:/f"], mounts=[MountSpec(source="v9", target="/v")], volumes=["/a"])),
         "volumes"),
    Case("create_bad_mount", lambda h: h.container_create(ContainerSpec(name="mm", binds=["fresh:/f", "x:rel"])),
         "volumes"),
    Case("remove_with_volumes", lambda h: h.container_remove("user", volumes=True), "volumes"),
    Case("exit_auto_remove", lambda h: h.container_exited("once", 0), "dual"),
    Case("kill_auto_remove", lambda h: h.container_kill("once"), "dual"),
)


def test_every_recorded_call_is_covered() -> None:
    covered = {name for c in CASES for name in c.op.__code__.co_names}
    assert set(persist.RECORDED) <= covered, sorted(set(persist.RECORDED) - covered)


@pytest.fixture(scope="module")
def hosts() -> dict[tuple[str, str], DockerHost]:
    return {}


class _TakeBack(BaseException):
    """Ends the transaction around a retry, so that the journal takes the retry back."""


def _retry(h: DockerHost, op: Callable[[DockerHost], Any]) -> tuple[Outcome, tuple[Any, ...]]:
    """The call without a fault, and the host it leaves; then the host as it was before the call,
    by the journal: the call runs inside a transaction of the test's own that is rolled back
    (what a successful call changed, undone as a failing one's changes are). The call log is not
    journaled (a rolled-back call is never logged), so its entry is taken off by hand."""
    calls = persist.call_log(h).calls
    logged = len(calls)
    try:
        with h.journal.transaction():
            outcome = _call(h, op, None)
            after = snapshot(h)
            raise _TakeBack
    except _TakeBack:
        del calls[logged:]
    return outcome, after


def _fault(h: DockerHost, op: Callable[[DockerHost], Any], k: int, path: list[CodeType]) -> Injector:
    injector = Injector(h, fail_at=k, path=path)
    with pytest.raises(Fault):
        _call(h, op, injector)
    return injector


@pytest.mark.parametrize("engine", ["28", "20.10", "26"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fault_at_every_point_rolls_back(hosts: dict[tuple[str, str], DockerHost], engine: str,
                                         case: Case) -> None:
    base = hosts.get((case.host, engine))
    if base is None:
        base = hosts[case.host, engine] = HOSTS[case.host](engine)
        persist.loads(persist.dumps(base), DockerHost)   # the starting point itself saves and loads
    blob = pickle.dumps(base)      # a fork made the fast way (equal to ``fork()``)
    _call(pickle.loads(blob), case.op, None)    # what the call loads on first use is loaded before points are counted
    reference = pickle.loads(blob)
    path: list[CodeType] = []
    expected = _call(reference, case.op, Injector(reference, path=path))
    after_ok = snapshot(reference)
    n = len(path)
    assert n > 0, "the call passed no mutation point: the injector sees nothing"
    before = snapshot(base)
    # what to expect after a fault, by the pool rotation index the fault left (see below)
    wants: dict[int, tuple[DockerHost, tuple[Any, ...], Outcome, tuple[Any, ...]]] = {
        base.ipam.rotation_index: (base, before, expected, after_ok)}
    # Each fault runs on a host as ``base`` is: a fork, used again for the next point once the
    # retry is taken back (_retry) while that gives exactly ``before`` (checked once, after the
    # first point) and the call passes the points a fresh fork passes (checked point by point; a
    # fresh fork runs the point again where it does not). A call whose success the journal does
    # not take back exactly (a removal's undo puts the key back last, 20.10's rotation index stays
    # moved) gets a fresh fork per point. A host not as ``before`` when a fault is injected would
    # fail the check after that fault anyway.
    h: Optional[DockerHost] = None
    reuse: Optional[bool] = None
    for k in range(1, n + 1):
        fresh = h is None
        if h is None:
            h = pickle.loads(blob)
        injector = _fault(h, case.op, k, path)
        if injector.diverged:
            assert not fresh, f"a fresh fork passed another point than the first run: {injector.where}"
            h, reuse = pickle.loads(blob), False
            injector = _fault(h, case.op, k, path)
            assert not injector.diverged, f"a fresh fork passed another point than the first run: {injector.where}"
        moved = h.ipam.rotation_index != base.ipam.rotation_index
        if h.ipam.rotation_index not in wants:
            # the one named exception: 20.10 moves its pool rotation index on and never back
            # (ipam's ``rotate_pools`` rule) — all else is as before, and the retry behaves as
            # on an untouched host whose index had moved the same way (built once per index)
            assert base.profile.ipam.rotate_pools, "only a profile that rotates its pools moves the index"
            like = base.fork()
            like.ipam._rotation = h.ipam.rotation_index
            like_after = like.fork()
            wants[h.ipam.rotation_index] = (like, snapshot(like), _call(like_after, case.op, None),
                                            snapshot(like_after))
        like, want_before, want_retry, want_after = wants[h.ipam.rotation_index]
        if k == n:     # the save document itself, once
            assert persist.dumps(h) == persist.dumps(like)
        got = snapshot(h)
        assert got == want_before, \
            f"a fault at point {k}/{n}, {injector.where}, changed the host: {differs(got, want_before)}"
        retry, got = _retry(h, case.op)
        assert retry == want_retry, f"after a fault at {k}/{n}, {injector.where}, the retry gave {retry}"
        assert got == want_after, \
            f"after a fault at {k}/{n}, {injector.where}, the retry left another host: {differs(got, want_after)}"
        if reuse is None and not moved:
            reuse = snapshot(h) == before
        if moved or not reuse:
            h = None


def test_an_interrupted_call_leaves_a_host_that_saves_and_loads() -> None:
    """The issue's case: KeyboardInterrupt mid-call, then save and load."""
    h = populated("28")
    counter = Injector(h.fork())
    _call(counter.host, CASES[0].op, counter)
    injector = Injector(h, fail_at=counter.count // 2)
    with pytest.raises(Fault):
        _call(h, CASES[0].op, injector)
    again = persist.loads(persist.dumps(h), DockerHost)
    assert snapshot(again) == snapshot(h)
