"""Joining and leaving a bridge costs the same whatever the number of its ports (DESIGN rule 2).

The bridge's ports are a dict that counts every walk over it; connecting, disconnecting,
starting, stopping and removing a container on a bridge with many ports must walk it no time at
all. On 20.10 the bridge takes its smallest port's MTU (``bridge_mtu_follows_ports``): that
minimum comes from a count of ports by MTU, and must still give the kernel's answer when ports
of other MTUs come and go (tests/golden r123_mtu, r124_mtu_start show the recorded behaviour).
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec
from dockernet_sim.host import DockerHost
from dockernet_sim.kernel import Link
from dockernet_sim.terminal import Session


class CountingPorts(dict):  # type: ignore[type-arg]
    """A bridge's port table that counts the walks over it."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        CountingPorts.walks += 1
        return super().__iter__()

    def keys(self) -> Any:
        CountingPorts.walks += 1
        return super().keys()

    def items(self) -> Any:
        CountingPorts.walks += 1
        return super().items()


def _bridge(h: DockerHost, net: str) -> Link:
    dev = h.daemon.ctl.find_network(net).bridge
    link = h.kernel.host.link(dev)
    assert link is not None
    return link


@pytest.mark.parametrize("engine", ["20.10", "28"])
def test_join_and_leave_never_walk_the_ports(engine: str) -> None:
    h = DockerHost(engine=engine, seed=1)
    h.network_create("n", ipam_config=[{"Subnet": "10.7.0.0/16"}])
    h.network_create("m", ipam_config=[{"Subnet": "10.8.0.0/16"}])
    for j in range(40):
        cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"c{j}", network_mode="n",
                                                  networks={"n": EndpointSpec()}))
        h.container_start(cid)
    bridge = _bridge(h, "n")
    bridge.ports = CountingPorts(bridge.ports)
    CountingPorts.walks = 0
    h.network_disconnect("n", "c7")
    h.network_connect("n", "c7")
    h.network_connect("m", "c8")
    h.network_disconnect("n", "c8")
    h.container_stop("c9")
    h.container_start("c9")
    cid, _ = h.container_create(ContainerSpec(image="busybox", name="late", network_mode="n",
                                              networks={"n": EndpointSpec()}))
    h.container_start(cid)
    h.container_remove("c10", force=True)
    assert CountingPorts.walks == 0
    assert isinstance(bridge.ports, CountingPorts) and len(bridge.ports) == 39


def test_the_smallest_mtu_follows_ports_as_they_come_and_go_on_20_10() -> None:
    s = Session(engine="20.10", seed=0)
    assert s.run_line("docker network create --subnet 10.9.0.0/24 -o com.docker.network.bridge.name=brm n").exit_code == 0
    for line in ("ip link add lan0 type veth peer name lan0p", "ip link set lan0 mtu 1300",
                 "ip link set lan0 master brm", "docker run -d --name aa --network n busybox"):
        assert s.run_line(line).exit_code == 0, line
    bridge = s.host.kernel.host.link("brm")
    assert bridge is not None and bridge.mtu == 1300 and dict(bridge.port_mtus) == {1300: 1, 1500: 1}
    # the small port's MTU grows, it leaves: the counts follow, and the next join sees 1500
    assert s.run_line("ip link set lan0 mtu 1400").exit_code == 0
    assert dict(bridge.port_mtus) == {1400: 1, 1500: 1}
    assert s.run_line("ip link set lan0 nomaster").exit_code == 0
    assert dict(bridge.port_mtus) == {1500: 1}
    assert s.run_line("docker run -d --name bb --network n busybox").exit_code == 0
    assert bridge.mtu == 1500 and dict(bridge.port_mtus) == {1500: 2}
    assert [p.name for p in bridge.ports] == [p.name for p in sorted(bridge.ports, key=lambda p: p.index)]


def test_a_failed_call_puts_a_port_back_in_its_place() -> None:
    h = DockerHost(engine="20.10", seed=1)
    h.network_create("n", ipam_config=[{"Subnet": "10.7.0.0/16"}])
    for j in range(5):
        cid, _ = h.container_create(ContainerSpec(image="busybox", name=f"c{j}", network_mode="n",
                                                  networks={"n": EndpointSpec()}))
        h.container_start(cid)
    bridge = _bridge(h, "n")
    before = [p.name for p in bridge.ports]
    # a disconnect inside a transaction that then fails: the journal's undo restores the port
    with pytest.raises(RuntimeError):
        with h.daemon.journal.transaction():
            h.daemon.network_disconnect("n", "c2")
            assert len(bridge.ports) == 4
            raise RuntimeError("fail after the leave")
    assert [p.name for p in bridge.ports] == before
    assert dict(bridge.port_mtus) == {1500: 5}
