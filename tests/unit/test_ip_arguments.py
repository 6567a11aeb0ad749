"""``ip`` with bad numbers and addresses: iproute2's words on the host, busybox's in a container.

Every expected answer below was printed by the real tool on the recording machine: iproute2 6.1
in a throwaway network namespace (``ip netns add t; ip -n t …``), busybox 1.35.0 (the images'
build) in the same namespace without ``CAP_NET_ADMIN`` (``setpriv --inh-caps=-net_admin
--bounding-set=-net_admin busybox ip …``), the device renamed to the model's ``eth0``.
A Hypothesis part throws odd words at both and asks only that no Python exception escapes.
"""

from __future__ import annotations

import ipaddress
import shlex

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockernet_sim.host import DockerHost
from dockernet_sim.terminal import Session
from dockernet_sim.userland.ipwords import busybox_prefix_ok, get_prefix

BAD_PREFIX = 'Error: any valid prefix is expected rather than "{}".\n'

# ip ARGS on the host: (stderr, exit code)
HOST = [
    ("addr add 10.0.0.1/33 dev eth0", BAD_PREFIX.format("10.0.0.1/33"), 1),
    ("addr add 10.0.0.1/-1 dev eth0", BAD_PREFIX.format("10.0.0.1/-1"), 1),
    ("addr add 10.0.0.1/ dev eth0", BAD_PREFIX.format("10.0.0.1/"), 1),
    ("addr add 10.0.0.1/abc dev eth0", BAD_PREFIX.format("10.0.0.1/abc"), 1),
    ("addr add 10.0.0.1/99999999999999999999 dev eth0", BAD_PREFIX.format("10.0.0.1/99999999999999999999"), 1),
    ("addr add 10.0.0.256/24 dev eth0", BAD_PREFIX.format("10.0.0.256/24"), 1),
    ("addr add 10.0.0.10/0x99 dev eth0", BAD_PREFIX.format("10.0.0.10/0x99"), 1),
    ("addr add 10.0.0.17/24/3 dev eth0", BAD_PREFIX.format("10.0.0.17/24/3"), 1),
    ("addr add any/8 dev eth0", BAD_PREFIX.format("any/8"), 1),
    ("addr add fe80::1/129 dev eth0", BAD_PREFIX.format("fe80::1/129"), 1),
    ("addr add ::g/64 dev eth0", BAD_PREFIX.format("::g/64"), 1),
    ("addr add 1::2::3/64 dev eth0", BAD_PREFIX.format("1::2::3/64"), 1),
    ("-4 addr add fe80::5/64 dev eth0", 'Error: inet prefix is expected rather than "fe80::5/64".\n', 1),
    ("-6 addr add 10.0.0.50/24 dev eth0", 'Error: inet6 prefix is expected rather than "10.0.0.50/24".\n', 1),
    ("addr add 10.0.0.1/24 dev", 'Command line is not complete. Try option "help"\n', 255),
    ("addr add 10.0.0.1/24", 'Not enough information: "dev" argument is required.\n', 1),
    ("addr add", 'Not enough information: "dev" argument is required.\n', 1),
    ("addr add dev eth0", "RTNETLINK answers: Operation not supported\n", 2),
    ("addr add default dev eth0", "RTNETLINK answers: Operation not supported\n", 2),
    ("addr add 10.0.0.1/32 dev nope", 'Cannot find device "nope"\n', 1),
    ("addr add 1.2.3.4/8 5.6.7.8 dev eth0", 'Error: either "local" is duplicate, or "5.6.7.8" is a garbage.\n', 255),
    ("addr add 192.0.2.2/24 dev eth0", "Error: ipv4: Address already assigned.\n", 2),
    ("addr del 10.0.0.1/33 dev eth0", BAD_PREFIX.format("10.0.0.1/33"), 1),
    ("addr del 9.9.9.9/24 dev eth0", "Error: ipv4: Address not found.\n", 2),
    ("addr del 192.0.2.2/16 dev eth0", "Error: ipv4: Address not found.\n", 2),
    ("addr del fe80::1/64 dev eth0", "Error: ipv6: address not found.\n", 2),
    ("route add 10.1.0.0/33 dev eth0", BAD_PREFIX.format("10.1.0.0/33"), 1),
    ("route add 10.1.0.1/24 dev eth0", "Error: Invalid prefix for given prefix length.\n", 2),
    ("route add 10.2.0.0/16 via 10.0.0.999 dev eth0", 'Error: inet address is expected rather than "10.0.0.999".\n', 1),
    ("route add 10.2.0.0/16 via 10.0.0.5/24 dev eth0", 'Error: inet address is expected rather than "10.0.0.5/24".\n', 1),
    ("route add 10.2.0.0/16 via fe80::1 dev eth0", 'Error: inet address is expected rather than "fe80::1".\n', 1),
    ("route add 2001:db9::/64 via 10.0.0.1 dev eth0", 'Error: inet6 address is expected rather than "10.0.0.1".\n', 1),
    ("route add default via 1.2.3.999 dev eth0", 'Error: any valid address is expected rather than "1.2.3.999".\n', 1),
    ("route add 10.3.0.0/16", "RTNETLINK answers: No such device\n", 2),
    ("route add 10.3.0.0/16 dev", 'Command line is not complete. Try option "help"\n', 255),
    ("route add 10.8.0.0/16 10.9.0.0/16 dev eth0", 'Error: either "to" is duplicate, or "10.9.0.0/16" is a garbage.\n', 255),
    ("route add 10.5.0.0/16 dev nope", 'Cannot find device "nope"\n', 1),
    ("route del 10.9.0.0/16", "RTNETLINK answers: No such process\n", 2),
    ("route del 10.9.0.0/33", BAD_PREFIX.format("10.9.0.0/33"), 1),
    ("route add fe80::/129 dev eth0", BAD_PREFIX.format("fe80::/129"), 1),
    ("link set eth0 mtu 99999999999999999999", 'Error: argument "99999999999999999999" is wrong: Invalid "mtu" value\n\n', 255),
    ("link set eth0 mtu abc", 'Error: argument "abc" is wrong: Invalid "mtu" value\n\n', 255),
    ("link set nope mtu abc", 'Error: argument "abc" is wrong: Invalid "mtu" value\n\n', 255),
    ("link set eth0 mtu -1", "Error: mtu less than device minimum.\n", 2),
    ("link set eth0 mtu 67", "Error: mtu less than device minimum.\n", 2),
    ("link set eth0 mtu 70000", "Error: mtu greater than device maximum.\n", 2),
    ("link set eth0 mtu 1400 mtu 1300", 'Error: duplicate "mtu": "1300" is the second value.\n', 255),
    ("link set eth0 mtu", 'Command line is not complete. Try option "help"\n', 255),
    ("link set eth0 foo", 'Error: either "dev" is duplicate, or "foo" is a garbage.\n', 255),
    ("link set", 'Not enough information: "dev" argument is required.\n', 255),
    ("link set eth0 master nope", 'Error: argument "nope" is wrong: Device does not exist\n\n', 255),
    ("link set eth0 master", 'Command line is not complete. Try option "help"\n', 255),
    ("link add x type veth peer name", 'Command line is not complete. Try option "help"\n', 255),
    ("link add", 'Not enough information: "type" argument is required\n', 1),
]


@pytest.mark.parametrize("line,stderr,code", HOST)
def test_host_ip_refuses_as_iproute2_does(line: str, stderr: str, code: int) -> None:
    r = DockerHost().host_ip(line.split())
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, code)


def test_host_ip_refusals_change_nothing() -> None:
    host = DockerHost()
    before = host.daemon.state()
    for line, _, _ in HOST:
        host.host_ip(line.split())
    assert host.daemon.state() == before


# what iproute2 accepts, and the address it then shows
ACCEPTED = [
    ("10.0.0/24", "10.0.0.0/24"), ("10/8", "10.0.0.0/8"), ("10.0.0.1/024", "10.0.0.1/20"),
    ("10.0.0.1/0x10", "10.0.0.1/16"), (" 10.0.0.11/24", "10.0.0.11/24"), ("+10.0.0.12/24", "10.0.0.12/24"),
    ("-0.0.0.13/24", "0.0.0.13/24"), ("10.0.0.14/+24", "10.0.0.14/24"), ("10.0.0.15/ 24", "10.0.0.15/24"),
    ("10.0.0.16/-0", "10.0.0.16/0"), ("1.2.3.4", "1.2.3.4/32"), ("::ffff:1.2.3.4/96", "::ffff:1.2.3.4/96"),
]


@pytest.mark.parametrize("word,shown", ACCEPTED)
def test_host_ip_reads_numbers_as_c_does(word: str, shown: str) -> None:
    host = DockerHost()
    r = host.host_ip(["addr", "add", word, "dev", "eth0"])
    assert (r.stderr, r.exit_code) == ("", 0)
    assert f"inet{'6' if ':' in shown else ''} {shown} " in host.host_ip(["addr", "show", "dev", "eth0"]).stdout


def test_ipv4_keeps_one_address_per_length_and_deletes_by_length() -> None:
    host = DockerHost()
    assert host.host_ip("addr add 192.0.2.2/16 dev eth0".split()).exit_code == 0
    assert host.host_ip("addr del 192.0.2.2/16 dev eth0".split()).exit_code == 0
    assert "inet 192.0.2.2/24 " in host.host_ip("addr show dev eth0".split()).stdout
    r = host.host_ip("addr del 192.0.2.2 dev eth0".split())
    assert r.exit_code == 0 and r.stderr.startswith("Warning: Executing wildcard deletion")
    assert "(192.0.2.2/32)" in r.stderr and "inet 192.0.2.2/" not in host.host_ip("addr show dev eth0".split()).stdout


# docker exec c1 ip ARGS (busybox, no CAP_NET_ADMIN): (stderr, exit code)
BUSYBOX = [
    ("addr add 10.0.0.1/33 dev eth0", 'ip: an inet prefix is expected rather than "10.0.0.1"\n', 1),
    ("addr add 10.0.0.1/-1 dev eth0", 'ip: an inet prefix is expected rather than "10.0.0.1"\n', 1),
    ("addr add 1.2.3.4/255.0.255.0 dev eth0", 'ip: an inet prefix is expected rather than "1.2.3.4"\n', 1),
    ("addr add fe80::1/129 dev eth0", 'ip: an inet prefix is expected rather than "fe80::1"\n', 1),
    ("addr add 10.0.0.1/24 dev eth0", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("addr add 10/8 dev eth0", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("addr add 1.2.3.4/255.255.0.0 dev eth0", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("addr add 10.0.0.1/ dev eth0", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("addr add 10.0.0.1/24 dev nope", "ip: can't find device 'nope'\n", 1),
    ("addr add 10.0.0.1/24", 'ip: need "dev IFACE"\n', 1),
    ("addr add 10.0.0.1/24 dev", 'ip: command line is not complete, try "help"\n', 1),
    ("addr add", 'ip: need "dev IFACE"\n', 1),
    ("addr add 1.2.3.4/8 1.2.3.5/8 dev eth0", 'ip: either "local" is duplicate, or "1.2.3.5/8" is garbage\n', 1),
    ("addr del 10.0.0.1/33 dev eth0", 'ip: an inet prefix is expected rather than "10.0.0.1"\n', 1),
    ("addr flush", "ip: flush requires an argument\n", 1),
    ("route add 10.1.0.0/33 dev eth0", 'ip: an inet prefix is expected rather than "10.1.0.0"\n', 1),
    ("route add 10.1.0.0/16 dev eth0", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("route add 10.1.0.0/16 via 1.2.3.999", 'ip: an inet address is expected rather than "1.2.3.999"\n', 1),
    ("route add 10.0.0.0/8 via 0x0a.0.0.1", 'ip: an inet address is expected rather than "0x0a.0.0.1"\n', 1),
    ("route add 10.0.0.0/8 dev nope", "ip: can't find device 'nope'\n", 1),
    ("route add 10.0.0.0/8 dev eth0 mtu x", "ip: invalid argument 'x' to 'mtu'\n", 1),
    ("route add 10.0.0.0/8 foo bar", 'ip: either "to" is duplicate, or "foo" is garbage\n', 1),
    ("route add 10.0.0.0/8 metric", 'ip: command line is not complete, try "help"\n', 1),
    ("route add", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("route flush all", "ip: can't send flush request: Operation not permitted\n", 1),
    ("route get 10.0.0.1/40", 'ip: an inet prefix is expected rather than "10.0.0.1"\n', 1),
    ("link set eth0 mtu 99999999999999999999", "ip: invalid argument '99999999999999999999' to 'mtu'\n", 2),
    ("link set eth0 mtu -1", "ip: invalid argument '-1' to 'mtu'\n", 2),
    ("link set eth0 mtu 1400", "ip: SIOCSIFMTU: Operation not permitted\n", 2),
    ("link set nope mtu 1400", "ip: SIOCSIFMTU: Operation not permitted\n", 2),
    ("link set eth0 down", "ip: SIOCSIFFLAGS: Operation not permitted\n", 2),
    ("link set eth0 up", "", 0),
    ("link set nope up", "ip: SIOCGIFFLAGS: No such device\n", 2),
    ("link set nope foo", 'ip: either "dev" is duplicate, or "foo" is garbage\n', 2),
    ("link set", 'ip: "dev" requires an argument\n', 2),
    ("link set eth0 mtu", 'ip: command line is not complete, try "help"\n', 2),
    ("link set eth0 master x", "ip: can't find device 'x'\n", 2),
    ("link set eth0 nomaster", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("link add x type veth peer name y", "ip: RTNETLINK answers: Operation not permitted\n", 2),
    ("link del eth0", "ip: RTNETLINK answers: Operation not permitted\n", 2),
]


def _session() -> Session:
    s = Session(engine="28", seed=0)
    assert s.run_line("docker run -d --name c1 busybox sleep 1000").exit_code == 0
    return s


session = pytest.fixture(scope="module")(_session)
fuzzed_session = pytest.fixture(scope="module")(_session)      # the fuzz may change the host


@pytest.mark.parametrize("line,stderr,code", BUSYBOX)
def test_busybox_ip_in_a_container_refuses_as_busybox_does(session: Session, line: str, stderr: str,
                                                           code: int) -> None:
    r = session.run_line(f"docker exec c1 ip {line}")
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, code)


def test_prefix_readers_agree_with_ipaddress_on_plain_words() -> None:
    for text in ("10.0.0.1/0", "10.0.0.1/32", "10.0.0.1/33", "255.255.255.255/8", "fe80::1/128",
                 "fe80::1/129", "2001:db8::/0"):
        try:
            ipaddress.ip_interface(text)
            valid = True
        except ValueError:
            valid = False
        assert (get_prefix(text, None) is not None) == valid == busybox_prefix_ok(text), text


# -- no Python exception, whatever the words --------------------------------------------------------

NUMBER = st.one_of(st.integers(-2**70, 2**70).map(str), st.sampled_from(
    ["", " ", "+", "-", "-0", "0x", "0x1g", "08", "0x7fffffff", "1e3", "٣", "18446744073709551616"]))
OCTETS = st.lists(NUMBER, min_size=1, max_size=5).map(".".join)
ADDRESS = st.one_of(OCTETS, st.sampled_from(["::", "fe80::1", "1::2::3", "::ffff:1.2.3.4", "default", "any",
                                             "all", "g::", ":::", "1:2:3:4:5:6:7:8:9"]),
                    st.text(alphabet="0123456789abcdef:.x/ -+", max_size=20))
PREFIX = st.one_of(ADDRESS, st.builds(lambda a, n: f"{a}/{n}", ADDRESS, st.one_of(NUMBER, OCTETS)))
WORD = st.one_of(PREFIX, NUMBER, st.sampled_from(["dev", "eth0", "lo", "nope", "via", "mtu", "master", "nomaster",
                                                  "up", "down", "brd", "+", "local", "to", "peer", "name", "type",
                                                  "veth", "bridge", "macvlan", "mode", "link", "default"]))
ARGV = st.builds(lambda fam, obj, verb, rest: [*fam, obj, verb, *rest],
                 st.sampled_from([[], ["-4"], ["-6"]]), st.sampled_from(["addr", "route", "link", "a", "r", "l"]),
                 st.sampled_from(["add", "del", "set", "delete", "change", "replace", "flush", "get", "show"]),
                 st.lists(WORD, max_size=6))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARGV)
def test_host_ip_never_raises(argv: list[str]) -> None:
    r = DockerHost().host_ip(argv)
    assert r.exit_code in (0, 1, 2, 255) and (r.exit_code == 0 or r.stderr), (argv, r)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(ARGV)
def test_terminal_ip_never_raises(fuzzed_session: Session, argv: list[str]) -> None:
    words = " ".join(shlex.quote(w) for w in argv)
    for line in (f"ip {words}", f"docker exec c1 ip {words}"):
        r = fuzzed_session.run_line(line)
        assert r.exit_code != 70 and "internal error" not in r.stderr and "Traceback" not in r.stderr, (line, r)
