"""The model's verdicts against a real Linux kernel.

Where the machine allows it (root, ``ip netns`` works, iptables works inside a namespace; skipped
otherwise), each test builds a small topology in network namespaces of its own — the model's
host as ``PREFIX-host`` with its bridges and iptables rules, one namespace per container, veth
pairs between them — from ``dockernet_sim.export.plan`` (the same ``ip``/``iptables-restore``
commands the model would program), pings between the namespaces with a raw ICMP socket, and
checks that the kernel's verdict agrees with ``query.reach``. Only the test's own namespaces are
touched: every address pinged lives inside them, the host namespace's default route ends in a
dummy link, and everything is deleted in ``finally``. Every command has a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.export import plan
from dockernet_sim.query import reach

# the probes below need only the standard library: without ``site`` (the .pth files of the
# installation) an interpreter starts in a fifth of the CPU time, and a probe is started per ping
PYTHON = (sys.executable, "-S")

PING = r'''
import os, select, socket, struct, sys, time
def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
dst, timeout = sys.argv[1], float(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
ident, data = os.getpid() & 0xffff, b"dockernet_sim"
pkt = struct.pack("!BBHHH", 8, 0, csum(struct.pack("!BBHHH", 8, 0, 0, ident, 1) + data), ident, 1) + data
try:
    s.sendto(pkt, (dst, 0))
except OSError as e:
    print("sendto:", e); sys.exit(2)
end = time.monotonic() + timeout
while True:
    left = end - time.monotonic()
    if left <= 0 or not select.select([s], [], [], left)[0]:
        sys.exit(1)
    buf, addr = s.recvfrom(2048)
    ihl = (buf[0] & 15) * 4
    t, _, _, i, _ = struct.unpack("!BBHHH", buf[ihl:ihl + 8])
    if t == 0 and i == ident and addr[0] == dst:
        sys.exit(0)
'''


def _run(args: list[str], timeout: float = 20, **kw: object) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kw)  # type: ignore[call-overload]


def _why_not() -> str:
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root"
    for tool in ("ip", "iptables", "iptables-restore", "bash"):
        if shutil.which(tool) is None:
            return f"needs {tool}"
    probe = f"dnk{os.getpid() % 100000}-probe"
    try:
        if _run(["ip", "netns", "add", probe], 10).returncode != 0:
            return "cannot create a network namespace"
        if _run(["ip", "netns", "exec", probe, "iptables", "-S"], 10).returncode != 0:
            return "iptables does not work inside a network namespace here"
        _run(["ip", "-n", probe, "link", "set", "lo", "up"], 10)
        r = _run(["ip", "netns", "exec", probe, *PYTHON, "-c", PING, "127.0.0.1", "1"], 10)
        if r.returncode != 0:
            return "cannot send ICMP from a raw socket inside a namespace"
    except (subprocess.SubprocessError, OSError) as e:
        return f"network namespaces do not work here: {e}"
    finally:
        try:
            _run(["ip", "netns", "del", probe], 10)
        except (subprocess.SubprocessError, OSError):
            pass
    return ""


WHY_NOT = _why_not()
pytestmark = pytest.mark.skipif(bool(WHY_NOT), reason=WHY_NOT or "ok")


class Built:
    def __init__(self, h: DockerHost, containers: dict[str, str]) -> None:
        self.h = h
        self.containers = containers

    def ping(self, src: str, dst_ip: str) -> bool:
        r = _run(["ip", "netns", "exec", self.containers[src], *PYTHON, "-c", PING, dst_ip, "1"], 15)
        # 2: sendto failed; only "no route" (the model's ``no route`` verdict) is expected
        assert r.returncode in (0, 1) or "unreachable" in r.stdout, r.stdout + r.stderr
        return r.returncode == 0


_counter = iter(range(1000))


def _build(h: DockerHost, tmp_path: Path) -> Iterator[Built]:
    prefix = f"dnk{os.getpid() % 10000}x{next(_counter)}"
    p = plan(h, prefix=prefix)
    setup, cleanup = tmp_path / "setup.sh", tmp_path / "cleanup.sh"
    setup.write_text(p.setup)
    cleanup.write_text(p.cleanup)
    try:
        r = _run(["bash", str(setup)], 120)
        if r.returncode != 0 and "iptables" in r.stderr:
            pytest.skip(f"iptables-restore fails inside a namespace here: {r.stderr[-300:]}")
        assert r.returncode == 0, r.stderr
        yield Built(h, dict(p.containers))
    finally:
        try:
            _run(["bash", str(cleanup)], 60)
        finally:
            left = _run(["ip", "netns", "list"], 10).stdout.split()
            for ns in p.namespaces:
                if ns in left:
                    _run(["ip", "netns", "del", ns], 10)


def _ip(h: DockerHost, name: str, net: str) -> str:
    return h.container_inspect(name)["NetworkSettings"]["Networks"][net]["IPAddress"]


def _host(engine: str, lines: list[str], **config: object) -> DockerHost:
    h = DockerHost(engine=engine, seed=5, config=DaemonConfig(**config))  # type: ignore[arg-type]
    for line in lines:
        r = h.sh(line)
        assert r.exit_code == 0, (line, r.stderr)
    return h


def _agree(b: Built, cases: list[tuple[str, str, bool]]) -> None:
    """Each (src, dst IP, expected): the model and the kernel both give the expected verdict."""
    problems = []
    for src, dst_ip, want in cases:
        model = reach(b.h, src, dst_ip).verdict == "reachable"
        kernel = b.ping(src, dst_ip)
        if not (model == kernel == want):
            problems.append(f"{src} -> {dst_ip}: expected {want}, model {model}, kernel {kernel}")
    assert not problems, problems


ENGINES = ["28", "20.10"]


@pytest.mark.parametrize("engine", ENGINES)
def test_same_bridge(engine: str, tmp_path: Path) -> None:
    h = _host(engine, ["docker run -d --name aa busybox", "docker run -d --name bb busybox"])
    for b in _build(h, tmp_path):
        _agree(b, [("aa", _ip(h, "bb", "bridge"), True), ("bb", _ip(h, "aa", "bridge"), True),
                   ("aa", "172.17.0.1", True)])


@pytest.mark.parametrize("engine", ENGINES)
def test_two_user_networks_are_isolated(engine: str, tmp_path: Path) -> None:
    h = _host(engine, ["docker network create n1", "docker network create n2",
                       "docker run -d --name a1 --network n1 busybox", "docker run -d --name a2 --network n1 busybox",
                       "docker run -d --name z1 --network n2 busybox", "docker run -d --name mm --network n1 busybox",
                       "docker network connect n2 mm"])
    for b in _build(h, tmp_path):
        _agree(b, [("a1", _ip(h, "a2", "n1"), True), ("a1", _ip(h, "z1", "n2"), False),
                   ("z1", _ip(h, "a1", "n1"), False), ("mm", _ip(h, "z1", "n2"), True),
                   ("mm", _ip(h, "a1", "n1"), True)])


@pytest.mark.parametrize("engine", ENGINES)
def test_icc_false(engine: str, tmp_path: Path) -> None:
    h = _host(engine, ["docker network create -o com.docker.network.bridge.enable_icc=false quiet",
                       "docker run -d --name aa busybox", "docker run -d --name bb busybox",
                       "docker run -d --name q1 --network quiet busybox",
                       "docker run -d --name q2 --network quiet busybox"], icc=False)
    for b in _build(h, tmp_path):
        _agree(b, [("aa", _ip(h, "bb", "bridge"), False), ("q1", _ip(h, "q2", "quiet"), False),
                   ("aa", _ip(h, "q1", "quiet"), False)])


@pytest.mark.parametrize("engine", ENGINES)
def test_internal_network_gateway(engine: str, tmp_path: Path) -> None:
    h = _host(engine, ["docker network create --internal --subnet 10.66.0.0/24 inner",
                       "docker run -d --name i1 --network inner busybox",
                       "docker run -d --name i2 --network inner busybox", "docker run -d --name oo busybox"])
    gw = "10.66.0.1"
    for b in _build(h, tmp_path):
        model = reach(h, "i1", gw).verdict == "reachable"
        assert model == b.ping("i1", gw), f"i1 -> gateway {gw}: model {model}"
        _agree(b, [("i1", _ip(h, "i2", "inner"), True), ("i1", _ip(h, "oo", "bridge"), False),
                   ("oo", _ip(h, "i1", "inner"), False)])
