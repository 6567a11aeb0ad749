"""The daemon's event log (daemon/events.py) and ``docker events`` (client/events.py): bounded as
moby's, journaled with the call that logged it, kept by save/load and fork, filtered as moby's
Filter.Include (recorded in tests/golden/scenarios/r270-r272)."""

from __future__ import annotations

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.events import EVENTS_LIMIT, Actor, EventFilter, EventLog, Message
from dockernet_sim.errors import DockerError, NotFound
from dockernet_sim.journal import Journal

WINDOW = "--since 0 --until=-1s"


def _msg(n: int, type_: str = "network", action: str = "create", **attrs: str) -> Message:
    return Message(type_, action, Actor(f"id{n}", tuple(attrs.items())), n)


def test_the_log_keeps_the_last_256_events_oldest_first() -> None:
    log = EventLog(Journal())
    for n in range(1000):
        log.log(_msg(n))
    got = log.messages()
    assert len(log.ring) == EVENTS_LIMIT == 256 and log.count == 1000
    assert [m.time_ns for m in got] == list(range(1000 - 256, 1000))


@pytest.mark.parametrize("before", [3, 256, 300])
def test_events_logged_in_a_call_that_fails_vanish_with_it(before: int) -> None:
    j = Journal()
    log = EventLog(j)
    for n in range(before):
        log.log(_msg(n))
    kept = (list(log.ring), log.count, log.messages())
    with pytest.raises(NotFound):
        with j.transaction():
            for n in range(5):
                log.log(_msg(10_000 + n))
            raise NotFound("no such thing")
    assert (list(log.ring), log.count, log.messages()) == kept


def test_a_refused_api_call_logs_nothing() -> None:
    h = DockerHost()
    h.sh("docker network create front")
    before = h.events(since_ns=0)
    assert h.sh("docker network create front").exit_code == 1
    r = h.sh("docker run -d --name a1 --network nowhere busybox")
    assert r.exit_code != 0
    after = h.events(since_ns=0)
    # the run's create succeeded (its start failed): only its create is new
    assert [(m.type, m.action) for m in after[len(before):]] == [("container", "create")]


def test_the_window_is_read_as_loadBufferedEvents_does() -> None:
    log = EventLog(Journal())
    for n in range(10):
        log.log(_msg(n))
    assert log.buffered(None, None) == []                    # no window: only what comes next
    assert [m.time_ns for m in log.buffered(3, 6)] == [3, 4, 5, 6]
    assert [m.time_ns for m in log.buffered(None, 2)] == [0, 1, 2]
    assert log.buffered(11, None) == []


@pytest.mark.parametrize("filters,expected", [
    (["type=network"], ["n1", "n2"]),
    (["type=container"], ["c1", "centos-box"]),
    (["container=c"], ["c1", "centos-box"]),            # a name filter matches by prefix, ID or name
    (["network=n1"], ["n1"]),
    (["container=zz"], []),
    (["daemon=x"], []),                                 # every event must match every name filter given
    (["label=role"], ["c1"]),
    (["label=role=web"], ["c1"]),
    (["label=role=db"], []),
    (["event=create", "event=destroy"], ["n1", "n2", "c1"]),
    (["event=exec_create"], ["centos-box"]),            # fuzzy: exec_create: sh
    (["scope=local", "type=network"], ["n1", "n2"]),
    (["image=busybox"], ["c1"]),
    (["type=bogus"], []),
])
def test_filters_as_moby_includes(filters: list[str], expected: list[str]) -> None:
    msgs = [_msg(1, "network", "create", name="n1", type="bridge"),
            _msg(2, "network", "destroy", name="n2", type="bridge"),
            _msg(3, "container", "create", image="busybox", name="c1", role="web"),
            _msg(4, "container", "exec_create: sh ", image="centos", name="centos-box")]
    keep = EventFilter.parse(filters)
    assert [m.actor.attribute("name") for m in msgs if keep.include(m)] == expected


def test_docker_events_over_a_closed_window() -> None:
    h = DockerHost(engine="28")
    h.sh("docker run -itd --name box1 busybox")
    h.sh("docker exec box1 true")
    h.sh("docker rm -f box1")
    r = h.sh(f"docker events {WINDOW} --filter type=container --format '{{{{.Action}}}} {{{{.Actor.Attributes.name}}}}'")
    assert r.stdout.splitlines() == ["create box1", "start box1", "exec_create: true  box1", "exec_start: true  box1",
                                     "exec_die box1", "kill box1", "die box1", "destroy box1"]
    plain = h.sh(f"docker events {WINDOW} --filter type=network").stdout.splitlines()
    assert [line.split(" ")[1:3] for line in plain] == [["network", "connect"], ["network", "disconnect"]]
    assert plain[0].endswith(", name=bridge, type=bridge)") and plain[0][:4] == "2026"
    assert h.sh("docker events --since 0s --until 0s").stdout == ""   # a window that closed at once
    assert h.sh("docker events").stdout == ""                        # no window: nothing buffered is sent


def test_docker_events_format_errors_and_json() -> None:
    h = DockerHost(engine="28")
    r = h.sh(f"docker events {WINDOW} --format '{{{{.Nope}}}}'")
    assert (r.exit_code, r.stderr) == (64, 'Error parsing format: template: :1:2: executing "" at <.Nope>: '
                                           "can't evaluate field Nope in type *events.Message\n")
    h.sh("docker network create n1")
    r = h.sh(f"docker events {WINDOW} --filter type=network --format json")
    assert r.stdout.startswith('{"Type":"network","Action":"create","Actor":{"ID":"') and '"scope":"local","time":' in r.stdout


def test_start_up_logs_the_recorders_image_imports() -> None:
    h = DockerHost()
    got = [(m.action, m.actor.attribute("name")) for m in h.events(since_ns=0)]
    assert [a for a, _ in got] == ["tag", "import"] * 3
    assert [n for a, n in got if a == "tag"] == ["busybox:latest", "centos:latest", "web:latest"]


def test_save_load_and_fork_keep_the_log(tmp_path: object) -> None:
    import os
    h = DockerHost(engine="20.10")
    h.sh("docker run -itd --name box1 busybox")
    h.sh("docker network disconnect bridge box1")
    path = os.path.join(str(tmp_path), "h.json")
    h.save(path)
    for loaded in (DockerHost.load(path), DockerHost.load(path, replay=True)):
        assert loaded.events(since_ns=0) == h.events(since_ns=0)
    twin = h.fork()
    twin.sh("docker rm -f box1")
    assert len(twin.events(since_ns=0)) > len(h.events(since_ns=0))
    # 20.10 logs an explicit disconnect twice (r271)
    assert [m.action for m in h.events(since_ns=0, filters=["type=network"])] == ["connect", "disconnect", "disconnect"]


def test_the_log_stays_bounded_at_any_host_size() -> None:
    h = DockerHost()
    for i in range(150):
        h.sh(f"docker volume create v{i}")
    log = h.daemon.event_log
    assert len(log.ring) == log.count == 6 + 150 and len(h.events(since_ns=0)) == 156
    for i in range(150):
        h.sh(f"docker volume rm v{i}")
    assert len(log.ring) == 256 and log.count == 306
    assert h.events(since_ns=0)[0].actor.id == "v44"       # the 50 oldest are gone


def test_a_bad_window_is_the_clients_error() -> None:
    h = DockerHost()
    r = h.sh("docker events --until bogus")
    assert r.exit_code == 1 and r.stderr and not r.stderr.startswith("Error response from daemon")


def test_events_of_a_failed_start_are_taken_back() -> None:
    h = DockerHost()
    h.sh("docker create --name c1 --network nowhere busybox")
    n = len(h.events(since_ns=0))
    with pytest.raises(DockerError):
        h.container_start("c1")
    assert len(h.events(since_ns=0)) == n
