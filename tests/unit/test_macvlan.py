"""The macvlan driver, the host's ``ip`` that builds parents and shims, and macvlan reachability.

Expected outputs and verdicts cite the recorded scenarios (tests/golden/scenarios/m*.sh, the
command index as the transcripts list it) or say "kernel semantics" where nothing is recorded.
"""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings, strategies as st

from dockernet_sim.query import reach
from dockernet_sim.terminal import Session

HOST = "host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53"
ENGINES = ("28", "20.10")
PARENT = ["ip link add lan0 type veth peer name lan0p", "ip link set lan0 up", "ip link set lan0p up"]
SHIM = ["ip link add mvshim link lan0 type macvlan mode bridge", "ip addr add 10.83.0.250/32 dev mvshim",
        "ip link set mvshim up", "ip route add 10.83.0.0/25 dev mvshim"]


def build(engine: str, lines: list[str]) -> Session:
    s = Session(engine=engine)
    assert s.directive(HOST) is None
    for line in lines:
        r = s.run_line(line)
        assert r.exit_code == 0, (line, r.stderr)
    return s


def net(mode: str = "bridge", subnet: str = "10.83.0.0/24", name: str = "mv") -> str:
    return f"docker network create -d macvlan --subnet {subnet} -o parent=lan0 -o macvlan_mode={mode} {name}"


# --- the host's ip --------------------------------------------------------------------------------

def test_host_ip_builds_a_parent_and_a_shim() -> None:
    s = build("28", PARENT + SHIM)
    out = s.run_line("ip -o link show type macvlan").stdout
    assert out.startswith(f"{s.host.kernel.host.links['mvshim'].index}: mvshim@lan0: <BROADCAST,MULTICAST,UP,LOWER_UP>")
    assert s.run_line("ip route show dev mvshim").stdout == "10.83.0.0/25 scope link \n"      # m07 [14]
    assert "macvlan mode bridge" in s.run_line("ip -d link show type macvlan").stdout          # m07 [12]


@pytest.mark.parametrize(("line", "stderr", "code"), [
    ("ip link add mv0 link lan9 type macvlan mode bridge", 'Cannot find device "lan9"\n', 1),
    ("ip link add lan0 type veth peer name other", "RTNETLINK answers: File exists\n", 2),
    ("ip link set lan9 up", 'Cannot find device "lan9"\n', 1),
    ("ip link del lan9", 'Cannot find device "lan9"\n', 1),
])
def test_host_ip_refusals_change_nothing(line: str, stderr: str, code: int) -> None:
    s = build("28", PARENT)
    before = s.host.state()
    r = s.run_line(line)
    assert (r.stderr, r.exit_code) == (stderr, code)
    assert s.host.state() == before


def test_deleting_a_parent_takes_its_macvlans() -> None:
    """Kernel semantics: a lower device's unregistering deletes the macvlans on it, and a veth
    takes its peer."""
    s = build("28", PARENT + SHIM)
    assert s.run_line("ip link del lan0p").exit_code == 0
    assert s.run_line("ip -o link show type macvlan").stdout == ""
    assert s.host.kernel.host.link("lan0") is None


def test_container_ip_change_is_not_permitted() -> None:
    s = build("28", PARENT + [net(), "docker run -itd --name c1 --network mv busybox"])
    r = s.run_line("docker exec c1 ip link add x type veth peer name y")
    assert r.exit_code != 0


# --- the driver -----------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_a_container_gets_a_macvlan_on_the_parent(engine: str) -> None:
    s = build(engine, PARENT + ["ip link set lan0 mtu 1300", net("private"),
                                "docker run -itd --name c1 --network mv busybox"])
    k = s.host.kernel
    lan0 = k.host.links["lan0"]
    c1 = s.host.find_container("c1")
    eth0 = s.host.ctl.sandboxes[c1.sandbox.id].ns.links["eth0"]
    assert (eth0.kind, eth0.lower, eth0.macvlan_mode, eth0.mtu) == ("macvlan", lan0, "private", 1300)   # m08 [5]
    # no device on the host for the network: the gateway is an address IPAM keeps (m03 [11])
    assert [l.name for l in k.host.sorted_links() if l.kind in ("bridge", "macvlan")] == ["docker0"]
    out = s.run_line("docker exec c1 ip a").stdout
    assert f"eth0@if{lan0.index}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1300 qdisc noqueue \n" in out
    if engine == "20.10":                                                                  # m08 [8]
        assert "link/ether 02:42:0a:53:00:02 " in out


def test_passthru_takes_the_parent_alone_and_a_failed_start_changes_nothing() -> None:
    s = build("20.10", PARENT + [net("passthru"), "docker run -itd --name t1 --network mv busybox"])
    assert s.host.kernel.host.links["lan0"].mac == "02:42:0a:53:00:02"                     # m02 [20] (20.10)
    s.run_line("docker create --name t2 --network mv busybox")
    before = s.host.state()
    r = s.run_line("docker start t2")
    assert "failed to create the macvlan port: invalid argument" in r.stderr               # m02 [18]
    assert s.host.state() == before


def test_a_bridge_port_cannot_be_a_parent() -> None:
    s = build("28", ["ip link add br9 type bridge", "ip link add lan2 type veth peer name lan2p",
                     "ip link set lan2 master br9",
                     "docker network create -d macvlan --subnet 10.78.0.0/24 -o parent=lan2 slave"])
    r = s.run_line("docker run -itd --name s1 --network slave busybox")
    assert "failed to create the macvlan port: device or resource busy" in r.stderr        # m04 [21]


def test_20_10_refuses_a_second_network_on_a_parent_after_ipam() -> None:
    s = build("20.10", PARENT + [net(subnet="10.70.0.0/24", name="ok1")])
    r = s.run_line(net(subnet="10.70.0.0/24", name="dup2"))
    assert r.stderr == "Error response from daemon: Pool overlaps with other one on this address space\n"  # m04 [9]
    r = s.run_line(net(subnet="10.71.0.0/24", name="ok2"))
    assert "is already using parent interface lan0" in r.stderr                            # m04 [8]
    assert build("28", PARENT + [net(subnet="10.70.0.0/24", name="a"), net(subnet="10.71.0.0/24", name="b")])


# --- reachability ---------------------------------------------------------------------------------

def two(engine: str, mode: str, extra: list[str] = ()) -> Session:  # type: ignore[assignment]
    return build(engine, PARENT + ["ip addr add 10.83.0.254/24 dev lan0", net(mode),
                                   "docker run -itd --name c1 --network mv busybox",
                                   "docker run -itd --name c2 --network mv busybox"] + list(extra))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("mode", "verdict"), [("bridge", "reachable"), ("private", "unreachable"),
                                               ("vepa", "unreachable")])
def test_siblings_talk_only_in_bridge_mode(engine: str, mode: str, verdict: str) -> None:
    t = reach(two(engine, mode).host, "c1", "c2")                                           # m02 [10], [16], [31]
    assert t.verdict == verdict, t.explain()
    if mode != "bridge":
        assert f"{mode} mode" in t.reason


@pytest.mark.parametrize("engine", ENGINES)
def test_the_host_cannot_reach_its_children_without_a_shim(engine: str) -> None:
    s = two(engine, "bridge")
    t = reach(s.host, "c1", "10.83.0.254")                                                  # m07 [8]
    assert not t.ok
    t = reach(s.host, "host", "c1")          # kernel semantics: the parent's frames go to the wire
    assert t.verdict == "unreachable" and "shim" in t.reason, t.explain()
    for line in SHIM:
        assert s.run_line(line).exit_code == 0
    assert reach(s.host, "c1", "10.83.0.250").ok                                           # m07 [15]
    assert reach(s.host, "host", "c2").ok
    assert s.run_line("ip link del mvshim").exit_code == 0
    assert not reach(s.host, "c1", "10.83.0.250").ok                                       # m07 [19]


def test_a_shim_does_not_help_private_children() -> None:
    s = two("28", "private", SHIM)
    assert not reach(s.host, "c1", "10.83.0.250").ok                                       # m11 [11]


def test_publishing_on_macvlan_programs_no_nat() -> None:
    s = build("28", PARENT + [net(), "docker run -itd --name p1 --network mv -p 8080:80 busybox"])
    assert "8080" not in s.run_line("iptables -t nat -S").stdout                            # m05 [13]
    assert s.run_line("docker port p1").stdout == ""                                       # m05 [6]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["bridge", "private", "vepa"]), st.sampled_from(["bridge", "private", "vepa"]))
def test_two_networks_on_one_parent_talk_iff_both_are_bridge(m1: str, m2: str) -> None:
    """Kernel semantics (macvlan_queue_xmit): a frame goes to a sibling directly only when both
    the sender and the receiver are in bridge mode; a veth peer reflects nothing."""
    s = build("28", PARENT + [net(m1, "10.91.0.0/24", "n1"), net(m2, "10.91.1.0/24", "n2"),
                              "docker run -itd --name a1 --network n1 busybox",
                              "docker run -itd --name a2 --network n2 busybox",
                              "docker network connect n2 a1"])
    assert reach(s.host, "a1", "a2").ok == (m2 == "bridge"), reach(s.host, "a1", "a2").explain()


# --- save/load, diff, export ------------------------------------------------------------------------

def dockerhost(lines: list[str]) -> "DockerHost":
    from dockernet_sim import DockerHost
    h = DockerHost(engine="28", seed=3)
    for line in lines:
        r = h.sh(line)
        assert r.exit_code == 0, (line, r.stderr)
    return h


BASE = PARENT + ["ip addr add 10.83.0.254/24 dev lan0", net(), "docker run -d --name c1 --network mv busybox",
                 "docker run -d --name c2 --network mv busybox"]


def test_save_and_load_replay_the_hosts_own_ip_commands() -> None:
    from dockernet_sim import DockerHost, persist
    h = dockerhost(BASE + SHIM)
    h.sh("ip link add x link nosuch type macvlan")          # a failing one is replayed too
    h2 = persist.loads(persist.dumps(h), DockerHost)
    assert h2.state() == h.state()
    assert reach(h2, "host", "c1").ok


def test_diff_shows_the_shim_and_what_it_changes() -> None:
    h = dockerhost(BASE)
    f = h.fork()
    for line in SHIM:
        assert f.sh(line).exit_code == 0
    d = h.diff(f)
    assert d.host_links == [("mvshim", None, "macvlan@lan0 mode bridge up 10.83.0.250/32")]
    assert ("host", "c1", "unreachable", "reachable") in d.reach_changed
    assert not h.diff(h.fork())


def test_export_makes_each_macvlan_on_its_parent_in_its_namespace() -> None:
    from dockernet_sim.export import plan
    h = dockerhost(BASE + SHIM)
    p = plan(h, prefix="t")
    assert "ip -n t-host link add link lan0 name mvshim address" in p.setup
    assert "ip -n t-host link add link lan0 name eth0 netns t-c1 address" in p.setup
    assert p.setup.index("type veth peer name lan0p") < p.setup.index("type macvlan mode bridge")


def test_the_drawing_hangs_children_off_their_parent() -> None:
    h = dockerhost(BASE)
    svg = html.unescape(h.draw()._repr_svg_())
    assert "lan0  10.83.0.254/24 · macvlan parent" in svg and "network mv · 10.83.0.0/24 · bridge mode" in svg
    assert svg.count(">macvlan bridge<") == 2 and "eth0@lan0" in svg   # along each line
    assert "<title>macvlan parent lan0</title>" in svg and "veth pair: macvlan" not in svg


# --- not checked against a recording (this kernel has no dummy and no 802.1q) -----------------------

def test_without_a_parent_the_network_gets_a_dummy_link_of_its_own() -> None:
    """libnetwork macvlan_setup.go createDummyLink/delDummyLink: ``dm-`` + the network ID's first 12."""
    s = build("28", ["docker network create -d macvlan --subnet 10.60.0.0/24 mv"])
    nid = s.host.ctl.network_by_name("mv").id
    link = s.host.kernel.host.link(f"dm-{nid[:12]}")
    assert link is not None and link.kind == "dummy" and link.up
    assert s.run_line("docker run -d --name c1 --network mv busybox").exit_code == 0
    assert s.run_line("docker rm -f c1").exit_code == 0
    before = s.host.kernel.host.link(f"dm-{nid[:12]}")
    assert s.run_line("docker network rm mv").exit_code == 0 and before is not None
    assert s.host.kernel.host.link(f"dm-{nid[:12]}") is None


def test_a_missing_vlan_parent_is_made_on_its_base_link() -> None:
    """libnetwork createVlanLink: ``eth0.10`` is made as a VLAN link on ``eth0``."""
    s = build("28", ["docker network create -d macvlan --subnet 10.61.0.0/24 -o parent=eth0.10 mv"])
    vlan = s.host.kernel.host.link("eth0.10")
    assert vlan is not None and vlan.kind == "vlan" and vlan.lower is s.host.kernel.host.link("eth0")
    r = s.run_line("docker network create -d macvlan --subnet 10.62.0.0/24 -o parent=nic9.10 mv2")
    assert "-o parent interface was not found on the host: nic9" in r.stderr
    assert s.host.kernel.host.link("nic9.10") is None
