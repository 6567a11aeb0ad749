"""diff(a, b) between a host and its changed fork, and the reachability matrix's classes (one walk
per pair of classes must give every pair the verdict its own walk gives)."""

from __future__ import annotations

import pytest

from dockernet_sim.engines import PROFILES
from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.query import Context, _trace, reachability
from dockernet_sim.query.diff import HostDiff, diff


@pytest.fixture
def two_nets() -> DockerHost:
    h = DockerHost(engine="28", seed=2)
    for line in ["docker network create n1", "docker run -d --name aa busybox",
                 "docker run -d --name bb --network n1 busybox", "docker run -d --name cc busybox"]:
        assert h.sh(line).exit_code == 0
    return h


def test_connect_to_a_second_network(two_nets: DockerHost) -> None:
    h = two_nets
    h2 = h.fork()
    h2.network_connect("n1", "aa")
    d = diff(h, h2)
    assert isinstance(d, HostDiff) and d
    assert d.networks_added == [] and d.networks_removed == []
    assert d.addresses == [("aa", "n1", None, "172.18.0.3")]
    bridge = h.network_inspect("n1")["Options"].get("com.docker.network.bridge.name") or \
        "br-" + h.network_inspect("n1")["Id"][:12]
    assert d.rules_added == {("raw", "PREROUTING"): [f"-A PREROUTING -d 172.18.0.3/32 ! -i {bridge} -j DROP"]}
    assert d.rules_removed == {}
    assert d.reach_gained == [("aa", "bb"), ("bb", "aa")] and d.reach_lost == []
    assert str(d).splitlines() == [
        "addresses:", "  + aa on n1: 172.18.0.3",
        "routes:", "  aa:", "    + 172.18.0.0/16 dev eth1 proto kernel scope link src 172.18.0.3",
        "rules:", "  raw PREROUTING:", f"    + -A PREROUTING -d 172.18.0.3/32 ! -i {bridge} -j DROP",
        "reachability (icmp):", "  + aa -> bb: dropped -> reachable", "  + bb -> aa: dropped -> reachable"]
    assert "dn-diff" in d._repr_html_() and "#2a2" in d._repr_html_()
    assert h.diff(h2).addresses == d.addresses                 # the DockerHost method
    assert not h.sh("docker inspect aa").stdout.count("172.18.0.3")   # the original is untouched


def test_no_differences(two_nets: DockerHost) -> None:
    d = diff(two_nets, two_nets.fork())
    assert d.empty and not d and str(d) == "no differences"


def test_networks_and_removals(two_nets: DockerHost) -> None:
    h2 = two_nets.fork()
    h2.container_stop("cc")
    h2.network_create("n2", ipam_config=[{"Subnet": "10.10.0.0/24"}])
    h2.network_disconnect("n1", "bb")
    h2.network_connect("n2", "bb")
    d = diff(two_nets, h2)
    assert d.networks_added == [("n2", ("10.10.0.0/24",))]
    assert ("cc", "bridge", "172.17.0.3", None) in d.addresses
    assert ("bb", "n1", "172.18.0.2", None) in d.addresses and ("bb", "n2", None, "10.10.0.2") in d.addresses
    assert any(k[0] == "filter" for k in d.rules_added) and d.rules_removed
    assert all(x != "cc" and y != "cc" for x, y, _, _ in d.reach_changed)   # c does not run in both
    text = str(d)
    assert "  + n2 (10.10.0.0/24)" in text and "  - cc on bridge: 172.17.0.3" in text
    d2 = diff(h2, two_nets)
    assert d2.networks_removed == [("n2", ("10.10.0.0/24",))]


def test_after_a_fork_only_the_containers_the_calls_named_are_compared(two_nets: DockerHost) -> None:
    """What since_fork() lists decides what a diff compares: the containers a call named, by name
    or ID, on either side, in either host — and everything when a call may have touched any."""
    from dockernet_sim.query.diff import _touched
    h, f = two_nets, two_nets.fork()
    h.network_create("n9")                                    # names no container
    f.network_connect("n1", h.find_container("aa").id[:6])     # an ID prefix: the container's name
    f.container_rename("cc", "c2")
    assert _touched(h.since_fork(f), h.daemon, f.daemon) == {h.find_container("aa").id[:6], "aa", "cc", "c2"}
    assert h.diff(f) == diff(h.daemon, f.daemon)              # the full comparison agrees
    g = h.fork()
    g.host_ip(["link", "set", "eth0", "mtu", "1400"])         # may have moved a link anywhere
    assert _touched(h.since_fork(g), h.daemon, g.daemon) is None
    g = h.fork()
    g.run("busybox")                                          # a name drawn at random
    assert _touched(g.since_fork(h), g.daemon, h.daemon) is None
    assert _touched(h.since_fork(h.fork()), h.daemon, h.daemon) == set()


def test_icc_off_loses_reachability() -> None:
    h = DockerHost(engine="20.10", seed=1)
    h.run("busybox", name="xx")
    h.run("busybox", name="yy")
    h2 = DockerHost(engine="20.10", seed=1, config=DaemonConfig(icc=False))
    h2.run("busybox", name="xx")
    h2.run("busybox", name="yy")
    d = diff(h, h2)
    assert d.reach_lost == [("xx", "yy"), ("yy", "xx")]
    assert any("-j DROP" in line for lines in d.rules_added.values() for line in lines)


# --- the matrix: classes agree with a walk per pair ------------------------------------------------

LINES = ["docker network create --subnet 10.77.0.0/24 n1", "docker network create --internal n2",
         "docker network create -o com.docker.network.bridge.enable_icc=false n3",
         "docker network create --subnet 10.80.0.0/16 --ip-range 10.80.5.0/24 n4",
         "docker run -d --name a1 --network n1 busybox", "docker run -d --name a2 --network n1 busybox",
         "docker run -d --name a3 --network n1 web", "docker run -d --name a4 --network n1 busybox",
         "docker run -d --name i1 --network n2 busybox", "docker run -d --name i2 --network n2 busybox",
         "docker run -d --name x1 --network n3 web", "docker run -d --name x2 --network n3 web",
         "docker run -d --name r1 --network n4 busybox", "docker run -d --name r2 --network n4 --ip 10.80.9.9 busybox",
         "docker run -d --name b1 -p 8080:80 web", "docker run -d --name b2 busybox", "docker run -d --name b3 busybox",
         "docker run -d --name l1 --link b2 busybox",
         "docker run -d --name ss --network container:b1 busybox", "docker run -d --name hh --network host busybox",
         "docker run -d --name nn --network none busybox", "docker create --name idle busybox",
         "docker run -d --name m1 --network n1 busybox", "docker network connect n2 m1",
         "docker network connect n3 a2"]


@pytest.mark.parametrize("engine", list(PROFILES))
@pytest.mark.parametrize("icc", [True, False])
@pytest.mark.parametrize("port", [None, 80])
def test_matrix_classes_agree_with_single_walks(engine: str, icc: bool, port: int | None) -> None:
    h = DockerHost(engine=engine, seed=3, config=DaemonConfig(icc=icc))
    for line in LINES:
        r = h.sh(line)
        assert r.exit_code == 0, (line, r.stderr)
    m = reachability(h, port=port)
    ctx = Context(h)
    proto = "icmp" if port is None else "tcp"
    assert m.walks < len(m.names) * (len(m.names) - 1)       # some pairs shared a walk
    for a in m.names:
        for b in m.names:
            if a != b:
                assert m.verdict(a, b) == _trace(ctx, a, b, port, proto).verdict, (a, b)
    t = m["a1", "a4"]                                          # a lazily walked trace is the pair's own
    assert t.src == "a1" and t.dst == "a4" and str(t.dst_ip) == h.container_inspect("a4")[
        "NetworkSettings"]["Networks"]["n1"]["IPAddress"]
    assert len(m.traces) == len(m.names) ** 2 and ("a1", "a4") in m.traces


def test_many_alike_containers_take_one_walk_per_pair_of_networks() -> None:
    h = DockerHost(engine="28", seed=1)
    for i in range(3):
        h.network_create(f"n{i}")
    for j in range(30):
        h.run("busybox", name=f"c{j}", network_mode=f"n{j % 3}")
    m = reachability(h)
    assert m.walks == 9
    assert m.verdict("c0", "c3") == "reachable" and m.verdict("c0", "c1") == "dropped"
    assert m["c0", "c3"].ok and not m["c0", "c1"].ok


def _ip4(h: DockerHost, name: str) -> str:
    return h.container_inspect(name)["NetworkSettings"]["Networks"]["bridge"]["IPAddress"]


def test_a_change_reached_through_a_dnat_changes_pairs_that_do_not_name_it() -> None:
    """a -> b is DNATed to c (routed from another network, as a firewall script might): a rule
    dropping what goes to c, or stopping c, changes a -> b although neither a nor b changed."""
    h = DockerHost(engine="20.10", seed=5)
    h.network_create("n1")
    h.run("busybox", name="aa", network_mode="n1")
    for n in ("bb", "cc"):
        h.run("busybox", name=n)
    nf = h.daemon.kernel.host.netfilter
    nf.insert("nat", "PREROUTING", f"-d {_ip4(h, 'bb')}/32 -j DNAT --to-destination {_ip4(h, 'cc')}")
    nf.insert("filter", "DOCKER-USER", "-j ACCEPT")
    f = h.fork()
    f.daemon.kernel.host.netfilter.insert("filter", "DOCKER-USER", f"-d {_ip4(h, 'cc')}/32 -j DROP")
    assert ("aa", "bb", "reachable", "dropped") in diff(h, f).reach_changed
    f = h.fork()
    f.container_stop("cc")
    assert diff(h, f).reach_changed == [("aa", "bb", "reachable", "unreachable")]


def test_one_connect_walks_only_the_pairs_it_touches(monkeypatch: pytest.MonkeyPatch) -> None:
    """After one network connect only the connected container's pairs of groups are walked: the
    other containers' verdicts are known to stand (three networks of four alike containers)."""
    from dockernet_sim.query.diff import reach_changes
    h = DockerHost(engine="28", seed=1)
    for i in range(3):
        h.network_create(f"n{i}")
    for j in range(12):
        h.run("busybox", name=f"c{j}", network_mode=f"n{j % 3}")
    f = h.fork()
    f.network_connect("n1", "c0")
    names = [f"c{j}" for j in range(12)]
    walks: list[tuple[str, str]] = []
    import dockernet_sim.query as q
    real = q._trace

    def counting(ctx, a, b, *rest):  # type: ignore[no-untyped-def]
        walks.append((a, b))
        return real(ctx, a, b, *rest)
    monkeypatch.setattr(q, "_trace", counting)
    changes = reach_changes(h, f, names)
    assert sorted((x, y) for x, y, _, _ in changes) == sorted(
        [("c0", f"c{j}") for j in (1, 4, 7, 10)] + [(f"c{j}", "c0") for j in (1, 4, 7, 10)])
    assert all("c0" in pair for pair in walks) and len(walks) <= 4 * 4


def test_namespaces_shared_by_both_hosts_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A namespace that is the same object in both hosts (what a fork shares until written) is
    read and shaped once for both surveys of a diff."""
    from dockernet_sim.query import matrix
    from dockernet_sim.query.diff import reach_changes
    h = DockerHost(engine="28", seed=1)
    for j in range(6):
        h.run("busybox", name=f"c{j}")
    calls = {"facts": 0, "shape": 0}
    facts, shape = matrix._facts, matrix._shape

    def count_facts(ns):  # type: ignore[no-untyped-def]
        calls["facts"] += 1
        return facts(ns)

    def count_shape(*args):  # type: ignore[no-untyped-def]
        calls["shape"] += 1
        return shape(*args)
    monkeypatch.setattr(matrix, "_facts", count_facts)
    monkeypatch.setattr(matrix, "_shape", count_shape)
    assert reach_changes(h.daemon, h.daemon, [f"c{j}" for j in range(6)]) == []
    assert calls == {"facts": len(h.daemon.kernel.namespaces), "shape": 6}


def test_after_a_fork_a_rule_naming_a_container_no_call_named_is_seen() -> None:
    """A rule written straight into the fork's host (which no call since the fork names) drops
    what goes to cc: cc's key changes although its namespace does not, and the diff cut down by
    since_fork() walks cc's pairs again, as the full comparison does."""
    h = DockerHost(engine="28", seed=5)
    for n in ("bb", "cc", "dd"):
        h.run("busybox", name=n)
    f = h.fork()
    f.daemon.kernel.host.netfilter.insert("filter", "DOCKER-USER", f"-d {_ip4(h, 'cc')}/32 -j DROP")
    f.container_restart("dd")
    d = h.diff(f)
    assert ("bb", "cc", "reachable", "dropped") in d.reach_changed and d == diff(h.daemon, f.daemon)
