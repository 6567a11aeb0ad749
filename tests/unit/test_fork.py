"""DockerHost.fork(): a copy equal to the original and sharing nothing mutable with it, forks of
forks, save/load and rollback on a fork, and since_fork() (what each side did since)."""

from __future__ import annotations

import enum
import gc
from collections import Counter
from typing import Any, Iterator

import pytest

from dockernet_sim import DockerHost
from dockernet_sim import persist
from dockernet_sim.daemon.specs import ContainerSpec, EndpointSpec
from dockernet_sim.errors import DockerError
from dockernet_sim.host import LoggedCall
from dockernet_sim.records import EMPTY_DICT, EmptyDict

from tests.property.test_fault_injection import Fault, Injector, _call


def two_nets() -> DockerHost:
    h = DockerHost(engine="28", seed=3)
    h.network_create("front", ipam_config=[{"Subnet": "10.7.0.0/24"}])
    h.network_create("back")
    h.run("busybox", name="web", network_mode="front", networks={"front": {}},
          port_bindings={"80/tcp": [{"HostIp": "", "HostPort": "8080"}]})
    h.run("busybox", name="db", network_mode="back", networks={"back": {}})
    h.network_connect("back", "web")
    return h


def _mutable_reachable(root: object) -> Iterator[object]:
    """Every list, dict, set and model object reachable from ``root`` (classes, functions,
    modules and enum members are shared by any copy and not followed)."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        o = todo.pop()
        if id(o) in seen or isinstance(o, (type, enum.Enum)) or callable(o) and not hasattr(o, "__self__"):
            continue
        seen.add(id(o))
        mod = type(o).__module__
        if isinstance(o, (list, dict, set, bytearray)) or mod.startswith("dockernet_sim"):
            yield o
        todo.extend(gc.get_referents(o))


def test_a_fork_equals_the_original_and_shares_nothing_mutable() -> None:
    h = two_nets()
    f = h.fork()
    assert f.state() == h.state()
    assert persist.dumps(f) == persist.dumps(h)          # the call log, the random source, the digest
    assert f.sh("docker inspect web").stdout == h.sh("docker inspect web").stdout
    shared = shared_mutable(h, f)
    assert not shared, f"shared with the original: {shared[:3]}"


def shared_mutable(a: DockerHost, b: DockerHost) -> list[object]:
    """What both hosts reach and could change: a write to it on one would show on the other. (A
    fork shares values — strings, addresses, routes — and a mutable object one of them held
    would be reached from both, and found.)"""
    mine = {id(o): o for o in _mutable_reachable(a.daemon)}
    return [o for o in _mutable_reachable(b.daemon) if id(o) in mine and not _immutable(o)]


def _immutable(o: Any) -> bool:
    if type(o) is EmptyDict:    # the one shared empty table: it refuses every change
        return True
    params = getattr(type(o), "__dataclass_params__", None)
    return params is not None and params.frozen


def test_changing_either_side_leaves_the_other_as_a_host_that_was_never_forked() -> None:
    h = two_nets()
    f = h.fork()
    f.network_disconnect("back", "web")
    f.run("busybox", name="cache", network_mode="back", networks={"back": {}})
    h.container_stop("db")
    h.network_create("third")
    # each side is what the same calls give on a host that was never forked
    for side, calls in ((h, lambda x: (x.container_stop("db"), x.network_create("third"))),
                        (f, lambda x: (x.network_disconnect("back", "web"),
                                       x.run("busybox", name="cache", network_mode="back",
                                             networks={"back": {}})))):
        alone = two_nets()
        calls(alone)
        assert persist.dumps(side) == persist.dumps(alone)


def test_a_fork_of_a_fork() -> None:
    h = two_nets()
    f = h.fork()
    f.network_create("f-only")
    g = f.fork()
    g.container_remove("db", force=True)
    assert "db" in h.names and "db" in f.names and "db" not in g.names
    assert f.ctl.network_by_name("f-only") is not None and h.ctl.network_by_name("f-only") is None
    assert g.ctl.network_by_name("f-only") is not None
    # the last moment h and g were one is h's fork: g's history since holds f's call too
    since = h.since_fork(g)
    assert since is not None and since.mine == ()
    assert [c.op for c in since.theirs] == ["network_create", "container_remove"]
    assert g.since_fork(f) == type(since)(mine=since.theirs[1:], theirs=())


def test_a_changed_fork_saves_and_loads_and_the_original_is_untouched(tmp_path: Any) -> None:
    h = two_nets()
    before = persist.dumps(h)
    f = h.fork()
    f.network_connect("front", "db")
    f.save(tmp_path / "f.json")
    back = DockerHost.load(tmp_path / "f.json")
    assert back.state() == f.state() and persist.dumps(back) == persist.dumps(f)
    assert persist.dumps(h) == before
    assert persist.dumps(DockerHost.load(tmp_path / "f.json").fork()) == persist.dumps(f)


def test_a_failed_call_on_a_fork_rolls_back_to_the_original() -> None:
    h = two_nets()
    f = h.fork()
    with pytest.raises(DockerError):     # 10.7.0.2 is web's: the endpoint is made, then taken back
        f.network_connect("front", "db", EndpointSpec(ipv4="10.7.0.2"))
    assert f.state() == h.state() and persist.digest(f) == persist.digest(h)
    connect = lambda x: x.network_connect("front", "db")   # noqa: E731
    counter = Injector(f.fork())
    _call(counter.host, connect, counter)
    assert counter.count > 2
    with pytest.raises(Fault):           # an interrupt halfway: the journal takes the call back
        _call(f, connect, Injector(f, fail_at=counter.count // 2))
    assert f.state() == h.state() and persist.digest(f) == persist.digest(h)
    connect(f)                           # and the fork goes on as the original would
    connect(h)
    assert persist.digest(f) == persist.digest(h)


def test_since_fork_names_the_calls_of_each_side_with_their_errors() -> None:
    h = two_nets()
    assert h.since_fork(two_nets()) is None         # not related
    assert h.since_fork(h.fork()) is not None
    f = h.fork()
    f.network_connect("front", "db")
    with pytest.raises(DockerError):
        h.network_remove("nosuch")
    since = f.since_fork(h)
    assert since is not None
    assert since.mine == (LoggedCall("network_connect", ("front", "db", None), {}),)
    assert since.theirs == (LoggedCall("network_remove", ("nosuch",), {}, "network nosuch not found"),)


def test_a_container_costs_few_objects_for_the_collector() -> None:
    """A fork copies, and every full collection scans, each tracked object a container brings:
    an unprogrammed netfilter, the call log, empty lists and values every container shares (lo's
    addresses, the subnet's broadcast and route prefix, the default route) must bring none.
    Seventeen today: the container (its networks), its settings, endpoint, sandbox (its
    endpoints), namespace (its links and routes), three links (one with a list of addresses), the
    connected route, one address with its IP, a netfilter rule."""
    h = DockerHost(engine="28", seed=1)
    h.network_create("n", ipam_config=[{"Subnet": "10.9.0.0/16"}])

    def grow(k: int, tag: str) -> None:
        for j in range(k):
            cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"{tag}{j}", network_mode="n",
                                                      networks={"n": EndpointSpec()}))
            h.container_start(cid)
    def census() -> Counter[str]:
        gc.collect()
        return Counter(type(o).__name__ for o in gc.get_objects())
    grow(20, "warm")
    grow(100, "warm-again")      # anything made once, on a first use, is made by now
    before = census()
    grow(100, "c")
    added = census() - before
    assert sum(added.values()) / 100 < 18, added


def test_a_fork_remembers_few_objects_per_container() -> None:
    """What a fork makes again per container and puts in its memo (issue 15): the container,
    its settings, endpoint, sandbox (its endpoints), namespace, three links; what only one field
    holds (the container's networks, the namespace's links, sysctls and netns ids) is made again
    but not remembered. The tables most containers leave empty (labels, sysctls, port bindings,
    published and listed ports) are the one shared ``EMPTY_DICT``, a link's addresses and a
    namespace's routes are tuples of values, shared, and a table's keys that are tuples of values
    are not remembered: 21 before (all made again), 13 made again now."""
    from dockernet_sim import graphcopy
    h = DockerHost(engine="28", seed=1)
    h.network_create("n", ipam_config=[{"Subnet": "10.9.0.0/16"}])

    def grow(k: int, tag: str) -> None:
        for j in range(k):
            cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"{tag}{j}", network_mode="n",
                                                      networks={"n": EndpointSpec()}))
            h.container_start(cid)

    def made() -> int:
        memo: dict[int, Any] = {}
        graphcopy._copy(h.daemon, memo)
        return len(memo)
    grow(100, "warm")       # the copiers of the hot classes are compiled by now
    made()
    before = made()
    grow(100, "c")
    assert (made() - before) / 100 <= 8


def test_the_shared_empty_table_refuses_changes_and_a_writer_gives_its_own() -> None:
    """A container's empty tables are the one ``EMPTY_DICT``, on both sides of a fork; publishing
    a port on one side gives that container a table of its own, the other side's stays shared."""
    h = DockerHost(engine="28", seed=3)
    h.network_create("n")
    cid, _ = h.container_create(ContainerSpec(image="busybox", name="aa", network_mode="n",
                                              networks={"n": EndpointSpec()}))
    c = h.daemon.store.containers[cid]
    assert c.labels is EMPTY_DICT and c.sysctls is EMPTY_DICT and c.port_bindings is EMPTY_DICT
    with pytest.raises(TypeError):
        c.labels["x"] = "y"
    f = h.fork()
    fc = f.daemon.store.containers[cid]
    assert fc is not c and fc.labels is EMPTY_DICT and fc.ports_published is EMPTY_DICT
    h.container_start(cid)
    f.run("busybox", name="bb", network_mode="n", networks={"n": {}},
          port_bindings={"80/tcp": [{"HostIp": "", "HostPort": "8080"}]})
    fb = f.daemon.store.containers[f.names["bb"]]
    assert type(fb.ports_published) is dict and fb.ports_published and type(fb.port_bindings) is dict
    assert "bb" not in h.names and c.ports_published is EMPTY_DICT
    f.container_remove("bb", force=True)
    assert not shared_mutable(h, f)
