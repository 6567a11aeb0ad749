"""``docker run --network``'s advanced form and the endpoint order it feeds.

The words and the outcomes are the real clients' and engines' (tests/golden r173 on 20.10, 26
and 28, r172 on 28, r170/r171 on 20.10 and 26); these tests pin the pieces in between: which keys
each client generation takes, how the values are read, what the daemon does with a priority, and
that no value thrown at the flag escapes as a Python exception or changes the host.
"""

from __future__ import annotations

import shlex

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockernet_sim.client.options import network_attachment
from dockernet_sim.daemon.containers import EndpointSpec
from dockernet_sim.engines import get_profile
from dockernet_sim.host import DockerHost

KEYS_28 = get_profile("28").network_opt_keys


@pytest.mark.parametrize("value, words", [
    ("name=n1,foo=bar", "invalid field key foo"),
    ("alias=x", "network name/id is not specified"),
    ("name=n1,bad", "invalid field bad"),
    ("name=n1,=x", "invalid field =x"),
    ("name=n1,driver-opt=x", "invalid key value pair format in driver options"),
    ("name=n1,gw-priority=abc", "invalid gw-priority (abc): invalid syntax"),
    ("name=n1,gw-priority=1.5", "invalid gw-priority (1.5): invalid syntax"),
    ("name=n1,gw-priority=9223372036854775808", "invalid gw-priority (9223372036854775808): value out of range"),
    ("name=n1,alias=x,", "invalid field "),
    # Go's encoding/csv, as the real 20.10 and 28 clients said it (no daemon needed to ask them)
    ('name=n1,alias="a,b"', 'parse error on line 1, column 15: bare " in non-quoted-field'),
    ('x=1"', 'parse error on line 1, column 4: bare " in non-quoted-field'),
    ('name=n1, "alias=b"', 'parse error on line 1, column 10: bare " in non-quoted-field'),
    ('"a"b,name=n1', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'),
    ('"name=n1"x', 'parse error on line 1, column 9: extraneous or missing " in quoted-field'),
    ('name=n1,"alias=a', 'parse error on line 1, column 17: extraneous or missing " in quoted-field'),
    ('"a""b=1",name=n1', 'invalid field key a"b'),
    ('name=n1,"al""ias=x"', 'invalid field key al"ias'),
])
def test_advanced_values_are_refused_in_the_clients_words(value: str, words: str) -> None:
    with pytest.raises(ValueError) as e:
        network_attachment(value, KEYS_28)
    assert str(e.value) == words


def test_the_flag_frames_the_value_go_quoted() -> None:
    # pflag's %q (checked against the real 28 client)
    out = DockerHost().sh("""docker create --network 'name=n1,alias="a,b"' busybox""")
    assert out.stderr.splitlines()[0] == ('invalid argument "name=n1,alias=\\"a,b\\"" for "--network" flag: '
                                          'parse error on line 1, column 15: bare " in non-quoted-field')
    assert out.exit_code == 125


def test_advanced_values_are_read_whole_and_lower_cased() -> None:
    att = network_attachment('name=Front,alias=Web,"alias=a,b",ip= 10.1.0.9 ,driver-opt=k=V,gw-priority=-7', KEYS_28)
    assert (att.target, att.aliases, att.ipv4, att.driver_opts, att.gw_priority) == \
        ("front", ["web", "a,b"], "10.1.0.9", {"k": "v"}, -7)
    # a value without key=value is a network name, kept as typed
    assert network_attachment("My.Net", KEYS_28).target == "My.Net"


@pytest.mark.parametrize("engine, key, known", [
    ("20.10", "mac-address", False), ("20.10", "link-local-ip", False), ("20.10", "gw-priority", False),
    ("26", "mac-address", True), ("26", "link-local-ip", True), ("26", "gw-priority", False),
    ("28", "gw-priority", True),
])
def test_each_client_generation_knows_its_keys(engine: str, key: str, known: bool) -> None:
    out = DockerHost(engine=engine).sh(f"docker create --name cc --network name=n1,{key}=1 busybox")
    assert (f"invalid field key {key}" not in out.stderr) is known


def _gateway(h: DockerHost, name: str) -> str:
    return h.sh(f"docker exec {name} ip route").stdout.splitlines()[0]


def test_gw_priority_picks_the_gateway_only_where_the_engine_reads_it() -> None:
    # a newer client (compose, docker-py) may send GwPriority to any engine: 26 (API 1.45) ignores it
    for engine, want in (("28", "default via 10.9.2.1 "), ("26", "default via 10.9.1.1 ")):
        h = DockerHost(engine=engine)
        h.sh("docker network create --subnet 10.9.1.0/24 aa")
        h.sh("docker network create --subnet 10.9.2.0/24 zz")
        h.sh("docker run -d --name gg --network aa busybox sleep 1000")
        h.network_connect("zz", "gg", EndpointSpec(gw_priority=10))
        assert _gateway(h, "gg").startswith(want), engine


@pytest.mark.parametrize("engine", ["20.10", "26", "28"])
def test_an_ipv6_network_gives_the_default_route_before_a_name_that_sorts_first(engine: str) -> None:
    h = DockerHost(engine=engine)
    h.sh("docker network create --ipv6 --subnet 10.9.1.0/24 --subnet fd00:9::/64 v6")
    h.sh("docker network create --subnet 10.9.2.0/24 aa")
    h.sh("docker run -d --name gg --network aa busybox sleep 1000")
    h.sh("docker network connect v6 gg")
    assert _gateway(h, "gg").startswith("default via 10.9.1.1 ")


_WORDS = st.sampled_from(["name", "alias", "ip", "ip6", "mac-address", "link-local-ip", "driver-opt",
                          "gw-priority", "Name", "foo", "", " "])
_VALUES = st.text(alphabet="ab1=,-\"' .:x", max_size=8)
_FIELDS = st.lists(st.tuples(_WORDS, _VALUES).map(lambda kv: "=".join(kv)), min_size=1, max_size=4).map(",".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(engine=st.sampled_from(["20.10", "26", "28"]), values=st.lists(_FIELDS | _VALUES, min_size=1, max_size=3))
def test_no_network_value_escapes_as_an_exception_or_half_creates(engine: str, values: list[str]) -> None:
    h = DockerHost(engine=engine)
    h.sh("docker network create --subnet 10.9.1.0/24 n1")
    before = h.state()
    argv = " ".join(shlex.quote(f"--network={v}") for v in values)
    out = h.sh(f"docker create --name cc {argv} busybox")
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    if out.exit_code != 0:
        assert h.state() == before
