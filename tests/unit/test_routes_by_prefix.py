"""Routes and addresses picked by prefix, routes added through a gateway, and busybox's ``route``.

What the tools print was taken from iproute2 6.1 and busybox 1.35.0 in a network namespace on the
recording machine (kernel 6.18; busybox without ``CAP_NET_ADMIN`` as a container runs it) and
from r161/r162: ``ip addr show to P`` lists only the addresses inside P and their links; ``ip route
show P`` is ``exact``, ``match P`` the routes that cover P, ``root P`` those inside it; ``ip route
add … via GW`` without ``dev`` goes out of the device GW is directly reachable on, and the kernel
refuses a gateway it cannot reach directly (``Error: Nexthop has invalid gateway.``, exit 2)."""

from __future__ import annotations

import shutil

import pytest

from dockernet_sim.terminal import Session

BUSYBOX = shutil.which("busybox")


def host() -> Session:
    s = Session(engine="28", seed=5)
    for line in ("docker network create --subnet 10.162.0.0/24 rnet",
                 "docker run -itd --name gw --network rnet --ip 10.162.0.10 busybox"):
        assert s.run_line(line).exit_code == 0
    return s


def run(s: Session, line: str) -> tuple[str, str, int]:
    r = s.run_line(line)
    return r.stdout, r.stderr, r.exit_code


def bridge(s: Session) -> str:
    return "br-" + s.host.ctl.find_network("rnet").id[:12]


@pytest.mark.parametrize("line,want", [
    ("ip route show 10.162.0.0/24", ["10.162.0.0/24"]),
    ("ip route show to 10.162.0.0/24", ["10.162.0.0/24"]),
    ("ip route show exact 10.162.0.0/24", ["10.162.0.0/24"]),
    ("ip route show 10.162.0.0/16", []),
    ("ip route show 10.162.0.5", []),
    ("ip route show match 10.162.0.5", ["default", "10.162.0.0/24"]),
    ("ip route show match 10.162.0.0/16", ["default"]),
    ("ip route show root 10.0.0.0/8", ["10.162.0.0/24"]),
    ("ip route show root 10.162.0.0/25", []),
    ("ip route show default", ["default"]),
    ("docker exec gw ip route show match 10.162.0.9", ["default", "10.162.0.0/24"]),
    ("docker exec gw ip route show root 10.0.0.0/8", ["10.162.0.0/24"]),
    ("docker exec gw ip route show 10.162.0.0/24", ["10.162.0.0/24"]),
])
def test_route_selectors(line: str, want: list[str]) -> None:
    out, err, code = run(host(), line)
    assert (err, code) == ("", 0)
    assert [l.split()[0] for l in out.splitlines()] == want


def test_addresses_inside_a_prefix_and_their_links_only() -> None:
    s = host()
    br = bridge(s)
    out = run(s, "ip addr show to 10.162.0.0/24")[0]
    assert out.splitlines()[0].split(": ")[1] == br and "inet 10.162.0.1/24" in out and "172.17" not in out
    assert run(s, "ip -br a show to 10.162.0.0/16")[0] == f"{br:<16} UP             10.162.0.1/24 \n"
    assert run(s, "ip addr show to 10.99.0.0/16") == ("", "", 0)
    assert run(s, "ip -6 addr show to 10.162.0.0/24") == ("", 'Error: inet6 prefix is expected rather than '
                                                           '"10.162.0.0/24".\n', 1)
    inside = run(s, "docker exec gw ip addr show to 10.162.0.0/24")[0]
    assert "eth0" in inside and "inet 10.162.0.10/24" in inside and "lo:" not in inside


@pytest.mark.parametrize("line,err,code", [
    ("ip route show nonsense", 'Error: any valid prefix is expected rather than "nonsense".\n', 1),
    ("ip route show match nonsense", 'Error: any valid prefix is expected rather than "nonsense".\n', 1),
    ("ip route show 10.1.0.0/33", 'Error: any valid prefix is expected rather than "10.1.0.0/33".\n', 1),
    ("ip route show root", 'Command line is not complete. Try option "help"\n', 255),
    ("ip addr show to nonsense", 'Error: any valid prefix is expected rather than "nonsense".\n', 1),
    # only route reads match: for addr it is a device, and a second free word is refused
    ("ip addr show match 10.0.0.0/8", 'Error: either "dev" is duplicate, or "10.0.0.0/8" is a garbage.\n', 255),
    ("ip link show lo eth0", 'Error: either "dev" is duplicate, or "eth0" is a garbage.\n', 255),
    ("docker exec gw ip route show root", 'ip: command line is not complete, try "help"\n', 1),
])
def test_selector_errors(line: str, err: str, code: int) -> None:
    assert run(host(), line) == ("", err, code)


def test_a_route_via_a_gateway_takes_the_gateways_device() -> None:
    s = host()
    br = bridge(s)
    assert run(s, "ip route add 10.163.0.0/16 via 10.162.0.10") == ("", "", 0)
    assert run(s, "ip route show 10.163.0.0/16") == (f"10.163.0.0/16 via 10.162.0.10 dev {br} \n", "", 0)
    assert run(s, "ip route add 10.165.0.0/16 via 127.0.0.1") == ("", "", 0)          # the local table's lo
    assert run(s, "ip route add 10.166.0.0/16 via 192.0.2.2")[2] == 0                 # an own address
    assert run(s, "ip route show 10.166.0.0/16")[0] == "10.166.0.0/16 via 192.0.2.2 dev eth0 \n"
    assert run(s, "ip route add 10.163.0.0/16 via 10.162.0.10") == ("", "RTNETLINK answers: File exists\n", 2)
    assert run(s, "ip route add default via 192.0.2.7") == ("", "RTNETLINK answers: File exists\n", 2)
    assert run(s, "ip route add 10.167.0.0/16 via 0.0.0.0") == ("", "RTNETLINK answers: No such device\n", 2)
    assert run(s, "ip route del 10.163.0.0/16") == ("", "", 0)
    assert run(s, "ip route del 10.163.0.0/16") == ("", "RTNETLINK answers: No such process\n", 2)


@pytest.mark.parametrize("gateway", [
    "10.250.0.1",                  # no route at all
    "10.163.0.1",                  # only through another gateway
    "10.162.0.255",                # the subnet's broadcast address
    "10.162.0.10 dev docker0",     # on another device than the one named
])
def test_gateways_the_kernel_refuses(gateway: str) -> None:
    s = host()
    run(s, "ip route add 10.163.0.0/16 via 10.162.0.10")
    assert run(s, f"ip route add 10.164.0.0/16 via {gateway}") == ("", "Error: Nexthop has invalid gateway.\n", 2)
    assert "10.164" not in run(s, "ip route")[0]


ROUTE_CASES = [
    ("route add -net 10.170.0.0 netmask 255.255.0.0 gw 10.162.0.1", "route: SIOCADDRT: Operation not permitted\n"),
    ("route add -net 10.170.0.0/16 gw 10.250.0.1", "route: SIOCADDRT: Operation not permitted\n"),
    ("route add -net 10.170.0.0/16 gw nonsense", "route: resolving nonsense\n"),
    ("route add -net 10.1.2.3/16 gw 10.162.0.1", "route: netmask and route address conflict\n"),
    ("route add -host 10.1.2.3 netmask 255.255.0.0 gw 10.9.0.1", "route: netmask 0000ffff and host route conflict\n"),
    ("route add -net 10.1.0.0 netmask 255.0.255.0", "route: bogus netmask 255.0.255.0\n"),
    ("route add -net 10.0.0.0/33", "route: number 33 is not in 0..32 range\n"),
    ("route add -net ::1/64", "route: number 64 is not in 0..32 range\n"),        # the length first
    ("route add -net 10.2.0.0/16 metric x", "route: invalid number 'x'\n"),
    ("route add -net 10.2.0.0/16 eth0", "route: SIOCADDRT: Operation not permitted\n"),
    ("route add -net 10.2.0.0/16 gw 10.9.0.1 dev nosuch", "route: SIOCADDRT: Operation not permitted\n"),
    ("route del default", "route: SIOCDELRT: Operation not permitted\n"),
    ("route del -net 10.20.0.0/16", "route: SIOCDELRT: Operation not permitted\n"),
]


@pytest.mark.parametrize("line,err", ROUTE_CASES)
def test_busybox_route_checks_then_the_kernel_refuses(line: str, err: str) -> None:
    s = host()
    assert run(s, f"docker exec gw {line}") == ("", err, 1)
    assert "10.170" not in run(s, "docker exec gw route -n")[0]


@pytest.mark.skipif(BUSYBOX is None, reason="the images' busybox is not installed")
@pytest.mark.parametrize("line", ["route add", "route frob", "route add -net 10.2.0.0/16 gw",
                                  "route add -net 10.2.0.0/16 gw 10.9.0.1 extra words", "route -x"])
def test_busybox_route_usage_is_the_machines_busybox(line: str) -> None:
    import subprocess
    real = subprocess.run([BUSYBOX, *line.split()], capture_output=True, text=True)
    assert run(host(), f"docker exec gw {line}") == ("", real.stderr, 1)
    assert real.returncode == 1


@pytest.mark.skipif(BUSYBOX is None, reason="the images' busybox is not installed")
@pytest.mark.parametrize("line", ["wget", "wget --nosuch", "ping", "ping -c", "nslookup", "nc", "sleep",
                                  "netstat --nosuch", "ip -br a", "env --nosuch", "busybox", "ps -x", "ps -o",
                                  "uname -x", "busybox nosuch"])
def test_usage_texts_are_the_images_busybox(line: str) -> None:
    import subprocess
    real = subprocess.run([BUSYBOX, *line.split()] if line != "busybox" else [BUSYBOX],
                          capture_output=True, text=True)
    assert run(host(), f"docker exec gw {line}") == (real.stdout, real.stderr, real.returncode)
