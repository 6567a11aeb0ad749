"""macvlan verdicts against a real Linux kernel: siblings by mode, host <-> child, the shim.

As in :mod:`tests.system.test_real_kernel` (whose machinery this reuses: root, ``ip netns``, a
raw ICMP socket; skipped where the machine cannot), the model's host is exported with
``dockernet_sim.export.plan`` into namespaces of the test's own. The macvlan parent is one end of
a veth pair made inside the exported host namespace (``ip link add lan0 type veth peer name
lan0p``), so nothing touches the machine's interfaces, and every address pinged lives inside the
test's namespaces.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.query import reach

from .test_real_kernel import PING, PYTHON, WHY_NOT, _build, _host, _ip, _run

pytestmark = pytest.mark.skipif(bool(WHY_NOT), reason=WHY_NOT or "ok")

PARENT = ["ip link add lan0 type veth peer name lan0p", "ip link set lan0 up", "ip link set lan0p up",
          "ip addr add 10.83.0.254/24 dev lan0"]
SHIM = ["ip link add mvshim link lan0 type macvlan mode bridge", "ip addr add 10.83.0.250/32 dev mvshim",
        "ip link set mvshim up", "ip route add 10.83.0.0/25 dev mvshim"]


def _containers(mode: str) -> list[str]:
    return [f"docker network create -d macvlan --subnet 10.83.0.0/24 -o parent=lan0 -o macvlan_mode={mode} mv",
            "docker run -d --name c1 --network mv busybox", "docker run -d --name c2 --network mv busybox"]


def _host_ping(host_ns: str, dst_ip: str) -> bool:
    r = _run(["ip", "netns", "exec", host_ns, *PYTHON, "-c", PING, dst_ip, "1"], 15)
    return r.returncode == 0


def _check(h: DockerHost, tmp_path: Path, cases: list[tuple[str, str, bool]]) -> None:
    """Each (src, dst IP, expected) with src a container or "host": model and kernel agree."""
    for b in _build(h, tmp_path):
        # the exported host's namespace: PREFIX-host beside PREFIX-<container>
        host_ns = b.containers["c1"][: -len("-c1")] + "-host"
        problems = []
        for src, dst_ip, want in cases:
            model = reach(h, src, dst_ip).verdict == "reachable"
            kernel = _host_ping(host_ns, dst_ip) if src == "host" else b.ping(src, dst_ip)
            if not (model == kernel == want):
                problems.append(f"{src} -> {dst_ip}: expected {want}, model {model}, kernel {kernel}")
        assert not problems, problems


@pytest.mark.parametrize("engine", ["28", "20.10"])
@pytest.mark.parametrize(("mode", "siblings"), [("bridge", True), ("private", False), ("vepa", False)])
def test_siblings_by_mode_and_the_host_without_a_shim(engine: str, mode: str, siblings: bool,
                                                       tmp_path: Path) -> None:
    h = _host(engine, PARENT + _containers(mode))
    c2 = _ip(h, "c2", "mv")
    _check(h, tmp_path, [("c1", c2, siblings), ("c1", "10.83.0.254", False), ("host", c2, False)])


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_the_shim_lets_host_and_children_talk(engine: str, tmp_path: Path) -> None:
    h = _host(engine, PARENT + _containers("bridge") + SHIM)
    c1, c2 = _ip(h, "c1", "mv"), _ip(h, "c2", "mv")
    _check(h, tmp_path, [("c1", "10.83.0.250", True), ("host", c2, True), ("c1", c2, True)])


def test_the_shim_does_not_reach_private_children(tmp_path: Path) -> None:
    h = _host("28", PARENT + _containers("private") + SHIM)
    _check(h, tmp_path, [("c1", "10.83.0.250", False), ("host", _ip(h, "c1", "mv"), False)])
