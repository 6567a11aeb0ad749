"""Forks under random Engine API calls: after any calls on either side (interleaved, forks of
forks among them), each host is exactly — state, random source, call log — the host the same
calls give when made on a host that was never forked; and what two related hosts hold in common
(a fork shares the values: strings, addresses, routes, rules…) is immutable, all the way down."""

from __future__ import annotations

from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockernet_sim import DockerHost, persist
from dockernet_sim.daemon.specs import ContainerSpec, EndpointSpec
from dockernet_sim.errors import DockerError

from tests.unit.test_fork import shared_mutable

NETS = st.sampled_from(["n1", "n2", "bridge", "nosuch"])
CTRS = st.sampled_from(["a", "b", "c"])
Call = Callable[[DockerHost], Any]


def _run(name: str, net: str) -> Call:
    return lambda h: h.run("busybox", name=name, network_mode=net, networks={net: {}})


def _connect(net: str, name: str, ip: str) -> Call:
    return lambda h: h.network_connect(net, name, EndpointSpec(ipv4=ip))


CALLS: st.SearchStrategy[tuple[str, Call]] = st.one_of(
    st.builds(lambda n, s: (f"create {n} {s}", lambda h: h.network_create(n, ipam_config=[{"Subnet": s}] if s else ())),
              NETS, st.sampled_from(["", "10.1.0.0/24", "10.1.0.0/29"])),
    st.builds(lambda n: (f"rm {n}", lambda h: h.network_remove(n)), NETS),
    st.builds(lambda c, n: (f"run {c} {n}", _run(c, n)), CTRS, NETS),
    st.builds(lambda c: (f"create-only {c}", lambda h: h.container_create(
        ContainerSpec(image="busybox", name=c, network_mode="bridge", networks={"bridge": EndpointSpec()}))), CTRS),
    st.builds(lambda c: (f"stop {c}", lambda h: h.container_stop(c)), CTRS),
    st.builds(lambda c: (f"start {c}", lambda h: h.container_start(c)), CTRS),
    st.builds(lambda c: (f"rm -f {c}", lambda h: h.container_remove(c, force=True)), CTRS),
    st.builds(lambda n, c, ip: (f"connect {n} {c} {ip}", _connect(n, c, ip)), NETS, CTRS,
              st.sampled_from(["", "10.1.0.5"])),
    st.builds(lambda n, c: (f"disconnect {n} {c}", lambda h: h.network_disconnect(n, c, force=True)), NETS, CTRS),
)


def _apply(h: DockerHost, call: Call) -> None:
    try:
        call(h)
    except DockerError:
        pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(engine=st.sampled_from(["28", "20.10"]), before=st.lists(CALLS, max_size=6),
       steps=st.lists(st.tuples(st.integers(0, 2), CALLS, st.booleans()), max_size=14))
def test_every_fork_behaves_as_a_host_that_was_never_forked(engine: str, before: list[tuple[str, Call]],
                                                           steps: list[tuple[int, tuple[str, Call], bool]]) -> None:
    root = DockerHost(engine=engine, seed=7)
    for _, call in before:
        _apply(root, call)
    # each live host, with the calls that made it (to replay on a host never forked)
    hosts: list[tuple[DockerHost, list[Call]]] = [(root, [c for _, c in before])]
    for which, (_, call), fork_first in steps:
        i = which % len(hosts)
        if fork_first and len(hosts) < 4:
            h, history = hosts[i]
            hosts.append((h.fork(), list(history)))
            i = len(hosts) - 1
        h, history = hosts[i]
        _apply(h, call)
        history.append(call)
    for i, (h, _) in enumerate(hosts):
        for other, _ in hosts[i + 1:]:
            assert not shared_mutable(h, other)
    for h, history in hosts:
        alone = DockerHost(engine=engine, seed=7)
        for call in history:
            _apply(alone, call)
        assert h.state() == alone.state()
        assert persist.dumps(h) == persist.dumps(alone)

