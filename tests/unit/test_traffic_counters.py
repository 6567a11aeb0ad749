"""Traffic counters count the packets the model moved (issue 11): what a real kernel counted.

Measured on this machine (kernel 6.18) with two network namespaces, their veth pairs enslaved to
a bridge in a third, and busybox ping (default 56 data bytes): each echo request and reply is 98
bytes on a veth (84 IP + 14 Ethernet), a bridge passing a frame up to its host counts 84, the
bridge sending counts 98, a bridge forwarding between two ports counts nothing itself, and lo
counts 84 each way. The first ping of a pair also moves one ARP request and reply (42 bytes; the
bridge counts the request's 28-byte payload as it floods it up to its host too): r136 and r137,
where tests/unit/test_traffic_recorded.py checks every step against the recordings."""

from __future__ import annotations

import pytest

from dockernet_sim import persist
from dockernet_sim.host import DockerHost
from dockernet_sim.kernel.links import Link
from dockernet_sim.userland.views.nettools import _scaled


def lab(engine: str = "28") -> DockerHost:
    h = DockerHost(engine=engine)
    for line in ("docker network create n", "docker network create other",
                 "docker run -itd --name aa --network n busybox", "docker run -itd --name bb --network n busybox",
                 "docker run -itd --name cc --network other busybox"):
        assert h.sh(line).exit_code == 0, line
    return h


def link_of(h: DockerHost, name: str, dev: str = "eth0") -> Link:
    d = h.daemon
    ns = d.container_netns(d.containers[d.names[name]])
    link = ns.link(dev) if ns is not None else None
    assert link is not None
    return link


def counts(link: Link | None) -> tuple[int, int, int, int]:
    assert link is not None
    return (link.rx_packets, link.rx_bytes, link.tx_packets, link.tx_bytes)


def bridge_of(h: DockerHost, net: str) -> Link:
    name = h.sh(f"docker network inspect -f '{{{{.Id}}}}' {net}").stdout.strip()[:12]
    link = h.daemon.kernel.host.link(f"br-{name}")
    assert link is not None
    return link


ARP = (1, 42, 1, 42)       # the exchange before a first contact, on each veth end


def plus(*rows: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(map(sum, zip(*rows)))


def test_a_ping_between_containers_counts_on_every_veth_end_and_only_the_arp_flood_on_the_bridge() -> None:
    h = lab()
    a, b, br = link_of(h, "aa"), link_of(h, "bb"), bridge_of(h, "n")
    assert h.sh("docker exec aa ping -c 3 bb").exit_code == 0
    for link in (a, b, a.peer, b.peer):
        assert counts(link) == plus((3, 294, 3, 294), ARP) == (4, 336, 4, 336)
    assert counts(br) == (1, 28, 0, 0)
    assert "RX packets:4 errors:0" in h.sh("docker exec aa ifconfig eth0").stdout
    assert "RX bytes:336 (336.0 B)  TX bytes:336 (336.0 B)" in h.sh("docker exec bb ifconfig").stdout
    assert f"RX packets 4  bytes 336 (336.0 B)" in h.sh(f"ifconfig {a.peer.name}").stdout   # type: ignore[union-attr]
    h.sh("docker exec bb ping -c 2 aa")       # b learnt a from the request: no second ARP
    assert counts(a) == (6, 532, 6, 532)


def test_the_bridge_counts_what_it_passes_up_and_sends() -> None:
    h = lab()
    a, br = link_of(h, "aa"), bridge_of(h, "n")
    gw = h.sh("docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' n").stdout.strip()
    h.sh(f"docker exec aa ping -c 3 {gw}")
    assert counts(br) == (4, 280, 4, 336)       # with the ARP request's 28 in and the reply's 42 out
    assert counts(a) == (4, 336, 4, 336)


def test_loopback_and_packet_size() -> None:
    h = lab()
    h.sh("docker exec aa ping -c 2 127.0.0.1")
    assert counts(link_of(h, "aa", "lo")) == (4, 336, 4, 336)
    h.sh("docker exec aa ping -c 2 -s 100 bb")
    assert counts(link_of(h, "bb")) == plus((2, 284, 2, 284), ARP)


def test_a_dropped_packet_counts_up_to_where_it_was_dropped() -> None:
    h = lab()
    c_ip = h.sh("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' cc").stdout.strip()
    assert h.sh(f"docker exec aa ping -c 2 {c_ip}").exit_code == 1
    assert counts(link_of(h, "aa")) == plus((0, 0, 2, 196), ARP)
    # Docker 28 drops it in the raw table's PREROUTING, which br_netfilter runs as the frame enters
    # the bridge port: the bridge counts only the ARP exchange with the gateway (r136)
    assert counts(bridge_of(h, "n")) == (1, 28, 1, 42)
    assert counts(link_of(h, "cc")) == (0, 0, 0, 0)
    h20 = lab("20.10")
    c_ip = h20.sh("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' cc").stdout.strip()
    h20.sh(f"docker exec aa ping -c 2 {c_ip}")
    assert counts(bridge_of(h20, "n")) == (3, 196, 1, 42)  # 20.10 drops it in FORWARD, after the bridge counted it


def test_the_outside_world_goes_through_eth0_both_ways() -> None:
    h = lab()
    before = counts(h.daemon.kernel.host.link("eth0"))
    assert h.sh("docker exec aa ping -c 1 198.51.100.7").exit_code == 0
    after = counts(h.daemon.kernel.host.link("eth0"))
    assert tuple(y - x for x, y in zip(before, after)) == (1, 98, 1, 98)


def test_counters_are_journalled_saved_forked_and_deterministic() -> None:
    h = lab()
    h.sh("docker exec aa ping -c 3 bb")
    a = link_of(h, "aa")
    k = h.daemon.kernel
    with pytest.raises(RuntimeError):
        with h.daemon.journal.transaction():
            k.count(a, True, 5, 500)
            raise RuntimeError
    assert counts(a) == (4, 336, 4, 336)
    loaded = persist.loads(persist.dumps(h), DockerHost)
    assert counts(link_of(loaded, "aa")) == (4, 336, 4, 336)
    assert loaded.daemon.state() == h.daemon.state()
    assert loaded.sh("docker exec bb ip neigh").stdout == h.sh("docker exec bb ip neigh").stdout != ""
    fork = h.fork()
    fork.sh("docker exec aa ping -c 1 bb")
    assert counts(link_of(fork, "aa")) == (5, 434, 5, 434) and counts(a) == (4, 336, 4, 336)
    again = lab()
    again.sh("docker exec aa ping -c 3 bb")
    assert again.sh("ifconfig").stdout == h.sh("ifconfig").stdout


def test_a_damaged_counters_row_is_refused() -> None:
    import json
    h = lab()
    h.sh("docker exec aa ping -c 1 bb")
    doc = json.loads(persist.dumps(h))
    for bad in ([["nosuch", "eth0", 1, 1, 1, 1]], [["host", "eth0", -1, 0, 0, 0]], "x", [[1, 2]]):
        doc["counters"] = bad
        with pytest.raises(persist.PersistError):
            persist.from_document(doc, DockerHost)


@pytest.mark.parametrize("nbytes,text", [(0, "0.0 B"), (294, "294.0 B"), (1023, "1023.0 B"), (1024, "1.0 KiB"),
                                         (41120, "40.1 KiB"), (1408182, "1.3 MiB"), (462619395, "441.1 MiB")])
def test_sizes_as_ifconfig_prints_them(nbytes: int, text: str) -> None:
    # 41120, 1408182 and 462619395 as net-tools and busybox ifconfig printed them on this machine
    assert _scaled(nbytes) == text


# ``ip -n lab -s link show lo``, ``-s -s`` and ``-s -o`` after ``busybox ping -c 2 127.0.0.1`` in a
# fresh namespace (iproute2 6.x, kernel 6.18, this machine)
REAL_IP_S_LO = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    RX:  bytes packets errors dropped  missed   mcast           \n           336       4      0       0       0       0 \n    TX:  bytes packets errors dropped carrier collsns           \n           336       4      0       0       0       0 \n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    RX:  bytes packets errors dropped  missed   mcast           \n           336       4      0       0       0       0 \n    RX errors:  length    crc   frame    fifo overrun\n                     0      0       0       0       0 \n    TX:  bytes packets errors dropped carrier collsns           \n           336       4      0       0       0       0 \n    TX errors: aborted   fifo  window heartbt transns\n                     0      0       0       0       0 \n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\\    RX:  bytes packets errors dropped  missed   mcast           \\           336       4      0       0       0       0 \\    TX:  bytes packets errors dropped carrier collsns           \\           336       4      0       0       0       0 \n'


def test_ip_s_link_prints_the_counters_as_iproute2_does() -> None:
    from dockernet_sim.kernel import Kernel
    from dockernet_sim.userland.views.links import ip_link
    k = Kernel()
    lo = k.host.link("lo")
    with k.journal.transaction():
        k.count(lo, True, 4, 336)   # type: ignore[arg-type]
        k.count(lo, False, 4, 336)  # type: ignore[arg-type]
    got = "".join(ip_link(k.host, "iproute2", stats=n, oneline=o) for n, o in ((1, False), (2, False), (1, True)))
    assert got == REAL_IP_S_LO
    # wider numbers widen their column, in both blocks
    lo.rx_packets = 123456789  # type: ignore[union-attr]
    text = ip_link(k.host, "iproute2", stats=1)
    assert "    RX:  bytes   packets errors" in text and "           336 123456789      0" in text
    h = lab()
    h.sh("docker exec aa ping -c 3 bb")
    veth = link_of(h, "aa").peer
    assert veth is not None
    shown = h.sh(f"ip -s link show {veth.name}").stdout.splitlines()
    assert shown[3].split() == ["336", "4", "0", "0", "0", "0"] and shown[5].split() == shown[3].split()
    assert "RX:" not in h.sh("docker exec aa ip -s link show eth0").stdout      # busybox ip has no -s
