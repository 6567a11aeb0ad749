"""The model's NAT verdicts against a real Linux kernel: the outside world, published ports, hairpin.

Like ``test_real_kernel.py`` (whose helpers it reuses, and whose skip conditions apply: root,
``ip netns``, iptables inside a namespace), each topology is the model's own export
(``dockernet_sim.export.plan``) built in network namespaces of the test's own. On top of it:

* **the remote** — a namespace ``PREFIX-remote`` plays the model's outside world. The export's
  ``eth0`` of ``PREFIX-host`` (a dummy) is replaced by a veth whose peer lives there; the remote
  holds the host's gateway 192.0.2.1 on that veth and the modelled remote host
  :data:`~dockernet_sim.query.OUTSIDE_IP` (198.51.100.7) on its ``lo``, has no default route
  (so, like the model's outside, it can answer only the host's own LAN address) and runs the
  model's remote services (``OUTSIDE_SERVICES``: 80/tcp, 443/tcp, 53/udp), which answer each
  client with the source address they saw. Both ranges are documentation ranges that exist only
  inside these namespaces; nothing is sent anywhere else.
* **the listeners** — every socket the model believes listens (``query``'s ``Sockets``: what a
  container's process serves, ``httpd -f -p 80`` here) gets a tiny Python server in the matching namespace,
  answering with the peer address it saw.
* **docker-proxy** — the export has no processes. With the userland proxy on (dockerd's default)
  the test starts a stand-in where the model says docker-proxy listens (a Python TCP relay in
  ``PREFIX-host`` on the published address and port, connecting to the container's address
  and port as docker-proxy does), so what is compared is the model's proxy against a relay plus
  the kernel's rules. With ``--userland-proxy=false`` there is no proxy in either: the kernel's
  rules alone (DNAT in nat OUTPUT, the hairpin MASQUERADE rules, ``route_localnet`` on the
  bridges, hairpin mode on the bridge ports) decide. One what-if rides along: a container whose
  bridge port has hairpin mode turned off by hand cannot reach its own published port without
  the proxy, in the model as in the kernel.

Each case compares the model's verdict (``query.reach``) with the kernel's: TCP/UDP clients with a
1.5 s timeout (connected and answered: ``reachable``; RST or ICMP port unreachable: ``refused``;
silence: ``dropped``; ``ENETUNREACH`` from the sender: ``no route``), a raw-socket ping for ICMP;
and where the request arrived, the source address the server saw against the model's
``Trace.seen_src`` (MASQUERADE shows 192.0.2.2 to the remote; without masquerading the remote
sees the container's own address and its reply has no route back). All probes of one topology
run in parallel; every command has a timeout; everything is deleted in ``finally``.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.export import Plan, plan
from dockernet_sim.query import OUTSIDE_IP, Context, reach
from dockernet_sim.query.walk import OUTSIDE_SERVICES
from tests.system.test_real_kernel import PING, PYTHON, WHY_NOT, _run

# one worker under pytest-xdist: the probe of each engine and proxy mode (the module-scoped
# ``outcome``) is built once for the six tests that read it, not once per worker
pytestmark = [pytest.mark.skipif(bool(WHY_NOT), reason=WHY_NOT or "ok"), pytest.mark.xdist_group("real-kernel-nat")]

HOST_IP = "192.0.2.2"          # the model's eth0 (HostSpec default) ...
GATEWAY = "192.0.2.1"          # ... and its gateway: the remote namespace
TIMEOUT = 1.5                  # each client's patience, seconds
LIFETIME = 40                  # servers and relays exit by themselves after this long

# A server for each ``proto:ip:port`` (answers "peer <address it saw>", logs it) and a relay
# for each ``tcp:ip:port=backend_ip:backend_port`` (docker-proxy's stand-in).
SERVER = r'''
import select, socket, sys, threading, time
end = time.monotonic() + float(sys.argv[1])
socks = {}
for spec in sys.argv[2:]:
    proto, rest = spec.split(":", 1)
    where, _, backend = rest.partition("=")
    ip, port = where.rsplit(":", 1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ip, int(port)))
    if proto == "tcp":
        s.listen(64)
    socks[s] = (proto, backend)
def log(*words):
    print(*words, flush=True)
def relay(c, backend):
    ip, port = backend.rsplit(":", 1)
    try:
        b = socket.create_connection((ip, int(port)), timeout=1.5)
    except OSError as e:
        log("proxy-failed", backend, e)
        c.close()
        return
    ends = {c: b, b: c}
    stop = time.monotonic() + 5
    try:
        while time.monotonic() < stop:
            ready = select.select(list(ends), [], [], 0.2)[0]
            data = b""
            for x in ready:
                data = x.recv(4096)
                if not data:
                    break
                ends[x].sendall(data)
            if ready and not data:
                break
    except OSError:
        pass
    c.close()
    b.close()
log("ready")
while time.monotonic() < end:
    for s in select.select(list(socks), [], [], 0.2)[0]:
        proto, backend = socks[s]
        if proto == "udp":
            data, peer = s.recvfrom(2048)
            log("peer", peer[0])
            try:
                s.sendto(("peer %s\n" % peer[0]).encode(), peer)
            except OSError:
                pass
            continue
        c, peer = s.accept()
        log("peer", peer[0])
        if backend:
            threading.Thread(target=relay, args=(c, backend), daemon=True).start()
            continue
        try:
            c.sendall(("peer %s\n" % peer[0]).encode())
        except OSError:
            pass
        c.close()
'''

CLIENT = r'''
import errno, socket, sys
proto, dst, port, timeout, bind = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
s.settimeout(timeout)
try:
    if bind:
        s.bind((bind, 0))
    s.connect((dst, port))
    if proto == "udp":
        s.send(b"dockernet_sim")
    data = s.recv(256)
    print("reachable|" + data.split()[1].decode() if data.startswith(b"peer ") else "closed|")
except socket.timeout:
    print("dropped|")
except ConnectionRefusedError:
    print("refused|")
except OSError as e:
    print({errno.ENETUNREACH: "no route", errno.EHOSTUNREACH: "unreachable"}.get(e.errno, "error %s" % e) + "|")
'''


@dataclass
class Case:
    """One probe: from ``src`` to ``dst`` (names as ``query.reach`` takes them)."""

    group: str
    src: str
    dst: str
    port: Optional[int] = None
    proto: str = "icmp"
    expect: tuple[str, ...] = ()          # verdicts the issue says are right (empty: compare only)
    seen: Optional[str] = None            # the source the receiver must see, when it is a fact

    def key(self) -> str:
        what = self.proto if self.port is None else f"{self.port}/{self.proto}"
        return f"{self.src} -> {self.dst} {what}"


@dataclass
class Result:
    case: Case
    model: str
    model_seen: Optional[str]
    kernel: str
    kernel_seen: Optional[str]
    explain: str


@dataclass
class Outcome:
    engine: str
    userland_proxy: bool
    results: list[Result] = field(default_factory=list)
    remote_log: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_counter = iter(range(1000))
NOT_REACHABLE = ("dropped", "no route", "refused", "unreachable")


def _topology(engine: str, userland_proxy: bool) -> DockerHost:
    h = DockerHost(engine=engine, seed=7, config=DaemonConfig(userland_proxy=userland_proxy))
    for line in ["docker network create --internal --subnet 10.66.0.0/24 inner",
                 "docker network create --subnet 10.67.0.0/24 "
                 "-o com.docker.network.bridge.enable_ip_masquerade=false nomasq",
                 "docker run -d --name web -p 8080:80 -p 127.0.0.1:8081:80 busybox httpd -f -p 80",
                 "docker run -d --name cc busybox",
                 "docker run -d --name ii --network inner busybox",
                 "docker run -d --name nm --network nomasq busybox",
                 "docker run -d --name solo -p 8082:80 busybox httpd -f -p 80"]:
        r = h.sh(line)
        assert r.exit_code == 0, (line, r.stderr)
    # a what-if: solo's bridge port without hairpin mode (dockerd turns it on when the proxy is off)
    solo_ns = h.container_netns(h.find_container("solo"))
    solo_ns.links["eth0"].peer.hairpin = False
    eth0 = h.kernel.host.link("eth0")
    assert [f"{a.ip}/{a.prefixlen}" for a in eth0.addresses if a.ip.version == 4] == [f"{HOST_IP}/24"]
    assert any(r.dst is None and str(r.via) == GATEWAY for r in h.kernel.host.routes)
    return h


def _cases(h: DockerHost) -> list[Case]:
    nets = h.container_inspect("web")["NetworkSettings"]["Networks"]
    web_ip, gw = nets["bridge"]["IPAddress"], nets["bridge"]["Gateway"]
    return [
        # 1. a container to the outside: MASQUERADE shows the host's address to the remote ...
        Case("masquerade", "cc", "outside", expect=("reachable",)),
        Case("masquerade", "cc", "outside", 80, "tcp", ("reachable",), HOST_IP),
        Case("masquerade", "cc", "outside", 53, "udp", ("reachable",), HOST_IP),
        Case("masquerade", "cc", "outside", 8000, "tcp", ("refused",)),        # the remote's RST comes back
        # ... and without it the remote sees 10.67.0.2 and has no route back to it
        Case("no-masquerade", "nm", "outside", expect=("dropped",)),
        Case("no-masquerade", "nm", "outside", 80, "tcp", ("dropped",)),
        Case("no-masquerade", "nm", "outside", 53, "udp", ("dropped",), "10.67.0.2"),
        # 2. an internal network has no way out (28: no default route; 20.10: dropped by isolation)
        Case("internal", "ii", "outside", expect=("no route", "dropped")),
        Case("internal", "ii", "outside", 80, "tcp", ("no route", "dropped")),
        # 3. from the outside: DNAT to the published port; nothing on other ports; 127.0.0.1 only
        Case("inbound", "outside", HOST_IP, 8080, "tcp", ("reachable",), OUTSIDE_IP),
        Case("inbound", "outside", HOST_IP, 9999, "tcp", ("refused",)),
        Case("inbound", "outside", HOST_IP, 8081, "tcp", NOT_REACHABLE),
        # straight to the container's address (the remote has a route for it): 28's raw-table
        # rule drops it; 20.10's filter DOCKER chain accepts the published container port
        Case("inbound", "outside", web_ip, 80, "tcp"),
        # 4. from the host itself: 127.0.0.1 (docker-proxy, or DNAT in nat OUTPUT with
        # route_localnet), the host's own addresses (DNAT in nat OUTPUT)
        Case("from-host", "host", "127.0.0.1", 8080, "tcp", ("reachable",)),
        Case("from-host", "host", "127.0.0.1", 8081, "tcp", ("reachable",)),
        Case("from-host", "host", HOST_IP, 8080, "tcp", ("reachable",)),
        Case("from-host", "host", gw, 8080, "tcp", ("reachable",)),
        # 5. hairpin: containers to a published port via the host's address
        Case("hairpin", "cc", HOST_IP, 8080, "tcp", ("reachable",)),
        Case("hairpin", "cc", gw, 8080, "tcp", ("reachable",)),
        Case("hairpin", "web", HOST_IP, 8080, "tcp", ("reachable",)),        # its own published port
        # ... which, without docker-proxy, needs hairpin mode on its bridge port
        Case("hairpin", "solo", HOST_IP, 8082, "tcp", ("reachable",) if h.config.userland_proxy else ("dropped",)),
        Case("hairpin", "nm", HOST_IP, 8080, "tcp", ("dropped",)),           # another bridge: isolation
        Case("hairpin", "ii", HOST_IP, 8080, "tcp", ("no route", "dropped")),
    ]


# --- the kernel side -----------------------------------------------------------------------------

class Built:
    """The exported topology with the remote attached, and the processes started in it."""

    def __init__(self, h: DockerHost, p: Plan, remote: str) -> None:
        self.h = h
        self.p = p
        self.remote = remote
        self.procs: list[subprocess.Popen] = []
        self.logs: dict[str, list[str]] = {}

    def ns(self, who: str) -> str:
        if who == "outside":
            return self.remote
        if who == "host":
            return self.p.ns_of["host"]
        return self.p.containers[who]

    def serve(self, ns: str, specs: list[str]) -> None:
        proc = subprocess.Popen(["ip", "netns", "exec", ns, *PYTHON, "-c", SERVER, str(LIFETIME), *specs],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.procs.append(proc)
        assert proc.stdout is not None
        ready = select.select([proc.stdout], [], [], 10)[0]
        line = proc.stdout.readline() if ready else ""
        if line.strip() != "ready":
            proc.kill()
            _, err = proc.communicate(timeout=5)
            raise AssertionError(f"server in {ns} {specs} did not start: {line!r} {err[-500:]}")
        self.logs[ns] = []

    def stop(self) -> None:
        """Kill the servers (ours, by handle) and keep what they logged."""
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
            try:
                out, _ = proc.communicate(timeout=5)
            except subprocess.TimeoutExpired:
                continue
            ns = proc.args[3]  # type: ignore[index]
            self.logs.setdefault(ns, []).extend(l for l in out.splitlines() if l.startswith("peer "))
        self.procs = []

    def client(self, case: Case, dst_ip: str) -> subprocess.Popen:
        ns = self.ns(case.src)
        bind = OUTSIDE_IP if case.src == "outside" else ""
        if case.proto == "icmp":
            args = [*PYTHON, "-c", PING, dst_ip, str(TIMEOUT)]
        else:
            args = [*PYTHON, "-c", CLIENT, case.proto, dst_ip, str(case.port), str(TIMEOUT), bind]
        return subprocess.Popen(["ip", "netns", "exec", ns, *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)


def _kernel_result(case: Case, proc: subprocess.Popen) -> tuple[str, Optional[str]]:
    try:
        out, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate(timeout=5)
        return "error: client hung", None
    if case.proto == "icmp":
        if proc.returncode == 0:
            return "reachable", None
        if proc.returncode == 1:
            return "dropped", None
        return ("no route" if "Network is unreachable" in out else f"error: {out.strip()} {err.strip()}"), None
    verdict, _, seen = out.strip().partition("|")
    if not verdict:
        return f"error: {err.strip()[-300:]}", None
    return verdict, seen or None


def _attach_remote(b: Built, tmp_path: Path) -> None:
    """Swap the export's dummy eth0 for a veth into the remote namespace (see the module doc)."""
    host, remote = b.p.ns_of["host"], b.remote
    eth0 = b.h.kernel.host.link("eth0")
    # the export's own commands for eth0's addresses and routes (they go when the dummy goes)
    again = [l for l in b.p.setup.splitlines()
             if l.startswith(f"ip -n {host} ") and re.search(r" (addr|route) add .* dev eth0( |$)", l)]
    script = [
        "set -euo pipefail",
        f"ip netns add {remote}",
        f"ip -n {remote} link set lo up",
        f"ip -n {host} link del eth0",
        f"ip -n {host} link add eth0 address {eth0.mac} mtu {eth0.mtu} type veth peer name wan netns {remote}",
        f"ip -n {host} link set eth0 up",
        *again,
        f"ip -n {remote} addr add {GATEWAY}/24 dev wan",
        f"ip -n {remote} addr add {OUTSIDE_IP}/32 dev lo",
        f"ip -n {remote} link set wan up",
        # a LAN neighbour that routes one container address to the host (direct routing)
        f"ip -n {remote} route add {b.h.container_inspect('web')['NetworkSettings']['Networks']['bridge']['IPAddress']}"
        f"/32 via {HOST_IP} dev wan",
    ]
    f = tmp_path / "remote.sh"
    f.write_text("\n".join(script) + "\n")
    r = _run(["bash", str(f)], 30)
    assert r.returncode == 0, r.stderr


def _servers(b: Built) -> None:
    """A server wherever the model has a listening socket; docker-proxy's stand-in in the host."""
    h, p = b.h, b.p
    ctx = Context(h)
    real_of = {id(ns): p.ns_of[name] for name, ns in h.kernel.namespaces.items()}
    for key, listeners in ctx.sockets.by_ns.items():
        specs = []
        for l in listeners:
            if l.ip is not None and l.ip.version != 4:
                continue
            where = f"{l.proto}:{l.ip if l.ip is not None else '0.0.0.0'}:{l.port}"
            if l.proxy_to is not None:
                if l.proto != "tcp":
                    continue        # no UDP publishes here
                where += f"={l.proxy_to[0]}:{l.proxy_to[1]}"
            specs.append(where)
        if specs:
            b.serve(real_of[key], sorted(set(specs)))
    # bound to the remote host's address: a UDP answer from 0.0.0.0 would leave from 192.0.2.1
    b.serve(b.remote, [f"{proto}:{OUTSIDE_IP}:{port}" for proto, port in sorted(OUTSIDE_SERVICES)])


@contextlib.contextmanager
def _build(h: DockerHost, tmp_path: Path) -> Iterator[Built]:
    prefix = f"dnn{os.getpid() % 10000}x{next(_counter)}"
    p = plan(h, prefix=prefix)
    remote = f"{prefix}-remote"
    assert remote not in p.namespaces
    setup, cleanup = tmp_path / "setup.sh", tmp_path / "cleanup.sh"
    setup.write_text(p.setup)
    cleanup.write_text(p.cleanup)
    b = Built(h, p, remote)
    try:
        r = _run(["bash", str(setup)], 120)
        if r.returncode != 0 and "iptables" in r.stderr:
            pytest.skip(f"iptables-restore fails inside a namespace here: {r.stderr[-300:]}")
        assert r.returncode == 0, r.stderr
        _attach_remote(b, tmp_path)
        yield b
    finally:
        try:
            b.stop()
        finally:
            try:
                _run(["bash", str(cleanup)], 60)
            finally:
                left = _run(["ip", "netns", "list"], 10).stdout.split()
                for ns in [*p.namespaces, remote]:
                    if ns in left:
                        _run(["ip", "netns", "del", ns], 10)


def _dst_ip(dst: str) -> str:
    return OUTSIDE_IP if dst == "outside" else dst


def _probe(engine: str, userland_proxy: bool, tmp_path: Path) -> Outcome:
    h = _topology(engine, userland_proxy)
    cases = _cases(h)
    model = [reach(h, c.src, c.dst, port=c.port, proto=c.proto) for c in cases]
    got = Outcome(engine, userland_proxy)
    with _build(h, tmp_path) as b:
        _servers(b)
        started = time.monotonic()
        procs = [b.client(c, _dst_ip(c.dst)) for c in cases]
        kernel = [_kernel_result(c, pr) for c, pr in zip(cases, procs)]
        got.notes.append(f"{len(cases)} probes in {time.monotonic() - started:.1f}s")
        b.stop()
        got.remote_log = b.logs.get(b.remote, [])
        for c, t, (kv, ks) in zip(cases, model, kernel):
            got.results.append(Result(c, t.verdict, str(t.seen_src) if t.seen_src is not None else None,
                                      kv, ks, t.explain()))
    return got


ENGINES = ["28", "20.10"]
PROFILES = [(e, proxy) for e in ENGINES for proxy in (True, False)]


@pytest.fixture(scope="module", params=PROFILES, ids=[f"{e}-{'proxy' if p else 'noproxy'}" for e, p in PROFILES])
def outcome(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    engine, proxy = request.param
    return _probe(engine, proxy, tmp_path_factory.mktemp(f"nat{engine}{int(proxy)}"))


def _check(outcome: Outcome, group: str) -> None:
    problems = []
    results = [r for r in outcome.results if r.case.group == group]
    assert results, group
    for r in results:
        c = r.case
        if r.model != r.kernel:
            problems.append(f"{c.key()}: model {r.model}, kernel {r.kernel}\n{r.explain}")
            continue
        if c.expect and r.kernel not in c.expect:
            problems.append(f"{c.key()}: model and kernel say {r.kernel}, expected {' or '.join(c.expect)}")
        if r.kernel == "reachable" and c.proto != "icmp" and r.model_seen != r.kernel_seen:
            problems.append(f"{c.key()}: the server saw {r.kernel_seen}, the model says {r.model_seen}")
        if c.seen is not None and c.proto != "icmp":
            seen_by_kernel = r.kernel_seen if r.kernel == "reachable" else (
                c.seen if f"peer {c.seen}" in outcome.remote_log else None)
            if r.model_seen != c.seen or seen_by_kernel != c.seen:
                problems.append(f"{c.key()}: the receiver should see {c.seen}: model {r.model_seen}, "
                                f"kernel {seen_by_kernel} (remote log {outcome.remote_log})")
    assert not problems, "\n".join(problems)


def test_container_to_outside_masquerade(outcome: Outcome) -> None:
    _check(outcome, "masquerade")


def test_container_to_outside_without_masquerade(outcome: Outcome) -> None:
    _check(outcome, "no-masquerade")


def test_internal_network_to_outside(outcome: Outcome) -> None:
    _check(outcome, "internal")


def test_outside_to_published_ports(outcome: Outcome) -> None:
    _check(outcome, "inbound")


def test_host_to_published_ports(outcome: Outcome) -> None:
    _check(outcome, "from-host")


def test_container_to_published_port_hairpin(outcome: Outcome) -> None:
    _check(outcome, "hairpin")
