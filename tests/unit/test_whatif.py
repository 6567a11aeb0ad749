"""What-if address questions: next subnet, next address, whois, usage, the allocation policy, and
the shell's ``trace`` / ``whois``. Expected values follow Docker's semantics as written down in
``/work/shared/docs/research/ipam-spec.md`` (section numbers cited per test)."""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import HostSpec
from dockernet_sim.query.whatif import NetworkUsage, Owner


def subnet_of(h: DockerHost, net: str) -> str:
    return h.network_inspect(net)["IPAM"]["Config"][0]["Subnet"]


def ip_of(h: DockerHost, ctr: str, net: str = "bridge") -> str:
    return h.container_inspect(ctr)["NetworkSettings"]["Networks"][net]["IPAddress"]


# --- next_subnet: ipam-spec §1.1 (the lists), §1.2 (20.10 rotates, 28 lowest free), §7 -----------

@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_next_subnet_fresh_host(engine: str) -> None:
    h = DockerHost(engine=engine)
    assert str(h.next_subnet()) == "172.18.0.0/16"          # §7: docker0 holds 172.17
    h.network_create("n1")
    assert str(h.next_subnet()) == "172.19.0.0/16"
    assert subnet_of(h, "n1") == "172.18.0.0/16"


@pytest.mark.parametrize("engine, expected", [("28", "172.18.0.0/16"), ("20.10", "172.20.0.0/16")])
def test_next_subnet_after_a_removal(engine: str, expected: str) -> None:
    # §1.2: "create n1, create n2, rm n1, create n3" gives 172.20 on 20.10 (rotation), 172.18 on 28
    h = DockerHost(engine=engine)
    h.network_create("n1")
    h.network_create("n2")
    h.network_remove("n1")
    assert str(h.next_subnet()) == expected
    h.network_create("n3")
    assert subnet_of(h, "n3") == expected                    # the prediction is what create does


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_next_subnet_skips_host_routes_and_nameservers(engine: str) -> None:
    # §1.2 FindAvailableNetwork / InferReservedNetworks: on-link routes and resolv.conf nameservers
    h = DockerHost(engine=engine, host=HostSpec(eth0="172.18.5.2/24", nameservers=("172.19.0.53",)))
    assert str(h.next_subnet()) == "172.20.0.0/16"
    h.network_create("n1")
    assert subnet_of(h, "n1") == "172.20.0.0/16"


def test_next_subnet_does_not_allocate_or_rotate() -> None:
    h = DockerHost(engine="20.10")
    before = h.ipam.state(include_cursors=True)
    for _ in range(3):
        assert str(h.next_subnet()) == "172.18.0.0/16"
    assert h.ipam.state(include_cursors=True) == before


def test_next_subnet_ipv6() -> None:
    # §1.1: 20.10 has no IPv6 default pool; 28 derives a ULA /48 and hands out /64s
    assert DockerHost(engine="20.10").next_subnet(v6=True) is None
    p = DockerHost(engine="28").next_subnet(v6=True)
    assert p is not None and p.length == 64 and str(p).startswith("fd")


def test_next_subnet_exhausted() -> None:
    h = DockerHost(engine="28")
    for i in range(30):          # §1.1: 31 local /16s and /20s, docker0 has one
        h.network_create(f"n{i}")
    assert h.next_subnet() is None


# --- next_address: §2.2 (reserved), §2.3/§2.4 (lowest free), §2.5 (gateway .1), §2.6 (ip-range) ---

@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_next_address_lowest_free(engine: str) -> None:
    h = DockerHost(engine=engine)
    assert str(h.next_address("bridge")) == "172.17.0.2"
    for n in ("aa", "bb", "cc"):
        h.run("busybox", name=n)
    assert str(h.next_address("bridge")) == "172.17.0.5"
    h.container_stop("bb")                                    # §2.9: released at stop
    assert str(h.next_address("bridge")) == "172.17.0.3"
    h.run("busybox", name="dd")
    assert ip_of(h, "dd") == "172.17.0.3"


def test_next_address_ip_range_and_full_pool() -> None:
    h = DockerHost(engine="28")
    h.network_create("r", ipam_config=[{"Subnet": "10.9.0.0/16", "IPRange": "10.9.5.0/30"}])
    # §2.5: without --gateway the gateway is the range's first address; §2.6 the range's own
    # network and broadcast addresses are allocatable
    assert h.whois("10.9.5.0").kind == "gateway"
    assert str(h.next_address("r")) == "10.9.5.1"
    for n in ("aa", "bb", "cc"):
        h.run("busybox", name=n, network_mode="r")
    assert h.next_address("r") is None                       # the range is used up
    assert h.next_address("none") is None and h.next_address("host") is None


# --- whois: §2.2 reserved addresses, §2.5 gateway, §2.7 aux ---------------------------------------

def test_whois_every_kind() -> None:
    h = DockerHost(engine="28")
    h.network_create("n", ipam_config=[{"Subnet": "10.5.0.0/24", "AuxiliaryAddresses": {"router": "10.5.0.200"}}])
    h.run("busybox", name="aa")
    h.run("busybox", name="ww", network_mode="n")
    got = {ip: h.whois(ip) for ip in ("172.17.0.2", "172.17.0.1", "172.17.0.0", "172.17.255.255",
                                      "172.17.0.9", "10.5.0.200", "10.5.0.2", "10.5.0.255", "192.0.2.2",
                                      "8.8.8.8")}
    kinds = {ip: o.kind for ip, o in got.items()}
    assert kinds == {"172.17.0.2": "container", "172.17.0.1": "gateway", "172.17.0.0": "network-address",
                     "172.17.255.255": "broadcast", "172.17.0.9": "free", "10.5.0.200": "aux",
                     "10.5.0.2": "container", "10.5.0.255": "broadcast", "192.0.2.2": "host",
                     "8.8.8.8": "unknown"}
    a = got["172.17.0.2"]
    assert isinstance(a, Owner) and a.container == "aa" and a.network == "bridge" and a.detail == "eth0"
    assert a.endpoint == h.container_inspect("aa")["NetworkSettings"]["Networks"]["bridge"]["EndpointID"]
    assert got["10.5.0.200"].detail == "router" and got["10.5.0.2"].container == "ww"
    assert str(got["172.17.0.1"]) == "172.17.0.1: the gateway (bridge docker0) on network bridge (172.17.0.0/16)"
    assert str(got["172.17.0.9"]) == "172.17.0.9: free on network bridge (172.17.0.0/16)"


def test_whois_point_to_point_on_28() -> None:
    # §2.2: 28 reserves nothing in an IPv4 /31 (both addresses usable)
    h = DockerHost(engine="28")
    h.network_create("p", ipam_config=[{"Subnet": "10.6.0.0/31"}])
    assert h.whois("10.6.0.0").kind == "gateway"          # the first free ordinal is 0
    assert h.whois("10.6.0.1").kind == "free"


# --- usage ----------------------------------------------------------------------------------------

def test_usage_of_the_default_bridge() -> None:
    h = DockerHost(engine="28")
    for n in ("aa", "bb"):
        h.run("busybox", name=n)
    u = h.usage("bridge")
    assert isinstance(u, NetworkUsage)
    # §2.2 network and broadcast reserved, §2.5 gateway .1, then .2 and .3
    assert u.used == "172.17.0.0-172.17.0.3, 172.17.255.255"
    assert u.used_ranges == ["172.17.0.0-172.17.0.3", "172.17.255.255"]
    assert u.allocated == 5 and u.free == 65536 - 5 and u.capacity == 65536
    assert u.utilisation == pytest.approx(5 / 65536)
    assert str(u).splitlines()[:3] == ["network bridge",
                                       "  172.17.0.0/16: 5 allocated, 65531 free of 65536 (0.01% used)",
                                       "    used: 172.17.0.0-172.17.0.3, 172.17.255.255"]
    assert [a for a, _ in u.reserved] == ["172.17.0.0", "172.17.0.1", "172.17.255.255"]
    assert "<table" in u._repr_html_()


def test_usage_of_an_ip_range() -> None:
    h = DockerHost(engine="28")
    h.network_create("r", ipam_config=[{"Subnet": "10.9.0.0/24", "IPRange": "10.9.0.128/28"}])
    h.run("busybox", name="aa", network_mode="r")
    u = h.usage("r")
    # gateway 10.9.0.128 (§2.5), a at .129; the range has 16 addresses, 2 taken
    assert u.used == "10.9.0.0, 10.9.0.128-10.9.0.129, 10.9.0.255"
    assert u.free == 14 and u.capacity == 16 and u.utilisation == pytest.approx(2 / 16)


def test_usage_without_pools() -> None:
    u = DockerHost().usage("host")
    assert u.used == "" and u.free == 0 and u.utilisation == 0.0 and "no address pools" in str(u)


# --- the allocation policy knob: §2.4 -----------------------------------------------------------------

def _restart_b(policy: str) -> tuple[str, str]:
    h = DockerHost(engine="28")
    h.set_allocation_policy(policy)
    for n in ("aa", "bb", "cc"):
        h.run("busybox", name=n)                # .2 .3 .4
    h.container_stop("aa")
    h.container_stop("bb")                       # .2 and .3 free again
    predicted = str(h.next_address("bridge", container="bb"))
    h.container_start("bb")
    return predicted, ip_of(h, "bb")


@pytest.mark.parametrize("policy, expected", [
    ("lowest", "172.17.0.2"),        # Docker: the lowest free address (§2.4)
    ("round-robin", "172.17.0.5"),   # swarm's serial: after the last one handed out (.4)
    ("sticky", "172.17.0.3"),        # b's previous address, free again
])
def test_allocation_policies(policy: str, expected: str) -> None:
    predicted, got = _restart_b(policy)
    assert predicted == got == expected


def test_sticky_falls_back_to_lowest_when_taken() -> None:
    h = DockerHost(engine="28")
    h.set_allocation_policy("sticky")
    h.run("busybox", name="aa")
    h.run("busybox", name="bb")                  # .3
    h.container_stop("bb")
    h.run("busybox", name="xx")
    assert ip_of(h, "xx") == "172.17.0.3"       # x has no history: lowest free
    h.container_start("bb")
    assert ip_of(h, "bb") == "172.17.0.4"


def test_policy_names() -> None:
    h = DockerHost()
    with pytest.raises(ValueError):
        h.set_allocation_policy("random")
    from dockernet_sim.query.whatif import allocation_policy
    h.set_allocation_policy("Round_Robin")
    assert allocation_policy(h) == "round-robin"


def test_fork_keeps_the_policy_apart() -> None:
    h = DockerHost(engine="28")
    h2 = h.fork()
    h2.set_allocation_policy("round-robin")
    for host in (h, h2):
        host.run("busybox", name="aa")
        host.run("busybox", name="bb")
        host.container_stop("aa")
    assert str(h.next_address("bridge")) == "172.17.0.2"
    assert str(h2.next_address("bridge")) == "172.17.0.4"


# --- the shell ---------------------------------------------------------------------------------------

def test_shell_whois_and_trace() -> None:
    h = DockerHost(engine="28")
    h.sh("docker network create n1")
    h.sh("docker run -d --name aa busybox")
    h.sh("docker run -d --name bb --network n1 web httpd -f -p 80")
    r = h.sh("whois 172.17.0.2")
    assert r.exit_code == 0 and r.stdout.startswith("172.17.0.2: container aa (endpoint ")
    assert h.sh("whois 172.17.0.1").stdout == \
        "172.17.0.1: the gateway (bridge docker0) on network bridge (172.17.0.0/16)\n"
    assert h.sh("whois nope").exit_code == 2 and h.sh("whois").exit_code == 2
    t = h.sh("trace aa bb")           # as `ping b` in a: the default bridge has no DNS
    assert t.exit_code == 1 and t.stdout.startswith("aa -> bb (icmp): BAD ADDRESS"), t.stdout
    t = h.sh("trace aa 172.18.0.2")
    assert t.exit_code == 1 and t.stdout.startswith("aa -> 172.18.0.2 (icmp, 172.17.0.2 -> 172.18.0.2): DROPPED")
    assert "decided by:" in t.stdout and "why: " in t.stdout
    h.sh("docker network connect n1 aa")
    t = h.sh("trace aa bb 80/tcp")
    assert t.exit_code == 0 and t.stdout.startswith("aa -> bb (tcp/80, 172.18.0.3 -> 172.18.0.2): REACHABLE")
    assert h.sh("trace aa bb 81").stdout.splitlines()[0].endswith("REFUSED")
    assert h.sh("trace aa bb 80/bogus").exit_code == 2 and h.sh("trace aa").exit_code == 2
    assert h.sh("trace aa bb | head -1").stdout.endswith("REACHABLE\n")
