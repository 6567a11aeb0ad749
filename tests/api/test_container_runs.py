"""A container's run on the wire: ``wait``, HostConfig.AutoRemove, ``attach`` and ``logs``, as
the docker CLI uses them for ``docker run [--rm]`` (cli/command/container/run.go): the wait is asked before the
start and must answer its headers at once, its status when the condition holds (``next-exit``,
``removed``); the daemon removes an AutoRemove container when its task ends."""

from __future__ import annotations

import json
import time
import urllib.parse

import pytest

from dockernet_sim import DockerHost

from .test_server import UnixHTTPConnection, call


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    with DockerHost(engine="28", seed=0).serve() as srv:
        yield srv


def _create(srv, name: str, body: dict, version: str = "1.51") -> str:  # type: ignore[no-untyped-def]
    status, _, out = call(srv, "POST", f"/v{version}/containers/create?name={name}", {"Image": "busybox", **body})
    assert status == 201, out
    return json.loads(out)["Id"]


def _wait(srv, name: str, condition: str):  # type: ignore[no-untyped-def]
    """The wait's response once its headers are in (the body still to come)."""
    conn = UnixHTTPConnection(srv.socket_path)
    conn.request("POST", f"/v1.51/containers/{name}/wait?condition={condition}")
    return conn.getresponse()


def test_wait_answers_before_the_start_and_gives_the_exit_status(server) -> None:  # type: ignore[no-untyped-def]
    _create(server, "job", {"Cmd": ["sh", "-c", "exit 3"]})
    resp = _wait(server, "job", "next-exit")
    assert resp.status == 200                   # the headers came before the container started
    assert call(server, "POST", "/v1.51/containers/job/start")[0] == 204
    assert json.loads(resp.read()) == {"StatusCode": 3}
    status, _, body = call(server, "POST", "/v1.51/containers/job/wait")     # not-running: at once
    assert (status, json.loads(body)) == (200, {"StatusCode": 3})
    status, _, body = call(server, "POST", "/v1.51/containers/job/wait?condition=soon")
    assert (status, json.loads(body)["message"]) == (400, 'invalid condition: "soon"')


def test_auto_remove_after_exit_and_wait_removed(server) -> None:  # type: ignore[no-untyped-def]
    _create(server, "once", {"Cmd": ["echo", "hi"], "HostConfig": {"AutoRemove": True}})
    doc = json.loads(call(server, "GET", "/v1.51/containers/once/json")[2])
    assert doc["HostConfig"]["AutoRemove"] is True
    resp = _wait(server, "once", "removed")
    assert call(server, "POST", "/v1.51/containers/once/start")[0] == 204
    assert json.loads(resp.read()) == {"StatusCode": 0}
    status, _, body = call(server, "GET", "/v1.51/containers/once/json")
    assert (status, json.loads(body)["message"]) == (404, "No such container: once")


def test_stop_and_kill_remove_an_auto_remove_container_restart_does_not(server) -> None:  # type: ignore[no-untyped-def]
    for name in ("s1", "k1", "r1"):
        _create(server, name, {"Tty": True, "HostConfig": {"AutoRemove": True}})
        assert call(server, "POST", f"/v1.51/containers/{name}/start")[0] == 204
    assert call(server, "POST", "/v1.51/containers/r1/restart")[0] == 204
    assert call(server, "POST", "/v1.51/containers/s1/stop")[0] == 204
    assert call(server, "POST", "/v1.51/containers/k1/kill")[0] == 204
    names = [c["Names"] for c in json.loads(call(server, "GET", "/v1.51/containers/json?all=1")[2])]
    assert names == [["/r1"]]


def test_a_failed_start_removes_it_and_wakes_the_waiter(server) -> None:  # type: ignore[no-untyped-def]
    _create(server, "nope", {"Cmd": ["nosuchprogram"], "HostConfig": {"AutoRemove": True}})
    resp = _wait(server, "nope", "removed")
    status, _, body = call(server, "POST", "/v1.51/containers/nope/start")
    assert status >= 400 and "executable file not found in $PATH" in json.loads(body)["message"]
    assert json.loads(resp.read()) == {"StatusCode": 127}
    assert call(server, "GET", "/v1.51/containers/nope/json")[0] == 404


def test_entrypoint_and_working_dir_reach_the_main_process(server) -> None:  # type: ignore[no-untyped-def]
    _create(server, "wd", {"Entrypoint": ["pwd"], "WorkingDir": "/tmp"})
    assert call(server, "POST", "/v1.51/containers/wd/start")[0] == 204
    status, _, body = call(server, "GET", "/v1.51/containers/wd/logs?stdout=1")
    assert status == 200 and body.endswith(b"/tmp\n")


def _demux(body: bytes) -> list[tuple[int, bytes]]:
    out = []
    while body:
        n = int.from_bytes(body[4:8], "big")
        out.append((body[0], body[8:8 + n]))
        body = body[8 + n:]
    return out


def test_logs_are_the_daemons_log_as_the_query_selects_it(server) -> None:  # type: ignore[no-untyped-def]
    """r160, r191: tail, timestamps, details and time bounds are the daemon's to apply."""
    _create(server, "lines", {"Cmd": ["sh", "-c", "echo 1; echo 2; echo 3 >&2"]})
    assert call(server, "POST", "/v1.51/containers/lines/start")[0] == 204
    q = "/v1.51/containers/lines/logs?stdout=1&stderr=1"
    assert _demux(call(server, "GET", q)[2]) == [(1, b"1\n"), (1, b"2\n"), (2, b"3\n")]
    assert _demux(call(server, "GET", q + "&tail=1")[2]) == [(2, b"3\n")]
    assert _demux(call(server, "GET", q + "&tail=0")[2]) == []
    assert _demux(call(server, "GET", q + "&since=4102444800.000000000")[2]) == []
    stamped = _demux(call(server, "GET", q + "&tail=1&timestamps=1&details=1")[2])
    assert stamped[0][1].endswith(b"Z  3\n") and len(stamped[0][1]) == len(b"2026-01-01T00:00:00.000000000Z  3\n")
    assert _demux(call(server, "GET", "/v1.51/containers/lines/logs?stdout=1&tail=all")[2]) == \
        [(1, b"1\n"), (1, b"2\n")]


def test_an_attach_sees_its_own_run(server) -> None:  # type: ignore[no-untyped-def]
    """r79, r160: ``docker start -a`` of a container that ran before prints that start's output only."""
    _create(server, "twice", {"Cmd": ["echo", "hi"]})
    for _ in range(2):
        conn = UnixHTTPConnection(server.socket_path)
        conn.request("POST", "/v1.51/containers/twice/attach?stream=1&stdout=1&stderr=1")
        resp = conn.getresponse()
        assert call(server, "POST", "/v1.51/containers/twice/start")[0] == 204
        assert _demux(resp.read()) == [(1, b"hi\n")]
    assert _demux(call(server, "GET", "/v1.51/containers/twice/logs?stdout=1")[2]) == [(1, b"hi\n"), (1, b"hi\n")]


def test_exec_in_a_stopped_container_in_the_engines_words() -> None:
    with DockerHost(engine="20.10", seed=0).serve() as srv:
        cid = _create(srv, "stopped", {"Cmd": ["true"]}, "1.41")
        status, _, body = call(srv, "POST", "/v1.41/containers/stopped/exec", {"Cmd": ["ls"]})
        assert (status, json.loads(body)["message"]) == (409, f"Container {cid} is not running")


def test_container_prune_answers_the_ids(server) -> None:  # type: ignore[no-untyped-def]
    cid = _create(server, "old", {})
    status, _, body = call(server, "POST", "/v1.51/containers/prune?filters=%7B%7D")
    assert (status, json.loads(body)) == (200, {"ContainersDeleted": [cid], "SpaceReclaimed": 0})
    status, _, body = call(server, "POST", "/v1.51/containers/prune")
    assert (status, json.loads(body)) == (200, {"ContainersDeleted": None, "SpaceReclaimed": 0})


def test_the_list_command_and_size_as_the_daemon_gives_them(server) -> None:  # type: ignore[no-untyped-def]
    """r95: an argument with a space in single quotes; r82: SizeRootFs is the image's size."""
    _create(server, "p7", {"Entrypoint": ["sh"], "Cmd": ["-c", "sleep 1000"]})
    row, = json.loads(call(server, "GET", "/v1.51/containers/json?all=1&size=1")[2])
    assert (row["Command"], row["SizeRw"], row["SizeRootFs"]) == ("sh -c 'sleep 1000'", 0, 1982256)


def test_names_with_a_slash_or_a_space_reach_the_network_calls(server) -> None:  # type: ignore[no-untyped-def]
    """r120: the path is matched as sent and its parts decoded; a network's part may hold '/'."""
    for name in ("a/b", "a b"):
        assert call(server, "POST", "/v1.51/networks/create", {"Name": name})[0] == 201
    assert json.loads(call(server, "GET", "/v1.51/networks/a/b")[2])["Name"] == "a/b"
    assert json.loads(call(server, "GET", "/v1.51/networks/a%2Fb")[2])["Name"] == "a/b"
    assert call(server, "DELETE", "/v1.51/networks/a%20b")[0] == 204
    assert call(server, "DELETE", "/v1.51/networks/a/b")[0] == 204


def test_what_a_client_of_api_1_44_sends_on_the_endpoint_only(server) -> None:  # type: ignore[no-untyped-def]
    """r104: the MAC shows in Config.MacAddress; r45: a link sent twice is kept once."""
    assert call(server, "POST", "/v1.51/networks/create", {"Name": "dn"})[0] == 201
    _create(server, "beta", {"Tty": True, "HostConfig": {"NetworkMode": "dn"}})
    _create(server, "m1", {"HostConfig": {"NetworkMode": "bridge"},
                           "NetworkingConfig": {"EndpointsConfig": {"bridge": {"MacAddress": "02:42:ac:11:00:99"}}}})
    _create(server, "theta", {"HostConfig": {"NetworkMode": "dn", "Links": ["beta:bee"]},
                              "NetworkingConfig": {"EndpointsConfig": {"dn": {"Links": ["beta:bee"]}}}})
    assert json.loads(call(server, "GET", "/v1.51/containers/m1/json")[2])["Config"]["MacAddress"] == "02:42:ac:11:00:99"
    doc = json.loads(call(server, "GET", "/v1.51/containers/theta/json")[2])
    assert doc["NetworkSettings"]["Networks"]["dn"]["Links"] == ["beta:bee"]


def test_starting_a_paused_container_is_refused(server) -> None:  # type: ignore[no-untyped-def]
    _create(server, "srv", {"Tty": True})
    assert call(server, "POST", "/v1.51/containers/srv/start")[0] == 204
    assert call(server, "POST", "/v1.51/containers/srv/pause")[0] == 204
    status, _, body = call(server, "POST", "/v1.51/containers/srv/start")
    assert (status, json.loads(body)["message"]) == (409, "cannot start a paused container, try unpause instead")


def test_a_missing_container_in_the_calls_own_words(server) -> None:  # type: ignore[no-untyped-def]
    """r29: kill says which call failed, before the daemon's not-found."""
    status, _, body = call(server, "POST", "/v1.51/containers/nosuch/kill")
    assert (status, json.loads(body)["message"]) == (404, "cannot kill container: nosuch: No such container: nosuch")
    assert call(server, "POST", "/v1.51/containers/nosuch/restart")[0] == 404


def _events(srv, filters: dict):  # type: ignore[no-untyped-def]
    """GET /events with ``filters``: the response, its events to be read line by line."""
    conn = UnixHTTPConnection(srv.socket_path)
    conn.request("GET", "/v1.51/events?filters=" + urllib.parse.quote(json.dumps(filters)))
    return conn.getresponse()


def test_an_attached_run_nobody_waits_for_ends_when_a_client_listens(server) -> None:  # type: ignore[no-untyped-def]
    """c48: compose attaches, starts, and only then listens to the events for the service's die;
    the run ends once it listens (not before), with the container's labels on its events."""
    _create(server, "svc", {"Cmd": ["echo", "hi"], "Labels": {"com.docker.compose.project": "app"}})
    conn = UnixHTTPConnection(server.socket_path)
    conn.request("POST", "/v1.51/containers/svc/attach?stream=1&stdout=1&stderr=1")
    attached = conn.getresponse()
    assert call(server, "POST", "/v1.51/containers/svc/start")[0] == 204
    doc = json.loads(call(server, "GET", "/v1.51/containers/svc/json")[2])
    assert doc["State"]["Running"] is True                 # the die is still to come
    events = _events(server, {"label": {"com.docker.compose.project=app": True}, "type": {"container": True}})
    die = json.loads(events.readline())
    assert (die["Action"], die["Actor"]["Attributes"]["exitCode"]) == ("die", "0")
    assert die["Actor"]["Attributes"]["com.docker.compose.project"] == "app"
    assert _demux(attached.read()) == [(1, b"hi\n")]
    doc = json.loads(call(server, "GET", "/v1.51/containers/svc/json")[2])
    assert (doc["State"]["Status"], doc["State"]["ExitCode"]) == ("exited", 0)


def test_an_attached_run_ends_by_itself_or_before_a_stop(server) -> None:  # type: ignore[no-untyped-def]
    """Nobody listens: the run ends a moment after its start; a stop first sees it end (its output
    is there, the stop has nothing left to stop)."""
    for name in ("late", "stopped"):
        _create(server, name, {"Cmd": ["sh", "-c", "echo done; exit 2"]})
        conn = UnixHTTPConnection(server.socket_path)
        conn.request("POST", f"/v1.51/containers/{name}/attach?stream=1&stdout=1&stderr=1")
        resp = conn.getresponse()
        assert call(server, "POST", f"/v1.51/containers/{name}/start")[0] == 204
        if name == "stopped":
            assert call(server, "POST", f"/v1.51/containers/{name}/stop")[0] == 304
        assert _demux(resp.read()) == [(1, b"done\n")]
        doc = json.loads(call(server, "GET", f"/v1.51/containers/{name}/json")[2])
        assert doc["State"]["ExitCode"] == 2


def test_events_filters_pick_the_events(server) -> None:  # type: ignore[no-untyped-def]
    from dockernet_sim.api.routes import event_matches
    e = {"Type": "container", "Action": "die", "Actor": {"ID": "ab" * 32, "Attributes": {"name": "web", "tier": "x"}}}
    assert event_matches(e, {})
    assert event_matches(e, {"type": ["network", "container"], "event": ["die"], "label": ["tier"]})
    assert event_matches(e, {"label": ["tier=x"], "container": ["web"]}) and event_matches(e, {"container": ["abab"]})
    assert not event_matches(e, {"label": ["tier=y"]})
    assert not event_matches(e, {"type": ["network"]})
    assert not event_matches(e, {"network": ["web"]})
    assert not event_matches(e, {"event": ["start"]})


def test_logs_since_and_until_from_the_clients_clock(server) -> None:  # type: ignore[no-untyped-def]
    """r191: ``--since 1h`` reaches the daemon as the client's now minus an hour; the simulated
    host's clock is not the client's, so such an instant counts from the host's now."""
    _create(server, "once", {"Cmd": ["echo", "one"]})
    assert call(server, "POST", "/v1.51/containers/once/start")[0] == 204
    hour_ago = f"{time.time() - 3600:.9f}"
    q = "/v1.51/containers/once/logs?stdout=1&stderr=1"
    assert _demux(call(server, "GET", q + "&since=" + hour_ago)[2]) == [(1, b"one\n")]
    assert _demux(call(server, "GET", q + "&until=" + hour_ago)[2]) == []
    assert _demux(call(server, "GET", q + "&since=946684800.000000000")[2]) == [(1, b"one\n")]    # 2000-01-01
