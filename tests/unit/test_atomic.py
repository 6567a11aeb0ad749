"""The faults the review found, one by one: an inner function fails once inside an Engine API
call; the host must be as it was, and a retry must do what the first try would have done.

(``tests/property/test_fault_injection.py`` fails every point of every call; these are the named
cases, each with the symptom it used to have.)
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import pytest

from dockernet_sim import DockerHost, persist
from dockernet_sim.daemon.containers import EndpointSpec
from dockernet_sim.errors import DockerError
from dockernet_sim.journal import Journal
from dockernet_sim.kernel.netfilter import Chain
from dockernet_sim.kernel.netns import Namespace
from dockernet_sim.libnetwork.ipamutils import PrefixIndex

ENGINES = ["28", "20.10", "26"]


class Boom(Exception):
    """An unexpected failure inside the model (a bug, or a driver error Docker does not map)."""


def fail_once(monkeypatch: pytest.MonkeyPatch, cls: type, name: str, *, nth: int = 1,
              exc: type[BaseException] = Boom) -> None:
    """Make ``cls.name`` raise ``exc`` on its ``nth`` call, once."""
    original = getattr(cls, name)
    calls = [0]

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == nth:
            raise exc(f"{name} #{nth}")
        return original(*args, **kwargs)
    monkeypatch.setattr(cls, name, wrapper)


def check(host: DockerHost, op: Callable[[DockerHost], Any], exc: type[BaseException] = Boom) -> None:
    """``op`` fails with ``exc``; the host is as before; a retry gives what an untouched fork gives."""
    fresh = host.fork()
    before = (persist.dumps(host), host.state())
    with pytest.raises(exc):
        op(host)
    assert (persist.dumps(host), host.state()) == before
    assert op(host) == op(fresh)
    assert (persist.dumps(host), host.state()) == (persist.dumps(fresh), fresh.state())


@pytest.mark.parametrize("engine", ENGINES)
def test_failing_rule_during_network_create_leaves_no_rules(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    h = DockerHost(engine=engine, seed=1)
    fail_once(monkeypatch, Chain, "add", nth=3)
    check(h, lambda h: h.network_create("n1", ipam_config=[{"Subnet": "10.1.0.0/24"}]) and None)


@pytest.mark.parametrize("engine", ENGINES)
def test_prefix_index_failing_once_does_not_make_the_retry_overlap(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    h = DockerHost(engine=engine, seed=1)
    fail_once(monkeypatch, PrefixIndex, "add")
    check(h, lambda h: h.network_create("n1", ipam_config=[{"Subnet": "10.1.0.0/24"}]) and None)


@pytest.mark.parametrize("engine", ENGINES)
def test_static_ip_on_connect_is_free_again_after_a_fault(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    h = DockerHost(engine=engine, seed=1)
    h.network_create("n1", ipam_config=[{"Subnet": "10.1.0.0/24"}])
    h.run("busybox", name="cc")
    fail_once(monkeypatch, Namespace, "add_address")
    check(h, lambda h: h.network_connect("n1", "cc", EndpointSpec(ipv4="10.1.0.7")))


@pytest.mark.parametrize("engine", ENGINES)
def test_second_remove_link_failing_in_disconnect(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    h = DockerHost(engine=engine, seed=1)
    h.network_create("n1")
    h.run("busybox", name="cc", network_mode="n1")
    h.network_connect("bridge", "cc")
    fail_once(monkeypatch, Namespace, "remove_link", nth=2)
    check(h, lambda h: h.network_disconnect("n1", "cc"))


@pytest.mark.parametrize("engine", ENGINES)
def test_keyboard_interrupt_mid_call_leaves_a_host_that_saves_and_loads(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    h = DockerHost(engine=engine, seed=1)
    h.network_create("n1")
    fail_once(monkeypatch, Namespace, "add_link", nth=2, exc=KeyboardInterrupt)
    check(h, lambda h: h.run("busybox", name="cc", network_mode="n1") and None, exc=KeyboardInterrupt)
    again = persist.loads(persist.dumps(h), DockerHost)
    assert again.state() == h.state()


@pytest.mark.parametrize("engine", ENGINES)
def test_container_rename_rolls_back(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    h = DockerHost(engine=engine, seed=1)
    h.network_create("n1")
    h.run("busybox", name="cc", network_mode="n1")
    fail_once(monkeypatch, Journal, "record", nth=2)
    check(h, lambda h: h.container_rename("cc", "dd"))
    assert h.container_inspect("dd")["Name"] == "/dd"


def test_a_failed_start_in_run_keeps_the_container_but_an_interrupt_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """``run`` is create then start: a Docker error in the start keeps the created container (as
    dockerd does, and the save file replays it); an interrupt takes back the whole call."""
    h = DockerHost(seed=1)
    h.run("busybox", name="aa", port_bindings={"80/tcp": [{"HostIp": "", "HostPort": "8080"}]})
    with pytest.raises(Exception, match="already allocated|address already in use"):
        h.run("busybox", name="bb", port_bindings={"80/tcp": [{"HostIp": "", "HostPort": "8080"}]})
    assert h.container_inspect("bb")["State"]["Status"] == "created"
    assert persist.loads(persist.dumps(h), DockerHost).state() == h.state()
    before = h.state()
    fail_once(monkeypatch, Namespace, "add_link", nth=2, exc=KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        h.run("busybox", name="cc")
    assert h.state() == before


def test_a_rollback_gives_back_the_random_source() -> None:
    h = DockerHost(seed=1)
    h.network_create("n1", ipam_config=[{"Subnet": "10.1.0.0/24"}])
    before = h.rand.state()
    with pytest.raises(DockerError, match="overlap"):   # after the new network's ID was drawn
        h.network_create("n2", ipam_config=[{"Subnet": "10.1.0.0/16"}])
    assert h.rand.state() == before


def test_journal_step_and_survive_rollback() -> None:
    j, xs = Journal(), [1]
    with pytest.raises(ValueError):
        with j.transaction():
            then = j.step()
            xs.append(2)
            then(xs.pop)
            j.survive_rollback(lambda: xs.append(3))
            then2 = j.step()        # a change that never happened: its slot stays empty
            raise ValueError
    assert xs == [1, 3]
    assert then2 is not None
