"""``com.docker.network.bridge.name`` naming a device the network did not create (hd02 in
tests/golden, recorded on 28 and 20.10): a device that is not a bridge is refused, a bridge made
by hand is reused, and removing the network never removes a device it did not create."""

from __future__ import annotations

import pytest

from dockernet_sim.terminal import Session


@pytest.mark.parametrize("engine", ["28", "20.10"])
@pytest.mark.parametrize("device", ["eth0", "lo", "ifb0"])
def test_the_hosts_own_devices_are_refused_and_kept(engine: str, device: str) -> None:
    s = Session(engine=engine, seed=0)
    before = s.run_line("ip a").stdout, s.run_line("ip route").stdout
    r = s.run_line(f"docker network create -o com.docker.network.bridge.name={device} n")
    assert (r.stderr, r.exit_code) == (f"Error response from daemon: existing interface {device} is not a bridge\n", 1)
    s.run_line("docker network rm n")
    assert (s.run_line("ip a").stdout, s.run_line("ip route").stdout) == before


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_a_bridge_made_by_hand_is_reused_and_stays(engine: str) -> None:
    s = Session(engine=engine, seed=0)
    assert s.run_line("ip link add mybrx type bridge").exit_code == 0
    assert s.run_line("docker network create --subnet 10.63.0.0/24 -o com.docker.network.bridge.name=mybrx onbr") \
        .exit_code == 0
    assert s.run_line("docker run -itd --name c2 --network onbr busybox").exit_code == 0
    assert s.run_line("brctl show mybrx | grep -c veth").stdout == "1\n"
    s.run_line("docker rm -f c2")
    assert s.run_line("docker network rm onbr").exit_code == 0
    assert s.run_line("ip link show mybrx | grep -c mybrx").stdout == "1\n"
    assert "inet 10.63.0.1/24" in s.run_line("ip -4 addr show dev mybrx").stdout


def test_docker0_on_20_10_is_taken_over_but_never_removed() -> None:
    s = Session(engine="20.10", seed=0)
    assert s.run_line("docker network create --subnet 10.62.0.0/24 -o com.docker.network.bridge.name=docker0 n") \
        .exit_code == 0
    assert s.run_line("docker network rm n").exit_code == 0
    assert s.run_line("ip -4 addr show dev docker0 | grep inet").stdout.split()[1] == "10.62.0.1/24"
    run = s.run_line("docker run -itd --name c1 busybox")
    assert run.exit_code == 125 and "failed to create endpoint c1 on network bridge: network " in run.stderr


def test_docker0_on_28_is_a_conflict() -> None:
    s = Session(engine="28", seed=0)
    r = s.run_line("docker network create -o com.docker.network.bridge.name=docker0 n")
    assert r.exit_code == 1 and r.stderr.endswith("networks have same bridge name\n")


def test_ip_link_add_refuses_a_name_in_use() -> None:
    s = Session(engine="28", seed=0)
    assert s.run_line("ip link add lan0 type veth peer name lan0p").exit_code == 0
    r = s.run_line("ip link add lan0 type bridge")
    assert (r.stderr, r.exit_code) == ("RTNETLINK answers: File exists\n", 2)
    assert s.run_line("ip link show lan0").stdout.split()[1] == "lan0@lan0p:"
