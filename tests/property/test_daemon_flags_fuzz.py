"""Random dockerd flags x random commands x engines: never a traceback, never an internal error.

Docker always does something definite with its flags: it starts, or it refuses to start (then
every docker command gets the client's ``Cannot connect to the Docker daemon``), or one call
fails with its own message. The values below mix valid, invalid and contradictory ones for every
flag the simulator accepts (the ``df*`` golden scenarios record what the engines do with many of
them); the number of examples is bounded so this runs in CI.
"""

from __future__ import annotations

import shlex

from hypothesis import HealthCheck, given, settings, strategies as st

from dockernet_sim.client.unreachable import CANNOT_CONNECT
from dockernet_sim.terminal import Session

VALUES: dict[str, tuple[str, ...]] = {
    "--bip": ("10.1.2.1/24", "10.1.2.3/30", "10.1.2.0/24", "10.1.2.1", "garbage", "172.17.0.1/16",
              "10.1.2.1/33", "fd00::1/64", "10.1.2.2/31", "10.1.2.1/32", "192.0.2.9/24"),
    "--fixed-cidr": ("172.17.5.0/24", "10.1.0.0/16", "10.2.0.0/24", "10.1.2.7/28", "10.0.0.0/33", "garbage",
                     "fd00::/64", "10.1.2.0/30"),
    "--fixed-cidr-v6": ("fd00:1::/64", "fd00:1::/129", "garbage", "10.0.0.0/24", "fd00:1::5/80", "fd00::/48"),
    "--default-address-pool": ("base=10.10.0.0/16,size=24", "base=10.10.0.0/16,size=8", "base=garbage,size=24",
                               "base=10.10.0.0/16", "size=24", "base=10.10.0.0/16,size=33", "base=,size=",
                               "base=10.10.0.0/30,size=30", "base=fd00::/48,size=64", "x=1"),
    "--ip": ("127.0.0.1", "0.0.0.0", "garbage", "::1", "192.0.2.2"),
    "--mtu": ("1400", "70000", "abc", "0", "-1", "68", "67", "0x500"),
    "--dns": ("127.0.0.1", "garbage", "::1"),
    "--dns-search": ("example.com", "", "a..b"),
    "--dns-opt": ("ndots:2", "garbage"),
    "--bridge": ("none", "nosuch0", "docker0", "eth0", ""),
    "--default-gateway": ("172.17.0.254", "10.9.9.9", "garbage"),
    "--default-gateway-v6": ("fd00:1::254", "garbage"),
}
BOOLS = ("--ipv6", "--icc", "--ip-masq", "--iptables", "--ip6tables", "--ip-forward", "--userland-proxy")
BOOL_VALUES = ("", "=true", "=false", "=0", "=maybe")
ODD = ("--no-such-flag", "stray", "--mtu", "-b")

COMMANDS = (
    "docker network ls", "docker network inspect bridge", "docker run -itd --name c1 busybox",
    "docker run -itd --name c2 -p 8080:80 busybox", "docker run -itd --name c3 --ip 172.17.0.9 busybox",
    "docker network create n1", "docker network create --subnet 10.1.0.0/16 n2",
    "docker run -itd --name c4 --network n1 busybox", "docker exec c1 ip a", "docker exec c1 ip route",
    "docker inspect c1", "docker port c2", "docker ps", "docker network rm n1", "docker rm -f c1",
    "ip addr show dev docker0", "ip route", "iptables -S", "iptables -t nat -S", "brctl show", "dockerd",
    "docker network create --ipv6 n6", "docker network inspect -f '{{json .IPAM}}' bridge",
)


@st.composite
def flag_lines(draw: st.DrawFn) -> str:
    words: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(("value", "value", "bool", "odd")))
        if kind == "value":
            flag = draw(st.sampled_from(sorted(VALUES)))
            value = draw(st.sampled_from(VALUES[flag]))
            words.append(f"{flag}={value}" if draw(st.booleans()) else f"{flag} {shlex.quote(value)}")
        elif kind == "bool":
            words.append(draw(st.sampled_from(BOOLS)) + draw(st.sampled_from(BOOL_VALUES)))
        else:
            words.append(draw(st.sampled_from(ODD)))
    return " ".join(words)


def _check(session: Session, line: str) -> str:
    r = session.run_line(line)
    assert "internal error" not in r.stderr, (line, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout, (line, r.stderr)
    assert r.exit_code != 70, (line, r.stderr)
    return r.stderr


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(engine=st.sampled_from(("28", "20.10")), flags=flag_lines(),
       commands=st.lists(st.sampled_from(COMMANDS), min_size=1, max_size=6))
def test_random_daemon_flags_never_break_the_shell(engine: str, flags: str, commands: list[str]) -> None:
    s = Session(engine=engine, seed=0)
    err = s.directive("dockerd " + flags)
    if err is not None:
        # a value the model cannot hold (a bridge name Linux would refuse): the simulator's message
        assert err.startswith("DaemonConfig.bridge is not a Linux interface name"), err
        return
    down = s.host.start_failure is not None
    for line in commands:
        err = _check(s, line)
        if down and line.startswith("docker "):
            # a daemon that did not start answers nothing: every docker command says so
            assert CANNOT_CONNECT in err, (flags, line, err)
    if down:
        assert _check(s, "dockerd").startswith(s.host.start_failure or "?")


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(words=st.lists(st.text(alphabet="abc=/.:'\"\\ 0123456789-", max_size=12), max_size=4),
       kind=st.sampled_from(("dockerd", "host", "image")))
def test_any_directive_text_gives_a_message_or_a_host(words: list[str], kind: str) -> None:
    s = Session(engine="28", seed=0)
    s.directive(kind + " " + " ".join(words))   # an error message, or the directive applies
    _check(s, "docker network ls")
    _check(s, "ip addr")
