"""docker-py (the Python SDK behind Ansible's docker modules, molecule, testcontainers) against
the docker_sim fixture: the user's own client code, no daemon."""

from __future__ import annotations

import pytest

docker = pytest.importorskip("docker")


def test_networks(docker_sim) -> None:  # type: ignore[no-untyped-def]
    client = docker.from_env()
    ipam = docker.types.IPAMConfig(pool_configs=[docker.types.IPAMPool(subnet="10.20.0.0/24", gateway="10.20.0.1")])
    net = client.networks.create("front", driver="bridge", ipam=ipam, labels={"tier": "web"})
    assert net.name == "front"
    assert [n.name for n in client.networks.list(names=["front"])] == ["front"]
    assert client.networks.get("front").attrs["IPAM"]["Config"] == [{"Subnet": "10.20.0.0/24", "Gateway": "10.20.0.1"}]
    assert {n.name for n in client.networks.list(filters={"label": "tier=web"})} == {"front"}
    with pytest.raises(docker.errors.APIError) as caught:
        client.networks.create("other", ipam=ipam)
    assert "Pool overlaps" in str(caught.value)
    pruned = client.networks.prune()
    assert pruned["NetworksDeleted"] == ["front"]
    with pytest.raises(docker.errors.NotFound):
        client.networks.get("front")


def test_containers_and_exec(docker_sim) -> None:  # type: ignore[no-untyped-def]
    client = docker.from_env()
    client.networks.create("back")
    db = client.containers.run("busybox", name="db", network="back", tty=True, detach=True)
    web = client.containers.run("busybox", name="web", network="back", tty=True, detach=True,
                                ports={"80/tcp": 8080})
    assert db.status in ("created", "running")
    web.reload()
    assert web.attrs["NetworkSettings"]["Networks"]["back"]["IPAddress"] == "172.18.0.3"
    assert web.ports == {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}, {"HostIp": "::", "HostPort": "8080"}]}
    code, out = web.exec_run("ping -c 1 -W 1 db")
    assert code == 0 and b"1 packets received" in out
    code, out = web.exec_run(["cat", "/etc/hosts"])
    assert code == 0 and b"172.18.0.3" in out
    assert sorted(c.name for c in client.containers.list()) == ["db", "web"]
    client.networks.get("back").disconnect(web)
    code, out = web.exec_run("ping -c 1 -W 1 db")
    assert code != 0
    web.remove(force=True)
    with pytest.raises(docker.errors.NotFound):
        client.containers.get("web")


def test_attached_run_returns_output(docker_sim) -> None:  # type: ignore[no-untyped-def]
    client = docker.from_env()
    out = client.containers.run("busybox", ["echo", "hello"], remove=False)
    assert out == b"hello\n"


def test_errors(docker_sim) -> None:  # type: ignore[no-untyped-def]
    client = docker.from_env()
    with pytest.raises(docker.errors.NotFound):
        client.networks.get("nope")
    client.containers.run("busybox", name="xx", tty=True, detach=True)
    with pytest.raises(docker.errors.APIError) as caught:
        client.containers.run("busybox", name="xx", tty=True, detach=True)
    assert caught.value.status_code == 409
    with pytest.raises(docker.errors.APIError) as caught:        # no registry is reachable
        client.images.pull("registry.example/nothing", tag="1")
    assert caught.value.status_code == 500 and "no such host" in str(caught.value)
    assert client.images.pull("busybox", tag="latest").tags == ["busybox:latest"]


def test_a_detached_exec_leaves_a_server_running(docker_sim) -> None:  # type: ignore[no-untyped-def]
    """exec_run(detach=True) starts the server beside PID 1, as `docker exec -d` does (r141); a
    program the image lacks is the daemon's error."""
    client = docker.from_env()
    web = client.containers.run("busybox", name="web", tty=True, detach=True)
    code, out = web.exec_run("httpd -f -p 80", detach=True)
    assert not out
    code, out = web.exec_run("netstat -tln")
    assert b":::80 " in out
    with pytest.raises(docker.errors.APIError) as caught:
        web.exec_run("nosuchprog", detach=True)
    assert 'exec: "nosuchprog": executable file not found' in str(caught.value)


def test_pause_and_unpause(docker_sim) -> None:  # type: ignore[no-untyped-def]
    """POST /containers/{id}/pause|unpause: the state the SDK reads, an exec refused while paused."""
    client = docker.from_env()
    c = client.containers.run("busybox", name="frozen", tty=True, detach=True)
    c.pause()
    c.reload()
    assert (c.status, c.attrs["State"]["Paused"], c.attrs["State"]["Running"]) == ("paused", True, True)
    assert [x.name for x in client.containers.list(filters={"status": "paused"})] == ["frozen"]
    with pytest.raises(docker.errors.APIError) as caught:
        c.exec_run("hostname")
    assert "is paused, unpause the container before exec" in str(caught.value)
    with pytest.raises(docker.errors.APIError) as caught:
        c.pause()
    assert "is already paused" in str(caught.value)
    c.unpause()
    c.reload()
    assert (c.status, c.attrs["State"]["Paused"]) == ("running", False)
    with pytest.raises(docker.errors.APIError) as caught:
        c.unpause()
    assert "is not paused" in str(caught.value)


def test_logs_and_top_through_the_engine_api(docker_sim) -> None:  # type: ignore[no-untyped-def]
    client = docker.from_env()
    once = client.containers.run("busybox", ["sh", "-c", "echo hello; echo oops >&2"], detach=True)
    once.reload()
    assert once.status == "exited"
    assert once.logs(stdout=True, stderr=False) == b"hello\n"
    assert once.logs(stdout=False, stderr=True) == b"oops\n"
    web = client.containers.run("busybox", ["sleep", "1000"], detach=True)
    web.reload()
    assert web.status == "running"
    top = web.top()
    assert top["Titles"] == ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]
    assert [p[-1] for p in top["Processes"]] == ["sleep 1000"]
    with pytest.raises(docker.errors.APIError):
        once.top()


def test_events_filtered_by_label_and_logs_since(docker_sim) -> None:  # type: ignore[no-untyped-def]
    """client.events(filters=…) gets only what matches, each container event with the
    container's labels (as compose reads them); logs(since=…) counts from the client's clock."""
    import datetime
    client = docker.from_env()
    client.networks.create("noise")
    events = client.events(decode=True, filters={"type": "container", "label": "team=blue"})
    client.containers.run("busybox", ["echo", "hi"], name="red", labels={"team": "red"}, detach=True)
    blue = client.containers.run("busybox", ["echo", "hi"], name="blue", labels={"team": "blue"}, detach=True)
    first = next(events)
    assert (first["Type"], first["Action"], first["Actor"]["Attributes"]["name"]) == ("container", "create", "blue")
    assert first["Actor"]["Attributes"]["team"] == "blue"
    events.close()
    an_hour_ago = datetime.datetime.now() - datetime.timedelta(hours=1)
    assert blue.logs(since=an_hour_ago) == b"hi\n"
    assert blue.logs(until=an_hour_ago) == b""
