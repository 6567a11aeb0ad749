"""Export to a real Linux machine: the script's shape, and (as root) the verdicts of real pings.

The root-only test builds the exported topology in namespaces named ``dnt<pid>-*``, pings
between containers' namespaces (addresses inside those namespaces only), compares each verdict
with the model's ``query.reach``, and always removes what it made.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.export import plan


def topology(engine: str = "28", icc: bool = True) -> DockerHost:
    h = DockerHost(engine=engine, seed=11, config=DaemonConfig(icc=icc))
    for line in ["docker network create --subnet 10.77.0.0/24 n1", "docker network create --subnet 10.78.0.0/24 n2",
                 "docker run -d --name a1 --network n1 busybox", "docker run -d --name a2 --network n1 busybox",
                 "docker run -d --name z1 --network n2 busybox", "docker run -d --name b1 -p 8080:80 busybox",
                 "docker run -d --name b2 busybox", "docker run -d --name ss --network container:b1 busybox",
                 "docker run -d --name hh --network host busybox", "docker run -d --name nn --network none busybox",
                 "docker create --name idle busybox"]:
        r = h.sh(line)
        assert r.exit_code == 0, (line, r.stderr)
    return h


def test_plan_names_and_limits() -> None:
    h = topology()
    p = plan(h, prefix="dns")
    assert p.namespaces[0] == "dns-host"
    assert p.containers["a1"] == "dns-a1" and p.containers["ss"] == "dns-b1" and p.containers["hh"] == "dns-host"
    assert "idle" not in p.containers                    # not running: no namespace
    assert len(set(p.namespaces)) == len(p.namespaces)
    for m in re.finditer(r"link add (\S+)|peer name (\S+)", p.setup):
        name = m.group(1) or m.group(2)
        assert len(name) <= 15, name


def test_script_stays_inside_its_namespaces() -> None:
    p = plan(topology(), prefix="dns")
    for line in p.setup.splitlines():
        words = line.strip().split()
        if words[:1] == ["ip"] and len(words) > 1:
            # every ip command names one of the export's namespaces
            assert words[1] in ("-n", "netns"), line
            target = words[2] if words[1] == "-n" else words[3] if words[2] in ("add", "exec") else None
            if target is not None and not target.startswith("\""):
                assert target in p.namespaces, line
    assert "iptables-restore" in p.setup and "--cleanup" in p.setup
    assert "type veth peer name eth0 netns dns-a1" in p.setup
    assert "route add default via 10.77.0.1 dev eth0" in p.setup


def test_cleanup_script_and_shell_command(tmp_path: Path) -> None:
    h = topology()
    c = h.export_script(prefix="dns", cleanup=True)
    assert c.startswith("#!/usr/bin/env bash") and c.rstrip().endswith("cleanup")
    assert "ip netns del" in c and "link add" not in c
    assert h.export_script() == plan(h).setup


@pytest.mark.parametrize("bad", ["", "-x", "a b", "x" * 17, "a;rm", "dns\n", "dns\n;id"])
def test_prefix_is_checked(bad: str) -> None:
    with pytest.raises(ValueError):
        plan(DockerHost(), prefix=bad)


def test_scripts_are_valid_bash(tmp_path: Path) -> None:
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    p = plan(topology(engine="20.10"))
    for name, text in (("setup.sh", p.setup), ("cleanup.sh", p.cleanup)):
        f = tmp_path / name
        f.write_text(text)
        subprocess.run(["bash", "-n", str(f)], check=True)


# -- on a real kernel ----------------------------------------------------------------------------------
def _can_run_real() -> str:
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root"
    for tool in ("ip", "iptables", "iptables-restore", "bash"):
        if shutil.which(tool) is None:
            return f"needs {tool}"
    if _ping_cmd() is None:
        return "needs ping (iputils-ping) or busybox"
    probe = f"dnt{os.getpid()}-probe"
    try:
        subprocess.run(["ip", "netns", "add", probe], check=True, capture_output=True, timeout=10)
        r = subprocess.run(["ip", "netns", "exec", probe, "iptables", "-S"], capture_output=True, timeout=10)
        if r.returncode != 0:
            return "iptables does not work inside a network namespace here"
    except (subprocess.SubprocessError, OSError):
        return "cannot create a network namespace"
    finally:
        subprocess.run(["ip", "netns", "del", probe], capture_output=True, timeout=10)
    return ""


def _ping_cmd() -> list[str] | None:
    if shutil.which("ping"):
        return ["ping", "-c", "1", "-W", "1"]
    if shutil.which("busybox"):
        return ["busybox", "ping", "-c", "1", "-W", "1"]
    return None


def _ip_of(h: DockerHost, name: str) -> str:
    doc = h.container_inspect(name)["NetworkSettings"]["Networks"]
    return next(iter(doc.values()))["IPAddress"]


def _model_verdict(h: DockerHost, src: str, dst: str) -> bool:
    try:
        from dockernet_sim.query import reach
    except ImportError:
        return None  # type: ignore[return-value]
    return reach(h, src, dst, proto="icmp").verdict == "reachable"


OBVIOUS = {  # (src, dst) -> reachable, for the default (icc=true) and the icc=false host
    ("a1", "a2"): (True, True), ("a2", "a1"): (True, True), ("a1", "z1"): (False, False),
    ("z1", "a1"): (False, False), ("b1", "b2"): (True, False), ("b2", "a1"): (False, False),
    ("a1", "b1"): (False, False),
}


@pytest.mark.skipif(bool(_can_run_real()), reason=_can_run_real() or "ok")
@pytest.mark.parametrize("icc", [True, False])
def test_real_kernel_agrees_with_the_model(icc: bool, tmp_path: Path) -> None:
    h = topology(icc=icc)
    prefix = f"dnt{os.getpid() % 100000}{'i' if icc else 'x'}"
    p = plan(h, prefix=prefix)
    setup, cleanup = tmp_path / "setup.sh", tmp_path / "cleanup.sh"
    setup.write_text(p.setup)
    cleanup.write_text(p.cleanup)
    ping = _ping_cmd()
    assert ping is not None
    try:
        r = subprocess.run(["bash", str(setup)], capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        mismatches = []
        for (src, dst), expected in OBVIOUS.items():
            want = expected[0 if icc else 1]
            model = _model_verdict(h, src, dst)
            if model is not None:
                assert model == want, f"the model says {src}->{dst} {'reachable' if model else 'blocked'}"
            dst_ip = _ip_of(h, dst)
            got = subprocess.run(["ip", "netns", "exec", p.containers[src], *ping, dst_ip],
                                 capture_output=True, timeout=10).returncode == 0
            if got != want:
                mismatches.append(f"{src} -> {dst} ({dst_ip}): kernel {'reachable' if got else 'blocked'}")
        assert not mismatches, mismatches
    finally:
        subprocess.run(["bash", str(cleanup)], capture_output=True, timeout=60)
        left = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
        assert not [n for n in p.namespaces if re.search(rf"^{re.escape(n)}\b", left, re.M)]
