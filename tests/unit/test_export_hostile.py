"""The exported script runs nothing but its own commands, whatever the values in the host.

Hypothesis builds hosts with hostile values in every field that reaches the script — bridge
names (network option, ``DaemonConfig.bridge``), the host's extra NICs, MACs (container and
endpoint), MTUs, seeds, container names, the export prefix — through the Python API, the
docker CLI and a host file. A value the checks refuse must be refused with the right error and
leave no trace; every other host is exported, checked with ``bash -n``, and run by bash with a
PATH holding only stub ``ip``, ``iptables-restore``, ``sysctl`` and ``sh`` programs that log
their arguments. The log must be exactly the plan's argument lists (``Plan.steps``), every link
name must arrive as one argument, intact, and the script must create no file.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dockernet_sim import DockerHost, persist
from dockernet_sim.daemon.config import DaemonConfig, HostSpec
from dockernet_sim.daemon.specs import EndpointSpec
from dockernet_sim.errors import DockerError, InvalidParameter, SystemError_
from dockernet_sim.export import Plan, plan
from dockernet_sim.values import ifname_error, parse_mac

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="needs bash")

PAYLOADS = ["x;id>PWN;#", "$(touch PWN)", "`touch PWN`", "';touch PWN;'", '";touch PWN;"', "a\nb", "a b",
            "-n", "name", "type", "..", ".", "a/b", "a:b", "\\", "x\\;y", "%s%n", "{a,b}", "*", "~", "!x",
            "PWN>x", "a\0b", "é" * 8, "a\xa0b", "", "1e3", "0x10", "02:42:ac:11:00:02;touch PWN;#"]
SHELLISH = ";|&$`'\"\\()<>*?[]{}#~!=%^,+@ -_.:/\t\n\x00éabcXY019"
hostile = st.one_of(st.sampled_from(PAYLOADS), st.text(alphabet=SHELLISH, max_size=18))
# names a Linux link may have, made of the characters a shell cares about
ifnames = st.text(alphabet=";|&$`'\"\\()<>*?[]{}#~!=%^,+@-_.éabcXY019", min_size=1, max_size=15)
macs = st.one_of(hostile, st.sampled_from(["02:42:ac:11:00:09", "02-42-AC-11-00-0A", "0242.ac11.000b",
                                           "02:42:ac:11:00:02:00:01"]))
mtus: st.SearchStrategy[Any] = st.one_of(st.integers(-5, 70000), st.sampled_from([True, 1.5, "1500", "1;x", None]))

STUB = r"""#!{bash}
# log: one record per call, each argument length-prefixed (LC_ALL=C: lengths in bytes)
{{
  printf 'CALL %d\n' $(( $# + 1 ))
  for a in "${{0##*/}}" "$@"; do printf '%d:%s\n' "${{#a}}" "$a"; done
  if [ "${{0##*/}}" = iptables-restore ] || [[ " $* " == *" iptables-restore "* ]]; then
    input=""
    while IFS= read -r line || [ -n "$line" ]; do input+="$line"$'\n'; done
    printf 'STDIN %d:%s\n' "${{#input}}" "$input"
  fi
}} >> "$STUB_LOG"
exit 0
"""


def parse_log(data: bytes) -> list[tuple[list[str], str]]:
    calls: list[tuple[list[str], str]] = []
    i = 0
    while i < len(data):
        assert data.startswith(b"CALL ", i), data[i:i + 40]
        j = data.index(b"\n", i)
        n = int(data[i + 5:j])
        i = j + 1
        words = []
        for _ in range(n):
            colon = data.index(b":", i)
            size = int(data[i:colon])
            words.append(data[colon + 1:colon + 1 + size].decode())
            i = colon + 1 + size + 1
        stdin = ""
        if data.startswith(b"STDIN ", i):
            colon = data.index(b":", i)
            size = int(data[i + 6:colon])
            stdin = data[colon + 1:colon + 1 + size].decode()
            i = colon + 1 + size + 1
        calls.append((words, stdin))
    return calls


def run_with_stubs(p: Plan, tmp: Path) -> list[tuple[list[str], str]]:
    """bash -n, then the script under stub programs; returns the logged calls."""
    tmp.mkdir(parents=True, exist_ok=True)
    script = tmp / "setup.sh"
    script.write_text(p.setup)
    subprocess.run([BASH, "-n", str(script)], check=True, capture_output=True)
    stubs = tmp / "bin"
    stubs.mkdir(exist_ok=True)
    for prog in ("ip", "iptables-restore", "sysctl", "sh"):
        f = stubs / prog
        f.write_text(STUB.format(bash=BASH))
        f.chmod(0o755)
    log = tmp / "log"
    log.write_bytes(b"")
    work = tmp / "cwd"
    work.mkdir(exist_ok=True)
    env = {"PATH": str(stubs), "STUB_LOG": str(log), "LC_ALL": "C", "HOME": str(work)}
    r = subprocess.run([BASH, str(script)], cwd=work, env=env, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert list(work.iterdir()) == [], "the script created files"
    assert sorted(x.name for x in tmp.iterdir()) == ["bin", "cwd", "log", "setup.sh"]
    return parse_log(log.read_bytes())


def check_export(h: DockerHost, tmp: Path, prefix: str = "hx") -> None:
    p = plan(h, prefix=prefix)
    calls = run_with_stubs(p, tmp)
    want = [(list(st.argv), st.stdin) for st in p.steps]
    assert calls == want
    # every link of the model arrives as one argument, intact, after "name"/"dev"
    words = [w for st in p.steps for w in st.argv]
    for ns in h.kernel.namespaces.values():
        for link in ns.links.values():
            if link.kind != "loopback":
                assert link.name in words, link.name
    for step in p.steps:
        if step.argv[:1] != ("ip",):
            raise AssertionError(step.argv)


def attempt(fn: Callable[[], Any], refused: tuple[type[BaseException], ...]) -> bool:
    """True if the call went through; a refusal must be one of ``refused``."""
    try:
        fn()
        return True
    except refused:
        return False


# -- the Python API ----------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(engine=st.sampled_from(["28", "20.10"]), bridge=st.one_of(ifnames, hostile),
       cfg_bridge=st.one_of(ifnames, hostile), mac=macs, ep_mac=macs, name=hostile, mtu=mtus,
       netmtu=st.one_of(hostile, st.integers(-2, 70000).map(str), st.sampled_from(["99999999999", "+1500", "9" * 30])),
       proxy=st.booleans(),
       seed=st.one_of(st.integers(-3, 2**64), st.sampled_from([None, "1", True, 1.0])))
def test_api_values_never_run(tmp_path: Path, engine: str, bridge: str, cfg_bridge: str, mac: str, ep_mac: str,
                              name: str, mtu: Any, netmtu: str, proxy: bool, seed: Any) -> None:
    seed_ok = isinstance(seed, int) and not isinstance(seed, bool) and -(2**63) <= seed < 2**64
    if not seed_ok:
        with pytest.raises(TypeError if not isinstance(seed, int) or isinstance(seed, bool) else ValueError,
                           match="seed"):
            DockerHost(engine=engine, seed=seed)
        seed = 0
    mtu_ok = isinstance(mtu, int) and not isinstance(mtu, bool) and 68 <= mtu <= 65535
    if not mtu_ok:
        with pytest.raises((TypeError, ValueError), match="mtu"):
            DaemonConfig(mtu=mtu)
        with pytest.raises((TypeError, ValueError), match="mtu"):
            HostSpec(mtu=mtu)
        mtu = 1500
    if ifname_error(cfg_bridge) is not None:
        with pytest.raises(ValueError, match="bridge"):
            DaemonConfig(bridge=cfg_bridge)
        with pytest.raises(ValueError, match="extra_links"):
            HostSpec(extra_links=(cfg_bridge,))
        h = DockerHost(engine=engine, seed=seed, config=DaemonConfig(mtu=mtu, userland_proxy=proxy))
    else:
        h = DockerHost(engine=engine, seed=seed, config=DaemonConfig(mtu=mtu, bridge=cfg_bridge, userland_proxy=proxy),
                       host=HostSpec(mtu=mtu, extra_links=("ifb0", cfg_bridge + "x") if len(cfg_bridge.encode()) < 15
                                     else ("ifb0",)))
    before = h.state()
    made = attempt(lambda: h.network_create("n1", options={"com.docker.network.bridge.name": bridge,
                                                           "com.docker.network.driver.mtu": netmtu}),
                   (InvalidParameter, SystemError_, DockerError))
    if bridge and ifname_error(bridge) is not None:     # (an empty name means the default br-<id>)
        assert not made and h.state() == before
    attempt(lambda: h.run("busybox", name=name, mac_address=mac), (InvalidParameter, DockerError))
    attempt(lambda: h.run("busybox", name="w2", networks={"n1": EndpointSpec(mac=ep_mac)}), (DockerError,))
    attempt(lambda: h.run("busybox", name="w3"), (DockerError,))
    # published and exposed ports reach the iptables rules: the daemon's checks decide
    attempt(lambda: h.run("busybox", name="w4", port_bindings={f"80/{name}": [{"HostIp": "", "HostPort": mac}],
                                                             f"{mac}/tcp": [{"HostIp": "", "HostPort": ""}]},
                          expose=[f"81/{name}", name], publish_all=True), (DockerError,))
    attempt(lambda: h.network_connect("n1", "w3", EndpointSpec(mac=ep_mac)), (DockerError,))
    if parse_mac(mac) is None:
        assert all(c.status != "running" or not c.mac_address for c in h.containers.values() if c.name == name)
    with pytest.raises(TypeError):
        h.network_create(b"n")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        h.run("busybox", name="xx", mac_address=float("nan"))
    with pytest.raises(ValueError, match="prefix"):    # a prefix is 1-16 letters, digits, '-' or '_' ('0-' is one)
        plan(h, prefix="a\n" if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,15}", name) else name)
    check_export(h, tmp_path)


# -- the docker CLI ------------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(engine=st.sampled_from(["28", "20.10"]), bridge=st.one_of(ifnames, hostile), mac=macs, name=hostile)
def test_cli_values_never_run(tmp_path: Path, engine: str, bridge: str, mac: str, name: str) -> None:
    h = DockerHost(engine=engine, seed=1)
    q = shlex.quote
    for line in (f"docker network create -o com.docker.network.bridge.name={q(bridge)} n1",
                 f"docker run -d --name {q(name) if name else 'x'} --mac-address {q(mac) if mac else 'x'} busybox",
                 f"docker run -d --network n1 --mac-address {q(mac) if mac else 'x'} busybox"):
        r = h.sh(line.replace("\0", ""))
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr, (line, r.stderr)
    check_export(h, tmp_path)


# -- a host file ---------------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(engine=st.sampled_from(["28", "20.10"]), field=st.sampled_from(["bridge", "hostmtu", "mtu", "seed", "links",
                                                                        "mac", "opt", "name"]),
       value=st.one_of(hostile, ifnames, st.integers(-10, 70000)))
def test_host_file_values_never_run(tmp_path: Path, engine: str, field: str, value: Any) -> None:
    h = DockerHost(engine=engine, seed=2)
    h.network_create("n0")
    doc = json.loads(persist.dumps(h))
    if field == "bridge":
        doc["config"]["fields"]["bridge"] = value
    elif field == "mtu":
        doc["config"]["fields"]["mtu"] = value
    elif field == "hostmtu":
        doc["host"]["fields"]["mtu"] = value
    elif field == "links":
        doc["host"]["fields"]["extra_links"] = {"$tuple": [value]}
    elif field == "seed":
        doc["seed"] = value
    elif field == "mac":
        doc["calls"].append({"op": "run", "args": ["busybox"], "kwargs": {"name": "m", "mac_address": value}})
    elif field == "opt":
        doc["calls"].append({"op": "network_create", "args": ["n1"],
                             "kwargs": {"options": {"com.docker.network.bridge.name": value}}})
    else:
        doc["calls"].append({"op": "run", "args": ["busybox"], "kwargs": {"name": value}})
    try:
        loaded = persist.loads(json.dumps(doc), DockerHost)
    except persist.PersistError:
        return          # refused: nothing was built
    check_export(loaded, tmp_path)


def test_the_issue_payloads_are_quoted(tmp_path: Path) -> None:
    """The two reported exploits: a bridge name in the inner sh -c, a MAC from the API."""
    h = DockerHost(seed=0, config=DaemonConfig(userland_proxy=False))
    h.network_create("n", options={"com.docker.network.bridge.name": "x;id>PWN;#"})
    h.run("busybox", name="aa", networks={"n": EndpointSpec()})
    p = plan(h)
    assert any(w == "/proc/sys/net/ipv4/conf/x;id>PWN;#/route_localnet" for st in p.steps for w in st.argv)
    check_export(h, tmp_path)
    with pytest.raises(InvalidParameter, match="invalid MAC address"):
        h.run("busybox", name="ww", mac_address="02:42:ac:11:00:02;touch P;#")


def test_stub_log_sees_a_split_argument(tmp_path: Path) -> None:
    """The check itself: a script with an unquoted word logs two arguments where the plan has one."""
    p = plan(DockerHost(seed=0), prefix="hx")
    broken = Plan(prefix="hx", namespaces=p.namespaces, setup=p.setup.replace("ip netns add hx-host",
                                                                             "ip netns add hx host"))
    calls = run_with_stubs(broken, tmp_path)
    assert ["ip", "netns", "add", "hx", "host"] in [c for c, _ in calls]
    assert calls != [(list(st.argv), st.stdin) for st in p.steps]


# -- on a real kernel (root only): the hostile names are real names there ---------------------------
def _real_kernel() -> str:
    from .test_export import _can_run_real
    return _can_run_real()


@pytest.mark.skipif(bool(_real_kernel()), reason=_real_kernel() or "ok")
def test_real_kernel_builds_hostile_names(tmp_path: Path) -> None:
    """Bridges named ``x;id>PWN;#`` and ``a"b\\c$(x)`` exist once the script ran, with every rule
    the model has (iptables-restore read the quoted words), and nothing else happened."""
    h = DockerHost(seed=4, config=DaemonConfig(userland_proxy=False))
    names = ["x;id>PWN;#", 'a"b\\c$(x)']
    for i, bridge in enumerate(names):
        h.network_create(f"n{i}", options={"com.docker.network.bridge.name": bridge})
        h.run("busybox", name=f"c{i}", networks={f"n{i}": EndpointSpec()})
    prefix = f"hx{os.getpid() % 100000}"
    p = plan(h, prefix=prefix)
    (tmp_path / "setup.sh").write_text(p.setup)
    (tmp_path / "cleanup.sh").write_text(p.cleanup)
    work = tmp_path / "cwd"
    work.mkdir()
    try:
        r = subprocess.run(["bash", str(tmp_path / "setup.sh")], cwd=work, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        links = subprocess.run(["ip", "-n", f"{prefix}-host", "-o", "link", "show", "type", "bridge"],
                               capture_output=True, text=True).stdout
        for bridge in names:
            assert f": {bridge}: " in links
        real = subprocess.run(["ip", "netns", "exec", f"{prefix}-host", "iptables-save"], capture_output=True,
                              text=True).stdout
        model = h.sh("iptables-save").stdout

        def rules(text: str) -> list[str]:
            return sorted(line for line in text.splitlines() if line.startswith("-A"))
        assert rules(real) == rules(model)
        assert list(work.iterdir()) == []
    finally:
        subprocess.run(["bash", str(tmp_path / "cleanup.sh")], capture_output=True, timeout=60)
