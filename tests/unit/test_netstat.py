"""busybox netstat in containers lists the sockets the model says are open (issue 11: "what
listens is what runs" must show where a student looks), and busybox's nc refuses the options it
does not have. Layouts are checked by the fidelity suite (r140); here: agreement with the
packet walk, and the option errors of the machine's own busybox (the images' build)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import given, settings, strategies as st

from dockernet_sim import DockerHost

BUSYBOX = shutil.which("busybox")

COMMANDS = ["", "httpd -f -p 80", "httpd -f -p 8080", "nc -l -p 81", "sh -c 'httpd -p 90; sleep 1000'",
            "nc -lk -p 8000"]


def _listening(h: DockerHost, name: str) -> set[int]:
    out = h.sh(f"docker exec {name} netstat -tln").stdout
    return {int(line.split()[3].rsplit(":", 1)[1]) for line in out.splitlines()[2:]
            if line.split()[3].startswith(":::")}


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(COMMANDS), min_size=1, max_size=3), st.booleans(), st.sampled_from(["20.10", "28"]))
def test_netstat_shows_exactly_what_a_packet_finds_listening(cmds: list[str], user_net: bool, engine: str) -> None:
    h = DockerHost(engine=engine)
    net = ""
    if user_net:
        h.sh("docker network create lan")
        net = "--network lan"
    h.sh(f"docker run -itd --name probe {net} busybox")
    for i, cmd in enumerate(cmds):
        assert h.sh(f"docker run -itd --name s{i} {net} -p {9000 + i}:80 busybox {cmd}").exit_code == 0
    for i in range(len(cmds)):
        shown = _listening(h, f"s{i}")
        answered = {p for p in (80, 81, 90, 8000, 8080)
                    if h.reach("probe", f"s{i}", port=p, proto="tcp").verdict == "reachable"}
        assert shown == answered
        dns = [l for l in h.sh(f"docker exec s{i} netstat -tuln").stdout.splitlines() if "127.0.0.11:" in l]
        assert len(dns) == (2 if user_net else 0)          # the embedded DNS's TCP and UDP sockets


def test_a_container_sharer_sees_its_donors_sockets() -> None:
    h = DockerHost(engine="28")
    h.sh("docker run -d --name web busybox httpd -f -p 80")
    h.sh("docker run -itd --name side --network container:web busybox nc -l -p 81")
    assert _listening(h, "web") == _listening(h, "side") == {80, 81}
    h.sh("docker stop side")
    assert _listening(h, "web") == {80}


def test_a_port_is_listed_once_however_many_ways_it_is_declared() -> None:
    from dockernet_sim.daemon.container import Image
    h = DockerHost(engine="28", images=[Image("web:latest", cmd=("httpd", "-f", "-p", "80"), listens=("80/tcp",))])
    h.sh("docker run -d --name ww web")
    assert h.sh("docker exec ww netstat -tln").stdout.count(":::80 ") == 1


def test_netstat_r_is_still_the_routing_table() -> None:
    h = DockerHost(engine="28")
    h.sh("docker run -itd --name aa busybox")
    assert h.sh("docker exec aa netstat -rn").stdout.startswith("Kernel IP routing table\n")


def _real(argv: list[str]) -> tuple[str, str, int]:
    if BUSYBOX is None:
        pytest.skip("no busybox on this machine to compare with")
    p = subprocess.run([BUSYBOX, *argv], capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
    return p.stdout, p.stderr, p.returncode


# option errors only: each fails in getopt, before any socket or name lookup
@pytest.mark.parametrize("argv", [["netstat", "-tlnp"], ["netstat", "--foo"], ["netstat", "-W"], ["netstat", "--help"],
                                  ["netstat", "-t", "--help"], ["nc", "-zv", "127.0.0.1", "80"],
                                  ["nc", "-u", "127.0.0.1", "53"], ["nc", "-v"], ["nc"], ["nc", "-w"],
                                  ["nc", "127.0.0.1", "80", "-p"], ["nc", "--help"], ["nc", "-l", "--help"]])
def test_option_errors_are_busyboxs(argv: list[str]) -> None:
    h = DockerHost(engine="28")
    h.sh("docker run -itd --name aa busybox")
    r = h.sh("docker exec aa " + " ".join(argv))
    assert (r.stdout, r.stderr, r.exit_code) == _real(argv)


def test_netstat_view_module_examples() -> None:
    import doctest
    from dockernet_sim.userland.views import sockets
    assert doctest.testmod(sockets).failed == 0


@pytest.mark.parametrize("engine", ["20.10", "26", "28"])
def test_a_server_started_by_docker_exec_listens_until_the_container_stops(engine: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The lesson's fix after 'connection refused' (r141): `docker exec -d web httpd -f -p 80`
    answers where `-p` alone did not; it prints nothing, survives save/load and a fork, and goes
    with a stop. Before, busybox's httpd was 'executable file not found' and exec -d printed the
    command's output and status."""
    h = DockerHost(engine=engine)
    h.sh("docker run -itd --name web -p 8080:80 busybox")
    h.sh("docker run -itd --name probe busybox")
    assert h.reach("probe", "web", port=80, proto="tcp").verdict == "refused"
    assert (h.sh("docker exec -d web ping -c 1 172.17.0.1").stdout, h.sh("docker exec -d web false").exit_code) == ("", 0)
    r = h.sh("docker exec -d web httpd -f -p 80")
    assert (r.stdout, r.stderr, r.exit_code) == ("", "", 0)
    t = h.reach("probe", "web", port=80, proto="tcp")
    assert t.ok and "(docker exec)" in t.explain() and _listening(h, "web") == {80}
    assert h.sh("docker exec web httpd -p 80").stderr == "httpd: bind: Address already in use\n"
    assert h.sh("docker exec web httpd -p 82").exit_code == 0 and _listening(h, "web") == {80, 82}
    servers = len(h.containers[h.find_container("web").id].servers)
    assert h.sh("docker exec -d web httpd -f -p 82").exit_code == 0         # it fails to bind, unseen
    assert len(h.containers[h.find_container("web").id].servers) == servers
    h.save(tmp_path / "h.json")
    assert _listening(DockerHost.load(tmp_path / "h.json"), "web") == {80, 82}
    f = h.fork()
    f.sh("docker kill web")
    f.sh("docker start web")
    assert _listening(f, "web") == set() and _listening(h, "web") == {80, 82}
    assert f.reach("probe", "web", port=80, proto="tcp").verdict == "refused"
