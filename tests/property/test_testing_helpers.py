"""dockernet_sim.testing: its strategies keep their bounds, its state machines run, and importing
the package never imports hypothesis."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockernet_sim import DockerHost, testing
from dockernet_sim.addr import parse_ip, parse_prefix
from dockernet_sim.daemon.containers import ContainerSpec
from dockernet_sim.errors import DockerError
from dockernet_sim.testing import (addresses, container_specs, docker_command_lines, network_specs, pool_requests,
                                   prefixes)

FAST = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


def test_importing_the_package_does_not_import_hypothesis() -> None:
    code = ("import sys, dockernet_sim, dockernet_sim.testing, dockernet_sim.persist, dockernet_sim.export; "
            "assert 'hypothesis' not in sys.modules, 'hypothesis imported'; "
            "dockernet_sim.testing.addresses(4); assert 'hypothesis' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


@FAST
@given(st.data(), st.sampled_from([None, 4, 6]))
def test_addresses_are_of_the_family_and_round_trip(data: st.DataObject, version: int | None) -> None:
    a = data.draw(addresses(version))
    if version is not None:
        assert a.version == version
    assert parse_ip(str(a)) == a


@FAST
@given(st.data(), st.sampled_from([4, 6]), st.integers(0, 128), st.integers(0, 128), st.booleans())
def test_prefixes_keep_their_bounds(data: st.DataObject, version: int, a: int, b: int, strict: bool) -> None:
    bits = 32 if version == 4 else 128
    lo, hi = sorted((min(a, bits), min(b, bits)))
    p = data.draw(prefixes(version, min_length=lo, max_length=hi, strict=strict))
    assert p.version == version and lo <= p.length <= hi
    if strict:
        assert not p.has_host_bits
    assert parse_prefix(str(p)).length == p.length


@FAST
@given(st.data())
def test_prefixes_within(data: st.DataObject) -> None:
    outer = data.draw(prefixes(min_length=8, max_length=64))
    inner = data.draw(prefixes(within=outer))
    assert outer.contains(inner) and inner.length >= outer.length


def test_bad_bounds_are_refused() -> None:
    with pytest.raises(ValueError):
        prefixes(4, min_length=30, max_length=20)
    with pytest.raises(ValueError):
        addresses(5)


@FAST
@given(pool_requests())
def test_pool_requests_are_well_formed(req: testing.PoolRequest) -> None:
    if req.pool is None:
        assert req.sub_pool is None
    else:
        assert req.v6 == (req.pool.version == 6)
        assert req.sub_pool is None or req.pool.contains(req.sub_pool)
    from dockernet_sim.libnetwork.ipam import Ipam
    try:
        info = req.apply(Ipam("28"))
    except DockerError:
        return
    assert info.pool_id


@FAST
@given(network_specs())
def test_network_specs_are_accepted_or_refused_with_a_docker_error(spec: dict) -> None:
    h = DockerHost(seed=0)
    spec = dict(spec)
    try:
        h.network_create(spec.pop("name"), **spec)
    except DockerError as e:
        assert str(e)


@FAST
@given(container_specs())
def test_container_specs(spec: ContainerSpec) -> None:
    assert isinstance(spec, ContainerSpec)
    h = DockerHost(seed=0)
    try:
        cid, _ = h.container_create(spec)
        h.container_start(cid)
    except DockerError as e:
        assert str(e)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(docker_command_lines(valid=True), max_size=8))
def test_valid_command_lines_never_crash(lines: list[str]) -> None:
    h = DockerHost(seed=0)
    for line in lines:
        r = h.sh(line)
        assert "internal error" not in r.stderr, (line, r.stderr)
        assert r.exit_code in (0, 1, 125, 126, 127), (line, r.exit_code, r.stderr)   # docker run: 125


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(docker_command_lines(valid=False))
def test_invalid_command_lines_fail_with_a_message(line: str) -> None:
    r = DockerHost(seed=0).sh(line)
    assert r.exit_code != 0, line
    assert r.stderr.strip() and "internal error" not in r.stderr and "Traceback" not in r.stderr, (line, r.stderr)


# The state machines, as a user would use them (see the module docstring).
class Ipam2010(testing.IpamStateMachine):
    engine = "20.10"


class Host2010(testing.HostStateMachine):
    engine = "20.10"
    seed = 4


TestIpam28 = testing.IpamStateMachine.TestCase
TestIpam28.settings = settings(max_examples=50, stateful_step_count=30, deadline=None)
TestIpam2010 = Ipam2010.TestCase
TestIpam2010.settings = settings(max_examples=50, stateful_step_count=30, deadline=None)
TestHost28 = testing.HostStateMachine.TestCase
TestHost28.settings = settings(max_examples=25, stateful_step_count=20, deadline=None,
                               suppress_health_check=list(HealthCheck))
TestHost2010 = Host2010.TestCase
TestHost2010.settings = settings(max_examples=25, stateful_step_count=20, deadline=None,
                                 suppress_health_check=list(HealthCheck))


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        testing.NoSuchMachine  # noqa: B018
