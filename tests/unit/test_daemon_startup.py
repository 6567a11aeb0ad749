"""dockerd's flags: which ones stop it from starting, what it logs, what clients see then.

Expected texts are the engines' own, from the ``df*`` recordings in ``tests/golden`` (the
daemon's log line was read from the recorder's dockerd log).
"""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.client.unreachable import CANNOT_CONNECT
from dockernet_sim.daemon.config import DaemonConfig, HostSpec
from dockernet_sim.errors import DaemonNotRunning
from dockernet_sim.terminal import Session

CONTROLLER = "failed to start daemon: Error initializing network controller: "

# (engine, dockerd flags, dockerd's last line) — recorded
REFUSALS = [
    ("28", "--bip 10.1.2.3/30", CONTROLLER + 'error creating default "bridge" network: failed to allocate gateway '
                                             "(10.1.2.3): Address already in use"),
    ("28", "--bip 10.1.2.0/24", CONTROLLER + 'error creating default "bridge" network: failed to allocate gateway '
                                             "(10.1.2.0): Address already in use"),
    ("28", "--bip garbage", CONTROLLER + "parse bip failed: invalid CIDR address: garbage"),
    ("28", "--bip 10.1.2.1", CONTROLLER + "parse bip failed: invalid CIDR address: 10.1.2.1"),
    ("28", "--fixed-cidr 10.0.0.0/33", CONTROLLER + "parse fixed-cidr failed: invalid CIDR address: 10.0.0.0/33"),
    ("28", "--ipv6 --fixed-cidr-v6 fd00:1::/129",
     'invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("fd00:1::/129"): prefix length out of range'),
    ("28", "--default-address-pool base=10.10.0.0/16,size=8",
     CONTROLLER + "error obtaining controller instance: could not construct local address space: network at "
                  "index 0 (&{10.10.0.0/16 8}) has a smaller prefix (/16) than the target size of that pool (/8)"),
    ("28", "--default-address-pool base=10.10.0.0/16",
     CONTROLLER + "error obtaining controller instance: could not construct local address space: network at "
                  "index 0 (&{10.10.0.0/16 0}) is not in canonical form"),
    ("28", "--default-address-pool base=garbage,size=24",
     'Status: invalid argument "base=garbage,size=24" for "--default-address-pool" flag: invalid base prefix '
     "\"garbage\": netip.ParsePrefix(\"garbage\"): no '/'\nSee 'dockerd --help'."),
    ("20.10", "--bip 10.1.2.3/30", CONTROLLER + 'Error creating default "bridge" network: failed to allocate gateway '
                                                "(10.1.2.3): Address already in use"),
    ("20.10", "--bip garbage", CONTROLLER + "invalid CIDR address: garbage"),
    ("20.10", "--fixed-cidr 10.0.0.0/33", CONTROLLER + "invalid CIDR address: 10.0.0.0/33"),
    ("20.10", "--ipv6", CONTROLLER + "IPv6 is enabled for the default bridge, but no subnet is configured. Specify "
                                     "an IPv6 subnet using --fixed-cidr-v6"),
    ("20.10", "--ipv6 --fixed-cidr-v6 fd00:1::/129", CONTROLLER + "invalid CIDR address: fd00:1::/129"),
    ("20.10", "--default-address-pool base=10.10.0.0/16,size=8",
     CONTROLLER + "error obtaining controller instance: invalid pools size: 8"),
    ("20.10", "--ipv6 --fixed-cidr-v6 fd00:2::/64 --ip6tables",
     "failed to start daemon: ip6tables rules are only available if experimental features are enabled"),
    ("20.10", "--ip garbage",
     "Status: invalid argument \"garbage\" for \"--ip\" flag: garbage is not an ip address\nSee 'dockerd --help'., "
     "Code: 125"),
    ("28", "--ip garbage",
     "Status: invalid argument \"garbage\" for \"--ip\" flag: failed to parse IP: \"garbage\"\nSee 'dockerd --help'."),
    ("28", "--dns garbage", "Status: invalid argument \"garbage\" for \"--dns\" flag: invalid string being converted "
                            "to IP address: garbage\nSee 'dockerd --help'."),
    ("28", "--iptables=false --icc=false",
     "failed to start daemon: You specified --iptables=false with --icc=false. ICC=false uses iptables to "
     "function. Please set --icc or --iptables to true"),
]

# recorded: these start
STARTS = [
    ("28", "--fixed-cidr 172.17.5.0/24"), ("28", "--bip 10.1.0.1/16 --fixed-cidr 10.2.0.0/24"),
    ("28", "--bip 10.1.2.1/24 --fixed-cidr 10.1.0.0/16"), ("28", "--ipv6"), ("28", "--fixed-cidr-v6 fd00:1::/64"),
    ("28", "--iptables=false --ip-masq=true"), ("28", "--ipv6 --fixed-cidr-v6 fd00:2::/64 --ip6tables"),
    ("28", "--ip6tables=false"),
]


def session(engine: str, flags: str) -> Session:
    s = Session(engine=engine, seed=0)
    assert s.directive("dockerd " + flags) is None
    return s


@pytest.mark.parametrize("engine,flags,line", REFUSALS, ids=[f"{e} {f}" for e, f, _ in REFUSALS])
def test_dockerd_refuses_and_says_why(engine: str, flags: str, line: str) -> None:
    s = session(engine, flags)
    assert s.host.start_failure == line
    r = s.run_line("dockerd")
    assert r.stderr == line + "\n"
    assert r.exit_code == (125 if line.startswith("Status: ") else 1)


@pytest.mark.parametrize("engine,flags", STARTS, ids=[f"{e} {f}" for e, f in STARTS])
def test_dockerd_starts(engine: str, flags: str) -> None:
    s = session(engine, flags)
    assert s.host.start_failure is None
    assert s.run_line("docker network ls").exit_code == 0


def test_fixed_cidr_without_bip_is_the_bridge_subnet_on_28() -> None:
    # df05 on 28: Subnet and IPRange both the fixed CIDR, no Gateway shown, docker0 gets .1
    s = session("28", "--fixed-cidr 172.17.5.0/24")
    assert s.run_line("docker network inspect -f '{{json .IPAM.Config}}' bridge").stdout == \
        '[{"Subnet":"172.17.5.0/24","IPRange":"172.17.5.0/24"}]\n'
    assert "inet 172.17.5.1/24 brd 172.17.5.255" in s.run_line("ip addr show dev docker0").stdout


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_iptables_off_turns_masquerade_off(engine: str) -> None:
    s = session(engine, "--iptables=false --ip-masq=true")
    out = s.run_line("docker network inspect -f '{{json .Options}}' bridge").stdout
    assert '"com.docker.network.bridge.enable_ip_masquerade":"false"' in out


@pytest.mark.parametrize("engine", ["28", "20.10"])
def test_clients_without_a_daemon(engine: str) -> None:
    s = session(engine, "--bip garbage")
    ls = s.run_line("docker network ls")
    assert (ls.stdout, ls.stderr, ls.exit_code) == ("", CANNOT_CONNECT + "\n", 1)
    run = s.run_line("docker run -itd --name c1 busybox")
    assert run.exit_code == 125 and run.stderr.startswith("docker: " + CANNOT_CONNECT)
    # inspect prints the (empty) list it collected, unless a format was given (df01 on 28)
    assert s.run_line("docker network inspect bridge").stdout == "[]\n"
    assert s.run_line("docker inspect -f '{{.Name}}' c1").stdout == ""
    assert s.run_line("docker exec c1 ip a").stderr == CANNOT_CONNECT + "\n"
    # the client checks its own flags and arguments before it connects
    bad = s.run_line("docker run --no-such-flag busybox")
    assert bad.exit_code == 125 and "unknown flag: --no-such-flag" in bad.stderr
    assert CANNOT_CONNECT not in s.run_line("docker network create").stderr
    # the host keeps its own devices; Docker made none
    assert s.run_line("ip addr show dev docker0").stderr == 'Device "docker0" does not exist.\n'
    assert "192.0.2.2/24" in s.run_line("ip addr show dev eth0").stdout


def test_engine_api_of_a_daemon_that_did_not_start() -> None:
    h = DockerHost(engine="28", seed=0, config=DaemonConfig(bip="10.1.2.3/30"))
    assert h.daemon.start_failure is not None and "failed to allocate gateway (10.1.2.3)" in h.daemon.start_failure
    for call in (lambda: h.network_create("n"), lambda: h.run("busybox"), lambda: h.network_list(),
                 lambda: h.container_list(), lambda: h.network_inspect("bridge"), lambda: h.network_remove("x")):
        with pytest.raises(DaemonNotRunning) as e:
            call()
        assert str(e.value) == h.daemon.start_failure


@pytest.mark.parametrize("engine,text", [
    ("28", "failed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID "),
    ("20.10", "failed to start daemon: pid file found, ensure docker is not running or delete /var/run/docker.pid"),
])
def test_dockerd_on_a_running_daemon(engine: str, text: str) -> None:
    s = Session(engine=engine, seed=0)
    r = s.run_line("dockerd")
    assert r.stderr.startswith(text) and r.exit_code == 1
    if engine == "28":
        assert r.stderr == f"{text}{s.host.daemon_pid} is still running\n"


@pytest.mark.parametrize("flags,message", [
    ("--no-such-flag", "unknown flag: --no-such-flag"),
    ("--mtu abc", 'invalid argument "abc" for "--mtu" flag: strconv.ParseInt: parsing "abc": invalid syntax'),
    ("--icc=maybe", 'invalid argument "maybe" for "--icc" flag: strconv.ParseBool: parsing "maybe": invalid syntax'),
    ("--bip", "flag needs an argument: --bip"),
])
def test_flags_dockerd_cannot_parse(flags: str, message: str) -> None:
    cfg = DaemonConfig.from_flags(flags)
    assert cfg.flag_error == message
    s = session("28", flags)
    assert s.host.start_failure == f"Status: {message}\nSee 'dockerd --help'."


@pytest.mark.parametrize("words,message", [
    (["eth0=garbage"], "#! host eth0=garbage: not an IPv4 address with its prefix length, like 192.0.2.2/24"),
    (["gateway=x"], "#! host gateway=x: not an IPv4 address, like 192.0.2.1"),
    (["mtu=abc"], "#! host mtu=abc: the MTU is a number from 68 to 65535"),
    (["nameserver=nope"], "#! host nameserver=nope: a nameserver is an IP address"),
    (["colour=blue"], "#! host colour=blue: unknown setting 'colour' (hostname, eth0, gateway, mtu, nameserver, "
                      "search)"),
])
def test_bad_host_directive_values(words: list[str], message: str) -> None:
    with pytest.raises(ValueError) as e:
        HostSpec.from_directive(words)
    assert str(e.value) == message
    s = Session(engine="28", seed=0)
    assert s.directive("host " + " ".join(words)) == message


def test_unbalanced_quote_in_a_directive_is_a_message() -> None:
    s = Session(engine="28", seed=0)
    assert s.directive("dockerd 'x") == "#! dockerd: cannot split the line: no closing quotation"
    assert s.run_line("docker network ls").exit_code == 0


def test_a_daemon_that_did_not_start_saves_and_loads(tmp_path: "pytest.TempPathFactory") -> None:
    h = DockerHost(engine="28", seed=0, config=DaemonConfig.from_flags("--mtu abc"))
    with pytest.raises(DaemonNotRunning):
        h.network_create("n")
    path = tmp_path / "host.json"   # type: ignore[operator]
    h.save(path)
    again = DockerHost.load(path)
    assert again.daemon.start_failure == h.daemon.start_failure


@pytest.mark.parametrize("text,message", [
    ("image", "#! image: give the image's name first (#! image NAME CMD … EXPOSE … TOOLS …)"),
    ("image x EXPOSE abc", "#! image EXPOSE abc: not a port (PORT[/tcp|udp|sctp], PORT from 1 to 65535; list a "
                           "range port by port)"),
    ("image x EXPOSE 80/icmp", "#! image EXPOSE 80/icmp: not a port (PORT[/tcp|udp|sctp], PORT from 1 to 65535; "
                               "list a range port by port)"),
    ("image x TOOLS nope", "#! image TOOLS nope: the userland is busybox or iproute2"),
])
def test_bad_image_directives(text: str, message: str) -> None:
    s = Session(engine="28", seed=0)
    assert s.directive(text) == message
    assert s.run_line("docker run -itd -P --name c1 x").exit_code == 0
