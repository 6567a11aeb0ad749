"""Neighbour (ARP) tables and the packets the tools move besides ping (issue 11).

The formats and counts are r136/r137's (tests/unit/test_traffic_recorded.py checks every counter
step of those recordings); these cases go where the recordings could not: a replier that never
answers (STALE), the modelled outside world's DNS through NAT, save/load, rollback."""

from __future__ import annotations

import json

import pytest

from dockernet_sim import persist
from dockernet_sim.host import DockerHost
from dockernet_sim.query.traffic import dns_answer, dns_query


def host(*lines: str, engine: str = "28") -> DockerHost:
    h = DockerHost(engine=engine)
    for line in lines:
        assert h.sh(line).exit_code == 0, line
    return h


def counters(h: DockerHost, ns_name: str, dev: str) -> tuple[int, int, int, int]:
    link = h.daemon.kernel.namespaces[ns_name].link(dev)
    assert link is not None
    return (link.rx_packets, link.rx_bytes, link.tx_packets, link.tx_bytes)


def test_only_the_first_contact_arps_and_both_sides_learn() -> None:
    h = host("docker network create --subnet 10.5.0.0/24 n", "docker run -itd --name one --network n busybox",
             "docker run -itd --name two --network n busybox")
    assert h.sh("docker exec one ip neigh").stdout == ""
    h.sh("docker exec one ping -c 1 10.5.0.3")
    one = h.sh("docker exec one ip neigh").stdout
    assert one.startswith("10.5.0.3 dev eth0 lladdr ") and one.endswith(" ref 1 used 0/0/0 probes 4 REACHABLE\n")
    assert h.sh("docker exec two ip neigh").stdout.endswith(" ref 1 used 0/0/0 probes 0 DELAY\n")
    assert h.sh("docker exec one arp -a").stdout.startswith("two.n (10.5.0.3) at ")
    assert h.sh("docker exec one arp -an").stdout.startswith("? (10.5.0.3) at ")
    before = h.sh("docker exec two ifconfig eth0").stdout
    h.sh("docker exec two ping -c 1 10.5.0.2")        # two knows one already: no ARP
    after = h.sh("docker exec two ifconfig eth0").stdout
    assert "RX packets:2 " in before and "RX packets:3 " in after
    assert h.sh("docker exec one ip neigh show dev eth0").stdout.startswith("10.5.0.3 lladdr ")
    assert h.sh("docker exec one ip neigh show dev eth9").stderr == "ip: can't find device 'eth9'\n"
    assert h.sh("docker exec one ip neigh show to 10.5.0.9").stdout == ""


def test_a_replier_that_never_sends_back_keeps_a_stale_entry() -> None:
    # icc=false: the bridge drops the echo request, but ARP is not IP and crosses it
    h = host("docker network create -o com.docker.network.bridge.enable_icc=false --subnet 10.6.0.0/24 n",
             "docker run -itd --name one --network n busybox", "docker run -itd --name two --network n busybox")
    assert h.sh("docker exec one ping -c 1 10.6.0.3").exit_code == 1
    shown = h.sh("docker exec two ip neigh").stdout
    assert shown.startswith("10.6.0.2 dev eth0 lladdr ") and shown.endswith(" used 0/0/0 probes 0 STALE\n")
    assert " ref " not in shown


def test_nobody_answering_arp_fails_the_entry_after_three_requests() -> None:
    h = host("docker run -itd --name d1 busybox")
    ns = h.daemon.container_netns(h.daemon.containers[h.daemon.names["d1"]]).name  # type: ignore[union-attr]
    assert h.sh("docker exec d1 ping -c 1 172.17.0.9").exit_code == 1
    assert counters(h, ns, "eth0") == (0, 0, 3, 126)
    assert h.sh("docker exec d1 ip neigh").stdout == "172.17.0.9 dev eth0  used 0/0/0 probes 6 FAILED\n"
    assert h.sh("docker exec d1 arp -an").stdout == "? (172.17.0.9) at <incomplete>  on eth0\n"
    assert h.sh("ip neigh show dev docker0").stdout == ""


def test_a_lookup_through_the_hosts_nameserver_goes_out_through_nat_and_back() -> None:
    h = host("docker run -itd --name d1 busybox")
    ns = h.daemon.container_netns(h.daemon.containers[h.daemon.names["d1"]]).name  # type: ignore[union-attr]
    eth0 = counters(h, "host", "eth0")
    out = h.sh("docker exec d1 nslookup example.com")
    assert out.exit_code == 0
    a, aaaa = dns_answer("example.com", "A", ["x"]), dns_answer("example.com", "AAAA", ["x"])
    q = dns_query("example.com")
    assert (q, a, aaaa) == (57, 84, 96)
    grown = tuple(y - x for x, y in zip(eth0, counters(h, "host", "eth0")))
    assert grown == (2, a + aaaa + 28, 2, 2 * q + 28)
    # the container's eth0 also carried the ARP exchange with its gateway first
    assert counters(h, ns, "eth0") == (3, a + aaaa + 28 + 42, 3, 2 * q + 28 + 42)


def test_the_tools_traffic_is_one_change_saved_and_rolled_back_whole() -> None:
    h = host("docker network create n", "docker run -itd --name one --network n busybox",
             "docker run -itd --name two --network n busybox")
    before = h.daemon.state()
    with pytest.raises(RuntimeError):
        with h.daemon.journal.transaction():
            h.sh("docker exec one wget -q http://two/")
            raise RuntimeError
    assert h.daemon.state() == before
    h.sh("docker exec one ping -c 1 two")
    loaded = persist.loads(persist.dumps(h), DockerHost)
    assert loaded.daemon.state() == h.daemon.state()
    doc = json.loads(persist.dumps(h))
    for bad in ([["nosuch", "eth0", "10.0.0.1", None, "STALE", 0]], [["host", "eth0", "x", None, "STALE", 0]],
                [["host", "eth0", "10.0.0.1", None, "BOGUS", 0]], "x"):
        doc["neighbours"] = bad
        with pytest.raises(persist.PersistError):
            persist.from_document(doc, DockerHost)


def test_nc_and_wget_count_tcp_as_measured() -> None:
    h = host("docker network create --subnet 10.7.0.0/24 n", "docker run -itd --name cli --network n busybox",
             "docker run -d --name web --network n busybox httpd -f -p 80")
    ns = h.daemon.container_netns(h.daemon.containers[h.daemon.names["cli"]]).name  # type: ignore[union-attr]
    h.sh("docker exec cli ping -c 1 10.7.0.3")        # learn the neighbour first
    start = counters(h, ns, "eth0")

    def step(line: str) -> tuple[int, ...]:
        nonlocal start
        r = h.sh(line)
        now = counters(h, ns, "eth0")
        grown, start = tuple(y - x for x, y in zip(start, now)), now
        assert r.exit_code in (0, 1), r
        return grown

    assert step("docker exec cli nc -w 1 10.7.0.3 80") == (2, 140, 4, 272)
    assert step("docker exec cli nc -w 1 10.7.0.3 81") == (1, 54, 1, 74)
    got = h.sh("docker exec cli wget -O - http://10.7.0.3/")
    assert got.stderr == ("Connecting to 10.7.0.3 (10.7.0.3:80)\n"
                          "wget: server returned error: HTTP/1.1 404 Not Found\n") and got.exit_code == 1
    assert tuple(y - x for x, y in zip(start, counters(h, ns, "eth0"))) == (5, 569, 5, 409)


def test_sleep_returns_at_once_and_refuses_what_its_programs_refuse() -> None:
    h = host("docker run -itd --name d1 busybox")
    assert h.sh("sleep 15").exit_code == 0 and h.sh("docker exec d1 sleep 2").exit_code == 0
    assert h.sh("sleep").stderr == "sleep: missing operand\nTry 'sleep --help' for more information.\n"
    assert h.sh("docker exec d1 sleep x").stderr == "sleep: invalid number 'x'\n"
