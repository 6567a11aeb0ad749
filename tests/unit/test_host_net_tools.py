"""The host's own network tools next to Docker: sysctl writes, ss/netstat listeners, the bridge's
forwarding database, iptables -P.

Expected outputs cite the recorded scenarios (tests/golden/scenarios/r280-r283.sh on Engines
20.10, 26 and 28) or say "measured" for what was read on the recording machine itself.
"""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.terminal import Session

HOST = "host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53"


def session(engine: str, *directives: str) -> Session:
    s = Session(engine=engine)
    for d in (HOST,) + directives:
        assert s.directive(d) is None
    return s


def run(s: Session, line: str, code: int = 0) -> str:
    r = s.run_line(line)
    assert r.exit_code == code, (line, r.stdout, r.stderr)
    return r.stdout + r.stderr


# -- sysctl -w and /proc/sys (r280) ---------------------------------------------------------------

def test_sysctl_w_writes_the_host_and_every_device_follows() -> None:
    h = DockerHost()
    assert h.sh("sysctl -w net.ipv4.ip_forward=0").stdout == "net.ipv4.ip_forward = 0\n"
    out = h.sh("sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.eth0.forwarding").stdout
    assert out == "net.ipv4.ip_forward = 0\nnet.ipv4.conf.all.forwarding = 0\nnet.ipv4.conf.eth0.forwarding = 0\n"
    assert h.sh("cat /proc/sys/net/ipv4/ip_forward").stdout == "0\n"
    assert h.sh("echo 1 > /proc/sys/net/ipv4/ip_forward").exit_code == 0
    assert h.sh("sysctl -n net.ipv4.ip_forward").stdout == "1\n"


@pytest.mark.parametrize("line, stdout, stderr, code", [
    ("sysctl -w net.ipv4.nosuch=1", "", "sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n", 1),
    ("sysctl -w net.ipv4.ip_forward", "", "sysctl: command line(0): invalid syntax, continuing...\n", 1),
    ("sysctl -w net.ipv4.ip_forward=abc", "", 'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n', 1),
    ("sysctl -w net.ipv4.ip_forward=", "", 'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n', 1),
    # measured with procps 4.0.2: a directory is refused and still exits 0; -e silences a missing key
    ("sysctl -w net.ipv4.conf=1", "", 'sysctl: setting key "net.ipv4.conf": Invalid argument\n', 0),
    ("sysctl -e -w net.ipv4.nosuch=1", "", "", 0),
    ("sysctl -w =1", "", "sysctl: Path is not under /proc/sys/: /proc/sys/\n", 1),
    ("sysctl -q -w net.ipv4.ip_forward=1", "", "", 0),
    ("sysctl -n -w net.ipv4.ip_forward=01", "01\n", "", 0),
    ("sysctl -w net/ipv4/ip_forward=1", "net.ipv4.ip_forward = 1\n", "", 0),
    # bash's own words for a write the file refuses (measured), and for a file that is not there
    ("echo abc > /proc/sys/net/ipv4/ip_forward", "", "bash: echo: write error: Invalid argument\n", 1),
    ("bash -c 'echo x > /proc/sys/net/ipv4/ip_forward'", "", "bash: echo: write error: Invalid argument\n", 1),
    ("echo 1 > /proc/sys/net/ipv4/nosuch", "", "bash: /proc/sys/net/ipv4/nosuch: No such file or directory\n", 1),
    ("echo 1 > /proc/sys/net", "", "bash: /proc/sys/net: Is a directory\n", 1),
])
def test_sysctl_writes_in_the_tools_words(line: str, stdout: str, stderr: str, code: int) -> None:
    h = DockerHost()
    r = h.sh(line)
    assert (r.stdout, r.stderr, r.exit_code) == (stdout, stderr, code)


def test_a_refused_write_changes_nothing() -> None:
    h = DockerHost()
    before = h.daemon.state()
    for line in ("sysctl -w net.ipv4.ip_forward=abc", "echo x > /proc/sys/net/ipv4/ip_forward",
                 "sysctl -w net.ipv4.nosuch=1"):
        h.sh(line)
    assert h.daemon.state() == before


@pytest.mark.parametrize("engine", ["28", "26", "20.10"])
def test_a_container_keeps_the_ip_forward_it_copied(engine: str) -> None:
    """r280: cli (started before) reads 1, late (after) reads 0."""
    s = session(engine)
    run(s, "docker run -itd --name cli busybox")
    run(s, "sysctl -w net.ipv4.ip_forward=0")
    run(s, "docker run -itd --name late busybox")
    assert run(s, "docker exec cli cat /proc/sys/net/ipv4/ip_forward") == "1\n"
    assert run(s, "docker exec late cat /proc/sys/net/ipv4/ip_forward").startswith("0\n")


@pytest.mark.parametrize("engine, back_on, warning", [("28", True, False), ("26", False, False),
                                                      ("20.10", False, True)])
def test_what_dockerd_does_about_ip_forward_0(engine: str, back_on: bool, warning: bool) -> None:
    """r280: 28 turns forwarding back on when it makes a network (and sets FORWARD's policy to
    DROP, as when it turns it on at start); 20.10 warns at each create; 26 says nothing."""
    s = session(engine)
    before = run(s, "iptables -S FORWARD").splitlines()[0]
    run(s, "sysctl -w net.ipv4.ip_forward=0")
    r = s.run_line("docker run -itd --name late busybox")
    assert ("WARNING: IPv4 forwarding is disabled. Networking will not work." in r.stderr) is warning
    run(s, "docker network create lan2")
    assert run(s, "sysctl -n net.ipv4.ip_forward") == ("1\n" if back_on else "0\n")
    policy = run(s, "iptables -S FORWARD").splitlines()[0]
    assert policy == ("-P FORWARD DROP" if back_on else before)


def test_reachability_names_the_sysctl_that_stopped_it() -> None:
    h = DockerHost()
    h.sh("docker run -itd --name web busybox")
    assert h.reach("web", "8.8.8.8").verdict == "reachable"
    h.sh("sysctl -w net.ipv4.ip_forward=0")
    r = h.reach("web", "8.8.8.8")
    assert r.verdict == "dropped"
    assert "decided by: sysctl net.ipv4.ip_forward=0" in r.explain()
    h.sh("sysctl -w net.ipv4.ip_forward=1")
    h.sh("sysctl -w net.ipv4.conf.docker0.forwarding=0")     # the incoming device's own switch
    r = h.reach("web", "8.8.8.8")
    assert r.verdict == "dropped" and "net.ipv4.conf.docker0.forwarding=0" in r.explain()
    # two containers on one bridge are bridged, not routed: no sysctl stands between them
    h.sh("docker run -itd --name db busybox")
    assert h.reach("web", "db").verdict == "reachable"


def test_host_writes_are_recorded_and_replayed(tmp_path) -> None:   # type: ignore[no-untyped-def]
    h = DockerHost()
    h.sh("sysctl -w net.ipv4.ip_forward=0")
    h.sh("iptables -P FORWARD DROP")
    path = tmp_path / "h.json"
    h.save(path)
    for g in (DockerHost.load(path), DockerHost.load(path, replay=True)):
        assert g.sh("sysctl -n net.ipv4.ip_forward").stdout == "0\n"
        assert g.sh("iptables -S FORWARD").stdout.startswith("-P FORWARD DROP\n")


# -- iptables -P (r280's last line; refusals measured with iptables 1.8.9) -------------------------

@pytest.mark.parametrize("line, stderr, code", [
    ("iptables -P FORWARD ACCEPT", "", 0),
    ("iptables -P NOSUCH ACCEPT", "iptables: Bad built-in chain name.\n", 1),
    ("iptables -P DOCKER-USER ACCEPT", "iptables: Bad built-in chain name.\n", 1),
    ("iptables -t nat -P FORWARD ACCEPT", "iptables: Bad built-in chain name.\n", 1),
    ("iptables -P FORWARD accept", "iptables: Bad policy name. Run `dmesg' for more information.\n", 1),
    ("ip6tables -P NOSUCH DROP", "ip6tables: Bad built-in chain name.\n", 1),
    ("iptables -P FORWARD", "iptables v1.8.9 (nf_tables): -P requires a chain and a policy\n"
                            "Try `iptables -h' or 'iptables --help' for more information.\n", 2),
    ("iptables -P", 'iptables v1.8.9 (nf_tables): option "-P" requires an argument\n'
                    "Try `iptables -h' or 'iptables --help' for more information.\n", 2),
    ("iptables -t bogus -P FORWARD DROP", "iptables v1.8.9 (nf_tables): table 'bogus' does not exist\n"
                                          "Perhaps iptables or your kernel needs to be upgraded.\n", 3),
])
def test_iptables_policy(line: str, stderr: str, code: int) -> None:
    r = DockerHost().sh(line)
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, code)


# -- ss and netstat (r281, r282) ------------------------------------------------------------------

def test_ss_lists_docker_proxy_per_binding() -> None:
    s = session("28")
    run(s, "docker run -d --name web -p 8080:80 busybox httpd -f -p 80")
    run(s, "docker run -d --name dns -p 127.0.0.1:9090:80 -p 5353:53/udp busybox httpd -f -p 80")
    assert run(s, "ss -ltn | grep -v :2024") == (
        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
        "LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          \n"
        "LISTEN 0      4096       127.0.0.1:9090      0.0.0.0:*          \n"
        "LISTEN 0      4096            [::]:8080         [::]:*          \n")
    assert run(s, "ss -lun") == (
        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
        "UNCONN 0      0            0.0.0.0:5353      0.0.0.0:*          \n"
        "UNCONN 0      0               [::]:5353         [::]:*          \n")
    assert run(s, "netstat -lnt | grep -v :2024") == (
        "Active Internet connections (only servers)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n"
        "tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN     \n"
        "tcp        0      0 127.0.0.1:9090          0.0.0.0:*               LISTEN     \n"
        "tcp6       0      0 :::8080                 :::*                    LISTEN     \n")
    assert run(s, "ss -ltnp | grep -c docker-proxy") == "3\n"
    assert "/docker-proxy" in run(s, "netstat -lntp")
    run(s, "docker stop web")
    assert ":8080" not in run(s, "ss -ltn")
    # measured: under -H the widths come from the rows alone, the queues stay six wide
    assert run(s, "ss -ltnH | grep 2024") == "LISTEN 0      128      0.0.0.0:2024 0.0.0.0:*\n"


@pytest.mark.parametrize("engine, backlog", [("28", "0"), ("26", "4096"), ("20.10", "4096")])
def test_without_the_proxy_dockerd_holds_the_port(engine: str, backlog: str) -> None:
    """r282: the port stays taken, by dockerd; 28 listens with no backlog, 20.10 and 26's Go
    listener with 4096; no [::] socket for an IPv4-only container."""
    s = session(engine, "dockerd --userland-proxy=false")
    run(s, "docker run -d --name web -p 8080:80 busybox httpd -f -p 80")
    out = run(s, "ss -ltn")
    assert ["LISTEN", "0", backlog, "0.0.0.0:8080", "0.0.0.0:*"] in [line.split() for line in out.splitlines()]
    assert "[::]" not in out


@pytest.mark.parametrize("line, code", [("ss -lt", 2), ("ss -ln", 2), ("netstat -ln", 2), ("netstat -lt", 2),
                                        ("ss -y", 255), ("netstat -y", 3), ("ss -ltn sport = :80", 2)])
def test_ss_and_netstat_refuse_or_say_what_is_not_modelled(line: str, code: int) -> None:
    r = DockerHost().sh(line)
    assert r.exit_code == code and r.stdout == ""
    assert r.stderr.startswith("dockernet_sim: ") == (code == 2)


def test_netstat_r_is_still_the_routing_table() -> None:
    assert DockerHost().sh("netstat -rn").stdout.startswith("Kernel IP routing table\n")


# -- bridge fdb, brctl showmacs, bridge vlan (r283) ------------------------------------------------

def _fdb_lab(engine: str) -> Session:
    s = session(engine)
    run(s, "docker network create --subnet 10.77.0.0/24 -o com.docker.network.bridge.name=labbr lan")
    return s


def test_an_empty_bridge_has_its_groups_and_own_mac() -> None:
    s = _fdb_lab("26")
    lines = run(s, "bridge fdb show br labbr").splitlines()
    assert [line.split()[0] for line in lines[:5]] == [
        "33:33:00:00:00:01", "33:33:00:00:00:02", "01:00:5e:00:00:6a", "33:33:00:00:00:6a", "01:00:5e:00:00:01"]
    assert lines[-1].endswith(" dev labbr master labbr permanent") and len(lines) == 6
    assert run(s, "brctl showmacs labbr") == "port no\tmac addr\t\tis local?\tageing timer\n"


@pytest.mark.parametrize("engine, learned_at_start", [("28", True), ("26", False), ("20.10", False)])
def test_a_containers_mac_is_learned_once_it_sends(engine: str, learned_at_start: bool) -> None:
    s = _fdb_lab(engine)
    run(s, "docker run -itd --name c1 --network lan --ip 10.77.0.10 --mac-address 02:42:0a:4d:00:0a busybox")
    run(s, "docker run -itd --name c2 --network lan --ip 10.77.0.20 --mac-address 02:42:0a:4d:00:14 busybox")
    learned = [line for line in run(s, "bridge fdb show br labbr").splitlines() if "permanent" not in line]
    assert len(learned) == (2 if learned_at_start else 0)
    run(s, "docker exec c1 ping -c 1 -W 2 10.77.0.20")
    learned = [line for line in run(s, "bridge fdb show br labbr").splitlines() if "permanent" not in line]
    assert [line.split()[0] for line in learned] == ["02:42:0a:4d:00:0a", "02:42:0a:4d:00:14"]
    assert all(line.endswith(" master labbr ") for line in learned)
    rows = [line.split("\t") for line in run(s, "brctl showmacs labbr").splitlines()[1:]]
    assert [(r[0].strip(), r[1], r[2]) for r in rows][:2] == [("1", "02:42:0a:4d:00:0a", "no"),
                                                            ("2", "02:42:0a:4d:00:14", "no")]
    assert [(r[0].strip(), r[2]) for r in rows][2:] == [("2", "yes"), ("1", "yes")]
    assert all(r[-1] == "   0.00" for r in rows)
    run(s, "docker rm -f c1 c2")
    assert "veth" not in run(s, "bridge fdb show br labbr")


@pytest.mark.parametrize("line, stderr, code", [
    ("bridge fdb show br nosuch", 'Cannot find bridge device "nosuch"\n', 255),
    ("brctl showmacs nosuch", "read of forward table failed: No such device\n", 1),
    ("bridge fdb nosuch", 'Command "nosuch" is unknown, try "bridge fdb help".\n', 255),
    ("bridge fdb show br", 'Command line is not complete. Try option "help"\n', 255),
])
def test_fdb_refusals(line: str, stderr: str, code: int) -> None:
    r = DockerHost().sh(line)
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, code)


def test_bridge_vlan_without_filtering_is_its_heading() -> None:
    assert DockerHost().sh("bridge vlan show").stdout == "port              vlan-id  \n"
